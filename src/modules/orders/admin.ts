// Orders for the store's staff: the filtered list (status, dates, payment method, customer, text
// search), the full detail with internal notes and who did what, and the changes staff make
// (status, bulk status, shipment, note, bank transfer received, refund), each recorded in the
// audit trail. The order rules themselves live in service.ts and payments/service.ts.

import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { asciiFold, escapeLike } from "../../platform/text.ts";
import { users } from "../accounts/schema.ts";
import { type AuditContext, recordAudit } from "../audit/service.ts";
import { customers } from "../customers/schema.ts";
import { refunds } from "../payments/schema.ts";
import { type Gateways, markBankTransferPaid, refundOrder } from "../payments/service.ts";
import { carriers, isCarrier } from "../shipping/carriers.ts";
import { type Order, type OrderAddress, type OrderInvoice, orderDocuments, orders, type PaymentMethodId } from "./schema.ts";
import { type Actor, addNote, getOrder, type OrderContext, setOrderStatus, shipOrder } from "./service.ts";
import { nextStatuses, type OrderStatus, orderStatuses, statusTone } from "./states.ts";

export const ORDERS_PER_PAGE = 25;
/** Most orders one bulk change may name. */
export const MAX_BULK_ORDERS = 100;
export const orderSorts = ["newest", "oldest", "total"] as const;
export type OrderSort = (typeof orderSorts)[number];
export type StatusTone = (typeof statusTone)[OrderStatus];

/** Statuses where the order waits for the merchant (review, packing, a return to handle). */
export const waitingStatuses: readonly OrderStatus[] = ["pending_review", "paid", "preparing", "return_requested", "return_received"];

export interface AdminOrderQuery {
  statuses?: readonly OrderStatus[];
  /** Placed at or after this instant. */
  from?: Date;
  /** Placed before this instant (exclusive). */
  to?: Date;
  paymentMethod?: PaymentMethodId;
  /** A customer id (uuid) or an e-mail address. */
  customer?: string;
  /** Order number prefix, e-mail, a name on the addresses or invoice, or a phone number. */
  q?: string;
  sort?: OrderSort;
  page?: number;
  perPage?: number;
}

export interface AdminOrderRow {
  id: string;
  number: string;
  placedAt: Date;
  customerId: string | null;
  customerName: string;
  email: string;
  phone: string;
  itemCount: number;
  grandTotal: number;
  refundedTotal: number;
  currency: string;
  paymentMethod: PaymentMethodId;
  status: OrderStatus;
  tone: StatusTone;
  version: number;
}

export interface AdminOrderPage {
  items: AdminOrderRow[];
  /** Orders matching every filter. */
  total: number;
  page: number;
  perPage: number;
  /** Orders per status matching every filter but the status one (for the status chips). */
  statusCounts: Record<OrderStatus, number>;
}

const FOLD_FROM = "ÇĞİIÖŞÜçğıöşü";
const FOLD_TO = "cgiiosucgiosu";
/**
 * The SQL twin of `asciiFold` for Turkish text (PostgreSQL's lower() does not know İ or Ş under
 * every collation). The letters are literals, not parameters, so an index on the same expression matches.
 */
const folded = (value: SQL) => sql`lower(translate(${value}, ${sql.raw(`'${FOLD_FROM}'`)}, ${sql.raw(`'${FOLD_TO}'`)}))`;

/**
 * Everything the text search looks in, as one folded string. Built from immutable pieces (`||`,
 * `coalesce`, `->>`, translate, lower; concat_ws is only stable) so a trigram index can cover it.
 */
const searchText = folded(
  sql`coalesce(${orders.email}, '') || ' ' || coalesce(${orders.billingAddress}->>'firstName', '') || ' ' || coalesce(${orders.billingAddress}->>'lastName', '') || ' ' || coalesce(${orders.shippingAddress}->>'firstName', '') || ' ' || coalesce(${orders.shippingAddress}->>'lastName', '') || ' ' || coalesce(${orders.invoice}->>'companyName', '')`,
);

/** The digits of the order's phone numbers, space separated. */
const phoneDigits = sql`regexp_replace(coalesce(${orders.phone}, '') || ' ' || coalesce(${orders.shippingAddress}->>'phone', '') || ' ' || coalesce(${orders.billingAddress}->>'phone', ''), '[^0-9 ]', '', 'g')`;

/**
 * Order numbers are digits only, so "starts with 123" is the range ["123", "124"): a btree range
 * on orders_tenant_number under any collation (LIKE 'x%' needs the C collation to use it).
 */
export function numberPrefixRange(prefix: string): { from: string; to: string | null } {
  const stripped = prefix.replace(/9+$/, "");
  if (stripped === "") return { from: prefix, to: null };
  const last = stripped.charCodeAt(stripped.length - 1);
  return { from: prefix, to: stripped.slice(0, -1) + String.fromCharCode(last + 1) };
}

function searchCondition(raw: string): SQL | undefined {
  const q = raw.trim().replace(/^#/, "").slice(0, 200);
  if (!q) return undefined;
  const parts: SQL[] = [];
  const digits = q.replace(/[\s()+.-]/g, "");
  if (/^\d+$/.test(digits)) {
    const range = numberPrefixRange(digits);
    parts.push(
      range.to === null ? gte(orders.number, range.from) : sql`(${orders.number} >= ${range.from} and ${orders.number} < ${range.to})`,
    );
    if (digits.length >= 4) {
      // 0532…, +90532… and 532… are the same phone: match on the last ten digits
      const local = digits.length > 10 ? digits.slice(-10) : digits.replace(/^0/, "");
      parts.push(sql`replace(${phoneDigits}, ' ', '') like ${`%${escapeLike(local)}%`}`);
    }
  }
  const text = asciiFold(q);
  if (text.length >= 2) parts.push(sql`${searchText} like ${`%${escapeLike(text)}%`}`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

function filterConditions(tenantId: string, query: AdminOrderQuery, withStatus: boolean): SQL[] {
  const where: SQL[] = [eq(orders.tenantId, tenantId)];
  if (withStatus && query.statuses && query.statuses.length > 0) where.push(inArray(orders.status, [...query.statuses]));
  if (query.from) where.push(gte(orders.placedAt, query.from));
  if (query.to) where.push(lt(orders.placedAt, query.to));
  if (query.paymentMethod) where.push(eq(orders.paymentMethod, query.paymentMethod));
  const customer = query.customer?.trim();
  if (customer) {
    where.push(isUuid(customer) ? eq(orders.customerId, customer) : sql`lower(${orders.email}) = ${customer.toLowerCase()}`);
  }
  const search = query.q ? searchCondition(query.q) : undefined;
  if (search) where.push(search);
  return where;
}

const fullName = (a: Pick<OrderAddress, "firstName" | "lastName"> | null | undefined) =>
  a ? `${a.firstName ?? ""} ${a.lastName ?? ""}`.trim() : "";

/** One page of the store's orders with the counts per status. Two SQL statements. */
export async function listAdminOrders(db: Db, tenantId: string, query: AdminOrderQuery = {}): Promise<AdminOrderPage> {
  const perPage = Math.min(Math.max(query.perPage ?? ORDERS_PER_PAGE, 1), 100);
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), 100_000);
  const order =
    query.sort === "oldest"
      ? [asc(orders.placedAt), asc(orders.id)]
      : query.sort === "total"
        ? [desc(orders.grandTotal), desc(orders.placedAt)]
        : [desc(orders.placedAt), desc(orders.id)];
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        placedAt: orders.placedAt,
        customerId: orders.customerId,
        email: orders.email,
        phone: orders.phone,
        billing: orders.billingAddress,
        shipping: orders.shippingAddress,
        grandTotal: orders.grandTotal,
        refundedTotal: orders.refundedTotal,
        currency: orders.currency,
        paymentMethod: orders.paymentMethod,
        status: orders.status,
        version: orders.version,
        itemCount: sql<number>`(select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = "orders"."id")::int`,
      })
      .from(orders)
      .where(and(...filterConditions(tenantId, query, true)))
      .orderBy(...order)
      .limit(perPage)
      .offset((page - 1) * perPage),
    db
      .select({ status: orders.status, n: count() })
      .from(orders)
      .where(and(...filterConditions(tenantId, query, false)))
      .groupBy(orders.status),
  ]);
  const statusCounts = Object.fromEntries(orderStatuses.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const c of counts) statusCounts[c.status] = Number(c.n);
  const chosen = query.statuses && query.statuses.length > 0 ? query.statuses : orderStatuses;
  const total = chosen.reduce((sum, s) => sum + statusCounts[s], 0);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      placedAt: r.placedAt,
      customerId: r.customerId,
      customerName: fullName(r.billing) || fullName(r.shipping),
      email: r.email,
      phone: r.phone,
      itemCount: Number(r.itemCount),
      grandTotal: r.grandTotal,
      refundedTotal: r.refundedTotal,
      currency: r.currency,
      paymentMethod: r.paymentMethod,
      status: r.status,
      tone: statusTone[r.status],
      version: r.version,
    })),
    total,
    page,
    perPage,
    statusCounts,
  };
}

export interface OrdersSummary {
  /** Orders placed since midnight in Türkiye (not cancelled), and their value. */
  today: number;
  todayTotal: number;
  awaitingPayment: number;
  /** Paid or preparing: to pack and ship. */
  toShip: number;
  /** Orders waiting for the merchant (see `waitingStatuses`). */
  waiting: number;
}

/** Midnight in Türkiye (UTC+3 all year) before `now`. */
export function startOfTurkishDay(now = new Date()): Date {
  const shifted = new Date(now.getTime() + 3 * 3_600_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - 3 * 3_600_000);
}

/** The dashboard's order figures: one statement over the two order indexes. */
export async function ordersSummary(db: Db, tenantId: string, now = new Date()): Promise<OrdersSummary> {
  const since = startOfTurkishDay(now);
  const [row] = await db
    .select({
      today: sql<number>`count(*) filter (where ${orders.placedAt} >= ${since} and ${orders.status} <> 'cancelled')::int`,
      todayTotal: sql<number>`coalesce(sum(${orders.grandTotal}) filter (where ${orders.placedAt} >= ${since} and ${orders.status} <> 'cancelled'), 0)::bigint`,
      awaitingPayment: sql<number>`count(*) filter (where ${orders.status} = 'awaiting_payment')::int`,
      toShip: sql<number>`count(*) filter (where ${orders.status} in ('paid', 'preparing'))::int`,
      waiting: sql<number>`count(*) filter (where ${inArray(orders.status, [...waitingStatuses])})::int`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, tenantId),
        sql`(${orders.placedAt} >= ${since} or ${inArray(orders.status, ["awaiting_payment", ...waitingStatuses])})`,
      ),
    );
  return {
    today: Number(row?.today ?? 0),
    todayTotal: Number(row?.todayTotal ?? 0),
    awaitingPayment: Number(row?.awaitingPayment ?? 0),
    toShip: Number(row?.toShip ?? 0),
    waiting: Number(row?.waiting ?? 0),
  };
}

/** How many orders wait for the merchant (the navigation badge): an index-only count. */
export async function waitingOrderCount(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), inArray(orders.status, [...waitingStatuses])));
  return Number(row?.n ?? 0);
}

export interface AdminOrderPerson {
  id: string;
  name: string;
  email: string;
}

export interface AdminOrderEvent {
  id: number;
  kind: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  message: string | null;
  internal: boolean;
  actor: "customer" | "staff" | "system" | "gateway";
  actorUser: AdminOrderPerson | null;
  data: Record<string, unknown> | null;
  createdAt: Date;
}

export interface AdminOrderDetail {
  id: string;
  number: string;
  status: OrderStatus;
  tone: StatusTone;
  version: number;
  locale: string;
  email: string;
  phone: string;
  paymentMethod: PaymentMethodId;
  currency: string;
  placedAt: Date;
  paidAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  reservationExpiresAt: Date | null;
  reviewReason: string | null;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  paymentFee: number;
  grandTotal: number;
  storeCreditUsed: number;
  amountDue: number;
  refundedTotal: number;
  /** What can still be refunded: succeeded payments less their refunds. */
  refundable: number;
  vat: { rate: number; net: number; vat: number }[];
  couponCodes: string[];
  shippingMethodName: string;
  carrier: string;
  shippingAddress: OrderAddress;
  billingAddress: OrderAddress;
  invoice: OrderInvoice;
  customerNote: string | null;
  ip: string | null;
  /** The store's customer record when the order was placed signed in (null for guests). */
  customer: (AdminOrderPerson & { orderCount: number }) | null;
  lines: {
    id: string;
    productId: string | null;
    variantId: string | null;
    sku: string | null;
    title: string;
    variantLabel: string | null;
    slug: string | null;
    image: string | null;
    quantity: number;
    unitPrice: number;
    compareAtPrice: number | null;
    discount: number;
    total: number;
    vatRate: number;
    refundedQuantity: number;
    returnQuantity: number;
  }[];
  events: AdminOrderEvent[];
  /** Payments without gateway payloads or tokens. */
  payments: {
    id: string;
    method: PaymentMethodId;
    status: string;
    amount: number;
    refundedAmount: number;
    installments: number | null;
    failureReason: string | null;
    providerPaymentId: string | null;
    createdAt: Date;
    paidAt: Date | null;
  }[];
  refunds: {
    id: string;
    amount: number;
    reason: string;
    status: string;
    method: PaymentMethodId | null;
    failureReason: string | null;
    lines: Record<string, number> | null;
    actorUser: AdminOrderPerson | null;
    createdAt: Date;
  }[];
  shipments: {
    id: string;
    carrier: string;
    carrierName: string;
    trackingNumber: string;
    trackingUrl: string | null;
    shippedAt: Date;
    deliveredAt: Date | null;
  }[];
  /** The legal texts the shopper confirmed (frozen copies). */
  documents: { kind: string; title: string; acceptedAt: Date; sha256: string }[];
  /** Statuses the state machine allows next. */
  nextStatuses: OrderStatus[];
}

/** The full order for staff, or null when it is not this store's. Six SQL statements. */
export async function getAdminOrder(db: Db, tenantId: string, orderId: string): Promise<AdminOrderDetail | null> {
  if (!isUuid(orderId)) return null;
  const detail = await getOrder(db, tenantId, orderId);
  if (!detail) return null;
  const o = detail.order;
  const [docs, refundRows, customer] = await Promise.all([
    db
      .select({
        kind: orderDocuments.kind,
        title: orderDocuments.title,
        acceptedAt: orderDocuments.acceptedAt,
        sha256: orderDocuments.sha256,
      })
      .from(orderDocuments)
      .where(eq(orderDocuments.orderId, o.id))
      .orderBy(asc(orderDocuments.kind)),
    db.select().from(refunds).where(eq(refunds.orderId, o.id)).orderBy(asc(refunds.createdAt)),
    o.customerId
      ? db
          .select({
            id: customers.id,
            name: users.name,
            email: users.email,
            orderCount: sql<number>`(select count(*) from orders c where c.customer_id = "customers"."id")::int`,
          })
          .from(customers)
          .innerJoin(users, eq(users.id, customers.userId))
          .where(and(eq(customers.id, o.customerId), eq(customers.tenantId, tenantId)))
      : Promise.resolve([]),
  ]);
  const actorIds = [
    ...new Set([...detail.events.map((e) => e.actorUserId), ...refundRows.map((r) => r.actorUserId)].filter((id): id is string => !!id)),
  ];
  const people = new Map<string, AdminOrderPerson>();
  if (actorIds.length > 0) {
    for (const u of await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(inArray(users.id, actorIds))) {
      people.set(u.id, u);
    }
  }
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  const paymentMethodOf = new Map(detail.payments.map((p) => [p.id, p.method]));
  const refundable = detail.payments.filter((p) => p.status === "succeeded").reduce((s, p) => s + p.amount - p.refundedAmount, 0);
  const c = customer[0];
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    tone: statusTone[o.status],
    version: o.version,
    locale: o.locale,
    email: o.email,
    phone: o.phone,
    paymentMethod: o.paymentMethod,
    currency: o.currency,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    deliveredAt: o.deliveredAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    reservationExpiresAt: o.reservationExpiresAt,
    reviewReason: o.reviewReason,
    subtotal: o.subtotal,
    discountTotal: o.discountTotal,
    shippingTotal: o.shippingTotal,
    paymentFee: o.paymentFee,
    grandTotal: o.grandTotal,
    storeCreditUsed: o.storeCreditUsed,
    amountDue: o.amountDue,
    refundedTotal: o.refundedTotal,
    refundable,
    vat: o.vatBreakdown,
    couponCodes: o.couponCodes,
    shippingMethodName: o.shippingMethodName,
    carrier: o.carrier,
    shippingAddress: o.shippingAddress,
    billingAddress: o.billingAddress,
    invoice: o.invoice,
    customerNote: o.customerNote,
    ip: o.ip,
    customer: c ? { id: c.id, name: c.name, email: c.email, orderCount: Number(c.orderCount) } : null,
    lines: detail.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      variantLabel: l.variantLabel,
      slug: l.slug,
      image: l.image,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      compareAtPrice: l.compareAtPrice,
      discount: l.discount,
      total: l.total,
      vatRate: l.vatRate,
      refundedQuantity: l.refundedQuantity,
      returnQuantity: l.returnQuantity,
    })),
    events: detail.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: (e.fromStatus as OrderStatus | null) ?? null,
      toStatus: (e.toStatus as OrderStatus | null) ?? null,
      message: e.message,
      internal: e.visibility === "internal",
      actor: e.actor,
      actorUser: person(e.actorUserId),
      data: e.data ?? null,
      createdAt: e.createdAt,
    })),
    payments: detail.payments.map((p) => ({
      id: p.id,
      method: p.method,
      status: p.status,
      amount: p.amount,
      refundedAmount: p.refundedAmount,
      installments: p.installments,
      failureReason: p.failureReason,
      providerPaymentId: p.providerPaymentId,
      createdAt: p.createdAt,
      paidAt: p.paidAt,
    })),
    refunds: refundRows.map((r) => ({
      id: r.id,
      amount: r.amount,
      reason: r.reason,
      status: r.status,
      method: paymentMethodOf.get(r.paymentId) ?? null,
      failureReason: r.failureReason,
      lines: r.lines ?? null,
      actorUser: person(r.actorUserId),
      createdAt: r.createdAt,
    })),
    shipments: detail.shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      carrierName: isCarrier(s.carrier) ? carriers[s.carrier].name : s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      shippedAt: s.shippedAt,
      deliveredAt: s.deliveredAt,
    })),
    documents: docs,
    nextStatuses: [...nextStatuses(o.status)],
  };
}

// ---- changes ---------------------------------------------------------------------------------

export interface OrderAdminContext {
  db: Db;
  tenantId: string;
  jobs: Jobs;
  events?: EventBus;
  gateways: Gateways;
  /** Who acts (audit trail): the staff member or API key of the request. */
  audit: AuditContext;
  /** The staff member's user id (null for API keys), recorded on the order's events. */
  userId: string | null;
  ip?: string;
}

function orderCtx(ctx: OrderAdminContext): OrderContext {
  return { db: ctx.db, tenantId: ctx.tenantId, jobs: ctx.jobs, events: ctx.events, actor: staffActor(ctx) };
}

const staffActor = (ctx: OrderAdminContext): Actor => ({ kind: "staff", userId: ctx.userId });

/** The order as it is now (to audit its status before a change); 404 when it is not this store's. */
async function currentOrder(ctx: OrderAdminContext, orderId: string): Promise<Order> {
  if (!isUuid(orderId)) throw notFound("The order");
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.id, orderId)));
  if (!order) throw notFound("The order");
  return order;
}

async function audit(
  ctx: OrderAdminContext,
  order: Pick<Order, "id" | "number">,
  type: string,
  summary: string,
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): Promise<void> {
  await recordAudit(ctx.db, {
    ...ctx.audit,
    tenantId: ctx.tenantId,
    type,
    targetType: "order",
    targetId: order.id,
    summary,
    before: changes.before ?? null,
    after: changes.after ?? null,
  });
}

function cleanMessage(message: string | undefined, max = 1000): string | undefined {
  const text = message?.trim();
  if (!text) return undefined;
  if (text.length > max) throw new HttpError(400, `Keep the message under ${max} characters.`, { code: "message-too-long" });
  return text;
}

/**
 * Moves an order to `status` as the state machine allows (409 otherwise). `cancelled` cancels it
 * (stock, coupons and store credit go back; a paid order is refunded by a job); `shipped` needs
 * `shipOrder` (a carrier and tracking number), refunded statuses `refundAdminOrder`.
 */
export async function changeOrderStatus(ctx: OrderAdminContext, orderId: string, status: OrderStatus, message?: string): Promise<Order> {
  if (status === "refunded" || status === "partially_refunded") {
    throw new HttpError(400, "Refund the order (POST /refunds) to make it refunded: that moves the money.", { code: "refund-required" });
  }
  const before = await currentOrder(ctx, orderId);
  if (status === "paid" && before.status === "awaiting_payment") {
    // the money decides: a bank transfer is confirmed by staff (payment row, stock), a card by its gateway
    if (before.paymentMethod === "bank_transfer") return markOrderPaid(ctx, orderId);
    throw new HttpError(409, "This order is paid through its payment gateway; it cannot be marked paid by hand.", {
      code: "payment-required",
    });
  }
  const text = cleanMessage(message);
  const updated = await setOrderStatus(orderCtx(ctx), orderId, status, text);
  await audit(ctx, updated, "order.status_change", `${updated.number}: ${before.status} → ${updated.status}`, {
    before: { status: before.status },
    after: { status: updated.status, ...(text ? { message: text } : {}) },
  });
  return updated;
}

export interface BulkStatusResult {
  id: string;
  number: string | null;
  ok: boolean;
  status?: OrderStatus;
  code?: string;
  message?: string;
}

/** Changes the status of each order on its own: one refused order does not stop the others. */
export async function bulkChangeOrderStatus(
  ctx: OrderAdminContext,
  ids: readonly string[],
  status: OrderStatus,
  message?: string,
): Promise<BulkStatusResult[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new HttpError(400, "Choose at least one order.", { code: "no-orders" });
  if (unique.length > MAX_BULK_ORDERS)
    throw new HttpError(400, `Choose at most ${MAX_BULK_ORDERS} orders at once.`, { code: "too-many-orders" });
  const valid = unique.filter(isUuid);
  const numbers = new Map(
    valid.length > 0
      ? (
          await ctx.db
            .select({ id: orders.id, number: orders.number })
            .from(orders)
            .where(and(eq(orders.tenantId, ctx.tenantId), inArray(orders.id, valid)))
        ).map((r) => [r.id, r.number])
      : [],
  );
  const results: BulkStatusResult[] = [];
  for (const id of unique) {
    const number = numbers.get(id) ?? null;
    if (!number) {
      results.push({ id, number: null, ok: false, code: "not-found", message: "The order was not found." });
      continue;
    }
    try {
      const updated = await changeOrderStatus(ctx, id, status, message);
      results.push({ id, number, ok: true, status: updated.status });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      results.push({ id, number, ok: false, code: error.code, message: error.message });
    }
  }
  return results;
}

/** Records a shipment (carrier + tracking number) and moves the order to shipped. */
export async function shipAdminOrder(
  ctx: OrderAdminContext,
  orderId: string,
  input: { carrier: string; trackingNumber: string },
): Promise<Order> {
  const before = await currentOrder(ctx, orderId);
  const updated = await shipOrder(orderCtx(ctx), orderId, input);
  await audit(ctx, updated, "order.ship", `${updated.number}: ${input.carrier} ${input.trackingNumber.trim()}`, {
    before: { status: before.status },
    after: { status: updated.status, carrier: input.carrier, trackingNumber: input.trackingNumber.trim() },
  });
  return updated;
}

/** A staff note on the order's timeline: internal (staff only) or public (the shopper sees it). */
export async function addOrderNote(
  ctx: OrderAdminContext,
  orderId: string,
  message: string,
  visibility: "internal" | "public",
): Promise<void> {
  const order = await currentOrder(ctx, orderId);
  await addNote(orderCtx(ctx), orderId, message, visibility);
  await audit(ctx, order, "order.note", `${order.number}: ${visibility} note`, { after: { visibility } });
}

/** A bank transfer arrived: the order becomes paid. */
export async function markOrderPaid(ctx: OrderAdminContext, orderId: string): Promise<Order> {
  const before = await currentOrder(ctx, orderId);
  const updated = await markBankTransferPaid(
    { db: ctx.db, jobs: ctx.jobs, events: ctx.events, gateways: ctx.gateways },
    ctx.tenantId,
    orderId,
    staffActor(ctx),
  );
  await audit(ctx, updated, "order.mark_paid", `${updated.number}: bank transfer received`, {
    before: { status: before.status },
    after: { status: updated.status },
  });
  return updated;
}

export interface RefundInput {
  /** Minor units; default: the lines' value when lines are given, otherwise all that is refundable. */
  amount?: number;
  reason: string;
  /** Line id → quantity given back. */
  lines?: Record<string, number>;
}

/**
 * Refunds part or all of an order through its payments (store credit back to the balance, card
 * payments through their gateway, bank transfer / cash on delivery recorded for staff to pay out).
 * With lines and no amount, refunds the lines' share (their discounts included).
 */
export async function refundAdminOrder(ctx: OrderAdminContext, orderId: string, input: RefundInput): Promise<Order> {
  const before = await currentOrder(ctx, orderId);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500)
    throw new HttpError(400, "Give the reason of the refund (3–500 characters).", { code: "invalid-reason" });
  let amount = input.amount;
  let lines: Record<string, number> | undefined;
  if (input.lines && Object.keys(input.lines).length > 0) {
    const detail = await getOrder(ctx.db, ctx.tenantId, orderId);
    const byId = new Map((detail?.lines ?? []).map((l) => [l.id, l]));
    lines = {};
    let value = 0;
    for (const [lineId, qty] of Object.entries(input.lines)) {
      if (qty === 0) continue;
      const line = byId.get(lineId);
      if (!line || !Number.isInteger(qty) || qty < 0 || qty > line.quantity - line.refundedQuantity) {
        throw new HttpError(400, "A chosen item or quantity is not refundable in this order.", { code: "invalid-line" });
      }
      lines[lineId] = qty;
      value += Math.round((line.total * qty) / line.quantity);
    }
    if (Object.keys(lines).length === 0) lines = undefined;
    else amount ??= value;
  }
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0)) {
    throw new HttpError(400, "Enter an amount to refund.", { code: "invalid-amount" });
  }
  const updated = await refundOrder({ db: ctx.db, jobs: ctx.jobs, events: ctx.events, gateways: ctx.gateways }, ctx.tenantId, orderId, {
    amount,
    reason,
    lines,
    actor: staffActor(ctx),
    ip: ctx.ip,
  });
  const refunded = updated.refundedTotal - before.refundedTotal;
  await audit(ctx, updated, "order.refund", `${updated.number}: refund ${refunded}`, {
    before: { status: before.status, refundedTotal: before.refundedTotal },
    after: { status: updated.status, refundedTotal: updated.refundedTotal, reason, ...(lines ? { lines } : {}) },
  });
  return updated;
}
