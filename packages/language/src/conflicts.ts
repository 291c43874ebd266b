/**
 * Exceptions to one rule that can apply together with different outcomes are a conflict. The
 * checker looks for a situation in which both apply by trying every combination of the values that
 * matter (list values, yes/no, the numbers and texts the conditions mention and the points between
 * them). Facts are few per rule, so this is exact in practice; beyond a budget it stays silent and
 * the runtime resolves the conflict (the stronger wins, with a warning).
 */

import { addToDate } from "./dates.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import type {
  ConditionModel,
  ExceptionModel,
  FactModel,
  FactValue,
  InForceModel,
  PolicyModel,
} from "./model.js";

const MAX_COMBINATIONS = 20_000;

/**
 * The decision date the search assumes. Comparisons with the decision date are judged on this one
 * day, so a conflict that needs another decision date can go unreported (the runtime still
 * resolves it, with a warning).
 */
const NOMINAL_DATE = "2000-06-15";

/** A condition's value on complete facts, on the decision date `asOf`. */
export function evaluate(
  c: ConditionModel,
  facts: Readonly<Record<string, FactValue>>,
  asOf = NOMINAL_DATE,
): boolean {
  switch (c.kind) {
    case "all":
      return c.conditions.every((x) => evaluate(x, facts, asOf));
    case "any":
      return c.conditions.some((x) => evaluate(x, facts, asOf));
    case "not":
      return !evaluate(c.condition, facts, asOf);
    case "term":
      return evaluate(c.condition, facts, asOf);
    case "test": {
      const v = facts[c.fact];
      const w =
        typeof c.value === "object" && !Array.isArray(c.value) && "kind" in c.value
          ? addToDate(asOf, c.value.amount, c.value.unit)
          : c.value;
      switch (c.operator) {
        case "equal":
          return v === w;
        case "notEqual":
          return v !== w;
        case "lessThan":
          return (v as number) < (w as number);
        case "lessThanInclusive":
          return (v as number) <= (w as number);
        case "greaterThan":
          return (v as number) > (w as number);
        case "greaterThanInclusive":
          return (v as number) >= (w as number);
        case "in":
          return (w as FactValue[]).includes(v as FactValue);
        case "notIn":
          return !(w as FactValue[]).includes(v as FactValue);
        case "contains":
          return (v as readonly string[]).includes(w as string);
        case "doesNotContain":
          return !(v as readonly string[]).includes(w as string);
      }
    }
  }
}

/** The constants each fact is compared with in `c`. */
function constants(c: ConditionModel, into: Map<string, Set<FactValue>>): void {
  if (c.kind === "all" || c.kind === "any") c.conditions.forEach((x) => constants(x, into));
  else if (c.kind === "not" || c.kind === "term") constants(c.condition, into);
  else {
    const set = into.get(c.fact) ?? new Set<FactValue>();
    const values: readonly unknown[] = Array.isArray(c.value) ? c.value : [c.value];
    for (const v of values) {
      if (typeof v !== "object" || v === null) set.add(v as FactValue);
      else {
        const d = v as { amount: number; unit: "day" | "week" | "month" | "year" };
        set.add(addToDate(NOMINAL_DATE, d.amount, d.unit));
      }
    }
    into.set(c.fact, set);
  }
}

function candidates(fact: FactModel, mentioned: Set<FactValue>): FactValue[] {
  switch (fact.type.kind) {
    case "choice":
      return [...fact.type.values];
    case "set": {
      // Only the values the conditions mention matter: every subset of them.
      const values = fact.type.values.filter((v) => mentioned.has(v));
      if (values.length > 14) return new Array(MAX_COMBINATIONS + 1); // over budget: "too large"
      const out: string[][] = [];
      for (let mask = 0; mask < 1 << values.length; mask++)
        out.push(values.filter((_, i) => mask & (1 << i)));
      return out;
    }
    case "yes/no":
      return [true, false];
    case "number": {
      const points = [...mentioned].map(Number).sort((a, b) => a - b);
      const out = new Set<number>();
      points.forEach((p, i) => {
        out.add(p);
        out.add(i === 0 ? p - 1 : (points[i - 1]! + p) / 2);
      });
      if (points.length > 0) out.add(points.at(-1)! + 1);
      else out.add(0);
      return [...out];
    }
    case "text":
      return [...mentioned, "\u0000another text"];
    case "date": {
      // Each mentioned day, and the days either side of it.
      const out = new Set<string>();
      for (const d of mentioned as Set<string>) {
        out.add(addToDate(d, -1, "day"));
        out.add(d);
        out.add(addToDate(d, 1, "day"));
      }
      if (out.size === 0) out.add(NOMINAL_DATE);
      return [...out];
    }
  }
}

/** Whether two in-force periods share a day (absent: always in force). */
function overlap(a: InForceModel | undefined, b: InForceModel | undefined): boolean {
  const from = [a?.from, b?.from]
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  const until = [a?.until, b?.until].filter((x): x is string => !!x).sort()[0];
  return !from || !until || from <= until;
}

/** A situation in which every condition holds, if one exists within the budget. */
export function witness(
  conditions: readonly ConditionModel[],
  facts: ReadonlyMap<string, FactModel>,
): Record<string, FactValue> | undefined | "too large" {
  const mentioned = new Map<string, Set<FactValue>>();
  conditions.forEach((c) => constants(c, mentioned));
  const names = [...mentioned.keys()];
  const domains = names.map((n) => candidates(facts.get(n)!, mentioned.get(n)!));
  const total = domains.reduce((p, d) => p * d.length, 1);
  if (total > MAX_COMBINATIONS) return "too large";
  const assignment: Record<string, FactValue> = {};
  const search = (i: number): boolean => {
    if (i === names.length) return conditions.every((c) => evaluate(c, assignment));
    for (const v of domains[i]!) {
      assignment[names[i]!] = v;
      if (search(i + 1)) return true;
    }
    return false;
  };
  return search(0) ? { ...assignment } : undefined;
}

function describe(situation: Record<string, FactValue>): string {
  return Object.entries(situation)
    .filter(([, v]) => v !== "\u0000another text")
    .map(([k, v]) =>
      typeof v === "boolean"
        ? v
          ? k
          : `not ${k}`
        : Array.isArray(v)
          ? `${k} is ${v.length === 0 ? "nothing" : v.join(" and ")}`
          : `${k} is ${v}`,
    )
    .join(", ");
}

export function findExceptionConflicts(policy: PolicyModel): Diagnostic[] {
  const facts = new Map(policy.facts.map((f) => [f.name, f]));
  const out: Diagnostic[] = [];
  for (const rule of policy.rules) {
    const withOutcome = rule.exceptions.filter(
      (e): e is ExceptionModel & { outcome: string } => !!e.outcome,
    );
    for (let i = 0; i < withOutcome.length; i++) {
      for (let j = i + 1; j < withOutcome.length; j++) {
        const a = withOutcome[i]!;
        const b = withOutcome[j]!;
        if (a.outcome === b.outcome || !overlap(a.inForce, b.inForce)) continue;
        const found = witness([rule.condition, a.condition, b.condition], facts);
        if (!found || found === "too large") continue;
        out.push(
          diagnostic(
            "exception-conflict",
            "error",
            `Two exceptions to rule ${rule.id} can apply together with different outcomes (${a.outcome} and ${b.outcome}), for example when ${describe(found) || "any facts hold"}. Make their conditions exclusive.`,
            b.origin.range,
            {
              uri: b.origin.uri,
              related: [
                { message: "the other exception", uri: a.origin.uri, range: a.origin.range },
              ],
            },
          ),
        );
      }
    }
  }
  return out;
}
