/**
 * Completion: the keywords the grammar allows at the cursor (from the parser's content assist)
 * and, where the grammar expects a name, the names in scope that fit there.
 */
import { type IToken, type TokenType, tokenMatcher } from "chevrotain";
import type { Analysis } from "../analyze.js";
import { phraseKey } from "../ast.js";
import { stringValue } from "../lexer.js";
import { MAX_TEXT_LENGTH, startsDeclaration } from "../parse.js";
import type { Range } from "../position.js";
import type { FactSymbol, PolicySymbol, RuleSymbol } from "../symbols.js";
import * as T from "../tokens.js";
import { assist, expects, mayEnd, type Paths, phraseContexts, tokenContexts } from "./assist.js";
import { analysisFor, type ServiceContext } from "./context.js";
import { conditionText, factTypeText, factValues } from "./describe.js";
import {
  type CursorWord,
  cursorWord,
  declarationStart,
  insideCommentOrString,
  isPhraseWord,
  keyOf,
  phraseStart,
  type Scan,
  scan,
} from "./scan.js";
import { declarationSnippets, HEADER_SNIPPET } from "./snippets.js";

export type CompletionKind =
  | "keyword"
  | "fact"
  | "value"
  | "term"
  | "outcome"
  | "rule"
  | "source"
  | "snippet";

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown next to the label (a fact's type, an outcome's meaning, a rule's title). */
  readonly detail?: string;
  /** Plain text shown when the item is selected (a fact's question, a term's meaning). */
  readonly documentation?: string;
  readonly insertText: string;
  /** True when `insertText` uses snippet syntax (`${1:…}`). */
  readonly isSnippet?: boolean;
  /** The text the item replaces: the word (or, for names, the words) being typed. */
  readonly range: Range;
  /** Sorts the items in the order returned, most relevant first. */
  readonly sortText: string;
}

/** Keywords offered as the phrase they start. */
const SPELLINGS = new Map<TokenType, string>([
  [T.Outcomes, "outcomes, strongest first:"],
  [T.Override, "override rule"],
  [T.Disable, "disable rule"],
  [T.Amend, "amend rule"],
  [T.Exception, "exception to rule"],
  [T.One, "one of"],
  [T.Any, "any of"],
  [T.All, "all of"],
  [T.None, "none of"],
  [T.Yes, "yes or no"],
  [T.By, "by rule"],
  [T.To, "to rule"],
]);
const KEYWORD_WORDS = new Map(T.KEYWORDS.map((k) => [k.token, k.word]));

type Item = Omit<CompletionItem, "sortText" | "range"> & { range?: Range };

/**
 * Completion items at `offset` (0-based) in `text`. Works with syntax errors elsewhere in the text
 * and at the end of the file; never throws. Items come most relevant first: names that fit here,
 * then keywords, then snippets for whole declarations.
 */
export function complete(text: string, offset: number, context: ServiceContext): CompletionItem[] {
  if (text.length > MAX_TEXT_LENGTH) return [];
  const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, text.length));
  const s = scan(text, at);
  if (insideCommentOrString(s, at)) return [];
  const word = cursorWord(s.tokens, at);
  const wordRange = s.lines.range(word.start, word.end);
  const chunk = s.tokens.slice(declarationStart(s.tokens, word.index), word.index);
  let analysis: Analysis | undefined;
  const analysed = () => {
    analysis ??= analysisFor(text, context);
    return analysis;
  };

  const items: Item[] = [];
  const first = chunk[0];
  let declarations =
    !first || !(startsDeclaration(first, undefined) || tokenMatcher(first, T.Otherwise));
  if (first && !declarations) {
    const paths = assist(chunk, chunk.length);
    for (const item of names(s, chunk, paths, word, context.uri, analysed)) items.push(item);
    items.push(...keywords(paths));
    declarations = atLineStart(text, word.start) || mayEnd(chunk);
  }
  if (declarations) {
    const hasHeader =
      s.from > 0 || s.tokens.some((t, i) => i < word.index && tokenMatcher(t, T.Policy));
    items.push(...declarationItems(hasHeader || first !== undefined, analysed(), context.uri));
  }

  const seen = new Set<string>();
  return items
    .filter((i) => {
      const key = `${i.kind}\u0000${i.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((i, n) => ({ ...i, range: i.range ?? wordRange, sortText: String(n).padStart(4, "0") }));
}

function atLineStart(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return text.slice(lineStart, offset).trim() === "";
}

function keywords(paths: Paths): Item[] {
  const out: Item[] = [];
  for (const p of paths) {
    const word = p.nextTokenType === T.Arrow ? "→" : KEYWORD_WORDS.get(p.nextTokenType);
    if (!word) continue;
    // In an expectation, `not`, `at` and `also` start `not by rule`, `at least`, `also applies`;
    // `in` is only ever `in force`.
    const phrase =
      p.ruleStack.at(-1) === "notByRules"
        ? "not by rule"
        : p.nextTokenType === T.At
          ? "at least"
          : p.nextTokenType === T.Also && p.ruleStack.at(-1) === "expectation"
            ? "also applies rule"
            : p.nextTokenType === T.In
              ? "in force"
              : undefined;
    const label = phrase ?? SPELLINGS.get(p.nextTokenType) ?? word;
    out.push({ label, kind: "keyword", insertText: label });
  }
  return out;
}

function declarationItems(hasHeader: boolean, analysis: Analysis, uri: string): Item[] {
  const out: Item[] = [];
  if (!hasHeader) {
    out.push({
      label: HEADER_SNIPPET.label,
      kind: "snippet",
      detail: HEADER_SNIPPET.detail,
      insertText: HEADER_SNIPPET.body,
      isSnippet: true,
    });
  }
  for (const k of T.DECLARATION_STARTS) {
    if (k === T.Policy && hasHeader) continue;
    const label = SPELLINGS.get(k) ?? KEYWORD_WORDS.get(k) ?? "";
    out.push({ label, kind: "keyword", insertText: label });
  }
  for (const snippet of declarationSnippets(
    analysis.scope,
    baselineRules(analysis, uri).map((r) => r.key),
  )) {
    out.push({
      label: snippet.label,
      kind: "snippet",
      detail: snippet.detail,
      insertText: snippet.body,
      isSnippet: true,
    });
  }
  return out;
}

/**
 * The rules of the baselines of `uri` (what a layer may override or disable), by the ids they go
 * by in it: on several baselines, clashing ids qualified (`programme.3.1`).
 */
function baselineRules(analysis: Analysis, uri: string): RuleSymbol[] {
  return [...analysis.scope.rules.values()].filter(
    (r) => r.uri !== uri || r.node.kind === "Override",
  );
}

/** The names that fit at the cursor, replacing the words of the name typed so far. */
function names(
  s: Scan,
  chunk: readonly IToken[],
  paths: Paths,
  word: CursorWord,
  uri: string,
  analysed: () => Analysis,
): Item[] {
  // The name being typed starts after the last keyword or punctuation, on the cursor's line
  // (an editor replaces text on one line only); soft keywords that the grammar expects there
  // (`is one of`) come before the name.
  const line = s.lines.position(word.start).line;
  let floor = chunk.length;
  while (floor > 1 && s.lines.position(chunk[floor - 1]!.startOffset).line === line) floor--;
  let start = phraseStart(chunk, chunk.length, Math.max(1, floor));
  let at = start === chunk.length ? paths : assist(chunk, start);
  let best = { start, paths: at };
  while (start < chunk.length && expects(at, chunk[start]!)) {
    start++;
    at = assist(chunk, start);
    if (phraseContexts(at).size > 0) best = { start, paths: at };
  }
  const phrase = phraseContexts(best.paths);
  const single = tokenContexts(paths);
  if (phrase.size === 0 && single.size === 0) return [];

  const analysis = analysed();
  const scope = analysis.scope;
  const phraseRange = s.lines.range(chunk[best.start]?.startOffset ?? word.start, word.end);
  // Whole words typed so far must begin the name; the word at the cursor is left to the editor's
  // fuzzy filter.
  const typed = keyOf(chunk.slice(best.start));
  const fits = (label: string) => typed === "" || phraseKey(label).startsWith(`${typed} `);
  const out: Item[] = [];
  const add = (items: Item[], range?: Range) =>
    out.push(
      ...items.filter((i) => !range || fits(i.label)).map((i) => (range ? { ...i, range } : i)),
    );

  if (phrase.has("value")) {
    const subject = comparedFact(chunk, best.start, scope.facts);
    if (subject) add(valueItems(subject, listed(chunk, best.start)), phraseRange);
  }
  if (phrase.has("condition")) {
    const own = definedTerm(chunk);
    const terms = [...scope.terms.values()].filter((t) => t.key !== own);
    add(terms.map(termItem), phraseRange);
    add([...scope.facts.values()].map(factItem), phraseRange);
  } else if (phrase.has("fact")) {
    add([...scope.facts.values()].map(factItem), phraseRange);
  }
  if (phrase.has("outcome") || phrase.has("outcome or default")) {
    const outcomes = [...scope.outcomes.values()];
    if (phrase.has("outcome or default") && scope.defaultOutcome)
      outcomes.push(scope.defaultOutcome);
    add(
      outcomes.map((o) => ({
        label: o.label,
        kind: "outcome",
        detail: o.node.meaning?.value ?? (o.isDefault ? "when no rule applies" : ""),
        insertText: o.label,
      })),
      phraseRange,
    );
  }
  if (single.has("source")) {
    add(
      [...scope.sources.values()].map((src) => ({
        label: src.label,
        kind: "source",
        detail: src.node.title?.value ?? "",
        insertText: src.label,
      })),
    );
  }
  if (single.has("rule") || single.has("baseline rule")) {
    const rules: PolicySymbol[] = single.has("rule")
      ? [...scope.rules.values()]
      : baselineRules(analysis, uri);
    add(rules.map(ruleItem));
  }
  return out;
}

function factItem(f: FactSymbol): Item {
  const doc = f.node.question?.value ?? f.node.description?.value;
  return {
    label: f.label,
    kind: "fact",
    detail: `fact: ${factTypeText(f.node.type)}`,
    ...(doc ? { documentation: doc } : {}),
    insertText: f.label,
  };
}

function termItem(t: Extract<PolicySymbol, { kind: "term" }>): Item {
  const doc = t.node.description?.value;
  return {
    label: t.label,
    kind: "term",
    detail: t.node.condition ? `term: ${conditionText(t.node.condition)}` : "term",
    ...(doc ? { documentation: doc } : {}),
    insertText: t.label,
  };
}

function ruleItem(r: PolicySymbol): Item {
  const title = r.kind === "rule" ? r.node.title?.value : undefined;
  return {
    label: r.key,
    kind: "rule",
    detail: title ?? `rule ${r.key}`,
    documentation: `from ${r.layer}`,
    insertText: r.key,
  };
}

function valueItems(fact: FactSymbol, exclude: ReadonlySet<string>): Item[] {
  return factValues(fact)
    .filter((v) => !exclude.has(v.toLowerCase()))
    .map((v) => ({ label: v, kind: "value", detail: `value of ${fact.label}`, insertText: v }));
}

/** The fact compared by the `is` before `end` (`relationship is …`, `x is one of a, …`). */
function comparedFact(
  chunk: readonly IToken[],
  end: number,
  facts: ReadonlyMap<string, FactSymbol>,
): FactSymbol | undefined {
  const is = isBefore(chunk, end);
  if (is < 0) return undefined;
  return facts.get(keyOf(chunk.slice(phraseStart(chunk, is, 1), is)));
}

/** Index of the `is` (or `includes`) that governs a value list ending at `end`, or -1. */
function isBefore(chunk: readonly IToken[], end: number): number {
  for (let i = end - 1; i > 0; i--) {
    const t = chunk[i]!;
    if (tokenMatcher(t, T.Is) || tokenMatcher(t, T.Includes)) return i;
    const inList =
      isPhraseWord(t) ||
      [T.Comma, T.Not, T.NumberLike, T.StringLiteral].some((type) => tokenMatcher(t, type));
    if (!inList) return -1;
  }
  return -1;
}

/** Values already listed in an `is one of a, b, …` before `end`. */
function listed(chunk: readonly IToken[], end: number): Set<string> {
  const out = new Set<string>();
  const is = isBefore(chunk, end);
  if (is < 0) return out;
  let words: IToken[] = [];
  for (const t of chunk.slice(is + 1, end)) {
    if (tokenMatcher(t, T.Comma)) {
      out.add(keyOf(words));
      words = [];
    } else if (isPhraseWord(t)) words.push(t);
    else words = [];
  }
  // The first member follows `one of`.
  return new Set([...out].map((k) => k.replace(/^(?:one|any|all|none) of /, "")));
}

/** The key of the term whose condition is being written (a term cannot use itself). */
function definedTerm(chunk: readonly IToken[]): string | undefined {
  if (!chunk[0] || !tokenMatcher(chunk[0], T.Term)) return undefined;
  const colon = chunk.findIndex((t) => tokenMatcher(t, T.Colon));
  const name = chunk.slice(1, colon < 0 ? 1 : colon);
  if (name.length === 1 && tokenMatcher(name[0]!, T.StringLiteral))
    return phraseKey(stringValue(name[0]!.image));
  return keyOf(name);
}
