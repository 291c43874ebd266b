/**
 * One mistake, one diagnostic. A declaration is parsed a clause at a time: its tokens are cut at
 * the keywords that start its clauses (`cites`, `when`, `then`, … in a rule; `asks`, `means` in a
 * fact; `given`, `expect` in a scenario), the head and each clause are parsed on their own, and
 * the clauses' syntax trees are put back into the head's. So a slip in one clause is reported once
 * — the first error of that clause — and every other clause is still read: no "this rule has no
 * `when`" for a `when` that is there.
 *
 * Common slips get their own message and fix, and are then read as meant so nothing follows from
 * them: `if` for `when`, a section number without `§`, a unit after a number in `given`, a keyword
 * inside a name.
 */
import type { CstNode, IRecognitionException, IToken, TokenType } from "chevrotain";
import { EOF, tokenMatcher } from "chevrotain";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { parser } from "./parser.js";
import { describeToken } from "./parser-messages.js";
import type { LineIndex } from "./position.js";
import { editDistance } from "./suggest.js";
import * as T from "./tokens.js";

type Parse = (tokens: IToken[]) => CstNode;

interface Kind {
  /** What the declaration is called in messages. */
  readonly what: string;
  readonly keywords: readonly TokenType[];
  /** Parses one clause's tokens. */
  readonly clause: Parse;
  /** Puts a parsed clause into the declaration's tree. */
  readonly attach: (declaration: CstNode, clause: CstNode) => void;
  /** Takes `if` for `when`. */
  readonly conditions: boolean;
}

const RULE_CLAUSES = [T.Cites, T.When, T.Then, T.Unless, T.Because, T.Advise];

function push(node: CstNode, key: string, child: CstNode): void {
  const list = node.children[key];
  if (list) list.push(child);
  else node.children[key] = [child];
}

function inner(cst: CstNode): CstNode | undefined {
  const list = Object.values(cst.children)[0];
  const first = list?.[0];
  return first && "children" in first ? first : undefined;
}

/** A token standing for a word that was not written (its image is empty). */
function synthetic(type: TokenType, at: IToken): IToken {
  return { ...at, image: "", tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
}

function recognise(run: () => CstNode): CstNode {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const ruleKind: Kind = {
  what: "rule",
  keywords: RULE_CLAUSES,
  clause: () => parser.ruleClause(),
  attach: (declaration, clause) => {
    let body = declaration.children.ruleBody?.[0] as CstNode | undefined;
    if (!body) {
      body = { name: "ruleBody", children: {} };
      declaration.children.ruleBody = [body];
    }
    push(body, "ruleClause", clause);
  },
  conditions: true,
};

const KINDS = new Map<TokenType, Kind>([
  [T.Rule, ruleKind],
  [T.Override, { ...ruleKind, what: "override" }],
  [
    T.Exception,
    {
      what: "exception",
      keywords: RULE_CLAUSES,
      clause: () => parser.ruleClause(),
      attach: (declaration, clause) => push(declaration, "ruleClause", clause),
      conditions: true,
    },
  ],
  [
    T.Amend,
    {
      what: "amendment",
      keywords: RULE_CLAUSES,
      clause: () => parser.ruleClause(),
      attach: (declaration, clause) => push(declaration, "ruleClause", clause),
      conditions: true,
    },
  ],
  [
    T.Fact,
    {
      what: "fact",
      keywords: [T.Asks, T.Means, T.Presume],
      clause: () => parser.describe(),
      attach: (declaration, clause) => push(declaration, "describe", clause),
      conditions: false,
    },
  ],
  [
    T.Scenario,
    {
      what: "scenario",
      keywords: [T.Given, T.Expect],
      // The scenario's clauses are not a rule of their own: parse `scenario <clause>`, take its parts.
      clause: () => parser.declaration(),
      attach: (declaration, clause) => {
        const parsed = inner(clause);
        if (!parsed) return;
        for (const [key, list] of Object.entries(parsed.children)) {
          if (key === "Scenario" || key === "title" || !list) continue;
          const into = declaration.children[key];
          if (into) for (const e of list) into.push(e);
          else declaration.children[key] = list;
        }
      },
      conditions: false,
    },
  ],
]);

/** The clause keyword a word at the start of a line was meant to be, if it is that close. */
function misspeltKeyword(kind: Kind, token: IToken): TokenType | undefined {
  const word = token.image.toLowerCase();
  if (word.length < 4) return undefined;
  for (const keyword of kind.keywords) {
    const spelt = keyword.LABEL!.slice(1, -1);
    if (spelt !== word && editDistance(word, spelt, 2) <= (spelt.length > 5 ? 2 : 1))
      return keyword;
  }
  return undefined;
}

export interface ParsedDeclaration {
  readonly cst: CstNode;
  readonly diagnostics: Diagnostic[];
}

/** Whether a token is the first on its line (nothing but blanks before it since `previous`). */
function startsLine(text: string, token: IToken, previous: IToken | undefined): boolean {
  if (!previous) return true;
  // Only the gap between the two tokens is read: each character is in one gap (linear overall).
  for (let i = previous.startOffset + previous.image.length; i < token.startOffset; i++) {
    if (text.charCodeAt(i) === 10) return true;
  }
  return false;
}

/**
 * Parses one declaration (not the policy line): the head, then each clause. `following` is the
 * first token of the next declaration, which an unfinished last clause ran into.
 */
export function parseDeclaration(
  chunk: IToken[],
  text: string,
  lines: LineIndex,
  following: IToken | undefined,
): ParsedDeclaration {
  const diagnostics: Diagnostic[] = [];
  const kind = KINDS.get(chunk[0]!.tokenType);
  if (!kind) {
    parser.input = chunk;
    const cst = recognise(() => parser.declaration());
    firstError(parser.errors, chunk, following, lines, diagnostics, undefined);
    return { cst, diagnostics };
  }

  // Cut at the clause keywords; `if` at the start of a line (or after the title) is a slip for `when`.
  const segments: IToken[][] = [[chunk[0]!]];
  for (let i = 1; i < chunk.length; i++) {
    const token = chunk[i]!;
    const previous = chunk[i - 1];
    if (
      kind.conditions &&
      tokenMatcher(token, T.Word) &&
      token.image.toLowerCase() === "if" &&
      (startsLine(text, token, previous) ||
        (previous !== undefined && tokenMatcher(previous, T.StringLiteral)))
    ) {
      diagnostics.push(
        diagnostic(
          "syntax-error",
          "error",
          "Precept writes a rule's condition with `when`, not `if`.",
          lines.range(token.startOffset, token.startOffset + token.image.length),
          { suggestion: "when", actual: token.image, expected: ["when"] },
        ),
      );
      token.tokenType = T.When;
      token.tokenTypeIdx = T.When.tokenTypeIdx!;
    }
    // A misspelt clause keyword at the start of a line: `wehn`, `exepct`, `advice "…"`.
    if (i > 1 && tokenMatcher(token, T.Word) && startsLine(text, token, previous)) {
      const meant = misspeltKeyword(kind, token);
      if (meant) {
        const word = meant.LABEL!.slice(1, -1);
        diagnostics.push(
          diagnostic(
            "syntax-error",
            "error",
            `'${token.image}' does not start a clause; did you mean '${word}'?`,
            lines.range(token.startOffset, token.startOffset + token.image.length),
            { suggestion: word, actual: token.image, expected: [word] },
          ),
        );
        token.tokenType = meant;
        token.tokenTypeIdx = meant.tokenTypeIdx!;
      }
    }
    // `in force` starts a clause too (two soft keywords, so not in `keywords`).
    const inForce =
      kind.keywords === RULE_CLAUSES &&
      tokenMatcher(token, T.In) &&
      chunk[i + 1] !== undefined &&
      tokenMatcher(chunk[i + 1]!, T.Force);
    if (inForce || kind.keywords.some((k) => tokenMatcher(token, k))) segments.push([]);
    segments.at(-1)!.push(token);
  }

  parser.input = segments[0]!;
  const cst = recognise(() => parser.declaration());
  firstError(parser.errors, segments[0]!, segments[1]?.[0] ?? following, lines, diagnostics, kind);
  const declaration = inner(cst);
  for (let s = 1; s < segments.length; s++) {
    let segment = segments[s]!;
    const next = segments[s + 1]?.[0] ?? following;
    let parsed = parseClause(kind, segment);
    // A slip with its own message is repaired and the clause parsed again.
    const slip =
      parsed.errors.length > 0 ? repair(kind, segment, parsed.errors[0]!, lines) : undefined;
    if (slip) {
      diagnostics.push(slip.diagnostic);
      segment = slip.tokens;
      parsed = parseClause(kind, segment);
      if (parsed.errors.length > 0) firstError(parsed.errors, segment, next, lines, [], kind);
    } else firstError(parsed.errors, segment, next, lines, diagnostics, kind);
    if (declaration) kind.attach(declaration, parsed.cst);
  }
  // The declaration runs to the end of its last clause.
  const last = chunk.at(-1)!;
  const end = last.startOffset + last.image.length - 1;
  if (declaration?.location) {
    declaration.location.endOffset = end;
    const body = declaration.children.ruleBody?.[0] as CstNode | undefined;
    if (body?.location && Number.isFinite(body.location.startOffset)) body.location.endOffset = end;
  }
  return { cst, diagnostics };
}

function parseClause(
  kind: Kind,
  segment: IToken[],
): { cst: CstNode; errors: IRecognitionException[] } {
  parser.input =
    kind.what === "scenario" ? [synthetic(T.Scenario, segment[0]!), ...segment] : segment;
  const cst = recognise(() => kind.clause(segment));
  return { cst, errors: parser.errors };
}

/** The slips that get a message of their own, with the clause's tokens as meant. */
function repair(
  kind: Kind,
  segment: IToken[],
  error: IRecognitionException,
  lines: LineIndex,
): { diagnostic: Diagnostic; tokens: IToken[] } | undefined {
  const at = segment.indexOf(error.token);
  const token = error.token;
  const range = (from: IToken, to: IToken = from) =>
    lines.range(from.startOffset, to.startOffset + to.image.length);
  // `expect not rule 3.6`: `by` left out.
  if (
    kind.what === "scenario" &&
    tokenMatcher(segment[0]!, T.Expect) &&
    at > 0 &&
    (tokenMatcher(token, T.Rule) || tokenMatcher(token, T.Rules)) &&
    tokenMatcher(segment[at - 1]!, T.Not)
  ) {
    return {
      diagnostic: diagnostic(
        "syntax-error",
        "error",
        `\`by\` is missing: write \`not by ${token.image}\` before the rules that must not decide.`,
        range(segment[at - 1]!, token),
        { suggestion: `not by ${token.image}`, actual: `not ${token.image}` },
      ),
      tokens: [...segment.slice(0, at), synthetic(T.By, token), ...segment.slice(at)],
    };
  }
  // `cites bps 3`: the section number without `§`.
  if (
    tokenMatcher(segment[0]!, T.Cites) &&
    segment.length > 2 &&
    tokenMatcher(segment[1]!, T.Word) &&
    tokenMatcher(segment[2]!, T.NumberLike)
  ) {
    const number = segment[2]!;
    return {
      diagnostic: diagnostic(
        "syntax-error",
        "error",
        `Write § (or \`section\`) before the section number: ${segment[1]!.image} §${number.image}.`,
        range(number),
        { suggestion: `§${number.image}`, actual: number.image, expected: ["§", "section"] },
      ),
      tokens: [...segment.slice(0, 2), synthetic(T.SectionSign, number), ...segment.slice(2)],
    };
  }
  // `given age is 6 months`: a unit after a number.
  if (
    kind.what === "scenario" &&
    tokenMatcher(segment[0]!, T.Given) &&
    at > 0 &&
    tokenMatcher(token, T.Word) &&
    tokenMatcher(segment[at - 1]!, T.NumberLike)
  ) {
    let stop = at;
    while (stop + 1 < segment.length && tokenMatcher(segment[stop + 1]!, T.Word)) stop++;
    const unit = segment.slice(at, stop + 1);
    return {
      diagnostic: diagnostic(
        "syntax-error",
        "error",
        `A value in \`given\` has no unit: write the number alone, in the fact's own unit (not '${unit.map((t) => t.image).join(" ")}').`,
        range(unit[0]!, unit.at(-1)),
        { suggestion: "", actual: unit.map((t) => t.image).join(" ") },
      ),
      tokens: [...segment.slice(0, at), ...segment.slice(stop + 1)],
    };
  }
  return undefined;
}

const HARD_KEYWORDS = new Set(T.KEYWORDS.filter((k) => k.kind === "hard").map((k) => k.token));

/** Reports the first of a part's errors (one mistake, one diagnostic), in words for people. */
function firstError(
  errors: readonly IRecognitionException[],
  segment: IToken[],
  following: IToken | undefined,
  lines: LineIndex,
  out: Diagnostic[],
  kind: Kind | undefined,
): void {
  const error = errors[0];
  if (!error) return;
  const token = error.token;
  const at = segment.indexOf(token);
  const previous = at > 0 ? segment[at - 1] : undefined;
  // `age < 18 years`: a unit after a number in a condition.
  if (previous && tokenMatcher(previous, T.NumberLike) && tokenMatcher(token, T.Word)) {
    out.push(
      diagnostic(
        "syntax-error",
        "error",
        `A number has no unit here: write ${previous.image} alone, in the fact's own unit (not '${token.image}').`,
        lines.range(token.startOffset, token.startOffset + token.image.length),
        { suggestion: "", actual: token.image },
      ),
    );
    return;
  }
  // `because colleagues are not service users`: text without its quotes.
  const opener = segment[0];
  if (
    at === 1 &&
    opener &&
    [T.Because, T.Advise, T.Asks, T.Means].some((k) => tokenMatcher(opener, k)) &&
    !tokenMatcher(token, T.StringLiteral)
  ) {
    const end = segment.at(-1)!;
    const written = lines.text.slice(token.startOffset, end.startOffset + end.image.length);
    out.push(
      diagnostic(
        "syntax-error",
        "error",
        `Text after '${opener.image}' is written in double quotes.`,
        lines.range(token.startOffset, end.startOffset + end.image.length),
        { suggestion: `"${written.replace(/["\\]/g, (c) => `\\${c}`)}"`, actual: written },
      ),
    );
    return;
  }
  // A keyword where a name goes on: `fact approval from comms is given: yes or no`.
  if (
    at > 0 &&
    HARD_KEYWORDS.has(token.tokenType) &&
    previous !== undefined &&
    (tokenMatcher(previous, T.NamePart) || HARD_KEYWORDS.has(previous.tokenType)) &&
    !tokenMatcher(previous, T.And) &&
    !tokenMatcher(previous, T.Or)
  ) {
    // Up to a colon, the keywords and words after it are the rest of the intended name.
    let stop = at;
    while (
      stop + 1 < segment.length &&
      (tokenMatcher(segment[stop + 1]!, T.NamePart) ||
        HARD_KEYWORDS.has(segment[stop + 1]!.tokenType))
    )
      stop++;
    const colon = stop + 1 < segment.length && tokenMatcher(segment[stop + 1]!, T.Colon);
    // Back to the start of the name, so the whole intended name is marked.
    let begin = at - 1;
    while (
      begin > 0 &&
      (tokenMatcher(segment[begin - 1]!, T.NamePart) ||
        tokenMatcher(segment[begin - 1]!, T.Is) ||
        tokenMatcher(segment[begin - 1]!, T.Not))
    )
      begin--;
    while (begin < at && !tokenMatcher(segment[begin]!, T.NamePart)) begin++;
    const first = segment[begin]!;
    const rest = segment
      .slice(begin, stop + 1)
      .filter((t) => !HARD_KEYWORDS.has(t.tokenType))
      .map((t) => t.image)
      .join(" ");
    out.push(
      diagnostic(
        "syntax-error",
        "error",
        `'${token.image}' is a keyword, so it ends a name: reword the name without it${colon ? "" : " (keywords such as is, and, not or given cannot be inside a name)"}.`,
        lines.range(
          first.startOffset,
          (colon ? segment[stop]! : token).startOffset +
            (colon ? segment[stop]! : token).image.length,
        ),
        { actual: token.image, ...(colon ? { suggestion: rest } : {}) },
      ),
    );
    return;
  }
  out.push(syntaxDiagnostic(error, lines, segment.at(-1)!, following, kind));
}

/**
 * A Chevrotain error as a diagnostic; errors at the end anchor on the last real token. A part's
 * end is the end of the file only for the last one: otherwise what was found is the next part's
 * first word.
 */
export function syntaxDiagnostic(
  error: IRecognitionException,
  lines: LineIndex,
  last: IToken,
  following: IToken | undefined,
  kind?: Kind,
): Diagnostic {
  const token = error.token;
  const atEnd = !token || token.tokenType === EOF || !Number.isFinite(token.startOffset);
  const anchor = atEnd ? ((error as { previousToken?: IToken }).previousToken ?? last) : token;
  const anchorOk =
    anchor && Number.isFinite(anchor.startOffset) && anchor.image !== "" ? anchor : last;
  const start = anchorOk.startOffset;
  const end = start + anchorOk.image.length;
  let message =
    atEnd && following
      ? error.message.replace(describeToken(undefined), describeToken(following))
      : error.message;
  if (error.name === "NotAllInputParsedException" && kind) {
    const starts = kind.keywords.map((k) => k.LABEL!.slice(1, -1)).join(", ");
    message = `${describeToken(token)} does not belong here: each clause of a ${kind.what} starts with one of ${starts}.`;
  }
  return diagnostic(
    "syntax-error",
    "error",
    message,
    atEnd ? lines.range(end, end) : lines.range(start, end),
    { actual: atEnd ? (following?.image ?? "end of file") : token.image },
  );
}
