// The order's history for staff, newest first: status changes (from → to), notes (internal ones
// marked), payments, e-mails, shipments with their tracking link, refunds — each with who and when.

import clsx from "clsx";
import {
  ArrowRight,
  CircleDot,
  CreditCard,
  ExternalLink,
  Lock,
  Mail,
  PackageOpen,
  ShoppingBag,
  StickyNote,
  Truck,
  Undo2,
} from "lucide-react";
import type { Locale } from "../../context.ts";
import { getT, type MessageKey, type TFunction } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import type { AdminOrder } from "../../services/orders-admin.ts";
import { OrderStatusBadge } from "./status-badge.tsx";

type OrderEvent = AdminOrder["events"][number];

const ICONS = {
  placed: ShoppingBag,
  status: CircleDot,
  note: StickyNote,
  payment: CreditCard,
  mail: Mail,
  shipment: Truck,
  refund: Undo2,
  return: PackageOpen,
  document: StickyNote,
} as const;

function actorName(t: TFunction, e: OrderEvent): string {
  if (e.actor === "staff") return e.actorUser?.name || e.actorUser?.email || t("ordersadmin.actor.staff");
  return t(`ordersadmin.actor.${e.actor}` as MessageKey);
}

export function OrderTimeline({
  events,
  tones,
  carriers,
  currency,
  locale,
}: {
  events: OrderEvent[];
  tones: Record<string, string>;
  /** Carrier id → display name. */
  carriers: Record<string, string>;
  currency: string;
  locale: Locale;
}) {
  const t = getT(locale);
  const newestFirst = [...events].reverse();
  return (
    <ol className="relative space-y-5" data-testid="order-timeline">
      {newestFirst.map((e, i) => {
        const placed = e.kind === "status" && e.fromStatus === null;
        const failedPayment = e.kind === "payment" && e.data?.status === "failed";
        const Icon = placed ? ICONS.placed : (ICONS[e.kind as keyof typeof ICONS] ?? CircleDot);
        const trackingUrl = typeof e.data?.trackingUrl === "string" ? e.data.trackingUrl : null;
        const trackingNumber = typeof e.data?.trackingNumber === "string" ? e.data.trackingNumber : null;
        const amount = typeof e.data?.amount === "number" ? e.data.amount : null;
        return (
          <li key={e.id} data-event={e.kind} className="relative flex gap-3.5">
            {i < newestFirst.length - 1 && (
              <span aria-hidden="true" className="absolute top-9 bottom-[-1.25rem] left-[1.0625rem] w-px bg-line" />
            )}
            <span
              aria-hidden="true"
              className={clsx(
                "relative flex size-9 shrink-0 items-center justify-center rounded-full border",
                e.internal && e.kind === "note"
                  ? "border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-400/40 dark:bg-amber-400/10 dark:text-amber-300"
                  : failedPayment
                    ? "border-rose-300 bg-rose-50 text-rose-700 dark:border-rose-400/40 dark:bg-rose-400/10 dark:text-rose-300"
                    : "border-line bg-surface-2 text-muted",
              )}
            >
              <Icon className="size-4" />
            </span>
            <div className="min-w-0 flex-1 pt-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                {e.kind === "status" ? (
                  placed ? (
                    <>
                      <span className="font-semibold">{t("ordersadmin.event.placed")}</span>
                      {e.toStatus && <OrderStatusBadge status={e.toStatus} tone={tones[e.toStatus] ?? "neutral"} />}
                    </>
                  ) : (
                    <>
                      {e.fromStatus && <OrderStatusBadge status={e.fromStatus} tone={tones[e.fromStatus] ?? "neutral"} />}
                      <ArrowRight aria-label="→" className="size-3.5 text-muted" />
                      {e.toStatus && <OrderStatusBadge status={e.toStatus} tone={tones[e.toStatus] ?? "neutral"} />}
                    </>
                  )
                ) : (
                  <span className="font-semibold">{eventTitle(t, e, amount, currency, locale)}</span>
                )}
                {e.kind === "note" && (
                  <span
                    className={clsx(
                      "inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold text-[0.6875rem]",
                      e.internal
                        ? "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200"
                        : "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-200",
                    )}
                  >
                    {e.internal && <Lock aria-hidden="true" className="size-3" />}
                    {e.internal ? t("ordersadmin.internalBadge") : t("ordersadmin.publicBadge")}
                  </span>
                )}
              </div>
              {e.message && e.kind !== "refund" && !(placed && !e.message) && (
                <p
                  className={clsx(
                    "mt-1.5 whitespace-pre-line break-words text-sm",
                    e.kind === "note"
                      ? clsx("rounded-lg px-3 py-2", e.internal ? "bg-amber-50 dark:bg-amber-400/10" : "bg-surface-2")
                      : "text-muted",
                  )}
                >
                  {e.message}
                </p>
              )}
              {e.kind === "refund" && e.message && <p className="mt-1 text-muted text-sm">{e.message}</p>}
              {trackingNumber && (
                <p className="mt-1 text-sm">
                  {t("ordersadmin.event.tracking", {
                    carrier: carriers[String(e.data?.carrier)] ?? String(e.data?.carrier ?? ""),
                    number: trackingNumber,
                  })}
                  {trackingUrl && (
                    <a href={trackingUrl} target="_blank" rel="noopener noreferrer" className="link ml-2 inline-flex items-center gap-1">
                      {t("ordersadmin.trackingLink")}
                      <ExternalLink aria-hidden="true" className="size-3.5" />
                    </a>
                  )}
                </p>
              )}
              <p className="mt-1 text-muted text-xs">
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time> · {actorName(t, e)}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function eventTitle(t: TFunction, e: OrderEvent, amount: number | null, currency: string, locale: Locale): string {
  switch (e.kind) {
    case "note":
      return t("ordersadmin.event.note");
    case "payment":
      return e.data?.status === "failed" ? t("ordersadmin.event.paymentFailed") : t("ordersadmin.event.payment");
    case "mail":
      return t("ordersadmin.event.mail");
    case "refund":
      return t("ordersadmin.event.refund", { amount: amount === null ? "" : money(amount, currency, locale) });
    case "shipment":
      return t("ordersadmin.event.shipment");
    case "return":
      return t("ordersadmin.event.return");
    default:
      return t("ordersadmin.event.document");
  }
}
