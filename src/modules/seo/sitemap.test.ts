import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { robotsTxt } from "./robots.ts";
import { escapeXml, SITEMAP_MAX_URLS, sitemapFileOf, sitemapShape, siteOrigin } from "./sitemap.ts";

describe("sitemap split", () => {
  it("keeps everything in one urlset while it fits in one file", () => {
    expect(sitemapShape(10, 49_990)).toEqual({ kind: "urlset" });
    expect(sitemapShape(3, 2, 5)).toEqual({ kind: "urlset" });
    expect(sitemapShape(5, 0, 5)).toEqual({ kind: "urlset" });
  });

  it("turns into an index of the pages file and ceil(products / pageSize) product files past the limit", () => {
    expect(sitemapShape(10, 49_991)).toEqual({ kind: "index", productFiles: 1 });
    expect(sitemapShape(10, SITEMAP_MAX_URLS + 1)).toEqual({ kind: "index", productFiles: 2 });
    expect(sitemapShape(10, 100_000)).toEqual({ kind: "index", productFiles: 2 });
    expect(sitemapShape(3, 3, 5)).toEqual({ kind: "index", productFiles: 1 });
    expect(sitemapShape(3, 11, 5)).toEqual({ kind: "index", productFiles: 3 });
    // more pages than fit in one file: still one (overfull) pages file and no empty product files
    expect(sitemapShape(8, 0, 5)).toEqual({ kind: "index", productFiles: 0 });
  });

  it("knows its file names and nothing else", () => {
    expect(sitemapFileOf("/sitemap.xml")).toEqual({ kind: "main" });
    expect(sitemapFileOf("/sitemap-pages.xml")).toEqual({ kind: "pages" });
    expect(sitemapFileOf("/sitemap-products-12.xml")).toEqual({ kind: "products", page: 12 });
    for (const bad of ["/sitemap-products-0.xml", "/sitemap-products-x.xml", "/sitemap-products-01.xml", "/sitemap-products-1.xmlx"]) {
      expect(sitemapFileOf(bad)).toBeNull();
    }
  });
});

describe("sitemap origin", () => {
  it("uses the primary domain with the request's protocol and port", () => {
    expect(siteOrigin({ primaryHost: "magaza.example" }, "https", "www.magaza.example")).toBe("https://magaza.example");
    expect(siteOrigin({ primaryHost: "localhost" }, "http", "localhost:3000")).toBe("http://localhost:3000");
  });

  it("falls back to the request's host for a store without domains", () => {
    expect(siteOrigin({ primaryHost: null }, "http", "127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });

  it("escapes XML text", () => {
    const xml = `<loc>${escapeXml("https://a.example/?a=1&b=<2>'\"")}</loc>`;
    expect(xml).toBe("<loc>https://a.example/?a=1&amp;b=&lt;2&gt;&apos;&quot;</loc>");
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe("robots.txt", () => {
  it("lets crawlers into the storefront but not admin, account, cart, API or search results, and names the sitemap", () => {
    const text = robotsTxt({ origin: "https://magaza.example", indexing: true });
    const lines = text.split("\n");
    expect(lines[0]).toBe("User-agent: *");
    expect(lines).toContain("Allow: /");
    for (const path of ["/admin", "/hesap", "/sepet", "/api/", "/ara?"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).not.toContain("Disallow: /");
    expect(lines).toContain("Sitemap: https://magaza.example/sitemap.xml");
  });

  it("keeps every crawler out when indexing is off", () => {
    const text = robotsTxt({ origin: "https://staging.example", indexing: false });
    expect(text.split("\n")).toContain("Disallow: /");
    expect(text).not.toContain("Sitemap:");
  });
});
