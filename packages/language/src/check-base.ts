/**
 * What every phase of checking one document shares: the context it is checked in, what the check
 * collects (diagnostics, symbols, references, scope) and the small helpers for reporting.
 */
import type * as A from "./ast.js";
import {
  type Diagnostic,
  diagnostic,
  type LanguageCode,
  MAX_PROBLEMS,
  type Severity,
} from "./diagnostics.js";
import type { Range } from "./position.js";
import { type Candidates, closest, SuggestionBudget } from "./suggest.js";
import {
  copyScope,
  emptyScope,
  type PolicySymbol,
  type RuleSymbol,
  type Scope,
  type SymbolReference,
} from "./symbols.js";

export interface CheckContext {
  readonly uri: string;
  /** Title of this policy, used as the layer name. */
  readonly layer: string;
  /** The baselines' scope when this document is a layer. */
  readonly base?: Scope;
  /** Ranges of declarations with syntax errors: "missing clause" checks skip them. */
  readonly syntaxErrors: readonly Range[];
  /**
   * A baseline in the chain could not be read: names may be declared there, so names that resolve
   * to nothing are not reported (the unreadable baseline is, once).
   */
  readonly incompleteBase?: boolean;
}

/**
 * Ranges asked "does any of them overlap this one?" in logarithmic time: sorted by start, with
 * the furthest end so far (a linear scan per declaration was quadratic in broken declarations).
 */
class RangeSet {
  private readonly starts: number[] = [];
  private readonly furthestEnds: number[] = [];

  constructor(ranges: readonly Range[]) {
    const sorted = [...ranges].sort((a, b) => a.start.offset - b.start.offset);
    let furthest = Number.NEGATIVE_INFINITY;
    for (const r of sorted) {
      furthest = Math.max(furthest, r.end.offset);
      this.starts.push(r.start.offset);
      this.furthestEnds.push(furthest);
    }
  }

  overlaps(range: Range): boolean {
    // The last range starting at or before `range` ends; any earlier one that reaches it overlaps.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= range.end.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.furthestEnds[lo - 1]! >= range.start.offset;
  }
}

/** The state of checking one document, passed to each phase. */
export class Checking {
  readonly diagnostics: Diagnostic[] = [];
  /** Set when the file's problems reach MAX_PROBLEMS: checking stops at the next declaration. */
  tooMany = false;
  readonly symbols: PolicySymbol[] = [];
  readonly references: SymbolReference[] = [];
  /** Starts as a copy of the baselines' scope; declaring adds this document's names to it. */
  readonly scope: Scope;
  readonly base: Scope | undefined;
  readonly uri: string;
  /** The file's syntax errors, counted towards MAX_PROBLEMS. */
  readonly syntaxErrorCount: number;
  /** Baseline rules this document disables. */
  readonly disabled = new Set<string>();
  /** Baseline rules this document overrides or disables, and where: each only once. */
  readonly changed = new Map<string, Range>();
  /** `in force` on the policy line: the days of the whole layer (ISO dates). */
  layerPeriod: { readonly from?: string; readonly until?: string } | undefined;
  /** Rules this document changes in any way (by `ruleIdentity`), and where. */
  readonly changes = new Map<string, Range>();
  /** Rules this document overrides or disables (by `ruleIdentity`). */
  readonly replaced = new Set<string>();
  /** The rule each rule id written in this document resolved to (for building the model). */
  readonly ruleTargets = new Map<A.RuleId, RuleSymbol>();

  private readonly syntaxErrors: RangeSet;
  /** What "did you mean" may still cost in this check. */
  readonly suggestions = new SuggestionBudget();

  constructor(private readonly context: CheckContext) {
    this.syntaxErrors = new RangeSet(context.syntaxErrors);
    this.syntaxErrorCount = context.syntaxErrors.length;
    this.uri = context.uri;
    this.base = context.base;
    this.scope = context.base ? copyScope(context.base) : emptyScope();
  }

  report(
    code: LanguageCode,
    severity: Severity,
    message: string,
    range: Range,
    extra: Parameters<typeof diagnostic>[4] = {},
  ): void {
    if (this.full()) return;
    this.diagnostics.push(diagnostic(code, severity, message, range, { uri: this.uri, ...extra }));
  }

  /** Whether the file's problems have reached MAX_PROBLEMS (then `tooMany` is set). */
  private full(): boolean {
    if (this.diagnostics.length + this.syntaxErrorCount >= MAX_PROBLEMS) this.tooMany = true;
    return this.tooMany;
  }

  /** The title of the policy (layer) being checked. */
  get layer(): string {
    return this.context.layer;
  }

  /** A declaration the parser already complained about: its missing parts are not news. */
  hadSyntaxError(range: Range): boolean {
    return this.syntaxErrors.overlaps(range);
  }

  /** Reports a name that resolves to nothing, with the closest candidate as a suggestion. */
  unknown(
    code: LanguageCode,
    what: string,
    name: { text: string; range: Range },
    candidates: Candidates,
    hint = "",
  ): void {
    // A name inside a syntax error is part of that one mistake (`approval from comms is given`).
    if (this.context.incompleteBase || this.syntaxErrors.overlaps(name.range)) return;
    // Past the limit nothing more is reported: do not spend time on a guess.
    if (this.full()) return;
    const suggestion = closest(name.text, candidates, this.suggestions);
    this.report(
      code,
      "error",
      `There is no ${what} called '${name.text}'${suggestion ? `; did you mean '${suggestion}'?` : "."}${hint}`,
      name.range,
      {
        actual: name.text,
        ...(suggestion ? { suggestion } : {}),
        ...(candidates.size <= 12 ? { expected: [...candidates] } : {}),
      },
    );
  }

  /**
   * A rule id as written, looked up in `table` (this file's scope by default): the id itself, or
   * `<baseline name>.<id>` in a layer on several baselines. An id that several baselines declare
   * is reported once here (`ambiguous-rule`, with its qualified ids) and `ambiguous` is set, so
   * that callers add no "unknown rule" to it.
   */
  rule(
    id: A.RuleId,
    table: ReadonlyMap<string, RuleSymbol> = this.scope.rules,
  ): { key: string; symbol?: RuleSymbol; ambiguous?: true } {
    const direct = table.get(id.text);
    if (direct) {
      this.ruleTargets.set(id, direct);
      return { key: id.text, symbol: direct };
    }
    const qualified = this.base?.qualifiedRules?.get(id.text);
    if (qualified !== undefined) {
      const symbol = table.get(qualified);
      if (!symbol) return { key: qualified };
      this.ruleTargets.set(id, symbol);
      return { key: qualified, symbol };
    }
    const choices = this.base?.ambiguousRules?.get(id.text);
    if (!choices) return { key: id.text };
    this.report(
      "ambiguous-rule",
      "error",
      choices.unnamed
        ? `More than one baseline has a rule ${id.text}: name each baseline in the policy line (\`extends "…" as <name>\`), then write <name>.${id.text}.`
        : `More than one baseline has a rule ${id.text}: write ${choices.qualified.join(" or ")}.`,
      id.range,
      { actual: id.text, expected: choices.qualified },
    );
    return { key: id.text, ambiguous: true };
  }

  /**
   * Where `id` is written `<name>.<id>` in a layer on several baselines, the qualified ids too, so
   * that a misspelt one gets its did-you-mean (`programe.3.1`, `bps.2.88`).
   */
  qualifiedCandidates(id: { text: string }): ReadonlyMap<string, string>[] {
    const qualified = this.base?.qualifiedRules;
    return qualified && /^[^\W\d_][\w]*\./u.test(id.text) ? [qualified] : [];
  }

  /** Records a use of a name; `target` is the declaration it resolves to, if any. */
  refer(kind: SymbolReference["kind"], key: string, range: Range, target?: PolicySymbol): void {
    this.references.push({ kind, key, uri: this.uri, range, ...(target ? { target } : {}) });
  }

  /** Puts a declaration into its table in scope and into this document's symbols. */
  declare<S extends PolicySymbol>(table: Map<string, S>, symbol: S): void {
    table.set(symbol.key, symbol);
    this.symbols.push(symbol);
  }

  /** A declaration's entry in the symbol table. */
  symbol<K extends PolicySymbol["kind"], N>(
    kind: K,
    key: string,
    label: string,
    range: Range,
    nameRange: Range,
    node: N,
  ) {
    return { kind, key, label, uri: this.uri, range, nameRange, layer: this.context.layer, node };
  }
}
