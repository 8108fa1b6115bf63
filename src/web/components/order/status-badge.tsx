// The order status as a coloured pill (colour family from the orders module's statusTone).

import clsx from "clsx";
import { type MessageKey, useT } from "../../i18n/index.ts";
import type { StatusTone } from "../../services/checkout.ts";

const TONES: Record<StatusTone, string> = {
  neutral: "bg-surface-2 text-muted ring-line-strong",
  info: "bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-400/10 dark:text-sky-200 dark:ring-sky-400/30",
  warning: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-400/10 dark:text-amber-200 dark:ring-amber-400/30",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200 dark:bg-emerald-400/10 dark:text-emerald-200 dark:ring-emerald-400/30",
  danger: "bg-sale-soft text-sale ring-sale/30",
  accent: "bg-violet-50 text-violet-900 ring-violet-200 dark:bg-violet-400/10 dark:text-violet-200 dark:ring-violet-400/30",
};

const DOTS: Record<StatusTone, string> = {
  neutral: "bg-muted",
  info: "bg-sky-600 dark:bg-sky-300",
  warning: "bg-amber-500",
  success: "bg-emerald-600 dark:bg-emerald-300",
  danger: "bg-sale",
  accent: "bg-violet-600 dark:bg-violet-300",
};

/** "order.status.shipped" → "Kargoda"; unknown statuses are shown as they are. */
export function useStatusLabel(): (status: string) => string {
  const t = useT();
  // A key missing from the dictionaries translates to undefined.
  return (status) => (t(`order.status.${status}` as MessageKey) as string | undefined) ?? status;
}

export function StatusBadge({ status, tone, size = "md" }: { status: string; tone: StatusTone; size?: "sm" | "md" }) {
  const label = useStatusLabel();
  return (
    <span
      data-testid="order-status"
      data-status={status}
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full font-semibold ring-1 ring-inset",
        size === "sm" ? "px-2.5 py-0.5 text-xs" : "px-3 py-1 text-sm",
        TONES[tone],
      )}
    >
      <span aria-hidden="true" className={clsx("size-1.5 rounded-full", DOTS[tone])} />
      {label(status)}
    </span>
  );
}
