// Visitor preferences kept in cookies so the server can render the right language and theme on
// the first byte (no flash). Shared by the server plugin and the web app; no dependencies.

import type { Locale, ThemePreference } from "../context.ts";

export const LOCALE_COOKIE = "lang";
export const THEME_COOKIE = "theme";
/** One year, in seconds. */
export const PREFERENCE_MAX_AGE = 60 * 60 * 24 * 365;

export const LOCALES: readonly Locale[] = ["tr", "en"];
export const THEMES: readonly ThemePreference[] = ["light", "dark", "system"];

export function isLocale(value: unknown): value is Locale {
  return value === "tr" || value === "en";
}

export function isTheme(value: unknown): value is ThemePreference {
  return value === "light" || value === "dark" || value === "system";
}

/** Reads one cookie from a `Cookie` header without decoding surprises. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

export interface Preferences {
  locale: Locale;
  theme: ThemePreference;
}

/** Locale and theme from a `Cookie` header; Turkish and "system" when unset or invalid. */
export function preferencesFromCookieHeader(header: string | null | undefined): Preferences {
  const locale = readCookie(header, LOCALE_COOKIE);
  const theme = readCookie(header, THEME_COOKIE);
  return {
    locale: isLocale(locale) ? locale : "tr",
    theme: isTheme(theme) ? theme : "system",
  };
}

/** A `Set-Cookie` value for one preference (readable by the page script, so not HttpOnly). */
export function preferenceCookie(name: string, value: string, secure: boolean): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${PREFERENCE_MAX_AGE}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
