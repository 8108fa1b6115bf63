// Admin of people in the browser: customers (search, detail, store credit, premium), staff
// (invite), the audit log (filters, diff) and store settings — plus desktop and mobile screenshots.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startTestSmtp, type TestSmtp } from "../test/smtp.ts";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, screenshotDir } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;
let storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;

beforeAll(async () => {
  // invitations go out through a real SMTP server; the admin's outbox keeps only a redacted copy
  smtp = await startTestSmtp();
  server = await launchServer({ env: { SMTP_URL: smtp.url } });
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP });
  const page = await context.newPage();
  const admin = server.admin;
  if (!admin) throw new Error(`the server did not print the demo admin's credentials:\n${server.output()}`);
  await page.goto("/admin/giris");
  await page.getByLabel("E-posta adresi").fill(admin.email);
  await page.getByLabel("Şifre", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Giriş yap" }).click();
  await page.waitForURL(/\/admin$/);
  storageState = await context.storageState();
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function open(
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport, storageState, colorScheme: "light" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

describe("admin: people", () => {
  it("lists, searches and opens customers; adjusts store credit and premium", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/musteriler");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Müşteriler");
    const rows = page.locator("main table tbody tr");
    expect(await rows.count()).toBeGreaterThan(3);
    await page.getByRole("searchbox", { name: "Ara" }).fill("zeynep");
    await page.getByRole("button", { name: "Süz" }).click();
    await page.waitForURL(/q=zeynep/);
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator("main table tbody a").first().click();
    await page.waitForURL(/\/admin\/musteriler\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Zeynep Arslan");

    await page.getByLabel("Tutar (₺)").fill("150,50");
    await page.getByLabel("Gerekçe", { exact: true }).fill("Gecikmeli teslimat telafisi");
    await page.getByRole("button", { name: "Krediyi güncelle" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Yeni bakiye");
    await expect.poll(() => page.getByTestId("credit-balance").textContent()).toMatch(/271,00/);
    expect(await page.getByTestId("credit-ledger").textContent()).toContain("Gecikmeli teslimat telafisi");

    await page.getByLabel("Tutar (₺)").fill("-100000");
    await page.getByLabel("Gerekçe", { exact: true }).fill("Fazla düşüm denemesi");
    await page.getByRole("button", { name: "Krediyi güncelle" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Bakiye yetersiz");
    await expect.poll(() => page.getByTestId("credit-balance").textContent()).toMatch(/271,00/);

    await page.getByRole("button", { name: "Standarda çevir" }).click();
    await expect.poll(() => page.locator("header").last().textContent()).toContain("Standart");
    await page.getByRole("button", { name: "Premium yap" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Standarda çevir" }).count()).toBe(1);

    const activity = page.getByRole("region", { name: "Son hareketler" });
    await expect.poll(() => activity.textContent()).toContain("Mağaza kredisi güncellendi");
    expect(await activity.textContent()).toMatch(/\+150,50\s₺ · Gecikmeli teslimat telafisi/);
    expect(await activity.textContent()).toContain("customer.credit_adjust");
    expect(await activity.textContent()).toMatch(/Üyelik seviyesi: Standart → Premium/);
    await shot(page, "admin-customer-detail-desktop");
    await page.goto("/admin/musteriler");
    await shot(page, "admin-customers-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("invites staff and shows the audit log with filters and an expandable diff", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/personel");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Personel");
    await page.getByLabel("E-posta", { exact: true }).fill("yeni.personel@example.com");
    await page.getByLabel("Rol", { exact: true }).selectOption("catalog_manager");
    await page.getByRole("button", { name: "Davet gönder" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("yeni.personel@example.com");
    await expect.poll(() => page.getByTestId("staff-invitations").textContent()).toContain("yeni.personel@example.com");
    await shot(page, "admin-staff-desktop");

    await page.goto("/admin/denetim");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Denetim kaydı");
    await page.getByLabel("Olay türü").selectOption("customer.");
    await page.getByRole("button", { name: "Süz" }).click();
    await page.waitForURL(/tur=customer\./);
    const events = page.getByTestId("audit-events").locator("li");
    await expect.poll(() => events.count()).toBeGreaterThan(0);
    await expect.poll(() => events.first().getByTestId("audit-type-code").textContent()).toMatch(/^customer\./);
    expect(await events.first().getByTestId("audit-type-label").textContent()).toMatch(/^[^.]+$/);
    await events.first().locator("summary").click();
    const diff = events.first().locator("table");
    await expect.poll(() => diff.textContent()).toMatch(/Mağaza kredisi|Üyelik seviyesi/);
    expect(await diff.textContent()).toMatch(/storeCredit|tier/);
    expect(await diff.textContent()).toMatch(/\d,\d{2}\s₺|Standart|Premium/);
    expect(await events.first().locator("summary").textContent()).toMatch(/Üyelik seviyesi: Standart → Premium|\d,\d{2}\s₺/);
    await shot(page, "admin-audit-desktop");
    await page.goto("/admin/denetim");
    await page.getByTestId("audit-events").locator("li summary").first().click();
    expect(await page.getByLabel("Olay türü").locator("option", { hasText: "Giriş yapıldı" }).getAttribute("value")).toBe("auth.sign_in");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("invites the demo customer, who accepts from the mailed link and reaches the admin", async () => {
    const admin = await open();
    await admin.page.goto("/admin/personel");
    await admin.page.getByLabel("E-posta", { exact: true }).fill("musteri@kervan.test");
    await admin.page.getByLabel("Rol", { exact: true }).selectOption("support");
    await admin.page.getByRole("button", { name: "Davet gönder" }).click();
    await expect.poll(() => admin.page.getByTestId("staff-invitations").textContent()).toContain("musteri@kervan.test");
    // the person gets the link by mail; the outbox that staff read shows it hidden
    const mail = await smtp.waitFor("musteri@kervan.test", (m) => m.text.includes("/davet?token="));
    const mailed = new URL(linkIn(mail, "/davet?token="));
    const link = mailed.pathname + mailed.search;
    expect(link).toMatch(/^\/davet\?token=[\w-]{20,}$/);
    await admin.page.goto("/admin/e-postalar");
    await admin.page.locator("main table tbody a", { hasText: "davet edildiniz" }).first().click();
    await admin.page.waitForURL(/\/admin\/e-postalar\/[^/]+$/);
    const stored = (await admin.page.locator("pre").textContent()) ?? "";
    expect(stored).toContain("/davet?token=[hidden]");
    expect(stored).not.toContain(link);
    await admin.context.close();

    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(link as string);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Personel daveti");
    expect(await page.getByRole("link", { name: "Giriş yap" }).last().getAttribute("href")).toContain(encodeURIComponent("/davet?token="));
    const signIn = await page.request.post("/api/auth/sign-in/email", {
      data: { email: "musteri@kervan.test", password: server.admin?.password },
      headers: { origin: server.baseUrl },
    });
    expect(signIn.status()).toBe(200);
    await page.goto(link as string);
    await shot(page, "invitation-desktop");
    await page.getByRole("button", { name: "Daveti kabul et" }).click();
    await page.waitForURL(/\/admin$/);
    await page.goto(link as string);
    await expect.poll(() => page.locator("main").textContent()).toContain("zaten kabul edilmiş");
    await page.goto("/davet?token=uydurma-bir-anahtar");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Davet geçersiz");
    await context.close();
  });

  it("saves mobile screenshots", async () => {
    const { context, page, errors } = await open(MOBILE);
    await page.goto("/admin/musteriler");
    await expect.poll(() => page.locator("main ul li").count()).toBeGreaterThan(3);
    await shot(page, "admin-customers-mobile");
    await page.locator("main ul li a").first().click();
    await page.waitForURL(/\/admin\/musteriler\/[0-9a-f-]{36}$/);
    await shot(page, "admin-customer-detail-mobile");
    await page.goto("/admin/personel");
    await shot(page, "admin-staff-mobile");
    await page.goto("/admin/denetim?tur=auth.");
    await page.getByTestId("audit-events").locator("li summary").first().click();
    await shot(page, "admin-audit-mobile");
    await page.goto("/admin/ayarlar");
    await shot(page, "admin-settings-mobile");
    expect(errors).toEqual([]);
    await context.close();
  });
});
