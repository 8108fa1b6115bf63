import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { requester, staffSession } from "../../../test/people.ts";
import { storefrontBannersWeb } from "../../server/web/catalog-admin.ts";
import { auditEvents } from "../audit/schema.ts";
import { cropMedia, type MediaContext, uploadMediaBuffer } from "../media/service.ts";
import { activeBanners } from "./banners.ts";
import { banners } from "./schema.ts";

const A = "ban-a.test";
const B = "ban-b.test";

type Banner = {
  id: string;
  title: string;
  position: number;
  live: boolean;
  thumbnail: string | null;
  categoryId: string | null;
  placement: string;
};

/** A real picture through the media pipeline, cropped with the home banner preset (3:1). */
async function bannerAsset(t: TestApp, tenantId: string, preset = "home-banner") {
  const png = await sharp({ create: { width: 1500, height: 900, channels: 3, background: { r: 15, g: 118, b: 110 } } })
    .png()
    .toBuffer();
  const ctx: MediaContext = { db: t.kernel.db, storage: t.kernel.storage, jobs: t.kernel.jobs, config: t.kernel.config.media, tenantId };
  const asset = await uploadMediaBuffer(ctx, png, { filename: "kampanya.png", alt: "Yaz kampanyası" });
  return cropMedia(ctx, asset.id, { preset, crop: { left: 0, top: 150, width: 1500, height: 500 } });
}

describe("banners admin API and storefront slides", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let categoryA: string;
  let categoryB: string;
  let ownerA: { cookie: string };
  let ownerB: { cookie: string };
  let assetA: string;
  let assetB: string;
  const reqA = () => requester(t, A);
  const reqB = () => requester(t, B);
  const auditOf = (type: string) =>
    t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, type)));

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false" });
    const a = await createStore(t.kernel, "ban-a", [A], 1);
    const b = await createStore(t.kernel, "ban-b", [B], 1);
    tenantA = a.tenant.id;
    tenantB = b.tenant.id;
    categoryA = a.category.id;
    categoryB = b.category.id;
    ownerA = await staffSession(t, tenantA, A, "owner@ban-a.test", "owner");
    ownerB = await staffSession(t, tenantB, B, "owner@ban-b.test", "owner");
    assetA = (await bannerAsset(t, tenantA)).id;
    assetB = (await bannerAsset(t, tenantB)).id;
  });

  afterAll(() => t?.close());

  it("refuses invalid banners with 4xx problems and field paths", async () => {
    const post = (body: unknown) => reqA()("POST", "/api/admin/banners", ownerA.cookie, body);
    const noTitle = await post({ title: "" });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.headers["content-type"]).toContain("application/problem+json");
    expect(noTitle.json().errors[0].path).toContain("title");
    expect((await post({ title: "X", placement: "category" })).json().errors[0].path).toContain("categoryId");
    expect((await post({ title: "X", placement: "sidebar" })).statusCode).toBe(400);
    expect((await post({ title: "X", linkUrl: "javascript:alert(1)" })).statusCode).toBe(400);
    expect((await post({ title: "X", linkUrl: "//evil.example" })).statusCode).toBe(400);
    const dates = await post({ title: "X", startsAt: "2030-02-01T00:00:00Z", endsAt: "2030-01-01T00:00:00Z" });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors[0].path).toContain("endsAt");
    expect((await post({ title: "X", startsAt: "yarın" })).statusCode).toBe(400);
    const unknownAsset = await post({ title: "X", assetId: crypto.randomUUID() });
    expect(unknownAsset.statusCode).toBe(422);
    expect(unknownAsset.json().errors).toEqual([expect.objectContaining({ path: "assetId" })]);
    expect((await reqA()("POST", "/api/admin/banners", undefined, { title: "X" })).statusCode).toBe(401);
    expect(await t.kernel.db.select().from(banners).where(eq(banners.tenantId, tenantA))).toHaveLength(0);
  });

  it("creates, lists, changes, reorders and deletes banners, auditing each change", async () => {
    const first = await reqA()("POST", "/api/admin/banners", ownerA.cookie, {
      title: "Yaz indirimi",
      subtitle: "Tüm sandaletlerde %30",
      linkUrl: "/kategori/ayakkabi",
      assetId: assetA,
      translations: { en: { title: "Summer sale", subtitle: "30% off all sandals" } },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ placement: "home-hero", position: 0, live: true, titleEn: "Summer sale", assetId: assetA });
    expect(first.json().thumbnail).toMatch(/\.webp$/);
    const second = (
      await reqA()("POST", "/api/admin/banners", ownerA.cookie, { title: "Yeni sezon", linkUrl: "https://example.com/yeni" })
    ).json();
    expect(second.position).toBe(1);
    const category = (
      await reqA()("POST", "/api/admin/banners", ownerA.cookie, { title: "Kategori", placement: "category", categoryId: categoryA })
    ).json();
    expect(category).toMatchObject({ placement: "category", categoryId: categoryA, position: 0, categoryName: "ban-a Kategori" });

    const listed = (await reqA()("GET", "/api/admin/banners", ownerA.cookie)).json().items as Banner[];
    expect(listed.map((b) => b.title)).toEqual(["Kategori", "Yaz indirimi", "Yeni sezon"]);
    const homeOnly = (await reqA()("GET", "/api/admin/banners?placement=home-hero", ownerA.cookie)).json().items as Banner[];
    expect(homeOnly.map((b) => b.title)).toEqual(["Yaz indirimi", "Yeni sezon"]);

    const moved = await reqA()("POST", `/api/admin/banners/${second.id}/move`, ownerA.cookie, { direction: "up" });
    expect(moved.json().position).toBe(0);
    const order = (await reqA()("GET", "/api/admin/banners?placement=home-hero", ownerA.cookie)).json().items as Banner[];
    expect(order.map((b) => b.title)).toEqual(["Yeni sezon", "Yaz indirimi"]);

    const patched = await reqA()("PATCH", `/api/admin/banners/${second.id}`, ownerA.cookie, { active: false, subtitle: "Yakında" });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ active: false, live: false, subtitle: "Yakında" });
    const badPatch = await reqA()("PATCH", `/api/admin/banners/${second.id}`, ownerA.cookie, { placement: "category" });
    expect(badPatch.statusCode).toBe(422);
    expect(badPatch.json().errors).toEqual([expect.objectContaining({ path: "categoryId" })]);

    expect((await reqA()("DELETE", `/api/admin/banners/${category.id}`, ownerA.cookie)).statusCode).toBe(204);
    expect((await reqA()("GET", `/api/admin/banners/${category.id}`, ownerA.cookie)).statusCode).toBe(404);

    expect(await auditOf("banner.create")).toHaveLength(3);
    const [update] = await auditOf("banner.update");
    expect(update).toMatchObject({
      targetId: second.id,
      before: { active: true, subtitle: "" },
      after: { active: false, subtitle: "Yakında" },
    });
    expect(await auditOf("banner.reorder")).toHaveLength(1);
    expect((await auditOf("banner.delete"))[0]?.summary).toBe("Kategori");
  });

  it("shows only active banners within their dates, in order, with a <picture> of the banner crop", async () => {
    const day = 86_400_000;
    const post = (body: Record<string, unknown>) => reqA()("POST", "/api/admin/banners", ownerA.cookie, body);
    await post({ title: "Gelecek hafta", startsAt: new Date(Date.now() + 7 * day).toISOString() });
    await post({ title: "Bitti", endsAt: new Date(Date.now() - day).toISOString() });
    await post({ title: "Süreli", startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + day).toISOString() });
    const url = (key: string) => `/media/${key}`;

    const slides = await activeBanners(t.kernel.db, tenantA, "home-hero", "tr", url);
    expect(slides.map((s) => s.title)).toEqual(["Yaz indirimi", "Süreli"]);
    const picture = slides[0]?.picture;
    expect(picture).toBeTruthy();
    expect(picture?.width && picture.height && Math.round((picture.width / picture.height) * 10) / 10).toBe(3);
    expect(picture?.sources.map((s) => s.type)).toEqual(expect.arrayContaining(["image/webp", "image/jpeg"]));
    expect(picture?.src).toMatch(/^\/media\/.+\.jpe?g$/);
    expect(picture?.alt).toBe("Yaz kampanyası");
    expect(slides[1]?.picture).toBeNull();

    const english = await activeBanners(t.kernel.db, tenantA, "home-hero", "en", url);
    expect(english[0]).toMatchObject({ title: "Summer sale", subtitle: "30% off all sandals" });

    await post({ title: "Kategori bannerı", placement: "category", categoryId: categoryA, assetId: assetA });
    expect((await activeBanners(t.kernel.db, tenantA, "category", "tr", url, categoryA)).map((s) => s.title)).toEqual(["Kategori bannerı"]);
    expect(await activeBanners(t.kernel.db, tenantA, "category", "tr", url, categoryB)).toEqual([]);
    expect(await activeBanners(t.kernel.db, tenantB, "home-hero", "tr", url)).toEqual([]);
  });

  it("the storefront's cached slides change as soon as a banner does", async () => {
    const web = storefrontBannersWeb(t.kernel, tenantA, "tr");
    const before = (await web.home()).map((s) => s.title);
    expect(before).toContain("Süreli");
    const [row] = await t.kernel.db
      .select({ id: banners.id })
      .from(banners)
      .where(and(eq(banners.tenantId, tenantA), eq(banners.title, "Süreli")));
    await reqA()("PATCH", `/api/admin/banners/${row?.id}`, ownerA.cookie, { title: "Süreli kampanya" });
    expect((await web.home()).map((s) => s.title)).toContain("Süreli kampanya");
  });

  it("keeps stores apart", async () => {
    const [mine] = await t.kernel.db.select().from(banners).where(eq(banners.tenantId, tenantA)).limit(1);
    const id = mine?.id as string;
    expect((await reqB()("GET", "/api/admin/banners", ownerB.cookie)).json().items).toEqual([]);
    expect((await reqB()("GET", `/api/admin/banners/${id}`, ownerB.cookie)).statusCode).toBe(404);
    expect((await reqB()("PATCH", `/api/admin/banners/${id}`, ownerB.cookie, { title: "Ele geçirildi" })).statusCode).toBe(404);
    expect((await reqB()("POST", `/api/admin/banners/${id}/move`, ownerB.cookie, { direction: "down" })).statusCode).toBe(404);
    expect((await reqB()("DELETE", `/api/admin/banners/${id}`, ownerB.cookie)).statusCode).toBe(404);
    // another store's image or category cannot be used
    const foreignAsset = await reqB()("POST", "/api/admin/banners", ownerB.cookie, { title: "X", assetId: assetA });
    expect(foreignAsset.statusCode).toBe(422);
    const foreignCategory = await reqB()("POST", "/api/admin/banners", ownerB.cookie, {
      title: "X",
      placement: "category",
      categoryId: categoryA,
    });
    expect(foreignCategory.statusCode).toBe(422);
    expect((await reqA()("PATCH", `/api/admin/banners/${id}`, ownerA.cookie, { assetId: assetB })).statusCode).toBe(422);
    expect((await reqA()("GET", "/api/admin/banners", ownerB.cookie)).statusCode).toBe(403);
    const [still] = await t.kernel.db.select().from(banners).where(eq(banners.id, id));
    expect(still?.title).toBe(mine?.title);
  });
});
