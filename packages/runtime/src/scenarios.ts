/** Checking a decision against a scenario's expectations (the bundle's conformance fixtures). */
import type { BundleScenario } from "./bundle.js";
import type { DecideResult } from "./decision.js";

export interface ScenarioResult {
  readonly title: string;
  readonly passed: boolean;
  /** What differs from the expectation, in words. */
  readonly problems: readonly string[];
  readonly result: DecideResult;
}

const same = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

export function scenarioResult(s: BundleScenario, result: DecideResult): ScenarioResult {
  const problems: string[] = [];
  if (!result.ok) {
    problems.push(`The facts are invalid: ${result.errors.map((e) => e.message).join(" ")}`);
  } else {
    if (result.outcome !== s.expect.outcome) {
      problems.push(`Expected ${s.expect.outcome}, got ${result.outcome}.`);
    }
    if (s.expect.byRules) {
      // `by rule 3.2` also matches an exception to 3.2 that decided.
      const deciding = result.decidingRules;
      const matches = (id: string, d: string): boolean => d === id || d.startsWith(`${id}#`);
      const unmatched = s.expect.byRules.filter((id) => !deciding.some((d) => matches(id, d)));
      const extra = deciding.filter((d) => !s.expect.byRules!.some((id) => matches(id, d)));
      if (unmatched.length > 0 || extra.length > 0) {
        problems.push(
          `Expected the deciding rules ${s.expect.byRules.join(", ")}, got ${deciding.join(", ") || "none"}.`,
        );
      }
    }
    if (s.expect.needs) {
      const got = new Set(result.undetermined?.needs.map((n) => n.fact) ?? []);
      if (!same(new Set(s.expect.needs), got)) {
        problems.push(
          `Expected to need ${s.expect.needs.join(", ")}, got ${[...got].join(", ") || "nothing"}.`,
        );
      }
    }
    for (const a of s.expect.advice) {
      if (!result.advice.includes(a)) problems.push(`Expected the advice "${a}".`);
    }
  }
  return { title: s.title, passed: problems.length === 0, problems, result };
}
