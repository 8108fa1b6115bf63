import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { translate } from "./index.ts";
import { tr } from "./tr.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("English has exactly the Turkish keys, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(tr).sort());
    for (const key of Object.keys(tr) as (keyof typeof tr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(tr[key]));
    }
  });

  it("fills placeholders and formats numbers for the locale", () => {
    expect(translate("tr", "listing.products", { count: 1234 })).toBe("1.234 ürün");
    expect(translate("en", "listing.products", { count: 1234 })).toBe("1,234 products");
    expect(translate("tr", "product.discountBadge", { percent: 25 })).toBe("%25");
    expect(translate("en", "product.discountBadge", { percent: 25 })).toBe("-25%");
  });
});
