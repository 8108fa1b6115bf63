// Storefront catalog reads. Everything comes from the read model (product_listings,
// product_docs, see projection.ts) plus one cached "taxonomy" statement per tenant and locale,
// so a request runs a small fixed number of statements whatever the page size.

import { sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { matchSearch, type SearchMatch } from "../search/query.ts";
import type { DocImage, ProductDoc } from "./projection.ts";
import type { ImageVariant, ListingCard, Translations } from "./schema.ts";
import type {
  CatalogReader,
  CategoryNode,
  Crumb,
  Facets,
  HomeSections,
  ImageSource,
  Picture,
  ProductCard,
  ProductDetail,
  ProductPage,
  ProductQuery,
  ProductSort,
} from "./types.ts";

export type Locale = "tr" | "en";

export interface CatalogContext {
  db: Db;
  tenantId: string;
  locale: Locale;
  cache: MemoCache;
  /** Browser URL of a stored media key. */
  mediaUrl: (key: string) => string;
  /** How long listing results, totals and facets are cached (default 30 s; 0 = not cached). */
  listTtlMs?: number;
}

const TAXONOMY_TTL_MS = 60_000;
const HOME_TTL_MS = 30_000;
const LIST_TTL_MS = 30_000;
export const RAIL_SIZE = 12;
export const MAX_PER_PAGE = 100;
/** Searches without facets count their matches up to this many. */
export const SEARCH_COUNT_CAP = 1000;

const cacheKey = (tenantId: string, ...parts: string[]) => `tenant:${tenantId}:catalog:${parts.join(":")}`;

/**
 * Call after any catalog change of a tenant: drops everything cached for the tenant (trees,
 * rails, listings and the rendered pages that show them).
 */
export function invalidateCatalog(cache: MemoCache, tenantId: string): void {
  cache.invalidate(`tenant:${tenantId}:`);
}

const localized = (base: string, translations: Translations | null | undefined, locale: Locale, field: "name" | "title" | "description") =>
  (locale !== "tr" && translations?.[locale]?.[field]) || base;

const FORMAT_TYPES = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;

function srcSet(variants: ImageVariant[], mediaUrl: (key: string) => string): string {
  return variants
    .slice()
    .sort((a, b) => a.width - b.width)
    .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
    .join(", ");
}

/** A card image: WebP (or whatever exists) with its widths. */
export function imageSource(
  variants: ImageVariant[],
  width: number,
  height: number,
  alt: string,
  mediaUrl: (key: string) => string,
): ImageSource | null {
  const preferred = variants.filter((v) => v.format === "webp");
  const usable = (preferred.length > 0 ? preferred : variants).slice().sort((a, b) => a.width - b.width);
  const largest = usable.at(-1);
  if (!largest) return null;
  return { src: mediaUrl(largest.key), srcSet: srcSet(usable, mediaUrl), width, height, alt };
}

/** A `<picture>`: AVIF and WebP sources, JPEG (else WebP) as the `<img>`. */
export function pictureOf(image: DocImage, alt: string, mediaUrl: (key: string) => string): Picture | null {
  const byFormat = (format: ImageVariant["format"]) => image.variants.filter((v) => v.format === format);
  const fallback = ["jpeg", "webp", "avif"].map((f) => byFormat(f as ImageVariant["format"])).find((list) => list.length > 0);
  if (!fallback) return null;
  const largest = fallback
    .slice()
    .sort((a, b) => a.width - b.width)
    .at(-1) as ImageVariant;
  const sources = (["avif", "webp", "jpeg"] as const)
    .map((format) => ({ type: FORMAT_TYPES[format], list: byFormat(format) }))
    .filter((s) => s.list.length > 0)
    .map((s) => ({ type: s.type, srcSet: srcSet(s.list, mediaUrl) }));
  return { src: mediaUrl(largest.key), srcSet: srcSet(fallback, mediaUrl), width: image.width, height: image.height, alt, sources };
}

// --- taxonomy: category tree, brands and facet labels, one cached statement ----------------------

interface Taxonomy {
  roots: CategoryNode[];
  bySlug: Map<string, CategoryNode>;
  byId: Map<string, CategoryNode>;
  parentOf: Map<string, CategoryNode | null>;
  brandsBySlug: Map<string, { id: string; name: string; slug: string }>;
  brandsById: Map<string, { id: string; name: string; slug: string }>;
  facetLabels: Map<string, { name: string; value: string }>;
}

async function loadTaxonomy(ctx: CatalogContext): Promise<Taxonomy> {
  return ctx.cache.get(cacheKey(ctx.tenantId, "taxonomy", ctx.locale), TAXONOMY_TTL_MS, async () => {
    const [row] = await rows<{
      categories: { id: string; parent_id: string | null; slug: string; name: string; translations: Translations }[] | null;
      brands: { id: string; slug: string; name: string }[] | null;
      facets: { key: string; name: string; value: string }[] | null;
    }>(
      ctx.db,
      sql`select
        (select json_agg(c order by c.position, c.name) from (select id, parent_id, slug, name, translations, position from categories where tenant_id = ${ctx.tenantId}) c) as categories,
        (select json_agg(b) from (select id, slug, name from brands where tenant_id = ${ctx.tenantId}) b) as brands,
        (select json_agg(f) from (select key, name, value from catalog_facets where tenant_id = ${ctx.tenantId}) f) as facets`,
    );
    const categoryRows = row?.categories ?? [];
    const byId = new Map<string, CategoryNode>();
    for (const r of categoryRows)
      byId.set(r.id, { id: r.id, slug: r.slug, name: localized(r.name, r.translations, ctx.locale, "name"), children: [] });
    const roots: CategoryNode[] = [];
    const parentOf = new Map<string, CategoryNode | null>();
    const bySlug = new Map<string, CategoryNode>();
    for (const r of categoryRows) {
      const node = byId.get(r.id) as CategoryNode;
      bySlug.set(r.slug, node);
      const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
      parentOf.set(r.id, parent ?? null);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    const brands = row?.brands ?? [];
    return {
      roots,
      bySlug,
      byId,
      parentOf,
      brandsBySlug: new Map(brands.map((b) => [b.slug, b])),
      brandsById: new Map(brands.map((b) => [b.id, b])),
      facetLabels: new Map((row?.facets ?? []).map((f) => [f.key, { name: f.name, value: f.value }])),
    };
  });
}

function breadcrumbsOf(taxonomy: Taxonomy, node: CategoryNode): Crumb[] {
  const crumbs: Crumb[] = [];
  for (let n: CategoryNode | null | undefined = node; n; n = taxonomy.parentOf.get(n.id)) crumbs.unshift({ slug: n.slug, name: n.name });
  return crumbs;
}

function pathIdsOf(taxonomy: Taxonomy, node: CategoryNode): string[] {
  const ids: string[] = [];
  for (let n: CategoryNode | null | undefined = node; n; n = taxonomy.parentOf.get(n.id)) ids.push(n.id);
  return ids;
}

function descendantIds(node: CategoryNode): string[] {
  const ids = [node.id];
  for (const child of node.children) ids.push(...descendantIds(child));
  return ids;
}

// --- cards ------------------------------------------------------------------------------------

interface CardRow {
  id: string;
  slug: string;
  price: number;
  compare_at_price: number | null;
  discount_percent: number;
  in_stock: boolean;
  card: ListingCard;
}

const cardColumns = sql`l.product_id as id, l.slug, l.price, l.compare_at_price, l.discount_percent, l.in_stock, l.card`;

function toCard(row: CardRow, ctx: CatalogContext): ProductCard {
  const title = (ctx.locale !== "tr" && row.card.title[ctx.locale]) || row.card.title.tr;
  const image = row.card.image;
  return {
    id: row.id,
    slug: row.slug,
    title,
    brand: row.card.brand,
    price: row.price,
    compareAtPrice: row.compare_at_price,
    discountPercent: row.discount_percent,
    currency: "TRY",
    inStock: row.in_stock,
    image: image ? imageSource(image.variants, image.width, image.height, image.alt || title, ctx.mediaUrl) : null,
  };
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// --- public reads -----------------------------------------------------------------------------

export async function categoryTree(ctx: CatalogContext): Promise<CategoryNode[]> {
  return (await loadTaxonomy(ctx)).roots;
}

// The tie-breaker runs in the same direction as the key so one index scan serves the order.
const sortSql: Record<Exclude<ProductSort, "relevance">, ReturnType<typeof sql>> = {
  newest: sql`l.created_at desc, l.product_id desc`,
  "price-asc": sql`l.price asc, l.product_id asc`,
  "price-desc": sql`l.price desc, l.product_id desc`,
  "best-selling": sql`l.sold_count desc, l.product_id desc`,
  "name-asc": sql`l.title_key asc, l.product_id asc`,
};

/** The four home rails in one statement, cached briefly per tenant and locale. */
export async function homeSections(ctx: CatalogContext): Promise<HomeSections> {
  return ctx.cache.get(cacheKey(ctx.tenantId, "home", ctx.locale), HOME_TTL_MS, async () => {
    const active = sql`l.tenant_id = ${ctx.tenantId}`;
    const rail = (name: string, where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) =>
      sql`(select ${name}::text as rail, row_number() over (order by ${order}) as pos, ${cardColumns}
        from product_listings l where ${active} and ${where} order by ${order} limit ${RAIL_SIZE})`;
    const result = await rows<CardRow & { rail: string }>(
      ctx.db,
      sql`select * from (
        ${rail("featured", sql`l.featured`, sortSql["best-selling"])}
        union all ${rail("discounted", sql`l.discount_percent > 0`, sortSql.newest)}
        union all ${rail("new", sql`true`, sortSql.newest)}
        union all ${rail("best", sql`true`, sortSql["best-selling"])}
      ) r order by r.rail, r.pos`,
    );
    const sections: HomeSections = { featured: [], discounted: [], newArrivals: [], bestSellers: [] };
    const target: Record<string, ProductCard[]> = {
      featured: sections.featured,
      discounted: sections.discounted,
      new: sections.newArrivals,
      best: sections.bestSellers,
    };
    for (const row of result) target[row.rail]?.push(toCard(row, ctx));
    return sections;
  });
}

type Sql = ReturnType<typeof sql>;

interface Filters {
  /** Conditions every part of the request shares (tenant, category, search, flags). */
  base: Sql[];
  brand: Sql | null;
  /** Per attribute name. */
  attrs: Map<string, Sql>;
  price: Sql | null;
  key: string;
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** Groups `name:value` keys by name. */
function attrGroups(keys: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const colon = key.indexOf(":");
    if (colon <= 0 || colon === key.length - 1) continue;
    const name = key.slice(0, colon);
    groups.set(name, [...(groups.get(name) ?? []), key]);
  }
  return groups;
}

async function facetsOf(
  ctx: CatalogContext,
  taxonomy: Taxonomy,
  filters: Filters,
  query: ProductQuery,
): Promise<Facets & { total: number }> {
  const all = (...except: ("brand" | "price" | string)[]) => {
    const parts: Sql[] = [];
    if (filters.brand && !except.includes("brand")) parts.push(filters.brand);
    if (filters.price && !except.includes("price")) parts.push(filters.price);
    for (const [name, condition] of filters.attrs) if (!except.includes(`attr:${name}`)) parts.push(condition);
    return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
  };
  // Each facet counts with every filter but its own (so choosing one brand still lists the others).
  const attrCounts = [...new Set([...filters.attrs.keys(), "*"])].map((name) =>
    name === "*"
      ? sql`select 'a' as k, a as v, count(*)::int as n, null::int as lo, null::int as hi from base, unnest(base.attrs) a
            where ${all()} ${
              filters.attrs.size > 0
                ? sql`and split_part(a, ':', 1) not in (${sql.join(
                    [...filters.attrs.keys()].map((n) => sql`${n}`),
                    sql`, `,
                  )})`
                : sql``
            } group by a`
      : sql`select 'a', a, count(*)::int, null, null from base, unnest(base.attrs) a
            where ${all(`attr:${name}`)} and split_part(a, ':', 1) = ${name} group by a`,
  );
  const result = await rows<{ k: string; v: string | null; n: number; lo: number | null; hi: number | null }>(
    ctx.db,
    sql`with base as (select l.brand_id, l.attrs, l.price, l.in_stock, l.discount_percent from product_listings l where ${sql.join(filters.base, sql` and `)})
      select 't' as k, null as v, count(*)::int as n, null::int as lo, null::int as hi from base where ${all()}
      union all select 'b', brand_id::text, count(*)::int, null, null from base where ${all("brand")} and brand_id is not null group by brand_id
      union all select 'p', null, count(*)::int, min(price), max(price) from base where ${all("price")}
      union all select 's', null, count(*)::int, null, null from base where ${all()} and in_stock
      union all select 'd', null, count(*)::int, null, null from base where ${all()} and discount_percent > 0
      union all ${sql.join(attrCounts, sql` union all `)}`,
  );
  const selectedBrands = new Set(query.brands ?? []);
  const selectedAttrs = new Set(query.attrs ?? []);
  const facets: Facets & { total: number } = { total: 0, brands: [], attributes: [], price: null, inStock: 0, discounted: 0 };
  const attributes = new Map<string, Facets["attributes"][number]>();
  for (const r of result) {
    if (r.k === "t") facets.total = r.n;
    else if (r.k === "s") facets.inStock = r.n;
    else if (r.k === "d") facets.discounted = r.n;
    else if (r.k === "p") facets.price = r.n > 0 && r.lo !== null && r.hi !== null ? { min: r.lo, max: r.hi } : null;
    else if (r.k === "b" && r.v) {
      const brand = taxonomy.brandsById.get(r.v);
      if (brand) facets.brands.push({ slug: brand.slug, name: brand.name, count: r.n, selected: selectedBrands.has(brand.slug) });
    } else if (r.k === "a" && r.v) {
      const label = taxonomy.facetLabels.get(r.v);
      const name = r.v.slice(0, r.v.indexOf(":"));
      const group = attributes.get(name) ?? { name: label?.name ?? name, key: name, values: [] };
      attributes.set(name, group);
      group.values.push({ value: label?.value ?? r.v.slice(name.length + 1), key: r.v, count: r.n, selected: selectedAttrs.has(r.v) });
    }
  }
  const collator = new Intl.Collator(ctx.locale === "tr" ? "tr" : "en", { numeric: true });
  facets.brands.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  facets.attributes = [...attributes.values()]
    .map((a) => ({ ...a, values: a.values.sort((x, y) => collator.compare(x.value, y.value)) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return facets;
}

/**
 * One page of active products, with the number of matches and, when asked, facet counts. The page
 * is one statement reading `perPage` rows through the listing indexes; the total and the facets
 * are one more statement, cached briefly per filter; search adds one vocabulary lookup. An
 * unknown category slug yields an empty page with `unknownCategory: true`.
 */
export async function listProducts(ctx: CatalogContext, query: ProductQuery): Promise<ProductPage & { unknownCategory: boolean }> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? 24)));
  const taxonomy = await loadTaxonomy(ctx);
  const empty = { items: [], total: 0, totalCapped: false, page, perPage, category: null, facets: null, corrected: null };
  const base: Sql[] = [sql`l.tenant_id = ${ctx.tenantId}`];
  const key: string[] = [];
  let category: ProductPage["category"] = null;
  if (query.category) {
    const node = taxonomy.bySlug.get(query.category);
    if (!node) return { ...empty, unknownCategory: true };
    category = { ...node, breadcrumbs: breadcrumbsOf(taxonomy, node) };
    base.push(sql`l.category_id in (${uuidList(descendantIds(node))})`);
    key.push(`c=${node.id}`);
  }
  const search = query.search?.trim().slice(0, 200);
  if (search) key.push(`q=${search.toLocaleLowerCase("tr-TR")}`);
  if (query.inStock) {
    base.push(sql`l.in_stock`);
    key.push("stock");
  }
  if (query.discounted) {
    base.push(sql`l.discount_percent > 0`);
    key.push("discounted");
  }
  let brand: Sql | null = null;
  if (query.brands && query.brands.length > 0) {
    const ids = query.brands.flatMap((slug) => {
      const b = taxonomy.brandsBySlug.get(slug);
      return b ? [b.id] : [];
    });
    brand = ids.length > 0 ? sql`brand_id in (${uuidList(ids)})` : sql`false`;
    key.push(`b=${[...query.brands].sort().join(",")}`);
  }
  const attrs = new Map<string, Sql>();
  for (const [name, values] of attrGroups(query.attrs ?? [])) {
    attrs.set(name, sql`attrs && ${textArray(values)}`);
    key.push(`a=${values.sort().join(",")}`);
  }
  let price: Sql | null = null;
  if (query.minPrice !== undefined || query.maxPrice !== undefined) {
    const lo = query.minPrice ?? 0;
    const hi = query.maxPrice ?? 2_000_000_000;
    price = sql`price between ${lo} and ${hi}`;
    key.push(`p=${lo}-${hi}`);
  }
  const sort = query.sort === "relevance" && !search ? "newest" : (query.sort ?? (search ? "relevance" : "newest"));
  const listKey = cacheKey(ctx.tenantId, "list", ctx.locale, key.join("&"), sort, String(page), String(perPage), query.facets ? "f" : "");
  const ttl = ctx.listTtlMs ?? LIST_TTL_MS;
  const cached = <T>(key: string, load: () => Promise<T>) => (ttl > 0 ? ctx.cache.get(key, ttl, load) : load());
  return cached(listKey, async () => {
    // Typo correction, totals and facets depend only on the filters: cached across pages and sorts.
    const match: SearchMatch | null = search
      ? await cached(cacheKey(ctx.tenantId, "match", search.toLocaleLowerCase("tr-TR")), () => matchSearch(ctx.db, ctx.tenantId, search))
      : null;
    if (match) base.push(match.where);
    const filters: Filters = { base, brand, attrs, price, key: key.join("&") };
    // Columns of the listing alias for the page query.
    const scoped = [
      ...base,
      ...(brand ? [sql`l.${brand}`] : []),
      ...[...attrs.values()].map((c) => sql`l.${c}`),
      ...(price ? [sql`l.${price}`] : []),
    ];
    const where = sql.join(scoped, sql` and `);
    const order = sort === "relevance" && match ? sql`${match.rank} desc, l.product_id` : sortSql[sort === "relevance" ? "newest" : sort];
    const [items, counted] = await Promise.all([
      rows<CardRow>(
        ctx.db,
        // Order and cut on narrow rows first, then read the cards (large jsonb) of just this page.
        sql`select ${cardColumns} from (
            select l.product_id, row_number() over (order by ${order}) as n from product_listings l
            where ${where} order by ${order} limit ${perPage} offset ${(page - 1) * perPage}
          ) top join product_listings l on l.product_id = top.product_id order by top.n`,
      ),
      query.facets
        ? cached(cacheKey(ctx.tenantId, "facets", ctx.locale, filters.key), () => facetsOf(ctx, taxonomy, filters, query))
        : cached(cacheKey(ctx.tenantId, "count", filters.key), async () => {
            // A search counts up to SEARCH_COUNT_CAP matches ("1.000+"): a broad word matches a
            // large share of the catalog, and counting all of it costs more than the page.
            const counting = match
              ? sql`select count(*)::int as total from (select 1 from product_listings l where ${where} limit ${SEARCH_COUNT_CAP + 1}) m`
              : sql`select count(*)::int as total from product_listings l where ${where}`;
            const [r] = await rows<{ total: number }>(ctx.db, counting);
            const total = Number(r?.total ?? 0);
            return total > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, totalCapped: true } : { total };
          }),
    ]);
    const { total, totalCapped, ...facets } = counted as Facets & { total: number; totalCapped?: boolean };
    return {
      items: items.map((r) => toCard(r, ctx)),
      total,
      page,
      perPage,
      category,
      totalCapped: totalCapped === true,
      facets: query.facets ? (facets as Facets) : null,
      corrected: match?.corrected ?? null,
      unknownCategory: false,
    };
  });
}

/** An active product by slug, from its projected document: one statement. */
export async function productBySlug(ctx: CatalogContext, slug: string): Promise<ProductDetail | null> {
  const [[row], taxonomy] = await Promise.all([
    rows<{ doc: ProductDoc }>(ctx.db, sql`select doc from product_docs where tenant_id = ${ctx.tenantId} and slug = ${slug}`),
    loadTaxonomy(ctx),
  ]);
  if (!row) return null;
  return toDetail(row.doc, taxonomy, ctx);
}

function toDetail(doc: ProductDoc, taxonomy: Taxonomy, ctx: CatalogContext): ProductDetail {
  const en = ctx.locale === "en";
  const title = (en && doc.title.en) || doc.title.tr;
  const descriptionHtml = (en && doc.description.en) || doc.description.tr;
  const images = doc.images
    .map((image, i) => pictureOf(image, image.alt || `${title} ${i + 1}`, ctx.mediaUrl))
    .filter((p): p is Picture => p !== null);
  const lead =
    doc.variants.filter((v) => v.stock > 0).sort((a, b) => a.price - b.price)[0] ??
    doc.variants.slice().sort((a, b) => a.price - b.price)[0];
  const node = doc.categoryId ? taxonomy.byId.get(doc.categoryId) : undefined;
  const stock = doc.variants.reduce((n, v) => n + v.stock, 0);
  const poster = doc.video?.poster
    ? pictureOf(
        { variants: doc.video.poster, width: doc.video.width ?? 0, height: doc.video.height ?? 0, alt: doc.video.alt },
        doc.video.alt || title,
        ctx.mediaUrl,
      )
    : null;
  const seo = (en && doc.seo.en) || doc.seo.tr;
  const price = lead?.price ?? 0;
  const compareAt = lead?.compareAtPrice ?? null;
  return {
    id: doc.id,
    slug: doc.slug,
    title,
    brand: doc.brand?.name ?? null,
    brandSlug: doc.brand?.slug ?? null,
    price,
    compareAtPrice: compareAt,
    discountPercent: compareAt && compareAt > price ? Math.floor(((compareAt - price) * 100) / compareAt) : 0,
    currency: "TRY",
    inStock: stock > 0,
    image: images[0] ?? null,
    description: htmlToText(descriptionHtml),
    descriptionHtml,
    vatRate: doc.vatRate,
    stock,
    kind: doc.kind,
    externalPath: doc.kind === "external" ? `/urun/${doc.slug}/git` : null,
    images,
    video: doc.video
      ? {
          hls: doc.video.hls ? ctx.mediaUrl(doc.video.hls) : null,
          mp4: ctx.mediaUrl(doc.video.mp4),
          type: doc.video.type,
          poster,
          width: doc.video.width,
          height: doc.video.height,
          alt: doc.video.alt || title,
        }
      : null,
    options: doc.options,
    variants: doc.variants.map((v) => ({
      id: v.id,
      options: v.options,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      discountPercent:
        v.compareAtPrice && v.compareAtPrice > v.price ? Math.floor(((v.compareAtPrice - v.price) * 100) / v.compareAtPrice) : 0,
      stock: v.stock,
      inStock: v.stock > 0,
      imageIndex: v.imageIndex,
    })),
    specs: doc.specs,
    tags: doc.tags,
    seo: { title: seo.title, description: seo.description },
    category: node ? { slug: node.slug, name: node.name } : null,
    breadcrumbs: node ? breadcrumbsOf(taxonomy, node) : [],
    categoryPath: node ? pathIdsOf(taxonomy, node) : [],
    saleMode: doc.saleMode ?? "normal",
    shipping: { weightGrams: lead?.weightGrams ?? null, desi: lead?.desi ?? null },
  };
}

/** Plain text of sanitised description HTML (meta descriptions, JSON-LD). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h[2-4])\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function catalogReader(ctx: CatalogContext): CatalogReader {
  return {
    categoryTree: () => categoryTree(ctx),
    home: () => homeSections(ctx),
    list: (query) => listProducts(ctx, query),
    product: (slug) => productBySlug(ctx, slug),
  };
}

/** Counts for the admin dashboard. */
export async function catalogStats(db: Db, tenantId: string) {
  const [row] = await rows<{ products: number; active: number; out_of_stock: number; categories: number }>(
    db,
    sql`select
      (select count(*)::int from products where tenant_id = ${tenantId}) as products,
      (select count(*)::int from products where tenant_id = ${tenantId} and status = 'active') as active,
      (select count(*)::int from products where tenant_id = ${tenantId} and status = 'active' and stock <= 0) as out_of_stock,
      (select count(*)::int from categories where tenant_id = ${tenantId}) as categories`,
  );
  return {
    products: row?.products ?? 0,
    activeProducts: row?.active ?? 0,
    outOfStock: row?.out_of_stock ?? 0,
    categories: row?.categories ?? 0,
  };
}
