import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";

describe("/api/v1/geo", () => {
  let t: TestApp;
  const host = "geo.test";
  beforeAll(async () => {
    t = await createTestApp();
    await createStore(t.kernel, "geo", [host], 1);
  });
  afterAll(() => t?.close());

  const get = (url: string) => t.app.inject({ method: "GET", url, headers: { host } });

  it("lists provinces, districts and neighbourhoods with a long cache lifetime", async () => {
    const provinces = await get("/api/v1/geo/provinces");
    expect(provinces.statusCode).toBe(200);
    expect(provinces.headers["cache-control"]).toMatch(/max-age=86400/);
    const items = provinces.json().items as { code: number; name: string }[];
    expect(items).toHaveLength(81);
    expect(items[0]).toEqual({ code: 1, name: "Adana" });

    const districts = await get("/api/v1/geo/provinces/06/districts");
    expect(districts.json()).toMatchObject({ province: { code: 6, name: "Ankara" } });
    expect(districts.json().items).toContain("Çankaya");

    const neighbourhoods = await get(`/api/v1/geo/provinces/34/districts/${encodeURIComponent("kadıköy")}/neighbourhoods`);
    expect(neighbourhoods.statusCode).toBe(200);
    expect(neighbourhoods.json()).toMatchObject({ district: "Kadıköy" });
    expect(neighbourhoods.json().items).toContain("Caferağa Mah");
  });

  it("answers 404 problem+json for unknown provinces and districts", async () => {
    for (const url of [
      "/api/v1/geo/provinces/82/districts",
      "/api/v1/geo/provinces/abc/districts",
      "/api/v1/geo/provinces/34/districts/Yok/neighbourhoods",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
    }
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await get("/api/docs/json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/geo/provinces",
        "/api/v1/geo/provinces/{code}/districts",
        "/api/v1/geo/provinces/{code}/districts/{district}/neighbourhoods",
        "/api/v1/me",
        "/api/v1/me/addresses",
        "/api/v1/me/addresses/{id}",
        "/api/v1/me/export",
      ]),
    );
  });
});
