import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../src/modules/audit/schema.ts";
import { products } from "../src/modules/catalog/schema.ts";
import { type createStore, createTestApp, createStore as makeStore, signInStaff, type TestApp } from "./app.ts";

type Store = Awaited<ReturnType<typeof createStore>>;

describe("tenant isolation through the HTTP API", () => {
  let t: TestApp;
  let a: Store;
  let b: Store;
  let cookieA: string;
  let cookieB: string;
  const hostA = "magaza-a.test";
  const hostB = "magaza-b.test";

  beforeAll(async () => {
    t = await createTestApp();
    a = await makeStore(t.kernel, "a", [hostA]);
    b = await makeStore(t.kernel, "b", [hostB, "www.magaza-b.test"]);
    cookieA = await signInStaff(t, a.tenant.id, hostA, "staff-a@example.com");
    cookieB = await signInStaff(t, b.tenant.id, hostB, "staff-b@example.com");
  });
  afterAll(() => t.close());

  const get = (host: string, url: string, cookie?: string) =>
    t.app.inject({ method: "GET", url, headers: { host, ...(cookie ? { cookie } : {}) } });

  it("resolves the store from the Host header, port and case ignored", async () => {
    const res = await get("MAGAZA-B.test:8080", "/api/v1/products");
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((p: { slug: string }) => p.slug)
        .sort(),
    ).toEqual(["b-urun-1", "b-urun-2", "b-urun-3"]);
    const www = await get("www.magaza-b.test", "/api/v1/products");
    expect(www.json().total).toBe(3);
  });

  it("answers an unknown host with a 404 problem, not another store's data", async () => {
    const res = await get("unknown.test", "/api/v1/products");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toContain("unknown.test");
  });

  it("does not let store B read store A's products or categories", async () => {
    const list = await get(hostB, "/api/v1/products?perPage=100");
    expect(list.json().items.every((p: { slug: string }) => p.slug.startsWith("b-"))).toBe(true);
    expect((await get(hostB, `/api/v1/products/${a.products[0]?.slug}`)).statusCode).toBe(404);
    expect((await get(hostA, `/api/v1/products/${a.products[0]?.slug}`)).statusCode).toBe(200);
    expect((await get(hostB, `/api/v1/products?category=${a.category.slug}`)).statusCode).toBe(404);
    const tree = await get(hostB, "/api/v1/categories");
    expect(tree.json().items.map((c: { slug: string }) => c.slug)).toEqual([b.category.slug]);
    const search = await get(hostB, "/api/v1/products?q=A%20%C3%9Cr%C3%BCn");
    expect(search.json().total).toBe(0);
  });

  it("does not let store B's staff list or change store A's products", async () => {
    const list = await get(hostB, "/api/admin/products", cookieB);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((p: { slug: string }) => p.slug)
        .sort(),
    ).toEqual(["b-urun-1", "b-urun-2", "b-urun-3"]);

    const target = a.products[0] as NonNullable<Store["products"][0]>;
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/products/${target.id}`,
      headers: { host: hostB, origin: `http://${hostB}`, cookie: cookieB, "content-type": "application/json" },
      payload: { price: 1, status: "archived" },
    });
    expect(patch.statusCode).toBe(404);
    const [after] = await t.kernel.db.select().from(products).where(eq(products.id, target.id));
    expect(after).toMatchObject({ price: target.price, status: "active" });
  });

  it("does not let store A's staff act through store B's host", async () => {
    const res = await get(hostB, "/api/admin/products", cookieA);
    expect(res.statusCode).toBe(403);
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/products/${b.products[0]?.id}`,
      headers: { host: hostB, origin: `http://${hostB}`, cookie: cookieA, "content-type": "application/json" },
      payload: { price: 1 },
    });
    expect(patch.statusCode).toBe(403);
  });

  it("lets staff change their own store's product, visible at once on the storefront API", async () => {
    const target = a.products[1] as NonNullable<Store["products"][0]>;
    const [variant] = (await get(hostA, `/api/admin/products/${target.id}`, cookieA)).json().variants;
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/products/${target.id}`,
      headers: { host: hostA, origin: `http://${hostA}`, cookie: cookieA, "content-type": "application/json" },
      payload: { variants: [{ id: variant.id, price: 4_999, compareAtPrice: 9_999, stock: 5 }] },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ price: 4_999, variants: [{ id: variant.id, price: 4_999, compareAtPrice: 9_999 }] });
    const read = await get(hostA, `/api/v1/products/${target.slug}`);
    expect(read.json()).toMatchObject({ price: 4_999, compareAtPrice: 9_999, discountPercent: 50 });
    // the change is in store A's audit trail with who made it and a before/after diff
    const [event] = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "product.update"), eq(auditEvents.targetId, target.id)));
    expect(event).toMatchObject({
      tenantId: a.tenant.id,
      actorKind: "user",
      actorEmail: "staff-a@example.com",
      before: { price: target.price },
      after: { price: 4_999 },
    });
  });

  it("searches the admin product list literally (% and _ are not wildcards)", async () => {
    const all = await get(hostA, "/api/admin/products?q=%25", cookieA);
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(0);
    const some = await get(hostA, "/api/admin/products?q=urun-2", cookieA);
    expect(some.json().items.map((p: { slug: string }) => p.slug)).toEqual(["a-urun-2"]);
  });

  it("requires a session for admin routes", async () => {
    const res = await get(hostA, "/api/admin/products");
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
