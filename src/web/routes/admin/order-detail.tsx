import clsx from "clsx";
import { ArrowLeft, Ban, Banknote, ExternalLink, FileText, ImageOff, Printer, Receipt, Send, Truck, Undo2, User } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { data, Form, Link, useNavigation, useRevalidator } from "react-router";
import { MoneyError, parseMoney } from "../../../platform/money.ts";
import { AddressLines, formatPhone, sameAddress } from "../../components/admin-orders/address.tsx";
import { useOrderEvents } from "../../components/admin-orders/live.tsx";
import { methodLabel, OrderStatusBadge, statusLabel } from "../../components/admin-orders/status-badge.tsx";
import { OrderTimeline } from "../../components/admin-orders/timeline.tsx";
import { Card, selectClass } from "../../components/admin-people-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { OrderStatus } from "../../services/orders-admin.ts";
import type { Route } from "./+types/order-detail";
import { errorMessage } from "./orders.tsx";

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = requirePermission(context, "orders:read");
  const order = await admin.orders.get(params.id);
  if (!order) throw data(null, { status: 404 });
  return { order, meta: admin.orders.meta() };
}

type Intent = "status" | "cancel" | "mark-paid" | "ship" | "note" | "refund";
type ActionResult =
  | { intent: Intent; ok: true; status?: OrderStatus; amount?: number }
  | { intent: Intent; ok: false; code: string; message: string };

/** Statuses set by their own forms, not by the status buttons. */
const OWN_FORM: readonly OrderStatus[] = ["shipped", "cancelled", "refunded", "partially_refunded"];

export async function action({ context, params, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "orders:write");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const id = params.id;
  const refused = (r: { code: string; message: string }): ActionResult => ({ intent, ok: false, code: r.code, message: r.message });
  switch (intent) {
    case "status": {
      const status = text("status") as OrderStatus;
      const r = await admin.orders.setStatus(id, status, text("message") || undefined);
      return r.ok ? { intent, ok: true, status } : refused(r);
    }
    case "cancel": {
      const r = await admin.orders.setStatus(id, "cancelled", text("reason") || undefined);
      return r.ok ? { intent, ok: true, status: "cancelled" } : refused(r);
    }
    case "mark-paid": {
      const r = await admin.orders.markPaid(id);
      return r.ok ? { intent, ok: true, status: "paid" } : refused(r);
    }
    case "ship": {
      const r = await admin.orders.ship(id, { carrier: text("carrier"), trackingNumber: text("trackingNumber") });
      return r.ok ? { intent, ok: true, status: "shipped" } : refused(r);
    }
    case "note": {
      const r = await admin.orders.addNote(id, text("message"), text("visibility") === "public" ? "public" : "internal");
      return r.ok ? { intent, ok: true } : refused(r);
    }
    case "refund": {
      let amount: number | undefined;
      if (text("amount")) {
        try {
          amount = parseMoney(text("amount"));
        } catch (error) {
          if (!(error instanceof MoneyError)) throw error;
          return { intent, ok: false, code: "invalid-amount", message: error.message };
        }
      }
      const lines: Record<string, number> = {};
      for (const [name, value] of form.entries()) {
        if (!name.startsWith("line-") || String(value).trim() === "") continue;
        const qty = Number(String(value).trim());
        if (!Number.isInteger(qty) || qty < 0) return { intent, ok: false, code: "invalid-line", message: "" };
        if (qty > 0) lines[name.slice(5)] = qty;
      }
      const r = await admin.orders.refund(id, { amount, reason: text("reason"), lines: Object.keys(lines).length > 0 ? lines : undefined });
      return r.ok ? { intent, ok: true, amount: r.refunded } : refused(r);
    }
  }
  return { intent, ok: false, code: "unknown", message: `Unknown action "${intent}".` };
}

function doneText(t: TFunction, r: Extract<ActionResult, { ok: true }>, fmt: (n: number) => string): string {
  switch (r.intent) {
    case "ship":
      return t("ordersadmin.done.ship");
    case "note":
      return t("ordersadmin.done.note");
    case "mark-paid":
      return t("ordersadmin.done.markPaid");
    case "refund":
      return t("ordersadmin.done.refund", { amount: fmt(r.amount ?? 0) });
    default:
      return t("ordersadmin.done.status", { status: statusLabel(t, r.status ?? "") });
  }
}

const label = "mb-1.5 block font-semibold text-sm";
const DOCS = ["invoice", "packing-slip", "pre-information", "distance-sales"] as const;

export default function OrderDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { order: o, meta } = loaderData;
  const navigationState = useNavigation().state;
  const busy = navigationState !== "idle";
  const result = actionData as ActionResult | undefined;
  const canWrite = permissions.includes("orders:write");
  const fmt = (minor: number) => money(minor, o.currency, locale);
  const tones = Object.fromEntries(meta.statuses.map((s) => [s.status, s.tone]));
  const notice = (intent: Intent) =>
    result && result.intent === intent ? (
      result.ok ? (
        <Notice tone="success">{doneText(t, result, fmt)}</Notice>
      ) : (
        <Notice tone="error">{errorMessage(t, result.code, result.message)}</Notice>
      )
    ) : null;

  // someone else (another tab, a payment notification) changed this order: reload it
  const revalidator = useRevalidator();
  const version = useRef(o.version);
  version.current = o.version;
  // a change made on this page (its form is being sent or the page reloads) is not "elsewhere"
  const idle = useRef(true);
  idle.current = !busy;
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  useOrderEvents(
    (change) => {
      if (change.orderId !== o.id || change.version <= version.current || !idle.current) return;
      setChangedElsewhere(true);
      revalidator.revalidate();
    },
    () => revalidator.revalidate(),
  );
  useEffect(() => {
    if (!changedElsewhere) return;
    const hide = setTimeout(() => setChangedElsewhere(false), 8000);
    return () => clearTimeout(hide);
  }, [changedElsewhere]);

  // awaiting payment: a bank transfer has its own button, a card payment is confirmed by the gateway
  const statusButtons = o.nextStatuses.filter((s) => !OWN_FORM.includes(s) && !(s === "paid" && o.status === "awaiting_payment"));
  const canShip = o.nextStatuses.includes("shipped");
  const canCancel = o.nextStatuses.includes("cancelled");
  const awaitingTransfer = o.status === "awaiting_payment" && o.paymentMethod === "bank_transfer";
  const billingSame = sameAddress(o.shippingAddress, o.billingAddress);
  const invoiceReady = o.status !== "cancelled" && (o.paidAt !== null || o.paymentMethod === "cash_on_delivery");
  const refundableLines = o.lines.filter((l) => l.quantity > l.refundedQuantity);
  const hasActions = canWrite && (statusButtons.length > 0 || canCancel || awaitingTransfer);

  return (
    <>
      <title>{`${t("ordersadmin.detailTitle", { number: o.number })} | ${store.name}`}</title>
      <Link to="/admin/siparisler" className="inline-flex items-center gap-1.5 font-semibold text-brand text-sm hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("ordersadmin.back")}
      </Link>

      <header className="mt-4 mb-6 rounded-2xl border border-line bg-surface p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="font-bold text-2xl tabular-nums tracking-tight">{t("ordersadmin.detailTitle", { number: o.number })}</h1>
              <span data-testid="order-status">
                <OrderStatusBadge status={o.status} tone={o.tone} large />
              </span>
            </div>
            {o.reviewReason && o.status === "pending_review" && (
              <p className="mt-1 text-muted text-sm">{t("ordersadmin.reviewReason", { reason: o.reviewReason })}</p>
            )}
          </div>
          <div className="flex flex-wrap gap-2">
            <a href={`/admin/siparisler/${o.id}/fis`} target="_blank" rel="noopener" className="btn btn-secondary h-10 text-sm">
              <Printer aria-hidden="true" className="size-4" />
              {t("ordersadmin.printSlip")}
            </a>
            {invoiceReady && (
              <a
                href={`/api/admin/orders/${o.id}/documents/invoice`}
                target="_blank"
                rel="noopener"
                className="btn btn-secondary h-10 text-sm"
              >
                <Receipt aria-hidden="true" className="size-4" />
                {t("ordersadmin.doc.invoice")}
              </a>
            )}
          </div>
        </div>
        <dl className="mt-5 grid grid-cols-2 gap-4 border-line border-t pt-5 text-sm sm:grid-cols-4">
          <Fact term={t("ordersadmin.placedAt")}>{formatDateTime(o.placedAt, locale)}</Fact>
          <Fact term={t("ordersadmin.paymentsTitle")}>{methodLabel(t, o.paymentMethod)}</Fact>
          <Fact term={t("ordersadmin.items")}>{t("ordersadmin.itemCount", { count: o.lines.reduce((s, l) => s + l.quantity, 0) })}</Fact>
          <Fact term={t("ordersadmin.grandTotal")}>
            <span className="font-bold text-lg tabular-nums">{fmt(o.grandTotal)}</span>
            {o.refundedTotal > 0 && (
              <span className="block text-muted text-xs">{t("ordersadmin.refundedShort", { amount: fmt(o.refundedTotal) })}</span>
            )}
          </Fact>
        </dl>
      </header>

      {changedElsewhere && (
        <div className="mb-4">
          <Notice tone="info">{t("ordersadmin.changedElsewhere")}</Notice>
        </div>
      )}

      <div className="grid items-start gap-5 lg:grid-cols-3">
        <div className="min-w-0 space-y-5 lg:col-span-2">
          {hasActions && (
            <Card title={t("ordersadmin.actions")} id="actions-title">
              {(notice("status") || notice("cancel") || notice("mark-paid")) && (
                <div className="mb-4">{notice("status") ?? notice("cancel") ?? notice("mark-paid")}</div>
              )}
              {awaitingTransfer && (
                <Form
                  method="post"
                  className="mb-5 flex flex-col gap-3 rounded-xl border border-amber-300/70 bg-amber-50 p-4 sm:flex-row sm:items-center dark:border-amber-400/30 dark:bg-amber-400/10"
                >
                  <input type="hidden" name="intent" value="mark-paid" />
                  <Banknote aria-hidden="true" className="size-6 shrink-0 text-amber-800 dark:text-amber-300" />
                  <div className="flex-1 text-sm">
                    <p>{t("ordersadmin.markPaidHint")}</p>
                    {o.reservationExpiresAt && (
                      <p className="mt-0.5 text-muted text-xs">
                        {t("ordersadmin.expiresAt", { date: formatDateTime(o.reservationExpiresAt, locale) })}
                      </p>
                    )}
                  </div>
                  <button type="submit" disabled={busy} className="btn btn-primary h-10 shrink-0 disabled:opacity-60">
                    {t("ordersadmin.markPaid")}
                  </button>
                </Form>
              )}
              {statusButtons.length > 0 && (
                <Form method="post" className="space-y-3">
                  <input type="hidden" name="intent" value="status" />
                  <div className="flex flex-wrap gap-2">
                    {statusButtons.map((s) => (
                      <button
                        key={s}
                        type="submit"
                        name="status"
                        value={s}
                        data-status={s}
                        disabled={busy}
                        className="btn btn-secondary h-10 text-sm disabled:opacity-60"
                      >
                        {t(`ordersadmin.action.${s}` as MessageKey)}
                      </button>
                    ))}
                  </div>
                  <div>
                    <label htmlFor="status-message" className="mb-1 block text-muted text-xs">
                      {t("ordersadmin.statusMessage")}
                    </label>
                    <input id="status-message" name="message" maxLength={1000} className="field h-10 text-sm" />
                  </div>
                </Form>
              )}
              {canCancel && (
                <details className="group mt-4 rounded-xl border border-line">
                  <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-3 font-semibold text-sale text-sm [&::-webkit-details-marker]:hidden">
                    <Ban aria-hidden="true" className="size-4" />
                    {t("ordersadmin.cancelTitle")}
                  </summary>
                  <Form method="post" className="space-y-3 border-line border-t px-4 py-4">
                    <input type="hidden" name="intent" value="cancel" />
                    <p className="text-muted text-sm">{t("ordersadmin.cancelHint")}</p>
                    <div>
                      <label htmlFor="cancel-reason" className={label}>
                        {t("ordersadmin.cancelReason")}
                      </label>
                      <input
                        id="cancel-reason"
                        name="reason"
                        required
                        maxLength={500}
                        placeholder={t("ordersadmin.cancelReasonPlaceholder")}
                        className="field"
                      />
                    </div>
                    <button
                      type="submit"
                      data-status="cancelled"
                      disabled={busy}
                      className="btn h-10 bg-sale-badge text-sm text-white hover:brightness-110 disabled:opacity-60"
                    >
                      {t("ordersadmin.cancelConfirm")}
                    </button>
                  </Form>
                </details>
              )}
            </Card>
          )}

          {(canShip || o.shipments.length > 0) && (
            <Card title={canShip && canWrite ? t("ordersadmin.shipTitle") : t("ordersadmin.shipments")} id="ship-title">
              {o.shipments.length > 0 && (
                <ul className={clsx("space-y-2", canShip && canWrite && "mb-4")} data-testid="shipments">
                  {o.shipments.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl bg-surface-2 px-4 py-3 text-sm">
                      <Truck aria-hidden="true" className="size-5 text-muted" />
                      <span className="font-semibold">{s.carrierName}</span>
                      <span className="font-mono tabular-nums">{s.trackingNumber}</span>
                      <span className="text-muted text-xs">
                        {t("ordersadmin.shippedAt", { date: formatDateTime(s.shippedAt, locale) })}
                        {s.deliveredAt && ` · ${t("ordersadmin.deliveredAt", { date: formatDateTime(s.deliveredAt, locale) })}`}
                      </span>
                      {s.trackingUrl && (
                        <a
                          href={s.trackingUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          aria-label={t("ordersadmin.trackingLinkOf", { carrier: s.carrierName })}
                          className="link ml-auto inline-flex items-center gap-1 font-semibold"
                        >
                          {t("ordersadmin.trackingLink")}
                          <ExternalLink aria-hidden="true" className="size-3.5" />
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {notice("ship")}
              {canShip && canWrite && (
                <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)_auto] sm:items-end">
                  <input type="hidden" name="intent" value="ship" />
                  <div>
                    <label htmlFor="ship-carrier" className={label}>
                      {t("ordersadmin.carrier")}
                    </label>
                    <select
                      id="ship-carrier"
                      name="carrier"
                      required
                      defaultValue={meta.carriers.some((c) => c.id === o.carrier) ? o.carrier : ""}
                      className={selectClass}
                    >
                      <option value="" disabled>
                        —
                      </option>
                      {meta.carriers.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor="ship-tracking" className={label}>
                      {t("ordersadmin.trackingNumber")}
                    </label>
                    <input
                      id="ship-tracking"
                      name="trackingNumber"
                      required
                      minLength={4}
                      maxLength={40}
                      pattern="[A-Za-z0-9\-]{4,40}"
                      autoComplete="off"
                      spellCheck={false}
                      className="field h-11 font-mono"
                    />
                  </div>
                  <button type="submit" disabled={busy} className="btn btn-primary h-11 disabled:opacity-60">
                    <Send aria-hidden="true" className="size-4" />
                    {t("ordersadmin.shipSubmit")}
                  </button>
                  <p className="text-muted text-xs sm:col-span-3">{t("ordersadmin.shipHint")}</p>
                </Form>
              )}
            </Card>
          )}

          <Card title={t("ordersadmin.items")} id="items-title">
            <ul className="-mt-1 divide-y divide-line" data-testid="order-lines">
              {o.lines.map((l) => (
                <li key={l.id} className="flex gap-3 py-3 sm:gap-4">
                  {l.image ? (
                    <img
                      src={l.image}
                      alt=""
                      width={64}
                      height={64}
                      loading="lazy"
                      className="size-16 shrink-0 rounded-lg border border-line bg-surface-2 object-cover"
                    />
                  ) : (
                    <span
                      aria-hidden="true"
                      className="flex size-16 shrink-0 items-center justify-center rounded-lg border border-line bg-surface-2 text-muted"
                    >
                      <ImageOff className="size-5" />
                    </span>
                  )}
                  <div className="min-w-0 flex-1">
                    <p className="font-semibold">
                      {l.productId ? (
                        <Link to={`/admin/urunler/${l.productId}`} className="hover:text-brand hover:underline">
                          {l.title}
                        </Link>
                      ) : (
                        l.title
                      )}
                    </p>
                    <p className="text-muted text-xs">
                      {[l.variantLabel, l.sku && `${t("ordersadmin.sku")}: ${l.sku}`].filter(Boolean).join(" · ")}
                    </p>
                    <p className="mt-1 text-sm tabular-nums">
                      {l.quantity} × {fmt(l.unitPrice)}
                      {l.discount > 0 && (
                        <span className="ml-2 text-ok text-xs">{t("ordersadmin.lineDiscount", { amount: fmt(l.discount) })}</span>
                      )}
                    </p>
                    {(l.refundedQuantity > 0 || l.returnQuantity > 0) && (
                      <p className="mt-1 flex flex-wrap gap-2 text-xs">
                        {l.refundedQuantity > 0 && (
                          <span className="rounded-full bg-slate-100 px-2 py-0.5 font-semibold text-slate-800 dark:bg-slate-400/15 dark:text-slate-200">
                            {t("ordersadmin.refundedQty", { count: l.refundedQuantity })}
                          </span>
                        )}
                        {l.returnQuantity > 0 && (
                          <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900 dark:bg-amber-400/15 dark:text-amber-200">
                            {t("ordersadmin.returnQty", { count: l.returnQuantity })}
                          </span>
                        )}
                      </p>
                    )}
                  </div>
                  <p className="shrink-0 font-semibold tabular-nums">{fmt(l.total)}</p>
                </li>
              ))}
            </ul>
            <dl className="mt-2 space-y-1.5 border-line border-t pt-4 text-sm">
              <Row term={t("ordersadmin.subtotal")}>{fmt(o.subtotal)}</Row>
              {o.discountTotal > 0 && (
                <Row
                  term={
                    o.couponCodes.length > 0
                      ? t("ordersadmin.coupons", { codes: o.couponCodes.join(", ") })
                      : t("ordersadmin.discountTotal")
                  }
                >
                  <span className="text-ok">−{fmt(o.discountTotal)}</span>
                </Row>
              )}
              <Row term={`${t("ordersadmin.shipping")} · ${o.shippingMethodName}`}>
                {o.shippingTotal > 0 ? fmt(o.shippingTotal) : t("ordersadmin.free")}
              </Row>
              {o.paymentFee > 0 && <Row term={t("ordersadmin.paymentFee")}>{fmt(o.paymentFee)}</Row>}
              <Row term={t("ordersadmin.grandTotal")} strong>
                {fmt(o.grandTotal)}
              </Row>
              {o.vat.map((v) => (
                <Row key={v.rate} term={t("ordersadmin.vatRow", { rate: v.rate })} muted>
                  {fmt(v.vat)}
                </Row>
              ))}
              {o.storeCreditUsed > 0 && (
                <>
                  <Row term={t("ordersadmin.storeCredit")}>−{fmt(o.storeCreditUsed)}</Row>
                  <Row term={t("ordersadmin.amountDue")} strong>
                    {fmt(o.amountDue)}
                  </Row>
                </>
              )}
            </dl>
          </Card>

          {(o.refundable > 0 || o.refunds.length > 0) && (
            <Card title={t("ordersadmin.refundTitle")} id="refund-title">
              <div className="mb-4 grid grid-cols-2 gap-3 text-sm">
                <div className="rounded-xl bg-surface-2 px-4 py-3">
                  <p className="text-muted text-xs">{t("ordersadmin.refundable")}</p>
                  <p className="font-bold text-base tabular-nums sm:text-lg" data-testid="refundable">
                    {fmt(o.refundable)}
                  </p>
                </div>
                <div className="rounded-xl bg-surface-2 px-4 py-3">
                  <p className="text-muted text-xs">{t("ordersadmin.refundedTotal")}</p>
                  <p className="font-bold text-base tabular-nums sm:text-lg" data-testid="refunded-total">
                    {fmt(o.refundedTotal)}
                  </p>
                </div>
              </div>
              {notice("refund")}
              {canWrite && o.refundable > 0 && (
                <Form method="post" key={o.refunds.length} className="mt-3 space-y-4">
                  <input type="hidden" name="intent" value="refund" />
                  {refundableLines.length > 0 && (
                    <fieldset className="min-w-0">
                      <legend className={label}>{t("ordersadmin.refundQty")}</legend>
                      <ul className="space-y-2">
                        {refundableLines.map((l) => {
                          const max = l.quantity - l.refundedQuantity;
                          return (
                            <li key={l.id} className="flex items-center gap-3 text-sm">
                              <input
                                type="number"
                                name={`line-${l.id}`}
                                min={0}
                                max={max}
                                step={1}
                                inputMode="numeric"
                                placeholder="0"
                                aria-label={t("ordersadmin.refundQtyOf", { title: l.title, max })}
                                className="field h-10 w-20 py-0 text-center tabular-nums"
                              />
                              <span className="min-w-0 flex-1 truncate">
                                {l.title}
                                {l.variantLabel && <span className="text-muted"> · {l.variantLabel}</span>}
                              </span>
                              <span className="text-muted text-xs tabular-nums">/ {max}</span>
                            </li>
                          );
                        })}
                      </ul>
                    </fieldset>
                  )}
                  <div className="grid gap-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
                    <div>
                      <label htmlFor="refund-amount" className={label}>
                        {t("ordersadmin.refundAmount")}
                      </label>
                      <input
                        id="refund-amount"
                        name="amount"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder="0,00"
                        className="field tabular-nums"
                      />
                    </div>
                    <div>
                      <label htmlFor="refund-reason" className={label}>
                        {t("ordersadmin.refundReason")}
                      </label>
                      <input
                        id="refund-reason"
                        name="reason"
                        required
                        minLength={3}
                        maxLength={500}
                        placeholder={t("ordersadmin.refundReasonPlaceholder")}
                        className="field"
                      />
                    </div>
                  </div>
                  <p className="text-muted text-xs">{t("ordersadmin.refundAmountHint")}</p>
                  {(o.paymentMethod === "bank_transfer" || o.paymentMethod === "cash_on_delivery") && (
                    <p className="text-muted text-xs">{t("ordersadmin.manualRefund")}</p>
                  )}
                  <button type="submit" disabled={busy} className="btn btn-secondary h-10 disabled:opacity-60">
                    <Undo2 aria-hidden="true" className="size-4" />
                    {t("ordersadmin.refundSubmit")}
                  </button>
                </Form>
              )}
              {o.refunds.length > 0 && (
                <>
                  <h3 className="mt-6 mb-2 font-semibold text-muted text-xs uppercase tracking-wider">{t("ordersadmin.refundsList")}</h3>
                  <ul className="divide-y divide-line text-sm" data-testid="refunds">
                    {o.refunds.map((r) => (
                      <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2">
                        <span className="font-semibold tabular-nums">{fmt(r.amount)}</span>
                        <span className="min-w-0 flex-1">{r.reason}</span>
                        <span className="text-muted text-xs">
                          {t(`ordersadmin.refundStatus.${r.status}` as MessageKey)} · {formatDateTime(r.createdAt, locale)}
                          {r.actorUser && ` · ${r.actorUser.name || r.actorUser.email}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Card>
          )}

          <Card title={t("ordersadmin.timelineTitle")} id="timeline-title">
            {canWrite && (
              <Form method="post" key={o.events.length} className="mb-6 space-y-3 rounded-xl border border-line bg-surface-2/50 p-4">
                <input type="hidden" name="intent" value="note" />
                <label htmlFor="note-message" className={label}>
                  {t("ordersadmin.noteTitle")}
                </label>
                <textarea
                  id="note-message"
                  name="message"
                  required
                  rows={2}
                  maxLength={2000}
                  placeholder={t("ordersadmin.notePlaceholder")}
                  className="field resize-y"
                />
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    <legend className="sr-only">{t("ordersadmin.visibility")}</legend>
                    <label className="inline-flex items-center gap-2">
                      <input type="radio" name="visibility" value="internal" defaultChecked className="accent-[var(--brand)]" />
                      {t("ordersadmin.internal")}
                    </label>
                    <label className="inline-flex items-center gap-2">
                      <input type="radio" name="visibility" value="public" className="accent-[var(--brand)]" />
                      {t("ordersadmin.public")}
                    </label>
                  </fieldset>
                  <button type="submit" disabled={busy} className="btn btn-secondary h-10 text-sm disabled:opacity-60">
                    {t("ordersadmin.noteSubmit")}
                  </button>
                </div>
                {notice("note")}
              </Form>
            )}
            <OrderTimeline
              events={o.events}
              tones={tones}
              carriers={Object.fromEntries(meta.carriers.map((c) => [c.id, c.name]))}
              currency={o.currency}
              locale={locale}
            />
          </Card>
        </div>

        <aside className="min-w-0 space-y-5">
          <Card title={t("ordersadmin.customerTitle")} id="customer-title">
            <div className="flex items-start gap-3">
              <span
                aria-hidden="true"
                className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft"
              >
                <User className="size-5" />
              </span>
              <div className="min-w-0 text-sm">
                <p className="font-semibold">{o.customer?.name || `${o.billingAddress.firstName} ${o.billingAddress.lastName}`}</p>
                <a href={`mailto:${o.email}`} className="link block break-all">
                  {o.email}
                </a>
                <a href={`tel:${o.phone.replace(/[^\d+]/g, "")}`} className="link block tabular-nums">
                  {formatPhone(o.phone)}
                </a>
                <p className="mt-1 text-muted text-xs">
                  {o.customer ? t("ordersadmin.customerOrders", { count: o.customer.orderCount }) : t("ordersadmin.guest")}
                </p>
              </div>
            </div>
            <div className="mt-4 flex flex-wrap gap-2">
              {o.customer && permissions.includes("customers:read") && (
                <Link to={`/admin/musteriler/${o.customer.id}`} className="btn btn-secondary h-9 px-3 text-xs">
                  {t("ordersadmin.viewCustomer")}
                </Link>
              )}
              <Link
                to={`/admin/siparisler?musteri=${encodeURIComponent(o.customer?.id ?? o.email)}`}
                className="btn btn-secondary h-9 px-3 text-xs"
              >
                {t("ordersadmin.allOrdersOf")}
              </Link>
            </div>
          </Card>

          <Card title={t("ordersadmin.shippingAddress")} id="shipping-title">
            <div className="text-sm">
              <AddressLines address={o.shippingAddress} />
            </div>
            <h3 className="mt-5 mb-1.5 font-semibold text-sm">{t("ordersadmin.billingAddress")}</h3>
            <div className="text-sm">
              {billingSame ? <p className="text-muted">{t("ordersadmin.sameAddress")}</p> : <AddressLines address={o.billingAddress} />}
            </div>
            <h3 className="mt-5 mb-1.5 font-semibold text-sm">{t("ordersadmin.invoiceTitle")}</h3>
            <p className="mb-1 text-sm">{o.invoice.type === "corporate" ? t("ordersadmin.corporate") : t("ordersadmin.individual")}</p>
            <dl className="space-y-1 text-sm">
              {o.invoice.type === "corporate" ? (
                <>
                  {o.invoice.companyName && <Row term={t("ordersadmin.companyName")}>{o.invoice.companyName}</Row>}
                  {o.invoice.taxNumber && (
                    <Row term={t("ordersadmin.taxNumber")}>
                      <span className="tabular-nums">{o.invoice.taxNumber}</span>
                    </Row>
                  )}
                  {o.invoice.taxOffice && <Row term={t("ordersadmin.taxOffice")}>{o.invoice.taxOffice}</Row>}
                </>
              ) : (
                o.invoice.tckn && (
                  <Row term={t("ordersadmin.tckn")}>
                    <span className="tabular-nums">{o.invoice.tckn}</span>
                  </Row>
                )
              )}
            </dl>
            {o.customerNote && (
              <>
                <h3 className="mt-5 mb-1.5 font-semibold text-sm">{t("ordersadmin.customerNote")}</h3>
                <p className="whitespace-pre-line rounded-lg bg-surface-2 px-3 py-2 text-sm">{o.customerNote}</p>
              </>
            )}
          </Card>

          <Card title={t("ordersadmin.paymentsTitle")} id="payments-title">
            {o.payments.length === 0 ? (
              <p className="text-muted text-sm">{t("ordersadmin.noPayments")}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="payments">
                {o.payments.map((p) => (
                  <li key={p.id} className="rounded-xl bg-surface-2 px-3.5 py-2.5">
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-semibold">{methodLabel(t, p.method)}</span>
                      <span className="font-semibold tabular-nums">{fmt(p.amount)}</span>
                    </div>
                    <p className="text-muted text-xs">
                      {t(`ordersadmin.paymentStatus.${p.status}` as MessageKey)}
                      {p.paidAt && ` · ${formatDateTime(p.paidAt, locale)}`}
                      {p.installments && p.installments > 1 && ` · ${t("ordersadmin.installments", { count: p.installments })}`}
                      {p.refundedAmount > 0 && ` · ${t("ordersadmin.refundedShort", { amount: fmt(p.refundedAmount) })}`}
                    </p>
                    {p.failureReason && <p className="text-sale text-xs">{p.failureReason}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title={t("ordersadmin.documentsTitle")} id="documents-title">
            <ul className="space-y-1 text-sm" data-testid="documents">
              {DOCS.map((kind) => {
                const stored = o.documents.find((d) => d.kind === kind);
                if ((kind === "pre-information" || kind === "distance-sales") && !stored) return null;
                const disabled = kind === "invoice" && !invoiceReady;
                return (
                  <li key={kind}>
                    {disabled ? (
                      <span className="flex items-center gap-2 rounded-lg px-2 py-2 text-muted">
                        <FileText aria-hidden="true" className="size-4" />
                        <span>
                          {t("ordersadmin.doc.invoice")}
                          <span className="block text-xs">{t("ordersadmin.invoiceAfterPayment")}</span>
                        </span>
                      </span>
                    ) : (
                      <a
                        href={`/api/admin/orders/${o.id}/documents/${kind}`}
                        target="_blank"
                        rel="noopener"
                        className="flex items-center gap-2 rounded-lg px-2 py-2 font-medium hover:bg-surface-2 hover:text-brand"
                      >
                        <FileText aria-hidden="true" className="size-4 shrink-0" />
                        <span className="min-w-0 flex-1">
                          {t(`ordersadmin.doc.${kind}` as MessageKey)}
                          {stored && (
                            <span className="block text-muted text-xs">
                              {t("ordersadmin.acceptedAt", { date: formatDateTime(stored.acceptedAt, locale) })}
                            </span>
                          )}
                        </span>
                      </a>
                    )}
                  </li>
                );
              })}
              <li>
                <a
                  href={`/admin/siparisler/${o.id}/fis`}
                  target="_blank"
                  rel="noopener"
                  className="flex items-center gap-2 rounded-lg px-2 py-2 font-medium hover:bg-surface-2 hover:text-brand"
                >
                  <Printer aria-hidden="true" className="size-4" />
                  {t("ordersadmin.printSlip")}
                </a>
              </li>
            </ul>
            {o.ip && <p className="mt-3 border-line border-t pt-3 text-muted text-xs">{`${t("ordersadmin.ip")}: ${o.ip}`}</p>}
          </Card>
        </aside>
      </div>
    </>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{term}</dt>
      <dd className="mt-0.5 font-semibold">{children}</dd>
    </div>
  );
}

function Row({ term, children, strong, muted }: { term: string; children: React.ReactNode; strong?: boolean; muted?: boolean }) {
  return (
    <div className={clsx("flex justify-between gap-4", strong && "pt-1 font-bold text-base", muted && "text-muted text-xs")}>
      <dt className={clsx(!strong && !muted && "text-muted")}>{term}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}
