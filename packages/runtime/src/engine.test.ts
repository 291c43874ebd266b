import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import type { Bundle, BundleRule, Condition } from "./bundle.js";
import { dualRules, EnginePool } from "./engine.js";

const rule = (name: string, conditions: BundleRule["conditions"]): BundleRule => ({
  name,
  conditions,
  event: {
    type: "caution",
    params: {
      rule: name,
      exception: null,
      kind: "rule",
      title: null,
      strength: 1,
      citations: [],
      reason: null,
      advice: [],
      layer: "L",
    },
  },
});

const bundleWith = (...rules: BundleRule[]) => ({ rules }) as unknown as Bundle;

/** What json-rules-engine says about one bundle rule: certainly true, certainly false or unknown. */
async function certainty(c: Condition, facts: Record<string, unknown>): Promise<string> {
  const { rules, fixed } = dualRules(bundleWith(rule("r", { all: [c] })));
  if (fixed.has("r")) return fixed.get("r") ? "true" : "false";
  const { results } = await new Engine(rules).run(facts);
  const fired = results.map((r) => r.name);
  return fired.includes("T:r") ? "true" : fired.includes("F:r") ? "false" : "unknown";
}

describe("dualRules: Kleene's logic in json-rules-engine, unknown facts given as null", () => {
  const test = (operator: string, value: unknown): Condition =>
    ({ fact: "x", operator, value }) as Condition;

  it("a test on an unknown fact is neither certainly true nor certainly false", async () => {
    for (const c of [
      test("equal", "a"),
      test("notEqual", "a"),
      test("in", ["a"]),
      test("notIn", ["a"]),
      test("lessThan", 3),
      test("greaterThanInclusive", 3),
      { not: test("equal", "a") },
    ]) {
      expect(await certainty(c, { x: null })).toBe("unknown");
    }
  });

  it("a test on a known fact is certain either way", async () => {
    expect(await certainty(test("notEqual", "a"), { x: "b" })).toBe("true");
    expect(await certainty(test("notEqual", "a"), { x: "a" })).toBe("false");
    expect(await certainty(test("lessThan", 3), { x: 3 })).toBe("false");
    expect(await certainty({ not: test("in", ["a", "b"]) }, { x: "c" })).toBe("true");
  });

  it("and/or follow Kleene: a false operand decides and, a true one decides or", async () => {
    const known = test("equal", "a");
    const unknown: Condition = { fact: "y", operator: "equal", value: 1 };
    expect(await certainty({ all: [known, unknown] }, { x: "b", y: null })).toBe("false");
    expect(await certainty({ all: [known, unknown] }, { x: "a", y: null })).toBe("unknown");
    expect(await certainty({ any: [known, unknown] }, { x: "a", y: null })).toBe("true");
    expect(await certainty({ not: { any: [known, unknown] } }, { x: "b", y: null })).toBe(
      "unknown",
    );
  });

  it("constants need no engine rule", () => {
    const tautology: Condition = {
      any: [test("equal", "a"), test("notEqual", "a")],
      name: "constant:true",
    };
    const { rules, fixed } = dualRules(bundleWith(rule("r", { all: [tautology] })));
    expect(rules).toEqual([]);
    expect(fixed.get("r")).toBe(true);
  });
});

describe("EnginePool", () => {
  it("runs at most its size of engines at once and serves everyone", async () => {
    const pool = new EnginePool(
      [
        {
          name: "r",
          conditions: { all: [{ fact: "x", operator: "equal", value: 1 }] },
          event: { type: "e" },
        },
      ],
      2,
    );
    const runs = Array.from({ length: 50 }, (_, i) => pool.run({ x: i % 2 }));
    const fired = await Promise.all(runs);
    expect(fired.map((s) => s.has("r"))).toEqual(Array.from({ length: 50 }, (_, i) => i % 2 === 1));
    expect((pool as unknown as { created: number }).created).toBe(2);
  });
});
