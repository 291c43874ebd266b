/**
 * Baselines by package name on disk: the precept command finds `extends "@scope/name"` in the
 * node_modules folders above the layer, as Node does, and the BPS pack also as its own dependency.
 */
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, Fixtures, precept, ROOT, STACK } from "./helpers.js";

const layer = (
  target: string,
  rule = "client → decline",
) => `policy "Team" version "1" extends "${target}"

rule T1 "Team rule": ${rule}
  cites g §9
`;

describe("extends by package name", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    // An employer's repository: a baseline package installed at the top, layers in folders below.
    fx.write(
      "node_modules/@acme/base/package.json",
      '{ "name": "@acme/base", "version": "1.2.0" }',
    );
    fx.write("node_modules/@acme/base/policy.precept", BASE);
    fx.write("policies/nursing/team/policy.precept", layer("@acme/base"));
    fx.write("policies/missing/policy.precept", layer("@acme/absent"));
  });
  afterAll(() => fx.remove());

  it("finds the package in a node_modules folder above the layer", async () => {
    const r = await precept(["check", "policies/nursing"], { cwd: fx.dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("No problems in 1 file.");
    expect(r.code).toBe(0);
  });

  it("says a package that is not installed is not installed, once, without a stack", async () => {
    const r = await precept(["check", "policies/missing"], { cwd: fx.dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      'The baseline package "@acme/absent" is not installed: install it (npm install @acme/absent) or give the path of its policy file.',
    );
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("follows a linked package to its real folder (as pnpm installs it)", async () => {
    fx.write("store/base-1.2.0/package.json", '{ "name": "@acme/linked" }');
    fx.write("store/base-1.2.0/policy.precept", BASE);
    mkdirSync(fx.path("linked/node_modules/@acme"), { recursive: true });
    symlinkSync(fx.path("store/base-1.2.0"), fx.path("linked/node_modules/@acme/linked"), "dir");
    fx.write("linked/team/policy.precept", layer("@acme/linked", "client → allow"));
    const r = await precept(["check", "linked/team", "--json"], { cwd: fx.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("node_modules");
  });

  it("uses the project's own copy of the BPS pack before the command's", async () => {
    // A pinned copy whose policy differs from the command's: decisions must come from it.
    const bps = readFileSync(path.join(ROOT, "rules/bps-e-professionalism/policy.precept"), "utf8");
    fx.write(
      "pinned/node_modules/@precept/bps-e-professionalism/package.json",
      '{ "name": "@precept/bps-e-professionalism", "version": "0.0.9" }',
    );
    fx.write(
      "pinned/node_modules/@precept/bps-e-professionalism/policy.precept",
      bps.replace(/version "[^"]*"/, 'version "pinned-copy"'),
    );
    fx.write(
      "pinned/layer/policy.precept",
      'policy "Pinned layer" version "1" extends "@precept/bps-e-professionalism"\n',
    );
    fx.write(
      "unpinned/layer/policy.precept",
      'policy "Unpinned layer" version "1" extends "@precept/bps-e-professionalism"\n',
    );
    const [pinned, unpinned] = await Promise.all([
      precept(["compile", "pinned/layer/policy.precept"], { cwd: fx.dir }),
      precept(["compile", "unpinned/layer/policy.precept"], { cwd: fx.dir }),
    ]);
    expect(pinned.code).toBe(0);
    expect(unpinned.code).toBe(0);
    const layersOf = (json: string) =>
      (JSON.parse(json) as { layers?: { version?: string }[] }).layers?.map((l) => l.version);
    expect(layersOf(pinned.stdout)).toContain("pinned-copy");
    expect(layersOf(unpinned.stdout)).not.toContain("pinned-copy");
  });
});
