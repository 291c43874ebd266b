/**
 * The same agreement, through the whole pipeline: random policy text (tests/support/generate.ts),
 * including a baseline with a layer that overrides, disables and adds exceptions, checked by
 * `analyze`, compiled, loaded and decided (json-rules-engine, `decide`, `decideSync`, the generated
 * JS module, the reference) — and the bundle hash is unchanged by `format`.
 */
import { compile } from "@precept/compiler";
import { format, type PolicyModel, phraseKey } from "@precept/language";
import { today } from "@precept/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredPolicyArbitrary, policyArbitrary } from "../support/generate.js";
import { DECISION_DATES, factsArbitrary } from "./arbitraries.js";
import { importModule, withoutExplanation } from "./generated-module.js";
import { comparable, embedderOutcome, load, modelOf } from "./helpers.js";
import { decide as reference } from "./reference.js";
import { passes } from "./verdict.js";

const RUNS = Math.ceil(Number(process.env.PRECEPT_PROPERTY_RUNS ?? 300) / 3);

const cases = (files: fc.Arbitrary<{ files: Record<string, string>; entry: string }>) =>
  files
    .map(({ files, entry }) => modelOf(files, entry))
    .chain((policy) =>
      fc.tuple(
        fc.constant(policy),
        fc.array(fc.oneof(factsArbitrary(policy, true), factsArbitrary(policy)), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom(...DECISION_DATES),
      ),
    );

async function agree(
  policy: PolicyModel,
  factSets: readonly Record<string, unknown>[],
  asOf: string,
) {
  const decider = load(policy);
  const bundle = decider.bundle as ReturnType<typeof compile>;
  const module = await importModule(bundle);
  for (const facts of factSets) {
    const expected = reference(policy, facts as never, asOf);
    const viaEngine = await decider.decide(facts, { asOf });
    expect(comparable(viaEngine)).toEqual(expected);
    expect(decider.decideSync(facts, { asOf })).toEqual(viaEngine);
    expect(module.decide(facts, { asOf })).toEqual(withoutExplanation(viaEngine));
    if (Object.keys(facts).length === policy.facts.length) {
      expect(await embedderOutcome(bundle, facts as never, asOf)).toBe(expected.outcome);
    }
  }
}

describe("generated policy text", () => {
  it("single policies: every evaluator agrees with the reference", async () => {
    const single = policyArbitrary().map((p) => ({
      files: { "p.precept": p.text },
      entry: "p.precept",
    }));
    await fc.assert(
      fc.asyncProperty(cases(single), ([policy, factSets, asOf]) => agree(policy, factSets, asOf)),
      { numRuns: RUNS },
    );
  });

  it("a layer on a baseline: every evaluator agrees with the reference", async () => {
    const layered = layeredPolicyArbitrary().map((p) => ({
      files: { ...p.files },
      entry: p.entry,
    }));
    await fc.assert(
      fc.asyncProperty(cases(layered), ([policy, factSets, asOf]) => agree(policy, factSets, asOf)),
      { numRuns: RUNS },
    );
  });

  it("scenario verdicts: every expectation form is judged as the reference decision says", async () => {
    // Random scenarios mostly fail: both verdicts count, and both kinds turn up.
    const verdicts = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(policyArbitrary({ scenarios: { min: 1, max: 3 } }), async (p) => {
        const policy = modelOf({ "p.precept": p.text }, "p.precept");
        const results = await load(policy).runScenarios();
        // Scenarios without `as of` are decided today, by the runtime's calendar.
        const day = today();
        expect(results.map((r) => r.passed)).toEqual(
          policy.scenarios.map((s) =>
            passes(policy, s.expect, reference(policy, s.given, s.asOf ?? day)),
          ),
        );
        for (const r of results) verdicts.add(r.passed);
      }),
      { numRuns: RUNS },
    );
    expect([...verdicts].sort()).toEqual([false, true]);
  });

  it("the bundle lists the layer's loosenings and the layers", () => {
    fc.assert(
      fc.property(layeredPolicyArbitrary(), (p) => {
        const bundle = compile(modelOf({ ...p.files }, p.entry));
        expect(bundle.layers.map((l) => l.title)).toEqual([p.base.title, p.layer.title]);
        const kinds = (k: string) =>
          bundle.loosenings
            .filter((l) => l.kind === k)
            .map((l) => (l.kind === "default" ? l.outcome : l.rule))
            .sort();
        // An override is listed only when it can make some decision weaker (its soundness:
        // tests/semantics/override-effect.test.ts).
        for (const id of kinds("override"))
          expect(p.layer.overrides.map((o) => o.id)).toContain(id);
        expect(kinds("disable")).toEqual(p.layer.disables.map((d) => d.target).sort());
        expect(kinds("exception")).toEqual(p.layer.exceptions.map((e) => e.target).sort());
        const names = new Set(bundle.rules.map((r) => r.event.params.rule));
        for (const d of p.layer.disables) expect(names.has(d.target)).toBe(false);
        // `fact X: also …` adds the values after the baseline's own, in the compiled fact.
        for (const e of p.layer.extensions) {
          const fact = bundle.facts.find((f) => f.name === phraseKey(e.fact));
          const base = p.base.facts.find((f) => f.name === e.fact)!;
          expect(fact && "values" in fact ? fact.values : []).toEqual(
            [...base.values, ...e.values].map(phraseKey),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the bundle hash is unchanged by format", () => {
    fc.assert(
      fc.property(policyArbitrary(), (p) => {
        const formatted = format(p.text);
        expect(formatted.formatted).toBe(true);
        const before = compile(modelOf({ "p.precept": p.text }, "p.precept"));
        const after = compile(modelOf({ "p.precept": formatted.text }, "p.precept"));
        expect(after.hash).toBe(before.hash);
        expect(after).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
