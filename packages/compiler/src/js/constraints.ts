/**
 * A policy's constraints between facts in a generated module: per constraint, its Kleene value
 * and the phrase the runtime's refusal gives ("These facts contradict the constraint …: …"),
 * written as code from the condition at generation time, as the runtime's explainer phrases it
 * (explain.ts `phrase`: an `and` that fails names only its failing parts, an `or` all of them).
 */
import {
  type Bundle,
  type BundleFact,
  type Condition,
  DECISION_DATE,
  decisionDateText,
  type FactReference,
  NEGATED,
  phraseTest,
  type Scalar,
  type TestCondition,
} from "@precept/runtime";
import { F, T, triBody } from "./conditions.js";
import { literal } from "./literal.js";

/** Stands for a decision-date fact's value in a phrase made before the value is known. */
const HOLE = "\u0000";

export function constraintsSource(b: Bundle, factIndex: ReadonlyMap<string, number>): string {
  const n = b.facts.length;
  const factAt = (i: number): BundleFact =>
    i < n
      ? b.facts[i]!
      : { name: b.dates![i - n]!.name, label: b.dates![i - n]!.name, type: "date" };
  const decisionDate = factIndex.get(DECISION_DATE) ?? -1;
  const terms = new Map(b.terms.map((t) => [t.name, t]));
  const tri = (c: Condition): string => `(function (v, need) {\n${triBody(c, factIndex)}\n})(v)`;

  const testPhrase = (c: TestCondition, want: boolean): string => {
    const fact = factIndex.get(c.fact)!;
    const f = factAt(fact);
    const label = fact === decisionDate ? "the decision date" : f.label;
    const operator = want ? c.operator : NEGATED[c.operator];
    const value = c.value as Scalar | readonly Scalar[] | FactReference;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return literal(phraseTest(f, label, operator, value as Scalar | readonly Scalar[]));
    }
    const refName = (value as FactReference).fact;
    const [before, after] = phraseTest(f, label, operator, HOLE).split(HOLE) as [string, string];
    return `${literal(before)} + v[${factIndex.get(refName)!}] + ${literal(`${after} (${decisionDateText(refName)})`)}`;
  };
  const skippedWhenTrue = (c: Condition): boolean =>
    ("not" in c && c.not.name?.startsWith("exception:") === true) ||
    (!("all" in c) &&
      !("any" in c) &&
      !("not" in c) &&
      factIndex.get((c as TestCondition).fact) === decisionDate &&
      typeof (c as TestCondition).value !== "object");
  const phrase = (c: Condition, want: boolean): string => {
    if (c.name?.startsWith("term:")) {
      const description = terms.get(c.name.slice(5))?.description;
      if (description) return literal(want ? description : `not: ${description}`);
    }
    if (c.name === "constant:true" || c.name === "constant:false") {
      return literal(want ? "always" : "never");
    }
    if ("not" in c) return phrase(c.not, !want);
    if ("all" in c || "any" in c) {
      const children = "all" in c ? c.all : c.any;
      const every = "all" in c === want;
      const target = want ? T : F;
      const parts = children
        .filter((child) => !(want && skippedWhenTrue(child)))
        .map((child) =>
          every
            ? phrase(child, want)
            : `(${tri(child)} === ${target} ? ${phrase(child, want)} : null)`,
        );
      return `joined([${parts.join(", ")}])`;
    }
    return testPhrase(c as TestCondition, want);
  };
  return [
    "/** The constraints between facts: each fact set must leave every one possible. */",
    "const CONSTRAINTS = [",
    ...(b.constraints ?? []).map(
      (c) =>
        `  {\n    title: ${literal(c.title)},\n    tri: function (v, need) {\n${triBody(c.conditions, factIndex)}\n    },\n    phrase: function (v) {\n      return ${phrase(c.conditions, false)};\n    },\n  },`,
    ),
    "];",
  ].join("\n");
}
