import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createCustomer, requester, signIn, staffSession } from "../../../test/people.ts";
import { auditEvents } from "../audit/schema.ts";
import { coupons } from "./schema.ts";
import { redeemCoupons } from "./service.ts";

const A = "kupon-a.test";
const B = "kupon-b.test";

type Coupon = {
  id: string;
  code: string;
  status: string;
  usedCount: number;
  usageLimit: number | null;
  scopeIds: string[];
  [k: string]: unknown;
};

describe("coupons admin API and the public coupons API", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let categoryA: string;
  let categoryB: string;
  let productA: string;
  let ownerA: string;
  let ownerB: string;
  let catalogManagerA: string;
  let supportA: string;
  const reqA = () => requester(t, A);
  const reqB = () => requester(t, B);
  const post = (body: unknown, cookie = ownerA) => reqA()("POST", "/api/admin/coupons", cookie, body);
  const auditOf = (type: string, targetId?: string) =>
    t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, type), ...(targetId ? [eq(auditEvents.targetId, targetId)] : [])));

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false", RATE_LIMIT_MAX: "100000" });
    const a = await createStore(t.kernel, "kupon-a", [A], 2);
    const b = await createStore(t.kernel, "kupon-b", [B], 1);
    tenantA = a.tenant.id;
    tenantB = b.tenant.id;
    categoryA = a.category.id;
    categoryB = b.category.id;
    productA = a.products[0]?.id as string;
    ownerA = (await staffSession(t, tenantA, A, "owner@kupon-a.test", "owner")).cookie;
    ownerB = (await staffSession(t, tenantB, B, "owner@kupon-b.test", "owner")).cookie;
    catalogManagerA = (await staffSession(t, tenantA, A, "katalog@kupon-a.test", "catalog_manager")).cookie;
    supportA = (await staffSession(t, tenantA, A, "destek@kupon-a.test", "support")).cookie;
  });

  afterAll(() => t?.close());

  it("refuses invalid coupons with problem+json naming each field, and saves nothing", async () => {
    const noCode = await post({ title: "Yaz", kind: "percent", value: 10 });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.headers["content-type"]).toContain("application/problem+json");
    expect(noCode.json().errors.map((e: { path: string }) => e.path)).toContain("body.code");

    const cases: [unknown, string, RegExp][] = [
      [{ code: "YAZ", title: "Yaz", kind: "percent", value: 0 }, "value", /between 1 and 100/],
      [{ code: "YAZ", title: "Yaz", kind: "percent", value: 101 }, "value", /between 1 and 100/],
      [{ code: "YAZ", title: "Yaz", kind: "fixed" }, "value", /more than 0/],
      [{ code: "YAZ", title: "Yaz", kind: "fixed", value: 12.5 }, "value", /whole minor units/],
      [{ code: "YAZ", title: "Yaz", kind: "fixed", value: -100 }, "value", /negative/],
      [{ code: "YAZ", title: "Yaz", kind: "bedava" }, "kind", /percent, fixed or free_shipping/],
      [{ code: "Ç!", title: "Yaz", kind: "free_shipping" }, "code", /3 to 32/],
      [{ code: "YAZ", title: " ", kind: "free_shipping" }, "title", /give a title/],
      [
        { code: "YAZ", title: "Yaz", kind: "free_shipping", startsAt: "2030-02-01T00:00:00+03:00", endsAt: "2030-01-01T00:00:00+03:00" },
        "endsAt",
        /after the start/,
      ],
      [{ code: "YAZ", title: "Yaz", kind: "free_shipping", startsAt: "yarın" }, "startsAt", /ISO 8601/],
      [{ code: "YAZ", title: "Yaz", kind: "free_shipping", scope: "categories" }, "scopeIds", /at least one category/],
      [{ code: "YAZ", title: "Yaz", kind: "free_shipping", scope: "products", scopeIds: [] }, "scopeIds", /at least one product/],
      [{ code: "YAZ", title: "Yaz", kind: "free_shipping", usageLimit: 0 }, "usageLimit", /at least 1/],
      [{ code: "YAZ", title: "Yaz", kind: "free_shipping", usageLimit: 5, perCustomerLimit: 6 }, "perCustomerLimit", /cannot be more/],
      [{ code: "YAZ", title: "Yaz", kind: "fixed", value: 100, minBasket: 2_000_000_000 }, "minBasket", /too large/],
    ];
    for (const [body, path, message] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = (res.json().errors as { path: string; message: string }[]).find((e) => e.path === `body.${path}`);
      expect(error?.message, `${JSON.stringify(body)} → ${res.body}`).toMatch(message);
    }
    // ids of another store's category: 422 on scopeIds
    const foreign = await post({ code: "YAZ", title: "Yaz", kind: "percent", value: 10, scope: "categories", scopeIds: [categoryB] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([{ path: "scopeIds", message: "One of the chosen categories is not in this store." }]);
    const unknownProducts = await post({
      code: "YAZ",
      title: "Yaz",
      kind: "percent",
      value: 10,
      scope: "products",
      scopeIds: [productA, crypto.randomUUID(), crypto.randomUUID()],
    });
    expect(unknownProducts.json().detail).toBe("2 of the chosen products are not in this store.");
    expect(await t.kernel.db.select().from(coupons).where(eq(coupons.tenantId, tenantA))).toHaveLength(0);
  });

  it("creates coupons with normalised, unique codes and audits them", async () => {
    const res = await post({
      code: " yaz çiçek-25 ",
      title: "Yaz indirimi",
      titleEn: "Summer sale",
      kind: "percent",
      value: 25,
      maxDiscount: 50_000,
      minBasket: 100_000,
      startsAt: "2020-01-01T00:00:00+03:00",
      endsAt: "2099-01-01T00:00:00+03:00",
      usageLimit: 100,
      perCustomerLimit: 1,
      scope: "categories",
      scopeIds: [categoryA, categoryA],
      isPublic: true,
    });
    expect(res.statusCode).toBe(201);
    const coupon = res.json();
    expect(coupon).toMatchObject({
      code: "YAZCICEK-25",
      kind: "percent",
      value: 25,
      maxDiscount: 50_000,
      minBasket: 100_000,
      scopeIds: [categoryA],
      usedCount: 0,
      usageLimit: 100,
      status: "active",
      isPublic: true,
      active: true,
      combinable: false,
      startsAt: "2019-12-31T21:00:00.000Z",
    });
    const [audit] = await auditOf("coupon.create", coupon.id);
    expect(audit).toMatchObject({ targetType: "coupon", summary: "YAZCICEK-25", actorEmail: "owner@kupon-a.test" });
    expect(audit?.after).toMatchObject({ code: "YAZCICEK-25", value: 25, scope: "categories" });

    // the same code typed differently is taken; another store may use it
    const again = await post({ code: "YAZÇİÇEK-25", title: "Kopya", kind: "free_shipping" });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: "code", message: "Another coupon already uses the code YAZCICEK-25." }]);
    const inB = await reqB()("POST", "/api/admin/coupons", ownerB, { code: "yazcicek-25", title: "B", kind: "free_shipping" });
    expect(inB.statusCode).toBe(201);

    // a fixed coupon drops a max discount; free shipping has value 0
    const fixed = (await post({ code: "SABIT50", title: "50 TL", kind: "fixed", value: 5_000, maxDiscount: 100 })).json();
    expect(fixed).toMatchObject({ kind: "fixed", value: 5_000, maxDiscount: null, scope: "all", scopeIds: [] });
    const free = (await post({ code: "KARGO", title: "Kargo bedava", kind: "free_shipping", value: 999 }, catalogManagerA)).json();
    expect(free).toMatchObject({ kind: "free_shipping", value: 0 });
  });

  it("lists with search, status filters and counts per status", async () => {
    await post({ code: "ESKI", title: "Geçmiş kampanya", kind: "fixed", value: 1_000, endsAt: "2021-01-01T00:00:00Z" });
    await post({ code: "PASIF", title: "Kapalı", kind: "fixed", value: 1_000, active: false });
    await post({ code: "GELECEK", title: "Gelecek kampanya", kind: "fixed", value: 1_000, startsAt: "2098-01-01T00:00:00Z" });
    const limited = (await post({ code: "TEKLI", title: "Tek kullanımlık", kind: "fixed", value: 1_000, usageLimit: 1 })).json();
    await redeemCoupons(t.kernel.db, tenantA, [limited.id], "e:ilk@example.com");

    const all = (await reqA()("GET", "/api/admin/coupons", supportA)).json();
    expect(all.counts).toEqual({ all: 7, active: 3, scheduled: 1, expired: 1, "used-up": 1, inactive: 1 });
    expect(all.total).toBe(7);
    const statusOf = Object.fromEntries((all.items as Coupon[]).map((c) => [c.code, c.status]));
    expect(statusOf).toMatchObject({ ESKI: "expired", PASIF: "inactive", GELECEK: "scheduled", TEKLI: "used-up", KARGO: "active" });
    expect((all.items as Coupon[]).find((c) => c.code === "TEKLI")).toMatchObject({ usedCount: 1, usageLimit: 1 });

    const codes = async (query: string) =>
      ((await reqA()("GET", `/api/admin/coupons?${query}`, ownerA)).json().items as Coupon[]).map((c) => c.code).sort();
    expect(await codes("status=expired")).toEqual(["ESKI"]);
    expect(await codes("status=used-up")).toEqual(["TEKLI"]);
    expect(await codes("status=inactive")).toEqual(["PASIF"]);
    expect(await codes("status=active")).toEqual(["KARGO", "SABIT50", "YAZCICEK-25"]);
    // code search is folded like codes are; title search ignores case
    expect(await codes("q=çiçek")).toEqual(["YAZCICEK-25"]);
    expect(await codes("q=kampanya")).toEqual(["ESKI", "GELECEK"]);
    const searched = (await reqA()("GET", "/api/admin/coupons?q=kampanya&status=expired", ownerA)).json();
    expect(searched.total).toBe(1);
    expect(searched.counts.all).toBe(2);
    const paged = (await reqA()("GET", "/api/admin/coupons?perPage=2&page=2", ownerA)).json();
    expect(paged).toMatchObject({ page: 2, perPage: 2, total: 7 });
    expect(paged.items).toHaveLength(2);
    expect((await reqA()("GET", "/api/admin/coupons?status=bitti", ownerA)).statusCode).toBe(400);
  });

  it("changes a coupon as a whole: merged fields are checked again, the limit stays above the uses", async () => {
    const list = (await reqA()("GET", "/api/admin/coupons?q=TEKLI", ownerA)).json().items as Coupon[];
    const used = list[0] as Coupon;
    const lower = await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { usageLimit: 1, title: "Tek" });
    expect(lower.statusCode).toBe(200);
    const raised = (await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { usageLimit: 3 })).json();
    expect(raised).toMatchObject({ usageLimit: 3, status: "active", title: "Tek" });
    await redeemCoupons(t.kernel.db, tenantA, [used.id], "e:ikinci@example.com");
    const tooLow = await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { usageLimit: 1 });
    expect(tooLow.statusCode).toBe(422);
    expect(tooLow.json().errors).toEqual([
      { path: "usageLimit", message: "This coupon has been used 2 times: the usage limit cannot be lower than 2." },
    ]);

    // turning a fixed coupon into a percent one needs a percent value
    const toPercent = await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { kind: "percent" });
    expect(toPercent.statusCode).toBe(422);
    expect(toPercent.json().errors[0]).toMatchObject({ path: "value", message: "a percent discount is between 1 and 100" });
    const renamed = await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { code: "sabit50" });
    expect(renamed.statusCode).toBe(409);
    const scoped = await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { scope: "products", scopeIds: [productA] });
    expect(scoped.json()).toMatchObject({ scope: "products", scopeIds: [productA] });
    expect((await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, {})).statusCode).toBe(400);

    const updates = await auditOf("coupon.update", used.id);
    const last = updates.at(-1);
    expect(last?.before).toEqual({ scope: "all", scopeIds: [] });
    expect(last?.after).toEqual({ scope: "products", scopeIds: [productA] });
    // a refused change leaves no audit row
    expect(updates).toHaveLength(3);
  });

  it("deletes unused coupons and keeps used ones (409, deactivate instead)", async () => {
    const items = (await reqA()("GET", "/api/admin/coupons", ownerA)).json().items as Coupon[];
    const used = items.find((c) => c.code === "TEKLI") as Coupon;
    const unused = items.find((c) => c.code === "PASIF") as Coupon;
    const refused = await reqA()("DELETE", `/api/admin/coupons/${used.id}`, ownerA);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/used 2 times.*Deactivate it instead/);
    const off = (await reqA()("PATCH", `/api/admin/coupons/${used.id}`, ownerA, { active: false })).json();
    expect(off.status).toBe("inactive");

    expect((await reqA()("DELETE", `/api/admin/coupons/${unused.id}`, ownerA)).statusCode).toBe(204);
    expect((await reqA()("GET", `/api/admin/coupons/${unused.id}`, ownerA)).statusCode).toBe(404);
    const [deleted] = await auditOf("coupon.delete", unused.id);
    expect(deleted?.before).toMatchObject({ code: "PASIF", usedCount: 0 });
    expect((await reqA()("DELETE", `/api/admin/coupons/${unused.id}`, ownerA)).statusCode).toBe(404);
    expect((await reqA()("DELETE", "/api/admin/coupons/yok", ownerA)).statusCode).toBe(400);
  });

  it("keeps stores apart: another store's staff cannot read, change or delete A's coupons", async () => {
    const [aCoupon] = (await reqA()("GET", "/api/admin/coupons?q=SABIT50", ownerA)).json().items as Coupon[];
    const id = (aCoupon as Coupon).id;
    const listB = (await reqB()("GET", "/api/admin/coupons", ownerB)).json();
    expect((listB.items as Coupon[]).map((c) => c.code)).toEqual(["YAZCICEK-25"]);
    expect((await reqB()("GET", `/api/admin/coupons/${id}`, ownerB)).statusCode).toBe(404);
    expect((await reqB()("PATCH", `/api/admin/coupons/${id}`, ownerB, { title: "Ele geçirildi" })).statusCode).toBe(404);
    expect((await reqB()("DELETE", `/api/admin/coupons/${id}`, ownerB)).statusCode).toBe(404);
    // B's owner on A's host is not A's staff
    expect((await reqA()("GET", `/api/admin/coupons/${id}`, ownerB)).statusCode).toBe(403);
    const [still] = await t.kernel.db.select().from(coupons).where(eq(coupons.id, id));
    expect(still?.title).toBe("50 TL");
    // catalog readers read; only writers change
    expect((await reqA()("GET", `/api/admin/coupons/${id}`, supportA)).statusCode).toBe(200);
    expect((await reqA()("PATCH", `/api/admin/coupons/${id}`, supportA, { title: "X" })).statusCode).toBe(403);
  });

  it("lists public coupons in the shopper's language and lets a signed-in customer collect them", async () => {
    const listed = (await reqA()("GET", "/api/v1/coupons")).json().items as Coupon[];
    expect(listed.map((c) => c.code)).toEqual(["YAZCICEK-25"]);
    expect(listed[0]).toMatchObject({ title: "Yaz indirimi", remaining: 100 });
    expect(((await reqA()("GET", "/api/v1/coupons?locale=en")).json().items as Coupon[])[0]?.title).toBe("Summer sale");
    expect(((await reqB()("GET", "/api/v1/coupons")).json().items as Coupon[]).length).toBe(0);

    const publicId = (listed[0] as Coupon).id;
    const privateId = ((await reqA()("GET", "/api/admin/coupons?q=SABIT50", ownerA)).json().items as Coupon[])[0]?.id as string;
    const bCoupon = ((await reqB()("GET", "/api/admin/coupons", ownerB)).json().items as Coupon[])[0]?.id as string;

    expect((await reqA()("POST", `/api/v1/coupons/${publicId}/collect`)).statusCode).toBe(401);
    expect((await reqA()("GET", "/api/v1/coupons/wallet")).statusCode).toBe(401);

    await createCustomer(t, tenantA, "alici@example.com", "Alıcı");
    const customer = await signIn(t, A, "alici@example.com");
    const collected = await reqA()("POST", `/api/v1/coupons/${publicId}/collect`, customer);
    expect(collected.statusCode).toBe(200);
    expect(collected.json()).toEqual({ collected: true, couponId: publicId });
    expect((await reqA()("POST", `/api/v1/coupons/${publicId}/collect`, customer)).statusCode).toBe(200);
    // a coupon that is not public, or of another store, cannot be collected
    expect((await reqA()("POST", `/api/v1/coupons/${privateId}/collect`, customer)).statusCode).toBe(404);
    expect((await reqA()("POST", `/api/v1/coupons/${bCoupon}/collect`, customer)).statusCode).toBe(404);
    expect((await reqA()("POST", "/api/v1/coupons/abc/collect", customer)).statusCode).toBe(400);

    const wallet = await reqA()("GET", "/api/v1/coupons/wallet?locale=en", customer);
    expect(wallet.headers["cache-control"]).toBe("private, no-store");
    expect(wallet.json().items).toEqual([
      expect.objectContaining({ id: publicId, code: "YAZCICEK-25", title: "Summer sale", problem: null }),
    ]);

    // once switched off, the wallet says why it cannot be used and the public list drops it
    await reqA()("PATCH", `/api/admin/coupons/${publicId}`, ownerA, { active: false });
    expect((await reqA()("GET", "/api/v1/coupons/wallet", customer)).json().items[0].problem).toBe("inactive");
    expect((await reqA()("GET", "/api/v1/coupons")).json().items).toEqual([]);
  });
});
