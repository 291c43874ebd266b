/**
 * Declarations described in words, for completion details and hovers. Printed from the syntax
 * tree, so a baseline's declarations read the same without its text at hand.
 */
import type * as A from "../ast.js";
import { dateComparisonText } from "../format-layout.js";
import type { FactSymbol } from "../symbols.js";

/** `one of a, b` / `yes or no` / `number (years)` / `text`, as the type is written. */
export function factTypeText(type: A.FactType | undefined): string {
  switch (type?.kind) {
    case "choice":
      return `one of ${type.values.map((v) => v.text).join(", ")}`;
    case "set":
      return `any of ${type.values.map((v) => v.text).join(", ")}`;
    case "also":
      return `also ${type.values.map((v) => v.text).join(", ")}`;
    case "yes/no":
      return "yes or no";
    case "number":
      return type.unit ? `number (${type.unit.text})` : "number";
    case "text":
      return "text";
    case "date":
      return "date";
    default:
      return "";
  }
}

/** The values a fact can take, as words ("yes", "no" for yes/no facts). */
export function factValues(fact: FactSymbol): string[] {
  const type = fact.node.type;
  if (type?.kind === "choice" || type?.kind === "set") return type.values.map((v) => v.text);
  if (type?.kind === "yes/no") return ["yes", "no"];
  return [];
}

/** A value as written. */
export function valueText(v: A.Value): string {
  switch (v.kind) {
    case "Phrase":
      return v.name.text;
    case "Number":
      return v.raw;
    case "Text":
      return JSON.stringify(v.value);
    case "Date":
      return v.raw;
  }
}

/** A condition in the language's own words, with the author's grouping. */
export function conditionText(c: A.Condition): string {
  switch (c.kind) {
    case "And":
      return c.operands.map(conditionText).join(" and ");
    case "Or":
      return c.operands.map(conditionText).join(" or ");
    case "Not":
      return `not ${conditionText(c.operand)}`;
    case "Group":
      return `(${conditionText(c.inner)})`;
    case "Reference":
      return c.name.text;
    case "Comparison":
      return `${c.subject.text} ${c.operator} ${valueText(c.value)}`;
    case "Membership":
      return `${c.subject.text} is ${c.negated ? "not " : ""}one of ${c.values.map(valueText).join(", ")}`;
    case "Includes":
      return `${c.subject.text} includes ${c.quantifier === "one" ? "" : `${c.quantifier} of `}${c.values.map(valueText).join(", ")}`;
    case "DateComparison":
      return dateComparisonText(c, valueText);
  }
}
