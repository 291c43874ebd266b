/**
 * Constraints between facts (docs/semantics.md §1.1): conditions no fact set may make false. A
 * fact set that makes one false is contradictory — rejected, naming the constraint — and, while
 * facts are unknown, a constraint can leave only one possible value for a fact: its answer is
 * implied, and need not be asked.
 */
import type { Bundle, FactValue } from "./bundle.js";
import type { Explainer } from "./explain.js";
import type { FactError } from "./fact-input.js";
import { evaluateNode, F, type Node, toNode, type Values } from "./program.js";

export class Constraints {
  private readonly list: readonly { readonly title: string; readonly root: Node }[];

  constructor(bundle: Bundle, factIndex: ReadonlyMap<string, number>) {
    this.list = (bundle.constraints ?? []).map((c) => ({
      title: c.title,
      root: toNode(c.conditions, factIndex),
    }));
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** One error per constraint the values make false (none when there are no constraints). */
  broken(values: Values, explainer: Explainer): FactError[] {
    const errors: FactError[] = [];
    for (const c of this.list) {
      if (evaluateNode(c.root, values) !== F) continue;
      errors.push({
        fact: "",
        constraint: c.title,
        message: `These facts contradict the constraint "${c.title}": ${explainer.phrase(c.root, values, false)}.`,
      });
    }
    return errors;
  }

  /** Whether `values` make no constraint false. */
  allows(values: Values): boolean {
    for (const c of this.list) if (evaluateNode(c.root, values) === F) return false;
    return true;
  }

  /** The candidates for fact `i` that keep every constraint possible, given `values`. */
  possible(values: Values, i: number, candidates: readonly FactValue[]): FactValue[] {
    const trial = values.slice();
    return candidates.filter((v) => {
      trial[i] = v;
      return this.allows(trial);
    });
  }
}
