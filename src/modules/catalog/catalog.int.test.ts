// The catalog's write side, its read model and the storefront API over it, on a real database.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { createTenant } from "../tenants/service.ts";
import { projectNow } from "./projection.ts";
import { brands, categories, priceHistory, productDocs, productListings, products, productVariants } from "./schema.ts";
import { bulkUpdateProducts, type CatalogWriteContext, createProduct, updateProduct } from "./write.ts";

const host = "katalog.test";
const otherHost = "baska.test";
let t: TestApp;
let tenantId: string;
let otherTenantId: string;
let ctx: CatalogWriteContext;
let cookie: string;
const ids: Record<string, string> = {};

const statements = (res: { headers: Record<string, unknown> }) => {
  const match = /^db;desc="(\d+) SQL statements"$/.exec(String(res.headers["server-timing"]));
  if (!match) throw new Error(`no statement count in ${String(res.headers["server-timing"])}`);
  return Number(match[1]);
};
const get = (url: string, h = host) => t.app.inject({ url, headers: { host: h } });
const admin = (method: "POST" | "PATCH" | "DELETE" | "GET", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { host, cookie, origin: `http://${host}`, ...(payload ? { "content-type": "application/json" } : {}) },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.kernel.db, { slug: "katalog", name: "Katalog", hosts: [host] })).id;
  otherTenantId = (await createTenant(t.kernel.db, { slug: "baska", name: "Başka", hosts: [otherHost] })).id;
  ctx = { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache };
  cookie = await signInStaff(t, tenantId, host, "katalog@example.com");
  const [giyim] = await t.kernel.db.insert(categories).values({ tenantId, slug: "giyim", name: "Giyim" }).returning();
  const [tisort] = await t.kernel.db
    .insert(categories)
    .values({ tenantId, slug: "tisort", name: "Tişört", parentId: giyim?.id })
    .returning();
  const [mavi, kirmizi] = await t.kernel.db
    .insert(brands)
    .values([
      { tenantId, slug: "mavi-hat", name: "Mavi Hat" },
      { tenantId, slug: "kirmizi-ok", name: "Kırmızı Ok" },
    ])
    .returning();
  Object.assign(ids, { giyim: giyim?.id, tisort: tisort?.id, mavi: mavi?.id, kirmizi: kirmizi?.id });
  const sizes = (prices: number[], stock: number[]) =>
    ["S", "M", "L"].map((size, i) => ({ options: { Beden: size }, price: prices[i] as number, stock: stock[i] as number, sku: null }));
  ids.basic = (
    await createProduct(ctx, {
      title: "Basic Pamuklu Tişört",
      status: "active",
      brandId: ids.mavi,
      categoryId: ids.tisort,
      options: [{ name: "Beden", values: ["S", "M", "L"] }],
      specs: [{ name: "Materyal", value: "Pamuk", facet: true }],
      variants: sizes([19_990, 19_990, 21_990], [0, 4, 2]),
      description: "Yumuşak pamuk.\n\nMakinede yıkanabilir.",
    })
  ).id;
  ids.oversize = (
    await createProduct(ctx, {
      title: "Oversize Tişört",
      status: "active",
      brandId: ids.kirmizi,
      categoryId: ids.tisort,
      options: [{ name: "Beden", values: ["S", "M", "L"] }],
      specs: [{ name: "Materyal", value: "Keten", facet: true }],
      variants: sizes([34_990, 34_990, 34_990], [3, 0, 0]).map((v) => ({ ...v, compareAtPrice: 49_990 })),
    })
  ).id;
  ids.draft = (await createProduct(ctx, { title: "Taslak Gömlek", categoryId: ids.giyim, variants: [{ price: 9_990, stock: 1 }] })).id;
  ids.external = (
    await createProduct(ctx, {
      title: "Satıcıda Satılan Çanta",
      status: "active",
      kind: "external",
      externalUrl: "https://satici.example/canta?ref=kervan",
      categoryId: ids.giyim,
      variants: [{ price: 59_990, stock: 0 }],
    })
  ).id;
  await createProduct(
    { ...ctx, tenantId: otherTenantId },
    { title: "Başka Mağazanın Tişörtü", status: "active", variants: [{ price: 100, stock: 1 }] },
  );
});

afterAll(async () => {
  await t?.close();
});

describe("writing products", () => {
  it("keeps the aggregates, variants, sanitised description and first price history", async () => {
    const [row] = await t.kernel.db
      .select()
      .from(products)
      .where(eq(products.id, ids.basic as string));
    expect(row).toMatchObject({ price: 19_990, stock: 6, slug: "basic-pamuklu-tisort", status: "active" });
    expect(row?.description).toBe("<p>Yumuşak pamuk.</p><p>Makinede yıkanabilir.</p>");
    const variants = await t.kernel.db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, ids.basic as string));
    expect(variants.map((v) => v.optionValues.Beden).sort()).toEqual(["L", "M", "S"]);
    const history = await t.kernel.db
      .select()
      .from(priceHistory)
      .where(eq(priceHistory.productId, ids.basic as string));
    expect(history).toHaveLength(3);
  });

  it("strips scripts and event handlers from descriptions", async () => {
    const { id } = await createProduct(ctx, {
      title: "Zararlı Açıklama",
      description:
        '<p onclick="x()">Merhaba <script>alert(1)</script><a href="javascript:alert(1)">bağlantı</a> <strong>kalın</strong></p><img src=x onerror=alert(1)>',
      variants: [{ price: 100, stock: 1 }],
    });
    const [row] = await t.kernel.db.select({ d: products.description }).from(products).where(eq(products.id, id));
    expect(row?.d).toBe('<p>Merhaba <a rel="nofollow noopener">bağlantı</a> <strong>kalın</strong></p>');
  });

  it("refuses invalid products with field errors and saves nothing", async () => {
    const before = await t.kernel.db.select({ n: sql<number>`count(*)::int` }).from(products).where(eq(products.tenantId, tenantId));
    const bad = await admin("POST", "/api/admin/products", {
      title: "X",
      options: [{ name: "Beden", values: ["S"] }],
      variants: [{ options: { Beden: "XL" }, price: -1, stock: 1, barcode: "123" }],
      kind: "external",
    });
    expect(bad.statusCode).toBe(422);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["title", "variants.0.price", "variants.0.barcode", "externalUrl", "variants.0.options.Beden"]),
    );
    const foreignBrand = await admin("POST", "/api/admin/products", {
      title: "Yabancı marka",
      brandId: crypto.randomUUID(),
      variants: [{ price: 1, stock: 1 }],
    });
    expect(foreignBrand.statusCode).toBe(422);
    expect(foreignBrand.json().errors).toEqual([{ path: "brandId", message: "No such brand in this store." }]);
    const after = await t.kernel.db.select({ n: sql<number>`count(*)::int` }).from(products).where(eq(products.tenantId, tenantId));
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("answers 409 for a SKU another product uses, and 422 for unknown fields", async () => {
    await createProduct(ctx, { title: "SKU sahibi", variants: [{ price: 100, stock: 1, sku: "KVN-1" }] });
    const clash = await admin("POST", "/api/admin/products", { title: "SKU çakışan", variants: [{ price: 100, stock: 1, sku: "KVN-1" }] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual([{ path: "variants.sku", message: "Another product already uses this SKU." }]);
    const unknown = await admin("PATCH", `/api/admin/products/${ids.basic}`, { stock: 5 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().detail).toMatch(/stock/);
  });

  it("does not let another store read or change a product", async () => {
    const otherCookie = await signInStaff(t, otherTenantId, otherHost, "baska@example.com");
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/products/${ids.basic}`,
      headers: { host: otherHost, cookie: otherCookie, origin: `http://${otherHost}`, "content-type": "application/json" },
      payload: JSON.stringify({ title: "Ele geçirildi" }),
    });
    expect(res.statusCode).toBe(404);
    expect((await get("/api/v1/products/basic-pamuklu-tisort", otherHost)).statusCode).toBe(404);
    const list = (await get("/api/v1/products?perPage=100", otherHost)).json();
    expect(list.items.map((p: { title: string }) => p.title)).toEqual(["Başka Mağazanın Tişörtü"]);
  });
});

describe("the read model", () => {
  it("lists only active products, with their cheapest in-stock variant's price", async () => {
    const listed = await t.kernel.db.select().from(productListings).where(eq(productListings.tenantId, tenantId));
    expect(listed.map((l) => l.productId)).not.toContain(ids.draft);
    const basic = listed.find((l) => l.productId === ids.basic);
    expect(basic).toMatchObject({ price: 19_990, inStock: true, categoryPath: [ids.giyim, ids.tisort], brandId: ids.mavi });
    expect(basic?.attrs.sort()).toEqual(["beden:l", "beden:m", "beden:s", "materyal:pamuk"]);
  });

  it("serves the product page document with variants, specs and breadcrumbs in one statement", async () => {
    await get("/api/v1/products/basic-pamuklu-tisort"); // warm the taxonomy
    const res = await get("/api/v1/products/basic-pamuklu-tisort");
    expect(res.statusCode).toBe(200);
    expect(statements(res)).toBe(1);
    const product = res.json();
    expect(product).toMatchObject({
      title: "Basic Pamuklu Tişört",
      brand: "Mavi Hat",
      brandSlug: "mavi-hat",
      price: 19_990,
      stock: 6,
      kind: "physical",
      options: [{ name: "Beden", values: ["S", "M", "L"] }],
      specs: [{ name: "Materyal", value: "Pamuk" }],
      breadcrumbs: [
        { slug: "giyim", name: "Giyim" },
        { slug: "tisort", name: "Tişört" },
      ],
    });
    expect(product.variants.map((v: { options: { Beden: string }; inStock: boolean }) => [v.options.Beden, v.inStock])).toEqual([
      ["S", false],
      ["M", true],
      ["L", true],
    ]);
  });

  it("re-projects on change: an archived product leaves the shop, a new price shows", async () => {
    await bulkUpdateProducts(ctx, [ids.oversize as string], { status: "archived" });
    expect((await get("/api/v1/products/oversize-tisort")).statusCode).toBe(404);
    await bulkUpdateProducts(ctx, [ids.oversize as string], { status: "active" });
    await bulkUpdateProducts(ctx, [ids.basic as string], { price: { percent: -10 } });
    const product = (await get("/api/v1/products/basic-pamuklu-tisort")).json();
    expect(product.price).toBe(17_991);
    expect((await get("/api/v1/products/oversize-tisort")).statusCode).toBe(200);
    await bulkUpdateProducts(ctx, [ids.basic as string], { price: { amount: 1_999 } });
    expect((await get("/api/v1/products/basic-pamuklu-tisort")).json().price).toBe(19_990);
    // Moving a product moves its listing and its breadcrumbs.
    await updateProduct(ctx, ids.oversize as string, { categoryId: ids.giyim });
    const inTisort = (await get("/api/v1/products?category=tisort")).json();
    expect(inTisort.items.map((p: { slug: string }) => p.slug)).not.toContain("oversize-tisort");
    expect((await get("/api/v1/products/oversize-tisort")).json().breadcrumbs).toEqual([{ slug: "giyim", name: "Giyim" }]);
    const [listing] = await t.kernel.db
      .select()
      .from(productListings)
      .where(eq(productListings.productId, ids.oversize as string));
    expect(listing?.categoryPath).toEqual([ids.giyim]);
    await updateProduct(ctx, ids.oversize as string, { categoryId: ids.tisort });
  });

  it("queues the projection in the writer's transaction (outbox): a failed write queues nothing", async () => {
    const queued = async () =>
      Number(
        (
          (await t.kernel.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'catalog.project'`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n,
      );
    const before = await queued();
    await updateProduct(ctx, ids.basic as string, { title: "Basic Pamuklu Tişört" });
    expect(await queued()).toBe(before + 1);
    await expect(updateProduct(ctx, ids.basic as string, { brandId: crypto.randomUUID() })).rejects.toThrow(/brand/);
    expect(await queued()).toBe(before + 1);
  });

  it("shows a former price only as high as the lowest price of the 30 days before the current one", async () => {
    const { id } = await createProduct(ctx, { title: "Fiyat Geçmişi", status: "active", variants: [{ price: 10_000, stock: 5 }] });
    const [variant] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, id));
    const day = 86_400_000;
    // 40 days at 10.000, 10 days at 8.000, today "discounted" to 9.000 claiming 15.000 before.
    await t.kernel.db
      .update(priceHistory)
      .set({ validFrom: new Date(Date.now() - 50 * day) })
      .where(eq(priceHistory.variantId, variant?.id as string));
    await t.kernel.db
      .insert(priceHistory)
      .values({ tenantId, productId: id, variantId: variant?.id as string, price: 8_000, validFrom: new Date(Date.now() - 10 * day) });
    await updateProduct(ctx, id, { variants: [{ id: variant?.id, price: 9_000, compareAtPrice: 15_000, stock: 5 }] });
    const product = (await get("/api/v1/products/fiyat-gecmisi")).json();
    // The lowest price of the 30 days before is 8.000, below today's 9.000: no discount may be shown.
    expect(product).toMatchObject({ price: 9_000, compareAtPrice: null, discountPercent: 0 });
    await updateProduct(ctx, id, { variants: [{ id: variant?.id, price: 7_000, compareAtPrice: 15_000, stock: 5 }] });
    // Now the former price shown is the lowest of the window (8.000), not the claimed 15.000.
    expect((await get("/api/v1/products/fiyat-gecmisi")).json()).toMatchObject({
      price: 7_000,
      compareAtPrice: 8_000,
      discountPercent: 12,
    });
  });
});

describe("listing API", () => {
  it("filters by category (with sub-categories), brand, attribute and price, with facet counts", async () => {
    const res = await get("/api/v1/products?category=giyim&facets=true&perPage=24");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { slug: string }) => p.slug).sort()).toEqual(
      expect.arrayContaining(["basic-pamuklu-tisort", "oversize-tisort", "saticida-satilan-canta"]),
    );
    expect(body.facets.brands).toEqual(
      expect.arrayContaining([
        { slug: "mavi-hat", name: "Mavi Hat", count: 1, selected: false },
        { slug: "kirmizi-ok", name: "Kırmızı Ok", count: 1, selected: false },
      ]),
    );
    const materyal = body.facets.attributes.find((a: { key: string }) => a.key === "materyal");
    expect(materyal).toMatchObject({
      name: "Materyal",
      values: [
        { value: "Keten", count: 1 },
        { value: "Pamuk", count: 1 },
      ],
    });
    const filtered = (await get("/api/v1/products?category=giyim&facets=true&brands=kirmizi-ok&attrs=beden:s")).json();
    expect(filtered.items.map((p: { slug: string }) => p.slug)).toEqual(["oversize-tisort"]);
    // Choosing a brand keeps the other brands countable (each facet ignores its own filter).
    expect(filtered.facets.brands.map((b: { slug: string; selected: boolean }) => [b.slug, b.selected])).toEqual(
      expect.arrayContaining([
        ["kirmizi-ok", true],
        ["mavi-hat", false],
      ]),
    );
    const cheap = (await get("/api/v1/products?category=tisort&maxPrice=25000")).json();
    expect(cheap.items.map((p: { slug: string }) => p.slug)).toEqual(["basic-pamuklu-tisort"]);
    const discounted = (await get("/api/v1/products?discounted=true")).json();
    expect(discounted.items.map((p: { slug: string }) => p.slug)).toContain("oversize-tisort");
  });

  it("runs at most 5 statements for a listing with search and two facets, cold or warm", async () => {
    t.kernel.cache.invalidate(`tenant:${tenantId}:`);
    const url = "/api/v1/products?q=tisort&facets=true&brands=mavi-hat,kirmizi-ok&attrs=beden:m&perPage=24";
    const cold = await get(url);
    expect(cold.statusCode).toBe(200);
    expect(statements(cold)).toBeLessThanOrEqual(5);
    expect(statements(await get(url.replace("perPage=24", "perPage=12")))).toBe(1);
  });

  it("sends an external product's shoppers to the merchant's link and counts them", async () => {
    const product = (await get("/api/v1/products/saticida-satilan-canta")).json();
    expect(product).toMatchObject({ kind: "external", externalPath: "/urun/saticida-satilan-canta/git" });
    const go = await get("/urun/saticida-satilan-canta/git");
    expect(go.statusCode).toBe(302);
    expect(go.headers.location).toBe("https://satici.example/canta?ref=kervan");
    await get("/urun/saticida-satilan-canta/git");
    const [row] = await t.kernel.db
      .select({ clicks: products.externalClicks })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.slug, "saticida-satilan-canta")));
    expect(row?.clicks).toBe(2);
    expect((await get("/urun/basic-pamuklu-tisort/git")).statusCode).toBe(404);
  });

  it("lets browsers and CDNs keep public reads briefly and revalidate them with an ETag", async () => {
    const first = await get("/api/v1/products/basic-pamuklu-tisort");
    expect(first.headers["cache-control"]).toBe("public, max-age=30");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await t.app.inject({ url: "/api/v1/products/basic-pamuklu-tisort", headers: { host, "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    // Admin reads are never cached publicly.
    expect(String((await admin("GET", "/api/admin/products")).headers["cache-control"] ?? "")).not.toMatch(/public/);
  });

  it("rebuilds the whole read model idempotently", async () => {
    const before = await t.kernel.db.select().from(productDocs).where(eq(productDocs.tenantId, tenantId));
    await projectNow(t.kernel.db, tenantId, "all");
    const after = await t.kernel.db.select().from(productDocs).where(eq(productDocs.tenantId, tenantId));
    const docs = (rows: typeof before) => Object.fromEntries(rows.map((d) => [d.productId, d.doc]));
    expect(after).toHaveLength(before.length);
    expect(docs(after)).toEqual(docs(before));
  });
});
