import clsx from "clsx";
import { Moon, Sun } from "lucide-react";
import { useLocation } from "react-router";
import type { Locale } from "../context.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { toggleTheme } from "../lib/theme.ts";

/** Where the preference form should send the visitor back to. */
function useReturnTo(): string {
  const location = useLocation();
  return location.pathname + location.search;
}

/**
 * Light/dark switch. With JavaScript it flips the class on <html> and stores the choice (cookie +
 * localStorage) without a reload; without JavaScript the form posts to /tercih.
 */
export function ThemeToggle({ className }: { className?: string }) {
  const t = useT();
  const returnTo = useReturnTo();
  return (
    <form method="post" action="/tercih" className={className}>
      <input type="hidden" name="theme" value="toggle" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        data-testid="theme-toggle"
        onClick={(event) => {
          event.preventDefault();
          toggleTheme();
        }}
        className="inline-flex size-10 items-center justify-center rounded-full text-muted transition-colors hover:bg-surface-2 hover:text-fg"
      >
        <span className="dark:hidden">
          <Moon aria-hidden="true" className="size-5" />
          <span className="sr-only">{t("prefs.toDark")}</span>
        </span>
        <span className="hidden dark:inline">
          <Sun aria-hidden="true" className="size-5" />
          <span className="sr-only">{t("prefs.toLight")}</span>
        </span>
      </button>
    </form>
  );
}

const LANGUAGES: { code: Locale; short: string; name: string }[] = [
  { code: "tr", short: "TR", name: "Türkçe" },
  { code: "en", short: "EN", name: "English" },
];

/** TR | EN switch: posts to /tercih, which sets the `lang` cookie and reloads the same page. */
export function LanguageSwitch({ className, tone = "default" }: { className?: string; tone?: "default" | "inverse" }) {
  const t = useT();
  const locale = useLocale();
  const returnTo = useReturnTo();
  return (
    <form method="post" action="/tercih" className={clsx("flex items-center", className)}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset className="flex items-center">
        <legend className="sr-only">{t("prefs.switchLanguage")}</legend>
        {LANGUAGES.map((lang, index) => (
          <span key={lang.code} className="flex items-center">
            {index > 0 && (
              <span aria-hidden="true" className={clsx("px-0.5", tone === "inverse" ? "text-white/50" : "text-line-strong")}>
                |
              </span>
            )}
            <button
              type="submit"
              name="lang"
              value={lang.code}
              lang={lang.code}
              aria-current={lang.code === locale ? "true" : undefined}
              data-testid={`lang-${lang.code}`}
              className={clsx(
                "rounded px-1.5 py-0.5 font-semibold text-xs tracking-wide",
                lang.code === locale
                  ? tone === "inverse"
                    ? "text-white underline decoration-2 underline-offset-4"
                    : "text-brand underline decoration-2 underline-offset-4"
                  : tone === "inverse"
                    ? "text-white/80 hover:text-white"
                    : "text-muted hover:text-fg",
              )}
            >
              <abbr title={lang.name} className="no-underline">
                {lang.short}
              </abbr>
            </button>
          </span>
        ))}
      </fieldset>
    </form>
  );
}
