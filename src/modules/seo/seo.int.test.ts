import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { projectNow } from "../catalog/projection.ts";
import { categories, productListings, products } from "../catalog/schema.ts";
import { createProduct } from "../catalog/write.ts";
import { LEGAL_PAGE_SLUGS, renderSitemap, sitemapFileOf } from "./sitemap.ts";

type Store = Awaited<ReturnType<typeof createStore>>;

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" || name === "sitemap" });

/** Parses a sitemap document after checking that it is well-formed XML. */
function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as {
    urlset?: { "@_xmlns": string; url: { loc: string; lastmod?: string }[] };
    sitemapindex?: { "@_xmlns": string; sitemap: { loc: string; lastmod?: string }[] };
  };
}

async function text(body: AsyncIterable<string> | Iterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of body) out += chunk;
  return out;
}

describe("sitemap.xml and robots.txt", () => {
  let t: TestApp;
  let a: Store;
  let third: { id: string };
  const hostA = "magaza-a.test";
  const hostB = "magaza-b.test";
  const get = (host: string, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers: { host, ...headers } });

  beforeAll(async () => {
    t = await createTestApp({ SEARCH_INDEXING: "true" });
    a = await createStore(t.kernel, "a", [hostA, `www.${hostA}`], 2);
    await createStore(t.kernel, "b", [hostB], 2);
    // store A also has a product in a sub-category, an empty category, a draft and an archived product
    const [sub] = await t.kernel.db
      .insert(categories)
      .values({ tenantId: a.tenant.id, parentId: a.category.id, slug: "a-alt", name: "Alt" })
      .returning();
    await t.kernel.db.insert(categories).values({ tenantId: a.tenant.id, slug: "a-bos", name: "Boş" });
    const ctx = { db: t.kernel.db, tenantId: a.tenant.id, jobs: t.kernel.jobs, cache: t.kernel.cache };
    const variants = [{ price: 1000, stock: 1 }];
    third = await createProduct(ctx, { title: "A Ürün 3", slug: "a-urun-3", status: "active", categoryId: sub?.id, variants });
    await createProduct(ctx, { title: "A Taslak", slug: "a-urun-4", status: "draft", categoryId: sub?.id, variants });
    await createProduct(ctx, { title: "A Arşiv", slug: "a-urun-5", status: "archived", categoryId: a.category.id, variants });
  });
  afterAll(() => t?.close());

  it("lists home, legal pages, non-empty categories and only active products, on the primary host", async () => {
    // asked on the www host: the URLs still use the primary domain
    const res = await get(`www.${hostA}`, "/sitemap.xml");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=600");
    const doc = parseXml(res.body);
    expect(doc.urlset?.["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = doc.urlset?.url.map((u) => u.loc) ?? [];
    const origin = `http://${hostA}`;
    expect(locs).toEqual([
      `${origin}/`,
      ...LEGAL_PAGE_SLUGS.map((slug) => `${origin}/sayfa/${slug}`),
      // categories by position, then slug
      `${origin}/kategori/a-alt`,
      `${origin}/kategori/a-kategori`,
      ...["a-urun-1", "a-urun-2", "a-urun-3"].map((slug) => `${origin}/urun/${slug}`),
    ]);
    // lastmod: the product's projection time, the newest of a category's tree, the newest overall for home
    const bySlug = new Map(doc.urlset?.url.map((u) => [u.loc, u.lastmod]));
    const listings = await t.kernel.db.select().from(productListings).where(eq(productListings.tenantId, a.tenant.id));
    const inSub = listings.find((l) => l.slug === "a-urun-3");
    expect(bySlug.get(`${origin}/urun/a-urun-3`)).toBe(inSub?.projectedAt.toISOString());
    expect(bySlug.get(`${origin}/kategori/a-alt`)).toBe(inSub?.projectedAt.toISOString());
    const newest = listings
      .map((l) => l.projectedAt.toISOString())
      .sort()
      .at(-1);
    expect(bySlug.get(`${origin}/`)).toBe(newest);
    expect(bySlug.get(`${origin}/kategori/a-kategori`)).toBe(newest);
  });

  it("never shows another store's products", async () => {
    const docA = parseXml((await get(hostA, "/sitemap.xml")).body);
    const docB = parseXml((await get(hostB, "/sitemap.xml")).body);
    const locsA = docA.urlset?.url.map((u) => u.loc) ?? [];
    const locsB = docB.urlset?.url.map((u) => u.loc) ?? [];
    expect(locsA.every((loc) => loc.startsWith(`http://${hostA}/`))).toBe(true);
    expect(locsA.some((loc) => loc.includes("b-urun"))).toBe(false);
    expect(locsB.filter((loc) => loc.includes("/urun/"))).toEqual([`http://${hostB}/urun/b-urun-1`, `http://${hostB}/urun/b-urun-2`]);
    expect(locsB.some((loc) => loc.includes("/urun/a-") || loc.includes("/kategori/a-"))).toBe(false);
  });

  it("answers 304 to a crawler that has the current file, and changes when the catalog does", async () => {
    const first = await get(hostA, "/sitemap.xml");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await get(hostA, "/sitemap.xml", { "if-none-match": etag })).statusCode).toBe(304);

    // a product leaves the shop: the projector drops its listing and invalidates the tenant's cache
    await t.kernel.db.update(products).set({ status: "archived" }).where(eq(products.id, third.id));
    await projectNow(t.kernel.db, a.tenant.id, [third.id], { cache: t.kernel.cache });
    const after = await get(hostA, "/sitemap.xml", { "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain("/urun/a-urun-3<");
    await t.kernel.db.update(products).set({ status: "active" }).where(eq(products.id, third.id));
    await projectNow(t.kernel.db, a.tenant.id, [third.id], { cache: t.kernel.cache });
    expect((await get(hostA, "/sitemap.xml")).body).toContain("/urun/a-urun-3<");
  });

  it("splits into an index of a pages file and product files of pageSize URLs each", async () => {
    const ctx = { db: t.kernel.db, tenantId: a.tenant.id, cache: t.kernel.cache, pageSize: 2 };
    const main = await renderSitemap(ctx, { kind: "main" }, "https", hostA);
    const index = parseXml(await text(main?.body ?? []));
    expect(index.urlset).toBeUndefined();
    expect(index.sitemapindex?.sitemap.map((s) => s.loc)).toEqual([
      `https://${hostA}/sitemap-pages.xml`,
      `https://${hostA}/sitemap-products-1.xml`,
      `https://${hostA}/sitemap-products-2.xml`,
    ]);
    for (const entry of index.sitemapindex?.sitemap ?? []) expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const pages = parseXml(await text((await renderSitemap(ctx, { kind: "pages" }, "https", hostA))?.body ?? []));
    expect(pages.urlset?.url.map((u) => u.loc)).toContain(`https://${hostA}/kategori/a-alt`);
    expect(pages.urlset?.url.some((u) => u.loc.includes("/urun/"))).toBe(false);

    const products: string[] = [];
    for (const page of [1, 2]) {
      const file = parseXml(await text((await renderSitemap(ctx, { kind: "products", page }, "https", hostA))?.body ?? []));
      const locs = file.urlset?.url.map((u) => u.loc) ?? [];
      expect(locs.length).toBeLessThanOrEqual(2);
      products.push(...locs);
    }
    expect(products).toEqual(["a-urun-1", "a-urun-2", "a-urun-3"].map((slug) => `https://${hostA}/urun/${slug}`));
    expect(await renderSitemap(ctx, { kind: "products", page: 3 }, "https", hostA)).toBeNull();
  });

  it("serves the product and pages files over HTTP and 404s a file past the last", async () => {
    const products = parseXml((await get(hostA, "/sitemap-products-1.xml")).body);
    expect(products.urlset?.url).toHaveLength(3);
    const pages = parseXml((await get(hostA, "/sitemap-pages.xml")).body);
    expect(pages.urlset?.url[0]?.loc).toBe(`http://${hostA}/`);
    const missing = await get(hostA, "/sitemap-products-2.xml");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(sitemapFileOf("/sitemap-products-2.xml")).toEqual({ kind: "products", page: 2 });
  });

  it("serves robots.txt that keeps crawlers out of private pages and points to the primary host's sitemap", async () => {
    const res = await get(`www.${hostA}`, "/robots.txt");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=3600");
    const lines = res.body.split("\n");
    for (const path of ["/admin", "/hesap", "/sepet", "/api/", "/ara?"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: http://${hostA}/sitemap.xml`);
    expect((await get(hostB, "/robots.txt")).body).toContain(`Sitemap: http://${hostB}/sitemap.xml`);
    expect((await get("unknown.test", "/robots.txt")).statusCode).toBe(404);
  });
});

describe("robots.txt outside production", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createStore(t.kernel, "c", ["magaza-c.test"], 1);
  });
  afterAll(() => t?.close());

  it("disallows everything unless SEARCH_INDEXING is on", async () => {
    const res = await t.app.inject({ method: "GET", url: "/robots.txt", headers: { host: "magaza-c.test" } });
    expect(res.statusCode).toBe(200);
    expect(res.body.split("\n")).toContain("Disallow: /");
    expect(res.body).not.toContain("Sitemap:");
  });
});
