/**
 * Calendar arithmetic: @precept/calendar's date shifting (days-from-civil), which the language and
 * the runtime share, agrees with the reference's plain JavaScript-calendar version on any day and
 * duration, month ends and leap years included; the runtime's date check agrees with the calendar.
 * (The generated JS modules hold the same code as text: tests/semantics/generated-module.test.ts.)
 */
import { addToDate as calendarAdd } from "@precept/calendar";
import { addToDate as languageAdd, readDate } from "@precept/language";
import { isIsoDate, readFactValue, addToDate as runtimeAdd } from "@precept/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shiftDate } from "./reference.js";

const RUNS = Number(process.env.PRECEPT_PROPERTY_RUNS ?? 300) * 10;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Any day from 0001-01-01 to 9999-12-31, with month ends and 29 February often. */
const day = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1900, 2000, 2023, 2024)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(28, 29, 30, 31)),
  })
  .map(({ year, month, day }) => {
    const last = new Date(0);
    last.setUTCFullYear(year, month, 0);
    return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, last.getUTCDate()))}`;
  });
const unit = fc.constantFrom("day", "week", "month", "year") as fc.Arbitrary<
  "day" | "week" | "month" | "year"
>;
const amount = fc.oneof(
  fc.integer({ min: -60, max: 60 }),
  fc.integer({ min: -40_000, max: 40_000 }),
);

describe("calendar arithmetic", () => {
  it("the calendar shifts dates as the reference does", () => {
    fc.assert(
      fc.property(day, amount, unit, (d, n, u) => {
        expect(calendarAdd(d, n, u)).toBe(shiftDate(d, n, u));
      }),
      { numRuns: RUNS },
    );
  });

  it("the language and the runtime use the one calendar", () => {
    expect(languageAdd).toBe(calendarAdd);
    expect(runtimeAdd).toBe(calendarAdd);
  });

  it("a form reads the month names a policy may write, and only those", () => {
    const fact = { name: "discharge date", type: "date" } as const;
    for (const month of ["September", "sep", "SEPT", "Septem", "Sptember", "Sepember"]) {
      const written = `1 ${month} 2024`;
      const form = readFactValue(fact as never, written, { mode: "form" });
      const policy = readDate(written);
      expect({ month, form: form.ok && form.value }).toEqual({
        month,
        form: policy.ok ? policy.iso : false,
      });
    }
  });

  it("month ends and leap days", () => {
    expect(runtimeAdd("2024-01-31", 1, "month")).toBe("2024-02-29");
    expect(runtimeAdd("2023-01-31", 1, "month")).toBe("2023-02-28");
    expect(runtimeAdd("2024-02-29", -1, "year")).toBe("2023-02-28");
    expect(runtimeAdd("2024-02-29", 4, "year")).toBe("2028-02-29");
    expect(runtimeAdd("2024-03-31", -1, "month")).toBe("2024-02-29");
    expect(runtimeAdd("2024-02-28", 1, "day")).toBe("2024-02-29");
    expect(runtimeAdd("1900-02-28", 1, "day")).toBe("1900-03-01");
    expect(runtimeAdd("2000-02-28", 1, "day")).toBe("2000-02-29");
    expect(runtimeAdd("2024-12-31", 1, "week")).toBe("2025-01-07");
    expect(runtimeAdd("0001-01-01", -1, "day")).toBe("0001-01-01");
    expect(runtimeAdd("9999-12-31", 1, "month")).toBe("9999-12-31");
  });

  it("a date is valid exactly when the calendar has that day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
          const at = new Date(0);
          at.setUTCFullYear(y, m - 1, d);
          const real =
            y >= 1 &&
            y <= 9999 &&
            at.getUTCFullYear() === y &&
            at.getUTCMonth() === m - 1 &&
            at.getUTCDate() === d;
          expect(isIsoDate(text)).toBe(real);
          expect(readDate(text).ok).toBe(real);
        },
      ),
      { numRuns: RUNS },
    );
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(readDate("1 September 2024")).toEqual({ ok: true, iso: "2024-09-01" });
    expect(readDate("30 February 2024").ok).toBe(false);
  });
});
