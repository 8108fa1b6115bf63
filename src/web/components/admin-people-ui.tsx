// Small pieces shared by the admin pages for customers, staff, the audit log and settings.

import clsx from "clsx";
import { type MessageKey, type TFunction, useT } from "../i18n/index.ts";

const badge = "inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 font-semibold text-xs";

export function TierBadge({ tier }: { tier: string }) {
  const t = useT();
  return tier === "premium" ? (
    <span className={clsx(badge, "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300")}>
      ★ {t("adminpeople.tierPremium")}
    </span>
  ) : (
    <span className={clsx(badge, "bg-surface-2 text-muted")}>{t("adminpeople.tierStandard")}</span>
  );
}

export function StatusBadge({ disabled }: { disabled: boolean }) {
  const t = useT();
  return disabled ? (
    <span className={clsx(badge, "bg-rose-100 text-rose-900 dark:bg-rose-400/15 dark:text-rose-300")}>
      {t("adminpeople.statusDisabled")}
    </span>
  ) : (
    <span className={clsx(badge, "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300")}>
      {t("adminpeople.statusActive")}
    </span>
  );
}

export function RoleBadge({ role }: { role: string }) {
  const t = useT();
  return (
    <span className={clsx(badge, role === "owner" ? "bg-brand-soft text-on-brand-soft" : "bg-surface-2 text-fg")}>
      {roleLabel(t, role)}
    </span>
  );
}

export function roleLabel(t: TFunction, role: string): string {
  return t(`adminpeople.role.${role}` as MessageKey);
}

/** The message for a refusal code from the people-admin services (falls back to the English detail). */
export function errorText(t: TFunction, code: string, message: string): string {
  const key = `adminpeople.error.${code}` as MessageKey;
  const text = t(key) as string | undefined;
  return typeof text === "string" && text !== key ? text : t("adminpeople.error.generic", { message });
}

export { Notice } from "./notice.tsx";

export function Card({ title, children, className, id }: { title?: string; children: React.ReactNode; className?: string; id?: string }) {
  return (
    <section
      aria-labelledby={title && id ? id : undefined}
      className={clsx("rounded-2xl border border-line bg-surface p-5 sm:p-6", className)}
    >
      {title && (
        <h2 id={id} className="mb-4 font-semibold text-base">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}

export const selectClass = "field h-11 py-0 pr-8";
export const smallButton = "btn h-9 px-3 text-sm";
