import { describe, expect, it } from "vitest";
import type { VariantDetail } from "../../../modules/catalog/types.ts";
import { defaultVariant, optionChoices, optionGroupsOf, priceRange, selectVariant, variantHref, variantLabel } from "./variants.ts";

function variant(
  id: string,
  options: Record<string, string>,
  price: number,
  stock: number,
  extra: Partial<VariantDetail> = {},
): VariantDetail {
  return {
    id,
    options,
    sku: `SKU-${id}`,
    barcode: null,
    price,
    compareAtPrice: null,
    discountPercent: 0,
    stock,
    inStock: stock > 0,
    imageIndex: null,
    ...extra,
  };
}

// Siyah comes in S and M, Beyaz only in S (sold out); L exists as a value but no variant has it.
const variants = [
  variant("siyah-s", { Renk: "Siyah", Beden: "S" }, 19990, 5),
  variant("siyah-m", { Renk: "Siyah", Beden: "M" }, 24990, 3),
  variant("beyaz-s", { Renk: "Beyaz", Beden: "S" }, 17990, 0),
];
const options = [
  { name: "Renk", values: ["Siyah", "Beyaz"] },
  { name: "Beden", values: ["S", "M", "L"] },
];

describe("defaultVariant / selectVariant", () => {
  it("picks the cheapest variant in stock, ignoring a cheaper sold-out one", () => {
    expect(defaultVariant(variants)?.id).toBe("siyah-s");
  });

  it("picks the cheapest when everything is sold out, and null without variants", () => {
    const soldOut = variants.map((v) => ({ ...v, stock: 0, inStock: false }));
    expect(defaultVariant(soldOut)?.id).toBe("beyaz-s");
    expect(defaultVariant([])).toBeNull();
  });

  it("honours ?v= and falls back to the default for an unknown or missing id", () => {
    expect(selectVariant(variants, "siyah-m")?.id).toBe("siyah-m");
    expect(selectVariant(variants, "beyaz-s")?.id).toBe("beyaz-s");
    expect(selectVariant(variants, "nope")?.id).toBe("siyah-s");
    expect(selectVariant(variants, null)?.id).toBe("siyah-s");
  });
});

describe("optionGroupsOf", () => {
  it("keeps the product's order and adds values only the variants mention", () => {
    const groups = optionGroupsOf([{ name: "Beden", values: ["M"] }], variants);
    expect(groups).toEqual([
      { name: "Beden", values: ["M", "S"] },
      { name: "Renk", values: ["Siyah", "Beyaz"] },
    ]);
  });

  it("has no groups for a product without options", () => {
    expect(optionGroupsOf([], [variant("only", {}, 100, 1)])).toEqual([]);
  });
});

describe("optionChoices", () => {
  const groups = optionGroupsOf(options, variants);

  it("marks the selected values and the state of every other value", () => {
    const choices = optionChoices(groups, variants, variants[0] ?? null);
    const renk = choices.find((g) => g.name === "Renk")?.values ?? [];
    const beden = choices.find((g) => g.name === "Beden")?.values ?? [];
    expect(renk.map((c) => [c.value, c.state, c.selected, c.target?.id])).toEqual([
      ["Siyah", "available", true, "siyah-s"],
      ["Beyaz", "soldOut", false, "beyaz-s"],
    ]);
    expect(beden.map((c) => [c.value, c.state, c.selected, c.target?.id ?? null])).toEqual([
      ["S", "available", true, "siyah-s"],
      ["M", "available", false, "siyah-m"],
      ["L", "none", false, null],
    ]);
  });

  it("leads an unavailable combination to the closest variant with that value", () => {
    // From Siyah/M, Beyaz/M does not exist: choosing Beyaz goes to Beyaz/S.
    const choices = optionChoices(groups, variants, variants[1] ?? null);
    const beyaz = choices[0]?.values.find((c) => c.value === "Beyaz");
    expect(beyaz?.state).toBe("unavailable");
    expect(beyaz?.target?.id).toBe("beyaz-s");
  });

  it("prefers a variant in stock, then the cheaper one, among equally close candidates", () => {
    const more = [
      ...variants,
      variant("beyaz-xl-cheap-soldout", { Renk: "Beyaz", Beden: "XL" }, 100, 0),
      variant("beyaz-xs", { Renk: "Beyaz", Beden: "XS" }, 30000, 2),
    ];
    const choices = optionChoices(optionGroupsOf(options, more), more, variants[1] ?? null);
    expect(choices[0]?.values.find((c) => c.value === "Beyaz")?.target?.id).toBe("beyaz-xs");
  });
});

describe("helpers", () => {
  it("labels a variant by its option values, or its SKU", () => {
    expect(variantLabel(variants[1] as VariantDetail)).toBe("Siyah / M");
    expect(variantLabel(variant("x", {}, 1, 1))).toBe("SKU-x");
  });

  it("gives the price range of the variants", () => {
    expect(priceRange(variants, 0)).toEqual({ low: 17990, high: 24990 });
    expect(priceRange([], 500)).toEqual({ low: 500, high: 500 });
  });

  it("sets ?v= and keeps other parameters", () => {
    expect(variantHref("/urun/tisort", "", "a b")).toBe("/urun/tisort?v=a+b");
    expect(variantHref("/urun/tisort", "?utm_source=x&v=old", "new")).toBe("/urun/tisort?utm_source=x&v=new");
  });
});
