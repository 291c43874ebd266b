/**
 * The facts contract: how every surface — `decide`, the CLI, the service, the playground — reads a
 * fact set, in one place (docs/embedding.md#the-facts-contract).
 *
 * - `json` (the default, what `decide` does): a JSON object whose keys are the facts' names exactly
 *   and whose values are JSON of the fact's type — a choice fact one of its values (a string), a
 *   yes/no fact `true`/`false`, a number fact a finite number, a text fact a string. `null` (or a
 *   missing key) means unknown.
 * - `form`: for text typed by people (form fields, `--fact name=value`, answers to questions).
 *   Everything `json` accepts, plus: names in any case and spacing (`Capacity`, `explicit_consent`);
 *   choice values in any case; `yes`/`no`/`y`/`n`/`true`/`false` for yes/no facts; decimal text for
 *   number facts (`"6"`, `" 2.5 "`); a blank answer is unknown. Each conversion is reported.
 *
 * Errors are worded exactly as the generated module (`precept compile --target js`) words them;
 * surfaces add their own hints (the CLI: did-you-mean, and how to write what `form` would read).
 */

import { monthNumber } from "@precept/calendar";
import type { BundleFact, FactValue } from "./bundle.js";
import { isIsoDate } from "./dates.js";
import { count, DEFAULT_LIMITS, shown } from "./limits.js";

/** A problem with a fact set. */
export interface FactError {
  /** The fact name as given ("" when the fact set itself is not an object). */
  readonly fact: string;
  readonly message: string;
  /** The values the fact allows, in words. */
  readonly allowed?: string;
  /** The title of the constraint the facts contradict (then `fact` is ""). */
  readonly constraint?: string;
  /**
   * How to put it right, where one is close ("Write 6 instead.", "Did you mean 'age'?"): added by
   * surfaces that show errors to people (`withFactHints`), never by the contract itself.
   */
  readonly hint?: string;
}

export function allowedValues(f: BundleFact): string {
  switch (f.type) {
    case "choice":
      return `one of ${f.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "set":
      return `a list of any of ${f.values.map((v) => JSON.stringify(v)).join(", ")} (each at most once; [] for none)`;
    case "yes/no":
      return "true or false";
    case "number":
      return f.unit ? `a number (${f.unit})` : "a number";
    case "text":
      return "a string";
    case "date":
      return "a date written YYYY-MM-DD, such as 2024-09-01";
  }
}

export type FactInputMode = "json" | "form";

export interface ReadFactsOptions {
  /** `json` (default): strict JSON types and exact names. `form`: text as people type it. */
  readonly mode?: FactInputMode;
  /** Characters allowed in a text fact's value (default: `DEFAULT_LIMITS.maxTextLength`). */
  readonly maxTextLength?: number;
}

/** A value (or a name) that `form` mode read differently from how it was given. */
export interface Conversion {
  /** The declared fact. */
  readonly fact: string;
  /** What was given, as a message shows it (names: the name as given). */
  readonly given: string;
  /** The value it was read as; `null` for a blank answer read as unknown; absent for names. */
  readonly value?: FactValue | null;
  readonly message: string;
}

export type FactsReading =
  | {
      readonly ok: true;
      /** Declared name → value; unknown facts are left out. */
      readonly facts: Record<string, FactValue>;
      readonly conversions: readonly Conversion[];
    }
  | { readonly ok: false; readonly errors: readonly FactError[] };

export type ValueReading =
  | { readonly ok: true; readonly value: FactValue | null; readonly converted: boolean }
  | { readonly ok: false; readonly error: FactError };

/** Errors beyond this many are summarised: a hostile fact set may have thousands of keys. */
const MAX_ERRORS = 20;

const YES = new Set(["yes", "y", "true"]);
const NO = new Set(["no", "n", "false"]);
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A name or value as `form` mode matches it: trimmed, lower case, `_` as a space, single spaces. */
export function formKey(text: string): string {
  return text.trim().toLowerCase().replace(/_/g, " ").replace(/\s+/g, " ");
}

/** A fact name as a message shows it: never more than 60 characters of it. */
export const shownName = (name: string): string =>
  name.length > 60 ? `${name.slice(0, 60)}… (${count(name.length)} characters)` : name;

/** Reads one value for `fact`. `null`/`undefined` is unknown (`value: null`). */
export function readFactValue(
  fact: BundleFact,
  raw: unknown,
  options: ReadFactsOptions = {},
): ValueReading {
  const maxText = options.maxTextLength ?? DEFAULT_LIMITS.maxTextLength;
  if (raw === null || raw === undefined) return { ok: true, value: null, converted: false };
  // A blank answer in a form is no answer, whatever the fact's type.
  if (options.mode === "form" && typeof raw === "string" && raw.trim() === "") {
    return { ok: true, value: null, converted: true };
  }
  if (fits(fact, raw, maxText)) return { ok: true, value: raw as FactValue, converted: false };
  const form =
    typeof raw === "string"
      ? fromText(fact, raw)
      : fact.type === "set" && Array.isArray(raw)
        ? fromItems(fact, raw)
        : undefined;
  if (form !== undefined && options.mode === "form") {
    return { ok: true, value: form, converted: true };
  }
  const allowed = allowedValues(fact);
  const why =
    typeof raw === "number" && !Number.isFinite(raw)
      ? `a finite number (JSON has no ${raw})`
      : fact.type === "text" && typeof raw === "string"
        ? `at most ${count(maxText)} characters long`
        : allowed;
  return {
    ok: false,
    error: {
      fact: fact.name,
      message:
        fact.type === "date" && typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw)
          ? `'${fact.name}' cannot be ${shown(raw)}: there is no such day.`
          : `'${fact.name}' cannot be ${shown(raw)}: it must be ${why}.`,
      allowed,
    },
  };
}

/** Whether `raw` is a value of `fact` as JSON gives it. */
function fits(fact: BundleFact, raw: unknown, maxText: number): boolean {
  switch (fact.type) {
    case "choice":
      return typeof raw === "string" && fact.values.includes(raw);
    case "set":
      // Distinct listed values; the length bound keeps a hostile array's cost to the list's size.
      return (
        Array.isArray(raw) &&
        raw.length <= fact.values.length &&
        raw.every(
          (x, i) => typeof x === "string" && fact.values.includes(x) && raw.indexOf(x) === i,
        )
      );
    case "yes/no":
      return typeof raw === "boolean";
    case "number":
      return typeof raw === "number" && Number.isFinite(raw);
    case "text":
      return typeof raw === "string" && raw.length <= maxText;
    case "date":
      return isIsoDate(raw);
  }
}

/** What `form` mode reads `text` as (null: blank, unknown), or undefined when it cannot. */
function fromText(fact: BundleFact, text: string): FactValue | null | undefined {
  if (text.trim() === "") return fact.type === "text" ? undefined : null;
  switch (fact.type) {
    case "choice": {
      if (text.length > 1000) return undefined;
      const key = formKey(text);
      return fact.values.find((v) => formKey(v) === key);
    }
    case "set": {
      // The values separated by commas, in any case; `nothing` for none.
      if (formKey(text) === "nothing") return [];
      return fromItems(fact, text.split(","));
    }
    case "yes/no": {
      const word = text.trim().toLowerCase();
      return YES.has(word) ? true : NO.has(word) ? false : undefined;
    }
    case "number": {
      const t = text.trim();
      if (t.length > 400 || !DECIMAL.test(t)) return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    }
    case "text":
      return undefined;
    case "date": {
      const t = text.trim();
      if (isIsoDate(t)) return t;
      // `1 September 2024` (or `1 Sep 2024`), as the language writes dates.
      const m = /^(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4})$/.exec(t);
      const month = m && monthNumber(m[2]!);
      if (!m || !month) return undefined;
      const iso = `${m[3]}-${String(month).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
      return isIsoDate(iso) ? iso : undefined;
    }
  }
}

/** A several-valued fact's value from items in any case (each once, in the list's order). */
function fromItems(
  fact: BundleFact & { readonly values: readonly string[] },
  items: readonly unknown[],
): string[] | undefined {
  if (items.length > fact.values.length * 4) return undefined;
  const chosen = new Set<string>();
  for (const item of items) {
    if (typeof item !== "string" || item.length > 1000) return undefined;
    const key = formKey(item);
    const value = fact.values.find((v) => formKey(v) === key);
    if (value === undefined) return undefined;
    chosen.add(value);
  }
  return fact.values.filter((v) => chosen.has(v));
}

/**
 * Reads a fact set by the contract: the facts by declared name, or every problem (at most 20,
 * then a summary). Never throws on any input.
 */
export function readFacts(
  declared: readonly BundleFact[],
  input: unknown,
  options: ReadFactsOptions = {},
): FactsReading {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          fact: "",
          message: `The facts must be an object of fact names and values, not ${shown(input)}.`,
        },
      ],
    };
  }
  const form = options.mode === "form";
  const byName = new Map(declared.map((f) => [f.name, f]));
  const byKey = form ? new Map(declared.map((f) => [formKey(f.name), f])) : undefined;
  const record = input as Record<string, unknown>;
  const facts: Record<string, FactValue> = Object.create(null);
  const seen = new Map<string, string>();
  const conversions: Conversion[] = [];
  const errors: FactError[] = [];
  let more = 0;
  const fail = (error: FactError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
    else more++;
  };
  for (const name of Object.keys(record)) {
    const fact =
      byName.get(name) ?? (byKey && name.length <= 1000 ? byKey.get(formKey(name)) : undefined);
    if (!fact) {
      fail({
        fact: name.length > 200 ? name.slice(0, 200) : name,
        message: `'${shownName(name)}' is not a fact of this policy. Its facts are: ${declared.map((f) => f.name).join(", ")}.`,
      });
      continue;
    }
    const earlier = seen.get(fact.name);
    if (earlier !== undefined) {
      fail({
        fact: fact.name,
        message: `'${fact.name}' is given twice (as '${shownName(earlier)}' and as '${shownName(name)}').`,
      });
      continue;
    }
    seen.set(fact.name, name);
    if (name !== fact.name) {
      conversions.push({
        fact: fact.name,
        given: name,
        message: `Read the name '${shownName(name)}' as the fact '${fact.name}'.`,
      });
    }
    const reading = readFactValue(fact, record[name], options);
    if (!reading.ok) {
      fail(reading.error);
      continue;
    }
    if (reading.converted) {
      conversions.push({
        fact: fact.name,
        given: shown(record[name]),
        value: reading.value,
        message:
          reading.value === null
            ? `'${fact.name}': left blank, so unknown.`
            : `'${fact.name}': read ${shown(record[name])} as ${JSON.stringify(reading.value)}.`,
      });
    }
    if (reading.value !== null) facts[fact.name] = reading.value;
  }
  if (more > 0) errors.push({ fact: "", message: `… and ${count(more)} more problems.` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, facts, conversions };
}
