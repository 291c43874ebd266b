/**
 * Analysis from what a compiled bundle carries (docs/bundle-format.md), for `precept diff` of
 * bundles: each entry becomes a rule of its own whose condition is the entry's "applies when"
 * (exceptions are already folded in), facts and outcomes are the bundle's. Only for a bundle that
 * `checkBundle` accepted (shape, limits, hash): it is hostile input until then.
 *
 * Tests of the decision date itself (`in force` is compiled to `@decision date >= 2024-09-01`)
 * are settled as of the decision date; a comparison of a date fact with a decision-date fact
 * (`@decision date - 2 years`) becomes the language's comparison with the decision date.
 */
import {
  type ConditionModel,
  type DecisionDate,
  evaluate,
  type FactModel,
  type FactTypeModel,
  type LooseningModel,
  type Origin,
  type PolicyModel,
  type Range,
  type RuleModel,
} from "@precept/language";
import { addToDate, type Bundle, type BundleFact, type Condition } from "@precept/runtime";

const START: Range = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

const TRUE: ConditionModel = { kind: "all", conditions: [] };
const FALSE: ConditionModel = { kind: "any", conditions: [] };

function typeOf(f: BundleFact): FactTypeModel {
  switch (f.type) {
    case "choice":
    case "set":
      return { kind: f.type, values: f.values };
    case "number":
      return f.unit !== undefined ? { kind: "number", unit: f.unit } : { kind: "number" };
    default:
      return { kind: f.type };
  }
}

/**
 * The policy a checked bundle carries, as analysis sees it, as of the decision date `asOf`: one
 * rule per entry that is a candidate (rules and exceptions with an outcome; advice-only entries
 * never change a decision). `uri` names the bundle in findings.
 */
export function policyOfBundle(bundle: Bundle, uri: string, asOf: string): PolicyModel {
  const layer = bundle.layers.at(-1)?.title ?? bundle.policy.title;
  const origin = (from: string): Origin => ({ uri, range: START, layer: from });
  const dates = new Map((bundle.dates ?? []).map((d) => [d.name, d]));
  const shift = (fact: string): DecisionDate | undefined => {
    const d = dates.get(fact);
    return d && { kind: "decision date", amount: d.amount, unit: d.unit };
  };
  const condition = (c: Condition): ConditionModel => {
    if ("all" in c) return { kind: "all", conditions: c.all.map(condition) };
    if ("any" in c) return { kind: "any", conditions: c.any.map(condition) };
    if ("not" in c) return { kind: "not", condition: condition(c.not) };
    const v = c.value;
    const value = typeof v === "object" && "fact" in v ? shift(v.fact) : v;
    if (value === undefined) return FALSE; // A reference checkBundle would have refused.
    const test: ConditionModel = { kind: "test", fact: c.fact, operator: c.operator, value };
    const own = shift(c.fact);
    if (!own) return test;
    // A test of the decision date itself: true or false as of `asOf`.
    const day = addToDate(asOf, own.amount, own.unit);
    return evaluate(test, { [c.fact]: day }, asOf) ? TRUE : FALSE;
  };
  const facts: FactModel[] = bundle.facts.map((f) => ({
    name: f.name,
    label: f.label,
    type: typeOf(f),
    origin: origin(layer),
  }));
  const rules: RuleModel[] = bundle.rules
    .filter((r) => r.event.params.kind !== "advice")
    .map((r) => ({
      id: r.name,
      ...(r.event.params.title !== null ? { title: r.event.params.title } : {}),
      citations: [],
      condition: condition(r.conditions),
      outcome: r.event.type,
      advice: [],
      exceptions: [],
      ...(r.event.params.inForce ? { inForce: r.event.params.inForce } : {}),
      origin: origin(r.event.params.layer),
    }));
  // The strength-0 outcome is the outcomes list's `otherwise`; a layer may decide another one
  // when no rule applies (`defaultSetBy`).
  const weakest = bundle.outcomes.find((o) => o.strength === 0);
  const named = bundle.outcomes.filter((o) => o.strength > 0);
  const noRule = bundle.outcomes.find((o) => o.name === bundle.defaultOutcome);
  return {
    title: bundle.policy.title,
    ...(bundle.policy.version !== undefined ? { version: bundle.policy.version } : {}),
    uri,
    layers: bundle.layers.map((l) => ({
      title: l.title,
      uri,
      ...(l.version !== undefined ? { version: l.version } : {}),
    })),
    sources: bundle.sources,
    outcomes: named.map((o) => ({ name: o.name, label: o.label, strength: o.strength })),
    defaultOutcome: {
      name: weakest?.name ?? bundle.defaultOutcome,
      label: weakest?.label ?? "",
      strength: 0,
    },
    ...(bundle.defaultSetBy && noRule
      ? {
          layerDefault: {
            outcome: { name: noRule.name, label: noRule.label, strength: noRule.strength },
            ...(bundle.defaultSetBy.reason !== undefined
              ? { reason: bundle.defaultSetBy.reason }
              : {}),
            origin: origin(bundle.defaultSetBy.layer),
          },
        }
      : {}),
    facts,
    terms: [],
    rules,
    loosenings: bundle.loosenings.map(
      (l): LooseningModel =>
        l.kind === "default"
          ? {
              kind: l.kind,
              outcome: l.outcome,
              replaces: l.replaces,
              reason: l.reason,
              origin: origin(l.layer),
            }
          : { kind: l.kind, rule: l.rule, reason: l.reason, origin: origin(l.layer) },
    ),
    constraints: (bundle.constraints ?? []).map((c) => ({
      title: c.title,
      condition: condition(c.conditions),
      origin: origin(layer),
    })),
    scenarios: [],
  };
}
