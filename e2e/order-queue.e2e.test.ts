// The pending-order queue in the browser: the admin generates 10 test orders for the demo
// customers, sees them ranked by priority score, runs a worker pass and sees the decisions.
// The server runs without background workers, so nothing decides the orders before the click.
// Saves desktop (light, dark) and mobile screenshots.

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
  server = await launchServer({ env: { JOBS_WORKER: "false" } });
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

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

const scores = (page: Page) =>
  page.locator('[data-testid="queue-row"]').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.score)));

describe("admin: pending-order queue", () => {
  it("generates test orders, ranks them by score, processes them and shows the decisions", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/siparisler/kuyruk");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Bekleyen siparişler");
    // the sidebar leads here, under Siparişler
    await expect
      .poll(() => page.getByRole("link", { name: "Bekleyen siparişler" }).first().getAttribute("href"))
      .toBe("/admin/siparisler/kuyruk");
    const before = (await scores(page)).length;

    const test = page.getByRole("region", { name: "Test siparişleri" });
    await test.getByLabel("Sipariş sayısı").fill("10");
    await test.getByRole("button", { name: "Test siparişleri oluştur" }).click();
    await expect.poll(() => page.getByTestId("queue-notice").textContent()).toContain("10 test siparişi oluşturuldu.");
    await expect.poll(async () => (await scores(page)).length).toBe(before + 10);
    const ranked = await scores(page);
    expect(ranked.every((s) => Number.isFinite(s) && s >= 0)).toBe(true);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    const table = page.getByTestId("queue-table");
    expect(await table.getByText("TEST", { exact: true }).count()).toBeGreaterThanOrEqual(10);
    expect((await table.getByText("Premium").count()) + (await table.getByText("Standart").count())).toBeGreaterThanOrEqual(10);
    await expect.poll(() => page.getByTestId("queue-stat-pending").textContent()).toBe(String(before + 10));
    await shot(page, "order-queue-desktop-light");

    await page.getByRole("button", { name: "Şimdi işle" }).click();
    await expect.poll(() => page.getByTestId("queue-notice").textContent()).toMatch(/sipariş incelendi: \d+ onaylandı, \d+ reddedildi/);
    // every test batch holds a credit-only order, which is always decided (approved or rejected)
    await expect.poll(() => page.getByTestId("queue-decision").count()).toBeGreaterThan(0);
    const decision = page.getByTestId("queue-decision").first();
    expect(await decision.getAttribute("data-decision")).toMatch(/^(approved|rejected)$/);
    expect(await decision.textContent()).toMatch(/Onaylandı|Reddedildi/);
    expect(await decision.textContent()).toMatch(/Puan \d/);
    // decided orders left the queue
    expect((await scores(page)).length).toBeLessThan(before + 10);
    await shot(page, "order-queue-processed-desktop-light");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("looks right in dark mode and on a phone", async () => {
    const dark = await open(DESKTOP, "dark");
    await dark.page.goto("/admin/siparisler/kuyruk");
    await expect.poll(() => dark.page.locator("h1").textContent()).toBe("Bekleyen siparişler");
    await shot(dark.page, "order-queue-desktop-dark");
    expect(dark.errors).toEqual([]);
    await dark.context.close();

    const phone = await open(MOBILE);
    await phone.page.goto("/admin/siparisler/kuyruk");
    await expect.poll(() => phone.page.getByTestId("queue-cards").isVisible()).toBe(true);
    // no sideways scrolling on a phone
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(phone.page, "order-queue-mobile-light");
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
