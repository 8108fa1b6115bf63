// Building blocks of the My account pages (profile, addresses, privacy).

import clsx from "clsx";
import { useEffect, useState } from "react";
import type { Locale } from "../context.ts";
import { intlLocale, type MessageKey, type TFunction } from "../i18n/index.ts";
import type { FieldError } from "../services/account.ts";

/** A card with an icon and a heading, like the security page's sections. */
export function AccountCard({
  id,
  title,
  icon,
  description,
  tone = "default",
  children,
  actions,
}: {
  id: string;
  title: string;
  icon: React.ReactNode;
  description?: React.ReactNode;
  tone?: "default" | "danger";
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={clsx("rounded-2xl border bg-surface p-5 sm:p-7", tone === "danger" ? "border-sale/30" : "border-line")}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={id} className="flex items-center gap-2.5 font-bold text-lg">
          <span
            className={clsx(
              "flex size-9 shrink-0 items-center justify-center rounded-full",
              tone === "danger" ? "bg-sale-soft text-sale" : "bg-brand-soft text-on-brand-soft",
            )}
          >
            {icon}
          </span>
          {title}
        </h2>
        {actions}
      </div>
      {description && <div className="mt-2 text-muted text-sm leading-relaxed">{description}</div>}
      {children && <div className="mt-5">{children}</div>}
    </section>
  );
}

const ERROR_KEYS: Record<string, MessageKey> = {
  required: "myaccount.errorRequired",
  tooLong: "myaccount.errorTooLong",
  tooShort: "myaccount.errorAddressLine",
  phone: "myaccount.errorPhone",
  province: "myaccount.errorProvince",
  district: "myaccount.errorDistrict",
  neighbourhood: "myaccount.errorNeighbourhood",
  postalCode: "myaccount.errorPostalCode",
  postalCodeProvince: "myaccount.errorPostalCodeProvince",
  tckn: "myaccount.errorTckn",
  vkn: "myaccount.errorVkn",
  invoiceType: "myaccount.errorInvoiceType",
};

/** The message for one field error, in the visitor's language. */
export function fieldErrorText(t: TFunction, error: FieldError): string {
  if (error.path === "addressLine" && error.code === "required") return t("myaccount.errorAddressLine");
  const key = ERROR_KEYS[error.code];
  return key ? t(key) : error.message;
}

/** `{ phone: "…" }` from a list of field errors (first error per field). */
export function errorMap(t: TFunction, errors: FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) out[e.path] ??= fieldErrorText(t, e);
  return out;
}

/** A labelled control with its error (and an optional hint) wired for screen readers. */
export function FormField({
  id,
  label,
  error,
  hint,
  optional,
  optionalLabel,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  optionalLabel?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 flex items-baseline gap-1.5 font-semibold text-sm">
        {label}
        {optional && <span className="font-normal text-muted text-xs">({optionalLabel})</span>}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 font-medium text-sale text-xs">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="mt-1.5 text-muted text-xs">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** aria attributes for a control inside FormField. */
export function describedBy(id: string, error?: string, hint?: string) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** True once React has hydrated the page (false during the server render and without JavaScript). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A small rounded label. */
export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "brand" | "premium" | "warn"; children: React.ReactNode }) {
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 font-semibold text-xs",
        tone === "neutral" && "bg-surface-2 text-muted",
        tone === "brand" && "bg-brand-soft text-on-brand-soft",
        tone === "premium" && "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300",
        tone === "warn" && "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300",
      )}
    >
      {children}
    </span>
  );
}

/** "21 Kasım 2026" / "21 November 2026" (Istanbul time). */
export function formatDay(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "Europe/Istanbul" }).format(new Date(date));
}
