/**
 * Calendar dates as the language writes them: `2024-09-01` or `1 September 2024`, read into ISO
 * `YYYY-MM-DD` (years 0001–9999, the proleptic Gregorian calendar), and the units of durations.
 * The arithmetic and month names are @precept/calendar's, shared with the runtime (the two never
 * import each other).
 */
import { type DateUnit, daysInMonth, MONTHS, monthNumber } from "@precept/calendar";

export { addToDate, type DateUnit, daysInMonth, isMonthName, monthNumber } from "@precept/calendar";

/** `YYYY-MM-DD` for a valid day, otherwise a message saying what is wrong. */
export function checkDate(
  year: number,
  month: number,
  day: number,
): { ok: true; iso: string } | { ok: false; message: string } {
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    return { ok: false, message: "the year must be from 0001 to 9999" };
  if (!Number.isInteger(month) || month < 1 || month > 12)
    return { ok: false, message: "the month must be from 01 to 12" };
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > last)
    return {
      ok: false,
      message: `${MONTHS[month - 1]![0]!.toUpperCase()}${MONTHS[month - 1]!.slice(1)} ${year} has days 1 to ${last}`,
    };
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** Reads `2024-09-01`: undefined when the text is not shaped like an ISO date at all. */
export function isoShaped(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

const UNITS: Record<string, DateUnit> = {
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
  month: "month",
  months: "month",
  year: "year",
  years: "year",
};

export const UNIT_WORDS: readonly string[] = Object.keys(UNITS);

export function dateUnit(word: string): DateUnit | undefined {
  return Object.hasOwn(UNITS, word.toLowerCase()) ? UNITS[word.toLowerCase()] : undefined;
}

/** The largest amount a duration may have, per unit: beyond any date the calendar can write. */
export const MAX_AMOUNT: Record<DateUnit, number> = {
  day: 3_660_000,
  week: 523_000,
  month: 120_000,
  year: 10_000,
};

/** `2 years`, `1 day`. */
export function durationText(amount: number, unit: DateUnit): string {
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/** A date as a person types it: `2024-09-01` or `1 September 2024`. */
export function readDate(text: string): { ok: true; iso: string } | { ok: false; message: string } {
  const t = text.trim();
  const iso = isoShaped(t);
  if (iso) return checkDate(iso.year, iso.month, iso.day);
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(t);
  const month = m ? monthNumber(m[2]!) : undefined;
  if (m && month) return checkDate(Number(m[3]), month, Number(m[1]));
  return { ok: false, message: "write a date as 2024-09-01 or 1 September 2024" };
}
