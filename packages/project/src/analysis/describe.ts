/**
 * Regions and situations in the policy's own words: a cube of value classes as conditions
 * (`activity is sharing material and age < 18`), a situation as a scenario's `given` line, a
 * condition as Precept text (for suggested exceptions).
 */
import type { ConditionModel, FactValue, TestOperator } from "@precept/language";
import type { Situation, Space, SpaceFact } from "./space.js";

/** A Precept quoted text. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function valueText(fact: SpaceFact, value: FactValue): string {
  return fact.kind === "text" ? quote(String(value)) : String(value);
}

function listText(fact: SpaceFact, values: readonly FactValue[]): string {
  return values.map((v) => valueText(fact, v)).join(", ");
}

/** The classes `chosen` of `fact` as one readable condition. */
export function classesText(fact: SpaceFact, chosen: readonly number[]): string {
  const name = fact.label;
  const all = fact.classes;
  const rest = all.map((_, i) => i).filter((i) => !chosen.includes(i));
  switch (fact.kind) {
    case "yes/no":
      return chosen[0] === 0 ? name : `not ${name}`;
    case "member":
      return `${name} includes ${chosen[0] === 0 ? "" : "none of "}${fact.member}`;
    case "choice": {
      const values = (ks: readonly number[]) => ks.map((k) => all[k]!.value);
      if (chosen.length === 1) return `${name} is ${all[chosen[0]!]!.value}`;
      if (rest.length === 1) return `${name} is not ${all[rest[0]!]!.value}`;
      return chosen.length <= rest.length
        ? `${name} is one of ${listText(fact, values(chosen))}`
        : `${name} is not one of ${listText(fact, values(rest))}`;
    }
    case "text": {
      const other = chosen.some((k) => all[k]!.other);
      const named = (ks: readonly number[]) =>
        ks.filter((k) => !all[k]!.other).map((k) => all[k]!.value);
      if (!other) {
        const vs = named(chosen);
        return vs.length === 1
          ? `${name} is ${valueText(fact, vs[0]!)}`
          : `${name} is one of ${listText(fact, vs)}`;
      }
      const excluded = named(rest);
      return excluded.length === 1
        ? `${name} is not ${valueText(fact, excluded[0]!)}`
        : `${name} is not one of ${listText(fact, excluded)}`;
    }
    case "number":
      return numberText(fact, chosen);
    case "date":
      return dateText(fact, chosen);
  }
}

/** Runs of consecutive classes of a number or date fact, as [first, last] class indices. */
function runsOf(chosen: readonly number[]): [number, number][] {
  const sorted = [...chosen].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const k of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === k - 1) last[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}

/** Days as the language writes comparisons: `discharge date is on or after 2023-01-15`. */
function dateText(fact: SpaceFact, chosen: readonly number[]): string {
  const name = fact.label;
  const parts = runsOf(chosen).map(([from, to]) => {
    const low = fact.classes[from]!;
    const high = fact.classes[to]!;
    if (from === to && !low.between) return `${name} is ${low.value}`;
    const lower = low.between
      ? low.between.above !== undefined
        ? `${name} is after ${low.between.above}`
        : undefined
      : `${name} is on or after ${low.value}`;
    const upper = high.between
      ? high.between.below !== undefined
        ? `${name} is before ${high.between.below}`
        : undefined
      : `${name} is on or before ${high.value}`;
    return [lower, upper].filter(Boolean).join(" and ") || `${name} is any date`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
}

function numberText(fact: SpaceFact, chosen: readonly number[]): string {
  const name = fact.label;
  const parts = runsOf(chosen).map(([from, to]) => {
    const low = fact.classes[from]!;
    const high = fact.classes[to]!;
    if (from === to && !low.between) return `${name} is ${low.value}`;
    const lower = low.between
      ? low.between.above !== undefined
        ? `${name} > ${low.between.above}`
        : undefined
      : `${name} >= ${low.value}`;
    const upper = high.between
      ? high.between.below !== undefined
        ? `${name} < ${high.between.below}`
        : undefined
      : `${name} <= ${high.value}`;
    return [lower, upper].filter(Boolean).join(" and ") || `${name} is any number`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
}

/** A cube (classes per fact index) as conditions joined by `and`; `any situation` when empty. */
export function cubeText(space: Space, cube: ReadonlyMap<number, readonly number[]>): string {
  const parts = [...cube]
    .sort(([a], [b]) => a - b)
    .map(([level, classes]) => classesText(space.facts[level]!, classes));
  return parts.length === 0 ? "any situation" : parts.join(" and ");
}

/** A situation as the facts of a scenario's `given` (every fact the space knows). */
export function givenText(space: Space, situation: Situation): string {
  return [...space.declared.values()]
    .filter((f) => situation[f.name] !== undefined)
    .map((f) => {
      const v = situation[f.name]!;
      if (f.kind === "yes/no") return v ? f.label : `not ${f.label}`;
      if (Array.isArray(v)) return `${f.label} is ${v.length === 0 ? "nothing" : v.join(" and ")}`;
      return `${f.label} is ${f.kind === "text" ? quote(String(v)) : String(v)}`;
    })
    .join(", ");
}

const OPERATORS: Record<TestOperator, string> = {
  equal: "is",
  notEqual: "is not",
  in: "is one of",
  notIn: "is not one of",
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
  contains: "includes",
  doesNotContain: "includes none of",
};

const DATE_OPERATORS: Partial<Record<TestOperator, string>> = {
  lessThan: "is before",
  lessThanInclusive: "is on or before",
  greaterThan: "is after",
  greaterThanInclusive: "is on or after",
};

function durationText(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/** A resolved condition as Precept text, terms by their names. */
export function conditionText(
  c: ConditionModel,
  labels: (fact: string) => { label: string; kind: string } | undefined,
  termLabel: (term: string) => string = (t) => t,
): string {
  const inner = (x: ConditionModel): string => {
    const text = conditionText(x, labels, termLabel);
    return x.kind === "all" || x.kind === "any" ? `(${text})` : text;
  };
  switch (c.kind) {
    case "all":
      return c.conditions.map(inner).join(" and ");
    case "any":
      return c.conditions.map(inner).join(" or ");
    case "not":
      return `not ${inner(c.condition)}`;
    case "term":
      return termLabel(c.term);
    case "test": {
      const fact = labels(c.fact) ?? { label: c.fact, kind: "text" as const };
      if (fact.kind === "yes/no" && c.operator === "equal") {
        return c.value === true ? fact.label : `not ${fact.label}`;
      }
      const show = (v: unknown) => (fact.kind === "text" ? quote(String(v)) : String(v));
      if (fact.kind === "date" && !Array.isArray(c.value)) {
        const v = c.value;
        const day =
          typeof v === "object" && "kind" in v
            ? v.amount === 0
              ? "today"
              : `${durationText(Math.abs(v.amount), v.unit)} ${v.amount < 0 ? "ago" : "from today"}`
            : String(v);
        return `${fact.label} ${DATE_OPERATORS[c.operator] ?? OPERATORS[c.operator]} ${day}`;
      }
      const value = Array.isArray(c.value) ? c.value.map(show).join(", ") : show(c.value);
      return `${fact.label} ${OPERATORS[c.operator]} ${value}`;
    }
  }
}
