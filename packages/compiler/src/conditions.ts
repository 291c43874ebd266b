/**
 * Condition models → json-rules-engine conditions, shaped the way a careful hand would write them:
 * terms are inlined (marked `term:<name>` for explanations); constants are folded away —
 * json-rules-engine has no constants and treats an empty `all`/`any` as true; negations are pushed
 * down to the tests (`not (a < 3)` → `a >= 3`, `not x` → `x is no`), keeping a `not` only around a
 * named term or exception; nested `all`/`any` of the same kind are flattened. All of these keep
 * Kleene values and relevant facts (docs/semantics.md §2, §6.1), so partial fact sets are decided
 * the same way on the model and on the bundle.
 */
import type { ConditionModel, DecisionDate, FactModel } from "@precept/language";
import {
  type BundleDateFact,
  type Condition,
  DECISION_DATE,
  dateFactName,
  type FactReference,
  NEGATED,
  type RootCondition,
  type Scalar,
  type TestCondition,
} from "@precept/runtime";

/** A compiled condition, or a constant when folding decided it. */
export type Folded = Condition | boolean;

export function withName(c: Condition, name: string): Condition {
  return c.name === undefined ? { ...c, name } : { all: [c], name };
}

export function allOf(parts: readonly Folded[]): Folded {
  const out: Condition[] = [];
  for (const p of parts) {
    if (p === false) return false;
    if (p === true) continue;
    if ("all" in p && p.name === undefined) for (const c of p.all) out.push(c);
    else out.push(p);
  }
  if (out.length === 0) return true;
  return out.length === 1 ? out[0]! : { all: out };
}

export function anyOf(parts: readonly Folded[]): Folded {
  const out: Condition[] = [];
  for (const p of parts) {
    if (p === true) return true;
    if (p === false) continue;
    if ("any" in p && p.name === undefined) for (const c of p.any) out.push(c);
    else out.push(p);
  }
  if (out.length === 0) return false;
  return out.length === 1 ? out[0]! : { any: out };
}

export function notOf(p: Folded): Folded {
  return typeof p === "boolean" ? !p : { not: p };
}

export class ConditionCompiler {
  private readonly terms = new Map<string, Folded>();
  /** The decision-date facts used so far, in order of first use (the bundle's `dates`). */
  readonly dates = new Map<string, BundleDateFact>();

  /** The fact holding the decision date moved by `d`, recorded for the bundle. */
  dateFact(d: { readonly amount: number; readonly unit: DecisionDate["unit"] }): FactReference {
    const name = dateFactName(d.amount, d.unit);
    if (!this.dates.has(name))
      this.dates.set(name, { name, amount: d.amount, unit: d.amount === 0 ? "day" : d.unit });
    return { fact: name };
  }

  /** `in force from … until …` as tests on the decision date (true when absent). */
  inForce(f: { readonly from?: string; readonly until?: string } | undefined): Folded {
    if (!f || (!f.from && !f.until)) return true;
    this.dateFact({ amount: 0, unit: "day" });
    const parts: Folded[] = [];
    if (f.from)
      parts.push({ fact: DECISION_DATE, operator: "greaterThanInclusive", value: f.from });
    if (f.until) parts.push({ fact: DECISION_DATE, operator: "lessThanInclusive", value: f.until });
    return allOf(parts);
  }

  /** `facts` supplies the fact a constant condition is written over. */
  constructor(private readonly facts: readonly FactModel[]) {}

  /** `c`, or its negation when `negated`. */
  compile(c: ConditionModel, negated = false): Folded {
    switch (c.kind) {
      case "all":
      case "any": {
        const parts = c.conditions.map((x) => this.compile(x, negated));
        // De Morgan: not (a and b) = not a or not b.
        return (c.kind === "all") !== negated ? allOf(parts) : anyOf(parts);
      }
      case "not":
        return this.compile(c.condition, !negated);
      case "term": {
        let done = this.terms.get(c.term);
        if (done === undefined) {
          const body = this.compile(c.condition);
          done = typeof body === "boolean" ? body : withName(body, `term:${c.term}`);
          this.terms.set(c.term, done);
        }
        return negated ? notOf(done) : done;
      }
      case "test": {
        const value = Array.isArray(c.value)
          ? [...c.value]
          : typeof c.value === "object"
            ? this.dateFact(c.value as DecisionDate)
            : (c.value as Scalar);
        if (!negated) return { fact: c.fact, operator: c.operator, value };
        // A yes/no fact is true or false: "not x" reads best as "x is no".
        if (typeof value === "boolean" && (c.operator === "equal" || c.operator === "notEqual")) {
          return { fact: c.fact, operator: c.operator, value: !value };
        }
        return { fact: c.fact, operator: NEGATED[c.operator], value };
      }
    }
  }

  /** json-rules-engine needs `all`, `any` or `not` at the root of a rule. */
  root(f: Folded): RootCondition | undefined {
    if (typeof f === "boolean") return this.constant(f);
    if ("fact" in f) return { all: [f] };
    return f;
  }

  /**
   * json-rules-engine evaluates the parts of an `all` together, unless they have different
   * `priority`: then it evaluates the higher set first and skips the rest once the `all` has
   * failed. Giving priority 2 to the test that most often fails (usually the "activity is …" of a
   * rule) spares most rules most of their work. Order never changes a result.
   */
  prioritise(root: RootCondition): RootCondition {
    if (!("all" in root) || root.all.length < 2 || root.name !== undefined) return root;
    let best = -1;
    let bestScore = 1;
    root.all.forEach((c, i) => {
      const score = this.passRate(c);
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) return root;
    const all = root.all.map((c, i) => (i === best ? { ...c, priority: 2 } : c));
    return { ...root, all };
  }

  /** Roughly how often a test passes, if every value were equally likely; 1 for anything else. */
  private passRate(c: Condition): number {
    if (!("fact" in c)) return 1;
    const fact = this.facts.find((f) => f.name === c.fact);
    const size =
      fact?.type.kind === "choice" ? fact.type.values.length : fact?.type.kind === "yes/no" ? 2 : 4;
    const hits = Array.isArray(c.value) ? c.value.length : 1;
    const rate = Math.min(1, hits / size);
    return c.operator === "equal" || c.operator === "in"
      ? rate
      : c.operator === "notEqual" || c.operator === "notIn"
        ? 1 - rate
        : 0.5;
  }

  /**
   * A constant as a tautology (`f is v or f is not v`) or contradiction over the first declared
   * fact: true or false for every value json-rules-engine can be given. Undefined when the policy
   * declares no fact.
   */
  private constant(value: boolean): RootCondition | undefined {
    const fact = this.facts[0];
    if (!fact) return undefined;
    if (fact.type.kind === "set") {
      // Over a several-valued fact: "includes v or does not include v".
      const v = fact.type.values[0] ?? "";
      const tests: TestCondition[] = [
        { fact: fact.name, operator: "contains", value: v },
        { fact: fact.name, operator: "doesNotContain", value: v },
      ];
      return value ? { any: tests, name: "constant:true" } : { all: tests, name: "constant:false" };
    }
    const v: Scalar =
      fact.type.kind === "choice"
        ? (fact.type.values[0] ?? "")
        : fact.type.kind === "yes/no"
          ? true
          : fact.type.kind === "number"
            ? 0
            : fact.type.kind === "date"
              ? "2000-01-01"
              : "";
    const tests: TestCondition[] = [
      { fact: fact.name, operator: "equal", value: v },
      { fact: fact.name, operator: "notEqual", value: v },
    ];
    return value ? { any: tests, name: "constant:true" } : { all: tests, name: "constant:false" };
  }
}
