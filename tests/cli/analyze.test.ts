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

/** Rule 4.2 in two versions: the 2017 text (caution) is overruled by rule 2 while in force. */
const VERSIONS = `policy "Versions" version "1"
source reg: "Regulator's guidance", Regulator, 2024
outcomes, strongest first:
  prohibit "must not"
  decline "should not"
  caution "take care"
otherwise no guidance
fact contact: yes or no
fact discharge date: date
rule 2: contact → decline
  cites reg §2
rule 4.2 "Contact after discharge (2017 text)": contact and discharge date is within 2 years → caution
  cites reg §4.2
  in force until 2024-08-31
rule 4.2 "Contact after discharge (2024 text)": contact and discharge date is within 2 years → prohibit
  cites reg §4.2
  in force from 2024-09-01
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

  it("analyze traces each of Northfield's loosenings to looser regions as of a date, and its suggested scenarios pass", async () => {
    // Northfield's two-year rule compares the discharge date with the decision date: analysed as
    // of 2025-01-15, the discharge date's classes are split at 2023-01-15 and 2025-01-15.
    const suggested = fx.path("suggested.precept");
    const r = await precept([
      "analyze",
      NORTHFIELD,
      "--json",
      "--as-of",
      "2025-01-15",
      "--suggest-scenarios",
      suggested,
    ]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      asOf: string;
      limits?: string[];
      findings: {
        code: string;
        severity: string;
        region?: string[];
        loosening?: { kind: string; rule: string };
        witnesses: { asOf?: string; facts: Record<string, unknown> }[];
      }[];
    };
    expect(report.asOf).toBe("2025-01-15");
    expect(report.limits).toBeUndefined();
    const looser = report.findings.filter((f) => f.code === "impact-weaker");
    expect(new Set(looser.map((f) => `${f.loosening?.kind} ${f.loosening?.rule}`))).toEqual(
      new Set(["disable I.1", "override 5.3", "exception 3.6"]),
    );
    expect(report.findings.filter((f) => f.severity === "warning")).toEqual([]);
    // The two-year rule's stricter region is bounded by concrete days, its witness dated.
    const twoYears = report.findings.find(
      (f) => f.code === "impact-stronger" && f.region?.some((x) => x.includes("discharge date")),
    );
    expect(twoYears?.region?.join(" ")).toContain("discharge date is on or after 2023-01-15");
    expect(twoYears?.witnesses[0]?.asOf).toBe("2025-01-15");
    expect(twoYears?.witnesses[0]?.facts["discharge date"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The suggested scenarios (each `as of` the date), pasted into the layer, check and pass.
    expect(fx.read("suggested.precept")).toContain(" as of 2025-01-15");
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

  it("analyze and diff of a policy with versions: as of each date, the version in force", async () => {
    fx.write("versions.precept", VERSIONS);
    const [before, after, plain, diff] = await Promise.all([
      precept(["analyze", fx.path("versions.precept"), "--as-of", "2024-08-31"]),
      precept(["analyze", fx.path("versions.precept"), "--as-of", "1 September 2024", "--json"]),
      precept(["analyze", fx.path("versions.precept")]),
      precept(["diff", fx.path("versions.precept"), fx.path("versions.precept")]),
    ]);
    for (const x of [before, after, plain, diff]) {
      expect(x.stderr).not.toMatch(STACK);
      expect(x.code).toBe(0);
    }
    // Before 2024-09-01 the 2017 text (caution) is in force and overruled by rule 2 (decline).
    expect(before.stdout).toContain(
      "Rule 4.2 (the version in force until 2024-08-31) (caution) never decides",
    );
    expect(before.stdout).toContain("Analysed as of 2024-08-31 (given with --as-of).");
    expect(before.stdout).toContain("Its rules change on 2024-09-01");
    const report = JSON.parse(after.stdout) as {
      asOf: string;
      changes: string[];
      findings: { code: string }[];
    };
    expect(report.asOf).toBe("2024-09-01");
    expect(report.changes).toEqual(["2024-09-01"]);
    expect(report.findings.map((f) => f.code)).not.toContain("overruled-rule");
    expect(plain.stdout).toContain("(today; change it with --as-of)");
    expect(diff.stdout).toContain("decide every situation alike as of");
    const bad = await precept(["analyze", fx.path("versions.precept"), "--as-of", "2023-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of "2023-02-30": February 2023 has days 1 to 28.');
    expect(bad.stderr).not.toMatch(STACK);
  });

  it("check warns of a version of a rule that is overruled while it is in force", async () => {
    fx.write("versions.precept", VERSIONS);
    const r = await precept(["check", fx.path("versions.precept")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "warning overruled-rule Rule 4.2 (the version in force until 2024-08-31) (caution) never decides",
    );
    expect(r.stdout).toContain("1 warning in 1 file.");
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

  it("diff compares compiled bundles, with each other and with a source, and refuses a tampered one", async () => {
    const text = readFileSync(BPS, "utf8");
    fx.write(
      "v3.precept",
      text.replace(
        "when sharing material and indirectly identifiable and no permission to publish\n  then prohibit",
        "when sharing material and indirectly identifiable and no permission to publish\n  then seek advice",
      ),
    );
    const [old, now] = await Promise.all([
      precept(["compile", BPS, "-o", fx.path("old.bundle.json")]),
      precept(["compile", fx.path("v3.precept"), "-o", fx.path("new.bundle.json")]),
    ]);
    expect(old.code).toBe(0);
    expect(now.code).toBe(0);
    const [same, bundles, mixed] = await Promise.all([
      precept(["diff", fx.path("old.bundle.json"), BPS]),
      precept(["diff", fx.path("old.bundle.json"), fx.path("new.bundle.json"), "--json"]),
      precept(["diff", BPS, fx.path("new.bundle.json"), "--json"]),
    ]);
    expect(same.stdout).toContain("decide every situation alike");
    expect(same.code).toBe(0);
    for (const r of [bundles, mixed]) {
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(0);
      const changes = JSON.parse(r.stdout).changes as {
        code: string;
        witnesses: { before: { rules: string[] } }[];
      }[];
      expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) {
        expect(c.code).toBe("impact-weaker");
        expect(c.witnesses[0]!.before.rules).toContain("1.2");
      }
    }
    // A bundle changed after it was compiled is hostile input: refused before it is read.
    const tampered = fx.read("new.bundle.json").replace('"type": "seek advice"', '"type": "allow"');
    expect(tampered).not.toBe(fx.read("new.bundle.json"));
    fx.write("tampered.bundle.json", tampered);
    fx.write("broken.bundle.json", "{ not json");
    const [t, b] = await Promise.all([
      precept(["diff", fx.path("old.bundle.json"), fx.path("tampered.bundle.json")]),
      precept(["diff", fx.path("broken.bundle.json"), BPS]),
    ]);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain("hash");
    expect(t.stderr).toContain("is not a valid bundle; the versions were not compared.");
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("The bundle is not JSON");
    for (const r of [t, b]) expect(r.stderr).not.toMatch(STACK);
  });
});
