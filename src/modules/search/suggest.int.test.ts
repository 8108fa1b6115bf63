import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.ts";
import { categories } from "../catalog/schema.ts";
import { createTenant } from "../tenants/service.ts";
import { refreshSearchTerms } from "./terms.ts";
import { addListedProduct } from "./testing.ts";

const A = "a.test";
const B = "b.test";

const statements = (res: { headers: Record<string, unknown> }) =>
  Number(/(\d+) SQL/.exec(String(res.headers["server-timing"]))?.[1] ?? Number.NaN);

describe("search suggestions API", () => {
  let t: TestApp;
  const get = (host: string, query: string) =>
    t.app.inject({ method: "GET", url: `/api/v1/search/suggestions?${query}`, headers: { host } });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.kernel.db;
    const a = await createTenant(db, { slug: "a", name: "A", hosts: [A] });
    const b = await createTenant(db, { slug: "b", name: "B", hosts: [B] });
    const [electronics, headphones, stationery] = await db
      .insert(categories)
      .values([
        { tenantId: a.id, slug: "elektronik", name: "Elektronik", position: 1 },
        { tenantId: a.id, slug: "kulakliklar", name: "Kulaklıklar", translations: { en: { name: "Headphones" } }, position: 2 },
        { tenantId: a.id, slug: "kirtasiye", name: "Kırtasiye", position: 3 },
      ])
      .returning();
    const image = { variants: [{ key: "p/kk-200.webp", format: "webp", width: 200, height: 200 }], width: 800, height: 800, alt: "" };
    await addListedProduct(db, a.id, {
      slug: "kablosuz-kulaklik",
      title: "Kablosuz Kulaklık",
      titleEn: "Wireless Headphones",
      brand: "Sesli",
      categories: ["Elektronik", "Kulaklıklar"],
      categoryId: headphones?.id,
      price: 129_900,
      soldCount: 50,
      image: image as never,
    });
    for (let i = 1; i <= 7; i++)
      await addListedProduct(db, a.id, {
        slug: `kulaklik-${i}`,
        title: `Kulaklık Modeli ${i}`,
        categories: ["Kulaklıklar"],
        categoryId: headphones?.id,
        soldCount: i,
      });
    await addListedProduct(db, a.id, { slug: "kulak-cubugu", title: "Kulak Çubuğu", categoryId: electronics?.id });
    await addListedProduct(db, a.id, {
      slug: "kitap-ayraci",
      title: "Kitap Ayracı",
      categories: ["Kırtasiye"],
      categoryId: stationery?.id,
    });
    await addListedProduct(db, b.id, { slug: "b-kulaklik", title: "B Mağazası Kulaklık" });
    await refreshSearchTerms(db, a.id);
    await refreshSearchTerms(db, b.id);
    // Resolve the stores' hosts once (cached by the tenancy plugin) so counts show search alone.
    await get(A, "q=");
    await get(B, "q=");
  });

  afterAll(() => t?.close());

  it("suggests products, categories and completions for a prefix in two statements", async () => {
    const res = await get(A, "q=kula");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=60");
    expect(statements(res)).toBeLessThanOrEqual(2);
    const body = res.json();
    expect(body.corrected).toBeNull();
    expect(body.products).toHaveLength(6);
    expect(body.products[0]).toMatchObject({
      slug: "kablosuz-kulaklik",
      title: "Kablosuz Kulaklık",
      brand: "Sesli",
      price: 129_900,
      compareAtPrice: null,
      currency: "TRY",
      image: { width: 800, height: 800, alt: "Kablosuz Kulaklık" },
    });
    expect(body.products[0].image.src).toContain("kk-200.webp");
    expect(body.categories.map((c: { slug: string }) => c.slug)).toEqual(["kulakliklar", "elektronik"]);
    expect(body.categories[0]).toEqual({ slug: "kulakliklar", name: "Kulaklıklar", count: 8 });
    // Completions spelled as the products and categories spell them, most common first.
    expect(body.terms).toEqual(["kulaklık", "kulaklıklar", "kulak"]);
  });

  it("serves a repeated query from the cache without SQL", async () => {
    await get(A, "q=kitap");
    const again = await get(A, "q=KİTAP");
    expect(statements(again)).toBe(0);
    expect(again.json().products.map((p: { slug: string }) => p.slug)).toEqual(["kitap-ayraci"]);
    expect(again.json().categories.map((c: { slug: string }) => c.slug)).toEqual(["kirtasiye"]);
  });

  it("completes the last word after the earlier ones", async () => {
    const body = (await get(A, `q=${encodeURIComponent("kablosuz ku")}`)).json();
    expect(body.products.map((p: { slug: string }) => p.slug)).toEqual(["kablosuz-kulaklik"]);
    expect(body.terms).toContain("kablosuz kulaklık");
    // One letter: completions and products, no category name to match.
    const one = await get(A, "q=k");
    expect(one.statusCode).toBe(200);
    expect(one.json().terms).toEqual(expect.arrayContaining(["kulaklık", "kablosuz"]));
  });

  it("corrects typos and matches category names", async () => {
    const body = (await get(A, "q=kulaklk")).json();
    expect(body.corrected).toBe("kulaklık");
    expect(body.products[0].slug).toBe("kablosuz-kulaklik");
    const byName = (await get(A, `q=${encodeURIComponent("kırtasiye")}`)).json();
    expect(byName.categories[0]).toMatchObject({ slug: "kirtasiye", name: "Kırtasiye" });
  });

  it("answers in English", async () => {
    const body = (await get(A, "q=kablosuz&locale=en")).json();
    expect(body.products[0].title).toBe("Wireless Headphones");
    expect(body.categories[0]).toMatchObject({ slug: "kulakliklar", name: "Headphones" });
  });

  it("returns nothing for empty input without touching the database", async () => {
    const res = await get(A, "q=%20%20");
    expect(res.json()).toEqual({ query: "", corrected: null, products: [], categories: [], terms: [] });
    expect(statements(res)).toBe(0);
    expect((await get(A, "")).statusCode).toBe(200);
  });

  it("rejects bad input with a problem", async () => {
    const res = await get(A, `q=${"a".repeat(201)}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect((await get(A, "q=a&locale=de")).statusCode).toBe(400);
  });

  it("never suggests another store's products, categories or words", async () => {
    const body = (await get(B, "q=kula")).json();
    expect(body.products.map((p: { slug: string }) => p.slug)).toEqual(["b-kulaklik"]);
    expect(body.categories).toEqual([]);
    expect(body.terms).toEqual(["kulaklık"]);
    expect((await get(B, "q=kitap")).json()).toMatchObject({ products: [], categories: [], terms: [] });
  });
});
