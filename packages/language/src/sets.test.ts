/** Several-valued facts (`any of …`) through parse, check, format and the language services. */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import type { Diagnostic } from "./diagnostics.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";
import { complete } from "./services/complete.js";
import { hover } from "./services/hover.js";

const HEAD = `policy "Sets" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  prohibit "must not"
  allow "fine"
otherwise no guidance
fact content: any of personal, work, patient area
  asks "What does the post show?"
fact capacity: one of personal, professional
`;

function diagnose(body: string) {
  const text = HEAD + body;
  const result = analyze("p.precept", memoryHost({ "p.precept": text }));
  const covered = (d: Diagnostic) => text.slice(d.range.start.offset, d.range.end.offset);
  return {
    result,
    errors: result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => ({
        code: d.code,
        text: covered(d),
        message: d.message,
        suggestion: d.suggestion,
      })),
  };
}

describe("several-valued facts: checking", () => {
  it("compiles includes, includes any/all/none of to contains and doesNotContain", () => {
    const { result, errors } = diagnose(`rule 1: content includes patient area → prohibit
  cites bps §1
rule 2: content includes any of work, personal → allow
  cites bps §1
rule 3: content includes all of work, personal and content includes none of patient area → allow
  cites bps §1
scenario "both"
  given content is work and personal, capacity is personal
  expect allow by rule 2, 3
scenario "none"
  given content is nothing
  expect no guidance
`);
    expect(errors).toEqual([]);
    const [r1, r2, r3] = result.policy!.rules;
    expect(r1!.condition).toEqual({
      kind: "test",
      fact: "content",
      operator: "contains",
      value: "patient area",
    });
    expect(r2!.condition).toMatchObject({
      kind: "any",
      conditions: [{ value: "work" }, { value: "personal" }],
    });
    expect(JSON.stringify(r3!.condition)).toContain('"doesNotContain"');
    // Given values come in declared order, whatever order they were written in.
    expect(result.policy!.scenarios[0]!.given).toEqual({
      content: ["personal", "work"],
      capacity: "personal",
    });
    expect(result.policy!.scenarios[1]!.given).toEqual({ content: [] });
    expect(result.policy!.facts[0]!.type).toEqual({
      kind: "set",
      values: ["personal", "work", "patient area"],
    });
  });

  it("reads a value with 'of' in it after includes as a value, not a quantifier", () => {
    const text = HEAD.replace("patient area", "member of staff");
    const body = "rule 1: content includes member of staff → allow\n  cites bps §1\n";
    const result = analyze("p.precept", memoryHost({ "p.precept": text + body }));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.policy!.rules[0]!.condition).toMatchObject({ value: "member of staff" });
  });

  it("says to use includes on a several-valued fact, with a fix", () => {
    const { errors } = diagnose("rule 1: content is work → allow\n  cites bps §1\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "type-mismatch", suggestion: "includes" });
    expect(errors[0]!.message).toContain("content includes …");
  });

  it("refuses includes on a fact with one value, and unknown values with a did-you-mean", () => {
    const one = diagnose("rule 1: capacity includes personal → allow\n  cites bps §1\n").errors;
    expect(one).toHaveLength(1);
    expect(one[0]!.message).toContain("only several-valued facts");
    const typo = diagnose("rule 1: content includes patient aera → allow\n  cites bps §1\n").errors;
    expect(typo).toEqual([
      expect.objectContaining({
        code: "unknown-value",
        text: "patient aera",
        suggestion: "patient area",
      }),
    ]);
  });

  it("checks scenario values: each once, nothing alone, several only for several-valued facts", () => {
    const twice = diagnose(
      `scenario "s"\n  given content is work and work\n  expect allow\n`,
    ).errors;
    expect(twice.map((e) => e.code)).toContain("duplicate-value");
    const mixed = diagnose(
      `scenario "s"\n  given content is nothing and work\n  expect allow\n`,
    ).errors;
    expect(mixed.map((e) => e.code)).toContain("type-mismatch");
    const many = diagnose(
      `scenario "s"\n  given capacity is personal and professional\n  expect allow\n`,
    ).errors;
    expect(many).toEqual([
      expect.objectContaining({ code: "type-mismatch", text: "professional" }),
    ]);
  });

  it("reserves 'nothing' as a value of a several-valued fact", () => {
    const text = HEAD.replace("patient area", "nothing");
    const result = analyze("p.precept", memoryHost({ "p.precept": text }));
    expect(result.diagnostics.map((d) => d.code)).toContain("reserved-name");
  });
});

describe("several-valued facts: format", () => {
  it("prints the declaration, tests and given values canonically and idempotently", () => {
    const text = `${HEAD}rule 1:   content includes  any of work,personal → allow
  cites bps §1
rule 2: content includes none of work and content includes all of personal, patient area → prohibit
  cites bps §1
scenario "s"
  given content is  work and personal
  expect allow
`;
    const once = format(text);
    expect(once.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = once.text;
    expect(out).toContain("fact content: any of personal, work, patient area");
    expect(out).toContain("rule 1: content includes any of work, personal → allow");
    expect(out).toContain("content includes none of work and content includes all of personal");
    expect(out).toContain("given content is work and personal");
    const twice = format(out);
    expect(twice.text).toBe(out);
  });
});

describe("several-valued facts: language services", () => {
  const at = (body: string) => {
    const text = HEAD + body;
    const offset = text.indexOf("<|>");
    const clean = text.replace("<|>", "");
    return { text: clean, offset, context: { uri: "p.precept", host: memoryHost({}) } };
  };

  it("completes the values after includes and after includes any of, minus those listed", () => {
    const a = at("rule 1: content includes <|>");
    const values = complete(a.text, a.offset, a.context).filter((i) => i.kind === "value");
    expect(values.map((v) => v.label)).toEqual(["personal", "work", "patient area"]);
    const b = at("rule 1: content includes any of work, <|>");
    const rest = complete(b.text, b.offset, b.context).filter((i) => i.kind === "value");
    expect(rest.map((v) => v.label)).toEqual(["personal", "patient area"]);
  });

  it("offers any of after a fact's colon and describes the fact on hover", () => {
    const a = at("fact platform: <|>");
    const keywords = complete(a.text, a.offset, a.context).filter((i) => i.kind === "keyword");
    expect(keywords.map((k) => k.label)).toContain("any of");
    const text = `${HEAD}rule 1: content includes work → allow\n  cites bps §1\n`;
    const h = hover(text, text.indexOf("content includes") + 2, {
      uri: "p.precept",
      host: memoryHost({}),
    });
    expect(h?.markdown).toContain("any of (several at once, or none)");
    expect(h?.markdown).toContain("includes");
  });
});
