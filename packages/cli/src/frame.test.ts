import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeFrame } from "./frame.js";
import { paint } from "./io.js";

const at = (line: number, column: number) => ({ line, column });

describe("codeFrame", () => {
  const text = 'policy "P"\nrule 1: relation is colleague → decline\n';

  it("underlines the range on its line", () => {
    expect(codeFrame(text, { start: at(2, 9), end: at(2, 17) })).toBe(
      [" 2 | rule 1: relation is colleague → decline", "   |         ^^^^^^^^"].join("\n"),
    );
  });

  it("gives an empty range one caret", () => {
    expect(codeFrame(text, { start: at(1, 3), end: at(1, 3) }).split("\n")[1]).toBe("   |   ^");
  });

  it("underlines a multi-line range to the end of its first line", () => {
    const second = codeFrame(text, { start: at(1, 8), end: at(2, 4) }).split("\n")[1];
    expect(second).toBe("   |        ^^^");
  });

  it("keeps tabs under the caret", () => {
    expect(codeFrame("\twhen x", { start: at(1, 7), end: at(1, 8) }).split("\n")[1]).toBe(
      "   | \t     ^",
    );
  });

  it("points after the last character at the end of a line", () => {
    expect(codeFrame("abc", { start: at(1, 4), end: at(1, 4) }).split("\n")[1]).toBe("   |    ^");
  });

  it("widens the gutter for long line numbers", () => {
    const many = `${"x\n".repeat(99)}target`;
    expect(codeFrame(many, { start: at(100, 1), end: at(100, 7) })).toBe(
      " 100 | target\n     | ^^^^^^",
    );
  });

  it("cuts very long lines around the range", () => {
    const long = `${"a".repeat(300)}XYZ${"b".repeat(300)}`;
    const [line, carets] = codeFrame(long, { start: at(1, 301), end: at(1, 304) }).split("\n");
    expect(line!.length).toBeLessThan(140);
    expect(line!.indexOf("XYZ")).toBe(carets!.indexOf("^"));
  });

  it("colours only when asked", () => {
    expect(codeFrame(text, { start: at(2, 9), end: at(2, 17) }, paint(true))).toContain(
      "\u001b[31m",
    );
    expect(codeFrame(text, { start: at(2, 9), end: at(2, 17) })).not.toContain("\u001b");
  });

  it("never throws and always puts at least one caret inside or just after the line", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.integer({ min: -5, max: 10 }),
        fc.integer({ min: -5, max: 80 }),
        fc.integer({ min: -5, max: 10 }),
        fc.integer({ min: -5, max: 80 }),
        (t, l1, c1, l2, c2) => {
          const frame = codeFrame(t, { start: at(l1, c1), end: at(l2, c2) });
          const [source, carets] = frame.split("\n");
          const body = source!.slice(source!.indexOf("|") + 2);
          const marks = carets!.slice(carets!.indexOf("|") + 2);
          expect(marks).toContain("^");
          expect(marks.indexOf("^")).toBeLessThanOrEqual(body.length);
        },
      ),
    );
  });
});
