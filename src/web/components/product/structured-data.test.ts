import { describe, expect, it } from "vitest";
import type { ProductDetail, VariantDetail } from "../../../modules/catalog/types.ts";
import { absoluteUrl, gtinOf, jsonLdText, metaDescription, plainText, productJsonLd } from "./structured-data.ts";

function variant(id: string, price: number, stock: number, extra: Partial<VariantDetail> = {}): VariantDetail {
  return {
    id,
    options: { Beden: id.toUpperCase() },
    sku: `TS-${id}`,
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

function product(variants: VariantDetail[], extra: Partial<ProductDetail> = {}): ProductDetail {
  const image = { src: "/media/a-800.webp", srcSet: "/media/a-400.webp 400w", width: 800, height: 800, alt: "" };
  return {
    id: "p1",
    slug: "pamuklu-tisort",
    title: "Pamuklu Tişört",
    brand: "Kervan",
    price: Math.min(...variants.map((v) => v.price)),
    compareAtPrice: null,
    discountPercent: 0,
    currency: "TRY",
    inStock: variants.some((v) => v.inStock),
    image,
    description: "",
    descriptionHtml: "<p>Yumuşak &amp; nefes alan <strong>pamuk</strong>.</p><ul><li>%100 pamuk</li></ul>",
    vatRate: 10,
    stock: variants.reduce((n, v) => n + v.stock, 0),
    kind: "physical",
    externalPath: null,
    images: [
      { ...image, sources: [] },
      { ...image, src: "https://cdn.example.com/b.webp", sources: [] },
    ],
    video: null,
    options: [{ name: "Beden", values: variants.map((v) => v.id.toUpperCase()) }],
    variants,
    specs: [],
    tags: [],
    brandSlug: "kervan",
    seo: { title: null, description: null },
    category: { slug: "giyim", name: "Giyim" },
    breadcrumbs: [{ slug: "giyim", name: "Giyim" }],
    categoryPath: [],
    saleMode: "normal",
    shipping: { weightGrams: 250, desi: 1 },
    ...extra,
  };
}

const base = "https://magaza.example.com";

describe("productJsonLd", () => {
  it("describes one variant as a single Offer with sku and gtin", () => {
    const ld = productJsonLd(product([variant("s", 19990, 4, { barcode: "8690000000012" })]), base);
    expect(ld).toMatchObject({
      "@type": "Product",
      name: "Pamuklu Tişört",
      url: `${base}/urun/pamuklu-tisort`,
      sku: "TS-s",
      gtin: "8690000000012",
      brand: { "@type": "Brand", name: "Kervan" },
      image: [`${base}/media/a-800.webp`, "https://cdn.example.com/b.webp"],
      description: "Yumuşak & nefes alan pamuk. %100 pamuk",
      offers: {
        "@type": "Offer",
        url: `${base}/urun/pamuklu-tisort`,
        price: "199.90",
        priceCurrency: "TRY",
        availability: "https://schema.org/InStock",
      },
    });
  });

  it("lists an Offer per variant when they share a price", () => {
    const ld = productJsonLd(product([variant("s", 19990, 4), variant("m", 19990, 0)]), base);
    expect(ld.sku).toBeUndefined();
    expect(ld.offers).toEqual([
      expect.objectContaining({ sku: "TS-s", url: `${base}/urun/pamuklu-tisort?v=s`, availability: "https://schema.org/InStock" }),
      expect.objectContaining({ sku: "TS-m", url: `${base}/urun/pamuklu-tisort?v=m`, availability: "https://schema.org/OutOfStock" }),
    ]);
  });

  it("uses an AggregateOffer with the price range when variant prices differ", () => {
    const ld = productJsonLd(product([variant("s", 19990, 4), variant("m", 24990, 2), variant("l", 21990, 0)]), base);
    expect(ld.offers).toMatchObject({
      "@type": "AggregateOffer",
      lowPrice: "199.90",
      highPrice: "249.90",
      offerCount: 3,
      priceCurrency: "TRY",
      availability: "https://schema.org/InStock",
    });
    expect((ld.offers as { offers: unknown[] }).offers).toHaveLength(3);
  });

  it("prefers the SEO description", () => {
    const ld = productJsonLd(product([variant("s", 100, 1)], { seo: { title: null, description: "Kısa açıklama" } }), base);
    expect(ld.description).toBe("Kısa açıklama");
  });
});

describe("helpers", () => {
  it("claims only real GTIN lengths", () => {
    expect(gtinOf("12345678")).toBe("12345678");
    expect(gtinOf("012345678905")).toBe("012345678905");
    expect(gtinOf("8690000000012")).toBe("8690000000012");
    expect(gtinOf("1234567890")).toBeUndefined();
    expect(gtinOf("ABC-123")).toBeUndefined();
    expect(gtinOf(null)).toBeUndefined();
  });

  it("makes URLs absolute", () => {
    expect(absoluteUrl("/media/x.webp", base)).toBe(`${base}/media/x.webp`);
    expect(absoluteUrl("media/x.webp", base)).toBe(`${base}/media/x.webp`);
    expect(absoluteUrl("https://cdn.example.com/x.webp", base)).toBe("https://cdn.example.com/x.webp");
  });

  it("turns description HTML into text", () => {
    expect(plainText("<p>Bir&nbsp;&quot;iki&quot;</p><p>üç &#231; &#x15F;</p>")).toBe('Bir "iki" üç ç ş');
    expect(plainText("satır<br>sonu")).toBe("satır sonu");
  });

  it("cuts the meta description at a word", () => {
    const long = product([variant("s", 1, 1)], { descriptionHtml: `<p>${"kelime ".repeat(60)}</p>` });
    const text = metaDescription(long);
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text.endsWith("…")).toBe(true);
  });

  it("escapes < so the JSON cannot close its script tag", () => {
    const text = jsonLdText({ name: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
