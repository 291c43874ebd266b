/**
 * A loaded bundle as the runtime works with it: facts by index, and each json-rules-engine rule as
 * an entry with its condition tree (`Node`, for explanations) and its place in the flat condition
 * arrays the fast evaluator runs (`flat.ts`). Conditions are evaluated with Kleene's three truth
 * values (docs/semantics.md §2).
 */
import type {
  Bundle,
  BundleFact,
  BundleOutcome,
  BundleTerm,
  Condition,
  EntryKind,
  EventParams,
  FactReference,
  FactValue,
  Operator,
  Scalar,
} from "./bundle.js";
import { DECISION_DATE } from "./bundle.js";
import { DecisionDates } from "./dates.js";
import { Flat, keyTest } from "./flat.js";
import { F, type Node, T, type Tri, U, type Values } from "./node.js";
import { OPERATORS } from "./operators.js";

export { F, type Node, T, type Tri, U, type Values };

export interface Entry {
  /** Position in `bundle.rules`: policy order. */
  readonly index: number;
  readonly name: string;
  readonly kind: EntryKind;
  readonly outcome: string;
  readonly strength: number;
  readonly params: EventParams;
  readonly root: Node;
  /** The root's index in `Program.flat`. */
  readonly flat: number;
  /** An `equal` test the entry needs (see `keyTest`); -1 / undefined when it has none. */
  readonly keyFact: number;
  readonly keyValue: FactValue | undefined;
  /** The entry as `alsoApplies` lists it: made once, frozen, shared by every decision. */
  readonly applies: { readonly rule: string; readonly outcome: string };
}

/** Entries grouped by the fact and value each needs, so that a decision skips those ruled out. */
export interface EntryIndex {
  readonly unkeyed: readonly Entry[];
  readonly keyed: readonly {
    readonly fact: number;
    readonly all: readonly Entry[];
    /** By the ordinal of the value (choice and yes/no facts; see `FactReader`). */
    readonly byOrdinal: readonly (readonly Entry[] | undefined)[];
    /** By the value itself, for facts without ordinals. */
    readonly byValue: ReadonlyMap<FactValue, readonly Entry[]>;
  }[];
}

/** Candidates of one strength, grouped by the fact and value each needs. */
export interface Level extends EntryIndex {
  readonly outcome: string;
  readonly strength: number;
}

export interface Program {
  readonly bundle: Bundle;
  /** The declared facts, then the decision-date facts (`bundle.dates`), which are never unknown. */
  readonly facts: readonly BundleFact[];
  /** How many facts are declared (the decision-date facts come after them). */
  readonly declared: number;
  /** The index of `@decision date` among the facts; -1 when the rules do not use it. */
  readonly decisionDate: number;
  /** The decision-date facts' values by decision date; undefined when the rules use no dates. */
  readonly dates?: DecisionDates;
  readonly factIndex: ReadonlyMap<string, number>;
  readonly entries: readonly Entry[];
  /** Candidates with strength > 0, by strength, strongest first. */
  readonly levels: readonly Level[];
  readonly flat: Flat;
  readonly outcomes: ReadonlyMap<string, BundleOutcome>;
  readonly defaultOutcome: BundleOutcome;
  readonly terms: ReadonlyMap<string, BundleTerm>;
  readonly entryByName: ReadonlyMap<string, Entry>;
  /** Rules with more than one candidate exception (only these can warn of a conflict). */
  readonly severalExceptions: ReadonlySet<string>;
  /**
   * The candidates (every entry but advice) by strength, strongest first, each in policy order;
   * strength 0 last when there is any. A decision reads the strongest that has a true entry, and
   * the weaker ones only when `alsoApplies` or the explanation is read.
   */
  readonly strengths: readonly { readonly strength: number; readonly entries: readonly Entry[] }[];
  /** Entries whose params carry advice, policy order: advice is given whatever the outcome. */
  readonly advising: readonly Entry[];
  /** Exceptions of rules with several of them, policy order: only these can conflict. */
  readonly conflicting: readonly Entry[];
}

/** Builds the program of a bundle that passed validation. */
export function buildProgram(bundle: Bundle): Program {
  const dateFacts = bundle.dates ?? [];
  const facts: BundleFact[] = [
    ...bundle.facts,
    ...dateFacts.map((d): BundleFact => ({ name: d.name, label: d.name, type: "date" })),
  ];
  const factIndex = new Map(facts.map((f, i) => [f.name, i]));
  const outcomes = new Map(bundle.outcomes.map((o) => [o.name, o]));
  const flat = new Flat();
  const spread = (i: number): number => {
    const f = facts[i]!;
    // Several-valued facts are never keys: `keyTest` takes only `equal` tests.
    return f.type === "choice" ? f.values.length : f.type === "yes/no" ? 2 : 1000;
  };
  const entries = bundle.rules.map((rule, index): Entry => {
    const root = toNode(rule.conditions, factIndex);
    const key = keyTest(root, spread);
    return {
      index,
      name: rule.name,
      kind: rule.event.params.kind,
      outcome: rule.event.type,
      strength: rule.event.params.strength,
      params: rule.event.params,
      root,
      flat: flat.add(root),
      keyFact: key ? key.fact : -1,
      keyValue: key?.value,
      applies: Object.freeze({ rule: rule.name, outcome: rule.event.type }),
    };
  });
  const byStrength = new Map<number, Entry[]>();
  for (const e of entries) {
    if (e.kind === "advice" || e.strength === 0) continue;
    const list = byStrength.get(e.strength) ?? [];
    list.push(e);
    byStrength.set(e.strength, list);
  }
  const ordinalOf = (fact: number, value: FactValue): number => {
    const f = bundle.facts[fact]!;
    if (f.type === "choice") return f.values.indexOf(value as string);
    return f.type === "yes/no" ? (value ? 1 : 0) : -1;
  };
  const levels = [...byStrength.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([strength, list]) => ({
      outcome: list[0]!.outcome,
      strength,
      ...groupByKey(list, ordinalOf),
    }));
  const several = severalExceptions(entries);
  const byStrengthAll = new Map<number, Entry[]>();
  for (const e of entries) {
    if (e.kind === "advice") continue;
    const list = byStrengthAll.get(e.strength) ?? [];
    list.push(e);
    byStrengthAll.set(e.strength, list);
  }
  return {
    bundle,
    facts,
    declared: bundle.facts.length,
    decisionDate: factIndex.get(DECISION_DATE) ?? -1,
    ...(dateFacts.length > 0 ? { dates: new DecisionDates(dateFacts) } : {}),
    factIndex,
    entries,
    levels,
    flat,
    outcomes,
    defaultOutcome: outcomes.get(bundle.defaultOutcome)!,
    terms: new Map(bundle.terms.map((t) => [t.name, t])),
    entryByName: new Map(entries.map((e) => [e.name, e])),
    severalExceptions: several,
    strengths: [...byStrengthAll]
      .sort((a, b) => b[0] - a[0])
      .map(([strength, list]) => ({ strength, entries: list })),
    advising: entries.filter((e) => e.params.advice.length > 0),
    conflicting: entries.filter((e) => e.kind === "exception" && several.has(e.params.rule)),
  };
}

function severalExceptions(entries: readonly Entry[]): Set<string> {
  const seen = new Set<string>();
  const several = new Set<string>();
  for (const e of entries) {
    if (e.kind !== "exception") continue;
    if (seen.has(e.params.rule)) several.add(e.params.rule);
    seen.add(e.params.rule);
  }
  return several;
}

function groupByKey(
  entries: readonly Entry[],
  ordinalOf: (fact: number, value: FactValue) => number,
): EntryIndex {
  const unkeyed: Entry[] = [];
  const keyed = new Map<
    number,
    {
      fact: number;
      all: Entry[];
      byOrdinal: (Entry[] | undefined)[];
      byValue: Map<FactValue, Entry[]>;
    }
  >();
  for (const e of entries) {
    if (e.keyFact < 0) {
      unkeyed.push(e);
      continue;
    }
    let group = keyed.get(e.keyFact);
    if (!group) {
      group = { fact: e.keyFact, all: [], byOrdinal: [], byValue: new Map() };
      keyed.set(e.keyFact, group);
    }
    group.all.push(e);
    const same = group.byValue.get(e.keyValue!) ?? [];
    same.push(e);
    group.byValue.set(e.keyValue!, same);
    const o = ordinalOf(e.keyFact, e.keyValue!);
    if (o >= 0) group.byOrdinal[o] = same;
  }
  return { unkeyed, keyed: [...keyed.values()] };
}

export function toNode(c: Condition, factIndex: ReadonlyMap<string, number>): Node {
  const name = c.name !== undefined ? { name: c.name } : {};
  if (c.name === "constant:true" || c.name === "constant:false") {
    return { k: "const", value: c.name === "constant:true", name: c.name };
  }
  if ("all" in c) return { k: "all", children: c.all.map((x) => toNode(x, factIndex)), ...name };
  if ("any" in c) return { k: "any", children: c.any.map((x) => toNode(x, factIndex)), ...name };
  if ("not" in c) return { k: "not", child: toNode(c.not, factIndex), ...name };
  const fact = factIndex.get(c.fact)!;
  const v = c.value;
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const ref = factIndex.get((v as FactReference).fact)!;
    return { k: "test", fact, operator: c.operator, value: "", ref, ...name };
  }
  return { k: "test", fact, operator: c.operator, value: v as FactValue, ...name };
}

/** The value a test compares with: its own, or its reference fact's. */
export function testValue(
  n: Extract<Node, { k: "test" }>,
  values: Values,
): Scalar | readonly Scalar[] {
  // A decision-date fact's value is an ISO date (a string).
  return n.ref === undefined ? n.value : (values[n.ref] as string);
}

/**
 * The values with the decision-date facts added for `asOf` (unchanged when the rules use no
 * dates, so the common case allocates nothing).
 */
export function withDates(program: Program, values: Values, asOf: string): Values {
  if (!program.dates) return values;
  return [...values, ...program.dates.valuesOn(asOf)];
}

/** Two-valued comparison of a known value; the caller handles unknown. */
export function compare(
  operator: Operator,
  x: FactValue,
  value: Scalar | readonly Scalar[],
): boolean {
  return OPERATORS[operator].holds(x, value);
}

/** The value of a node, by walking its tree: for explanations (decisions use `flat.ts`). */
export function evaluateNode(n: Node, values: Values): Tri {
  switch (n.k) {
    case "const":
      return n.value ? T : F;
    case "test": {
      const x = values[n.fact];
      return x === undefined ? U : compare(n.operator, x, testValue(n, values)) ? T : F;
    }
    case "not": {
      const v = evaluateNode(n.child, values);
      return v === U ? U : v === T ? F : T;
    }
    case "all": {
      let r: Tri = T;
      for (const c of n.children) {
        const v = evaluateNode(c, values);
        if (v === F) return F;
        if (v === U) r = U;
      }
      return r;
    }
    case "any": {
      let r: Tri = F;
      for (const c of n.children) {
        const v = evaluateNode(c, values);
        if (v === T) return T;
        if (v === U) r = U;
      }
      return r;
    }
  }
}

/** The relevant unknown facts of a node (docs/semantics.md §6.1), added to `out`. */
export function relevantFacts(n: Node, values: Values, out: Set<number>): void {
  if (evaluateNode(n, values) !== U) return;
  switch (n.k) {
    case "test":
      out.add(n.fact);
      return;
    case "not":
      relevantFacts(n.child, values, out);
      return;
    case "all":
    case "any":
      for (const c of n.children) relevantFacts(c, values, out);
      return;
    case "const":
      return;
  }
}
