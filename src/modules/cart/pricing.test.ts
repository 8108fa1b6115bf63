import { describe, expect, it } from "vitest";
import { type BasketCoupon, type BasketLineInput, type BasketShippingMethod, basketDesi, priceBasket, shippingFee } from "./pricing.ts";

const line = (over: Partial<BasketLineInput> = {}): BasketLineInput => ({
  variantId: "v1",
  productId: "p1",
  categoryPath: ["c-root", "c-child"],
  quantity: 1,
  unitPrice: 10_000,
  compareAtPrice: null,
  vatRate: 20,
  desi: 1,
  weightGrams: 500,
  ...over,
});

const standard: BasketShippingMethod = {
  id: "s1",
  name: "Standart",
  carrier: "yurtici",
  baseFee: 5000,
  baseDesi: 3,
  perDesiFee: 1000,
  freeOver: 50_000,
  minDays: 1,
  maxDays: 3,
};
const express: BasketShippingMethod = { ...standard, id: "s2", name: "Hızlı", baseFee: 9000, freeOver: null };

const coupon = (over: Partial<BasketCoupon> = {}): BasketCoupon => ({
  id: "k1",
  code: "K1",
  title: "K1",
  kind: "percent",
  value: 10,
  maxDiscount: null,
  minBasket: 0,
  scope: "all",
  scopeIds: [],
  combinable: false,
  excludeSaleItems: false,
  ...over,
});

describe("priceBasket", () => {
  it("adds shipping below the free threshold and says how much is left", () => {
    const p = priceBasket({ lines: [line({ quantity: 2 })], coupons: [], shippingMethods: [standard, express] });
    expect(p.subtotal).toBe(20_000);
    expect(p.shipping?.id).toBe("s1");
    expect(p.shippingTotal).toBe(5000);
    expect(p.shipping?.remainingForFree).toBe(30_000);
    expect(p.grandTotal).toBe(25_000);
    expect(p.amountDue).toBe(25_000);
  });

  it("ships free over the threshold (after discounts) and keeps the chosen method", () => {
    const p = priceBasket({
      lines: [line({ unitPrice: 60_000 })],
      coupons: [],
      shippingMethods: [standard, express],
      shippingMethodId: "s2",
    });
    expect(p.shippingOptions.find((o) => o.id === "s1")?.price).toBe(0);
    expect(p.shipping?.id).toBe("s2");
    expect(p.shippingTotal).toBe(9000);
    // a coupon that takes the basket below the threshold brings the fee back
    const q = priceBasket({ lines: [line({ unitPrice: 52_000 })], coupons: [coupon({ value: 10 })], shippingMethods: [standard] });
    expect(q.discountTotal).toBe(5200);
    expect(q.shippingTotal).toBe(5000);
  });

  it("charges extra desi beyond the base, using kg when heavier", () => {
    expect(basketDesi([line({ desi: 2.5, weightGrams: 4200, quantity: 2 })])).toBe(9);
    expect(shippingFee(standard, 9)).toBe(5000 + 6 * 1000);
    expect(basketDesi([line({ desi: null, weightGrams: null })])).toBe(1);
  });

  it("spreads a percent coupon over the lines exactly, capped by maxDiscount", () => {
    const p = priceBasket({
      lines: [
        line({ variantId: "a", unitPrice: 3333 }),
        line({ variantId: "b", unitPrice: 3333, vatRate: 10 }),
        line({ variantId: "c", unitPrice: 3334, vatRate: 1 }),
      ],
      coupons: [coupon({ value: 15, maxDiscount: 1000 })],
      shippingMethods: [],
    });
    expect(p.discountTotal).toBe(1000);
    expect(p.lines.reduce((s, l) => s + l.discount, 0)).toBe(1000);
    expect(p.lines.reduce((s, l) => s + l.total, 0)).toBe(9000);
    const vatTotal = p.vat.reduce((s, r) => s + r.net + r.vat, 0);
    expect(vatTotal).toBe(p.grandTotal);
    expect(p.vat.map((r) => r.rate)).toEqual([1, 10, 20]);
  });

  it("scopes coupons to categories or products and leaves sale items out when asked", () => {
    const lines = [
      line({ variantId: "a", productId: "p-a", categoryPath: ["kitap"], unitPrice: 10_000 }),
      line({ variantId: "b", productId: "p-b", categoryPath: ["moda"], unitPrice: 20_000, compareAtPrice: 25_000 }),
    ];
    const byCategory = priceBasket({
      lines,
      coupons: [coupon({ scope: "categories", scopeIds: ["kitap"], kind: "fixed", value: 5000 })],
      shippingMethods: [],
    });
    expect(byCategory.lines.map((l) => l.discount)).toEqual([5000, 0]);
    const noSale = priceBasket({ lines, coupons: [coupon({ excludeSaleItems: true })], shippingMethods: [] });
    expect(noSale.lines.map((l) => l.discount)).toEqual([1000, 0]);
    const none = priceBasket({ lines, coupons: [coupon({ scope: "products", scopeIds: ["p-x"] })], shippingMethods: [] });
    expect(none.discountTotal).toBe(0);
    expect(none.rejectedCoupons).toEqual([{ code: "K1", reason: "not-applicable" }]);
    expect(noSale.saleSavings).toBe(5000);
  });

  it("refuses a coupon below its minimum basket and a second coupon that does not combine", () => {
    const p = priceBasket({
      lines: [line()],
      coupons: [coupon({ minBasket: 20_000 }), coupon({ id: "k2", code: "K2", combinable: true })],
      shippingMethods: [],
    });
    expect(p.rejectedCoupons).toEqual([
      { code: "K1", reason: "min-basket", minBasket: 20_000 },
      { code: "K2", reason: "not-combinable" },
    ]);
    const stacked = priceBasket({
      lines: [line()],
      coupons: [coupon({ combinable: true, kind: "fixed", value: 1000 }), coupon({ id: "k2", code: "K2", combinable: true, value: 10 })],
      shippingMethods: [],
    });
    // fixed 10 ₺ first, then 10 % of the remaining 90 ₺
    expect(stacked.discountTotal).toBe(1000 + 900);
  });

  it("free-shipping coupons zero the shipping and report what they saved", () => {
    const p = priceBasket({ lines: [line()], coupons: [coupon({ kind: "free_shipping", value: 0 })], shippingMethods: [standard] });
    expect(p.shippingTotal).toBe(0);
    expect(p.coupons[0]?.amount).toBe(5000);
  });

  it("adds the payment fee with its KDV, and store credit reduces only what is due", () => {
    const p = priceBasket({ lines: [line()], coupons: [], shippingMethods: [standard], paymentFee: 1990, storeCredit: 100_000 });
    expect(p.grandTotal).toBe(10_000 + 5000 + 1990);
    expect(p.storeCreditUsed).toBe(p.grandTotal);
    expect(p.amountDue).toBe(0);
    const rows = Object.fromEntries(p.vat.map((r) => [r.rate, r.net + r.vat]));
    expect(rows[20]).toBe(p.grandTotal);
  });

  it("an empty basket costs nothing", () => {
    const p = priceBasket({ lines: [], coupons: [coupon()], shippingMethods: [standard], paymentFee: 1990 });
    expect(p.grandTotal).toBe(0);
    expect(p.shippingTotal).toBe(0);
    expect(p.vat).toEqual([]);
  });
});
