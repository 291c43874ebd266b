/**
 * The parts of a generated module that only some policies need, as plain module text: the
 * calendar (date facts, the decision date), and constraints and presumptions. The
 * calendar is @precept/calendar's code itself; the others mirror `@precept/runtime`
 * (constraints.ts, presume.ts), and the semantics tests compare the module with the runtime on
 * random policies that use them.
 */
import { CALENDAR_SOURCE } from "@precept/calendar";

/** Calendar dates (ISO YYYY-MM-DD, years 1–9999): @precept/calendar's own code, as text. */
export const CALENDAR = `\n${CALENDAR_SOURCE}\n`;

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
