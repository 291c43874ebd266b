/**
 * Analysis benchmark (`pnpm bench`): `analyzePolicy` of the BPS pack with Northfield (findings and
 * layer impact), of a generated 1,000-rule policy, and `diffPolicies` of two versions of the BPS
 * pack. Baseline in the same run: parsing and checking the same files (`analyze`), so the ratios
 * hold across machines and loads. Goals (issue 8): < 1 s, < 10 s and < 1 s.
 */
import { readFileSync } from "node:fs";
import { analyze, memoryHost } from "@precept/language";
import { analyzePolicy, diffPolicies, Workspace } from "@precept/project";
import { generateSpec, specText } from "./decide-generated.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const BPS = "rules/bps-e-professionalism/policy.precept";
const NORTHFIELD = "rules/examples/northfield-trust/policy.precept";

function median(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

export async function run(): Promise<void> {
  const files = { [BPS]: read(BPS), [NORTHFIELD]: read(NORTHFIELD) };
  const fresh = () => new Workspace(memoryHost(files));
  const checkBoth = median(() => {
    const w = fresh();
    w.analyze(NORTHFIELD);
  }, 9);
  const layer = median(() => analyzePolicy(fresh(), NORTHFIELD), 5);

  const text = specText(generateSpec(1000, 7));
  const generated = { "generated.precept": text };
  const checkGenerated = median(
    () => analyze("generated.precept", memoryHost(generated), { unusedWarnings: false }),
    3,
  );
  const big = median(
    () =>
      analyzePolicy(
        new Workspace(memoryHost(generated), { unusedWarnings: false }),
        "generated.precept",
      ),
    1,
  );

  const changed = files[BPS]!.replace(
    "when sharing material and indirectly identifiable and no permission to publish\n  then prohibit",
    "when sharing material and indirectly identifiable and no permission to publish\n  then seek advice",
  );
  const versions = fresh();
  const before = versions.analyze(BPS).policy!;
  const after = new Workspace(memoryHost({ [BPS]: changed })).analyze(BPS).policy!;
  const diff = median(() => diffPolicies(before, after), 5);
  const checkBps = median(() => fresh().analyze(BPS), 9);

  const rows = [
    ["BPS + Northfield: analyze (findings and layer impact)", layer, checkBoth, 1000],
    ["generated, 1,000 rules: analyze", big, checkGenerated, 10_000],
    ["two BPS versions: diff (policies already checked)", diff, checkBps, 1000],
  ] as const;
  console.log("\nAnalysis (milliseconds, median; baseline: parse + check of the same files)\n");
  console.log("| what | analysis | parse + check | ratio | goal |");
  console.log("| --- | ---: | ---: | ---: | --- |");
  for (const [what, t, base, goal] of rows) {
    console.log(
      `| ${what} | ${ms(t)} | ${ms(base)} | ${(t / base).toFixed(1)}× | < ${goal / 1000} s: ${t < goal ? "met" : "missed"} |`,
    );
  }
}
