// Card payments end to end through the API against a local iyzico (Checkout Form): store credit
// with a card for the rest, a declined card and a retry, a payment that arrives after the order
// was cancelled (refunded), refunds, and the order e-mails with the legal texts as PDF over SMTP.

import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { startIyzicoServer } from "../../../test/gateways/iyzico-server.ts";
import { createCustomer, signIn } from "../../../test/people.ts";
import { startTestSmtp, type TestSmtp } from "../../../test/smtp.ts";
import { productVariants } from "../catalog/schema.ts";
import { createProduct } from "../catalog/write.ts";
import { customers, storeCreditEntries } from "../customers/schema.ts";
import { orders } from "../orders/schema.ts";
import { cancelOrder } from "../orders/service.ts";
import { createIyzicoGateway } from "./providers/iyzico.ts";
import { paymentEvents, payments, refunds } from "./schema.ts";
import { refundOrder } from "./service.ts";

const HOST = "odeme-a.test";
const KEYS = { apiKey: "sandbox-api-key", secretKey: "sandbox-secret-key" };
const address = {
  firstName: "Elif",
  lastName: "Demir",
  phone: "0532 123 45 67",
  provinceCode: 34,
  district: "Kadıköy",
  neighbourhood: "Caferağa Mah",
  addressLine: "Moda Cad. No: 12 D: 3",
  postalCode: "34710",
};

describe("card payments through iyzico, store credit and order mail", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let iyzico: Awaited<ReturnType<typeof startIyzicoServer>>;
  let tenantId: string;
  let shippingMethodId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    iyzico = await startIyzicoServer(KEYS);
    t = await createTestApp(
      { RATE_LIMIT_MAX: "100000", SMTP_URL: smtp.url },
      {},
      { gateways: { iyzico: createIyzicoGateway({ ...KEYS, baseUrl: iyzico.url }) } },
    );
    tenantId = (await createStore(t.kernel, "odeme", [HOST], 0)).tenant.id;
    t.kernel.tenants.invalidate();
    shippingMethodId = (await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host: HOST } })).json().cart
      .shippingOptions[0].id;
  });
  afterAll(async () => {
    await t?.close();
    await iyzico?.close();
    await smtp?.close();
  });

  async function variant(stock = 10, price = 10_000) {
    const p = await createProduct(
      { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: `Kulaklık ${randomUUID().slice(0, 5)}`, status: "active", variants: [{ price, stock }] },
    );
    const [v] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, p.id));
    return v as NonNullable<typeof v>;
  }

  const headers = (cookie?: string) => ({ host: HOST, origin: `http://${HOST}`, ...(cookie ? { cookie } : {}) });

  async function addToCart(variantId: string, cookie?: string): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: headers(cookie),
      payload: { variantId, quantity: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    return cookie ?? (String(res.headers["set-cookie"]).split(";")[0] as string);
  }

  function placeOrder(cookie: string, body: Record<string, unknown>) {
    return t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { ...headers(cookie), "idempotency-key": randomUUID() },
      payload: { email: "elif@example.com", shippingAddress: address, shippingMethodId, acceptContracts: true, ...body },
    });
  }

  /** Pays on the local iyzico page like a shopper, and posts the callback iyzico's page would post. */
  async function payOnIyzico(pageUrl: string, cardNumber: string) {
    const form = new URLSearchParams({ cardHolderName: "Elif Demir", cardNumber, expiry: "12/30", cvc: "123", installment: "1" });
    const page = await fetch(pageUrl.replace(/\?.*$/, ""), {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const html = await page.text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
    expect(token, html).toBeTruthy();
    return t.app.inject({
      method: "POST",
      url: "/api/v1/payments/iyzico/callback",
      headers: { host: HOST, "content-type": "application/x-www-form-urlencoded" },
      payload: `token=${encodeURIComponent(token as string)}`,
    });
  }

  it("store credit covers part, the card pays the rest; a declined card can be retried", async () => {
    const { customerId } = await createCustomer(t, tenantId, "elif@example.com", "Elif Demir");
    await t.kernel.db.update(customers).set({ storeCredit: 5000 }).where(eq(customers.id, customerId));
    const cookie = await signIn(t, HOST, "elif@example.com");
    const v = await variant();
    await addToCart(v.id, cookie);
    const placed = await placeOrder(cookie, { paymentMethod: "iyzico", useStoreCredit: true });
    expect(placed.statusCode, placed.body).toBe(201);
    const body = placed.json();
    expect(body.amountDue).toBe(body.grandTotal - 5000);
    expect(body.next.type).toBe("redirect");

    const declined = await payOnIyzico(body.next.url, "4111111111111129");
    expect(declined.statusCode).toBe(303);
    expect(declined.headers.location).toMatch(/odeme=hata/);
    let [order] = await t.kernel.db.select().from(orders).where(eq(orders.id, body.orderId));
    expect(order?.status).toBe("awaiting_payment");

    const again = await t.app.inject({ method: "POST", url: `/api/v1/orders/${body.number}/pay`, headers: headers(cookie) });
    expect(again.statusCode, again.body).toBe(200);
    const paid = await payOnIyzico(again.json().url, "5528790000000008");
    expect(paid.headers.location).toMatch(new RegExp(`/siparis/${body.number}\\?t=.+&odeme=tamam`));
    [order] = await t.kernel.db.select().from(orders).where(eq(orders.id, body.orderId));
    expect(order?.status).toBe("paid");
    const rows = await t.kernel.db.select().from(payments).where(eq(payments.orderId, body.orderId));
    expect(rows.map((p) => [p.method, p.status, p.amount]).sort()).toEqual(
      [
        ["iyzico", "succeeded", body.grandTotal - 5000],
        ["store_credit", "succeeded", 5000],
      ].sort(),
    );
    const [credit] = await t.kernel.db.select().from(customers).where(eq(customers.id, customerId));
    expect(credit?.storeCredit).toBe(0);
    const ledger = await t.kernel.db.select().from(storeCreditEntries).where(eq(storeCreditEntries.customerId, customerId));
    expect(ledger.map((e) => e.amount)).toEqual([-5000]);

    // A partial refund goes to the card first (iyzico), then the rest: store credit back to the balance.
    await refundOrder({ db: t.kernel.db, jobs: t.kernel.jobs, gateways: t.kernel.gateways }, tenantId, body.orderId, {
      amount: body.grandTotal - 2000,
      reason: "Müşteri iadesi",
      actor: { kind: "staff" },
    });
    const refundRows = await t.kernel.db.select().from(refunds).where(eq(refunds.orderId, body.orderId));
    expect(refundRows.map((r) => r.amount).sort((a, b) => a - b)).toEqual([3000, body.grandTotal - 5000].sort((a, b) => a - b));
    const [after] = await t.kernel.db.select().from(customers).where(eq(customers.id, customerId));
    expect(after?.storeCredit).toBe(3000);
    [order] = await t.kernel.db.select().from(orders).where(eq(orders.id, body.orderId));
    // not shipped yet: a partial refund leaves the order to ship the rest
    expect(order?.status).toBe("paid");
    expect(order?.refundedTotal).toBe(body.grandTotal - 2000);
    const overRefund = refundOrder({ db: t.kernel.db, jobs: t.kernel.jobs, gateways: t.kernel.gateways }, tenantId, body.orderId, {
      amount: 2001,
      reason: "fazla",
      actor: { kind: "staff" },
    });
    await expect(overRefund).rejects.toThrow(/more than what is left/);
  });

  it("a payment that arrives after the order was cancelled leaves the order cancelled and is refunded", async () => {
    const v = await variant(3);
    const cookie = await addToCart(v.id);
    const placed = (await placeOrder(cookie, { paymentMethod: "iyzico" })).json();
    await cancelOrder({ db: t.kernel.db, tenantId, jobs: t.kernel.jobs, actor: { kind: "system" } }, placed.orderId, "payment-timeout");
    const [stockAfterCancel] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.id, v.id));
    expect(stockAfterCancel?.stock).toBe(3);
    const late = await payOnIyzico(placed.next.url, "5528790000000008");
    expect(late.statusCode).toBe(303);
    const [order] = await t.kernel.db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order?.status).toBe("cancelled");
    const [stock] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.id, v.id));
    expect(stock?.stock).toBe(3);
    const [event] = await t.kernel.db
      .select()
      .from(paymentEvents)
      .where(sql`${paymentEvents.raw}->>'token' is not null and ${paymentEvents.result} = 'applied:late-refund'`);
    expect(event).toBeDefined();
    // The refund job (run here directly, as the worker would) gives the money back through iyzico.
    await refundOrder({ db: t.kernel.db, jobs: t.kernel.jobs, gateways: t.kernel.gateways }, tenantId, placed.orderId, {
      reason: "late-payment",
      actor: { kind: "system" },
    });
    const [payment] = await t.kernel.db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, placed.orderId), eq(payments.method, "iyzico")));
    expect(payment?.refundedAmount).toBe(payment?.amount);
  });

  it("a callback for an unknown token changes nothing", async () => {
    const before = await t.kernel.db.select({ n: sql<number>`count(*)::int` }).from(paymentEvents);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/payments/iyzico/callback",
      headers: { host: HOST, "content-type": "application/x-www-form-urlencoded" },
      payload: "token=unknown-token-123",
    });
    expect(res.statusCode).toBe(400);
    const after = await t.kernel.db.select({ n: sql<number>`count(*)::int` }).from(paymentEvents);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
