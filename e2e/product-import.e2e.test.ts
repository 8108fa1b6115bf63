// Product CSV in admin against the real server: the export download (Excel style), a check of a
// file with bad rows that shows each problem with its line, the import that saves the good
// products and the downloadable problem list — plus light/dark, desktop/mobile screenshots.

import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminSession,
  DESKTOP,
  launchBrowser,
  MOBILE,
  type RunningServer,
  type StorageState,
  screenshotDir,
  startServer,
} from "./server.ts";

let server: RunningServer;
let browser: Browser;
let session: StorageState;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  session = await adminSession(browser, server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function newContext(options: { viewport?: { width: number; height: number }; colorScheme?: "light" | "dark" } = {}) {
  return browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? "light",
    baseURL: server.baseUrl,
    storageState: session,
    acceptDownloads: true,
  });
}

/** Good products around four bad rows: a price that is not one, an unknown category, a repeated SKU, no title. */
const FILE = [
  "urun_url;urun_adi;durum;kategori;secenek1_adi;secenek1_degeri;stok_kodu;fiyat;stok",
  "e2e-kazak;E2E Yün Kazak;aktif;moda/kadin;Beden;S;E2E-KZ-S;1.299,90;4",
  "e2e-kazak;;;;;M;E2E-KZ-M;1.299,90;2",
  "e2e-atki;E2E Atkı;aktif;moda/kadin;;;E2E-AT;on iki;1",
  "e2e-bere;E2E Bere;aktif;moda/aksesuar-yok;;;E2E-BR;149,90;3",
  "e2e-eldiven;E2E Eldiven;taslak;moda/kadin;;;E2E-KZ-S;89,90;3",
  "e2e-corap;;aktif;moda/kadin;;;E2E-CR;49,90;10",
  "e2e-sal;E2E Şal;aktif;moda/kadin;;;E2E-SL;349,00;5",
].join("\r\n");

async function choose(page: Page) {
  await page
    .getByTestId("csv-file")
    .setInputFiles({ name: "kis-urunleri.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${FILE}\r\n`) });
}

describe("product CSV import page", () => {
  it("downloads the export in Excel's Turkish format", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/urunler/aktar");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ürünleri içe ve dışa aktar");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-export").click()]);
    expect(download.suggestedFilename()).toMatch(/^urunler-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toMatch(/^urun_url;urun_adi;durum;/);
    expect(text.split("\r\n").filter(Boolean).length).toBeGreaterThan(10);
    await context.close();
  });

  it("checks a file without saving it, lists each problem with its line, then imports the good products", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/urunler/aktar");
    await choose(page);
    await page.getByTestId("csv-check").click();
    const table = page.getByTestId("csv-problems");
    await table.waitFor();
    await expect.poll(() => page.getByRole("heading", { name: "Kontrol sonucu" }).isVisible()).toBe(true);
    const cells = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent?.trim())));
    expect(cells).toEqual([
      ["4", "e2e-atki", "fiyat"],
      ["5", "e2e-bere", "kategori"],
      ["6", "e2e-eldiven", "stok_kodu"],
      ["7", "e2e-corap", "urun_adi"],
    ]);
    expect(await table.textContent()).toContain("Bu kategori mağazada yok");
    const report = page.getByTestId("csv-report");
    expect(await report.textContent()).toContain("Bu bir kontroldü: hiçbir şey kaydedilmedi.");
    // nothing was saved
    const before = await page.request.get("/api/admin/products?q=E2E");
    expect((await before.json()).total).toBe(0);

    for (const [name, viewport, scheme] of [
      ["admin-product-import-desktop-light", DESKTOP, "light"],
      ["admin-product-import-desktop-dark", DESKTOP, "dark"],
      ["admin-product-import-mobile-light", MOBILE, "light"],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), scheme === "dark");
      await page.waitForTimeout(400); // let colour transitions finish
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => document.documentElement.classList.remove("dark"));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-errors-download").click()]);
    const problems = readFileSync((await download.path()) as string, "utf8");
    expect(problems.split("\r\n").filter(Boolean)).toHaveLength(5);
    expect(problems).toContain("category_not_found");

    // the file is still chosen: import it
    await page.getByTestId("csv-import").click();
    await expect.poll(() => page.getByRole("heading", { name: "İçe aktarma sonucu" }).isVisible(), { timeout: 30_000 }).toBe(true);
    const stats = await page.locator("[data-testid=csv-report] dd").allTextContents();
    expect(stats).toEqual(["2", "0", "0", "4"]);
    const after = await page.request.get("/api/admin/products?q=E2E");
    expect((await after.json()).items.map((p: { slug: string }) => p.slug).sort()).toEqual(["e2e-kazak", "e2e-sal"]);
    // the active product is in the shop at once
    const shop = await page.request.get("/api/v1/products/e2e-kazak");
    expect(shop.status()).toBe(200);
    await context.close();
  });

  it("explains a file that cannot be read", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/urunler/aktar");
    await page
      .getByTestId("csv-file")
      .setInputFiles({ name: "fiyatlar.csv", mimeType: "text/csv", buffer: Buffer.from("stok_kodu;fiyat\nX;1\n") });
    await page.getByTestId("csv-check").click();
    await expect.poll(() => page.getByTestId("csv-file-problem").textContent()).toContain("en az urun_url veya urun_adi sütunu gerekli");
    await context.close();
  });
});
