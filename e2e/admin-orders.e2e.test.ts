// The admin orders pages in the browser: orders placed through the API show in the list, the
// status chips filter it, the order page confirms a bank transfer, ships with Yurtiçi and a
// tracking number and shows the timeline; the list updates live when another order is placed
// or changed. Saves desktop and mobile screenshots of the list and the order page.

import { randomUUID } from "node:crypto";
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

interface Placed {
  orderId: string;
  number: string;
}

/** A variant with stock, from the public catalog API. */
async function variantWithStock(skip = 0): Promise<string> {
  const list = (await (await fetch(`${server.baseUrl}/api/v1/products?perPage=24`)).json()) as { items: { slug: string }[] };
  let seen = 0;
  for (const item of list.items) {
    const product = (await (await fetch(`${server.baseUrl}/api/v1/products/${item.slug}`)).json()) as {
      kind: string;
      variants: { id: string; stock: number }[];
    };
    const variant = product.kind === "physical" ? product.variants.find((v) => v.stock >= 3) : undefined;
    if (variant && seen++ >= skip) return variant.id;
  }
  throw new Error("no product with stock in the demo store");
}

/** A guest order through the public API (cart, then checkout), as a shopper's browser would place it. */
async function placeOrder(paymentMethod: "bank_transfer" | "cash_on_delivery", firstName: string, skip = 0): Promise<Placed> {
  const base = server.baseUrl;
  const cart = await fetch(`${base}/api/v1/cart/items`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ variantId: await variantWithStock(skip), quantity: 1 }),
  });
  expect(cart.status, await cart.clone().text()).toBe(200);
  const cookie = (cart.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const checkout = (await (await fetch(`${base}/api/v1/checkout`, { headers: { cookie } })).json()) as {
    cart: { shippingOptions: { id: string }[] };
  };
  const res = await fetch(`${base}/api/v1/checkout/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "idempotency-key": randomUUID() },
    body: JSON.stringify({
      email: `${firstName.toLowerCase()}@example.com`,
      shippingAddress: {
        firstName,
        lastName: "Tarayıcı",
        phone: "0532 123 45 67",
        provinceCode: 34,
        district: "Kadıköy",
        neighbourhood: "Caferağa Mah",
        addressLine: "Moda Cad. No: 12 D: 3",
        postalCode: "34710",
      },
      billingSameAsShipping: true,
      shippingMethodId: checkout.cart.shippingOptions[0]?.id,
      paymentMethod,
      acceptContracts: true,
    }),
  });
  const body = (await res.json()) as Placed;
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { orderId: body.orderId, number: body.number };
}

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
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport,
    storageState,
    isMobile: viewport === MOBILE,
    hasTouch: viewport === MOBILE,
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

describe("admin: orders", () => {
  let transfer: Placed;
  let cod: Placed;

  it("lists placed orders and filters them by status", async () => {
    transfer = await placeOrder("bank_transfer", "Havale");
    cod = await placeOrder("cash_on_delivery", "Kapida", 1);
    const { context, page, errors } = await open();
    await page.goto("/admin/siparisler");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Siparişler");
    const table = page.getByTestId("order-table");
    await expect.poll(() => table.locator(`tr[data-order="${transfer.number}"]`).count()).toBe(1);
    expect(await table.locator(`tr[data-order="${cod.number}"]`).textContent()).toContain("Hazırlanıyor");
    expect(await table.locator(`tr[data-order="${transfer.number}"]`).textContent()).toContain("Ödeme bekleniyor");
    // the navigation badge counts the orders waiting for the merchant (the COD order to prepare)
    expect(Number(await page.getByTestId("orders-waiting").first().locator("[aria-hidden]").textContent())).toBeGreaterThanOrEqual(1);
    await shot(page, "admin-orders-list-desktop");

    await page.locator('[data-chip="awaiting_payment"]').click();
    await page.waitForURL(/durum=odeme-bekleniyor/);
    await expect.poll(() => table.locator(`tr[data-order="${cod.number}"]`).count()).toBe(0);
    expect(await table.locator(`tr[data-order="${transfer.number}"]`).count()).toBe(1);
    expect(await page.locator('[data-chip="awaiting_payment"]').getAttribute("aria-current")).toBe("true");

    // search by order number keeps the status filter
    await page.getByLabel("Sipariş ara").fill(transfer.number);
    await page.getByRole("button", { name: "Süz" }).click();
    await page.waitForURL(new RegExp(`q=${transfer.number}`));
    expect(page.url()).toContain("durum=odeme-bekleniyor");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("confirms the bank transfer, ships with Yurtiçi and shows the timeline", async () => {
    const { context, page, errors } = await open();
    await page.goto(`/admin/siparisler?durum=odeme-bekleniyor&q=${transfer.number}`);
    await page
      .getByRole("link", { name: `#${transfer.number}` })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/admin/siparisler/${transfer.orderId}$`));
    await expect.poll(() => page.getByTestId("order-status").textContent()).toBe("Ödeme bekleniyor");

    await page.getByRole("button", { name: "Ödeme alındı" }).click();
    await expect.poll(() => page.getByTestId("order-status").textContent()).toBe("Ödendi");
    expect(await page.getByRole("status").first().textContent()).toContain("Ödeme alındı");
    expect(await page.locator('button[data-status="preparing"]').count()).toBe(1);

    await page.locator('select[name="carrier"]').selectOption("yurtici");
    await page.locator('input[name="trackingNumber"]').fill("YK987654321");
    await page.getByRole("button", { name: "Kargoya ver" }).click();
    await expect.poll(() => page.getByTestId("order-status").textContent()).toBe("Kargoda");
    const tracking = page.getByTestId("shipments").getByRole("link", { name: /Yurtiçi Kargo kargo takibi/ });
    expect(await tracking.getAttribute("href")).toBe("https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=YK987654321");

    await page.locator("#note-message").fill("Paket hediye kağıdıyla sarıldı.");
    await page.getByRole("button", { name: "Not ekle" }).click();
    const timeline = page.getByTestId("order-timeline");
    await expect.poll(() => timeline.textContent()).toContain("Paket hediye kağıdıyla sarıldı.");
    const text = (await timeline.textContent()) ?? "";
    expect(text).toContain("İç not");
    expect(text).toContain("Yurtiçi Kargo · YK987654321");
    const moves = await timeline
      .locator('li[data-event="status"]')
      .evaluateAll((items) =>
        items.map((li) => [...li.querySelectorAll("[data-order-status]")].map((b) => b.getAttribute("data-order-status")).join("→")),
      );
    expect(moves).toEqual(["paid→shipped", "awaiting_payment→paid", "awaiting_payment"]);
    await shot(page, "admin-order-detail-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("updates the list live: a new order is announced, a changed row reloads in place", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/siparisler");
    await expect.poll(() => page.locator("[data-live]").getAttribute("data-live")).toBe("on");
    const table = page.getByTestId("order-table");
    const fresh = await placeOrder("bank_transfer", "Canli", 2);
    const notice = page.getByTestId("new-orders");
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain("1 yeni sipariş geldi.");
    await notice.click();
    await expect.poll(() => table.locator(`tr[data-order="${fresh.number}"]`).count()).toBe(1);
    await expect.poll(() => notice.count()).toBe(0);

    // another staff member confirms its payment: the row changes without a reload
    const res = await page.request.post(`/api/admin/orders/${fresh.orderId}/mark-paid`, { headers: { origin: server.baseUrl } });
    expect(res.status()).toBe(200);
    await expect.poll(() => table.locator(`tr[data-order="${fresh.number}"]`).textContent(), { timeout: 10_000 }).toContain("Ödendi");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("bulk-changes the status with a confirmation and a per-order summary", async () => {
    const { context, page, errors } = await open();
    await page.goto("/admin/siparisler");
    const table = page.getByTestId("order-table");
    await table.getByLabel(`${cod.number} numaralı siparişi seç`).check();
    await table.getByLabel(`${transfer.number} numaralı siparişi seç`).check();
    await page.getByLabel("Yeni durum").selectOption("delivered");
    await page.getByRole("button", { name: "Durumu değiştir" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("2 siparişin durumu değişsin mi?");
    await dialog.getByRole("button", { name: "Evet, değiştir" }).click();
    const summary = page.getByTestId("bulk-result");
    await expect.poll(() => summary.textContent()).toContain("1 sipariş “Teslim edildi” durumuna alındı.");
    // the COD order is still being prepared: it cannot be delivered before it ships
    expect(await summary.textContent()).toContain(`#${cod.number}: Bu durum değişikliği sipariş akışına uymuyor.`);
    await expect.poll(() => table.locator(`tr[data-order="${transfer.number}"]`).textContent()).toContain("Teslim edildi");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("looks right on a phone", async () => {
    const { context, page, errors } = await open(MOBILE);
    await page.goto("/admin/siparisler");
    await expect.poll(() => page.getByTestId("order-cards").locator("li").count()).toBeGreaterThan(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "admin-orders-list-mobile");
    await page.goto(`/admin/siparisler/${transfer.orderId}`);
    await expect.poll(() => page.getByTestId("order-status").textContent()).toBe("Teslim edildi");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, "admin-order-detail-mobile");
    expect(errors).toEqual([]);
    await context.close();
  });
});
