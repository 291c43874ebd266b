/**
 * Plain English for decisions and why-not answers. A term with a `means` text is explained by it;
 * anything else is phrased from the condition, mentioning only the parts that made the difference
 * (the operands of `or` that held, the operands of `and` that failed).
 */
import {
  type BundleCitation,
  type BundleDefaultSetBy,
  type BundleFact,
  DECISION_DATE,
  type FactValue,
  type Operator,
  type Scalar,
} from "./bundle.js";
import { allowedValues } from "./fact-input.js";
import { OPERATOR_NAMES, OPERATORS } from "./operators.js";
import {
  type Entry,
  evaluateNode,
  F,
  type Node,
  type Program,
  T,
  testValue,
  type Values,
} from "./program.js";

/** The test that holds exactly when the original does not, for a known value of the right type. */
export const NEGATED: Readonly<Record<Operator, Operator>> = Object.fromEntries(
  OPERATOR_NAMES.map((o) => [o, OPERATORS[o].negated]),
) as Record<Operator, Operator>;

const NUMERIC: Partial<Record<Operator, string>> = {
  lessThan: "is less than",
  lessThanInclusive: "is at most",
  greaterThan: "is more than",
  greaterThanInclusive: "is at least",
};

const DATES: Partial<Record<Operator, string>> = {
  lessThan: "is before",
  lessThanInclusive: "is on or before",
  greaterThan: "is after",
  greaterThanInclusive: "is on or after",
};

/** `2 years before the decision date` for a decision-date fact's name. */
export function decisionDateText(name: string): string {
  if (name === DECISION_DATE) return "the decision date";
  const m = / ([-+]) (.*)$/.exec(name);
  return m ? `${m[2]} ${m[1] === "-" ? "before" : "after"} the decision date` : name;
}

/** A test of an `in force` clause: the decision date against a constant date. */
export function isInForceTest(program: Program, n: Node): boolean {
  return n.k === "test" && n.fact === program.decisionDate && n.ref === undefined;
}

/** A test node in words, with `operator` (its own or its negation) and the values on hand. */
export function testText(
  program: Program,
  n: Extract<Node, { k: "test" }>,
  operator: Operator,
  values: Values,
): string {
  const f = program.facts[n.fact];
  const label = n.fact === program.decisionDate ? "the decision date" : (f?.label ?? "");
  const text = phraseTest(f, label, operator, testValue(n, values));
  if (n.ref === undefined) return text;
  return `${text} (${decisionDateText(program.facts[n.ref]!.name)})`;
}

/** `not <exception's condition>` in a rule: "no exception applies", never worth saying. */
export const isExceptionGuard = (n: Node): boolean =>
  n.k === "not" && n.child.name?.startsWith("exception:") === true;

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function list(items: readonly string[], last = "and"): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

export function showValue(f: BundleFact | undefined, v: FactValue): string {
  if (Array.isArray(v)) return v.length === 0 ? "nothing" : list(v);
  if (f?.type === "text") return JSON.stringify(v);
  if (f?.type === "yes/no") return v ? "yes" : "no";
  return String(v);
}

/** A test, as the policy's own words would put it. */
export function phraseTest(
  f: BundleFact | undefined,
  label: string,
  operator: Operator,
  value: Scalar | readonly Scalar[],
): string {
  if (operator === "contains") return `${label} includes ${String(value)}`;
  if (operator === "doesNotContain") return `${label} does not include ${String(value)}`;
  if (
    f?.type === "yes/no" &&
    typeof value === "boolean" &&
    (operator === "equal" || operator === "notEqual")
  ) {
    return (operator === "equal") === value ? label : `not ${label}`;
  }
  if (Array.isArray(value)) {
    const shown = value.map((v) => showValue(f, v));
    if (shown.length === 1) return `${label} is ${operator === "in" ? "" : "not "}${shown[0]}`;
    return `${label} is ${operator === "in" ? "" : "not "}one of ${list(shown, "or")}`;
  }
  const v = showValue(f, value as Scalar);
  const unit = f?.type === "number" && f.unit ? ` ${f.unit}` : "";
  if (operator === "equal") return `${label} is ${v}${unit}`;
  if (operator === "notEqual") return `${label} is not ${v}${unit}`;
  if (f?.type === "date") return `${label} ${DATES[operator]} ${v}`;
  return `${label} ${NUMERIC[operator]} ${v}${unit}`;
}

/** The fact's question, or one made from its label and type. */
export function factQuestion(f: BundleFact): string {
  if (f.question) return f.question;
  const label = capitalise(f.label);
  switch (f.type) {
    case "choice":
      return `${label}: ${list(f.values, "or")}?`;
    case "set":
      return `${label}: any of ${list(f.values)} (several, or none)?`;
    case "yes/no":
      return `${label}: yes or no?`;
    case "number":
      return f.unit ? `${label} (${f.unit})?` : `${label}?`;
    case "text":
      return `${label}?`;
    case "date":
      return `${label} (a date, such as 2024-09-01)?`;
  }
}

export class Explainer {
  constructor(private readonly program: Program) {}

  get defaultOutcome(): string {
    return this.program.defaultOutcome.name;
  }

  /** The layer that set its own default, and why (absent for the outcomes list's default). */
  get defaultSetBy(): BundleDefaultSetBy | undefined {
    return this.program.bundle.defaultSetBy;
  }

  /** "; Northfield Trust's default is caution: <reason>" after "no rule applies", or nothing. */
  layerDefault(): string {
    const by = this.defaultSetBy;
    if (!by) return "";
    const reason = by.reason ? `: ${by.reason}` : "";
    return `; ${by.layer}'s default is ${this.outcomeLabel(this.defaultOutcome)}${reason}`;
  }

  outcomeLabel(name: string): string {
    return this.program.outcomes.get(name)?.label ?? name;
  }

  factLabel(i: number): string {
    return this.program.facts[i]?.label ?? "";
  }

  /** Why `n` has the value `want` under `values` (which it must have). */
  phrase(n: Node, values: Values, want: boolean): string {
    if (n.name?.startsWith("term:")) {
      const term = this.program.terms.get(n.name.slice(5));
      if (term?.description) return want ? term.description : `not: ${term.description}`;
    }
    switch (n.k) {
      case "const":
        return want ? "always" : "never";
      case "test":
        return testText(this.program, n, want ? n.operator : NEGATED[n.operator], values);
      case "not":
        return this.phrase(n.child, values, !want);
      case "all":
      case "any": {
        // `and` true / `or` false: every operand counts; otherwise only those with the value.
        const every = (n.k === "all") === want;
        const target = want ? T : F;
        const parts = n.children
          .filter((c) => every || evaluateNode(c, values) === target)
          .filter((c) => !(want && (isExceptionGuard(c) || isInForceTest(this.program, c))))
          .map((c) => this.phrase(c, values, want))
          .filter((p) => p !== "always");
        return parts.join(" and ") || "always";
      }
    }
  }

  /** Why an applicable entry applies, with its reference and citations in brackets. */
  because(e: Entry, values: Values): string {
    let exceptionPart: string | undefined;
    const parts = e.root.k === "all" && e.root.name === undefined ? e.root.children : [e.root];
    const own: string[] = [];
    for (const p of parts) {
      if (isExceptionGuard(p) || isInForceTest(this.program, p)) continue;
      if (p.name?.startsWith("exception:")) exceptionPart = this.phrase(p, values, true);
      else own.push(this.phrase(p, values, true));
    }
    const rulePart = own.filter((x) => x !== "always").join(" and ") || "always";
    const why =
      exceptionPart === undefined
        ? rulePart
        : rulePart === "always"
          ? exceptionPart
          : `${rulePart}, and by exception ${exceptionPart}`;
    return `${why} (${[this.reference(e), ...e.params.citations.map((c) => this.citation(c))].join("; ")})`;
  }

  reference(e: Entry): string {
    const f = e.params.inForce;
    // Which version of a dated rule applied: "rule 4.2, in force from 2024-09-01".
    const version = f
      ? ` as in force${f.from ? ` from ${f.from}` : ""}${f.until ? ` until ${f.until}` : ""}`
      : "";
    // A rule's own entry; an advice-only rule's is of kind `advice` without an exception.
    if (e.kind === "rule" || e.params.exception === null) return `rule ${e.params.rule}${version}`;
    const title = e.params.title ? ` "${e.params.title}"` : "";
    return `exception${title} to rule ${e.params.rule}${version}`;
  }

  citation(c: BundleCitation): string {
    const source = this.program.bundle.sources.find((s) => s.id === c.source);
    let name = c.source;
    if (source) {
      const short = source.title.split(":")[0]!.trim();
      name =
        source.id.length <= 5 && !short.toLowerCase().includes(source.id.toLowerCase())
          ? `${source.id.toUpperCase()} ${short}`
          : short;
    }
    const section = c.section ? ` §${c.section}` : "";
    const quote = c.quote ? `: "${c.quote}"` : "";
    return `${name}${section}${quote}`;
  }

  question(i: number): string {
    return factQuestion(this.program.facts[i]!);
  }

  /** "must be one of …" for a fact, for error messages. */
  allowed(i: number): string {
    return allowedValues(this.program.facts[i]!);
  }
}
