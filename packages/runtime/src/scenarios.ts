/**
 * Does a decision meet a scenario's expectation? Pure: a bundle's scenario fixture (the conformance
 * tests it carries) and a decision in, pass/fail and a readable difference out. The CLI's
 * `precept test`, the playground and `decider.runScenarios()` all use this one definition
 * (docs/language.md, Scenarios). Every part the scenario gives must hold:
 *
 * - `outcome`: the outcome is this one (`undetermined` included);
 * - `atLeast`: the decision is determined and its outcome at least as strong as this one;
 * - `oneOf`: the decision is determined and its outcome one of these;
 * - `byRules`: the deciding rules are exactly those listed, where a listed rule id also stands
 *   for its exceptions and versions (`3.2` matches `3.2#1`, `3.2@2024-09-01`), and every listed id
 *   must decide;
 * - `notByRules`: no deciding rule matches a listed id;
 * - `needs`: the decision is undetermined and the facts still needed are exactly those listed;
 * - `asking`: the decision is undetermined and each listed fact is among those still needed;
 * - `alsoApplies`: each listed rule applies (its condition holds) without deciding;
 * - `advice`: each listed advice is, word for word, among the decision's advice.
 */
import type { BundleOutcome, BundleScenario } from "./bundle.js";
import type { DecideResult, Decision } from "./decision.js";

export interface Difference {
  readonly aspect: "outcome" | "rules" | "needs" | "applies" | "advice" | "facts";
  readonly expected: string;
  readonly actual: string;
}

export interface ScenarioCheck {
  readonly passed: boolean;
  readonly differences: readonly Difference[];
  /** The expectation in the scenario's own words (`at least caution by rule 3.1`). */
  readonly expected: string;
  /** The decision in the same words. */
  readonly actual: string;
}

type Expectation = BundleScenario["expect"];
/** The policy's outcome scale (a bundle's `outcomes`), which `at least` is judged on. */
type Scale = readonly Pick<BundleOutcome, "name" | "strength">[];

/** `3.2` matches 3.2, its exceptions (`3.2#1`) and its versions (`3.2@2024-09-01`, `3.2@…#1`). */
export function ruleMatches(listed: string, actual: string): boolean {
  return actual === listed || actual.startsWith(`${listed}#`) || actual.startsWith(`${listed}@`);
}

const list = (items: readonly string[]): string => (items.length === 0 ? "none" : items.join(", "));
const rules = (ids: readonly string[]) => `${ids.length > 1 ? "rules" : "rule"} ${list(ids)}`;

/** The decision the expectation names, in its own words: `at least caution`, `one of a, b`. */
function expectedOutcome(expect: Expectation): string | undefined {
  if (expect.atLeast !== undefined) return `at least ${expect.atLeast}`;
  if (expect.oneOf !== undefined) return `one of ${list(expect.oneOf)}`;
  return expect.outcome;
}

export function describeExpectation(expect: Expectation): string {
  const parts: string[] = [];
  const outcome = expectedOutcome(expect);
  if (outcome !== undefined) parts.push(outcome);
  if (expect.byRules) parts.push(`by ${rules(expect.byRules)}`);
  if (expect.notByRules) parts.push(`not by ${rules(expect.notByRules)}`);
  if (expect.needs) parts.push(`needs ${expect.needs.join(", ")}`);
  if (expect.asking) parts.push(`asking ${expect.asking.join(", ")}`);
  if (expect.alsoApplies) parts.push(`also applies ${list(expect.alsoApplies)}`);
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

/**
 * The decision's outcome with what settled it, for a difference: `allow (rule 3.1)`,
 * `no guidance (no rule applies)`, `undetermined (at least allow; needs age)`.
 */
function outcomeWords(d: Decision): string {
  if (d.undetermined)
    return `${d.outcome} (at least ${d.undetermined.atLeast}; needs ${list(d.undetermined.needs.map((n) => n.fact))})`;
  if (d.decidingRules.length === 0) return `${d.outcome} (no rule applies)`;
  return `${d.outcome} (${rules(d.decidingRules)})`;
}

export function checkScenario(
  scenario: BundleScenario,
  result: DecideResult,
  outcomes: Scale = [],
): ScenarioCheck {
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
    ...outcomeDifference(expect, result, outcomes),
    ...rulesDifference(expect, result),
    ...notByDifference(expect, result),
    ...needsDifference(expect, result),
    ...askingDifference(expect, result),
    ...appliesDifference(expect, result),
    ...adviceDifference(expect, result),
  ];
  return { passed: differences.length === 0, differences, expected, actual };
}

function outcomeDifference(expect: Expectation, d: Decision, outcomes: Scale): Difference[] {
  const wanted = expectedOutcome(expect);
  if (wanted === undefined) return [];
  let met: boolean;
  if (expect.atLeast !== undefined) {
    const strength = (name: string) => outcomes.find((o) => o.name === name)?.strength;
    const floor = strength(expect.atLeast);
    const got = strength(d.outcome);
    met = !d.undetermined && floor !== undefined && got !== undefined && got >= floor;
  } else if (expect.oneOf !== undefined) {
    met = !d.undetermined && expect.oneOf.includes(d.outcome);
  } else met = expect.outcome === d.outcome;
  return met ? [] : [{ aspect: "outcome", expected: wanted, actual: outcomeWords(d) }];
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

function notByDifference(expect: Expectation, d: Decision): Difference[] {
  if (!expect.notByRules) return [];
  const deciding = d.decidingRules.filter((id) =>
    expect.notByRules!.some((l) => ruleMatches(l, id)),
  );
  if (deciding.length === 0) return [];
  return [
    {
      aspect: "rules",
      expected: `not by ${rules(expect.notByRules)}`,
      actual: `${d.outcome} by ${rules(d.decidingRules)} (${list(deciding)} decided)`,
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

function askingDifference(expect: Expectation, d: Decision): Difference[] {
  // A determined decision asks nothing: the outcome difference already says what was decided.
  if (!expect.asking || !d.undetermined) return [];
  const needed = d.undetermined.needs.map((n) => n.fact);
  const missing = expect.asking.filter((f) => !needed.includes(f));
  if (missing.length === 0) return [];
  return [
    {
      aspect: "needs",
      expected: `asking ${list(expect.asking)}`,
      actual: `needs ${list(needed)} (${list(missing)} not asked)`,
    },
  ];
}

function appliesDifference(expect: Expectation, d: Decision): Difference[] {
  const applying = d.alsoApplies.map((a) => a.rule);
  return (expect.alsoApplies ?? []).flatMap((listed): Difference[] => {
    if (applying.some((id) => ruleMatches(listed, id))) return [];
    const decides = d.decidingRules.some((id) => ruleMatches(listed, id));
    return [
      {
        aspect: "applies",
        expected: `also applies ${listed}`,
        actual: decides
          ? `${listed} decides (${d.outcome})`
          : `${listed} does not apply (also applying: ${list(applying)})`,
      },
    ];
  });
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

/**
 * The decision's entries (as decisions name them: `3.1`, `3.1#1`, `3.1@2024-09-01`) whose part in
 * it the expectation pins, for rule coverage: the deciding entries when the scenario expects the
 * exact outcome, or names them with `by rule`; the entries `also applies` names. Meaningful only
 * for a scenario that passed. `at least`, `one of`, `undetermined` and `not by rule` pin no rule:
 * each still passes when the rule's own outcome changes, or when it no longer applies.
 */
export function pinnedEntries(expect: Expectation, d: Decision): string[] {
  const out = new Set<string>();
  if (!d.undetermined) {
    if (expect.byRules)
      for (const id of d.decidingRules)
        if (expect.byRules.some((l) => ruleMatches(l, id))) out.add(id);
    if (expect.outcome !== undefined && expect.outcome === d.outcome)
      for (const id of d.decidingRules) out.add(id);
  }
  for (const a of d.alsoApplies)
    if (expect.alsoApplies?.some((l) => ruleMatches(l, a.rule))) out.add(a.rule);
  return [...out];
}

/** One scenario run by `decider.runScenarios()`. */
export interface ScenarioResult extends ScenarioCheck {
  readonly title: string;
  readonly result: DecideResult;
}

export function scenarioResult(
  scenario: BundleScenario,
  result: DecideResult,
  outcomes: Scale = [],
): ScenarioResult {
  return { title: scenario.title, ...checkScenario(scenario, result, outcomes), result };
}
