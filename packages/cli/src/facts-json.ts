/**
 * Reading what the user typed for facts, before the policy is loaded: the JSON of a facts file and
 * the `name=value` of `--fact`. (Typing the values by the policy's facts is in facts.ts.)
 */
import type { BundleFact } from "@precept/runtime";
import { CliError } from "./errors.js";
import { findJsonProblem } from "./json-error.js";

type ExampleFact = readonly [name: string, value: string | boolean];

/** For messages given before a policy is loaded: the BPS baseline's facts, shipped with Precept. */
const GENERIC_EXAMPLE: readonly ExampleFact[] = [
  ["other person", "current service user"],
  ["explicit permission to publish", false],
];

/**
 * Facts to show in an example: the policy's first list fact and first yes/no fact, so that the
 * example works as given; the generic example only without a policy.
 */
export function exampleFacts(facts?: readonly BundleFact[]): readonly ExampleFact[] {
  if (!facts) return GENERIC_EXAMPLE;
  const out: ExampleFact[] = [];
  const choice = facts.find((f) => f.type === "choice");
  if (choice?.type === "choice" && choice.values[0] !== undefined) {
    out.push([choice.name, choice.values[0]]);
  }
  const yesNo = facts.find((f) => f.type === "yes/no");
  if (yesNo) out.push([yesNo.name, false]);
  // A policy with neither still gets an example in its own words.
  const other = facts[0];
  if (out.length === 0 && other)
    out.push([other.name, other.type === "number" ? "1" : "some text"]);
  return out.length > 0 ? out : GENERIC_EXAMPLE;
}

/** `--fact "name=value" …` for the example facts. */
export function factArgsExample(facts?: readonly BundleFact[]): string {
  return exampleFacts(facts)
    .map(([name, value]) => `--fact "${name}=${value === false ? "no" : value}"`)
    .join(" ");
}

/** A facts file's JSON for the example facts. */
export function factsJsonExample(facts?: readonly BundleFact[]): string {
  const entries = exampleFacts(facts).map(([name, value]) => {
    const number = facts?.find((f) => f.name === name)?.type === "number";
    return `${JSON.stringify(name)}: ${number ? value : JSON.stringify(value)}`;
  });
  return `{${entries.join(", ")}}`;
}

/** Parses the text of a facts file: a JSON object. `facts`: the policy's, for the example. */
export function parseFactsJson(
  text: string,
  shown: string,
  facts?: readonly BundleFact[],
): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const problem = findJsonProblem(body) ?? { offset: 0, message: "not valid JSON" };
    const before = body.slice(0, problem.offset).split("\n");
    const at = { line: before.length, column: before.at(-1)!.length + 1 };
    throw new CliError(
      `${shown}:${at.line}:${at.column}: not valid JSON: ${problem.message}.`,
      undefined,
      `A facts file is a JSON object of fact names and values, e.g. ${factsJsonExample(facts)}.`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(
      `${shown} must hold a JSON object of fact names and values, not ${Array.isArray(value) ? "a list" : JSON.stringify(value)}.`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Splits `name=value` (the name may contain spaces; the first `=` separates). `facts`: the
 * policy's, for the example.
 */
export function parseFactArg(arg: string, facts?: readonly BundleFact[]): [string, string] {
  const at = arg.indexOf("=");
  if (at <= 0) {
    throw new CliError(
      `--fact needs name=value, not '${arg}'.`,
      undefined,
      `Example: ${factArgsExample(facts)}`,
    );
  }
  return [arg.slice(0, at).trim(), arg.slice(at + 1).trim()];
}
