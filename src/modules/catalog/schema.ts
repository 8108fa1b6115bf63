import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type ImageVariant, mediaAssets } from "../media/schema.ts";
import { tenants } from "../tenants/schema.ts";

export type { ImageVariant } from "../media/schema.ts";

/** Per-locale overrides of translatable fields; the base columns hold the tenant's default locale. */
export type Translations = Partial<
  Record<
    "en" | "tr",
    { name?: string; title?: string; subtitle?: string; description?: string; seoTitle?: string; seoDescription?: string }
  >
>;

/**
 * The title as the admin search matches it: Turkish letters folded to ASCII before `lower()`,
 * whose result otherwise depends on the database collation ("I" → "i", not "ı"). Match it with
 * `asciiFold(query)`; the index products_title_trgm is on this expression.
 */
export const TITLE_FOLD_FROM = "İIıŞşĞğÜüÖöÇçÂâÎîÛû";
export const TITLE_FOLD_TO = "iiissgguuooccaaiiuu";
export const foldedTitle = (column: unknown) =>
  sql`lower(translate(${column}, ${sql.raw(`'${TITLE_FOLD_FROM}'`)}, ${sql.raw(`'${TITLE_FOLD_TO}'`)}))`;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

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

export const brands = pgTable(
  "brands",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("brands_tenant_slug").on(t.tenantId, t.slug)],
);

export const productStatus = ["draft", "active", "archived"] as const;
export type ProductStatus = (typeof productStatus)[number];

/** `physical` ships; `external` sends the shopper to the merchant's link elsewhere ("link yönlendirmeli ürün"). */
export const productKinds = ["physical", "external"] as const;
export type ProductKind = (typeof productKinds)[number];

/** One specification row shown on the product page, e.g. `{ name: "Malzeme", value: "Pamuk" }`. */
export interface Spec {
  name: string;
  value: string;
  /** Shown as a listing facet (attribute filter). */
  facet?: boolean;
}

/** An option a shopper chooses, with its values in display order: `{ name: "Beden", values: ["S", "M"] }`. */
export interface ProductOption {
  name: string;
  values: string[];
}

export const saleModes = ["normal", "backorder", "preorder"] as const;
export type SaleMode = (typeof saleModes)[number];

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    translations: jsonb("translations").$type<Translations>().notNull().default({}),
    brandId: uuid("brand_id").references(() => brands.id, { onDelete: "set null" }),
    kind: text("kind", { enum: productKinds }).notNull().default("physical"),
    /** Where an external product's buy button leads. */
    externalUrl: text("external_url"),
    /** Times shoppers followed the external link. */
    externalClicks: integer("external_clicks").notNull().default(0),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    specs: jsonb("specs").$type<Spec[]>().notNull().default([]),
    options: jsonb("options").$type<ProductOption[]>().notNull().default([]),
    seoTitle: text("seo_title"),
    seoDescription: text("seo_description"),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    /** KDV-inclusive unit price in minor units (kuruş): the lowest of the variants' prices. */
    price: integer("price").notNull(),
    /** Former price shown struck through; null when not discounted (of the cheapest variant). */
    compareAtPrice: integer("compare_at_price"),
    currency: text("currency").notNull().default("TRY"),
    vatRate: smallint("vat_rate").notNull().default(20),
    /** Sum of the variants' stock. */
    stock: integer("stock").notNull().default(0),
    status: text("status", { enum: productStatus }).notNull().default("draft"),
    /** `backorder` / `preorder`: orders beyond the stock are taken and wait in the pending-order queue. */
    saleMode: text("sale_mode", { enum: saleModes }).notNull().default("normal"),
    featured: boolean("featured").notNull().default(false),
    soldCount: integer("sold_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_tenant_slug").on(t.tenantId, t.slug),
    // Storefront reads go to the read model (product_listings); these serve the admin.
    index("products_tenant_status").on(t.tenantId, t.status, t.updatedAt.desc()),
    index("products_tenant_updated").on(t.tenantId, t.updatedAt.desc(), t.id),
    index("products_tenant_brand").on(t.tenantId, t.brandId),
    index("products_tenant_category").on(t.tenantId, t.categoryId),
    // Admin search by title at 100k products (pg_trgm).
    index("products_title_trgm").using("gin", sql`${foldedTitle(t.title)} gin_trgm_ops`),
    index("products_slug_trgm").using("gin", sql`${t.slug} gin_trgm_ops`),
    check("products_external_url", sql`${t.kind} <> 'external' or ${t.externalUrl} is not null`),
    check("products_price_nonnegative", sql`${t.price} >= 0`),
    check("products_vat_rate", sql`${t.vatRate} in (0, 1, 10, 20)`),
  ],
);

export const productVariants = pgTable(
  "product_variants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    /** Chosen value per option name, `{}` for the single variant of a product without options. */
    optionValues: jsonb("option_values").$type<Record<string, string>>().notNull().default({}),
    sku: text("sku"),
    /** GTIN/EAN barcode. */
    barcode: text("barcode"),
    price: integer("price").notNull(),
    compareAtPrice: integer("compare_at_price"),
    stock: integer("stock").notNull().default(0),
    weightGrams: integer("weight_grams"),
    /** Volumetric weight used by Turkish carriers (desi). */
    desi: numeric("desi", { precision: 7, scale: 2, mode: "number" }),
    /** The product image shown when this variant is chosen (a product_media id). */
    mediaId: uuid("media_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("product_variants_product").on(t.productId, t.position),
    uniqueIndex("product_variants_tenant_sku").on(t.tenantId, t.sku).where(sql`${t.sku} is not null`),
    index("product_variants_tenant_barcode").on(t.tenantId, t.barcode).where(sql`${t.barcode} is not null`),
    check("product_variants_price_nonnegative", sql`${t.price} >= 0`),
    check("product_variants_stock_nonnegative", sql`${t.stock} >= 0`),
  ],
);

/**
 * Every price a variant has had, from `validFrom`. The storefront honours the lowest price of the
 * 30 days before the current one when it shows a former price (Turkish rules on discount claims).
 */
export const priceHistory = pgTable(
  "price_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantId(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    price: integer("price").notNull(),
    compareAtPrice: integer("compare_at_price"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("price_history_variant").on(t.variantId, t.validFrom), index("price_history_product").on(t.productId, t.validFrom)],
);

/** A product's images and video in display order; the files live in the media library. */
export const productMedia = pgTable(
  "product_media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => mediaAssets.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
    alt: text("alt").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_media_product").on(t.productId, t.position), index("product_media_asset").on(t.assetId)],
);

export const bannerPlacements = ["home-hero", "category"] as const;
export type BannerPlacement = (typeof bannerPlacements)[number];

/** Home carousel slides and category banners managed in admin. */
export const banners = pgTable(
  "banners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    placement: text("placement", { enum: bannerPlacements }).notNull().default("home-hero"),
    /** For `category` banners. */
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    /** Site path (`/kategori/x`) or absolute URL the banner links to. */
    linkUrl: text("link_url"),
    assetId: uuid("asset_id").references(() => mediaAssets.id, { onDelete: "set null" }),
    translations: jsonb("translations").$type<Translations>().notNull().default({}),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("banners_tenant_placement").on(t.tenantId, t.placement, t.position)],
);

// --- read model ---------------------------------------------------------------------------------
// Rebuilt from the tables above by the `catalog.project` job (outbox): one row per active product.

/** What a listing card needs, per locale where it differs. */
export interface ListingCard {
  title: { tr: string; en?: string };
  brand: string | null;
  image: { variants: ImageVariant[]; width: number; height: number; alt: string } | null;
  kind: ProductKind;
  variantCount: number;
}

export const productListings = pgTable(
  "product_listings",
  {
    productId: uuid("product_id")
      .primaryKey()
      .references(() => products.id, { onDelete: "cascade" }),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    categoryId: uuid("category_id"),
    /** The category and its ancestors. */
    categoryPath: uuid("category_path").array().notNull().default(sql`'{}'::uuid[]`),
    brandId: uuid("brand_id"),
    price: integer("price").notNull(),
    /** Former price to show: honours the lowest price of the last 30 days; null when none. */
    compareAtPrice: integer("compare_at_price"),
    discountPercent: smallint("discount_percent").notNull().default(0),
    inStock: boolean("in_stock").notNull(),
    soldCount: integer("sold_count").notNull().default(0),
    featured: boolean("featured").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Facet values as `name:value`, both folded (`renk:kirmizi`). */
    attrs: text("attrs").array().notNull().default(sql`'{}'::text[]`),
    /** Title sort key: Turkish-folded title. */
    titleKey: text("title_key").notNull(),
    card: jsonb("card").$type<ListingCard>().notNull(),
    search: tsvector("search").notNull(),
    projectedAt: timestamp("projected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_listings_tenant_slug").on(t.tenantId, t.slug),
    index("product_listings_category_created").on(t.tenantId, t.categoryId, t.createdAt, t.productId),
    index("product_listings_created").on(t.tenantId, t.createdAt, t.productId),
    index("product_listings_price").on(t.tenantId, t.price, t.productId),
    index("product_listings_sold").on(t.tenantId, t.soldCount, t.productId),
    index("product_listings_path").using("gin", t.categoryPath),
    index("product_listings_attrs").using("gin", t.attrs),
    index("product_listings_search").using("gin", t.search),
    index("product_listings_brand").on(t.tenantId, t.brandId),
  ],
);

/** The whole product page per locale, ready to render: one read per request. */
export const productDocs = pgTable(
  "product_docs",
  {
    productId: uuid("product_id")
      .primaryKey()
      .references(() => products.id, { onDelete: "cascade" }),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    doc: jsonb("doc").$type<Record<string, unknown>>().notNull(),
    projectedAt: timestamp("projected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("product_docs_tenant_slug").on(t.tenantId, t.slug)],
);

/** Words of the tenant's catalog (folded), for typo correction and suggestions. */
export const searchTerms = pgTable(
  "search_terms",
  {
    tenantId: tenantId(),
    term: text("term").notNull(),
    /** Active products containing the term. */
    products: integer("products").notNull().default(0),
  },
  (t) => [
    uniqueIndex("search_terms_tenant_term").on(t.tenantId, t.term),
    index("search_terms_trgm").using("gin", sql`${t.term} gin_trgm_ops`),
  ],
);

/** Display labels of listing facet keys (`renk:kirmizi` → Renk / Kırmızı), kept by the projector. */
export const catalogFacets = pgTable(
  "catalog_facets",
  {
    tenantId: tenantId(),
    /** Folded `name:value`, as in product_listings.attrs. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
