import { describe, expect, it } from "vitest";
import {
  clearedFilters,
  formatLira,
  hasFilters,
  listingSearch,
  pageCount,
  pageWindow,
  parseLira,
  parseListingParams,
  parseListingState,
  sortsFor,
  toggled,
  withChange,
} from "./listing.ts";

const parse = (qs: string) => parseListingParams(new URLSearchParams(qs));

describe("parseListingParams", () => {
  it("maps Turkish query parameters to a catalog query with facets", () => {
    const { query, sortValue } = parse("sirala=fiyat-artan&sayfa=3&stokta=1&indirimli=1");
    expect(sortValue).toBe("fiyat-artan");
    expect(query).toEqual({ sort: "price-asc", page: 3, perPage: 24, inStock: true, discounted: true, facets: true });
  });

  it("reads brands, attributes and a price range", () => {
    const { query, state } = parse("marka=volt&marka=sesli&ozellik=renk%3Asiyah&ozellik=beden%3Am&fiyat=100-499.9&sirala=a-z");
    expect(query).toMatchObject({
      brands: ["sesli", "volt"],
      attrs: ["beden:m", "renk:siyah"],
      minPrice: 10_000,
      maxPrice: 49_990,
      sort: "name-asc",
    });
    expect(state.sort).toBe("a-z");
    // comma lists of brands work too, duplicates and junk are dropped
    expect(parse("marka=volt,sesli,volt&marka=K%C3%B6t%C3%BC!").query.brands).toEqual(["sesli", "volt"]);
    // attribute values may contain commas
    expect(parse("ozellik=ekran%3A15%2C6%20inc").query.attrs).toEqual(["ekran:15,6 inc"]);
    expect(parse("ozellik=renksiz").query.attrs).toBeUndefined();
  });

  it("takes open-ended ranges and the no-JavaScript price inputs, swapping reversed bounds", () => {
    expect(parse("fiyat=250-").query).toMatchObject({ minPrice: 25_000 });
    expect(parse("fiyat=250-").query.maxPrice).toBeUndefined();
    expect(parse("fiyat=-80").query).toMatchObject({ maxPrice: 8_000 });
    expect(parse("fiyat-min=1.250&fiyat-max=1.999%2C50").query).toMatchObject({ minPrice: 125_000, maxPrice: 199_950 });
    expect(parse("fiyat=500-100").query).toMatchObject({ minPrice: 10_000, maxPrice: 50_000 });
    expect(parse("fiyat=abc-").query.minPrice).toBeUndefined();
  });

  it("sorts search results by relevance by default and offers relevance only with search text", () => {
    expect(parse("q=kulakl%C4%B1k").query).toMatchObject({ search: "kulaklık", sort: "relevance" });
    expect(parse("q=kulak&sirala=yeni").query.sort).toBe("newest");
    expect(parse("sirala=onerilen").query.sort).toBe("newest");
    expect(sortsFor(false).map((s) => s.value)).toEqual(["yeni", "cok-satan", "fiyat-artan", "fiyat-azalan", "a-z"]);
    expect(sortsFor(true)[0]?.value).toBe("onerilen");
  });

  it("falls back to safe defaults for missing or invalid values", () => {
    const { query, sortValue } = parse("sirala=bilinmeyen&sayfa=-4&stokta=evet");
    expect(sortValue).toBe("yeni");
    expect(query).toEqual({ sort: "newest", page: 1, perPage: 24, facets: true });
    expect(parse("sayfa=abc").query.page).toBe(1);
    expect(parse("sayfa=99999999").query.page).toBe(10_000);
  });
});

describe("listing URLs", () => {
  it("writes one canonical form and reads it back", () => {
    const state = parseListingState(
      new URLSearchParams("ozellik=renk%3Asiyah&marka=volt&fiyat-min=100&fiyat-max=250%2C50&stokta=1&sirala=fiyat-azalan&sayfa=2&q=kulak"),
    );
    const search = listingSearch(state);
    expect(search).toBe("?q=kulak&marka=volt&ozellik=renk%3Asiyah&fiyat=100-250.5&stokta=1&sirala=fiyat-azalan&sayfa=2");
    expect(parseListingState(new URLSearchParams(search))).toEqual(state);
    expect(listingSearch(parseListingState(new URLSearchParams("sirala=yeni")))).toBe("");
    expect(listingSearch(parseListingState(new URLSearchParams("q=x&sirala=onerilen")))).toBe("?q=x");
  });

  it("goes back to page 1 on a filter change and keeps everything when paging", () => {
    const state = parseListingState(new URLSearchParams("marka=volt&sayfa=3"));
    expect(listingSearch(withChange(state, { brands: toggled(state.brands, "sesli") }))).toBe("?marka=sesli&marka=volt");
    expect(listingSearch(withChange(state, { page: 4 }))).toBe("?marka=volt&sayfa=4");
    expect(toggled(["a", "b"], "a")).toEqual(["b"]);
  });

  it("knows when filters are set and clears them but not the search or the sort", () => {
    const state = parseListingState(new URLSearchParams("q=kulak&marka=volt&indirimli=1&sirala=a-z"));
    expect(hasFilters(state)).toBe(true);
    const cleared = clearedFilters(state);
    expect(hasFilters(cleared)).toBe(false);
    expect(listingSearch(cleared)).toBe("?q=kulak&sirala=a-z");
  });
});

describe("lira amounts", () => {
  it("parses Turkish and plain notations to kuruş", () => {
    expect(parseLira("129,90")).toBe(12_990);
    expect(parseLira("129.90")).toBe(12_990);
    expect(parseLira("1.299")).toBe(129_900);
    expect(parseLira("1.299,5")).toBe(129_950);
    expect(parseLira(" 250 ₺")).toBe(25_000);
    expect(parseLira("-5")).toBeNull();
    expect(parseLira("1e5")).toBeNull();
    expect(parseLira("")).toBeNull();
    expect(parseLira("99999999999")).toBeNull();
    expect(formatLira(12_990)).toBe("129.9");
    expect(formatLira(10_000)).toBe("100");
  });
});

describe("pagination", () => {
  it("counts pages", () => {
    expect(pageCount(0, 24)).toBe(1);
    expect(pageCount(24, 24)).toBe(1);
    expect(pageCount(25, 24)).toBe(2);
  });

  it("shows the first and last page and a window around the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 4, "gap", 10]);
    expect(pageWindow(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(pageWindow(10, 10)).toEqual([1, "gap", 7, 8, 9, 10]);
  });
});
