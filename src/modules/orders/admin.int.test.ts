// The admin orders API on real orders placed through checkout: filters, search and pagination,
// the permission split (orders:read / orders:write), store isolation, the state machine (409),
// shipping with a tracking link, partial then full refunds, bulk changes with refusals, notes,
// PDFs, the audit trail and the live event stream. On PGlite, and on PostgreSQL with DATABASE_URL.

import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createCustomer, requester, signIn, staffSession } from "../../../test/people.ts";
import { auditEvents } from "../audit/schema.ts";
import { productVariants } from "../catalog/schema.ts";
import { createProduct } from "../catalog/write.ts";
import { numberPrefixRange, startOfTurkishDay } from "./admin.ts";
import { stockReservations } from "./schema.ts";

const A = "siparis-a.test";
const B = "siparis-b.test";

interface Placed {
  orderId: string;
  number: string;
  grandTotal: number;
  orderUrl: string;
}

describe("admin orders API", () => {
  let t: TestApp;
  let tenantA: string;
  let owner: string;
  let ownerId: string;
  let support: string;
  let catalogManager: string;
  let ownerB: string;
  let variantA: string;
  let variantB: string;
  const shippingMethod = new Map<string, string>();
  const asA = () => requester(t, A);
  const asB = () => requester(t, B);
  /** Orders placed in beforeAll, oldest first. */
  const bulkOrders: Placed[] = [];
  let codOrders: Placed[] = [];
  let sevval: Placed;
  let foreign: Placed;

  async function variantOf(host: string, tenantId: string, price: number, stock = 500) {
    const created = await createProduct(
      { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: `Sipariş ürünü ${host} ${price}`, status: "active", variants: [{ price, stock }] },
    );
    const [v] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, created.id));
    return (v as NonNullable<typeof v>).id;
  }

  async function place(
    host: string,
    variantId: string,
    options: { quantity?: number; email?: string; firstName?: string; lastName?: string; phone?: string; paymentMethod?: string } = {},
  ): Promise<Placed> {
    const cart = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host },
      payload: { variantId, quantity: options.quantity ?? 1 },
    });
    expect(cart.statusCode, cart.body).toBe(200);
    const cookie = String(cart.headers["set-cookie"]).split(";")[0] as string;
    if (!shippingMethod.has(host)) {
      const info = (await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host, cookie } })).json();
      shippingMethod.set(host, info.cart.shippingOptions[0].id);
    }
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { host, cookie, "idempotency-key": randomUUID() },
      payload: {
        email: options.email ?? "ayse@example.com",
        shippingAddress: {
          firstName: options.firstName ?? "Ayşe",
          lastName: options.lastName ?? "Yılmaz",
          phone: options.phone ?? "0532 123 45 67",
          provinceCode: 34,
          district: "Kadıköy",
          neighbourhood: "Caferağa Mah",
          addressLine: "Moda Cad. No: 12 D: 3",
          postalCode: "34710",
        },
        billingSameAsShipping: true,
        shippingMethodId: shippingMethod.get(host),
        paymentMethod: options.paymentMethod ?? "bank_transfer",
        acceptContracts: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    return { orderId: body.orderId, number: body.number, grandTotal: body.grandTotal, orderUrl: body.orderUrl };
  }

  const list = async (query: string, cookie = owner) => {
    const res = await asA()("GET", `/api/admin/orders${query}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: {
        id: string;
        number: string;
        status: string;
        tone: string;
        customerName: string;
        email: string;
        itemCount: number;
        grandTotal: number;
        paymentMethod: string;
      }[];
      total: number;
      page: number;
      perPage: number;
      statusCounts: Record<string, number>;
    };
  };
  const detail = async (id: string, cookie = owner) => {
    const res = await asA()("GET", `/api/admin/orders/${id}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: "100000", AUTH_RATE_LIMIT: "false" });
    tenantA = (await createStore(t.kernel, "siparis-a", [A], 0)).tenant.id;
    const tenantB = (await createStore(t.kernel, "siparis-b", [B], 0)).tenant.id;
    ({ cookie: owner, userId: ownerId } = await staffSession(t, tenantA, A, "owner@siparis-a.test", "owner"));
    ({ cookie: support } = await staffSession(t, tenantA, A, "destek@siparis-a.test", "support"));
    ({ cookie: catalogManager } = await staffSession(t, tenantA, A, "katalog@siparis-a.test", "catalog_manager"));
    ({ cookie: ownerB } = await staffSession(t, tenantB, B, "owner@siparis-b.test", "owner"));
    variantA = await variantOf(A, tenantA, 10_000);
    variantB = await variantOf(B, tenantB, 20_000);
    for (let i = 0; i < 26; i++) {
      bulkOrders.push(await place(A, variantA, { email: `kisi${i}@example.com`, firstName: `Kişi${i}`, lastName: "Deneme" }));
    }
    sevval = await place(A, variantA, {
      quantity: 2,
      email: "sevval.ozturk@example.com",
      firstName: "Şevval",
      lastName: "Öztürk",
      phone: "0555 987 65 43",
    });
    codOrders = [
      await place(A, variantA, { paymentMethod: "cash_on_delivery", email: "kapida@example.com", quantity: 3 }),
      await place(A, variantA, { paymentMethod: "cash_on_delivery", email: "kapida@example.com" }),
    ];
    foreign = await place(B, variantB, { email: "b-musterisi@example.com" });
  }, 240_000);

  afterAll(() => t?.close());

  it("lists 25 a page, newest first, with counts per status", async () => {
    const first = await list("");
    expect(first.total).toBe(29);
    expect(first.perPage).toBe(25);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]?.number).toBe(codOrders[1]?.number);
    expect(first.statusCounts.awaiting_payment).toBe(27);
    expect(first.statusCounts.preparing).toBe(2);
    const second = await list("?page=2");
    expect(second.items).toHaveLength(4);
    expect(second.items.at(-1)?.number).toBe(bulkOrders[0]?.number);
    const ids = new Set([...first.items, ...second.items].map((o) => o.id));
    expect(ids.size).toBe(29);
    expect(ids.has(foreign.orderId)).toBe(false);

    const row = first.items.find((o) => o.id === sevval.orderId);
    expect(row).toMatchObject({
      customerName: "Şevval Öztürk",
      email: "sevval.ozturk@example.com",
      itemCount: 2,
      status: "awaiting_payment",
      tone: "warning",
      paymentMethod: "bank_transfer",
    });
    expect(row?.grandTotal).toBe(sevval.grandTotal);
  });

  it("filters by status (one or many), payment method, customer e-mail and placing date", async () => {
    const preparing = await list("?status=preparing");
    expect(preparing.total).toBe(2);
    expect(preparing.items.map((o) => o.id).sort()).toEqual(codOrders.map((o) => o.orderId).sort());
    // the chips keep counting every status under the other filters
    expect(preparing.statusCounts.awaiting_payment).toBe(27);
    expect((await list("?status=preparing,awaiting_payment")).total).toBe(29);
    expect((await list("?status=preparing&status=paid")).total).toBe(2);
    expect((await list("?paymentMethod=cash_on_delivery")).total).toBe(2);
    expect((await list("?paymentMethod=bank_transfer&status=preparing")).total).toBe(0);
    const byCustomer = await list("?customer=KAPIDA@example.com");
    expect(byCustomer.total).toBe(2);
    expect(byCustomer.statusCounts.awaiting_payment).toBe(0);

    const day = (offset: number) =>
      new Date(startOfTurkishDay().getTime() + offset * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);
    expect((await list(`?from=${day(0)}`)).total).toBe(29);
    expect((await list(`?from=${day(0)}&to=${day(0)}`)).total).toBe(29);
    expect((await list(`?from=${day(1)}`)).total).toBe(0);
    expect((await list(`?to=${day(-1)}`)).total).toBe(0);
    const bad = await asA()("GET", "/api/admin/orders?from=dün&status=gone", owner);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/problem\+json/);
  });

  it("searches order numbers by prefix, e-mails, names (Turkish letters folded) and phone numbers", async () => {
    const exact = await list(`?q=${sevval.number}`);
    expect(exact.items.map((o) => o.id)).toEqual([sevval.orderId]);
    expect((await list(`?q=%23${sevval.number}`)).items.map((o) => o.id)).toEqual([sevval.orderId]);
    // every order number of this store shares its first digits
    const prefix = sevval.number.slice(0, 3);
    expect((await list(`?q=${prefix}`)).total).toBe(29);
    expect((await list("?q=sevval.ozturk")).items.map((o) => o.id)).toEqual([sevval.orderId]);
    expect((await list(`?q=${encodeURIComponent("ŞEVVAL öztürk")}`)).items.map((o) => o.id)).toEqual([sevval.orderId]);
    expect((await list("?q=sevval%20ozturk")).total).toBe(1);
    expect((await list(`?q=${encodeURIComponent("+90 555 987 65 43")}`)).items.map((o) => o.id)).toEqual([sevval.orderId]);
    expect((await list("?q=9876543")).total).toBe(1);
    expect((await list(`?q=${encodeURIComponent("kişi1")}`)).total).toBe(11); // Kişi1 and Kişi10–19
    expect((await list("?q=yok-boyle-biri")).total).toBe(0);
    // another store's customer is not found here
    expect((await list("?q=b-musterisi")).total).toBe(0);
  });

  it("sorts oldest first and by total", async () => {
    const oldest = await list("?sort=oldest");
    expect(oldest.items[0]?.number).toBe(bulkOrders[0]?.number);
    const byTotal = await list("?sort=total");
    const totals = byTotal.items.map((o) => o.grandTotal);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(byTotal.items[0]?.id).toBe(codOrders[0]?.orderId);
  });

  it("computes number prefix ranges that a btree can use", () => {
    expect(numberPrefixRange("123")).toEqual({ from: "123", to: "124" });
    expect(numberPrefixRange("129")).toEqual({ from: "129", to: "13" });
    expect(numberPrefixRange("999")).toEqual({ from: "999", to: null });
  });

  it("lets orders:read look but not change, and keeps other roles and stores out", async () => {
    const target = bulkOrders[1] as Placed;
    expect((await list("", support)).total).toBe(29);
    expect((await detail(target.orderId, support)).number).toBe(target.number);
    const refused = await asA()("POST", `/api/admin/orders/${target.orderId}/status`, support, { status: "cancelled" });
    expect(refused.statusCode).toBe(403);
    expect((await asA()("GET", "/api/admin/orders", catalogManager)).statusCode).toBe(403);
    expect((await asA()("GET", "/api/admin/orders")).statusCode).toBe(401);
    expect((await detail(target.orderId)).status).toBe("awaiting_payment");
  });

  it("isolates stores: store B neither sees nor changes store A's orders", async () => {
    const target = bulkOrders[2] as Placed;
    const listB = (await asB()("GET", "/api/admin/orders", ownerB)).json();
    expect(listB.total).toBe(1);
    expect(listB.items[0].id).toBe(foreign.orderId);
    expect((await asB()("GET", `/api/admin/orders/${target.orderId}`, ownerB)).statusCode).toBe(404);
    expect((await asB()("POST", `/api/admin/orders/${target.orderId}/status`, ownerB, { status: "cancelled" })).statusCode).toBe(404);
    expect((await asB()("POST", `/api/admin/orders/${target.orderId}/mark-paid`, ownerB)).statusCode).toBe(404);
    expect((await asB()("POST", `/api/admin/orders/${target.orderId}/notes`, ownerB, { message: "x" })).statusCode).toBe(404);
    expect((await asB()("GET", `/api/admin/orders/${target.orderId}/documents/packing-slip`, ownerB)).statusCode).toBe(404);
    const bulk = (await asB()("POST", "/api/admin/orders/bulk-status", ownerB, { ids: [target.orderId], status: "cancelled" })).json();
    expect(bulk.results).toEqual([expect.objectContaining({ id: target.orderId, ok: false, code: "not-found" })]);
    // A's session on B's host is not B's staff
    expect((await asB()("GET", "/api/admin/orders", owner)).statusCode).toBe(403);
    expect((await detail(target.orderId)).status).toBe("awaiting_payment");
  });

  it("refuses a move the state machine does not allow with 409 and leaves the order as it was", async () => {
    const target = bulkOrders[3] as Placed;
    const res = await asA()("POST", `/api/admin/orders/${target.orderId}/status`, owner, { status: "delivered" });
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/awaiting payment cannot become delivered/);
    const shipped = await asA()("POST", `/api/admin/orders/${target.orderId}/status`, owner, { status: "shipped" });
    expect(shipped.statusCode).toBe(400);
    const d = await detail(target.orderId);
    expect(d.status).toBe("awaiting_payment");
    expect(d.nextStatuses).toEqual(["paid", "cancelled", "pending_review"]);
    expect(d.events.filter((e: { kind: string }) => e.kind === "status")).toHaveLength(1);
  });

  it("marks a bank transfer paid, ships it with Yurtiçi and shows the tracking link and the timeline", async () => {
    const target = bulkOrders[4] as Placed;
    const paid = await asA()("POST", `/api/admin/orders/${target.orderId}/mark-paid`, owner);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe("paid");
    expect(paid.json().nextStatuses).toContain("preparing");
    const again = await asA()("POST", `/api/admin/orders/${target.orderId}/mark-paid`, owner);
    expect(again.statusCode).toBe(409);

    const badCarrier = await asA()("POST", `/api/admin/orders/${target.orderId}/shipments`, owner, {
      carrier: "kargo-x",
      trackingNumber: "123456",
    });
    expect(badCarrier.statusCode).toBe(400);
    const badNumber = await asA()("POST", `/api/admin/orders/${target.orderId}/shipments`, owner, {
      carrier: "yurtici",
      trackingNumber: "12 ?",
    });
    expect(badNumber.statusCode).toBe(400);

    const shipped = await asA()("POST", `/api/admin/orders/${target.orderId}/shipments`, owner, {
      carrier: "yurtici",
      trackingNumber: "YK123456789",
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    const d = shipped.json();
    expect(d.status).toBe("shipped");
    expect(d.tone).toBe("accent");
    expect(d.shipments).toHaveLength(1);
    expect(d.shipments[0]).toMatchObject({ carrier: "yurtici", carrierName: "Yurtiçi Kargo", trackingNumber: "YK123456789" });
    expect(d.shipments[0].trackingUrl).toBe("https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=YK123456789");
    const moves = d.events
      .filter((e: { kind: string }) => e.kind === "status")
      .map((e: { fromStatus: string | null; toStatus: string; actor: string; actorUser: { email: string } | null }) => [
        e.fromStatus,
        e.toStatus,
        e.actor,
        e.actorUser?.email ?? null,
      ]);
    expect(moves).toEqual([
      [null, "awaiting_payment", "system", null],
      ["awaiting_payment", "paid", "staff", "owner@siparis-a.test"],
      ["paid", "shipped", "staff", "owner@siparis-a.test"],
    ]);
    expect(d.nextStatuses).toEqual(["delivered", "return_requested"]);
    expect(d.payments).toEqual([expect.objectContaining({ method: "bank_transfer", status: "succeeded", amount: target.grandTotal })]);
    expect(JSON.stringify(d.payments)).not.toMatch(/raw|refundRefs/);

    const trail = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.targetId, target.orderId)));
    expect(trail.map((e) => e.type).sort()).toEqual(["order.mark_paid", "order.ship"]);
    expect(trail.every((e) => e.actorId === ownerId)).toBe(true);
    expect(trail.find((e) => e.type === "order.ship")?.after).toMatchObject({ status: "shipped", carrier: "yurtici" });

    // then delivered and completed through the status endpoint
    const delivered = await asA()("POST", `/api/admin/orders/${target.orderId}/status`, owner, {
      status: "delivered",
      message: "Teslim edildi",
    });
    expect(delivered.json().status).toBe("delivered");
    expect(delivered.json().shipments[0].deliveredAt).not.toBeNull();
  });

  it("refunds part before shipping (the order stays on its way), then the rest: refunded", async () => {
    const target = sevval;
    await asA()("POST", `/api/admin/orders/${target.orderId}/mark-paid`, owner);
    const before = await detail(target.orderId);
    expect(before.refundable).toBe(target.grandTotal);
    const line = before.lines[0];
    expect(line.quantity).toBe(2);

    expect((await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, { amount: 1000, reason: "" })).statusCode).toBe(400);
    expect((await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, { amount: -5, reason: "Hasarlı" })).statusCode).toBe(
      400,
    );
    const tooMuch = await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, {
      amount: target.grandTotal + 1,
      reason: "Fazla",
    });
    expect(tooMuch.statusCode).toBe(409);
    const badLine = await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, {
      reason: "Hasarlı",
      lines: { [line.id]: 3 },
    });
    expect(badLine.statusCode).toBe(400);

    // one of the two units: half the line's total
    const partial = await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, {
      reason: "Bir ürün hasarlı",
      lines: { [line.id]: 1 },
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const p = partial.json();
    // a missing item refunded before shipping: the rest still ships
    expect(p.status).toBe("paid");
    expect(p.nextStatuses).toContain("shipped");
    expect(p.refundedTotal).toBe(Math.round(line.total / 2));
    expect(p.refundable).toBe(target.grandTotal - Math.round(line.total / 2));
    expect(p.lines[0].refundedQuantity).toBe(1);
    expect(p.refunds).toEqual([
      expect.objectContaining({
        amount: Math.round(line.total / 2),
        reason: "Bir ürün hasarlı",
        method: "bank_transfer",
        lines: { [line.id]: 1 },
      }),
    ]);
    expect(p.refunds[0].actorUser.email).toBe("owner@siparis-a.test");

    const full = await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, { reason: "Sipariş iptal, kalan iade" });
    expect(full.statusCode, full.body).toBe(200);
    const f = full.json();
    expect(f.status).toBe("refunded");
    expect(f.refundedTotal).toBe(target.grandTotal);
    expect(f.refundable).toBe(0);
    expect(f.nextStatuses).toEqual([]);
    const more = await asA()("POST", `/api/admin/orders/${target.orderId}/refunds`, owner, { reason: "Bir daha" });
    expect(more.statusCode).toBe(400);
  });

  it("changes many orders: each succeeds or fails on its own", async () => {
    const p1 = bulkOrders[5] as Placed;
    const p2 = bulkOrders[6] as Placed;
    const waiting = bulkOrders[7] as Placed;
    for (const o of [p1, p2]) expect((await asA()("POST", `/api/admin/orders/${o.orderId}/mark-paid`, owner)).statusCode).toBe(200);
    const missing = randomUUID();
    const res = await asA()("POST", "/api/admin/orders/bulk-status", owner, {
      ids: [p1.orderId, waiting.orderId, missing, p2.orderId],
      status: "preparing",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.updated).toBe(2);
    expect(body.failed).toBe(2);
    expect(body.results).toEqual([
      { id: p1.orderId, number: p1.number, ok: true, status: "preparing" },
      expect.objectContaining({ id: waiting.orderId, number: waiting.number, ok: false, code: "invalid-transition" }),
      expect.objectContaining({ id: missing, number: null, ok: false, code: "not-found" }),
      { id: p2.orderId, number: p2.number, ok: true, status: "preparing" },
    ]);
    expect((await detail(waiting.orderId)).status).toBe("awaiting_payment");
    expect((await detail(p2.orderId)).status).toBe("preparing");
    expect((await asA()("POST", "/api/admin/orders/bulk-status", owner, { ids: [], status: "preparing" })).statusCode).toBe(400);

    // "paid" for a bank transfer confirms the transfer (the payment row too), like the mark-paid action
    const transfer = bulkOrders[12] as Placed;
    const paid = (await asA()("POST", "/api/admin/orders/bulk-status", owner, { ids: [transfer.orderId], status: "paid" })).json();
    expect(paid.results).toEqual([{ id: transfer.orderId, number: transfer.number, ok: true, status: "paid" }]);
    expect((await detail(transfer.orderId)).payments[0]).toMatchObject({ status: "succeeded" });
    const refund = await asA()("POST", `/api/admin/orders/${transfer.orderId}/status`, owner, { status: "refunded" });
    expect(refund.statusCode).toBe(400);
    expect(refund.json().detail).toMatch(/Refund the order/);

    // bulk cancel of unpaid orders gives their stock back
    const cancel = await asA()("POST", "/api/admin/orders/bulk-status", owner, {
      ids: [bulkOrders[8]?.orderId, bulkOrders[9]?.orderId],
      status: "cancelled",
    });
    expect(cancel.json().updated).toBe(2);
    expect((await list("?status=cancelled")).total).toBe(2);
    const held = await t.kernel.db
      .select({ state: stockReservations.state })
      .from(stockReservations)
      .where(inArray(stockReservations.orderId, [bulkOrders[8]?.orderId as string, bulkOrders[9]?.orderId as string]));
    expect(held.map((r) => r.state)).toEqual(["released", "released"]);
  });

  it("keeps internal notes from the shopper and shows public ones", async () => {
    const target = bulkOrders[10] as Placed;
    expect(
      (await asA()("POST", `/api/admin/orders/${target.orderId}/notes`, owner, { message: "  ", visibility: "internal" })).statusCode,
    ).toBe(400);
    await asA()("POST", `/api/admin/orders/${target.orderId}/notes`, owner, {
      message: "Müşteri aradı, adres teyit edildi",
      visibility: "internal",
    });
    const res = await asA()("POST", `/api/admin/orders/${target.orderId}/notes`, owner, {
      message: "Siparişiniz yarın kargoda",
      visibility: "public",
    });
    const notes = res.json().events.filter((e: { kind: string }) => e.kind === "note");
    expect(notes.map((n: { message: string; internal: boolean }) => [n.message, n.internal])).toEqual([
      ["Müşteri aradı, adres teyit edildi", true],
      ["Siparişiniz yarın kargoda", false],
    ]);
    const url = new URL(target.orderUrl);
    const shopper = await t.app.inject({ method: "GET", url: `/api/v1/orders/${target.number}${url.search}`, headers: { host: A } });
    expect(shopper.statusCode, shopper.body).toBe(200);
    expect(shopper.body).toContain("Siparişiniz yarın kargoda");
    expect(shopper.body).not.toContain("adres teyit edildi");
  });

  it("serves the invoice, packing slip and legal documents as PDFs", async () => {
    const unpaid = bulkOrders[11] as Placed;
    const invoice = await asA()("GET", `/api/admin/orders/${unpaid.orderId}/documents/invoice`, support);
    expect(invoice.statusCode).toBe(409);
    for (const kind of ["packing-slip", "pre-information", "distance-sales"]) {
      const res = await asA()("GET", `/api/admin/orders/${unpaid.orderId}/documents/${kind}`, support);
      expect(res.statusCode, `${kind}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
    const cod = await asA()("GET", `/api/admin/orders/${codOrders[1]?.orderId}/documents/invoice?download=1`, support);
    expect(cod.statusCode).toBe(200);
    expect(cod.headers["content-disposition"]).toBe(`attachment; filename="invoice-${codOrders[1]?.number}.pdf"`);
    const d = await detail(unpaid.orderId);
    expect(d.documents.map((doc: { kind: string }) => doc.kind)).toEqual(["distance-sales", "pre-information"]);
  });

  it("streams the store's order changes as server-sent events", async () => {
    const stream = asA()("GET", "/api/admin/orders/events?closeAfter=1.5", support);
    await new Promise((r) => setTimeout(r, 200));
    const placed = await place(A, variantA, { email: "canli@example.com" });
    await place(B, variantB, { email: "baska-magaza@example.com" });
    const res = await stream;
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/event-stream/);
    const messages = res.body
      .split("\n\n")
      .filter((chunk) => chunk.startsWith("event: order"))
      .map((chunk) => JSON.parse(chunk.split("data: ")[1] as string));
    expect(messages).toEqual([
      expect.objectContaining({ orderId: placed.orderId, number: placed.number, status: "awaiting_payment", version: 1 }),
    ]);
    expect((await asA()("GET", "/api/admin/orders/events?closeAfter=1", catalogManager)).statusCode).toBe(403);
  });

  it("filters by the customer's id and shows the customer on the order", async () => {
    const { customerId } = await createCustomer(t, tenantA, "uye@example.com", "Üye Müşteri");
    const session = await signIn(t, A, "uye@example.com");
    const cart = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host: A, origin: `http://${A}`, cookie: session },
      payload: { variantId: variantA, quantity: 1 },
    });
    expect(cart.statusCode, cart.body).toBe(200);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { host: A, origin: `http://${A}`, cookie: session, "idempotency-key": randomUUID() },
      payload: {
        shippingAddress: {
          firstName: "Üye",
          lastName: "Müşteri",
          phone: "0533 000 11 22",
          provinceCode: 6,
          district: "Çankaya",
          neighbourhood: "Kızılay Mah",
          addressLine: "Atatürk Blv. 1",
        },
        billingSameAsShipping: true,
        shippingMethodId: shippingMethod.get(A),
        paymentMethod: "cash_on_delivery",
        acceptContracts: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const byId = await list(`?customer=${customerId}`);
    expect(byId.items.map((o) => o.id)).toEqual([res.json().orderId]);
    const d = await detail(res.json().orderId);
    expect(d.customer).toEqual({ id: customerId, name: "Üye Müşteri", email: "uye@example.com", orderCount: 1 });
    expect(d.shippingAddress.province).toBe("Ankara");
  });
});
