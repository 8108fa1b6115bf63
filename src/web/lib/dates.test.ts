import { describe, expect, it } from "vitest";
import { endOfDayInTurkey, isDay, startOfDayInTurkey } from "./dates.ts";

describe("isDay", () => {
  it("accepts real calendar days, leap days in leap years included", () => {
    for (const day of ["2026-01-01", "2026-02-28", "2026-12-31", "2028-02-29", "2000-02-29"]) expect(isDay(day)).toBe(true);
  });

  it("rejects impossible days and anything not YYYY-MM-DD", () => {
    for (const day of ["2026-02-31", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"]) {
      expect(isDay(day)).toBe(false);
    }
    for (const text of [undefined, null, "", "2026-1-5", "26-01-05", "2026/01/05", "2026-01-05T00:00", " 2026-01-05", "2026-01-05\n"]) {
      expect(isDay(text)).toBe(false);
    }
  });
});

describe("startOfDayInTurkey / endOfDayInTurkey", () => {
  it("uses UTC+3 for the day's bounds", () => {
    expect(startOfDayInTurkey("2026-03-15")?.toISOString()).toBe("2026-03-14T21:00:00.000Z");
    expect(startOfDayInTurkey("2026-03-15", 1)?.toISOString()).toBe("2026-03-15T21:00:00.000Z");
    expect(startOfDayInTurkey("2026-12-31", 1)?.toISOString()).toBe("2026-12-31T21:00:00.000Z");
    expect(endOfDayInTurkey("2026-03-15")?.toISOString()).toBe("2026-03-15T20:59:59.999Z");
    expect(endOfDayInTurkey("2028-02-29")?.toISOString()).toBe("2028-02-29T20:59:59.999Z");
  });

  it("gives null for impossible days instead of rolling them over", () => {
    for (const day of ["2026-02-31", "2026-02-29", "nope", undefined]) {
      expect(startOfDayInTurkey(day)).toBeNull();
      expect(startOfDayInTurkey(day, 1)).toBeNull();
      expect(endOfDayInTurkey(day)).toBeNull();
    }
  });
});
