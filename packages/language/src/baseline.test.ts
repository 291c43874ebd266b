import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { packageSpecifier, resolveBaseline } from "./baseline.js";
import { type AnalysisHost, memoryHost, resolveUri } from "./host.js";

const BASE = `policy "Base" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  decline "should not"
  allow "fine"
otherwise no guidance
fact colleague: yes or no
rule 1: colleague → decline
  cites bps §1
`;

const layer = (target: string) => `policy "Layer" version "1" extends "${target}"
rule L1: colleague → allow
  cites bps §2
`;

const errorsOf = (uri: string, host: AnalysisHost) =>
  analyze(uri, host)
    // A missing baseline leaves the layer's names unknown too: only the extends errors matter here.
    .diagnostics.filter((d) => d.severity === "error" && d.code.startsWith("extends-"))
    .map((d) => ({ code: d.code, message: d.message }));

describe("extends: which texts name a package", () => {
  it.each([
    ["@precept/bps-e-professionalism", { name: "@precept/bps-e-professionalism" }],
    [
      "@acme/policies/nursing/policy.precept",
      { name: "@acme/policies", subpath: "nursing/policy.precept" },
    ],
    ["acme-baseline", { name: "acme-baseline" }],
  ])("%s is a package", (text, spec) => {
    expect(packageSpecifier(text)).toEqual(spec);
  });

  it.each([
    "base.precept",
    "../bps/policy.precept",
    "./base",
    "bps/policy.precept",
    "/abs/policy.precept",
    "",
    "..",
  ])("%j is a path", (text) => {
    expect(packageSpecifier(text)).toBeUndefined();
  });

  it("resolves every path exactly as before packages existed", () => {
    const segment = fc.stringMatching(/^[a-z0-9 _.-]{1,8}$/);
    const path = fc.oneof(
      fc
        .tuple(fc.constantFrom("./", "../", "/"), fc.array(segment, { maxLength: 3 }))
        .map(([start, parts]) => start + parts.join("/")),
      fc
        .array(segment, { minLength: 1, maxLength: 3 })
        .map((parts) => `${parts.join("/")}.precept`),
    );
    fc.assert(
      fc.property(fc.constantFrom("policy.precept", "rules/a/p.precept"), path, (from, text) => {
        expect(resolveBaseline(from, text, memoryHost({}))).toEqual({
          ok: true,
          uri: resolveUri(from, text),
        });
      }),
    );
  });
});

describe("extends: a baseline by package name", () => {
  const files = {
    "rules/team/policy.precept": layer("@acme/baseline"),
    "node_modules/@acme/baseline/policy.precept": BASE,
  };
  const packages = { "@acme/baseline": "node_modules/@acme/baseline" };

  it("reads the package's policy.precept through the host's package lookup", () => {
    const analysis = analyze("rules/team/policy.precept", memoryHost(files, { packages }));
    expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...analysis.documents.keys()]).toEqual([
      "node_modules/@acme/baseline/policy.precept",
      "rules/team/policy.precept",
    ]);
    expect(analysis.policy?.rules.map((r) => r.id)).toEqual(["1", "L1"]);
  });

  it("follows the package.json's precept field, and a path inside the package", () => {
    const host = memoryHost(
      {
        "a.precept": layer("@acme/baseline"),
        "b.precept": layer("@acme/baseline/lib/base.precept"),
        "c.precept": layer("acme-plain"),
        "pkg/package.json": '{ "name": "@acme/baseline", "precept": "./lib/base.precept" }',
        "pkg/lib/base.precept": BASE,
        "plain/policy.precept": BASE,
      },
      { packages: { "@acme/baseline": "pkg", "acme-plain": "plain" } },
    );
    for (const uri of ["a.precept", "b.precept", "c.precept"])
      expect(errorsOf(uri, host)).toEqual([]);
    expect(resolveBaseline("a.precept", "@acme/baseline", host)).toEqual({
      ok: true,
      uri: "pkg/lib/base.precept",
    });
  });

  it.each([
    [
      "@acme/missing",
      'The baseline package "@acme/missing" is not installed: install it (npm install @acme/missing) or give the path of its policy file.',
    ],
    [
      "@Acme/Baseline",
      '"@Acme/Baseline" is neither a file path (start one with ./ or ../) nor a package name such as @precept/bps-e-professionalism.',
    ],
    [
      "@acme/baseline/../../secret.precept",
      '"@acme/baseline/../../secret.precept" must name a file inside the package @acme/baseline.',
    ],
    [
      "@acme/baseline/nope.precept",
      'The baseline "@acme/baseline/nope.precept" cannot be read (looked for node_modules/@acme/baseline/nope.precept).',
    ],
  ])("%s: one clear error", (target, message) => {
    const host = memoryHost({ ...files, "rules/team/policy.precept": layer(target) }, { packages });
    expect(errorsOf("rules/team/policy.precept", host)).toEqual([
      { code: "extends-not-found", message },
    ]);
  });

  it.each([
    ['{ "precept": "../outside.precept" }'],
    ['{ "precept": 42 }'],
    ['{ "precept": "/etc/policy.precept" }'],
    ['{ "precept": "README.md" }'],
  ])("refuses a package.json that names its policy wrongly: %s", (manifest) => {
    const host = memoryHost(
      {
        "a.precept": layer("@acme/baseline"),
        "pkg/package.json": manifest,
        "outside.precept": BASE,
      },
      { packages: { "@acme/baseline": "pkg" } },
    );
    expect(errorsOf("a.precept", host)).toEqual([
      {
        code: "extends-not-found",
        message:
          'The package @acme/baseline names its policy wrongly: "precept" in its package.json must be the relative path of a .precept file inside the package.',
      },
    ]);
  });

  it("takes policy.precept when package.json is not JSON", () => {
    const host = memoryHost(
      { "a.precept": layer("@acme/baseline"), "pkg/package.json": "{", "pkg/policy.precept": BASE },
      { packages: { "@acme/baseline": "pkg" } },
    );
    expect(errorsOf("a.precept", host)).toEqual([]);
  });

  it("says so when the host cannot look packages up, showing at most 80 characters of the text", () => {
    const host: AnalysisHost = {
      readFile: (uri) => (uri === "a.precept" ? layer("@precept/x") : undefined),
    };
    expect(errorsOf("a.precept", host)).toEqual([
      {
        code: "extends-not-found",
        message:
          'The baseline package "@precept/x" cannot be looked up here: give the path of its policy file instead.',
      },
    ]);
    const long = `@${"a".repeat(300)}`;
    const [error] = errorsOf("a.precept", memoryHost({ "a.precept": layer(long) }));
    expect(error?.message.length).toBeLessThan(200);
  });

  it("finds a cycle through a package", () => {
    const host = memoryHost(
      {
        "a.precept": layer("@acme/baseline"),
        "pkg/policy.precept": `policy "B" version "1" extends "../a.precept"\n`,
      },
      { packages: { "@acme/baseline": "pkg" } },
    );
    expect(errorsOf("a.precept", host).map((e) => e.code)).toContain("extends-cycle");
  });
});
