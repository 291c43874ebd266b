/**
 * Comparing two policies over one situation space: a layer with its baseline (layer impact) or
 * two versions of a policy (diff). Every region where the decisions differ is reported, marked
 * stronger or weaker, with the rules deciding on each side at a witness. A weaker region of a
 * layer is attributed to the declared loosening (override, disable, exception) of the baseline
 * rule that decided there, or to the layer's weaker default where none of its rules applies; what
 * no loosening explains is reported as such.
 */
import type { LooseningModel, PolicyModel, Range } from "@precept/language";
import { today } from "@precept/runtime";
import { PolicyAnalyser } from "./analyze.js";
import { policyAsOf } from "./dates.js";
import { strengthOf } from "./entries.js";
import type { Finding, Witness } from "./findings.js";
import type { NodeId } from "./mdd.js";
import { Space } from "./space.js";

export interface CompareOptions {
  /** How many alternatives describe a region at most (default 6). */
  readonly regionLimit?: number;
  /** Attribute weaker regions to these loosenings (a layer's own; default: none). */
  readonly loosenings?: readonly LooseningModel[];
  /** The decision date both are compared as of (ISO; default today). */
  readonly asOf?: string;
}

const START: Range = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

const PAIR = 4096;

/** How many nodes the two decision diagrams may take together. */
export const COMPARE_NODES = 2_000_000;

export function comparePolicies(
  before: PolicyModel,
  after: PolicyModel,
  options: CompareOptions = {},
): Finding[] {
  const asOf = options.asOf ?? today();
  const space = new Space([policyAsOf(before, asOf), policyAsOf(after, asOf)], asOf);
  const d = space.diagram;
  const old = new PolicyAnalyser(before, space);
  const now = new PolicyAnalyser(after, space);
  const limit = options.regionLimit ?? 6;
  // Both decisions as diagrams: exact, but bounded (DiagramTooLarge beyond the budget).
  const pairs = d.within(COMPARE_NODES, () =>
    d.apply((x, y) => x * PAIR + y, old.candidates.outcome, now.candidates.outcome),
  );
  const out: Finding[] = [];
  const values = [...d.values(pairs)].sort((a, b) => a - b);
  for (const pair of values) {
    const from = old.candidates.outcomes.get(Math.floor(pair / PAIR))!;
    const to = now.candidates.outcomes.get(pair % PAIR)!;
    if (from === to) continue;
    const region = d.equals(pairs, pair);
    const fromStrength = after.outcomes.some((o) => o.name === from)
      ? strengthOf(after, from)
      : Math.floor(pair / PAIR);
    const stronger = strengthOf(after, to) > fromStrength;
    if (stronger) {
      out.push(finding(old, now, region, "impact-stronger", from, to, limit));
      continue;
    }
    let rest = region;
    for (const l of options.loosenings ?? []) {
      // A weaker default decides where no rule of the layer applies; a rule's loosening, where
      // the baseline's rule decided.
      // A layer's own rule weaker than the baseline's default: where it decides now.
      const side = l.kind === "rule" ? now : old;
      const decided =
        l.kind === "default"
          ? d.not(now.candidates.covered)
          : side.candidates.list
              .filter((c) => c.rule.id === l.rule)
              .reduce((acc, c) => d.or(acc, side.candidates.decides(c)), d.FALSE);
      const part = d.and(rest, decided);
      if (part === d.FALSE) continue;
      rest = d.and(rest, d.not(decided));
      out.push(finding(old, now, part, "impact-weaker", from, to, limit, l));
    }
    if (rest !== d.FALSE) out.push(finding(old, now, rest, "impact-weaker", from, to, limit));
  }
  return out;
}

function finding(
  old: PolicyAnalyser,
  now: PolicyAnalyser,
  region: NodeId,
  code: "impact-stronger" | "impact-weaker",
  from: string,
  to: string,
  limit: number,
  loosening?: LooseningModel,
): Finding {
  const classes = now.space.pick(region)!;
  const facts = now.space.situation(classes);
  const was = old.decisionAt(facts, classes);
  const is = now.decisionAt(facts, classes);
  const witness: Witness = { ...is, before: { outcome: was.outcome, rules: was.rules } };
  const { region: text, truncated } = now.region(region, limit);
  const rules = (ids: readonly string[]) => (ids.length > 0 ? `rule ${ids.join(", ")}` : "no rule");
  const deciding = now.candidates.list.find((c) => c.id === is.rules[0]);
  const where = loosening?.origin ?? deciding?.origin;
  const cause = loosening
    ? loosening.kind === "default"
      ? ` No rule applies here, and ${loosening.origin.layer}'s default, ${loosening.outcome}, replaces ${loosening.replaces}: "${loosening.reason}".`
      : loosening.kind === "rule"
        ? ` Rule ${loosening.rule} (${loosening.origin.layer}) decides here, weaker than the baseline's default: "${loosening.reason}".`
        : ` This is the ${loosening.kind} of rule ${loosening.rule} (${loosening.origin.layer}): "${loosening.reason}".`
    : code === "impact-weaker" && now.policy.loosenings.length > 0
      ? " No declared loosening explains it."
      : "";
  return {
    code,
    severity: "info",
    summary: `${code === "impact-stronger" ? "Stricter" : "Looser"} in ${share(now.space.share(region))}: ${from} (${rules(was.rules)}) becomes ${to} (${rules(is.rules)}).${cause}`,
    uri: where?.uri ?? now.policy.uri,
    range: where?.range ?? START,
    rules: [...new Set([...was.rules, ...is.rules])],
    related: [],
    witnesses: [witness],
    region: text,
    ...(truncated ? { regionTruncated: true } : {}),
    ...(loosening
      ? {
          loosening:
            loosening.kind === "default"
              ? { kind: loosening.kind, outcome: loosening.outcome, reason: loosening.reason }
              : { kind: loosening.kind, rule: loosening.rule, reason: loosening.reason },
        }
      : {}),
  };
}

function share(s: number): string {
  const p = s * 100;
  if (p >= 100) return "every situation";
  return p < 0.1
    ? "under 0.1 % of the situations"
    : `${p < 10 ? p.toFixed(1) : p.toFixed(0)} % of the situations`;
}
