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

  it("analyze traces each of Northfield's loosenings to looser regions, and its suggested scenarios pass", async () => {
    const suggested = fx.path("suggested.precept");
    const r = await precept(["analyze", NORTHFIELD, "--json", "--suggest-scenarios", suggested]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      findings: { code: string; severity: string; loosening?: { kind: string; rule: string } }[];
    };
    const looser = report.findings.filter((f) => f.code === "impact-weaker");
    expect(new Set(looser.map((f) => `${f.loosening?.kind} ${f.loosening?.rule}`))).toEqual(
      new Set(["disable I.1", "override 5.3", "exception 3.6"]),
    );
    expect(report.findings.some((f) => f.code === "impact-stronger")).toBe(true);
    expect(report.findings.filter((f) => f.severity === "warning")).toEqual([]);
    // The suggested scenarios, pasted into the layer, check and pass as they are.
    const northfield = readFileSync(path.join(ROOT, NORTHFIELD), "utf8").replace(
      'extends "../../bps-e-professionalism/policy.precept"',
      `extends "${BPS}"`,
    );
    const layer = fx.write(
      "northfield/policy.precept",
      `${northfield}\n${fx.read("suggested.precept")}`,
    );
    const t = await precept(["test", layer]);
    expect(t.stdout).toContain("0 failed");
    expect(t.code).toBe(0);
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
