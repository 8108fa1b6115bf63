// The API keys admin page against the real server: create a key (shown once), use it on the API,
// revoke it with a confirmation; screenshots for design review.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
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

async function signIn(page: Page): Promise<void> {
  const admin = server.admin;
  if (!admin) throw new Error(`the server did not print the demo admin's credentials:\n${server.output()}`);
  await page.goto("/admin/giris");
  await page.getByLabel("E-posta adresi").fill(admin.email);
  await page.getByLabel("Şifre", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Giriş yap" }).click();
  await page.waitForURL(/\/admin$/);
}

const api = (key: string) => fetch(`${server.baseUrl}/api/admin/products`, { headers: { authorization: `Bearer ${key}` } });

describe("admin: API keys", () => {
  it("creates a key shown once, which works on the API until it is revoked", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.baseUrl });
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole("link", { name: "API anahtarları" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("API anahtarları");

    // nothing chosen: a form error, nothing created
    await page.getByLabel("Ad", { exact: true }).fill("ERP senkronu");
    await page.getByRole("button", { name: "Anahtar oluştur" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("En az bir yetki seçin.");
    expect(await page.getByLabel("Ad", { exact: true }).inputValue()).toBe("ERP senkronu");

    await page.getByRole("checkbox", { name: /catalog:read/ }).check();
    await page.getByRole("button", { name: "Anahtar oluştur" }).click();
    const shown = page.getByTestId("new-api-key");
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^kvn_[A-Za-z0-9_-]{43}$/);
    expect(await page.getByRole("status").first().textContent()).toContain("bir daha gösterilmeyecek");
    await page.screenshot({ path: path.join(screenshotDir, "admin-api-keys-created.png"), fullPage: true });

    expect((await api(key)).status).toBe(200);

    // shown once: a fresh load lists the key by its prefix only
    await page.goto("/admin/api-anahtarlari");
    expect(await page.getByTestId("new-api-key").count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    const row = page.getByTestId("api-key-row").filter({ hasText: "ERP senkronu" });
    expect(await row.textContent()).toContain(key.slice(0, 12));
    expect(await row.textContent()).toContain("Etkin");

    await row.getByText("İptal et", { exact: true }).click();
    await row.getByRole("button", { name: "Evet, iptal et" }).click();
    await expect.poll(() => row.textContent()).toContain("İptal edildi");
    expect((await api(key)).status).toBe(401);
    await context.close();
  });

  it("looks right in dark mode and on a phone", async () => {
    for (const [name, viewport, colorScheme] of [
      ["desktop-dark", DESKTOP, "dark"],
      ["mobile-light", MOBILE, "light"],
    ] as const) {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: server.baseUrl });
      const page = await context.newPage();
      await signIn(page);
      await page.goto("/admin/api-anahtarlari");
      await page.screenshot({ path: path.join(screenshotDir, `admin-api-keys-${name}.png`), fullPage: true });
      await context.close();
    }
  });
});
