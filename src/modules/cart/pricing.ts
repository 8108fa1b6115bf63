// The one place a basket's money is computed: line totals, coupons, shipping, the cash-on-delivery
// fee, store credit and the KDV breakdown. Pure: the cart page, the checkout summary and order
// placement all call `priceBasket` with fresh data, so the server always recomputes what is shown.

import { allocate, multiplyMoney, percentOf, sumMoney } from "../../platform/money.ts";
import { DEFAULT_SERVICE_VAT_RATE as SERVICE_VAT_RATE, vatBreakdown } from "../documents/document-data.ts";
import type { VatBreakdownRow } from "../documents/types.ts";
import type { CouponKind, CouponScope } from "../promotions/schema.ts";

export interface BasketLineInput {
  variantId: string;
  productId: string;
  /** The product's category and its ancestors. */
  categoryPath: string[];
  quantity: number;
  /** KDV-inclusive unit price. */
  unitPrice: number;
  compareAtPrice: number | null;
  vatRate: number;
  /** Volumetric weight per unit (desi) and real weight; the carrier charges the larger. */
  desi: number | null;
  weightGrams: number | null;
}

export interface BasketCoupon {
  id: string;
  code: string;
  title: string;
  kind: CouponKind;
  value: number;
  maxDiscount: number | null;
  minBasket: number;
  scope: CouponScope;
  scopeIds: string[];
  combinable: boolean;
  excludeSaleItems: boolean;
}

export interface BasketShippingMethod {
  id: string;
  name: string;
  carrier: string;
  baseFee: number;
  baseDesi: number;
  perDesiFee: number;
  freeOver: number | null;
  minDays: number;
  maxDays: number;
}

export interface BasketInput {
  lines: BasketLineInput[];
  /** Coupons the shopper entered, already checked for validity window, limits and activity. */
  coupons: BasketCoupon[];
  shippingMethods: BasketShippingMethod[];
  /** The chosen method; the first one when missing or unknown. */
  shippingMethodId?: string | null;
  /** Cash-on-delivery (or other) fee, KDV included. */
  paymentFee?: number;
  /** Store credit the shopper wants to use (capped at the total). */
  storeCredit?: number;
}

export interface PricedLine extends BasketLineInput {
  /** unitPrice × quantity. */
  gross: number;
  discount: number;
  total: number;
  /** Coupon ids that reduced this line. */
  couponIds: string[];
}

export interface AppliedCoupon {
  id: string;
  code: string;
  title: string;
  kind: CouponKind;
  /** Discount this coupon gives (for free shipping: the shipping it saves). */
  amount: number;
}

export type CouponRejection = "min-basket" | "not-applicable" | "not-combinable";

export interface ShippingQuote extends BasketShippingMethod {
  /** Fee before free-shipping rules. */
  fee: number;
  /** What the shopper pays for shipping with this method. */
  price: number;
  free: boolean;
  /** How much more the basket needs for free shipping (0 when free or never). */
  remainingForFree: number;
}

export interface PricedBasket {
  lines: PricedLine[];
  itemCount: number;
  /** Σ line gross (sale prices applied). */
  subtotal: number;
  /** What the sale prices saved against the former prices (display only). */
  saleSavings: number;
  discountTotal: number;
  coupons: AppliedCoupon[];
  rejectedCoupons: { code: string; reason: CouponRejection; minBasket?: number }[];
  /** Total chargeable desi of the basket. */
  desi: number;
  shippingOptions: ShippingQuote[];
  shipping: ShippingQuote | null;
  shippingTotal: number;
  paymentFee: number;
  grandTotal: number;
  storeCreditUsed: number;
  amountDue: number;
  vat: VatBreakdownRow[];
}

function lineEligible(line: BasketLineInput, coupon: BasketCoupon): boolean {
  if (coupon.excludeSaleItems && line.compareAtPrice !== null && line.compareAtPrice > line.unitPrice) return false;
  if (coupon.scope === "all") return true;
  if (coupon.scope === "products") return coupon.scopeIds.includes(line.productId);
  return line.categoryPath.some((id) => coupon.scopeIds.includes(id));
}

/** Chargeable desi of a basket: per unit the larger of desi and kg, summed, rounded up (at least 1 when anything ships). */
export function basketDesi(lines: readonly BasketLineInput[]): number {
  let hundredths = 0;
  for (const line of lines) {
    const desi = Math.round((line.desi ?? 0) * 100);
    const kg = Math.ceil((line.weightGrams ?? 0) / 10);
    hundredths += Math.max(desi, kg) * line.quantity;
  }
  if (lines.length === 0) return 0;
  return Math.max(1, Math.ceil(hundredths / 100));
}

export function shippingFee(method: BasketShippingMethod, desi: number): number {
  return method.baseFee + Math.max(0, desi - method.baseDesi) * method.perDesiFee;
}

export function priceBasket(input: BasketInput): PricedBasket {
  const lines: PricedLine[] = input.lines.map((line) => {
    const gross = multiplyMoney(line.unitPrice, line.quantity);
    return { ...line, gross, discount: 0, total: gross, couponIds: [] };
  });
  const subtotal = sumMoney(lines.map((l) => l.gross));
  const saleSavings = sumMoney(
    lines.map((l) =>
      l.compareAtPrice !== null && l.compareAtPrice > l.unitPrice ? multiplyMoney(l.compareAtPrice - l.unitPrice, l.quantity) : 0,
    ),
  );

  // Coupons: a non-combinable coupon stands alone (the first one entered wins); combinable ones stack.
  const applied: AppliedCoupon[] = [];
  const rejected: PricedBasket["rejectedCoupons"] = [];
  const solo = input.coupons.find((c) => !c.combinable);
  let freeShippingCoupon: BasketCoupon | null = null;
  for (const coupon of input.coupons) {
    if (solo && coupon !== solo) {
      rejected.push({ code: coupon.code, reason: "not-combinable" });
      continue;
    }
    if (subtotal < coupon.minBasket) {
      rejected.push({ code: coupon.code, reason: "min-basket", minBasket: coupon.minBasket });
      continue;
    }
    const eligible = lines.filter((l) => lineEligible(l, coupon) && l.total > 0);
    if (eligible.length === 0) {
      rejected.push({ code: coupon.code, reason: "not-applicable" });
      continue;
    }
    if (coupon.kind === "free_shipping") {
      freeShippingCoupon ??= coupon;
      applied.push({ id: coupon.id, code: coupon.code, title: coupon.title, kind: coupon.kind, amount: 0 });
      continue;
    }
    const base = sumMoney(eligible.map((l) => l.total));
    let amount = coupon.kind === "percent" ? percentOf(base, coupon.value) : Math.min(coupon.value, base);
    if (coupon.maxDiscount !== null) amount = Math.min(amount, coupon.maxDiscount);
    if (amount <= 0) {
      rejected.push({ code: coupon.code, reason: "not-applicable" });
      continue;
    }
    // Spread over the eligible lines by their current totals, so each line's KDV stays exact.
    const shares = allocate(
      amount,
      eligible.map((l) => l.total),
    );
    eligible.forEach((line, i) => {
      const share = shares[i] ?? 0;
      line.discount += share;
      line.total -= share;
      if (share > 0) line.couponIds.push(coupon.id);
    });
    applied.push({ id: coupon.id, code: coupon.code, title: coupon.title, kind: coupon.kind, amount });
  }
  const discountTotal = sumMoney(lines.map((l) => l.discount));
  const afterDiscounts = subtotal - discountTotal;

  const desi = basketDesi(lines);
  const shippingOptions: ShippingQuote[] = input.shippingMethods.map((method) => {
    const fee = lines.length === 0 ? 0 : shippingFee(method, desi);
    const overThreshold = method.freeOver !== null && afterDiscounts >= method.freeOver;
    const free = fee === 0 || overThreshold || freeShippingCoupon !== null;
    const remainingForFree = free || method.freeOver === null ? 0 : method.freeOver - afterDiscounts;
    return { ...method, fee, price: free ? 0 : fee, free, remainingForFree };
  });
  const shipping = shippingOptions.find((o) => o.id === input.shippingMethodId) ?? shippingOptions[0] ?? null;
  const shippingTotal = shipping?.price ?? 0;
  if (freeShippingCoupon && shipping) {
    const entry = applied.find((a) => a.id === freeShippingCoupon.id);
    if (entry) entry.amount = shipping.fee;
  }

  const paymentFee = lines.length === 0 ? 0 : (input.paymentFee ?? 0);
  const grandTotal = afterDiscounts + shippingTotal + paymentFee;
  const storeCreditUsed = Math.max(0, Math.min(input.storeCredit ?? 0, grandTotal));
  const vat = vatBreakdown(lines, {
    shipping: shippingTotal,
    shippingVatRate: SERVICE_VAT_RATE,
    paymentFee,
    paymentFeeVatRate: SERVICE_VAT_RATE,
  });
  return {
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    saleSavings,
    discountTotal,
    coupons: applied,
    rejectedCoupons: rejected,
    desi,
    shippingOptions,
    shipping,
    shippingTotal,
    paymentFee,
    grandTotal,
    storeCreditUsed,
    amountDue: grandTotal - storeCreditUsed,
    vat,
  };
}
