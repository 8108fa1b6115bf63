// The anonymous page cache serves repeated visits from memory, and a staff change to the catalog
// shows on the next visit (the cache is dropped with the tenant's catalog caches).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../src/platform/money.ts";
import { type RunningServer, startServer } from "./server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe("page cache", () => {
  it("serves repeat anonymous visits from the cache, answers If-None-Match with 304, and bypasses it for signed-in users", async () => {
    const first = await fetch(`${server.baseUrl}/kategori/elektronik`);
    await first.text();
    const second = await fetch(`${server.baseUrl}/kategori/elektronik`);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(await second.text()).toContain("₺");
    const etag = second.headers.get("etag") as string;
    const revalidated = await fetch(`${server.baseUrl}/kategori/elektronik`, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    const english = await fetch(`${server.baseUrl}/kategori/elektronik`, { headers: { cookie: "lang=en" } });
    expect(english.headers.get("x-page-cache")).toBe("miss");
    expect(await english.text()).toContain('lang="en"');
    const withSession = await fetch(`${server.baseUrl}/kategori/elektronik`, { headers: { cookie: "kervan.session_token=x" } });
    expect(withSession.headers.get("x-page-cache")).toBeNull();
  });

  it("renders a page with a small, fixed number of SQL statements (Server-Timing)", async () => {
    const statements = async (url: string, cookie: string) => {
      const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-page-cache")).toBe("miss");
      await res.text();
      return Number(/^db;desc="(\d+) SQL statements"$/.exec(res.headers.get("server-timing") ?? "")?.[1]);
    };
    // Each URL and theme below is rendered for the first time here (a cache miss).
    const first = await statements("/kategori/moda?sirala=fiyat-artan", "theme=light");
    const second = await statements("/kategori/moda?sirala=fiyat-artan&sayfa=2", "theme=light");
    const other = await statements("/kategori/kitap", "theme=light");
    // At most: the category tree (cached per store and language), the page of products, its total.
    expect(first).toBeGreaterThanOrEqual(2);
    expect(first).toBeLessThanOrEqual(3);
    // The tree and this filter's total are cached now: one statement per page.
    expect(second).toBe(1);
    expect(other).toBe(2);
    const product = (await (await fetch(`${server.baseUrl}/api/v1/products?perPage=1`)).json()).items[0];
    expect(await statements(`/urun/${product.slug}`, "theme=light")).toBe(1);
    // The home rails and the banner carousel: one statement each, both cached per store.
    expect(await statements("/", "theme=light")).toBeLessThanOrEqual(2);
  });

  it("keeps page routes out of the API document", async () => {
    const doc = await (await fetch(`${server.baseUrl}/api/docs/json`)).json();
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith("/api/") && p !== "/healthz" && p !== "/readyz")).toEqual([]);
  });

  it("shows a staff price change on the next visit", async () => {
    const admin = server.admin;
    if (!admin) throw new Error(`no demo admin printed:\n${server.output()}`);
    const top = (await (await fetch(`${server.baseUrl}/api/v1/products?perPage=1&sort=best-selling`)).json()).items[0];
    await (await fetch(`${server.baseUrl}/`)).text();
    const cached = await fetch(`${server.baseUrl}/`);
    expect(cached.headers.get("x-page-cache")).toBe("hit");
    expect(await cached.text()).toContain(formatMoney(top.price));

    const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseUrl },
      body: JSON.stringify(admin),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";", 1)[0])
      .join("; ");
    const newPrice = top.price + 12_345;
    // Every variant gets the new price (a product with sizes has several).
    const current = await (await fetch(`${server.baseUrl}/api/admin/products/${top.id}`, { headers: { cookie } })).json();
    const patch = await fetch(`${server.baseUrl}/api/admin/products/${top.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", cookie, origin: server.baseUrl },
      body: JSON.stringify({
        variants: current.variants.map((v: { id: string; stock: number; options: Record<string, string> }) => ({
          id: v.id,
          options: v.options,
          stock: v.stock,
          price: newPrice,
          compareAtPrice: null,
        })),
      }),
    });
    expect(patch.status).toBe(200);

    const fresh = await fetch(`${server.baseUrl}/`);
    expect(fresh.headers.get("x-page-cache")).toBe("miss");
    expect(await fresh.text()).toContain(formatMoney(newPrice));
  });
});
