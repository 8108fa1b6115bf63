import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../src/platform/db/index.ts";
import { createStore, createTestApp, type TestApp } from "./app.ts";

describe("HTTP platform", () => {
  let t: TestApp;
  const host = "shop.test";
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: "1000", CORS_ORIGINS: "https://partner.example" });
    await createStore(t.kernel, "shop", [host], 60);
  });
  afterAll(() => t.close());

  it("answers bad input with a 400 problem+json naming the field", async () => {
    const res = await t.app.inject({ url: "/api/v1/products?perPage=500&sort=cheapest", headers: { host } });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status: 400, title: "Bad Request", instance: "/api/v1/products?perPage=500&sort=cheapest" });
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["querystring.perPage", "querystring.sort"]);
    expect(body.detail).toMatch(/perPage/);
  });

  it("answers unknown API routes with a 404 problem", async () => {
    const res = await t.app.inject({ url: "/api/v1/nothing-here", headers: { host } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, title: "Not Found" });
  });

  it("echoes a valid X-Request-Id and makes one otherwise", async () => {
    const given = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(given.headers["x-request-id"]).toBe("abc-123");
    const bad = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "<script>" } });
    expect(bad.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const error = await t.app.inject({ url: "/api/v1/products/nope", headers: { host, "x-request-id": "trace-1" } });
    expect(error.json().requestId).toBe("trace-1");
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ url: "/api/v1/categories", headers: { host } });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("object-src 'none'");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["strict-transport-security"]).toBeUndefined(); // http PUBLIC_URL
  });

  it("allows configured origins to call the API cross-origin, and no others", async () => {
    const ok = await t.app.inject({
      method: "OPTIONS",
      url: "/api/v1/products",
      headers: { host, origin: "https://partner.example", "access-control-request-method": "GET" },
    });
    expect(ok.headers["access-control-allow-origin"]).toBe("https://partner.example");
    expect(ok.headers["access-control-allow-credentials"]).toBe("true");
    const other = await t.app.inject({ url: "/api/v1/products", headers: { host, origin: "https://evil.example" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("reports liveness and readiness, and not ready while shutting down", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe("ready");
    t.kernel.state.shuttingDown = true;
    try {
      const down = await t.app.inject({ url: "/readyz" });
      expect(down.statusCode).toBe(503);
      expect(down.headers["content-type"]).toMatch(/^application\/problem\+json/);
    } finally {
      t.kernel.state.shuttingDown = false;
    }
  });

  it("publishes an OpenAPI document and the interactive docs", async () => {
    const doc = (await t.app.inject({ url: "/api/docs/json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/products", "/api/v1/products/{slug}", "/api/v1/categories", "/healthz", "/readyz"]),
    );
    expect(doc.paths["/api/v1/products"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["category", "q", "sort", "page", "perPage"]),
    );
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/media"))).toBe(false);
    const ui = await t.app.inject({ url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain("swagger");
  });

  it("lists products with a fixed number of SQL statements whatever the page size", async () => {
    // Each response reports the statements it caused (Server-Timing), counted per request.
    const statements = (res: { headers: Record<string, unknown> }) => {
      const match = /^db;desc="(\d+) SQL statements"$/.exec(String(res.headers["server-timing"]));
      if (!match) throw new Error(`no statement count in ${String(res.headers["server-timing"])}`);
      return Number(match[1]);
    };
    const get = (url: string) => t.app.inject({ url, headers: { host } });
    await get("/api/v1/products?perPage=1"); // warm the tenant, taxonomy and count caches
    const small = await get("/api/v1/products?perPage=5");
    const large = await get("/api/v1/products?perPage=60");
    expect(small.json().items).toHaveLength(5);
    expect(large.json().items).toHaveLength(60);
    expect(statements(small)).toBe(1);
    expect(statements(large)).toBe(1);
    // A new filter also counts its total once: two statements, then one.
    const sorted = await get("/api/v1/products?perPage=60&inStock=true&sort=price-asc");
    expect(statements(sorted)).toBe(2);
    expect(statements(await get("/api/v1/products?perPage=7&inStock=true&sort=price-asc&page=2"))).toBe(1);
    const product = await get("/api/v1/products/shop-urun-7");
    expect(product.statusCode).toBe(200);
    expect(statements(product)).toBe(1);
  });

  it("counts statements inside countStatements for code outside a request", async () => {
    const { count } = await countStatements(async () => {
      await t.kernel.db.execute(sql`select 1`);
      await t.kernel.db.execute(sql`select 2`);
    });
    expect(count).toBe(2);
  });
});

describe("rate limiting", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_MAX: "5",
      RATE_LIMIT_WINDOW: "1 minute",
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    });
    await createStore(t.kernel, "rl", ["rl.test"], 1);
  });
  afterAll(() => t.close());

  it(`answers 429 problem+json with Retry-After past the limit (${process.env.REDIS_URL ? "Redis" : "in-memory"} store)`, async () => {
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.app.inject({ url: "/api/v1/categories", headers: { host: "rl.test" }, remoteAddress: ip });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
        expect(res.headers["retry-after"]).toBeDefined();
        expect(res.json().detail).toMatch(/limit is 5/);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Probes and static files are never limited.
    const probe = await t.app.inject({ url: "/healthz", remoteAddress: ip });
    expect(probe.statusCode).toBe(200);
  });
});
