/**
 * Precept text written for the author: the explicit exception that would loosen a baseline rule
 * where a layer rule is overruled, and witness scenarios ready to paste into a policy and expect.
 */
import type { PolicyModel } from "@precept/language";
import type { PolicyAnalyser } from "./analyze.js";
import { conditionText, givenText, quote } from "./describe.js";
import type { Candidate } from "./entries.js";
import type { Finding, Witness } from "./findings.js";
import type { Space } from "./space.js";

function labelsOf(space: Space, policy: PolicyModel) {
  const terms = new Map(policy.terms.map((t) => [t.name, t.label]));
  return {
    fact: (name: string) => space.declared.get(name),
    term: (name: string) => terms.get(name) ?? name,
  };
}

/** `exception to rule X … when <the overruled rule's condition> then <its outcome> because "…"`. */
export function suggestException(
  analyser: PolicyAnalyser,
  overruled: Candidate,
  by: readonly Candidate[],
): string {
  const labels = labelsOf(analyser.space, analyser.policy);
  const condition = overruled.exception
    ? {
        kind: "all" as const,
        conditions: [overruled.rule.condition, overruled.exception.condition],
      }
    : overruled.rule.condition;
  const when = conditionText(condition, labels.fact, labels.term);
  const targets = [...new Set(by.map((f) => f.rule.id))];
  const title = overruled.exception?.title ?? overruled.rule.title;
  return targets
    .map((rule) =>
      [
        `exception to rule ${rule}${title ? ` ${quote(title)}` : ""}`,
        `  when ${when}`,
        `  then ${overruled.outcome}`,
        `  because "…why the baseline does not apply here…"`,
      ].join("\n"),
    )
    .join("\n\n");
}

/** A scenario that pins the decision at a witness. */
export function scenarioText(space: Space, title: string, witness: Witness): string {
  // `by rule 4.2` names the rule with its exceptions and versions (`4.2#1`, `4.2@2024-09-01`).
  const rules = [...new Set(witness.rules.map((id) => id.split("#")[0]!.split("@")[0]!))];
  return [
    `scenario ${quote(title)}${witness.asOf ? ` as of ${witness.asOf}` : ""}`,
    wrap(`  given ${givenText(space, witness.facts)}`),
    `  expect ${witness.outcome}${rules.length > 0 ? ` by rule ${rules.join(", ")}` : ""}`,
  ].join("\n");
}

/** Breaks a `given` line after commas, continuation lines indented under it. */
function wrap(line: string, width = 100): string {
  const parts = line.split(", ");
  const lines: string[] = [];
  let current = "";
  for (const part of parts) {
    const next = current === "" ? part : `${current}, ${part}`;
    if (next.length > width && current !== "") {
      lines.push(`${current},`);
      current = `    ${part}`;
    } else current = next;
  }
  lines.push(current);
  return lines.join("\n");
}

/** One scenario per finding with a witness, titled by what it shows. */
export function suggestedScenarios(space: Space, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  const titles = new Set<string>();
  for (const f of findings) {
    const w = f.witnesses[0];
    // An overlap's witness pins only what strength settles; gaps and impact are worth pinning.
    if (!w || f.code === "rule-overlap") continue;
    let title = titleOf(f);
    for (let i = 2; titles.has(title); i++) title = `${titleOf(f)} (${i})`;
    titles.add(title);
    out.push(scenarioText(space, title, w));
  }
  return out;
}

function titleOf(f: Finding): string {
  switch (f.code) {
    case "gap":
      return "No rule applies here";
    case "impact-stronger":
      return `Stricter here: ${f.witnesses[0]?.before?.outcome ?? "?"} → ${f.witnesses[0]?.outcome ?? "?"}`;
    case "impact-weaker":
      return `Looser here: ${f.witnesses[0]?.before?.outcome ?? "?"} → ${f.witnesses[0]?.outcome ?? "?"}${f.loosening ? ` (${f.loosening.kind} ${f.loosening.rule ?? f.loosening.outcome})` : ""}`;
    case "rule-overlap":
      return `Rules ${f.rules.join(" and ")} apply together`;
    default:
      return `Rule ${f.rules[0] ?? "?"} decides`;
  }
}
