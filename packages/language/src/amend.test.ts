/** Advice-only rules (reminders), `amend rule` and which overrides are loosenings. */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";

const BASE = `policy "Base" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  decline "no"
  caution "careful"
  allow "yes"
otherwise no guidance
fact posting: yes or no
fact personal: yes or no
fact work: yes or no
rule 1 "Think before posting"
  cites bps §1 "consider the appropriateness"
  when posting
  advise "Consider whether the material is appropriate."
rule 2: posting and personal → caution
  cites bps §2
  because "it may be seen"
rule 3: posting and work → decline
  cites bps §3
`;

function layer(body: string) {
  const text = `policy "Layer" version "1" extends "base.precept"\nsource trust: "T", Trust, 2024\n${body}`;
  const result = analyze(
    "layer.precept",
    memoryHost({ "base.precept": BASE, "layer.precept": text }),
  );
  const diagnostics = result.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    text: text.slice(d.range.start.offset, d.range.end.offset),
    message: d.message,
  }));
  return { result, errors: diagnostics.filter((d) => d.severity === "error"), text };
}

describe("advice-only rules", () => {
  it("a rule with advice and no outcome is a reminder; without advice it still needs `then`", () => {
    const { result, errors } = layer(`rule L1: posting and work → caution
  cites trust §1
rule L2
  cites trust §2
  when posting`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([["missing-outcome", "L2"]]);
    expect(errors[0]!.message).toContain('advise "…"');
    const ok = analyze("base.precept", memoryHost({ "base.precept": BASE }));
    expect(ok.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const rule = ok.policy!.rules.find((r) => r.id === "1")!;
    expect(rule.outcome).toBeUndefined();
    expect(rule.advice).toEqual(["Consider whether the material is appropriate."]);
    expect(result.policy).toBeUndefined();
  });

  it("formats a reminder without inventing an outcome", () => {
    const out = format(`${BASE}rule 4 when personal advise "Mind your privacy settings."\n`);
    expect(out.formatted).toBe(true);
    expect(out.text).toContain('rule 4\n  when personal\n  advise "Mind your privacy settings."\n');
    expect(format(out.text).text).toBe(out.text);
  });
});

describe("amend rule", () => {
  it("adds citations, advice and a reason to a baseline rule; not a loosening", () => {
    const { result, errors, text } = layer(`amend rule 2
  cites trust §4 "think twice"
  because "the Trust asks for it too."
  advise "Check the Trust's policy."
amend rule 1 advise "Ask a colleague if unsure."`);
    expect(errors).toEqual([]);
    const policy = result.policy!;
    const rule2 = policy.rules.find((r) => r.id === "2")!;
    expect(rule2).toMatchObject({
      outcome: "caution",
      citations: [
        { source: "bps", section: "2" },
        { source: "trust", section: "4", quote: "think twice" },
      ],
      reason: "it may be seen; the Trust asks for it too.",
      advice: ["Check the Trust's policy."],
    });
    expect(policy.rules.find((r) => r.id === "1")!.advice).toEqual([
      "Consider whether the material is appropriate.",
      "Ask a colleague if unsure.",
    ]);
    expect(policy.loosenings).toEqual([]);
    const formatted = format(text);
    expect(formatted.text).toContain(
      'amend rule 2\n  cites trust §4 "think twice"\n  because "the Trust asks for it too."\n  advise "Check the Trust\'s policy."\n',
    );
    expect(format(formatted.text).text).toBe(formatted.text);
  });

  it("refuses what would change the rule, one error per clause, with the way to do it", () => {
    const { errors } = layer(`amend rule 2
  when posting
  then decline
  advise "x"`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["amend-not-additive", "when"],
      ["amend-not-additive", "then"],
    ]);
    expect(errors[0]!.message).toContain("override rule 2");
  });

  it("needs a baseline rule that is still there, and something to add", () => {
    const { errors } = layer(`rule L1: posting → caution
  cites trust §1
amend rule L1 advise "x"
amend rule 22 advise "x"
amend rule 3
disable rule 3 because "not here"`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["unknown-rule", "L1"],
      ["unknown-rule", "22"],
      ["amend-not-additive", "3"],
      ["unknown-rule", "3"],
    ]);
  });
});

describe("an override is a loosening only when it can make a decision weaker", () => {
  const effect = (override: string) => {
    const { result, errors } = layer(override);
    expect(errors).toEqual([]);
    return result.policy!.loosenings.map((l) => [l.kind, l.rule, l.effect]);
  };
  it("stricter: wider condition, stronger outcome — not listed", () => {
    expect(
      effect(`override rule 2: posting → decline\n  cites bps §2\n  because "stricter"`),
    ).toEqual([]);
  });
  it("weaker: narrower condition, weaker outcome", () => {
    expect(
      effect(`override rule 3: posting and work and personal → caution
  cites bps §3
  because "only personal posts"`),
    ).toEqual([["override", "3", "weaker"]]);
  });
  it("both: weaker in some situations, stricter in others", () => {
    expect(
      effect(`override rule 2: posting → allow
  cites bps §2
  because "differently"`),
    ).toEqual([["override", "2", "both"]]);
  });
  it("says so in the checker's message for a missing reason, without calling it a loosening", () => {
    const { errors } = layer(`override rule 2: posting → decline\n  cites bps §2`);
    expect(errors.map((e) => e.code)).toEqual(["missing-reason"]);
    expect(errors[0]!.message).not.toContain("loosens");
    expect(errors[0]!.message).toContain("amend rule 2");
  });
});
