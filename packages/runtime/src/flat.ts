/**
 * The fast evaluator's form of conditions: every node of every rule in flat arrays, evaluated by
 * one small interpreter (two, in fact: Kleene's three values for partial fact sets, plain booleans
 * for complete ones). One monomorphic function instead of a closure per node lets the JIT keep it
 * tight; nothing is generated at run time (no eval, no new Function).
 */
import type { FactValue, Scalar } from "./bundle.js";
import { F, type Node, T, type Tri, U, type Values } from "./node.js";

const EQ = 0;
const NE = 1;
const LT = 2;
const LE = 3;
const GT = 4;
const GE = 5;
const IN = 6;
const NOT_IN = 7;
const CONTAINS = 8;
const NOT_CONTAINS = 9;
/** Codes up to this one are tests. */
const LAST_TEST = 9;
const ALL = 10;
const ANY = 11;
const NOT = 12;
const TRUE = 13;
const FALSE = 14;
/**
 * Tests that compare with another fact (a decision-date fact) instead of a constant: REF + the
 * operator's code. Kept out of the `<= LAST_TEST` range, so the inlined constant tests stay as they were.
 */
const REF = 15;

const OPERATOR_CODES: Record<string, number> = {
  equal: EQ,
  notEqual: NE,
  lessThan: LT,
  lessThanInclusive: LE,
  greaterThan: GT,
  greaterThanInclusive: GE,
  in: IN,
  notIn: NOT_IN,
  contains: CONTAINS,
  doesNotContain: NOT_CONTAINS,
};

export class Flat {
  private readonly kind: number[] = [];
  /** Tests: the fact index. Composites: where their children start in `children`. */
  private readonly arg: number[] = [];
  /** Composites: how many children. Tests against a fact (REF): that fact's index. */
  private readonly count: number[] = [];
  /** Tests: the value (a Set for in / notIn). */
  private readonly value: unknown[] = [];
  private readonly children: number[] = [];

  /** Adds a condition tree; returns the index of its root. */
  add(n: Node): number {
    const i = this.kind.length;
    this.kind.push(0);
    this.arg.push(0);
    this.count.push(0);
    this.value.push(undefined);
    switch (n.k) {
      case "const":
        this.kind[i] = n.value ? TRUE : FALSE;
        break;
      case "test": {
        const code = OPERATOR_CODES[n.operator]!;
        this.arg[i] = n.fact;
        if (n.ref !== undefined) {
          this.kind[i] = REF + code;
          this.count[i] = n.ref;
          break;
        }
        this.kind[i] = code;
        this.value[i] = code === IN || code === NOT_IN ? new Set(n.value as Scalar[]) : n.value;
        break;
      }
      case "not": {
        this.kind[i] = NOT;
        const child = this.add(n.child);
        this.arg[i] = this.children.length;
        this.count[i] = 1;
        this.children.push(child);
        break;
      }
      case "all":
      case "any": {
        this.kind[i] = n.k === "all" ? ALL : ANY;
        const kids = n.children.map((c) => this.add(c));
        this.arg[i] = this.children.length;
        this.count[i] = kids.length;
        for (const k of kids) this.children.push(k);
        break;
      }
    }
    return i;
  }

  /** Kleene value of node `n`; unknown facts are `undefined` in `values`. */
  tri(n: number, values: Values): Tri {
    const k = this.kind[n]!;
    if (k <= LAST_TEST) {
      const x = values[this.arg[n]!];
      return x === undefined ? U : this.test(k, x, this.value[n]) ? T : F;
    }
    if (k === ALL || k === ANY) {
      const stop = k === ALL ? F : T;
      let r: Tri = k === ALL ? T : F;
      const end = this.arg[n]! + this.count[n]!;
      for (let i = this.arg[n]!; i < end; i++) {
        const c = this.children[i]!;
        const ck = this.kind[c]!;
        let t: Tri;
        // Tests inline: most operands are tests, and a call per test is most of the cost.
        if (ck <= LAST_TEST) {
          const x = values[this.arg[c]!];
          t = x === undefined ? U : this.test(ck, x, this.value[c]) ? T : F;
        } else t = this.tri(c, values);
        if (t === stop) return stop;
        if (t === U) r = U;
      }
      return r;
    }
    if (k === NOT) {
      const t = this.tri(this.children[this.arg[n]!]!, values);
      return t === U ? U : t === T ? F : T;
    }
    if (k >= REF) {
      const x = values[this.arg[n]!];
      return x === undefined ? U : this.test(k - REF, x, values[this.count[n]!]) ? T : F;
    }
    return k === TRUE ? T : F;
  }

  /** Two-valued value of node `n`, when every fact is known. */
  holds(n: number, values: Values): boolean {
    const k = this.kind[n]!;
    if (k <= LAST_TEST) return this.test(k, values[this.arg[n]!]!, this.value[n]);
    if (k === ALL || k === ANY) {
      const stop = k === ANY;
      const end = this.arg[n]! + this.count[n]!;
      for (let i = this.arg[n]!; i < end; i++) {
        const c = this.children[i]!;
        const ck = this.kind[c]!;
        const v =
          ck <= LAST_TEST
            ? this.test(ck, values[this.arg[c]!]!, this.value[c])
            : this.holds(c, values);
        if (v === stop) return stop;
      }
      return !stop;
    }
    if (k === NOT) return !this.holds(this.children[this.arg[n]!]!, values);
    if (k >= REF) return this.test(k - REF, values[this.arg[n]!]!, values[this.count[n]!]);
    return k === TRUE;
  }

  private test(k: number, x: FactValue, v: unknown): boolean {
    switch (k) {
      case EQ:
        return x === v;
      case NE:
        return x !== v;
      case LT:
        return (x as number) < (v as number);
      case LE:
        return (x as number) <= (v as number);
      case GT:
        return (x as number) > (v as number);
      case GE:
        return (x as number) >= (v as number);
      case IN:
        return (v as Set<FactValue>).has(x);
      case NOT_IN:
        return !(v as Set<FactValue>).has(x);
      case CONTAINS:
        return (x as readonly string[]).includes(v as string);
      default:
        return !(x as readonly string[]).includes(v as string);
    }
  }
}

/**
 * An `equal` test the entry's root condition requires (a direct part of its root `and`): when the
 * fact is known and differs, the entry is false without evaluating anything. Among several, the
 * one on the fact with the most possible values, which rules out the most.
 */
export function keyTest(
  root: Node,
  spread: (fact: number) => number,
): { readonly fact: number; readonly value: FactValue } | undefined {
  const parts = root.k === "all" ? root.children : [root];
  let best: { fact: number; value: FactValue } | undefined;
  for (const p of parts) {
    if (p.k !== "test" || p.operator !== "equal" || Array.isArray(p.value) || p.ref !== undefined)
      continue;
    if (!best || spread(p.fact) > spread(best.fact))
      best = { fact: p.fact, value: p.value as FactValue };
  }
  return best;
}
