import type { IToken } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex, lexWindows } from "./lexer.js";
import { LineIndex } from "./position.js";

const PIECES = [
  ...["rule", "1.1", "when", "x", "is", "not", "→", "->", "!=", "&&", "=", "(", ")", ":", ","],
  ...['"quoted"', '"open', "“curly”", "'single'", "# comment", "§", "<=", "é", "😀", "~"],
];
const SEPARATORS = [" ", "", "\n", "\r\n", "\t"];
const policyish = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.map(([p, s]) => p + s).join(""));

const shape = (t: IToken) => [t.image, t.startOffset, t.endOffset, t.tokenType.name];

describe("lexWindows", () => {
  it("gives exactly the tokens, comments and diagnostics of lexing the whole text", () => {
    fc.assert(
      fc.property(
        fc.oneof(policyish, fc.string({ maxLength: 200 })),
        fc.integer({ min: 1, max: 40 }),
        (text, size) => {
          const lines = new LineIndex(text);
          const whole = lex(text, lines);
          const windows = [...lexWindows(text, lines, size)];
          expect(windows.flatMap((w) => w.tokens).map(shape)).toEqual(whole.tokens.map(shape));
          expect(windows.flatMap((w) => w.comments).map(shape)).toEqual(whole.comments.map(shape));
          expect(windows.flatMap((w) => w.diagnostics)).toEqual(whole.diagnostics);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads an empty text as one empty window", () => {
    const windows = [...lexWindows("", new LineIndex(""))];
    expect(windows.map((w) => w.tokens.length)).toEqual([0]);
  });
});
