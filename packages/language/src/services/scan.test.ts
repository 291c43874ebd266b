import type { IToken } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASELINE } from "./fixtures.js";
import { scan, tokenEnd } from "./scan.js";

const shape = (t: {
  image: string;
  startOffset: number;
  startLine?: number;
  startColumn?: number;
}) => `${t.image}@${t.startOffset}:${t.startLine}:${t.startColumn}`;

describe("scan around a cursor", () => {
  it("reads the same tokens as the whole text, from a declaration line up to the cursor's line", () => {
    const piece = fc.constantFrom(
      "rule 1 ",
      "when ",
      "x ",
      '"a # b"',
      '"open',
      "# rule 2\n",
      "\n",
      "\n  ",
      "\nrule ",
      "\nfact ",
      "by\n",
      "“curly”",
      "→",
      "=",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (parts, n) => {
        const text = BASELINE + parts.join("");
        const offset = n % (text.length + 1);
        const part = scan(text, offset);
        const lineEnd = text.indexOf("\n", offset);
        const end = lineEnd < 0 ? text.length : lineEnd;
        const whole = scan(text);
        const inWindow = (t: IToken) => t.startOffset >= part.from && tokenEnd(t) <= end;
        expect(part.tokens.map(shape)).toEqual(whole.tokens.filter(inWindow).map(shape));
        expect(part.comments.map(shape)).toEqual(whole.comments.filter(inWindow).map(shape));
        expect(part.from).toBeLessThanOrEqual(offset);
      }),
      { numRuns: 300 },
    );
  });

  it("starts two declarations back", () => {
    const part = scan(BASELINE, BASELINE.indexOf("then prohibit"));
    expect(BASELINE.slice(part.from).startsWith("term child")).toBe(true);
  });
});
