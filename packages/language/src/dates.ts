/**
 * Calendar dates as the language writes them: `2024-09-01` or `1 September 2024`, read into ISO
 * `YYYY-MM-DD` (years 0001–9999, the proleptic Gregorian calendar), and the units of durations.
 * The runtime has its own copy of the arithmetic (the two packages never import each other).
 */

const MONTHS = [
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

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

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

export type DateUnit = "day" | "week" | "month" | "year";

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

/** `date` (ISO) moved by `amount` units; a month or year move keeps the day, or takes the month's last. */
export function addToDate(date: string, amount: number, unit: DateUnit): string {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  let day = Number(date.slice(8, 10));
  if (unit === "month" || unit === "year") {
    const months = year * 12 + (month - 1) + (unit === "year" ? amount * 12 : amount);
    year = Math.floor(months / 12);
    month = months - year * 12 + 1;
    if (year < 1) return "0001-01-01";
    if (year > 9999) return "9999-12-31";
    day = Math.min(day, daysInMonth(year, month));
    return isoOf(year, month, day);
  }
  return fromDays(toDays(year, month, day) + (unit === "week" ? amount * 7 : amount));
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1) return "0001-01-01";
  if (y > 9999) return "9999-12-31";
  return isoOf(y, m, d);
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
