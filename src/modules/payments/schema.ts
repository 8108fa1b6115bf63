import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { orders, paymentMethodIds } from "../orders/schema.ts";
import { tenants } from "../tenants/schema.ts";

export const paymentStatuses = ["pending", "succeeded", "failed", "cancelled", "expired"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** One way an order is paid: an order paid partly with store credit has two payments. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    method: text("method", { enum: paymentMethodIds }).notNull(),
    status: text("status", { enum: paymentStatuses }).notNull().default("pending"),
    amount: bigint("amount", { mode: "number" }).notNull(),
    refundedAmount: bigint("refunded_amount", { mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("TRY"),
    /** The gateway's token/intent of the current attempt. */
    providerReference: text("provider_reference"),
    /** The gateway's id of the captured charge (needed for refunds). */
    providerPaymentId: text("provider_payment_id"),
    refundRefs: jsonb("refund_refs").$type<Record<string, string>>(),
    installments: smallint("installments"),
    failureReason: text("failure_reason"),
    raw: jsonb("raw").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
  },
  (t) => [
    index("payments_order").on(t.orderId),
    index("payments_provider_reference").on(t.method, t.providerReference).where(sql`${t.providerReference} is not null`),
    check("payments_amounts", sql`${t.amount} >= 0 and ${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.amount}`),
  ],
);

/** Every inbound gateway notification, once: a replay hits the unique key and changes nothing. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "set null" }),
    status: text("status").notNull(),
    /** What the event did: `applied`, `ignored:<why>`. */
    result: text("result").notNull(),
    raw: jsonb("raw").$type<Record<string, unknown>>(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payment_events_provider_event").on(t.provider, t.eventId)],
);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    amount: bigint("amount", { mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    providerRefundId: text("provider_refund_id"),
    failureReason: text("failure_reason"),
    /** Line id → quantity given back. */
    lines: jsonb("lines").$type<Record<string, number>>(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refunds_order").on(t.orderId), check("refunds_amount", sql`${t.amount} > 0`)],
);

export type Payment = typeof payments.$inferSelect;
