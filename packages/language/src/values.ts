/** Typing of values against a fact's declared type: one place for conditions and scenarios. */
import type { ComparisonOperator, FactType, Value } from "./ast.js";
import type { LanguageCode } from "./diagnostics.js";
import type { FactValue } from "./model.js";
import type { Range } from "./position.js";
import { closest, type SuggestionBudget } from "./suggest.js";
import type { FactSymbol } from "./symbols.js";

export interface ValueProblem {
  readonly code: LanguageCode;
  readonly message: string;
  readonly range?: Range;
  readonly suggestion?: string;
  readonly expected?: readonly string[];
}

const YES = new Set(["yes", "true"]);
const NO = new Set(["no", "false"]);
const ORDERING = new Set<string>(["<", "<=", ">", ">="]);
const EMPTY = new Set(["none", "empty", "no values", "none of them", "none of these"]);

type ChoiceType = Extract<FactType, { kind: "choice" | "set" }>;

/** A list fact's values as written and as keys, computed once per fact (lists can be long). */
const choices = new WeakMap<ChoiceType, { texts: string[]; keys: Set<string> }>();
function choicesOf(type: ChoiceType): { texts: string[]; keys: Set<string> } {
  let found = choices.get(type);
  if (!found) {
    found = { texts: type.values.map((v) => v.text), keys: new Set(type.values.map((v) => v.key)) };
    choices.set(type, found);
  }
  return found;
}

/** Messages list at most this many values. */
const LISTED = 12;

/** "a, b or c", or the first few and how many more. */
export function listValues(values: readonly string[]): string {
  if (values.length <= LISTED) return values.join(", ");
  return `${values.slice(0, LISTED).join(", ")} and ${values.length - LISTED} more`;
}

/** "is a yes/no fact", "is one of: a, b", … for messages. */
export function describeType(type: FactType): string {
  switch (type.kind) {
    case "choice":
      return `is a list fact (one of ${listValues(choicesOf(type).texts)})`;
    case "set":
      return `is a several-valued fact (any of ${listValues(choicesOf(type).texts)})`;
    // (Never in scope: declaring merges `also` into the baseline's list.)
    case "also":
      return `adds ${type.values.map((v) => v.text).join(", ")} to a baseline's list`;
    case "yes/no":
      return "is a yes/no fact";
    case "number":
      return `is a number${type.unit ? ` (${type.unit.text})` : ""}`;
    case "text":
      return "is a text fact";
    case "date":
      return "is a date";
  }
}

/** Problems with a date value: `today` (as a phrase) or a date that exists. */
export function checkDateValue(label: string, value: Value, allowToday: boolean): ValueProblem[] {
  if (value.kind === "Date") {
    return value.iso
      ? []
      : [
          {
            code: "invalid-date",
            message: `'${value.raw}' is not a date: ${value.problem}.`,
          },
        ];
  }
  if (allowToday && value.kind === "Phrase" && value.name.key === "today") return [];
  if (value.kind === "Number" && /^\d+-\d+-\d+$/.test(value.raw)) {
    return [
      {
        code: "invalid-date",
        message: `'${value.raw}' is not a date: write dates as 2024-09-01 (year-month-day) or 1 September 2024.`,
      },
    ];
  }
  return [
    {
      code: "type-mismatch",
      message: `'${label}' is a date; compare it with a date such as 2024-09-01 or 1 September 2024${allowToday ? ", or today" : ""}.`,
    },
  ];
}

/**
 * Problems with using `value` for `fact` with `operator` ("member" for `is one of`, "includes"
 * for a test of a several-valued fact, "given" for a value a scenario gives).
 */
export function checkValue(
  fact: FactSymbol,
  value: Value,
  operator: ComparisonOperator | "member" | "includes" | "given",
  budget?: SuggestionBudget,
): ValueProblem[] {
  const type = fact.node.type;
  if (!type) return [];
  const label = fact.label;
  if (operator === "includes" && type.kind !== "set") {
    return [
      {
        code: "type-mismatch",
        message: `'${label}' ${describeType(type)}; only several-valued facts (any of …) take 'includes'. Write: ${label} is …`,
      },
    ];
  }
  if (type.kind === "set" && operator !== "includes" && operator !== "given") {
    return [
      {
        code: "type-mismatch",
        message: `'${label}' ${describeType(type)}, which may hold several values at once; test it with 'includes': ${label} includes …`,
        suggestion: "includes",
      },
    ];
  }
  if (ORDERING.has(operator) && type.kind !== "number" && type.kind !== "date") {
    return [
      {
        code: "type-mismatch",
        message: `'${label}' ${describeType(type)}; only numbers can be compared with '${operator}'.`,
      },
    ];
  }
  switch (type.kind) {
    case "also":
      return [];
    case "date":
      return checkDateValue(label, value, operator !== "member" && operator !== "given");
    case "choice":
    case "set": {
      const { texts: values, keys } = choicesOf(type);
      if (value.kind === "Phrase") {
        if (keys.has(value.name.key)) return [];
        // "none" or "empty" for a several-valued fact's empty answer, which is written `nothing`.
        const empty =
          type.kind === "set" && operator === "given" && EMPTY.has(value.name.key)
            ? "nothing"
            : undefined;
        const suggestion = empty ?? closest(value.name.text, values, budget);
        return [
          {
            code: "unknown-value",
            message: `'${value.name.text}' is not one of the values of '${label}'${suggestion ? `; did you mean '${suggestion}'?` : ` (${listValues(values)}).`}`,
            expected: values,
            ...(suggestion ? { suggestion } : {}),
          },
        ];
      }
      const written = value.kind === "Text" ? value.value : value.raw;
      const match = type.values.find((v) => v.key === written.trim().toLowerCase());
      return [
        {
          code: "type-mismatch",
          message: `'${label}' takes one of its listed values, written without quotes.`,
          expected: values,
          ...(match ? { suggestion: match.text } : {}),
        },
      ];
    }
    case "yes/no":
      if (value.kind === "Phrase" && (YES.has(value.name.key) || NO.has(value.name.key))) return [];
      return [
        {
          code: "type-mismatch",
          message: `'${label}' is a yes/no fact; its value is yes or no.`,
          expected: ["yes", "no"],
        },
      ];
    case "number":
      if (value.kind === "Number") return numberProblems(value);
      return [
        {
          code: "type-mismatch",
          message: `'${label}' ${describeType(type)}; compare it with a number.`,
        },
      ];
    case "text":
      if (value.kind === "Text") return [];
      return [
        {
          code: "type-mismatch",
          message: `'${label}' is a text fact; put the text in quotes.`,
          suggestion: `"${value.kind === "Phrase" ? value.name.text : value.raw}"`,
        },
      ];
    default:
      return [];
  }
}

/** True for the `nothing` of `fact is nothing`: a several-valued fact with no values. */
export function isNothing(value: Value): boolean {
  return value.kind === "Phrase" && value.name.key === "nothing";
}

/**
 * The typed value a scenario gives (call only when checking found no problem): for several-valued
 * facts the values in their declared order, whatever order they were written in.
 */
export function givenValue(type: FactType, value: Value, also: readonly Value[]): FactValue {
  if (type.kind !== "set") return typedValue(type, value);
  if (isNothing(value) && also.length === 0) return [];
  const keys = new Set([value, ...also].map((v) => (v.kind === "Phrase" ? v.name.key : "")));
  return type.values.map((v) => v.key).filter((k) => keys.has(k));
}

/** A number as written, cut short when it is long (a 400-digit literal is quoted by its start). */
function shown(raw: string): string {
  return raw.length > 24 ? `${raw.slice(0, 20)}…` : raw;
}

/**
 * A number that cannot be read, or that would not be the number written: beyond about 1.8 × 10³⁰⁸
 * it is infinite, and beyond 2⁵³ whole numbers are rounded (a bundle would hold another number,
 * or `null`, which json-rules-engine compares as if it were a value).
 */
function numberProblems(value: Extract<Value, { kind: "Number" }>): ValueProblem[] {
  if (Number.isNaN(value.value)) {
    return [
      {
        code: "invalid-number",
        message: `'${shown(value.raw)}' is not a number (write numbers like 18, 2.5 or -3).`,
      },
    ];
  }
  if (!Number.isFinite(value.value) || Math.abs(value.value) > Number.MAX_SAFE_INTEGER) {
    return [
      {
        code: "invalid-number",
        message: `'${shown(value.raw)}' is too large: Precept holds numbers exactly only between -9,007,199,254,740,991 and 9,007,199,254,740,991.`,
      },
    ];
  }
  return [];
}

/** The typed value of a checked value (call only when `checkValue` found no problem). */
export function typedValue(type: FactType, value: Value): Exclude<FactValue, readonly string[]> {
  switch (type.kind) {
    case "choice":
    case "set":
    case "also":
      return value.kind === "Phrase" ? value.name.key : "";
    case "yes/no":
      return value.kind === "Phrase" && YES.has(value.name.key);
    case "number":
      return value.kind === "Number" ? value.value : Number.NaN;
    case "text":
      return value.kind === "Text" ? value.value : "";
    case "date":
      return value.kind === "Date" ? (value.iso ?? "") : "";
  }
}

/** A value as written, for messages. */
export function writtenValue(value: Value): string {
  switch (value.kind) {
    case "Phrase":
      return value.name.text;
    case "Number":
    case "Date":
      return value.raw;
    case "Text":
      return `"${value.value}"`;
  }
}
