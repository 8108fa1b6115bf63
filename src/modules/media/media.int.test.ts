import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import {
  animatedGif,
  EXIF_SECRET,
  heicHeader,
  jpegWithGps,
  keyOf,
  multipart,
  png,
  readObject,
  staffClient,
  streamUpload,
} from "../../../test/media.ts";
import { auditEvents } from "../audit/schema.ts";
import { createBanner, deleteBanner } from "../catalog/banners.ts";
import { createProduct, deleteProduct } from "../catalog/write.ts";
import { createTenant } from "../tenants/service.ts";
import type { MediaAssetJson } from "./contract.ts";
import { assetFolder, mediaPrefix } from "./service.ts";

// The image side of the media pipeline through the real API: real sharp, real storage (local
// disk), PGlite or PostgreSQL. Videos: video.int.test.ts; usage on S3: usage.int.test.ts.

const hostA = "medya-a.test";
const hostB = "medya-b.test";

describe("media library: images", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let a: ReturnType<typeof staffClient>;
  let b: ReturnType<typeof staffClient>;
  let photo: MediaAssetJson;
  let cookieA: string;

  beforeAll(async () => {
    t = await createTestApp({ MEDIA_MAX_IMAGE_MB: "2.5", MEDIA_QUOTA_MB: "4", AUTH_RATE_LIMIT: "false" });
    await t.kernel.jobs.start();
    tenantA = (await createTenant(t.kernel.db, { slug: "medya-a", name: "Medya A", hosts: [hostA] })).id;
    tenantB = (await createTenant(t.kernel.db, { slug: "medya-b", name: "Medya B", hosts: [hostB] })).id;
    cookieA = await signInStaff(t, tenantA, hostA, "medya-a@example.com");
    a = staffClient(t, hostA, cookieA);
    b = staffClient(t, hostB, await signInStaff(t, tenantB, hostB, "medya-b@example.com"));
  });
  afterAll(() => t?.close());

  /** Every stored object under a prefix, with its bytes. */
  async function objects(prefix: string) {
    const out: { key: string; bytes: number }[] = [];
    for await (const o of t.kernel.storage.list(prefix)) out.push({ key: o.key, bytes: o.bytes });
    return out;
  }

  const storedBytes = async (prefix: string) => (await t.kernel.storage.usage(prefix)).bytes;

  it("refuses files by their real type, whatever their name, with a message naming what is accepted", async () => {
    const text = await a.upload({
      name: "urun.png",
      data: Buffer.from("Bu bir resim değil, sadece metin.\n".repeat(20)),
      type: "image/png",
    });
    expect(text.statusCode).toBe(415);
    expect(text.headers["content-type"]).toMatch(/problem\+json/);
    expect(text.json()).toMatchObject({ type: "media/unsupported-type", status: 415 });
    expect(text.json().detail).toBe(
      '"urun.png" is not a file type we accept: its content is not a recognised image or video. ' +
        "Accepted are images (JPEG, PNG, WebP, AVIF, GIF) and videos (MP4, WebM, MOV).",
    );

    const pdf = await a.upload({ name: "katalog.jpg", data: Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".repeat(10)) });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().detail).toMatch(/^"katalog\.jpg" is PDF \(application\/pdf\), which is not accepted\. Accepted are images/);

    const heic = await a.upload({ name: "IMG_0001.HEIC", data: heicHeader() });
    expect(heic.statusCode).toBe(415);
    expect(heic.json()).toMatchObject({ type: "media/unsupported-type", detectedType: "image/heic" });
    expect(heic.json().detail).toMatch(
      /^"IMG_0001\.HEIC" is HEIC \(image\/heic\), HEIC photos cannot be read on this server; export the photo as JPEG first\./,
    );

    // a JPEG cut short: its type is right, its pixels cannot be read
    const truncated = (await jpegWithGps(800, 600)).subarray(0, 6000);
    const cut = await a.upload({ name: "yarim.jpg", data: truncated });
    expect(cut.statusCode).toBe(422);
    expect(cut.json()).toMatchObject({ type: "media/unreadable" });
    expect(cut.json().detail).toMatch(/^"yarim\.jpg" could not be read as an image \(.+\)\.$/);

    expect(await storedBytes(mediaPrefix(tenantA))).toBe(0);
    expect((await a.get("/api/admin/media")).json().total).toBe(0);

    // a PNG called .jpg is taken for what it is
    const renamed = await a.upload({ name: "aslinda-png.jpg", data: await png(900, 600), type: "image/jpeg" });
    expect(renamed.statusCode).toBe(201);
    const asset = renamed.json() as MediaAssetJson;
    expect(asset).toMatchObject({
      kind: "image",
      status: "ready",
      contentType: "image/png",
      filename: "aslinda-png.jpg",
      width: 900,
      height: 600,
    });
    expect(asset.originalUrl).toMatch(new RegExp(`^/media/tenants/${tenantA}/media/${asset.id}/original-[0-9a-f]{12}\\.png$`));
    expect((await sharp(await readObject(t, keyOf(asset.originalUrl))).metadata()).format).toBe("png");
  });

  it("asks for multipart with the file in `file`", async () => {
    const json = await a.json("POST", "/api/admin/media", { file: "x" });
    expect(json.statusCode).toBe(400);
    expect(json.json().detail).toMatch(/multipart\/form-data with the file in the field "file"/);
    const noFile = await a.upload(null, { alt: "boş" });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().detail).toMatch(/No file was sent/);
  });

  it("strips EXIF (GPS, author) from every stored file, turns the photo upright and makes the product rendition at once", async () => {
    const input = await jpegWithGps(1600, 1000);
    // the fixture really carries what must disappear
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.includes(Buffer.from(EXIF_SECRET))).toBe(true);
    expect(inputMeta.orientation).toBe(6);

    const res = await a.upload({ name: "kamera.jpg", data: input }, { alt: "Kırmızı çanta" });
    expect(res.statusCode).toBe(201);
    photo = res.json();
    // orientation 6: stored 1600×1000 sideways, shown 1000×1600
    expect(photo).toMatchObject({
      kind: "image",
      status: "ready",
      contentType: "image/jpeg",
      width: 1000,
      height: 1600,
      alt: "Kırmızı çanta",
      usedBy: 0,
    });
    expect(photo.renditions).toHaveLength(1);
    const product = photo.renditions[0] as MediaAssetJson["renditions"][number];
    expect(product.preset).toBe("product");
    expect(product.crop).toEqual({ left: 0, top: 300, width: 1000, height: 1000 });
    // widths 400 and 800 fit in 1000 px (1200 does not), each as AVIF, WebP and JPEG
    expect(product.variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual(
      ["avif@400x400", "avif@800x800", "jpeg@400x400", "jpeg@800x800", "webp@400x400", "webp@800x800"].sort(),
    );
    expect(photo.previewUrl).toBe(product.variants.find((v) => v.format === "webp" && v.width === 400)?.url);

    const folder = assetFolder(tenantA, photo.id);
    const stored = await objects(`${folder}/`);
    expect(stored).toHaveLength(7);
    for (const { key } of stored) {
      const data = await readObject(t, key);
      const meta = await sharp(data).metadata();
      expect(meta.exif, key).toBeUndefined();
      expect(meta.xmp, key).toBeUndefined();
      expect(meta.iptc, key).toBeUndefined();
      expect(meta.orientation ?? 1, key).toBe(1);
      expect(data.includes(Buffer.from(EXIF_SECRET)), key).toBe(false);
      expect(data.includes(Buffer.from("KervanCam")), key).toBe(false);
    }
    const original = await sharp(await readObject(t, keyOf(photo.originalUrl))).metadata();
    expect([original.format, original.width, original.height]).toEqual(["jpeg", 1000, 1600]);
    // each variant is what it claims, and the asset's bytes are exactly what is stored
    for (const v of product.variants) {
      const data = await readObject(t, keyOf(v.url));
      const meta = await sharp(data).metadata();
      expect([meta.format === "heif" ? "avif" : meta.format, meta.width, meta.height, data.length]).toEqual([
        v.format,
        v.width,
        v.height,
        v.bytes,
      ]);
    }
    expect(photo.bytes).toBe(await storedBytes(`${folder}/`));
  });

  it("keeps a GIF's first frame, as PNG", async () => {
    const res = await b.upload({ name: "hareketli.gif", data: await animatedGif(120, 90) });
    expect(res.statusCode).toBe(201);
    const gif = res.json() as MediaAssetJson;
    expect(gif).toMatchObject({ contentType: "image/png", width: 120, height: 90 });
    const meta = await sharp(await readObject(t, keyOf(gif.originalUrl))).metadata();
    expect([meta.format, meta.pages ?? 1, meta.width, meta.height]).toEqual(["png", 1, 120, 90]);
    // smaller than every configured width: one width, its own (90 px square crop)
    expect(gif.renditions[0]?.variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual([
      "avif@90x90",
      "jpeg@90x90",
      "webp@90x90",
    ]);
    expect((await b.json("DELETE", `/api/admin/media/${gif.id}`)).statusCode).toBe(204);
  });

  it("crops for every preset with exactly the preset's aspect ratio, and replaces an older crop of the same preset", async () => {
    const ratios = { product: [1, 1], gallery: [4, 5], "home-banner": [3, 1], "category-banner": [4, 1] } as const;
    const presets = (await a.get("/api/admin/media/presets")).json();
    expect(presets.presets.map((p: { name: string; ratio: string }) => `${p.name}=${p.ratio}`)).toEqual([
      "product=1:1",
      "gallery=4:5",
      "home-banner=3:1",
      "category-banner=4:1",
    ]);
    const folder = assetFolder(tenantA, photo.id);
    for (const [preset, [rw, rh]] of Object.entries(ratios)) {
      // the widest crop of that ratio, from the top of the 1000×1600 image
      const crop = { left: 0, top: 100, width: 1000, height: Math.round((1000 * rh) / rw) };
      const res = await a.json("POST", `/api/admin/media/${photo.id}/renditions`, { preset, crop });
      expect(res.statusCode, `${preset}: ${res.body}`).toBe(200);
      const rendition = (res.json() as MediaAssetJson).renditions.find((r) => r.preset === preset);
      expect(rendition?.crop).toEqual(crop);
      expect(rendition?.variants.map((v) => v.width).sort((x, y) => x - y)).toEqual([400, 400, 400, 800, 800, 800]);
      for (const v of rendition?.variants ?? []) {
        const meta = await sharp(await readObject(t, keyOf(v.url))).metadata();
        expect([meta.width, meta.height], `${preset} ${v.format}`).toEqual([v.width, v.height]);
        // the stored pixels have the preset's ratio (the height rounded from the width)
        expect(meta.height).toBe(Math.round(((meta.width as number) * rh) / rw));
        expect(v.url).toMatch(new RegExp(`/${folder}/${preset}-[0-9a-f]{12}-${v.width}\\.(avif|webp|jpg)$`));
      }
    }
    const before = (await a.get(`/api/admin/media/${photo.id}`)).json() as MediaAssetJson;
    expect(before.renditions.map((r) => r.preset)).toEqual(["product", "gallery", "home-banner", "category-banner"]);
    expect(before.bytes).toBe(await storedBytes(`${folder}/`));

    // a small product crop replaces the old one: its files go, and one width is still made
    const oldKeys = (before.renditions[0]?.variants ?? []).map((v) => keyOf(v.url));
    const res = await a.json("POST", `/api/admin/media/${photo.id}/renditions`, {
      preset: "product",
      crop: { left: 100, top: 200, width: 300, height: 301 },
    });
    expect(res.statusCode).toBe(200);
    const after = res.json() as MediaAssetJson;
    expect(after.renditions.filter((r) => r.preset === "product")).toHaveLength(1);
    const product = after.renditions.find((r) => r.preset === "product");
    expect(product?.variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual([
      "avif@300x300",
      "jpeg@300x300",
      "webp@300x300",
    ]);
    for (const key of oldKeys) expect(await t.kernel.storage.stat(key), key).toBeNull();
    expect(after.bytes).toBe(await storedBytes(`${folder}/`));
    expect(after.bytes).toBeLessThan(before.bytes);
  });

  it("refuses crops that do not fit the image or the preset with a clear 422", async () => {
    const crop = (preset: string, c: object) => a.json("POST", `/api/admin/media/${photo.id}/renditions`, { preset, crop: c });
    const unknown = await crop("poster", { left: 0, top: 0, width: 100, height: 100 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      type: "media/invalid-crop",
      detail: 'There is no crop preset "poster"; the presets are product, gallery, home-banner, category-banner.',
    });
    const outside = await crop("product", { left: 500, top: 0, width: 600, height: 600 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().detail).toBe("The crop (left 500, top 0, 600×600) does not fit inside the image, which is 1000×1600 pixels.");
    const ratio = await crop("home-banner", { left: 0, top: 0, width: 900, height: 400 });
    expect(ratio.statusCode).toBe(422);
    expect(ratio.json().detail).toBe(
      'The crop is 900×400, but the "home-banner" preset needs the ratio 3:1 (within 1% or 1 pixel); for a width of 900 the height would be 300.',
    );
    const fractional = await crop("product", { left: 0.5, top: 0, width: 100, height: 100 });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().detail).toMatch(/crop\.left/);
    expect((await a.get(`/api/admin/media/${photo.id}`)).json().renditions).toHaveLength(4);
  });

  it("stops an image over the size limit with 413 and stores nothing", async () => {
    const before = await storedBytes(mediaPrefix(tenantA));
    const big = await png(1200, 1000, { noise: true }); // about 3.6 MB, the limit is 2.5 MB
    const res = await a.upload({ name: "dev.png", data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ type: "media/too-large", limitBytes: 2.5 * 1024 * 1024 });
    expect(res.json().detail).toBe('"dev.png" is larger than 2.5 MB, the limit for images.');
    expect(res.headers.connection).toBe("close");
    expect(await storedBytes(mediaPrefix(tenantA))).toBe(before);

    // over real HTTP the server answers at the limit, without reading the remaining 98 MB
    const address = new URL(await t.app.listen({ port: 0, host: "127.0.0.1" }));
    const streamed = await streamUpload(
      Number(address.port),
      { host: hostA, cookie: cookieA, origin: `http://${hostA}` },
      {
        name: "cok-buyuk.png",
        head: await png(64, 64),
        total: 100 * 1024 * 1024,
      },
    );
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ type: "media/too-large" });
    expect(streamed.sent).toBeLessThan(50 * 1024 * 1024);
    expect(await storedBytes(mediaPrefix(tenantA))).toBe(before);
  });

  it("refuses an upload that would pass the store's quota", async () => {
    // random pixels do not compress: about 2.4 MB each, and the quota is 4 MB (store B's own)
    const noisy = () => png(2400, 340, { noise: true });
    const first = await b.upload({ name: "gurultu-1.png", data: await noisy() });
    expect(first.statusCode).toBe(201);
    const usage = (await b.get("/api/admin/media/usage")).json();
    expect(usage.totalBytes).toBeGreaterThan(2 * 1024 * 1024);
    const second = await b.upload({ name: "gurultu-2.png", data: await noisy() });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ type: "media/quota-exceeded", quotaBytes: 4 * 1024 * 1024 });
    expect(second.json().detail).toMatch(
      /^"gurultu-2\.png" does not fit in the store's media quota of 4 MB: \d+(\.\d)? MB is left\. Delete unused media/,
    );
    expect((await b.get("/api/admin/media/usage")).json().totalBytes).toBe(usage.totalBytes);
    // a small file still fits; the quota is per store (A's uploads were not counted)
    const small = await b.upload({ name: "kucuk.png", data: await png(64, 64) });
    expect(small.statusCode).toBe(201);
    for (const asset of [first, small]) expect((await b.json("DELETE", `/api/admin/media/${asset.json().id}`)).statusCode).toBe(204);
    expect((await b.get("/api/admin/media/usage")).json().totalBytes).toBe(0);

    // two at once: each fits alone, not both; the insert re-checks under a per-store lock
    const [one, two] = await Promise.all([
      b.upload({ name: "ayni-anda-1.png", data: await noisy() }),
      b.upload({ name: "ayni-anda-2.png", data: await noisy() }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 409]);
    const kept = one.statusCode === 201 ? one.json() : two.json();
    expect((await b.get("/api/admin/media/usage")).json().totalBytes).toBe(kept.bytes);
    expect(await storedBytes(mediaPrefix(tenantB))).toBe(kept.bytes);
    expect((await b.json("DELETE", `/api/admin/media/${kept.id}`)).statusCode).toBe(204);
    expect(await storedBytes(mediaPrefix(tenantB))).toBe(0);
  });

  it("lists the library newest first with filters and paging; reads one; changes alt text (audited)", async () => {
    const third = (await a.upload({ name: "üçüncü-görsel.png", data: await png(500, 500) })).json() as MediaAssetJson;
    const list = (await a.get("/api/admin/media?perPage=2")).json();
    expect(list.total).toBe(3);
    expect(list.items.map((i: MediaAssetJson) => i.id)).toEqual([third.id, photo.id]);
    expect((await a.get("/api/admin/media?perPage=2&page=2")).json().items.map((i: MediaAssetJson) => i.filename)).toEqual([
      "aslinda-png.jpg",
    ]);
    expect((await a.get("/api/admin/media?q=%C3%BC%C3%A7%C3%BCnc%C3%BC")).json().items.map((i: MediaAssetJson) => i.id)).toEqual([
      third.id,
    ]);
    expect((await a.get("/api/admin/media?q=%C3%A7anta")).json().items.map((i: MediaAssetJson) => i.id)).toEqual([photo.id]);
    expect((await a.get("/api/admin/media?kind=video")).json()).toMatchObject({ items: [], total: 0 });
    expect((await a.get("/api/admin/media?kind=sound")).statusCode).toBe(400);

    const patched = await a.json("PATCH", `/api/admin/media/${third.id}`, { alt: "  Üçüncü görsel  " });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().alt).toBe("Üçüncü görsel");
    expect((await a.get(`/api/admin/media/${third.id}`)).json()).toMatchObject({ id: third.id, alt: "Üçüncü görsel" });
    const audits = await t.kernel.db.select().from(auditEvents);
    expect(audits.find((e) => e.type === "media.update" && e.targetId === third.id)).toMatchObject({
      before: { alt: "" },
      after: { alt: "Üçüncü görsel" },
      tenantId: tenantA,
    });
    expect(audits.filter((e) => e.type === "media.upload" && e.tenantId === tenantA)).toHaveLength(3);
    expect(audits.filter((e) => e.type === "media.crop" && e.targetId === photo.id)).toHaveLength(5);
    expect((await a.json("PATCH", `/api/admin/media/${third.id}`, { alt: "x".repeat(501) })).statusCode).toBe(400);
    expect((await a.get("/api/admin/media/not-a-uuid")).statusCode).toBe(404);
  });

  it("refuses to delete an asset products or banners use, naming them; deletes every file once free", async () => {
    const ctx = { db: t.kernel.db, tenantId: tenantA, jobs: t.kernel.jobs, cache: t.kernel.cache };
    const product = await createProduct(ctx, {
      title: "Deri Çanta",
      variants: [{ price: 150_000, stock: 3 }],
      media: [{ assetId: photo.id }],
    });
    const banner = await createBanner(ctx, { title: "Yaz İndirimi", assetId: photo.id }, t.kernel.mediaUrl);
    expect((await a.get(`/api/admin/media/${photo.id}`)).json().usedBy).toBe(2);

    const refused = await a.json("DELETE", `/api/admin/media/${photo.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: "media/in-use",
      detail: '"kamera.jpg" is used by a product ("Deri Çanta") and a banner ("Yaz İndirimi"); remove it from them before deleting it.',
      usedBy: { products: [{ id: product.id, title: "Deri Çanta" }], banners: [{ id: banner.id, title: "Yaz İndirimi" }] },
    });
    const folder = assetFolder(tenantA, photo.id);
    // nothing was deleted
    const kept = (await a.get(`/api/admin/media/${photo.id}`)).json() as MediaAssetJson;
    expect(kept.bytes).toBeGreaterThan(0);
    expect(await storedBytes(`${folder}/`)).toBe(kept.bytes);

    // a crop of an asset in use re-projects the products showing it (outbox job)
    const cropped = await a.json("POST", `/api/admin/media/${photo.id}/renditions`, {
      preset: "product",
      crop: { left: 0, top: 0, width: 1000, height: 1000 },
    });
    expect(cropped.statusCode).toBe(200);
    const projections = await t.kernel.database.query<{ data: { tenantId: string; productIds?: string[] } }>(
      "select data from pgboss.job where name = 'catalog.project'",
    );
    expect(projections.some((j) => j.data.tenantId === tenantA && j.data.productIds?.includes(product.id))).toBe(true);

    await deleteProduct(ctx, product.id);
    await deleteBanner(ctx, banner.id);
    const deleted = await a.json("DELETE", `/api/admin/media/${photo.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await t.kernel.storage.usage(`${folder}/`)).toEqual({ bytes: 0, objects: 0 });
    expect((await a.get(`/api/admin/media/${photo.id}`)).statusCode).toBe(404);
    expect((await a.json("DELETE", `/api/admin/media/${photo.id}`)).statusCode).toBe(404);
  });

  it("reports storage usage equal to what the store's media take in storage", async () => {
    const usage = (await a.get("/api/admin/media/usage")).json();
    expect(usage).toEqual({
      quotaBytes: 4 * 1024 * 1024,
      totalBytes: await storedBytes(mediaPrefix(tenantA)),
      byKind: { image: { bytes: usage.totalBytes, count: 2 }, video: { bytes: 0, count: 0 } },
    });
    expect(usage.totalBytes).toBeGreaterThan(0);
  });

  it("keeps each store's media to itself", async () => {
    const mine = (await a.get("/api/admin/media")).json().items[0] as MediaAssetJson;
    expect((await b.get("/api/admin/media")).json()).toMatchObject({ items: [], total: 0 });
    expect((await b.get(`/api/admin/media/${mine.id}`)).statusCode).toBe(404);
    const crop = await b.json("POST", `/api/admin/media/${mine.id}/renditions`, {
      preset: "product",
      crop: { left: 0, top: 0, width: 100, height: 100 },
    });
    expect(crop.statusCode).toBe(404);
    expect((await b.json("PATCH", `/api/admin/media/${mine.id}`, { alt: "başkasının" })).statusCode).toBe(404);
    expect((await b.json("DELETE", `/api/admin/media/${mine.id}`)).statusCode).toBe(404);
    expect((await b.get("/api/admin/media/usage")).json().totalBytes).toBe(0);
    // and A's asset is untouched
    expect((await a.get(`/api/admin/media/${mine.id}`)).json()).toMatchObject({ alt: mine.alt, bytes: mine.bytes });
  });

  it("refuses cookie-authenticated uploads from other sites and uploads without a session", async () => {
    const body = await multipart({ name: "x.png", data: await png(10, 10) });
    const send = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/api/admin/media",
        headers: { host: hostA, "content-type": body.contentType, ...headers },
        payload: body.payload,
      });
    expect((await send({ cookie: cookieA })).statusCode).toBe(403);
    expect((await send({ cookie: cookieA, origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await send({})).statusCode).toBe(401);
    expect((await a.get("/api/admin/media")).json().total).toBe(2);
  });
});
