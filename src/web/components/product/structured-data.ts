// schema.org Product JSON-LD for the product page (Google's product snippet / merchant listing).

import type { ProductDetail, VariantDetail } from "../../../modules/catalog/types.ts";
import { toDecimalString } from "../../../platform/money.ts";
import { excerpt } from "../../lib/seo.tsx";
import { priceRange } from "./variants.ts";

/** Makes a root-relative URL absolute; leaves absolute ones (a CDN) alone. */
export function absoluteUrl(url: string, publicUrl: string): string {
  return /^https?:\/\//i.test(url) ? url : publicUrl + (url.startsWith("/") ? url : `/${url}`);
}

/** A barcode that is a GTIN-8/12/13/14 goes in as `gtin`; anything else is not claimed as one. */
export function gtinOf(barcode: string | null): string | undefined {
  return barcode && /^\d{8}$|^\d{12,14}$/.test(barcode) ? barcode : undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed), for meta descriptions. */
export function plainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/div)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity[0] === "#") {
        const code = entity[1] === "x" || entity[1] === "X" ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[entity.toLowerCase()] ?? match;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The page's meta description: the SEO field, else the start of the description. */
export function metaDescription(product: ProductDetail, max = 160): string {
  return excerpt(product.seo.description?.trim() || plainText(product.descriptionHtml || product.description), max);
}

const availability = (inStock: boolean) => (inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");

type Json = Record<string, unknown>;

function offerOf(product: ProductDetail, variant: VariantDetail, url: string): Json {
  return {
    "@type": "Offer",
    url,
    ...(variant.sku ? { sku: variant.sku } : {}),
    ...(gtinOf(variant.barcode) ? { gtin: gtinOf(variant.barcode) } : {}),
    priceCurrency: product.currency,
    price: toDecimalString(variant.price, product.currency),
    availability: availability(variant.inStock),
    itemCondition: "https://schema.org/NewCondition",
  };
}

/**
 * One Offer per variant when they share a price (a single Offer for one variant), or an
 * AggregateOffer with lowPrice/highPrice/offerCount (and the per-variant offers) when prices differ.
 */
export function productJsonLd(product: ProductDetail, publicUrl: string): Json {
  const pageUrl = `${publicUrl}/urun/${product.slug}`;
  const images = product.images.length > 0 ? product.images : product.image ? [product.image] : [];
  const variants = product.variants;
  const offers = variants.map((v) => offerOf(product, v, variants.length > 1 ? `${pageUrl}?v=${encodeURIComponent(v.id)}` : pageUrl));
  const { low, high } = priceRange(variants, product.price);
  let offer: Json | Json[];
  if (offers.length === 0) {
    offer = {
      "@type": "Offer",
      url: pageUrl,
      priceCurrency: product.currency,
      price: toDecimalString(product.price, product.currency),
      availability: availability(product.inStock),
      itemCondition: "https://schema.org/NewCondition",
    };
  } else if (low !== high) {
    offer = {
      "@type": "AggregateOffer",
      priceCurrency: product.currency,
      lowPrice: toDecimalString(low, product.currency),
      highPrice: toDecimalString(high, product.currency),
      offerCount: offers.length,
      availability: availability(variants.some((v) => v.inStock)),
      offers,
    };
  } else {
    offer = offers.length === 1 ? (offers[0] as Json) : offers;
  }
  const single = variants.length === 1 ? variants[0] : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    url: pageUrl,
    description: metaDescription(product, 500) || undefined,
    image: images.map((i) => absoluteUrl(i.src, publicUrl)),
    ...(single?.sku ? { sku: single.sku } : {}),
    ...(gtinOf(single?.barcode ?? null) ? { gtin: gtinOf(single?.barcode ?? null) } : {}),
    ...(product.brand ? { brand: { "@type": "Brand", name: product.brand } } : {}),
    ...(product.category ? { category: product.category.name } : {}),
    offers: offer,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so the text cannot close the tag. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
