import { asc, eq, sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/text.ts";
import { categories, type ImageVariant, type Translations } from "./schema.ts";
import type {
  CatalogReader,
  CategoryNode,
  Crumb,
  HomeSections,
  ImageSource,
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
}

const TREE_TTL_MS = 60_000;
const HOME_TTL_MS = 30_000;
export const RAIL_SIZE = 12;
export const MAX_PER_PAGE = 100;

const cacheKey = (tenantId: string, ...parts: string[]) => `tenant:${tenantId}:catalog:${parts.join(":")}`;

/**
 * Call after any catalog change of a tenant: drops everything cached for the tenant (trees,
 * rails and the rendered pages that show them).
 */
export function invalidateCatalog(cache: MemoCache, tenantId: string): void {
  cache.invalidate(`tenant:${tenantId}:`);
}

const localized = (base: string, translations: Translations | null | undefined, locale: Locale, field: "name" | "title" | "description") =>
  (locale !== "tr" && translations?.[locale]?.[field]) || base;

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
  return {
    src: mediaUrl(largest.key),
    srcSet: usable.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", "),
    width,
    height,
    alt,
  };
}

// --- category tree -------------------------------------------------------------------------

interface TreeIndex {
  roots: CategoryNode[];
  bySlug: Map<string, CategoryNode>;
  byId: Map<string, CategoryNode>;
  parentOf: Map<string, CategoryNode | null>;
}

async function loadTree(ctx: CatalogContext): Promise<TreeIndex> {
  return ctx.cache.get(cacheKey(ctx.tenantId, "tree", ctx.locale), TREE_TTL_MS, async () => {
    const rows = await ctx.db
      .select({
        id: categories.id,
        parentId: categories.parentId,
        slug: categories.slug,
        name: categories.name,
        translations: categories.translations,
      })
      .from(categories)
      .where(eq(categories.tenantId, ctx.tenantId))
      .orderBy(asc(categories.position), asc(categories.name));
    const nodes = new Map<string, CategoryNode>();
    for (const r of rows)
      nodes.set(r.id, { id: r.id, slug: r.slug, name: localized(r.name, r.translations, ctx.locale, "name"), children: [] });
    const roots: CategoryNode[] = [];
    const parentOf = new Map<string, CategoryNode | null>();
    const bySlug = new Map<string, CategoryNode>();
    for (const r of rows) {
      const node = nodes.get(r.id) as CategoryNode;
      bySlug.set(r.slug, node);
      const parent = r.parentId ? nodes.get(r.parentId) : undefined;
      parentOf.set(r.id, parent ?? null);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return { roots, bySlug, byId: nodes, parentOf };
  });
}

function breadcrumbsOf(tree: TreeIndex, node: CategoryNode): Crumb[] {
  const crumbs: Crumb[] = [];
  for (let n: CategoryNode | null | undefined = node; n; n = tree.parentOf.get(n.id)) crumbs.unshift({ slug: n.slug, name: n.name });
  return crumbs;
}

function descendantIds(node: CategoryNode): string[] {
  const ids = [node.id];
  for (const child of node.children) ids.push(...descendantIds(child));
  return ids;
}

// --- product cards --------------------------------------------------------------------------

interface CardRow {
  id: string;
  slug: string;
  title: string;
  translations: Translations | null;
  brand: string | null;
  price: number;
  compare_at_price: number | null;
  currency: string;
  stock: number;
  img_variants: ImageVariant[] | null;
  img_width: number | null;
  img_height: number | null;
  img_alt: string | null;
}

/** Columns of a product card plus its first image, for `from products p`. */
const cardColumns = sql`p.id, p.slug, p.title, p.translations, p.brand, p.price, p.compare_at_price, p.currency, p.stock,
  img.variants as img_variants, img.width as img_width, img.height as img_height, img.alt as img_alt`;
const coverJoin = sql`left join lateral (
  select pi.variants, pi.width, pi.height, pi.alt from product_images pi
  where pi.product_id = p.id order by pi.position limit 1) img on true`;

export function discountPercent(price: number, compareAt: number | null): number {
  if (!compareAt || compareAt <= price) return 0;
  return Math.floor(((compareAt - price) * 100) / compareAt);
}

function toCard(row: CardRow, ctx: CatalogContext): ProductCard {
  const title = localized(row.title, row.translations, ctx.locale, "title");
  return {
    id: row.id,
    slug: row.slug,
    title,
    brand: row.brand,
    price: row.price,
    compareAtPrice: row.compare_at_price && row.compare_at_price > row.price ? row.compare_at_price : null,
    discountPercent: discountPercent(row.price, row.compare_at_price),
    currency: row.currency,
    inStock: row.stock > 0,
    image: row.img_variants
      ? imageSource(row.img_variants, row.img_width ?? 0, row.img_height ?? 0, row.img_alt || title, ctx.mediaUrl)
      : null,
  };
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// --- public reads -----------------------------------------------------------------------------

export async function categoryTree(ctx: CatalogContext): Promise<CategoryNode[]> {
  return (await loadTree(ctx)).roots;
}

/** The four home rails in one statement, cached briefly per tenant and locale. */
export async function homeSections(ctx: CatalogContext): Promise<HomeSections> {
  return ctx.cache.get(cacheKey(ctx.tenantId, "home", ctx.locale), HOME_TTL_MS, async () => {
    const active = sql`p.tenant_id = ${ctx.tenantId} and p.status = 'active'`;
    const rail = (name: string, where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) =>
      sql`(select ${name}::text as rail, p.id, row_number() over (order by ${order}) as pos
        from products p where ${active} and ${where} order by ${order} limit ${RAIL_SIZE})`;
    const result = await rows<CardRow & { rail: string }>(
      ctx.db,
      sql`select r.rail, ${cardColumns.getSQL()} from (
        ${rail("featured", sql`p.featured`, sortSql["best-selling"])}
        union all ${rail("discounted", sql`p.compare_at_price > p.price`, sortSql.newest)}
        union all ${rail("new", sql`true`, sortSql.newest)}
        union all ${rail("best", sql`true`, sortSql["best-selling"])}
      ) r join products p on p.id = r.id ${coverJoin}
      order by r.rail, r.pos`,
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

// The tie-breaker runs in the same direction as the key so one index scan serves the order.
const sortSql: Record<ProductSort, ReturnType<typeof sql>> = {
  newest: sql`p.created_at desc, p.id desc`,
  "price-asc": sql`p.price asc, p.id asc`,
  "price-desc": sql`p.price desc, p.id desc`,
  "best-selling": sql`p.sold_count desc, p.id desc`,
};

const COUNT_TTL_MS = 30_000;

/**
 * One page of active products and the number of matches. The page is one statement that reads
 * only `perPage` rows through the listing indexes; the total is a second, index-only count,
 * cached briefly per filter (it is what grows with the catalog). An unknown category slug yields
 * an empty page with `unknownCategory: true`.
 */
export async function listProducts(ctx: CatalogContext, query: ProductQuery): Promise<ProductPage & { unknownCategory: boolean }> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? 24)));
  const tree = await loadTree(ctx);
  const conditions = [sql`p.tenant_id = ${ctx.tenantId}`, sql`p.status = 'active'`];
  const filterKey: string[] = [];
  let category: ProductPage["category"] = null;
  if (query.category) {
    const node = tree.bySlug.get(query.category);
    if (!node) return { items: [], total: 0, page, perPage, category: null, unknownCategory: true };
    category = { ...node, breadcrumbs: breadcrumbsOf(tree, node) };
    const ids = descendantIds(node);
    conditions.push(
      sql`p.category_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    filterKey.push(`c=${node.id}`);
  }
  const search = query.search?.trim();
  if (search) {
    // Basic matching for now; the catalog search issue replaces this with a proper index.
    const pattern = likePattern(search.toLocaleLowerCase("tr-TR"));
    conditions.push(sql`(lower(p.title) like ${pattern} or lower(coalesce(p.brand, '')) like ${pattern})`);
    filterKey.push(`q=${search.toLocaleLowerCase("tr-TR")}`);
  }
  if (query.inStock) {
    conditions.push(sql`p.stock > 0`);
    filterKey.push("stock");
  }
  if (query.discounted) {
    conditions.push(sql`p.compare_at_price > p.price`);
    filterKey.push("discounted");
  }
  const where = sql.join(conditions, sql` and `);
  const [result, total] = await Promise.all([
    rows<CardRow>(
      ctx.db,
      sql`select ${cardColumns.getSQL()} from (
          select * from products p where ${where}
          order by ${sortSql[query.sort ?? "newest"]} limit ${perPage} offset ${(page - 1) * perPage}
        ) p ${coverJoin}
        order by ${sortSql[query.sort ?? "newest"]}`,
    ),
    ctx.cache.get(cacheKey(ctx.tenantId, "count", ...filterKey), COUNT_TTL_MS, async () => {
      const [counted] = await rows<{ total: number }>(ctx.db, sql`select count(*)::int as total from products p where ${where}`);
      return Number(counted?.total ?? 0);
    }),
  ]);
  return { items: result.map((r) => toCard(r, ctx)), total, page, perPage, category, unknownCategory: false };
}

interface DetailRow extends CardRow {
  description: string;
  vat_rate: number;
  category_id: string | null;
  images: { variants: ImageVariant[]; width: number; height: number; alt: string }[];
}

/** An active product by slug with all its images, in one statement. */
export async function productBySlug(ctx: CatalogContext, slug: string): Promise<ProductDetail | null> {
  const [row] = await rows<DetailRow>(
    ctx.db,
    sql`select ${cardColumns.getSQL()}, p.description, p.vat_rate, p.category_id,
        coalesce((select json_agg(json_build_object('variants', i.variants, 'width', i.width, 'height', i.height, 'alt', i.alt) order by i.position)
          from product_images i where i.product_id = p.id), '[]'::json) as images
      from products p ${coverJoin}
      where p.tenant_id = ${ctx.tenantId} and p.slug = ${slug} and p.status = 'active'`,
  );
  if (!row) return null;
  const tree = await loadTree(ctx);
  const card = toCard(row, ctx);
  const node = row.category_id ? tree.byId.get(row.category_id) : undefined;
  return {
    ...card,
    description: localized(row.description, row.translations, ctx.locale, "description"),
    vatRate: row.vat_rate,
    stock: row.stock,
    images: row.images
      .map((i) => imageSource(i.variants, i.width, i.height, i.alt || card.title, ctx.mediaUrl))
      .filter((i): i is ImageSource => i !== null),
    category: node ? { slug: node.slug, name: node.name } : null,
    breadcrumbs: node ? breadcrumbsOf(tree, node) : [],
  };
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
