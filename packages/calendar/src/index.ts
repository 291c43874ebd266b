/** @precept/calendar: calendar dates for the language, the runtime and generated modules. */
export { addToDate, type DateUnit, daysInMonth, isIsoDate, isoOf, today } from "./calendar.js";
export { CALENDAR_SOURCE } from "./embedded.js";
export { isMonthName, MONTHS, monthNumber } from "./months.js";
