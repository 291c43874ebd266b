/** What `decide` answers (docs/semantics.md §5–§7). */
import type { FactValue } from "./bundle.js";
import type { FactError } from "./fact-input.js";

export interface Need {
  readonly fact: string;
  /** The fact's question, or one generated from its label and type. */
  readonly question: string;
}

/** A presumption the decision relied on (docs/semantics.md §6.2). */
export interface Assumption extends Need {
  /** The presumed value. */
  readonly value: FactValue;
  /** The presumption in plain words: "you have read your employer's guidance". */
  readonly text: string;
}

export interface Decision {
  readonly ok: true;
  /** An outcome name, or `undetermined` when unknown facts could still change it. */
  readonly outcome: string;
  /** Ids of the applicable candidates with the decided outcome (or with `atLeast`), policy order. */
  readonly decidingRules: readonly string[];
  /** Weaker applicable candidates, policy order. */
  readonly alsoApplies: readonly { readonly rule: string; readonly outcome: string }[];
  /** Advice of every applicable entry, policy order, without duplicates. */
  readonly advice: readonly string[];
  readonly undetermined?: {
    readonly needs: readonly Need[];
    /** The strongest outcome already certain. */
    readonly atLeast: string;
    /** Candidates still unknown whose outcome is stronger than `atLeast`. */
    readonly pending: readonly string[];
  };
  readonly warnings: readonly string[];
  /**
   * Presumed values the decision relied on, for facts not given that it would otherwise still
   * need; answering any of them may change the decision. Absent when none.
   */
  readonly assumed?: readonly Assumption[];
  /** The decision in plain English. */
  readonly explanation: string;
  /** The decision date, when the policy's rules depend on it (`YYYY-MM-DD`). */
  readonly asOf?: string;
}

/** The fact set was invalid: no decision. */
export interface Rejected {
  readonly ok: false;
  readonly errors: readonly FactError[];
  readonly explanation: string;
}

export type DecideResult = Decision | Rejected;

export function rejected(errors: readonly FactError[]): Rejected {
  return {
    ok: false,
    errors,
    explanation: `No decision: ${errors.map((e) => e.message).join(" ")}`,
  };
}
