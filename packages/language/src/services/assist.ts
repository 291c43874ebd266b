/**
 * The parser's syntactic content assist (Chevrotain 11's `computeContentAssist`), fed only the
 * tokens of the declaration being edited, and what its answers mean for names.
 *
 * Content assist gives nothing after an earlier syntax error in its input, so a declaration with a
 * mistake in an earlier clause is retried from the start of the clause being edited.
 */
import {
  createTokenInstance,
  type ISyntacticContentAssistPath,
  type IToken,
  type TokenType,
  tokenMatcher,
} from "chevrotain";
import { parser } from "../parser.js";
import * as T from "../tokens.js";

export type Paths = readonly ISyntacticContentAssistPath[];

const RULE_CLAUSES = [T.Cites, T.When, T.Then, T.Because, T.Advise, T.Unless];
const SCENARIO_CLAUSES = [T.Given, T.Expect];

/** Index of the last token before `end` of one of the types (never the first), or -1. */
function lastIndexOf(chunk: readonly IToken[], end: number, types: readonly TokenType[]): number {
  for (let i = end - 1; i > 0; i--) if (types.some((t) => tokenMatcher(chunk[i]!, t))) return i;
  return -1;
}

function startRule(first: IToken | undefined): "policy" | "header" | "declaration" {
  if (!first) return "policy";
  return tokenMatcher(first, T.Policy) ? "header" : "declaration";
}

/** What may follow `chunk[0 .. end)`, where `chunk` starts at a declaration keyword. */
export function assist(chunk: readonly IToken[], end: number): Paths {
  const first = chunk[0];
  const paths = parser.computeContentAssist(startRule(first), chunk.slice(0, end));
  if (paths.length > 0 || !first || end <= 1) return paths;
  if ([T.Rule, T.Override, T.Exception].some((t) => tokenMatcher(first, t))) {
    const clause = lastIndexOf(chunk, end, RULE_CLAUSES);
    if (clause > 0) return parser.computeContentAssist("ruleClause", chunk.slice(clause, end));
  }
  if (tokenMatcher(first, T.Scenario)) {
    const clause = lastIndexOf(chunk, end, SCENARIO_CLAUSES);
    if (clause > 0)
      return parser.computeContentAssist("scenario", [first, ...chunk.slice(clause, end)]);
  }
  return paths;
}

/** A `source` keyword that is not in the text, to ask whether a declaration may follow. */
const NEXT = createTokenInstance(T.Source, "source", NaN, NaN, NaN, NaN, NaN, NaN);

/**
 * True when the tokens form a whole declaration (or policy line), so another may start after
 * them: content assist can go on past a following declaration keyword only then. (Cheaper than
 * parsing, whose error recovery is slow on an unfinished declaration.)
 */
export function mayEnd(chunk: readonly IToken[]): boolean {
  return chunk.length === 0 || parser.computeContentAssist("policy", [...chunk, NEXT]).length > 0;
}

/** The kinds of names that may be written where content assist expects a word. */
export type NameContext =
  | "condition"
  | "value"
  | "fact"
  | "outcome"
  | "outcome or default"
  | "source"
  | "baseline rule"
  | "rule";

/** Names that start a phrase here (the paths were computed at the phrase's first word). */
export function phraseContexts(paths: Paths): Set<NameContext> {
  const out = new Set<NameContext>();
  for (const p of paths) {
    // A phrase's first word is its first CONSUME (occurrence 0); later words continue it.
    if (p.nextTokenType !== T.Word || p.ruleStack.at(-1) !== "phrase") continue;
    if (p.nextTokenOccurrence !== 0) continue;
    const parent = p.ruleStack.at(-2);
    const grandparent = p.ruleStack.at(-3);
    if (parent === "test") out.add("condition");
    else if (parent === "value" && (grandparent === "test" || grandparent === "assignment"))
      out.add("value");
    else if (parent === "assignment") out.add("fact");
    // An expectation's first two phrases are the facts after `needs`/`asking`; the others
    // are outcomes (`at least X`, `one of X, Y`, `X`).
    else if (parent === "expectation")
      out.add((p.occurrenceStack.at(-1) ?? 0) >= 3 ? "outcome or default" : "fact");
    else if (parent === "ruleClause" || parent === "ruleBody") out.add("outcome");
    // A layer's default may be any outcome of the scale, the list's own default too.
    else if (parent === "layerDefault") out.add("outcome or default");
  }
  return out;
}

/** Names that are a single word or number here: a cited source, a rule id. */
export function tokenContexts(paths: Paths): Set<NameContext> {
  const out = new Set<NameContext>();
  for (const p of paths) {
    const rule = p.ruleStack.at(-1);
    const parent = p.ruleStack.at(-2);
    if (rule === "citation" && p.nextTokenType === T.Word && p.nextTokenOccurrence === 0)
      out.add("source");
    else if (rule === "ruleId" && (parent === "override" || parent === "disable"))
      out.add("baseline rule");
    else if (
      rule === "ruleId" &&
      (parent === "exception" ||
        parent === "expectation" ||
        parent === "decidedBy" ||
        parent === "notByRules")
    )
      out.add("rule");
  }
  return out;
}

/** Whether the paths expect this very token type (not merely a word it is a kind of). */
export function expects(paths: Paths, token: IToken): boolean {
  return token.tokenType !== T.Word && paths.some((p) => p.nextTokenType === token.tokenType);
}
