import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, precept, ROOT, STACK } from "./helpers.js";

const BPS = path.join(ROOT, "rules/bps-e-professionalism/policy.precept");
const NORTHFIELD = "rules/examples/northfield-trust/policy.precept";

/** The silent weakening of issue 8: a layer rule that means to allow what baseline rule 1.2 prohibits. */
const CASE_STUDIES = `policy "Case studies layer" version "1" extends "${BPS}"

rule CS-1 "Staff may post anonymised case studies"
  cites bps §1 "even without the explicit mention of their name"
  when sharing material and indirectly identifiable and no permission to publish
  then allow
  because "our case studies are anonymised"
`;

describe("precept check, analyze and diff", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("case-studies.precept", CASE_STUDIES);
  });
  afterAll(() => fx.remove());

  it("check warns that a layer rule is overruled by baseline rule 1.2, with the exception form (exit 0)", async () => {
    const r = await precept(["check", fx.path("case-studies.precept")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("warning overruled-rule Rule CS-1 (allow) never decides");
    expect(r.stdout).toContain("(prohibit by rule 1.2)");
    expect(r.stdout).toContain("exception to rule 1.2");
    expect(r.stdout).toContain("then allow");
    expect(r.stdout).toContain("1 warning in 1 file.");
    expect(r.stderr).not.toMatch(STACK);
  });

  it("the BPS pack and Northfield have no overruled or unsatisfiable rules", async () => {
    const r = await precept(["check", "rules", "--json"]);
    expect(r.code).toBe(0);
    const codes = (JSON.parse(r.stdout) as { code: string }[]).map((d) => d.code);
    expect(codes.filter((c) => c.startsWith("overruled") || c.startsWith("unsatisfiable"))).toEqual(
      [],
    );
  });

  it("analyze refuses Northfield's dates with a note rather than give findings that ignore them", async () => {
    // Northfield's two-year rule compares the discharge date with the decision date: the
    // situation space has no calendar yet, so analysis says so (exit 0) and reports nothing.
    const r = await precept(["analyze", NORTHFIELD, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; limits?: string[] };
    expect(report.findings).toEqual([]);
    expect(report.limits?.join(" ")).toContain(
      "Policy analysis does not handle dates yet (the date fact 'discharge date')",
    );
    const d = await precept(["diff", NORTHFIELD, NORTHFIELD]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain("Policy analysis does not handle dates yet");
    expect(d.stderr).not.toMatch(STACK);
  });

  it("diff lists what a change to the baseline does, and nothing for the same policy", async () => {
    const text = readFileSync(BPS, "utf8");
    const changed = text.replace(
      "when sharing material and indirectly identifiable and no permission to publish\n  then prohibit",
      "when sharing material and indirectly identifiable and no permission to publish\n  then seek advice",
    );
    expect(changed).not.toBe(text);
    fx.write("v2.precept", changed);
    const [same, diff, revision] = await Promise.all([
      precept(["diff", BPS, BPS]),
      precept(["diff", BPS, fx.path("v2.precept"), "--json"]),
      // A git revision: the pack as committed, against the working copy (unchanged in a checkout).
      precept(["diff", "HEAD:rules/bps-e-professionalism/policy.precept", BPS]),
    ]);
    expect(revision.stdout).toContain("decide every situation alike");
    expect(revision.code).toBe(0);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("decide every situation alike");
    expect(diff.code).toBe(0);
    const changes = JSON.parse(diff.stdout).changes as {
      code: string;
      witnesses: { outcome: string; before: { outcome: string; rules: string[] } }[];
    }[];
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c.code).toBe("impact-weaker");
      expect(c.witnesses[0]!.before.rules).toContain("1.2");
    }
  });
});
