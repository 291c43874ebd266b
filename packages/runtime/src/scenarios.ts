/**
 * Does a decision meet a scenario's expectation? Pure: a bundle's scenario fixture (the conformance
 * tests it carries) and a decision in, pass/fail and a readable difference out. The CLI's
 * `precept test`, the playground and `decider.runScenarios()` all use this one definition.
 *
 * - the outcome must be the expected one (`undetermined` included);
 * - `by rule …`: the deciding rules are exactly those listed, where a listed rule id also stands
 *   for its exceptions (`3.2` matches `3.2#1`), and every listed id must decide;
 * - `needs …`: the facts still needed are exactly those listed (any order);
 * - `expect advice …`: each listed advice is among the decision's advice.
 */
import type { BundleScenario } from "./bundle.js";
import type { DecideResult, Decision } from "./decision.js";

export interface Difference {
  readonly aspect: "outcome" | "rules" | "needs" | "advice" | "facts";
  readonly expected: string;
  readonly actual: string;
}

export interface ScenarioCheck {
  readonly passed: boolean;
  readonly differences: readonly Difference[];
  /** The expectation in the scenario's own words (`decline by rule 3.1`). */
  readonly expected: string;
  /** The decision in the same words. */
  readonly actual: string;
}

type Expectation = BundleScenario["expect"];

/** Whether decision id `actual` is rule `listed` or one of its exceptions. */
/** `3.2` matches 3.2, its exceptions (`3.2#1`) and its versions (`3.2@2024-09-01`, `3.2@…#1`). */
export function ruleMatches(listed: string, actual: string): boolean {
  return actual === listed || actual.startsWith(`${listed}#`) || actual.startsWith(`${listed}@`);
}

const list = (items: readonly string[]): string => (items.length === 0 ? "none" : items.join(", "));

export function describeExpectation(expect: Expectation): string {
  const parts = [expect.outcome];
  if (expect.byRules) parts.push(`by rule ${expect.byRules.join(", ")}`);
  if (expect.needs) parts.push(`needs ${expect.needs.join(", ")}`);
  if (expect.advice.length > 0)
    parts.push(`with advice ${expect.advice.map((a) => `"${a}"`).join(", ")}`);
  return parts.join(" ");
}

export function describeDecision(result: DecideResult): string {
  if (!result.ok) return `no decision (${result.errors.map((e) => e.message).join(" ")})`;
  const parts = [result.outcome];
  if (result.undetermined) {
    parts.push(`(at least ${result.undetermined.atLeast})`);
    parts.push(`needs ${list(result.undetermined.needs.map((n) => n.fact))}`);
  } else if (result.decidingRules.length > 0) {
    parts.push(`by rule ${result.decidingRules.join(", ")}`);
  }
  return parts.join(" ");
}

export function checkScenario(scenario: BundleScenario, result: DecideResult): ScenarioCheck {
  const expect = scenario.expect;
  const expected = describeExpectation(expect);
  const actual = describeDecision(result);
  if (!result.ok) {
    return {
      passed: false,
      expected,
      actual,
      differences: [{ aspect: "facts", expected: "facts the policy accepts", actual }],
    };
  }
  const differences = [
    ...outcomeDifference(expect, result),
    ...rulesDifference(expect, result),
    ...needsDifference(expect, result),
    ...adviceDifference(expect, result),
  ];
  return { passed: differences.length === 0, differences, expected, actual };
}

function outcomeDifference(expect: Expectation, d: Decision): Difference[] {
  if (expect.outcome === d.outcome) return [];
  const actual = d.undetermined ? `${d.outcome} (at least ${d.undetermined.atLeast})` : d.outcome;
  return [{ aspect: "outcome", expected: expect.outcome, actual }];
}

function rulesDifference(expect: Expectation, d: Decision): Difference[] {
  if (!expect.byRules) return [];
  const listed = expect.byRules;
  const unexpected = d.decidingRules.filter((id) => !listed.some((l) => ruleMatches(l, id)));
  const missing = listed.filter((l) => !d.decidingRules.some((id) => ruleMatches(l, id)));
  if (unexpected.length === 0 && missing.length === 0) return [];
  const notes = [
    missing.length > 0 ? `${list(missing)} did not decide` : "",
    unexpected.length > 0 ? `${list(unexpected)} also decided` : "",
  ].filter(Boolean);
  return [
    {
      aspect: "rules",
      expected: `by rule ${list(listed)}`,
      actual: `by rule ${list(d.decidingRules)} (${notes.join("; ")})`,
    },
  ];
}

function needsDifference(expect: Expectation, d: Decision): Difference[] {
  if (!expect.needs) return [];
  const needed = d.undetermined?.needs.map((n) => n.fact) ?? [];
  const missing = expect.needs.filter((f) => !needed.includes(f));
  const extra = needed.filter((f) => !expect.needs!.includes(f));
  if (missing.length === 0 && extra.length === 0) return [];
  const notes = [
    missing.length > 0 ? `${list(missing)} not needed` : "",
    extra.length > 0 ? `${list(extra)} also needed` : "",
  ].filter(Boolean);
  return [
    {
      aspect: "needs",
      expected: `needs ${list(expect.needs)}`,
      actual: `needs ${list(needed)} (${notes.join("; ")})`,
    },
  ];
}

function adviceDifference(expect: Expectation, d: Decision): Difference[] {
  const missing = expect.advice.filter((a) => !d.advice.includes(a));
  return missing.map((a) => ({
    aspect: "advice" as const,
    expected: `advice "${a}"`,
    actual:
      d.advice.length === 0 ? "no advice" : `advice ${d.advice.map((x) => `"${x}"`).join(", ")}`,
  }));
}

/** One scenario run by `decider.runScenarios()`. */
export interface ScenarioResult extends ScenarioCheck {
  readonly title: string;
  readonly result: DecideResult;
}

export function scenarioResult(scenario: BundleScenario, result: DecideResult): ScenarioResult {
  return { title: scenario.title, ...checkScenario(scenario, result), result };
}
