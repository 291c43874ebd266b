import type { BundleFact, Decision } from "@precept/runtime";
import { describe, expect, it } from "vitest";
import { describeType } from "../facts.js";
import { paint } from "../io.js";
import { decisionText } from "./explain.js";

const facts: BundleFact[] = [
  { name: "public", label: "public", type: "yes/no", question: "Would it be public?" },
];

const undetermined: Decision = {
  ok: true,
  outcome: "undetermined",
  decidingRules: [],
  alsoApplies: [],
  advice: [],
  warnings: [],
  explanation: "Undetermined — …",
  undetermined: {
    needs: [{ fact: "public", question: "Would it be public?" }],
    atLeast: "no guidance",
    pending: ["1"],
  },
};

describe("decisionText", () => {
  it("lists the questions, with their --fact form, and offers --ask", () => {
    const text = decisionText(undetermined, facts, paint(false), describeType);
    expect(text).toContain(
      'To decide, answer:\n  1. Would it be public?\n     --fact "public=…" (yes or no)',
    );
    expect(text.endsWith("Add the answers with --fact, or run again with --ask to be asked.")).toBe(
      true,
    );
  });

  it("after --ask ran out of answers, says so and does not offer --ask again", () => {
    const text = decisionText(undetermined, facts, paint(false), describeType, true);
    expect(text).toContain("  1. Would it be public?");
    expect(text).not.toContain("--ask");
    expect(
      text.endsWith(
        "These questions could not be asked (no answers on input): add the answers with --fact.",
      ),
    ).toBe(true);
  });
});
