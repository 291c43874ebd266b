import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";
import type { ConditionModel } from "./model.js";

const HEAD = `policy "Dated" version "1"
source reg: "Guidance", Regulator, 2024
outcomes, strongest first:
  prohibit "must not"
  caution "careful"
otherwise no guidance
fact discharge date: date
  asks "When was the service user discharged?"
fact contact: yes or no
`;

function check(body: string) {
  const text = HEAD + body;
  const result = analyze("p.precept", memoryHost({ "p.precept": text }));
  const covered = (d: { range: { start: { offset: number }; end: { offset: number } } }) =>
    text.slice(d.range.start.offset, d.range.end.offset);
  return {
    result,
    problems: result.diagnostics
      .filter((d) => d.code !== "unused-fact")
      .map((d) => ({
        code: d.code,
        severity: d.severity,
        text: covered(d),
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
      })),
  };
}

const ruleCondition = (body: string): ConditionModel => {
  const { result, problems } = check(body);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  return result.policy!.rules[0]!.condition;
};

describe("dates: conditions", () => {
  it("reads dates written both ways and compares with them", () => {
    const c = ruleCondition(
      "rule 1: discharge date is on or after 1 September 2024 and discharge date is before 2025-02-28 → caution\n  cites reg §1\n",
    );
    expect(c).toEqual({
      kind: "all",
      conditions: [
        {
          kind: "test",
          fact: "discharge date",
          operator: "greaterThanInclusive",
          value: "2024-09-01",
        },
        { kind: "test", fact: "discharge date", operator: "lessThan", value: "2025-02-28" },
      ],
    });
  });

  it("reads durations from the decision date", () => {
    const today = { kind: "decision date", amount: 0, unit: "day" };
    expect(
      ruleCondition("rule 1: discharge date is within 2 years → caution\n  cites reg §1\n"),
    ).toEqual({
      kind: "all",
      conditions: [
        {
          kind: "test",
          fact: "discharge date",
          operator: "greaterThanInclusive",
          value: { kind: "decision date", amount: -2, unit: "year" },
        },
        { kind: "test", fact: "discharge date", operator: "lessThanInclusive", value: today },
      ],
    });
    expect(
      ruleCondition(
        "rule 1: discharge date is not after 30 days from today → caution\n  cites reg §1\n",
      ),
    ).toEqual({
      kind: "not",
      condition: {
        kind: "test",
        fact: "discharge date",
        operator: "greaterThan",
        value: { kind: "decision date", amount: 30, unit: "day" },
      },
    });
    expect(ruleCondition("rule 1: discharge date is today → caution\n  cites reg §1\n")).toEqual({
      kind: "test",
      fact: "discharge date",
      operator: "equal",
      value: today,
    });
  });

  it("keeps `after care` a value: `after` compares only before a date", () => {
    const { problems } = check(
      "fact stage: one of after care, in care\nrule 1: stage is after care → caution\n  cites reg §1\n",
    );
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reports dates that do not exist, unknown units and durations beyond reason", () => {
    const { problems } = check(
      [
        "rule 1: discharge date is before 2023-02-29 → caution",
        "  cites reg §1",
        "rule 2: discharge date is after 31 April 2024 → caution",
        "  cites reg §1",
        "rule 3: discharge date is within 2 yeras → caution",
        "  cites reg §1",
        "rule 4: discharge date is before 99999999 days ago → caution",
        "  cites reg §1",
        "rule 5: contact is before 2024-01-01 → caution",
        "  cites reg §1",
        "rule 6: discharge date is before 2024-1-5 → caution",
        "  cites reg §1",
        "",
      ].join("\n"),
    );
    expect(problems).toEqual([
      { code: "invalid-date", severity: "error", text: "2023-02-29" },
      { code: "invalid-date", severity: "error", text: "31 April 2024" },
      { code: "unknown-unit", severity: "error", text: "yeras", suggestion: "years" },
      { code: "invalid-duration", severity: "error", text: "99999999" },
      { code: "type-mismatch", severity: "error", text: "is before" },
      { code: "invalid-date", severity: "error", text: "2024-1-5" },
    ]);
  });

  it("refuses `today` as a scenario value and as an `in force` date", () => {
    const { problems } = check(
      'rule 1: contact → caution\n  cites reg §1\n  in force from today\nscenario "s" as of 2025-01-01\n  given discharge date is today\n  expect caution\n',
    );
    expect(problems.map((p) => [p.code, p.text])).toEqual([
      ["type-mismatch", "today"],
      ["type-mismatch", "today"],
    ]);
  });
});

describe("dates: in force and scenarios", () => {
  it("records in-force periods and the scenario's decision date", () => {
    const { result, problems } = check(
      'rule 1: contact → caution\n  cites reg §1\n  in force from 2024-09-01 until 31 December 2025\nscenario "s" as of 1 January 2025\n  given contact, discharge date is 2024-02-29\n  expect caution\n',
    );
    expect(problems).toEqual([]);
    expect(result.policy!.rules[0]!.inForce).toEqual({ from: "2024-09-01", until: "2025-12-31" });
    expect(result.policy!.scenarios[0]!.asOf).toBe("2025-01-01");
    expect(result.policy!.scenarios[0]!.given["discharge date"]).toBe("2024-02-29");
  });

  it("reports an empty period and an undated scenario of a dated policy", () => {
    const { problems } = check(
      "rule 1: contact → caution\n  cites reg §1\n  in force from 2025-01-01 until 2024-01-01\n",
    );
    expect(problems.map((p) => p.code)).toEqual(["empty-period"]);
    const undated = check(
      'rule 1: contact and discharge date is within 1 year → caution\n  cites reg §1\nscenario "s"\n  given contact, discharge date is 2024-01-01\n  expect caution\nscenario "no date given"\n  given contact\n  expect undetermined\n',
    );
    // Only the scenario that gives a date can change its decision as time passes.
    expect(undated.problems.map((p) => [p.code, p.severity])).toEqual([
      ["scenario-without-date", "warning"],
    ]);
  });
});

describe("dates: format", () => {
  it("lays out date conditions, in-force clauses and as-of canonically and idempotently", () => {
    const text = `${HEAD}rule 1 "r": DISCHARGE DATE IS NOT ON OR AFTER 1 september 2024 AND discharge date IS WITHIN 2 Years → caution In Force From 2024-01-01 Until 2025-01-01 cites reg §1
rule 2: discharge date is before 3 months ago or discharge date is after 30 days from today → caution
  cites reg §1
scenario "s" AS OF 2025-01-01 given contact expect caution
`;
    const once = format(text);
    expect(once.diagnostics).toEqual([]);
    expect(once.text).toContain(
      [
        'rule 1 "r": DISCHARGE DATE is not on or after 1 september 2024',
        "    and discharge date is within 2 Years → caution",
        "  cites reg §1",
        "  in force from 2024-01-01 until 2025-01-01",
        "",
        "rule 2: discharge date is before 3 months ago",
        "    or discharge date is after 30 days from today → caution",
      ].join("\n"),
    );
    expect(once.text).toContain('scenario "s" as of 2025-01-01\n');
    expect(format(once.text).text).toBe(once.text);
  });
});

describe("dates: versions of a rule", () => {
  const version = (id: string, period: string) =>
    `rule ${id}: contact → caution\n  cites reg §1\n  in force ${period}\n`;

  it("lets one id carry versions in force on different days", () => {
    const { result, problems } = check(
      version("4.2", "until 2024-08-31") + version("4.2", "from 2024-09-01 until 2025-12-31"),
    );
    expect(problems).toEqual([]);
    expect(result.policy!.rules.map((r) => [r.id, r.version])).toEqual([
      ["4.2", "4.2@to-2024-08-31"],
      ["4.2", "4.2@2024-09-01"],
    ]);
  });

  it("reports versions whose dates overlap, and a second declaration without dates", () => {
    const overlapping = check(
      version("4.2", "until 2024-09-01") + version("4.2", "from 2024-09-01"),
    );
    expect(overlapping.problems.map((p) => [p.code, p.text])).toEqual([
      ["duplicate-declaration", "in force from 2024-09-01"],
    ]);
    const undated = check(
      version("4.2", "until 2024-08-31") + "rule 4.2: contact → caution\n  cites reg §1\n",
    );
    expect(undated.problems.map((p) => [p.code, p.text])).toEqual([
      ["duplicate-declaration", "4.2"],
    ]);
  });
});
