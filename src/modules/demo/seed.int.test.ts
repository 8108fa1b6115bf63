import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import type { Db } from "../../platform/db/index.ts";
import { createStorage } from "../../platform/storage/index.ts";
import type { Storage } from "../../platform/storage/types.ts";
import { categories, type ImageVariant, productListings, products, productVariants } from "../catalog/schema.ts";

interface ImageRow {
  tenantId: string;
  productId: string;
  position: number;
  alt: string;
  width: number;
  height: number;
  variants: ImageVariant[];
}

/** Product pictures as the storefront shows them: product media joined to their library assets. */
async function imagesOf(db: Db, condition: SQL): Promise<ImageRow[]> {
  const result = (await db.execute(sql`select pm.tenant_id as "tenantId", pm.product_id as "productId", pm.position, pm.alt,
      a.width, a.height, a.renditions->0->'variants' as variants
    from product_media pm join media_assets a on a.id = pm.asset_id where ${condition}`)) as unknown as { rows: ImageRow[] };
  return result.rows;
}

import { tenantDomains, tenants } from "../tenants/schema.ts";
import { DEMO_PRODUCTS } from "./data.ts";
import { generateCatalog, seedDemoStore } from "./seed.ts";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let database: TestDatabase;
let dir: string;
let storage: Storage;

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function countObjects(prefix: string): Promise<number> {
  return (await storage.usage(prefix)).objects;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "kervan-demo-test-"));
  storage = createStorage({ driver: "local", dir }, { mediaBaseUrl: "" });
});

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("seedDemoStore", () => {
  it("leaves neither rows nor files behind when storing pictures fails", async () => {
    let puts = 0;
    const failing: Storage = {
      driver: storage.driver,
      put: async (...args) => {
        if (++puts === 25) throw new Error("disk full (simulated)");
        return storage.put(...args);
      },
      get: (key, options) => storage.get(key, options),
      stat: (key) => storage.stat(key),
      delete: (key) => storage.delete(key),
      deletePrefix: (prefix) => storage.deletePrefix(prefix),
      list: (prefix) => storage.list(prefix),
      usage: (prefix) => storage.usage(prefix),
      publicUrl: (key) => storage.publicUrl(key),
    };
    await expect(seedDemoStore({ db: database.db, storage: failing })).rejects.toThrow(/disk full/);
    expect(await database.db.select().from(tenants)).toHaveLength(0);
    expect(await database.db.select().from(products)).toHaveLength(0);
    expect(await countObjects("tenants/")).toBe(0);
  });

  it("creates the default demo tenant with domains, categories, products and pictures", async () => {
    const result = await seedDemoStore({ db: database.db, storage });
    expect(result.created).toBe(true);
    expect(result.products).toBe(DEMO_PRODUCTS.length);
    expect(result.products).toBeGreaterThanOrEqual(64);

    const [tenant] = await database.db.select().from(tenants).where(eq(tenants.id, result.tenantId));
    expect(tenant).toMatchObject({ slug: "demo", name: "Kervan Demo Mağaza", isDefault: true, currency: "TRY", defaultLocale: "tr" });
    expect(tenant?.profile).toMatchObject({ legalName: "Kervan Demo Ticaret A.Ş." });
    for (const field of ["address", "phone", "email", "taxOffice", "taxNumber", "mersisNo", "kepAddress"] as const) {
      expect(tenant?.profile[field], field).toBeTruthy();
    }

    const domains = await database.db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, result.tenantId));
    expect(domains.map((d) => [d.host, d.isPrimary]).sort()).toEqual([
      ["127.0.0.1", false],
      ["localhost", true],
    ]);

    const cats = await database.db.select().from(categories).where(eq(categories.tenantId, result.tenantId));
    const roots = cats.filter((c) => c.parentId === null);
    expect(roots.length).toBeGreaterThanOrEqual(5);
    for (const root of roots) {
      expect(cats.filter((c) => c.parentId === root.id).length, root.name).toBeGreaterThan(0);
      expect(root.translations.en?.name, root.name).toBeTruthy();
    }
    expect(roots.map((r) => r.slug)).toEqual(expect.arrayContaining(["elektronik", "ev-yasam", "moda", "kitap", "spor-outdoor"]));

    const rows = await database.db.select().from(products).where(eq(products.tenantId, result.tenantId));
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const leafIds = new Set(cats.filter((c) => c.parentId !== null).map((c) => c.id));
    for (const p of rows) {
      expect(p.status).toBe("active");
      expect(Number.isSafeInteger(p.price) && p.price > 0, p.title).toBe(true);
      if (p.compareAtPrice !== null) expect(p.compareAtPrice, p.title).toBeGreaterThan(p.price);
      expect([1, 10, 20]).toContain(p.vatRate);
      expect(leafIds.has(p.categoryId as string), p.title).toBe(true);
      expect(p.translations.en?.title, p.title).toBeTruthy();
      expect(p.description.length, p.title).toBeGreaterThan(40);
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Date.now() - p.createdAt.getTime()).toBeLessThanOrEqual(61 * 86_400_000);
    }
    expect(rows.some((p) => p.stock === 0)).toBe(true);
    expect(rows.some((p) => p.featured)).toBe(true);
    expect(rows.some((p) => p.compareAtPrice !== null)).toBe(true);
    expect(new Set(rows.map((p) => p.vatRate))).toEqual(new Set([1, 10, 20]));

    const images = await imagesOf(database.db, sql`pm.tenant_id = ${result.tenantId}`);
    expect(images.length).toBe(result.images);
    // Every product has variants (apparel and shoes one per size, with SKU and a valid EAN-13) and is in the read model.
    const variants = await database.db.select().from(productVariants).where(eq(productVariants.tenantId, result.tenantId));
    expect(new Set(variants.map((v) => v.productId))).toEqual(new Set(rows.map((p) => p.id)));
    expect(variants.some((v) => v.optionValues.Beden)).toBe(true);
    for (const v of variants) expect(v.barcode).toMatch(/^869\d{10}$/);
    for (const p of rows) expect(variants.filter((v) => v.productId === p.id).reduce((n, v) => n + v.stock, 0)).toBe(p.stock);
    const listed = await database.db.select().from(productListings).where(eq(productListings.tenantId, result.tenantId));
    expect(listed).toHaveLength(rows.length);
    const byProduct = Map.groupBy(images, (i) => i.productId);
    for (const p of rows) {
      const own = byProduct.get(p.id) ?? [];
      expect(own.length, p.title).toBeGreaterThanOrEqual(1);
      expect(own.length, p.title).toBeLessThanOrEqual(3);
      expect(own.map((i) => i.position).sort()).toEqual(own.map((_, n) => n));
    }
    for (const image of images) {
      expect(image).toMatchObject({ width: 800, height: 800 });
      expect(image.alt).toBeTruthy();
      expect(image.variants.map((v) => [v.format, v.width, v.height])).toEqual([
        ["webp", 800, 800],
        ["webp", 400, 400],
      ]);
      for (const v of image.variants) {
        expect(v.key).toMatch(
          new RegExp(`^tenants/${result.tenantId}/products/${image.productId}/${image.position + 1}-${v.width}\\.webp$`),
        );
        const stat = await storage.stat(v.key);
        expect(stat, v.key).not.toBeNull();
        expect(stat?.bytes).toBe(v.bytes);
        expect(stat?.contentType).toBe("image/webp");
      }
    }

    // Read a few pictures back and check what they really are.
    for (const image of images.slice(0, 3)) {
      for (const v of image.variants as ImageVariant[]) {
        const object = await storage.get(v.key);
        expect(object).not.toBeNull();
        const meta = await sharp(await readAll((object as NonNullable<typeof object>).body)).metadata();
        expect(meta).toMatchObject({ format: "webp", width: v.width, height: v.height });
      }
    }
  });

  it("does nothing when the default tenant exists", async () => {
    const [before] = await database.db.select({ n: sql<number>`count(*)::int` }).from(products);
    const files = await countObjects("tenants/");
    const tenant = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.isDefault, true));
    const again = await seedDemoStore({ db: database.db, storage });
    expect(again).toMatchObject({ created: false, tenantId: tenant[0]?.id, products: 0 });
    const [after] = await database.db.select({ n: sql<number>`count(*)::int` }).from(products);
    expect(after?.n).toBe(before?.n);
    expect(await countObjects("tenants/")).toBe(files);
    expect(await database.db.select().from(tenants)).toHaveLength(1);
  });
});

describe("generateCatalog", () => {
  it("adds exactly the requested number of valid products with unique slugs and shared pictures", async () => {
    const [tenant] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.isDefault, true));
    const tenantId = tenant?.id as string;
    const count = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(products).where(eq(products.tenantId, tenantId)))[0]?.n ?? 0;
    const before = await count();
    const existingIds = new Set(
      (await database.db.select({ id: products.id }).from(products).where(eq(products.tenantId, tenantId))).map((r) => r.id),
    );
    const result = await generateCatalog({ db: database.db, storage, tenantId, count: 2000, batchSize: 700 });
    expect(result.products).toBe(2000);
    expect(await count()).toBe(before + 2000);

    const [slugs] = await database.db
      .select({ total: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct slug)::int` })
      .from(products)
      .where(eq(products.tenantId, tenantId));
    expect(slugs?.distinct).toBe(slugs?.total);

    const [bad] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(
        and(
          eq(products.tenantId, tenantId),
          sql`(${products.price} <= 0 or ${products.compareAtPrice} <= ${products.price} or ${products.status} <> 'active'
            or ${products.categoryId} is null or ${products.title} = '' or ${products.slug} !~ '^[a-z0-9]+(-[a-z0-9]+)*$'
            or ${products.vatRate} not in (1, 10, 20) or ${products.stock} < 0)`,
        ),
      );
    expect(bad?.n).toBe(0);

    const all = await database.db
      .select({ id: products.id, categoryId: products.categoryId, translations: products.translations })
      .from(products)
      .where(eq(products.tenantId, tenantId));
    const generated = all.filter((p) => !existingIds.has(p.id));
    expect(generated).toHaveLength(2000);
    expect(generated.every((p) => p.translations.en?.title)).toBe(true);
    // Generated products only land in leaf categories, and in many of them.
    const roots = await database.db
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.tenantId, tenantId), isNull(categories.parentId)));
    const rootIds = new Set(roots.map((p) => p.id));
    expect(generated.some((p) => rootIds.has(p.categoryId as string))).toBe(false);
    expect(new Set(generated.map((p) => p.categoryId)).size).toBeGreaterThanOrEqual(15);

    // Every generated product has 1–2 pictures pointing at the shared pool, which exists in storage.
    const [withoutImages] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), sql`not exists (select 1 from product_media i where i.product_id = ${products.id})`));
    expect(withoutImages?.n).toBe(0);
    // The pool pictures are library assets shared by many products.
    const poolRows = (
      (await database.db.execute(
        sql`select renditions->0->'variants' as variants from media_assets where tenant_id = ${tenantId} and original_key like ${`tenants/${tenantId}/demo-pool/%`}`,
      )) as unknown as { rows: { variants: ImageVariant[] }[] }
    ).rows;
    expect(poolRows.length).toBeGreaterThan(20);
    expect(poolRows.length).toBeLessThanOrEqual(80);
    for (const row of poolRows) for (const v of row.variants) expect(await storage.stat(v.key), v.key).not.toBeNull();
    expect(result.images).toBeGreaterThanOrEqual(2000);
    expect(result.images).toBeLessThanOrEqual(4000);
  });

  it("reuses the shared pictures and creates the category tree for a tenant without one", async () => {
    const [other] = await database.db.insert(tenants).values({ slug: "ikinci", name: "İkinci Mağaza" }).returning();
    const tenantId = other?.id as string;
    const first = await generateCatalog({ db: database.db, storage, tenantId, count: 120, seed: 7 });
    expect(first.poolRendered).toBeGreaterThan(0);
    const again = await generateCatalog({ db: database.db, storage, tenantId, count: 30, seed: 7 });
    expect(again.poolRendered).toBe(0);
    const cats = await database.db.select().from(categories).where(eq(categories.tenantId, tenantId));
    expect(cats.filter((c) => c.parentId === null).length).toBeGreaterThanOrEqual(5);
    const rows = await database.db.select({ id: products.id }).from(products).where(eq(products.tenantId, tenantId));
    expect(rows).toHaveLength(150);
    // Nothing leaked into the demo tenant's rows.
    const images = await imagesOf(
      database.db,
      sql`pm.product_id in (${sql.join(
        rows.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`,
    );
    expect(new Set(images.map((i) => i.tenantId))).toEqual(new Set([tenantId]));
  });
});
