import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { requester, staffSession } from "../../../test/people.ts";
import { auditEvents } from "../audit/schema.ts";
import { shippingMethods } from "./schema.ts";
import { activeShippingMethods } from "./service.ts";

const A = "kargo-a.test";
const B = "kargo-b.test";

type Method = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  examples: { desi: number; fee: number }[];
  [k: string]: unknown;
};

describe("shipping methods admin API", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let ownerA: string;
  let ownerB: string;
  let orderManagerA: string;
  let catalogManagerA: string;
  const reqA = () => requester(t, A);
  const reqB = () => requester(t, B);
  const active = (tenantId: string) => activeShippingMethods({ db: t.kernel.db, tenantId, locale: "tr", cache: t.kernel.cache });
  const list = async (cookie = ownerA) => (await reqA()("GET", "/api/admin/shipping-methods", cookie)).json().items as Method[];

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false", RATE_LIMIT_MAX: "100000" });
    tenantA = (await createStore(t.kernel, "kargo-a", [A], 1)).tenant.id;
    tenantB = (await createStore(t.kernel, "kargo-b", [B], 1)).tenant.id;
    ownerA = (await staffSession(t, tenantA, A, "owner@kargo-a.test", "owner")).cookie;
    ownerB = (await staffSession(t, tenantB, B, "owner@kargo-b.test", "owner")).cookie;
    orderManagerA = (await staffSession(t, tenantA, A, "siparis@kargo-a.test", "order_manager")).cookie;
    catalogManagerA = (await staffSession(t, tenantA, A, "katalog@kargo-a.test", "catalog_manager")).cookie;
    // start from stores without methods, whatever the test store helper adds
    await t.kernel.db.delete(shippingMethods).where(inArray(shippingMethods.tenantId, [tenantA, tenantB]));
  });

  afterAll(() => t?.close());

  it("refuses invalid methods with field errors", async () => {
    const post = (body: unknown) => reqA()("POST", "/api/admin/shipping-methods", ownerA, body);
    const cases: [unknown, string, RegExp][] = [
      [{ name: "", carrier: "aras", baseFee: 100 }, "name", /give a name/],
      [{ name: "Kargo", carrier: "surat", baseFee: 100 }, "carrier", /yurtici, aras, mng, ptt, ups, dhl, other/],
      [{ name: "Kargo", carrier: "aras", baseFee: -1 }, "baseFee", /negative/],
      [{ name: "Kargo", carrier: "aras", baseFee: 89.9 }, "baseFee", /whole minor units/],
      [{ name: "Kargo", carrier: "aras", baseFee: 100, perDesiFee: -5 }, "perDesiFee", /negative/],
      [{ name: "Kargo", carrier: "aras", baseFee: 100, freeOver: -5 }, "freeOver", /negative/],
      [{ name: "Kargo", carrier: "aras", baseFee: 100, minDays: 4, maxDays: 2 }, "maxDays", /cannot be shorter/],
      [{ name: "Kargo", carrier: "aras" }, "baseFee", /minor units/],
    ];
    for (const [body, path, message] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const error = (res.json().errors as { path: string; message: string }[]).find((e) => e.path === `body.${path}`);
      expect(error?.message, `${JSON.stringify(body)} → ${res.body}`).toMatch(message);
    }
    expect(await t.kernel.db.select().from(shippingMethods).where(eq(shippingMethods.tenantId, tenantA))).toHaveLength(0);
  });

  it("adds, changes, reorders and deletes methods, clearing the cached active methods each time", async () => {
    expect(await active(tenantA)).toEqual([]); // cached now: empty
    const created = await reqA()("POST", "/api/admin/shipping-methods", ownerA, {
      name: "Standart Kargo",
      nameEn: "Standard shipping",
      carrier: "yurtici",
      baseFee: 8_990,
      baseDesi: 3,
      perDesiFee: 1_500,
      freeOver: 75_000,
      minDays: 1,
      maxDays: 3,
    });
    expect(created.statusCode).toBe(201);
    const standard = created.json() as Method;
    expect(standard).toMatchObject({ carrierName: "Yurtiçi Kargo", position: 0, active: true });
    // 1 and 3 desi are in the base fee; 5 desi adds two per-desi fees
    expect(standard.examples).toEqual([
      { desi: 1, fee: 8_990 },
      { desi: 3, fee: 8_990 },
      { desi: 5, fee: 11_990 },
      { desi: 10, fee: 19_490 },
    ]);
    expect((await active(tenantA)).map((m) => m.name)).toEqual(["Standart Kargo"]);

    const express = (
      await reqA()("POST", "/api/admin/shipping-methods", ownerA, { name: "Hızlı Kargo", carrier: "aras", baseFee: 14_990 })
    ).json() as Method;
    expect(express).toMatchObject({ position: 1, baseDesi: 3, perDesiFee: 0, freeOver: null, minDays: 1, maxDays: 3 });
    expect((await active(tenantA)).map((m) => m.name)).toEqual(["Standart Kargo", "Hızlı Kargo"]);

    const patched = await reqA()("PATCH", `/api/admin/shipping-methods/${express.id}`, ownerA, { baseFee: 12_990, minDays: 2, maxDays: 2 });
    expect(patched.json()).toMatchObject({ baseFee: 12_990, minDays: 2, maxDays: 2 });
    expect((await active(tenantA)).find((m) => m.id === express.id)?.baseFee).toBe(12_990);
    const badDays = await reqA()("PATCH", `/api/admin/shipping-methods/${express.id}`, ownerA, { minDays: 5 });
    expect(badDays.statusCode).toBe(422);
    expect(badDays.json().errors).toEqual([{ path: "maxDays", message: "the longest delivery time cannot be shorter than the shortest" }]);

    const reordered = await reqA()("PUT", "/api/admin/shipping-methods/order", ownerA, { ids: [express.id, standard.id] });
    expect((reordered.json().items as Method[]).map((m) => [m.name, m.position])).toEqual([
      ["Hızlı Kargo", 0],
      ["Standart Kargo", 1],
    ]);
    expect((await active(tenantA)).map((m) => m.name)).toEqual(["Hızlı Kargo", "Standart Kargo"]);
    const partial = await reqA()("PUT", "/api/admin/shipping-methods/order", ownerA, { ids: [express.id] });
    expect(partial.statusCode).toBe(422);
    expect((await reqA()("PUT", "/api/admin/shipping-methods/order", ownerA, { ids: [express.id, express.id] })).statusCode).toBe(422);

    await reqA()("PATCH", `/api/admin/shipping-methods/${standard.id}`, ownerA, { active: false });
    expect((await active(tenantA)).map((m) => m.name)).toEqual(["Hızlı Kargo"]);
    expect((await list()).map((m) => [m.name, m.active])).toEqual([
      ["Hızlı Kargo", true],
      ["Standart Kargo", false],
    ]);

    expect((await reqA()("DELETE", `/api/admin/shipping-methods/${express.id}`, ownerA)).statusCode).toBe(204);
    expect(await active(tenantA)).toEqual([]);
    expect((await reqA()("GET", `/api/admin/shipping-methods/${express.id}`, ownerA)).statusCode).toBe(404);

    const audit = await t.kernel.db
      .select({ type: auditEvents.type, targetId: auditEvents.targetId, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.targetType, "shipping_method")))
      .orderBy(auditEvents.createdAt);
    expect(audit.map((a) => a.type)).toEqual([
      "shipping_method.create",
      "shipping_method.create",
      "shipping_method.update",
      "shipping_method.reorder",
      "shipping_method.update",
      "shipping_method.delete",
    ]);
    expect(audit[2]).toMatchObject({
      before: { baseFee: 14_990, minDays: 1, maxDays: 3 },
      after: { baseFee: 12_990, minDays: 2, maxDays: 2 },
    });
    expect(audit[3]).toMatchObject({
      before: { order: ["Standart Kargo", "Hızlı Kargo"] },
      after: { order: ["Hızlı Kargo", "Standart Kargo"] },
    });
  });

  it("lets order staff read, settings staff change, and keeps stores apart", async () => {
    const [method] = await list();
    const id = (method as Method).id;
    expect((await list(orderManagerA)).length).toBe(1);
    expect((await reqA()("PATCH", `/api/admin/shipping-methods/${id}`, orderManagerA, { active: true })).statusCode).toBe(403);
    expect((await reqA()("GET", "/api/admin/shipping-methods", catalogManagerA)).statusCode).toBe(403);

    expect((await reqB()("GET", "/api/admin/shipping-methods", ownerB)).json().items).toEqual([]);
    expect((await reqB()("GET", `/api/admin/shipping-methods/${id}`, ownerB)).statusCode).toBe(404);
    expect((await reqB()("PATCH", `/api/admin/shipping-methods/${id}`, ownerB, { name: "B'nin" })).statusCode).toBe(404);
    expect((await reqB()("DELETE", `/api/admin/shipping-methods/${id}`, ownerB)).statusCode).toBe(404);
    expect((await reqB()("PUT", "/api/admin/shipping-methods/order", ownerB, { ids: [id] })).statusCode).toBe(422);
    const [still] = await t.kernel.db.select().from(shippingMethods).where(eq(shippingMethods.id, id));
    expect(still).toMatchObject({ name: "Standart Kargo", tenantId: tenantA });
    expect(await active(tenantB)).toEqual([]);
  });

  it("documents the new admin routes in the OpenAPI document", async () => {
    const doc = (await reqA()("GET", "/api/docs/json")).json();
    for (const path of ["/api/admin/shipping-methods", "/api/admin/coupons", "/api/admin/payment-settings", "/api/v1/coupons"])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
