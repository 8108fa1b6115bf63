// Instant search suggestions for the header search box: a few products, categories and word
// completions for what has been typed so far. Two SQL statements at most, cached briefly.
import { sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { ListingCard, Translations } from "../catalog/schema.ts";
import { imageSource } from "../catalog/service.ts";
import type { ImageSource } from "../catalog/types.ts";
import { respell } from "./fold.ts";
import { matchSearch, parseQuery } from "./query.ts";

export const SUGGEST_PRODUCTS = 6;
export const SUGGEST_CATEGORIES = 4;
export const SUGGEST_TERMS = 4;
/** Matches ranked for the product and category suggestions; more are not looked at (bounded cost). */
const CANDIDATES = 2_000;
const TTL_MS = 60_000;

export interface SuggestContext {
  db: Db;
  tenantId: string;
  locale: "tr" | "en";
  cache: MemoCache;
  mediaUrl: (key: string) => string;
}

export interface ProductSuggestion {
  slug: string;
  title: string;
  brand: string | null;
  price: number;
  compareAtPrice: number | null;
  currency: string;
  image: ImageSource | null;
}

export interface Suggestions {
  /** The query as understood (trimmed). */
  query: string;
  /** The corrected query when a typo was fixed. */
  corrected: string | null;
  products: ProductSuggestion[];
  categories: { slug: string; name: string; count: number }[];
  /** Whole-query completions, e.g. `kablosuz ku` → `kablosuz kulaklık`. */
  terms: string[];
}

interface Row {
  k: "p" | "c" | "t";
  slug: string | null;
  name: string | null;
  n: number | null;
  price: number | null;
  compare_at_price: number | null;
  card: ListingCard | null;
  translations: Translations | null;
}

/** `lower()` is ASCII-only on a C locale: fold Turkish letters first (mirrors `fold`). */
const foldedSql = (column: ReturnType<typeof sql>) => sql`lower(translate(${column}, 'ÇĞIİÖŞÜÂÎÛçğıöşüâîû', 'cgiiosuaiucgiosuaiu'))`;

export async function suggest(ctx: SuggestContext, rawQuery: string): Promise<Suggestions> {
  const query = rawQuery.trim().replace(/\s+/g, " ").slice(0, 100);
  const words = parseQuery(query);
  const empty: Suggestions = { query, corrected: null, products: [], categories: [], terms: [] };
  if (words.length === 0) return empty;
  const key = `tenant:${ctx.tenantId}:search:suggest:${ctx.locale}:${words.map((w) => w.folded).join(" ")}${words.at(-1)?.prefix ? "*" : ""}`;
  return ctx.cache.get(key, TTL_MS, () => load(ctx, query));
}

async function load(ctx: SuggestContext, query: string): Promise<Suggestions> {
  const match = await matchSearch(ctx.db, ctx.tenantId, query);
  if (!match) return { query, corrected: null, products: [], categories: [], terms: [] };
  const effective = parseQuery(match.corrected ?? query);
  const last = effective.at(-1);
  const completing = last?.prefix && last.folded.length >= 1 ? last.folded : null;
  const nameWords = effective.map((w) => w.folded).filter((w) => w.length >= 2);
  const categoryName = foldedSql(sql`coalesce(c.translations->${ctx.locale}->>'name', c.name)`);
  // Categories whose name has every typed word at a word start come first.
  const nameMatch =
    nameWords.length > 0
      ? sql.join(
          nameWords.map((w) => sql`${categoryName} ~ ${`(^|[^a-z0-9])${w}`}`),
          sql` and `,
        )
      : null;
  const result = (await ctx.db.execute(sql`
    with m as materialized (
      select l.slug, l.price, l.compare_at_price, l.card, l.category_id, l.sold_count, ${match.rank} as r
      from product_listings l
      where l.tenant_id = ${ctx.tenantId} and ${match.where}
      limit ${CANDIDATES}
    ),
    p as (
      select 'p'::text as k, m.slug, null::text as name, null::int as n, m.price, m.compare_at_price, m.card, null::jsonb as translations
      from m order by m.r desc, m.sold_count desc, m.slug limit ${SUGGEST_PRODUCTS}
    ),
    hits as (select m.category_id, count(*)::int as n from m where m.category_id is not null group by m.category_id),
    c as (
      select 'c'::text as k, c.slug, c.name, coalesce(h.n, 0) as n, null::int, null::int, null::jsonb, c.translations
      from categories c left join hits h on h.category_id = c.id
      where c.tenant_id = ${ctx.tenantId} and (h.n is not null ${nameMatch ? sql`or (${nameMatch})` : sql``})
      order by ${nameMatch ? sql`(${nameMatch}) desc,` : sql``} h.n desc nulls last, c.position, c.slug
      limit ${SUGGEST_CATEGORIES}
    ),
    t as (
      select 't'::text as k, null::text, s.term, s.products, null::int, null::int, null::jsonb, null::jsonb
      from search_terms s
      where ${completing ? sql`s.tenant_id = ${ctx.tenantId} and s.term like ${`${completing}%`} and s.term <> ${completing}` : sql`false`}
      order by s.products desc, s.term limit ${SUGGEST_TERMS}
    )
    select * from p union all select * from c union all select * from t`)) as unknown as { rows: Row[] };

  const products: ProductSuggestion[] = [];
  const categories: Suggestions["categories"] = [];
  const completions: string[] = [];
  for (const row of result.rows) {
    if (row.k === "p" && row.card && row.slug) {
      const title = (ctx.locale !== "tr" && row.card.title[ctx.locale]) || row.card.title.tr;
      const image = row.card.image;
      products.push({
        slug: row.slug,
        title,
        brand: row.card.brand,
        price: Number(row.price),
        compareAtPrice: row.compare_at_price === null ? null : Number(row.compare_at_price),
        currency: "TRY",
        image: image ? imageSource(image.variants, image.width, image.height, image.alt || title, ctx.mediaUrl) : null,
      });
    } else if (row.k === "c" && row.slug && row.name) {
      categories.push({
        slug: row.slug,
        name: (ctx.locale !== "tr" && row.translations?.[ctx.locale]?.name) || row.name,
        count: Number(row.n ?? 0),
      });
    } else if (row.k === "t" && row.name) completions.push(row.name);
  }
  // Vocabulary terms are folded (`kulaklik`); show them as the products spell them (`kulaklık`).
  const sources = [...products.flatMap((p) => [p.title, p.brand ?? ""]), ...categories.map((c) => c.name)];
  const head = effective.slice(0, -1).map((w) => w.lower);
  const terms = completions.map((term) => respell([...head, term].join(" "), sources));
  const corrected = match.corrected ? respell(match.corrected, sources) : null;
  return { query, corrected, products, categories, terms };
}
