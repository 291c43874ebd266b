/**
 * Uses of declared names in conditions, outcomes and citations. Each use is recorded as a
 * SymbolReference (resolved or not, so language services see it) and reported when it names
 * nothing, or names the wrong kind of thing, such as a term compared to a value.
 */
import type * as A from "./ast.js";
import { phraseKey } from "./ast.js";
import type { Checking } from "./check-base.js";
import { dateUnit, MAX_AMOUNT, UNIT_WORDS } from "./dates.js";
import { candidateKeys } from "./suggest.js";
import type { FactSymbol, OutcomeSymbol, TermSymbol } from "./symbols.js";
import { checkDateValue, checkValue, describeType, writtenValue } from "./values.js";

export function checkCondition(cx: Checking, c: A.Condition): void {
  switch (c.kind) {
    case "And":
    case "Or":
      for (const o of c.operands) checkCondition(cx, o);
      return;
    case "Not":
      checkCondition(cx, c.operand);
      return;
    case "Group":
      checkCondition(cx, c.inner);
      return;
    case "Reference": {
      const term = cx.scope.terms.get(c.name.key);
      if (term) {
        cx.refer("term", c.name.key, c.name.range, term);
        return;
      }
      const fact = cx.scope.facts.get(c.name.key);
      if (fact) {
        cx.refer("fact", c.name.key, c.name.range, fact);
        if (fact.node.type && fact.node.type.kind !== "yes/no") {
          cx.report(
            "type-mismatch",
            "error",
            `'${fact.label}' ${describeType(fact.node.type)}, so it cannot stand alone; compare it: ${fact.label} is …`,
            c.name.range,
            { expected: expectedValues(fact) },
          );
        }
        return;
      }
      const candidates = candidateKeys<TermSymbol | FactSymbol>(
        [cx.scope.terms, cx.scope.facts],
        (_, s) => s.kind === "term" || s.node.type?.kind === "yes/no",
      );
      cx.refer("term", c.name.key, c.name.range);
      const meant = factThenValue(cx, c.name);
      if (meant) {
        cx.report(
          "unknown-term",
          "error",
          `There is no term or yes/no fact called '${c.name.text}'; did you mean '${meant}'?`,
          c.name.range,
          { suggestion: meant, actual: c.name.text },
        );
        return;
      }
      cx.unknown("unknown-term", "term or yes/no fact", c.name, candidates);
      return;
    }
    case "Comparison": {
      const fact = resolveFact(cx, c.subject);
      if (fact) checkFactValue(cx, fact, c.value, c.operator);
      return;
    }
    case "Membership": {
      const fact = resolveFact(cx, c.subject);
      if (fact) for (const v of c.values) checkFactValue(cx, fact, v, "member");
      return;
    }
    case "Includes": {
      const fact = resolveFact(cx, c.subject);
      if (!fact) return;
      // One message for the whole test when the fact is not several-valued.
      if (fact.node.type && fact.node.type.kind !== "set") {
        checkFactValue(cx, fact, c.values[0]!, "includes");
        return;
      }
      for (const v of c.values) checkFactValue(cx, fact, v, "includes");
      return;
    }
    case "DateComparison":
      checkDateComparison(cx, c);
      return;
  }
}

function checkDateComparison(cx: Checking, c: A.DateComparisonCondition): void {
  const fact = resolveFact(cx, c.subject);
  if (fact?.node.type && fact.node.type.kind !== "date") {
    cx.report(
      "type-mismatch",
      "error",
      `'${fact.label}' ${describeType(fact.node.type)}; only dates can be ${c.operator === "within" ? "within a time" : `'${c.operator}'`}.`,
      c.operatorRange,
    );
  }
  const operand = c.operand;
  if (operand.kind === "Relative") {
    checkDuration(cx, operand);
    return;
  }
  for (const problem of checkDateValue(fact?.label ?? c.subject.text, operand, true)) {
    cx.report(problem.code, "error", problem.message, operand.range, {
      actual: writtenValue(operand),
    });
  }
}

/** `2 years`: a whole number of a known unit, not beyond the calendar. */
export function checkDuration(cx: Checking, d: A.RelativeDate): void {
  const unit = dateUnit(d.unit.text);
  if (!unit) {
    cx.unknown("unknown-unit", "unit of time", d.unit, new Set(UNIT_WORDS));
    return;
  }
  const amount = d.amount.value;
  if (!Number.isInteger(amount) || amount > MAX_AMOUNT[unit]) {
    cx.report(
      "invalid-duration",
      "error",
      Number.isInteger(amount)
        ? `${d.amount.raw} ${d.unit.text} is beyond the calendar (at most ${MAX_AMOUNT[unit]} ${unit}s).`
        : `A duration is a whole number of ${unit}s, not '${d.amount.raw}'.`,
      d.amount.range,
      { actual: d.amount.raw },
    );
  }
}

/** Words people put between a fact and its value instead of `is` / `includes`. */
const LINKING = new Set([
  "contains",
  "contain",
  "has",
  "have",
  "include",
  "included",
  "equals",
  "was",
  "are",
  "with",
]);

/**
 * `content contains work`, `relationship colleague`: a fact, then (after a wrong word or none) one
 * of its values, as the comparison that was meant.
 */
function factThenValue(cx: Checking, name: A.Name): string | undefined {
  const words = name.text.split(" ");
  for (let i = words.length - 1; i > 0; i--) {
    const fact = cx.scope.facts.get(phraseKey(words.slice(0, i).join(" ")));
    const type = fact?.node.type;
    if (!type || (type.kind !== "choice" && type.kind !== "set")) continue;
    let rest = words.slice(i);
    if (rest.length > 1 && LINKING.has(rest[0]!.toLowerCase())) rest = rest.slice(1);
    const value = phraseKey(rest.join(" "));
    if (!type.values.some((v) => v.key === value)) continue;
    return `${words.slice(0, i).join(" ")} ${type.kind === "set" ? "includes" : "is"} ${rest.join(" ")}`;
  }
  return undefined;
}

/** A fact named where a value follows; `inScenario` marks uses that do not count as using it. */
export function resolveFact(
  cx: Checking,
  name: A.Name,
  inScenario = false,
): FactSymbol | undefined {
  const target = cx.scope.facts.get(name.key);
  cx.references.push({
    kind: "fact",
    key: name.key,
    uri: cx.uri,
    range: name.range,
    inScenario,
    ...(target ? { target } : {}),
  });
  if (target) return target;
  const term = cx.scope.terms.get(name.key);
  if (term) {
    cx.report(
      "type-mismatch",
      "error",
      `'${name.text}' is a term, which is either true or false; it has no value to compare.`,
      name.range,
    );
    return undefined;
  }
  // `given relationship current service user`: a fact and its value without `is` between them.
  const words = name.text.split(" ");
  for (let i = words.length - 1; i > 0; i--) {
    const fact = cx.scope.facts.get(phraseKey(words.slice(0, i).join(" ")));
    if (!fact) continue;
    const meant = `${words.slice(0, i).join(" ")} is ${words.slice(i).join(" ")}`;
    cx.report(
      "unknown-fact",
      "error",
      `There is no fact called '${name.text}'; did you mean '${meant}'?`,
      name.range,
      { suggestion: meant, actual: name.text },
    );
    return undefined;
  }
  cx.unknown("unknown-fact", "fact", name, candidateKeys([cx.scope.facts]));
  return undefined;
}

export function checkFactValue(
  cx: Checking,
  fact: FactSymbol,
  value: A.Value,
  operator: A.ComparisonOperator | "member" | "includes" | "given",
): void {
  const kind = fact.node.type?.kind;
  if (value.kind === "Phrase" && (kind === "choice" || kind === "set")) {
    cx.references.push({
      kind: "value",
      key: value.name.key,
      uri: cx.uri,
      range: value.range,
      fact,
    });
  }
  for (const problem of checkValue(fact, value, operator, cx.suggestions)) {
    cx.report(problem.code, "error", problem.message, problem.range ?? value.range, {
      ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
      ...(problem.expected ? { expected: problem.expected } : {}),
      actual: writtenValue(value),
    });
  }
}

/** An outcome a rule or exception leads to; the default outcome is not one of them. */
export function resolveOutcome(cx: Checking, name: A.Name): OutcomeSymbol | undefined {
  const target = cx.scope.outcomes.get(name.key);
  cx.refer("outcome", name.key, name.range, target);
  if (!target) {
    if (cx.scope.defaultOutcome?.key === name.key) {
      cx.report(
        "unknown-outcome",
        "error",
        `'${name.text}' is what the policy says when no rule applies; a rule must lead to one of the declared outcomes.`,
        name.range,
        { expected: [...cx.scope.outcomes.values()].map((o) => o.label) },
      );
    } else cx.unknown("unknown-outcome", "outcome", name, candidateKeys([cx.scope.outcomes]));
  }
  return target;
}

export function checkCitation(cx: Checking, c: A.Citation): void {
  if (!c.source) return;
  const target = cx.scope.sources.get(c.source.key);
  cx.refer("source", c.source.key, c.source.range, target);
  if (!target) cx.unknown("unknown-source", "source", c.source, candidateKeys([cx.scope.sources]));
}

/** The values a fact can take, offered in type-mismatch diagnostics. */
export function expectedValues(fact: FactSymbol): string[] | undefined {
  const type = fact.node.type;
  if (type?.kind === "choice" || type?.kind === "set") return type.values.map((v) => v.text);
  if (type?.kind === "yes/no") return ["yes", "no"];
  return undefined;
}
