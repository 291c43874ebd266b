/**
 * Semantic checks of one document against the scope of its baselines. Produces diagnostics, the
 * document's own symbols, every reference it makes and the scope that later layers see.
 *
 * Checking runs in phases over a shared `Checking` state (check-base.ts): first every name is
 * declared (declare.ts), so uses may come before declarations; then each declaration is checked
 * (rules and a layer's changes to its baseline here, scenarios in scenarios.ts, the names they use
 * in references.ts); last, terms defined through each other (term-cycles.ts).
 */
import type * as A from "./ast.js";
import { type CheckContext, Checking } from "./check-base.js";
import { declareAll } from "./declare.js";
import { type Diagnostic, diagnostic, MAX_PROBLEMS } from "./diagnostics.js";
import { checkBelowDefault } from "./layer-default.js";
import type { Range } from "./position.js";
import { checkCitation, checkCondition, resolveOutcome } from "./references.js";
import { checkAssignedValues, checkScenario } from "./scenarios.js";
import { candidateKeys } from "./suggest.js";
import {
  type PolicySymbol,
  type RuleSymbol,
  ruleIdentity,
  type Scope,
  type SymbolReference,
  type TermSymbol,
} from "./symbols.js";
import { termCycles } from "./term-cycles.js";
import { checkDateValue, writtenValue } from "./values.js";

export type { CheckContext } from "./check-base.js";

export interface DocumentCheck {
  readonly diagnostics: Diagnostic[];
  readonly symbols: PolicySymbol[];
  readonly references: SymbolReference[];
  /** Baselines' scope plus this document's declarations, minus rules it disables. */
  readonly scope: Scope;
  /** Rule ids this document disables. */
  readonly disabled: ReadonlySet<string>;
  /** Rules this document changes (override, disable, amend, exception), by `ruleIdentity`. */
  readonly changes: ReadonlyMap<string, Range>;
  /** Rules this document overrides or disables, by `ruleIdentity`. */
  readonly replaced: ReadonlySet<string>;
  /** The rule each rule id written in this document resolved to. */
  readonly ruleTargets: ReadonlyMap<A.RuleId, RuleSymbol>;
}

export function checkDocument(document: A.PolicyDocument, context: CheckContext): DocumentCheck {
  const cx = new Checking(context);
  if (!document.header) {
    cx.report(
      "missing-header",
      "error",
      'A policy file starts with its policy line, e.g. policy "Clinic social media policy" version "1.0".',
      document.range.start.offset === document.range.end.offset
        ? document.range
        : { start: document.range.start, end: document.range.start },
    );
  }
  if (document.header?.inForce) cx.layerPeriod = checkInForce(cx, document.header.inForce);
  declareAll(cx, document);
  for (const d of document.declarations) {
    checkDeclaration(cx, d);
    if (cx.tooMany) {
      // Parsing has already said so when the syntax errors alone reached the limit.
      if (cx.syntaxErrorCount < MAX_PROBLEMS) cx.diagnostics.push(tooManyProblems(cx, d));
      break;
    }
  }
  if (!cx.tooMany) providedBlocks(cx, document);
  // After every declaration: a disable may come after the amendment of the same rule.
  if (!cx.tooMany)
    for (const d of document.declarations) if (d.kind === "Amend") amendedDisabled(cx, d);
  const ownTerms = cx.symbols.filter((s): s is TermSymbol => s.kind === "term");
  for (const d of termCycles(cx.scope, ownTerms, cx.uri)) cx.diagnostics.push(d);
  for (const id of cx.disabled) cx.scope.rules.delete(id);
  return {
    diagnostics: cx.diagnostics,
    symbols: cx.symbols,
    references: cx.references,
    scope: cx.scope,
    disabled: cx.disabled,
    changes: cx.changes,
    replaced: cx.replaced,
    ruleTargets: cx.ruleTargets,
  };
}

function tooManyProblems(cx: Checking, at: A.Declaration): Diagnostic {
  return diagnostic(
    "too-many-problems",
    "error",
    `This file has more than ${MAX_PROBLEMS.toLocaleString("en-GB")} problems; checking stopped in this declaration and the rest are not reported. Fix the first ones and check again: one early mistake often causes many.`,
    { start: at.range.start, end: at.range.start },
    { uri: cx.uri },
  );
}

function checkDeclaration(cx: Checking, d: A.Declaration): void {
  switch (d.kind) {
    case "Fact":
      duplicateClauses(cx, d.clauses, ["asks", "means", "presume"], false);
      if (d.presumption) checkPresumption(cx, d, d.presumption);
      break;
    case "Term":
      if (d.condition) checkCondition(cx, d.condition);
      else if (!cx.hadSyntaxError(d.range) && d.name)
        cx.report(
          "missing-condition",
          "error",
          `The term '${d.name.text}' has no condition after ':'.`,
          d.name.range,
        );
      break;
    case "Rule":
      ruleBody(cx, d, d.id, "rule");
      checkBelowDefault(cx, d);
      break;
    case "Override":
      override(cx, d);
      break;
    case "Disable":
      disable(cx, d);
      break;
    case "Amend":
      amend(cx, d);
      break;
    case "Exception":
      exception(cx, d);
      break;
    case "Constraint":
      if (d.condition) checkCondition(cx, d.condition);
      else if (!cx.hadSyntaxError(d.range))
        cx.report(
          "missing-condition",
          "error",
          "This constraint has no condition after ':'.",
          d.range,
        );
      if (d.consequence) checkCondition(cx, d.consequence);
      break;
    case "Scenario":
      checkScenario(cx, d);
      break;
    default:
      break;
  }
}

/** `presume v`: a value of the fact's type (only on the declaration that made it into scope). */
function checkPresumption(cx: Checking, d: A.FactDeclaration, p: A.Presumption): void {
  const fact = d.name && cx.scope.facts.get(d.name.key);
  if (!fact || fact.node.presumption !== p) return;
  checkAssignedValues(cx, fact, p.value, p.also);
}

function duplicateClauses(
  cx: Checking,
  clauses: readonly A.ClauseMark[],
  once: readonly A.ClauseMark["clause"][],
  compact: boolean,
): void {
  const seen = new Set<string>(compact ? ["when", "then"] : []);
  for (const c of clauses) {
    if (!once.includes(c.clause)) continue;
    if (seen.has(c.clause)) {
      cx.report(
        "duplicate-clause",
        "error",
        compact && (c.clause === "when" || c.clause === "then")
          ? `This rule is written in the one-line form, which already gives its ${c.clause === "when" ? "condition" : "outcome"}.`
          : `'${c.clause}' is written twice here; only the first is used.`,
        c.range,
      );
    }
    seen.add(c.clause);
  }
}

function ruleBody(
  cx: Checking,
  d: A.RuleBody & A.Node,
  id: A.RuleId | undefined,
  what: string,
): void {
  duplicateClauses(cx, d.clauses, ["when", "then", "because", "in force"], d.compact);
  if (d.inForce) checkInForce(cx, d.inForce);
  const anchor = id?.range ?? d.range;
  const broken = cx.hadSyntaxError(d.range);
  if (d.condition) checkCondition(cx, d.condition);
  else if (!broken)
    cx.report("missing-condition", "error", `This ${what} has no \`when\` condition.`, anchor);
  // A rule with advice and no outcome is a reminder (advice-only): it decides nothing.
  if (d.outcome) resolveOutcome(cx, d.outcome);
  else if (!broken && d.advice.length === 0)
    cx.report(
      "missing-outcome",
      "error",
      `This ${what} has no \`then\` outcome (a rule that only reminds needs \`advise "…"\`).`,
      anchor,
      { expected: [...cx.scope.outcomes.values()].map((o) => o.label) },
    );
  for (const citation of d.citations) checkCitation(cx, citation);
  if (d.citations.length === 0 && !broken && id) {
    cx.report(
      "no-citation",
      "warning",
      `Rule ${id.text} cites nothing; add \`cites <source> §<section> "<short quote>"\` so readers can check it.`,
      anchor,
    );
  }
  for (const u of d.exceptions) {
    if (u.condition) checkCondition(cx, u.condition);
    if (u.outcome) resolveOutcome(cx, u.outcome);
  }
}

/**
 * `in force from … until …`: real dates (not `today`), the end not before the start, and in a
 * dated layer some day of the layer's. Returns the period when it is sound.
 */
function checkInForce(cx: Checking, f: A.InForce): { from?: string; until?: string } | undefined {
  for (const v of [f.from, f.until]) {
    if (!v) continue;
    for (const p of checkDateValue("in force", v, false)) {
      cx.report(
        p.code,
        "error",
        p.code === "type-mismatch"
          ? `\`in force\` takes dates such as 2024-09-01 or 1 September 2024, not '${writtenValue(v)}'.`
          : p.message,
        v.range,
        {
          actual: writtenValue(v),
        },
      );
    }
  }
  if (!f.from && !f.until && !cx.hadSyntaxError(f.range)) {
    cx.report(
      "syntax-error",
      "error",
      "`in force` needs `from <date>`, `until <date>` or both.",
      f.range,
    );
  }
  const from = f.from?.kind === "Date" ? f.from.iso : undefined;
  const until = f.until?.kind === "Date" ? f.until.iso : undefined;
  if (from && until && until < from) {
    cx.report(
      "empty-period",
      "error",
      `This is in force until ${until}, before it comes into force on ${from}.`,
      f.range,
    );
    return undefined;
  }
  const layer = cx.layerPeriod;
  const start = from && layer?.from && layer.from > from ? layer.from : (from ?? layer?.from);
  const end = until && layer?.until && layer.until < until ? layer.until : (until ?? layer?.until);
  if (layer && start && end && end < start) {
    cx.report(
      "empty-period",
      "error",
      `This is never in force: the policy line puts the whole layer in force only ${[layer.from && `from ${layer.from}`, layer.until && `until ${layer.until}`].filter(Boolean).join(" ")}.`,
      f.range,
    );
    return undefined;
  }
  if (!f.from && !f.until) return undefined;
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

// ------------------------------------------------------------ a layer's changes to its baseline

/** A rule of a baseline, for override/disable/amend; reports when there is none. */
function baselineRule(
  cx: Checking,
  target: A.RuleId | undefined,
  verb: string,
): { key: string; rule: RuleSymbol } | undefined {
  if (!target) return undefined;
  const found = cx.base ? cx.rule(target, cx.base.rules) : { key: target.text };
  const own = cx.scope.rules.get(found.key);
  cx.refer("rule", found.key, target.range, own ?? found.symbol);
  if (found.ambiguous) return undefined;
  if (found.symbol) {
    cx.changes.set(ruleIdentity(found.symbol), target.range);
    if (verb !== "amend") cx.replaced.add(ruleIdentity(found.symbol));
    return { key: found.key, rule: found.symbol };
  }
  if (own) {
    cx.report(
      "unknown-rule",
      "error",
      `Rule ${target.text} is in this policy itself; change it directly instead of using \`${verb}\`.`,
      target.range,
    );
    return undefined;
  }
  cx.unknown(
    "unknown-rule",
    "baseline rule",
    target,
    candidateKeys<unknown>(cx.base ? [cx.base.rules, ...cx.qualifiedCandidates(target)] : []),
    cx.base ? "" : " This policy has no baseline (`extends`).",
  );
  return undefined;
}

/** A baseline rule is overridden or disabled once; true the first time. */
function once(cx: Checking, target: A.RuleId, key: string): boolean {
  const earlier = cx.changed.get(key);
  if (earlier) {
    cx.report(
      "duplicate-declaration",
      "error",
      `Rule ${target.text} is already overridden or disabled in this policy.`,
      target.range,
      {
        related: [{ message: "here", uri: cx.uri, range: earlier }],
      },
    );
    return false;
  }
  cx.changed.set(key, target.range);
  return true;
}

function needReason(cx: Checking, reason: A.Text | undefined, anchor: Range, what: string): void {
  if (!reason || reason.value.trim() === "") {
    cx.report(
      "missing-reason",
      "error",
      `${what} loosens the baseline, so it needs a reason: add \`because "…"\`.`,
      anchor,
      { suggestion: undefined },
    );
  }
}

function override(cx: Checking, d: A.OverrideDeclaration): void {
  const target = baselineRule(cx, d.target, "override");
  if (d.target && target && once(cx, d.target, target.key)) {
    // The override is the same rule, under the id it has in this layer.
    const symbol = cx.symbol("rule", target.key, target.key, d.range, d.target.range, d);
    cx.declare(cx.scope.rules, { ...symbol, declared: ruleIdentity(target.rule) });
  }
  if (d.target && (!d.reason || d.reason.value.trim() === ""))
    cx.report(
      "missing-reason",
      "error",
      `Overriding rule ${d.target.text} replaces a baseline rule, so it needs a reason: add \`because "…"\`. (To add only citations, advice or a reason, use \`amend rule ${d.target.text}\`.)`,
      d.target.range,
      { suggestion: undefined },
    );
  ruleBody(cx, d, d.target, "override");
}

/** What an amendment may not do, with the clause that would do it. */
const NOT_ADDITIVE = new Map<A.ClauseMark["clause"], string>([
  ["when", "condition"],
  ["then", "outcome"],
  ["unless", "exceptions"],
  ["in force", "dates"],
]);

/** `amend rule X`: citations, advice and a reason added to a baseline rule; nothing else. */
function amend(cx: Checking, d: A.AmendDeclaration): void {
  baselineRule(cx, d.target, "amend");
  duplicateClauses(cx, d.clauses, ["because"], false);
  const id = d.target?.text ?? "X";
  for (const c of d.clauses) {
    const what = NOT_ADDITIVE.get(c.clause);
    if (!what) continue;
    cx.report(
      "amend-not-additive",
      "error",
      `\`amend\` only adds citations, advice and a reason to rule ${id}; to change its ${what}, write \`override rule ${id}\` with a reason instead.`,
      c.range,
    );
  }
  for (const citation of d.citations) checkCitation(cx, citation);
  if (d.clauses.length === 0 && !cx.hadSyntaxError(d.range))
    cx.report(
      "amend-not-additive",
      "error",
      `This amendment of rule ${id} adds nothing: give it \`cites\`, \`advise\` or \`because\` clauses.`,
      d.target?.range ?? d.range,
    );
}

/** `provided …:` … `end provided`: closed, not nested, holding only rules and overrides. */
function providedBlocks(cx: Checking, document: A.PolicyDocument): void {
  let open: A.ProvidedDeclaration | undefined;
  for (const d of document.declarations) {
    if (d.kind === "Provided") {
      if (d.condition) checkCondition(cx, d.condition);
      else if (!cx.hadSyntaxError(d.range))
        cx.report("missing-condition", "error", "This `provided` line has no condition.", d.range);
      if (open)
        cx.report(
          "provided-block",
          "error",
          "`provided` blocks do not nest: end the first with `end provided`, or join the conditions with `and`.",
          d.range,
        );
      open = d;
    } else if (d.kind === "EndProvided") {
      if (!open)
        cx.report(
          "provided-block",
          "error",
          "This `end provided` closes no `provided` block.",
          d.range,
        );
      open = undefined;
    } else if (open && d.kind !== "Rule" && d.kind !== "Override") {
      const what = d.kind === "Exception" ? "an exception" : `a ${d.kind.toLowerCase()}`;
      cx.report(
        "provided-block",
        "error",
        `A \`provided\` block holds rules only: write \`end provided\` before ${what}.`,
        { start: d.range.start, end: d.range.start },
      );
    }
  }
  if (open)
    cx.report(
      "provided-block",
      "error",
      "This `provided` block is not closed: write `end provided` after its last rule.",
      open.range,
    );
}

function amendedDisabled(cx: Checking, d: A.AmendDeclaration): void {
  const key = d.target && cx.ruleTargets.get(d.target)?.key;
  if (d.target && key !== undefined && cx.disabled.has(key))
    cx.report(
      "unknown-rule",
      "error",
      `Rule ${d.target.text} is disabled in this policy, so it cannot be amended.`,
      d.target.range,
    );
}

function disable(cx: Checking, d: A.DisableDeclaration): void {
  const target = baselineRule(cx, d.target, "disable");
  if (d.target && target && once(cx, d.target, target.key)) cx.disabled.add(target.key);
  if (d.target) needReason(cx, d.reason, d.target.range, `Disabling rule ${d.target.text}`);
}

function exception(cx: Checking, d: A.ExceptionDeclaration): void {
  duplicateClauses(cx, d.clauses, ["when", "then", "because", "in force"], false);
  if (d.inForce) checkInForce(cx, d.inForce);
  if (d.target) {
    const found = cx.rule(d.target);
    const target = found.symbol;
    cx.refer("rule", found.key, d.target.range, target);
    if (target) cx.changes.set(ruleIdentity(target), d.target.range);
    if (found.ambiguous) {
      // reported by cx.rule
    } else if (!target)
      cx.unknown(
        "unknown-rule",
        "rule",
        d.target,
        candidateKeys<unknown>([cx.scope.rules, ...cx.qualifiedCandidates(d.target)]),
      );
    else if (cx.disabled.has(found.key))
      cx.report(
        "unknown-rule",
        "error",
        `Rule ${d.target.text} is disabled in this policy, so it can have no exception.`,
        d.target.range,
      );
    else if (target.uri !== cx.uri)
      needReason(cx, d.reason, d.target.range, `An exception to baseline rule ${d.target.text}`);
  }
  const broken = cx.hadSyntaxError(d.range);
  if (d.condition) checkCondition(cx, d.condition);
  else if (!broken)
    cx.report(
      "missing-condition",
      "error",
      "This exception has no `when` condition.",
      d.target?.range ?? d.range,
    );
  if (d.outcome) resolveOutcome(cx, d.outcome);
  for (const c of d.clauses) {
    if (c.clause === "cites" || c.clause === "unless") {
      cx.report(
        "syntax-error",
        "error",
        `An exception cannot have '${c.clause}'; it takes when, then, because and advise.`,
        c.range,
      );
    }
  }
}
