/**
 * The conservative rule that decides whether an override is a loosening (docs/semantics.md §8) is
 * sound: an override judged `stricter` never makes a decision weaker, `weaker` never stronger,
 * `none` changes no outcome — checked against the reference interpreter on random rules and
 * random complete fact sets, with overrides built to reach every verdict.
 */
import type { ConditionModel, PolicyModel, RuleModel } from "@precept/language";
import { overrideEffect } from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factsArbitrary, modelArbitrary } from "./arbitraries.js";
import { decide, strengthOf } from "./reference.js";

const RUNS = 300;

/** An override of `old` made from `other`: random, or widened/narrowed on purpose. */
function variants(old: RuleModel, other: RuleModel, policy: PolicyModel): RuleModel[] {
  const names = policy.outcomes.map((o) => o.name);
  const stronger = names[0]!;
  const weakest = names.at(-1)!;
  const any = (a: ConditionModel, b: ConditionModel): ConditionModel => ({
    kind: "any",
    conditions: [a, b],
  });
  const all = (a: ConditionModel, b: ConditionModel): ConditionModel => ({
    kind: "all",
    conditions: [a, b],
  });
  const base = { ...other, id: old.id, version: undefined, inForce: undefined };
  return [
    base,
    { ...old, advice: ["Changed advice only."] },
    { ...base, condition: any(old.condition, other.condition), outcome: stronger, exceptions: [] },
    { ...base, condition: all(old.condition, other.condition), outcome: weakest, exceptions: [] },
    { ...base, condition: old.condition, outcome: stronger, exceptions: other.exceptions },
    { ...base, condition: old.condition, exceptions: [] },
  ].map(({ version: _, ...r }) => r as RuleModel);
}

describe("whether an override can make decisions weaker", () => {
  it("never misses a weaker decision (and never claims one that cannot be)", () => {
    const arbitrary = modelArbitrary({ maxRules: 2, dates: false })
      .filter((p) => p.rules.length === 2)
      .chain((policy) =>
        fc.tuple(
          fc.constant(policy),
          fc.nat(5),
          fc.array(factsArbitrary(policy, true), { minLength: 1, maxLength: 30 }),
        ),
      );
    fc.assert(
      fc.property(arbitrary, ([policy, which, factSets]) => {
        const [old, other] = policy.rules as [RuleModel, RuleModel];
        const now = variants(old, other, policy)[which]!;
        const effect = overrideEffect(
          [{ rule: old, exceptions: old.exceptions }],
          { rule: now, exceptions: now.exceptions },
          (o) => strengthOf(policy, o),
          policy.layerDefault?.outcome.strength ?? 0,
        );
        const before: PolicyModel = { ...policy, rules: [old] };
        const after: PolicyModel = { ...policy, rules: [now] };
        for (const facts of factSets) {
          const was = strengthOf(policy, decide(before, facts).outcome);
          const is = strengthOf(policy, decide(after, facts).outcome);
          if (effect === "stricter") expect(is).toBeGreaterThanOrEqual(was);
          if (effect === "weaker") expect(is).toBeLessThanOrEqual(was);
          if (effect === "none") expect(is).toBe(was);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("reaches every verdict on such overrides", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        modelArbitrary({ maxRules: 2, dates: false }).filter((p) => p.rules.length === 2),
        fc.nat(5),
        (policy, which) => {
          const [old, other] = policy.rules as [RuleModel, RuleModel];
          const now = variants(old, other, policy)[which]!;
          seen.add(
            overrideEffect(
              [{ rule: old, exceptions: old.exceptions }],
              { rule: now, exceptions: now.exceptions },
              (o) => strengthOf(policy, o),
              policy.layerDefault?.outcome.strength ?? 0,
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
    expect([...seen].sort()).toEqual(["both", "none", "stricter", "weaker"]);
  });
});
