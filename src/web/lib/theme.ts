// Theme handling in the browser. The server renders `class="dark"` when the `theme` cookie says
// dark; for "system" (or a preference only remembered in localStorage) THEME_SCRIPT runs in <head>
// before first paint and applies it, so there is never a flash of the wrong theme.

import type { ThemePreference } from "../context.ts";
import { PREFERENCE_MAX_AGE, THEME_COOKIE } from "./preferences.ts";

export const THEME_STORAGE_KEY = "kervan-theme";

export const THEME_SCRIPT = `(function(){try{var d=document.documentElement,k=${JSON.stringify(THEME_STORAGE_KEY)},m=document.cookie.match(/(?:^|;\\s*)${THEME_COOKIE}=(light|dark|system)(?:;|$)/),t=m&&m[1];if(!t){var s=localStorage.getItem(k);if(s==="light"||s==="dark"){t=s;document.cookie="${THEME_COOKIE}="+s+"; Path=/; Max-Age=${PREFERENCE_MAX_AGE}; SameSite=Lax"}else t="system"}var q=matchMedia("(prefers-color-scheme: dark)");function a(){d.classList.toggle("dark",t==="dark"||(t==="system"&&q.matches))}a();if(t==="system"&&q.addEventListener)q.addEventListener("change",function(){if(!/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)/.test(document.cookie))a()})}catch(e){}})();`;

/** Applies and remembers a theme (cookie for the server, localStorage as a backup). */
export function setTheme(theme: ThemePreference): void {
  const root = document.documentElement;
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  root.classList.toggle("dark", dark);
  const secure = location.protocol === "https:" ? "; Secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${PREFERENCE_MAX_AGE}; SameSite=Lax${secure}`;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private mode or storage disabled: the cookie alone is enough.
  }
}

/** Flips between light and dark based on what is shown right now. */
export function toggleTheme(): ThemePreference {
  const next: ThemePreference = document.documentElement.classList.contains("dark") ? "light" : "dark";
  setTheme(next);
  return next;
}
