/**
 * Analysis is exact: on random small policies, every finding agrees with brute-force enumeration
 * of the situation space through the reference interpreter (docs/semantics.md) — every witness
 * shows what its finding says, and every overruled, unsatisfiable, overlapping, gap and impact
 * case that enumeration finds is reported.
 */
import type { FactModel, FactValue, PolicyModel } from "@precept/language";
import {
  analyzeModel,
  analyzePolicy,
  comparePolicies,
  type Finding,
  memoryHost,
  PolicyAnalyser,
  Workspace,
} from "@precept/project";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modelArbitrary, valuesOf } from "../semantics/arbitraries.js";
import { decide, entries, type Facts, truth } from "../semantics/reference.js";
import { layeredPolicyArbitrary } from "../support/generate.js";

const RUNS = Number(process.env.PRECEPT_PROPERTY_RUNS ?? 150);
const MAX_SITUATIONS = 3000;
/** Brute force is slow under load; the property, not the time, is what is tested. */
const TIMEOUT = 180_000;

/** Values that reach every class the analysis can distinguish for the generated constants. */
function domain(f: FactModel): FactValue[] {
  switch (f.type.kind) {
    case "choice":
      return [...f.type.values];
    case "set":
      return valuesOf(f);
    case "yes/no":
      return [true, false];
    case "number":
      return [-1, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6];
    case "text":
      return ["x", "y", "z", "w"];
    case "date":
      // Not generated here (dates: false): analysis refuses policies with dates.
      return valuesOf(f);
  }
}

function size(policy: PolicyModel): number {
  return policy.facts.reduce((n, f) => n * domain(f).length, 1);
}

function* situations(policy: PolicyModel): Generator<Facts> {
  const facts = policy.facts;
  const index = facts.map(() => 0);
  const domains = facts.map(domain);
  while (true) {
    const s: Record<string, FactValue> = {};
    facts.forEach((f, i) => {
      s[f.name] = domains[i]![index[i]!]!;
    });
    yield s;
    let i = 0;
    while (i < facts.length && ++index[i]! === domains[i]!.length) index[i++] = 0;
    if (i === facts.length) return;
  }
}

const ids = (fs: readonly Finding[], code: string) =>
  fs
    .filter((f) => f.code === code)
    .map((f) => f.rules.join("+"))
    .sort();

function expectWitnessDecisions(policy: PolicyModel, findings: readonly Finding[]): void {
  for (const f of findings) {
    for (const w of f.witnesses) {
      const d = decide(policy, w.facts);
      expect({ outcome: w.outcome, rules: [...w.rules].sort() }).toEqual({
        outcome: d.outcome,
        rules: [...d.decidingRules].sort(),
      });
    }
  }
}

describe("analysis agrees with brute-force enumeration", () => {
  it(
    "overruled, unsatisfiable, overlaps and gaps, with witnesses that show them",
    () => {
      fc.assert(
        fc.property(modelArbitrary({ maxRules: 6, dates: false }), (policy) => {
          fc.pre(size(policy) <= MAX_SITUATIONS);
          const findings = analyzeModel(policy, { overlaps: true });
          expect(new PolicyAnalyser(policy).overlapCount()).toBe(
            findings.filter((f) => f.code === "rule-overlap").length,
          );
          const all = entries(policy, "2000-01-01").filter((e) => e.kind !== "advice");
          const applies = new Set<string>();
          const decides = new Set<string>();
          const together = new Set<string>();
          const conditionHolds = new Set<string>();
          const termHolds = new Set<string>();
          let gap = false;
          for (const s of situations(policy)) {
            const holding = all.filter((e) => truth(e.appliesWhen, s) === "true");
            for (const e of holding) applies.add(e.id);
            for (const id of decide(policy, s).decidingRules) decides.add(id);
            if (holding.length === 0) gap = true;
            for (const a of holding) {
              for (const b of holding) {
                if (a.id < b.id && a.rule !== b.rule && a.outcome !== b.outcome) {
                  together.add(`${a.id}+${b.id}`);
                }
              }
            }
            for (const r of policy.rules) {
              if (truth(r.condition, s) !== "true") continue;
              conditionHolds.add(r.id);
              for (const e of r.exceptions)
                if (truth(e.condition, s) === "true") conditionHolds.add(e.id);
            }
            for (const t of policy.terms)
              if (truth(t.condition, s) === "true") termHolds.add(t.name);
          }
          // Overruled: applies somewhere, decides nowhere.
          expect(ids(findings, "overruled-rule")).toEqual(
            all
              .filter((e) => applies.has(e.id) && !decides.has(e.id))
              .map((e) => e.id)
              .sort(),
          );
          // Unsatisfiable rules: their condition never holds, or they never apply on their own.
          expect(ids(findings, "unsatisfiable-rule")).toEqual(
            policy.rules
              .filter((r) => !applies.has(r.id))
              .map((r) => r.id)
              .sort(),
          );
          expect(ids(findings, "unsatisfiable-exception")).toEqual(
            // (The exceptions of a rule that can never apply are not reported again.)
            policy.rules
              .filter((r) => conditionHolds.has(r.id))
              .flatMap((r) => r.exceptions)
              .filter((e) => !conditionHolds.has(e.id))
              .map((e) => e.id)
              .sort(),
          );
          expect(findings.filter((f) => f.code === "unsatisfiable-term").length).toBe(
            policy.terms.filter((t) => !termHolds.has(t.name)).length,
          );
          // Overlaps: candidates of different rules and outcomes that hold together (each deciding
          // somewhere: one that never decides is reported as overruled instead).
          const pair = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);
          expect(
            findings
              .filter((f) => f.code === "rule-overlap")
              .map((f) => pair(f.rules[0]!, f.rules[1]!))
              .sort(),
          ).toEqual(
            [...together].filter((p) => p.split("+").every((id) => decides.has(id))).sort(),
          );
          expect(findings.some((f) => f.code === "gap")).toBe(gap);
          // Every witness is a complete situation with the decision the finding shows.
          expectWitnessDecisions(policy, findings);
          for (const f of findings) {
            const w = f.witnesses[0];
            if (!w) continue;
            for (const fact of policy.facts) expect(w.facts[fact.name]).not.toBeUndefined();
            const holding = all.filter((e) => truth(e.appliesWhen, w.facts) === "true");
            if (f.code === "gap") expect(holding).toEqual([]);
            if (f.code === "overruled-rule") {
              expect(holding.map((e) => e.id)).toContain(f.rules[0]);
              expect(w.rules).not.toContain(f.rules[0]);
            }
            if (f.code === "rule-overlap") {
              for (const id of f.rules) expect(holding.map((e) => e.id)).toContain(id);
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "impact: every situation decided differently lies in a reported region, and only those",
    () => {
      const pairArbitrary = modelArbitrary({ maxRules: 6, dates: false }).chain((before) =>
        fc
          .tuple(
            fc.subarray([...before.rules]),
            fc.array(fc.constantFrom(...before.outcomes.map((o) => o.name), "no guidance"), {
              minLength: before.rules.length,
              maxLength: before.rules.length,
            }),
            fc.array(fc.boolean(), {
              minLength: before.rules.length,
              maxLength: before.rules.length,
            }),
          )
          .map(([kept, outcomes, change]): [PolicyModel, PolicyModel] => [
            before,
            {
              ...before,
              rules: kept.map((r) => {
                const i = before.rules.indexOf(r);
                return change[i] ? { ...r, outcome: outcomes[i]! } : r;
              }),
            },
          ]),
      );
      fc.assert(
        fc.property(pairArbitrary, ([before, after]) => {
          fc.pre(size(before) <= MAX_SITUATIONS);
          const findings = comparePolicies(before, after, { loosenings: after.loosenings });
          const changed = new Set<string>();
          const strength = (p: PolicyModel, o: string) =>
            p.outcomes.find((x) => x.name === o)?.strength ?? 0;
          for (const s of situations(before)) {
            const was = decide(before, s).outcome;
            const is = decide(after, s).outcome;
            if (was !== is) {
              changed.add(
                `${strength(after, is) > strength(after, was) ? "impact-stronger" : "impact-weaker"} ${was} ${is}`,
              );
            }
          }
          const reported = new Set(
            findings.map(
              (f) => `${f.code} ${f.witnesses[0]!.before!.outcome} ${f.witnesses[0]!.outcome}`,
            ),
          );
          expect([...reported].sort()).toEqual([...changed].sort());
          for (const f of findings) {
            const w = f.witnesses[0]!;
            const was = decide(before, w.facts);
            expect({ outcome: w.before!.outcome, rules: [...w.before!.rules].sort() }).toEqual({
              outcome: was.outcome,
              rules: [...was.decidingRules].sort(),
            });
          }
          expectWitnessDecisions(after, findings);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe("analysis of generated policy text with layers", () => {
  it(
    "every witness is decided as stated by the runtime, for the layer and for its baseline",
    () => {
      fc.assert(
        fc.property(layeredPolicyArbitrary({ rules: { min: 2, max: 5 }, dates: false }), (p) => {
          const workspace = new Workspace(memoryHost(p.files), { unusedWarnings: false });
          const layer = workspace.build(p.entry);
          fc.pre(layer.decider !== undefined);
          const report = analyzePolicy(workspace, p.entry, { overlaps: true });
          expect(report.errors).toEqual([]);
          const base = workspace.build(layer.policy!.layers.at(-2)!.uri).decider!;
          for (const f of report.findings) {
            for (const w of f.witnesses) {
              const d = layer.decider!.decideSync(w.facts);
              if (!d.ok) throw new Error(d.explanation);
              expect(d.undetermined).toBeUndefined();
              expect({ outcome: w.outcome, rules: [...w.rules].sort() }).toEqual({
                outcome: d.outcome,
                rules: [...d.decidingRules].sort(),
              });
              if (w.before) {
                // The baseline decides on its own facts (the layer's are unknown to it).
                const own = new Set(base.bundle.facts.map((x) => x.name));
                const facts = Object.fromEntries(
                  Object.entries(w.facts).filter(([k]) => own.has(k)),
                );
                const b = base.decideSync(facts);
                // A value the layer added to a baseline list is not the baseline's to take.
                if (b.ok) expect(b.outcome).toBe(w.before.outcome);
              }
            }
            if (f.code === "impact-weaker" && f.loosening) {
              // A looser region is traced to a loosening the layer declared.
              expect(layer.policy!.loosenings.map((l) => `${l.kind} ${l.rule}`)).toContain(
                `${f.loosening.kind} ${f.loosening.rule}`,
              );
            }
          }
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
      );
    },
    TIMEOUT,
  );
});
