import clsx from "clsx";
import { ChevronRight, TicketPercent } from "lucide-react";
import { useMemo } from "react";
import { Link, useMatches } from "react-router";
import { type TFunction, useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";
import type { CartCouponReason, PublicCoupon } from "../services/cart.ts";

/**
 * Ids of the products a public coupon applies to on this page: the union of `couponedIds` in the
 * loader data of the matched routes (a listing loader adds them with `app.cart.couponedIds`).
 */
export function useCouponedIds(): ReadonlySet<string> {
  const matches = useMatches();
  return useMemo(() => {
    const ids = new Set<string>();
    for (const match of matches) {
      const data = match.loaderData as { couponedIds?: unknown } | undefined;
      if (data && Array.isArray(data.couponedIds)) for (const id of data.couponedIds) if (typeof id === "string") ids.add(id);
    }
    return ids;
  }, [matches]);
}

/** The small "Kuponlu" badge of product cards and the product page. */
export function CouponBadge({ size = "sm", className }: { size?: "sm" | "md"; className?: string }) {
  const t = useT();
  return (
    <span
      data-testid="coupon-badge"
      title={t("coupon.badgeTitle")}
      className={clsx(
        "inline-flex items-center gap-1 rounded-md border border-accent/60 bg-accent/15 font-semibold text-fg",
        size === "sm" ? "px-1.5 py-0.5 text-[0.6875rem]" : "px-2 py-1 text-xs",
        className,
      )}
    >
      <TicketPercent aria-hidden="true" className={clsx("shrink-0 text-warn", size === "sm" ? "size-3.5" : "size-4")} />
      {t("coupon.badge")}
      <span className="sr-only">: {t("coupon.badgeTitle")}</span>
    </span>
  );
}

/** Money without the kuruş when there are none (`250 ₺`, `249,90 ₺`): coupon amounts are round. */
export function useShortMoney(): (minor: number) => string {
  const money = useMoney();
  return (minor) => (minor % 100 === 0 ? money(minor).replace(/[.,]00(?!\d)/, "") : money(minor));
}

/** What a coupon gives, short: `%10`, `50 ₺`, `Kargo bedava`. */
export function couponAmount(coupon: Pick<PublicCoupon, "kind" | "value">, t: TFunction, money: (minor: number) => string): string {
  if (coupon.kind === "percent") return t("coupon.percent", { value: coupon.value });
  if (coupon.kind === "fixed") return money(coupon.value);
  return t("coupon.freeShipping");
}

/** The public coupons that apply to a product, under its price box. */
export function ProductCoupons({ coupons }: { coupons: PublicCoupon[] }) {
  const t = useT();
  const money = useShortMoney();
  return (
    <section
      aria-labelledby="product-coupons"
      data-testid="product-coupons"
      className="mt-4 rounded-2xl border border-accent/50 border-dashed bg-accent/10 p-4"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="product-coupons" className="flex items-center gap-2 font-bold text-sm">
          <TicketPercent aria-hidden="true" className="size-5 text-warn" />
          {t("coupon.productTitle")}
        </h2>
        <Link to="/kuponlar" className="inline-flex shrink-0 items-center gap-0.5 font-semibold text-brand text-sm hover:underline">
          {t("coupon.all")}
          <ChevronRight aria-hidden="true" className="size-4" />
        </Link>
      </div>
      <ul className="mt-3 flex flex-wrap gap-2">
        {coupons.slice(0, 4).map((coupon) => (
          <li key={coupon.id} className="flex items-center gap-2 rounded-lg bg-surface px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-line">
            <span className="font-bold text-sale">{couponAmount(coupon, t, money)}</span>
            <span className="text-muted">
              {coupon.minBasket > 0 ? t("coupon.minBasketShort", { amount: money(coupon.minBasket) }) : t("coupon.noMinimum")}
            </span>
            <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono font-semibold text-xs">{coupon.code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why a coupon gives nothing, in words. */
export function couponReasonText(t: TFunction, reason: CartCouponReason, minBasket: string | null): string {
  switch (reason) {
    case "min-basket":
      return minBasket ? t("cart.couponMinBasket", { amount: minBasket }) : t("cart.couponNotApplicable");
    case "not-applicable":
      return t("cart.couponNotApplicable");
    case "not-combinable":
      return t("cart.couponNotCombinable");
    case "unknown":
      return t("cart.couponUnknown");
    case "inactive":
      return t("cart.couponInactive");
    case "not-started":
      return t("cart.couponNotStarted");
    case "expired":
      return t("cart.couponExpired");
    case "used-up":
      return t("cart.couponUsedUp");
    case "customer-limit":
      return t("cart.couponCustomerLimit");
  }
}
