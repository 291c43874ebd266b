/** Shared by the semantics tests: loading a model, comparing with the reference, the embedder way. */
import type { compile } from "@precept/compiler";
import { analyze, memoryHost, type PolicyModel } from "@precept/language";
import { type Built, buildModel } from "@precept/project";
import type { DecideResult, Decider } from "@precept/runtime";
import { Engine } from "./jre.js";
import { type Facts, type ReferenceDecision, shiftDate } from "./reference.js";

/** The checked model of `entry` among `files`; an error in any of them fails the test. */
export function modelOf(files: Record<string, string>, entry: string): PolicyModel {
  const analysis = analyze(entry, memoryHost(files), { unusedWarnings: false });
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${entry} has errors: ${JSON.stringify(errors, null, 2)}`);
  return analysis.policy!;
}

/** The policy through the project's one pipeline (compile → load); a failure fails the test. */
export function built(policy: PolicyModel): Built {
  const result = buildModel(policy);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

export function load(policy: PolicyModel): Decider {
  return built(policy).decider;
}

/** The decision without what the reference does not compute (explanation, question wording). */
export function comparable(r: DecideResult): ReferenceDecision {
  if (!r.ok && r.errors.every((e) => e.constraint !== undefined))
    return {
      outcome: "contradictory",
      decidingRules: [],
      alsoApplies: [],
      advice: [],
      warnings: [],
      contradicts: r.errors.map((e) => e.constraint!),
    };
  if (!r.ok) throw new Error(r.explanation);
  return {
    outcome: r.outcome,
    decidingRules: r.decidingRules,
    alsoApplies: r.alsoApplies,
    advice: r.advice,
    ...(r.undetermined
      ? {
          undetermined: {
            needs: r.undetermined.needs.map((n) => n.fact),
            atLeast: r.undetermined.atLeast,
            pending: r.undetermined.pending,
          },
        }
      : {}),
    warnings: r.warnings,
    ...(r.assumed ? { assumed: r.assumed.map((a) => a.fact) } : {}),
  };
}

/**
 * The embedder contract: plain json-rules-engine, highest `params.strength` wins. The embedder
 * supplies the decision-date facts (`bundle.dates`), here with the reference's own date arithmetic.
 */
export async function embedderOutcome(
  bundle: ReturnType<typeof compile>,
  facts: Facts,
  asOf = "2000-01-01",
): Promise<string> {
  const engine = new Engine(bundle.rules);
  const dates = Object.fromEntries(
    (bundle.dates ?? []).map((d) => [d.name, shiftDate(asOf, d.amount, d.unit)]),
  );
  const { events } = await engine.run({ ...facts, ...dates });
  let best: { type: string; strength: number } | undefined;
  for (const e of events) {
    const strength = (e.params as { strength: number }).strength;
    if (!best || strength > best.strength) best = { type: e.type, strength };
  }
  return best?.type ?? bundle.defaultOutcome;
}
