/**
 * Facts from the command line, read by the runtime's facts contract (`readFacts`): a facts file
 * (`--facts`) is JSON, read strictly as `decide` reads it — so a file that works here works when
 * embedded — and `--fact name=value` is typed text, read in `form` mode (names in any case, "yes",
 * "6", a blank value for unknown). Every mistake is a CliError with the runtime's message and, where
 * one is close, a did-you-mean or how to write the value (the runtime's `factHint`, which the
 * service's 400s give too).
 */
import { closest } from "@precept/language";
import {
  type BundleFact,
  type FactError,
  type FactValue,
  factHint,
  formKey,
  readFacts,
} from "@precept/runtime";
import { CliError } from "./errors.js";
import { factArgsExample, parseFactArg } from "./facts-json.js";

export type FactSet = Record<string, FactValue>;

export function describeType(fact: BundleFact): string {
  switch (fact.type) {
    case "choice":
      return `one of ${fact.values.join(", ")}`;
    case "set":
      return `any of ${fact.values.join(", ")} (several separated by commas, or nothing)`;
    case "yes/no":
      return "yes or no";
    case "number":
      return fact.unit ? `a number (${fact.unit})` : "a number";
    case "text":
      return "any text";
    case "date":
      return "a date such as 2024-09-01";
  }
}

/** The first error's hint (the runtime's `factHint`, with the language's did-you-mean). */
function hintFor(
  facts: readonly BundleFact[],
  errors: readonly FactError[],
  given: Readonly<Record<string, unknown>>,
): string | undefined {
  for (const e of errors) {
    const hint = factHint(facts, e, given, closest);
    if (hint !== undefined) return hint;
  }
  return undefined;
}

function fail(
  facts: readonly BundleFact[],
  errors: readonly FactError[],
  given: Readonly<Record<string, unknown>>,
  where: string,
): never {
  const hint = hintFor(facts, errors, given);
  throw new CliError(
    `${where}${errors.map((e) => e.message).join(" ")}`,
    undefined,
    hint ?? `Example: ${factArgsExample(facts)}`,
  );
}

/**
 * The fact set from a facts file (already parsed JSON, read strictly) and `--fact` pairs (read as
 * form input); a pair given later wins, and a pair with a blank value makes the fact unknown.
 */
export function buildFactSet(
  facts: readonly BundleFact[],
  fromFile: Readonly<Record<string, unknown>>,
  pairs: readonly string[],
  fileName = "the facts file",
): FactSet {
  const file = readFacts(facts, fromFile);
  if (!file.ok) fail(facts, file.errors, fromFile, `In ${fileName}: `);
  const out: FactSet = Object.assign(Object.create(null), file.facts);
  for (const pair of pairs) {
    const [name, raw] = parseFactArg(pair, facts);
    const given = { [name]: raw };
    const read = readFacts(facts, given, { mode: "form" });
    if (!read.ok) fail(facts, read.errors, given, "");
    const fact = facts.find((f) => formKey(f.name) === formKey(name))!;
    if (Object.hasOwn(read.facts, fact.name)) out[fact.name] = read.facts[fact.name]!;
    else delete out[fact.name];
  }
  return out;
}
