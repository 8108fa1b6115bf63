// The identity acceptance journey in Chromium against the real server, with mail going to a real
// SMTP server started here: sign up → verification mail → open the link (signed in) → turn on 2FA
// (TOTP computed from the secret shown on the page) → sign out → sign in with a code → forgot
// password → reset through the mailed link → old password refused, new one accepted → the same
// link refused a second time. Plus screenshots of the identity pages.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { TOTP } from "otpauth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startTestSmtp, type TestSmtp } from "../test/smtp.ts";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, screenshotDir } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  // better-auth's in-memory per-IP limits (3 sign-ins per 10 s) would trip over a fast journey;
  // the database-backed lockouts stay on and are covered by the integration tests.
  server = await launchServer({ env: { SMTP_URL: smtp.url, AUTH_RATE_LIMIT: "false" } });
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

const EMAIL = `zeynep.${Date.now()}@example.com`;
const FIRST_PASSWORD = "Kervan-ilk-sifre-2026";
const NEW_PASSWORD = "Kervan-yeni-sifre-2026";

async function newContext(
  viewport: { width: number; height: number } = DESKTOP,
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
) {
  return browser.newContext({ viewport, colorScheme: "light", baseURL: server.baseUrl, storageState });
}

/** Polls like expect.poll, with time for password hashing and server rendering on slow machines. */
function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

async function signIn(page: Page, password: string) {
  await page.goto("/giris");
  await page.getByLabel("E-posta adresi").fill(EMAIL);
  await page.getByLabel("Şifre", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
}

async function enterCode(page: Page, totp: TOTP) {
  await page.waitForURL(/\/giris\/dogrulama/);
  await page.getByLabel("Doğrulama kodu").fill(totp.generate());
  await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
}

async function signOut(page: Page) {
  await page.locator("summary", { has: page.getByTestId("account-name") }).click();
  await page.locator("header").getByRole("button", { name: "Çıkış yap" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await poll(() => page.locator("header").getByText("Giriş yap").count()).toBeGreaterThan(0);
}

describe("identity journey", () => {
  let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

  it("signs up, verifies, turns on 2FA, signs in with a code and resets the password through the mailed link", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);

    // sign up
    await page.goto("/uye-ol");
    await page.getByLabel("Ad soyad").fill("Zeynep Demir");
    await page.getByLabel("E-posta adresi").fill(EMAIL);
    await page.getByLabel("Şifre", { exact: true }).fill(FIRST_PASSWORD);
    expect(await page.getByLabel(/e-posta ile haberdar/).isChecked()).toBe(false);
    expect(await page.getByLabel(/SMS ile haberdar/).isChecked()).toBe(false);
    await page.getByLabel(/Üyelik sözleşmesini okudum/).check();
    await page.getByRole("button", { name: "Üye ol", exact: true }).click();
    await poll(() => page.locator("h1").textContent()).toBe("E-postanızı kontrol edin");

    // the verification mail reaches the SMTP server; its link signs in
    const verifyMail = await smtp.waitFor(EMAIL, (m) => m.text.includes("/api/auth/verify-email"));
    await page.goto(linkIn(verifyMail, "/api/auth/verify-email"));
    await page.waitForURL(/\/hesap/);
    await poll(() => page.getByTestId("account-name").textContent()).toBe("Zeynep");

    // turn on two-factor authentication
    await page.goto("/hesap/guvenlik");
    const enableForm = page.locator("form", { has: page.getByRole("button", { name: "İki adımlı doğrulamayı aç" }) });
    await enableForm.locator('input[name="password"]').fill(FIRST_PASSWORD);
    await enableForm.getByRole("button", { name: "İki adımlı doğrulamayı aç" }).click();
    const secretText = await page.getByTestId("totp-secret").textContent();
    const secret = (secretText ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole("img", { name: "Doğrulama uygulaması için QR kodu" }).count()).toBe(1);
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    await page.getByLabel("2. Uygulamanın gösterdiği 6 haneli kod").fill(totp.generate());
    await page.getByRole("button", { name: "Onayla ve aç" }).click();
    await poll(() => page.getByTestId("backup-codes").locator("li").count()).toBe(10);
    expect(await page.getByText("İki adımlı doğrulama açıldı.").count()).toBe(1);
    await page.screenshot({ path: path.join(screenshotDir, "identity-backup-codes-desktop.png"), fullPage: true });

    // sign out, then sign in: the code is asked for
    await signOut(page);
    await signIn(page, FIRST_PASSWORD);
    await enterCode(page, totp);
    await page.waitForURL(/\/hesap/);
    await poll(() => page.getByTestId("account-name").textContent()).toBe("Zeynep");
    await signOut(page);

    // forgot password → reset through the mailed link
    const since = smtp.received.length;
    await page.goto("/sifremi-unuttum");
    await page.getByLabel("E-posta adresi").fill(EMAIL);
    await page.getByRole("button", { name: "Sıfırlama bağlantısı gönder" }).click();
    await poll(() => page.locator("h1").textContent()).toBe("Bağlantı yolda");
    const resetMail = await smtp.waitFor(EMAIL, (m) => m.text.includes("/sifre-sifirla?token="), { since });
    const resetLink = linkIn(resetMail, "/sifre-sifirla?token=");
    await page.goto(resetLink);
    await page.getByLabel("Yeni şifre", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Yeni şifre (tekrar)").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Şifremi değiştir" }).click();
    await poll(() => page.locator("h1").textContent()).toBe("Şifreniz değiştirildi");
    await smtp.waitFor(EMAIL, (m) => /değiştirildi/.test(m.subject), { since });

    // the old password is refused, the new one accepted (with the code)
    await signIn(page, FIRST_PASSWORD);
    await poll(() => page.getByRole("alert").textContent()).toContain("E-posta adresi veya şifre hatalı.");
    expect(new URL(page.url()).pathname).toBe("/giris");
    await signIn(page, NEW_PASSWORD);
    await enterCode(page, totp);
    await page.waitForURL(/\/hesap/);
    await poll(() => page.getByTestId("account-name").textContent()).toBe("Zeynep");

    // the same link a second time: a clear page with a way forward, not an error
    await page.goto(resetLink);
    await poll(() => page.locator("h1").textContent()).toBe("Bu bağlantı geçersiz veya daha önce kullanılmış");
    expect(await page.getByRole("link", { name: "Yeni bağlantı iste" }).count()).toBe(1);
    expect(await page.getByLabel("Yeni şifre", { exact: true }).count()).toBe(0);

    signedIn = await context.storageState();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("works without JavaScript: plain form posts sign in, show errors and request a reset", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/giris?next=/hesap/guvenlik");
    await page.getByLabel("E-posta adresi").fill(EMAIL);
    await page.getByLabel("Şifre", { exact: true }).fill("yanlis-sifre-123");
    await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("E-posta adresi veya şifre hatalı.");
    // what was typed is kept
    expect(await page.getByLabel("E-posta adresi").inputValue()).toBe(EMAIL);

    await page.goto("/sifremi-unuttum");
    await page.getByLabel("E-posta adresi").fill("kimse-yok@example.com");
    await page.getByRole("button", { name: "Sıfırlama bağlantısı gönder" }).click();
    await poll(() => page.locator("h1").textContent()).toBe("Bağlantı yolda");

    // a signed-in visitor (2FA is on for this account, so this stops at the code step)
    await page.goto("/giris?next=/hesap/guvenlik");
    await page.getByLabel("E-posta adresi").fill(EMAIL);
    await page.getByLabel("Şifre", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
    await page.waitForURL(/\/giris\/dogrulama\?next=%2Fhesap%2Fguvenlik/);
    await page.getByLabel("Doğrulama kodu").fill("000000");
    await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("Kod hatalı");
    await context.close();
  }, 60_000);

  it("saves desktop and mobile screenshots of the identity pages", async () => {
    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["mobile", MOBILE],
    ] as const) {
      const visitor = await newContext(viewport);
      const page = await visitor.newPage();
      for (const [name, url] of [
        ["sign-in", "/giris"],
        ["sign-up", "/uye-ol"],
        ["forgot-password", "/sifremi-unuttum"],
        ["reset-invalid", "/sifre-sifirla?token=gecersiz-bir-token-degeri"],
      ] as const) {
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: path.join(screenshotDir, `identity-${name}-${device}.png`), fullPage: true });
      }
      await visitor.close();

      const member = await newContext(viewport, signedIn);
      const account = await member.newPage();
      await account.goto("/hesap/guvenlik");
      await account.waitForLoadState("networkidle");
      expect(await account.locator("h1", { hasText: "Güvenlik" }).count()).toBe(1);
      await account.screenshot({ path: path.join(screenshotDir, `identity-security-${device}.png`), fullPage: true });
      await member.close();
    }
  }, 120_000);
});
