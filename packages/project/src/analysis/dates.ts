/**
 * Analysis does not cover dates yet: the situation space has no calendar, and rules in force on
 * different days (versions) would look like rules that always apply together. A policy with date
 * facts or `in force` dates is refused with this error rather than given wrong findings.
 */
import type { PolicyModel } from "@precept/language";

export class DatesNotAnalysed extends Error {
  constructor(readonly what: string) {
    super(
      `Policy analysis does not handle dates yet (${what}): decide dated situations with precept explain --as-of and pin them down with scenarios 'as of' a date.`,
    );
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

/** Throws `DatesNotAnalysed` when a policy depends on dates. */
export function refuseDates(policies: readonly PolicyModel[]): void {
  for (const p of policies) {
    const what = datesIn(p);
    if (what) throw new DatesNotAnalysed(what);
  }
}
