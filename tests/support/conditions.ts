/**
 * Random conditions over the facts and terms in scope, every value fitting its fact's type, with
 * parentheses exactly where the text needs them: the tree is what the parser will read.
 */
import fc from "fast-check";
import type { GeneratedCondition, GeneratedFact, GeneratedValue } from "./policy-shape.js";
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
            fact.kind === "number"
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
