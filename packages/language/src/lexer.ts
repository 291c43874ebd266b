import { type IToken, Lexer } from "chevrotain";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import type { LineIndex } from "./position.js";
import {
  Comment,
  keywordFor,
  LEXED_TOKENS,
  StringLiteral,
  UnterminatedString,
  Word,
} from "./tokens.js";

const lexer = new Lexer([...LEXED_TOKENS], {
  positionTracking: "full",
  ensureOptimizations: false,
});

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

/** Friendlier words for characters people often type from other languages. */
const CHARACTER_HINTS: Record<string, string> = {
  "=": "is",
  "!": "not",
  "&": "and",
  "|": "or",
  "'": '"',
};

/** Splits text into tokens; keywords are recognised here, case-insensitively. */
export function lex(text: string, lines: LineIndex): LexResult {
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const char = text.slice(error.offset, error.offset + error.length);
    const first = char[0] ?? "";
    const hint = CHARACTER_HINTS[first];
    diagnostics.push(
      diagnostic(
        "unexpected-character",
        "error",
        hint
          ? `'${char}' is not part of the language; did you mean '${hint}'?`
          : `'${char}' is not part of the language.`,
        lines.range(error.offset, error.offset + error.length),
        hint && char.length === 1 ? { suggestion: hint, actual: char } : { actual: char },
      ),
    );
  }
  for (const token of result.tokens) {
    if (token.tokenType === Word) {
      const keyword = keywordFor(token.image);
      if (keyword) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    } else if (token.tokenType === UnterminatedString) {
      diagnostics.push(
        diagnostic(
          "unterminated-string",
          "error",
          "This quoted text has no closing quote on its line.",
          lines.range(token.startOffset, token.startOffset + token.image.length),
          { suggestion: `${token.image.trimEnd()}"` },
        ),
      );
      // Parse on as if it were closed, so one missing quote does not hide the rest.
      token.tokenType = StringLiteral;
      token.tokenTypeIdx = StringLiteral.tokenTypeIdx!;
    }
  }
  const comments = (result.groups.comments ?? []).filter((t) => t.tokenType === Comment);
  return { tokens: result.tokens, comments, diagnostics };
}

/** The text of a quoted string token with escapes resolved. */
export function stringValue(image: string): string {
  if (image.startsWith("“")) return image.slice(1, image.endsWith("”") ? -1 : undefined);
  const body = image.slice(1, image.length > 1 && image.endsWith('"') ? -1 : undefined);
  return body.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/** Index of the first token that starts at or after `offset` (binary search). */
export function firstTokenFrom(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
