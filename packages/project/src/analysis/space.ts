/**
 * The finite situation space of one or more policies. Every fact's values fall into classes on
 * which every test of every condition gives the same answer: a choice or yes/no fact by its
 * values; a number by the constants it is compared with (each constant, and the open intervals
 * between and around them); a text by the constants it is compared with, plus "any other text".
 * A several-valued fact is one yes/no level per value (included or not). A date fact, as of one
 * decision date (comparisons with the decision date are then with concrete days), by the days it
 * is compared with and the stretches of days between them. A situation of classes therefore
 * stands exactly for every complete fact set in it, and each class has a representative value,
 * so that a witness is a real fact set.
 */
import {
  addToDate,
  type ConditionModel,
  evaluate,
  type FactModel,
  type FactValue,
  type PolicyModel,
} from "@precept/language";
import { today } from "@precept/runtime";
import { Diagram, type NodeId } from "./mdd.js";

export interface ValueClass {
  /** A value in the class, used in witnesses. */
  readonly value: FactValue;
  /** Numbers and dates: the open interval the class is (absent for a single value). */
  readonly between?: { readonly above?: number | string; readonly below?: number | string };
  /** Texts: the class of every text the policy does not mention. */
  readonly other?: boolean;
}

/** One level of the space: a fact, or one value of a several-valued fact (included or not). */
export interface SpaceFact {
  readonly name: string;
  readonly label: string;
  readonly kind: "choice" | "yes/no" | "number" | "text" | "date" | "member";
  /** A several-valued fact's level: the value it stands for (class 0: included, 1: not). */
  readonly member?: string;
  readonly classes: readonly ValueClass[];
  /** The class to fill in where the fact does not matter. */
  readonly usual: number;
}

export type Situation = Readonly<Record<string, FactValue>>;

/** The constants each test compares its fact with; the decision date moved, as of `asOf`. */
function tests(
  c: ConditionModel,
  asOf: string,
  visit: (fact: string, value: FactValue) => void,
): void {
  switch (c.kind) {
    case "all":
    case "any":
      for (const x of c.conditions) tests(x, asOf, visit);
      return;
    case "not":
    case "term":
      tests(c.condition, asOf, visit);
      return;
    case "test": {
      const v = c.value;
      if (typeof v === "object" && "kind" in v) {
        visit(c.fact, addToDate(asOf, v.amount, v.unit));
        return;
      }
      for (const x of Array.isArray(v) ? v : [v]) visit(c.fact, x as FactValue);
    }
  }
}

/** Every condition of a policy: rules, exceptions, terms and constraints. */
export function conditionsOf(policy: PolicyModel): ConditionModel[] {
  return [
    ...policy.terms.map((t) => t.condition),
    ...(policy.constraints ?? []).map((c) => c.condition),
    ...policy.rules.flatMap((r) => [r.condition, ...r.exceptions.map((e) => e.condition)]),
  ];
}

function numberClasses(constants: readonly number[]): ValueClass[] {
  const points = [...new Set(constants)].filter(Number.isFinite).sort((a, b) => a - b);
  if (points.length === 0) return [{ value: 0, between: {} }];
  const out: ValueClass[] = [{ value: points[0]! - 1, between: { below: points[0]! } }];
  points.forEach((p, i) => {
    out.push({ value: p });
    const next = points[i + 1];
    if (next === undefined) {
      out.push({ value: p + 1, between: { above: p } });
      return;
    }
    const whole = Math.floor(p) + 1;
    out.push({ value: whole < next ? whole : (p + next) / 2, between: { above: p, below: next } });
  });
  return out;
}

const FIRST_DAY = "0001-01-01";
const LAST_DAY = "9999-12-31";

/** Days: each day compared with, and the stretches of days before, between and after them. */
function dateClasses(constants: readonly string[]): ValueClass[] {
  const days = [...new Set(constants)].sort();
  if (days.length === 0) return [{ value: "2000-01-01", between: {} }];
  const out: ValueClass[] = [];
  // A stretch with no day in it (between two consecutive days) is no class.
  if (days[0]! > FIRST_DAY)
    out.push({ value: addToDate(days[0]!, -1, "day"), between: { below: days[0]! } });
  days.forEach((day, i) => {
    out.push({ value: day });
    const after = addToDate(day, 1, "day");
    const next = days[i + 1];
    if (next === undefined) {
      if (day < LAST_DAY) out.push({ value: after, between: { above: day } });
    } else if (after < next) out.push({ value: after, between: { above: day, below: next } });
  });
  return out;
}

function textClasses(constants: readonly string[]): ValueClass[] {
  const used = [...new Set(constants)];
  let other = "something else";
  for (let i = 2; used.includes(other); i++) other = `something else ${i}`;
  return [...used.map((value) => ({ value })), { value: other, other: true }];
}

export interface DeclaredFact {
  readonly name: string;
  readonly label: string;
  readonly kind: FactModel["type"]["kind"];
}

export class Space {
  /** The levels, in declaration order. */
  readonly facts: readonly SpaceFact[];
  /** A fact's level by name (several-valued facts: by `memberKey`). */
  readonly index: ReadonlyMap<string, number>;
  /** Every fact of the policies, by name, in declaration order. */
  readonly declared: ReadonlyMap<string, DeclaredFact>;
  readonly diagram: Diagram;
  /**
   * The possible situations: where every constraint of every policy holds (docs/semantics.md
   * §1.1). A contradictory fact set has no decision, so no finding may lie outside this.
   */
  readonly possible: NodeId;
  private readonly memo = new WeakMap<ConditionModel, NodeId>();

  /**
   * The space of the facts of `policies` (a fact in several: its values and constants merged), as
   * of the decision date `asOf` (default today): comparisons with the decision date are judged on
   * it. Rules not in force on `asOf` should be left out first (`policyAsOf`).
   */
  constructor(
    policies: readonly PolicyModel[],
    readonly asOf: string = today(),
  ) {
    const declared = new Map<string, FactModel>();
    const choices = new Map<string, string[]>();
    for (const p of policies) {
      for (const f of p.facts) {
        if (!declared.has(f.name)) declared.set(f.name, f);
        if (f.type.kind === "choice" || f.type.kind === "set") {
          const values = choices.get(f.name) ?? [];
          for (const v of f.type.values) if (!values.includes(v)) values.push(v);
          choices.set(f.name, values);
        }
      }
    }
    const constants = new Map<string, FactValue[]>();
    for (const p of policies) {
      for (const c of conditionsOf(p)) {
        tests(c, asOf, (fact, value) => {
          const list = constants.get(fact) ?? [];
          list.push(value);
          constants.set(fact, list);
        });
      }
    }
    this.declared = new Map(
      [...declared.values()].map((f) => [
        f.name,
        { name: f.name, label: f.label, kind: f.type.kind },
      ]),
    );
    this.facts = [...declared.values()].flatMap((f): SpaceFact | SpaceFact[] => {
      const mentioned = constants.get(f.name) ?? [];
      const base = { name: f.name, label: f.label };
      switch (f.type.kind) {
        case "set":
          return choices.get(f.name)!.map((member) => ({
            ...base,
            kind: "member" as const,
            member,
            classes: [{ value: true }, { value: false }],
            usual: 1,
          }));
        case "choice":
          return {
            ...base,
            kind: "choice",
            classes: choices.get(f.name)!.map((value) => ({ value })),
            usual: 0,
          };
        case "yes/no":
          return {
            ...base,
            kind: "yes/no",
            classes: [{ value: true }, { value: false }],
            usual: 1,
          };
        case "number": {
          const classes = numberClasses(
            mentioned.filter((v): v is number => typeof v === "number"),
          );
          return { ...base, kind: "number", classes, usual: classes.length - 1 };
        }
        case "text": {
          const classes = textClasses(mentioned.filter((v): v is string => typeof v === "string"));
          return { ...base, kind: "text", classes, usual: classes.length - 1 };
        }
        case "date": {
          // The class before the first day mentioned, if any, is the usual one: "long ago".
          const classes = dateClasses(mentioned.filter((v): v is string => typeof v === "string"));
          return { ...base, kind: "date", classes, usual: 0 };
        }
      }
    });
    this.index = new Map(
      this.facts.map((f, i) => [f.member === undefined ? f.name : memberKey(f.name, f.member), i]),
    );
    this.diagram = new Diagram(this.facts.map((f) => f.classes.length));
    const d = this.diagram;
    this.possible = policies
      .flatMap((p) => p.constraints ?? [])
      .reduce((acc, c) => d.and(acc, this.condition(c.condition)), d.TRUE);
  }

  /** The diagram of a condition: exactly the situations in which it holds. */
  condition(c: ConditionModel): NodeId {
    const hit = this.memo.get(c);
    if (hit !== undefined) return hit;
    const d = this.diagram;
    let out: NodeId;
    switch (c.kind) {
      case "all":
        out = c.conditions.reduce((acc, x) => d.and(acc, this.condition(x)), d.TRUE);
        break;
      case "any":
        out = c.conditions.reduce((acc, x) => d.or(acc, this.condition(x)), d.FALSE);
        break;
      case "not":
        out = d.not(this.condition(c.condition));
        break;
      case "term":
        out = this.condition(c.condition);
        break;
      case "test": {
        if (c.operator === "contains" || c.operator === "doesNotContain") {
          const level = this.index.get(memberKey(c.fact, String(c.value)));
          if (level === undefined) throw new Error(`${c.fact} has no value ${String(c.value)}.`);
          const included = c.operator === "contains" ? 0 : 1;
          out = d.literal(level, (k) => k === included);
          break;
        }
        const level = this.index.get(c.fact);
        if (level === undefined) throw new Error(`Fact ${c.fact} is not in the situation space.`);
        const classes = this.facts[level]!.classes;
        out = d.literal(level, (k) => holds(c, classes[k]!.value, this.asOf));
      }
    }
    this.memo.set(c, out);
    return out;
  }

  /**
   * A complete, possible fact set in the region, filling facts that do not matter with their
   * usual value.
   */
  witness(region: NodeId): Situation | undefined {
    const classes = this.pick(region);
    return classes && this.situation(classes);
  }

  /** One class per fact: a possible situation in the region, if any. */
  pick(region: NodeId): number[] | undefined {
    const d = this.diagram;
    return d.pick(d.and(region, this.possible), (i) => this.facts[i]!.usual);
  }

  /** How many situations (of classes) the space tells apart, possible ones only. */
  get size(): number {
    const all = this.facts.reduce((n, f) => n * f.classes.length, 1);
    return Math.round(all * this.rawShare(this.possible));
  }

  situation(classes: readonly number[]): Situation {
    const out: Record<string, FactValue> = {};
    const sets = new Map<string, string[]>();
    this.facts.forEach((f, i) => {
      if (f.member === undefined) {
        out[f.name] = f.classes[classes[i]!]!.value;
        return;
      }
      // A several-valued fact: the values included, in declared order (possibly none).
      let set = sets.get(f.name);
      if (!set) {
        set = [];
        sets.set(f.name, set);
        out[f.name] = set;
      }
      if (classes[i] === 0) set.push(f.member);
    });
    return out;
  }

  /** How many possible situations a region covers, as a share of all possible ones (0..1). */
  share(region: NodeId): number {
    const all = this.rawShare(this.possible);
    return all === 0 ? 0 : this.rawShare(this.diagram.and(region, this.possible)) / all;
  }

  /** The share of the whole space, impossible situations included. */
  private rawShare(region: NodeId): number {
    const d = this.diagram;
    const memo = new Map<NodeId, number>();
    // A skipped level counts as every class leading on: the share is unchanged by it.
    const go = (x: NodeId): number => {
      if (d.isTerminal(x)) return d.valueOf(x) ? 1 : 0;
      const hit = memo.get(x);
      if (hit !== undefined) return hit;
      const kids = d.childrenOf(x);
      const out = kids.reduce((s, k) => s + go(k), 0) / kids.length;
      memo.set(x, out);
      return out;
    };
    return go(region);
  }
}

/** The `index` key of one value of a several-valued fact. */
export function memberKey(fact: string, value: string): string {
  return `${fact}\u0000${value}`;
}

/** Whether a test holds for a known value (the language's evaluation of complete facts). */
export function holds(
  c: ConditionModel & { kind: "test" },
  x: FactValue,
  asOf: string = today(),
): boolean {
  return evaluate(c, { [c.fact]: x }, asOf);
}
