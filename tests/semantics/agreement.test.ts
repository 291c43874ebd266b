/**
 * The central property: for random policies and fact sets, every way of deciding agrees with the
 * reference interpreter (docs/semantics.md) — plain json-rules-engine on `bundle.rules` (complete
 * fact sets), `decide`, `decideSync`, `outcome` and the generated module (`precept compile --target
 * js`), checked and trusted.
 */
import type { Bundle, Decider } from "@precept/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  complete,
  DECISION_DATES,
  factsArbitrary,
  modelArbitrary,
  withPresumptions,
} from "./arbitraries.js";
import { importModule, type PolicyModule, withoutExplanation } from "./generated-module.js";
import { built, comparable, embedderOutcome, load } from "./helpers.js";
import { type ReferenceDecision, decide as reference } from "./reference.js";

const RUNS = Number(process.env.PRECEPT_PROPERTY_RUNS ?? 300);

// With constraints (§1.1): contradictory fact sets are rejected alike by every evaluator.
const withFactSets = (complete: boolean) =>
  modelArbitrary({ constraints: true, presumptions: true }).chain((policy) =>
    fc.tuple(
      fc.constant(policy),
      fc.array(factsArbitrary(policy, complete), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(...DECISION_DATES),
    ),
  );

describe("every evaluator agrees with the reference interpreter", () => {
  it("on complete fact sets, including plain json-rules-engine", async () => {
    await fc.assert(
      fc.asyncProperty(withFactSets(true), async ([policy, factSets, asOf]) => {
        const { bundle, decider } = built(policy);
        const module = await someModule(bundle);
        for (const facts of factSets) {
          const expected = reference(policy, facts, asOf);
          expect(expected.undetermined).toBeUndefined();
          const viaEngine = await decider.decide(facts, { asOf });
          expect(comparable(viaEngine)).toEqual(expected);
          expect(decider.decideSync(facts, { asOf })).toEqual(viaEngine);
          expect(decider.outcome(facts, { asOf })).toBe(
            expected.contradicts ? undefined : expected.outcome,
          );
          // json-rules-engine does not check constraints: the embedder contract is for others.
          if (!expected.contradicts)
            expect(await embedderOutcome(bundle, facts, asOf)).toBe(expected.outcome);
          if (module) agreesWithModule(module, decider, facts, asOf);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("on partial fact sets", async () => {
    await fc.assert(
      fc.asyncProperty(withFactSets(false), async ([policy, factSets, asOf]) => {
        const decider = load(policy);
        const module = await someModule(decider.bundle);
        for (const facts of factSets) {
          const expected = reference(policy, facts, asOf);
          const viaEngine = await decider.decide(facts, { asOf });
          expect(comparable(viaEngine)).toEqual(expected);
          expect(decider.decideSync(facts, { asOf })).toEqual(viaEngine);
          expect(decider.outcome(facts, { asOf })).toBe(
            expected.contradicts ? undefined : expected.outcome,
          );
          if (module) agreesWithModule(module, decider, facts, asOf);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

/**
 * The generated module of one policy in three: writing and importing a module per policy is the
 * slow part of these properties (generated-module.test.ts checks it on fact sets of its own).
 */
let policies = 0;
const someModule = (bundle: Bundle): Promise<PolicyModule | undefined> =>
  policies++ % 3 === 0 ? importModule(bundle) : Promise.resolve(undefined);

/** The generated module, checked and trusted, answers as `decideSync` and `outcome` do. */
function agreesWithModule(
  module: PolicyModule,
  decider: Decider,
  facts: Record<string, unknown>,
  asOf: string,
) {
  const expected = withoutExplanation(decider.decideSync(facts, { asOf }));
  expect(module.decide(facts, { asOf })).toEqual(expected);
  expect(module.decide(facts, { trusted: true, asOf })).toEqual(expected);
  expect(module.outcome(facts, { asOf })).toBe(decider.outcome(facts, { asOf }));
  expect(module.outcomeTrusted(facts, { asOf })).toBe(decider.outcome(facts, { asOf }));
}

describe("unknown facts", () => {
  const partial = modelArbitrary({ presumptions: true }).chain((policy) =>
    fc.tuple(
      fc.constant(policy),
      factsArbitrary(policy),
      fc.array(fc.nat(), { minLength: policy.facts.length, maxLength: policy.facts.length }),
    ),
  );

  it("a determined outcome holds for every completion; an undetermined one is a lower bound", () => {
    fc.assert(
      fc.property(partial, ([policy, facts, choices]) => {
        const decider = load(policy);
        const partialResult = comparable(decider.decideSync(facts));
        // Presumed values stand for the facts they fill (§6.2): complete the rest.
        const completion = complete(policy, withPresumptions(policy, facts), choices);
        const full = comparable(decider.decideSync(completion));
        if (partialResult.undetermined) {
          const strength = (o: string) => policy.outcomes.find((x) => x.name === o)?.strength ?? 0;
          expect(strength(full.outcome)).toBeGreaterThanOrEqual(
            strength(partialResult.undetermined.atLeast),
          );
          // What is certain stays certain.
          for (const r of partialResult.decidingRules) {
            expect([...full.decidingRules, ...full.alsoApplies.map((a) => a.rule)]).toContain(r);
          }
        } else {
          expect(full.outcome).toBe(partialResult.outcome);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("answering every needed fact determines the decision", () => {
    fc.assert(
      fc.property(partial, ([policy, facts, choices]) => {
        const decider = load(policy);
        const result = comparable(decider.decideSync(facts));
        if (!result.undetermined) return;
        expect(result.undetermined.needs.length).toBeGreaterThan(0);
        const answered: Record<string, unknown> = { ...facts };
        const filled = complete(policy, withPresumptions(policy, facts), choices);
        for (const need of result.undetermined.needs) answered[need] = filled[need];
        expect(decider.decideSync(answered).ok && decider.outcome(answered)).not.toBe(
          "undetermined",
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the order of rules in the source does not matter", () => {
  it("permuting the rules keeps the outcome and the sets of rules, advice and needs", () => {
    const permuted = modelArbitrary().chain((policy) =>
      fc.tuple(
        fc.constant(policy),
        fc.shuffledSubarray([...policy.rules], {
          minLength: policy.rules.length,
          maxLength: policy.rules.length,
        }),
        fc.array(factsArbitrary(policy), { minLength: 1, maxLength: 4 }),
      ),
    );
    const sorted = (r: ReferenceDecision) => ({
      outcome: r.outcome,
      decidingRules: [...r.decidingRules].sort(),
      alsoApplies: r.alsoApplies.map((a) => `${a.rule}:${a.outcome}`).sort(),
      advice: [...r.advice].sort(),
      needs: [...(r.undetermined?.needs ?? [])],
      atLeast: r.undetermined?.atLeast,
      pending: [...(r.undetermined?.pending ?? [])].sort(),
      warnings: [...r.warnings].sort(),
    });
    fc.assert(
      fc.property(permuted, ([policy, rules, factSets]) => {
        const a = load(policy);
        const b = load({ ...policy, rules });
        for (const facts of factSets) {
          expect(sorted(comparable(b.decideSync(facts)))).toEqual(
            sorted(comparable(a.decideSync(facts))),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});
