import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonProblem } from "./json-error.js";

describe("findJsonProblem", () => {
  it("accepts valid JSON", () => {
    expect(
      findJsonProblem('{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}'),
    ).toBeUndefined();
  });

  it.each([
    ['{"a": }', 6, "expected a value"],
    ['{"a": 1,\n "b" 2}', 14, "expected ':'"],
    ['{"a": 1', 7, "but the text ends"],
    ['{"a": 1,}', 8, "trailing commas"],
    ["{'a': 1}", 1, "expected a name in double quotes"],
    ['{"a": yes}', 6, "expected a value"],
    ["", 0, "but the text ends"],
    ['{"a": 1} x', 9, "after the end"],
    ['["a",]', 5, "trailing commas"],
    ['{"a": "b\nc"}', 8, "closing quote"],
  ])("locates the problem in %j", (text, offset, message) => {
    const problem = findJsonProblem(text);
    expect(problem?.offset).toBe(offset);
    expect(problem?.message).toContain(message);
  });

  it("reports nesting deeper than it scans instead of overflowing the stack", () => {
    const problem = findJsonProblem("[".repeat(10_000));
    expect(problem).toEqual({ offset: 500, message: "nested more than 500 levels deep" });
    expect(findJsonProblem(`${'{"a":'.repeat(10_000)}1`)?.message).toBe(
      "nested more than 500 levels deep",
    );
  });

  it("agrees with JSON.parse on what is valid", () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.slice(0, Math.max(0, t.length - 1))),
      fc.string(),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const problem = findJsonProblem(text);
        expect(problem === undefined).toBe(valid);
        if (problem) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
