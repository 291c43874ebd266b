import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "./position.js";

/** Line and column counted the slow, obvious way. */
function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe("LineIndex", () => {
  it("gives 1-based lines and columns, clamping offsets into the text", () => {
    const lines = new LineIndex("ab\n\ncd\n");
    expect(lines.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(lines.position(2)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(lines.position(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(lines.position(5)).toEqual({ line: 3, column: 2, offset: 5 });
    expect(lines.position(7)).toEqual({ line: 4, column: 1, offset: 7 });
    expect(lines.position(99)).toEqual({ line: 4, column: 1, offset: 7 });
    expect(lines.position(-4)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(lines.position(Number.NaN)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(lines.offsetAt(3, 2)).toBe(5);
  });

  it("answers lookups in any order as a fresh index would", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\n", "é", "\r") }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (text, offsets) => {
          const lines = new LineIndex(text);
          for (const raw of offsets) {
            const offset = raw % (text.length + 1);
            expect(lines.position(offset)).toEqual({ ...naive(text, offset), offset });
          }
        },
      ),
    );
  });
});
