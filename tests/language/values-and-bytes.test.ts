/**
 * Numbers, characters and files that cannot be read: each gets one diagnostic at its place, and
 * never a wrong value in a compiled policy.
 */
import { analyze, type Diagnostic, MAX_TEXT_LENGTH, memoryHost, parse } from "@precept/language";
import { describe, expect, it } from "vitest";

const HEAD = `policy "Values" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  prohibit "must not"
  allow "fine"
otherwise no guidance
fact temperature: number
fact stage: one of stage 1, stage 2, over 18s
fact contact in the last 12 months: yes or no
`;

function problems(body: string, files: Record<string, string> = {}) {
  const text = HEAD + body;
  const analysis = analyze("policy.precept", memoryHost({ "policy.precept": text, ...files }));
  const at = (d: Diagnostic) => text.slice(d.range.start.offset, d.range.end.offset);
  return {
    analysis,
    errors: analysis.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => ({ code: d.code, text: at(d) })),
  };
}

describe("numbers", () => {
  it("accepts negative numbers, in conditions and scenarios", () => {
    const { analysis, errors } = problems(`rule 1: temperature < -3.5 → prohibit
  cites bps §1
scenario "cold"
  given temperature is -10
  expect prohibit by rule 1
`);
    expect(errors).toEqual([]);
    const rule = analysis.policy!.rules[0]!;
    expect(rule.condition).toMatchObject({ kind: "test", operator: "lessThan", value: -3.5 });
    expect(analysis.policy!.scenarios[0]!.given).toEqual({ temperature: -10 });
  });

  it("refuses a number too large to hold exactly, instead of compiling it to null", () => {
    const digits = "9".repeat(400);
    const { analysis, errors } = problems(`rule 1: temperature > ${digits} → prohibit
  cites bps §1
rule 2: temperature > 9007199254740993 → prohibit
  cites bps §1
`);
    expect(analysis.policy).toBeUndefined();
    expect(errors).toEqual([
      { code: "invalid-number", text: digits },
      { code: "invalid-number", text: "9007199254740993" },
    ]);
    const message = analysis.diagnostics.find((d) => d.code === "invalid-number")!.message;
    expect(message.length).toBeLessThan(200);
  });

  it("keeps the largest exact whole number", () => {
    const { errors } = problems(`rule 1: temperature > -9007199254740991 → prohibit
  cites bps §1
`);
    expect(errors).toEqual([]);
  });

  it("allows numbers inside names after the first word", () => {
    const { analysis, errors } =
      problems(`rule 1: stage is stage 2 and contact in the last 12 months → prohibit
  cites bps §1
rule 2: stage is one of stage 1, over 18s → allow
  cites bps §1
scenario "s"
  given stage is stage 2, contact in the last 12 months
  expect prohibit
`);
    expect(errors).toEqual([]);
    expect(analysis.policy!.rules[0]!.condition).toMatchObject({
      kind: "all",
      conditions: [
        { fact: "stage", value: "stage 2" },
        { fact: "contact in the last 12 months", value: true },
      ],
    });
  });
});

describe("characters and bytes", () => {
  it("reports a NUL or an escape sequence once, at its place, even inside quotes and comments", () => {
    const { errors } = problems(
      `rule 1: contact in the last 12 months → prohibit # a bell \u0007
  cites bps §1 "red \u001b[31m text"
  because "nul \u0000"
`,
    );
    expect(errors).toEqual([
      { code: "control-character", text: "\u0007" },
      { code: "control-character", text: "\u001b" },
      { code: "control-character", text: "\u0000" },
    ]);
  });

  it("a control character outside quotes is one problem, not also an unexpected character", () => {
    const { errors } = problems(
      "rule 1: contact\u0000 in the last 12 months → prohibit\n  cites bps §1\n",
    );
    expect(errors).toEqual([{ code: "control-character", text: "\u0000" }]);
  });

  it("reports bytes that were not UTF-8 (decoded as U+FFFD) with their place", () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEAD}rule 1: contact in the last 12 months → prohibit\n  because "caf`),
      Buffer.from([0xe9]),
      Buffer.from('"\n  cites bps §1\n'),
    ]);
    const text = bytes.toString("utf8");
    const analysis = analyze("p.precept", memoryHost({ "p.precept": text }));
    const errors = analysis.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ["invalid-encoding", 11, 15],
    ]);
  });
});

describe("files that cannot be read", () => {
  it("a file over the size limit gets one error", () => {
    const text = `${HEAD}${"#".repeat(MAX_TEXT_LENGTH)}`;
    const analysis = analyze("p.precept", memoryHost({ "p.precept": text }));
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(["too-large"]);
    expect(parse(text).diagnostics.map((d) => d.code)).toEqual(["too-large"]);
  });

  it("a layer whose baseline cannot be read gets that one error, not one per baseline name", () => {
    const layer = `policy "Layer" version "1" extends "../nowhere/policy.precept"
fact moderated group: yes or no
rule NC-1: current service user and moderated group → decline
  cites bps §3 "x"
exception to rule 3.2 "Peer group" when moderated group then allow because "moderated"
override rule 5.2 when research advert then seek advice because "the research office"
  cites bps §5
disable rule 5.4 because "covered elsewhere"
scenario "a"
  given relationship is colleague
  expect allow
`;
    const analysis = analyze("layer.precept", memoryHost({ "layer.precept": layer }));
    expect(analysis.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([
      "extends-not-found",
    ]);
  });

  it("a layer over a baseline too large to read gets only the baseline's error", () => {
    const analysis = analyze(
      "layer.precept",
      memoryHost({
        "layer.precept": `policy "Layer" version "1" extends "base.precept"\nrule 1: a → prohibit\n  cites bps §1\n`,
        "base.precept": `${HEAD}${"#".repeat(MAX_TEXT_LENGTH)}`,
      }),
    );
    expect(analysis.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([
      "too-large",
    ]);
  });
});
