// Turkish-aware text helpers: slugs, case folding for search, and sorting.
//
// Turkish has two i's: dotted (i / İ) and dotless (ı / I). The locale-free `toLowerCase()` turns
// "I" into "i" and "İ" into "i̇" (i + combining dot), which breaks both display and search, so
// everything here lowercases with the tr-TR locale first.

/** Letters that Unicode decomposition (NFKD) does not reduce to ASCII. */
const SPECIAL_LETTERS: Record<string, string> = {
  ı: "i",
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  þ: "th",
  Þ: "th",
  ł: "l",
  Ł: "l",
  ħ: "h",
  Ħ: "h",
  ŀ: "l",
  Ŀ: "l",
  ĸ: "k",
  ŉ: "n",
  ŋ: "n",
  Ŋ: "n",
  ſ: "s",
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join("")}]`, "g");
const COMBINING_MARKS_RE = /\p{M}/gu;

/**
 * Turkish lowercase for display and full-text indexing: "İSTANBUL" → "istanbul", "IĞDIR" → "ığdır".
 * Keeps Turkish letters (ç, ğ, ı, ö, ş, ü); see `asciiFold` for accent-insensitive search keys.
 */
export function foldTr(input: string): string {
  return input.normalize("NFC").toLocaleLowerCase("tr-TR");
}

/** Turkish uppercase: "istanbul" → "İSTANBUL", "ığdır" → "IĞDIR". */
export function upperTr(input: string): string {
  return input.normalize("NFC").toLocaleUpperCase("tr-TR");
}

/**
 * Search key: Turkish lowercase, then every letter reduced to plain ASCII where possible
 * ("IĞDIR" → "igdir", "Çiğdem" → "cigdem", "Straße" → "strasse"). Use it on both the indexed text
 * and the query so "istanbul", "İstanbul", "ISTANBUL" and "ıstanbul" all match.
 */
export function asciiFold(input: string): string {
  return foldTr(input)
    .normalize("NFKD")
    .replace(COMBINING_MARKS_RE, "")
    .replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

export interface SlugifyOptions {
  /** Longest slug to return; the cut happens at a word boundary when one is close. Default 80. */
  maxLength?: number;
  /** Word separator, default "-". */
  separator?: string;
}

/**
 * URL slug: "Çocuk & Bebek Ürünleri" → "cocuk-bebek-urunleri", "İSTANBUL'da Kış" → "istanbulda-kis".
 * Lowercase ASCII letters and digits joined by single separators, never leading or trailing ones.
 * Returns "" when nothing usable is left (callers choose a fallback such as the record id).
 */
export function slugify(input: string, options: SlugifyOptions = {}): string {
  const separator = options.separator ?? "-";
  const maxLength = options.maxLength ?? 80;
  const words = asciiFold(input)
    // apostrophes join a suffix to its word: "Türkiye'nin" → "turkiyenin"
    .replace(/['’`´]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = words.join(separator);
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + separator.length);
    const lastSeparator = cut.lastIndexOf(separator);
    // Prefer ending on a whole word unless that would throw away most of the allowed length.
    slug = lastSeparator >= maxLength / 2 ? cut.slice(0, lastSeparator) : slug.slice(0, maxLength);
    while (separator && slug.endsWith(separator)) slug = slug.slice(0, -separator.length);
  }
  return slug;
}

const trCollator = new Intl.Collator("tr", { numeric: true });

/**
 * Turkish alphabetical order (c < ç < d, g < ğ < h, ı < i, o < ö < p, s < ş < t, u < ü < v),
 * with numbers compared by value ("Model 2" < "Model 10"). Use as an `Array.prototype.sort` comparator.
 */
export function compareTr(a: string, b: string): number {
  return trCollator.compare(a, b);
}

/** Case-insensitive equality under Turkish rules: "istanbul" equals "İSTANBUL", but "ırmak" does not equal "irmak". */
export function equalsTr(a: string, b: string): boolean {
  return foldTr(a) === foldTr(b);
}

/** Returns a new array sorted in Turkish order, by the items themselves or by a string key. */
export function sortTr<T>(items: readonly T[], key?: (item: T) => string): T[] {
  const copy = [...items];
  if (key) {
    const keyed = copy.map((item) => ({ item, k: key(item) }));
    keyed.sort((a, b) => trCollator.compare(a.k, b.k));
    return keyed.map((e) => e.item);
  }
  return copy.sort((a, b) => trCollator.compare(String(a), String(b)));
}

/**
 * User text made literal inside a LIKE/ILIKE pattern: `\`, `%` and `_` are escaped with `\`
 * (PostgreSQL's default escape character), so "100%_" matches only itself.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching values that contain `text`: "a%b" → "%a\%b%". */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A LIKE pattern matching values that start with `text`: "auth." → "auth.%". */
export function likePrefix(text: string): string {
  return `${escapeLike(text)}%`;
}
