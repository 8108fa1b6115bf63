import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "../customers/schema.ts";
import { tenants } from "../tenants/schema.ts";

export const couponKinds = ["percent", "fixed", "free_shipping"] as const;
export type CouponKind = (typeof couponKinds)[number];
export const couponScopes = ["all", "categories", "products"] as const;
export type CouponScope = (typeof couponScopes)[number];

/**
 * A discount code. `usedCount` only changes through one conditional UPDATE
 * (`used_count < usage_limit`), so a limit holds under any number of concurrent checkouts.
 */
export const coupons = pgTable(
  "coupons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** Upper-case, Turkish-folded (`YAZ25`). */
    code: text("code").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    description: text("description").notNull().default(""),
    kind: text("kind", { enum: couponKinds }).notNull(),
    /** Percent (1–100) for `percent`, minor units for `fixed`, 0 for `free_shipping`. */
    value: integer("value").notNull().default(0),
    /** Upper bound of a percent discount, minor units. */
    maxDiscount: integer("max_discount"),
    /** Basket subtotal (after sale prices) needed, minor units. */
    minBasket: integer("min_basket").notNull().default(0),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** Uses in total; null = unlimited. */
    usageLimit: integer("usage_limit"),
    /** Uses per customer (or guest e-mail); null = unlimited. */
    perCustomerLimit: integer("per_customer_limit"),
    usedCount: integer("used_count").notNull().default(0),
    scope: text("scope", { enum: couponScopes }).notNull().default("all"),
    /** Category ids (with their subcategories) or product ids, by scope. */
    scopeIds: uuid("scope_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** May be used together with other combinable coupons. */
    combinable: boolean("combinable").notNull().default(false),
    /** Lines already on sale (a former price) are left out. */
    excludeSaleItems: boolean("exclude_sale_items").notNull().default(false),
    /** Listed on the coupons page and collectable by shoppers. */
    isPublic: boolean("is_public").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("coupons_tenant_code").on(t.tenantId, t.code),
    index("coupons_tenant_public").on(t.tenantId).where(sql`${t.isPublic} and ${t.active}`),
    check("coupons_kind", sql`${t.kind} in ('percent', 'fixed', 'free_shipping')`),
    check("coupons_scope", sql`${t.scope} in ('all', 'categories', 'products')`),
    check("coupons_value", sql`${t.value} >= 0 and (${t.kind} <> 'percent' or ${t.value} between 1 and 100)`),
    check("coupons_used_within_limit", sql`${t.usageLimit} is null or ${t.usedCount} <= ${t.usageLimit}`),
    check("coupons_used_nonnegative", sql`${t.usedCount} >= 0`),
  ],
);

/** Uses of a coupon per customer key (`c:<customer id>` or `e:<lowercased e-mail>`), counted atomically. */
export const couponUsages = pgTable(
  "coupon_usages",
  {
    couponId: uuid("coupon_id")
      .notNull()
      .references(() => coupons.id, { onDelete: "cascade" }),
    customerKey: text("customer_key").notNull(),
    used: integer("used").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.couponId, t.customerKey] }), check("coupon_usages_used_nonnegative", sql`${t.used} >= 0`)],
);

/** Coupons a signed-in shopper collected on the coupons page ("kuponlarım"). */
export const couponWallet = pgTable(
  "coupon_wallet",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    couponId: uuid("coupon_id")
      .notNull()
      .references(() => coupons.id, { onDelete: "cascade" }),
    collectedAt: timestamp("collected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.couponId] })],
);

export type Coupon = typeof coupons.$inferSelect;
