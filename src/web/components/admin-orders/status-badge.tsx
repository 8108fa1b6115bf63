// Order status badges: a colour family per status (statusTone from the state machine) with the
// status written out, so the colour is never the only signal. Contrast ≥ 4.5:1 in both themes.

import clsx from "clsx";
import type { MessageKey, TFunction } from "../../i18n/index.ts";
import { useT } from "../../i18n/index.ts";

export const TONE_CLASSES: Record<string, { badge: string; dot: string }> = {
  neutral: {
    badge: "bg-slate-100 text-slate-800 ring-slate-300/60 dark:bg-slate-400/15 dark:text-slate-200 dark:ring-slate-400/25",
    dot: "bg-slate-500 dark:bg-slate-300",
  },
  info: {
    badge: "bg-sky-100 text-sky-900 ring-sky-300/60 dark:bg-sky-400/15 dark:text-sky-200 dark:ring-sky-400/25",
    dot: "bg-sky-600 dark:bg-sky-300",
  },
  warning: {
    badge: "bg-amber-100 text-amber-900 ring-amber-300/70 dark:bg-amber-400/15 dark:text-amber-200 dark:ring-amber-400/25",
    dot: "bg-amber-500 dark:bg-amber-300",
  },
  success: {
    badge: "bg-emerald-100 text-emerald-900 ring-emerald-300/60 dark:bg-emerald-400/15 dark:text-emerald-200 dark:ring-emerald-400/25",
    dot: "bg-emerald-600 dark:bg-emerald-300",
  },
  danger: {
    badge: "bg-rose-100 text-rose-900 ring-rose-300/60 dark:bg-rose-400/15 dark:text-rose-200 dark:ring-rose-400/25",
    dot: "bg-rose-600 dark:bg-rose-300",
  },
  accent: {
    badge: "bg-violet-100 text-violet-900 ring-violet-300/60 dark:bg-violet-400/15 dark:text-violet-200 dark:ring-violet-400/25",
    dot: "bg-violet-600 dark:bg-violet-300",
  },
};

export function statusLabel(t: TFunction, status: string): string {
  return t(`ordersadmin.status.${status}` as MessageKey);
}

export function methodLabel(t: TFunction, method: string): string {
  return t(`ordersadmin.method.${method}` as MessageKey);
}

export function OrderStatusBadge({ status, tone, large }: { status: string; tone: string; large?: boolean }) {
  const t = useT();
  const c = TONE_CLASSES[tone] ?? TONE_CLASSES.neutral;
  return (
    <span
      data-order-status={status}
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full font-semibold ring-1 ring-inset",
        large ? "px-3 py-1 text-sm" : "px-2.5 py-0.5 text-xs",
        c?.badge,
      )}
    >
      <span aria-hidden="true" className={clsx("rounded-full", large ? "size-2" : "size-1.5", c?.dot)} />
      {statusLabel(t, status)}
    </span>
  );
}
