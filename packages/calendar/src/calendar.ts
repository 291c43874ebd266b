/**
 * The calendar, once: ISO `YYYY-MM-DD` days (years 0001–9999, proleptic Gregorian) and moving a day
 * by a duration. The language (checking), the runtime (deciding) and the compiler's JS target (as
 * text, in `embedded.ts`) all use this file. It imports nothing and declares only what a generated
 * module can hold as it is: plain functions and constants, types that vanish when compiled.
 */

export type DateUnit = "day" | "week" | "month" | "year";

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `v` is an ISO date of a day that exists. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = ISO.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Today in the local calendar of the machine deciding. */
export function today(): string {
  const now = new Date();
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * `date` moved by `amount` units. A move by months or years keeps the day of the month, or takes
 * the month's last day when it has fewer (31 January + 1 month = 28 or 29 February); results are
 * kept within 0001-01-01 … 9999-12-31.
 */
export function addToDate(date: string, amount: number, unit: DateUnit): string {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (unit === "month" || unit === "year") {
    const months = year * 12 + (month - 1) + (unit === "year" ? amount * 12 : amount);
    year = Math.floor(months / 12);
    month = months - year * 12 + 1;
    if (year < 1) return "0001-01-01";
    if (year > 9999) return "9999-12-31";
    return isoOf(year, month, Math.min(day, daysInMonth(year, month)));
  }
  return fromDays(toDays(year, month, day) + (unit === "week" ? amount * 7 : amount));
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

/** The day `days` after 1970-01-01, kept within 0001–9999 (civil_from_days). */
function fromDays(days: number): string {
  const z = days + 719468;
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
