// URL ⇄ catalog query for the category and search pages. Parameters are Turkish, like the paths:
//   q=kulaklık            search text (search page)
//   marka=sesli           brand slug, repeatable (any of them)
//   ozellik=renk:siyah    attribute key (folded `name:value`), repeatable (OR within a name, AND across names)
//   fiyat=100-500         price range in lira, either end optional (`100-`, `-500`);
//                         a form without JavaScript sends fiyat-min / fiyat-max instead
//   stokta=1 indirimli=1  in stock only, discounted only
//   sirala=onerilen|yeni|cok-satan|fiyat-artan|fiyat-azalan|a-z
//   sayfa=2
// Links are always written from the parsed state, so they come out in one canonical form.

import type { ProductQuery, ProductSort } from "../../modules/catalog/types.ts";
import type { MessageKey } from "../i18n/index.ts";

export const PER_PAGE = 24;
const MAX_PAGE = 10_000;
const MAX_VALUES = 30;
const MAX_LIRA = 10_000_000;

export const PARAM = {
  q: "q",
  brand: "marka",
  attr: "ozellik",
  price: "fiyat",
  priceMin: "fiyat-min",
  priceMax: "fiyat-max",
  inStock: "stokta",
  discounted: "indirimli",
  sort: "sirala",
  page: "sayfa",
} as const;

export interface SortOption {
  value: string;
  sort: ProductSort;
  label: MessageKey;
  /** Only offered when there is search text. */
  searchOnly?: boolean;
}

export const SORTS: SortOption[] = [
  { value: "onerilen", sort: "relevance", label: "listing.sortRelevance", searchOnly: true },
  { value: "yeni", sort: "newest", label: "listing.sortNewest" },
  { value: "cok-satan", sort: "best-selling", label: "listing.sortBestSelling" },
  { value: "fiyat-artan", sort: "price-asc", label: "listing.sortPriceAsc" },
  { value: "fiyat-azalan", sort: "price-desc", label: "listing.sortPriceDesc" },
  { value: "a-z", sort: "name-asc", label: "listing.sortName" },
];

export const DEFAULT_SORT = "yeni";
export const SEARCH_DEFAULT_SORT = "onerilen";

/** The sorts offered on a page with (or without) search text. */
export const sortsFor = (hasQuery: boolean): SortOption[] => SORTS.filter((s) => hasQuery || !s.searchOnly);

/** Everything a listing URL says, normalised. */
export interface ListingState {
  q: string;
  brands: string[];
  attrs: string[];
  /** Kuruş. */
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean;
  discounted: boolean;
  /** A value of SORTS. */
  sort: string;
  page: number;
}

export interface ListingParams {
  state: ListingState;
  sortValue: string;
  query: ProductQuery;
}

/** `"129,90"`, `"129.90"`, `"1.299"` (Turkish thousands) or `"1299"` lira → kuruş; null when not a price. */
export function parseLira(raw: string | null | undefined): number | null {
  if (!raw) return null;
  let text = raw.trim().replace(/\s|₺|tl$/gi, "");
  if (!text) return null;
  if (text.includes(",")) text = text.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const lira = Number(text);
  if (!Number.isFinite(lira) || lira > MAX_LIRA) return null;
  return Math.round(lira * 100);
}

/** Kuruş → the lira text used in URLs and price inputs (`12990` → `129.9`, `10000` → `100`). */
export function formatLira(kurus: number): string {
  return String(kurus / 100);
}

const distinct = (values: string[]) => [...new Set(values)];

function listParam(params: URLSearchParams, name: string, valid: RegExp): string[] {
  return distinct(
    params
      .getAll(name)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v.length > 0 && v.length <= 120 && valid.test(v)),
  )
    .sort()
    .slice(0, MAX_VALUES);
}

export function parseListingState(params: URLSearchParams): ListingState {
  const q = (params.get(PARAM.q) ?? "").trim().slice(0, 120);
  const sortRaw = params.get(PARAM.sort);
  const offered = sortsFor(q.length > 0);
  const sort = offered.find((s) => s.value === sortRaw)?.value ?? (q ? SEARCH_DEFAULT_SORT : DEFAULT_SORT);
  const pageRaw = Number.parseInt(params.get(PARAM.page) ?? "1", 10);
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? Math.min(pageRaw, MAX_PAGE) : 1;
  let minPrice: number | null = null;
  let maxPrice: number | null = null;
  const range = params.get(PARAM.price);
  if (range?.includes("-")) {
    const [lo, hi] = range.split("-", 2);
    minPrice = parseLira(lo);
    maxPrice = parseLira(hi);
  }
  minPrice = parseLira(params.get(PARAM.priceMin)) ?? minPrice;
  maxPrice = parseLira(params.get(PARAM.priceMax)) ?? maxPrice;
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) [minPrice, maxPrice] = [maxPrice, minPrice];
  return {
    q,
    brands: listParam(params, PARAM.brand, /^[a-z0-9-]+$/),
    // Keys are folded `name:value`; commas are not split inside values like `15,6 inc`.
    attrs: distinct(params.getAll(PARAM.attr).map((v) => v.trim()))
      .filter((v) => /^[^:]{1,120}:.{1,120}$/u.test(v))
      .sort()
      .slice(0, MAX_VALUES),
    minPrice,
    maxPrice,
    inStock: params.get(PARAM.inStock) === "1",
    discounted: params.get(PARAM.discounted) === "1",
    sort,
    page,
  };
}

/** The catalog query for a listing URL (facets included). */
export function parseListingParams(params: URLSearchParams): ListingParams {
  const state = parseListingState(params);
  const sortEntry = SORTS.find((s) => s.value === state.sort);
  const query: ProductQuery = { sort: sortEntry?.sort ?? "newest", page: state.page, perPage: PER_PAGE, facets: true };
  if (state.q) query.search = state.q;
  if (state.inStock) query.inStock = true;
  if (state.discounted) query.discounted = true;
  if (state.brands.length > 0) query.brands = state.brands;
  if (state.attrs.length > 0) query.attrs = state.attrs;
  if (state.minPrice !== null) query.minPrice = state.minPrice;
  if (state.maxPrice !== null) query.maxPrice = state.maxPrice;
  return { state, sortValue: state.sort, query };
}

/** Canonical query string (with `?`, or "" when empty) of a state. Defaults are left out. */
export function listingSearch(state: ListingState): string {
  const params = new URLSearchParams();
  if (state.q) params.set(PARAM.q, state.q);
  for (const brand of state.brands) params.append(PARAM.brand, brand);
  for (const attr of state.attrs) params.append(PARAM.attr, attr);
  if (state.minPrice !== null || state.maxPrice !== null)
    params.set(
      PARAM.price,
      `${state.minPrice !== null ? formatLira(state.minPrice) : ""}-${state.maxPrice !== null ? formatLira(state.maxPrice) : ""}`,
    );
  if (state.inStock) params.set(PARAM.inStock, "1");
  if (state.discounted) params.set(PARAM.discounted, "1");
  if (state.sort !== (state.q ? SEARCH_DEFAULT_SORT : DEFAULT_SORT)) params.set(PARAM.sort, state.sort);
  if (state.page > 1) params.set(PARAM.page, String(state.page));
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** The state after a filter change: back to page 1 unless the change sets a page. */
export function withChange(state: ListingState, change: Partial<ListingState>): ListingState {
  return { ...state, page: 1, ...change };
}

/** Adds or removes one value of a list (brands, attributes). */
export function toggled(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value].sort();
}

/** Filters other than the search text and the sort are set. */
export function hasFilters(state: ListingState): boolean {
  return (
    state.brands.length > 0 ||
    state.attrs.length > 0 ||
    state.minPrice !== null ||
    state.maxPrice !== null ||
    state.inStock ||
    state.discounted
  );
}

/** The same page with every filter cleared (search text and sort kept). */
export function clearedFilters(state: ListingState): ListingState {
  return { ...state, brands: [], attrs: [], minPrice: null, maxPrice: null, inStock: false, discounted: false, page: 1 };
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/** Which page numbers to show: first, last, and a window around the current page. */
export function pageWindow(page: number, pages: number): (number | "gap")[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1]);
  if (page <= 3) for (const p of [2, 3, 4]) wanted.add(p);
  if (page >= pages - 2) for (const p of [pages - 1, pages - 2, pages - 3]) wanted.add(p);
  const list = [...wanted].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  let prev = 0;
  for (const p of list) {
    if (p - prev > 1) out.push("gap");
    out.push(p);
    prev = p;
  }
  return out;
}
