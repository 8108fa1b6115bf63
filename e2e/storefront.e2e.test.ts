// Storefront journeys against the real server: server-rendered catalog, category listing,
// language and theme preferences, the admin guard — plus design-review screenshots.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProductCard } from "../src/modules/catalog/types.ts";
import { formatMoney } from "../src/platform/money.ts";
import { DESKTOP, launchBrowser, MOBILE, type RunningServer, screenshotDir, startServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function getHtml(pathname: string, cookie?: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(server.baseUrl + pathname, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: res.status, html: decodeEntities(await res.text()), headers: res.headers };
}

async function apiProducts(query: string): Promise<{ items: ProductCard[]; total: number }> {
  const res = await fetch(`${server.baseUrl}/api/v1/products?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { items: ProductCard[]; total: number };
}

async function newPage(options: { viewport?: { width: number; height: number }; colorScheme?: "light" | "dark" } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? "light",
    baseURL: server.baseUrl,
    locale: "tr-TR",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  return { context, page, errors };
}

async function loadLazyImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
}

async function bodyBackground(page: Page): Promise<[number, number, number]> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
  return [r ?? 0, g ?? 0, b ?? 0];
}

const luminance = ([r, g, b]: [number, number, number]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

describe("server-rendered storefront", () => {
  it("renders product names and ₺ prices in the home page HTML", async () => {
    const { status, html, headers } = await getHtml("/");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/text\/html/);
    expect(html).toMatch(/<html lang="tr"/);
    const newest = await apiProducts("sort=newest&perPage=4");
    expect(newest.items.length).toBeGreaterThan(0);
    for (const product of newest.items) {
      expect(html).toContain(product.title);
      expect(html).toContain(formatMoney(product.price, product.currency));
    }
    expect(html).toMatch(/\d{1,3}(\.\d{3})*,\d{2} ₺/);
    expect(html).toContain("Öne Çıkanlar");
    expect(html).toContain("Çok Satanlar");
  });

  it("serves the client assets with immutable caching and leaves /api alone", async () => {
    const { html } = await getHtml("/");
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const res = await fetch(server.baseUrl + asset);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
    const api = await fetch(`${server.baseUrl}/api/does-not-exist`);
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/json/);
  });

  it("answers unknown pages with a 404 inside the store layout", async () => {
    const { status, html } = await getHtml("/boyle-bir-sayfa-yok");
    expect(status).toBe(404);
    expect(html).toContain("Sayfa bulunamadı");
    expect(html).toContain("Mesafeli Satış Sözleşmesi");
    expect((await getHtml("/kategori/olmayan-kategori")).status).toBe(404);
    expect((await getHtml("/urun/olmayan-urun")).status).toBe(404);
  });

  it("lists a category's products with breadcrumbs and keeps query parameters in pagination", async () => {
    const { status, html } = await getHtml("/kategori/elektronik");
    expect(status).toBe(200);
    const listed = await apiProducts("category=elektronik&perPage=3");
    expect(listed.total).toBeGreaterThan(0);
    for (const product of listed.items) expect(html).toContain(product.title);
    expect(html).toContain('aria-label="Sayfa konumu"');
    const sorted = await getHtml("/kategori/elektronik?sirala=fiyat-artan");
    expect(sorted.status).toBe(200);
    const cheapest = await apiProducts("category=elektronik&sort=price-asc&perPage=1");
    expect(sorted.html).toContain(cheapest.items[0]?.title ?? "missing");
  });

  it("searches and shows an empty state when nothing matches", async () => {
    const [first] = (await apiProducts("perPage=1")).items;
    const word = first?.title.split(" ")[0] ?? "";
    const found = await getHtml(`/ara?q=${encodeURIComponent(word)}`);
    expect(found.status).toBe(200);
    expect(found.html).toContain(first?.title);
    const none = await getHtml("/ara?q=zzqqxxyy");
    expect(none.html).toContain("için sonuç bulunamadı");
  });

  it("renders a product page with price, KDV note and stock", async () => {
    const [product] = (await apiProducts("perPage=1")).items;
    if (!product) throw new Error("no products");
    const { status, html } = await getHtml(`/urun/${product.slug}`);
    expect(status).toBe(200);
    expect(html).toContain(product.title);
    expect(html).toContain(formatMoney(product.price, product.currency));
    expect(html).toMatch(/KDV dahil/);
    expect(html).toContain('"@type":"Product"');
  });
});

describe("in the browser", () => {
  it("shows the home page with products and prices, without errors", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/");
    await expect.poll(() => page.locator("main article").count()).toBeGreaterThan(8);
    const price = page.locator("main article").first().getByText(/₺/).last();
    await expect.poll(() => price.isVisible()).toBe(true);
    await expect.poll(() => page.locator("nav[aria-label='Ana kategoriler'] a").count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens a category from the menu and lists its products", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/");
    await page.locator("nav[aria-label='Ana kategoriler'] a[href='/kategori/elektronik']").first().click();
    await page.waitForURL("**/kategori/elektronik");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Elektronik");
    await expect.poll(() => page.locator("main article").count()).toBeGreaterThan(0);
    await page.selectOption("#sort", "fiyat-azalan");
    await page.waitForURL(/sirala=fiyat-azalan/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("switches to English, and the choice persists across navigation and reloads", async () => {
    const { context, page } = await newPage();
    await page.goto("/kategori/elektronik");
    expect(await page.getAttribute("html", "lang")).toBe("tr");
    await page.locator("header [data-testid='lang-en']:visible").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(page.url()).toMatch(/\/kategori\/elektronik$/);
    expect(await page.getByPlaceholder("Search for products, brands or categories").count()).toBe(1);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "lang")?.value).toBe("en");
    await page.locator("header a[href='/']").first().click();
    await page.waitForURL(/\/$/);
    await expect.poll(() => page.getByRole("heading", { name: "Featured" }).count()).toBe(1);
    await page.reload();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { name: "Best sellers" }).count()).toBe(1);
    await page.locator("header [data-testid='lang-tr']:visible").click();
    await page.waitForFunction(() => document.documentElement.lang === "tr");
    expect(await page.getByRole("heading", { name: "Çok Satanlar" }).count()).toBe(1);
    await context.close();
  });

  it("toggles the dark theme, remembers it, and renders it without a flash", async () => {
    const { context, page } = await newPage({ colorScheme: "light" });
    await page.goto("/");
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
    expect(luminance(await bodyBackground(page))).toBeGreaterThan(0.8);
    await page.locator("header [data-testid='theme-toggle']:visible").click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    expect((await context.cookies()).find((c) => c.name === "theme")?.value).toBe("dark");
    expect(await page.evaluate(() => localStorage.getItem("kervan-theme"))).toBe("dark");

    // The server renders the class itself, so the first paint is already dark.
    const ssr = await getHtml("/", "theme=dark");
    expect(ssr.html).toMatch(/<html lang="tr" class="dark"/);
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstFrameDark: boolean }).firstFrameDark = document.documentElement.classList.contains("dark");
      });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { firstFrameDark: boolean }).firstFrameDark)).toBe(true);
    expect(luminance(await bodyBackground(page))).toBeLessThan(0.15);

    await page.locator("header [data-testid='theme-toggle']:visible").click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
    expect((await context.cookies()).find((c) => c.name === "theme")?.value).toBe("light");
    await context.close();
  });

  it("follows the operating system's dark mode before first paint when no theme is chosen", async () => {
    const { context, page } = await newPage({ colorScheme: "dark" });
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstFrameDark: boolean }).firstFrameDark = document.documentElement.classList.contains("dark");
      });
    });
    await page.goto("/");
    expect(await page.evaluate(() => (window as unknown as { firstFrameDark: boolean }).firstFrameDark)).toBe(true);
    expect(luminance(await bodyBackground(page))).toBeLessThan(0.15);
    await context.close();
  });

  it("opens the mobile category drawer", async () => {
    const { context, page } = await newPage({ viewport: MOBILE });
    await page.goto("/");
    await page.getByRole("button", { name: "Kategori menüsünü aç" }).click();
    const dialog = page.getByRole("dialog", { name: "Kategoriler" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await context.close();
  });
});

describe("admin guard", () => {
  it("redirects to the sign-in page when signed out", async () => {
    const res = await fetch(`${server.baseUrl}/admin`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/admin\/giris$/);
    const nested = await fetch(`${server.baseUrl}/admin/e-postalar`, { redirect: "manual" });
    expect(nested.headers.get("location")).toMatch(/\/admin\/giris\?next=%2Fadmin%2Fe-postalar$/);

    const { context, page } = await newPage();
    await page.goto("/admin");
    await page.waitForURL("**/admin/giris");
    expect(await page.getByLabel("E-posta adresi").count()).toBe(1);
    expect(await page.getByLabel("Şifre", { exact: true }).count()).toBe(1);
    await context.close();
  });
});

describe("screenshots", () => {
  const pages: [string, string][] = [
    ["home", "/"],
    ["category", "/kategori/elektronik"],
    ["search", "/ara?q=kahve"],
    ["not-found", "/boyle-bir-sayfa-yok"],
    ["sign-in", "/admin/giris"],
  ];

  it("saves desktop and mobile, light and dark screenshots", async () => {
    const [product] = (await apiProducts("discounted=true&perPage=1")).items;
    const all = product ? [...pages, ["product", `/urun/${product.slug}`] as [string, string]] : pages;
    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["mobile", MOBILE],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const { context, page } = await newPage({ viewport, colorScheme: scheme });
        for (const [name, pathname] of all) {
          await page.goto(pathname);
          await loadLazyImages(page);
          await page.screenshot({ path: path.join(screenshotDir, `${name}-${device}-${scheme}.png`), fullPage: true });
        }
        await context.close();
      }
    }
  });
});
