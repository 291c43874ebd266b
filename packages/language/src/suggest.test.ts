import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveUri } from "./host.js";
import { closest, editDistance, MAX_SUGGESTED_LENGTH, SuggestionBudget } from "./suggest.js";

/** The whole table, no band: what the banded distance must agree with. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("closest", () => {
  it("finds typos, transpositions and whole-word parts", () => {
    expect(closest("relationshp", ["relationship", "capacity"])).toBe("relationship");
    expect(closest("capcaity", ["relationship", "capacity"])).toBe("capacity");
    expect(closest("service user", ["current service user", "colleague"])).toBe(
      "current service user",
    );
  });
  it("does not guess for unrelated or very short names", () => {
    expect(closest("platform", ["relationship", "capacity"])).toBeUndefined();
    expect(closest("9", ["1", "2"])).toBeUndefined();
  });
  it("edit distance counts a transposition as one edit", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("bounded suggestions", () => {
  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 14 });
  it("the banded distance is the full distance, capped at limit + 1", () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(fullDistance(a, b), limit + 1));
        expect(editDistance(a, b)).toBe(fullDistance(a, b));
      }),
      { numRuns: 500 },
    );
  });
  it("gives no guess for names longer than the cut-off", () => {
    const long = "x".repeat(MAX_SUGGESTED_LENGTH + 1);
    expect(closest(long, [`${long}y`])).toBeUndefined();
    expect(closest(long.slice(1), [`${long}`])).toBe(long);
  });
  it("stops guessing when the shared budget is spent, and still answers", () => {
    const budget = new SuggestionBudget(10);
    const candidates = [...Array.from({ length: 99 }, (_, i) => `unrelated ${i}`), "relationship"];
    expect(closest("relationshp", candidates, budget)).toBeUndefined();
    expect(budget.remaining).toBeLessThanOrEqual(0);
    expect(closest("relationshp", candidates)).toBe("relationship");
  });
});

describe("resolveUri", () => {
  it("resolves relative paths against the naming file", () => {
    expect(resolveUri("rules/examples/clinic/policy.precept", "../../bps/policy.precept")).toBe(
      "rules/bps/policy.precept",
    );
    expect(resolveUri("policy.precept", "base.precept")).toBe("base.precept");
    expect(resolveUri("/abs/a/p.precept", "../b.precept")).toBe("/abs/b.precept");
    expect(resolveUri("file:///x/a/p.precept", "./b.precept")).toBe("file:///x/a/b.precept");
  });
});
