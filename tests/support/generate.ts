/**
 * Random VALID policies for property tests (fast-check), reusable by every package's tests.
 *
 * `policyArbitrary()` yields `{ text, …structure }`: the text of a policy that parses with no
 * diagnostics and checks with no errors, plus what it declares (facts with their types, terms,
 * outcomes, rules with their conditions as trees) so tests can build fact sets or evaluate rules
 * themselves. `layeredPolicyArbitrary()` yields a baseline and a layer on it as files.
 * `mutatedPolicyArbitrary()` yields valid policies with a few tokens or characters broken.
 *
 * Validity is by construction: names are unique phrases that avoid hard keywords (and never start
 * with a soft keyword), every reference is to something declared earlier or in scope, values fit
 * their fact's type, exceptions to one rule share one outcome (so they never conflict). Scenario
 * expectations are well-formed but NOT computed: a scenario may expect the wrong decision.
 *
 * The text varies in spelling that must not matter — keyword case, `->`/`→`, `section`/`§`,
 * quoted or bare term names, curly quotes, clause order, line breaks, indentation and comments —
 * while the structure records the meaning.
 */
import fc from "fast-check";
import { conditionArbitrary, dateArbitrary, type Scope } from "./conditions.js";
import { mutationsOf } from "./mutate.js";
import type {
  FactKind,
  GeneratedAssignment,
  GeneratedExpectation,
  GeneratedFact,
  GeneratedLayer,
  GeneratedLayeredPolicy,
  GeneratedPolicy,
  GeneratedRule,
  GeneratedScenario,
  GeneratedSource,
  GeneratedValue,
  PolicyOptions,
} from "./policy-shape.js";
import {
  namePool,
  phraseArbitrary,
  phraseKey,
  SOURCE_IDS,
  sentenceArbitrary,
} from "./vocabulary.js";
import { quoteText, styleArbitrary, Writer } from "./write-policy.js";

export { conditionArbitrary, type Scope } from "./conditions.js";
export { applyMutation, mutationsOf } from "./mutate.js";
export type * from "./policy-shape.js";
export { phraseArbitrary, phraseKey } from "./vocabulary.js";
export { quoteText, type Style } from "./write-policy.js";

// ---------------------------------------------------------------- declarations

const optionalText = fc.option(sentenceArbitrary, { nil: undefined });

function factsFrom(
  pool: string[],
  shapes: readonly {
    kind: FactKind;
    values: number;
    unit: boolean;
    question?: string;
    description?: string;
    presume?: { pick: number; text?: string };
  }[],
): GeneratedFact[] {
  return shapes.map((s) => {
    const name = pool.shift()!;
    const values = s.kind === "choice" || s.kind === "set" ? pool.splice(0, s.values) : [];
    const unit = s.kind === "number" && s.unit ? pool.shift() : undefined;
    const fact: GeneratedFact = { name, kind: s.kind, values };
    const p = s.presume;
    const chosen = values.filter((_, i) => ((p?.pick ?? 0) >> i) & 1);
    const presumed = p && {
      ...(s.kind === "set"
        ? {
            value: { kind: "phrase" as const, text: chosen[0] ?? "nothing" },
            also: chosen.slice(1).map((text) => ({ kind: "phrase" as const, text })),
          }
        : { value: scenarioValue(fact, p.pick), also: [] }),
      ...(p.text !== undefined ? { text: p.text } : {}),
    };
    return {
      ...fact,
      ...(presumed ? { presumed } : {}),
      ...(unit ? { unit } : {}),
      ...(s.question !== undefined ? { question: s.question } : {}),
      ...(s.description !== undefined ? { description: s.description } : {}),
    };
  });
}

const KINDS: readonly FactKind[] = ["choice", "yes/no", "number", "text", "yes/no", "choice"];
/**
 * `constructs: false` keeps the draws of the text generated before several-valued facts,
 * presumptions and dates existed.
 */
const factShapeOf = (constructs: boolean, dates = true) =>
  constructs
    ? fc.record({
        kind: fc.constantFrom<FactKind>(...KINDS, "set", ...(dates ? ["date" as const] : [])),
        values: fc.integer({ min: 1, max: 4 }),
        unit: fc.boolean(),
        question: optionalText,
        description: optionalText,
        presume: fc.option(fc.record({ pick: fc.nat(15), text: optionalText }), {
          nil: undefined,
          freq: 3,
        }),
      })
    : fc.record({
        kind: fc.constantFrom<FactKind>(...KINDS),
        values: fc.integer({ min: 1, max: 4 }),
        unit: fc.boolean(),
        question: optionalText,
        description: optionalText,
      });

const citationArbitrary = (sources: readonly string[]) =>
  fc.record(
    {
      source: fc.constantFrom(...sources),
      section: fc.constantFrom("1", "2", "3.1", "2.5", "summary", "4a", "Intro"),
      quote: sentenceArbitrary,
    },
    { requiredKeys: ["source"] },
  );

/**
 * A rule body; `id` is filled in by position, unless outcomes by the rule's exception outcome.
 * With `constructs`, about one rule in five with advice is a reminder (no outcome).
 */
function ruleArbitrary(scope: Scope, depth: number, dates = true, constructs = true) {
  return fc.record({
    ...(constructs ? { reminder: fc.nat(4).map((n) => n === 0) } : {}),
    title: optionalText,
    compact: fc.boolean(),
    citations: fc.array(citationArbitrary(scope.sources), { maxLength: 2 }),
    condition: conditionArbitrary(scope, depth),
    outcome: fc.constantFrom(...scope.outcomes),
    exceptionOutcome: fc.option(fc.constantFrom(...scope.outcomes), { nil: undefined }),
    unless: fc.array(
      fc.record({ condition: conditionArbitrary(scope, 1), withOutcome: fc.boolean() }),
      {
        maxLength: 2,
      },
    ),
    reason: optionalText,
    advice: fc.array(sentenceArbitrary, { maxLength: 2 }),
    inForce: !dates
      ? fc.constant(undefined)
      : fc.option(
          fc
            .record({ from: dateArbitrary, until: dateArbitrary, which: fc.constantFrom(0, 1, 2) })
            .map(({ from, until, which }) => {
              const [a, b] = [from, until].sort((x, y) =>
                x.kind === "date" && y.kind === "date" && x.iso < y.iso ? -1 : 1,
              );
              return which === 0
                ? { from: a! }
                : which === 1
                  ? { until: b! }
                  : { from: a!, until: b! };
            }),
          { nil: undefined, freq: 4 },
        ),
  });
}

type RuleShape = ReturnType<typeof ruleArbitrary> extends fc.Arbitrary<infer R> ? R : never;

function ruleFrom(id: string, s: RuleShape): GeneratedRule {
  const reminder = s.reminder === true && s.advice.length > 0;
  return {
    id,
    ...(s.title !== undefined ? { title: s.title } : {}),
    // A reminder has no compact form: that needs an outcome.
    compact: s.compact && !reminder,
    citations: s.citations,
    condition: s.condition,
    ...(reminder ? {} : { outcome: s.outcome }),
    unless: s.unless.map((u) => ({
      condition: u.condition,
      ...(u.withOutcome && s.exceptionOutcome ? { outcome: s.exceptionOutcome } : {}),
    })),
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
    advice: s.advice,
    ...(s.inForce ? { inForce: s.inForce } : {}),
  };
}

/** Rule ids of several shapes (`3`, `3.1`, `3a`, `R-3`); the number keeps them unique. */
function ruleId(index: number, shape: number, prefix = ""): string {
  const n = index + 1;
  if (prefix) return `${prefix}-${n}`;
  return [`${n}`, `${n}.1`, `${n}a`, `R-${n}`][shape % 4]!;
}

/** Where `provided` blocks go: after `gap` rules, the next `size` rules share `condition`. */
const blocksArbitrary = (scope: Scope) =>
  fc.array(
    fc.record({
      gap: fc.nat(2),
      size: fc.integer({ min: 1, max: 3 }),
      condition: conditionArbitrary(scope, 1),
    }),
    { maxLength: 2 },
  );
type BlockShape = typeof blocksArbitrary extends (s: Scope) => fc.Arbitrary<(infer B)[]>
  ? B
  : never;

/** The rules with their `provided` blocks: blocks take the rules in turn and never overlap. */
function inBlocks<R extends GeneratedRule>(
  rules: readonly R[],
  blocks: readonly BlockShape[],
): R[] {
  const out = [...rules];
  let at = 0;
  for (const b of blocks) {
    at += b.gap;
    const provided = { condition: b.condition };
    for (let i = at; i < Math.min(at + b.size, out.length); i++) out[i] = { ...out[i]!, provided };
    at += b.size;
  }
  return out;
}

const scenarioShape = fc.record({
  title: sentenceArbitrary,
  given: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 4 }),
  undetermined: fc.boolean(),
  outcome: fc.nat(),
  byRules: fc.array(fc.nat(), { maxLength: 2 }),
  needs: fc.array(fc.nat(), { maxLength: 2 }),
  advice: fc.array(fc.nat(), { maxLength: 2 }),
});

/** The expectation forms beyond an exact outcome, picked like the rest of a scenario. */
const expectationShape = fc.record({
  form: fc.constantFrom("exactly" as const, "at least" as const, "one of" as const),
  /** The further outcomes of `one of`. */
  oneOf: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  notByRules: fc.array(fc.nat(), { maxLength: 2 }),
  /** `expect not by rule …` on a line of its own even where the decision line could take it. */
  ownLine: fc.boolean(),
  alsoApplies: fc.array(fc.nat(), { maxLength: 2 }),
  asking: fc.boolean(),
  /** 0: no decision line (where other lines expect something). */
  decisionLine: fc.nat(3),
  asOf: fc.option(dateArbitrary, { nil: undefined, freq: 3 }),
});

/** `constructs: false` keeps the draws of the scenarios generated before the newer forms. */
const scenarioShapeOf = (
  constructs: boolean,
): fc.Arbitrary<readonly [ScenarioShape, ExpectationShape | undefined]> =>
  constructs
    ? fc.tuple(scenarioShape, expectationShape)
    : scenarioShape.map((s) => [s, undefined] as const);

type ScenarioShape = typeof scenarioShape extends fc.Arbitrary<infer S> ? S : never;
type ExpectationShape = typeof expectationShape extends fc.Arbitrary<infer S> ? S : never;

/** Scenario picks are numbers, resolved here against what the policy declares. */
function scenarioFrom(
  index: number,
  [s, more]: readonly [ScenarioShape, ExpectationShape | undefined],
  facts: readonly GeneratedFact[],
  outcomes: readonly string[],
  rules: readonly GeneratedRule[],
  valuePick: (fact: GeneratedFact, pick: number) => GeneratedValue,
): GeneratedScenario {
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
  const given: GeneratedAssignment[] = [];
  const seen = new Set<string>();
  for (const [f, v, form] of s.given) {
    const fact = pick(facts, f);
    if (seen.has(fact.name)) continue;
    seen.add(fact.name);
    const value = valuePick(fact, v);
    const bare = fact.kind === "yes/no" && form % 3 !== 0;
    // A several-valued fact: the values whose bit is set in the pick, or `nothing`.
    const chosen = fact.kind === "set" ? fact.values.filter((_, i) => (v >> i) & 1) : [];
    given.push({
      fact: fact.name,
      ...(fact.kind === "set"
        ? {
            value: { kind: "phrase" as const, text: chosen[0] ?? "nothing" },
            also: chosen.slice(1).map((text) => ({ kind: "phrase" as const, text })),
          }
        : { value }),
      form: bare ? (value.kind === "phrase" && value.text === "yes" ? "bare" : "not") : "is",
    });
  }
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const advice = rules.flatMap((r) => r.advice);
  // Only a rule with an outcome can decide, or apply without deciding.
  const deciding = rules.filter((r) => r.outcome !== undefined);
  const ids = (from: readonly GeneratedRule[], picks: readonly number[], except: string[] = []) =>
    from.length > 0
      ? unique(picks.map((n) => pick(from, n).id)).filter((id) => !except.includes(id))
      : [];
  const byRules = ids(deciding, s.byRules);
  const notByRules = ids(rules, more?.notByRules ?? [], byRules);
  const alsoApplies = ids(deciding, more?.alsoApplies ?? [], byRules);
  const adviceExpected = advice.length > 0 ? unique(s.advice.map((n) => pick(advice, n))) : [];
  let expect: GeneratedExpectation | undefined;
  if (s.undetermined) {
    const needs = unique(s.needs.map((n) => pick(facts, n).name));
    expect = { kind: "undetermined", needs, asking: more?.asking === true && needs.length > 0 };
  } else {
    const named = unique([s.outcome, ...(more?.oneOf ?? [])].map((n) => pick(outcomes, n)));
    const form =
      more?.form === "one of" && named.length < 2 ? "exactly" : (more?.form ?? "exactly");
    const inline = !more?.ownLine;
    expect = {
      kind: "outcome",
      form,
      outcomes: form === "one of" ? named : named.slice(0, 1),
      byRules,
      notByRules: inline ? notByRules : [],
    };
  }
  const ownLine = expect.kind === "outcome" && expect.notByRules.length > 0 ? [] : notByRules;
  // Without a decision line only where the other lines still expect something.
  const others = ownLine.length + alsoApplies.length + adviceExpected.length;
  const decisionLine = more?.decisionLine !== 0 || others === 0;
  return {
    title: `Scenario ${index + 1}: ${s.title}`,
    ...(more?.asOf ? { asOf: more.asOf } : {}),
    given,
    ...(decisionLine ? { expect } : {}),
    notByRules: decisionLine ? ownLine : notByRules,
    alsoApplies,
    advice: adviceExpected,
  };
}

/** A deterministic value for a scenario, from a number. */
function scenarioValue(fact: GeneratedFact, n: number): GeneratedValue {
  switch (fact.kind) {
    case "choice":
    case "set":
      return { kind: "phrase", text: fact.values[n % fact.values.length]! };
    case "yes/no":
      return { kind: "phrase", text: n % 2 === 0 ? "yes" : "no" };
    case "number":
      return { kind: "number", value: n % 120, raw: String(n % 120) };
    case "text":
      return { kind: "text", value: `text ${n % 7}` };
    case "date": {
      const day = (n % 28) + 1;
      const iso = `20${20 + (n % 9)}-0${(n % 9) + 1}-${String(day).padStart(2, "0")}`;
      return { kind: "date", iso, raw: iso };
    }
  }
}

// ---------------------------------------------------------------- policies

const range = (r: { min?: number; max?: number } | undefined, min: number, max: number) => ({
  minLength: r?.min ?? min,
  maxLength: Math.max(r?.min ?? min, r?.max ?? max),
});

export function policyArbitrary(options: PolicyOptions = {}): fc.Arbitrary<GeneratedPolicy> {
  const depth = options.depth ?? 3;
  const vary = options.vary ?? true;
  const constructs = options.constructs ?? true;
  return fc
    .record({
      pool: namePool(48),
      title: sentenceArbitrary,
      version: fc.constantFrom("1.0", "2012.1", "3", "draft 2"),
      sources: fc.uniqueArray(
        fc.record(
          {
            id: fc.constantFrom(...SOURCE_IDS),
            title: sentenceArbitrary,
            publisher: fc.oneof(phraseArbitrary, sentenceArbitrary),
            year: fc.integer({ min: 1990, max: 2030 }),
          },
          { requiredKeys: ["id", "title"] },
        ),
        { minLength: 1, maxLength: 2, selector: (s) => s.id },
      ),
      outcomeCount: fc.integer({ min: 2, max: 5 }),
      meanings: fc.array(sentenceArbitrary, { minLength: 6, maxLength: 6 }),
      factShapes: fc.array(factShapeOf(constructs, options.dates), range(options.facts, 1, 6)),
      termCount: fc.integer({ min: 0, max: 4 }),
      style: styleArbitrary(vary),
    })
    .chain((p) => {
      const pool = [...p.pool];
      const facts = factsFrom(pool, p.factShapes);
      const termNames = pool.splice(0, p.termCount);
      const outcomes = pool
        .splice(0, p.outcomeCount)
        .map((name, i) => ({ name, meaning: p.meanings[i]! }));
      const otherwise = pool.shift()!;
      const sources: GeneratedSource[] = p.sources;
      const scope = (terms: readonly string[]): Scope => ({
        facts,
        terms,
        outcomes: outcomes.map((o) => o.name),
        sources: sources.map((s) => s.id),
      });
      const termArbitraries = termNames.map((name, i) =>
        fc.record(
          {
            name: fc.constant(name),
            condition: conditionArbitrary(scope(termNames.slice(0, i)), 2),
            description: sentenceArbitrary,
          },
          { requiredKeys: ["name", "condition"] },
        ),
      );
      return fc
        .record({
          terms: fc.tuple(...termArbitraries),
          rules: fc.array(
            fc.tuple(fc.nat(3), ruleArbitrary(scope(termNames), depth, options.dates, constructs)),
            range(options.rules, 1, 8),
          ),
          scenarios: fc.array(scenarioShapeOf(constructs), range(options.scenarios, 0, 3)),
          ...(constructs ? { blocks: blocksArbitrary(scope(termNames)) } : {}),
        })
        .map(({ terms, rules: ruleShapes, scenarios: scenarioShapes, blocks }): GeneratedPolicy => {
          const rules = inBlocks(
            ruleShapes.map(([shape, r], i) => ruleFrom(ruleId(i, shape), r)),
            blocks ?? [],
          );
          const outcomeNames = [...outcomes.map((o) => o.name), otherwise];
          const scenarios = scenarioShapes.map((s, i) =>
            scenarioFrom(i, s, facts, outcomeNames, rules, scenarioValue),
          );
          const policy = {
            title: p.title,
            version: p.version,
            sources,
            outcomes,
            otherwise,
            facts,
            terms,
            rules,
            scenarios,
          };
          return { ...policy, text: new Writer(p.style).policy(policy) };
        });
    });
}

/** A baseline and a layer on it (`layer.precept` extends `base.precept`). */
export function layeredPolicyArbitrary(
  options: PolicyOptions = {},
): fc.Arbitrary<GeneratedLayeredPolicy> {
  return layersArbitrary(options).chain(withOwnDefault);
}

/**
 * Sometimes the layer declares its own default (`otherwise X because "…"`, at its end): any
 * outcome of the baseline's scale, its `otherwise` included.
 */
function withOwnDefault(p: GeneratedLayeredPolicy): fc.Arbitrary<GeneratedLayeredPolicy> {
  const scale = [...p.base.outcomes.map((o) => o.name), p.base.otherwise];
  return fc
    .option(fc.tuple(fc.constantFrom(...scale), sentenceArbitrary), { nil: undefined, freq: 3 })
    .map((chosen) => {
      if (!chosen) return p;
      const [outcome, reason] = chosen;
      const text = `${p.layer.text.trimEnd()}\n\notherwise ${outcome} because ${quoteText(reason)}\n`;
      return {
        ...p,
        files: { ...p.files, "layer.precept": text },
        layer: { ...p.layer, text, default: { outcome, reason } },
      };
    });
}

function layersArbitrary(options: PolicyOptions): fc.Arbitrary<GeneratedLayeredPolicy> {
  return policyArbitrary({ ...options, rules: options.rules ?? { min: 3, max: 8 } }).chain(
    (base) => {
      const used = new Set(
        [
          ...base.facts.flatMap((f) => [f.name, ...f.values, ...(f.unit ? [f.unit] : [])]),
          ...base.terms.map((t) => t.name),
          ...base.outcomes.map((o) => o.name),
          base.otherwise,
        ].map(phraseKey),
      );
      const fresh = fc.uniqueArray(phraseArbitrary, {
        minLength: 40,
        maxLength: 40,
        selector: phraseKey,
      });
      const constructs = options.constructs ?? true;
      return fc
        .record({
          pool: fresh,
          title: sentenceArbitrary,
          factShapes: fc.array(factShapeOf(constructs, options.dates), {
            maxLength: 3,
          }),
          termCount: fc.integer({ min: 0, max: 2 }),
          targets: fc.shuffledSubarray(base.rules.map((r) => r.id)),
          /** Baseline rules to amend (those overridden or disabled are left out). */
          amended: fc.subarray(base.rules.map((r) => r.id)),
          split: fc.tuple(fc.nat(), fc.nat()),
          /** Per baseline fact: how many values the layer adds (`fact X: also …`; lists only). */
          extend: fc.array(fc.constantFrom(0, 0, 1, 2), { minLength: 6, maxLength: 6 }),
          style: styleArbitrary(options.vary ?? true),
        })
        .chain((p) => {
          const pool = p.pool.filter((n) => !used.has(phraseKey(n)));
          // Declare only what the fresh names left after removing the baseline's cover.
          let left = pool.length - p.termCount;
          const shapes = p.factShapes.filter((f) => {
            left -= 2 + f.values;
            return left >= 0;
          });
          const facts = factsFrom(pool, shapes);
          const termNames = pool.splice(0, Math.min(p.termCount, pool.length));
          // Values added to the baseline's list facts, from the names left over.
          const extensions = base.facts.flatMap((f, i) => {
            const count = f.kind === "choice" || f.kind === "set" ? (p.extend[i] ?? 0) : 0;
            const values = pool.splice(0, Math.min(count, pool.length));
            return values.length > 0 ? [{ fact: f.name, values }] : [];
          });
          const extended = base.facts.map((f) => {
            const added = extensions.find((e) => e.fact === f.name)?.values ?? [];
            return added.length > 0 ? { ...f, values: [...f.values, ...added] } : f;
          });
          const allFacts = [...extended, ...facts];
          const scope = (terms: readonly string[]): Scope => ({
            facts: allFacts,
            terms: [...base.terms.map((t) => t.name), ...terms],
            outcomes: base.outcomes.map((o) => o.name),
            sources: base.sources.map((s) => s.id),
          });
          // Each baseline rule is touched at most once: overridden, disabled or given an exception.
          const n = p.targets.length;
          const overrideCount = p.split[0] % (n + 1);
          const disableCount = p.split[1] % (n - overrideCount + 1);
          const overrideTargets = p.targets.slice(0, overrideCount);
          const disableTargets = p.targets.slice(overrideCount, overrideCount + disableCount);
          const exceptionTargets = p.targets.slice(overrideCount + disableCount);
          const amendTargets = constructs
            ? p.amended.filter((id) => ![...overrideTargets, ...disableTargets].includes(id))
            : [];
          const termArbitraries = termNames.map((name, i) =>
            fc.record({
              name: fc.constant(name),
              condition: conditionArbitrary(scope(termNames.slice(0, i)), 2),
            }),
          );
          const full = scope(termNames);
          return fc
            .record({
              terms: fc.tuple(...termArbitraries),
              rules: fc.array(ruleArbitrary(full, 2, options.dates, constructs), { maxLength: 3 }),
              overrides: fc.tuple(
                ...overrideTargets.map(() =>
                  fc.tuple(ruleArbitrary(full, 2, options.dates, constructs), sentenceArbitrary),
                ),
              ),
              blocks: constructs
                ? fc.tuple(blocksArbitrary(full), blocksArbitrary(full))
                : fc.constant([[], []] as const),
              amendments: fc.tuple(
                ...amendTargets.map(() =>
                  fc.record(
                    {
                      citations: fc.array(citationArbitrary(full.sources), { maxLength: 1 }),
                      advice: fc.array(sentenceArbitrary, { minLength: 1, maxLength: 2 }),
                      reason: sentenceArbitrary,
                    },
                    { requiredKeys: ["citations", "advice"] },
                  ),
                ),
              ),
              disables: fc.tuple(...disableTargets.map(() => sentenceArbitrary)),
              exceptions: fc.tuple(
                ...exceptionTargets.map(() =>
                  fc.record({
                    title: optionalText,
                    condition: conditionArbitrary(full, 2),
                    withOutcome: fc.boolean(),
                    reason: sentenceArbitrary,
                    advice: fc.array(sentenceArbitrary, { maxLength: 1 }),
                  }),
                ),
              ),
            })
            .map((x): GeneratedLayeredPolicy => {
              const baseRule = new Map(base.rules.map((r) => [r.id, r]));
              const layer: Omit<GeneratedLayer, "text"> = {
                title: p.title,
                extends: "base.precept",
                facts,
                extensions,
                terms: x.terms,
                rules: inBlocks(
                  x.rules.map((r, i) => ruleFrom(ruleId(i, 0, "L"), r)),
                  x.blocks[0],
                ),
                overrides: inBlocks(
                  x.overrides.map(([r, reason], i) => ({
                    ...ruleFrom(overrideTargets[i]!, r),
                    reason,
                  })),
                  x.blocks[1],
                ),
                disables: x.disables.map((reason, i) => ({ target: disableTargets[i]!, reason })),
                amendments: x.amendments.map((a, i) => ({ target: amendTargets[i]!, ...a })),
                exceptions: x.exceptions.map((e, i) => {
                  const target = baseRule.get(exceptionTargets[i]!)!;
                  // Share the outcome of the rule's own exceptions, so that they never conflict.
                  const outcome = target.unless.find((u) => u.outcome)?.outcome ?? target.outcome;
                  return {
                    target: target.id,
                    ...(e.title !== undefined ? { title: e.title } : {}),
                    condition: e.condition,
                    ...(e.withOutcome && outcome ? { outcome } : {}),
                    reason: e.reason,
                    advice: e.advice,
                  };
                }),
              };
              const text = new Writer(p.style).layer(layer);
              return {
                files: { "base.precept": base.text, "layer.precept": text },
                entry: "layer.precept",
                base,
                layer: { ...layer, text },
              };
            });
        });
    },
  );
}

/** Valid policies, then broken a little. */
export function mutatedPolicyArbitrary(options: PolicyOptions = {}): fc.Arbitrary<string> {
  return policyArbitrary(options).chain((p) => mutationsOf(p.text));
}
