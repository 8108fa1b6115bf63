// The catalog admin in the browser: a category, a product with two variants made in the editor
// (options → generated variants → prices in Turkish format), found in the product list and
// archived in bulk; a home slide with an uploaded image cropped 3:1, shown in the home carousel.
// Saves desktop and mobile screenshots in light and dark.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminSession,
  DESKTOP,
  launchBrowser,
  launchServer,
  MOBILE,
  type RunningServer,
  type StorageState,
  screenshotDir,
} from "./server.ts";

let server: RunningServer;
let browser: Browser;
let storageState: StorageState;
let productPath = "";

beforeAll(async () => {
  server = await launchServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  storageState = await adminSession(browser, server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(
  viewport: { width: number; height: number } = DESKTOP,
  scheme: "light" | "dark" = "light",
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport,
    storageState,
    colorScheme: scheme,
    isMobile: viewport === MOBILE,
    hasTouch: viewport === MOBILE,
  });
  await context.addCookies([{ name: "theme", value: scheme, url: server.baseUrl }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

async function shot(page: Page, name: string, fullPage = true) {
  // from the top: full-page shots of a scrolled page draw the sticky header mid-page
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

describe("admin: catalog", () => {
  it("creates a category in the tree", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/kategoriler");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Kategoriler");
    const form = page.getByRole("region", { name: "Yeni kategori" });
    await form.getByLabel("Ad", { exact: true }).fill("Yaz Koleksiyonu Özel");
    await form.getByLabel("İngilizce ad").fill("Special Summer Collection");
    await form.getByRole("button", { name: "Ekle" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("“Yaz Koleksiyonu Özel” eklendi.");
    const row = page.locator('[data-category="yaz-koleksiyonu-ozel"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("Special Summer Collection");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("creates a product with two variants in the editor", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/urunler/yeni");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Yeni ürün");
    await page.getByLabel("Ürün adı", { exact: true }).fill("Işıltılı Keten Gömlek");
    // the address follows the title, Turkish letters folded
    await expect.poll(() => page.getByLabel("Adres (slug)").inputValue()).toBe("isiltili-keten-gomlek");
    await expect.poll(() => page.getByTestId("unsaved").count()).toBe(1);

    await page.getByRole("button", { name: "Beden, renk gibi seçenek ekle" }).click();
    await page.getByLabel("Seçenek adı").fill("Beden");
    const values = page.getByLabel("Değerler", { exact: true });
    await values.fill("M");
    await values.press("Enter");
    await values.fill("L");
    await values.press("Enter");
    await page.getByTestId("generate-variants").click();
    const table = page.getByTestId("variant-table");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    await page.getByLabel("M: Fiyat").fill("1249,9");
    await page.getByLabel("M: Fiyat").blur();
    // money is tidied to Turkish format when the field is left
    await expect.poll(() => page.getByLabel("M: Fiyat").inputValue()).toBe("1.249,90");
    await page.getByLabel("M: İndirimsiz").fill("1.499,90");
    await page.getByLabel("M: Stok").fill("7");
    await page.getByLabel("M: SKU").fill("E2E-GMLK-M");
    await page.getByLabel("L: Fiyat").fill("1.299,90");
    await page.getByLabel("L: Stok").fill("3");
    await page.getByLabel("L: SKU").fill("E2E-GMLK-L");

    await page.getByLabel("Durum", { exact: true }).selectOption("active");
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Yaz Koleksiyonu Özel" });
    const tags = page.getByLabel("Etiketler", { exact: true });
    await tags.fill("keten, yazlık,");
    await page.getByRole("button", { name: "Bağlantı ekle" }).waitFor();
    await page.getByRole("textbox", { name: "Açıklama", exact: true }).click();
    await page.keyboard.type("Nefes alan keten kumaş.");

    // SEO preview follows the fields
    await page.getByLabel("Sayfa başlığı").fill("Keten Gömlek | Yazlık ve Nefes Alan");
    await expect.poll(() => page.getByTestId("seo-preview-title").textContent()).toBe("Keten Gömlek | Yazlık ve Nefes Alan");
    await expect.poll(() => page.getByTestId("seo-preview-description").textContent()).toBe("Nefes alan keten kumaş.");
    await shot(page, "admin-product-editor-desktop-light");

    await page.getByRole("button", { name: "Kaydet" }).first().click();
    await page.waitForURL(/\/admin\/urunler\/[0-9a-f-]{36}\?kaydedildi=1$/);
    productPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Ürün kaydedildi.");
    await expect.poll(() => page.getByTestId("variant-table").locator("tbody tr").count()).toBe(2);
    expect(await page.getByLabel("M: Fiyat").inputValue()).toBe("1.249,90");
    expect(await page.getByLabel("L: SKU").inputValue()).toBe("E2E-GMLK-L");
    expect(await page.getByTestId("unsaved").count()).toBe(0);

    // a refused save keeps what was typed and points at the field
    await page.getByLabel("L: Fiyat").fill("12,345,6");
    await page.getByRole("button", { name: "Kaydet" }).first().click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Ürün kaydedilmedi");
    expect(await page.getByLabel("L: Fiyat").inputValue()).toBe("12,345,6");
    expect(await page.getByLabel("L: Fiyat").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("L: Fiyat").fill("1.299,90");
    await page.getByRole("button", { name: "Kaydet" }).first().click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Ürün kaydedildi.");

    // leaving with unsaved changes asks first
    await page.getByLabel("Ürün adı", { exact: true }).fill("Işıltılı Keten Gömlek (taslak)");
    await page.getByRole("link", { name: "Ürünlere dön" }).click();
    const leave = page.getByRole("dialog", { name: "Değişiklikler kaydedilmedi" });
    await leave.waitFor();
    await leave.getByRole("button", { name: "Vazgeç" }).click();
    expect(new URL(page.url()).pathname).toBe(productPath);
    expect(await page.getByLabel("Ürün adı", { exact: true }).inputValue()).toBe("Işıltılı Keten Gömlek (taslak)");
    await page.getByRole("link", { name: "Ürünlere dön" }).click();
    await leave.getByRole("button", { name: "Kaydetmeden ayrıl" }).click();
    await page.waitForURL(/\/admin\/urunler$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("finds the product in the list and archives it in bulk", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/urunler");
    await page.getByRole("searchbox", { name: "Ürün ara" }).fill("keten gömlek");
    await page.getByRole("button", { name: "Süz" }).click();
    await page.waitForURL(/q=/);
    const rows = page.getByTestId("product-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    const text = await rows.first().textContent();
    expect(text).toContain("Işıltılı Keten Gömlek");
    expect(text).toContain("1.249,90 ₺");
    expect(text).toContain("Yayında");
    expect(text).toContain("10 adet");
    // the SKU finds it too
    await page.goto("/admin/urunler?q=E2E-GMLK-L");
    await expect.poll(() => rows.count()).toBe(1);

    // "select all on page" selects every row of the page
    await page.goto("/admin/urunler");
    const all = await rows.count();
    await page.getByRole("checkbox", { name: "Bu sayfadakilerin tümünü seç" }).check();
    await expect.poll(() => page.getByText(`${all} ürün seçildi`).count()).toBe(1);
    await page.getByRole("checkbox", { name: /seçildi/ }).uncheck();
    await page.goto("/admin/urunler?q=E2E-GMLK-L");
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole("checkbox", { name: "Işıltılı Keten Gömlek ürününü seç" }).check();
    await expect.poll(() => page.getByText("1 ürün seçildi").count()).toBe(1);
    await page.getByLabel("Yeni durum").selectOption("archived");
    await page.getByRole("button", { name: "Durumu uygula" }).click();
    const dialog = page.getByRole("dialog", { name: "1 ürün güncellensin mi?" });
    await expect.poll(() => dialog.textContent()).toContain("“Arşivde”");
    await dialog.getByRole("button", { name: "Uygula" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("1 ürün güncellendi.");
    await expect.poll(() => rows.first().textContent()).toContain("Arşivde");
    await page.goto("/admin/urunler?durum=arsiv");
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Işıltılı Keten Gömlek")]));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("adds a home slide with an uploaded image cropped 3:1 and shows it in the home carousel", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/bannerlar");
    await page.getByRole("link", { name: "Yeni ana sayfa slaytı" }).click();
    const form = page.getByTestId("banner-form");
    await form.getByLabel("Başlık", { exact: true }).fill("Keten sezonu açıldı");
    await form.getByLabel("Alt başlık", { exact: true }).fill("Yazlık keten gömleklerde yeni renkler");
    await form.getByLabel("Bağlantı").fill("/kategori/yaz-koleksiyonu-ozel");

    const png = await sharp({ create: { width: 1800, height: 900, channels: 3, background: { r: 190, g: 80, b: 40 } } })
      .png()
      .toBuffer();
    await form.getByRole("button", { name: "Yükle" }).click();
    await page.getByTestId("media-file-input").setInputFiles({ name: "keten-kampanya.png", mimeType: "image/png", buffer: png });
    // a new image opens the crop dialog with the home banner preset
    const crop = page.getByTestId("crop-dialog");
    await crop.waitFor();
    await crop.getByRole("button", { name: /için kaydet/ }).click();
    await expect
      .poll(() => crop.getByTestId("saved-renditions").locator('[data-preset="home-banner"]').count(), { timeout: 20_000 })
      .toBe(1);
    await crop.getByRole("button", { name: "Tamam" }).click();
    await expect.poll(() => form.getByText("Kırpılmadı").count()).toBe(0);
    await shot(page, "admin-banner-form-desktop-light");
    await form.getByRole("button", { name: "Bannerı ekle" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("“Keten sezonu açıldı” eklendi.");
    expect(await page.locator('[data-banner="Keten sezonu açıldı"]').textContent()).toContain("Yayında");
    // a second slide through the REST API, with the same picture, so the carousel has two
    const listed = await page.request.get("/api/admin/banners?placement=home-hero");
    const mine = ((await listed.json()) as { items: { id: string; title: string; assetId: string }[] }).items.find(
      (b) => b.title === "Keten sezonu açıldı",
    );
    // the demo store has three text slides: move the new one up to the first place
    for (let i = 0; i < 3; i++) {
      const moved = await page.request.post(`/api/admin/banners/${mine?.id}/move`, {
        headers: { origin: server.baseUrl },
        data: { direction: "up" },
      });
      expect(moved.status()).toBe(200);
    }
    const second = await page.request.post("/api/admin/banners", {
      headers: { origin: server.baseUrl },
      data: { title: "İkinci kampanya", subtitle: "Aynı görselle", linkUrl: "/ara", assetId: mine?.assetId },
    });
    expect(second.status()).toBe(201);
    expect(errors).toEqual([]);
    await context.close();

    // a visitor sees it at once (the page cache was dropped with the change)
    const visitor = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP });
    const home = await visitor.newPage();
    const homeErrors: string[] = [];
    home.on("pageerror", (err) => homeErrors.push(err.message));
    await home.goto("/");
    const carousel = home.getByTestId("banner-carousel");
    await expect.poll(() => carousel.textContent()).toContain("Keten sezonu açıldı");
    const slide = carousel.locator('[role="group"]').filter({ hasText: "Keten sezonu açıldı" });
    // go to the slide (later slides load lazily), then read the picture the browser chose
    await carousel.getByRole("button", { name: /Keten sezonu açıldı/ }).click();
    await expect.poll(() => slide.getAttribute("data-active")).toBe("true");
    const img = slide.locator("picture img");
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
    const size = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    expect(size.w / size.h).toBeCloseTo(3, 1);
    expect(await slide.locator("picture source").count()).toBeGreaterThanOrEqual(2);
    expect(await slide.locator("a").getAttribute("href")).toBe("/kategori/yaz-koleksiyonu-ozel");
    // the first slide is the largest paint: eager and high priority
    const first = carousel.locator('[role="group"]').first().locator("img");
    expect(await first.getAttribute("loading")).toBe("eager");
    expect(await first.getAttribute("fetchpriority")).toBe("high");
    expect(homeErrors).toEqual([]);
    await visitor.close();
  });

  it("moves between slides with the buttons and the dots, and pauses", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, reducedMotion: "no-preference" });
    const page = await context.newPage();
    await page.goto("/");
    const carousel = page.getByTestId("banner-carousel");
    const slides = carousel.locator('[role="group"]');
    expect(await slides.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => slides.nth(0).getAttribute("data-active")).toBe("true");
    // it advances by itself (the pointer is elsewhere)
    await page.mouse.move(5, 5);
    await expect.poll(() => slides.nth(1).getAttribute("data-active"), { timeout: 10_000 }).toBe("true");
    await carousel.getByRole("button", { name: "Önceki slayt" }).click();
    await expect.poll(() => slides.nth(0).getAttribute("data-active")).toBe("true");
    await carousel.getByRole("button", { name: "Sonraki slayt" }).click();
    await expect.poll(() => slides.nth(1).getAttribute("data-active")).toBe("true");
    await carousel.getByRole("button", { name: /^1\. slayt/ }).click();
    await expect.poll(() => slides.nth(0).getAttribute("data-active")).toBe("true");
    // hovering pauses; the pause button stops it for good
    await carousel.getByRole("button", { name: "Otomatik geçişi durdur" }).click();
    expect(await carousel.getByRole("button", { name: "Otomatik geçişi başlat" }).getAttribute("aria-pressed")).toBe("true");
    await page.mouse.move(0, 0);
    await page.waitForTimeout(6_500);
    expect(await slides.nth(0).getAttribute("data-active")).toBe("true");
    await context.close();

    // people who prefer reduced motion get no automatic slides
    const calm = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, reducedMotion: "reduce" });
    const still = await calm.newPage();
    await still.goto("/");
    await still.mouse.move(5, 5);
    await still.waitForTimeout(7_000);
    expect(await still.getByTestId("banner-carousel").locator('[role="group"]').nth(0).getAttribute("data-active")).toBe("true");
    await calm.close();
  });

  it("saves desktop and mobile screenshots in light and dark", async () => {
    expect(productPath).not.toBe("");
    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["mobile", MOBILE],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const { context, page, errors } = await open(viewport, scheme);
        const suffix = `${device}-${scheme}`;
        await page.goto("/admin/urunler");
        await shot(page, `admin-products-${suffix}`);
        await page.goto(productPath);
        await shot(page, `admin-product-editor-${suffix}`);
        await page.goto("/admin/kategoriler");
        await shot(page, `admin-categories-${suffix}`);
        await page.goto("/admin/markalar");
        await shot(page, `admin-brands-${suffix}`);
        await page.goto("/admin/bannerlar");
        await shot(page, `admin-banners-${suffix}`);
        await page.goto("/");
        await shot(page, `home-carousel-${suffix}`, false);
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  });
});
