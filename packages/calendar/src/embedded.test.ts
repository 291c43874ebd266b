import { describe, expect, it } from "vitest";
import { embeddable, readCalendar } from "../scripts/embed.js";
import { CALENDAR_SOURCE } from "./embedded.js";

describe("the embedded calendar", () => {
  it("is calendar.ts as it is now (regenerate with `pnpm --filter @precept/calendar embed`)", () => {
    expect(CALENDAR_SOURCE).toBe(embeddable(readCalendar()));
  });
});
