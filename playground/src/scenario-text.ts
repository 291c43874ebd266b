/**
 * "Save as scenario": a tried situation and its decision written as a Precept scenario, in the
 * language's own syntax, so that it becomes a test the policy must keep passing.
 */
import type { BundleFact, Decision } from "@precept/runtime";
import type { Situation } from "./share.js";

/** A quoted text as the lexer reads it back (backslash escapes; no line breaks). */
export function quoted(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, " ").trim();
  return `"${oneLine.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The `given` items for the known facts, in declaration order. */
export function givenItems(facts: readonly BundleFact[], situation: Situation): string[] {
  const items: string[] = [];
  for (const fact of facts) {
    if (!Object.hasOwn(situation, fact.name)) continue;
    const value = situation[fact.name];
    if (fact.type === "yes/no" && typeof value === "boolean") {
      items.push(value ? fact.label : `not ${fact.label}`);
    } else if (fact.type === "choice" && typeof value === "string" && fact.values.includes(value)) {
      items.push(`${fact.label} is ${value}`);
    } else if (fact.type === "set" && Array.isArray(value)) {
      const values = fact.values.filter((v) => value.includes(v));
      items.push(`${fact.label} is ${values.length === 0 ? "nothing" : values.join(" and ")}`);
    } else if (fact.type === "number" && typeof value === "number" && Number.isFinite(value)) {
      items.push(`${fact.label} is ${value}`);
    } else if (
      fact.type === "date" &&
      typeof value === "string" &&
      /^\d{4}-\d{2}-\d{2}$/.test(value)
    ) {
      items.push(`${fact.label} is ${value}`);
    } else if (fact.type === "text" && typeof value === "string") {
      items.push(`${fact.label} is ${quoted(value)}`);
    }
  }
  return items;
}

/** The expectation that pins this decision. */
export function expectation(decision: Decision, facts: readonly BundleFact[]): string {
  if (decision.undetermined) {
    const labels = decision.undetermined.needs.map(
      (n) => facts.find((f) => f.name === n.fact)?.label ?? n.fact,
    );
    return labels.length > 0
      ? `expect undetermined needs ${labels.join(", ")}`
      : "expect undetermined";
  }
  // An exception's id (`3.2#1`) is written as its rule: `by rule 3.2` also matches its exceptions.
  const rules = [...new Set(decision.decidingRules.map((id) => id.replace(/#.*$/, "")))];
  return rules.length > 0
    ? `expect ${decision.outcome} by rule${rules.length > 1 ? "s" : ""} ${rules.join(", ")}`
    : `expect ${decision.outcome}`;
}

/** The whole scenario, to append to a policy; undefined when no fact is known yet. */
export function scenarioText(
  title: string,
  facts: readonly BundleFact[],
  situation: Situation,
  decision: Decision,
): string | undefined {
  const given = givenItems(facts, situation);
  if (given.length === 0) return undefined;
  // A decision that depended on the decision date is saved with it (`as of`), so that it stays true.
  const asOf = decision.asOf ? ` as of ${decision.asOf}` : "";
  return [
    `scenario ${quoted(title || "A tried situation")}${asOf}`,
    `  given ${given.join(", ")}`,
    `  ${expectation(decision, facts)}`,
  ].join("\n");
}
