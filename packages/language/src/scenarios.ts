/**
 * Scenarios: the facts a scenario gives must exist and have values of their type, and what it
 * expects must name outcomes, rules and facts that are in scope.
 */
import type * as A from "./ast.js";
import type { Checking } from "./check-base.js";
import type { Range } from "./position.js";
import { checkFactValue, expectedValues, resolveFact, resolveOutcome } from "./references.js";
import { candidateKeys, editDistance } from "./suggest.js";
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
  if (!e && d.advice.length === 0 && d.alsoApplies.length === 0 && d.notByRules.length === 0) {
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
  if (e?.outcome) expectedOutcome(cx, e.outcome, e.alsoOutcomes);
  if (e?.atLeast) expectedOutcome(cx, e.atLeast, e.alsoOutcomes, "at least");
  const listed = new Set<string>();
  for (const o of e?.oneOf ?? []) {
    if (listed.has(o.key))
      cx.report("duplicate-value", "error", `'${o.text}' is listed twice.`, o.range);
    else expectedOutcome(cx, o, [], "one of");
    listed.add(o.key);
  }
  for (const ids of [
    e?.byRules ?? [],
    [...(e?.notByRules ?? []), ...d.notByRules],
    d.alsoApplies,
  ]) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id.text))
        cx.report("duplicate-value", "error", `Rule ${id.text} is listed twice.`, id.range);
      else resolveRule(cx, id);
      seen.add(id.text);
    }
  }
  for (const n of e?.needs ?? []) resolveFact(cx, n, true);
  contradictions(cx, d);
}

function resolveRule(cx: Checking, id: A.RuleId): void {
  const found = cx.rule(id);
  const target = found.symbol;
  cx.refer("rule", found.key, id.range, target);
  if (found.ambiguous) return;
  if (!target || cx.disabled.has(found.key))
    cx.unknown(
      "unknown-rule",
      "rule",
      id,
      candidateKeys<unknown>(
        [cx.scope.rules, ...cx.qualifiedCandidates(id)],
        (k) => !cx.disabled.has(k),
      ),
    );
}

/** Whether `key` names an outcome a scenario may expect (the default outcome included). */
function isOutcome(cx: Checking, key: string): boolean {
  return cx.scope.outcomes.has(key) || cx.scope.defaultOutcome?.key === key;
}

/**
 * An outcome a scenario expects. A scenario may expect the default outcome, which rules may not
 * lead to. Slips get one message with the fix: `atleast caution`, `oneof caution, allow`,
 * `one of caution allow` (no comma), `caution, allow` (several outcomes without `one of`).
 */
function expectedOutcome(
  cx: Checking,
  name: A.Name,
  more: readonly A.Name[],
  form?: "at least" | "one of",
): void {
  const fallback = cx.scope.defaultOutcome;
  if (fallback?.key === name.key) cx.refer("outcome", name.key, name.range, fallback);
  else if (isOutcome(cx, name.key)) resolveOutcome(cx, name);
  else {
    const fix = slipFix(cx, name.key, more, form !== undefined);
    if (fix && !cx.hadSyntaxError(name.range)) {
      const end = more.at(-1)?.range.end ?? name.range.end;
      const written = [name, ...more].map((o) => o.text).join(", ");
      cx.report(
        fix.code,
        "error",
        fix.message,
        { start: name.range.start, end },
        {
          actual: written,
          suggestion: fix.suggestion,
        },
      );
      return;
    }
    resolveOutcome(cx, name);
  }
  if (more.length > 0 && !cx.hadSyntaxError(name.range)) {
    const all = [name, ...more].map((o) => o.text).join(", ");
    cx.report(
      "syntax-error",
      "error",
      form === "at least"
        ? `\`at least\` takes one outcome (it or a stronger one passes); for any of several, write \`one of ${all}\`.`
        : `A scenario expects one outcome here; for any of several, write \`one of ${all}\`.`,
      { start: name.range.start, end: more.at(-1)!.range.end },
      { actual: all, suggestion: `one of ${all}` },
    );
  }
}

const AT_LEAST = "atleast";
const ONE_OF = "oneof";

/** The fix for an unknown expected outcome that is a known one behind a misspelt form. */
function slipFix(
  cx: Checking,
  key: string,
  more: readonly A.Name[],
  inList: boolean,
): { code: "syntax-error" | "unknown-outcome"; message: string; suggestion: string } | undefined {
  const words = key.split(" ");
  // `atleast caution`, `at-least caution`, `at lest caution`, `oneof caution, allow`.
  for (const take of [1, 2]) {
    if (inList || words.length <= take) break;
    const form = words.slice(0, take).join("").replace(/[-_]/g, "");
    const rest = words.slice(take).join(" ");
    // `also apply 3.6`: the rule-form, misspelt.
    if (take === 2 && words[0] === "also" && /^appl/.test(words[1]!)) {
      if (words.length === 3 && cx.scope.rules.has(words[2]!) && more.length === 0)
        return {
          code: "syntax-error",
          message: `Write \`also applies rule ${words[2]}\` for a rule that applies without deciding.`,
          suggestion: `also applies rule ${words[2]}`,
        };
    }
    if (!isOutcome(cx, rest)) continue;
    const list = [rest, ...more.map((o) => o.key)].join(", ");
    if (more.length === 0 && editDistance(form, AT_LEAST, 2) <= 2)
      return {
        code: "syntax-error",
        message: `Write \`at least ${rest}\` (two words) for ${rest} or a stronger outcome.`,
        suggestion: `at least ${rest}`,
      };
    if (editDistance(form, ONE_OF, 1) <= 1)
      return {
        code: "syntax-error",
        message: `Write \`one of ${list}\` (two words) for any of these outcomes.`,
        suggestion: `one of ${list}`,
      };
  }
  // `decline by 3.1`: `rule` left out, so `by` was read as part of the name.
  const by = words.lastIndexOf("by");
  if (!inList && by > 0 && by === words.length - 2 && more.length === 0) {
    const outcome = words.slice(0, by).join(" ");
    if (isOutcome(cx, outcome) && cx.scope.rules.has(words.at(-1)!))
      return {
        code: "syntax-error",
        message: `Write \`${outcome} by rule ${words.at(-1)}\`: the deciding rules follow \`by rule\`.`,
        suggestion: `${outcome} by rule ${words.at(-1)}`,
      };
  }
  // `one of caution allow`: outcomes without the commas between them.
  const parts = splitOutcomes(cx, words);
  if (parts && parts.length > 1) {
    const joined = parts.join(", ");
    return {
      code: "unknown-outcome",
      message: `'${key}' is not an outcome: separate the outcomes with commas (${joined}).`,
      suggestion: joined,
    };
  }
  return undefined;
}

/** `caution allow` as outcomes one after another (`caution`, `allow`), if it can be read so. */
function splitOutcomes(cx: Checking, words: readonly string[]): string[] | undefined {
  // Names are short; a long phrase is not a list someone forgot the commas in (and stays linear).
  if (words.length > 12) return undefined;
  const from: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= words.length; end++) {
    for (let start = 0; start < end && !from[end]; start++) {
      const before = from[start];
      const name = words.slice(start, end).join(" ");
      if (before && isOutcome(cx, name)) from[end] = [...before, name];
    }
  }
  return from[words.length];
}

/** Expectations that no decision can meet together: one mistake, reported once. */
function contradictions(cx: Checking, d: A.ScenarioDeclaration): void {
  const deciding = new Set((d.expect?.byRules ?? []).map((r) => r.text));
  for (const id of [...(d.expect?.notByRules ?? []), ...d.notByRules]) {
    if (deciding.has(id.text))
      cx.report(
        "contradictory-expectation",
        "error",
        `Rule ${id.text} is expected both to decide (\`by rule\`) and not to decide (\`not by rule\`).`,
        id.range,
      );
  }
  for (const id of d.alsoApplies) {
    if (deciding.has(id.text))
      cx.report(
        "contradictory-expectation",
        "error",
        `Rule ${id.text} is expected both to decide (\`by rule\`) and to apply without deciding (\`also applies\`).`,
        id.range,
      );
  }
}
