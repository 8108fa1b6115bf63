// The tenant's search vocabulary (search_terms): every folded word of its listed products with
// the number of products holding it. Derived from product_listings.search: lexemes weighted
// A–C are words; stem-only lexemes (weight D) are not.
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";

/** SQL test on an unnested lexeme `u` that mirrors `isVocabularyWord` in document.ts. */
const VOCABULARY_LEXEME = sql`u.weights && '{A,B,C}'::text[] and length(u.lexeme) >= 2 and u.lexeme !~ '[0-9]'`;

/** Vocabulary words of the current listings of some products (call before overwriting them). */
export async function listingTerms(db: Db, tenantId: string, productIds: string[]): Promise<string[]> {
  if (productIds.length === 0) return [];
  const result = (await db.execute(sql`
    select distinct u.lexeme as term
    from product_listings l cross join lateral unnest(l.search) u
    where l.tenant_id = ${tenantId} and l.product_id in (${sql.join(
      productIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and ${VOCABULARY_LEXEME}`)) as unknown as { rows: { term: string }[] };
  return result.rows.map((r) => r.term);
}

/** Words held by fewer products than this are recounted exactly; commoner ones change by ±1. */
export const EXACT_RECOUNT_BELOW = 1_000;

/**
 * Brings search_terms up to date after product_listings changed.
 *
 * - Without `productIds`: rebuilds the tenant's whole vocabulary (one statement; 3–4 s at
 *   100,000 products on PostgreSQL).
 * - With `productIds`: looks at the words those products hold now and `previousTerms`, the words
 *   they held before (`listingTerms`, read before the listings were rewritten or deleted). Rare
 *   words (fewer than EXACT_RECOUNT_BELOW products, or not in the vocabulary yet) are recounted
 *   exactly from the listings, so a word leaves as soon as its last product does. Commoner words
 *   go up or down by one when a product gained or lost them, which is enough for ordering.
 *   One statement, milliseconds per word. Without `previousTerms`, lost words are not seen: use it.
 */
export async function refreshSearchTerms(
  db: Db,
  tenantId: string,
  productIds?: string[],
  previousTerms?: string[],
  options: { exactBelow?: number } = {},
): Promise<void> {
  const exactBelow = options.exactBelow ?? EXACT_RECOUNT_BELOW;
  if (productIds === undefined) {
    await db.execute(sql`
      with fresh as (
        select u.lexeme as term, count(*)::int as n
        from product_listings l cross join lateral unnest(l.search) u
        where l.tenant_id = ${tenantId} and ${VOCABULARY_LEXEME}
        group by u.lexeme
      ),
      gone as (
        delete from search_terms s
        where s.tenant_id = ${tenantId} and not exists (select 1 from fresh f where f.term = s.term)
      )
      insert into search_terms (tenant_id, term, products)
      select ${tenantId}, term, n from fresh
      on conflict (tenant_id, term) do update set products = excluded.products
      where search_terms.products is distinct from excluded.products`);
    return;
  }
  const previous = previousTerms ?? [];
  if (productIds.length === 0 && previous.length === 0) return;
  const ids =
    productIds.length > 0
      ? sql.join(
          productIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
      : sql`null::uuid`;
  const previousArray =
    previous.length > 0
      ? sql`array[${sql.join(
          previous.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`
      : sql`'{}'::text[]`;
  // Without a list of previous words, treat every current word as already counted.
  const hadSql = previousTerms === undefined ? sql`c0.has_now` : sql`c0.term = any(${previousArray})`;
  await db.execute(sql`
    with now_terms as (
      select distinct u.lexeme as term
      from product_listings l cross join lateral unnest(l.search) u
      where l.tenant_id = ${tenantId} and l.product_id in (${ids}) and ${VOCABULARY_LEXEME}
    ),
    c0 as (
      select term, true as has_now from now_terms
      union all
      select p.term, false from unnest(${previousArray}) as p(term) where not exists (select 1 from now_terms n where n.term = p.term)
    ),
    c as (
      select c0.term, c0.has_now, ${hadSql} as had, s.products as stored
      from c0 left join search_terms s on s.tenant_id = ${tenantId} and s.term = c0.term
    ),
    counted as (
      select c.term,
        case when c.stored is null or c.stored < ${exactBelow} then (
          select count(*)::int from product_listings l
          where l.tenant_id = ${tenantId} and l.search @@ (quote_literal(c.term) || ':ABC')::tsquery
        ) else c.stored + (case when c.has_now then 1 else -1 end) end as n
      from c
      where c.stored is null or c.stored < ${exactBelow} or c.has_now <> c.had
    ),
    gone as (
      delete from search_terms s using counted c
      where s.tenant_id = ${tenantId} and s.term = c.term and c.n <= 0
    )
    insert into search_terms (tenant_id, term, products)
    select ${tenantId}, term, n from counted where n > 0
    on conflict (tenant_id, term) do update set products = excluded.products
    where search_terms.products is distinct from excluded.products`);
}
