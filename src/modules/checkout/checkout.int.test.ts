// Money and stock under concurrency (issue 5 acceptance): checkouts racing for scarce stock,
// a limited coupon, one Idempotency-Key sent at once, a payment notification replayed — on PGlite
// and, with DATABASE_URL, on PostgreSQL.

import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createStartedPaytr, paytrCredentials, TEST_ADDRESS } from "../../../test/checkout.ts";
import type { TestPaytrServer } from "../../../test/gateways/paytr-server.ts";
import { productVariants } from "../catalog/schema.ts";
import { createProduct } from "../catalog/write.ts";
import { orders, stockReservations } from "../orders/schema.ts";
import { expireUnpaidOrders } from "../orders/service.ts";
import { paymentEvents, payments } from "../payments/schema.ts";
import { coupons } from "../promotions/schema.ts";

const HOST = "kasa-a.test";
const address = TEST_ADDRESS;

describe("checkout under concurrency", () => {
  let t: TestApp;
  let paytr: TestPaytrServer;
  let tenantId: string;
  let shippingMethodId: string;

  beforeAll(async () => {
    paytr = await createStartedPaytr();
    t = await createTestApp({ RATE_LIMIT_MAX: "100000" }, {}, { gateways: paytrCredentials(paytr) });
    const store = await createStore(t.kernel, "kasa", [HOST], 0);
    tenantId = store.tenant.id;
    await t.kernel.db.execute(
      sql`update tenants set settings = jsonb_set(settings, '{payments,paytr}', '{"enabled": true}') where id = ${tenantId}`,
    );
    t.kernel.tenants.invalidate();
    const methods = (await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host: HOST } })).json();
    expect(methods.cart.shippingOptions.length).toBeGreaterThan(0);
    shippingMethodId = methods.cart.shippingOptions[0].id;
  });
  afterAll(async () => {
    await t?.close();
    await paytr?.close();
  });

  async function product(stock: number, price = 10_000) {
    const created = await createProduct(
      { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: `Ürün ${randomUUID().slice(0, 6)}`, status: "active", variants: [{ price, stock }] },
    );
    const [variant] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, created.id));
    return variant as NonNullable<typeof variant>;
  }

  /** A guest cart holding `quantity` of the variant; returns its cookie. */
  async function guestCart(variantId: string, quantity = 1, coupon?: string): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host: HOST },
      payload: { variantId, quantity },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = String(res.headers["set-cookie"]).split(";")[0] as string;
    if (coupon) {
      const applied = await t.app.inject({
        method: "POST",
        url: "/api/v1/cart/coupons",
        headers: { host: HOST, cookie },
        payload: { code: coupon },
      });
      expect(applied.statusCode, applied.body).toBe(200);
      expect(
        applied.json().coupons.map((c: { code: string }) => c.code),
        applied.body,
      ).toEqual([coupon.toUpperCase()]);
    }
    return cookie;
  }

  function checkout(cookie: string, key: string, overrides: Record<string, unknown> = {}) {
    return t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { host: HOST, cookie, "idempotency-key": key },
      payload: {
        email: "ayse@example.com",
        shippingAddress: address,
        billingSameAsShipping: true,
        shippingMethodId,
        paymentMethod: "bank_transfer",
        acceptContracts: true,
        ...overrides,
      },
    });
  }

  it("200 checkouts racing for 20 units: exactly 20 orders and 180 clear out-of-stock answers", async () => {
    const variant = await product(20);
    const carts = [];
    for (let i = 0; i < 200; i++) carts.push(await guestCart(variant.id));
    const results = await Promise.all(carts.map((cookie) => checkout(cookie, randomUUID())));
    const created = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(created).toHaveLength(20);
    expect(refused).toHaveLength(180);
    for (const r of refused) {
      expect(r.json().detail).toMatch(/Not enough stock/);
      expect(r.headers["content-type"]).toMatch(/problem\+json/);
    }
    const [left] = await t.kernel.db
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, variant.id));
    expect(left?.stock).toBe(0);
    const [held] = await t.kernel.db
      .select({ n: sql<number>`coalesce(sum(${stockReservations.quantity}), 0)::int` })
      .from(stockReservations)
      .where(eq(stockReservations.variantId, variant.id));
    expect(held?.n).toBe(20);
  });

  it("a coupon limited to 10 uses is used exactly 10 times by 30 racing checkouts", async () => {
    const variant = await product(1000);
    await t.kernel.db.insert(coupons).values({ tenantId, code: "ON10", title: "On kişiye", kind: "percent", value: 10, usageLimit: 10 });
    const carts = [];
    for (let i = 0; i < 30; i++) carts.push(await guestCart(variant.id, 1, "on10"));
    const results = await Promise.all(carts.map((cookie, i) => checkout(cookie, randomUUID(), { email: `kisi${i}@example.com` })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.json().detail).toMatch(/ON10 has been used up/);
    const [coupon] = await t.kernel.db
      .select()
      .from(coupons)
      .where(and(eq(coupons.tenantId, tenantId), eq(coupons.code, "ON10")));
    expect(coupon?.usedCount).toBe(10);
    // Every successful order carries the 10 % discount.
    for (const r of results.filter((x) => x.statusCode === 201)) expect(r.json().grandTotal).toBeLessThan(10_000 + 8990);
  });

  it("the same Idempotency-Key sent 5 times at once yields one order", async () => {
    const variant = await product(10);
    const cookie = await guestCart(variant.id, 2);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => checkout(cookie, key)));
    for (const r of results) expect([200, 201], r.body).toContain(r.statusCode);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.json().number)).size).toBe(1);
    const rows = await t.kernel.db
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, tenantId), eq(orders.idempotencyKey, key)));
    expect(rows).toHaveLength(1);
    const [left] = await t.kernel.db
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, variant.id));
    expect(left?.stock).toBe(8);
    // The key with a different order is refused.
    const other = await guestCart(variant.id, 1);
    const reused = await checkout(other, key);
    expect(reused.statusCode).toBe(422);
  });

  it("a payment notification replayed 5 times records one payment", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id, 1);
    const placed = await checkout(cookie, randomUUID(), { paymentMethod: "paytr" });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().next.type).toBe("iframe");
    const [payment] = await t.kernel.db.select().from(payments).where(eq(payments.orderId, placed.json().orderId));
    const oid = (payment?.id ?? "").replaceAll("-", "");
    const fields = paytr.notificationFields(oid, "success");
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/payments/paytr/callback",
          headers: { host: HOST, "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams(fields).toString(),
        }),
      ),
    );
    for (const r of replies) expect(r.body).toBe("OK");
    const events = await t.kernel.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment?.id as string));
    expect(events).toHaveLength(1);
    const succeeded = await t.kernel.db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, placed.json().orderId), eq(payments.status, "succeeded")));
    expect(succeeded).toHaveLength(1);
    const [order] = await t.kernel.db.select().from(orders).where(eq(orders.id, placed.json().orderId));
    expect(order?.status).toBe("paid");
    // A tampered notification is refused and changes nothing.
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/payments/paytr/callback",
      headers: { host: HOST, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...fields, status: "failed" }).toString(),
    });
    expect(bad.statusCode).toBe(400);
  });

  it("unpaid orders expire: stock and coupon uses come back once", async () => {
    const variant = await product(3);
    const cookie = await guestCart(variant.id, 3);
    const placed = await checkout(cookie, randomUUID());
    expect(placed.statusCode).toBe(201);
    expect(placed.json().next.type).toBe("bank_transfer");
    await t.kernel.db
      .update(orders)
      .set({ reservationExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(orders.id, placed.json().orderId));
    expect(await expireUnpaidOrders(t.kernel.db, t.kernel.jobs)).toBe(1);
    expect(await expireUnpaidOrders(t.kernel.db, t.kernel.jobs)).toBe(0);
    const [left] = await t.kernel.db
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, variant.id));
    expect(left?.stock).toBe(3);
    const [order] = await t.kernel.db.select().from(orders).where(eq(orders.id, placed.json().orderId));
    expect(order?.status).toBe("cancelled");
  });

  it("bad input gets field errors and saves nothing", async () => {
    const variant = await product(3);
    const cookie = await guestCart(variant.id, 1);
    const res = await checkout(cookie, randomUUID(), {
      email: "yok",
      shippingAddress: { ...address, phone: "12", district: "" },
      acceptContracts: false,
    });
    expect(res.statusCode).toBe(422);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "shipping.phone", "acceptContracts"]));
    const cart = await t.app.inject({ method: "GET", url: "/api/v1/cart", headers: { host: HOST, cookie } });
    expect(cart.json().lines).toHaveLength(1);
    const [left] = await t.kernel.db
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, variant.id));
    expect(left?.stock).toBe(3);
  });
});
