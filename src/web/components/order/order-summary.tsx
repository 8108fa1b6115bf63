// The lines and the money of a basket or an order: subtotal, coupons, shipping, the cash-on-
// delivery fee, store credit, the KDV breakdown by rate and the total. Amounts are kuruş.

import clsx from "clsx";
import { ImageOff } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../i18n/index.ts";
import { useMoney } from "../../lib/format.ts";

export interface SummaryLine {
  key: string;
  title: string;
  variantLabel: string | null;
  image: { src: string; srcset?: string; alt?: string } | null;
  quantity: number;
  unitPrice: number;
  total: number;
  /** Line discount from coupons. */
  discount?: number;
  href?: string;
  /** Extra information under the line (refunds, return requests). */
  note?: ReactNode;
}

export function SummaryLines({ lines, compact = false, currency }: { lines: SummaryLine[]; compact?: boolean; currency: string }) {
  const t = useT();
  const money = useMoney();
  return (
    <ul className="divide-y divide-line">
      {lines.map((line) => (
        <li key={line.key} className={clsx("flex gap-3", compact ? "py-3" : "py-4")}>
          <div
            className={clsx(
              "relative shrink-0 overflow-hidden rounded-lg border border-line bg-surface-2",
              compact ? "size-14" : "size-20",
            )}
          >
            {line.image ? (
              <img
                src={line.image.src}
                srcSet={line.image.srcset}
                sizes={compact ? "56px" : "80px"}
                alt=""
                loading="lazy"
                className="size-full object-cover"
              />
            ) : (
              <ImageOff aria-hidden="true" className="m-auto mt-[30%] size-5 text-muted" />
            )}
            {compact && (
              <span className="absolute top-0.5 right-0.5 flex min-w-5 items-center justify-center rounded-full bg-fg/80 px-1 font-bold text-[0.6875rem] text-page">
                <span className="sr-only">{t("checkout.quantity", { count: line.quantity })}</span>
                <span aria-hidden="true">{line.quantity}</span>
              </span>
            )}
          </div>
          <div className="min-w-0 flex-1">
            <p className={clsx("font-semibold leading-snug", compact ? "line-clamp-2 text-sm" : "text-[0.9375rem]")}>
              {line.href ? (
                <Link to={line.href} className="hover:text-brand hover:underline">
                  {line.title}
                </Link>
              ) : (
                line.title
              )}
            </p>
            {line.variantLabel && <p className="mt-0.5 text-muted text-xs">{line.variantLabel}</p>}
            {!compact && (
              <p className="mt-1 text-muted text-sm tabular-nums">
                {t("order.quantity", { count: line.quantity, price: money(line.unitPrice, currency) })}
              </p>
            )}
            {line.note}
          </div>
          <div className="shrink-0 text-right">
            {line.discount ? (
              <p className="text-muted text-xs tabular-nums line-through">{money(line.total + line.discount, currency)}</p>
            ) : null}
            <p className={clsx("font-semibold tabular-nums", compact ? "text-sm" : "")}>{money(line.total, currency)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export interface TotalsData {
  subtotal: number;
  saleSavings?: number;
  discountTotal: number;
  coupons: { code: string; amount?: number }[];
  /** null: not known until a shipping method is chosen. */
  shippingTotal: number | null;
  paymentFee: number;
  storeCreditUsed: number;
  vat: { rate: number; net: number; vat: number }[];
  grandTotal: number;
  amountDue: number;
  refundedTotal?: number;
}

function Row({ label, value, strong, tone }: { label: ReactNode; value: ReactNode; strong?: boolean; tone?: "ok" | "muted" }) {
  return (
    <div className={clsx("flex items-baseline justify-between gap-4", strong ? "font-bold text-base" : "text-sm")}>
      <dt className={clsx(tone === "muted" && "text-muted")}>{label}</dt>
      <dd className={clsx("tabular-nums", tone === "ok" && "font-semibold text-ok", tone === "muted" && "text-muted")}>{value}</dd>
    </div>
  );
}

export function Totals({ totals, currency, testId }: { totals: TotalsData; currency: string; testId?: string }) {
  const t = useT();
  const money = useMoney();
  const minus = (amount: number) => `−${money(amount, currency)}`;
  const couponAmounts = totals.coupons.some((c) => c.amount !== undefined);
  return (
    <div data-testid={testId}>
      <dl className="space-y-2">
        <Row label={t("checkout.subtotal")} value={money(totals.subtotal, currency)} />
        {couponAmounts
          ? totals.coupons
              .filter((c) => (c.amount ?? 0) > 0)
              .map((c) => <Row key={c.code} label={t("checkout.couponLine", { code: c.code })} value={minus(c.amount ?? 0)} tone="ok" />)
          : totals.discountTotal > 0 && (
              <Row
                label={
                  totals.coupons.length > 0
                    ? t("checkout.couponLine", { code: totals.coupons.map((c) => c.code).join(", ") })
                    : t("checkout.discount")
                }
                value={minus(totals.discountTotal)}
                tone="ok"
              />
            )}
        <Row
          label={t("checkout.shipping")}
          value={
            totals.shippingTotal === null
              ? t("checkout.shippingChoose")
              : totals.shippingTotal === 0
                ? t("checkout.free")
                : money(totals.shippingTotal, currency)
          }
          tone={totals.shippingTotal === 0 ? "ok" : undefined}
        />
        {totals.paymentFee > 0 && <Row label={t("checkout.codFee")} value={money(totals.paymentFee, currency)} />}
        <div className="border-line border-t pt-2">
          <Row label={t("checkout.grandTotal")} value={money(totals.grandTotal, currency)} strong />
        </div>
        {totals.storeCreditUsed > 0 && (
          <>
            <Row label={t("checkout.storeCredit")} value={minus(totals.storeCreditUsed)} tone="ok" />
            <Row label={t("checkout.amountDue")} value={money(totals.amountDue, currency)} strong />
          </>
        )}
        {(totals.refundedTotal ?? 0) > 0 && <Row label={t("order.refundedTotal")} value={minus(totals.refundedTotal ?? 0)} />}
      </dl>
      {totals.vat.length > 0 && (
        <div className="mt-3 rounded-lg bg-surface-2/70 px-3 py-2.5" data-testid="vat-breakdown">
          <p className="font-semibold text-muted text-xs uppercase tracking-wide">{t("checkout.vatBreakdown")}</p>
          <dl className="mt-1.5 space-y-1">
            {totals.vat.map((row) => (
              <div key={row.rate} className="flex items-baseline justify-between gap-3 text-xs">
                <dt className="text-muted">
                  {t("checkout.vatRow", { rate: row.rate })}{" "}
                  <span className="whitespace-nowrap">({t("checkout.vatBase", { net: money(row.net, currency) })})</span>
                </dt>
                <dd className="tabular-nums">{money(row.vat, currency)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-1.5 text-muted text-xs">{t("checkout.vatIncluded")}</p>
        </div>
      )}
    </div>
  );
}
