/**
 * `format(text)`: one canonical layout for a policy, so that a diff shows changes of meaning only.
 *
 * The layout is printed from the AST, never from the original spacing: declarations in source
 * order, clauses in a fixed order, keywords in lower case, names exactly as written, texts
 * re-quoted. Comments are attached to the line they trail or precede and move with it.
 *
 * Formatting never loses text: a file with syntax errors, or with a clause written twice where the
 * AST keeps only one, is returned unchanged with diagnostics saying why. As a last guard the result
 * is parsed again and must mean exactly what the input meant; if not, the input is returned.
 * The layout itself is in `format-layout.ts`.
 */
import type { IToken, TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { type Diagnostic, diagnostic, hasErrors } from "./diagnostics.js";
import { Layout } from "./format-layout.js";
import { firstTokenFrom, lex } from "./lexer.js";
import { parse } from "./parse.js";
import { LineIndex } from "./position.js";
import * as T from "./tokens.js";

export interface FormatOptions {
  /** Identifies the file in diagnostics. */
  readonly uri?: string;
  /** The largest text read (default MAX_TEXT_LENGTH). */
  readonly maxTextLength?: number;
}

export interface FormatResult {
  /** The formatted text; the input itself when `formatted` is false. */
  readonly text: string;
  /** False when the input was returned unchanged (the diagnostics say why). */
  readonly formatted: boolean;
  /** Errors that prevent formatting: syntax errors and clauses written twice. */
  readonly diagnostics: Diagnostic[];
}

export function format(text: string, options: FormatOptions = {}): FormatResult {
  const unchanged = (diagnostics: Diagnostic[]): FormatResult => ({
    text,
    formatted: false,
    diagnostics,
  });
  try {
    const parsed = parse(text, options);
    if (hasErrors(parsed.diagnostics)) return unchanged(parsed.diagnostics);
    const lines = new LineIndex(text);
    const tokens = lex(text, lines).tokens;
    const repeated = repeatedClauses(parsed.document, tokens, lines, options.uri);
    if (repeated.length > 0) return unchanged(repeated);
    const output = new Layout(text, parsed.document, tokens).print();
    const again = parse(output, options);
    if (again.diagnostics.length > 0 || !sameMeaning(parsed.document, again.document)) {
      return unchanged([]);
    }
    return { text: output, formatted: true, diagnostics: [] };
  } catch {
    // A formatter defect must never cost the user their text.
    return unchanged([]);
  }
}

// ---------------------------------------------------------------- guards

/** Clause keywords the AST keeps once per declaration. */
const SINGLE_CLAUSES: Record<A.Declaration["kind"], readonly TokenType[]> = {
  Rule: [T.When, T.Then, T.Because],
  Override: [T.When, T.Then, T.Because],
  Exception: [T.When, T.Then, T.Because],
  Amend: [T.When, T.Then, T.Because],
  Provided: [],
  EndProvided: [],
  Fact: [T.Asks, T.Means, T.Presume],
  Scenario: [T.Expect],
  Constraint: [T.Arrow],
  Source: [],
  Outcomes: [],
  Term: [],
  Disable: [],
  Default: [],
};

/**
 * Clauses the AST keeps only once (or not at all) although they were written: printing from the
 * AST would drop them, so the file is left as it is until the author removes the repetition.
 */
function repeatedClauses(
  document: A.PolicyDocument,
  tokens: readonly IToken[],
  lines: LineIndex,
  uri?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (range: A.Node["range"], message: string) =>
    out.push(
      diagnostic(
        "duplicate-clause",
        "error",
        `${message} Formatting leaves the file unchanged until this is fixed.`,
        range,
        uri ? { uri } : {},
      ),
    );
  const tokenRange = (t: IToken) => lines.range(t.startOffset, t.startOffset + t.image.length);
  for (const d of document.declarations) {
    const written: IToken[] = [];
    for (let i = firstTokenFrom(tokens, d.range.start.offset); i < tokens.length; i++) {
      if (tokens[i]!.startOffset >= d.range.end.offset) break;
      // `expect advice "…"`, `expect also applies …` and `expect not by rule …` lines may repeat;
      // only the decision is kept once.
      const next = tokens[i + 1]?.tokenType;
      const after = tokens[i + 2]?.tokenType;
      const own =
        (next === T.Advice && after === T.StringLiteral) ||
        (next === T.Also && after === T.Applies) ||
        next === T.Not;
      if (tokens[i]!.tokenType !== T.Expect || !own) written.push(tokens[i]!);
    }
    const compact = (d.kind === "Rule" || d.kind === "Override") && d.compact;
    for (const type of SINGLE_CLAUSES[d.kind]) {
      const found = written.filter((t) => t.tokenType === type);
      const allowed = compact && type !== T.Because ? 0 : 1;
      for (const t of found.slice(allowed))
        report(tokenRange(t), `\`${t.image}\` is written more than once here.`);
    }
    if (d.kind === "Exception") {
      for (const t of written.filter((t) => t.tokenType === T.Cites || t.tokenType === T.Unless)) {
        report(
          tokenRange(t),
          `An exception cannot have \`${t.image}\`; it takes when, then, because and advise.`,
        );
      }
    }
  }
  return out;
}

/** Whether two documents say the same thing: equal apart from positions and comment placement. */
export function sameMeaning(a: A.PolicyDocument, b: A.PolicyDocument): boolean {
  const comments = (d: A.PolicyDocument) => d.comments.map((c) => c.text.trimEnd()).sort();
  return (
    equal(a.header, b.header) &&
    equal(a.declarations, b.declarations) &&
    equal(comments(a), comments(b))
  );
}

const IGNORED = new Set(["range", "operatorRange", "clauses"]);

function equal(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x === "number" && typeof y === "number") return Number.isNaN(x) && Number.isNaN(y);
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const keys = (o: object) =>
    Object.keys(o).filter(
      (k) => !IGNORED.has(k) && (o as Record<string, unknown>)[k] !== undefined,
    );
  const kx = keys(x);
  const ky = keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every((k) =>
    equal((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]),
  );
}
