/** `provided <condition>:` … `end provided`: rules that share one condition. */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";

const HEAD = `policy "P" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  decline "no"
  caution "careful"
otherwise no guidance
fact posting: yes or no
fact personal: yes or no
fact work: yes or no
fact end date: date
term "personal capacity": personal
  means "you would act in a personal capacity"
`;

function check(body: string) {
  const text = HEAD + body;
  const result = analyze("p.precept", memoryHost({ "p.precept": text }));
  const errors = result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => [d.code, text.slice(d.range.start.offset, d.range.end.offset), d.message]);
  return { result, errors, text };
}

const BLOCK = `provided personal capacity:
rule 1: posting → caution
  cites bps §1
rule 2 when posting and work then decline cites bps §2 end provided
rule 3: work and end date is before 2024-01-01 → caution
  cites bps §3
`;

describe("rules that share a condition", () => {
  it("gives each rule in the block the block's condition, first", () => {
    const { result, errors } = check(BLOCK);
    expect(errors).toEqual([]);
    const rules = result.policy!.rules;
    const personal = { kind: "term", term: "personal capacity" };
    expect(rules[0]!.condition).toMatchObject({
      kind: "all",
      conditions: [personal, { kind: "test", fact: "posting" }],
    });
    expect(rules[1]!.condition).toMatchObject({ kind: "all", conditions: [personal, {}] });
    // After `end provided` (and `end` inside a name) rules are on their own again.
    expect(rules[2]!.condition).toMatchObject({ kind: "all" });
    expect(JSON.stringify(rules[2]!.condition)).not.toContain("personal capacity");
  });

  it("formats the block and keeps it stable", () => {
    const once = format(HEAD + BLOCK);
    expect(once.formatted).toBe(true);
    // The block's rules are indented one step, so the block reads as one.
    expect(once.text).toContain("provided personal capacity:\n\n  rule 1: posting → caution\n");
    expect(once.text).toContain("    then decline\n\nend provided\n\nrule 3:");
    expect(format(once.text).text).toBe(once.text);
  });

  it("reports a block that is not closed, nested, closes nothing or holds other things", () => {
    expect(check(`provided posting:\nrule 1: work → caution\n  cites bps §1\n`).errors).toEqual([
      [
        "provided-block",
        "provided posting:",
        "This `provided` block is not closed: write `end provided` after its last rule.",
      ],
    ]);
    const { errors } = check(`provided posting:
rule 1: work → caution
  cites bps §1
provided work:
rule 2: personal → caution
  cites bps §2
scenario "s"
  given posting
  expect caution
end provided
end provided
`);
    expect(errors.map((e) => e.slice(0, 2))).toEqual([
      ["provided-block", "provided work:"],
      ["provided-block", ""],
      ["provided-block", "end provided"],
    ]);
    expect(errors[1]![2]).toBe(
      "A `provided` block holds rules only: write `end provided` before a scenario.",
    );
  });

  it("checks the block's condition like any other (did-you-mean)", () => {
    const { errors } = check(`provided personal capacty:
rule 1: work → caution
  cites bps §1
end provided
`);
    expect(errors.map((e) => e[0])).toEqual(["unknown-term"]);
  });
});
