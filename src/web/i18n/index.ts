// Tiny typed i18n: flat dictionaries, `{name}` placeholders, no runtime dependency.

import { useRouteLoaderData } from "react-router";
import type { Locale } from "../context.ts";
import type { RootData } from "../lib/root-data.ts";
import { en } from "./en.ts";
import { type MessageKey, type Messages, tr } from "./tr.ts";

export type { MessageKey, Messages };

const dictionaries: Record<Locale, Messages> = { tr, en };

export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

/** BCP 47 tag used for number, date and money formatting. */
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : "tr-TR";
}

export function translate(locale: Locale, key: MessageKey, params?: TParams): string {
  const template = dictionaries[locale][key] ?? tr[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === "number" ? value.toLocaleString(intlLocale(locale)) : value;
  });
}

export function getT(locale: Locale): TFunction {
  return (key, params) => translate(locale, key, params);
}

/** The active locale, from the root loader (Turkish until it has loaded). */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return data?.locale ?? "tr";
}

/** `const t = useT(); t("header.cart")`. */
export function useT(): TFunction {
  return getT(useLocale());
}
