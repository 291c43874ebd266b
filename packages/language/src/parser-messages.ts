/**
 * Syntax error messages written for policy officers rather than for grammar authors.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

const CONTEXT: Record<string, string> = {
  header: "in the policy line",
  baseline: "for a baseline (its path or package name, in quotes)",
  source: "in this source",
  outcomes: "in the outcomes list",
  outcomeEntry: "in the outcomes list (each outcome needs its meaning in quotes)",
  fact: "in this fact",
  factType: "in this fact's type",
  describe: "after `asks`, `means` or `presume`",
  term: "in this term",
  rule: "in this rule",
  override: "in this override",
  ruleClause: "in this clause",
  citation: "in this citation",
  disable: "in this disable",
  amend: "in this amendment",
  provided: "in this `provided` line",
  endProvided: "in `end provided`",
  exception: "in this exception",
  scenario: "in this scenario",
  assignment: "in this scenario's `given`",
  expectation: "after `expect`",
  condition: "in this condition",
  conjunction: "in this condition",
  unary: "in this condition",
  test: "in this condition",
  value: "where a value belongs",
  ruleId: "where a rule id belongs",
  phrase: "where a name belongs",
};

function label(type: TokenType): string {
  return type.LABEL ?? type.name;
}

export function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return "the end of the file";
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}…` : token.image;
  return `'${image}'`;
}

function oneOf(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  if (unique.length > 6) return `${unique.slice(0, 6).join(", ")} or another keyword`;
  return `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

function where(ruleName: string): string {
  const context = CONTEXT[ruleName];
  return context ? ` ${context}` : "";
}

export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (ruleName === "baseline" && expected.name === "Word")
      return `A baseline's name is one word after \`as\` (as programme), not ${describeToken(actual)}.`;
    return `Expected ${label(expected)}${where(ruleName)}, but found ${describeToken(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    // `extends "a" "b"`: a second baseline without `and`.
    if (ruleName === "header" && firstRedundant.tokenType.name === "StringLiteral")
      return `Separate the baselines with \`and\`: extends "…" and ${describeToken(firstRedundant).slice(1, -1)}.`;
    return `${describeToken(firstRedundant)} cannot start a declaration. Declarations start with policy, source, outcomes, fact, term, rule, override, disable, amend, exception, scenario, constraint or otherwise.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) =>
      paths.map((p) => (p[0] ? label(p[0]) : "")),
    );
    return `Expected ${oneOf(firsts.filter(Boolean))}${where(ruleName)}, but found ${describeToken(actual[0])}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const firsts = expectedIterationPaths.map((p) => (p[0] ? label(p[0]) : ""));
    return `Expected ${oneOf(firsts.filter(Boolean))}${where(ruleName)}, but found ${describeToken(actual[0])}.`;
  },
};
