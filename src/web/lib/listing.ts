// URL ⇄ catalog query for listing pages. Parameters are Turkish, like the paths:
// ?sirala=fiyat-artan&stokta=1&indirimli=1&sayfa=2 (and ?q= on the search page).

import type { ProductQuery, ProductSort } from "../../modules/catalog/types.ts";
import type { MessageKey } from "../i18n/index.ts";

export const PER_PAGE = 24;

export const SORTS: { value: string; sort: ProductSort; label: MessageKey }[] = [
  { value: "yeni", sort: "newest", label: "listing.sortNewest" },
  { value: "cok-satan", sort: "best-selling", label: "listing.sortBestSelling" },
  { value: "fiyat-artan", sort: "price-asc", label: "listing.sortPriceAsc" },
  { value: "fiyat-azalan", sort: "price-desc", label: "listing.sortPriceDesc" },
];

export const DEFAULT_SORT = "yeni";

export interface ListingParams {
  sortValue: string;
  query: ProductQuery;
}

export function parseListingParams(searchParams: URLSearchParams): ListingParams {
  const sortEntry = SORTS.find((s) => s.value === searchParams.get("sirala")) ?? SORTS[0];
  const pageRaw = Number.parseInt(searchParams.get("sayfa") ?? "1", 10);
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? Math.min(pageRaw, 10_000) : 1;
  const query: ProductQuery = { sort: sortEntry?.sort ?? "newest", page, perPage: PER_PAGE };
  if (searchParams.get("stokta") === "1") query.inStock = true;
  if (searchParams.get("indirimli") === "1") query.discounted = true;
  return { sortValue: sortEntry?.value ?? DEFAULT_SORT, query };
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
