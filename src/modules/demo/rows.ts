// Bulk inserts of demo products into the catalog tables (brands, products, variants, price
// history, media library and product media), shared by the demo store and the large-catalog
// generator. The read model is projected afterwards (projectNow).

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { slugify } from "../../platform/text.ts";
import type { ImageVariant } from "../media/schema.ts";
import type { ImageKind } from "./images.ts";

export interface DemoProductRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** JSON of the product's translations. */
  translations: string;
  brand: string;
  categoryId: string;
  price: number;
  compareAt: number | null;
  vat: number;
  stock: number;
  featured: boolean;
  sold: number;
  createdAt: string;
  kind: ImageKind;
}

export interface DemoAsset {
  id: string;
  alt: string;
  variants: ImageVariant[];
}

export interface DemoMedia {
  productId: string;
  assetId: string;
  position: number;
  alt: string;
}

/** Sizes the apparel and shoe demo products come in. */
const SIZES: Partial<Record<ImageKind, string[]>> = {
  tshirt: ["S", "M", "L", "XL"],
  shirt: ["S", "M", "L", "XL"],
  dress: ["XS", "S", "M", "L"],
  sneaker: ["38", "39", "40", "41", "42", "43", "44"],
};

/** A valid EAN-13 with the Turkish GS1 prefix 869. */
export function demoBarcode(n: number): string {
  const body = `869${String(n % 1_000_000_000).padStart(9, "0")}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

const jsonb = (values: unknown[]) => sql.param(values.map((v) => JSON.stringify(v)));

export async function insertDemoCatalog(
  tx: Db,
  tenantId: string,
  rows: DemoProductRow[],
  assets: DemoAsset[],
  media: DemoMedia[],
  counter: { next: number },
): Promise<{ variants: number }> {
  if (rows.length === 0) return { variants: 0 };
  const brandNames = [...new Set(rows.map((r) => r.brand))];
  const brandSlugs = brandNames.map((name) => slugify(name) || "marka");
  await tx.execute(sql`insert into brands (tenant_id, slug, name)
    select ${tenantId}::uuid, u.slug, u.name from unnest(${sql.param(brandSlugs)}::text[], ${sql.param(brandNames)}::text[]) as u(slug, name)
    on conflict (tenant_id, slug) do nothing`);
  const brandSlugOf = new Map(brandNames.map((name, i) => [name, brandSlugs[i] as string]));

  const options = rows.map((r) => (SIZES[r.kind] ? [{ name: "Beden", values: SIZES[r.kind] }] : []));
  await tx.execute(sql`
    insert into products (id, tenant_id, slug, title, description, translations, brand_id, category_id, price, compare_at_price,
      currency, vat_rate, stock, status, featured, sold_count, options, created_at, updated_at)
    select u.id, ${tenantId}::uuid, u.slug, u.title, u.description, u.translations, b.id, u.category_id, u.price, u.compare_at_price,
      'TRY', u.vat_rate, u.stock, 'active', u.featured, u.sold_count, u.options, u.created_at, u.created_at
    from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.slug))}::text[], ${sql.param(rows.map((r) => r.title))}::text[],
      ${sql.param(rows.map((r) => `<p>${r.description}</p>`))}::text[], ${sql.param(rows.map((r) => r.translations))}::jsonb[],
      ${sql.param(rows.map((r) => brandSlugOf.get(r.brand) as string))}::text[], ${sql.param(rows.map((r) => r.categoryId))}::uuid[],
      ${sql.param(rows.map((r) => r.price))}::int[], ${sql.param(rows.map((r) => r.compareAt))}::int[], ${sql.param(rows.map((r) => r.vat))}::smallint[],
      ${sql.param(rows.map((r) => r.stock))}::int[], ${sql.param(rows.map((r) => r.featured))}::bool[], ${sql.param(rows.map((r) => r.sold))}::int[],
      ${jsonb(options)}::jsonb[], ${sql.param(rows.map((r) => r.createdAt))}::timestamptz[])
      as u(id, slug, title, description, translations, brand_slug, category_id, price, compare_at_price, vat_rate, stock, featured, sold_count, options, created_at)
    left join brands b on b.tenant_id = ${tenantId}::uuid and b.slug = u.brand_slug`);

  const v = { id: [] as string[], productId: [] as string[], position: [] as number[], options: [] as unknown[], sku: [] as string[] };
  const more = {
    barcode: [] as string[],
    price: [] as number[],
    compareAt: [] as (number | null)[],
    stock: [] as number[],
    createdAt: [] as string[],
  };
  rows.forEach((r, i) => {
    const sizes = options[i]?.[0]?.values ?? [null];
    let left = r.stock;
    sizes.forEach((size, position) => {
      // Stock spread over the sizes; the last size takes the rest (some sizes sell out).
      const share = position === sizes.length - 1 ? left : Math.floor(left / (sizes.length - position + 1));
      left -= share;
      const n = counter.next++;
      v.id.push(randomUUID());
      v.productId.push(r.id);
      v.position.push(position);
      v.options.push(size ? { Beden: size } : {});
      v.sku.push(`KRV-${n.toString(36).toUpperCase().padStart(6, "0")}`);
      more.barcode.push(demoBarcode(n));
      more.price.push(r.price);
      more.compareAt.push(r.compareAt);
      more.stock.push(share);
      more.createdAt.push(r.createdAt);
    });
  });
  await tx.execute(sql`
    insert into product_variants (id, tenant_id, product_id, position, option_values, sku, barcode, price, compare_at_price, stock, created_at, updated_at)
    select u.id, ${tenantId}::uuid, u.product_id, u.position, u.options, u.sku, u.barcode, u.price, u.compare_at_price, u.stock, u.created_at, u.created_at
    from unnest(${sql.param(v.id)}::uuid[], ${sql.param(v.productId)}::uuid[], ${sql.param(v.position)}::int[], ${jsonb(v.options)}::jsonb[],
      ${sql.param(v.sku)}::text[], ${sql.param(more.barcode)}::text[], ${sql.param(more.price)}::int[], ${sql.param(more.compareAt)}::int[],
      ${sql.param(more.stock)}::int[], ${sql.param(more.createdAt)}::timestamptz[])
      as u(id, product_id, position, options, sku, barcode, price, compare_at_price, stock, created_at)`);
  await tx.execute(sql`insert into price_history (tenant_id, product_id, variant_id, price, compare_at_price, valid_from)
    select tenant_id, product_id, id, price, compare_at_price, created_at from product_variants
    where id = any(${sql.param(v.id)}::uuid[])`);

  if (assets.length > 0) {
    const renditions = assets.map((a) => {
      const largest = a.variants.reduce((x, y) => (y.width > x.width ? y : x));
      return [
        {
          preset: "product",
          crop: { left: 0, top: 0, width: largest.width, height: largest.height },
          width: largest.width,
          height: largest.height,
          variants: a.variants,
        },
      ];
    });
    await tx.execute(sql`
      insert into media_assets (id, tenant_id, kind, status, filename, content_type, original_key, width, height, alt, renditions, bytes)
      select u.id, ${tenantId}::uuid, 'image', 'ready', u.filename, 'image/webp', u.original_key, u.width, u.width, u.alt, u.renditions, u.bytes
      from unnest(${sql.param(assets.map((a) => a.id))}::uuid[], ${sql.param(assets.map((a) => `${slugify(a.alt) || "gorsel"}.webp`))}::text[],
        ${sql.param(assets.map((a) => a.variants.reduce((x, y) => (y.width > x.width ? y : x)).key))}::text[],
        ${sql.param(assets.map((a) => Math.max(...a.variants.map((x) => x.width))))}::int[], ${sql.param(assets.map((a) => a.alt))}::text[],
        ${jsonb(renditions)}::jsonb[], ${sql.param(assets.map((a) => a.variants.reduce((s, x) => s + x.bytes, 0)))}::bigint[])
        as u(id, filename, original_key, width, alt, renditions, bytes)`);
  }
  if (media.length > 0) {
    await tx.execute(sql`
      insert into product_media (tenant_id, product_id, asset_id, position, alt)
      select ${tenantId}::uuid, u.product_id, u.asset_id, u.position, u.alt
      from unnest(${sql.param(media.map((m) => m.productId))}::uuid[], ${sql.param(media.map((m) => m.assetId))}::uuid[],
        ${sql.param(media.map((m) => m.position))}::int[], ${sql.param(media.map((m) => m.alt))}::text[]) as u(product_id, asset_id, position, alt)`);
  }
  return { variants: v.id.length };
}
