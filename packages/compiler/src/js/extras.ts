/**
 * The parts of a generated module that only some policies need, as plain module text (no
 * `${…}`): the calendar (date facts, the decision date), and constraints and presumptions. Each
 * mirrors `@precept/runtime` (dates.ts, constraints.ts, presume.ts); the semantics tests compare
 * the module with the runtime on random policies that use them.
 */

/** Calendar dates, as the runtime's dates.ts computes them (ISO YYYY-MM-DD, years 1–9999). */
export const CALENDAR = `
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO = /^(\\d{4})-(\\d{2})-(\\d{2})$/;

/** Whether v is an ISO date of a day that exists. */
function isIsoDate(v) {
  if (typeof v !== "string") return false;
  const m = ISO.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function isoOf(y, m, d) {
  return String(y).padStart(4, "0") + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
}

/** Today in the local calendar of the machine deciding. */
function today() {
  const now = new Date();
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** date moved by amount units; months and years keep the day, or take the month's last. */
function addToDate(date, amount, unit) {
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
function toDays(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(days) {
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
`;

/**
 * The decision-date facts (DECISION_DATES: [amount, unit] each, bundle.dates order) on a decision
 * date; the last is kept, as callers decide many fact sets on one day.
 */
export const DECISION_DATE_FACTS = `
const NO_DATES = DECISION_DATES.map(() => undefined);
let lastAsOf = "";
let lastDates = NO_DATES;
function datesOn(asOf) {
  if (asOf !== lastAsOf) {
    lastDates = DECISION_DATES.map(([amount, unit]) => addToDate(asOf, amount, unit));
    lastAsOf = asOf;
  }
  return lastDates;
}

function asOfError(asOf) {
  return {
    fact: "",
    message:
      "The decision date must be a date written YYYY-MM-DD, such as 2024-09-01, not " +
      JSON.stringify(asOf) +
      ".",
  };
}
`;

/** Constraints (CONSTRAINTS: { title, tri, phrase } each): the errors of those v makes false. */
export const CONSTRAINT_CHECK = `
function brokenConstraints(v) {
  let errors;
  for (const c of CONSTRAINTS) {
    if (c.tri(v) !== F) continue;
    errors ??= [];
    errors.push({
      fact: "",
      constraint: c.title,
      message: "These facts contradict the constraint " + JSON.stringify(c.title) + ": " + c.phrase(v) + ".",
    });
  }
  return errors;
}

/** The phrase of an and/or: its parts' phrases (null: left out), without "always". */
function joined(parts) {
  const kept = parts.filter((p) => p !== null && p !== "always");
  return kept.length === 0 ? "always" : kept.join(" and ");
}
`;

/**
 * Presumptions (PRESUMED: per fact, null or { value, text }): the decision on the presumed values
 * states those its facts would otherwise still need (given: the values without them).
 */
export const PRESUMPTIONS = `
function stated(r, given, used) {
  const t = truthPartial(given);
  let atLeast = 0;
  for (let i = 0; i < ENTRIES.length; i++) {
    const e = ENTRIES[i];
    if (e.kind !== "advice" && t[i] === T && e.strength > atLeast) atLeast = e.strength;
  }
  let pending = [];
  for (let i = 0; i < ENTRIES.length; i++) {
    const e = ENTRIES[i];
    if (e.kind !== "advice" && t[i] === U && e.strength > atLeast) pending.push(i);
  }
  // No candidate holds (atLeast 0): judged against a layer's default, as assemble does.
  if (atLeast === 0 && pending.length > 0 && DEFAULT_STRENGTH > 0) pending = withoutTrue(pending).pending;
  const need = new Uint8Array(FACT_COUNT);
  for (const i of pending) TRI[i](given, need);
  const mattered = used.filter((i) => need[i] === 1);
  if (mattered.length === 0) return r;
  r.assumed = mattered.map((i) => ({
    fact: FACTS[i].name,
    value: PRESUMED[i].value,
    text: PRESUMED[i].text,
    question: FACTS[i].question,
  }));
  if (r.undetermined) {
    const all = new Set(r.undetermined.needs.map((n) => INDEX.get(n.fact)));
    for (const i of mattered) all.add(i);
    r.undetermined = {
      ...r.undetermined,
      needs: [...all].sort((a, b) => a - b).map((i) => ({ fact: FACTS[i].name, question: FACTS[i].question })),
    };
  }
  return r;
}
`;
