import { redirect } from "react-router";
import { isLocale, isTheme, LOCALE_COOKIE, preferenceCookie, preferencesFromCookieHeader, THEME_COOKIE } from "../lib/preferences.ts";
import type { Route } from "./+types/preferences";

/** Only same-site paths: never an open redirect. */
function safeReturnTo(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

// POST /tercih with `lang` and/or `theme` (+ `returnTo`): stores the choice in a cookie and sends
// the visitor back to the page they were on (303), which then renders in the new language/theme.
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const secure = new URL(request.url).protocol === "https:";
  const headers = new Headers();
  const lang = form.get("lang");
  if (isLocale(lang)) headers.append("Set-Cookie", preferenceCookie(LOCALE_COOKIE, lang, secure));
  let theme = form.get("theme");
  if (theme === "toggle") {
    // No-JavaScript fallback of the theme button: flip what the server last rendered.
    theme = preferencesFromCookieHeader(request.headers.get("cookie")).theme === "dark" ? "light" : "dark";
  }
  if (isTheme(theme)) headers.append("Set-Cookie", preferenceCookie(THEME_COOKIE, theme, secure));
  return redirect(safeReturnTo(form.get("returnTo")), { status: 303, headers });
}

export function loader() {
  return redirect("/");
}
