// Coupons, shipping methods and payment settings in the admin, in the browser: a percentage
// coupon made in the editor (a wrong rate refused first) and found in the list; a coupon made
// with JavaScript off; a shipping method added in the dialog with its live example fees; an IBAN
// saved (a wrong one shows the field's error). Saves desktop and mobile screenshots of each page.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
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
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport,
    storageState,
    isMobile: viewport === MOBILE,
    hasTouch: viewport === MOBILE,
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Desktop and mobile screenshots of a page. */
async function shoot(pathname: string, name: string) {
  for (const [device, viewport] of [
    ["desktop", DESKTOP],
    ["mobile", MOBILE],
  ] as const) {
    const { context, page, errors } = await open(viewport);
    await page.goto(pathname);
    await page.waitForLoadState("networkidle");
    await shot(page, `${name}-${device}`);
    expect(errors).toEqual([]);
    await context.close();
  }
}

describe("admin: coupons, shipping and payments", () => {
  it("creates a percentage coupon in the editor and finds it in the list", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/kuponlar/yeni");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Yeni kupon");
    await page.getByLabel("Kupon kodu").fill("e2e yaz çiçek 20");
    await page.getByLabel("Başlık", { exact: true }).fill("E2E yaz indirimi");
    await page.getByLabel("Yüzde indirim").check();
    await page.getByLabel("İndirim oranı (%)").fill("150");
    await page.getByLabel("En fazla indirim").fill("1250,5");
    await page.getByLabel("En fazla indirim").blur();
    // money is tidied to Turkish format when the field is left
    await expect.poll(() => page.getByLabel("En fazla indirim").inputValue()).toBe("1.250,50");
    await page.getByLabel("En az sepet tutarı").fill("500");
    await page.getByLabel("Toplam kullanım sınırı").fill("100");
    // a chosen category scope: the category list appears once the scope is chosen
    await page.getByLabel("Seçili kategoriler").check();
    const firstCategory = page.locator('input[name="categoryIds"]').first();
    await firstCategory.check();
    await page.getByRole("button", { name: "Kuponu oluştur" }).click();

    // the wrong rate comes back as the field's error, with what was typed kept
    const rate = page.getByLabel("İndirim oranı (%)");
    await expect.poll(() => rate.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(`[id="${await rate.getAttribute("aria-describedby")}"]`).textContent()).toBe(
      "Oran 1 ile 100 arasında olmalı.",
    );
    expect(await page.getByLabel("Başlık", { exact: true }).inputValue()).toBe("E2E yaz indirimi");
    expect(await page.locator('input[name="categoryIds"]').first().isChecked()).toBe(true);
    await shot(page, "admin-coupon-editor-error-desktop");

    await rate.fill("20");
    await page.getByRole("button", { name: "Kuponu oluştur" }).click();
    await page.waitForURL(/\/admin\/kuponlar\?kaydedildi=E2EYAZCICEK20$/);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("E2EYAZCICEK20 kuponu kaydedildi.");
    const row = page.locator('[data-coupon="E2EYAZCICEK20"]');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain("%20 indirim (en fazla 1.250,50 ₺)");
    expect(text).toContain("En az 500,00 ₺ sepet");
    expect(text).toContain("1 kategoride");
    expect(text).toContain("0 / 100");
    expect(text).toContain("Aktif");

    // search and the status tabs find it
    await page.getByLabel("Kupon ara").fill("çiçek");
    await page.getByRole("button", { name: "Ara", exact: true }).click();
    await page.waitForURL(/q=%C3%A7i%C3%A7ek/);
    await expect.poll(() => page.locator("[data-coupon]").count()).toBe(1);
    await page.getByRole("link", { name: /Süresi doldu/ }).click();
    await expect.poll(() => page.getByText("Bu aramaya uyan kupon yok.").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("creates a coupon and a shipping method with JavaScript off (the forms work on their own)", async () => {
    const { context, page } = await open(DESKTOP, { javaScriptEnabled: false });
    await page.goto("/admin/kuponlar/yeni");
    await page.getByLabel("Kupon kodu").fill("JSSIZ50");
    await page.getByLabel("Başlık", { exact: true }).fill("JavaScript olmadan");
    await page.getByLabel("Sabit tutar").check();
    // without JavaScript the amount field shows through CSS once the kind is chosen
    await page.getByLabel("İndirim tutarı").fill("50");
    await page.getByRole("button", { name: "Kuponu oluştur" }).click();
    await page.waitForURL(/kaydedildi=JSSIZ50/);
    expect(await page.locator('[data-coupon="JSSIZ50"]').textContent()).toContain("50,00 ₺ indirim");

    // the shipping dialog is server-rendered too: a wrong value comes back in it, then it saves
    await page.goto("/admin/kargo?yeni");
    const dialog = page.getByRole("dialog", { name: "Yeni kargo yöntemi" });
    await dialog.getByLabel("Yöntem adı", { exact: true }).fill("JS'siz Kargo");
    await dialog.getByLabel("Taban ücret").fill("abc");
    await dialog.getByRole("button", { name: "Ekle" }).click();
    await expect.poll(() => page.getByRole("dialog").getByText("Tutarı 1.234,56 biçiminde girin.").count()).toBe(1);
    await page.getByRole("dialog").getByLabel("Taban ücret").fill("45");
    await page.getByRole("dialog").getByRole("button", { name: "Ekle" }).click();
    await page.waitForURL(/eklendi=/);
    expect(await page.locator(`tr[data-method="JS'siz Kargo"]`).textContent()).toContain("45,00 ₺");
    await context.close();
  });

  it("limits a coupon to products found with the live product search", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/kuponlar?q=JSSIZ50");
    await page.locator('[data-coupon="JSSIZ50"] a').first().click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("JSSIZ50 kuponu");
    await page.getByLabel("Seçili ürünler").check();
    await page.getByLabel("Ürün adı, SKU veya barkod ile ara").fill("Novatek");
    const candidates = page.getByTestId("product-candidates").locator("label");
    await expect.poll(() => candidates.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const name = (await candidates.first().textContent())?.trim() ?? "";
    expect(name).toContain("Novatek");
    await candidates.first().locator('input[type="checkbox"]').check();
    await expect.poll(() => page.getByText("1 ürün seçili").count()).toBe(1);
    await page.getByRole("button", { name: "Kaydet" }).click();
    await page.waitForURL(/kaydedildi=JSSIZ50/);
    expect(await page.locator('[data-coupon="JSSIZ50"]').textContent()).toContain("1 üründe");
    // the editor shows the chosen product by name
    await page.locator('[data-coupon="JSSIZ50"] a').first().click();
    await expect.poll(() => page.getByTestId("product-candidates").textContent()).toContain(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("adds a shipping method in the dialog, with example fees computed as the prices are typed", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/kargo");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Kargo");
    await page.getByRole("link", { name: "Yeni kargo yöntemi" }).click();
    const dialog = page.getByRole("dialog", { name: "Yeni kargo yöntemi" });
    await dialog.waitFor();
    await dialog.getByLabel("Yöntem adı", { exact: true }).fill("E2E Ekonomik");
    await dialog.getByLabel("Kargo firması").selectOption({ label: "PTT Kargo" });
    await dialog.getByLabel("Taban ücret").fill("59,90");
    await dialog.getByLabel("Tabana dahil desi").fill("2");
    await dialog.getByLabel("Ek desi ücreti").fill("10");
    // 3 desi is one desi over the base: 59,90 + 10,00
    await expect.poll(() => dialog.getByTestId("fee-examples").textContent(), { timeout: 10_000 }).toContain("3 desi: 69,90 ₺");
    await dialog.getByLabel("Ücretsiz kargo sınırı").fill("1.000");
    await shot(page, "admin-shipping-dialog-desktop");
    await dialog.getByRole("button", { name: "Ekle" }).click();
    await page.waitForURL(/eklendi=/);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("“E2E Ekonomik” eklendi.");
    const row = page.locator('tr[data-method="E2E Ekonomik"]');
    const text = await row.textContent();
    expect(text).toContain("PTT Kargo");
    expect(text).toContain("59,90 ₺ · 2 desiye kadar");
    expect(text).toContain("1.000,00 ₺ üzeri ücretsiz");
    expect(text).toContain("10 desi: 139,90 ₺");
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("saves a bank account: a wrong IBAN shows the field's error, a right one is saved formatted", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/odeme");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Ödeme ayarları");
    const rows = page.getByTestId("bank-accounts").locator("li");
    const count = await rows.count();
    const blank = rows.nth(count - 1);
    await blank.getByLabel("Banka").fill("Garanti BBVA");
    await blank.getByLabel("Hesap sahibi").fill("E2E Ticaret A.Ş.");
    await blank.getByLabel("IBAN").fill("TR32 0010 0099 9990 1234 5678 91");
    await page.getByRole("button", { name: "Kaydet" }).click();
    const iban = page
      .getByTestId("bank-accounts")
      .locator("li")
      .nth(count - 1)
      .getByLabel("IBAN");
    await expect.poll(() => iban.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByText("Geçerli bir TR IBAN girin (TR ve 24 rakam).").count()).toBe(1);
    expect(await page.getByRole("alert").first().textContent()).toContain("1 alanı düzeltin.");
    // what was typed stays
    expect(
      await page
        .getByTestId("bank-accounts")
        .locator("li")
        .nth(count - 1)
        .getByLabel("Banka")
        .inputValue(),
    ).toBe("Garanti BBVA");
    await shot(page, "admin-payments-iban-error-desktop");

    await iban.fill("tr32 0010 0099 9990 1234 5678 90");
    await page.getByRole("button", { name: "Kaydet" }).click();
    await expect.poll(() => page.getByText("Ödeme ayarları kaydedildi.").count()).toBe(1);
    const saved = page
      .getByTestId("bank-accounts")
      .locator("li")
      .nth(count - 1);
    expect(await saved.getByLabel("IBAN").inputValue()).toBe("TR32 0010 0099 9990 1234 5678 90");
    expect(await saved.getByLabel("IBAN").getAttribute("aria-invalid")).toBeNull();
    // a new empty row is there to add another account
    await expect.poll(() => page.getByTestId("bank-accounts").locator("li").count()).toBe(count + 1);
    expect(await page.getByTestId("checkout-methods").textContent()).toContain("Havale/EFT");
    // and it is stored: a fresh load shows it
    await page.reload();
    expect(
      await page
        .getByTestId("bank-accounts")
        .locator("li")
        .nth(count - 1)
        .getByLabel("IBAN")
        .inputValue(),
    ).toBe("TR32 0010 0099 9990 1234 5678 90");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("takes desktop and mobile screenshots of each page", async () => {
    await shoot("/admin/kuponlar", "admin-coupons");
    await shoot("/admin/kuponlar/yeni", "admin-coupon-new");
    await shoot("/admin/kargo", "admin-shipping");
    await shoot("/admin/odeme", "admin-payments");
    const { context, page } = await open();
    await page.goto("/admin/kuponlar?q=E2EYAZ");
    await page.locator('[data-coupon="E2EYAZCICEK20"] a').first().click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("E2EYAZCICEK20 kuponu");
    await shot(page, "admin-coupon-edit-desktop");
    await context.close();
  });
});
