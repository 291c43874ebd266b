/**
 * `compile(policy)`: the checked effective policy → a self-contained bundle (docs/bundle-format.md).
 * Rules become plain json-rules-engine rules: terms inlined, exceptions compiled into `not`
 * conditions, each exception with an outcome into a rule of its own, and the outcome's strength in
 * the event so that "take the strongest event" reproduces the decision (docs/semantics.md).
 */
import type {
  ConditionModel,
  ExceptionModel,
  FactModel,
  PolicyModel,
  RuleModel,
  ScenarioExpectation,
} from "@precept/language";
import {
  BUNDLE_FORMAT,
  type Bundle,
  type BundleFact,
  type BundleLoosening,
  type BundleOutcome,
  type BundleRule,
  type BundleScenario,
  type EntryKind,
  type EventParams,
  RESERVED_OUTCOMES,
  UNDETERMINED,
  UNSAFE_NAMES,
} from "@precept/runtime";
import { allOf, ConditionCompiler, type Folded, notOf, withName } from "./conditions.js";
import { bundleHash } from "./hash.js";

/**
 * The policy cannot be compiled. `analyze` never produces such a model when its checker is
 * complete; this guards hand-built models and checker gaps instead of emitting an unsafe bundle.
 */
export class CompileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The policy cannot be compiled:\n- ${problems.join("\n- ")}`);
    this.name = "CompileError";
  }
}

export function compile(policy: PolicyModel): Bundle {
  const problems = checkNames(policy);
  if (problems.length > 0) throw new CompileError(problems);

  // What is decided when no rule applies: advice entries carry it, so that the strongest event
  // (or none) gives the decision in plain json-rules-engine too.
  const noRule = policy.layerDefault?.outcome ?? policy.defaultOutcome;
  const strength = new Map<string, number>();
  for (const o of policy.outcomes) strength.set(o.name, o.strength);
  strength.set(policy.defaultOutcome.name, 0);
  const conditions = new ConditionCompiler(policy.facts);
  const rules: BundleRule[] = [];
  const names = new Set<string>();

  const entry = (
    name: string,
    folded: Folded,
    outcome: string,
    params: Omit<EventParams, "strength">,
  ): void => {
    const shaped = conditions.root(folded);
    const root = shaped && conditions.prioritise(shaped);
    if (!root) problems.push(`Rule ${name} is always true or false, but the policy has no facts.`);
    if (names.has(name)) problems.push(`Two rules or exceptions are both named '${name}'.`);
    names.add(name);
    // An advice entry carries the default outcome but never competes: strength 0.
    const s = params.kind === "advice" ? 0 : strength.get(outcome);
    if (s === undefined) problems.push(`Rule ${name} concludes '${outcome}', which is no outcome.`);
    const { rule, exception, kind, title, ...rest } = params;
    const full: EventParams = { rule, exception, kind, title, strength: s ?? 0, ...rest };
    if (root) rules.push({ name, conditions: root, event: { type: outcome, params: full } });
  };

  for (const rule of policy.rules) {
    // Outside its dates a rule is not part of the policy: its exceptions go with it.
    const own = allOf([conditions.compile(rule.condition), conditions.inForce(rule.inForce)]);
    const exceptions = rule.exceptions.map((e) => ({
      e,
      folded: named(
        allOf([conditions.compile(e.condition), conditions.inForce(e.inForce)]),
        `exception:${e.id}`,
      ),
    }));
    // An advice-only rule (no outcome) is an advice entry: strength 0, never a candidate.
    entry(
      rule.version ?? rule.id,
      allOf([own, ...exceptions.map((x) => notOf(x.folded))]),
      rule.outcome ?? noRule.name,
      ruleParams(rule),
    );
    for (const { e, folded } of exceptions) {
      const kind: EntryKind | undefined =
        e.outcome !== undefined ? "exception" : e.advice.length > 0 ? "advice" : undefined;
      if (!kind) continue;
      entry(e.id, allOf([own, folded]), e.outcome ?? noRule.name, exceptionParams(e, kind));
    }
  }
  if (problems.length > 0) throw new CompileError(problems);

  const outcomes: BundleOutcome[] = policy.outcomes.map((o) => ({
    name: o.name,
    label: o.label,
    ...(o.meaning !== undefined ? { meaning: o.meaning } : {}),
    strength: o.strength,
  }));
  if (!policy.outcomes.some((o) => o.name === policy.defaultOutcome.name)) {
    const d = policy.defaultOutcome;
    outcomes.push({
      name: d.name,
      label: d.label,
      ...(d.meaning !== undefined ? { meaning: d.meaning } : {}),
      strength: 0,
    });
  }

  const content = {
    format: BUNDLE_FORMAT as typeof BUNDLE_FORMAT,
    policy: { title: policy.title, ...opt("version", policy.version) },
    layers: policy.layers.map((l) => ({ title: l.title, ...opt("version", l.version) })),
    sources: policy.sources.map((s) => ({
      id: s.id,
      title: s.title,
      ...opt("publisher", s.publisher),
      ...opt("year", s.year),
    })),
    facts: policy.facts.map(fact),
    outcomes,
    defaultOutcome: noRule.name,
    ...(policy.layerDefault
      ? {
          defaultSetBy: {
            layer: policy.layerDefault.origin.layer,
            ...opt("reason", policy.layerDefault.reason),
          },
        }
      : {}),
    terms: policy.terms.map((t) => ({
      name: t.name,
      label: t.label,
      ...opt("description", t.description),
    })),
    rules,
    // Only when there are some: a bundle without constraints keeps the shape (and hash) it had.
    ...(policy.constraints.length > 0
      ? {
          constraints: policy.constraints.flatMap((c) => {
            const root = conditions.root(conditions.compile(c.condition));
            return root ? [{ title: c.title, conditions: root }] : [];
          }),
        }
      : {}),
    loosenings: policy.loosenings.map(
      (l): BundleLoosening =>
        l.kind === "default"
          ? {
              kind: l.kind,
              outcome: l.outcome,
              replaces: l.replaces,
              reason: l.reason,
              layer: l.origin.layer,
            }
          : {
              kind: l.kind,
              rule: l.rule,
              reason: l.reason,
              layer: l.origin.layer,
              ...opt("effect", l.effect),
            },
    ),
    scenarios: policy.scenarios.map(
      (s): BundleScenario => ({
        title: s.title,
        given: Object.fromEntries(
          Object.entries(s.given).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
        ),
        ...opt("asOf", s.asOf),
        expect: expectation(s.expect),
      }),
    ),
    ...(conditions.dates.size > 0 ? { dates: [...conditions.dates.values()] } : {}),
  };
  const hash = bundleHash(content);
  const { format, policy: title, ...rest } = content;
  return { format, policy: title, hash, ...rest };
}

function named(f: Folded, name: string): Folded {
  return typeof f === "boolean" ? f : withName(f, name);
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function ruleParams(rule: RuleModel): Omit<EventParams, "strength"> {
  return {
    rule: rule.id,
    exception: null,
    kind: rule.outcome === undefined ? "advice" : "rule",
    title: rule.title ?? null,
    citations: rule.citations.map((c) => ({
      source: c.source,
      ...opt("section", c.section),
      ...opt("quote", c.quote),
    })),
    reason: rule.reason ?? null,
    advice: [...rule.advice],
    layer: rule.origin.layer,
    ...opt("inForce", rule.inForce && { ...rule.inForce }),
  };
}

function exceptionParams(e: ExceptionModel, kind: EntryKind): Omit<EventParams, "strength"> {
  return {
    rule: e.rule,
    exception: e.id,
    kind,
    title: e.title ?? null,
    citations: [],
    reason: e.reason ?? null,
    advice: [...e.advice],
    layer: e.origin.layer,
    ...opt("inForce", e.inForce && { ...e.inForce }),
  };
}

function fact(f: FactModel): BundleFact {
  const common = {
    name: f.name,
    label: f.label,
    ...opt("question", f.question),
    ...opt("description", f.description),
    ...opt(
      "presumed",
      f.presumed && {
        value: Array.isArray(f.presumed.value) ? [...f.presumed.value] : f.presumed.value,
        ...opt("text", f.presumed.text),
      },
    ),
  };
  switch (f.type.kind) {
    case "choice":
    case "set":
      return { ...common, type: f.type.kind, values: [...f.type.values] };
    case "number":
      return { ...common, type: "number", ...opt("unit", f.type.unit) };
    default:
      return { ...common, type: f.type.kind };
  }
}

/** Names that would be unsafe in JavaScript objects or special to json-rules-engine. */
function checkNames(policy: PolicyModel): string[] {
  const problems: string[] = [];
  const unsafe = (name: string, what: string): void => {
    if (UNSAFE_NAMES.has(name)) problems.push(`'${name}' cannot be ${what}: it is reserved.`);
  };
  const facts = new Set(policy.facts.map((f) => f.name));
  for (const f of policy.facts) {
    unsafe(f.name, "a fact name");
    if (f.type.kind === "choice" || f.type.kind === "set")
      for (const v of f.type.values) unsafe(v, "a value");
  }
  for (const t of policy.terms) unsafe(t.name, "a term name");
  for (const s of policy.sources) unsafe(s.id, "a source id");
  for (const o of [...policy.outcomes, policy.defaultOutcome]) {
    unsafe(o.name, "an outcome");
    if (RESERVED_OUTCOMES.has(o.name)) {
      problems.push(`'${o.name}' cannot be an outcome: json-rules-engine or Precept reserve it.`);
    }
  }
  const factsOf = (c: ConditionModel, where: string): void => {
    if (c.kind === "test") {
      if (!facts.has(c.fact)) problems.push(`${where} tests '${c.fact}', which is no fact.`);
    } else if (c.kind === "all" || c.kind === "any") {
      for (const x of c.conditions) factsOf(x, where);
    } else factsOf(c.condition, where);
  };
  for (const r of policy.rules) {
    unsafe(r.id, "a rule id");
    factsOf(r.condition, `Rule ${r.id}`);
    for (const e of r.exceptions) {
      unsafe(e.id, "an exception id");
      factsOf(e.condition, `Exception ${e.id}`);
    }
  }
  for (const s of policy.scenarios) for (const k of Object.keys(s.given)) unsafe(k, "a fact name");
  return problems;
}

/** A scenario's expectation as the bundle carries it: only the parts the scenario gives. */
function expectation(e: ScenarioExpectation): BundleScenario["expect"] {
  const copy = (list: readonly string[] | undefined) => list && [...list];
  return {
    ...opt("outcome", e.undetermined ? UNDETERMINED : e.outcome),
    ...opt("atLeast", e.atLeast),
    ...opt("oneOf", copy(e.oneOf)),
    ...opt("byRules", copy(e.byRules)),
    ...opt("notByRules", copy(e.notByRules)),
    ...opt("needs", copy(e.needs)),
    ...opt("asking", copy(e.asking)),
    ...opt("alsoApplies", copy(e.alsoApplies)),
    advice: [...e.advice],
  };
}
