import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regionOf, regionSamples } from "./candidates.js";
import { OPERATOR_NAMES, OPERATORS } from "./operators.js";

/** The operators a test on a number fact may use. */
const ON_NUMBERS = OPERATOR_NAMES.filter(
  (o) => OPERATORS[o].numeric || ["equal", "notEqual", "in", "notIn"].includes(o),
);

describe("number regions", () => {
  const number = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1, 0.2),
  );

  it("every test on the fact answers for a value as for its region's sample", () => {
    fc.assert(
      fc.property(fc.uniqueArray(number, { minLength: 1, maxLength: 6 }), number, (raw, x) => {
        const points = [...new Set(raw)].sort((a, b) => a - b);
        const samples = regionSamples(points);
        expect(samples).toHaveLength(2 * points.length + 1);
        const sample = samples[regionOf(points, x)]!;
        for (const p of points) {
          for (const op of ON_NUMBERS) {
            const value = OPERATORS[op].takesList ? [p] : p;
            expect([op, p, OPERATORS[op].holds(sample, value)]).toEqual([
              op,
              p,
              OPERATORS[op].holds(x, value),
            ]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
