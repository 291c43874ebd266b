/**
 * Reading what the user typed for facts, before the policy is loaded: the JSON of a facts file and
 * the `name=value` of `--fact`. (Typing the values by the policy's facts is in facts.ts.)
 */
import { CliError } from "./errors.js";
import { findJsonProblem } from "./json-error.js";

/** A name as the language keys it: lower case, single spaces. */
export function factKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Parses the text of a facts file: a JSON object. */
export function parseFactsJson(text: string, shown: string): Record<string, unknown> {
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
      'A facts file is a JSON object of fact names and values, e.g. {"relationship": "colleague", "explicit consent to publish": false}.',
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(
      `${shown} must hold a JSON object of fact names and values, not ${Array.isArray(value) ? "a list" : JSON.stringify(value)}.`,
    );
  }
  return value as Record<string, unknown>;
}

/** Splits `name=value` (the name may contain spaces; the first `=` separates). */
export function parseFactArg(arg: string): [string, string] {
  const at = arg.indexOf("=");
  if (at <= 0) {
    throw new CliError(
      `--fact needs name=value, not '${arg}'.`,
      undefined,
      'Example: --fact "relationship=current service user" --fact "explicit consent to publish=no"',
    );
  }
  return [arg.slice(0, at).trim(), arg.slice(at + 1).trim()];
}
