/**
 * Analysis from a compiled bundle (`precept diff` of bundles): the policy a bundle carries decides
 * every situation as its source does, as of any decision date — the diff of a policy and its own
 * bundle is empty — on random policies with terms, exceptions, layers, dates, versions and
 * constraints. The bundle is checked (`checkBundle`) before it is read.
 */
import { compile } from "@precept/compiler";
import { comparePolicies, memoryHost, policyOfBundle, Workspace } from "@precept/project";
import { checkBundle } from "@precept/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECISION_DATES, modelArbitrary } from "../semantics/arbitraries.js";
import { layeredPolicyArbitrary } from "../support/generate.js";

const RUNS = Number(process.env.PRECEPT_PROPERTY_RUNS ?? 150);
const TIMEOUT = 180_000;

function carried(bundle: unknown, asOf: string) {
  const checked = checkBundle(JSON.stringify(bundle));
  if (!checked.ok) throw new Error(checked.errors.join("\n"));
  return policyOfBundle(checked.bundle, "policy.bundle.json", asOf);
}

describe("analysis of what a bundle carries", () => {
  it(
    "a policy model and its bundle decide every situation alike",
    () => {
      fc.assert(
        fc.property(
          modelArbitrary({ maxRules: 6, constraints: true }),
          fc.constantFrom(...DECISION_DATES),
          (policy, asOf) => {
            const fromBundle = carried(compile(policy), asOf);
            expect(comparePolicies(policy, fromBundle, { asOf })).toEqual([]);
            expect(comparePolicies(fromBundle, policy, { asOf })).toEqual([]);
          },
        ),
        { numRuns: Math.max(30, Math.floor(RUNS / 2)) },
      );
    },
    TIMEOUT,
  );

  it(
    "a generated layer (policy text) and its bundle decide alike",
    () => {
      fc.assert(
        fc.property(layeredPolicyArbitrary({ rules: { min: 2, max: 5 } }), (p) => {
          const workspace = new Workspace(memoryHost(p.files), { unusedWarnings: false });
          const built = workspace.build(p.entry);
          fc.pre(built.bundle !== undefined && built.policy !== undefined);
          const asOf = "2025-02-28";
          const fromBundle = carried(built.bundle, asOf);
          expect(comparePolicies(built.policy!, fromBundle, { asOf })).toEqual([]);
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
      );
    },
    TIMEOUT,
  );

  it("reads a test of a date fact against a decision-date fact as the duration it is", () => {
    const text = `policy "Dated" version "1"
source reg: "Regulator", Regulator, 2024
outcomes, strongest first:
  prohibit "must not"
otherwise no guidance
fact contact: yes or no
fact discharge date: date
rule 4.2: contact and discharge date is within 2 years → prohibit
  cites reg §4.2
  in force from 2024-09-01
`;
    const workspace = new Workspace(memoryHost({ "p.precept": text }));
    const built = workspace.build("p.precept");
    const policy = carried(built.bundle, "2025-01-15");
    const rule = policy.rules[0]!;
    expect(rule.inForce).toEqual({ from: "2024-09-01" });
    expect(JSON.stringify(rule.condition)).toContain(
      '{"kind":"decision date","amount":-2,"unit":"year"}',
    );
    // Before the rule is in force, the bundle's policy is empty; the source's too.
    expect(
      comparePolicies(built.policy!, carried(built.bundle, "2024-08-31"), { asOf: "2024-08-31" }),
    ).toEqual([]);
  });
});
