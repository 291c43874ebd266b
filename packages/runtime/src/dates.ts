/**
 * Calendar dates for decisions: ISO `YYYY-MM-DD` (years 0001–9999, proleptic Gregorian), the
 * decision date, and the decision-date facts a bundle's rules compare with (`bundle.dates`). The
 * arithmetic is @precept/calendar's, shared with the language and the generated JS modules.
 */
import { addToDate } from "@precept/calendar";
import type { BundleDateFact } from "./bundle.js";

export { addToDate, isIsoDate, today } from "@precept/calendar";

/**
 * The values of a bundle's decision-date facts on `asOf`, in `dates` order. The last result is
 * kept: callers decide many fact sets on one day.
 */
export class DecisionDates {
  private lastAsOf = "";
  private lastValues: readonly string[] = [];
  constructor(readonly facts: readonly BundleDateFact[]) {}

  valuesOn(asOf: string): readonly string[] {
    if (asOf !== this.lastAsOf) {
      this.lastValues = this.facts.map((f) => addToDate(asOf, f.amount, f.unit));
      this.lastAsOf = asOf;
    }
    return this.lastValues;
  }
}
