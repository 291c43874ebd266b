/**
 * A layer on several baselines (docs/semantics.md §8.1), property-checked from text: a layer over
 * baselines A and B (both on one shared baseline) decides every fact set as one policy holding the
 * shared rules once, A's, B's and the layer's — with A's and B's clashing ids written qualified —
 * on the reference interpreter and through the compiled bundle.
 */

import { compile } from "@precept/compiler";
import { analyze, memoryHost, type PolicyModel } from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importModule, withoutExplanation } from "./generated-module.js";
import { comparable, embedderOutcome, load } from "./helpers.js";
import { type Facts, decide as reference } from "./reference.js";

const HEAD = `source g: "G", G, 2020
outcomes, strongest first:
  decline "no"
  caution "careful"
  allow "yes"
otherwise no guidance
fact a: yes or no
fact b: yes or no
fact kind: one of x, y, z
`;

const ATOMS = ["a", "not a", "b", "not b", "kind is x", "kind is not y", "kind is one of y, z"];
const OUTCOMES = ["decline", "caution", "allow"];

const condition = fc
  .array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 3 })
  .chain((atoms) => fc.constantFrom(" and ", " or ").map((join) => atoms.join(join)));
const rule = fc.record({
  when: condition,
  outcome: fc.constantFrom(...OUTCOMES),
  unless: fc.option(condition, { nil: undefined }),
});
type Rule = typeof rule extends fc.Arbitrary<infer R> ? R : never;

const text = (id: string, r: Rule) =>
  `rule ${id}\n  cites g §1\n  when ${r.when}\n  then ${r.outcome}\n${r.unless ? `  unless ${r.unless}\n` : ""}`;
/** Ids 1, 2, … : the two baselines' ids clash wherever both have a rule of that number. */
const rules = (list: readonly Rule[], prefix = "") =>
  list.map((r, i) => text(`${prefix}${i + 1}`, r)).join("");

const FACT_SETS: Facts[] = [];
for (const a of [true, false, undefined])
  for (const b of [true, false, undefined])
    for (const kind of ["x", "y", "z", undefined]) FACT_SETS.push({ a, b, kind });

function policyOf(files: Record<string, string>, uri: string): PolicyModel {
  const result = analyze(uri, memoryHost(files), { unusedWarnings: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.policy!;
}

describe("a layer on two baselines decides like one policy with all their rules", () => {
  it("same decisions, same deciding rules (qualified ids included), on the reference and the bundle", () => {
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 2 }),
        fc.array(rule, { minLength: 1, maxLength: 3 }),
        fc.array(rule, { minLength: 1, maxLength: 3 }),
        fc.array(rule, { maxLength: 2 }),
        (shared, a, b, own) => {
          const layer = policyOf(
            {
              "shared.precept": `policy "Shared" version "1"\n${HEAD}${rules(shared, "S")}`,
              "a.precept": `policy "A" version "1" extends "shared.precept"\n${rules(a)}`,
              "b.precept": `policy "B" version "1" extends "shared.precept"\n${rules(b)}`,
              "layer.precept": `policy "L" version "1" extends "a.precept" as pa and "b.precept" as pb\n${rules(own, "L")}`,
            },
            "layer.precept",
          );
          // Ids that only one baseline has keep their own name; clashing ones are qualified.
          const id = (mine: string, i: number, other: readonly Rule[]) =>
            i < other.length ? `${mine}.${i + 1}` : `${i + 1}`;
          const single = policyOf(
            {
              "one.precept": `policy "One" version "1"\n${HEAD}${rules(shared, "S")}${a
                .map((r, i) => text(id("pa", i, b), r))
                .join("")}${b.map((r, i) => text(id("pb", i, a), r)).join("")}${rules(own, "L")}`,
            },
            "one.precept",
          );
          expect(layer.rules.map((r) => r.id)).toEqual(single.rules.map((r) => r.id));
          const decider = load(layer);
          for (const facts of FACT_SETS) {
            const expected = reference(single, facts);
            expect(reference(layer, facts)).toEqual(expected);
            expect(comparable(decider.decideSync(facts))).toEqual(expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("qualified ids decide alike on the generated module and plain json-rules-engine", async () => {
    const layer = policyOf(
      {
        "shared.precept": `policy "Shared" version "1"\n${HEAD}`,
        "a.precept": `policy "A" version "1" extends "shared.precept"\nrule 1: a → caution\n  cites g §1\n  unless b\n`,
        "b.precept": `policy "B" version "1" extends "shared.precept"\nrule 1: kind is x → decline\n  cites g §1\n`,
        "layer.precept": `policy "L" version "1" extends "a.precept" as pa and "b.precept" as pb\nexception to rule pb.1 when a then allow because "a settles it"\n`,
      },
      "layer.precept",
    );
    expect(layer.rules.map((r) => [r.id, r.exceptions.map((e) => e.id)])).toEqual([
      ["pa.1", ["pa.1#1"]],
      ["pb.1", ["pb.1#1"]],
    ]);
    const bundle = compile(layer);
    const module = await importModule(bundle);
    const decider = load(layer);
    for (const facts of FACT_SETS) {
      const expected = reference(layer, facts);
      expect(withoutExplanation(module.decide(facts))).toEqual(
        withoutExplanation(decider.decideSync(facts)),
      );
      expect(comparable(decider.decideSync(facts))).toEqual(expected);
      if (facts.a !== undefined && facts.b !== undefined && facts.kind !== undefined)
        expect(await embedderOutcome(bundle, facts)).toBe(expected.outcome);
    }
  });

  it("naming a rule by its qualified id decides as naming it by its id", () => {
    const files = (ref: string) => ({
      "shared.precept": `policy "Shared" version "1"\n${HEAD}rule S1: a → caution\n  cites g §1\n`,
      "a.precept": `policy "A" version "1" extends "shared.precept"\nrule A1: b → decline\n  cites g §1\n`,
      "b.precept": `policy "B" version "1" extends "shared.precept"\nrule B1: kind is x → allow\n  cites g §1\n`,
      "layer.precept": `policy "L" version "1" extends "a.precept" as pa and "b.precept" as pb
exception to rule ${ref} when kind is y then allow because "y is fine"
scenario "y"
  given a, b is no, kind is y
  expect allow by rule S1#1
`,
    });
    const bare = policyOf(files("S1"), "layer.precept");
    const qualified = policyOf(files("pa.S1"), "layer.precept");
    const shown = (p: PolicyModel) =>
      p.rules.map((r) => [r.id, r.exceptions.map((e) => [e.id, e.condition, e.outcome])]);
    expect(shown(qualified)).toEqual(shown(bare));
    expect(qualified.rules[0]!.exceptions).toHaveLength(1);
    for (const facts of FACT_SETS)
      expect(reference(qualified, facts)).toEqual(reference(bare, facts));
  });
});
