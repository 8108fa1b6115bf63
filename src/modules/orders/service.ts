// Order lifecycle: status changes through the state machine (each one recorded), stock holds given
// back exactly once, cancellation, expiry of unpaid orders, shipments, returns and refunds.

import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { customers, storeCreditEntries } from "../customers/schema.ts";
import { payments } from "../payments/schema.ts";
import { customerKey, releaseCoupons } from "../promotions/service.ts";
import { type CarrierId, isCarrier, trackingUrl } from "../shipping/carriers.ts";
import { type Order, orderEvents, orderLines, orders, shipments, stockReservations } from "./schema.ts";
import { canTransition, customerCancellable, type OrderStatus, returnable } from "./states.ts";

export const ORDER_MAIL_QUEUE = "orders.mail";
export const ORDER_EXPIRE_QUEUE = "orders.expire";
export const STOCK_PROJECTION_QUEUE = "orders.stock-projection";
/** Days after delivery in which a return (cayma) can be requested. */
export const WITHDRAWAL_DAYS = 14;

export interface Actor {
  kind: "customer" | "staff" | "system" | "gateway";
  userId?: string | null;
}

export interface OrderContext {
  db: Db;
  tenantId: string;
  jobs: Jobs;
  events?: EventBus;
  actor: Actor;
}

export interface OrderMailJob {
  tenantId: string;
  orderId: string;
  /** What happened: `placed`, `paid`, `shipped`, `cancelled`… (a status or an event). */
  event: string;
}

export const ordersTopic = (tenantId: string) => `tenant:${tenantId}:orders`;
export const orderTopic = (orderId: string) => `order:${orderId}`;

/** Tells live streams an order changed (after the transaction committed). */
export function publishOrderChange(
  events: EventBus | undefined,
  order: Pick<Order, "id" | "tenantId" | "number" | "status" | "version">,
): void {
  if (!events) return;
  const payload = { orderId: order.id, number: order.number, status: order.status, version: order.version, at: new Date().toISOString() };
  events.publish(orderTopic(order.id), payload);
  events.publish(ordersTopic(order.tenantId), payload);
}

/** A guest's key to their order page: HMAC of the order id (nothing stored). */
export function orderAccessToken(secret: string, orderId: string): string {
  return createHmac("sha256", secret).update(`order:${orderId}`).digest("base64url").slice(0, 32);
}

export function checkOrderAccessToken(secret: string, orderId: string, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(orderAccessToken(secret, orderId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function lockOrder(tx: Db, tenantId: string, orderId: string): Promise<Order> {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)))
    .for("update");
  if (!order) throw notFound("The order");
  return order;
}

/**
 * Moves a locked order to `to` and records it. Refuses moves the state machine does not allow
 * (409). Queues the customer's e-mail for the new status in the same transaction.
 */
export async function transition(
  tx: Db,
  jobs: Jobs,
  order: Order,
  to: OrderStatus,
  actor: Actor,
  details: { message?: string; data?: Record<string, unknown>; set?: Partial<typeof orders.$inferInsert>; mail?: boolean } = {},
): Promise<Order> {
  if (!canTransition(order.status, to)) {
    throw new HttpError(409, `An order that is ${order.status.replaceAll("_", " ")} cannot become ${to.replaceAll("_", " ")}.`, {
      code: "invalid-transition",
    });
  }
  const [updated] = await tx
    .update(orders)
    .set({ ...details.set, status: to, statusChangedAt: new Date(), version: sql`${orders.version} + 1` })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
    .returning();
  if (!updated) throw new HttpError(409, "The order changed meanwhile; reload and try again.", { code: "order-changed" });
  await tx.insert(orderEvents).values({
    tenantId: order.tenantId,
    orderId: order.id,
    kind: "status",
    fromStatus: order.status,
    toStatus: to,
    message: details.message ?? null,
    actor: actor.kind,
    actorUserId: actor.userId ?? null,
    data: details.data ?? null,
  });
  if (details.mail !== false) {
    await jobs.send<OrderMailJob>(
      ORDER_MAIL_QUEUE,
      { tenantId: order.tenantId, orderId: order.id, event: to },
      { tx, retryLimit: 5, retryBackoff: true },
    );
  }
  return updated;
}

export async function addOrderEvent(
  tx: Db,
  order: Pick<Order, "id" | "tenantId">,
  event: {
    kind: (typeof orderEvents.$inferInsert)["kind"];
    message?: string;
    actor: Actor;
    internal?: boolean;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(orderEvents).values({
    tenantId: order.tenantId,
    orderId: order.id,
    kind: event.kind,
    message: event.message ?? null,
    visibility: event.internal ? "internal" : "public",
    actor: event.actor.kind,
    actorUserId: event.actor.userId ?? null,
    data: event.data ?? null,
  });
  await tx
    .update(orders)
    .set({ version: sql`${orders.version} + 1` })
    .where(eq(orders.id, order.id));
}

/** Gives back every unit the order still holds (held or sold), once: each reservation row settles one time. */
export async function releaseStock(tx: Db, orderId: string): Promise<{ variantId: string; quantity: number }[]> {
  const released = await tx
    .update(stockReservations)
    .set({ state: "released", settledAt: new Date() })
    .where(and(eq(stockReservations.orderId, orderId), inArray(stockReservations.state, ["held", "committed"])))
    .returning({ variantId: stockReservations.variantId, quantity: stockReservations.quantity });
  for (const r of [...released].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
    await tx.execute(sql`update product_variants set stock = stock + ${r.quantity}, updated_at = now() where id = ${r.variantId}`);
  }
  return released;
}

/** Marks held stock as sold (the order was paid or confirmed). */
export async function commitStock(tx: Db, orderId: string): Promise<void> {
  await tx
    .update(stockReservations)
    .set({ state: "committed", settledAt: new Date() })
    .where(and(eq(stockReservations.orderId, orderId), eq(stockReservations.state, "held")));
}

/** Re-projects the products whose stock changed (coalesced per product by the queue's singleton key). */
export async function requestStockProjection(jobs: Jobs, tenantId: string, productIds: readonly string[], tx?: Db): Promise<void> {
  for (const productId of new Set(productIds)) {
    await jobs.send(
      STOCK_PROJECTION_QUEUE,
      { tenantId, productIds: [productId] },
      { ...(tx ? { tx } : {}), singletonKey: productId, startAfterSeconds: 2 },
    );
  }
}

async function productIdsOf(tx: Db, orderId: string): Promise<string[]> {
  const rows = await tx.select({ productId: orderLines.productId }).from(orderLines).where(eq(orderLines.orderId, orderId));
  return rows.map((r) => r.productId).filter((id): id is string => id !== null);
}

/** Puts store credit back on the customer's balance with a ledger row. */
export async function creditBack(tx: Db, order: Order, amount: number, reason: string, actor: Actor): Promise<void> {
  if (amount <= 0 || !order.customerId) return;
  const [row] = await tx
    .update(customers)
    .set({ storeCredit: sql`${customers.storeCredit} + ${amount}` })
    .where(eq(customers.id, order.customerId))
    .returning({ balance: customers.storeCredit });
  if (!row) return;
  await tx.insert(storeCreditEntries).values({
    tenantId: order.tenantId,
    customerId: order.customerId,
    amount,
    balanceAfter: row.balance,
    reason,
    actorUserId: actor.userId ?? null,
    orderId: order.id,
  });
}

/**
 * Cancels a locked order that has not shipped: stock, coupon uses and store credit go back; pending
 * payments are closed. Payments already taken are refunded by `refundOrder` (the caller decides).
 */
export async function cancelLocked(tx: Db, jobs: Jobs, order: Order, actor: Actor, reason: string): Promise<Order> {
  const updated = await transition(tx, jobs, order, "cancelled", actor, {
    message: reason,
    set: { cancelledAt: new Date(), cancelReason: reason, reservationExpiresAt: null },
  });
  const released = await releaseStock(tx, order.id);
  if (released.length > 0) await requestStockProjection(jobs, order.tenantId, await productIdsOf(tx, order.id), tx);
  await releaseCoupons(tx, order.tenantId, order.couponCodes, customerKey({ customerId: order.customerId, email: order.email }));
  // Store credit taken for an order that never completes goes back at once.
  const [credit] = await tx
    .update(payments)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(and(eq(payments.orderId, order.id), eq(payments.method, "store_credit"), eq(payments.status, "succeeded")))
    .returning({ amount: payments.amount });
  if (credit) await creditBack(tx, order, credit.amount, `Sipariş ${order.number} iptal edildi`, actor);
  await tx
    .update(payments)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "pending")));
  return updated;
}

/** Customer or staff cancellation before shipment. Paid gateway payments are refunded by a job. */
export async function cancelOrder(ctx: OrderContext, orderId: string, reason: string): Promise<Order> {
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, ctx.tenantId, orderId);
    if (ctx.actor.kind === "customer" && !customerCancellable.includes(locked.status)) {
      throw new HttpError(409, "This order can no longer be cancelled; you can request a return after delivery.", {
        code: "not-cancellable",
      });
    }
    const wasPaid = locked.paidAt !== null;
    const cancelled = await cancelLocked(tx, ctx.jobs, locked, ctx.actor, reason);
    if (wasPaid) {
      await ctx.jobs.send(REFUND_QUEUE, { tenantId: ctx.tenantId, orderId, reason, full: true } satisfies RefundJob, {
        tx,
        retryLimit: 8,
        retryBackoff: true,
      });
    }
    return cancelled;
  });
  publishOrderChange(ctx.events, order);
  return order;
}

export const REFUND_QUEUE = "payments.refund";
export interface RefundJob {
  tenantId: string;
  orderId: string;
  reason: string;
  /** Refund everything still refundable, or `amount`. */
  full?: boolean;
  amount?: number;
  actorUserId?: string | null;
}

/**
 * Cancels unpaid orders whose reservation ran out (bank transfer not received, gateway page
 * abandoned). Safe to run anywhere at any time: each order is locked and skipped when another
 * worker has it. Returns how many were cancelled.
 */
export async function expireUnpaidOrders(db: Db, jobs: Jobs, events?: EventBus, limit = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.status, "awaiting_payment"), sql`${orders.reservationExpiresAt} <= now()`))
        .orderBy(asc(orders.reservationExpiresAt))
        .limit(Math.min(limit, 50))
        .for("update", { skipLocked: true });
      const changed: Order[] = [];
      for (const order of due) {
        changed.push(await cancelLocked(tx, jobs, order, { kind: "system" }, "payment-timeout"));
      }
      return changed;
    });
    for (const order of done) publishOrderChange(events, order);
    total += done.length;
    if (done.length === 0 || total >= limit) return total;
  }
}

/** Records a shipment and moves the order to `shipped`. */
export async function shipOrder(ctx: OrderContext, orderId: string, input: { carrier: string; trackingNumber: string }): Promise<Order> {
  const trackingNumber = input.trackingNumber.trim();
  if (!isCarrier(input.carrier)) throw new HttpError(400, "Choose a carrier.", { code: "invalid-carrier" });
  if (!/^[A-Za-z0-9-]{4,40}$/.test(trackingNumber)) {
    throw new HttpError(400, "Enter the tracking number (4–40 letters or digits).", { code: "invalid-tracking-number" });
  }
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, ctx.tenantId, orderId);
    await tx.insert(shipments).values({
      tenantId: ctx.tenantId,
      orderId,
      carrier: input.carrier,
      trackingNumber,
      actorUserId: ctx.actor.userId ?? null,
    });
    return transition(tx, ctx.jobs, locked, "shipped", ctx.actor, {
      data: { carrier: input.carrier, trackingNumber, trackingUrl: trackingUrl(input.carrier as CarrierId, trackingNumber) },
    });
  });
  publishOrderChange(ctx.events, order);
  return order;
}

/** A plain status change from admin (preparing, delivered, completed…), checked by the state machine. */
export async function setOrderStatus(ctx: OrderContext, orderId: string, to: OrderStatus, message?: string): Promise<Order> {
  if (to === "cancelled") return cancelOrder(ctx, orderId, message ?? "cancelled-by-staff");
  if (to === "shipped") throw new HttpError(400, "Enter the carrier and tracking number to ship an order.", { code: "shipment-required" });
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, ctx.tenantId, orderId);
    const set: Partial<typeof orders.$inferInsert> = {};
    if (to === "delivered") {
      set.deliveredAt = new Date();
      await tx
        .update(shipments)
        .set({ deliveredAt: new Date() })
        .where(and(eq(shipments.orderId, orderId), sql`${shipments.deliveredAt} is null`));
      // Cash on delivery is collected by the courier on delivery.
      await tx
        .update(payments)
        .set({ status: "succeeded", paidAt: new Date(), updatedAt: new Date() })
        .where(and(eq(payments.orderId, orderId), eq(payments.method, "cash_on_delivery"), eq(payments.status, "pending")));
      if (!locked.paidAt) set.paidAt = new Date();
    }
    return transition(tx, ctx.jobs, locked, to, ctx.actor, { message, set });
  });
  publishOrderChange(ctx.events, order);
  return order;
}

/** A customer asks to send lines back within the withdrawal period. */
export async function requestReturn(
  ctx: OrderContext,
  orderId: string,
  input: { lines: { lineId: string; quantity: number }[]; reason: string },
  now = new Date(),
): Promise<Order> {
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000)
    throw new HttpError(400, "Tell us briefly why you return the items.", { code: "invalid-reason" });
  if (input.lines.length === 0) throw new HttpError(400, "Choose at least one item to return.", { code: "no-lines" });
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, ctx.tenantId, orderId);
    if (!returnable.includes(locked.status))
      throw new HttpError(409, "A return can be requested once the order is delivered.", { code: "not-returnable" });
    const deliveredAt = locked.deliveredAt ?? locked.statusChangedAt;
    if (now.getTime() - deliveredAt.getTime() > WITHDRAWAL_DAYS * 86_400_000) {
      throw new HttpError(409, `The ${WITHDRAWAL_DAYS}-day withdrawal period of this order has ended.`, { code: "withdrawal-period-over" });
    }
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    for (const wanted of input.lines) {
      const line = lines.find((l) => l.id === wanted.lineId);
      const left = line ? line.quantity - line.refundedQuantity : 0;
      if (!line || !Number.isInteger(wanted.quantity) || wanted.quantity < 1 || wanted.quantity > left) {
        throw new HttpError(400, "A chosen item or quantity is not in this order.", { code: "invalid-line" });
      }
      await tx.update(orderLines).set({ returnQuantity: wanted.quantity }).where(eq(orderLines.id, line.id));
    }
    return transition(tx, ctx.jobs, locked, "return_requested", ctx.actor, { message: reason, data: { lines: input.lines } });
  });
  publishOrderChange(ctx.events, order);
  return order;
}

/** Staff note on an order (internal unless `public`). */
export async function addNote(ctx: OrderContext, orderId: string, message: string, visibility: "internal" | "public"): Promise<void> {
  const text = message.trim();
  if (!text || text.length > 2000) throw new HttpError(400, "Write a note of at most 2000 characters.", { code: "invalid-note" });
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, ctx.tenantId, orderId);
    await addOrderEvent(tx, locked, { kind: "note", message: text, actor: ctx.actor, internal: visibility === "internal" });
    return { ...locked, version: locked.version + 1 };
  });
  publishOrderChange(ctx.events, order);
}

export async function getOrder(db: Db, tenantId: string, orderId: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)));
  if (!order) return null;
  const [lines, events, orderShipments, orderPayments] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.title)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
    db.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.shippedAt)),
    db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt)),
  ]);
  return {
    order,
    lines,
    events,
    shipments: orderShipments.map((s) => ({ ...s, trackingUrl: isCarrier(s.carrier) ? trackingUrl(s.carrier, s.trackingNumber) : null })),
    payments: orderPayments,
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrder>>>;

export async function findOrderByNumber(db: Db, tenantId: string, number: string): Promise<Order | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.number, number)));
  return order ?? null;
}
