import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { LOCALE_COOKIE, THEME_COOKIE } from "../web/lib/preferences.ts";

/** A rendered page kept for anonymous visitors. */
export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string;
  expires: number;
}

/** Cookies that only choose a variant of a page; any other cookie (session, cart…) bypasses the cache. */
const VARIANT_COOKIES = new Set([LOCALE_COOKIE, THEME_COOKIE]);

/**
 * Full-page cache for anonymous GETs of the storefront: same page, language and theme → the
 * same HTML for everyone, so it is rendered once per TTL instead of per request. Entries are
 * keyed `tenant:<id>:page:…`, dropped with the tenant's catalog caches (see `invalidate`), and
 * bounded by total bytes (least recently used go first).
 */
export class PageCache {
  readonly ttlMs: number;
  readonly maxBytes: number;
  #entries = new Map<string, CachedPage>();
  #bytes = 0;

  constructor(options: { ttlMs: number; maxBytes?: number }) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  /** The cache key of a request, or null when the request must be rendered for this visitor. */
  key(request: FastifyRequest): string | null {
    if (this.ttlMs <= 0 || (request.method !== "GET" && request.method !== "HEAD")) return null;
    if (request.headers.authorization || !request.tenant) return null;
    let variant = "";
    const cookie = request.headers.cookie;
    if (cookie) {
      for (const part of cookie.split(";")) {
        const eq = part.indexOf("=");
        const name = (eq === -1 ? part : part.slice(0, eq)).trim();
        if (!name) continue;
        if (!VARIANT_COOKIES.has(name)) return null;
        variant += `${name}=${part.slice(eq + 1).trim()};`;
      }
    }
    return `tenant:${request.tenant.id}:page:${variant}:${request.url}`;
  }

  get(key: string): CachedPage | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= Date.now()) {
      this.#delete(key, hit);
      return undefined;
    }
    // Refresh recency: Map iteration order is insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  /** Stores a response if it is cacheable: 200 HTML, no Set-Cookie, no `no-store`. */
  set(key: string, status: number, headers: Headers, body: Buffer): CachedPage | undefined {
    if (status !== 200 || headers.has("set-cookie") || body.length > this.maxBytes / 8) return undefined;
    if (!headers.get("content-type")?.startsWith("text/html") || /no-store/.test(headers.get("cache-control") ?? "")) return undefined;
    const page: CachedPage = {
      status,
      headers: [...headers].filter(([name]) => name !== "content-length" && name !== "etag"),
      body,
      etag: `W/"${createHash("sha1").update(body).digest("base64url")}"`,
      expires: Date.now() + this.ttlMs,
    };
    const old = this.#entries.get(key);
    if (old) this.#delete(key, old);
    this.#entries.set(key, page);
    this.#bytes += body.length;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#delete(k, v);
    }
    return page;
  }

  /** Drops every entry whose key starts with `prefix` (e.g. `tenant:<id>:`). */
  invalidate(prefix: string): void {
    for (const [k, v] of this.#entries) if (k.startsWith(prefix)) this.#delete(k, v);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #delete(key: string, page: CachedPage) {
    this.#entries.delete(key);
    this.#bytes -= page.body.length;
  }
}
