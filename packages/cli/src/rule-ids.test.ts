import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.js";
import { findRuleId, type RuleIds } from "./rule-ids.js";

const ids: RuleIds = {
  explainable: ["I.1", "3.1", "3.2", "3.2#1", "3.9", "NT-1"],
  exceptions: new Map([
    ["3.2#1", "3.2"],
    ["NT-1#1", "NT-1"],
  ]),
};

const usageError = (id: string): UsageError => {
  try {
    findRuleId(ids, id);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected '${id}' to be refused`);
};

describe("findRuleId", () => {
  it("finds rules and exceptions, whatever the case", () => {
    expect(findRuleId(ids, "3.2#1")).toBe("3.2#1");
    expect(findRuleId(ids, " nt-1 ")).toBe("NT-1");
    expect(findRuleId(ids, "i.1")).toBe("I.1");
  });

  it("refuses an unknown id with a did-you-mean and the ids there are", () => {
    const error = usageError("9.9");
    expect(error.message).toBe(
      "There is no rule or exception '9.9' in this policy. Did you mean '3.9'?",
    );
    expect(error.hint).toBe("Its rules and exceptions are: I.1, 3.1, 3.2, 3.2#1, 3.9, NT-1.");
    expect(error.exitCode).toBe(2);
    expect(usageError("NT-1#2").message).toContain("Did you mean 'NT-1'?");
    expect(usageError("42").message).toBe("There is no rule or exception '42' in this policy.");
  });

  it("points from an exception that only stops its rule to the rule", () => {
    const error = usageError("nt-1#1");
    expect(error.message).toBe(
      "The exception NT-1#1 only stops rule NT-1 from applying; it decides nothing itself.",
    );
    expect(error.hint).toBe("Ask about the rule instead: --why-not NT-1");
  });

  it("on several baselines, names the qualified ids an id goes by", () => {
    const several: RuleIds = {
      explainable: ["1", "programme.3.1", "team.3.1", "team.3.1#1", "T.2"],
      exceptions: new Map([["team.3.1#1", "team.3.1"]]),
      baselineNames: ["programme", "team"],
    };
    const refused = (id: string) => {
      try {
        findRuleId(several, id);
      } catch (error) {
        if (error instanceof UsageError) return error;
      }
      throw new Error(`expected '${id}' to be refused`);
    };
    expect(refused("3.1").message).toBe(
      "More than one baseline has a rule 3.1: programme.3.1, team.3.1.",
    );
    expect(refused("3.1").hint).toBe("Name one: --why-not programme.3.1");
    expect(refused("3.1#1").message).toBe("Rule 3.1#1 is called team.3.1#1 in this policy.");
    // An id that only ends like one (T.2) is not taken for a qualified one.
    expect(refused("2").message).toBe("There is no rule or exception '2' in this policy.");
  });
});
