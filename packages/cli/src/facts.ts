/**
 * Facts from the command line: a JSON file (`--facts`) and `--fact name=value` pairs, read against
 * the policy's declared facts. Names are matched like the language matches them (case and spacing
 * do not matter); values are typed by the fact's declared type. Every mistake is a CliError that
 * says what was wrong and what would be right.
 */
import { closest } from "@precept/language";
import type { BundleFact, FactValue } from "@precept/runtime";
import { CliError } from "./errors.js";
import { factKey, parseFactArg } from "./facts-json.js";

export type FactSet = Record<string, FactValue>;

/** The declared fact a user's name refers to, or a CliError with a did-you-mean. */
export function findFact(facts: readonly BundleFact[], name: string): BundleFact {
  const key = factKey(name);
  const found =
    facts.find((f) => f.name === key) ??
    facts.find((f) => f.name === factKey(key.replace(/[_]/g, " ")));
  if (found) return found;
  const guess = closest(
    key,
    facts.map((f) => f.name),
  );
  throw new CliError(
    `'${name}' is not a fact of this policy.${guess ? ` Did you mean '${guess}'?` : ""}`,
    undefined,
    `Its facts are: ${facts.map((f) => f.name).join(", ")}.`,
  );
}

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
  }
}

const YES = new Set(["yes", "y", "true"]);
const NO = new Set(["no", "n", "false"]);

/** A value typed by its fact, or a CliError naming the fact and the values it allows. */
export function typeValue(fact: BundleFact, raw: unknown): FactValue {
  const bad = (extra = ""): never => {
    throw new CliError(
      `The fact '${fact.name}' cannot be ${JSON.stringify(raw)}: it is ${describeType(fact)}.${extra}`,
    );
  };
  switch (fact.type) {
    case "choice": {
      if (typeof raw !== "string") return bad();
      const key = factKey(raw);
      if (fact.values.includes(key)) return key;
      const guess = closest(key, fact.values);
      return bad(guess ? ` Did you mean '${guess}'?` : "");
    }
    case "set": {
      // A JSON list, or on the command line the values separated by commas; `nothing` for none.
      const items =
        typeof raw === "string"
          ? factKey(raw) === "nothing" || raw.trim() === ""
            ? []
            : raw.split(",")
          : raw;
      if (!Array.isArray(items) || items.length > fact.values.length * 4) return bad();
      const keys = new Set<string>();
      for (const item of items) {
        if (typeof item !== "string") return bad();
        const key = factKey(item);
        if (!fact.values.includes(key)) {
          const guess = closest(key, fact.values);
          return bad(
            ` '${item.trim()}' is not one of its values.${guess ? ` Did you mean '${guess}'?` : ""}`,
          );
        }
        keys.add(key);
      }
      return fact.values.filter((v) => keys.has(v));
    }
    case "yes/no": {
      if (typeof raw === "boolean") return raw;
      if (typeof raw !== "string") return bad();
      const word = raw.trim().toLowerCase();
      if (YES.has(word)) return true;
      if (NO.has(word)) return false;
      return bad();
    }
    case "number": {
      if (typeof raw === "number" && Number.isFinite(raw)) return raw;
      if (typeof raw !== "string" || raw.trim() === "") return bad();
      const n = Number(raw.trim());
      return Number.isFinite(n) ? n : bad();
    }
    case "text":
      return typeof raw === "string" ? raw : bad();
  }
}

/**
 * The fact set from a facts file (already parsed) and `--fact` pairs; a pair given later wins.
 * `null` in the file means "not known" and is left out.
 */
export function buildFactSet(
  facts: readonly BundleFact[],
  fromFile: Readonly<Record<string, unknown>>,
  pairs: readonly string[],
): FactSet {
  const out: FactSet = Object.create(null);
  for (const [name, raw] of Object.entries(fromFile)) {
    const fact = findFact(facts, name);
    if (raw === null) continue;
    out[fact.name] = typeValue(fact, raw);
  }
  for (const pair of pairs) {
    const [name, raw] = parseFactArg(pair, facts);
    const fact = findFact(facts, name);
    out[fact.name] = typeValue(fact, raw);
  }
  return out;
}
