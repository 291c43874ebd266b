/**
 * Month names as dates are written in policies and forms (`1 September 2024`, `1 Sep 2024`). Not
 * part of calendar.ts: generated modules read only ISO dates, and need none of this.
 */

export const MONTHS: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Three-letter abbreviations are accepted too (`1 Sep 2024`). */
const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_INDEX.set(m, i + 1);
  MONTH_INDEX.set(m.slice(0, 3), i + 1);
});
MONTH_INDEX.set("sept", 9);

export function isMonthName(word: string): boolean {
  return MONTH_INDEX.has(word.toLowerCase());
}

export function monthNumber(word: string): number | undefined {
  return MONTH_INDEX.get(word.toLowerCase());
}
