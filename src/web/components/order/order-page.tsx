// The order page, shared by /siparis/:number (guests with `?t=`, or the signed-in owner) and
// /hesap/siparisler/:number: status, progress, timeline, lines, totals with KDV, addresses,
// payment (IBAN, "complete payment"), shipment tracking, documents, cancel and return request.
// Live: an EventSource on /api/v1/orders/:number/events revalidates the page when the order changes.

import clsx from "clsx";
import {
  ArrowLeft,
  BellRing,
  CircleCheckBig,
  Copy,
  CreditCard,
  Download,
  FileText,
  Landmark,
  LoaderCircle,
  MapPin,
  PackageSearch,
  RotateCcw,
  Truck,
  XCircle,
} from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { data, Form, Link, redirect, useFetcher, useNavigation, useRevalidator, useSearchParams } from "react-router";
import { getApp } from "../../context.ts";
import { type MessageKey, useLocale, useT } from "../../i18n/index.ts";
import { formatDateTime, useMoney } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { CustomerOrder, PaymentStart } from "../../services/checkout.ts";
import { useHydrated } from "../account-ui.tsx";
import { Notice } from "../notice.tsx";
import { SummaryLines, Totals } from "./order-summary.tsx";
import { StatusBadge, useStatusLabel } from "./status-badge.tsx";
import { OrderProgress, OrderTimeline } from "./timeline.tsx";

interface LoaderArgs {
  context: Parameters<typeof getApp>[0];
  params: { number?: string };
  request: Request;
}

/** Loads the order the visitor may see (404 otherwise). */
export async function loadOrderPage({ context, params, request }: LoaderArgs) {
  const app = getApp(context);
  const url = new URL(request.url);
  const order = await app.checkout.order(params.number ?? "", url.searchParams.get("t"));
  if (!order) throw data(null, { status: 404 });
  return { order };
}

export type OrderActionData =
  | { intent: "pay"; payment?: PaymentStart; error?: string }
  | { intent: "cancel" | "return"; error: string; field?: "lines" | "reason" | "confirm" };

/** The order page's own URL with a notice flag (keeps the guest key, drops older notices). */
function backTo(request: Request, flag: string): string {
  const url = new URL(request.url);
  const next = new URLSearchParams();
  const t = url.searchParams.get("t");
  if (t) next.set("t", t);
  next.set(flag, "1");
  return `${url.pathname}?${next}`;
}

/** Cancel, return request and "complete payment". */
export async function orderPageAction({ context, params, request }: LoaderArgs) {
  const app = getApp(context);
  const number = params.number ?? "";
  const token = new URL(request.url).searchParams.get("t");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "pay") {
    const result = await app.checkout.pay(number, token);
    if (!result.ok) {
      if (result.code === "not-found") throw data(null, { status: 404 });
      return { intent, error: result.message } satisfies OrderActionData;
    }
    if (result.value.type === "redirect") throw redirect(result.value.url);
    return { intent, payment: result.value } satisfies OrderActionData;
  }
  if (intent === "cancel") {
    if (form.get("confirm") !== "on")
      return data({ intent, error: "confirm", field: "confirm" } satisfies OrderActionData, { status: 400 });
    const result = await app.checkout.cancel(number, token, String(form.get("reason") ?? ""));
    if (result.ok) throw redirect(backTo(request, "iptal"));
    if (result.code === "not-found") throw data(null, { status: 404 });
    return data({ intent, error: result.message } satisfies OrderActionData, { status: 409 });
  }
  if (intent === "return") {
    const lines: { lineId: string; quantity: number }[] = [];
    for (const [name, value] of form) {
      if (!name.startsWith("qty.")) continue;
      const quantity = Number.parseInt(String(value), 10);
      const lineId = name.slice(4);
      if (/^[0-9a-f-]{36}$/i.test(lineId) && Number.isInteger(quantity) && quantity > 0) lines.push({ lineId, quantity });
    }
    const reason = String(form.get("reason") ?? "").trim();
    if (lines.length === 0) return data({ intent, error: "lines", field: "lines" } satisfies OrderActionData, { status: 400 });
    if (reason.length < 3) return data({ intent, error: "reason", field: "reason" } satisfies OrderActionData, { status: 400 });
    const result = await app.checkout.requestReturn(number, token, { reason, lines });
    if (result.ok) throw redirect(backTo(request, "iade"));
    if (result.code === "not-found") throw data(null, { status: 404 });
    return data({ intent, error: result.message } satisfies OrderActionData, { status: 409 });
  }
  return data({ intent: "cancel", error: "unknown" } satisfies OrderActionData, { status: 400 });
}

function nationalPhone(e164: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

function Card({
  title,
  icon,
  children,
  className,
  testId,
}: {
  title: string;
  icon: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={clsx("rounded-2xl border border-line bg-surface p-5 shadow-card sm:p-6", className)}
      data-testid={testId}
    >
      <h2 id={id} className="mb-4 flex items-center gap-2.5 font-bold text-lg">
        <span className="text-muted">{icon}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Subscribes to the order's live events and reloads the page data when the order changed.
 * Returns true while the stream is open.
 */
function useLiveOrder(order: CustomerOrder): boolean {
  const [open, setOpen] = useState(false);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const version = useRef(order.version);
  version.current = order.version;
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/orders/${order.number}/events?t=${encodeURIComponent(order.token)}`);
    const onOrder = (event: MessageEvent<string>) => {
      try {
        const message = JSON.parse(event.data) as { version?: number };
        if (typeof message.version === "number" && message.version > version.current) void revalidate.current();
      } catch {
        // not a message of ours
      }
    };
    const onOpen = () => setOpen(true);
    const onError = () => setOpen(false);
    source.addEventListener("order", onOrder);
    source.addEventListener("open", onOpen);
    source.addEventListener("error", onError);
    return () => {
      source.removeEventListener("order", onOrder);
      source.removeEventListener("open", onOpen);
      source.removeEventListener("error", onError);
      source.close();
      setOpen(false);
    };
  }, [order.number, order.token]);
  return open;
}

function AddressBlock({
  title,
  address,
  extra,
  same = false,
}: {
  title: string;
  address: CustomerOrder["shippingAddress"];
  extra?: React.ReactNode;
  /** The same as the delivery address: said instead of repeated. */
  same?: boolean;
}) {
  const t = useT();
  if (same) {
    return (
      <div className="min-w-0 text-sm">
        <h3 className="mb-1.5 font-semibold text-muted text-xs uppercase tracking-wide">{title}</h3>
        <p>{t("order.sameAsDelivery")}</p>
        {extra}
      </div>
    );
  }
  return (
    <div className="min-w-0 text-sm">
      <h3 className="mb-1.5 font-semibold text-muted text-xs uppercase tracking-wide">{title}</h3>
      <p className="font-semibold">
        {address.firstName} {address.lastName}
      </p>
      <p>{address.addressLine}</p>
      <p>{address.neighbourhood}</p>
      <p>
        {address.postalCode ? `${address.postalCode} ` : ""}
        {address.district} / {address.province}
      </p>
      <p className="text-muted">{nationalPhone(address.phone)}</p>
      {extra}
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        });
      }}
      className="btn btn-secondary h-9 shrink-0 px-3 text-sm"
    >
      <Copy aria-hidden="true" className="size-3.5" />
      <span aria-live="polite">{copied ? t("order.copied") : t("order.copyIban")}</span>
    </button>
  );
}

function BankTransferBox({ order }: { order: CustomerOrder }) {
  const t = useT();
  const money = useMoney();
  const locale = useLocale();
  return (
    <Card
      title={t("order.bankTitle")}
      icon={<Landmark aria-hidden="true" className="size-5" />}
      className="border-amber-300 dark:border-amber-400/40"
      testId="bank-transfer"
    >
      <p className="text-sm">{t("order.bankIntro", { amount: money(order.amountDue, order.currency) })}</p>
      <div className="mt-4 space-y-3">
        {order.bankAccounts.map((a) => (
          <div key={a.iban} className="rounded-xl border border-line bg-surface-2/60 p-4">
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
              <dt className="text-muted">{t("order.bankName")}</dt>
              <dd className="font-semibold">{a.bank}</dd>
              <dt className="text-muted">{t("order.bankHolder")}</dt>
              <dd className="font-semibold">{a.holder}</dd>
              <dt className="text-muted">{t("order.iban")}</dt>
              <dd className="flex flex-wrap items-center gap-3">
                <span className="font-bold font-mono text-base tracking-wide" data-testid="iban">
                  {a.ibanText}
                </span>
                <CopyButton text={a.iban} />
              </dd>
              <dt className="text-muted">{t("order.bankAmount")}</dt>
              <dd className="font-bold text-base tabular-nums">{money(order.amountDue, order.currency)}</dd>
            </dl>
          </div>
        ))}
      </div>
      <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2.5 font-semibold text-amber-950 text-sm dark:bg-amber-400/10 dark:text-amber-100">
        {t("order.bankReference", { number: order.number })}
      </p>
      {order.reservationExpiresAt && (
        <p className="mt-2 text-muted text-sm">{t("order.bankDeadline", { date: formatDateTime(order.reservationExpiresAt, locale) })}</p>
      )}
    </Card>
  );
}

function CardPaymentBox({ order, autoStart }: { order: CustomerOrder; autoStart: boolean }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<OrderActionData>({ key: `pay-${order.number}` });
  const hydrated = useHydrated();
  const started = useRef(false);
  // Coming from checkout (`odeme=kart`): open the payment form at once.
  useEffect(() => {
    if (!autoStart || started.current || !hydrated) return;
    started.current = true;
    void fetcher.submit({ intent: "pay" }, { method: "post" });
  }, [autoStart, hydrated, fetcher.submit]);
  const answer = fetcher.data?.intent === "pay" ? fetcher.data : undefined;
  const payment = answer?.payment;
  const busy = fetcher.state !== "idle";
  return (
    <Card title={t("order.payment")} icon={<CreditCard aria-hidden="true" className="size-5" />} testId="card-payment">
      <p className="text-sm">{t("order.payAwaiting")}</p>
      {order.reservationExpiresAt && (
        <p className="mt-1 text-muted text-sm">{t("order.payDeadline", { date: formatDateTime(order.reservationExpiresAt, locale) })}</p>
      )}
      {answer?.error && (
        <div className="mt-3">
          <Notice tone="error">{t("order.paymentError")}</Notice>
        </div>
      )}
      {payment?.type === "iframe" ? (
        <iframe
          src={payment.url}
          title={t("order.payFrame")}
          className="mt-4 h-[38rem] w-full rounded-xl border border-line bg-white"
          allow="payment"
        />
      ) : payment?.type === "client_secret" ? (
        <div className="mt-4">
          <Notice tone="info">{t("order.stripeNote")}</Notice>
        </div>
      ) : (
        <fetcher.Form method="post" className="mt-4">
          <button type="submit" name="intent" value="pay" disabled={busy} className="btn btn-primary h-12 px-6">
            {busy ? (
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <CreditCard aria-hidden="true" className="size-4" />
            )}
            {t("order.payNow")}
          </button>
        </fetcher.Form>
      )}
    </Card>
  );
}

function CancelOrder({ error }: { error?: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "cancel";
  const titleId = useId();
  return (
    <div className="rounded-2xl border border-line bg-surface p-5 shadow-card">
      {error && error !== "confirm" && (
        <div className="mb-3">
          <Notice tone="error">{t("order.actionError", { message: error })}</Notice>
        </div>
      )}
      <Form method="post" ref={form} className="space-y-3">
        <input type="hidden" name="intent" value="cancel" />
        {hydrated ? (
          <input type="hidden" name="confirm" value="on" />
        ) : (
          <label className="flex items-start gap-2.5 text-sm">
            <input type="checkbox" name="confirm" className="mt-0.5 size-4 accent-[var(--brand)]" />
            {t("order.cancelNoJs")}
          </label>
        )}
        {error === "confirm" && <p className="font-medium text-sale text-xs">{t("order.cancelNeedsConfirm")}</p>}
        <button
          type={hydrated ? "button" : "submit"}
          onClick={
            hydrated
              ? () => {
                  dialog.current?.showModal();
                  keep.current?.focus();
                }
              : undefined
          }
          disabled={busy}
          className="btn h-10 w-full border border-sale/40 text-sale hover:bg-sale-soft"
        >
          <XCircle aria-hidden="true" className="size-4" />
          {t("order.cancel")}
        </button>
      </Form>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-line bg-surface p-0 text-fg shadow-pop backdrop:bg-black/60"
      >
        <div className="p-6">
          <h2 id={titleId} className="font-bold text-lg">
            {t("order.cancelTitle")}
          </h2>
          <p className="mt-2 text-muted text-sm">{t("order.cancelText")}</p>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <button ref={keep} type="button" onClick={() => dialog.current?.close()} className="btn btn-secondary h-10">
              {t("order.cancelKeep")}
            </button>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                form.current?.requestSubmit();
              }}
              className="btn h-10 bg-sale-badge text-white hover:brightness-110"
            >
              {t("order.cancelConfirm")}
            </button>
          </div>
        </div>
      </dialog>
    </div>
  );
}

function ReturnRequest({ order, error, field }: { order: CustomerOrder; error?: string; field?: string }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "return";
  const returnable = order.lines.filter((l) => l.quantity - l.refundedQuantity > 0);
  return (
    <Card title={t("order.returnTitle")} icon={<RotateCcw aria-hidden="true" className="size-5" />} testId="return-request">
      <p className="text-muted text-sm">{t("order.returnIntro", { days: order.withdrawalDays })}</p>
      {error && !field && (
        <div className="mt-3">
          <Notice tone="error">{t("order.actionError", { message: error })}</Notice>
        </div>
      )}
      <Form method="post" className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="return" />
        <fieldset aria-describedby={field === "lines" ? "return-lines-error" : undefined}>
          <legend className="mb-2 font-semibold text-sm">{t("order.items")}</legend>
          <ul className="divide-y divide-line rounded-xl border border-line">
            {returnable.map((l) => {
              const max = l.quantity - l.refundedQuantity;
              const id = `return-${l.id}`;
              return (
                <li key={l.id} className="flex items-center gap-3 px-4 py-3">
                  <label htmlFor={id} className="min-w-0 flex-1 text-sm">
                    <span className="block font-semibold">{l.title}</span>
                    {l.variantLabel && <span className="block text-muted text-xs">{l.variantLabel}</span>}
                    <span className="sr-only">{t("order.returnQuantity")}</span>
                  </label>
                  <select id={id} name={`qty.${l.id}`} defaultValue="0" className="field w-20 py-2">
                    {quantities(max).map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
          {field === "lines" && (
            <p id="return-lines-error" className="mt-1.5 font-medium text-sale text-xs">
              {t("order.returnErrorLines")}
            </p>
          )}
        </fieldset>
        <div>
          <label htmlFor="return-reason" className="mb-1.5 block font-semibold text-sm">
            {t("order.returnReason")}
          </label>
          <textarea
            id="return-reason"
            name="reason"
            rows={3}
            maxLength={1000}
            placeholder={t("order.returnReasonPlaceholder")}
            className="field resize-y"
            aria-invalid={field === "reason" ? true : undefined}
            aria-describedby={field === "reason" ? "return-reason-error" : undefined}
          />
          {field === "reason" && (
            <p id="return-reason-error" className="mt-1.5 font-medium text-sale text-xs">
              {t("order.returnErrorReason")}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy} className="btn btn-primary h-11">
          <RotateCcw aria-hidden="true" className="size-4" />
          {t("order.returnSubmit")}
        </button>
      </Form>
    </Card>
  );
}

/** 0, 1, … max. */
const quantities = (max: number) => [...Array(max + 1).keys()];

const DOC_KINDS = ["pre-information", "distance-sales"] as const;

export function OrderPage({ order, actionData, inAccount }: { order: CustomerOrder; actionData?: OrderActionData; inAccount: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { store } = useRootData();
  const [params] = useSearchParams();
  const statusLabel = useStatusLabel();
  const live = useLiveOrder(order);

  // Announce status changes that arrive live (and show them).
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(order.status);
  useEffect(() => {
    if (previous.current === order.status) return;
    previous.current = order.status;
    setAnnouncement(t("order.liveUpdated", { status: statusLabel(order.status) }));
  }, [order.status, t, statusLabel]);

  const fresh = params.get("yeni") === "1";
  const paymentResult = params.get("odeme");
  const tokenQuery = `?t=${encodeURIComponent(order.token)}`;
  const docs = [
    ...DOC_KINDS.filter((kind) => order.documents.some((d) => d.kind === kind)).map((kind) => ({
      kind,
      key: `order.doc.${kind}` as MessageKey,
    })),
    ...(order.paidAt ? [{ kind: "invoice", key: "order.doc.invoice" as MessageKey }] : []),
  ];
  const cancelError = actionData?.intent === "cancel" ? actionData.error : undefined;
  const returnAnswer = actionData?.intent === "return" ? actionData : undefined;
  const lines = order.lines.map((l) => ({
    key: l.id,
    title: l.title,
    variantLabel: l.variantLabel,
    image: l.image ? { src: l.image } : null,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    total: l.total,
    discount: l.discount,
    href: l.slug ? `/urun/${l.slug}` : undefined,
    note:
      l.refundedQuantity > 0 || l.returnQuantity > 0 ? (
        <p className="mt-1 text-warn text-xs">
          {l.refundedQuantity > 0
            ? t("order.refundedQuantity", { count: l.refundedQuantity })
            : t("order.returnQuantityRequested", { count: l.returnQuantity })}
        </p>
      ) : undefined,
  }));
  const invoice = order.invoice;

  return (
    <div className="space-y-5" data-testid="order-page" data-version={order.version} data-live={live || undefined}>
      {/* Always in the page, so screen readers announce what arrives live. */}
      <div role="status" aria-live="polite" data-testid="order-live">
        {announcement && (
          <p className="flex gap-2.5 rounded-xl border border-brand/30 bg-brand-soft/60 px-4 py-3 font-medium text-sm">
            <BellRing aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand" />
            {announcement}
          </p>
        )}
      </div>
      {inAccount && (
        <Link to="/hesap/siparisler" className="inline-flex items-center gap-1.5 font-semibold text-muted text-sm hover:text-brand">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("order.backToOrders")}
        </Link>
      )}

      {fresh && (
        <section
          className="flex flex-col items-center rounded-2xl border border-ok/30 bg-ok/5 px-6 py-8 text-center"
          data-testid="order-thanks"
        >
          <CircleCheckBig aria-hidden="true" className="size-12 text-ok" />
          <h2 className="mt-3 font-bold text-2xl tracking-tight">{t("order.thanks")}</h2>
          <p className="mt-1 text-muted">{t("order.thanksText", { email: order.email })}</p>
        </section>
      )}
      {paymentResult === "tamam" && <Notice tone="success">{t("order.paymentOk")}</Notice>}
      {paymentResult === "hata" && <Notice tone="error">{t("order.paymentFailed")}</Notice>}
      {params.get("iptal") === "1" && <Notice tone="success">{t("order.cancelled")}</Notice>}
      {params.get("iade") === "1" && <Notice tone="success">{t("order.returnRequested")}</Notice>}

      <header className="rounded-2xl border border-line bg-surface p-5 shadow-card sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="font-bold text-2xl tracking-tight">{t("order.title", { number: order.number })}</h1>
            <p className="mt-1 text-muted text-sm">{t("order.placedOn", { date: formatDateTime(order.placedAt, locale) })}</p>
          </div>
          <StatusBadge status={order.status} tone={order.tone} />
        </div>
        {order.status === "pending_review" && <p className="mt-3 text-muted text-sm">{t("order.reviewNote")}</p>}
        <div className="mt-6">
          <OrderProgress status={order.status} paymentMethod={order.paymentMethod} />
        </div>
      </header>

      {order.bankAccounts.length > 0 && <BankTransferBox order={order} />}
      {order.canPay && <CardPaymentBox order={order} autoStart={paymentResult === "kart"} />}

      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          {order.shipments.length > 0 && (
            <Card title={t("order.shipment")} icon={<Truck aria-hidden="true" className="size-5" />} testId="shipments">
              <ul className="space-y-3">
                {order.shipments.map((s) => (
                  <li key={s.trackingNumber} className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-surface-2/60 p-4">
                    <div className="text-sm">
                      <p className="font-bold">{s.carrierName}</p>
                      <p>
                        <span className="text-muted">{t("order.trackingNumber")}:</span>{" "}
                        <span className="font-mono font-semibold" data-testid="tracking-number">
                          {s.trackingNumber}
                        </span>
                      </p>
                      <p className="text-muted text-xs">
                        {s.deliveredAt
                          ? t("order.deliveredAt", { date: formatDateTime(s.deliveredAt, locale) })
                          : t("order.shippedAt", { date: formatDateTime(s.shippedAt, locale) })}
                      </p>
                    </div>
                    {s.trackingUrl && (
                      <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer" className="btn btn-primary h-10 px-4 text-sm">
                        <PackageSearch aria-hidden="true" className="size-4" />
                        {t("order.track")}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )}

          <Card title={t("order.items")} icon={<FileText aria-hidden="true" className="size-5" />}>
            <SummaryLines lines={lines} currency={order.currency} />
            {order.customerNote && (
              <p className="mt-3 rounded-lg bg-surface-2/60 px-3 py-2 text-sm">
                <span className="font-semibold">{t("order.note")}:</span> {order.customerNote}
              </p>
            )}
          </Card>

          <Card title={t("order.timeline")} icon={<RotateCcw aria-hidden="true" className="size-5 rotate-180" />}>
            <OrderTimeline events={order.timeline} />
          </Card>

          {order.canReturn && <ReturnRequest order={order} error={returnAnswer?.error} field={returnAnswer?.field} />}
        </div>

        <aside className="min-w-0 space-y-5">
          <Card title={t("order.totals")} icon={<CreditCard aria-hidden="true" className="size-5" />}>
            <Totals
              testId="order-totals"
              currency={order.currency}
              totals={{
                subtotal: order.subtotal,
                discountTotal: order.discountTotal,
                coupons: order.couponCodes.map((code) => ({ code })),
                shippingTotal: order.shippingTotal,
                paymentFee: order.paymentFee,
                storeCreditUsed: order.storeCreditUsed,
                vat: order.vat,
                grandTotal: order.grandTotal,
                amountDue: order.amountDue,
                refundedTotal: order.refundedTotal,
              }}
            />
            <dl className="mt-4 space-y-1 border-line border-t pt-4 text-sm">
              <div className="flex justify-between gap-3">
                <dt className="text-muted">{t("order.paymentMethod")}</dt>
                <dd className="text-right font-semibold">{t(`order.method.${order.paymentMethod}` as MessageKey)}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-muted">{t("checkout.shipping")}</dt>
                <dd className="text-right font-semibold">{order.shippingMethodName}</dd>
              </div>
            </dl>
          </Card>

          <Card title={t("order.addresses")} icon={<MapPin aria-hidden="true" className="size-5" />}>
            <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-1">
              <AddressBlock title={t("order.deliveryAddress")} address={order.shippingAddress} />
              <AddressBlock
                title={t("order.billingAddress")}
                address={order.billingAddress}
                same={JSON.stringify(order.billingAddress) === JSON.stringify(order.shippingAddress)}
                extra={
                  invoice.type === "corporate" ? (
                    <p className="mt-1 text-muted">
                      {invoice.companyName} ·{" "}
                      {t("myaccount.taxShort", { office: invoice.taxOffice ?? "", number: invoice.taxNumber ?? "" })}
                    </p>
                  ) : invoice.tckn ? (
                    <p className="mt-1 text-muted">{t("order.invoiceTckn", { tckn: invoice.tckn })}</p>
                  ) : null
                }
              />
            </div>
          </Card>

          {docs.length > 0 && (
            <Card title={t("order.documents")} icon={<FileText aria-hidden="true" className="size-5" />} testId="documents">
              <ul className="space-y-2">
                {docs.map((d) => (
                  <li key={d.kind}>
                    <a
                      href={`/api/v1/orders/${order.number}/documents/${d.kind}${tokenQuery}`}
                      target="_blank"
                      rel="noopener"
                      className="flex items-center justify-between gap-3 rounded-lg border border-line px-3 py-2.5 text-sm hover:border-brand hover:text-brand"
                    >
                      <span className="flex items-center gap-2 font-semibold">
                        <FileText aria-hidden="true" className="size-4 text-muted" />
                        {t(d.key)}
                      </span>
                      <span className="flex items-center gap-1 text-muted text-xs">
                        <Download aria-hidden="true" className="size-3.5" />
                        {t("order.pdf")}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </Card>
          )}

          {order.canCancel && <CancelOrder error={cancelError} />}
          {store.profile.email && <p className="px-1 text-muted text-xs">{t("order.help", { email: store.profile.email })}</p>}
        </aside>
      </div>
    </div>
  );
}
