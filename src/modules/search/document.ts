// What a product contributes to search: its tsvector (product_listings.search), its vocabulary
// words (search_terms) and its Turkish title sort key (product_listings.title_key).
import { type SQL, sql } from "drizzle-orm";
import snowball from "snowball-stemmers";
import { fold, trLower, wordsOf } from "./fold.ts";

export { attrKey, fold, foldedWords, trLower } from "./fold.ts";

export interface SearchFields {
  title: string;
  titleEn?: string | null;
  brand?: string | null;
  categories: string[];
  tags: string[];
  specs: string[];
  skus: string[];
}

const stemmer = snowball.newStemmer("turkish");
const stemCache = new Map<string, string>();

/** Snowball Turkish stem of one lowercased word (memoised; words shorter than 3 letters are kept). */
export function stem(word: string): string {
  if (word.length < 3 || /^\p{N}+$/u.test(word)) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer.stem(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Folded stems of one lowercased word, excluding the folded word itself: the stem of the Turkish
 * spelling and of the ASCII spelling (`kulaklıklar` and `kulakliklar` both give `kulaklik`).
 */
export function foldedStems(lowerWord: string): string[] {
  const folded = fold(lowerWord);
  const stems = new Set([fold(stem(lowerWord)), fold(stem(folded))]);
  stems.delete(folded);
  return [...stems].filter((s) => s.length > 0);
}

/**
 * Words worth a vocabulary entry: two characters or more and no digits (codes such as SKUs,
 * barcodes and `128gb` still match in the index, but are not offered as corrections or
 * completions). Mirrors `VOCABULARY_LEXEME` in terms.ts.
 */
export const isVocabularyWord = (word: string): boolean => word.length >= 2 && !/[0-9]/.test(word);

interface Tokens {
  words: string[];
  stems: string[];
}

function tokens(texts: (string | null | undefined)[], withStems: boolean, stems: Set<string>): string[] {
  const words: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const lower of wordsOf(trLower(text))) {
      words.push(fold(lower));
      if (withStems) for (const s of foldedStems(lower)) stems.add(s);
    }
  }
  return words;
}

function groups(fields: SearchFields): { a: string[]; b: string[]; c: string[]; all: Tokens } {
  const stems = new Set<string>();
  const a = tokens([fields.title, fields.titleEn, fields.brand], true, stems);
  const b = tokens([...fields.categories, ...fields.tags], true, stems);
  const specs = tokens(fields.specs, true, stems);
  // SKUs are codes: no stems.
  const c = [...specs, ...tokens(fields.skus, false, stems)];
  const words = [...a, ...b, ...c];
  const wordSet = new Set(words);
  return { a, b, c, all: { words, stems: [...stems].filter((s) => !wordSet.has(s)) } };
}

/**
 * The tsvector stored in product_listings.search: folded words weighted A (title, brand),
 * B (categories, tags), C (specs, SKUs), and their folded Turkish stems with weight D, so
 * `kitaplar` meets `kitap` while exact words rank higher. Built on the `simple` configuration:
 * all language handling happens here, identically on PGlite and PostgreSQL.
 */
export function searchVectorSql(fields: SearchFields): SQL {
  const { a, b, c, all } = groups(fields);
  return sql`(setweight(to_tsvector('simple', ${a.join(" ")}), 'A') || setweight(to_tsvector('simple', ${b.join(" ")}), 'B') || setweight(to_tsvector('simple', ${c.join(" ")}), 'C') || to_tsvector('simple', ${all.stems.join(" ")}))`;
}

/** Distinct folded words of a product for the search vocabulary (search_terms); stems are not words. */
export function searchTermsOf(fields: SearchFields): string[] {
  return [...new Set(groups(fields).all.words)].filter(isVocabularyWord);
}

// Turkish alphabet with the letters Turkish lacks (q, w, x) where Turkish keyboards and
// dictionaries put them. Each letter becomes two characters so every key is aligned.
const ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz";
const LETTER_CODE = new Map<string, string>();
for (const [i, letter] of [...ALPHABET].entries()) LETTER_CODE.set(letter, `${String.fromCharCode(97 + Math.floor(i / 10))}${i % 10}`);
for (const [variant, base] of [
  ["â", "a"],
  ["î", "i"],
  ["û", "u"],
] as const)
  LETTER_CODE.set(variant, LETTER_CODE.get(base) as string);
const SEPARATOR = "00";
const OTHER_LETTER = "zz";

/**
 * Sort key for product titles whose plain byte order (C collation) is Turkish alphabetical order,
 * case-insensitive, with a word break before any letter and digits before letters:
 * `cüzdan` < `çanta`, `ılık` < `iğne`, `sabun` < `şal` < `şal örtü` < `şalvar`. Only the
 * characters [0-9a-z] appear in it, so the order is the same under a glibc `en_US` collation.
 */
export function titleSortKey(title: string): string {
  let key = "";
  let pendingSeparator = false;
  for (const char of trLower(title)) {
    let code = LETTER_CODE.get(char);
    if (code === undefined) {
      if (/\p{N}/u.test(char)) {
        const digit = /[0-9]/.test(char) ? char : String(Number.parseInt(char.normalize("NFKD"), 10) || 0);
        code = `1${digit}`;
      } else if (/\p{L}/u.test(char)) {
        // Accented Latin letters sort with their base letter (é → e); other scripts after z.
        const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
        code = LETTER_CODE.get(base) ?? OTHER_LETTER;
      } else if (/\p{M}/u.test(char)) {
        continue;
      } else {
        pendingSeparator = key.length > 0;
        continue;
      }
    }
    if (pendingSeparator) key += SEPARATOR;
    pendingSeparator = false;
    key += code;
  }
  return key;
}
