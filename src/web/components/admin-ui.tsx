import clsx from "clsx";
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
