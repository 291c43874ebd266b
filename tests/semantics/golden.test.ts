/**
 * Golden tests: the exact bundle and explanation text for the example policies. A change here is
 * a change in what embedders receive or what users read, so it must be deliberate: regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run tests/semantics/golden.test.ts`, then `pnpm fix`, and review the
 * diff. A missing golden file is a failure (not silently written), so a deleted or renamed file
 * cannot turn the comparison off.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Bundle } from "@precept/compiler";
import { memoryHost, Workspace } from "@precept/project";
import type { Decider } from "@precept/runtime";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** Compares as JSON values, so the files may be laid out by the formatter (`pnpm fix`). */
function golden(name: string, actual: unknown): void {
  const url = new URL(`tests/semantics/golden/${name}`, root);
  const value = JSON.parse(JSON.stringify(actual));
  if (UPDATE) writeFileSync(url, `${JSON.stringify(value, null, 2)}\n`);
  else if (!existsSync(url)) {
    expect.fail(`golden file ${name} is missing: write it with UPDATE_GOLDEN=1 and review it`);
  }
  expect(value).toEqual(JSON.parse(readFileSync(url, "utf8")));
}

function build(files: Record<string, string>, entry: string): { bundle: Bundle; decider: Decider } {
  const contents = Object.fromEntries(
    Object.entries(files).map(([uri, path]) => [uri, read(path)]),
  );
  const built = new Workspace(memoryHost(contents), { unusedWarnings: false }).build(entry);
  expect(built.errors).toEqual([]);
  if (!built.bundle || !built.decider) throw new Error(built.problem);
  return { bundle: built.bundle, decider: built.decider };
}

async function explanations(decider: Decider, factSets: readonly Record<string, unknown>[]) {
  const out = [];
  for (const facts of factSets) {
    const result = await decider.decide(facts);
    expect(decider.decideSync(facts)).toEqual(result);
    out.push({ facts, explanation: result.explanation });
  }
  return out;
}

describe("golden: the sketch policy", () => {
  const { bundle, decider } = build(
    { "sketch.precept": "tests/fixtures/sketch.precept" },
    "sketch.precept",
  );

  it("compiles to the same bundle", () => golden("sketch.bundle.json", bundle));

  it("explains the same way", async () => {
    golden(
      "sketch.explanations.json",
      await explanations(decider, [
        {
          relationship: "current service user",
          capacity: "personal",
          "identifiable information": false,
          "explicit consent to publish": false,
          age: 30,
        },
        {
          relationship: "current service user",
          capacity: "personal",
          "identifiable information": true,
          "explicit consent to publish": false,
          age: 30,
        },
        { relationship: "current service user", capacity: "personal" },
        { relationship: "colleague", capacity: "professional", "identifiable information": false },
        { relationship: "friend" },
      ]),
    );
  });
});

describe("golden: a layer on a baseline", () => {
  const { bundle, decider } = build(
    {
      "base.precept": "tests/semantics/fixtures/base.precept",
      "layer.precept": "tests/semantics/fixtures/layer.precept",
    },
    "layer.precept",
  );

  it("compiles to the same bundle, listing the layer's loosenings", () => {
    expect(
      bundle.loosenings.map((l) => [l.kind, l.kind === "default" ? l.outcome : l.rule, l.layer]),
    ).toEqual([
      ["override", "3.2", "Golden trust"],
      ["disable", "4.1", "Golden trust"],
      ["exception", "1.1", "Golden trust"],
    ]);
    golden("layered.bundle.json", bundle);
  });

  it("explains the same way", async () => {
    const base = {
      "other person": "current service user",
      capacity: "personal",
      identifiable: false,
      permission: false,
      age: 30,
      "months since discharge": 60,
    };
    golden(
      "layered.explanations.json",
      await explanations(decider, [
        base,
        { ...base, age: 15 },
        { ...base, identifiable: true },
        { ...base, identifiable: true, permission: true, capacity: "professional" },
        { ...base, "other person": "former service user", "months since discharge": 6 },
        { ...base, "other person": "colleague" },
        { "other person": "former service user", capacity: "personal" },
        {},
      ]),
    );
  });

  it("explains why a rule does not apply", () => {
    golden("layered.why-not.json", [
      decider.whyNot("3.1", { "other person": "colleague", capacity: "personal" }),
      decider.whyNot("3.1", {
        "other person": "current service user",
        capacity: "personal",
        age: 12,
      }),
      decider.whyNot("3.2", { "other person": "former service user", capacity: "personal" }),
      decider.whyNot("1.1#1", { identifiable: true, permission: true, capacity: "personal" }),
    ]);
  });
});

describe("golden: the rule pack's scenarios", () => {
  const BPS = "rules/bps-e-professionalism/policy.precept";
  const packs: [name: string, files: string[]][] = [
    ["bps", [BPS, "rules/bps-e-professionalism/scenarios.precept"]],
    ["northfield", [BPS, "rules/examples/northfield-trust/policy.precept"]],
    ["hartwell-programme", [BPS, "rules/examples/hartwell-programme/policy.precept"]],
    [
      "hartwell-trainee-at-northfield",
      [
        BPS,
        "rules/examples/hartwell-programme/policy.precept",
        "rules/examples/northfield-trust/policy.precept",
        "rules/examples/hartwell-trainee-at-northfield/policy.precept",
      ],
    ],
  ];
  for (const [name, files] of packs) {
    it(`${name}: every scenario passes, and its explanation is unchanged`, async () => {
      // Files keep their repository paths, so `extends "../…"` resolves as on disk.
      const { decider } = build(Object.fromEntries(files.map((f) => [f, f])), files.at(-1)!);
      const results = await decider.runScenarios();
      expect(results.filter((r) => !r.passed).map((r) => [r.title, r.differences])).toEqual([]);
      golden(
        `${name}.scenarios.json`,
        results.map((r) => ({
          title: r.title,
          outcome: r.result.ok ? r.result.outcome : "invalid",
          explanation: r.result.explanation,
        })),
      );
    });
  }
});
