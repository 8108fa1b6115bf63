import clsx from "clsx";
import type { LucideIcon } from "lucide-react";
import { Link } from "react-router";
import { type MessageKey, useT } from "../i18n/index.ts";

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="font-bold text-2xl tracking-tight">{title}</h1>
        {subtitle && <p className="mt-1 text-muted text-sm">{subtitle}</p>}
      </div>
      {children}
    </div>
  );
}

/** What an admin list shows when it has no rows. */
export function EmptyState({ icon: Icon, children }: { icon: LucideIcon; children: React.ReactNode }) {
  return (
    <div className="rounded-2xl border border-line border-dashed bg-surface px-6 py-16 text-center">
      <Icon aria-hidden="true" className="mx-auto size-10 text-muted" />
      <p className="mt-3 text-muted">{children}</p>
    </div>
  );
}

/** The submit button of an admin filter form, and a link back to the unfiltered list when filtered. */
export function FilterActions({
  clearTo,
  filtered,
  className,
  buttonClassName,
}: {
  clearTo: string;
  filtered: boolean;
  className: string;
  buttonClassName: string;
}) {
  const t = useT();
  return (
    <div className={clsx("flex gap-2", className)}>
      <button type="submit" className={clsx("btn btn-primary h-11 flex-1", buttonClassName)}>
        {t("adminpeople.filter")}
      </button>
      {filtered && (
        <Link to={clearTo} className="btn btn-secondary h-11">
          {t("adminpeople.clearFilters")}
        </Link>
      )}
    </div>
  );
}

const STATUS: Record<string, { label: MessageKey; className: string }> = {
  queued: { label: "mail.statusQueued", className: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300" },
  pending: { label: "mail.statusQueued", className: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300" },
  sent: { label: "mail.statusSent", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300" },
  delivered: { label: "mail.statusSent", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300" },
  stored: { label: "mail.statusStored", className: "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-300" },
  failed: { label: "mail.statusFailed", className: "bg-rose-100 text-rose-900 dark:bg-rose-400/15 dark:text-rose-300" },
};

export function MailStatus({ status }: { status: string }) {
  const t = useT();
  const known = STATUS[status.toLowerCase()];
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded-full px-2.5 py-0.5 font-semibold text-xs",
        known?.className ?? "bg-surface-2 text-muted",
      )}
    >
      {known ? t(known.label) : status}
    </span>
  );
}
