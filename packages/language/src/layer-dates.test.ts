import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";
import { outside, within } from "./layer-dates.js";

const BASE = `policy "Base" version "1"
source reg: "Guidance", Regulator, 2024
outcomes, strongest first:
  prohibit "must not"
  caution "careful"
otherwise no guidance
fact contact: yes or no
fact photo: yes or no
rule 1: contact → caution
  cites reg §1
rule 2: photo → prohibit
  cites reg §2
`;

function layer(header: string, body: string) {
  const text = `${header}\n\n${body}`;
  const result = analyze(
    "layer.precept",
    memoryHost({ "base.precept": BASE, "layer.precept": text }),
  );
  const covered = (d: { range: { start: { offset: number }; end: { offset: number } } }) =>
    text.slice(d.range.start.offset, d.range.end.offset);
  return {
    text,
    result,
    problems: result.diagnostics
      .filter((d) => d.uri === "layer.precept")
      .map((d) => ({ code: d.code, text: covered(d) })),
  };
}

const DATED =
  'policy "Local" version "2" extends "base.precept" in force from 2024-09-01 until 2025-08-31';

describe("a layer in force between dates", () => {
  it("limits periods to the layer's days, and finds the days outside them", () => {
    const period = { from: "2024-09-01", until: "2025-08-31" };
    expect(within(undefined, period)).toEqual(period);
    expect(within({ from: "2025-01-01" }, period)).toEqual({
      from: "2025-01-01",
      until: "2025-08-31",
    });
    expect(within({ until: "2024-08-31" }, period)).toBeNull();
    expect(outside(undefined, period)).toEqual([{ until: "2024-08-31" }, { from: "2025-09-01" }]);
    expect(outside({ from: "2025-01-01" }, period)).toEqual([{ from: "2025-09-01" }]);
    expect(outside(undefined, { from: "0001-01-01" })).toEqual([]);
    expect(outside(undefined, { until: "2024-02-28" })).toEqual([{ from: "2024-02-29" }]);
  });

  it("parses, checks and formats the dates on the policy line", () => {
    const { text, result, problems } = layer(
      DATED,
      "rule L1: contact and photo → caution\n  cites reg §1\n",
    );
    expect(problems).toEqual([]);
    expect(result.policy!.layers.at(-1)!.inForce).toEqual({
      from: "2024-09-01",
      until: "2025-08-31",
    });
    expect(format(text).text).toBe(text);
    const loose =
      'policy "Local"   version "2" extends "base.precept"\n  in force  from 1 September 2024\n';
    expect(format(loose).text).toBe(
      'policy "Local" version "2" extends "base.precept" in force from 1 September 2024\n',
    );
  });

  it("reports an empty period, a missing date and a relative date, once each", () => {
    const base = 'policy "Local" version "2" extends "base.precept"';
    expect(layer(`${base} in force from 2025-01-01 until 2024-01-01`, "").problems).toEqual([
      { code: "empty-period", text: "in force from 2025-01-01 until 2024-01-01" },
    ]);
    expect(layer(`${base} in force`, "").problems.map((p) => p.code)).toEqual(["syntax-error"]);
    expect(layer(DATED, 'otherwise caution because "ask first"\n').problems).toEqual([
      { code: "dated-default", text: 'otherwise caution because "ask first"' },
    ]);
    expect(
      layer(DATED, "rule L1: contact → caution\n  cites reg §1\n  in force until 2024-08-31\n")
        .problems,
    ).toEqual([{ code: "empty-period", text: "in force until 2024-08-31" }]);
    expect(layer(`${base} in force from today`, "").problems.map((p) => p.code)).toEqual([
      "type-mismatch",
    ]);
  });

  it("writes an override, a disable and an amendment out as versions of the baseline rule", () => {
    const { result, problems } = layer(
      DATED,
      [
        'override rule 1 "Local contact rule": contact → prohibit',
        "  cites reg §1",
        '  because "stricter locally"',
        'disable rule 2 because "photos are handled elsewhere"',
        "amend rule 1",
        '  advise "Ask first."',
        "rule L1: photo and contact → caution",
        "  cites reg §3",
        "",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    const rules = result.policy!.rules.map((r) => [
      r.version ?? r.id,
      r.inForce,
      r.outcome,
      r.advice,
    ]);
    expect(rules).toEqual([
      ["1@to-2024-08-31", { until: "2024-08-31" }, "caution", []],
      ["1@2024-09-01", { from: "2024-09-01", until: "2025-08-31" }, "prohibit", ["Ask first."]],
      ["1@2025-09-01", { from: "2025-09-01" }, "caution", []],
      ["2@to-2024-08-31", { until: "2024-08-31" }, "prohibit", []],
      ["2@2025-09-01", { from: "2025-09-01" }, "prohibit", []],
      ["L1", { from: "2024-09-01", until: "2025-08-31" }, "caution", []],
    ]);
  });
});
