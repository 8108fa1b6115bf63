// The storefront's read model: product_listings (cards, filters, search) and product_docs (whole
// product pages), rebuilt from the catalog tables. Writers enqueue `catalog.project` in their
// transaction (outbox); the job, and the writer itself right after commit, call projectNow.

import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import type { ImageVariant, Rendition, VideoOutputs } from "../media/schema.ts";
import { attrKey, searchVectorSql, titleSortKey } from "../search/document.ts";
import { listingTerms, refreshSearchTerms } from "../search/terms.ts";
import {
  catalogFacets,
  type ListingCard,
  type ProductKind,
  type ProductOption,
  productDocs,
  productListings,
  type SaleMode,
  type Spec,
  type Translations,
} from "./schema.ts";

export const PROJECT_QUEUE = "catalog.project";
export const PRICE_WINDOW_QUEUE = "catalog.price-window";
const BATCH = 500;
/** Days before a price starts whose lowest price a former-price claim must honour. */
export const PRICE_WINDOW_DAYS = 30;

export interface ProjectionTarget {
  productIds?: string[];
  all?: boolean;
}

/** Enqueues a projection; pass the business transaction so it exists only if that commits. */
export async function requestProjection(jobs: Jobs, tenantId: string, target: ProjectionTarget, tx?: Db): Promise<void> {
  await jobs.send(PROJECT_QUEUE, { tenantId, ...target }, tx ? { tx } : {});
}

export function registerCatalogJobs(jobs: Jobs, deps: { db: Db; cache: MemoCache }): void {
  jobs.register<{ tenantId: string } & ProjectionTarget>(
    PROJECT_QUEUE,
    async (data) => {
      await projectNow(deps.db, data.tenantId, data.all ? "all" : (data.productIds ?? []), { cache: deps.cache });
    },
    { concurrency: 2 },
  );
  // Former prices depend on a sliding 30-day window: re-project what changed price lately.
  jobs.register(PRICE_WINDOW_QUEUE, async () => {
    const result = (await deps.db.execute(
      sql`select tenant_id, array_agg(distinct product_id) as ids from price_history
          where valid_from > now() - make_interval(days => ${PRICE_WINDOW_DAYS + 1}) group by tenant_id`,
    )) as unknown as { rows: { tenant_id: string; ids: string[] }[] };
    for (const row of result.rows) await projectNow(deps.db, row.tenant_id, row.ids, { cache: deps.cache });
  });
}

export async function scheduleCatalogJobs(jobs: Jobs): Promise<void> {
  await jobs.schedule(PRICE_WINDOW_QUEUE, "17 3 * * *");
}

interface MediaRow {
  id: string;
  alt: string;
  kind: "image" | "video";
  status: string;
  width: number | null;
  height: number | null;
  renditions: Rendition[];
  video: VideoOutputs | null;
  original: string;
  contentType: string;
  assetAlt: string;
}

interface VariantRow {
  id: string;
  option_values: Record<string, string>;
  sku: string | null;
  barcode: string | null;
  price: number;
  compare_at_price: number | null;
  stock: number;
  weight_grams: number | null;
  desi: string | number | null;
  media_id: string | null;
  lowest_prior: number | null;
}

interface SourceRow {
  id: string;
  tenant_id: string;
  slug: string;
  title: string;
  description: string;
  translations: Translations;
  status: string;
  kind: ProductKind;
  sale_mode?: SaleMode;
  brand_id: string | null;
  brand_name: string | null;
  brand_slug: string | null;
  category_id: string | null;
  tags: string[];
  specs: Spec[];
  options: ProductOption[];
  vat_rate: number;
  featured: boolean;
  sold_count: number;
  seo_title: string | null;
  seo_description: string | null;
  created_at: string | Date;
  variants: VariantRow[] | null;
  media: MediaRow[] | null;
}

/** An image as the read model keeps it: one rendition's variants. */
export interface DocImage {
  variants: ImageVariant[];
  width: number;
  height: number;
  alt: string;
}

export interface DocVideo {
  hls: string | null;
  mp4: string;
  type: string;
  poster: ImageVariant[] | null;
  width: number | null;
  height: number | null;
  alt: string;
}

/** What product_docs.doc holds; the reader adds URLs, the category path and the locale. */
export interface ProductDoc {
  id: string;
  slug: string;
  kind: ProductKind;
  /** Orders beyond stock are taken as backorder/pre-order (they wait for review). */
  saleMode: SaleMode;
  title: { tr: string; en?: string };
  description: { tr: string; en?: string };
  seo: { tr: { title: string | null; description: string | null }; en?: { title: string | null; description: string | null } };
  brand: { name: string; slug: string } | null;
  categoryId: string | null;
  vatRate: number;
  tags: string[];
  specs: { name: string; value: string }[];
  options: ProductOption[];
  variants: {
    id: string;
    options: Record<string, string>;
    sku: string | null;
    barcode: string | null;
    price: number;
    compareAtPrice: number | null;
    stock: number;
    imageIndex: number | null;
    weightGrams: number | null;
    desi: number | null;
  }[];
  images: DocImage[];
  video: DocVideo | null;
  createdAt: string;
}

/** The rendition a product shows: the `product` crop, else the first one made. */
export function productRendition(renditions: Rendition[]): Rendition | null {
  return renditions.find((r) => r.preset === "product") ?? renditions[0] ?? null;
}

/**
 * The former price a variant may show: the merchant's compare-at price, but never above the
 * lowest price of the 30 days before the current price started; null when that is not above the price.
 */
export function formerPrice(price: number, compareAt: number | null, lowestPrior: number | null): number | null {
  if (!compareAt || compareAt <= price) return null;
  const former = lowestPrior !== null ? Math.min(compareAt, lowestPrior) : compareAt;
  return former > price ? former : null;
}

export function discountPercent(price: number, former: number | null): number {
  if (!former || former <= price) return 0;
  return Math.floor(((former - price) * 100) / former);
}

const facetKey = attrKey;

function buildDoc(row: SourceRow): ProductDoc {
  const media = row.media ?? [];
  const images: DocImage[] = [];
  const imageIndexByMedia = new Map<string, number>();
  let video: DocVideo | null = null;
  for (const m of media) {
    if (m.kind === "image") {
      const rendition = productRendition(m.renditions);
      if (!rendition || rendition.variants.length === 0) continue;
      imageIndexByMedia.set(m.id, images.length);
      images.push({ variants: rendition.variants, width: rendition.width, height: rendition.height, alt: m.alt || m.assetAlt });
    } else if (!video && m.status !== "failed") {
      const ready = m.status === "ready" && m.video?.mp4;
      video = {
        hls: ready ? (m.video?.hls?.key ?? null) : null,
        mp4: ready ? (m.video?.mp4?.key as string) : m.original,
        type: ready ? "video/mp4" : m.contentType,
        poster: m.video?.poster ?? null,
        width: m.video?.mp4?.width ?? m.width,
        height: m.video?.mp4?.height ?? m.height,
        alt: m.alt || m.assetAlt,
      };
    }
  }
  const en = row.translations.en;
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    saleMode: row.sale_mode ?? "normal",
    title: { tr: row.title, ...(en?.title ? { en: en.title } : {}) },
    description: { tr: row.description, ...(en?.description ? { en: en.description } : {}) },
    seo: {
      tr: { title: row.seo_title, description: row.seo_description },
      ...(en?.seoTitle || en?.seoDescription ? { en: { title: en.seoTitle ?? null, description: en.seoDescription ?? null } } : {}),
    },
    brand: row.brand_name && row.brand_slug ? { name: row.brand_name, slug: row.brand_slug } : null,
    categoryId: row.category_id,
    vatRate: row.vat_rate,
    tags: row.tags,
    specs: row.specs.map((s) => ({ name: s.name, value: s.value })),
    options: row.options,
    variants: (row.variants ?? []).map((v) => {
      const former = formerPrice(v.price, v.compare_at_price, v.lowest_prior);
      return {
        id: v.id,
        options: v.option_values,
        sku: v.sku,
        barcode: v.barcode,
        price: v.price,
        compareAtPrice: former,
        stock: v.stock,
        imageIndex: v.media_id ? (imageIndexByMedia.get(v.media_id) ?? null) : null,
        weightGrams: v.weight_grams,
        desi: v.desi === null ? null : Number(v.desi),
      };
    }),
    images,
    video,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The cheapest variant, preferring ones in stock. */
export function leadVariant<T extends { price: number; stock: number }>(variants: T[]): T | undefined {
  const inStock = variants.filter((v) => v.stock > 0);
  const pool = inStock.length > 0 ? inStock : variants;
  return pool.reduce<T | undefined>((a, b) => (!a || b.price < a.price ? b : a), undefined);
}

async function loadSources(tx: Db, tenantId: string, ids: string[]): Promise<SourceRow[]> {
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // FOR SHARE: a concurrent edit (FOR UPDATE) commits before or after this read, never in between,
  // so the last projection of a product always sees its last committed state.
  const result = (await tx.execute(sql`
    select p.id, p.tenant_id, p.slug, p.title, p.description, p.translations, p.status, p.kind, p.sale_mode, p.brand_id,
      b.name as brand_name, b.slug as brand_slug, p.category_id, p.tags, p.specs, p.options, p.vat_rate, p.featured,
      p.sold_count, p.seo_title, p.seo_description, p.created_at,
      (select json_agg(x order by x.position) from (
         select v.id, v.position, v.option_values, v.sku, v.barcode, v.price, v.compare_at_price, v.stock, v.weight_grams, v.desi, v.media_id,
           (select min(h.price) from price_history h
             where h.variant_id = v.id and h.valid_from < cur.valid_from
               and h.valid_from >= coalesce((select max(h2.valid_from) from price_history h2
                 where h2.variant_id = v.id and h2.valid_from <= cur.valid_from - make_interval(days => ${PRICE_WINDOW_DAYS})), '-infinity'::timestamptz)
           ) as lowest_prior
         from product_variants v
         left join lateral (select max(h.valid_from) as valid_from from price_history h where h.variant_id = v.id) cur on true
         where v.product_id = p.id) x) as variants,
      (select json_agg(json_build_object('id', pm.id, 'alt', pm.alt, 'kind', a.kind, 'status', a.status, 'width', a.width,
          'height', a.height, 'renditions', a.renditions, 'video', a.video, 'original', a.original_key,
          'contentType', a.content_type, 'assetAlt', a.alt) order by pm.position)
        from product_media pm join media_assets a on a.id = pm.asset_id where pm.product_id = p.id) as media
    from products p left join brands b on b.id = p.brand_id
    where p.tenant_id = ${tenantId} and p.id in (${idList})
    for share of p`)) as unknown as { rows: SourceRow[] };
  return result.rows;
}

async function loadCategoryPaths(tx: Db, tenantId: string): Promise<Map<string, { path: string[]; names: string[] }>> {
  const result = (await tx.execute(
    sql`select id, parent_id, name, translations from categories where tenant_id = ${tenantId}`,
  )) as unknown as { rows: { id: string; parent_id: string | null; name: string; translations: Translations }[] };
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  const paths = new Map<string, { path: string[]; names: string[] }>();
  for (const row of result.rows) {
    const path: string[] = [];
    const names: string[] = [];
    for (let node: typeof row | undefined = row; node && path.length < 20; node = node.parent_id ? byId.get(node.parent_id) : undefined) {
      path.unshift(node.id);
      names.unshift(node.name);
      if (node.translations.en?.name) names.push(node.translations.en.name);
    }
    paths.set(row.id, { path, names });
  }
  return paths;
}

/** `set` of an upsert taking every listed column from the proposed row (Drizzle wants the property names). */
function excluded<T extends PgTable>(table: T, keys: (keyof T["$inferInsert"] & string)[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`excluded."${(columns[k] as { name: string }).name}"`)]));
}

async function projectBatch(db: Db, tenantId: string, ids: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [sources, categoryPaths] = await Promise.all([loadSources(tx, tenantId, ids), loadCategoryPaths(tx, tenantId)]);
    const active = sources.filter((s) => s.status === "active" && (s.variants?.length ?? 0) > 0);
    const activeIds = new Set(active.map((s) => s.id));
    const gone = ids.filter((id) => !activeIds.has(id));
    if (gone.length > 0) {
      const list = sql.join(
        gone.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      await tx.execute(sql`delete from product_listings where tenant_id = ${tenantId} and product_id in (${list})`);
      await tx.execute(sql`delete from product_docs where tenant_id = ${tenantId} and product_id in (${list})`);
    }
    if (active.length === 0) return;
    const now = new Date();
    const facets = new Map<string, { name: string; value: string }>();
    const listings: (typeof productListings.$inferInsert)[] = [];
    const docs: (typeof productDocs.$inferInsert)[] = [];
    for (const source of active) {
      const doc = buildDoc(source);
      const lead = leadVariant(doc.variants) as ProductDoc["variants"][number];
      const attrs = new Set<string>();
      for (const spec of source.specs)
        if (spec.facet) {
          const key = facetKey(spec.name, spec.value);
          attrs.add(key);
          facets.set(key, { name: spec.name, value: spec.value });
        }
      for (const variant of doc.variants)
        for (const [name, value] of Object.entries(variant.options)) {
          const key = facetKey(name, value);
          attrs.add(key);
          facets.set(key, { name, value });
        }
      const category = source.category_id ? categoryPaths.get(source.category_id) : undefined;
      const cover = doc.images[0];
      const card: ListingCard = {
        title: doc.title,
        brand: doc.brand?.name ?? null,
        image: cover ? { variants: cover.variants, width: cover.width, height: cover.height, alt: cover.alt } : null,
        kind: doc.kind,
        variantCount: doc.variants.length,
      };
      listings.push({
        productId: source.id,
        tenantId,
        slug: source.slug,
        categoryId: source.category_id,
        categoryPath: category?.path ?? [],
        brandId: source.brand_id,
        price: lead.price,
        compareAtPrice: lead.compareAtPrice,
        discountPercent: discountPercent(lead.price, lead.compareAtPrice),
        inStock: doc.variants.some((v) => v.stock > 0),
        soldCount: source.sold_count,
        featured: source.featured,
        createdAt: new Date(source.created_at),
        attrs: [...attrs],
        titleKey: titleSortKey(source.title),
        card,
        search: searchVectorSql({
          title: source.title,
          titleEn: source.translations.en?.title ?? null,
          brand: source.brand_name,
          categories: category?.names ?? [],
          tags: source.tags,
          specs: source.specs.map((s) => `${s.name} ${s.value}`).concat(doc.variants.flatMap((v) => Object.values(v.options))),
          skus: doc.variants.flatMap((v) => [v.sku, v.barcode].filter((x): x is string => !!x)),
        }) as unknown as string,
        projectedAt: now,
      });
      docs.push({ productId: source.id, tenantId, slug: source.slug, doc: doc as unknown as Record<string, unknown>, projectedAt: now });
    }
    await tx
      .insert(productListings)
      .values(listings)
      .onConflictDoUpdate({
        target: productListings.productId,
        set: excluded(productListings, [
          "slug",
          "categoryId",
          "categoryPath",
          "brandId",
          "price",
          "compareAtPrice",
          "discountPercent",
          "inStock",
          "soldCount",
          "featured",
          "createdAt",
          "attrs",
          "titleKey",
          "card",
          "search",
          "projectedAt",
        ]),
      });
    await tx
      .insert(productDocs)
      .values(docs)
      .onConflictDoUpdate({ target: productDocs.productId, set: excluded(productDocs, ["slug", "doc", "projectedAt"]) });
    if (facets.size > 0)
      await tx
        .insert(catalogFacets)
        .values([...facets].map(([key, label]) => ({ tenantId, key, ...label })))
        .onConflictDoUpdate({ target: [catalogFacets.tenantId, catalogFacets.key], set: excluded(catalogFacets, ["name", "value"]) });
  });
}

/**
 * Rebuilds the read model of the given products (or all of the tenant's) now. Safe to repeat and
 * to run concurrently with edits.
 */
export async function projectNow(
  db: Db,
  tenantId: string,
  productIds: string[] | "all",
  options: { cache?: MemoCache } = {},
): Promise<number> {
  let count = 0;
  // A few products: recount just their words; many: rebuild the vocabulary in one statement.
  const few = productIds !== "all" && productIds.length <= 50;
  const previousTerms = few ? await listingTerms(db, tenantId, productIds) : [];
  if (productIds === "all") {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const result = (await db.execute(
        sql`select id from products where tenant_id = ${tenantId} and id > ${after}::uuid order by id limit ${BATCH}`,
      )) as unknown as { rows: { id: string }[] };
      const ids = result.rows.map((r) => r.id);
      if (ids.length === 0) break;
      await projectBatch(db, tenantId, ids);
      count += ids.length;
      after = ids.at(-1) as string;
    }
    // Listings of products that no longer exist went with them (cascade).
  } else {
    const unique = [...new Set(productIds)];
    for (let i = 0; i < unique.length; i += BATCH) await projectBatch(db, tenantId, unique.slice(i, i + BATCH));
    count = unique.length;
  }
  await refreshSearchTerms(db, tenantId, few ? (productIds as string[]) : undefined, previousTerms);
  options.cache?.invalidate(`tenant:${tenantId}:`);
  return count;
}

/** Projects active products that have no read-model row yet (after an upgrade or a lost job). */
export async function projectMissing(db: Db, options: { cache?: MemoCache } = {}): Promise<number> {
  const result = (await db.execute(
    sql`select p.tenant_id, array_agg(p.id) as ids from products p
        where p.status = 'active' and not exists (select 1 from product_listings l where l.product_id = p.id)
        group by p.tenant_id`,
  )) as unknown as { rows: { tenant_id: string; ids: string[] }[] };
  let count = 0;
  for (const row of result.rows) count += await projectNow(db, row.tenant_id, row.ids, options);
  return count;
}
