// Display formatting bound to the visitor's locale.

import { formatMoney } from "../../platform/money.ts";
import type { Locale } from "../context.ts";
import { intlLocale, useLocale } from "../i18n/index.ts";

export function money(minor: number, currency: string, locale: Locale): string {
  return formatMoney(minor, currency, intlLocale(locale));
}

export function useMoney(): (minor: number, currency?: string) => string {
  const locale = useLocale();
  return (minor, currency = "TRY") => money(minor, currency, locale);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Istanbul" }).format(date);
}
