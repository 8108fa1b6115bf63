import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { customers } from "../customers/schema.ts";
import type { VatBreakdownRow } from "../documents/types.ts";
import { tenants } from "../tenants/schema.ts";
import { orderStatuses } from "./states.ts";

const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });

/** An address as it was when the order was placed (never a reference to the address book). */
export interface OrderAddress {
  firstName: string;
  lastName: string;
  phone: string;
  provinceCode: number;
  province: string;
  district: string;
  neighbourhood: string;
  addressLine: string;
  postalCode?: string | null;
}

export interface OrderInvoice {
  type: "individual" | "corporate";
  tckn?: string | null;
  companyName?: string | null;
  taxNumber?: string | null;
  taxOffice?: string | null;
}

export const paymentMethodIds = ["bank_transfer", "cash_on_delivery", "store_credit", "iyzico", "paytr", "stripe"] as const;
export type PaymentMethodId = (typeof paymentMethodIds)[number];

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** Installation-wide sequence behind the order number. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /** What shoppers and staff see: digits only (gateways want alphanumerics), from `seq`. */
    number: text("number").notNull().generatedAlwaysAs(sql`((seq + 100000000)::text)`),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    locale: text("locale").notNull().default("tr"),
    status: text("status", { enum: orderStatuses }).notNull(),
    paymentMethod: text("payment_method", { enum: paymentMethodIds }).notNull(),
    currency: text("currency").notNull().default("TRY"),
    /** Sum of the lines before coupons (sale prices already applied). */
    subtotal: bigint("subtotal", { mode: "number" }).notNull(),
    discountTotal: bigint("discount_total", { mode: "number" }).notNull().default(0),
    shippingTotal: bigint("shipping_total", { mode: "number" }).notNull().default(0),
    paymentFee: bigint("payment_fee", { mode: "number" }).notNull().default(0),
    /** subtotal − discounts + shipping + fee: the order's value, KDV included. */
    grandTotal: bigint("grand_total", { mode: "number" }).notNull(),
    storeCreditUsed: bigint("store_credit_used", { mode: "number" }).notNull().default(0),
    /** grandTotal − storeCreditUsed: what the payment method collects. */
    amountDue: bigint("amount_due", { mode: "number" }).notNull(),
    refundedTotal: bigint("refunded_total", { mode: "number" }).notNull().default(0),
    vatBreakdown: jsonb("vat_breakdown").$type<VatBreakdownRow[]>().notNull(),
    couponCodes: text("coupon_codes").array().notNull().default(sql`'{}'::text[]`),
    shippingMethodId: uuid("shipping_method_id"),
    shippingMethodName: text("shipping_method_name").notNull(),
    carrier: text("carrier").notNull(),
    shippingAddress: jsonb("shipping_address").$type<OrderAddress>().notNull(),
    billingAddress: jsonb("billing_address").$type<OrderAddress>().notNull(),
    invoice: jsonb("invoice").$type<OrderInvoice>().notNull(),
    customerNote: text("customer_note"),
    /** Client-chosen key of the placing request: a retry returns the same order. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** Hash of the placing request's content, to refuse a key reused for a different order. */
    requestHash: text("request_hash").notNull(),
    /** Unpaid orders are cancelled and their stock released after this time. */
    reservationExpiresAt: timestamp("reservation_expires_at", { withTimezone: true }),
    /** Pending-review queue: priority inputs (see orders/pending-queue.ts). */
    reviewReason: text("review_reason"),
    /**
     * When a queue worker last looked at this pending order, and how many times (a pass looks at
     * each order once; see orders/pending-queue.ts). Migration: add to 0004_orders.sql.
     */
    reviewCheckedAt: timestamp("review_checked_at", { withTimezone: true }),
    reviewAttempts: integer("review_attempts").notNull().default(0),
    ip: text("ip"),
    userAgent: text("user_agent"),
    placedAt: timestamp("placed_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    /** Bumped by every change; SSE clients and optimistic updates compare it. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("orders_tenant_number").on(t.tenantId, t.number),
    uniqueIndex("orders_tenant_idempotency").on(t.tenantId, t.idempotencyKey),
    index("orders_tenant_placed").on(t.tenantId, t.placedAt.desc()),
    index("orders_tenant_status").on(t.tenantId, t.status, t.placedAt.desc()),
    index("orders_customer").on(t.customerId, t.placedAt.desc()),
    index("orders_reservation").on(t.reservationExpiresAt).where(sql`${t.reservationExpiresAt} is not null`),
    // the pending-order queue's candidates, across stores
    index("orders_pending_review").on(t.placedAt).where(sql`${t.status} = 'pending_review'`),
    check("orders_amounts", sql`${t.amountDue} >= 0 and ${t.grandTotal} >= 0 and ${t.refundedTotal} <= ${t.grandTotal}`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id"),
    variantId: uuid("variant_id"),
    sku: text("sku"),
    title: text("title").notNull(),
    variantLabel: text("variant_label"),
    slug: text("slug"),
    image: text("image"),
    quantity: integer("quantity").notNull(),
    unitPrice: bigint("unit_price", { mode: "number" }).notNull(),
    compareAtPrice: bigint("compare_at_price", { mode: "number" }),
    /** This line's share of the coupons. */
    discount: bigint("discount", { mode: "number" }).notNull().default(0),
    /** unitPrice × quantity − discount. */
    total: bigint("total", { mode: "number" }).notNull(),
    vatRate: smallint("vat_rate").notNull(),
    refundedQuantity: integer("refunded_quantity").notNull().default(0),
    /** Quantity asked back in an open return request. */
    returnQuantity: integer("return_quantity").notNull().default(0),
  },
  (t) => [index("order_lines_order").on(t.orderId), check("order_lines_quantity", sql`${t.quantity} > 0`)],
);

export const orderEventKinds = ["status", "note", "payment", "shipment", "refund", "mail", "document", "return"] as const;
export const orderActors = ["customer", "staff", "system", "gateway"] as const;

/** Everything that happened to an order, oldest first: status changes with from/to, notes, payments… */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantId(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: orderEventKinds }).notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    message: text("message"),
    /** Staff notes are internal unless `public`. */
    visibility: text("visibility", { enum: ["public", "internal"] })
      .notNull()
      .default("public"),
    actor: text("actor", { enum: orderActors }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order").on(t.orderId, t.id)],
);

/** Each unit of stock an order took: released (given back) or committed (kept) exactly once. */
export const stockReservations = pgTable(
  "stock_reservations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id").notNull(),
    quantity: integer("quantity").notNull(),
    state: text("state", { enum: ["held", "committed", "released"] })
      .notNull()
      .default("held"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    index("stock_reservations_order").on(t.orderId),
    index("stock_reservations_held").on(t.variantId).where(sql`${t.state} = 'held'`),
  ],
);

export const documentKinds = ["pre-information", "distance-sales"] as const;

/** The legal texts the shopper confirmed, frozen with time and IP. Never updated (a trigger refuses it). */
export const orderDocuments = pgTable(
  "order_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: documentKinds }).notNull(),
    title: text("title").notNull(),
    /** The document as structured data (sections), for the PDF. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    html: text("html").notNull(),
    /** sha256 of `html`, shown on the PDF. */
    sha256: text("sha256").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("order_documents_order_kind").on(t.orderId, t.kind)],
);

export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    carrier: text("carrier").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    shippedAt: timestamp("shipped_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("shipments_order").on(t.orderId)],
);

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
