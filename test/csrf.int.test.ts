import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products } from "../src/modules/catalog/schema.ts";
import { createStore, createTestApp, signInStaff, type TestApp } from "./app.ts";

// Cookie-authenticated writes must come from a page of the same store (src/server/plugins/csrf.ts).
describe("CSRF protection for cookie-authenticated writes", () => {
  let t: TestApp;
  let cookie: string;
  let productId: string;
  const host = "csrf-magaza.test";

  beforeAll(async () => {
    t = await createTestApp();
    const store = await createStore(t.kernel, "csrf", [host]);
    productId = (store.products[0] as { id: string }).id;
    cookie = await signInStaff(t, store.tenant.id, host, "csrf-staff@example.com");
  });
  afterAll(() => t.close());

  const patch = (headers: Record<string, string>, price: number) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/admin/products/${productId}`,
      headers: { host, cookie, "content-type": "application/json", ...headers },
      payload: { variants: [{ price, stock: 5 }] },
    });

  const priceNow = async () => (await t.kernel.db.select().from(products).where(eq(products.id, productId)))[0]?.price;

  it("refuses a write with the session cookie but no Origin or Referer", async () => {
    const res = await patch({}, 1);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/Origin/);
    expect(await priceNow()).not.toBe(1);
  });

  it("refuses a write from another site's page", async () => {
    expect((await patch({ origin: "https://evil.example" }, 2)).statusCode).toBe(403);
    expect((await patch({ referer: "https://evil.example/form" }, 3)).statusCode).toBe(403);
    // same origin claimed, but the browser says the request is cross-site
    expect((await patch({ origin: `http://${host}`, "sec-fetch-site": "cross-site" }, 4)).statusCode).toBe(403);
    expect(await priceNow()).not.toBeOneOf([2, 3, 4]);
  });

  it("trusts the browser's Sec-Fetch-Site over Origin", async () => {
    expect((await patch({ "sec-fetch-site": "same-site", origin: `http://${host}` }, 7)).statusCode).toBe(403);
    expect((await patch({ "sec-fetch-site": "same-origin", origin: "null" }, 5_050)).statusCode).toBe(200);
    expect(await priceNow()).toBe(5_050);
  });

  it("accepts a write from the store's own pages (Origin or Referer)", async () => {
    expect((await patch({ origin: `http://${host}` }, 5_000)).statusCode).toBe(200);
    expect(await priceNow()).toBe(5_000);
    expect((await patch({ referer: `http://${host}/admin` }, 5_100)).statusCode).toBe(200);
    expect(await priceNow()).toBe(5_100);
  });

  it("still applies behind a proxy's Basic authentication, whose header is not a bearer token", async () => {
    const basic = `Basic ${Buffer.from("staging:secret").toString("base64")}`;
    expect((await patch({ authorization: basic }, 8)).statusCode).toBe(403);
    // from the store's own page the session cookie still signs the person in
    expect((await patch({ authorization: basic, origin: `http://${host}` }, 5_200)).statusCode).toBe(200);
    expect(await priceNow()).toBe(5_200);
  });

  it("does not apply to bearer-token clients or to requests without the session cookie", async () => {
    // no cookie: not a CSRF risk, the permission guard answers 401 instead
    const anonymous = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/products/${productId}`,
      headers: { host, "content-type": "application/json" },
      payload: { variants: [{ price: 6, stock: 5 }] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
