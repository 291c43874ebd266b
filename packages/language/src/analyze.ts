/**
 * `analyze(uri, host)`: reads a policy and the chain of baselines it extends, checks every file
 * with its baselines' declarations in scope, and — when nothing is in error — builds the effective
 * `PolicyModel`. Never throws on user input.
 */
import type { PolicyDocument, RuleId } from "./ast.js";
import { checkDocument, type DocumentCheck } from "./check.js";
import { findExceptionConflicts } from "./conflicts.js";
import { type Diagnostic, diagnostic, hasErrors } from "./diagnostics.js";
import { unknownAdvice } from "./expected-advice.js";
import { remindersExpectedToApply } from "./expected-reminders.js";
import type { AnalysisHost } from "./host.js";
import { loadGraph } from "./load.js";
import { DEFAULT, mergeBaselines, type RuleConflict, type RuleLedger } from "./merge.js";
import type { ConditionModel, PolicyModel } from "./model.js";
import type { Range } from "./position.js";
import { buildModel, type CheckedDocument } from "./resolve.js";
import {
  copyScope,
  emptyScope,
  type PolicySymbol,
  ruleIdentity,
  type Scope,
  type SymbolReference,
} from "./symbols.js";

export interface Analysis {
  readonly uri: string;
  /** The effective policy; present only when no file in the chain has an error. */
  readonly policy?: PolicyModel;
  /** Every file's diagnostics, each with its `uri`; the baseline's first. */
  readonly diagnostics: readonly Diagnostic[];
  /** The parsed files: this policy and every baseline it extends. */
  readonly documents: ReadonlyMap<string, PolicyDocument>;
  /** Every declaration in the chain. */
  readonly symbols: readonly PolicySymbol[];
  /** Every use of a name in the chain. */
  readonly references: readonly SymbolReference[];
  /** What is in scope in this policy (its own and its baselines' declarations). */
  readonly scope: Scope;
  /** For each file read, the baselines it names that could be read: where, and which file. */
  readonly baselines?: ReadonlyMap<string, readonly BaselineLink[]>;
}

/** A baseline named in a policy line (`range`: its quoted text) and the file it names. */
export interface BaselineLink {
  readonly range: Range;
  readonly uri: string;
  /** `as <name>`. */
  readonly alias?: string;
}

export interface AnalyzeOptions {
  /** Unused facts and terms are reported by default. */
  readonly unusedWarnings?: boolean;
  /** The largest file read (default MAX_TEXT_LENGTH); benchmarks of very large policies raise it. */
  readonly maxTextLength?: number;
}

/** What checking one file left for the layers that extend it. */
interface Checked extends CheckedDocument {
  readonly ledger: RuleLedger;
  /** A baseline below it could not be read (or read only in part). */
  readonly incomplete: boolean;
}

export function analyze(uri: string, host: AnalysisHost, options: AnalyzeOptions = {}): Analysis {
  const problems: Diagnostic[] = [];
  const loaded = loadGraph(uri, host, problems, options.maxTextLength);
  if (!loaded) {
    const at = { line: 1, column: 1, offset: 0 };
    return {
      uri,
      diagnostics: [
        diagnostic(
          "extends-not-found",
          "error",
          `The file ${uri} cannot be read.`,
          { start: at, end: at },
          { uri },
        ),
      ],
      documents: new Map(),
      symbols: [],
      references: [],
      scope: emptyScope(),
    };
  }

  const diagnostics: Diagnostic[] = [];
  const done = new Map<string, Checked>();
  const checked: Checked[] = [];
  for (const { document, syntax, baselines } of loaded) {
    const layer = document.header?.title?.value ?? document.uri;
    const below = baselines.map((b) => ({ ...b, checked: done.get(b.uri)! }));
    // Once a baseline cannot be read (or is too large to read), names from it are unknown in it and
    // in every layer above: reporting each of them would bury the one real problem.
    const incomplete =
      problems.some((p) => p.uri === document.uri) || below.some((b) => b.checked.incomplete);
    let base: Scope | undefined;
    let ledger: RuleLedger = new Map();
    let ruleConflicts: RuleConflict[] = [];
    const merging: Diagnostic[] = [];
    if (below.length === 1) {
      base = below[0]!.checked.check.scope;
      ledger = below[0]!.checked.ledger;
    } else if (below.length > 1) {
      const extended = extendedBy(done, below);
      const merged = mergeBaselines(
        document.uri,
        below.map((b) => ({
          uri: b.uri,
          reference: b.reference,
          title: b.checked.layer,
          scope: b.checked.check.scope,
          ledger: b.checked.ledger,
          covered: extended.has(b.uri),
        })),
      );
      base = merged.scope;
      ledger = merged.ledger;
      ruleConflicts = merged.ruleConflicts;
      // A baseline read only in part has not said all it declares: no verdict on agreement.
      if (!incomplete) for (const d of merged.diagnostics) merging.push(d);
      else ruleConflicts = [];
    }
    // A file read only in part (too large, or stopped at too many problems) has no complete scope.
    const unread = syntax.some((d) => d.code === "too-large" || d.code === "too-many-problems");
    const check: DocumentCheck = unread
      ? {
          diagnostics: [],
          symbols: [],
          references: [],
          scope: base ? copyScope(base) : emptyScope(),
          disabled: new Set(),
          changes: new Map(),
          replaced: new Set(),
          ruleTargets: new Map(),
        }
      : checkDocument(document, {
          uri: document.uri,
          layer,
          ...(base ? { base } : {}),
          syntaxErrors: syntax.filter((d) => d.severity === "error").map((d) => d.range),
          incompleteBase: incomplete,
        });
    // Loops, not push(...list): a list of 100,000 diagnostics overflows the call stack.
    for (const d of syntax) diagnostics.push(d);
    for (const d of problems) if (d.uri === document.uri) diagnostics.push(d);
    for (const d of merging) diagnostics.push(d);
    // Two baselines changed a rule differently: settled when this layer overrides or disables it.
    // A dated layer cannot settle it: on its other days both baselines' changes would stand.
    const dated = document.header?.inForce !== undefined;
    for (const c of ruleConflicts) {
      const settled =
        c.identity === DEFAULT
          ? check.scope.layerDefault?.uri === document.uri
          : check.replaced.has(c.identity);
      if (!settled) diagnostics.push(c.diagnostic);
      else if (dated)
        diagnostics.push({
          ...c.diagnostic,
          message: `${c.diagnostic.message} This layer has \`in force\` dates, so it would settle it only on its own days: settle it in a layer without dates.`,
        });
    }
    for (const d of check.diagnostics) diagnostics.push(d);
    const entry: Checked = {
      document,
      check,
      layer,
      baselines: baselines.map((b) => ({
        uri: b.uri,
        ...(b.reference.alias ? { alias: b.reference.alias.text } : {}),
      })),
      ledger: ledgerOf(document.uri, ledger, check),
      incomplete: incomplete || unread,
    };
    done.set(document.uri, entry);
    checked.push(entry);
  }

  const symbols = checked.flatMap((c) => c.check.symbols);
  const references = checked.flatMap((c) => c.check.references);
  // In a file with syntax errors, a broken declaration may be the one that uses a fact or term.
  const broken = new Set(
    loaded.filter((c) => c.syntax.some((d) => d.severity === "error")).map((c) => c.document.uri),
  );
  if (options.unusedWarnings !== false)
    for (const d of unusedWarnings(symbols, references))
      if (!broken.has(d.uri!)) diagnostics.push(d);

  let policy: PolicyModel | undefined;
  if (!hasErrors(diagnostics)) {
    policy = buildModel(checked);
    for (const d of findExceptionConflicts(policy)) diagnostics.push(d);
    for (const d of undatedScenarios(policy)) diagnostics.push(d);
    for (const d of unknownAdvice(policy, loaded.at(-1)!.document)) diagnostics.push(d);
    const top = checked.at(-1)!.check;
    const ids = new Map([...top.scope.rules].map(([key, rule]) => [ruleIdentity(rule), key]));
    const idOf = (id: RuleId) => {
      const rule = top.ruleTargets.get(id);
      return (rule && ids.get(ruleIdentity(rule))) ?? id.text;
    };
    for (const d of remindersExpectedToApply(policy, loaded.at(-1)!.document, idOf))
      diagnostics.push(d);
    if (hasErrors(diagnostics)) policy = undefined;
  }
  return {
    uri,
    ...(policy ? { policy } : {}),
    diagnostics,
    documents: new Map(loaded.map((c) => [c.document.uri, c.document])),
    baselines: new Map(
      loaded.map((c) => [
        c.document.uri,
        c.baselines.map((b) => ({
          range: b.reference.target.range,
          uri: b.uri,
          ...(b.reference.alias ? { alias: b.reference.alias.text } : {}),
        })),
      ]),
    ),
    symbols,
    references,
    scope: checked.at(-1)!.check.scope,
  };
}

/**
 * The files that some of `baselines` extend, directly or not (one walk from all of them): a
 * baseline among them is one another baseline already brings.
 */
function extendedBy(
  done: ReadonlyMap<string, Checked>,
  baselines: readonly { uri: string }[],
): Set<string> {
  const seen = new Set<string>();
  const stack = baselines.map((b) => b.uri);
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const b of done.get(at)?.baselines ?? []) {
      if (seen.has(b.uri)) continue;
      seen.add(b.uri);
      stack.push(b.uri);
    }
  }
  return seen;
}

/** The rules known in a file and its baselines, with the changes made to each and where. */
function ledgerOf(uri: string, below: RuleLedger, check: DocumentCheck): RuleLedger {
  const ledger = new Map(below);
  for (const rule of check.scope.rules.values()) {
    const identity = ruleIdentity(rule);
    if (!ledger.has(identity)) ledger.set(identity, new Map());
  }
  for (const [identity, range] of check.changes) {
    const changes = new Map(ledger.get(identity) ?? []);
    changes.set(uri, range);
    ledger.set(identity, changes);
  }
  return ledger;
}

/** Whether a condition compares with the decision date (`today`, `2 years ago`, `within`). */
function usesDecisionDate(c: ConditionModel): boolean {
  switch (c.kind) {
    case "all":
    case "any":
      return c.conditions.some(usesDecisionDate);
    case "not":
    case "term":
      return usesDecisionDate(c.condition);
    case "test":
      return typeof c.value === "object" && !Array.isArray(c.value);
  }
}

/**
 * Scenarios whose decisions may depend on the decision date, without `as of`: they would pass
 * today and fail some later day. That is every scenario of a policy with `in force` clauses, and
 * a scenario that gives a date fact of a policy comparing dates with the decision date.
 */
function undatedScenarios(policy: PolicyModel): Diagnostic[] {
  const rules = policy.rules;
  const inForce = rules.some(
    (r) => r.inForce !== undefined || r.exceptions.some((e) => e.inForce !== undefined),
  );
  const relative = rules.some(
    (r) => usesDecisionDate(r.condition) || r.exceptions.some((e) => usesDecisionDate(e.condition)),
  );
  if (!inForce && !relative) return [];
  const dates = new Set(policy.facts.filter((f) => f.type.kind === "date").map((f) => f.name));
  return policy.scenarios
    .filter((s) => s.asOf === undefined)
    .filter((s) => inForce || Object.keys(s.given).some((f) => dates.has(f)))
    .map((s) =>
      diagnostic(
        "scenario-without-date",
        "warning",
        `The decision in scenario "${s.title}" depends on the decision date: add \`as of <date>\` after its title, so that it does not change as time passes.`,
        s.origin.range,
        { uri: s.origin.uri },
      ),
    );
}

function unusedWarnings(
  symbols: readonly PolicySymbol[],
  references: readonly SymbolReference[],
): Diagnostic[] {
  const used = new Set<PolicySymbol>();
  for (const r of references) if (r.target && !r.inScenario) used.add(r.target);
  const out: Diagnostic[] = [];
  for (const s of symbols) {
    if ((s.kind === "fact" || s.kind === "term") && !used.has(s)) {
      out.push(
        diagnostic(
          s.kind === "fact" ? "unused-fact" : "unused-term",
          "warning",
          `The ${s.kind} '${s.label}' is declared but no rule${s.kind === "fact" ? " or term" : " or term"} uses it.`,
          s.nameRange,
          { uri: s.uri },
        ),
      );
    }
  }
  return out;
}
