/**
 * Hints for a refused fact set, in one place for every surface that shows them (the CLI's
 * messages, the service's 400s): how to write a value that form input would have read ("Write 6
 * instead."), and a did-you-mean for a misspelt name or value. The facts contract's errors stay
 * exactly as the generated module words them; a hint is an addition a surface may show.
 *
 * Names and values are matched ignoring case and spacing here; a close spelling needs an edit
 * distance, which the caller supplies (`@precept/language`'s `closest`: the runtime never imports
 * the language package). Without one, only those exact matches are suggested.
 */
import type { BundleFact } from "./bundle.js";
import { type FactError, formKey, readFactValue } from "./fact-input.js";

/** The candidate closest to `word`, or undefined when none is plausibly meant. */
export type Closest = (word: string, candidates: readonly string[]) => string | undefined;

/** Values longer than this get no did-you-mean: nobody misspells a paragraph. */
const MAX_GUESSED = 1000;

/** The value given for an error's fact (by its exact name, or a name read as it). */
function givenFor(given: Readonly<Record<string, unknown>>, fact: string): unknown {
  if (Object.hasOwn(given, fact)) return given[fact];
  return Object.entries(given).find(([k]) => formKey(k) === fact)?.[1];
}

/** A hint for one error, or undefined when there is none to give. */
export function factHint(
  facts: readonly BundleFact[],
  error: FactError,
  given: Readonly<Record<string, unknown>>,
  closest?: Closest,
): string | undefined {
  if (error.fact === "" || error.constraint !== undefined) return undefined;
  const fact = facts.find((f) => f.name === error.fact);
  const names = facts.map((f) => f.name);
  if (!fact) {
    const same = facts.find((f) => formKey(f.name) === formKey(error.fact));
    if (same) return `Did you mean '${same.name}'?`;
    const guess =
      error.fact.length <= MAX_GUESSED ? closest?.(formKey(error.fact), names) : undefined;
    return guess ? `Did you mean '${guess}'?` : undefined;
  }
  // A value a form would have read (a JSON file says "6" for 6): say how to write it.
  const raw = Object.hasOwn(given, error.fact) ? given[error.fact] : undefined;
  const form = readFactValue(fact, raw, { mode: "form" });
  if (raw !== undefined && form.ok && form.value !== null) {
    return `Write ${JSON.stringify(form.value)} instead.`;
  }
  const value = givenFor(given, error.fact);
  const guessValue = (item: string): string | undefined => {
    if (item.length > MAX_GUESSED || (fact.type !== "choice" && fact.type !== "set"))
      return undefined;
    const key = formKey(item);
    return fact.values.find((v) => formKey(v) === key) ?? closest?.(key, fact.values);
  };
  if (fact.type === "choice") {
    const guess = typeof value === "string" ? guessValue(value) : undefined;
    return guess ? `Did you mean '${guess}'?` : undefined;
  }
  if (fact.type === "set") {
    const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
    const bad = items.find(
      (item): item is string =>
        typeof item === "string" && !fact.values.some((v) => formKey(v) === formKey(item)),
    );
    const guess = bad === undefined ? undefined : guessValue(bad);
    return guess ? `Did you mean '${guess}'?` : undefined;
  }
  return undefined;
}

/** The errors, each with its hint when it has one (`hint`). */
export function withFactHints(
  facts: readonly BundleFact[],
  errors: readonly FactError[],
  given: Readonly<Record<string, unknown>>,
  closest?: Closest,
): FactError[] {
  return errors.map((e) => {
    const hint = factHint(facts, e, given, closest);
    return hint === undefined ? e : { ...e, hint };
  });
}
