// Where an order is: a progress bar over the usual steps, and every public event with its time.

import clsx from "clsx";
import { Check, CircleDot, MessageSquareText, PackageCheck, ReceiptText, RotateCcw, Truck, XCircle } from "lucide-react";
import { type MessageKey, useLocale, useT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useStatusLabel } from "./status-badge.tsx";

type Step = "placed" | "paid" | "preparing" | "shipped" | "delivered";

const STEP_LABELS: Record<Step, MessageKey> = {
  placed: "order.stepPlaced",
  paid: "order.stepPaid",
  preparing: "order.stepPreparing",
  shipped: "order.stepShipped",
  delivered: "order.stepDelivered",
};

/** How far along the usual path an order is; null when it left that path (cancelled, returned…). */
export function progressOf(status: string, paymentMethod: string): { steps: Step[]; current: number } | null {
  // Cash on delivery is paid at the door: there is no separate payment step.
  const steps: Step[] =
    paymentMethod === "cash_on_delivery"
      ? ["placed", "preparing", "shipped", "delivered"]
      : ["placed", "paid", "preparing", "shipped", "delivered"];
  const at: Record<string, Step> = {
    awaiting_payment: "placed",
    pending_review: "placed",
    paid: "paid",
    preparing: "preparing",
    shipped: "shipped",
    delivered: "delivered",
    completed: "delivered",
  };
  const step = at[status];
  if (!step) return null;
  const current = steps.indexOf(step);
  return { steps, current: current === -1 ? 0 : current };
}

export function OrderProgress({ status, paymentMethod }: { status: string; paymentMethod: string }) {
  const t = useT();
  const progress = progressOf(status, paymentMethod);
  if (!progress) return null;
  const { steps, current } = progress;
  return (
    <nav aria-label={t("order.progress")}>
      <ol className="grid" style={{ gridTemplateColumns: `repeat(${steps.length}, minmax(0, 1fr))` }} data-testid="order-progress">
        {steps.map((step, i) => {
          // Every milestone reached so far is ticked; the latest one is emphasised.
          const done = i <= current;
          const isCurrent = i === current;
          return (
            <li key={step} className="relative flex flex-col items-center text-center" aria-current={isCurrent ? "step" : undefined}>
              {i > 0 && (
                <span
                  aria-hidden="true"
                  className={clsx("absolute top-4 right-1/2 h-0.5 w-full -translate-y-1/2", i <= current ? "bg-brand" : "bg-line")}
                />
              )}
              <span
                className={clsx(
                  "relative z-10 flex size-8 items-center justify-center rounded-full border-2 font-bold text-xs",
                  done ? "border-brand bg-brand text-on-brand" : "border-line-strong bg-surface text-muted",
                  isCurrent && "ring-4 ring-brand/20",
                )}
              >
                {done ? <Check aria-hidden="true" className="size-4" strokeWidth={3} /> : i + 1}
              </span>
              {/* On phones only the current step is named (under the bar); all are read out. */}
              <span
                className={clsx(
                  "sr-only sm:not-sr-only sm:mt-2 sm:px-1 sm:text-sm sm:leading-tight",
                  isCurrent ? "font-bold" : "text-muted",
                )}
              >
                {t(STEP_LABELS[step])}
                <span className="sr-only">{isCurrent ? ` (${t("order.stepCurrent")})` : done ? ` (${t("order.stepDone")})` : ""}</span>
              </span>
            </li>
          );
        })}
      </ol>
      <p aria-hidden="true" className="mt-3 text-center font-bold text-sm sm:hidden">
        {t(STEP_LABELS[steps[current] ?? "placed"])}
      </p>
    </nav>
  );
}

export interface TimelineEvent {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  message: string | null;
  at: string;
}

function iconOf(event: TimelineEvent) {
  if (event.kind === "note") return MessageSquareText;
  if (event.kind === "refund") return ReceiptText;
  if (event.kind === "shipment" || event.toStatus === "shipped") return Truck;
  if (event.toStatus === "delivered" || event.toStatus === "completed") return PackageCheck;
  if (event.toStatus === "cancelled") return XCircle;
  if (event.toStatus?.startsWith("return") || event.toStatus?.includes("refunded")) return RotateCcw;
  return CircleDot;
}

/** Every public event, newest first, each with its date and time (Istanbul time). */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const t = useT();
  const locale = useLocale();
  const statusLabel = useStatusLabel();
  const ordered = [...events].reverse();
  return (
    <ol className="space-y-0" data-testid="order-timeline">
      {ordered.map((event, i) => {
        const Icon = iconOf(event);
        const title =
          event.kind === "status" && event.toStatus
            ? event.fromStatus === null
              ? `${t("order.eventPlaced")} · ${statusLabel(event.toStatus)}`
              : statusLabel(event.toStatus)
            : event.kind === "note"
              ? t("order.eventNote")
              : event.kind === "refund"
                ? t("order.eventRefund")
                : t("order.eventShipment");
        return (
          <li
            key={`${event.at}-${event.kind}-${event.toStatus ?? ""}-${event.message ?? ""}`}
            className="relative flex gap-3 pb-5 last:pb-0"
          >
            {i < ordered.length - 1 && <span aria-hidden="true" className="absolute top-8 bottom-0 left-4 w-px bg-line" />}
            <span
              className={clsx(
                "relative flex size-8 shrink-0 items-center justify-center rounded-full",
                i === 0 ? "bg-brand text-on-brand" : "bg-surface-2 text-muted",
              )}
            >
              <Icon aria-hidden="true" className="size-4" />
            </span>
            <div className="min-w-0 pt-1">
              <p className={clsx("text-sm", i === 0 ? "font-bold" : "font-semibold")}>{title}</p>
              {event.message && event.kind !== "status" && <p className="mt-0.5 text-muted text-sm">{event.message}</p>}
              <time dateTime={event.at} className="mt-0.5 block text-muted text-xs tabular-nums">
                {formatDateTime(event.at, locale)}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
