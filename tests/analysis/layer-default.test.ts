/**
 * Analysis of a layer with its own default (`otherwise X because …`): gaps stand at that default,
 * and the layer's impact shows where the default changes a decision, traced to it when weaker.
 */
import { analyzePolicy, memoryHost, Workspace } from "@precept/project";
import { describe, expect, it } from "vitest";

const BASE = `policy "Base" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  decline "no"
  caution "careful"
  allow "fine"
otherwise no guidance
fact posting: yes or no
fact work: yes or no
rule 1: posting and work → allow
  cites bps §1
`;
const TRUST = `policy "Trust" version "1" extends "base.precept"
otherwise caution because "Ask your supervisor."
`;
const TEAM = `policy "Team" version "1" extends "trust.precept"
otherwise allow because "The team's posts are low-risk."
`;
const CREW = `policy "Crew" version "1" extends "trust.precept"
rule C1: posting and not work → allow
  cites bps §2
  because "The crew's own posts are fine."
`;

function report(entry: string) {
  const workspace = new Workspace(
    memoryHost({
      "base.precept": BASE,
      "trust.precept": TRUST,
      "team.precept": TEAM,
      "crew.precept": CREW,
    }),
  );
  const r = analyzePolicy(workspace, entry, {});
  expect(r.errors).toEqual([]);
  return r;
}

describe("analysis of a layer's own default", () => {
  it("a gap is where no rule applies and the layer's default stands", () => {
    const gap = report("trust.precept").findings.find((f) => f.code === "gap")!;
    expect(gap.summary).toMatch(
      /^No rule applies in 75\s% of the situations: Trust's default, caution, stands\.$/,
    );
    expect(gap.witnesses[0]!.outcome).toBe("caution");
  });

  it("a stronger default shows as stricter where no rule applies; the rules' decisions stay", () => {
    const impact = report("trust.precept").findings.filter((f) => f.code.startsWith("impact"));
    expect(
      impact.map((f) => [f.code, f.witnesses[0]!.before!.outcome, f.witnesses[0]!.outcome]),
    ).toEqual([["impact-stronger", "no guidance", "caution"]]);
  });

  it("a weaker default is traced to its loosening", () => {
    const impact = report("team.precept").findings.filter((f) => f.code.startsWith("impact"));
    expect(impact).toHaveLength(1);
    const [f] = impact;
    expect([f!.code, f!.witnesses[0]!.before!.outcome, f!.witnesses[0]!.outcome]).toEqual([
      "impact-weaker",
      "caution",
      "allow",
    ]);
    expect(f!.loosening).toEqual({
      kind: "default",
      outcome: "allow",
      reason: "The team's posts are low-risk.",
    });
    expect(f!.summary).toContain(
      `No rule applies here, and Team's default, allow, replaces caution: "The team's posts are low-risk."`,
    );
  });

  it("a layer's rule weaker than its baseline's default is traced to it", () => {
    const impact = report("crew.precept").findings.filter((f) => f.code.startsWith("impact"));
    expect(
      impact.map((f) => [f.code, f.witnesses[0]!.before!.outcome, f.witnesses[0]!.outcome]),
    ).toEqual([["impact-weaker", "caution", "allow"]]);
    expect(impact[0]!.loosening).toEqual({
      kind: "rule",
      rule: "C1",
      reason: "The crew's own posts are fine.",
    });
  });
});
