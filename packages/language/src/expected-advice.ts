/**
 * `expect advice "…"` names advice that some rule of the effective policy gives, word for word:
 * otherwise the scenario could never pass. Checked on the built policy, so advice from any kind of
 * rule counts (exceptions, overrides, baseline rules), whatever declares it.
 */
import { declarationsOf, type PolicyDocument } from "./ast.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import type { PolicyModel } from "./model.js";
import { closest, SuggestionBudget } from "./suggest.js";

/** Case, spacing and curly quotes are the usual differences between advice and its copy. */
const normal = (text: string) =>
  text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();

export function unknownAdvice(policy: PolicyModel, document: PolicyDocument): Diagnostic[] {
  const given = new Set<string>();
  for (const rule of policy.rules) {
    for (const a of rule.advice) given.add(a);
    for (const e of rule.exceptions) for (const a of e.advice) given.add(a);
  }
  const byNormal = new Map<string, string>();
  for (const a of given) if (!byNormal.has(normal(a))) byNormal.set(normal(a), a);
  const budget = new SuggestionBudget();
  const out: Diagnostic[] = [];
  for (const scenario of declarationsOf(document, "Scenario")) {
    for (const text of scenario.advice) {
      if (given.has(text.value)) continue;
      const suggestion = suggest(text.value, given, byNormal, budget);
      out.push(
        diagnostic(
          "unknown-advice",
          "error",
          `No rule of this policy gives the advice "${text.value}", so the scenario cannot pass${suggestion ? `; did you mean "${suggestion}"?` : ". `expect advice` matches an advice word for word."}`,
          text.range,
          {
            uri: document.uri,
            actual: text.value,
            ...(suggestion ? { suggestion: JSON.stringify(suggestion) } : {}),
          },
        ),
      );
    }
  }
  return out;
}

/** The advice meant: the same but for case or spacing, the one it is part of, or the closest. */
function suggest(
  written: string,
  given: ReadonlySet<string>,
  byNormal: ReadonlyMap<string, string>,
  budget: SuggestionBudget,
): string | undefined {
  const key = normal(written);
  const same = byNormal.get(key);
  if (same !== undefined) return same;
  if (key.length >= 8) {
    const containing: string[] = [];
    for (const [k, a] of byNormal) {
      if (budget.remaining <= 0) break;
      budget.remaining -= k.length;
      if (k.includes(key)) containing.push(a);
    }
    if (containing.length === 1) return containing[0];
  }
  return closest(written, given, budget);
}
