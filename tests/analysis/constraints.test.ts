/**
 * Analysis and the constructs it does not cover exactly yet: constraints between facts are not
 * applied to the situation space, so analysis says so instead of presenting its findings as exact.
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

function report(text: string) {
  const workspace = new Workspace(memoryHost({ "p.precept": text }));
  return analyzePolicy(workspace, "p.precept");
}

describe("analysis of a policy with constraints", () => {
  it("names the constraints it does not take into account, without crashing", () => {
    const r = report(
      POLICY(
        'constraint "A supervisor evaluates you": other person is supervisor → evaluative relationship is they evaluate you',
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.limits.join("\n")).toContain(
      'Constraints between facts are not taken into account yet ("A supervisor evaluates you")',
    );
  });

  it("says nothing of constraints when there are none (presumptions are exact)", () => {
    const r = report(POLICY(""));
    expect(r.errors).toEqual([]);
    expect(r.limits).toEqual([]);
  });
});
