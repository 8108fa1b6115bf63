// Payments of orders: starting a gateway attempt, recording gateway notifications exactly once,
// bank transfers marked paid by staff, and refunds (gateway, store credit, or manual).

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { type Order, orderLines, orders } from "../orders/schema.ts";
import {
  type Actor,
  addOrderEvent,
  commitStock,
  creditBack,
  lockOrder,
  publishOrderChange,
  REFUND_QUEUE,
  type RefundJob,
  transition,
} from "../orders/service.ts";
import { canTransition } from "../orders/states.ts";
import type { GatewayId, GatewayNotification, GatewayOutcome, GatewayPaymentRequest, GatewayStart, PaymentGateway } from "./gateway.ts";
import { type Payment, paymentEvents, payments, refunds } from "./schema.ts";

export type Gateways = Partial<Record<GatewayId, PaymentGateway>>;

export interface PaymentContext {
  db: Db;
  jobs: Jobs;
  events?: EventBus;
  gateways: Gateways;
}

const GATEWAYS: readonly string[] = ["iyzico", "paytr", "stripe"];
export const isGatewayMethod = (method: string): method is GatewayId => GATEWAYS.includes(method);

/** The pending payment an order's gateway/bank transfer/COD method collects. */
async function pendingPayment(db: Db, orderId: string): Promise<Payment | undefined> {
  const rows = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), sql`${payments.method} <> 'store_credit'`))
    .orderBy(asc(payments.createdAt));
  return rows[0];
}

export interface StartPaymentInput {
  order: Order;
  /** Where the shopper returns (absolute URLs). */
  callbackUrl: string;
  successUrl: string;
  failUrl: string;
  ip: string;
  maxInstallments: number;
}

/** Opens a new gateway attempt for an unpaid order and returns what the browser needs. */
export async function startGatewayPayment(ctx: PaymentContext, input: StartPaymentInput): Promise<GatewayStart> {
  const { order } = input;
  if (!isGatewayMethod(order.paymentMethod)) throw new HttpError(400, "This order is not paid by card.", { code: "not-a-card-payment" });
  if (order.status !== "awaiting_payment")
    throw new HttpError(409, "This order is not waiting for a payment.", { code: "not-awaiting-payment" });
  const gateway = ctx.gateways[order.paymentMethod];
  if (!gateway) throw new HttpError(503, "This payment method is not available right now.", { code: "gateway-unavailable" });
  const payment = await pendingPayment(ctx.db, order.id);
  if (payment?.status !== "pending") throw new HttpError(409, "This order has no open payment.", { code: "no-open-payment" });
  const lines = await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const a = order.shippingAddress;
  const b = order.billingAddress;
  const request: GatewayPaymentRequest = {
    paymentId: payment.id,
    orderNumber: order.number,
    amount: payment.amount,
    itemsTotal: payment.amount,
    currency: order.currency,
    locale: order.locale === "en" ? "en" : "tr",
    buyer: {
      id: order.customerId ?? `guest-${order.id.slice(0, 8)}`,
      firstName: b.firstName,
      lastName: b.lastName,
      email: order.email,
      phone: order.phone,
      identityNumber: order.invoice.tckn ?? undefined,
      ip: input.ip,
      city: b.province,
      country: "Turkey",
      address: `${b.addressLine}, ${b.neighbourhood}, ${b.district}`,
      zipCode: b.postalCode ?? undefined,
    },
    shippingAddress: {
      contactName: `${a.firstName} ${a.lastName}`,
      city: a.province,
      country: "Turkey",
      address: `${a.addressLine}, ${a.neighbourhood}, ${a.district}`,
      zipCode: a.postalCode ?? undefined,
    },
    billingAddress: {
      contactName: `${b.firstName} ${b.lastName}`,
      city: b.province,
      country: "Turkey",
      address: `${b.addressLine}, ${b.neighbourhood}, ${b.district}`,
      zipCode: b.postalCode ?? undefined,
    },
    items: basketItems(lines, payment.amount),
    callbackUrl: input.callbackUrl,
    successUrl: input.successUrl,
    failUrl: input.failUrl,
    maxInstallments: input.maxInstallments,
    idempotencyKey: `${payment.id}:${Date.now()}`,
  };
  const started = await gateway.start(request);
  await ctx.db.update(payments).set({ providerReference: started.reference, updatedAt: new Date() }).where(eq(payments.id, payment.id));
  return started;
}

/**
 * Gateways want the basket to add up to the charged amount. Lines carry their discounts; shipping
 * and fees become items; store credit already paid is taken off the items in proportion.
 */
function basketItems(lines: (typeof orderLines.$inferSelect)[], amount: number): GatewayPaymentRequest["items"] {
  const items = lines.map((l) => ({
    id: l.variantId ?? l.id,
    name: l.title,
    category: "Genel",
    itemType: "PHYSICAL" as const,
    total: l.total,
    quantity: l.quantity,
  }));
  const sum = items.reduce((s, i) => s + i.total, 0);
  const extra = amount - sum;
  const result = items.map((i) => ({ ...i }));
  if (extra > 0)
    result.push({ id: "shipping", name: "Kargo ve hizmet bedeli", category: "Hizmet", itemType: "PHYSICAL", total: extra, quantity: 1 });
  else if (extra < 0) {
    // Store credit covered part: reduce items from the last, never below 1 kuruş each.
    let left = -extra;
    for (let i = result.length - 1; i >= 0 && left > 0; i--) {
      const item = result[i] as (typeof result)[number];
      const cut = Math.min(left, item.total - 1);
      item.total -= cut;
      left -= cut;
    }
  }
  // Gateways take one price per item line: send each line as quantity 1 with its total.
  return result.map((i) => ({
    id: i.id,
    name: i.quantity > 1 ? `${i.name} ×${i.quantity}` : i.name,
    category: i.category,
    itemType: i.itemType,
    unitPrice: i.total,
    quantity: 1,
  }));
}

export interface NotificationResult {
  outcome: GatewayOutcome;
  /** `applied`, `duplicate`, or `ignored:<why>`. */
  result: string;
  orderId?: string;
}

/**
 * Records a gateway notification once (its eventId is unique) and applies it: a success pays an
 * order that waits for it; a success for an order cancelled meanwhile is refunded; a failure only
 * notes the attempt (the shopper may try again while the reservation lasts). Replays, late and
 * unknown notifications change nothing else.
 */
export async function handleGatewayNotification(
  ctx: PaymentContext,
  gatewayId: GatewayId,
  notification: GatewayNotification,
): Promise<NotificationResult> {
  const gateway = ctx.gateways[gatewayId];
  if (!gateway) throw new HttpError(404, "Unknown payment gateway.", { code: "not-found" });
  const outcome = await gateway.verifyNotification(notification);
  const { result, order } = await ctx.db.transaction(async (tx) => {
    const paymentId = isUuid(outcome.paymentRef) ? outcome.paymentRef : null;
    const [payment] = paymentId
      ? await tx
          .select()
          .from(payments)
          .where(and(eq(payments.id, paymentId), eq(payments.method, gatewayId)))
          .for("update")
      : [];
    const inserted = await tx
      .insert(paymentEvents)
      .values({
        tenantId: payment?.tenantId ?? null,
        provider: gatewayId,
        eventId: outcome.eventId,
        paymentId: payment?.id ?? null,
        status: outcome.status,
        result: "pending",
        raw: outcome.raw,
      })
      .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.eventId] })
      .returning({ id: paymentEvents.id });
    const eventRow = inserted[0];
    if (!eventRow) return { result: "duplicate", order: undefined };
    const settle = async (result: string, order?: Order) => {
      await tx.update(paymentEvents).set({ result }).where(eq(paymentEvents.id, eventRow.id));
      return { result, order };
    };
    if (!payment) return settle("ignored:unknown-payment");
    if (outcome.status === "pending") return settle("ignored:pending");
    const order = await lockOrder(tx, payment.tenantId, payment.orderId);
    const actor: Actor = { kind: "gateway" };
    if (outcome.status === "failed") {
      if (payment.status !== "pending") return settle("ignored:already-settled");
      await tx
        .update(payments)
        .set({ failureReason: outcome.failureReason ?? "declined", raw: outcome.raw, updatedAt: new Date() })
        .where(eq(payments.id, payment.id));
      await addOrderEvent(tx, order, {
        kind: "payment",
        message: outcome.failureReason ?? "declined",
        actor,
        data: { status: "failed", gateway: gatewayId },
      });
      return settle("applied:failed", { ...order, version: order.version + 1 });
    }
    // succeeded
    if (payment.status === "succeeded") return settle("ignored:already-paid");
    if (outcome.amount !== undefined && outcome.amount < payment.amount) {
      await addOrderEvent(tx, order, {
        kind: "payment",
        message: "amount-mismatch",
        actor,
        internal: true,
        data: { expected: payment.amount, received: outcome.amount },
      });
      return settle("ignored:amount-mismatch");
    }
    await tx
      .update(payments)
      .set({
        status: "succeeded",
        providerPaymentId: outcome.providerPaymentId ?? null,
        refundRefs: outcome.refundRefs ?? null,
        installments: outcome.installments ?? null,
        raw: outcome.raw,
        failureReason: null,
        paidAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(payments.id, payment.id));
    if (order.status === "awaiting_payment") {
      await commitStock(tx, order.id);
      const paid = await transition(tx, ctx.jobs, order, "paid", actor, {
        data: { gateway: gatewayId, providerPaymentId: outcome.providerPaymentId ?? null },
        set: { paidAt: new Date(), reservationExpiresAt: null },
      });
      return settle("applied:paid", paid);
    }
    // The money came after the order was cancelled (reservation ran out): give it back.
    await addOrderEvent(tx, order, { kind: "payment", message: "late-payment-refunded", actor, data: { gateway: gatewayId } });
    await ctx.jobs.send<RefundJob>(
      REFUND_QUEUE,
      { tenantId: order.tenantId, orderId: order.id, reason: "late-payment", full: true },
      { tx, retryLimit: 8, retryBackoff: true },
    );
    return settle("applied:late-refund", { ...order, version: order.version + 1 });
  });
  if (order) publishOrderChange(ctx.events, order);
  return { outcome, result, orderId: order?.id };
}

/** Staff confirm a bank transfer arrived: the order becomes paid. */
export async function markBankTransferPaid(ctx: PaymentContext, tenantId: string, orderId: string, actor: Actor): Promise<Order> {
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, tenantId, orderId);
    if (locked.paymentMethod !== "bank_transfer")
      throw new HttpError(409, "This order is not paid by bank transfer.", { code: "not-bank-transfer" });
    if (locked.status !== "awaiting_payment")
      throw new HttpError(409, "This order is not waiting for a payment.", { code: "not-awaiting-payment" });
    await tx
      .update(payments)
      .set({ status: "succeeded", paidAt: new Date(), updatedAt: new Date() })
      .where(and(eq(payments.orderId, orderId), eq(payments.method, "bank_transfer"), eq(payments.status, "pending")));
    await commitStock(tx, orderId);
    return transition(tx, ctx.jobs, locked, "paid", actor, { set: { paidAt: new Date(), reservationExpiresAt: null } });
  });
  publishOrderChange(ctx.events, order);
  return order;
}

/**
 * Refunds `amount` (default: everything still refundable) of an order: store credit first goes
 * back to the balance, then gateway payments through their gateway; bank transfer and cash on
 * delivery are recorded as manual refunds for staff to pay out. The order becomes refunded or
 * partially refunded when it may (a cancelled order keeps its status).
 */
export async function refundOrder(
  ctx: PaymentContext,
  tenantId: string,
  orderId: string,
  input: { amount?: number; reason: string; lines?: Record<string, number>; actor: Actor; ip?: string },
): Promise<Order> {
  const order = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, tenantId, orderId);
    const paid = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), inArray(payments.status, ["succeeded"])))
      .orderBy(sql`case when ${payments.method} = 'store_credit' then 1 else 0 end`, asc(payments.createdAt));
    const refundable = paid.reduce((s, p) => s + p.amount - p.refundedAmount, 0);
    const amount = input.amount ?? refundable;
    if (!Number.isSafeInteger(amount) || amount <= 0) throw new HttpError(400, "Enter an amount to refund.", { code: "invalid-amount" });
    if (amount > refundable) throw new HttpError(409, "The amount is more than what is left to refund.", { code: "refund-too-large" });
    let left = amount;
    for (const payment of paid) {
      if (left === 0) break;
      const part = Math.min(left, payment.amount - payment.refundedAmount);
      if (part <= 0) continue;
      let status: "succeeded" | "pending" | "failed" = "succeeded";
      let providerRefundId: string | null = null;
      let failureReason: string | null = null;
      if (payment.method === "store_credit") {
        await creditBack(tx, locked, part, `Sipariş ${locked.number} iadesi`, input.actor);
      } else if (isGatewayMethod(payment.method)) {
        const gateway = ctx.gateways[payment.method];
        if (!gateway || !payment.providerPaymentId) {
          status = "pending";
          failureReason = "gateway-not-configured";
        } else {
          const r = await gateway.refund({
            paymentRef: payment.id,
            providerPaymentId: payment.providerPaymentId,
            amount: part,
            currency: payment.currency,
            ip: input.ip ?? "127.0.0.1",
            refundRefs: payment.refundRefs ?? undefined,
            idempotencyKey: `${payment.id}:${payment.refundedAmount}:${part}`,
          });
          status = r.status;
          providerRefundId = r.providerRefundId ?? null;
          failureReason = r.failureReason ?? null;
          if (r.status === "failed")
            throw new HttpError(502, `The payment gateway refused the refund: ${r.failureReason ?? "unknown reason"}.`, {
              code: "refund-failed",
            });
        }
      }
      await tx.insert(refunds).values({
        tenantId,
        orderId,
        paymentId: payment.id,
        amount: part,
        reason: input.reason,
        status,
        providerRefundId,
        failureReason,
        lines: input.lines ?? null,
        actorUserId: input.actor.userId ?? null,
      });
      await tx
        .update(payments)
        .set({ refundedAmount: sql`${payments.refundedAmount} + ${part}`, updatedAt: new Date() })
        .where(eq(payments.id, payment.id));
      left -= part;
    }
    if (input.lines) {
      for (const [lineId, qty] of Object.entries(input.lines)) {
        await tx
          .update(orderLines)
          .set({ refundedQuantity: sql`least(${orderLines.refundedQuantity} + ${qty}, ${orderLines.quantity})`, returnQuantity: 0 })
          .where(and(eq(orderLines.id, lineId), eq(orderLines.orderId, orderId)));
      }
    }
    const [withTotal] = await tx
      .update(orders)
      .set({ refundedTotal: sql`${orders.refundedTotal} + ${amount}` })
      .where(eq(orders.id, orderId))
      .returning();
    const current = withTotal as Order;
    await addOrderEvent(tx, current, { kind: "refund", message: input.reason, actor: input.actor, data: { amount } });
    const bumped = { ...current, version: current.version + 1 };
    // A full refund closes the order; a partial one before shipping (a missing item) leaves it on
    // its way, and after delivery marks it partially refunded.
    const to = current.refundedTotal >= current.grandTotal ? "refunded" : "partially_refunded";
    const shippedAlready = !["awaiting_payment", "pending_review", "paid", "preparing"].includes(current.status);
    if (current.status === "cancelled" || (to === "partially_refunded" && !shippedAlready) || !canTransition(current.status, to))
      return bumped;
    return transition(tx, ctx.jobs, bumped, to, input.actor, { data: { amount } });
  });
  publishOrderChange(ctx.events, order);
  return order;
}

/** The refund job: refunds what is left of a cancelled or late-paid order. */
export function registerPaymentJobs(jobs: Jobs, ctx: Omit<PaymentContext, "jobs">): void {
  jobs.register<RefundJob>(
    REFUND_QUEUE,
    async (data) => {
      const paid = await ctx.db
        .select({ left: sql<number>`coalesce(sum(${payments.amount} - ${payments.refundedAmount}), 0)::bigint` })
        .from(payments)
        .where(and(eq(payments.orderId, data.orderId), eq(payments.status, "succeeded")));
      const left = Number(paid[0]?.left ?? 0);
      if (left <= 0) return;
      await refundOrder({ ...ctx, jobs }, data.tenantId, data.orderId, {
        amount: data.full ? undefined : data.amount,
        reason: data.reason,
        actor: { kind: "system", userId: data.actorUserId ?? null },
      });
    },
    { retryLimit: 8, retryDelay: 30, retryBackoff: true },
  );
}

export async function orderPayments(db: Db, orderId: string): Promise<Payment[]> {
  return db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt));
}

export { notFound };
