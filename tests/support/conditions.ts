/**
 * Random conditions over the facts and terms in scope, every value fitting its fact's type, with
 * parentheses exactly where the text needs them: the tree is what the parser will read.
 */
import fc from "fast-check";
import type {
  GeneratedCondition,
  GeneratedDateOperand,
  GeneratedFact,
  GeneratedValue,
} from "./policy-shape.js";
import { textArbitrary } from "./vocabulary.js";
export interface Scope {
  readonly facts: readonly GeneratedFact[];
  /** Terms that may be referred to here. */
  readonly terms: readonly string[];
  /** Outcomes a rule may lead to. */
  readonly outcomes: readonly string[];
  readonly sources: readonly string[];
}

const numberArbitrary: fc.Arbitrary<GeneratedValue> = fc
  .tuple(
    fc.integer({ min: -150, max: 150 }),
    fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  )
  .map(([whole, tenth]) => {
    // Negative numbers too: `-3`, `-0.5` (a sign before a whole part of 0 keeps its meaning).
    const raw = tenth === undefined ? String(whole) : `${whole}.${tenth}`;
    return { kind: "number", value: Number(raw), raw };
  });
const textValueArbitrary: fc.Arbitrary<GeneratedValue> = textArbitrary(12).map((value) => ({
  kind: "text",
  value,
}));

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A real day, written `2024-09-01` or `1 September 2024` (month ends and leap days often). */
export const dateArbitrary: fc.Arbitrary<GeneratedValue> = fc
  .record({
    year: fc.integer({ min: 1990, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(31), fc.constant(29)),
    words: fc.boolean(),
  })
  .map(({ year, month, day, words }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const d = Math.min(day, last);
    const pad = (n: number) => String(n).padStart(2, "0");
    const iso = `${year}-${pad(month)}-${pad(d)}`;
    return { kind: "date", iso, raw: words ? `${d} ${MONTHS[month - 1]} ${year}` : iso };
  });

const unitArbitrary = fc.constantFrom(
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
  "Years",
);
const durationArbitrary = fc.record({
  amount: fc.integer({ min: 0, max: 40 }),
  unit: unitArbitrary,
});

const dateOperandArbitrary: fc.Arbitrary<GeneratedDateOperand> = fc.oneof(
  dateArbitrary,
  fc.constant({ kind: "today" as const }),
  fc
    .tuple(durationArbitrary, fc.constantFrom("ago" as const, "from today" as const))
    .map(([d, direction]) => ({ kind: "relative" as const, ...d, direction })),
);

function dateComparisonArbitrary(fact: GeneratedFact): fc.Arbitrary<GeneratedCondition> {
  const within = durationArbitrary.map(
    (d): GeneratedDateOperand => ({ kind: "relative", ...d, direction: "ago" }),
  );
  return fc
    .tuple(
      fc.constantFrom("before", "after", "on or before", "on or after", "within"),
      fc.boolean(),
      dateOperandArbitrary,
      within,
    )
    .map(([operator, negated, operand, duration]) => ({
      kind: "date comparison" as const,
      fact: fact.name,
      negated,
      operator: operator as "before" | "after" | "on or before" | "on or after" | "within",
      operand: operator === "within" ? duration : operand,
    }));
}

/** A value that fits the fact's type. */
function valueFor(fact: GeneratedFact): fc.Arbitrary<GeneratedValue> {
  switch (fact.kind) {
    case "choice":
    case "set":
      return fc.constantFrom(...fact.values).map((text) => ({ kind: "phrase", text }));
    case "yes/no":
      return fc.constantFrom("yes", "no").map((text) => ({ kind: "phrase", text }));
    case "number":
      return numberArbitrary;
    case "text":
      return textValueArbitrary;
    case "date":
      return dateArbitrary;
  }
}

function leafArbitrary(scope: Scope): fc.Arbitrary<GeneratedCondition> {
  const yesNo = scope.facts.filter((f) => f.kind === "yes/no").map((f) => f.name);
  const choice = scope.facts.filter((f) => f.kind === "choice");
  const sets = scope.facts.filter((f) => f.kind === "set");
  // Several-valued facts are only tested with `includes`.
  const compared = sets.length > 0 ? scope.facts.filter((f) => f.kind !== "set") : scope.facts;
  const options: fc.Arbitrary<GeneratedCondition>[] = [];
  if (compared.length > 0)
    options.push(
      fc.constantFrom(...compared).chain((fact) =>
        fc.record({
          kind: fc.constant("comparison" as const),
          fact: fc.constant(fact.name),
          operator:
            fact.kind === "number" || fact.kind === "date"
              ? fc.constantFrom(
                  "is" as const,
                  "is not" as const,
                  "<" as const,
                  "<=" as const,
                  ">" as const,
                  ">=" as const,
                )
              : fc.constantFrom("is" as const, "is not" as const),
          value: valueFor(fact),
        }),
      ),
    );
  if (sets.length > 0) {
    options.push(
      fc.constantFrom(...sets).chain((fact) =>
        fc
          .tuple(
            fc.constantFrom("one" as const, "any" as const, "all" as const, "none" as const),
            fc.shuffledSubarray([...fact.values], { minLength: 1 }),
          )
          .map(
            ([quantifier, vs]): GeneratedCondition => ({
              kind: "includes",
              fact: fact.name,
              quantifier,
              values: (quantifier === "one" ? vs.slice(0, 1) : vs).map((text) => ({
                kind: "phrase" as const,
                text,
              })),
            }),
          ),
      ),
    );
  }
  const dated = scope.facts.filter((f) => f.kind === "date");
  if (dated.length > 0) options.push(fc.constantFrom(...dated).chain(dateComparisonArbitrary));
  const names = [...yesNo, ...scope.terms];
  if (names.length > 0) {
    options.push(fc.constantFrom(...names).map((name) => ({ kind: "reference" as const, name })));
  }
  if (choice.length > 0) {
    options.push(
      fc.constantFrom(...choice).chain((fact) =>
        fc.record({
          kind: fc.constant("membership" as const),
          fact: fc.constant(fact.name),
          negated: fc.boolean(),
          values: fc
            .shuffledSubarray([...fact.values], { minLength: 1 })
            .map((vs) => vs.map((text) => ({ kind: "phrase" as const, text }))),
        }),
      ),
    );
  }
  return fc.oneof(...options);
}

/** Parentheses where the text needs them (not binds tighter than and, and than or). */
function bracket(c: GeneratedCondition, parent: "and" | "or" | "not"): GeneratedCondition {
  // `a and b or c` reads as (a and b) or c; any other nesting of junctions needs parentheses,
  // and nested junctions of one kind would be read as one flat list.
  const needs = c.kind === "or" || (c.kind === "and" && parent !== "or");
  return needs ? { kind: "group", inner: c } : c;
}

export function conditionArbitrary(scope: Scope, depth = 3): fc.Arbitrary<GeneratedCondition> {
  const leaf = leafArbitrary(scope);
  if (depth <= 0) return leaf;
  const sub = conditionArbitrary(scope, depth - 1);
  const junction = (kind: "and" | "or") =>
    fc.array(sub, { minLength: 2, maxLength: 3 }).map(
      (operands): GeneratedCondition => ({
        kind,
        operands: operands.map((o) => bracket(o, kind)),
      }),
    );
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: junction("and") },
    { weight: 2, arbitrary: junction("or") },
    {
      weight: 1,
      arbitrary: sub.map((o): GeneratedCondition => ({ kind: "not", operand: bracket(o, "not") })),
    },
    { weight: 1, arbitrary: sub.map((o): GeneratedCondition => ({ kind: "group", inner: o })) },
  );
}
