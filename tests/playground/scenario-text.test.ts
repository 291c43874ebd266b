/**
 * "Save as scenario" writes Precept: for any situation tried against the example layer, the saved
 * text parses, checks, and pins exactly the decision that was shown.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { memoryHost, Workspace } from "@precept/project";
import type { BundleFact, Decider } from "@precept/runtime";
import { checkScenario } from "@precept/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoted, scenarioText } from "../../playground/src/scenario-text.js";
import { ROOT } from "../e2e/support/site.js";

const BASELINE = "rules/bps-e-professionalism/policy.precept";
const LAYER = "rules/examples/northfield-trust/policy.precept";
const files = {
  [BASELINE]: readFileSync(join(ROOT, BASELINE), "utf8"),
  [LAYER]: readFileSync(join(ROOT, LAYER), "utf8"),
};

function load(layer: string): { decider: Decider; facts: readonly BundleFact[]; errors: string[] } {
  const built = new Workspace(memoryHost({ ...files, [LAYER]: layer })).build(LAYER);
  const errors = built.errors.map((d) => d.message);
  if (!built.policy) return { errors } as never;
  if (!built.decider) throw new Error(built.problem);
  return { decider: built.decider, facts: built.decider.bundle.facts, errors };
}

const example = load(files[LAYER]);

/** A situation: some facts of the example layer's vocabulary, each with a value of its type. */
const situation = fc
  .tuple(
    ...example.facts.map((f) =>
      fc.option<string | number | boolean>(
        f.type === "choice"
          ? fc.constantFrom(...f.values)
          : f.type === "yes/no"
            ? fc.boolean()
            : f.type === "number"
              ? fc.integer({ min: 0, max: 120 })
              : fc.string({ maxLength: 20 }),
        { nil: undefined, freq: 2 },
      ),
    ),
  )
  .map((values) => {
    const out: Record<string, string | number | boolean> = {};
    values.forEach((v, i) => {
      if (v !== undefined && v !== null) out[example.facts[i]!.name] = v;
    });
    return out;
  })
  .filter((s) => Object.keys(s).length > 0);

describe("Save as scenario", () => {
  it("writes a scenario that checks and passes with the decision it was saved from", () => {
    fc.assert(
      fc.property(situation, fc.string({ maxLength: 30 }), (given, title) => {
        const decision = example.decider.decideSync(given);
        if (!decision.ok) return;
        const text = scenarioText(title, example.facts, given, decision)!;
        const saved = load(`${files[LAYER]}\n${text}\n`);
        expect(saved.errors).toEqual([]);
        const scenario = saved.decider.bundle.scenarios.at(-1)!;
        expect(scenario.given).toEqual(given);
        expect(checkScenario(scenario, saved.decider.decideSync(scenario.given)).passed).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("writes nothing without a known fact", () => {
    const decision = example.decider.decideSync({});
    expect(decision.ok && scenarioText("t", example.facts, {}, decision)).toBeUndefined();
  });

  it("quotes titles the way the lexer reads them back", () => {
    expect(quoted('say "hi"\\ now\n')).toBe('"say \\"hi\\"\\\\ now"');
  });
});
