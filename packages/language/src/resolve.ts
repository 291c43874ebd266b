/**
 * Builds the effective `PolicyModel` from checked documents (baseline first). Called only when
 * checking found no errors, so every name resolves and every value has the right type.
 */
import type * as A from "./ast.js";
import { declarationsOf } from "./ast.js";
import type { DocumentCheck } from "./check.js";
import { dateUnit } from "./dates.js";
import { chronological, datedBy, overlaps } from "./layer-dates.js";
import { effectiveDefault } from "./layer-default.js";
import type * as M from "./model.js";
import { overrideEffect, type RuleEntries } from "./override-effect.js";
import { type OutcomeSymbol, ruleIdentity, type Scope } from "./symbols.js";
import { givenValue, typedValue } from "./values.js";

export interface CheckedDocument {
  readonly document: A.PolicyDocument;
  readonly check: DocumentCheck;
  readonly layer: string;
  /** The baselines it extends (already among the documents before it), in the order written. */
  readonly baselines?: readonly M.BaselineModel[];
  /** What its baselines gave it (merged, for several); the document before it when absent. */
  readonly base?: Scope;
}

const OPERATORS: Record<A.ComparisonOperator, M.TestOperator> = {
  is: "equal",
  "is not": "notEqual",
  "<": "lessThan",
  "<=": "lessThanInclusive",
  ">": "greaterThan",
  ">=": "greaterThanInclusive",
};

const DATE_OPERATORS: Record<Exclude<A.DateOperator, "within">, M.TestOperator> = {
  before: "lessThan",
  after: "greaterThan",
  "on or before": "lessThanInclusive",
  "on or after": "greaterThanInclusive",
};

const TODAY: M.DecisionDate = { kind: "decision date", amount: 0, unit: "day" };

/** `2 years ago` → -2 years; `30 days from today` → +30 days; any zero amount is today. */
function decisionDate(r: A.RelativeDate): M.DecisionDate {
  const n = r.amount.value;
  if (n === 0) return TODAY;
  return {
    kind: "decision date",
    amount: r.direction === "ago" ? -n : n,
    unit: dateUnit(r.unit.text)!,
  };
}

function dateOperand(o: A.DateOperand): string | M.DecisionDate {
  if (o.kind === "Relative") return decisionDate(o);
  return o.kind === "Date" ? o.iso! : TODAY;
}

function inForce(f: A.InForce | undefined): { inForce?: M.InForceModel } {
  if (!f) return {};
  const from = f.from?.kind === "Date" ? f.from.iso : undefined;
  const until = f.until?.kind === "Date" ? f.until.iso : undefined;
  return { inForce: { ...(from ? { from } : {}), ...(until ? { until } : {}) } };
}

class Resolver {
  private readonly termCache = new Map<string, M.ConditionModel>();
  constructor(private readonly scope: Scope) {}

  condition(c: A.Condition): M.ConditionModel {
    switch (c.kind) {
      case "And":
        return { kind: "all", conditions: c.operands.map((o) => this.condition(o)) };
      case "Or":
        return { kind: "any", conditions: c.operands.map((o) => this.condition(o)) };
      case "Not":
        return { kind: "not", condition: this.condition(c.operand) };
      case "Group":
        return this.condition(c.inner);
      case "Reference": {
        if (this.scope.terms.has(c.name.key)) {
          return { kind: "term", term: c.name.key, condition: this.term(c.name.key) };
        }
        return { kind: "test", fact: c.name.key, operator: "equal", value: true };
      }
      case "Comparison": {
        const type = this.scope.facts.get(c.subject.key)!.node.type!;
        return {
          kind: "test",
          fact: c.subject.key,
          operator: OPERATORS[c.operator],
          value:
            type.kind === "date" && c.value.kind === "Phrase" ? TODAY : typedValue(type, c.value),
        };
      }
      case "DateComparison": {
        const test = (operator: M.TestOperator, value: string | M.DecisionDate) =>
          ({ kind: "test", fact: c.subject.key, operator, value }) as const;
        let tested: M.ConditionModel;
        if (c.operator === "within") {
          const since = decisionDate(c.operand as A.RelativeDate);
          tested = {
            kind: "all",
            conditions: [test("greaterThanInclusive", since), test("lessThanInclusive", TODAY)],
          };
        } else tested = test(DATE_OPERATORS[c.operator], dateOperand(c.operand));
        return c.negated ? { kind: "not", condition: tested } : tested;
      }
      case "Membership": {
        const type = this.scope.facts.get(c.subject.key)!.node.type!;
        return {
          kind: "test",
          fact: c.subject.key,
          operator: c.negated ? "notIn" : "in",
          value: c.values.map((v) => typedValue(type, v)),
        };
      }
      case "Includes": {
        const tests = c.values.map(
          (v): M.ConditionModel => ({
            kind: "test",
            fact: c.subject.key,
            operator: c.quantifier === "none" ? "doesNotContain" : "contains",
            value: v.kind === "Phrase" ? v.name.key : "",
          }),
        );
        if (tests.length === 1) return tests[0]!;
        return { kind: c.quantifier === "any" ? "any" : "all", conditions: tests };
      }
    }
  }

  term(key: string): M.ConditionModel {
    const cached = this.termCache.get(key);
    if (cached) return cached;
    const resolved = this.condition(this.scope.terms.get(key)!.node.condition!);
    this.termCache.set(key, resolved);
    return resolved;
  }

  given(factKey: string, a: A.Assignment): M.FactValue {
    return givenValue(this.scope.facts.get(factKey)!.node.type!, a.value, a.also);
  }
}

function factType(type: A.FactType): M.FactTypeModel {
  switch (type.kind) {
    case "choice":
    case "set":
      return { kind: type.kind, values: type.values.map((v) => v.key) };
    case "also": // never in scope: declaring merges it into the baseline's list
      return { kind: "choice", values: type.values.map((v) => v.key) };
    case "number":
      return type.unit ? { kind: "number", unit: type.unit.text } : { kind: "number" };
    case "date":
      return { kind: "date" };
    default:
      return { kind: type.kind };
  }
}

const origin = (uri: string, range: A.Node["range"], layer: string): M.Origin => ({
  uri,
  range,
  layer,
});

/**
 * The effective policy of the last document, layered on the ones before it: every file it
 * reaches, each once, baselines before the layers that extend them (docs/semantics.md §8.1).
 */
export function buildModel(chain: readonly CheckedDocument[]): M.PolicyModel {
  const top = chain.at(-1)!;
  const scope = top.check.scope;
  const resolver = new Resolver(scope);
  // Rules are tracked by identity; each is named by its id in the top policy (qualified where
  // two baselines' ids clash), or as declared when it does not reach the top.
  const idOf = new Map<string, string>();
  for (const [key, rule] of scope.rules) idOf.set(ruleIdentity(rule), key);

  const facts: M.FactModel[] = [...scope.facts.values()].map((f) => ({
    name: f.key,
    label: f.label,
    type: factType(f.node.type!),
    ...(f.node.question ? { question: f.node.question.value } : {}),
    ...(f.node.description ? { description: f.node.description.value } : {}),
    ...(f.node.presumption
      ? {
          presumed: {
            value: givenValue(f.node.type!, f.node.presumption.value, f.node.presumption.also),
            ...(f.node.presumption.text ? { text: f.node.presumption.text.value } : {}),
          },
        }
      : {}),
    origin: origin(f.uri, f.range, f.layer),
  }));
  const terms: M.TermModel[] = [...scope.terms.values()].map((t) => ({
    name: t.key,
    label: t.label,
    ...(t.node.description ? { description: t.node.description.value } : {}),
    condition: resolver.term(t.key),
    origin: origin(t.uri, t.range, t.layer),
  }));
  const outcomes: M.OutcomeModel[] = [...scope.outcomes.values()].map((o) => ({
    name: o.key,
    label: o.label,
    ...(o.node.meaning ? { meaning: o.node.meaning.value } : {}),
    strength: o.strength,
  }));
  const d = scope.defaultOutcome;
  const defaultOutcome: M.OutcomeModel = d
    ? {
        name: d.key,
        label: d.label,
        ...(d.node.meaning ? { meaning: d.node.meaning.value } : {}),
        strength: 0,
      }
    : { name: "no guidance", label: "no guidance", strength: 0 };
  const outcomeModel = (o: OutcomeSymbol): M.OutcomeModel =>
    o.isDefault
      ? defaultOutcome
      : {
          name: o.key,
          label: o.label,
          ...(o.node.meaning ? { meaning: o.node.meaning.value } : {}),
          strength: o.strength,
        };
  const own = scope.layerDefault;
  const layerDefault: M.LayerDefaultModel | undefined = own && {
    outcome: outcomeModel(own.outcome),
    ...(own.reason ? { reason: own.reason } : {}),
    origin: origin(own.uri, own.range, own.layer),
  };
  const sources: M.SourceModel[] = [...scope.sources.values()].map((s) => ({
    id: s.key,
    title: s.node.title?.value ?? s.label,
    ...(s.node.publisher
      ? { publisher: "text" in s.node.publisher ? s.node.publisher.text : s.node.publisher.value }
      : {}),
    ...(s.node.year && Number.isFinite(s.node.year.value) ? { year: s.node.year.value } : {}),
  }));

  // Rules in source order, baseline first; overrides replace in place, disables remove. A rule
  // declared again in the same file with `in force` dates is a version of it: each version keeps
  // the rule's place and id, and is named `<id>@<from>` (the earliest, `<id>@to-<until>`) in the bundle.
  const rules = new Map<string, { rule: M.RuleModel; exceptions: M.ExceptionModel[] }[]>();
  const loosenings: (M.LooseningModel | undefined)[] = [];
  const strengthOf = (o: string) => outcomes.find((x) => x.name === o)?.strength ?? 0;
  for (const [i, { document, check, layer, base }] of chain.entries()) {
    const uri = document.uri;
    const mine = check.scope.layerDefault;
    const below = base ?? (i > 0 ? chain[i - 1]!.check.scope : undefined);
    const before = below && effectiveDefault(below);
    // A layer's default weaker than its baseline's decides less strictly wherever no rule applies.
    if (mine && before && mine.uri === uri && mine.outcome.strength < before.strength)
      loosenings.push({
        kind: "default",
        outcome: mine.outcome.key,
        replaces: before.key,
        reason: mine.reason ?? "",
        origin: origin(mine.uri, mine.range, mine.layer),
      });
    // A dated layer: its changes hold on its days only, the baseline's rules on the others.
    const period = inForce(document.header?.inForce).inForce;
    const dated = datedBy(period);
    // The rule a rule id written here names, by identity, and its id in the policy.
    const target = (id: A.RuleId | undefined) => {
      const rule = id && check.ruleTargets.get(id);
      return rule && { identity: ruleIdentity(rule), id: idOf.get(ruleIdentity(rule)) ?? rule.key };
    };
    // Overrides of this layer: what they replaced, judged once the layer's exceptions are attached.
    const replaced: { identity: string; old: RuleEntries[]; now?: RuleEntries; at: number }[] = [];
    for (const decl of document.declarations) {
      if (decl.kind === "Rule" && decl.id) {
        const identity = `${uri}\u0000${decl.id.text}`;
        const id = idOf.get(identity) ?? decl.id.text;
        const made = dated.entry(body(id, decl, resolver, origin(uri, decl.range, layer)));
        if (!made) continue;
        // Weaker than the baseline's default: where no other rule applies, it loosens it.
        const outcomes = [decl.outcome, ...decl.exceptions.map((u) => u.outcome)];
        if (
          before &&
          outcomes.some((o) => o && strengthOf(o.key) < before.strength) &&
          !loosenings.some((l) => l?.kind === "rule" && l.rule === id)
        )
          loosenings.push({
            kind: "rule",
            rule: id,
            reason: decl.reason?.value ?? "",
            origin: origin(uri, decl.range, layer),
          });
        const versions = rules.get(identity);
        if (versions && versions[0]!.rule.origin.uri === uri) versions.push(made);
        else rules.set(identity, [made]);
      } else if (decl.kind === "Override") {
        const t = target(decl.target);
        if (!t) continue;
        const reason = decl.reason?.value ?? "";
        const replacement = dated.entry(
          body(t.id, decl, resolver, origin(uri, decl.range, layer), { layer, reason }),
        );
        const old = rules.get(t.identity) ?? [];
        replaced.push({
          identity: t.identity,
          old: old.map((v) => ({ ...v, exceptions: [...v.exceptions] })),
          ...(replacement ? { now: replacement } : {}),
          at: loosenings.length,
        });
        const kept = dated.outside(old);
        const next = replacement ? chronological([...kept, replacement]) : kept;
        if (next.length > 0) rules.set(t.identity, next);
        else rules.delete(t.identity);
        loosenings.push({
          kind: "override",
          rule: t.id,
          reason,
          origin: origin(uri, decl.range, layer),
        });
      }
    }
    for (const disable of declarationsOf(document, "Disable")) {
      const t = target(disable.target);
      const rule = disable.target && check.ruleTargets.get(disable.target);
      if (!t || !rule || !check.disabled.has(rule.key)) continue;
      const kept = dated.outside(rules.get(t.identity) ?? []);
      if (kept.length > 0) rules.set(t.identity, kept);
      else rules.delete(t.identity);
      loosenings.push({
        kind: "disable",
        rule: t.id,
        reason: disable.reason?.value ?? "",
        origin: origin(uri, disable.range, layer),
      });
    }
    for (const e of declarationsOf(document, "Exception")) {
      const t = target(e.target);
      const versions = t && rules.get(t.identity);
      if (!versions || !e.condition) continue;
      const when = dated.clip(inForce(e.inForce).inForce);
      if (when === null) continue;
      for (const entry of versions) {
        if (period && !overlaps(entry.rule.inForce, when)) continue;
        entry.exceptions.push({
          id: `${entry.rule.id}#${entry.exceptions.length + 1}`,
          rule: entry.rule.id,
          ...(e.title ? { title: e.title.value } : {}),
          condition: resolver.condition(e.condition),
          ...(e.outcome ? { outcome: e.outcome.key } : {}),
          ...(e.reason ? { reason: e.reason.value } : {}),
          advice: e.advice.map((a) => a.value),
          inline: false,
          ...(when ? { inForce: when } : {}),
          origin: origin(uri, e.range, layer),
        });
      }
      if (versions[0]!.rule.origin.uri !== uri) {
        loosenings.push({
          kind: "exception",
          rule: versions[0]!.rule.id,
          reason: e.reason?.value ?? "",
          origin: origin(uri, e.range, layer),
        });
      }
    }
    // An override is a loosening only when it can make some decision weaker.
    for (const r of replaced) {
      const now = r.now ?? (period ? undefined : rules.get(r.identity)?.[0]);
      const effect = now
        ? overrideEffect(r.old, now, strengthOf, layerDefault?.outcome.strength ?? 0)
        : "both";
      const l = loosenings[r.at] as M.RuleLoosening;
      loosenings[r.at] = effect === "weaker" || effect === "both" ? { ...l, effect } : undefined;
    }
    // `amend rule X`: citations, advice and a reason added to every version of X.
    for (const a of declarationsOf(document, "Amend")) {
      const t = target(a.target);
      const versions = t && rules.get(t.identity);
      if (!versions) continue;
      if (period) {
        rules.set(
          t.identity,
          dated.amend(versions, (r) => amended(r, a)),
        );
        continue;
      }
      for (const v of versions) v.rule = amended(v.rule, a);
    }
  }

  const constraints: M.ConstraintModel[] = chain.flatMap(({ document, layer }) =>
    declarationsOf(document, "Constraint")
      .filter((c) => c.condition)
      .map((c) => {
        const condition = resolver.condition(c.condition!);
        return {
          title: c.title?.value ?? "",
          condition: c.consequence
            ? {
                kind: "any" as const,
                conditions: [
                  { kind: "not" as const, condition },
                  resolver.condition(c.consequence),
                ],
              }
            : condition,
          origin: origin(document.uri, c.range, layer),
        };
      }),
  );

  const scenarios: M.ScenarioModel[] = declarationsOf(top.document, "Scenario").map((s) => {
    const given: Record<string, M.FactValue> = {};
    for (const a of s.given) given[a.fact.key] = resolver.given(a.fact.key, a);
    const e = s.expect;
    // A rule named in a scenario by its qualified id (`bps.3.1`) goes by its id in the policy.
    const ids = (list: readonly A.RuleId[]) =>
      list.map((r) => {
        const rule = top.check.ruleTargets.get(r);
        return rule ? (idOf.get(ruleIdentity(rule)) ?? r.text) : r.text;
      });
    const notBy = [...ids(e?.notByRules ?? []), ...ids(s.notByRules)];
    const needs = e?.undetermined ? e.needs.map((n) => n.key) : [];
    return {
      title: s.title?.value ?? "",
      given,
      ...(s.asOf?.kind === "Date" && s.asOf.iso ? { asOf: s.asOf.iso } : {}),
      expect: {
        ...(e?.outcome ? { outcome: e.outcome.key } : {}),
        ...(e?.atLeast ? { atLeast: e.atLeast.key } : {}),
        ...(e && e.oneOf.length > 0 ? { oneOf: e.oneOf.map((o) => o.key) } : {}),
        undetermined: e?.undetermined ?? false,
        ...(e && e.byRules.length > 0 ? { byRules: ids(e.byRules) } : {}),
        ...(notBy.length > 0 ? { notByRules: notBy } : {}),
        ...(needs.length > 0 ? (e?.asking ? { asking: needs } : { needs }) : {}),
        ...(s.alsoApplies.length > 0 ? { alsoApplies: ids(s.alsoApplies) } : {}),
        advice: s.advice.map((a) => a.value),
      },
      origin: origin(top.document.uri, s.range, top.layer),
    };
  });

  return {
    title: top.document.header?.title?.value ?? top.layer,
    ...(top.document.header?.version ? { version: top.document.header.version.value } : {}),
    uri: top.document.uri,
    layers: chain.map(({ document, layer, baselines }, i) => {
      const named = baselines ?? (i > 0 ? [{ uri: chain[i - 1]!.document.uri }] : []);
      return {
        title: layer,
        ...(document.header?.version ? { version: document.header.version.value } : {}),
        uri: document.uri,
        ...(named.length > 0 ? { extends: named[0]!.uri } : {}),
        ...(named.length > 1 ? { baselines: named } : {}),
        ...inForce(document.header?.inForce),
      };
    }),
    sources,
    outcomes,
    defaultOutcome,
    ...(layerDefault ? { layerDefault } : {}),
    facts,
    terms,
    rules: [...rules.values()].flatMap((versions) =>
      versions.map(({ rule, exceptions }) => {
        if (versions.length === 1) return { ...rule, exceptions };
        // Versions are told apart in the bundle by when they come into force.
        const since = rule.inForce?.from;
        const version = `${rule.id}@${since ?? `to-${rule.inForce?.until}`}`;
        const renamed = exceptions.map((e) => ({ ...e, id: e.id.replace(rule.id, version) }));
        return { ...rule, version, exceptions: renamed };
      }),
    ),
    loosenings: loosenings.filter((l): l is M.LooseningModel => l !== undefined),
    constraints,
    scenarios,
  };
}

/** A rule with an amendment's citations, advice and reason added after its own. */
function amended(rule: M.RuleModel, a: A.AmendDeclaration): M.RuleModel {
  const reason = a.reason?.value;
  return {
    ...rule,
    citations: [...rule.citations, ...citationsOf(a)],
    advice: [...rule.advice, ...a.advice.map((x) => x.value)],
    // Reasons are sentences or clauses: joined so that both still read.
    ...(reason
      ? {
          reason: rule.reason
            ? `${rule.reason}${/[.!?;]$/.test(rule.reason) ? "" : ";"} ${reason}`
            : reason,
        }
      : {}),
  };
}

function citationsOf(d: A.RuleBody): M.CitationModel[] {
  return d.citations
    .filter((c) => c.source)
    .map((c) => ({
      source: c.source!.key,
      ...(c.section ? { section: c.section.text } : {}),
      ...(c.quote ? { quote: c.quote.value } : {}),
    }));
}

function body(
  id: string,
  d: A.RuleBody & A.Node,
  resolver: Resolver,
  where: M.Origin,
  overrides?: { layer: string; reason: string },
): { rule: M.RuleModel; exceptions: M.ExceptionModel[] } {
  const exceptions: M.ExceptionModel[] = d.exceptions
    .filter((u) => u.condition)
    .map((u, i) => ({
      id: `${id}#${i + 1}`,
      rule: id,
      condition: resolver.condition(u.condition!),
      ...(u.outcome ? { outcome: u.outcome.key } : {}),
      advice: [],
      inline: true,
      origin: { ...where, range: u.range },
    }));
  const shared = (d as { provided?: A.ProvidedDeclaration }).provided?.condition;
  const rule: M.RuleModel = {
    id,
    ...(d.title ? { title: d.title.value } : {}),
    citations: citationsOf(d),
    // A rule in a `provided` block: the block's condition, then its own (docs/semantics.md §8).
    condition: shared
      ? { kind: "all", conditions: [resolver.condition(shared), resolver.condition(d.condition!)] }
      : resolver.condition(d.condition!),
    ...(d.outcome ? { outcome: d.outcome.key } : {}),
    ...(d.reason ? { reason: d.reason.value } : {}),
    advice: d.advice.map((a) => a.value),
    exceptions: [],
    ...(overrides ? { overrides } : {}),
    ...inForce(d.inForce),
    origin: where,
  };
  return { rule, exceptions };
}
