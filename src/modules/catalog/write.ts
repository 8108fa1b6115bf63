// Catalog writes: products with their variants, media and price history. Every change enqueues
// the read-model projection in the same transaction (outbox) and is audited.

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type sanitizeHtmlType from "sanitize-html";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { asciiFold, escapeLike, slugify } from "../../platform/text.ts";
import { type AuditContext, diff, recordAudit } from "../audit/service.ts";
import { mediaAssets } from "../media/schema.ts";
import { projectNow, requestProjection } from "./projection.ts";
import { brands, categories, foldedTitle, type ProductStatus, priceHistory, productMedia, products, productVariants } from "./schema.ts";
import { type ProductInput, type ProductInputRaw, productFieldsSchema, productInputSchema } from "./validators.ts";

export interface CatalogWriteContext {
  db: Db;
  tenantId: string;
  jobs: Jobs;
  cache: MemoCache;
  /** Who makes the change (audit trail); omitted for system writes such as the demo seed. */
  actor?: AuditContext;
  /** Media per product. Default 5 images and 1 video. */
  limits?: { maxImages: number; maxVideos: number };
  /**
   * Project the read model right after commit as well as through the queued job (default true),
   * so the shop shows a change at once; the job makes it certain.
   */
  projectInline?: boolean;
}

let sanitizer: Promise<typeof sanitizeHtmlType> | undefined;
/** sanitize-html (with its HTML and CSS parsers) loads on the first write, not at start-up. */
const loadSanitizer = () => {
  sanitizer ??= import("sanitize-html").then((m) => m.default);
  return sanitizer;
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The description as stored: only formatting tags survive; plain text becomes paragraphs. */
export async function sanitizeDescription(input: string): Promise<string> {
  const trimmed = input.trim();
  if (!trimmed) return "";
  const html = /<[a-z][\s\S]*>/i.test(trimmed)
    ? trimmed
    : trimmed
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>")}</p>`)
        .join("");
  const sanitizeHtml = await loadSanitizer();
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "strong",
      "b",
      "em",
      "i",
      "u",
      "s",
      "ul",
      "ol",
      "li",
      "h2",
      "h3",
      "h4",
      "blockquote",
      "a",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "hr",
    ],
    allowedAttributes: { a: ["href", "title", "rel"] },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener" }) },
  });
}

const fieldError = (status: number, path: string, message: string) => new HttpError(status, message, { errors: [{ path, message }] });

/** Parses a product input with the shared schema; a zod failure becomes a 422 with field errors. */
export function parseProductInput(input: ProductInputRaw): ProductInput {
  const parsed = productInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new HttpError(422, `The product is not valid: ${errors.map((e) => `${e.path || "product"}: ${e.message}`).join("; ")}`, { errors });
}

async function uniqueSlug(tx: Db, tenantId: string, wanted: string, explicit: boolean, exceptId?: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ slug: products.slug, id: products.id })
        .from(products)
        .where(and(eq(products.tenantId, tenantId), sql`${products.slug} like ${`${escapeLike(wanted)}%`}`))
    )
      .filter((r) => r.id !== exceptId)
      .map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  if (explicit) throw fieldError(409, "slug", `Another product already uses the address "${wanted}".`);
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Brand, category and media must belong to the tenant; media within the per-product limits. */
async function checkReferences(tx: Db, ctx: CatalogWriteContext, input: ProductInput): Promise<void> {
  if (input.brandId) {
    const [row] = await tx
      .select({ id: brands.id })
      .from(brands)
      .where(and(eq(brands.id, input.brandId), eq(brands.tenantId, ctx.tenantId)));
    if (!row) throw fieldError(422, "brandId", "No such brand in this store.");
  }
  if (input.categoryId) {
    const [row] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.id, input.categoryId), eq(categories.tenantId, ctx.tenantId)));
    if (!row) throw fieldError(422, "categoryId", "No such category in this store.");
  }
  if (input.media.length === 0) return;
  const ids = [...new Set(input.media.map((m) => m.assetId))];
  if (ids.length !== input.media.length) throw fieldError(422, "media", "The same picture is attached twice.");
  const assets = await tx
    .select({ id: mediaAssets.id, kind: mediaAssets.kind, status: mediaAssets.status })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.tenantId, ctx.tenantId), inArray(mediaAssets.id, ids)));
  if (assets.length !== ids.length) throw fieldError(422, "media", "A media item is not in this store's library.");
  const limits = ctx.limits ?? { maxImages: 5, maxVideos: 1 };
  const images = assets.filter((a) => a.kind === "image").length;
  const videos = assets.length - images;
  if (images > limits.maxImages) throw fieldError(422, "media", `A product can have at most ${limits.maxImages} images.`);
  if (videos > limits.maxVideos) throw fieldError(422, "media", `A product can have at most ${limits.maxVideos} video.`);
  if (assets.some((a) => a.status === "failed")) throw fieldError(422, "media", "A media item could not be processed; upload it again.");
  input.variants.forEach((v, i) => {
    const chosen = v.mediaIndex != null ? input.media[v.mediaIndex] : undefined;
    if (chosen && assets.find((a) => a.id === chosen.assetId)?.kind !== "image")
      throw fieldError(422, `variants.${i}.mediaIndex`, "A variant can show an image, not a video.");
  });
}

/** Aggregates the product row keeps: the cheapest variant's prices and the total stock. */
function aggregates(input: ProductInput) {
  const cheapest = input.variants.reduce((a, b) => (b.price < a.price ? b : a));
  const compareAt = cheapest.compareAtPrice && cheapest.compareAtPrice > cheapest.price ? cheapest.compareAtPrice : null;
  return { price: cheapest.price, compareAtPrice: compareAt, stock: input.variants.reduce((n, v) => n + v.stock, 0) };
}

async function productValues(input: ProductInput) {
  const en = input.translations.en;
  return {
    title: input.title,
    description: await sanitizeDescription(input.description),
    translations: en ? { en: { ...en, description: en.description && (await sanitizeDescription(en.description)) } } : {},
    status: input.status,
    kind: input.kind,
    saleMode: input.saleMode,
    externalUrl: input.kind === "external" ? (input.externalUrl ?? null) : null,
    brandId: input.brandId ?? null,
    categoryId: input.categoryId ?? null,
    tags: [...new Set(input.tags)],
    specs: input.specs,
    options: input.options,
    vatRate: input.vatRate,
    featured: input.featured,
    seoTitle: input.seoTitle ?? null,
    seoDescription: input.seoDescription ?? null,
    ...aggregates(input),
  };
}

async function writeMedia(tx: Db, tenantId: string, productId: string, input: ProductInput): Promise<string[]> {
  await tx.delete(productMedia).where(eq(productMedia.productId, productId));
  if (input.media.length === 0) return [];
  const rows = await tx
    .insert(productMedia)
    .values(input.media.map((m, position) => ({ tenantId, productId, assetId: m.assetId, position, alt: m.alt ?? "" })))
    .returning({ id: productMedia.id, position: productMedia.position });
  return rows.sort((a, b) => a.position - b.position).map((r) => r.id);
}

/** Replaces the product's variants: ids kept are updated, new ones inserted, missing ones deleted. */
async function writeVariants(tx: Db, tenantId: string, productId: string, input: ProductInput, mediaIds: string[], now: Date) {
  const existing = await tx
    .select({ id: productVariants.id, price: productVariants.price, compareAtPrice: productVariants.compareAtPrice })
    .from(productVariants)
    .where(eq(productVariants.productId, productId));
  const byId = new Map(existing.map((v) => [v.id, v]));
  const keep = new Set(input.variants.flatMap((v) => (v.id && byId.has(v.id) ? [v.id] : [])));
  const removed = existing.filter((v) => !keep.has(v.id)).map((v) => v.id);
  if (removed.length > 0) await tx.delete(productVariants).where(inArray(productVariants.id, removed));
  const history: (typeof priceHistory.$inferInsert)[] = [];
  for (const [position, v] of input.variants.entries()) {
    const values = {
      position,
      optionValues: v.options,
      sku: v.sku ?? null,
      barcode: v.barcode ?? null,
      price: v.price,
      compareAtPrice: v.compareAtPrice && v.compareAtPrice > v.price ? v.compareAtPrice : null,
      stock: v.stock,
      weightGrams: v.weightGrams ?? null,
      desi: v.desi ?? null,
      mediaId: v.mediaIndex != null ? (mediaIds[v.mediaIndex] ?? null) : null,
      updatedAt: now,
    };
    const before = v.id ? byId.get(v.id) : undefined;
    let variantId: string;
    if (before && v.id) {
      await tx.update(productVariants).set(values).where(eq(productVariants.id, v.id));
      variantId = v.id;
      if (before.price === values.price && before.compareAtPrice === values.compareAtPrice) continue;
    } else {
      const [row] = await tx
        .insert(productVariants)
        .values({ ...values, tenantId, productId, createdAt: now })
        .returning({ id: productVariants.id });
      variantId = (row as { id: string }).id;
    }
    history.push({ tenantId, productId, variantId, price: values.price, compareAtPrice: values.compareAtPrice, validFrom: now });
  }
  if (history.length > 0) await tx.insert(priceHistory).values(history);
}

function skuConflict(error: unknown): HttpError | null {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint;
  if (code === "23505" && constraint === "product_variants_tenant_sku")
    return fieldError(409, "variants.sku", "Another product already uses this SKU.");
  if (code === "23505" && constraint === "products_tenant_slug")
    return fieldError(409, "slug", "Another product already uses this address.");
  return null;
}

async function afterCommit(ctx: CatalogWriteContext, productIds: string[]): Promise<void> {
  if (ctx.projectInline === false || productIds.length === 0) return;
  await projectNow(ctx.db, ctx.tenantId, productIds, { cache: ctx.cache });
}

async function audit(
  tx: Db,
  ctx: CatalogWriteContext,
  event: { type: string; id: string; summary: string; before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  if (!ctx.actor) return;
  await recordAudit(tx, {
    ...ctx.actor,
    tenantId: ctx.tenantId,
    type: event.type,
    targetType: "product",
    targetId: event.id,
    summary: event.summary,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export async function createProduct(ctx: CatalogWriteContext, raw: ProductInputRaw): Promise<{ id: string; slug: string }> {
  const input = parseProductInput(raw);
  const now = new Date();
  const created = await ctx.db
    .transaction(async (tx) => {
      await checkReferences(tx, ctx, input);
      const slug = await uniqueSlug(tx, ctx.tenantId, input.slug ?? (slugify(input.title) || "urun"), input.slug !== undefined);
      const [row] = await tx
        .insert(products)
        .values({ ...(await productValues(input)), tenantId: ctx.tenantId, slug, createdAt: now, updatedAt: now })
        .returning({ id: products.id, slug: products.slug });
      const product = row as { id: string; slug: string };
      const mediaIds = await writeMedia(tx, ctx.tenantId, product.id, input);
      await writeVariants(tx, ctx.tenantId, product.id, input, mediaIds, now);
      await audit(tx, ctx, {
        type: "product.create",
        id: product.id,
        summary: input.title,
        after: { slug, status: input.status, price: aggregates(input).price },
      });
      await requestProjection(ctx.jobs, ctx.tenantId, { productIds: [product.id] }, tx);
      return product;
    })
    .catch((error) => {
      throw skuConflict(error) ?? error;
    });
  await afterCommit(ctx, [created.id]);
  return created;
}

/** The product as the editor and the API edit it: the same shape `createProduct` takes, plus ids. */
export async function getProductForEdit(ctx: Pick<CatalogWriteContext, "db" | "tenantId">, id: string) {
  const [product] = await ctx.db
    .select()
    .from(products)
    .where(and(eq(products.id, id), eq(products.tenantId, ctx.tenantId)));
  if (!product) return null;
  const [variants, media] = await Promise.all([
    ctx.db.select().from(productVariants).where(eq(productVariants.productId, id)).orderBy(asc(productVariants.position)),
    ctx.db.select().from(productMedia).where(eq(productMedia.productId, id)).orderBy(asc(productMedia.position)),
  ]);
  const mediaIndex = new Map(media.map((m, i) => [m.id, i]));
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    translations: product.translations,
    status: product.status,
    kind: product.kind,
    saleMode: product.saleMode,
    externalUrl: product.externalUrl,
    externalClicks: product.externalClicks,
    brandId: product.brandId,
    categoryId: product.categoryId,
    tags: product.tags,
    specs: product.specs,
    options: product.options,
    vatRate: product.vatRate as 0 | 1 | 10 | 20,
    featured: product.featured,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    price: product.price,
    stock: product.stock,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    variants: variants.map((v) => editableVariant(v, mediaIndex)),
    media: media.map((m) => ({ assetId: m.assetId, alt: m.alt })),
  };
}

/** A stored variant as the product form edits it; `mediaIndex` maps the product's media ids to their positions. */
export function editableVariant(v: typeof productVariants.$inferSelect, mediaIndex: Map<string, number>) {
  return {
    id: v.id,
    options: v.optionValues,
    sku: v.sku,
    barcode: v.barcode,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    stock: v.stock,
    weightGrams: v.weightGrams,
    desi: v.desi,
    mediaIndex: v.mediaId ? (mediaIndex.get(v.mediaId) ?? null) : null,
  };
}

export type EditableProduct = NonNullable<Awaited<ReturnType<typeof getProductForEdit>>>;

/** Changes the fields given; the result is validated as a whole product. */
export async function updateProduct(
  ctx: CatalogWriteContext,
  id: string,
  patch: Partial<ProductInputRaw>,
): Promise<{ id: string; slug: string }> {
  const current = await getProductForEdit(ctx, id);
  if (!current) throw notFound("Product");
  const unknown = Object.keys(patch).filter((k) => !(k in productFieldsSchema.shape));
  if (unknown.length > 0)
    throw new HttpError(422, `Unknown product fields: ${unknown.join(", ")}.`, {
      errors: unknown.map((path) => ({ path, message: "unknown field" })),
    });
  const { id: _id, externalClicks: _c, price: _p, stock: _s, createdAt: _ca, updatedAt: _ua, ...editable } = current;
  const input = parseProductInput({ ...editable, ...patch } as ProductInputRaw);
  const now = new Date();
  const result = await ctx.db
    .transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.id, id), eq(products.tenantId, ctx.tenantId)))
        .for("update");
      if (!locked) throw notFound("Product");
      await checkReferences(tx, ctx, input);
      const slug = patch.slug !== undefined ? await uniqueSlug(tx, ctx.tenantId, input.slug as string, true, id) : current.slug;
      const values = await productValues(input);
      await tx
        .update(products)
        .set({ ...values, slug, updatedAt: now })
        .where(eq(products.id, id));
      const mediaIds = await writeMedia(tx, ctx.tenantId, id, input);
      await writeVariants(tx, ctx.tenantId, id, input, mediaIds, now);
      const fields = Object.keys(patch).filter((k) => k !== "variants" && k !== "media" && k !== "description");
      const pick = (o: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, o[f]]));
      const changes = diff(
        pick(current as unknown as Record<string, unknown>),
        pick({ ...input, slug } as unknown as Record<string, unknown>),
      );
      if (patch.variants) {
        changes.before.price = current.price;
        changes.after.price = values.price;
        changes.before.stock = current.stock;
        changes.after.stock = values.stock;
      }
      await audit(tx, ctx, { type: "product.update", id, summary: input.title, ...changes });
      await requestProjection(ctx.jobs, ctx.tenantId, { productIds: [id] }, tx);
      return { id, slug };
    })
    .catch((error) => {
      throw skuConflict(error) ?? error;
    });
  await afterCommit(ctx, [id]);
  return result;
}

export async function deleteProduct(ctx: CatalogWriteContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(products)
      .where(and(eq(products.id, id), eq(products.tenantId, ctx.tenantId)))
      .returning({ id: products.id, title: products.title, slug: products.slug });
    if (!row) throw notFound("Product");
    await audit(tx, ctx, { type: "product.delete", id, summary: row.title, before: { slug: row.slug } });
  });
  // The read-model rows went with the product (foreign keys cascade).
  ctx.cache.invalidate(`tenant:${ctx.tenantId}:`);
}

export interface BulkChange {
  status?: ProductStatus;
  /** Applied to every variant's price (and compare-at price); results are rounded to whole kuruş, never below 0. */
  price?: { percent?: number; amount?: number };
}

/** Status and price changes for many products at once, in one transaction. */
export async function bulkUpdateProducts(ctx: CatalogWriteContext, ids: string[], change: BulkChange): Promise<{ updated: number }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { updated: 0 };
  if (!change.status && !change.price) throw new HttpError(422, "Choose a status or a price change.");
  const percent = change.price?.percent ?? 0;
  const amount = change.price?.amount ?? 0;
  if (change.price && percent === 0 && amount === 0) throw fieldError(422, "price", "The price change is zero.");
  const now = new Date();
  const updated = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: products.id, title: products.title, status: products.status, price: products.price })
      .from(products)
      .where(and(eq(products.tenantId, ctx.tenantId), inArray(products.id, unique)))
      .for("update");
    if (rows.length === 0) return 0;
    const found = rows.map((r) => r.id);
    if (change.status) await tx.update(products).set({ status: change.status, updatedAt: now }).where(inArray(products.id, found));
    if (change.price) {
      const next = (column: typeof productVariants.price | typeof productVariants.compareAtPrice) =>
        sql`greatest(0, round(${column} * (100 + ${percent}::numeric) / 100 + ${amount}::numeric))::int`;
      const variants = await tx
        .update(productVariants)
        .set({
          price: next(productVariants.price),
          compareAtPrice: sql`case when ${productVariants.compareAtPrice} is null then null else ${next(productVariants.compareAtPrice)} end`,
          updatedAt: now,
        })
        .where(inArray(productVariants.productId, found))
        .returning({
          id: productVariants.id,
          productId: productVariants.productId,
          price: productVariants.price,
          compareAtPrice: productVariants.compareAtPrice,
        });
      // A compare-at price that is no longer above the price stops claiming a discount.
      await tx.execute(
        sql`update product_variants set compare_at_price = null where product_id in (${sql.join(
          found.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and compare_at_price <= price`,
      );
      await tx.insert(priceHistory).values(
        variants.map((v) => ({
          tenantId: ctx.tenantId,
          productId: v.productId,
          variantId: v.id,
          price: v.price,
          compareAtPrice: v.compareAtPrice && v.compareAtPrice > v.price ? v.compareAtPrice : null,
          validFrom: now,
        })),
      );
      await tx.execute(sql`update products p set price = v.price, compare_at_price = v.compare_at_price, updated_at = ${now}
        from (select distinct on (product_id) product_id, price, compare_at_price from product_variants
              where product_id in (${sql.join(
                found.map((id) => sql`${id}::uuid`),
                sql`, `,
              )}) order by product_id, price, position) v
        where p.id = v.product_id`);
    }
    if (ctx.actor)
      await recordAudit(tx, {
        ...ctx.actor,
        tenantId: ctx.tenantId,
        type: "product.bulk-update",
        targetType: "product",
        summary: `${rows.length} products`,
        after: { ids: found, ...(change.status ? { status: change.status } : {}), ...(change.price ? { price: change.price } : {}) },
      });
    await requestProjection(ctx.jobs, ctx.tenantId, { productIds: found }, tx);
    return found;
  });
  if (updated === 0) return { updated: 0 };
  await afterCommit(ctx, updated);
  return { updated: updated.length };
}

export interface AdminProductQuery {
  q?: string;
  status?: ProductStatus;
  categoryId?: string;
  brandId?: string;
  stock?: "in" | "out" | "low";
  sort?: "updated" | "title" | "price-asc" | "price-desc" | "stock";
  page?: number;
  perPage?: number;
}

export interface AdminProductRow {
  id: string;
  slug: string;
  title: string;
  status: ProductStatus;
  kind: "physical" | "external";
  brand: string | null;
  category: string | null;
  price: number;
  compareAtPrice: number | null;
  stock: number;
  variants: number;
  featured: boolean;
  /** Preview image URL (smallest WebP of the first image). */
  image: string | null;
  updatedAt: string;
}

export const LOW_STOCK = 5;

/**
 * One page of the admin product list: a statement for the page and one for the total. The text
 * search uses the title trigram index, SKU and barcode their own indexes.
 */
const ADMIN_COUNT_TTL_MS = 15_000;

function countCached(ctx: { tenantId: string; cache?: MemoCache }, key: string, load: () => Promise<number>): Promise<number> {
  return ctx.cache ? ctx.cache.get(`tenant:${ctx.tenantId}:admin:product-count:${key}`, ADMIN_COUNT_TTL_MS, load) : load();
}

export async function listAdminProducts(
  ctx: Pick<CatalogWriteContext, "db" | "tenantId"> & { mediaUrl?: (key: string) => string; cache?: MemoCache },
  query: AdminProductQuery,
): Promise<{ items: AdminProductRow[]; total: number }> {
  const page = Math.max(1, query.page ?? 1);
  const perPage = Math.min(100, Math.max(1, query.perPage ?? 25));
  const where = [sql`p.tenant_id = ${ctx.tenantId}`];
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.categoryId) where.push(sql`p.category_id = ${query.categoryId}::uuid`);
  if (query.brandId) where.push(sql`p.brand_id = ${query.brandId}::uuid`);
  if (query.stock === "in") where.push(sql`p.stock > 0`);
  if (query.stock === "out") where.push(sql`p.stock <= 0`);
  if (query.stock === "low") where.push(sql`p.stock > 0 and p.stock <= ${LOW_STOCK}`);
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(asciiFold(q))}%`;
    // Exact SKU or barcode first, then one OR the planner serves with a BitmapOr over the title
    // and slug trigram indexes and the primary key.
    const bySku = (await ctx.db.execute(
      sql`select distinct product_id from product_variants where tenant_id = ${ctx.tenantId} and (sku = ${q} or barcode = ${q}) limit 100`,
    )) as unknown as { rows: { product_id: string }[] };
    const ids = bySku.rows.map((r) => r.product_id);
    const idMatch =
      ids.length > 0
        ? sql` or p.id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql``;
    where.push(sql`(${foldedTitle(sql.raw("p.title"))} like ${pattern} or p.slug like ${pattern}${idMatch})`);
  }
  const condition = sql.join(where, sql` and `);
  const order = {
    // "nulls last" as in the products_tenant_updated index, so the page is read from it.
    updated: sql`p.updated_at desc nulls last, p.id`,
    title: sql`lower(p.title), p.id`,
    "price-asc": sql`p.price, p.id`,
    "price-desc": sql`p.price desc, p.id`,
    stock: sql`p.stock, p.id`,
  }[query.sort ?? "updated"];
  type Row = {
    id: string;
    slug: string;
    title: string;
    status: ProductStatus;
    kind: "physical" | "external";
    brand: string | null;
    category: string | null;
    price: number;
    compare_at_price: number | null;
    stock: number;
    variants: number;
    featured: boolean;
    image: string | null;
    updated_at: string | Date;
  };
  const [items, counted] = await Promise.all([
    // The page's rows first (through the sort's index), then their extras for just those rows.
    ctx.db.execute(sql`select p.id, p.slug, p.title, p.status, p.kind, b.name as brand, c.name as category, p.price, p.compare_at_price,
        p.stock, p.featured, p.updated_at,
        (select count(*)::int from product_variants v where v.product_id = p.id) as variants,
        (select r.v->>'key' from product_media pm join media_assets a on a.id = pm.asset_id,
           lateral (select v from jsonb_array_elements(a.renditions) rr, jsonb_array_elements(rr->'variants') v
                    where v->>'format' = 'webp' order by (v->>'width')::int limit 1) r
         where pm.product_id = p.id order by pm.position limit 1) as image
      from (select p.*, row_number() over (order by ${order}) as n from products p
            where ${condition} order by ${order} limit ${perPage} offset ${(page - 1) * perPage}) p
      left join brands b on b.id = p.brand_id left join categories c on c.id = p.category_id
      order by p.n`),
    // Totals are cached briefly per filter (a catalog change drops them): counting 100,000 rows
    // on every page turn is the expensive part of the list.
    countCached(ctx, JSON.stringify([query.q ?? "", query.status, query.categoryId, query.brandId, query.stock]), async () => {
      const result = (await ctx.db.execute(sql`select count(*)::int as n from products p where ${condition}`)) as unknown as {
        rows: { n: number }[];
      };
      return Number(result.rows[0]?.n ?? 0);
    }),
  ]);
  const rows = (items as unknown as { rows: Row[] }).rows;
  const total = counted;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      kind: r.kind,
      brand: r.brand,
      category: r.category,
      price: r.price,
      compareAtPrice: r.compare_at_price,
      stock: r.stock,
      variants: r.variants,
      featured: r.featured,
      image: r.image && ctx.mediaUrl ? ctx.mediaUrl(r.image) : null,
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}

/** Counts a click on an external product's link and returns where to send the shopper. */
export async function followExternalLink(db: Db, tenantId: string, slug: string): Promise<string | null> {
  const [row] = await db
    .update(products)
    .set({ externalClicks: sql`${products.externalClicks} + 1` })
    .where(and(eq(products.tenantId, tenantId), eq(products.slug, slug), eq(products.kind, "external"), eq(products.status, "active")))
    .returning({ url: products.externalUrl });
  return row?.url ?? null;
}

/** Brands by name (for the editor and CSV import), newest last. */
export async function listBrands(db: Db, tenantId: string) {
  return db
    .select({ id: brands.id, slug: brands.slug, name: brands.name })
    .from(brands)
    .where(eq(brands.tenantId, tenantId))
    .orderBy(asc(brands.name), desc(brands.createdAt));
}
