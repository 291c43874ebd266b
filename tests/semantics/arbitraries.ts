/**
 * Random well-typed effective policies (PolicyModel, layers already merged) and fact sets for the
 * semantics properties. Built at the model level so they reach what text cannot easily: empty
 * `and`/`or` (constants), conflicting exceptions, advice-only exceptions, rules concluding the
 * default outcome. tests/support/generate.ts covers the same ground through real text.
 */
import type {
  ConditionModel,
  DecisionDate,
  ExceptionModel,
  FactModel,
  FactValue,
  InForceModel,
  Origin,
  PolicyModel,
  RuleModel,
  TermModel,
} from "@precept/language";
import fc from "fast-check";
import type { Facts } from "./reference.js";

const at = { line: 1, column: 1, offset: 0 };
const origin = (layer: string): Origin => ({
  uri: "p.precept",
  range: { start: at, end: at },
  layer,
});

const FACT_NAMES = ["relationship", "capacity", "consent given", "age", "platform", "risk level"];
const CHOICES = ["alpha", "beta", "gamma", "delta"];
const TEXTS = ["x", "y", "z"];
const NUMBERS = [0, 1, 2, 3, 4, 5];
const DATES = ["2022-02-28", "2023-02-28", "2024-02-29", "2024-03-31", "2024-09-01"];
/** Decision dates: month ends and a leap day, so that durations land on the edges. */
export const DECISION_DATES = ["2024-02-29", "2025-02-28", "2026-03-31", "2024-09-01"];
/** Durations from the decision date (`2 years ago` is -2 years). */
const SHIFTS: readonly DecisionDate[] = [
  { kind: "decision date", amount: 0, unit: "day" },
  { kind: "decision date", amount: -2, unit: "year" },
  { kind: "decision date", amount: -1, unit: "year" },
  { kind: "decision date", amount: -1, unit: "month" },
  { kind: "decision date", amount: -25, unit: "month" },
  { kind: "decision date", amount: 3, unit: "week" },
  { kind: "decision date", amount: -184, unit: "day" },
];
const OUTCOMES = ["prohibit", "decline", "caution", "allow"];
const ADVICE = ["Ask first.", "Keep a record.", "Talk to a supervisor."];
const LAYERS = ["Baseline", "Trust", "Team"];

const factArbitrary = (name: string, presumptions = false, dates = true): fc.Arbitrary<FactModel> =>
  fc
    .oneof(
      fc.subarray(CHOICES, { minLength: 2 }).map((values) => ({ kind: "choice" as const, values })),
      fc.subarray(CHOICES, { minLength: 1 }).map((values) => ({ kind: "set" as const, values })),
      fc.constant({ kind: "yes/no" as const }),
      fc
        .option(fc.constant("years"), { nil: undefined })
        .map((unit) => (unit ? { kind: "number" as const, unit } : { kind: "number" as const })),
      fc.constant({ kind: "text" as const }),
      // `dates: false` keeps to what the generated module handles.
      dates ? fc.constant({ kind: "date" as const }) : fc.constant({ kind: "text" as const }),
    )
    .chain((type) =>
      fc
        .record(
          {
            question: fc.constant(`What about ${name}?`),
            description: fc.constant(`the ${name}`),
            // With `presumptions`, half the facts presume a value (§6.2).
            presumed: fc
              .tuple(
                fc.constantFrom(...domain({ name, label: name, type } as FactModel)),
                fc.boolean(),
              )
              .map(([value, described]) => ({
                value,
                ...(described ? { text: `presuming ${name}` } : {}),
              })),
          },
          { requiredKeys: [] },
        )
        .map(({ presumed, ...extra }) => ({
          name,
          label: name,
          type,
          ...extra,
          ...(presumptions && presumed ? { presumed } : {}),
          origin: origin(LAYERS[0]!),
        })),
    );

/** The values a test on this fact compares with (and fact sets draw from). */
function domain(f: FactModel): FactValue[] {
  switch (f.type.kind) {
    case "choice":
      return [...f.type.values];
    case "set": {
      // Every subset, the empty one included, in declared order.
      const values = f.type.values;
      const out: FactValue[] = [];
      for (let mask = 0; mask < 1 << values.length; mask++)
        out.push(values.filter((_, i) => mask & (1 << i)));
      return out;
    }
    case "yes/no":
      return [true, false];
    case "number":
      return [...NUMBERS, 2.5];
    case "text":
      return [...TEXTS, "w"];
    case "date":
      return [...DATES, "2031-01-01"];
  }
}

function testArbitrary(facts: readonly FactModel[]): fc.Arbitrary<ConditionModel> {
  return fc.constantFrom(...facts).chain((f): fc.Arbitrary<ConditionModel> => {
    const test = (operator: string, value: FactValue | FactValue[]) =>
      ({ kind: "test", fact: f.name, operator, value }) as ConditionModel;
    const scalar = fc.constantFrom(...domain(f).filter((v) => v !== 2.5 && v !== "w"));
    const list = fc.subarray(
      domain(f).filter((v) => v !== 2.5 && v !== "w"),
      { minLength: 1 },
    );
    const eq = fc.tuple(fc.constantFrom("equal", "notEqual"), scalar).map(([o, v]) => test(o, v));
    const member = fc.tuple(fc.constantFrom("in", "notIn"), list).map(([o, v]) => test(o, v));
    if (f.type.kind === "set") {
      const includes = fc
        .tuple(fc.constantFrom("contains", "doesNotContain"), fc.constantFrom(...f.type.values))
        .map(([o, v]) => test(o, v));
      return includes;
    }
    if (f.type.kind === "yes/no") return eq;
    if (f.type.kind === "date") {
      // Against dates and against the decision date moved by a duration.
      const operand = fc.oneof(scalar, fc.constantFrom(...SHIFTS));
      const compare = fc
        .tuple(
          fc.constantFrom(
            "lessThan",
            "lessThanInclusive",
            "greaterThan",
            "greaterThanInclusive",
            "equal",
            "notEqual",
          ),
          operand,
        )
        .map(([o, v]) => ({ kind: "test", fact: f.name, operator: o, value: v }) as ConditionModel);
      return fc.oneof(compare, member);
    }
    if (f.type.kind === "number") {
      const compare = fc
        .tuple(
          fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"),
          scalar,
        )
        .map(([o, v]) => test(o, v));
      return fc.oneof(compare, eq, member);
    }
    return fc.oneof(eq, member);
  });
}

export function conditionArbitrary(
  facts: readonly FactModel[],
  terms: readonly TermModel[],
  depth: number,
): fc.Arbitrary<ConditionModel> {
  const leaves: fc.Arbitrary<ConditionModel>[] = [testArbitrary(facts)];
  if (terms.length > 0) {
    leaves.push(
      fc
        .constantFrom(...terms)
        .map((t) => ({ kind: "term", term: t.name, condition: t.condition }) as const),
    );
  }
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = conditionArbitrary(facts, terms, depth - 1);
  const operands = fc.oneof(
    { weight: 1, arbitrary: fc.constant([] as ConditionModel[]) },
    { weight: 8, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: operands.map((conditions) => ({ kind: "all", conditions }) as const) },
    { weight: 2, arbitrary: operands.map((conditions) => ({ kind: "any", conditions }) as const) },
    { weight: 1, arbitrary: sub.map((condition) => ({ kind: "not", condition }) as const) },
  );
}

function termsArbitrary(facts: readonly FactModel[], count: number): fc.Arbitrary<TermModel[]> {
  let arb: fc.Arbitrary<TermModel[]> = fc.constant([]);
  for (let i = 0; i < count; i++) {
    arb = arb.chain((earlier) =>
      fc
        .tuple(conditionArbitrary(facts, earlier, 2), fc.boolean())
        .map(([condition, described]) => [
          ...earlier,
          {
            name: `term ${i}`,
            label: `term ${i}`,
            ...(described ? { description: `term ${i} holds` } : {}),
            condition,
            origin: origin(LAYERS[0]!),
          },
        ]),
    );
  }
  return arb;
}

/** `in force from … until …` around the decision dates (a period may also be empty). */
const inForceArbitrary: fc.Arbitrary<InForceModel> = fc
  .record(
    {
      from: fc.constantFrom("2024-02-29", "2024-09-01", "2025-03-01"),
      until: fc.constantFrom("2024-08-31", "2025-02-28", "2026-03-31"),
    },
    { requiredKeys: [] },
  )
  .filter((f) => !f.from || !f.until || f.from <= f.until);

export interface ModelOptions {
  readonly maxRules?: number;
  /** Declare constraints between facts too (§1.1); off by default. */
  readonly constraints?: boolean;
  /** Let facts presume values (§6.2); off by default. */
  readonly presumptions?: boolean;
  /** Date facts, `in force` and versions of rules (default true). */
  readonly dates?: boolean;
}

export function modelArbitrary(options: ModelOptions = {}): fc.Arbitrary<PolicyModel> {
  return policiesArbitrary(options).chain(withLayerDefault);
}

function policiesArbitrary(options: ModelOptions): fc.Arbitrary<PolicyModel> {
  return fc
    .record({
      factCount: fc.integer({ min: 1, max: 5 }),
      outcomeCount: fc.integer({ min: 1, max: 4 }),
      termCount: fc.integer({ min: 0, max: 3 }),
      layerCount: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ factCount, outcomeCount, termCount, layerCount }) =>
      fc
        .tuple(
          ...FACT_NAMES.slice(0, factCount).map((n) =>
            factArbitrary(n, options.presumptions, options.dates ?? true),
          ),
        )
        .chain((facts) =>
          termsArbitrary(facts, termCount).chain((terms) => {
            const outcomes = OUTCOMES.slice(0, outcomeCount).map((name, i) => ({
              name,
              label: name,
              strength: outcomeCount - i,
            }));
            const layers = LAYERS.slice(0, layerCount);
            const outcome = fc.oneof(
              { weight: 6, arbitrary: fc.constantFrom(...outcomes.map((o) => o.name)) },
              { weight: 1, arbitrary: fc.constant("no guidance") },
            );
            const condition = conditionArbitrary(facts, terms, 3);
            const advice = fc.array(fc.constantFrom(...ADVICE), { maxLength: 2 });
            const dated = options.dates ?? true;
            const inForce = dated
              ? fc.option(inForceArbitrary, { nil: undefined, freq: 3 })
              : fc.constant(undefined);
            const exception = fc.record({
              inForce,
              condition,
              outcome: fc.option(outcome, { nil: undefined }),
              advice,
              layer: fc.constantFrom(...layers),
            });
            const rule = fc.record({
              inForce,
              // A second version of the rule, in force from 2024-09-01 (the first until the day before).
              revision: dated
                ? fc.option(fc.record({ condition, outcome }), { nil: undefined, freq: 4 })
                : fc.constant(undefined),
              condition,
              // Sometimes none: an advice-only rule (a reminder).
              outcome: fc.option(outcome, { nil: undefined, freq: 5 }),
              advice,
              exceptions: fc.array(exception, { maxLength: 3 }),
              layer: fc.constantFrom(...layers),
              cited: fc.boolean(),
            });
            return fc
              .tuple(
                fc.array(rule, { maxLength: options.maxRules ?? 8 }),
                fc.array(fc.constantFrom("override", "disable", "exception"), { maxLength: 2 }),
                options.constraints
                  ? fc.array(conditionArbitrary(facts, terms, 1), { maxLength: 2 })
                  : fc.constant([] as ConditionModel[]),
              )
              .map(([rules, loosenings, constraints]): PolicyModel => {
                const ruleModels: RuleModel[] = rules.flatMap((r, i) => {
                  const id = `${i + 1}.${i % 3}`;
                  const exceptionsOf = (name: string): ExceptionModel[] =>
                    r.exceptions.map((e, j) => ({
                      id: `${name}#${j + 1}`,
                      rule: id,
                      condition: e.condition,
                      ...(e.outcome !== undefined ? { outcome: e.outcome } : {}),
                      advice: e.advice,
                      inline: j === 0,
                      ...(e.inForce ? { inForce: e.inForce } : {}),
                      origin: origin(e.layer),
                    }));
                  const base: RuleModel = {
                    id,
                    title: `Rule ${id}`,
                    citations: r.cited
                      ? [{ source: "bps", section: String(i), quote: "a quote" }]
                      : [],
                    condition: r.condition,
                    ...(r.outcome !== undefined ? { outcome: r.outcome } : {}),
                    advice: r.advice,
                    exceptions: exceptionsOf(id),
                    ...(r.inForce ? { inForce: r.inForce } : {}),
                    origin: origin(r.layer),
                  };
                  if (!r.revision) return [base];
                  const first = `${id}@to-2024-08-31`;
                  const second = `${id}@2024-09-01`;
                  return [
                    {
                      ...base,
                      version: first,
                      inForce: { until: "2024-08-31" },
                      exceptions: exceptionsOf(first),
                    },
                    {
                      ...base,
                      version: second,
                      condition: r.revision.condition,
                      outcome: r.revision.outcome,
                      inForce: { from: "2024-09-01" },
                      exceptions: exceptionsOf(second),
                    },
                  ];
                });
                return {
                  title: "Generated",
                  version: "1",
                  uri: "p.precept",
                  layers: layers.map((title, i) => ({ title, uri: `${i}.precept` })),
                  sources: [
                    {
                      id: "bps",
                      title: "e-Professionalism: guidance",
                      publisher: "BPS",
                      year: 2012,
                    },
                  ],
                  outcomes,
                  defaultOutcome: { name: "no guidance", label: "no guidance", strength: 0 },
                  facts,
                  terms,
                  rules: ruleModels,
                  loosenings: loosenings.map((kind, i) => ({
                    kind,
                    rule: ruleModels[i]?.id ?? "0.0",
                    reason: "because",
                    origin: origin(layers.at(-1)!),
                  })),
                  constraints: constraints.map((condition, i) => ({
                    title: `constraint ${i + 1}`,
                    condition,
                    origin: origin(layers[0]!),
                  })),
                  scenarios: [],
                };
              });
          }),
        ),
    );
}

/**
 * Sometimes a layer's own default (`otherwise X because …`, §4): any outcome of the scale, set by
 * the last layer. Rules concluding the outcomes list's default (strength 0) are kept only without
 * one: the checker refuses them, and with a layer default they would be a decision of their own.
 * When the default is not the strongest outcome, an earlier layer may have had a stronger one:
 * the bundle lists that as a loosening.
 */
export function withLayerDefault(policy: PolicyModel): fc.Arbitrary<PolicyModel> {
  const scale = [...policy.outcomes, policy.defaultOutcome];
  return fc
    .option(fc.tuple(fc.constantFrom(...scale), fc.boolean()), { nil: undefined, freq: 3 })
    .map((chosen) => {
      if (!chosen) return policy;
      const [outcome, loosened] = chosen;
      const layer = policy.layers.at(-1)!.title;
      const floor = policy.outcomes.at(-1)!.name;
      const lift = (o: string | undefined) => (o === policy.defaultOutcome.name ? floor : o);
      const stronger = policy.outcomes.find((o) => o.strength > outcome.strength);
      return {
        ...policy,
        layerDefault: { outcome, reason: "Ask your supervisor.", origin: origin(layer) },
        rules: policy.rules.map((r) => ({
          ...r,
          ...(r.outcome !== undefined ? { outcome: lift(r.outcome) } : {}),
          exceptions: r.exceptions.map((e) => ({
            ...e,
            ...(e.outcome !== undefined ? { outcome: lift(e.outcome) } : {}),
          })),
        })),
        loosenings:
          loosened && stronger
            ? [
                ...policy.loosenings,
                {
                  kind: "default" as const,
                  outcome: outcome.name,
                  replaces: stronger.name,
                  reason: "Ask your supervisor.",
                  origin: origin(layer),
                },
              ]
            : policy.loosenings,
      };
    });
}

/** Every value a fact could take that matters to some test, plus one that matches none. */
export function valuesOf(f: FactModel): FactValue[] {
  return domain(f);
}

/** A fact set: each fact unknown or one of its values; `complete` gives every fact a value. */
export function factsArbitrary(policy: PolicyModel, complete = false): fc.Arbitrary<Facts> {
  const entries = policy.facts.map((f) => {
    const value = fc.constantFrom(...valuesOf(f));
    return complete ? value : fc.option(value, { nil: undefined, freq: 3 });
  });
  return fc.tuple(...entries).map((values) => {
    const facts: Record<string, FactValue> = {};
    values.forEach((v, i) => {
      if (v !== undefined) facts[policy.facts[i]!.name] = v;
    });
    return facts;
  });
}

/** `facts` with each unknown fact that has a presumption given its presumed value (§6.2). */
export function withPresumptions(policy: PolicyModel, facts: Facts): Facts {
  const out: Record<string, FactValue | undefined> = { ...facts };
  for (const f of policy.facts)
    if (f.presumed && out[f.name] === undefined) out[f.name] = f.presumed.value;
  return out;
}

/** Fills the unknown facts of `facts` from `choices` (one number per fact). */
export function complete(policy: PolicyModel, facts: Facts, choices: readonly number[]): Facts {
  const out: Record<string, FactValue> = {};
  policy.facts.forEach((f, i) => {
    const given = facts[f.name];
    const values = valuesOf(f);
    out[f.name] = given !== undefined ? given : values[(choices[i] ?? 0) % values.length]!;
  });
  return out;
}
