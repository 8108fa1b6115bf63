import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { tenants } from "../tenants/schema.ts";

// A person (a global `users` row) is a customer of each store they signed up at or bought from.
// Everything a store knows about its customers hangs off this row, so one store never sees
// another's customers, addresses or balances.

export const customerTiers = ["standard", "premium"] as const;
export type CustomerTier = (typeof customerTiers)[number];

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tier: text("tier", { enum: customerTiers }).notNull().default("standard"),
    /** Store credit in minor units (kuruş); changed only together with a ledger row. */
    storeCredit: bigint("store_credit", { mode: "number" }).notNull().default(0),
    /** Disabled customers cannot sign in to this store. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    note: text("note"),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("customers_tenant_user").on(t.tenantId, t.userId),
    index("customers_tenant_created").on(t.tenantId, t.createdAt),
    index("customers_user").on(t.userId),
    check("customers_tier", sql`${t.tier} in ('standard', 'premium')`),
    check("customers_store_credit_non_negative", sql`${t.storeCredit} >= 0`),
  ],
);

/** Every change of a customer's store credit, with the reason and who made it. */
export const storeCreditEntries = pgTable(
  "store_credit_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** Signed amount in minor units: positive adds credit, negative uses it. */
    amount: bigint("amount", { mode: "number" }).notNull(),
    balanceAfter: bigint("balance_after", { mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The order that used or refunded the credit, once orders exist. */
    orderId: uuid("order_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("store_credit_entries_customer").on(t.customerId, t.createdAt)],
);

export const invoiceTypes = ["individual", "corporate"] as const;
export type InvoiceType = (typeof invoiceTypes)[number];

/** A customer's address book in one store (Turkish address form). */
export const addresses = pgTable(
  "addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** e.g. "Ev", "İş". */
    title: text("title").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** E.164, +90… */
    phone: text("phone").notNull(),
    /** Plate code of the il (1–81). */
    provinceCode: integer("province_code").notNull(),
    province: text("province").notNull(),
    district: text("district").notNull(),
    neighbourhood: text("neighbourhood").notNull(),
    addressLine: text("address_line").notNull(),
    postalCode: text("postal_code"),
    /** Optional T.C. kimlik no (checked by its checksum). */
    tckn: text("tckn"),
    invoiceType: text("invoice_type", { enum: invoiceTypes }).notNull().default("individual"),
    companyName: text("company_name"),
    /** Vergi kimlik no (10 digits, checksum checked). */
    taxNumber: text("tax_number"),
    taxOffice: text("tax_office"),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("addresses_customer").on(t.customerId),
    uniqueIndex("addresses_one_default").on(t.customerId).where(sql`${t.isDefault}`),
    check("addresses_invoice_type", sql`${t.invoiceType} in ('individual', 'corporate')`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type StoreCreditEntry = typeof storeCreditEntries.$inferSelect;
export type Address = typeof addresses.$inferSelect;
