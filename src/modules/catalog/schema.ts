import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/schema.ts";

/** Per-locale overrides of translatable fields; the base columns hold the tenant's default locale. */
export type Translations = Partial<Record<"en" | "tr", { name?: string; title?: string; description?: string }>>;

const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });

export const categories = pgTable(
  "categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    parentId: uuid("parent_id"),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    translations: jsonb("translations").$type<Translations>().notNull().default({}),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("categories_tenant_slug").on(t.tenantId, t.slug), index("categories_tenant_parent").on(t.tenantId, t.parentId)],
);

export const productStatus = ["draft", "active", "archived"] as const;
export type ProductStatus = (typeof productStatus)[number];

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    translations: jsonb("translations").$type<Translations>().notNull().default({}),
    brand: text("brand"),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    /** KDV-inclusive unit price in minor units (kuruş). */
    price: integer("price").notNull(),
    /** Former price shown struck through; null when not discounted. */
    compareAtPrice: integer("compare_at_price"),
    currency: text("currency").notNull().default("TRY"),
    vatRate: smallint("vat_rate").notNull().default(20),
    stock: integer("stock").notNull().default(0),
    status: text("status", { enum: productStatus }).notNull().default("draft"),
    featured: boolean("featured").notNull().default(false),
    soldCount: integer("sold_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_tenant_slug").on(t.tenantId, t.slug),
    // Storefront listings only ever read active products: partial indexes keep them small.
    // Each ends with id, the listings' tie-breaker, so "order by x, id limit n" reads n rows.
    index("products_active_category").on(t.tenantId, t.categoryId, t.createdAt, t.id).where(sql`${t.status} = 'active'`),
    index("products_active_created").on(t.tenantId, t.createdAt, t.id).where(sql`${t.status} = 'active'`),
    index("products_active_sold").on(t.tenantId, t.soldCount, t.id).where(sql`${t.status} = 'active'`),
    index("products_active_price").on(t.tenantId, t.price, t.id).where(sql`${t.status} = 'active'`),
    index("products_active_featured").on(t.tenantId, t.soldCount, t.id).where(sql`${t.status} = 'active' and ${t.featured}`),
    index("products_active_discounted")
      .on(t.tenantId, t.createdAt, t.id)
      .where(sql`${t.status} = 'active' and ${t.compareAtPrice} > ${t.price}`),
    index("products_tenant_status").on(t.tenantId, t.status, t.updatedAt.desc()),
    check("products_price_nonnegative", sql`${t.price} >= 0`),
    check("products_vat_rate", sql`${t.vatRate} in (0, 1, 10, 20)`),
  ],
);

/** One stored rendition of an image (format and width). */
export interface ImageVariant {
  key: string;
  format: "webp" | "avif" | "jpeg";
  width: number;
  height: number;
  bytes: number;
}

export const productImages = pgTable(
  "product_images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    alt: text("alt").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    variants: jsonb("variants").$type<ImageVariant[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_images_product").on(t.productId, t.position)],
);
