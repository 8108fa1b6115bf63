// Admin journeys against the real server: sign-in errors and success, the dashboard, the mail
// outbox, sign-out — plus design-review screenshots of the admin.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

function credentials() {
  if (!server.admin) throw new Error(`the server did not print the demo admin's credentials:\n${server.output()}`);
  return server.admin;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function newContext(
  options: { viewport?: { width: number; height: number }; colorScheme?: "light" | "dark"; storageState?: StorageState } = {},
) {
  return browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? "light",
    baseURL: server.baseUrl,
    storageState: options.storageState,
  });
}

async function signIn(page: Page, password = credentials().password): Promise<void> {
  await page.goto("/admin/giris");
  await page.getByLabel("E-posta adresi").fill(credentials().email);
  await page.getByLabel("Şifre", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Giriş yap" }).click();
}

describe("admin", () => {
  it("shows a Turkish error for a wrong password and for missing fields", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/giris");
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("E-posta adresi ve şifre gerekli.");
    await signIn(page, "yanlis-sifre-123");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("E-posta adresi veya şifre hatalı.");
    expect(page.url()).toMatch(/\/admin\/giris$/);
    await context.close();
  });

  it("signs in, shows the dashboard and the mail outbox, and signs out", async () => {
    const context: BrowserContext = await newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await signIn(page);
    await page.waitForURL(/\/admin$/);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Hoş geldiniz/);
    const products = Number((await page.getByTestId("stat-products").textContent())?.replace(/\D/g, ""));
    expect(products).toBeGreaterThan(0);
    // Pages that do not exist yet are not links; the orders pages are.
    expect(await page.locator("aside nav a", { hasText: "İstatistikler" }).count()).toBe(0);
    expect(await page.locator("aside nav [aria-disabled='true']", { hasText: "İstatistikler" }).count()).toBe(1);
    expect(await page.locator("aside nav a", { hasText: "Siparişler" }).first().getAttribute("href")).toBe("/admin/siparisler");

    await page.locator("aside nav a", { hasText: "E-postalar" }).click();
    await page.waitForURL(/\/admin\/e-postalar$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("E-postalar");
    const firstMail = page.locator("main table tbody a").first();
    if ((await firstMail.count()) > 0) {
      await firstMail.click();
      await page.waitForURL(/\/admin\/e-postalar\/[^/]+$/);
      const frame = page.locator("iframe");
      if ((await frame.count()) > 0) expect(await frame.getAttribute("sandbox")).toBe("");
    }

    await page.getByLabel("Kullanıcı menüsü").click();
    await page.getByRole("button", { name: "Çıkış yap" }).click();
    await page.waitForURL(/\/admin\/giris$/);
    await page.goto("/admin");
    await page.waitForURL(/\/admin\/giris$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("saves desktop and mobile, light and dark screenshots", async () => {
    // Sign in once (the auth endpoint is rate limited) and reuse the session cookie.
    const first = await newContext();
    const signInPage = await first.newPage();
    await signIn(signInPage);
    await signInPage.waitForURL(/\/admin$/);
    const storageState = await first.storageState();
    await first.close();
    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["mobile", MOBILE],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await newContext({ viewport, colorScheme: scheme, storageState });
        const page = await context.newPage();
        await page.goto("/admin");
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: path.join(screenshotDir, `admin-dashboard-${device}-${scheme}.png`), fullPage: true });
        await page.goto("/admin/e-postalar");
        await page.screenshot({ path: path.join(screenshotDir, `admin-mail-${device}-${scheme}.png`), fullPage: true });
        await context.close();
      }
    }
  });
});
