// Turns what a shopper typed into a full-text condition on product_listings (alias `l`), with
// prefix matching on the last word and typo correction against the tenant's vocabulary.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { foldedStems, isVocabularyWord } from "./document.ts";
import { fold, trLower, wordsOf } from "./fold.ts";

export interface SearchMatch {
  where: SQL;
  rank: SQL;
  /** The corrected query when a word was replaced by a close vocabulary term, else null. */
  corrected: string | null;
}

/** Longest query handled: extra words are ignored. */
export const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 40;
/** Trigram similarity a candidate replacement needs (one-letter typos of 5+ letter words score ≥ 0.45). */
export const CORRECTION_SIMILARITY = 0.4;

export interface QueryWord {
  /** Lowercased as typed (Turkish rules). */
  lower: string;
  folded: string;
  stems: string[];
  prefix: boolean;
}

/** The words of a query, folded, with their stems; the last one matches as a prefix. */
export function parseQuery(q: string): QueryWord[] {
  const words = wordsOf(trLower(q.normalize("NFC")))
    .filter((w) => fold(w).length > 0)
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
  const endsWithWord = /[\p{L}\p{N}]$/u.test(q.trim());
  return words.map((lower, i) => ({
    lower,
    folded: fold(lower),
    stems: foldedStems(lower),
    prefix: endsWithWord && i === words.length - 1,
  }));
}

/** to_tsquery text for the words: each word (or its stem) must occur; the last may be a prefix. */
export function tsqueryText(words: QueryWord[]): string {
  return words
    .map((w) => {
      const alternatives = [w.prefix ? `${w.folded}:*` : w.folded, ...w.stems];
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}

interface CheckRow {
  i: number;
  known: boolean;
  candidates: string[] | null;
}

/** Trigram candidates looked at per unknown word; the closest by edit distance wins. */
const CORRECTION_CANDIDATES = 8;

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (rows[i] as number[])[j] as number;
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = d;
    }
  return at(s.length, t.length);
}

/** Edits tolerated in a word of this length: one up to 4 letters, two up to 8, three beyond. */
const maxEdits = (length: number) => (length <= 4 ? 1 : length <= 8 ? 2 : 3);

/**
 * The candidate closest to `word` by edit distance (ties: the earlier, i.e. more similar and
 * more common); a word still being typed (`prefix`) is also compared with the candidates' beginnings.
 */
export function closestTerm(word: string, candidates: string[], prefix: boolean): string | null {
  let best: string | null = null;
  let bestDistance = maxEdits(word.length) + 1;
  for (const term of candidates) {
    let d = editDistance(word, term);
    if (prefix)
      for (const n of [word.length - 1, word.length, word.length + 1])
        if (n > 0 && n < term.length) d = Math.min(d, editDistance(word, term.slice(0, n)) + 0.5);
    if (d < bestDistance) {
      best = term;
      bestDistance = d;
    }
  }
  return best;
}

async function checkWords(db: Db, tenantId: string, words: QueryWord[]): Promise<Map<number, string>> {
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => isVocabularyWord(w.folded) && w.folded.length >= 3);
  const fixes = new Map<number, string>();
  if (candidates.length === 0) return fixes;
  // A word is known when a vocabulary term starts with it or with its stem; only unknown words
  // fetch their closest terms by trigrams (the CASE runs that search lazily).
  const values = sql.join(
    candidates.map(({ w, i }) => {
      const shortestStem = [w.folded, ...w.stems].reduce((a, b) => (b.length < a.length ? b : a));
      return sql`(${i}::int, ${w.folded}::text, ${`${w.folded}%`}::text, ${`${shortestStem}%`}::text)`;
    }),
    sql`, `,
  );
  const result = (await db.execute(sql`
    select w.i, k.known,
      case when k.known then null else array(
        select t.term from search_terms t
        where t.tenant_id = ${tenantId} and t.term % w.word and similarity(t.term, w.word) >= ${CORRECTION_SIMILARITY}
        order by similarity(t.term, w.word) desc, t.products desc, t.term
        limit ${CORRECTION_CANDIDATES}
      ) end as candidates
    from (values ${values}) as w(i, word, own, stemmed)
    cross join lateral (
      select exists (
        select 1 from search_terms t where t.tenant_id = ${tenantId} and (t.term like w.own or t.term like w.stemmed)
      ) as known
    ) k`)) as unknown as { rows: CheckRow[] };
  for (const row of result.rows) {
    const word = words[Number(row.i)];
    if (row.known || !word || !row.candidates) continue;
    const fix = closestTerm(word.folded, row.candidates, word.prefix);
    if (fix) fixes.set(Number(row.i), fix);
  }
  return fixes;
}

/**
 * The search condition for `q` on listings aliased `l`, or null when `q` has no words. Runs at
 * most one SQL statement (vocabulary check and correction for all words at once).
 */
export async function matchSearch(db: Db, tenantId: string, q: string): Promise<SearchMatch | null> {
  const words = parseQuery(q);
  if (words.length === 0) return null;
  const fixes = await checkWords(db, tenantId, words);
  const final = words.map((w, i) => {
    const fix = fixes.get(i);
    return fix ? { lower: fix, folded: fix, stems: foldedStems(fix), prefix: w.prefix } : w;
  });
  const query = sql`to_tsquery('simple', ${tsqueryText(final)})`;
  return {
    where: sql`l.search @@ ${query}`,
    // ts_rank, not ts_rank_cd: titles are short, and it costs half as much over thousands of matches.
    rank: sql`ts_rank(l.search, ${query})`,
    corrected: fixes.size > 0 ? final.map((w) => w.lower).join(" ") : null,
  };
}
