// sitemap.xml for search engines: the home page, the legal pages, categories with active products
// and every active product, read from the storefront's read model (product_listings holds only
// active products). Up to SITEMAP_MAX_URLS addresses it is one <urlset>; past that /sitemap.xml is
// a <sitemapindex> of /sitemap-pages.xml and /sitemap-products-N.xml (the protocol's limit is
// 50,000 URLs per file).
//
// What is cached (MemoCache, `tenant:<id>:seo:…`, dropped with the catalog's invalidation) is the
// plan: the primary host, the categories with their lastmod, and where each product page starts.
// Product URLs are streamed from the database in keyset batches, so a 50,000-URL file never sits
// in memory as rows.

import { createHash } from "node:crypto";
import { and, asc, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { categories, productListings } from "../catalog/schema.ts";
import { tenantDomains } from "../tenants/schema.ts";

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Rows read per statement while streaming product URLs. */
const STREAM_BATCH = 2_000;
const PLAN_TTL_MS = 10 * 60_000;

/**
 * Legal and corporate pages (`/sayfa/<slug>`), as the storefront footer lists them
 * (src/web/components/store-footer.tsx LEGAL_PAGES; the server cannot import a .tsx file).
 */
export const LEGAL_PAGE_SLUGS = ["hakkimizda", "kvkk-aydinlatma-metni", "mesafeli-satis-sozlesmesi", "iade-ve-degisim"] as const;

export interface SitemapContext {
  db: Db;
  tenantId: string;
  cache: MemoCache;
  /** URLs per product file; SITEMAP_MAX_URLS unless a test wants small pages. */
  pageSize?: number;
}

/** One product file of the index: where it starts (first slug) and its newest change. */
export interface ProductPage {
  first: string;
  count: number;
  lastmod: string | null;
}

export interface SitemapPlan {
  /** Host the URLs use: the tenant's primary domain, or null to use the request's host. */
  primaryHost: string | null;
  categories: { slug: string; lastmod: string | null }[];
  products: number;
  productPages: ProductPage[];
  /** Newest change of any active product (the home page's lastmod). */
  lastmod: string | null;
}

/** What /sitemap.xml is: everything in one urlset, or an index of files. */
export type SitemapShape = { kind: "urlset" } | { kind: "index"; productFiles: number };

/**
 * The split rule: one urlset while the pages (home, legal, categories) and the products fit in one
 * file, else an index of the pages file and ceil(products / pageSize) product files.
 */
export function sitemapShape(staticUrls: number, products: number, pageSize = SITEMAP_MAX_URLS): SitemapShape {
  if (staticUrls + products <= pageSize) return { kind: "urlset" };
  return { kind: "index", productFiles: Math.ceil(products / pageSize) };
}

const toIso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);
const newest = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);

async function execRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Builds the plan with four statements (domain, categories, listing counts per category, page starts). */
async function buildPlan(db: Db, tenantId: string, pageSize: number): Promise<SitemapPlan> {
  const [domains, cats, perCategory, pages] = await Promise.all([
    db
      .select({ host: tenantDomains.host })
      .from(tenantDomains)
      .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.isPrimary, true)))
      .limit(1),
    db
      .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug })
      .from(categories)
      .where(eq(categories.tenantId, tenantId))
      .orderBy(asc(categories.position), asc(categories.slug)),
    execRows<{ category_id: string | null; lastmod: Date | string | null }>(
      db,
      sql`select category_id, max(projected_at) as lastmod from product_listings where tenant_id = ${tenantId} group by category_id`,
    ),
    // Every pageSize-th slug in slug order, with the count and newest change of its page.
    execRows<{ first: string; count: number; lastmod: Date | string | null }>(
      db,
      sql`select min(slug) as first, count(*)::int as count, max(projected_at) as lastmod
          from (select slug, projected_at, (row_number() over (order by slug) - 1) / ${pageSize} as page
                from product_listings where tenant_id = ${tenantId}) t
          group by page order by page`,
    ),
  ]);
  // A category's lastmod is the newest product in it or below it; empty categories are left out.
  const parent = new Map(cats.map((c) => [c.id, c.parentId]));
  const lastmodOf = new Map<string, string | null>();
  for (const row of perCategory) {
    let id = row.category_id;
    const value = toIso(row.lastmod);
    for (let depth = 0; id && depth < 50; depth++) {
      lastmodOf.set(id, newest(lastmodOf.get(id) ?? null, value));
      id = parent.get(id) ?? null;
    }
  }
  const productPages = pages.map((p) => ({ first: p.first, count: Number(p.count), lastmod: toIso(p.lastmod) }));
  return {
    primaryHost: domains[0]?.host ?? null,
    categories: cats.filter((c) => lastmodOf.has(c.id)).map((c) => ({ slug: c.slug, lastmod: lastmodOf.get(c.id) ?? null })),
    products: productPages.reduce((n, p) => n + p.count, 0),
    productPages,
    lastmod: productPages.reduce<string | null>((max, p) => newest(max, p.lastmod), null),
  };
}

/** The cached plan of a tenant's sitemap. */
export function sitemapPlan(ctx: SitemapContext): Promise<SitemapPlan> {
  const pageSize = ctx.pageSize ?? SITEMAP_MAX_URLS;
  return ctx.cache.get(`tenant:${ctx.tenantId}:seo:sitemap-plan:${pageSize}`, PLAN_TTL_MS, () => buildPlan(ctx.db, ctx.tenantId, pageSize));
}

/**
 * The origin the sitemap's URLs use: the primary domain when the store has one (with the request's
 * protocol and port), else the request's own host.
 */
export function siteOrigin(plan: Pick<SitemapPlan, "primaryHost">, protocol: string, requestHost: string): string {
  if (!plan.primaryHost) return `${protocol}://${requestHost}`;
  const port = /:(\d+)$/.exec(requestHost)?.[1];
  const host = plan.primaryHost.includes(":") && !plan.primaryHost.startsWith("[") ? `[${plan.primaryHost}]` : plan.primaryHost;
  return `${protocol}://${host}${port ? `:${port}` : ""}`;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] as string);

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
const URLSET_CLOSE = "</urlset>\n";

function urlEntry(loc: string, lastmod: string | null): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>\n`;
}

/** Home, legal pages and categories: the URLs that are not products. */
function staticEntries(plan: SitemapPlan, origin: string): string[] {
  return [
    urlEntry(`${origin}/`, plan.lastmod),
    ...LEGAL_PAGE_SLUGS.map((slug) => urlEntry(`${origin}/sayfa/${slug}`, null)),
    ...plan.categories.map((c) => urlEntry(`${origin}/kategori/${encodeURIComponent(c.slug)}`, c.lastmod)),
  ];
}

/** Product URLs from `first` (inclusive) to `before` (exclusive, or to the end), in keyset batches. */
async function* productEntries(ctx: SitemapContext, origin: string, first: string | null, before: string | null, limit: number) {
  let after: string | null = null;
  let sent = 0;
  while (sent < limit) {
    const conditions = [eq(productListings.tenantId, ctx.tenantId)];
    if (after !== null) conditions.push(gt(productListings.slug, after));
    else if (first !== null) conditions.push(gte(productListings.slug, first));
    if (before !== null) conditions.push(lt(productListings.slug, before));
    const rows = await ctx.db
      .select({ slug: productListings.slug, projectedAt: productListings.projectedAt })
      .from(productListings)
      .where(and(...conditions))
      .orderBy(asc(productListings.slug))
      .limit(Math.min(STREAM_BATCH, limit - sent));
    if (rows.length === 0) return;
    let chunk = "";
    for (const row of rows) chunk += urlEntry(`${origin}/urun/${encodeURIComponent(row.slug)}`, toIso(row.projectedAt));
    yield chunk;
    sent += rows.length;
    after = (rows.at(-1) as { slug: string }).slug;
    if (rows.length < STREAM_BATCH) return;
  }
}

export type SitemapFile = { kind: "main" } | { kind: "pages" } | { kind: "products"; page: number };

/** Parses `/sitemap.xml`, `/sitemap-pages.xml`, `/sitemap-products-3.xml`. */
export function sitemapFileOf(path: string): SitemapFile | null {
  if (path === "/sitemap.xml") return { kind: "main" };
  if (path === "/sitemap-pages.xml") return { kind: "pages" };
  const m = /^\/sitemap-products-([1-9]\d{0,5})\.xml$/.exec(path);
  return m ? { kind: "products", page: Number(m[1]) } : null;
}

export interface RenderedSitemap {
  /** Weak validator of the file's content, from the plan. */
  etag: string;
  body: AsyncIterable<string>;
}

/**
 * One sitemap file as a stream of XML text, or null when it does not exist (a product page past
 * the last one). The ETag changes whenever the plan (counts, lastmods, host) does.
 */
export async function renderSitemap(
  ctx: SitemapContext,
  file: SitemapFile,
  protocol: string,
  requestHost: string,
): Promise<RenderedSitemap | null> {
  const pageSize = ctx.pageSize ?? SITEMAP_MAX_URLS;
  const plan = await sitemapPlan(ctx);
  const origin = siteOrigin(plan, protocol, requestHost);
  const staticUrls = staticEntries(plan, origin);
  const shape = sitemapShape(staticUrls.length, plan.products, pageSize);
  const etag = (part: string) =>
    `W/"${createHash("sha1")
      .update(JSON.stringify([origin, part, plan]))
      .digest("base64url")
      .slice(0, 27)}"`;

  if (file.kind === "main" && shape.kind === "index") {
    const files = [
      { loc: `${origin}/sitemap-pages.xml`, lastmod: plan.lastmod },
      ...plan.productPages.map((p, i) => ({ loc: `${origin}/sitemap-products-${i + 1}.xml`, lastmod: p.lastmod })),
    ];
    const xml =
      `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
      files
        .map((f) => `<sitemap><loc>${escapeXml(f.loc)}</loc>${f.lastmod ? `<lastmod>${f.lastmod}</lastmod>` : ""}</sitemap>\n`)
        .join("") +
      "</sitemapindex>\n";
    return { etag: etag("index"), body: once(xml) };
  }
  if (file.kind === "main") {
    return {
      etag: etag("all"),
      body: concat(URLSET_OPEN + staticUrls.join(""), productEntries(ctx, origin, null, null, Number.MAX_SAFE_INTEGER), URLSET_CLOSE),
    };
  }
  if (file.kind === "pages") return { etag: etag("pages"), body: once(URLSET_OPEN + staticUrls.join("") + URLSET_CLOSE) };
  const page = plan.productPages[file.page - 1];
  if (!page) return null;
  const next = plan.productPages[file.page]?.first ?? null;
  return {
    etag: etag(`products-${file.page}`),
    body: concat(URLSET_OPEN, productEntries(ctx, origin, page.first, next, pageSize), URLSET_CLOSE),
  };
}

async function* once(text: string) {
  yield text;
}

async function* concat(head: string, middle: AsyncIterable<string>, tail: string) {
  yield head;
  yield* middle;
  yield tail;
}
