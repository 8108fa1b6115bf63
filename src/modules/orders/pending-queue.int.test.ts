// The pending-order queue on a real database (PGlite; PostgreSQL with DATABASE_URL): priority
// order, starvation-freedom, stock and budget checks, and several workers racing over one queue.

import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createCustomer, requester, signIn, staffSession } from "../../../test/people.ts";
import { products, productVariants } from "../catalog/schema.ts";
import { createProduct } from "../catalog/write.ts";
import { type CustomerTier, customers, storeCreditEntries } from "../customers/schema.ts";
import { payments } from "../payments/schema.ts";
import { activeShippingMethods } from "../shipping/service.ts";
import { getQueueView, type PassResult, PENDING_REVIEW_QUEUE, priorityScore, processPendingOrders } from "./pending-queue.ts";
import { insertPendingOrder, type OrderableVariant, orderableVariants, type PendingOrderSpec, type Shopper } from "./queue-test-orders.ts";
import { orderEvents, orders, stockReservations } from "./schema.ts";

const HOST = "kuyruk.test";
const OTHER = "baska-kuyruk.test";
const address = {
  firstName: "Ayşe",
  lastName: "Yılmaz",
  phone: "+905321234567",
  provinceCode: 34,
  province: "İstanbul",
  district: "Kadıköy",
  neighbourhood: "Caferağa Mah",
  addressLine: "Moda Cad. No: 12 D: 3",
  postalCode: "34710",
};
const MINUTE = 60_000;

describe("pending-order queue", () => {
  let t: TestApp;
  let tenantId: string;
  let otherTenantId: string;
  let seq = 0;
  const unique = (p: string) => `${p}-${++seq}-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: "100000", AUTH_RATE_LIMIT: "false" });
    tenantId = (await createStore(t.kernel, "kuyruk", [HOST], 0)).tenant.id;
    otherTenantId = (await createStore(t.kernel, "baska", [OTHER], 0)).tenant.id;
    // credit-only orders over 100 ₺ wait for a budget check
    await t.kernel.db.execute(
      sql`update tenants set settings = jsonb_set(settings, '{payments,storeCredit}', '{"enabled": true, "reviewOver": 10000}') where id = ${tenantId}`,
    );
    t.kernel.tenants.invalidate();
  });
  afterAll(() => t?.close());

  const db = () => t.kernel.db;
  const deps = () => ({ db: t.kernel.db, jobs: t.kernel.jobs, events: t.kernel.events });
  const pass = (store = tenantId) => processPendingOrders(deps(), { tenantId: store });

  async function variant(stock: number, saleMode: "normal" | "backorder" | "preorder" = "normal", price = 10_000, store = tenantId) {
    const created = await createProduct(
      { db: db(), tenantId: store, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: unique("Ürün"), status: "active", variants: [{ price, stock }] },
    );
    await db().update(products).set({ saleMode }).where(eq(products.id, created.id));
    const [row] = await db().select({ id: productVariants.id }).from(productVariants).where(eq(productVariants.productId, created.id));
    const [v] = await orderableVariants(db(), store, [row?.id as string]);
    return v as OrderableVariant;
  }

  async function shopper(tier: CustomerTier, credit = 0, store = tenantId): Promise<Shopper & { cookie?: string }> {
    const email = `${unique("musteri")}@example.com`;
    const { customerId } = await createCustomer(t, store, email, "Deneme Müşteri");
    await db().update(customers).set({ tier, storeCredit: credit }).where(eq(customers.id, customerId));
    return { customerId, tier, name: "Deneme Müşteri", email, phone: null };
  }

  async function pending(
    who: Shopper,
    lines: PendingOrderSpec["lines"],
    options: {
      reason?: PendingOrderSpec["reason"];
      method?: PendingOrderSpec["method"];
      minutesAgo?: number;
      placedAt?: Date;
      store?: string;
    } = {},
  ) {
    const store = options.store ?? tenantId;
    const reason = options.reason ?? "backorder";
    const shippingMethods = await activeShippingMethods({ db: db(), tenantId: store, locale: "tr" });
    const order = await db().transaction((tx) =>
      insertPendingOrder(tx, t.kernel.jobs, {
        tenantId: store,
        currency: "TRY",
        shopper: who,
        address,
        lines,
        reason,
        method: options.method ?? (reason === "budget" ? "store_credit" : "bank_transfer"),
        shippingMethods,
        paymentFee: options.method === "cash_on_delivery" ? 1990 : 0,
        placedAt: options.placedAt ?? new Date(Date.now() - (options.minutesAgo ?? 0) * MINUTE),
      }),
    );
    if (!order) throw new Error("no order");
    return order;
  }

  const orderRow = async (id: string) => (await db().select().from(orders).where(eq(orders.id, id)))[0] as typeof orders.$inferSelect;
  const stockOf = async (variantId: string) =>
    (await db().select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, variantId)))[0]?.stock;
  const setStock = (variantId: string, stock: number) =>
    db().update(productVariants).set({ stock }).where(eq(productVariants.id, variantId));
  const creditOf = async (customerId: string) =>
    (await db().select({ credit: customers.storeCredit }).from(customers).where(eq(customers.id, customerId)))[0]?.credit;
  const decisionEvents = (orderId: string) =>
    db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), sql`${orderEvents.message} like 'queue:%'`, eq(orderEvents.kind, "note")));
  const decisionOf = (result: PassResult, orderId: string) => result.decisions.filter((d) => d.orderId === orderId);

  it("serves premium first at equal wait: the one unit that arrives goes to the premium customer", async () => {
    const v = await variant(0, "backorder");
    const placedAt = new Date(Date.now() - 30 * MINUTE);
    const standard = await pending(await shopper("standard"), [{ variant: v, quantity: 1, take: false }], { placedAt });
    const premium = await pending(await shopper("premium"), [{ variant: v, quantity: 1, take: false }], { placedAt });

    const view = await getQueueView(db(), tenantId);
    const mine = view.items.filter((i) => i.id === standard.id || i.id === premium.id);
    expect(mine.map((i) => i.id)).toEqual([premium.id, standard.id]);
    expect(mine[0]?.score).toBeCloseTo(100 + (mine[0]?.waitedMinutes ?? 0), 6);
    expect(mine[0]?.waitedMinutes).toBeCloseTo(mine[1]?.waitedMinutes ?? -1, 6);
    expect(mine[1]?.missing).toEqual([{ kind: "stock", title: v.title, variantLabel: null, needed: 1, available: 0 }]);

    await setStock(v.variantId, 1);
    const before = Date.now();
    const result = await pass();
    const [p] = decisionOf(result, premium.id);
    const [s] = decisionOf(result, standard.id);
    expect(p).toMatchObject({ decision: "approved", reason: "stock-available", status: "awaiting_payment", tier: "premium" });
    expect(s).toMatchObject({ decision: "skipped", reason: "waiting-for-stock", status: "pending_review" });
    expect(result.decisions.findIndex((d) => d.orderId === premium.id)).toBeLessThan(
      result.decisions.findIndex((d) => d.orderId === standard.id),
    );
    expect(p?.score).toBeGreaterThan(s?.score ?? Number.POSITIVE_INFINITY);
    expect(await stockOf(v.variantId)).toBe(0);
    // bank transfer: the approved order waits for the money with a fresh 48-hour hold
    const approved = await orderRow(premium.id);
    expect(approved.status).toBe("awaiting_payment");
    const hold = (approved.reservationExpiresAt?.getTime() ?? 0) - before;
    expect(hold).toBeGreaterThan(47.9 * 60 * MINUTE);
    expect(hold).toBeLessThan(48.1 * 60 * MINUTE);
    const [reservation] = await db().select().from(stockReservations).where(eq(stockReservations.orderId, premium.id));
    expect(reservation).toMatchObject({ variantId: v.variantId, quantity: 1, state: "held" });
    // the skipped order is noted as looked at, not decided
    const waiting = await orderRow(standard.id);
    expect(waiting.reviewAttempts).toBe(1);
    expect(waiting.reviewCheckedAt).not.toBeNull();
    expect(await decisionEvents(standard.id)).toHaveLength(0);
    // the decision is an internal order event with the reason and the score
    const [event] = await decisionEvents(premium.id);
    expect(event?.visibility).toBe("internal");
    expect(event?.message).toBe("queue:approved:stock-available");
    expect((event?.data as { queue: { score: number; tier: string } }).queue).toMatchObject({ score: p?.score, tier: "premium" });
  });

  it("lets an old standard order beat a new premium one once it has waited longer than the premium bonus", async () => {
    // 150 minutes of waiting (score 150) against a premium order of 10 minutes (score 110)
    const v1 = await variant(0, "backorder");
    const oldStandard = await pending(await shopper("standard"), [{ variant: v1, quantity: 1, take: false }], { minutesAgo: 150 });
    const newPremium = await pending(await shopper("premium"), [{ variant: v1, quantity: 1, take: false }], { minutesAgo: 10 });
    // 50 minutes (score 50) is not enough against the same premium wait (score 110)
    const v2 = await variant(0, "preorder");
    const youngStandard = await pending(await shopper("standard"), [{ variant: v2, quantity: 1, take: false }], {
      minutesAgo: 50,
      reason: "preorder",
    });
    const premium2 = await pending(await shopper("premium"), [{ variant: v2, quantity: 1, take: false }], {
      minutesAgo: 10,
      reason: "preorder",
    });
    await setStock(v1.variantId, 1);
    await setStock(v2.variantId, 1);

    const result = await pass();
    expect(decisionOf(result, oldStandard.id)[0]).toMatchObject({ decision: "approved", tier: "standard" });
    expect(decisionOf(result, newPremium.id)[0]).toMatchObject({ decision: "skipped" });
    expect(decisionOf(result, premium2.id)[0]).toMatchObject({ decision: "approved", tier: "premium" });
    expect(decisionOf(result, youngStandard.id)[0]).toMatchObject({ decision: "skipped" });
    const old = decisionOf(result, oldStandard.id)[0];
    expect(old?.score).toBeGreaterThan(149.9);
    expect(old?.score).toBeCloseTo(priorityScore("standard", old?.waitedMinutes ?? 0), 6);
    expect(decisionOf(result, newPremium.id)[0]?.score).toBeLessThan(old?.score ?? 0);
  });

  it("shows the queue sorted by the score the formula gives", async () => {
    const v = await variant(0, "backorder");
    for (const [tier, minutes] of [
      ["standard", 5],
      ["premium", 0],
      ["standard", 130],
      ["premium", 45],
    ] as const) {
      await pending(await shopper(tier), [{ variant: v, quantity: 2, take: false }], { minutesAgo: minutes });
    }
    const view = await getQueueView(db(), tenantId);
    expect(view.total).toBe(view.items.length);
    expect(view.items.length).toBeGreaterThanOrEqual(4);
    for (const item of view.items) expect(item.score).toBeCloseTo(priorityScore(item.tier, item.waitedMinutes), 6);
    const scores = view.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(view.premium).toBe(view.items.filter((i) => i.tier === "premium").length);
  });

  it("approves a backorder once its stock arrives, keeping the lines already taken", async () => {
    const waiting = await variant(0, "backorder", 25_000);
    const inStock = await variant(4, "normal", 5_000);
    const order = await pending(
      await shopper("standard"),
      [
        { variant: waiting, quantity: 3, take: false },
        { variant: inStock, quantity: 1, take: true },
      ],
      { method: "cash_on_delivery", minutesAgo: 20 },
    );
    expect(await stockOf(inStock.variantId)).toBe(3);

    const first = await pass();
    expect(decisionOf(first, order.id)[0]).toMatchObject({
      decision: "skipped",
      missing: [{ kind: "stock", needed: 3, available: 0 }],
    });
    expect((await orderRow(order.id)).status).toBe("pending_review");
    expect(await stockOf(waiting.variantId)).toBe(0);
    // the same pass never looks at it twice; a new pass does
    await setStock(waiting.variantId, 2);
    expect(decisionOf(await pass(), order.id)[0]).toMatchObject({ decision: "skipped", missing: [{ needed: 3, available: 2 }] });

    await setStock(waiting.variantId, 5);
    const result = await pass();
    expect(decisionOf(result, order.id)[0]).toMatchObject({ decision: "approved", reason: "stock-available", status: "preparing" });
    expect(await stockOf(waiting.variantId)).toBe(2);
    expect(await stockOf(inStock.variantId)).toBe(3);
    const held = await db().select().from(stockReservations).where(eq(stockReservations.orderId, order.id));
    expect(held.map((r) => [r.variantId, r.quantity, r.state]).sort()).toEqual(
      [
        [waiting.variantId, 3, "committed"],
        [inStock.variantId, 1, "committed"],
      ].sort(),
    );
    const after = await orderRow(order.id);
    expect(after.status).toBe("preparing");
    expect(after.reservationExpiresAt).toBeNull();
    const statusEvents = await db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, "status")));
    expect(statusEvents.at(-1)).toMatchObject({
      fromStatus: "pending_review",
      toStatus: "preparing",
      message: "queue:approved:stock-available",
    });
    // decided once: a later pass does not see it
    expect(decisionOf(await pass(), order.id)).toEqual([]);
  });

  it("rejects a backorder still without stock after its maximum wait, and gives back what it held", async () => {
    const waiting = await variant(1, "backorder");
    const inStock = await variant(2, "normal");
    const order = await pending(
      await shopper("premium"),
      [
        { variant: waiting, quantity: 2, take: false },
        { variant: inStock, quantity: 2, take: true },
      ],
      { minutesAgo: 7 * 24 * 60 + 1 },
    );
    expect(await stockOf(inStock.variantId)).toBe(0);
    const result = await pass();
    expect(decisionOf(result, order.id)[0]).toMatchObject({
      decision: "rejected",
      reason: "out-of-stock",
      status: "cancelled",
      missing: [{ kind: "stock", title: waiting.title, needed: 2, available: 1 }],
    });
    const after = await orderRow(order.id);
    expect(after.status).toBe("cancelled");
    expect(after.cancelReason).toBe("rejected:out-of-stock");
    expect(await stockOf(inStock.variantId)).toBe(2);
    expect(await stockOf(waiting.variantId)).toBe(1);
    const [payment] = await db().select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment?.status).toBe("cancelled");
    const [event] = await decisionEvents(order.id);
    expect(event?.message).toBe("queue:rejected:out-of-stock");
    expect((event?.data as { queue: { missing: unknown[] } }).queue.missing).toHaveLength(1);
  });

  it("rejects a budget order whose customer lacks the credit, taking nothing", async () => {
    const item = await variant(3, "normal", 20_000);
    const poor = await shopper("premium", 5_000);
    const order = await pending(poor, [{ variant: item, quantity: 1, take: true }], { reason: "budget" });
    const row = await orderRow(order.id);
    expect(row.grandTotal).toBeGreaterThan(5_000);
    const result = await pass();
    expect(decisionOf(result, order.id)[0]).toMatchObject({
      decision: "rejected",
      reason: "insufficient-credit",
      missing: [{ kind: "credit", needed: row.grandTotal, available: 5_000 }],
    });
    expect(await creditOf(poor.customerId)).toBe(5_000);
    expect(await db().select().from(storeCreditEntries).where(eq(storeCreditEntries.orderId, order.id))).toEqual([]);
    expect(await stockOf(item.variantId)).toBe(3);
    const after = await orderRow(order.id);
    expect(after).toMatchObject({ status: "cancelled", cancelReason: "rejected:insufficient-credit", paidAt: null });
    const [payment] = await db().select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment).toMatchObject({ method: "store_credit", status: "cancelled" });
  });

  it("approves a budget order the credit covers: paid, credit taken once with a ledger row, stock sold", async () => {
    const item = await variant(3, "normal", 20_000);
    const rich = await shopper("standard", 100_000);
    const order = await pending(rich, [{ variant: item, quantity: 2, take: true }], { reason: "budget" });
    const total = (await orderRow(order.id)).grandTotal;
    const result = await pass();
    expect(decisionOf(result, order.id)[0]).toMatchObject({ decision: "approved", reason: "credit-taken", status: "paid" });
    expect(await creditOf(rich.customerId)).toBe(100_000 - total);
    const ledger = await db().select().from(storeCreditEntries).where(eq(storeCreditEntries.orderId, order.id));
    expect(ledger.map((e) => [e.amount, e.balanceAfter])).toEqual([[-total, 100_000 - total]]);
    const [payment] = await db().select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment).toMatchObject({ method: "store_credit", status: "succeeded", amount: total });
    expect((await orderRow(order.id)).paidAt).not.toBeNull();
    const [reservation] = await db().select().from(stockReservations).where(eq(stockReservations.orderId, order.id));
    expect(reservation?.state).toBe("committed");
    expect(await stockOf(item.variantId)).toBe(1);
  });

  it("takes a credit-only order placed at checkout over the review amount through the queue", async () => {
    const item = await variant(5, "normal", 30_000);
    const email = `${unique("bakiye")}@example.com`;
    const { customerId } = await createCustomer(t, tenantId, email, "Bakiye Müşteri");
    await db().update(customers).set({ storeCredit: 200_000 }).where(eq(customers.id, customerId));
    const cookie = await signIn(t, HOST, email);
    const add = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host: HOST, origin: `http://${HOST}`, cookie },
      payload: { variantId: item.variantId, quantity: 1 },
    });
    expect(add.statusCode, add.body).toBe(200);
    const checkout = (
      await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host: HOST, origin: `http://${HOST}`, cookie } })
    ).json();
    const placed = await t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { host: HOST, origin: `http://${HOST}`, cookie, "idempotency-key": randomUUID() },
      payload: {
        email,
        shippingAddress: address,
        billingSameAsShipping: true,
        shippingMethodId: checkout.cart.shippingOptions[0].id,
        paymentMethod: "store_credit",
        useStoreCredit: true,
        acceptContracts: true,
      },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json().orderId as string;
    expect(await orderRow(orderId)).toMatchObject({ status: "pending_review", reviewReason: "budget" });
    expect(await creditOf(customerId)).toBe(200_000);
    const result = await pass();
    expect(decisionOf(result, orderId)[0]).toMatchObject({ decision: "approved", reason: "credit-taken", status: "paid" });
    const total = (await orderRow(orderId)).grandTotal;
    expect(await creditOf(customerId)).toBe(200_000 - total);
  });

  it("takes a backorder placed at checkout beyond the stock through the queue", async () => {
    const item = await variant(1, "backorder", 15_000);
    const add = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host: HOST },
      payload: { variantId: item.variantId, quantity: 3 },
    });
    expect(add.statusCode, add.body).toBe(200);
    const cookie = String(add.headers["set-cookie"]).split(";")[0] as string;
    const checkout = (await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host: HOST, cookie } })).json();
    const placed = await t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { host: HOST, cookie, "idempotency-key": randomUUID() },
      payload: {
        email: "misafir@example.com",
        shippingAddress: address,
        billingSameAsShipping: true,
        shippingMethodId: checkout.cart.shippingOptions[0].id,
        paymentMethod: "bank_transfer",
        acceptContracts: true,
      },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json().orderId as string;
    expect(await orderRow(orderId)).toMatchObject({ status: "pending_review", reviewReason: "backorder" });
    expect(decisionOf(await pass(), orderId)[0]).toMatchObject({ decision: "skipped", missing: [{ needed: 3, available: 1 }] });
    await setStock(item.variantId, 4);
    expect(decisionOf(await pass(), orderId)[0]).toMatchObject({ decision: "approved", status: "awaiting_payment" });
    expect(await stockOf(item.variantId)).toBe(1);
  });

  it("four concurrent passes decide each of 50 orders exactly once; stock and credit never go negative", async () => {
    const scarce = await variant(0, "backorder", 10_000);
    const plenty = await variant(100, "normal", 10_000);
    const payers = [
      await shopper("premium", 30_000),
      await shopper("premium", 30_000),
      await shopper("standard", 30_000),
      await shopper("standard", 30_000),
    ];
    const waiters = [await shopper("premium"), await shopper("standard"), await shopper("standard")];
    const ids: string[] = [];
    const backorderQty = new Map<string, number>();
    // 30 backorders past their maximum wait (each is approved or rejected, none waits) …
    for (let i = 0; i < 30; i++) {
      const quantity = (i % 2) + 1;
      const o = await pending(waiters[i % 3] as Shopper, [{ variant: scarce, quantity, take: false }], { minutesAgo: 8 * 24 * 60 + i });
      ids.push(o.id);
      backorderQty.set(o.id, quantity);
    }
    // … and 20 budget checks, five per customer, whose credit covers two or three of them
    for (let i = 0; i < 20; i++) {
      const o = await pending(payers[i % 4] as Shopper, [{ variant: plenty, quantity: 1, take: true }], {
        reason: "budget",
        minutesAgo: i,
      });
      ids.push(o.id);
    }
    expect(await stockOf(plenty.variantId)).toBe(80);
    await setStock(scarce.variantId, 25);

    const passes = await Promise.all([pass(), pass(), pass(), pass()]);
    // the passes shared the work (they ran side by side, none took the queue alone)
    expect(passes.filter((p) => p.decisions.length > 0).length).toBeGreaterThan(1);
    const mine = passes.flatMap((p) => p.decisions).filter((d) => ids.includes(d.orderId));
    expect(mine.filter((d) => d.decision === "skipped" || d.decision === "failed")).toEqual([]);
    expect(mine).toHaveLength(50);
    expect(new Set(mine.map((d) => d.orderId)).size).toBe(50);
    // every order left the queue, with exactly one decision event
    const rows = await db().select().from(orders).where(inArray(orders.id, ids));
    expect(rows.filter((r) => r.status === "pending_review")).toEqual([]);
    const counts = await db()
      .select({ orderId: orderEvents.orderId, n: sql<number>`count(*)::int` })
      .from(orderEvents)
      .where(and(inArray(orderEvents.orderId, ids), sql`${orderEvents.message} like 'queue:%'`, eq(orderEvents.kind, "note")))
      .groupBy(orderEvents.orderId);
    expect(counts).toHaveLength(50);
    expect(counts.every((c) => c.n === 1)).toBe(true);

    // stock: what the approved backorders took, and not a unit more
    const approved = new Set(mine.filter((d) => d.decision === "approved").map((d) => d.orderId));
    const taken = [...backorderQty].filter(([id]) => approved.has(id)).reduce((s, [, q]) => s + q, 0);
    const left = (await stockOf(scarce.variantId)) as number;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(taken + left).toBe(25);
    expect(taken).toBeGreaterThan(20);
    const reserved = await db()
      .select({ n: sql<number>`coalesce(sum(${stockReservations.quantity}), 0)::int` })
      .from(stockReservations)
      .where(and(eq(stockReservations.variantId, scarce.variantId), inArray(stockReservations.state, ["held", "committed"])));
    expect(reserved[0]?.n).toBe(taken);

    // credit: each customer paid exactly the approved orders, never below zero
    for (const payer of payers) {
      const theirs = rows.filter((r) => r.customerId === payer.customerId);
      const paid = theirs.filter((r) => approved.has(r.id)).reduce((s, r) => s + r.grandTotal, 0);
      const credit = (await creditOf(payer.customerId)) as number;
      expect(credit).toBeGreaterThanOrEqual(0);
      expect(30_000 - credit).toBe(paid);
      const ledger = await db().select().from(storeCreditEntries).where(eq(storeCreditEntries.customerId, payer.customerId));
      expect(ledger.reduce((s, e) => s + e.amount, 0)).toBe(-paid);
      expect(theirs.filter((r) => approved.has(r.id)).length).toBe(Math.floor(30_000 / (theirs[0]?.grandTotal ?? 1)));
    }
    // the in-stock units of rejected budget orders came back
    const budgetApproved = rows.filter((r) => r.reviewReason === "budget" && approved.has(r.id)).length;
    expect(await stockOf(plenty.variantId)).toBe(100 - budgetApproved);
  });

  it("never oversells when four passes race for 10 units among 40 waiting orders", async () => {
    const v = await variant(0, "backorder");
    const people = [await shopper("premium"), await shopper("standard")];
    const ids: string[] = [];
    for (let i = 0; i < 40; i++)
      ids.push((await pending(people[i % 2] as Shopper, [{ variant: v, quantity: 1, take: false }], { minutesAgo: i })).id);
    await setStock(v.variantId, 10);
    const passes = await Promise.all([pass(), pass(), pass(), pass()]);
    const mine = passes.flatMap((p) => p.decisions).filter((d) => ids.includes(d.orderId));
    const approved = mine.filter((d) => d.decision === "approved");
    expect(approved).toHaveLength(10);
    expect(new Set(approved.map((d) => d.orderId)).size).toBe(10);
    expect(mine.filter((d) => d.decision === "rejected" || d.decision === "failed")).toEqual([]);
    expect(await stockOf(v.variantId)).toBe(0);
    const rows = await db().select().from(orders).where(inArray(orders.id, ids));
    expect(rows.filter((r) => r.status === "awaiting_payment")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "pending_review")).toHaveLength(30);
  });

  describe("admin API", () => {
    let owner: string;
    let otherOwner: string;
    beforeAll(async () => {
      owner = (await staffSession(t, tenantId, HOST, `${unique("sahip")}@kuyruk.test`, "owner")).cookie;
      otherOwner = (await staffSession(t, otherTenantId, OTHER, `${unique("sahip")}@baska.test`, "owner")).cookie;
    });

    it("creates random test orders of every kind, lists them by score, and processes them", async () => {
      await variant(0, "backorder");
      await variant(0, "preorder");
      await variant(50, "normal", 12_000);
      await shopper("premium", 1_000_000);
      await shopper("standard", 0);
      const asOwner = requester(t, HOST);
      const created = await asOwner("POST", "/api/admin/orders/queue/test-orders", owner, { count: 12 });
      expect(created.statusCode, created.body).toBe(201);
      const body = created.json() as { created: number; orders: { id: string; reviewReason: string }[] };
      expect(body.created).toBe(12);
      expect(new Set(body.orders.map((o) => o.reviewReason))).toEqual(new Set(["backorder", "preorder", "budget"]));

      const list = await asOwner("GET", "/api/admin/orders/queue", owner);
      expect(list.statusCode, list.body).toBe(200);
      const view = list.json() as { items: { id: string; score: number; test: boolean; missing: unknown[] }[]; total: number };
      const listed = view.items.filter((i) => body.orders.some((o) => o.id === i.id));
      expect(listed).toHaveLength(12);
      expect(listed.every((i) => i.test && i.missing.length > 0)).toBe(true);
      const scores = view.items.map((i) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const [marked] = await db()
        .select()
        .from(orders)
        .where(eq(orders.id, body.orders[0]?.id as string));
      expect(marked?.customerNote).toMatch(/^TEST/);

      // another store sees none of them and cannot process them
      const other = await requester(t, OTHER)("GET", "/api/admin/orders/queue", otherOwner);
      expect(other.json().total).toBe(0);
      const otherPass = await requester(t, OTHER)("POST", "/api/admin/orders/queue/process", otherOwner);
      expect(otherPass.json().decisions).toEqual([]);

      const processed = await asOwner("POST", "/api/admin/orders/queue/process", owner);
      expect(processed.statusCode, processed.body).toBe(200);
      const result = processed.json() as PassResult;
      const budget = body.orders.filter((o) => o.reviewReason === "budget").map((o) => o.id);
      const decidedBudget = result.decisions.filter((d) => budget.includes(d.orderId));
      expect(decidedBudget).toHaveLength(budget.length);
      expect(decidedBudget.every((d) => d.decision === "approved" || d.decision === "rejected")).toBe(true);
      const after = (await asOwner("GET", "/api/admin/orders/queue", owner)).json() as {
        decisions: { orderId: string; decision: string; test: boolean }[];
      };
      expect(after.decisions.some((d) => budget.includes(d.orderId) && d.test)).toBe(true);
    });

    it("refuses a count outside 1–200 with a clear problem", async () => {
      const asOwner = requester(t, HOST);
      for (const count of [0, 201, 2.5]) {
        const res = await asOwner("POST", "/api/admin/orders/queue/test-orders", owner, { count });
        expect(res.statusCode).toBe(400);
        expect(res.headers["content-type"]).toMatch(/problem\+json/);
      }
    });

    it("refuses test orders in a store without demo customers", async () => {
      await variant(5, "normal", 10_000, otherTenantId);
      const res = await requester(t, OTHER)("POST", "/api/admin/orders/queue/test-orders", otherOwner, { count: 3 });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/demo customers/);
    });
  });
});

describe("pending-order queue worker job", () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it("decides pending orders when the job runs", async () => {
    t = await createTestApp({ JOBS_WORKER: "true" });
    const tenantId = (await createStore(t.kernel, "isci", ["isci.test"], 0)).tenant.id;
    const created = await createProduct(
      { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: "Gelecek ürün", status: "active", variants: [{ price: 9_990, stock: 0 }] },
    );
    await t.kernel.db.update(products).set({ saleMode: "backorder" }).where(eq(products.id, created.id));
    const [v] = await orderableVariants(t.kernel.db, tenantId);
    const { customerId } = await createCustomer(t, tenantId, "isci@example.com", "İşçi Test");
    const shippingMethods = await activeShippingMethods({ db: t.kernel.db, tenantId, locale: "tr" });
    const order = await t.kernel.db.transaction(async (tx) =>
      insertPendingOrder(tx, t.kernel.jobs, {
        tenantId,
        currency: "TRY",
        shopper: { customerId, tier: "standard", name: "İşçi Test", email: "isci@example.com", phone: null },
        address,
        lines: [{ variant: v as OrderableVariant, quantity: 2, take: false }],
        reason: "backorder",
        method: "bank_transfer",
        shippingMethods,
        placedAt: new Date(),
      }),
    );
    await t.kernel.db
      .update(productVariants)
      .set({ stock: 2 })
      .where(eq(productVariants.id, (v as OrderableVariant).variantId));
    await t.kernel.jobs.send(PENDING_REVIEW_QUEUE, {});
    await expect
      .poll(
        async () =>
          (
            await t.kernel.db
              .select()
              .from(orders)
              .where(eq(orders.id, order?.id as string))
          )[0]?.status,
        { timeout: 20_000, interval: 250 },
      )
      .toBe("awaiting_payment");
  });
});
