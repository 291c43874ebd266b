/**
 * The one list of test operators and what each means: the runtime's own comparisons, the negations
 * explanations and unknown-fact rules use, the bundle check, and the JavaScript source the
 * generated-module target (`precept compile --target js`) emits for a test all come from here.
 */
import type { FactValue, Operator, Scalar } from "./bundle.js";

export interface OperatorDefinition {
  /** The test on a known value, of the right type. */
  readonly holds: (x: FactValue, value: Scalar | readonly Scalar[]) => boolean;
  /** The test that holds exactly when this one does not, for a known value of the right type. */
  readonly negated: Operator;
  /** Whether the value is a list (`in`, `notIn`) rather than a single value. */
  readonly takesList: boolean;
  /** Whether it compares numbers (needs a number fact). */
  readonly numeric: boolean;
  /**
   * The test as a JavaScript expression: `x` is the source of the fact's value, `literal` turns a
   * value into safe source text. The expression must hold exactly when `holds` does.
   */
  readonly source: (
    x: string,
    value: Scalar | readonly Scalar[],
    literal: (v: Scalar) => string,
  ) => string;
}

const list = (value: Scalar | readonly Scalar[]): readonly Scalar[] => value as readonly Scalar[];
const one = (value: Scalar | readonly Scalar[]): Scalar => value as Scalar;

/** `x === a || x === b …`: V8 compiles short lists of literals to a few compares. */
const member = (x: string, value: Scalar | readonly Scalar[], literal: (v: Scalar) => string) =>
  list(value).length === 0
    ? "false"
    : `(${list(value)
        .map((v) => `${x} === ${literal(v)}`)
        .join(" || ")})`;

export const OPERATORS: Readonly<Record<Operator, OperatorDefinition>> = {
  equal: {
    holds: (x, v) => x === v,
    negated: "notEqual",
    takesList: false,
    numeric: false,
    source: (x, v, literal) => `${x} === ${literal(one(v))}`,
  },
  notEqual: {
    holds: (x, v) => x !== v,
    negated: "equal",
    takesList: false,
    numeric: false,
    source: (x, v, literal) => `${x} !== ${literal(one(v))}`,
  },
  lessThan: {
    holds: (x, v) => (x as number) < (v as number),
    negated: "greaterThanInclusive",
    takesList: false,
    numeric: true,
    source: (x, v, literal) => `${x} < ${literal(one(v))}`,
  },
  lessThanInclusive: {
    holds: (x, v) => (x as number) <= (v as number),
    negated: "greaterThan",
    takesList: false,
    numeric: true,
    source: (x, v, literal) => `${x} <= ${literal(one(v))}`,
  },
  greaterThan: {
    holds: (x, v) => (x as number) > (v as number),
    negated: "lessThanInclusive",
    takesList: false,
    numeric: true,
    source: (x, v, literal) => `${x} > ${literal(one(v))}`,
  },
  greaterThanInclusive: {
    holds: (x, v) => (x as number) >= (v as number),
    negated: "lessThan",
    takesList: false,
    numeric: true,
    source: (x, v, literal) => `${x} >= ${literal(one(v))}`,
  },
  in: {
    holds: (x, v) => list(v).includes(x as Scalar),
    negated: "notIn",
    takesList: true,
    numeric: false,
    source: member,
  },
  notIn: {
    holds: (x, v) => !list(v).includes(x as Scalar),
    negated: "in",
    takesList: true,
    numeric: false,
    source: (x, v, literal) => `!${member(x, v, literal)}`,
  },
  /** On several-valued facts (format /2): the fact's array includes the value. */
  contains: {
    holds: (x, v) => (x as readonly string[]).includes(v as string),
    negated: "doesNotContain",
    takesList: false,
    numeric: false,
    source: (x, v, literal) => `${x}.includes(${literal(one(v))})`,
  },
  doesNotContain: {
    holds: (x, v) => !(x as readonly string[]).includes(v as string),
    negated: "contains",
    takesList: false,
    numeric: false,
    source: (x, v, literal) => `!${x}.includes(${literal(one(v))})`,
  },
};

/** Every operator name, in the order above. */
export const OPERATOR_NAMES: readonly Operator[] = Object.keys(OPERATORS) as Operator[];
