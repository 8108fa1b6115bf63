import { describe, expect, it } from "vitest";
import { pageCount, pageWindow, parseListingParams } from "./listing.ts";

describe("parseListingParams", () => {
  it("maps Turkish query parameters to a catalog query", () => {
    const { query, sortValue } = parseListingParams(new URLSearchParams("sirala=fiyat-artan&sayfa=3&stokta=1&indirimli=1"));
    expect(sortValue).toBe("fiyat-artan");
    expect(query).toEqual({ sort: "price-asc", page: 3, perPage: 24, inStock: true, discounted: true });
  });

  it("falls back to safe defaults for missing or invalid values", () => {
    const { query, sortValue } = parseListingParams(new URLSearchParams("sirala=bilinmeyen&sayfa=-4&stokta=evet"));
    expect(sortValue).toBe("yeni");
    expect(query).toEqual({ sort: "newest", page: 1, perPage: 24 });
    expect(parseListingParams(new URLSearchParams("sayfa=abc")).query.page).toBe(1);
    expect(parseListingParams(new URLSearchParams("sayfa=99999999")).query.page).toBe(10_000);
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
