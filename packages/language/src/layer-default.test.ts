/** A layer's own default outcome: `otherwise X because "…"`. */
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
otherwise no guidance "use your judgement"
fact posting: yes or no
rule 1: posting → decline
  cites bps §1
`;

function check(files: Record<string, string>, entry: string) {
  const result = analyze(entry, memoryHost(files));
  const text = files[entry]!;
  const errors = result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => ({
      code: d.code,
      text: text.slice(d.range.start.offset, d.range.end.offset),
      message: d.message,
      suggestion: d.suggestion,
    }));
  return { result, errors };
}

const layer = (body: string) =>
  check(
    {
      "base.precept": BASE,
      "layer.precept": `policy "Trust" version "1" extends "base.precept"\n${body}`,
    },
    "layer.precept",
  );

describe("a layer's default", () => {
  it("names an outcome of the scale; the model carries it, the outcomes list keeps its own", () => {
    const { result, errors } = layer(`otherwise caution because "Ask your supervisor."\n`);
    expect(errors).toEqual([]);
    const policy = result.policy!;
    expect(policy.defaultOutcome.name).toBe("no guidance");
    expect(policy.layerDefault).toMatchObject({
      outcome: { name: "caution", strength: 2 },
      reason: "Ask your supervisor.",
      origin: { layer: "Trust" },
    });
    expect(policy.loosenings).toEqual([]);
  });

  it("may be the outcomes list's default, and needs no reason when not weaker", () => {
    expect(layer("otherwise no guidance\n").errors).toEqual([]);
    expect(layer("otherwise decline\n").errors).toEqual([]);
  });

  it("an unknown outcome: one error, with a suggestion from the scale", () => {
    const { errors } = layer(`otherwise cautoin because "x"\n`);
    expect(errors.map((e) => [e.code, e.text, e.suggestion])).toEqual([
      ["unknown-outcome", "cautoin", "caution"],
    ]);
    expect(layer(`otherwise no guidanse\n`).errors.map((e) => e.suggestion)).toEqual([
      "no guidance",
    ]);
  });

  it("one per file", () => {
    const { errors } = layer(`otherwise caution\notherwise decline\n`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["duplicate-declaration", "otherwise decline"],
    ]);
  });

  it("is for layers: a policy without a baseline ends its outcomes list with it", () => {
    const { errors } = check(
      { "base.precept": `${BASE}otherwise caution because "x"\n` },
      "base.precept",
    );
    expect(errors.map((e) => e.code)).toEqual(["default-without-baseline"]);
    // Right after the outcomes list, `otherwise` is still the list's own, which takes no reason.
    expect(check({ "base.precept": BASE }, "base.precept").errors).toEqual([]);
    const reasoned = BASE.replace(
      'otherwise no guidance "use your judgement"',
      'otherwise no guidance because "x"',
    );
    expect(
      check({ "base.precept": reasoned }, "base.precept").errors.map((e) => [e.code, e.text]),
    ).toEqual([["default-without-baseline", '"x"']]);
    expect(format(reasoned).text).toContain('otherwise no guidance because "x"');
  });

  it("weaker than the baseline's default: a loosening, which needs a reason", () => {
    const files = {
      "base.precept": BASE,
      "trust.precept": `policy "Trust" version "1" extends "base.precept"\notherwise caution because "Ask first."\n`,
      "team.precept": `policy "Team" version "1" extends "trust.precept"\notherwise allow\n`,
    };
    const { errors } = check(files, "team.precept");
    expect(errors.map((e) => [e.code, e.text])).toEqual([["missing-reason", "allow"]]);
    expect(errors[0]!.message).toContain("weaker than the baseline's (caution)");
    const fixed = check(
      { ...files, "team.precept": `${files["team.precept"].trimEnd()} because "Low risk."\n` },
      "team.precept",
    );
    expect(fixed.errors).toEqual([]);
    expect(fixed.result.policy!.layerDefault?.outcome.name).toBe("allow");
    expect(fixed.result.policy!.loosenings).toMatchObject([
      { kind: "default", outcome: "allow", replaces: "caution", reason: "Low risk." },
    ]);
    // A layer above that says nothing keeps the default it inherits.
    const above = check(
      {
        ...files,
        "team.precept": `policy "Team" version "1" extends "trust.precept"\n`,
      },
      "team.precept",
    );
    expect(above.result.policy!.layerDefault).toMatchObject({
      outcome: { name: "caution" },
      origin: { layer: "Trust" },
    });
    expect(above.result.policy!.loosenings).toEqual([]);
  });

  it("a layer's rule weaker than its baseline's default loosens it too: reason, listed", () => {
    const files = {
      "base.precept": BASE,
      "trust.precept": `policy "Trust" version "1" extends "base.precept"\notherwise caution because "Ask first."\n`,
      "team.precept": `policy "Team" version "1" extends "trust.precept"\nrule T1: not posting → allow\n  cites bps §2\nrule T2: posting → decline\n  cites bps §3\n`,
    };
    const { errors } = check(files, "team.precept");
    expect(errors.map((e) => [e.code, e.text])).toEqual([["missing-reason", "allow"]]);
    expect(errors[0]!.message).toContain("weaker than the baseline's default (caution)");
    const fixed = check(
      {
        ...files,
        "team.precept": files["team.precept"].replace(
          "  cites bps §2\n",
          '  cites bps §2\n  because "Not posting is fine."\n',
        ),
      },
      "team.precept",
    );
    expect(fixed.errors).toEqual([]);
    expect(fixed.result.policy!.loosenings).toMatchObject([
      { kind: "rule", rule: "T1", reason: "Not posting is fine." },
    ]);
    // On the baseline itself (default strength 0) a weak rule is no loosening.
    const trust = check(
      {
        ...files,
        "trust.precept": `${files["trust.precept"]}rule R: not posting → allow\n  cites bps §2\n`,
      },
      "trust.precept",
    );
    expect(trust.errors).toEqual([]);
    expect(trust.result.policy!.loosenings).toEqual([]);
  });

  it("formats as written", () => {
    const text = `policy "Trust" version "1" extends "base.precept"\n\notherwise   caution   because "Ask first."\n`;
    const out = format(text);
    expect(out.formatted).toBe(true);
    expect(out.text).toContain(`otherwise caution because "Ask first."`);
    expect(format(out.text).text).toBe(out.text);
  });
});
