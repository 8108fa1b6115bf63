// The storefront's cart adapter (CartWeb) against the real app: guest cookie, header count in one
// statement, stock and coupon refusals as results, the cart summary's shipping and totals, the
// merge at sign-in, the wallet, and the "kuponlu" badge with its cached coupon list.

import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { categories, products, productVariants } from "../../modules/catalog/schema.ts";
import { catalogReader } from "../../modules/catalog/service.ts";
import { createProduct } from "../../modules/catalog/write.ts";
import { coupons } from "../../modules/promotions/schema.ts";
import { countStatements } from "../../platform/db/index.ts";
import type { CartSummary, CartWeb } from "../../web/services/cart.ts";
import { cartWeb, publicCouponsCacheKey } from "./cart.ts";

const HOST = "sepet-web.test";
type Call = { [K in keyof CartWeb]: CartWeb[K] extends (...args: infer A) => unknown ? [K, ...A] : never }[keyof CartWeb];

describe("cart web adapter", () => {
  let t: TestApp;
  let tenantId: string;
  let categoryId: string;
  let otherCategoryId: string;
  const variants: string[] = [];
  const productIds: string[] = [];
  let preorderProductId: string;

  /** Runs one CartWeb call in a request (as a page loader would), with the statements it cost. */
  async function call(cookie: string | undefined, ...args: Call) {
    const res = await t.app.inject({
      method: "POST",
      url: "/__cart",
      headers: { host: HOST, origin: `http://${HOST}`, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      payload: args,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { result: unknown; statements: number };
    const setCookie = res.headers["set-cookie"];
    return { ...body, setCookie: Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [] };
  }

  beforeAll(async () => {
    t = await createTestApp(
      { RATE_LIMIT_MAX: "100000" },
      {
        register: async (app: FastifyInstance) => {
          app.post("/__cart", async (request, reply) => {
            const [method, ...args] = request.body as Call;
            // The web context resolves the session before loaders run: do the same outside the count.
            await t.kernel.access.principal(request, reply);
            const cart = cartWeb(t.kernel, request, reply);
            const fn = cart[method] as (...a: unknown[]) => Promise<unknown>;
            const { result, count } = await countStatements(() => fn(...args));
            return { result: result ?? null, statements: count };
          });
        },
      },
    );
    const store = await createStore(t.kernel, "sepetweb", [HOST], 3);
    tenantId = store.tenant.id;
    categoryId = store.category.id;
    for (const p of store.products) {
      productIds.push(p.id);
      const [v] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, p.id));
      variants.push((v as { id: string }).id);
    }
    const [other] = await t.kernel.db.insert(categories).values({ tenantId, slug: "diger", name: "Diğer" }).returning();
    otherCategoryId = (other as { id: string }).id;
    const ctx = { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache };
    const elsewhere = await createProduct(ctx, {
      title: "Başka kategoride ürün",
      status: "active",
      categoryId: otherCategoryId,
      variants: [{ price: 5_000, stock: 2 }],
    });
    productIds.push(elsewhere.id);
    const [ev] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, elsewhere.id));
    variants.push((ev as { id: string }).id);
    const preorder = await createProduct(ctx, {
      title: "Ön siparişli ürün",
      status: "active",
      saleMode: "preorder",
      variants: [{ price: 20_000, stock: 0 }],
    });
    preorderProductId = preorder.id;
    const [pv] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, preorder.id));
    variants.push((pv as { id: string }).id);
  });
  afterAll(() => t?.close());

  const cookieOf = (setCookie: string[]) => setCookie.find((c) => c.startsWith("kv_cart="))?.split(";")[0];
  const resetCoupons = () => {
    t.kernel.cache.invalidate(publicCouponsCacheKey(tenantId, "tr"));
  };

  it("counts nothing for a visitor without a cart, without SQL", async () => {
    const { result, statements, setCookie } = await call(undefined, "count");
    expect(result).toBe(0);
    expect(statements).toBe(0);
    expect(setCookie).toEqual([]);
  });

  it("adds to a new guest cart, sets the cookie, and counts it back in one statement", async () => {
    const added = await call(undefined, "add", variants[0] as string, 2);
    const cookie = cookieOf(added.setCookie);
    expect(cookie).toMatch(/^kv_cart=[\w-]{20,64}$/);
    expect(added.setCookie.find((c) => c.startsWith("kv_cart="))).toMatch(/HttpOnly/);
    const cart = (added.result as { ok: true; cart: { itemCount: number; lines: { variantId: string; quantity: number }[] } }).cart;
    expect(cart.itemCount).toBe(2);
    expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([[variants[0], 2]]);

    const counted = await call(cookie, "count");
    expect(counted.result).toBe(2);
    expect(counted.statements).toBe(1);
  });

  it("turns stock, quantity and unknown-variant refusals into results", async () => {
    const { setCookie } = await call(undefined, "add", variants[1] as string, 3);
    const cookie = cookieOf(setCookie);
    // stock 5, 3 in the cart: only 2 more
    expect((await call(cookie, "add", variants[1] as string, 4)).result).toEqual({ ok: false, error: "insufficient-stock", available: 2 });
    expect((await call(cookie, "setQuantity", variants[1] as string, 6)).result).toEqual({
      ok: false,
      error: "insufficient-stock",
      available: 5,
    });
    expect((await call(cookie, "add", variants[1] as string, 0)).result).toEqual({ ok: false, error: "invalid-quantity" });
    expect((await call(cookie, "add", "not-a-uuid", 1)).result).toEqual({ ok: false, error: "not-found" });
    expect((await call(cookie, "add", "00000000-0000-4000-8000-000000000000", 1)).result).toEqual({ ok: false, error: "not-found" });
    // pre-order: no stock, still sold
    expect((await call(cookie, "add", variants[4] as string, 3)).result).toMatchObject({ ok: true });
    expect((await call(cookie, "setQuantity", variants[1] as string, 5)).result).toEqual({ ok: true });
    expect((await call(cookie, "count")).result).toBe(8);
    expect((await call(cookie, "remove", variants[1] as string)).result).toEqual({ ok: true });
    expect((await call(cookie, "setQuantity", variants[4] as string, 0)).result).toEqual({ ok: true });
    expect((await call(cookie, "count")).result).toBe(0);
  });

  it("summarises the cart with the cheapest shipping, the free-shipping gap and coupon problems", async () => {
    await t.kernel.db.insert(coupons).values([
      { tenantId, code: "YUZDE10", title: "%10", kind: "percent", value: 10, isPublic: true },
      { tenantId, code: "BUYUKSEPET", title: "1000 TL üzeri", kind: "fixed", value: 5_000, minBasket: 100_000, combinable: true },
      { tenantId, code: "BITTI", title: "Süresi doldu", kind: "fixed", value: 1_000, endsAt: new Date(Date.now() - 60_000) },
    ]);
    resetCoupons();
    const { setCookie } = await call(undefined, "add", variants[0] as string, 1); // 100,00 ₺
    const cookie = cookieOf(setCookie);
    let view = (await call(cookie, "view")).result as CartSummary;
    expect(view.subtotal).toBe(10_000);
    // Standard (89,90 ₺, free over 750 ₺) is cheaper than express.
    expect(view.shipping).toMatchObject({ price: 8_990, free: false });
    expect(view.freeShipping).toEqual({ threshold: 75_000, remaining: 65_000 });
    expect(view.total).toBe(10_000 + 8_990);
    expect(view.ready).toBe(true);

    expect((await call(cookie, "applyCoupon", " bitti ")).result).toEqual({ ok: false, error: "coupon-expired" });
    expect((await call(cookie, "applyCoupon", "YOKBOYLE")).result).toEqual({ ok: false, error: "coupon-unknown" });
    expect((await call(cookie, "applyCoupon", "   ")).result).toEqual({ ok: false, error: "coupon-invalid" });
    expect((await call(cookie, "applyCoupon", "yuzde10")).result).toEqual({ ok: true, code: "YUZDE10" });
    view = (await call(cookie, "view")).result as typeof view;
    expect(view.coupons).toEqual([{ code: "YUZDE10", title: "%10", kind: "percent", amount: 1_000 }]);
    expect(view.discountTotal).toBe(1_000);
    expect(view.total).toBe(10_000 - 1_000 + 8_990);
    expect(view.freeShipping?.remaining).toBe(75_000 - 9_000);

    // YUZDE10 is not combinable: a second code is kept and explained, and gives nothing.
    expect((await call(cookie, "applyCoupon", "BUYUKSEPET")).result).toMatchObject({ ok: true });
    view = (await call(cookie, "view")).result as typeof view;
    expect(view.couponProblems).toEqual([{ code: "BUYUKSEPET", reason: "not-combinable" }]);
    expect((await call(cookie, "removeCoupon", "YUZDE10")).result).toEqual({ ok: true });
    view = (await call(cookie, "view")).result as typeof view;
    expect(view.couponProblems).toEqual([{ code: "BUYUKSEPET", reason: "min-basket", minBasket: 100_000 }]);
    expect(view.discountTotal).toBe(0);

    // Over the threshold shipping is free and the gap is gone.
    expect((await call(cookie, "setQuantity", variants[0] as string, 5)).result).toEqual({ ok: true });
    await call(cookie, "add", variants[2] as string, 3);
    view = (await call(cookie, "view")).result as typeof view;
    expect(view.subtotal).toBe(5 * 10_000 + 3 * 10_200);
    expect(view.shipping).toMatchObject({ price: 0, free: true });
    expect(view.freeShipping).toBeNull();
    expect(view.total).toBe(view.subtotal);
  });

  it("merges the guest cart into the customer's at the first count after sign-in, then counts in one statement", async () => {
    const { setCookie } = await call(undefined, "add", variants[2] as string, 2);
    const guest = cookieOf(setCookie) as string;
    const session = await signInStaff(t, tenantId, HOST, "alisveris@example.com");
    const merged = await call(`${session}; ${guest}`, "count");
    expect(merged.result).toBe(2);
    // the guest cookie is cleared
    expect(merged.setCookie.some((c) => /^kv_cart=;/.test(c) && /Max-Age=0/.test(c))).toBe(true);
    const again = await call(session, "count");
    expect(again.result).toBe(2);
    expect(again.statements).toBe(1);
    // the same stale guest cookie merges nothing twice
    expect((await call(`${session}; ${guest}`, "count")).result).toBe(2);
    const view = (await call(session, "view")).result as { lines: { variantId: string; quantity: number }[] };
    expect(view.lines.map((l) => [l.variantId, l.quantity])).toEqual([[variants[2], 2]]);
  });

  it("collects public coupons into a signed-in customer's wallet only", async () => {
    resetCoupons();
    const [publicCoupon] = await t.kernel.db.select().from(coupons).where(eq(coupons.code, "YUZDE10"));
    const [privateCoupon] = await t.kernel.db.select().from(coupons).where(eq(coupons.code, "BUYUKSEPET"));
    expect((await call(undefined, "collect", publicCoupon?.id as string)).result).toEqual({ ok: false, error: "sign-in" });
    expect((await call(undefined, "wallet")).result).toBeNull();
    const session = await signInStaff(t, tenantId, HOST, "cuzdan@example.com");
    expect((await call(session, "wallet")).result).toEqual([]);
    expect((await call(session, "collect", privateCoupon?.id as string)).result).toEqual({ ok: false, error: "not-found" });
    expect((await call(session, "collect", "x")).result).toEqual({ ok: false, error: "not-found" });
    expect((await call(session, "collect", publicCoupon?.id as string)).result).toEqual({ ok: true });
    expect((await call(session, "collect", publicCoupon?.id as string)).result).toEqual({ ok: true });
    const wallet = (await call(session, "wallet")).result as { code: string; problem: string | null }[];
    expect(wallet.map((c) => [c.code, c.problem])).toEqual([["YUZDE10", null]]);
    const listed = (await call(undefined, "publicCoupons")).result as { code: string }[];
    expect(listed.map((c) => c.code)).toEqual(["YUZDE10"]);
  });

  it("marks the products a public coupon applies to, reading categories only for category coupons", async () => {
    const cards = productIds.map((id, i) => ({ id, price: 10_000, compareAtPrice: i === 1 ? 12_000 : null }));
    // Only YUZDE10 is public (scope all): every product, no statement once the list is cached.
    await call(undefined, "couponedIds", cards);
    let marked = await call(undefined, "couponedIds", cards);
    expect(marked.result).toEqual(productIds);
    expect(marked.statements).toBe(0);

    await t.kernel.db.update(coupons).set({ isPublic: false }).where(eq(coupons.code, "YUZDE10"));
    await t.kernel.db.insert(coupons).values([
      {
        tenantId,
        code: "KATEGORI",
        title: "Kategori",
        kind: "percent",
        value: 5,
        isPublic: true,
        scope: "categories",
        scopeIds: [categoryId],
      },
      {
        tenantId,
        code: "URUN",
        title: "Ürün",
        kind: "fixed",
        value: 500,
        isPublic: true,
        scope: "products",
        scopeIds: [productIds[3] as string],
      },
    ]);
    // Still cached: the old list for up to 30 s.
    expect((await call(undefined, "couponedIds", cards)).result).toEqual(productIds);
    resetCoupons();
    await call(undefined, "publicCoupons");
    marked = await call(undefined, "couponedIds", cards);
    // three products in the store's category + the one named by URUN
    expect(marked.result).toEqual(productIds);
    expect(marked.statements).toBe(1);
    // The category coupon leaves sale items out: the discounted card loses it.
    await t.kernel.db.update(coupons).set({ excludeSaleItems: true }).where(eq(coupons.code, "KATEGORI"));
    resetCoupons();
    await call(undefined, "publicCoupons");
    marked = await call(undefined, "couponedIds", cards);
    expect(marked.result).toEqual([productIds[0], productIds[2], productIds[3]]);
    expect((await call(undefined, "couponedIds", [])).statements).toBe(0);
  });

  it("tells the product page how a product sells and which public coupons apply, without SQL", async () => {
    // What the product page has: the product as the catalog reader gives it (category path, sale mode).
    const reader = catalogReader({ db: t.kernel.db, tenantId, locale: "tr", cache: t.kernel.cache, mediaUrl: (k) => k, listTtlMs: 0 });
    const offerOf = async (productId: string, discounted: boolean) => {
      const [row] = await t.kernel.db.select({ slug: products.slug }).from(products).where(eq(products.id, productId));
      const detail = await reader.product(row?.slug as string);
      if (!detail) throw new Error("product not found");
      return call(undefined, "productOffer", { productId, categoryPath: detail.categoryPath, saleMode: detail.saleMode }, discounted);
    };
    const first = await offerOf(productIds[0] as string, false);
    expect(first.statements).toBe(0);
    expect(first.result).toMatchObject({ saleMode: "normal" });
    expect((first.result as { coupons: { code: string }[] }).coupons.map((c) => c.code)).toEqual(["KATEGORI"]);
    const onSale = (await offerOf(productIds[0] as string, true)).result as { coupons: unknown[] };
    expect(onSale.coupons).toEqual([]);
    const elsewhere = (await offerOf(productIds[3] as string, false)).result as { coupons: { code: string }[] };
    expect(elsewhere.coupons.map((c) => c.code)).toEqual(["URUN"]);
    expect(((await offerOf(preorderProductId, false)).result as { saleMode: string }).saleMode).toBe("preorder");
  });
});
