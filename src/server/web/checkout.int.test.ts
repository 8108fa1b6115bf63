// The storefront's checkout adapter (CheckoutWeb) against the real services: what the checkout
// form sends becomes an order (and the same key the same order), refusals come back in a shape
// the page explains (field paths, sold out with the cart trimmed, a used-up coupon), the legal
// texts follow the form, and the order page's reads and actions respect who may see the order.

import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createStartedPaytr, paytrCredentials } from "../../../test/checkout.ts";
import type { TestPaytrServer } from "../../../test/gateways/paytr-server.ts";
import { productVariants } from "../../modules/catalog/schema.ts";
import { createProduct } from "../../modules/catalog/write.ts";
import { setOrderStatus, shipOrder } from "../../modules/orders/service.ts";
import { markBankTransferPaid } from "../../modules/payments/service.ts";
import { coupons } from "../../modules/promotions/schema.ts";
import type { CheckoutDraft, CheckoutWeb } from "../../web/services/checkout.ts";
import { checkoutWeb } from "./checkout.ts";

const HOST = "vitrin.test";

const draft = (overrides: Partial<CheckoutDraft> = {}): CheckoutDraft => ({
  email: "ayse@example.com",
  shippingAddressId: null,
  shippingAddress: {
    firstName: "Ayşe",
    lastName: "Yılmaz",
    phone: "0532 123 45 67",
    provinceCode: "34",
    district: "Kadıköy",
    neighbourhood: "Caferağa Mah",
    addressLine: "Moda Cad. No: 12 D: 3",
    postalCode: "",
  },
  saveAddress: false,
  billingSameAsShipping: true,
  billingAddress: {
    firstName: "",
    lastName: "",
    phone: "",
    provinceCode: "",
    district: "",
    neighbourhood: "",
    addressLine: "",
    postalCode: "",
  },
  invoice: { type: "individual", tckn: "", companyName: "", taxNumber: "", taxOffice: "" },
  shippingMethodId: null,
  paymentMethod: "bank_transfer",
  useStoreCredit: false,
  acceptContracts: true,
  customerNote: "",
  ...overrides,
});

describe("checkout web adapter", () => {
  let t: TestApp;
  let paytr: TestPaytrServer;
  let tenantId: string;
  let shippingMethodId: string;
  /** What the next adapter request runs (inside a real request, with its cookies). */
  let scenario: (web: CheckoutWeb) => Promise<unknown> = async () => null;

  beforeAll(async () => {
    paytr = await createStartedPaytr();
    t = await createTestApp(
      { RATE_LIMIT_MAX: "100000" },
      {
        register: async (app) => {
          app.get("/__test/checkout-web", async (request, reply) => ({
            result: await scenario(checkoutWeb(t.kernel, request, reply, "tr")),
          }));
        },
      },
      { gateways: paytrCredentials(paytr) },
    );
    const store = await createStore(t.kernel, "vitrin", [HOST], 0);
    tenantId = store.tenant.id;
    await t.kernel.db.execute(
      sql`update tenants set settings = jsonb_set(settings, '{payments,paytr}', '{"enabled": true}') where id = ${tenantId}`,
    );
    t.kernel.tenants.invalidate();
  });
  afterAll(async () => {
    await t?.close();
    await paytr?.close();
  });

  async function run<T>(cookie: string, fn: (web: CheckoutWeb) => Promise<T>): Promise<T> {
    scenario = fn;
    const res = await t.app.inject({ method: "GET", url: "/__test/checkout-web", headers: { host: HOST, cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result as T;
  }

  async function product(stock: number, price = 10_000) {
    const created = await createProduct(
      { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: `Ürün ${randomUUID().slice(0, 6)}`, status: "active", variants: [{ price, stock }] },
    );
    const [variant] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, created.id));
    return variant as NonNullable<typeof variant>;
  }

  async function guestCart(variantId: string, quantity = 1): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host: HOST },
      payload: { variantId, quantity },
    });
    expect(res.statusCode, res.body).toBe(200);
    return String(res.headers["set-cookie"]).split(";")[0] as string;
  }

  it("offers the cart, shipping with its threshold and the payment methods", async () => {
    const variant = await product(5, 25_000);
    const cookie = await guestCart(variant.id, 2);
    const choices = await run(cookie, (web) => web.choices());
    expect(choices.signedIn).toBe(false);
    expect(choices.summary.lines).toHaveLength(1);
    expect(choices.summary.subtotal).toBe(50_000);
    expect(choices.summary.shippingOptions.length).toBeGreaterThan(0);
    expect(choices.summary.shippingOptions.some((o) => o.freeOver !== null)).toBe(true);
    expect(choices.paymentMethods.map((m) => m.id)).toEqual(expect.arrayContaining(["paytr", "bank_transfer", "cash_on_delivery"]));
    expect(choices.paymentMethods.find((m) => m.id === "cash_on_delivery")?.fee).toBe(1990);
    shippingMethodId = choices.summary.shippingOptions[0]?.id as string;
  });

  it("places the order the form describes; the same key returns the same order", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id);
    const key = `co-${randomUUID()}`;
    const first = await run(cookie, (web) => web.place(draft({ shippingMethodId }), key));
    if (!first.ok) throw new Error(`refused: ${JSON.stringify(first)}`);
    expect(first.replay).toBe(false);
    expect(first.next.type).toBe("bank_transfer");
    expect(first.orderPath).toMatch(new RegExp(`^/siparis/${first.number}\\?t=[\\w-]+$`));
    const again = await run(cookie, (web) => web.place(draft({ shippingMethodId }), key));
    expect(again).toMatchObject({ ok: true, number: first.number, replay: true });

    const token = new URL(first.orderPath, "http://x").searchParams.get("t");
    const order = await run("", (web) => web.order(first.number, token));
    expect(order?.status).toBe("awaiting_payment");
    expect(order?.bankAccounts[0]?.ibanText).toBe("TR33 0006 1005 1978 6457 8413 26");
    expect(order?.tone).toBe("warning");
    expect(order?.timeline.map((e) => e.toStatus)).toEqual(["awaiting_payment"]);
  });

  it("returns field errors by path and places nothing", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id);
    const refused = await run(cookie, (web) =>
      web.place(
        draft({
          shippingMethodId,
          email: "not-an-address",
          acceptContracts: false,
          shippingAddress: { ...draft().shippingAddress, phone: "0212 123 45 67" },
        }),
        `co-${randomUUID()}`,
      ),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.reason !== "invalid") throw new Error(`expected field errors: ${JSON.stringify(refused)}`);
    expect(refused.errors.map((e) => e.path).sort()).toEqual(["acceptContracts", "email", "shipping.phone"]);
    const still = await run(cookie, (web) => web.choices());
    expect(still.summary.lines).toHaveLength(1);
  });

  it("sends a corporate invoice with the delivery address and a different billing address", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id);
    const invoice = {
      type: "corporate" as const,
      tckn: "",
      companyName: "Yılmaz Yazılım A.Ş.",
      taxNumber: "1234567890",
      taxOffice: "Kadıköy",
    };
    const same = await run(cookie, (web) => web.place(draft({ shippingMethodId, invoice }), `co-${randomUUID()}`));
    if (!same.ok) throw new Error(`refused: ${JSON.stringify(same)}`);
    const token = new URL(same.orderPath, "http://x").searchParams.get("t");
    const order = await run("", (web) => web.order(same.number, token));
    expect(order?.invoice).toMatchObject({ type: "corporate", companyName: "Yılmaz Yazılım A.Ş.", taxNumber: "1234567890" });

    const other = await guestCart(variant.id);
    const billingAddress = {
      firstName: "Fatma",
      lastName: "Kara",
      phone: "0533 111 22 33",
      provinceCode: "6",
      district: "Çankaya",
      neighbourhood: "Ahlatlıbel Mah",
      addressLine: "Atatürk Bulvarı No: 5",
      postalCode: "",
    };
    const preview = await run(other, (web) => web.preview(draft({ shippingMethodId, billingSameAsShipping: false, billingAddress })));
    const pre = preview.documents.find((d) => d.kind === "pre-information")?.html ?? "";
    expect(pre).toContain("Fatma Kara");
    expect(pre).toContain("Çankaya / Ankara");
    expect(pre).toContain("Havale");
    const placed = await run(other, (web) =>
      web.place(draft({ shippingMethodId, billingSameAsShipping: false, billingAddress }), `co-${randomUUID()}`),
    );
    if (!placed.ok) throw new Error(`refused: ${JSON.stringify(placed)}`);
    const billed = await run("", (web) => web.order(placed.number, new URL(placed.orderPath, "http://x").searchParams.get("t")));
    expect(billed?.billingAddress).toMatchObject({ firstName: "Fatma", province: "Ankara" });
    expect(billed?.shippingAddress).toMatchObject({ firstName: "Ayşe", province: "İstanbul" });
  });

  it("previews a form with nothing typed yet, and prices cash on delivery with its fee", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id);
    const empty = draft({ email: "", shippingAddress: { ...draft().billingAddress }, paymentMethod: "cash_on_delivery" });
    const preview = await run(cookie, (web) => web.preview(empty));
    expect(preview.documents.map((d) => d.kind)).toEqual(["pre-information", "distance-sales"]);
    expect(preview.summary.paymentFee).toBe(1990);
    expect(preview.summary.grandTotal).toBe(preview.summary.subtotal + preview.summary.shippingTotal + 1990);
  });

  it("says which items sold out and trims the cart to what is left", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id, 3);
    await t.kernel.db.update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, variant.id));
    const refused = await run(cookie, (web) => web.place(draft({ shippingMethodId }), `co-${randomUUID()}`));
    expect(refused).toMatchObject({ ok: false, reason: "out-of-stock" });
    const after = await run(cookie, (web) => web.choices());
    // the refusal brought the cart down to the one unit left: the shopper sees it and can go on
    expect(after.summary.lines[0]).toMatchObject({ quantity: 1, available: 1, problem: null });
    expect(after.summary.ready).toBe(true);
  });

  it("refuses a coupon used up meanwhile, and places once the shopper removed it", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id);
    await t.kernel.db.insert(coupons).values({ tenantId, code: "TEKSEFER", title: "Bir kez", kind: "fixed", value: 1000, usageLimit: 1 });
    const applied = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/coupons",
      headers: { host: HOST, cookie },
      payload: { code: "teksefer" },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    await t.kernel.db.update(coupons).set({ usedCount: 1 }).where(eq(coupons.code, "TEKSEFER"));
    const refused = await run(cookie, (web) => web.place(draft({ shippingMethodId }), `co-${randomUUID()}`));
    expect(refused).toMatchObject({ ok: false, reason: "coupon", code: "TEKSEFER", problem: "used-up" });
    await run(cookie, (web) => web.removeCoupon("TEKSEFER"));
    const placed = await run(cookie, (web) => web.place(draft({ shippingMethodId }), `co-${randomUUID()}`));
    expect(placed.ok).toBe(true);
  });

  it("takes a return request for delivered lines", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id, 2);
    const placed = await run(cookie, (web) => web.place(draft({ shippingMethodId }), `co-${randomUUID()}`));
    if (!placed.ok) throw new Error(`refused: ${JSON.stringify(placed)}`);
    const token = new URL(placed.orderPath, "http://x").searchParams.get("t");
    const before = await run("", (web) => web.order(placed.number, token));
    if (!before) throw new Error("order not found");
    expect(before.canReturn).toBe(false);
    const ctx = { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, events: t.kernel.events, actor: { kind: "staff" as const } };
    await markBankTransferPaid({ ...ctx, gateways: {} }, tenantId, before.id, ctx.actor);
    await shipOrder(ctx, before.id, { carrier: "aras", trackingNumber: "AR12345678" });
    await setOrderStatus(ctx, before.id, "delivered");
    const delivered = await run("", (web) => web.order(placed.number, token));
    expect(delivered?.canReturn).toBe(true);
    expect(delivered?.shipments[0]).toMatchObject({ carrierName: "Aras Kargo", trackingNumber: "AR12345678" });
    expect(delivered?.shipments[0]?.trackingUrl).toContain("araskargo");
    const lineId = delivered?.lines[0]?.id as string;
    expect(
      await run("", (web) => web.requestReturn(placed.number, token, { reason: "x", lines: [{ lineId, quantity: 1 }] })),
    ).toMatchObject({
      ok: false,
      code: "invalid-reason",
    });
    expect(
      await run("", (web) => web.requestReturn(placed.number, token, { reason: "Beden uymadı", lines: [{ lineId, quantity: 3 }] })),
    ).toMatchObject({ ok: false, code: "invalid-line" });
    expect(
      await run("", (web) => web.requestReturn(placed.number, token, { reason: "Beden uymadı", lines: [{ lineId, quantity: 1 }] })),
    ).toEqual({ ok: true, value: null });
    const returned = await run("", (web) => web.order(placed.number, token));
    expect(returned?.status).toBe("return_requested");
    expect(returned?.lines[0]?.returnQuantity).toBe(1);
    expect(returned?.timeline.map((e) => e.toStatus)).toEqual(["awaiting_payment", "paid", "shipped", "delivered", "return_requested"]);
  });

  it("shows an order only with its key, cancels it once, and opens a card payment again", async () => {
    const variant = await product(5);
    const cookie = await guestCart(variant.id);
    const placed = await run(cookie, (web) => web.place(draft({ shippingMethodId, paymentMethod: "paytr" }), `co-${randomUUID()}`));
    if (!placed.ok) throw new Error(`refused: ${JSON.stringify(placed)}`);
    expect(placed.next.type).toBe("iframe");
    const token = new URL(placed.orderPath, "http://x").searchParams.get("t");
    expect(await run("", (web) => web.order(placed.number, "wrong-key"))).toBeNull();
    expect(await run("", (web) => web.order(placed.number, null))).toBeNull();
    expect(await run("", (web) => web.order("12", token))).toBeNull();

    const order = await run("", (web) => web.order(placed.number, token));
    expect(order?.canPay).toBe(true);
    expect(order?.bankAccounts).toEqual([]);
    const pay = await run("", (web) => web.pay(placed.number, token));
    expect(pay).toMatchObject({ ok: true, value: { type: "iframe" } });
    expect(await run("", (web) => web.pay(placed.number, "wrong-key"))).toMatchObject({ ok: false, code: "not-found" });

    expect(await run("", (web) => web.cancel(placed.number, token, "Vazgeçtim"))).toEqual({ ok: true, value: null });
    const cancelled = await run("", (web) => web.order(placed.number, token));
    expect(cancelled?.status).toBe("cancelled");
    expect(cancelled?.canCancel).toBe(false);
    expect(await run("", (web) => web.cancel(placed.number, token, ""))).toMatchObject({ ok: false, code: "not-cancellable" });
    expect(await run("", (web) => web.pay(placed.number, token))).toMatchObject({ ok: false, code: "not-awaiting-payment" });
    expect(await run("", (web) => web.orders(1))).toEqual({ items: [], total: 0, perPage: 20 });
  });
});
