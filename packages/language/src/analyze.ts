/**
 * `analyze(uri, host)`: reads a policy and the chain of baselines it extends, checks every file
 * with its baselines' declarations in scope, and — when nothing is in error — builds the effective
 * `PolicyModel`. Never throws on user input.
 */
import type { PolicyDocument } from "./ast.js";
import { resolveBaseline } from "./baseline.js";
import { checkDocument, type DocumentCheck } from "./check.js";
import { findExceptionConflicts } from "./conflicts.js";
import { type Diagnostic, diagnostic, hasErrors } from "./diagnostics.js";
import { unknownAdvice } from "./expected-advice.js";
import { remindersExpectedToApply } from "./expected-reminders.js";
import type { AnalysisHost } from "./host.js";
import type { ConditionModel, PolicyModel } from "./model.js";
import { parse } from "./parse.js";
import { buildModel, type CheckedDocument } from "./resolve.js";
import { emptyScope, type PolicySymbol, type Scope, type SymbolReference } from "./symbols.js";

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
}

export interface AnalyzeOptions {
  /** Unused facts and terms are reported by default. */
  readonly unusedWarnings?: boolean;
  /** The largest file read (default MAX_TEXT_LENGTH); benchmarks of very large policies raise it. */
  readonly maxTextLength?: number;
}

interface Loaded {
  readonly document: PolicyDocument;
  readonly syntax: Diagnostic[];
}

/** Reads the file and its baselines, top first. Stops at a missing file or a cycle. */
function loadChain(
  uri: string,
  host: AnalysisHost,
  problems: Diagnostic[],
  maxTextLength: number | undefined,
): Loaded[] | undefined {
  const text = host.readFile(uri);
  if (text === undefined) return undefined;
  const chain: Loaded[] = [];
  const seen = new Set<string>();
  let current: { uri: string; text: string } | undefined = { uri, text };
  while (current) {
    seen.add(current.uri);
    const { document, diagnostics } = parse(current.text, {
      uri: current.uri,
      ...(maxTextLength === undefined ? {} : { maxTextLength }),
    });
    chain.push({ document, syntax: diagnostics.map((d) => ({ ...d, uri: current!.uri })) });
    const ext = document.header?.extends;
    current = undefined;
    if (!ext) break;
    const resolved = resolveBaseline(document.uri, ext.value, host);
    if (!resolved.ok) {
      problems.push(
        diagnostic("extends-not-found", "error", resolved.message, ext.range, {
          uri: document.uri,
        }),
      );
      break;
    }
    const target = resolved.uri;
    if (seen.has(target)) {
      problems.push(
        diagnostic(
          "extends-cycle",
          "error",
          `"${ext.value}" extends this policy again: baselines cannot extend each other in a circle.`,
          ext.range,
          { uri: document.uri },
        ),
      );
      break;
    }
    const baseText = host.readFile(target);
    if (baseText === undefined) {
      problems.push(
        diagnostic(
          "extends-not-found",
          "error",
          `The baseline "${ext.value}" cannot be read (looked for ${target}).`,
          ext.range,
          { uri: document.uri, actual: target },
        ),
      );
      break;
    }
    current = { uri: target, text: baseText };
  }
  return chain;
}

export function analyze(uri: string, host: AnalysisHost, options: AnalyzeOptions = {}): Analysis {
  const problems: Diagnostic[] = [];
  const loaded = loadChain(uri, host, problems, options.maxTextLength);
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

  const chain = loaded.reverse();
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedDocument[] = [];
  let scope: Scope | undefined;
  // Once a baseline cannot be read (or is too large to read), names from it are unknown in it and
  // in every layer above: reporting each of them would bury the one real problem.
  let incomplete = false;
  for (const { document, syntax } of chain) {
    const layer = document.header?.title?.value ?? document.uri;
    incomplete ||= problems.some((p) => p.uri === document.uri);
    // A file read only in part (too large, or stopped at too many problems) has no complete scope.
    const unread = syntax.some((d) => d.code === "too-large" || d.code === "too-many-problems");
    const check: DocumentCheck = unread
      ? {
          diagnostics: [],
          symbols: [],
          references: [],
          scope: scope ?? emptyScope(),
          disabled: new Set(),
        }
      : checkDocument(document, {
          uri: document.uri,
          layer,
          ...(scope ? { base: scope } : {}),
          syntaxErrors: syntax.filter((d) => d.severity === "error").map((d) => d.range),
          incompleteBase: incomplete,
        });
    incomplete ||= unread;
    // Loops, not push(...list): a list of 100,000 diagnostics overflows the call stack.
    for (const d of syntax) diagnostics.push(d);
    for (const d of problems) if (d.uri === document.uri) diagnostics.push(d);
    for (const d of check.diagnostics) diagnostics.push(d);
    checked.push({ document, check, layer });
    scope = check.scope;
  }

  const symbols = checked.flatMap((c) => c.check.symbols);
  const references = checked.flatMap((c) => c.check.references);
  // In a file with syntax errors, a broken declaration may be the one that uses a fact or term.
  const broken = new Set(
    chain.filter((c) => c.syntax.some((d) => d.severity === "error")).map((c) => c.document.uri),
  );
  if (options.unusedWarnings !== false)
    for (const d of unusedWarnings(symbols, references))
      if (!broken.has(d.uri!)) diagnostics.push(d);

  let policy: PolicyModel | undefined;
  if (!hasErrors(diagnostics)) {
    policy = buildModel(checked);
    for (const d of findExceptionConflicts(policy)) diagnostics.push(d);
    for (const d of undatedScenarios(policy)) diagnostics.push(d);
    for (const d of unknownAdvice(policy, chain.at(-1)!.document)) diagnostics.push(d);
    for (const d of remindersExpectedToApply(policy, chain.at(-1)!.document)) diagnostics.push(d);
    if (hasErrors(diagnostics)) policy = undefined;
  }
  return {
    uri,
    ...(policy ? { policy } : {}),
    diagnostics,
    documents: new Map(chain.map((c) => [c.document.uri, c.document])),
    symbols,
    references,
    scope: scope ?? emptyScope(),
  };
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
