/**
 * A dated layer (`policy … extends … in force from F until U`): on the layer's days every
 * decision is the undated layer's, on the others the baseline's — whatever the layer overrides,
 * disables, amends or adds — and every evaluator agrees with the reference on the dated policy.
 */
import { analyze, memoryHost } from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredPolicyArbitrary } from "../support/generate.js";
import { DECISION_DATES, factsArbitrary } from "./arbitraries.js";
import { comparable, load, modelOf } from "./helpers.js";
import { decide as reference } from "./reference.js";

const RUNS = Math.ceil(Number(process.env.PRECEPT_PROPERTY_RUNS ?? 300) / 3);

/** The layer's days: from and/or until, among the decision dates and the days either side. */
const DAYS = [...DECISION_DATES, "2024-02-28", "2024-03-01", "2025-03-01", "2026-03-30"].sort();
const periodArbitrary = fc
  .record({
    from: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
    until: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
  })
  .filter((p) => (p.from !== undefined || p.until !== undefined) && !(p.until! < p.from!));

const inForceText = (p: { from?: string; until?: string }) =>
  ["in force", p.from && `from ${p.from}`, p.until && `until ${p.until}`].filter(Boolean).join(" ");

/** Rule ids without the version a dated layer gives them (`2@2024-09-01` → `2`). */
const unversioned = (ids: readonly string[]) => ids.map((id) => id.replace(/@[^#]*/, "")).sort();

describe("a layer in force between dates", () => {
  it("decides as the layer on its days and as the baseline on the others", async () => {
    await fc.assert(
      fc.asyncProperty(
        layeredPolicyArbitrary(),
        periodArbitrary,
        fc.constantFrom(...DECISION_DATES),
        async (layered, period, asOf) => {
          const datedText = layered.layer.text.replace(
            /base\.precept["”]/,
            (quoted) => `${quoted} ${inForceText(period)}`,
          );
          expect(datedText).not.toBe(layered.layer.text);
          const datedFiles = { ...layered.files, "layer.precept": datedText };
          // A rule of the layer whose own dates miss the layer's (empty-period) or a default
          // (dated-default) is an error.
          fc.pre(
            !analyze("layer.precept", memoryHost(datedFiles)).diagnostics.some(
              (d) => d.code === "empty-period" || d.code === "dated-default",
            ),
          );
          const dated = modelOf(datedFiles, "layer.precept");
          const undated = modelOf(layered.files, "layer.precept");
          const base = modelOf({ "base.precept": layered.files["base.precept"]! }, "base.precept");
          const inside =
            (period.from === undefined || period.from <= asOf) &&
            (period.until === undefined || asOf <= period.until);
          const expected = inside ? undated : base;
          const facts = fc.sample(factsArbitrary(base, true), { numRuns: 3 });
          const decider = load(dated);
          for (const f of facts) {
            const got = reference(dated, f as never, asOf);
            const want = reference(expected, f as never, asOf);
            expect({ outcome: got.outcome, rules: unversioned(got.decidingRules) }).toEqual({
              outcome: want.outcome,
              rules: unversioned(want.decidingRules),
            });
            expect(got.advice).toEqual(want.advice);
            expect(comparable(await decider.decide(f, { asOf }))).toEqual(got);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
