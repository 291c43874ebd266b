import { describe, expect, it } from "vitest";
import { memoryHost, type ProjectHost } from "./host.js";
import { Workspace } from "./workspace.js";

const BASE = `policy "Base"
outcomes, strongest first:
  prohibit "must not"
  allow "may"
otherwise no guidance
fact capacity: one of personal, professional
rule 1: capacity is personal → prohibit
`;
const LAYER = `policy "Layer" extends "base.precept"
rule 2: capacity is professional → allow
`;

function host(files: Record<string, string>): ProjectHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (uri) => {
      reads.push(uri);
      return files[uri];
    },
  };
}

describe("Workspace", () => {
  it("analyses once per version of the files read, and again when one changes", () => {
    const files = { "base.precept": BASE, "layer.precept": LAYER };
    const workspace = new Workspace(host(files));
    const first = workspace.analyze("layer.precept");
    expect(first.policy?.rules.map((r) => r.id)).toEqual(["1", "2"]);
    expect(workspace.analyze("layer.precept")).toBe(first);
    files["base.precept"] = BASE.replace("rule 1:", "rule 1b:");
    const second = workspace.analyze("layer.precept");
    expect(second).not.toBe(first);
    expect(second.policy?.rules.map((r) => r.id)).toEqual(["1b", "2"]);
  });

  it("uses the host's versions when it has them", () => {
    const files = { "base.precept": BASE };
    let version = 1;
    const workspace = new Workspace({
      readFile: (u) => files[u as "base.precept"],
      version: () => version,
    });
    const first = workspace.analyze("base.precept");
    files["base.precept"] = `${BASE}\n`;
    expect(workspace.analyze("base.precept")).toBe(first);
    version = 2;
    expect(workspace.analyze("base.precept")).not.toBe(first);
  });

  it("builds a checked policy into a bundle and a decider, and reports errors otherwise", async () => {
    const workspace = new Workspace(host({ "base.precept": BASE, "bad.precept": "policy" }));
    const built = workspace.build("base.precept");
    expect(built.errors).toEqual([]);
    expect(built.bundle?.rules.length).toBeGreaterThan(0);
    expect(built.decider?.outcome({ capacity: "personal" })).toBe("prohibit");
    expect(workspace.build("base.precept")).toBe(built);
    const bad = workspace.build("bad.precept");
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.decider).toBeUndefined();
  });
});

describe("Workspace with baselines by package name", () => {
  it("resolves them through the host", () => {
    const workspace = new Workspace(
      memoryHost(
        {
          "node_modules/@acme/base/policy.precept": BASE,
          "layer.precept": LAYER.replace('"base.precept"', '"@acme/base"'),
        },
        { packages: { "@acme/base": "node_modules/@acme/base" } },
      ),
    );
    const analysis = workspace.analyze("layer.precept");
    expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(analysis.policy?.rules.map((r) => r.id)).toEqual(["1", "2"]);
  });
});
