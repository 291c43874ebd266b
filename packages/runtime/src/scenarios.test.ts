import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BundleScenario } from "./bundle.js";
import type { Decision, Rejected } from "./decision.js";
import { checkScenario, describeDecision, ruleMatches } from "./scenarios.js";

const decision = (over: Partial<Decision> = {}): Decision => ({
  ok: true,
  outcome: "decline",
  decidingRules: ["3.1"],
  alsoApplies: [],
  advice: ["Keep your profiles separate."],
  warnings: [],
  explanation: "Decline — …",
  ...over,
});

const scenario = (expect: Partial<BundleScenario["expect"]>): BundleScenario => ({
  title: "t",
  given: {},
  expect: { outcome: "decline", advice: [], ...expect },
});

const undetermined = (needs: string[], atLeast = "caution"): Decision =>
  decision({
    outcome: "undetermined",
    decidingRules: [],
    undetermined: {
      atLeast,
      pending: ["1.1"],
      needs: needs.map((fact) => ({ fact, question: `${fact}?` })),
    },
  });

describe("checkScenario", () => {
  it("passes when outcome, rules and advice match", () => {
    const r = checkScenario(
      scenario({ byRules: ["3.1"], advice: ["Keep your profiles separate."] }),
      decision(),
    );
    expect(r).toMatchObject({ passed: true, differences: [] });
    expect(r.expected).toBe('decline by rule 3.1 with advice "Keep your profiles separate."');
    expect(r.actual).toBe("decline by rule 3.1");
  });

  it("reports a different outcome", () => {
    const r = checkScenario(
      scenario({}),
      decision({ outcome: "prohibit", decidingRules: ["1.1"] }),
    );
    expect(r.passed).toBe(false);
    expect(r.differences).toEqual([{ aspect: "outcome", expected: "decline", actual: "prohibit" }]);
  });

  it("does not look at rules when none are listed", () => {
    expect(checkScenario(scenario({}), decision({ decidingRules: ["9.9"] })).passed).toBe(true);
  });

  it("needs exactly the listed rules to decide", () => {
    const extra = checkScenario(
      scenario({ byRules: ["3.1"] }),
      decision({ decidingRules: ["3.1", "3.2"] }),
    );
    expect(extra.passed).toBe(false);
    expect(extra.differences[0]).toMatchObject({ aspect: "rules", expected: "by rule 3.1" });
    expect(extra.differences[0]!.actual).toContain("3.2 also decided");

    const missing = checkScenario(scenario({ byRules: ["3.1", "3.2"] }), decision());
    expect(missing.passed).toBe(false);
    expect(missing.differences[0]!.actual).toContain("3.2 did not decide");
  });

  it("lets a rule id stand for its exceptions, but not the other way round", () => {
    expect(
      checkScenario(scenario({ byRules: ["3.2"] }), decision({ decidingRules: ["3.2#1"] })).passed,
    ).toBe(true);
    expect(
      checkScenario(scenario({ byRules: ["3.2#1"] }), decision({ decidingRules: ["3.2"] })).passed,
    ).toBe(false);
    expect(
      checkScenario(scenario({ byRules: ["3.2#1"] }), decision({ decidingRules: ["3.2#2"] }))
        .passed,
    ).toBe(false);
  });

  it("does not confuse rule 3.1 with rule 3.10", () => {
    expect(ruleMatches("3.1", "3.10")).toBe(false);
    expect(ruleMatches("3.1", "3.1#2")).toBe(true);
  });

  it("compares needs as sets", () => {
    const s = scenario({ outcome: "undetermined", needs: ["capacity", "relationship"] });
    expect(checkScenario(s, undetermined(["relationship", "capacity"])).passed).toBe(true);
    const r = checkScenario(s, undetermined(["relationship", "age"]));
    expect(r.passed).toBe(false);
    expect(r.differences).toHaveLength(1);
    expect(r.differences[0]!.actual).toBe(
      "needs relationship, age (capacity not needed; age also needed)",
    );
  });

  it("describes an undetermined decision with its lower bound", () => {
    const r = checkScenario(scenario({ outcome: "caution" }), undetermined(["age"]));
    expect(r.actual).toBe("undetermined (at least caution) needs age");
    expect(r.differences[0]).toEqual({
      aspect: "outcome",
      expected: "caution",
      actual: "undetermined (at least caution)",
    });
  });

  it("needs each listed advice among the decision's advice", () => {
    const r = checkScenario(
      scenario({ advice: ["Keep your profiles separate.", "Ask first."] }),
      decision(),
    );
    expect(r.passed).toBe(false);
    expect(r.differences).toEqual([
      {
        aspect: "advice",
        expected: 'advice "Ask first."',
        actual: 'advice "Keep your profiles separate."',
      },
    ]);
  });

  it("fails a scenario whose facts were rejected", () => {
    const rejected: Rejected = {
      ok: false,
      errors: [{ fact: "age", message: "'age' cannot be \"old\": it must be a number." }],
      explanation: "No decision",
    };
    const r = checkScenario(scenario({}), rejected);
    expect(r.passed).toBe(false);
    expect(r.differences[0]!.aspect).toBe("facts");
    expect(describeDecision(rejected)).toContain("it must be a number");
  });

  it("passes exactly when there are no differences, and any listed rule that did not decide fails it", () => {
    const ids = fc.constantFrom("1.1", "1.2", "3.1", "3.1#1", "3.2", "3.2#1");
    fc.assert(
      fc.property(
        fc.uniqueArray(ids, { maxLength: 4 }),
        fc.uniqueArray(ids, { maxLength: 4 }),
        (listed, deciding) => {
          const r = checkScenario(
            scenario({ byRules: listed }),
            decision({ decidingRules: deciding }),
          );
          expect(r.passed).toBe(r.differences.length === 0);
          const everyListedDecides = listed.every((l) => deciding.some((d) => ruleMatches(l, d)));
          const everyDecidingListed = deciding.every((d) => listed.some((l) => ruleMatches(l, d)));
          expect(r.passed).toBe(everyListedDecides && everyDecidingListed);
        },
      ),
    );
  });
});
