/**
 * A rule's conditions as JavaScript: a boolean expression for complete fact sets, and a function
 * body with Kleene's three values for partial ones (docs/semantics.md §2), which can also collect
 * the unknown facts that matter (§6.1). Each test's source comes from the runtime's operator table
 * (`OPERATORS`), the one owner of what an operator means.
 */
import {
  type Condition,
  type FactReference,
  type FactValue,
  OPERATORS,
  type Scalar,
  type TestCondition,
} from "@precept/runtime";
import { literal } from "./literal.js";

/** Generated code's truth values: `all` is the minimum, `any` the maximum, `not` is 2 − x. */
export const F = 0;
export const U = 1;
export const T = 2;

const constant = (c: Condition): boolean | undefined =>
  c.name === "constant:true" ? true : c.name === "constant:false" ? false : undefined;

/** A test's value is a constant, or a reference to a decision-date fact (its value, a date). */
const reference = (c: TestCondition): string | undefined =>
  typeof c.value === "object" && c.value !== null && !Array.isArray(c.value)
    ? (c.value as FactReference).fact
    : undefined;

const test = (
  c: TestCondition,
  x: (fact: number) => string,
  factIndex: ReadonlyMap<string, number>,
): string => {
  const ref = reference(c);
  return OPERATORS[c.operator].source(
    x(factIndex.get(c.fact)!),
    (ref === undefined ? c.value : "") as Scalar | readonly Scalar[],
    ref === undefined ? (v: FactValue) => literal(v) : () => x(factIndex.get(ref)!),
  );
};

/**
 * Whether `c` holds, every fact being known: `x(i)` is the source of fact i's value. Conjuncts
 * with a higher `priority` (the compiler's hint: the test that most often fails) come first.
 */
export function holdsSource(
  c: Condition,
  x: (fact: number) => string,
  factIndex: ReadonlyMap<string, number>,
): string {
  const k = constant(c);
  if (k !== undefined) return String(k);
  if ("all" in c) {
    const parts = [...c.all].sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1));
    return `(${parts.map((p) => holdsSource(p, x, factIndex)).join(" && ")})`;
  }
  if ("any" in c) return `(${c.any.map((p) => holdsSource(p, x, factIndex)).join(" || ")})`;
  if ("not" in c) return `!${holdsSource(c.not, x, factIndex)}`;
  return `(${test(c, x, factIndex)})`;
}

/**
 * The body of `function (v, need)`: the Kleene value of `c` for the values `v` (unknown facts
 * `undefined`), one local per node, children before parents. When `need` is given and the value
 * is unknown, it marks there the facts whose answer could change it (`need[i] = 1`).
 */
export function triBody(c: Condition, factIndex: ReadonlyMap<string, number>): string {
  const lines: string[] = [];
  let next = 0;
  interface Walk {
    readonly local: string;
    readonly fact?: number;
    readonly children: readonly Walk[];
  }
  const visit = (n: Condition): Walk => {
    const k = constant(n);
    if (k !== undefined) {
      const local = `n${next++}`;
      lines.push(`  const ${local} = ${k ? T : F};`);
      return { local, children: [] };
    }
    if ("all" in n || "any" in n || "not" in n) {
      const parts = "all" in n ? n.all : "any" in n ? n.any : [n.not];
      const children = parts.map(visit);
      const local = `n${next++}`;
      const value =
        "not" in n
          ? `${T} - ${children[0]!.local}`
          : children.length === 1
            ? children[0]!.local
            : `Math.${"all" in n ? "min" : "max"}(${children.map((ch) => ch.local).join(", ")})`;
      lines.push(`  const ${local} = ${value};`);
      return { local, children };
    }
    const fact = factIndex.get(n.fact)!;
    const local = `n${next++}`;
    lines.push(
      `  const ${local} = v[${fact}] === undefined ? ${U} : ${test(n, (i) => `v[${i}]`, factIndex)} ? ${T} : ${F};`,
    );
    return { local, fact, children: [] };
  };
  const root = visit(c);
  const marks = (w: Walk, indent: string): string[] => {
    if (w.fact !== undefined) return [`${indent}if (${w.local} === ${U}) need[${w.fact}] = 1;`];
    if (w.children.length === 0) return [];
    const inner = w.children.flatMap((ch) => marks(ch, `${indent}  `));
    return inner.length === 0
      ? []
      : [`${indent}if (${w.local} === ${U}) {`, ...inner, `${indent}}`];
  };
  const walk = marks(root, "    ");
  if (walk.length > 0) lines.push("  if (need !== undefined) {", ...walk, "  }");
  lines.push(`  return ${root.local};`);
  return lines.join("\n");
}
