import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/schema.ts";
import { carrierIds } from "./carriers.ts";

/**
 * A way to ship an order. The fee covers `baseDesi` desi (volumetric weight, or kg when heavier);
 * each further desi adds `perDesiFee`. Baskets of `freeOver` or more ship free.
 */
export const shippingMethods = pgTable(
  "shipping_methods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    carrier: text("carrier", { enum: carrierIds }).notNull(),
    baseFee: integer("base_fee").notNull(),
    baseDesi: integer("base_desi").notNull().default(3),
    perDesiFee: integer("per_desi_fee").notNull().default(0),
    /** Basket value (after discounts) from which shipping is free; null = never. */
    freeOver: integer("free_over"),
    minDays: integer("min_days").notNull().default(1),
    maxDays: integer("max_days").notNull().default(3),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shipping_methods_tenant").on(t.tenantId, t.position),
    check("shipping_methods_fees", sql`${t.baseFee} >= 0 and ${t.perDesiFee} >= 0 and ${t.baseDesi} >= 0`),
    check("shipping_methods_days", sql`${t.minDays} >= 0 and ${t.maxDays} >= ${t.minDays}`),
  ],
);

export type ShippingMethod = typeof shippingMethods.$inferSelect;
