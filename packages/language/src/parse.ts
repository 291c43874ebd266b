/**
 * `parse(text)`: text → AST + syntax diagnostics. Never throws on user input.
 *
 * The token stream is cut into declarations at their starting keywords and each declaration is
 * parsed on its own, so a mistake in one declaration never hides the ones after it, and nothing
 * written after a stray word is lost.
 */
import { type IToken, type TokenType, tokenMatcher } from "chevrotain";
import type { Declaration, PolicyDocument, PolicyHeader, ProvidedDeclaration } from "./ast.js";
import { AstBuilder } from "./build.js";
import { characterProblems } from "./characters.js";
import { parseDeclaration, syntaxDiagnostic } from "./clauses.js";
import { type Diagnostic, diagnostic, MAX_PROBLEMS } from "./diagnostics.js";
import { lexWindows } from "./lexer.js";
import { parser } from "./parser.js";
import { describeToken } from "./parser-messages.js";
import { LineIndex } from "./position.js";
import * as T from "./tokens.js";

/**
 * Files larger than this are refused with a diagnostic: 1 MiB, over thirty times the whole BPS
 * baseline, and small enough that checking any text up to it stays well under two seconds.
 */
export const MAX_TEXT_LENGTH = 1024 * 1024;
/** Parentheses and `not` nested deeper than this are refused with a diagnostic. */
export const MAX_NESTING_DEPTH = 200;

export interface ParseOptions {
  /** Identifies the file in diagnostics and in `extends` resolution. */
  readonly uri?: string;
  /** The largest text read (default MAX_TEXT_LENGTH); benchmarks of very large policies raise it. */
  readonly maxTextLength?: number;
}

export interface ParseResult {
  readonly document: PolicyDocument;
  readonly diagnostics: Diagnostic[];
}

/** Looked up for every token: a set rather than a matcher per keyword. */
const DECLARATION_START_TYPES: ReadonlySet<TokenType> = new Set(T.DECLARATION_STARTS);

/**
 * Whether a token starts a declaration: `rule` does not after override/disable, `exception to`,
 * `by`, `not` or `applies` (a phrase may end in the word "to", as in `then refer to` before the next rule).
 */
export function startsDeclaration(
  token: IToken,
  previous: IToken | undefined,
  beforePrevious?: IToken,
): boolean {
  if (!DECLARATION_START_TYPES.has(token.tokenType)) return false;
  if (tokenMatcher(token, T.Rule) && previous) {
    if (tokenMatcher(previous, T.To))
      return !beforePrevious || !tokenMatcher(beforePrevious, T.Exception);
    // `expect not rule 2` (a slip for `not by rule`) and `expect also applies rule 3.6`.
    return ![T.Override, T.Disable, T.Amend, T.By, T.Not, T.Applies].some((t) =>
      tokenMatcher(previous, t),
    );
  }
  return true;
}

/**
 * The text's tokens cut into chunks, each starting at a declaration keyword (the first may not).
 * The text is lexed a window at a time as chunks are taken, so only the tokens of the declaration
 * being parsed stay alive; comments and lexing diagnostics are added to `lexed`.
 */
function* declarationChunks(
  text: string,
  lines: LineIndex,
  lexed: { readonly comments: IToken[]; readonly diagnostics: Diagnostic[] },
): Generator<IToken[]> {
  let current: IToken[] = [];
  let previous: IToken | undefined;
  let beforePrevious: IToken | undefined;
  for (const window of lexWindows(text, lines)) {
    for (const d of window.diagnostics) {
      if (lexed.diagnostics.length < MAX_PROBLEMS) lexed.diagnostics.push(d);
    }
    for (const c of window.comments) lexed.comments.push(c);
    for (const token of window.tokens) {
      // `end provided` is a declaration of its own: `end` leaves the one before.
      if (current.length > 1 && previous && isEndProvided(previous, token)) {
        current.pop();
        yield current;
        current = [previous];
      } else if (
        current.length > 0 &&
        (startsDeclaration(token, previous, beforePrevious) || startsLayerDefault(token, current))
      ) {
        yield current;
        current = [];
      }
      current.push(token);
      beforePrevious = previous;
      previous = token;
    }
  }
  if (current.length > 0) yield current;
}

/**
 * `otherwise` starts a declaration (a layer's default) except as the first `otherwise` of an
 * outcomes list, which ends that list.
 */
function startsLayerDefault(token: IToken, current: readonly IToken[]): boolean {
  if (!tokenMatcher(token, T.Otherwise)) return false;
  return (
    !tokenMatcher(current[0]!, T.Outcomes) || current.some((t) => tokenMatcher(t, T.Otherwise))
  );
}

/** `end` followed by `provided`: the end of a `provided` block. */
function isEndProvided(first: IToken, second: IToken | undefined): boolean {
  return (
    second !== undefined &&
    tokenMatcher(second, T.Provided) &&
    tokenMatcher(first, T.Word) &&
    first.image.toLowerCase() === "end"
  );
}

/** The first token at which parentheses or `not` nest deeper than the limit. */
function tooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let nots = 0;
  for (const token of tokens) {
    if (tokenMatcher(token, T.LParen)) depth++;
    else if (tokenMatcher(token, T.RParen)) depth = Math.max(0, depth - 1);
    nots = tokenMatcher(token, T.Not) ? nots + 1 : 0;
    if (depth + nots > MAX_NESTING_DEPTH) return token;
  }
  return undefined;
}

/**
 * Runs the parser on its input. Chevrotain signals each syntax error, and each attempt at
 * recovering from one, with an exception; capturing their stack traces (which nobody reads) was
 * the largest cost of parsing broken text, so none are captured while it recognises.
 */
function recognise() {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parser.header();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function tooManyProblems(at: IToken, lines: LineIndex): Diagnostic {
  return diagnostic(
    "too-many-problems",
    "error",
    `Checking stopped here after ${MAX_PROBLEMS.toLocaleString("en-GB")} problems in this file. Fix the first ones and check again: one early mistake, such as an unclosed quote, often causes many.`,
    lines.range(at.startOffset, at.startOffset + at.image.length),
  );
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const uri = options.uri ?? "untitled.precept";
  const maxLength = options.maxTextLength ?? MAX_TEXT_LENGTH;
  const lines = new LineIndex(text.length > maxLength ? "" : text);
  const empty = (diagnostics: Diagnostic[]): ParseResult => ({
    document: { kind: "Policy", uri, range: lines.range(0, 0), declarations: [], comments: [] },
    diagnostics,
  });
  if (text.length > maxLength) {
    return empty([
      diagnostic(
        "too-large",
        "error",
        `This file has ${text.length.toLocaleString("en-GB")} characters; Precept reads files of up to ${maxLength.toLocaleString("en-GB")}. Split it into a baseline and layers.`,
        lines.range(0, 0),
      ),
    ]);
  }

  const lexed = { comments: [] as IToken[], diagnostics: characterProblems(text, lines) };
  const diagnostics: Diagnostic[] = [];
  const builder = new AstBuilder(lines);
  const declarations: Declaration[] = [];
  let header: PolicyHeader | undefined;
  let open: ProvidedDeclaration | undefined;

  const chunks = declarationChunks(text, lines, lexed);
  let next = chunks.next();
  for (let index = 0; !next.done; index++) {
    const chunk = next.value;
    if (lexed.diagnostics.length + diagnostics.length >= MAX_PROBLEMS) {
      diagnostics.push(tooManyProblems(chunk[0]!, lines));
      break;
    }
    // The next declaration's first word names what an unfinished declaration ran into.
    next = chunks.next();
    const following = next.done ? undefined : next.value[0];
    const first = chunk[0]!;
    const last = chunk.at(-1)!;
    const chunkEnd = last.startOffset + last.image.length;
    if (
      !startsDeclaration(first, undefined) &&
      !isEndProvided(first, chunk[1]) &&
      !tokenMatcher(first, T.Otherwise)
    ) {
      diagnostics.push(
        diagnostic(
          "syntax-error",
          "error",
          `${describeToken(first)} cannot start a declaration. Declarations start with policy, source, outcomes, fact, term, rule, override, disable, amend, exception, scenario, constraint or otherwise.`,
          lines.range(first.startOffset, chunkEnd),
          { actual: first.image, expected: T.DECLARATION_STARTS.map((t) => t.LABEL ?? t.name) },
        ),
      );
      continue;
    }
    const deep = tooDeep(chunk);
    if (deep) {
      diagnostics.push(
        diagnostic(
          "too-deep",
          "error",
          `This condition is nested more than ${MAX_NESTING_DEPTH} levels deep; split it into named terms.`,
          lines.range(deep.startOffset, deep.startOffset + deep.image.length),
        ),
      );
      continue;
    }

    const isHeader = tokenMatcher(first, T.Policy);
    if (!isHeader) {
      const parsed = parseDeclaration(chunk, text, lines, following);
      for (const d of parsed.diagnostics) diagnostics.push(d);
      const declaration = builder.declaration(parsed.cst);
      if (!declaration) continue;
      // Rules inside a `provided` block take its condition too.
      if (declaration.kind === "Provided") open = declaration;
      else if (declaration.kind === "EndProvided") open = undefined;
      if (open && (declaration.kind === "Rule" || declaration.kind === "Override"))
        declarations.push({ ...declaration, provided: open });
      else declarations.push(declaration);
      continue;
    }
    parser.input = chunk;
    const cst = recognise();
    for (const error of parser.errors) {
      diagnostics.push(syntaxDiagnostic(error, lines, last, following));
    }
    {
      const built = builder.header(cst);
      if (header && built) {
        diagnostics.push(
          diagnostic(
            "syntax-error",
            "error",
            "A file has one `policy` line; this is a second one.",
            lines.range(first.startOffset, first.startOffset + first.image.length),
          ),
        );
      } else if (index > 0 && built) {
        diagnostics.push(
          diagnostic(
            "syntax-error",
            "error",
            "The `policy` line must come first in the file.",
            lines.range(first.startOffset, first.startOffset + first.image.length),
          ),
        );
        header = built;
      } else header = built;
    }
  }

  const document: PolicyDocument = {
    kind: "Policy",
    uri,
    range: lines.range(0, text.length),
    ...(header ? { header } : {}),
    declarations,
    comments: lexed.comments.map((c) => builder.comment(c)),
  };
  return { document, diagnostics: lexed.diagnostics.concat(diagnostics) };
}
