// A store that requires two-factor authentication for staff, in Chromium: the owner turns 2FA on
// for themselves, then makes it compulsory; the admin sign-in asks for the code; staff who turn
// 2FA off are sent to the security page, and the admin API refuses them.

import { TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, launchServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // better-auth's in-memory per-IP limit (3 sign-ins per 10 s) would trip over this fast journey
  server = await launchServer({ env: { AUTH_RATE_LIMIT: "false" } });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

async function adminSignIn(page: Page, email: string, password: string) {
  await page.goto("/admin/giris");
  await page.getByLabel("E-posta adresi").fill(email);
  await page.getByLabel("Şifre", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Giriş yap" }).click();
}

describe("staff two-factor authentication required by the store", () => {
  it("enforces the store setting on the admin pages, the admin sign-in and the admin API", async () => {
    const admin = server.admin;
    if (!admin) throw new Error(`no demo admin printed:\n${server.output()}`);
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await adminSignIn(page, admin.email, admin.password);
    await page.waitForURL(/\/admin$/);

    // the owner turns 2FA on for themselves
    await page.goto("/hesap/guvenlik");
    const enableForm = page.locator("form", { has: page.getByRole("button", { name: "İki adımlı doğrulamayı aç" }) });
    await enableForm.locator('input[name="password"]').fill(admin.password);
    await enableForm.getByRole("button", { name: "İki adımlı doğrulamayı aç" }).click();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    await page.getByLabel("2. Uygulamanın gösterdiği 6 haneli kod").fill(totp.generate());
    await page.getByRole("button", { name: "Onayla ve aç" }).click();
    await poll(() => page.getByTestId("backup-codes").locator("li").count()).toBe(10);

    // ...then makes it compulsory for all staff
    await page.goto("/admin/ayarlar");
    await page.getByLabel("Tüm personel için iki adımlı doğrulama zorunlu olsun").check();
    await page.getByRole("button", { name: "Kaydet" }).click();
    await poll(() => page.getByText("Değişiklik kaydedildi.").count()).toBe(1);

    // the admin sign-in now goes through the code step and comes back to the admin
    await context.clearCookies();
    await adminSignIn(page, admin.email, admin.password);
    await page.waitForURL(/\/giris\/dogrulama/);
    await page.getByLabel("Doğrulama kodu").fill(totp.generate());
    await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
    await page.waitForURL(/\/admin$/);
    await poll(() => page.locator("h1").first().textContent()).toBeTruthy();

    // turning 2FA off locks the admin: pages send the person to the security page...
    await page.goto("/hesap/guvenlik");
    const disableForm = page.locator("form", { has: page.getByRole("button", { name: "Kapat", exact: true }) });
    await disableForm.locator('input[name="password"]').fill(admin.password);
    await disableForm.getByRole("button", { name: "Kapat", exact: true }).click();
    await poll(() => page.getByRole("button", { name: "İki adımlı doğrulamayı aç" }).count()).toBe(1);
    await page.goto("/admin/musteriler");
    await page.waitForURL(/\/hesap\/guvenlik\?iki-adim=zorunlu/);
    await poll(() => page.getByText(/iki adımlı doğrulamayı açmasını zorunlu tutuyor/).count()).toBe(1);

    // ...and the admin API answers 403 with the two-factor-required problem
    const api = await page.request.get("/api/admin/customers");
    expect(api.status()).toBe(403);
    expect((await api.json()).type).toBe("https://kervan.dev/problems/two-factor-required");

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
