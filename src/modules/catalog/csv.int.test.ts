import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.ts";
import { staffSession } from "../../../test/people.ts";
import { countStatements } from "../../platform/db/index.ts";
import { auditEvents } from "../audit/schema.ts";
import { mediaAssets } from "../media/schema.ts";
import { createTenant } from "../tenants/service.ts";
import { exportRows, type ImportReport } from "./csv.ts";
import { brands, categories, productListings, productMedia, products, productVariants } from "./schema.ts";
import { createProduct } from "./write.ts";

const hostA = "magaza-a.test";
const hostB = "magaza-b.test";

describe("product CSV import and export", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let cookieA: string;
  let cookieB: string;
  let readOnlyA: string;
  let assetA: string;

  const importCsv = (host: string, cookie: string, body: string | Buffer, query = "") =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/products/import${query}`,
      headers: { host, origin: `http://${host}`, cookie, "content-type": "text/csv; charset=utf-8" },
      payload: body,
    });
  const report = async (host: string, cookie: string, body: string | Buffer, query = ""): Promise<ImportReport> => {
    const res = await importCsv(host, cookie, body, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ImportReport;
  };
  const exportCsv = (host: string, cookie: string, query = "") =>
    t.app.inject({ method: "GET", url: `/api/admin/products/export.csv${query}`, headers: { host, cookie } });
  const productCount = async (tenantId: string) =>
    (await t.kernel.db.select({ n: count() }).from(products).where(eq(products.tenantId, tenantId)))[0]?.n ?? 0;
  const product = async (tenantId: string, slug: string) => {
    const [row] = await t.kernel.db
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.slug, slug)));
    if (!row) return null;
    const variants = await t.kernel.db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, row.id))
      .orderBy(asc(productVariants.position));
    return { ...row, variants };
  };

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false" });
    tenantA = (await createTenant(t.kernel.db, { slug: "a", name: "Mağaza A", hosts: [hostA] })).id;
    tenantB = (await createTenant(t.kernel.db, { slug: "b", name: "Mağaza B", hosts: [hostB] })).id;
    for (const tenantId of [tenantA, tenantB]) {
      const [giyim] = await t.kernel.db.insert(categories).values({ tenantId, slug: "giyim", name: "Giyim" }).returning();
      await t.kernel.db.insert(categories).values([
        { tenantId, slug: "kadin", name: "Kadın", parentId: giyim?.id },
        { tenantId, slug: "ev", name: "Ev & Yaşam" },
      ]);
    }
    await t.kernel.db.insert(brands).values({ tenantId: tenantA, slug: "koton", name: "Koton" });
    const [asset] = await t.kernel.db
      .insert(mediaAssets)
      .values({
        tenantId: tenantA,
        kind: "image",
        filename: "kupa.jpg",
        contentType: "image/jpeg",
        originalKey: "a/kupa.jpg",
        width: 800,
        height: 800,
      })
      .returning();
    assetA = asset?.id as string;
    cookieA = (await staffSession(t, tenantA, hostA, "katalog-a@example.com", "catalog_manager")).cookie;
    cookieB = (await staffSession(t, tenantB, hostB, "katalog-b@example.com", "catalog_manager")).cookie;
    readOnlyA = (await staffSession(t, tenantA, hostA, "destek-a@example.com", "support")).cookie;
  });
  afterAll(() => t?.close());

  it("imports an Excel-style file: BOM, semicolons, Turkish headers and decimals, variants grouped by handle", async () => {
    const csv = [
      "urun_url;urun_adi;durum;marka;kategori;etiketler;kdv_orani;one_cikan;aciklama;secenek1_adi;secenek1_degeri;stok_kodu;barkod;fiyat;eski_fiyat;stok;agirlik_gram;desi",
      'keten-gomlek;Keten Gömlek;aktif;KOTON;giyim/kadin;yaz|keten;10;evet;"<p>Nefes alan keten.</p>";Beden;S;KG-S;8690000000011;1.299,90;1.599,90;3;250;1,5',
      "keten-gomlek;;;;;;;;;;M;KG-M;;1.299,90;1.599,90;0;260;1,5",
      "seramik-kupa;Seramik Kupa;taslak;Yeni Marka;Ev & Yaşam;;20;hayır;El yapımı;;;KP-1;;249,5;;12;;",
    ].join("\r\n");
    const result = await report(hostA, cookieA, Buffer.from(`\uFEFF${csv}\r\n`));
    expect(result).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 0,
      rows: [],
      products: 2,
      totalRows: 3,
      delimiter: ";",
      newBrands: ["Yeni Marka"],
    });

    const shirt = await product(tenantA, "keten-gomlek");
    expect(shirt).toMatchObject({
      title: "Keten Gömlek",
      status: "active",
      vatRate: 10,
      featured: true,
      tags: ["yaz", "keten"],
      price: 129_990,
      stock: 3,
    });
    expect(shirt?.options).toEqual([{ name: "Beden", values: ["S", "M"] }]);
    expect(shirt?.variants.map((v) => [v.optionValues, v.sku, v.price, v.compareAtPrice, v.stock, v.weightGrams, v.desi])).toEqual([
      [{ Beden: "S" }, "KG-S", 129_990, 159_990, 3, 250, 1.5],
      [{ Beden: "M" }, "KG-M", 129_990, 159_990, 0, 260, 1.5],
    ]);
    const [koton] = await t.kernel.db
      .select()
      .from(brands)
      .where(and(eq(brands.tenantId, tenantA), eq(brands.slug, "koton")));
    expect(shirt?.brandId).toBe(koton?.id);
    const [kadin] = await t.kernel.db
      .select()
      .from(categories)
      .where(and(eq(categories.tenantId, tenantA), eq(categories.slug, "kadin")));
    expect(shirt?.categoryId).toBe(kadin?.id);

    const mug = await product(tenantA, "seramik-kupa");
    expect(mug).toMatchObject({ status: "draft", price: 24_950, stock: 12, description: "<p>El yapımı</p>" });
    const [created] = await t.kernel.db
      .select()
      .from(brands)
      .where(and(eq(brands.tenantId, tenantA), eq(brands.name, "Yeni Marka")));
    expect(mug?.brandId).toBe(created?.id);
    // the active product is on the storefront at once
    const listed = await t.kernel.db.select().from(productListings).where(eq(productListings.tenantId, tenantA));
    expect(listed.map((l) => l.slug)).toEqual(["keten-gomlek"]);
  });

  it("reports each bad row with its line, column and code, and saves the good products", async () => {
    const csv = [
      "handle,title,category,sku,price,stock,description",
      'iyi-urun-1,İyi Ürün 1,ev,IYI-1,100,1,"iki',
      'satırlık açıklama"',
      "kotu-fiyat,Kötü Fiyat,ev,KF-1,on iki,1,",
      "yok-kategori,Yok Kategori,giyim/erkek,YK-1,50,1,",
      "cift-sku,Çift SKU,ev,IYI-1,50,1,",
      "baslik-yok,,ev,BY-1,50,1,",
      'iyi-urun-2,İyi Ürün 2,,IYI-2,"1.250,00",2,',
      "eski-sku,Eski SKU,ev,KG-S,10,1,",
    ].join("\n");
    const before = await productCount(tenantA);
    const result = await report(hostA, cookieA, csv);
    expect(result).toMatchObject({ created: 2, updated: 0, failed: 5, delimiter: "," });
    expect(result.rows.map((r) => [r.line, r.handle, r.field, r.code])).toEqual([
      [4, "kotu-fiyat", "price", "invalid_price"],
      [5, "yok-kategori", "category", "category_not_found"],
      [6, "cift-sku", "sku", "sku_duplicate"],
      [7, "baslik-yok", "title", "required"],
      [9, "eski-sku", "sku", "sku_taken"],
    ]);
    for (const row of result.rows) expect(row.message.length).toBeGreaterThan(10);
    expect(result.rows[2]?.message).toContain("line 2");
    expect(await productCount(tenantA)).toBe(before + 2);
    expect((await product(tenantA, "iyi-urun-2"))?.price).toBe(125_000);
    expect(await product(tenantA, "kotu-fiyat")).toBeNull();
  });

  it("reports the shared validator's problems on the variant's own line", async () => {
    const csv = [
      "handle,title,option1_name,option1_value,sku,barcode,price,compare_at_price,stock",
      "canta,Çanta,Renk,Siyah,CN-1,123,500,400,1",
      "canta,,,Siyah,CN-2,,500,,1",
    ].join("\n");
    const result = await report(hostA, cookieA, csv);
    expect(result.failed).toBe(1);
    expect(result.rows.map((r) => [r.line, r.field, r.code])).toEqual([
      [2, "barcode", "invalid_barcode"],
      [2, "compare_at_price", "compare_at_below_price"],
      [3, "option1_value", "duplicate_variant"],
    ]);
  });

  it("changes nothing in a dry run, yet reports what would happen", async () => {
    const before = await productCount(tenantA);
    const audits = (await t.kernel.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, tenantA)))[0]?.n;
    const csv =
      "handle,title,brand,price,stock\nprova-1,Prova 1,Prova Markası,10,1\nkoton-tisort,Tişört,koton,20,1\nseramik-kupa,Seramik Kupa Büyük,,,\n";
    const result = await report(hostA, cookieA, csv, "?dryRun=true");
    expect(result).toMatchObject({ dryRun: true, created: 2, updated: 1, failed: 0, newBrands: ["Prova Markası"] });
    expect(await productCount(tenantA)).toBe(before);
    expect((await product(tenantA, "seramik-kupa"))?.title).toBe("Seramik Kupa");
    expect(await t.kernel.db.select().from(brands).where(eq(brands.name, "Prova Markası"))).toEqual([]);
    const after = (await t.kernel.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, tenantA)))[0]?.n;
    expect(after).toBe(audits);
  });

  it("updates only the columns the file has: a price list leaves titles, options and other variants alone", async () => {
    const before = await product(tenantA, "keten-gomlek");
    const result = await report(hostA, cookieA, "handle;sku;price;stock\nketen-gomlek;KG-S;999,90;7\nketen-gomlek;KG-M;1.299,90;0\n");
    expect(result).toMatchObject({ updated: 1, created: 0, failed: 0 });
    const after = await product(tenantA, "keten-gomlek");
    expect(after?.title).toBe("Keten Gömlek");
    expect(after?.options).toEqual(before?.options);
    expect(after?.variants.map((v) => [v.id, v.sku, v.price, v.stock, v.weightGrams])).toEqual([
      [before?.variants[0]?.id, "KG-S", 99_990, 7, 250],
      [before?.variants[1]?.id, "KG-M", 129_990, 0, 260],
    ]);
    expect(after?.price).toBe(99_990);
  });

  it("round-trips: an exported file imports with no change, in either delimiter and header language", async () => {
    // a product with a picture chosen for a variant and an external product
    const ctx = { db: t.kernel.db, tenantId: tenantA, jobs: t.kernel.jobs, cache: t.kernel.cache };
    await createProduct(ctx, {
      title: 'Kupa Seti "Özel"; 2\'li',
      slug: "kupa-seti",
      status: "active",
      description: "<p>Satır 1</p>\n<p>Satır, 2</p>",
      tags: ["mutfak", "hediye"],
      options: [
        { name: "Renk", values: ["Mavi", "Beyaz"] },
        { name: "Boy", values: ["Küçük", "Büyük"] },
      ],
      media: [{ assetId: assetA, alt: "Mavi kupa" }],
      variants: [
        { options: { Renk: "Beyaz", Boy: "Küçük" }, sku: "KS-BK", price: 12_345, stock: 1, desi: 0.75, weightGrams: 300 },
        { options: { Renk: "Mavi", Boy: "Büyük" }, sku: "KS-MB", price: 15_000, compareAtPrice: 19_999, stock: 4, mediaIndex: 0 },
      ],
      seoTitle: "Kupa seti",
    });
    await createProduct(ctx, {
      title: "Dış Ürün",
      kind: "external",
      externalUrl: "https://example.com/urun?a=1&b=2",
      variants: [{ price: 100, stock: 0 }],
    });
    const total = await productCount(tenantA);
    const updatedAt = (await t.kernel.db.select({ u: products.updatedAt }).from(products).where(eq(products.tenantId, tenantA))).map((r) =>
      r.u.getTime(),
    );

    for (const query of ["", "?delimiter=semicolon&headers=tr"]) {
      const exported = await exportCsv(hostA, cookieA, query);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(exported.headers["content-disposition"]).toMatch(/^attachment; filename="urunler-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(exported.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      if (query) expect(exported.body).toContain("123,45");
      const result = await report(hostA, cookieA, exported.rawPayload);
      expect(result, JSON.stringify(result.rows)).toMatchObject({ created: 0, updated: 0, failed: 0, unchanged: total, rows: [] });
    }
    const after = (await t.kernel.db.select({ u: products.updatedAt }).from(products).where(eq(products.tenantId, tenantA))).map((r) =>
      r.u.getTime(),
    );
    expect(after).toEqual(updatedAt);
    const media = await t.kernel.db.select().from(productMedia).where(eq(productMedia.tenantId, tenantA));
    expect(media.map((m) => m.alt)).toEqual(["Mavi kupa"]);
  });

  it("exports with filters, and stays at a fixed number of statements per 500 products", async () => {
    const active = await exportCsv(hostA, cookieA, "?status=active");
    const handles = new Set(
      active.body
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0])
        .filter(Boolean),
    );
    expect([...handles].sort()).toEqual(["keten-gomlek", "kupa-seti"]);
    // the admin page's form sends status= for "all"
    const all = await exportCsv(hostA, cookieA, "?status=&delimiter=semicolon&headers=tr");
    expect(all.statusCode).toBe(200);
    expect(all.body.split("\r\n").filter(Boolean).length).toBeGreaterThan(handles.size + 1);
    const search = await exportCsv(hostA, cookieA, "?q=KS-MB");
    expect(search.body.split("\r\n").filter(Boolean)).toHaveLength(3); // header + the two variants

    // 1,100 products written with plain SQL (fast), then exported: 2 lookups + 3 per batch of 500
    const tenant = (await createTenant(t.kernel.db, { slug: "buyuk", name: "Büyük", hosts: ["buyuk.test"] })).id;
    await t.kernel.database.query(
      `insert into products (tenant_id, slug, title, price, stock) select $1, 'urun-' || lpad(i::text, 5, '0'), 'Ürün ' || i, 100 * i, 1 from generate_series(1, 1100) i`,
      [tenant],
    );
    await t.kernel.database.query(
      `insert into product_variants (tenant_id, product_id, sku, price, stock) select tenant_id, id, 'SKU-' || slug, price, 1 from products where tenant_id = $1`,
      [tenant],
    );
    const { result: rows, count: statements } = await countStatements(async () => {
      let n = 0;
      for await (const _row of exportRows(t.kernel.db, tenant)) n++;
      return n;
    });
    expect(rows).toBe(1101);
    expect(statements).toBe(2 + 3 * 3);
  });

  it("refuses existing handles in create-only mode", async () => {
    const result = await report(hostA, cookieA, "handle,title,price,stock\nketen-gomlek,X,1,1\nyepyeni,Yepyeni,1,1\n", "?mode=create-only");
    expect(result).toMatchObject({ created: 1, failed: 1, mode: "create-only" });
    expect(result.rows).toMatchObject([{ line: 2, handle: "keten-gomlek", field: "handle", code: "handle_exists" }]);
    expect((await product(tenantA, "keten-gomlek"))?.title).toBe("Keten Gömlek");
  });

  it("keeps stores apart: another store's handles, SKUs, categories and media are not reachable", async () => {
    const beforeA = await product(tenantA, "keten-gomlek");
    const csv = `handle,title,category,sku,price,stock,media_ids\nketen-gomlek,B Gömleği,giyim/kadin,KG-S,10,1,\nb-kupa,B Kupa,,B-1,10,1,${assetA}\n`;
    const result = await report(hostB, cookieB, csv);
    expect(result).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(result.rows).toMatchObject([{ line: 3, handle: "b-kupa", code: "media_not_found" }]);
    const shirtB = await product(tenantB, "keten-gomlek");
    expect(shirtB?.title).toBe("B Gömleği");
    expect(shirtB?.id).not.toBe(beforeA?.id);
    expect(await product(tenantA, "keten-gomlek")).toMatchObject({ title: "Keten Gömlek", updatedAt: beforeA?.updatedAt });
    const exportB = await exportCsv(hostB, cookieB);
    expect(exportB.body.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(exportB.body).not.toContain("kupa-seti");
  });

  it("accepts a multipart upload, needs catalog:write to import and catalog:read to export", async () => {
    const boundary = "----kervan-test";
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nupsert\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="urunler.csv"\r\nContent-Type: text/csv\r\n\r\n` +
        "handle,title,price,stock\nmultipart-urun,Multipart Ürün,5,1\n" +
        `\r\n--${boundary}--\r\n`,
    );
    const headers = (cookie: string) => ({
      host: hostA,
      origin: `http://${hostA}`,
      cookie,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
    const denied = await t.app.inject({ method: "POST", url: "/api/admin/products/import", headers: headers(readOnlyA), payload: body });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({ method: "POST", url: "/api/admin/products/import", headers: headers(cookieA), payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1 });
    expect((await exportCsv(hostA, readOnlyA)).statusCode).toBe(200);
    expect((await exportCsv(hostA, "")).statusCode).toBe(401);
    const sample = await t.app.inject({
      method: "GET",
      url: "/api/admin/products/import/sample.csv?delimiter=semicolon&headers=tr",
      headers: { host: hostA, cookie: readOnlyA },
    });
    expect(sample.body).toContain("urun_url;urun_adi");
  });

  it("answers 413 for a file past the size or row limit, and 415 for a body that is not CSV", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, "a");
    const tooBig = await importCsv(hostA, cookieA, big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: "file_too_large", detail: expect.stringContaining("10 MB") });
    const rows = `handle,price\n${"x,1\n".repeat(50_001)}`;
    const tooMany = await importCsv(hostA, cookieA, rows);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ code: "too_many_rows" });
    const json = await t.app.inject({
      method: "POST",
      url: "/api/admin/products/import",
      headers: { host: hostA, origin: `http://${hostA}`, cookie: cookieA, "content-type": "application/json" },
      payload: { handle: "x" },
    });
    expect(json.statusCode).toBe(415);
  });

  it("records one audit event per import, with the counts", async () => {
    const [event] = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, "product.import")))
      .orderBy(asc(auditEvents.createdAt))
      .limit(1);
    expect(event).toMatchObject({ actorEmail: "katalog-a@example.com", targetType: "product" });
    expect(event?.after).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 0, rows: 3, mode: "upsert" });
    const imports = await t.kernel.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, "product.import")));
    expect(imports[0]?.n).toBeGreaterThanOrEqual(7);
    const perProduct = await t.kernel.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, "product.create")));
    expect(perProduct[0]?.n).toBe(0);
  });

  it("imports 150 products at a measured rate", async () => {
    const lines = ["handle,title,category,option1_name,option1_value,sku,price,stock"];
    for (let i = 1; i <= 150; i++)
      for (const size of ["S", "M"]) lines.push(`hiz-${i},Hız Ürünü ${i},ev,Beden,${size},HZ-${i}-${size},"${i},90",5`);
    const started = performance.now();
    const result = await report(hostA, cookieA, lines.join("\n"));
    const seconds = (performance.now() - started) / 1000;
    expect(result).toMatchObject({ created: 150, failed: 0 });
    const rate = Math.round(150 / seconds);
    console.log(`csv import: 150 products (300 variants) in ${seconds.toFixed(2)} s = ${rate} products/s on ${t.kernel.database.kind}`);
    expect(seconds).toBeLessThan(60);
  });
});
