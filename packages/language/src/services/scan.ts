/**
 * Reading the tokens around a cursor: which word is being typed, which declaration it is in, and
 * whether the cursor is inside a comment or a quoted text (where no service applies).
 */
import { type IToken, tokenMatcher } from "chevrotain";
import { firstTokenFrom, lex } from "../lexer.js";
import { startsDeclaration } from "../parse.js";
import { LineIndex } from "../position.js";
import * as T from "../tokens.js";

export interface Scan {
  readonly text: string;
  readonly lines: LineIndex;
  /** Where the scanned part starts: the tokens are those of `text` from here on. */
  readonly from: number;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
}

/** A line that starts a declaration (a hard keyword first on its line). */
const DECLARATION_LINE =
  /^[ \t]*(?:policy|source|outcomes|fact|term|rule|override|disable|exception|scenario)(?![\p{L}\p{N}_'’.-])/iu;

/**
 * Where to start reading so that the declaration at `offset` and the one before it are whole.
 * No token spans lines (quoted texts and comments end with theirs), so any line start is a
 * safe place to start lexing; two declaration lines back guards against a `rule` that only looks
 * like a start (`… by` / `rule 3.1` over two lines).
 */
function windowStart(text: string, offset: number): number {
  let found = 0;
  let end = offset;
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (DECLARATION_LINE.test(text.slice(start, Math.min(start + 40, end + 40))) && ++found === 2)
      return start;
    end = start - 1;
  }
  return 0;
}

/**
 * The tokens of `text` up to the end of the line at `offset`, from a little before the
 * declaration there (the whole text when `offset` is omitted). Offsets are the text's.
 */
export function scan(text: string, offset?: number): Scan {
  const lines = new LineIndex(text);
  const from = offset === undefined ? 0 : windowStart(text, offset);
  const lineEnd = offset === undefined ? -1 : text.indexOf("\n", offset);
  const { tokens, comments } = lex(text, lines, from, lineEnd < 0 ? text.length : lineEnd);
  return { text, lines, from, tokens, comments };
}

export const tokenEnd = (t: IToken): number => t.startOffset + t.image.length;

const HARD = new Set(T.KEYWORDS.filter((k) => k.kind === "hard").map((k) => k.token));

/** A word of a phrase: a plain word or a soft keyword. */
export function isPhraseWord(t: IToken): boolean {
  return tokenMatcher(t, T.Word);
}

export function isHardKeyword(t: IToken): boolean {
  return HARD.has(t.tokenType);
}

/** Tokens a cursor can be "in the middle of typing": words, keywords and numbers / rule ids. */
function isWordLike(t: IToken): boolean {
  return isPhraseWord(t) || isHardKeyword(t) || tokenMatcher(t, T.NumberLike);
}

/** True when `offset` is inside a comment or a quoted text. */
export function insideCommentOrString(s: Scan, offset: number): boolean {
  for (const c of s.comments) if (c.startOffset < offset && offset <= tokenEnd(c)) return true;
  const t = tokenBefore(s.tokens, offset);
  if (!t || !tokenMatcher(t, T.StringLiteral)) return false;
  const closed = t.image.length > 1 && /["”]$/.test(t.image);
  return t.startOffset < offset && (closed ? offset < tokenEnd(t) : offset <= tokenEnd(t));
}

/** The last token starting before `offset`. */
export function tokenBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
  return tokens[firstTokenFrom(tokens, offset) - 1];
}

export interface CursorWord {
  /** Index in the tokens of the word being typed, or of the first token after the cursor. */
  readonly index: number;
  /** The word being typed, when the cursor touches one. */
  readonly token?: IToken;
  /** Offsets of the word (empty at the cursor when there is none). */
  readonly start: number;
  readonly end: number;
}

/** The word the cursor is in or just after; tokens before `index` are complete. */
export function cursorWord(tokens: readonly IToken[], offset: number): CursorWord {
  const index = firstTokenFrom(tokens, offset);
  const t = tokens[index - 1];
  if (t && offset <= tokenEnd(t) && isWordLike(t)) {
    return { index: index - 1, token: t, start: t.startOffset, end: tokenEnd(t) };
  }
  return { index, start: offset, end: offset };
}

/** Index of the token that starts the declaration containing `tokens[end - 1]`. */
export function declarationStart(tokens: readonly IToken[], end: number): number {
  for (let i = end - 1; i > 0; i--) {
    if (startsDeclaration(tokens[i]!, tokens[i - 1], tokens[i - 2])) return i;
    // `otherwise` starts a layer's default, unless it ends an outcomes list.
    if (tokenMatcher(tokens[i]!, T.Otherwise)) {
      const before = declarationStart(tokens, i);
      if (!tokenMatcher(tokens[before]!, T.Outcomes) || before !== outcomesStart(tokens, i))
        return i;
    }
  }
  return 0;
}

/** The start of the outcomes list that a first `otherwise` at `i` ends, if it is one (else -1). */
function outcomesStart(tokens: readonly IToken[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (tokenMatcher(tokens[j]!, T.Otherwise)) return -1;
    if (tokenMatcher(tokens[j]!, T.Outcomes)) return j;
  }
  return -1;
}

/** The phrase of plain words that ends just before `end` (its start index). */
export function phraseStart(tokens: readonly IToken[], end: number, floor = 0): number {
  let i = end;
  while (i > floor && isPhraseWord(tokens[i - 1]!)) i--;
  return i;
}

/** Words joined as a name's matching key (lower case, single spaces). */
export function keyOf(tokens: readonly IToken[]): string {
  return tokens
    .map((t) => t.image)
    .join(" ")
    .toLowerCase();
}
