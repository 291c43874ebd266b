/**
 * A scenario's verdict as docs/language.md (Scenarios) defines it, judged on the reference
 * interpreter's decision: what `precept test` and `decider.runScenarios()` are tested against.
 */
import type { PolicyModel, ScenarioExpectation } from "@precept/language";
import type { ReferenceDecision } from "./reference.js";

/** A listed rule id stands for the rule, its exceptions (`3.2#1`) and versions (`3.2@…`). */
const stands = (listed: string, id: string) =>
  id === listed || id.startsWith(`${listed}#`) || id.startsWith(`${listed}@`);

export function passes(policy: PolicyModel, e: ScenarioExpectation, d: ReferenceDecision): boolean {
  if (d.contradicts) return false;
  const strength = (name: string) =>
    name === policy.defaultOutcome.name
      ? policy.defaultOutcome.strength
      : policy.outcomes.find((o) => o.name === name)?.strength;
  const determined = d.undetermined === undefined;
  const deciding = (listed: string) => d.decidingRules.some((id) => stands(listed, id));
  const needs = d.undetermined?.needs ?? [];
  const checks = [
    !e.undetermined || !determined,
    e.outcome === undefined || e.outcome === d.outcome,
    e.atLeast === undefined ||
      (determined && (strength(d.outcome) ?? -1) >= (strength(e.atLeast) ?? Infinity)),
    e.oneOf === undefined || (determined && e.oneOf.includes(d.outcome)),
    e.byRules === undefined ||
      (e.byRules.every(deciding) &&
        d.decidingRules.every((id) => e.byRules!.some((listed) => stands(listed, id)))),
    !(e.notByRules ?? []).some(deciding),
    e.needs === undefined ||
      (e.needs.every((f) => needs.includes(f)) && needs.every((f) => e.needs!.includes(f))),
    e.asking === undefined || e.asking.every((f) => needs.includes(f)),
    (e.alsoApplies ?? []).every((listed) => d.alsoApplies.some((a) => stands(listed, a.rule))),
    e.advice.every((a) => d.advice.includes(a)),
  ];
  return checks.every(Boolean);
}
