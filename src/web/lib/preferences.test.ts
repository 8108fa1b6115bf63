import { describe, expect, it } from "vitest";
import { preferenceCookie, preferencesFromCookieHeader, readCookie } from "./preferences.ts";

describe("preference cookies", () => {
  it("reads language and theme, defaulting to Turkish and the system theme", () => {
    expect(preferencesFromCookieHeader(undefined)).toEqual({ locale: "tr", theme: "system" });
    expect(preferencesFromCookieHeader("a=1; lang=en; theme=dark")).toEqual({ locale: "en", theme: "dark" });
    expect(preferencesFromCookieHeader("lang=de; theme=blue")).toEqual({ locale: "tr", theme: "system" });
  });

  it("matches cookie names exactly", () => {
    expect(readCookie("xlang=en; lang=tr", "lang")).toBe("tr");
    expect(readCookie("broken; lang=%E0", "lang")).toBe("%E0");
  });

  it("writes a year-long, Lax, script-readable cookie", () => {
    expect(preferenceCookie("lang", "en", false)).toBe("lang=en; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(preferenceCookie("theme", "dark", true)).toMatch(/; Secure$/);
  });
});
