// Shared pieces of the storefront identity pages (sign-in, sign-up, password reset, security).

import clsx from "clsx";
import { Eye, EyeOff } from "lucide-react";
import { useState } from "react";
import type { TFunction } from "../i18n/index.ts";
import { useT } from "../i18n/index.ts";
import type { IdentityError } from "../services/identity.ts";

/** Identity pages are personal (tokens in URLs, form errors): never cached or shared. */
export function noStore() {
  return { "Cache-Control": "no-store" };
}

/**
 * A same-site relative path to continue to after signing in, or the fallback. `prefix` limits it
 * to one part of the site (the admin's sign-in only continues to `/admin…`).
 */
export function safeNext(value: string | null | undefined, fallback = "/hesap", prefix = "/"): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || !value.startsWith(prefix)) return fallback;
  if (/^\/(?:giris|cikis|uye-ol|sifre)/.test(value)) return fallback;
  return value;
}

/** Headers carrying better-auth's cookies to the browser. */
export function cookieHeaders(cookies: string[], extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return headers;
}

export { EMAIL_RE } from "../lib/forms.ts";

/** Turns a better-auth refusal into a sentence a shopper can act on. */
export function describeError(t: TFunction, error: IdentityError): string {
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
    return t("auth.errorLocked", { minutes });
  }
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
    case "USER_NOT_FOUND":
      return t("auth.errorInvalid");
    case "INVALID_PASSWORD":
      return t("auth.errorWrongPassword");
    case "INVALID_EMAIL":
      return t("auth.errorEmail");
    case "EMAIL_NOT_VERIFIED":
      return t("auth.errorUnverified");
    case "ACCOUNT_DISABLED":
    case "BANNED_USER":
      return t("auth.errorDisabled");
    case "PASSWORD_TOO_SHORT":
      return t("auth.passwordTooShort");
    case "PASSWORD_TOO_LONG":
      return t("auth.passwordTooLong");
    case "PASSWORD_TOO_COMMON":
      return t("auth.passwordTooCommon");
    case "TERMS_NOT_ACCEPTED":
      return t("auth.errorTerms");
    case "INVALID_CODE":
    case "INVALID_BACKUP_CODE":
    case "INVALID_TWO_FACTOR_CODE":
      return t("auth.errorCode");
    case "INVALID_TWO_FACTOR_COOKIE":
    case "TWO_FACTOR_NOT_ENABLED":
      return t("auth.errorTwoFactorExpired");
    case "INVALID_TOKEN":
      return t("auth.resetInvalidText");
    case "INVALID_ORIGIN":
    case "MISSING_OR_NULL_ORIGIN":
    case "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED":
      return t("auth.errorOrigin");
  }
  if (error.status === 401) return t("auth.errorInvalid");
  return t("auth.errorGeneric");
}

export function AuthShell({
  title,
  subtitle,
  icon,
  children,
  wide = false,
}: {
  title: string;
  subtitle?: React.ReactNode;
  icon?: React.ReactNode;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="container-page flex justify-center py-8 sm:py-14">
      <section
        className={clsx("w-full rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-9", wide ? "max-w-2xl" : "max-w-md")}
        aria-labelledby="auth-title"
      >
        {icon && <div className="mb-5 flex size-12 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">{icon}</div>}
        <h1 id="auth-title" className="font-bold text-2xl tracking-tight">
          {title}
        </h1>
        {subtitle && <div className="mt-2 text-muted text-sm leading-relaxed">{subtitle}</div>}
        <div className="mt-7">{children}</div>
      </section>
    </div>
  );
}

export { Notice } from "./notice.tsx";

export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block font-semibold text-sm">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1.5 text-muted text-xs">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A password input with a show/hide button (the button only works with JavaScript). */
export function PasswordInput({
  id,
  name,
  autoComplete,
  invalid,
  describedBy,
  minLength,
  autoFocus,
}: {
  id: string;
  name: string;
  autoComplete: "current-password" | "new-password";
  invalid?: boolean;
  describedBy?: string;
  minLength?: number;
  autoFocus?: boolean;
}) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <input
        id={id}
        name={name}
        type={shown ? "text" : "password"}
        autoComplete={autoComplete}
        required
        minLength={minLength}
        maxLength={128}
        // biome-ignore lint/a11y/noAutofocus: the single field of a focused step
        autoFocus={autoFocus}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className="field pr-12"
      />
      <button
        type="button"
        onClick={() => setShown((v) => !v)}
        aria-pressed={shown}
        aria-controls={id}
        className="absolute top-1/2 right-1.5 inline-flex size-9 -translate-y-1/2 items-center justify-center rounded-lg text-muted hover:text-fg"
      >
        {shown ? <EyeOff aria-hidden="true" className="size-[1.125rem]" /> : <Eye aria-hidden="true" className="size-[1.125rem]" />}
        <span className="sr-only">{shown ? t("auth.hidePassword") : t("auth.showPassword")}</span>
      </button>
    </div>
  );
}

export function Checkbox({
  name,
  children,
  required,
  defaultChecked,
  id,
}: {
  name: string;
  children: React.ReactNode;
  required?: boolean;
  defaultChecked?: boolean;
  id: string;
}) {
  return (
    <label htmlFor={id} className="flex cursor-pointer items-start gap-3 text-sm leading-snug">
      <input
        id={id}
        type="checkbox"
        name={name}
        value="on"
        required={required}
        defaultChecked={defaultChecked}
        className="mt-0.5 size-[1.125rem] shrink-0 accent-[var(--brand)]"
      />
      <span>{children}</span>
    </label>
  );
}
