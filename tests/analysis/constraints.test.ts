/**
 * Analysis and constraints between facts: situations a constraint rules out are impossible, so
 * no gap, overlap, impact or witness lies in them, and a rule whose condition holds only there is
 * unsatisfiable, naming the constraint. (The brute-force agreement properties in exact.test.ts
 * generate constraints too.)
 */
import { analyzePolicy, memoryHost, Workspace } from "@precept/project";
import { describe, expect, it } from "vitest";

const POLICY = (constraint: string) => `policy "Constrained" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  decline "no"
  allow "fine"
otherwise no guidance
fact other person: one of supervisor, colleague
fact evaluative relationship: one of none, they evaluate you
fact public: yes or no
  presume yes "assumed public"
${constraint}
rule 1: other person is supervisor and evaluative relationship is none → decline
  cites bps §4
rule 2: public is yes → allow
  cites bps §4
`;

const SUPERVISOR =
  'constraint "A supervisor evaluates you": other person is supervisor → evaluative relationship is they evaluate you';

function report(text: string) {
  const workspace = new Workspace(memoryHost({ "p.precept": text }));
  return analyzePolicy(workspace, "p.precept", { overlaps: true });
}

describe("analysis of a policy with constraints", () => {
  it("a rule possible only where a constraint is broken is unsatisfiable, naming the constraint", () => {
    const r = report(POLICY(SUPERVISOR));
    expect(r.errors).toEqual([]);
    expect(r.limits).toEqual([]);
    const unsatisfiable = r.findings.filter((f) => f.code === "unsatisfiable-rule");
    expect(unsatisfiable.map((f) => f.rules)).toEqual([["1"]]);
    expect(unsatisfiable[0]!.summary).toBe(
      'Rule 1 can never apply: its condition holds only in situations the constraint "A supervisor evaluates you" rules out.',
    );
    // Without the constraint, rule 1 applies and overlaps rule 2.
    const free = report(POLICY(""));
    expect(free.findings.some((f) => f.code === "unsatisfiable-rule")).toBe(false);
    expect(free.findings.some((f) => f.code === "rule-overlap")).toBe(true);
    expect(r.findings.some((f) => f.code === "rule-overlap")).toBe(false);
  });

  it("gaps and their witnesses are possible situations, counted among possible ones", () => {
    const r = report(POLICY(SUPERVISOR));
    const gap = r.findings.find((f) => f.code === "gap")!;
    const w = gap.witnesses[0]!;
    expect(w.facts.public).toBe(false);
    expect(
      w.facts["other person"] !== "supervisor" ||
        w.facts["evaluative relationship"] === "they evaluate you",
    ).toBe(true);
    // 2 × 2 × 2 situations less (supervisor, none) with either answer: 6 possible, 3 of them gaps.
    expect(r.situations).toBe(6);
    expect(gap.summary).toBe("No rule applies in 50 % of the situations: no guidance stands.");
    expect(gap.region?.join(" ")).not.toContain("supervisor and evaluative relationship is none");
  });

  it("a constraint no situation meets leaves nothing to analyse, without crashing", () => {
    const r = report(POLICY('constraint "Never": public and not public'));
    expect(r.errors).toEqual([]);
    expect(r.situations).toBe(0);
    expect(r.findings.filter((f) => f.code === "gap")).toEqual([]);
    expect(r.findings.every((f) => f.witnesses.length === 0)).toBe(true);
  });
});
