import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { createMemoCache } from "../platform/cache.ts";
import { PageCache } from "./page-cache.ts";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  ({ method, url, headers, tenant: { id: "t1" } }) as unknown as FastifyRequest;
const html = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache" });

describe("page cache", () => {
  it("keys anonymous GETs by tenant, URL, language and theme, and bypasses any other cookie", () => {
    const cache = new PageCache({ ttlMs: 1000 });
    expect(cache.key(request("/"))).toBe("tenant:t1:page::/");
    expect(cache.key(request("/?a=1", { cookie: "lang=en; theme=dark" }))).toBe("tenant:t1:page:lang=en;theme=dark;:/?a=1");
    expect(cache.key(request("/", { cookie: "lang=en; kervan.session_token=abc" }))).toBeNull();
    expect(cache.key(request("/", { cookie: "cart=123" }))).toBeNull();
    expect(cache.key(request("/", { authorization: "Bearer x" }))).toBeNull();
    expect(cache.key(request("/", {}, "POST"))).toBeNull();
    expect(new PageCache({ ttlMs: 0 }).key(request("/"))).toBeNull();
  });

  it("stores only 200 HTML without Set-Cookie or no-store, and serves it until the TTL", async () => {
    const cache = new PageCache({ ttlMs: 30 });
    const body = Buffer.from("<html>merhaba</html>");
    expect(cache.set("a", 404, html, body)).toBeUndefined();
    expect(cache.set("a", 200, new Headers({ "content-type": "application/json" }), body)).toBeUndefined();
    expect(cache.set("a", 200, new Headers({ "content-type": "text/html", "set-cookie": "x=1" }), body)).toBeUndefined();
    expect(cache.set("a", 200, new Headers({ "content-type": "text/html", "cache-control": "no-store" }), body)).toBeUndefined();
    const page = cache.set("a", 200, html, body);
    expect(page?.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(cache.get("a")?.body.toString()).toBe("<html>merhaba</html>");
    await new Promise((r) => setTimeout(r, 40));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("evicts the least recently used pages past its byte budget", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 800 });
    const page = Buffer.alloc(100, "x");
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h"]) cache.set(k, 200, html, page);
    expect(cache.size.bytes).toBe(800);
    cache.get("a"); // a becomes the most recent
    cache.set("i", 200, html, page);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.size.bytes).toBe(800);
  });

  it("is cleared with the tenant's catalog caches", () => {
    const pages = new PageCache({ ttlMs: 60_000 });
    const cache = createMemoCache({ onInvalidate: (prefix) => pages.invalidate(prefix) });
    pages.set("tenant:t1:page::/", 200, html, Buffer.from("a"));
    pages.set("tenant:t2:page::/", 200, html, Buffer.from("b"));
    cache.invalidate("tenant:t1:");
    expect(pages.get("tenant:t1:page::/")).toBeUndefined();
    expect(pages.get("tenant:t2:page::/")).toBeDefined();
  });
});
