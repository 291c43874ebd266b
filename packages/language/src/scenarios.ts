/**
 * Scenarios: the facts a scenario gives must exist and have values of their type, and what it
 * expects must name outcomes, rules and facts that are in scope.
 */
import type * as A from "./ast.js";
import type { Checking } from "./check-base.js";
import type { Range } from "./position.js";
import { checkFactValue, expectedValues, resolveFact, resolveOutcome } from "./references.js";
import { candidateKeys } from "./suggest.js";
import type { FactSymbol } from "./symbols.js";
import { checkDateValue, describeType, isNothing } from "./values.js";

/**
 * The value a scenario gives a fact (or a fact presumes): `fact is v`; for a several-valued fact
 * `is a and b` or `is nothing`.
 */
export function checkAssignedValues(
  cx: Checking,
  fact: FactSymbol,
  value: A.Value,
  also: readonly A.Value[],
): void {
  if (fact.node.type?.kind === "set") {
    checkSetValues(cx, fact, value, also);
    return;
  }
  checkFactValue(cx, fact, value, "given");
  const extra = also[0];
  if (extra && fact.node.type) {
    cx.report(
      "type-mismatch",
      "error",
      `'${fact.label}' ${describeType(fact.node.type)} and takes one value; only several-valued facts (any of …) take several.`,
      { start: extra.range.start, end: also.at(-1)!.range.end },
    );
  }
}

/** `content is personal and work`, or `content is nothing`: each value once, each a value of the fact. */
function checkSetValues(
  cx: Checking,
  fact: FactSymbol,
  value: A.Value,
  also: readonly A.Value[],
): void {
  if (isNothing(value)) {
    if (also.length > 0) {
      cx.report(
        "type-mismatch",
        "error",
        `'nothing' means '${fact.label}' has no values; it cannot be given with others.`,
        value.range,
      );
    }
    return;
  }
  const seen = new Set<string>();
  for (const v of [value, ...also]) {
    checkFactValue(cx, fact, v, "given");
    if (v.kind !== "Phrase") continue;
    if (seen.has(v.name.key))
      cx.report("duplicate-value", "error", `'${v.name.text}' is given twice.`, v.range);
    seen.add(v.name.key);
  }
}

export function checkScenario(cx: Checking, d: A.ScenarioDeclaration): void {
  const seen = new Map<string, Range>();
  for (const a of d.given) {
    const fact = resolveFact(cx, a.fact, true);
    const earlier = seen.get(a.fact.key);
    if (earlier) {
      cx.report(
        "scenario-fact-twice",
        "error",
        `'${a.fact.text}' is given twice in this scenario.`,
        a.range,
        {
          related: [{ message: "first given here", uri: cx.uri, range: earlier }],
        },
      );
    }
    seen.set(a.fact.key, a.range);
    if (!fact) continue;
    if (a.form !== "is" && fact.node.type && fact.node.type.kind !== "yes/no") {
      cx.report(
        "type-mismatch",
        "error",
        `'${fact.label}' ${describeType(fact.node.type)}; give its value: ${fact.label} is …`,
        a.range,
        { expected: expectedValues(fact) },
      );
      continue;
    }
    if (a.form === "is") checkAssignedValues(cx, fact, a.value, a.also);
  }
  if (d.asOf) {
    for (const p of checkDateValue("as of", d.asOf, false)) {
      cx.report(
        p.code,
        "error",
        p.code === "type-mismatch"
          ? `\`as of\` takes the decision date, such as 2025-01-01 or 1 January 2025.`
          : p.message,
        d.asOf.range,
      );
    }
  }
  const expects = d.clauses.filter((c) => c.clause === "expect");
  for (const extra of expects.slice(1)) {
    cx.report(
      "duplicate-clause",
      "error",
      "A scenario expects one decision; this is a second `expect`.",
      extra.range,
    );
  }
  const e = d.expect;
  if (!e) {
    if (!cx.hadSyntaxError(d.range)) {
      cx.report(
        "missing-expectation",
        "error",
        "This scenario has no `expect` line, so it tests nothing.",
        d.title?.range ?? d.range,
      );
    }
    return;
  }
  // A scenario may expect the default outcome, which rules may not lead to.
  if (e.outcome && cx.scope.defaultOutcome?.key !== e.outcome.key) resolveOutcome(cx, e.outcome);
  else if (e.outcome) cx.refer("outcome", e.outcome.key, e.outcome.range, cx.scope.defaultOutcome!);
  for (const id of e.byRules) {
    const target = cx.scope.rules.get(id.text);
    cx.refer("rule", id.text, id.range, target);
    if (!target || cx.disabled.has(id.text))
      cx.unknown(
        "unknown-rule",
        "rule",
        id,
        candidateKeys([cx.scope.rules], (k) => !cx.disabled.has(k)),
      );
  }
  for (const n of e.needs) resolveFact(cx, n, true);
}
