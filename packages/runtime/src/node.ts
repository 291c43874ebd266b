/**
 * The condition tree and the truth values both evaluators share: `program.ts` builds it from a
 * bundle, `flat.ts` flattens it for the fast evaluator. Kept apart so that neither imports the other
 * in a circle.
 */
import type { FactValue, Operator, Scalar } from "./bundle.js";

/** Kleene truth values. */
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = typeof F | typeof T | typeof U;

/** Fact values by fact index; `undefined` = unknown. */
export type Values = readonly (FactValue | undefined)[];

export type Node =
  | {
      readonly k: "test";
      readonly fact: number;
      readonly operator: Operator;
      readonly value: Scalar | readonly Scalar[];
      /** Compared with this fact's value instead (a decision-date fact); `value` is unused. */
      readonly ref?: number;
      readonly name?: string;
    }
  | { readonly k: "all" | "any"; readonly children: readonly Node[]; readonly name?: string }
  | { readonly k: "not"; readonly child: Node; readonly name?: string }
  | { readonly k: "const"; readonly value: boolean; readonly name: string };
