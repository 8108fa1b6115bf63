import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { countStatements, type Db } from "../../platform/db/index.ts";
import { productListings, searchTerms } from "../catalog/schema.ts";
import { tenants } from "../tenants/schema.ts";
import { searchTermsOf } from "./document.ts";
import { matchSearch } from "./query.ts";
import { listingTerms, refreshSearchTerms } from "./terms.ts";
import { addListedProduct, type ListingFixture, writeListing } from "./testing.ts";

type Fixture = ListingFixture;
const addProduct = addListedProduct;

describe("Turkish product search", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let tenantA: string;
  let tenantB: string;
  const ids: Record<string, string> = {};

  async function search(tenantId: string, q: string) {
    const match = await matchSearch(db, tenantId, q);
    if (!match) return null;
    const result = (await db.execute(sql`
      select l.slug from product_listings l
      where l.tenant_id = ${tenantId} and ${match.where}
      order by ${match.rank} desc, l.title_key, l.product_id`)) as unknown as { rows: { slug: string }[] };
    return { slugs: result.rows.map((r) => r.slug), corrected: match.corrected };
  }

  const terms = async (tenantId: string) =>
    Object.fromEntries(
      (
        await db
          .select({ term: searchTerms.term, products: searchTerms.products })
          .from(searchTerms)
          .where(eq(searchTerms.tenantId, tenantId))
      ).map((r) => [r.term, r.products]),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db as unknown as Db;
    const [a, b] = await db
      .insert(tenants)
      .values([
        { slug: "a", name: "A" },
        { slug: "b", name: "B" },
      ])
      .returning({ id: tenants.id });
    tenantA = (a as { id: string }).id;
    tenantB = (b as { id: string }).id;
    const fixtures: Fixture[] = [
      { slug: "kitap-ayraci", title: "Kitap Ayracı", brand: "Okur", categories: ["Kırtasiye"], tags: ["hediye"] },
      {
        slug: "kablosuz-kulaklik",
        title: "Kablosuz Kulaklık",
        brand: "Sesli",
        categories: ["Elektronik", "Ses"],
        specs: ["Renk: Siyah"],
        skus: ["KK-100"],
      },
      { slug: "sarj-aleti", title: "Şarj Aleti", brand: "Volt", categories: ["Elektronik"], tags: ["telefon aksesuarı"] },
      {
        slug: "akilli-telefon",
        title: "Akıllı Telefon",
        brand: "Volt",
        categories: ["Elektronik", "Telefon"],
        specs: ["Depolama 128GB"],
        skus: ["VLT-9X7Q"],
      },
      { slug: "spor-ayakkabi", title: "Spor Ayakkabı", brand: "Koşu", categories: ["Giyim"], specs: ["Beden: 42"] },
      { slug: "canta", title: "Çanta", categories: ["Aksesuar"] },
      { slug: "cuzdan", title: "cüzdan", categories: ["Aksesuar"] },
      { slug: "ilik-su-sisesi", title: "Ilık Su Şişesi", categories: ["Mutfak"] },
      { slug: "igne-seti", title: "İğne Seti", categories: ["Hobi"] },
      { slug: "sal", title: "Şal", categories: ["Giyim"] },
      { slug: "sabun", title: "Sabun", categories: ["Banyo"] },
      { slug: "3lu-set", title: "3'lü Havlu Seti", categories: ["Banyo"] },
    ];
    for (const f of fixtures) ids[f.slug] = await addProduct(db, tenantA, f);
    // Another store sells a phone and headphones too.
    ids.bKulaklik = await addProduct(db, tenantB, { slug: "kablosuz-kulaklik", title: "Kablosuz Kulaklık B", categories: [] });
    ids.bTelefon = await addProduct(db, tenantB, { slug: "telefon", title: "Telefon", categories: [] });
    await refreshSearchTerms(db, tenantA);
    await refreshSearchTerms(db, tenantB);
  });

  afterAll(() => database?.drop());

  it("builds the vocabulary from listings: words with their product counts, no stems", async () => {
    const a = await terms(tenantA);
    expect(a).toMatchObject({ kitap: 1, ayraci: 1, kulaklik: 1, elektronik: 3, volt: 2, telefon: 2, sarj: 1, kk: 1 });
    expect(a.ayrac).toBeUndefined(); // stem only
    // Numbers and codes with digits are searchable but not vocabulary.
    expect(a["100"]).toBeUndefined();
    expect(a["128gb"]).toBeUndefined();
    expect(a["9x7q"]).toBeUndefined();
    // The SQL derivation agrees with searchTermsOf.
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(
        searchTermsOf({
          title: "Kablosuz Kulaklık",
          brand: "Sesli",
          categories: ["Elektronik", "Ses"],
          tags: [],
          specs: ["Renk: Siyah"],
          skus: ["KK-100"],
        }),
      ),
    );
    expect(await terms(tenantB)).toEqual({ kablosuz: 1, kulaklik: 1, telefon: 1 });
  });

  it("meets plural and singular through stems", async () => {
    expect((await search(tenantA, "kitaplar"))?.slugs).toEqual(["kitap-ayraci"]);
    expect((await search(tenantA, "kitaplar"))?.corrected).toBeNull();
    expect((await search(tenantA, "kulaklıklar"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantA, "ayraçlar"))?.slugs).toEqual(["kitap-ayraci"]);
  });

  it("matches ASCII-typed queries and Turkish capitals", async () => {
    expect((await search(tenantA, "kulaklik"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantA, "sarj"))?.slugs).toEqual(["sarj-aleti"]);
    expect((await search(tenantA, "ŞARJ ALETİ"))?.slugs).toEqual(["sarj-aleti"]);
    expect((await search(tenantA, "AKILLI"))?.slugs).toEqual(["akilli-telefon"]);
    expect((await search(tenantA, "ilik"))?.slugs).toEqual(["ilik-su-sisesi"]);
  });

  it("matches the last word as a prefix (instant search)", async () => {
    expect((await search(tenantA, "kula"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantA, "kablosuz ku"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantA, "tel"))?.slugs.sort()).toEqual(["akilli-telefon", "sarj-aleti"]);
  });

  it("ranks title matches above tag matches and finds brands, categories, specs and SKUs", async () => {
    expect((await search(tenantA, "telefon"))?.slugs).toEqual(["akilli-telefon", "sarj-aleti"]);
    expect((await search(tenantA, "volt"))?.slugs.sort()).toEqual(["akilli-telefon", "sarj-aleti"]);
    expect((await search(tenantA, "kırtasiye"))?.slugs).toEqual(["kitap-ayraci"]);
    expect((await search(tenantA, "siyah"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantA, "kk-100"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect(await search(tenantA, "vlt-9x7q")).toEqual({ slugs: ["akilli-telefon"], corrected: null });
    expect(await search(tenantA, "128GB telefon")).toEqual({ slugs: ["akilli-telefon"], corrected: null });
    expect((await search(tenantA, "kablosuz siyah"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantA, "kablosuz sabun"))?.slugs).toEqual([]);
  });

  it("corrects one-letter typos from the store's vocabulary and says so", async () => {
    expect(await search(tenantA, "kulaklk")).toEqual({ slugs: ["kablosuz-kulaklik"], corrected: "kulaklik" });
    expect(await search(tenantA, "telefn")).toEqual({ slugs: ["akilli-telefon", "sarj-aleti"], corrected: "telefon" });
    expect(await search(tenantA, "ayakabı")).toEqual({ slugs: ["spor-ayakkabi"], corrected: "ayakkabi" });
    expect(await search(tenantA, "kablosuz kulaklk siyah")).toEqual({ slugs: ["kablosuz-kulaklik"], corrected: "kablosuz kulaklik siyah" });
    // Nothing close: no correction, no results.
    expect(await search(tenantA, "buzdolabı")).toEqual({ slugs: [], corrected: null });
  });

  it("runs at most one statement per query and none for empty input", async () => {
    const empty = await countStatements(() => matchSearch(db, tenantA, "  ?! "));
    expect(empty).toMatchObject({ result: null, count: 0 });
    const typo = await countStatements(() => matchSearch(db, tenantA, "kablosuz kulaklk siyah"));
    expect(typo.count).toBe(1);
    const numbers = await countStatements(() => matchSearch(db, tenantA, "42"));
    expect(numbers.count).toBe(0);
  });

  it("never shows or learns from another store's products", async () => {
    expect((await search(tenantB, "kulaklik"))?.slugs).toEqual(["kablosuz-kulaklik"]);
    expect((await search(tenantB, "sarj"))?.slugs).toEqual([]);
    expect((await search(tenantB, "kitap"))?.slugs).toEqual([]);
    // 'volt' exists only in store A's vocabulary: store B gets no correction towards it.
    expect((await search(tenantB, "vol"))?.corrected).toBeNull();
    const bRows = await search(tenantB, "telefon");
    expect(bRows?.slugs).toEqual(["telefon"]);
  });

  it("sorts names in Turkish order through title_key in SQL", async () => {
    const rows = (await db.execute(sql`
      select l.card->'title'->>'tr' as title from product_listings l
      where l.tenant_id = ${tenantA} and l.slug in ('canta', 'cuzdan', 'ilik-su-sisesi', 'igne-seti', 'sal', 'sabun', '3lu-set')
      order by l.title_key collate "C", l.product_id`)) as unknown as { rows: { title: string }[] };
    expect(rows.rows.map((r) => r.title)).toEqual(["3'lü Havlu Seti", "cüzdan", "Çanta", "Ilık Su Şişesi", "İğne Seti", "Sabun", "Şal"]);
    // The database's default collation gives the same order (keys use only [0-9a-z]).
    const plain = (await db.execute(sql`
      select l.slug from product_listings l where l.tenant_id = ${tenantA} order by l.title_key, l.product_id`)) as unknown as {
      rows: { slug: string }[];
    };
    const c = (await db.execute(sql`
      select l.slug from product_listings l where l.tenant_id = ${tenantA} order by l.title_key collate "C", l.product_id`)) as unknown as {
      rows: { slug: string }[];
    };
    expect(plain.rows).toEqual(c.rows);
  });

  it("agrees with ICU's Turkish and English collations on PostgreSQL (PGlite has no ICU)", async (context) => {
    const icu = (await db.execute(sql`select collname from pg_collation where collname in ('tr-TR-x-icu', 'en-US-x-icu')`)) as unknown as {
      rows: { collname: string }[];
    };
    if (icu.rows.length < 2) return context.skip(); // PGlite
    const order = async (by: ReturnType<typeof sql>) =>
      (
        (await db.execute(
          sql`select l.slug from product_listings l where l.tenant_id = ${tenantA} order by ${by}, l.product_id`,
        )) as unknown as {
          rows: { slug: string }[];
        }
      ).rows.map((r) => r.slug);
    const byKey = await order(sql`l.title_key collate "C"`);
    expect(await order(sql`l.card->'title'->>'tr' collate "tr-TR-x-icu"`)).toEqual(byKey);
    expect(await order(sql`l.title_key collate "en-US-x-icu"`)).toEqual(byKey);
  });

  it("keeps counts right when a product changes and when it leaves", async () => {
    const id = ids["sarj-aleti"] as string;
    const before = await listingTerms(db, tenantA, [id]);
    expect(before).toEqual(expect.arrayContaining(["sarj", "aleti", "volt"]));
    await writeListing(db, tenantA, id, { slug: "sarj-aleti", title: "Hızlı Şarj Cihazı", brand: "Volt", categories: ["Elektronik"] });
    await refreshSearchTerms(db, tenantA, [id], before);
    let a = await terms(tenantA);
    expect(a).toMatchObject({ sarj: 1, hizli: 1, cihazi: 1, volt: 2, telefon: 1, elektronik: 3 });
    expect(a.aleti).toBeUndefined();
    expect(a.aksesuari).toBeUndefined();

    // Re-running is idempotent.
    await refreshSearchTerms(db, tenantA, [id]);
    expect(await terms(tenantA)).toEqual(a);

    const gone = await listingTerms(db, tenantA, [id]);
    await db.delete(productListings).where(eq(productListings.productId, id));
    const one = await countStatements(() => refreshSearchTerms(db, tenantA, [id], gone));
    expect(one.count).toBe(1);
    a = await terms(tenantA);
    expect(a.sarj).toBeUndefined();
    expect(a.hizli).toBeUndefined();
    expect(a).toMatchObject({ volt: 1, elektronik: 2 });

    // Common words (here: 2+ products) move by one instead of being recounted.
    const phone = ids["akilli-telefon"] as string;
    const had = await listingTerms(db, tenantA, [phone]);
    await writeListing(db, tenantA, phone, { slug: "akilli-telefon", title: "Akıllı Telefon", categories: ["Telefon"] });
    await db.execute(sql`update search_terms set products = 40 where tenant_id = ${tenantA} and term = 'elektronik'`);
    await refreshSearchTerms(db, tenantA, [phone], had, { exactBelow: 2 });
    a = await terms(tenantA);
    expect(a.elektronik).toBe(39); // lost by this product: 40 − 1, not recounted
    expect(a.volt).toBeUndefined(); // rare: recounted exactly, gone with its last product
    expect(a.akilli).toBe(1);
    await writeListing(db, tenantA, phone, {
      slug: "akilli-telefon",
      title: "Akıllı Telefon",
      brand: "Volt",
      categories: ["Elektronik", "Telefon"],
    });
    await refreshSearchTerms(db, tenantA, [phone], await listingTerms(db, tenantA, [phone]));
    a = await terms(tenantA);
    expect(a.volt).toBe(1);

    // A full rebuild sets every count right.
    await refreshSearchTerms(db, tenantA);
    a = await terms(tenantA);
    expect(a.elektronik).toBe(2);
    await refreshSearchTerms(db, tenantA);
    expect(await terms(tenantA)).toEqual(a);
    // Store B was untouched.
    expect(await terms(tenantB)).toEqual({ kablosuz: 1, kulaklik: 1, telefon: 1 });
  });
});
