// Search and listing journeys against the real server: the header search box with instant
// suggestions (keyboard, typo correction, no JavaScript), and category facets whose filters
// stay in the URL while paging. The demo store gets 300 generated products first, so the
// categories have more than one page.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, root, screenshotDir } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let dataDir: string | null = null;

beforeAll(async () => {
  if (!process.env.E2E_BASE_URL) {
    dataDir = mkdtempSync(path.join(tmpdir(), "kervan-e2e-search-"));
    const seeded = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "src/modules/demo/cli.ts", "--products", "300"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  }
  server = await launchServer(dataDir ? { dataDir } : {});
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    baseURL: server.baseUrl,
    locale: "tr-TR",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  return { context, page, errors };
}

const toolbarCount = async (page: Page) =>
  Number(
    (
      (await page
        .locator("main")
        .getByText(/^\d[\d.]* ürün$/)
        .first()
        .textContent()) ?? ""
    ).replace(/\D/g, ""),
  );
const checkboxCount = async (page: Page, scope: string, name: RegExp) =>
  Number(
    (
      (await page
        .locator(scope)
        .locator("label", { has: page.getByRole("checkbox", { name }) })
        .locator("span")
        .last()
        .textContent()) ?? ""
    ).replace(/\D/g, ""),
  );

describe("header search", () => {
  it("suggests as you type, moves with the arrow keys, closes with Escape and opens a suggestion with Enter", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/", { waitUntil: "networkidle" });
    const box = page.getByRole("combobox", { name: "Ürün ara" });
    await box.click();
    await box.pressSequentially("kula", { delay: 60 });
    const listbox = page.getByRole("listbox");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => listbox.getByRole("option").count()).toBeGreaterThan(3);
    const options = listbox.getByRole("option");
    // Searches, categories and products, then "all results".
    expect(await options.first().textContent()).toMatch(/kula/i);
    expect(await listbox.getByRole("group", { name: "Kategoriler" }).textContent()).toMatch(/Kulaklık/);
    expect(await listbox.getByRole("group", { name: "Ürünler" }).getByRole("option").count()).toBeGreaterThan(0);
    expect(await options.last().textContent()).toContain("“kula” için tüm sonuçlar");
    await page.screenshot({ path: path.join(screenshotDir, "search-suggestions-desktop.png") });

    await page.keyboard.press("ArrowDown");
    const first = await options.first().getAttribute("id");
    expect(await box.getAttribute("aria-activedescendant")).toBe(first);
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await options.nth(1).getAttribute("id"));
    await page.keyboard.press("ArrowUp");
    expect(await box.getAttribute("aria-activedescendant")).toBe(first);
    await page.keyboard.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(await listbox.isHidden()).toBe(true);

    await page.keyboard.press("ArrowDown");
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    const term = ((await options.first().textContent()) ?? "").trim();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/ara" && url.searchParams.get("q") === term);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(term);
    expect(await toolbarCount(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("corrects a typo: the results are for the corrected word and the page asks 'Bunu mu demek istediniz?'", async () => {
    const { context, page } = await newPage();
    await page.goto("/", { waitUntil: "networkidle" });
    const box = page.getByRole("combobox", { name: "Ürün ara" });
    await box.fill("kulaklk");
    await box.press("Enter");
    await page.waitForURL(/\/ara\?q=kulaklk/);
    const suggestion = page.getByTestId("did-you-mean");
    expect(await suggestion.textContent()).toBe("kulaklık");
    expect(await page.getByRole("status").filter({ hasText: "Bunu mu demek istediniz?" }).count()).toBe(1);
    expect(await toolbarCount(page)).toBeGreaterThan(0);
    expect(await page.locator("main h3").first().textContent()).toMatch(/Kulaklı/i);
    await suggestion.click();
    await page.waitForURL(/\/ara\?q=kulakl%C4%B1k/);
    await expect.poll(() => page.getByTestId("did-you-mean").count()).toBe(0);
    await context.close();
  });

  it("is a plain search form without JavaScript", async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto("/");
    await page.locator("#site-search").fill("sarj");
    await page.locator("#site-search").press("Enter");
    await page.waitForURL(/\/ara\?q=sarj/);
    expect(await page.locator("main h3").first().textContent()).toMatch(/Şarj/i);
    await context.close();
  });
});

describe("category facets", () => {
  it("filters with facets, keeps every filter in the URL while paging and sorting, and removes them with chips", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/kategori/elektronik", { waitUntil: "networkidle" });
    const sidebar = page.locator("aside");
    const all = await toolbarCount(page);
    expect(all).toBeGreaterThan(24);

    // In stock only: the count beside the facet is the number of results.
    const inStock = await checkboxCount(page, "aside", /Yalnızca stoktakiler/);
    await sidebar.getByRole("checkbox", { name: /Yalnızca stoktakiler/ }).check();
    await page.waitForURL(/stokta=1/);
    await expect.poll(() => toolbarCount(page)).toBe(inStock);
    expect(inStock).toBeGreaterThan(24);

    // Page 2 keeps the filter, and the filter stays shown as chosen.
    await page
      .getByRole("navigation", { name: "Sayfalar" })
      .getByRole("link", { name: /Sonraki/ })
      .click();
    await page.waitForURL((url) => url.searchParams.get("sayfa") === "2" && url.searchParams.get("stokta") === "1");
    await expect.poll(() => page.getByRole("link", { name: /Sayfa 2/, exact: false }).getAttribute("aria-current")).toBe("page");
    expect(await sidebar.getByRole("checkbox", { name: /Yalnızca stoktakiler/ }).isChecked()).toBe(true);
    expect(await page.getByRole("link", { name: "Kaldır: Yalnızca stoktakiler" }).count()).toBe(1);

    // A brand on page 2: back to page 1, both filters in the URL.
    const brandBox = sidebar.getByRole("group", { name: "Marka" }).getByRole("checkbox").first();
    const brandSlug = (await brandBox.getAttribute("value")) as string;
    const brandLabel = page.locator("aside label", { has: page.locator(`input[value="${brandSlug}"]`) });
    const brandCount = Number(((await brandLabel.locator("span").last().textContent()) ?? "").replace(/\D/g, ""));
    await brandBox.check();
    await page.waitForURL(
      (url) => url.searchParams.get("marka") === brandSlug && url.searchParams.get("stokta") === "1" && !url.searchParams.has("sayfa"),
    );
    await expect.poll(() => toolbarCount(page)).toBe(brandCount);

    // A price floor and a sort keep the other filters.
    await sidebar.getByLabel("En düşük fiyat (₺)").fill("500");
    await sidebar.getByRole("button", { name: "Uygula" }).click();
    await page.waitForURL((url) => url.searchParams.get("fiyat") === "500-" && url.searchParams.get("marka") === brandSlug);
    await page.getByRole("combobox", { name: /Sırala/ }).selectOption("fiyat-artan");
    await page.waitForURL((url) => url.searchParams.get("sirala") === "fiyat-artan" && url.searchParams.get("fiyat") === "500-");
    expect(new URL(page.url()).searchParams.get("stokta")).toBe("1");
    await page.screenshot({ path: path.join(screenshotDir, "search-facets-desktop.png"), fullPage: false });

    // Chips remove one filter at a time; "clear all" keeps the sort.
    await page.getByRole("link", { name: /^Kaldır: .*500/ }).click();
    await page.waitForURL((url) => !url.searchParams.has("fiyat") && url.searchParams.get("marka") === brandSlug);
    await page.getByRole("link", { name: "Tümünü temizle" }).click();
    await page.waitForURL((url) => url.search === "?sirala=fiyat-artan");
    await expect.poll(() => toolbarCount(page)).toBe(all);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters by an attribute in the mobile drawer", async () => {
    const { context, page, errors } = await newPage({ viewport: MOBILE });
    await page.goto("/kategori/moda", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Filtreler" }).click();
    const dialog = page.getByRole("dialog", { name: "Filtreler" });
    expect(await dialog.isVisible()).toBe(true);
    const size = dialog.getByRole("group", { name: "Beden" }).getByRole("checkbox").first();
    const key = (await size.getAttribute("value")) as string;
    await size.check();
    await page.screenshot({ path: path.join(screenshotDir, "search-drawer-mobile.png") });
    await dialog.getByRole("button", { name: "Sonuçları göster" }).click();
    await page.waitForURL((url) => url.searchParams.get("ozellik") === key);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByRole("button", { name: "Filtreler (1 seçili)" }).count()).toBe(1);
    expect(await toolbarCount(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
