import { type IToken, Lexer, type TokenType } from "chevrotain";
import { withoutReportedCharacters } from "./characters.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import type { LineIndex } from "./position.js";
import {
  And,
  Comment,
  ForeignOperator,
  Is,
  keywordFor,
  LEXED_TOKENS,
  Not,
  Or,
  SingleQuoted,
  StringLiteral,
  UnterminatedString,
  Word,
} from "./tokens.js";

// Offsets only: lines and columns come from our own LineIndex, and tracking them in the lexer
// too doubled its time (measured on the 10,000-rule policy: 350 ms against 180 ms).
const lexer = new Lexer([...LEXED_TOKENS], {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
});

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

/** The words of the language for operators people bring from elsewhere. */
const FOREIGN_OPERATORS: Record<string, readonly TokenType[]> = {
  "=": [Is],
  "==": [Is],
  "!=": [Is, Not],
  "<>": [Is, Not],
  "!": [Not],
  "&": [And],
  "&&": [And],
  "|": [Or],
  "||": [Or],
};

/**
 * Splits text into tokens; keywords are recognised here, case-insensitively. With `from`/`to`,
 * only that part of the text is read (it should start at a line start: no token spans a line
 * break), and offsets and ranges are still the whole text's.
 */
export function lex(text: string, lines: LineIndex, from = 0, to = text.length): LexResult {
  const result = lexer.tokenize(from === 0 && to === text.length ? text : text.slice(from, to));
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    error.offset += from;
    // Control characters and undecodable bytes have their own diagnostic (characters.ts).
    const char = withoutReportedCharacters(text.slice(error.offset, error.offset + error.length));
    if (char === "") continue;
    const quote = char.startsWith("'");
    diagnostics.push(
      diagnostic(
        "unexpected-character",
        "error",
        quote
          ? `'${char}' is not part of the language; put text in double quotes (").`
          : `'${char}' is not part of the language.`,
        lines.range(error.offset, error.offset + error.length),
        { actual: char },
      ),
    );
  }
  const tokens: IToken[] = [];
  for (const token of result.tokens) {
    // Chevrotain's offset-only tokens carry no end; the parser's node locations are built from it.
    token.startOffset += from;
    token.endOffset = token.startOffset + token.image.length - 1;
    tokens.push(token);
    if (token.tokenType === ForeignOperator) {
      const [first, ...more] = FOREIGN_OPERATORS[token.image] ?? [Is];
      const words = [first!, ...more].map((t) => t.LABEL!.slice(1, -1)).join(" ");
      diagnostics.push(
        diagnostic(
          "unexpected-character",
          "error",
          `'${token.image}' is not part of the language; write '${words}'.`,
          lines.range(token.startOffset, token.startOffset + token.image.length),
          { suggestion: words, actual: token.image, expected: [words] },
        ),
      );
      retype(token, first!);
      // `!=` stands for two words: the second is an empty token at the same place.
      for (const type of more) tokens.push(retype({ ...token, image: "" }, type));
    } else if (token.tokenType === Word) {
      const keyword = keywordFor(token.image);
      if (keyword) {
        retype(token, keyword);
      }
    } else if (token.tokenType === SingleQuoted) {
      const suggestion = `"${token.image.slice(1, -1).replace(/["\\]/g, (c) => `\\${c}`)}"`;
      diagnostics.push(
        diagnostic(
          "unexpected-character",
          "error",
          'Quoted text takes double quotes (") in Precept.',
          lines.range(token.startOffset, token.startOffset + token.image.length),
          { suggestion, actual: token.image },
        ),
      );
      retype(token, StringLiteral);
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
      retype(token, StringLiteral);
    }
  }
  const comments = (result.groups.comments ?? []).filter((t) => t.tokenType === Comment);
  for (const comment of comments) {
    comment.startOffset += from;
    comment.endOffset = comment.startOffset + comment.image.length - 1;
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens, comments, diagnostics };
}

/**
 * The text's tokens a window of lines at a time (windows of about `size` characters). Tokens never
 * span a line break, so this gives exactly `lex(text)`'s tokens; a caller that is done with each
 * window's tokens before asking for the next keeps few of them alive at once, which matters on
 * large policies: tokens that outlive many allocations are copied by every young-generation GC.
 */
export function* lexWindows(text: string, lines: LineIndex, size = 32_768): Generator<LexResult> {
  let from = 0;
  do {
    const cut = from + size >= text.length ? -1 : text.indexOf("\n", from + size);
    const to = cut < 0 ? text.length : cut + 1;
    yield lex(text, lines, from, to);
    from = to;
  } while (from < text.length);
}

function retype(token: IToken, type: TokenType): IToken {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
  return token;
}

/** The text of a quoted string token with escapes resolved. */
export function stringValue(image: string): string {
  if (image.startsWith("“")) return image.slice(1, image.endsWith("”") ? -1 : undefined);
  if (image.startsWith("'")) return image.slice(1, -1);
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
