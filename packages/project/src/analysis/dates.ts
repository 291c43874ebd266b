/**
 * Analysis of dated policies is analysis **as of** one decision date D (docs/analysis.md): each
 * rule and exception is then in force or not, and each comparison of a date fact with the decision
 * date (`within 2 years`, `3 months ago`) is a comparison with one concrete day, so date facts
 * get value classes split at days like numbers at constants. The in-force dates say on which days
 * the rules themselves change: analysing as of each shows every version.
 */
import { addToDate, type InForceModel, type PolicyModel } from "@precept/language";

/**
 * Kept for callers of the earlier API: analysis no longer refuses dated policies (it analyses them
 * as of a decision date), so nothing throws this any more.
 * @deprecated
 */
export class DatesNotAnalysed extends Error {
  constructor(readonly what: string) {
    super(`Policy analysis of ${what} is as of one decision date.`);
    this.name = "DatesNotAnalysed";
  }
}

/** What in `policy` depends on dates (a date fact, `in force`), or undefined. */
export function datesIn(policy: PolicyModel): string | undefined {
  const fact = policy.facts.find((f) => f.type.kind === "date");
  if (fact) return `the date fact '${fact.label}'`;
  for (const r of policy.rules) {
    if (r.inForce || r.version) return `rule ${r.id} is in force between dates`;
    const e = r.exceptions.find((x) => x.inForce);
    if (e) return `the exception ${e.id} is in force between dates`;
  }
  return undefined;
}

/** Whether a rule or exception is part of the policy on `asOf` (docs/semantics.md §1.2). */
export function inForceOn(f: InForceModel | undefined, asOf: string): boolean {
  return (!f?.from || f.from <= asOf) && (!f?.until || asOf <= f.until);
}

/**
 * The policy as of `asOf`: the rules and exceptions not in force left out (a rule takes its
 * exceptions with it). Conditions are kept as they are; the situation space judges comparisons
 * with the decision date on `asOf`. The same object when nothing is dated.
 */
export function policyAsOf(policy: PolicyModel, asOf: string): PolicyModel {
  const dated = policy.rules.some(
    (r) => r.inForce !== undefined || r.exceptions.some((e) => e.inForce !== undefined),
  );
  if (!dated) return policy;
  return {
    ...policy,
    rules: policy.rules
      .filter((r) => inForceOn(r.inForce, asOf))
      .map((r) =>
        r.exceptions.every((e) => inForceOn(e.inForce, asOf))
          ? r
          : { ...r, exceptions: r.exceptions.filter((e) => inForceOn(e.inForce, asOf)) },
      ),
  };
}

/**
 * The days on which the policy's rules change: each day a rule or exception comes into force, and
 * each day after one stops being in force; sorted. Analysis as of a day sees one version.
 */
export function inForceChanges(policy: PolicyModel): string[] {
  const out = new Set<string>();
  const add = (f: InForceModel | undefined) => {
    if (f?.from) out.add(f.from);
    if (f?.until && f.until < "9999-12-31") out.add(addToDate(f.until, 1, "day"));
  };
  for (const r of policy.rules) {
    add(r.inForce);
    for (const e of r.exceptions) add(e.inForce);
  }
  return [...out].sort();
}

/**
 * One decision date per stretch of days on which the same rules are in force: `asOf` for its
 * own stretch, and the first day of every other (the day before the first change for the
 * earliest). Used by `check`, which must look at every version of every rule.
 */
export function versionDates(policy: PolicyModel, asOf: string): string[] {
  const changes = inForceChanges(policy);
  if (changes.length === 0) return [asOf];
  const starts = [addToDate(changes[0]!, -1, "day"), ...changes];
  const stretch = (d: string) => changes.filter((c) => c <= d).length;
  const out = new Map<number, string>([[stretch(asOf), asOf]]);
  for (const d of starts) if (!out.has(stretch(d))) out.set(stretch(d), d);
  return [...out.values()];
}
