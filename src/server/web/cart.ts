// CartWeb for one request: the shopper (guest cookie or signed-in customer) and their cart, the
// public coupons and the wallet, called in-process by the storefront's loaders and actions.

import { sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CartView } from "../../modules/cart/service.ts";
import {
  applyCoupon,
  type CartContext,
  cartCount,
  changeItem,
  MAX_LINE_QUANTITY,
  removeCoupon,
  StockError,
  viewCart,
} from "../../modules/cart/service.ts";
import { cartToken, type Shopper, shopperCart, shopperOf } from "../../modules/cart/shopper.ts";
import type { SaleMode } from "../../modules/catalog/schema.ts";
import {
  collectCoupon,
  couponApplies,
  customerKey,
  listPublicCoupons,
  listWalletCoupons,
  type PublicCoupon,
} from "../../modules/promotions/service.ts";
import { HttpError } from "../../platform/problem.ts";
import { preferencesFromCookieHeader } from "../../web/lib/preferences.ts";
import type { CartError, CartResult, CartShipping, CartSummary, CartWeb, FreeShippingProgress } from "../../web/services/cart.ts";
import type { Kernel } from "../kernel.ts";
import { attempt } from "./attempt.ts";

const PUBLIC_COUPONS_TTL_MS = 30_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CART_ERRORS = new Set<string>([
  "not-found",
  "unavailable",
  "out-of-stock",
  "insufficient-stock",
  "cart-full",
  "invalid-quantity",
  "coupon-invalid",
  "coupon-unknown",
  "coupon-inactive",
  "coupon-not-started",
  "coupon-expired",
  "coupon-used-up",
  "coupon-customer-limit",
]);

export const publicCouponsCacheKey = (tenantId: string, locale: string) => `tenant:${tenantId}:coupons:public:${locale}`;

/** Rules the cart refuses with (stock, limits, coupon codes) become a result the page explains; anything else is thrown on. */
function refusal(err: unknown): CartResult | undefined {
  if (err instanceof StockError) return { ok: false, error: err.code as CartError, available: Math.max(0, err.available) };
  if (err instanceof HttpError && err.statusCode < 500 && CART_ERRORS.has(err.code)) return { ok: false, error: err.code as CartError };
  return undefined;
}

/** The summary the pages show: the view with the cheapest shipping method, lines in the order they were added. */
export function summarize(view: CartView, currency: string): CartSummary {
  const p = view.pricing;
  const cheapest = p.shippingOptions.reduce<(typeof p.shippingOptions)[number] | null>(
    (best, o) => (best === null || o.price < best.price || (o.price === best.price && o.fee < best.fee) ? o : best),
    null,
  );
  const shipping: CartShipping | null = cheapest && {
    name: cheapest.name,
    carrier: cheapest.carrier,
    price: cheapest.price,
    free: cheapest.free,
    minDays: cheapest.minDays,
    maxDays: cheapest.maxDays,
  };
  let freeShipping: FreeShippingProgress | null = null;
  if (cheapest && !cheapest.free) {
    for (const o of p.shippingOptions) {
      if (o.freeOver === null || o.free || o.remainingForFree <= 0) continue;
      if (!freeShipping || o.remainingForFree < freeShipping.remaining)
        freeShipping = { threshold: o.freeOver, remaining: o.remainingForFree };
    }
  }
  const shippingPrice = p.lines.length > 0 ? (cheapest?.price ?? 0) : 0;
  return {
    lines: view.lines,
    itemCount: view.lines.reduce((n, l) => n + l.quantity, 0),
    couponCodes: view.couponCodes,
    coupons: p.coupons.map((c) => ({ code: c.code, title: c.title, kind: c.kind, amount: c.amount })),
    couponProblems: view.couponProblems,
    subtotal: p.subtotal,
    saleSavings: p.saleSavings,
    discountTotal: p.discountTotal,
    shipping: p.lines.length > 0 ? shipping : null,
    freeShipping: p.lines.length > 0 ? freeShipping : null,
    total: p.grandTotal - p.shippingTotal + shippingPrice,
    ready: view.ready,
    currency,
  };
}

async function rows<T>(kernel: Kernel, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await kernel.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Public coupons usable now, cached briefly per store and language (the badge reads them on every listing). */
export function cachedPublicCoupons(kernel: Kernel, tenantId: string, locale: "tr" | "en"): Promise<PublicCoupon[]> {
  return kernel.cache.get(publicCouponsCacheKey(tenantId, locale), PUBLIC_COUPONS_TTL_MS, () =>
    listPublicCoupons(kernel.db, tenantId, locale),
  );
}

const onSale = (p: { price: number; compareAtPrice: number | null }) => p.compareAtPrice !== null && p.compareAtPrice > p.price;

/** Implements CartWeb for one request. */
export function cartWeb(kernel: Kernel, request: FastifyRequest, reply: FastifyReply): CartWeb {
  const tenantId = request.tenant.id;
  const currency = request.tenant.currency;
  const locale = preferencesFromCookieHeader(request.headers.cookie).locale;
  const ctx: CartContext = { db: kernel.db, tenantId, locale, cache: kernel.cache };
  const deps = { db: kernel.db, access: kernel.access };

  // One shopper per request: a guest cart is merged (and its cookie cleared) only once. Asking
  // again with `create` only matters for a signed-in user who is not yet the store's customer.
  let memo: { create: boolean; promise: Promise<Shopper> } | null = null;
  const shopper = (create: boolean): Promise<Shopper> => {
    if (memo && (memo.create || !create)) return memo.promise;
    const previous = memo?.promise;
    const promise = (async () => {
      const before = previous ? await previous : null;
      if (before && (before.customerId || !before.userId)) return before;
      return shopperOf(deps, ctx, request, reply, { create });
    })();
    memo = { create, promise };
    return promise;
  };
  const keyOf = (s: Shopper) => (s.customerId ? customerKey({ customerId: s.customerId, email: "" }) : undefined);
  const options = (s: Shopper) => ({ customerKey: keyOf(s), mediaUrl: kernel.mediaUrl });

  async function cartFor(create: true): Promise<{ s: Shopper; cartId: string }>;
  async function cartFor(create: false): Promise<{ s: Shopper; cartId: string | null }>;
  async function cartFor(create: boolean) {
    const s = await shopper(create);
    return { s, cartId: await shopperCart(ctx, s, request, reply, { create }) };
  }

  const change = (run: () => Promise<CartResult>): Promise<CartResult> => attempt(run, refusal);
  const validQuantity = (quantity: number) => Number.isInteger(quantity) && quantity >= 0 && quantity <= MAX_LINE_QUANTITY;

  const publicCoupons = () => cachedPublicCoupons(kernel, tenantId, locale);

  return {
    async count() {
      const token = cartToken(request);
      const principal = await kernel.access.principal(request, reply).catch(() => null);
      const userId = principal?.user?.id ?? null;
      if (userId && token) {
        // First page after sign-in with a guest cart: merge it (shopperOf), then count.
        const s = await shopper(false);
        return cartCount(ctx, s);
      }
      if (userId) {
        const [row] = await rows<{ n: number }>(
          kernel,
          sql`select coalesce(sum(ci.quantity), 0)::int as n from customers cu
              join carts c on c.customer_id = cu.id and c.tenant_id = cu.tenant_id
              join cart_items ci on ci.cart_id = c.id
              where cu.tenant_id = ${tenantId} and cu.user_id = ${userId}`,
        );
        return Number(row?.n ?? 0);
      }
      return token ? cartCount(ctx, { token }) : 0;
    },

    async view() {
      const { s, cartId } = await cartFor(false);
      return summarize(await viewCart(ctx, cartId, options(s)), currency);
    },

    add: (variantId, quantity) =>
      change(async () => {
        if (!UUID.test(variantId)) return { ok: false, error: "not-found" };
        if (!validQuantity(quantity) || quantity < 1) return { ok: false, error: "invalid-quantity" };
        const { s, cartId } = await cartFor(true);
        await changeItem(ctx, cartId, variantId, quantity, "add");
        return { ok: true, cart: summarize(await viewCart(ctx, cartId, options(s)), currency) };
      }),

    setQuantity: (variantId, quantity) =>
      change(async () => {
        if (!UUID.test(variantId)) return { ok: false, error: "not-found" };
        if (!validQuantity(quantity)) return { ok: false, error: "invalid-quantity" };
        const { cartId } = await cartFor(false);
        if (!cartId) return quantity === 0 ? { ok: true } : { ok: false, error: "not-found" };
        await changeItem(ctx, cartId, variantId, quantity, "set");
        return { ok: true };
      }),

    remove: (variantId) =>
      change(async () => {
        if (!UUID.test(variantId)) return { ok: false, error: "not-found" };
        const { cartId } = await cartFor(false);
        if (cartId) await changeItem(ctx, cartId, variantId, 0, "set");
        return { ok: true };
      }),

    applyCoupon: (code) =>
      change(async () => {
        if (code.trim().length === 0 || code.length > 60) return { ok: false, error: "coupon-invalid" };
        const { s, cartId } = await cartFor(true);
        return { ok: true, code: await applyCoupon(ctx, cartId, code, keyOf(s)) };
      }),

    removeCoupon: (code) =>
      change(async () => {
        if (code.length > 60) return { ok: false, error: "coupon-invalid" };
        const { cartId } = await cartFor(false);
        if (cartId) await removeCoupon(ctx, cartId, code);
        return { ok: true };
      }),

    publicCoupons,

    async wallet() {
      const principal = await kernel.access.principal(request, reply).catch(() => null);
      if (!principal?.user) return null;
      const s = await shopper(false);
      return s.customerId ? listWalletCoupons(kernel.db, tenantId, s.customerId, locale) : [];
    },

    async collect(couponId) {
      const principal = await kernel.access.principal(request, reply).catch(() => null);
      if (!principal?.user) return { ok: false, error: "sign-in" };
      if (!UUID.test(couponId)) return { ok: false, error: "not-found" };
      const s = await shopper(true);
      if (!s.customerId) return { ok: false, error: "sign-in" };
      return attempt(
        async () => {
          await collectCoupon(kernel.db, tenantId, s.customerId as string, couponId);
          return { ok: true as const };
        },
        (err) => (err instanceof HttpError && err.statusCode === 404 ? { ok: false as const, error: "not-found" as const } : undefined),
      );
    },

    async couponedIds(products) {
      if (products.length === 0) return [];
      const coupons = await publicCoupons();
      if (coupons.length === 0) return [];
      const found = new Set<string>();
      const byPath: (typeof products)[number][] = [];
      for (const product of products) {
        const usable = coupons.filter((c) => !(c.excludeSaleItems && onSale(product)));
        if (usable.some((c) => c.scope !== "categories" && couponApplies(c, { productId: product.id, categoryPath: [] }))) {
          found.add(product.id);
        } else if (usable.some((c) => c.scope === "categories")) byPath.push(product);
      }
      const ids = byPath.map((p) => p.id).filter((id) => UUID.test(id));
      if (ids.length > 0) {
        const paths = await rows<{ product_id: string; category_path: string[] | null }>(
          kernel,
          sql`select product_id, category_path from product_listings
              where tenant_id = ${tenantId} and product_id in (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
        );
        const pathOf = new Map(paths.map((r) => [r.product_id, r.category_path ?? []]));
        for (const product of byPath) {
          const categoryPath = pathOf.get(product.id) ?? [];
          const usable = coupons.filter((c) => c.scope === "categories" && !(c.excludeSaleItems && onSale(product)));
          if (usable.some((c) => couponApplies(c, { productId: product.id, categoryPath }))) found.add(product.id);
        }
      }
      return products.filter((p) => found.has(p.id)).map((p) => p.id);
    },

    async productOffer(product, discounted) {
      const coupons = await publicCoupons();
      return {
        saleMode: product.saleMode,
        coupons: coupons.filter((c) => !(c.excludeSaleItems && discounted) && couponApplies(c, product)),
      };
    },
  };
}
