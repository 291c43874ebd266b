import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BundleScenario } from "./bundle.js";
import type { Decision, Rejected } from "./decision.js";
import { checkScenario, describeDecision, pinnedEntries, ruleMatches } from "./scenarios.js";

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
    expect(r.differences).toEqual([
      { aspect: "outcome", expected: "decline", actual: "prohibit (rule 1.1)" },
    ]);
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
      actual: "undetermined (at least caution; needs age)",
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

/** allow < caution < decline < prohibit, and the default below them. */
const SCALE = [
  { name: "prohibit", strength: 4 },
  { name: "decline", strength: 3 },
  { name: "caution", strength: 2 },
  { name: "allow", strength: 1 },
  { name: "no guidance", strength: 0 },
];
const only = (expect: Partial<BundleScenario["expect"]>): BundleScenario => ({
  title: "t",
  given: {},
  expect: { advice: [], ...expect },
});

describe("checkScenario: expectations beyond one outcome", () => {
  it("at least: the outcome or a stronger one, judged on the policy's scale", () => {
    const s = only({ atLeast: "caution" });
    expect(checkScenario(s, decision({ outcome: "caution" }), SCALE).passed).toBe(true);
    expect(checkScenario(s, decision({ outcome: "prohibit" }), SCALE).passed).toBe(true);
    const weaker = checkScenario(s, decision({ outcome: "allow" }), SCALE);
    expect(weaker.differences).toEqual([
      { aspect: "outcome", expected: "at least caution", actual: "allow (rule 3.1)" },
    ]);
    expect(weaker.expected).toBe("at least caution");
    // Not on the scale: undetermined, even when it is sure to be at least as strong.
    expect(checkScenario(s, undetermined(["age"], "decline"), SCALE).differences).toEqual([
      {
        aspect: "outcome",
        expected: "at least caution",
        actual: "undetermined (at least decline; needs age)",
      },
    ]);
    // Without the scale `at least` cannot pass.
    expect(checkScenario(s, decision({ outcome: "prohibit" })).passed).toBe(false);
  });

  it("one of: any listed outcome of a determined decision", () => {
    const s = only({ oneOf: ["allow", "caution"] });
    expect(checkScenario(s, decision({ outcome: "allow" })).passed).toBe(true);
    expect(checkScenario(s, decision({ outcome: "caution" })).passed).toBe(true);
    expect(
      checkScenario(s, decision({ outcome: "no guidance", decidingRules: [] })).differences,
    ).toEqual([
      {
        aspect: "outcome",
        expected: "one of allow, caution",
        actual: "no guidance (no rule applies)",
      },
    ]);
  });

  it("undetermined asking: the listed facts are among those needed", () => {
    const s = only({ outcome: "undetermined", asking: ["age"] });
    expect(checkScenario(s, undetermined(["relationship", "age"])).passed).toBe(true);
    const r = checkScenario(s, undetermined(["relationship"]));
    expect(r.differences).toEqual([
      { aspect: "needs", expected: "asking age", actual: "needs relationship (age not asked)" },
    ]);
    expect(r.expected).toBe("undetermined asking age");
    // Determined: one difference, the outcome, which says what was decided.
    expect(checkScenario(s, decision()).differences.map((d) => d.aspect)).toEqual(["outcome"]);
  });

  it("not by rule: fails only when a listed rule (or its exception) decides", () => {
    const s = only({ outcome: "decline", notByRules: ["3.6"] });
    expect(checkScenario(s, decision()).passed).toBe(true);
    expect(checkScenario(s, decision({ decidingRules: ["3.6#1", "3.1"] })).differences).toEqual([
      {
        aspect: "rules",
        expected: "not by rule 3.6",
        actual: "decline by rules 3.6#1, 3.1 (3.6#1 decided)",
      },
    ]);
  });

  it("also applies: the rule applies without deciding", () => {
    const s = only({ alsoApplies: ["4.1"] });
    const applies = decision({ alsoApplies: [{ rule: "4.1", outcome: "allow" }] });
    expect(checkScenario(s, applies).passed).toBe(true);
    expect(checkScenario(s, decision()).differences).toEqual([
      {
        aspect: "applies",
        expected: "also applies 4.1",
        actual: "4.1 does not apply (also applying: none)",
      },
    ]);
    expect(checkScenario(s, decision({ decidingRules: ["4.1"] })).differences[0]!.actual).toBe(
      "4.1 decides (decline)",
    );
  });

  it("a scenario may pin only advice", () => {
    const s = only({ advice: ["Keep your profiles separate."] });
    expect(checkScenario(s, decision()).passed).toBe(true);
    expect(checkScenario(s, decision({ advice: [] })).passed).toBe(false);
  });

  it("pins the deciding rules only for an exact outcome or `by rule`, and rules that also apply", () => {
    const d = decision({
      decidingRules: ["3.1", "3.2"],
      alsoApplies: [{ rule: "4.1", outcome: "allow" }],
    });
    expect(pinnedEntries(only({ outcome: "decline" }).expect, d)).toEqual(["3.1", "3.2"]);
    expect(pinnedEntries(only({ atLeast: "caution" }).expect, d)).toEqual([]);
    expect(pinnedEntries(only({ oneOf: ["decline"], byRules: ["3.2"] }).expect, d)).toEqual([
      "3.2",
    ]);
    expect(pinnedEntries(only({ atLeast: "allow", alsoApplies: ["4.1"] }).expect, d)).toEqual([
      "4.1",
    ]);
    expect(pinnedEntries(only({ outcome: "undetermined" }).expect, undetermined(["age"]))).toEqual(
      [],
    );
  });

  it("at least X passes exactly when one of the outcomes from X upwards is decided", () => {
    const names = SCALE.map((o) => o.name);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...names), (floor, got) => {
        const atLeast = checkScenario(only({ atLeast: floor }), decision({ outcome: got }), SCALE);
        const upwards = names.slice(0, names.indexOf(floor) + 1);
        const oneOf = checkScenario(only({ oneOf: upwards }), decision({ outcome: got }), SCALE);
        expect(atLeast.passed).toBe(oneOf.passed);
        expect(atLeast.passed).toBe(atLeast.differences.length === 0);
      }),
    );
  });
});
