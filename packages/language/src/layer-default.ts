/**
 * `otherwise X because "…"`: a layer's own default outcome, what it decides when no rule applies
 * (docs/semantics.md §4, §8). Any outcome of the scale may be the default; one weaker than the
 * baseline's default is a loosening and needs a reason.
 */
import type * as A from "./ast.js";
import type { Checking } from "./check-base.js";
import type { OutcomeModel, PolicyModel } from "./model.js";
import { candidateKeys } from "./suggest.js";
import type { OutcomeSymbol, Scope } from "./symbols.js";

/** What decides when no rule applies in a scope: a layer's default, else the outcomes list's. */
export function effectiveDefault(scope: Scope): OutcomeSymbol | undefined {
  return scope.layerDefault?.outcome ?? scope.defaultOutcome;
}

/**
 * Checks a layer's default and puts it in scope. `earlier` is this file's previous default
 * declaration, if any: a file has at most one.
 */
export function declareDefault(
  cx: Checking,
  d: A.DefaultDeclaration,
  earlier: A.DefaultDeclaration | undefined,
  hasExtends: boolean,
): void {
  if (earlier) {
    cx.report(
      "duplicate-declaration",
      "error",
      "A layer has one default outcome; this is a second one.",
      d.range,
      { related: [{ message: "the first one", uri: cx.uri, range: earlier.range }] },
    );
    return;
  }
  if (!cx.base) {
    // A baseline that could not be read already has its one error.
    if (!hasExtends)
      cx.report(
        "default-without-baseline",
        "error",
        "`otherwise … because …` sets a layer's default, and this policy has no baseline: end its outcomes list with `otherwise <outcome>` instead.",
        d.range,
      );
    return;
  }
  if (cx.layerPeriod) {
    cx.report(
      "dated-default",
      "error",
      "A layer in force between dates cannot set the default outcome: a default has no dates, and on the other days the baseline's must stand. Put the default in a layer without `in force` dates.",
      d.range,
    );
    return;
  }
  const name = d.outcome;
  if (!name) return;
  const base = effectiveDefault(cx.base);
  const outcome =
    cx.scope.outcomes.get(name.key) ??
    (cx.scope.defaultOutcome?.key === name.key ? cx.scope.defaultOutcome : undefined);
  cx.refer("outcome", name.key, name.range, outcome);
  if (!outcome) {
    const scale = candidateKeys([
      cx.scope.outcomes,
      ...(cx.scope.defaultOutcome
        ? [new Map([[cx.scope.defaultOutcome.key, cx.scope.defaultOutcome]])]
        : []),
    ]);
    cx.unknown("unknown-outcome", "outcome", name, scale);
    return;
  }
  const reason = d.reason?.value.trim() ? d.reason.value : undefined;
  if (base && outcome.strength < base.strength && !reason) {
    cx.report(
      "missing-reason",
      "error",
      `This default, ${outcome.label}, is weaker than the baseline's (${base.label}), so it loosens the baseline and needs a reason: add \`because "…"\`.`,
      name.range,
    );
  }
  cx.scope.layerDefault = {
    outcome,
    ...(reason ? { reason } : {}),
    layer: cx.layer,
    uri: cx.uri,
    range: d.range,
  };
}

/** The outcome a policy decides when no rule applies: its layer default, else its outcomes list's. */
export function decidedByDefault(policy: PolicyModel): OutcomeModel {
  return policy.layerDefault?.outcome ?? policy.defaultOutcome;
}

/**
 * A layer's own rule that can decide an outcome weaker than its baseline's default (set by a layer
 * below) loosens the baseline where no other rule applies: like any loosening, it needs a reason.
 */
export function checkBelowDefault(cx: Checking, d: A.RuleDeclaration): void {
  const base = cx.base && effectiveDefault(cx.base);
  if (!base || base.strength === 0 || !d.id || d.reason?.value.trim()) return;
  const weaker = [d.outcome, ...d.exceptions.map((u) => u.outcome)].find(
    (o) =>
      o !== undefined && (cx.scope.outcomes.get(o.key)?.strength ?? base.strength) < base.strength,
  );
  if (!weaker) return;
  cx.report(
    "missing-reason",
    "error",
    `Rule ${d.id.text} can decide ${weaker.text}, weaker than the baseline's default (${base.label}): where no other rule applies it loosens the baseline, so it needs a reason: add \`because "…"\`.`,
    weaker.range,
  );
}
