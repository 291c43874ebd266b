/** `fact X: also …`: a layer adds values to a baseline's list. */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";

const BASE = `policy "Base" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  decline "no"
  allow "yes"
otherwise no guidance
fact relationship: one of current service user, colleague
  asks "Who is the other person?"
  means "the other person"
fact content: any of personal, work
fact age: number
rule 1: relationship is not colleague → decline
  cites bps §1
rule 2: content includes work and age > 1 → allow
  cites bps §2
`;

function layer(body: string) {
  const text = `policy "Layer" version "1" extends "base.precept"\n${body}`;
  const result = analyze(
    "layer.precept",
    memoryHost({ "base.precept": BASE, "layer.precept": text }),
  );
  const errors = result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => ({
      code: d.code,
      text: text.slice(d.range.start.offset, d.range.end.offset),
      suggestion: d.suggestion,
    }));
  return { result, errors, text };
}

describe("a layer adds values to a baseline's list", () => {
  it("appends them, replaces the question, adds to the meaning; baseline rules keep their meaning", () => {
    const { result, errors } = layer(`fact relationship: also carer, programme staff
  asks "Who is it now?"
  means "(and carers)"
fact content: also patient area
scenario "carer"
  given relationship is carer, content is patient area
  expect decline by rule 1
`);
    expect(errors).toEqual([]);
    const facts = result.policy!.facts;
    expect(facts.find((f) => f.name === "relationship")).toMatchObject({
      type: {
        kind: "choice",
        values: ["current service user", "colleague", "carer", "programme staff"],
      },
      question: "Who is it now?",
      description: "the other person (and carers)",
    });
    expect(facts.find((f) => f.name === "content")!.type).toEqual({
      kind: "set",
      values: ["personal", "work", "patient area"],
    });
    // The baseline's rule is unchanged: `is not colleague` covers the new values.
    expect(result.policy!.rules[0]!.condition).toEqual({
      kind: "test",
      fact: "relationship",
      operator: "notEqual",
      value: "colleague",
    });
  });

  it("refuses unknown facts with a did-you-mean, repeated values, non-list facts and own facts", () => {
    expect(layer("fact relatonship: also carer\n").errors).toEqual([
      { code: "unknown-fact", text: "relatonship", suggestion: "relationship" },
    ]);
    expect(layer("fact relationship: also Colleague\n").errors).toEqual([
      { code: "duplicate-value", text: "Colleague", suggestion: undefined },
    ]);
    expect(layer("fact age: also old\n").errors.map((e) => e.code)).toEqual(["type-mismatch"]);
    expect(layer("fact mine: one of a, b\nfact mine: also c\n").errors.map((e) => e.code)).toEqual([
      "extend-own-fact",
    ]);
  });

  it("formats the extension canonically and idempotently", () => {
    const { text } = layer("fact relationship:   also carer ,programme staff\n");
    const once = format(text).text;
    expect(once).toContain("fact relationship: also carer, programme staff");
    expect(format(once).text).toBe(once);
  });
});
