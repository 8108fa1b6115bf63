import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { productVariants } from "../catalog/schema.ts";
import { customers } from "../customers/schema.ts";
import { tenants } from "../tenants/schema.ts";

/**
 * A shopping cart: a guest's (found by the hash of its cookie token) or a customer's (one per
 * customer and store). Prices are never stored here: they are read and recomputed on every view.
 */
export const carts = pgTable(
  "carts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** sha256 of the guest cookie token; null for a customer's cart. */
    tokenHash: text("token_hash"),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    couponCodes: text("coupon_codes").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("carts_token").on(t.tokenHash).where(sql`${t.tokenHash} is not null`),
    uniqueIndex("carts_tenant_customer").on(t.tenantId, t.customerId).where(sql`${t.customerId} is not null`),
    index("carts_updated").on(t.updatedAt),
    check("carts_owner", sql`(${t.tokenHash} is null) <> (${t.customerId} is null)`),
  ],
);

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check("cart_items_quantity", sql`${t.quantity} between 1 and 999`)],
);

export type Cart = typeof carts.$inferSelect;
