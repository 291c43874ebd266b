/**
 * Why a rule (or an exception) does or does not apply to a fact set: the tests that failed or are
 * unknown, with the actual values, and the exceptions that suppress it.
 */
import type { FactValue } from "./bundle.js";
import { type Explainer, isExceptionGuard, list, NEGATED, showValue, testText } from "./explain.js";
import type { FactError } from "./fact-input.js";
import {
  type Entry,
  evaluateNode,
  F,
  type Node,
  type Program,
  T,
  U,
  type Values,
} from "./program.js";

export interface FailedCondition {
  /** What the rule needs, in words ("relationship is current service user"). */
  readonly condition: string;
  readonly fact: string;
  /** The value given; null when the fact is unknown. */
  readonly actual: FactValue | null;
  /** The innermost term the test belongs to. */
  readonly term?: string;
}

export type WhyNot =
  | {
      readonly ok: true;
      readonly rule: string;
      readonly applies: "yes" | "no" | "unknown";
      /** The tests standing between the rule's own condition and "holds". */
      readonly failed: readonly FailedCondition[];
      /** Exceptions whose condition holds (for a rule: they suppress it). */
      readonly suppressedBy: readonly string[];
      readonly explanation: string;
    }
  | { readonly ok: false; readonly errors: readonly FactError[] };

export function whyNot(
  program: Program,
  explainer: Explainer,
  entry: Entry,
  values: Values,
): WhyNot {
  const value = evaluateNode(entry.root, values);
  const applies = value === T ? "yes" : value === F ? "no" : "unknown";
  const parts =
    entry.root.k === "all" && entry.root.name === undefined ? entry.root.children : [entry.root];
  const failed: FailedCondition[] = [];
  const suppressedBy: string[] = [];
  for (const p of parts) {
    if (isExceptionGuard(p) && p.k === "not") {
      if (evaluateNode(p.child, values) === T)
        suppressedBy.push(p.child.name!.slice("exception:".length));
    } else failures(program, p, values, true, undefined, failed);
  }
  const ref = explainer.reference(entry);
  let explanation: string;
  if (applies === "yes") {
    explanation = `${capital(ref)} applies: ${explainer.because(entry, values)}.`;
    if (entry.kind === "advice")
      explanation += " It gives advice only; it does not decide the outcome.";
  } else {
    const needs = failed.map((f) => {
      const i = program.factIndex.get(f.fact)!;
      const label = i >= program.declared ? "the decision date" : explainer.factLabel(i);
      const actual = f.actual === null ? "not known" : showValue(program.facts[i], f.actual);
      return `${f.condition} (${label} is ${actual})`;
    });
    const verdict =
      applies === "no" ? "does not apply" : "may apply: it depends on facts not given";
    const need = needs.length > 0 ? `; it needs ${list(needs)}` : "";
    const suppressed =
      suppressedBy.length > 0
        ? `; it is suppressed by ${list(suppressedBy.map((s) => `exception ${s}`))}`
        : "";
    explanation = `${capital(ref)} ${verdict}${need}${suppressed}.`;
  }
  return { ok: true, rule: entry.name, applies, failed, suppressedBy, explanation };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The tests that keep `n` from having the value `want`, descending only where it matters. */
function failures(
  program: Program,
  n: Node,
  values: Values,
  want: boolean,
  term: string | undefined,
  out: FailedCondition[],
): void {
  const v = evaluateNode(n, values);
  if (v === (want ? T : F)) return;
  const inTerm = n.name?.startsWith("term:") ? n.name.slice(5) : term;
  switch (n.k) {
    case "const":
      return;
    case "test": {
      const f = program.facts[n.fact]!;
      const operator = want ? n.operator : NEGATED[n.operator];
      out.push({
        condition: testText(program, n, operator, values),
        fact: f.name,
        actual: values[n.fact] ?? null,
        ...(inTerm !== undefined ? { term: inTerm } : {}),
      });
      return;
    }
    case "not":
      failures(program, n.child, values, !want, inTerm, out);
      return;
    case "all":
    case "any":
      for (const c of n.children) {
        const cv = evaluateNode(c, values);
        if (cv === U || cv === (want ? F : T)) failures(program, c, values, want, inTerm, out);
      }
      return;
  }
}
