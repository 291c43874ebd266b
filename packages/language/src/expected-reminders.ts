/**
 * `expect also applies R` or `expect … by rule R` where R is a reminder (an advice-only rule): a
 * reminder never decides, so it is never among the deciding rules nor among those that apply
 * without deciding, and the scenario could never pass. What the author means is that its advice is
 * given: `expect advice "…"`. Checked on the built
 * policy, where an override or a later layer has settled whether R has an outcome.
 */
import { declarationsOf, type PolicyDocument, type RuleId } from "./ast.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { quote } from "./format-layout.js";
import type { PolicyModel, RuleModel } from "./model.js";

export function remindersExpectedToApply(
  policy: PolicyModel,
  document: PolicyDocument,
  /** The id a rule written in a scenario has in the policy (`bps.2.8` may be `2.8` there). */
  idOf: (id: RuleId) => string = (id) => id.text,
): Diagnostic[] {
  const versions = new Map<string, RuleModel[]>();
  for (const rule of policy.rules) versions.set(rule.id, [...(versions.get(rule.id) ?? []), rule]);
  // Every version advice-only, and no exception with an outcome (one decides under the rule's id).
  const reminder = (id: RuleId): RuleModel | undefined => {
    const all = versions.get(idOf(id)) ?? [];
    const never = all.every(
      (r) => r.outcome === undefined && r.exceptions.every((e) => e.outcome === undefined),
    );
    return never ? all[0] : undefined;
  };
  const out: Diagnostic[] = [];
  for (const scenario of declarationsOf(document, "Scenario")) {
    for (const id of scenario.expect?.byRules ?? []) {
      const rule = reminder(id);
      if (!rule) continue;
      out.push(
        diagnostic(
          "reminder-expected-to-decide",
          "error",
          `Rule ${id.text} is a reminder: it gives advice and never decides, so \`by rule ${id.text}\` cannot pass. To expect its advice, write \`expect advice ${rule.advice.map(quote).join(", ")}\` on a line of its own.`,
          id.range,
          { uri: document.uri, actual: id.text },
        ),
      );
    }
    for (const line of scenario.alsoAppliesLines) {
      for (const id of line.rules) {
        const rule = reminder(id);
        if (!rule) continue;
        const advice = rule.advice.map(quote).join(", ");
        // The whole `also applies rule R` is replaced when R is all the line lists.
        const alone = line.rules.length === 1;
        out.push(
          diagnostic(
            "reminder-expected-to-apply",
            "error",
            `Rule ${id.text} is a reminder: it gives advice and never decides, so it is never among the rules that also apply. To expect its advice, write \`expect advice ${advice}\`.`,
            alone ? line.range : id.range,
            {
              uri: document.uri,
              ...(alone ? { suggestion: `advice ${advice}` } : { actual: id.text }),
            },
          ),
        );
      }
    }
  }
  return out;
}
