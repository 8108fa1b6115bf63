// The issue 5 acceptance journey in Chromium, on the demo store with a local iyzico:
// 1. a guest adds a product on its page, applies a coupon in the cart and pays by bank transfer;
// 2. the demo customer signs in, uses store credit and pays the rest on iyzico's Checkout Form;
// 3. staff follow that order in the admin to shipped while the customer's order page, left open,
//    updates live (no reload).

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIyzicoServer } from "../test/gateways/iyzico-server.ts";
import { adminSession, DESKTOP, launchBrowser, launchServer, type RunningServer, type StorageState, screenshotDir } from "./server.ts";

const KEYS = { apiKey: "e2e-iyzico-api-key", secretKey: "e2e-iyzico-secret-key" };
const CUSTOMER = "musteri@kervan.test";

interface Product {
  slug: string;
  title: string;
  kind: string;
  variants: { id: string; price: number; stock: number }[];
}

let server: RunningServer;
let browser: Browser;
let iyzico: Awaited<ReturnType<typeof startIyzicoServer>>;
let adminState: StorageState;

beforeAll(async () => {
  iyzico = await startIyzicoServer(KEYS);
  server = await launchServer({
    env: { IYZICO_API_KEY: KEYS.apiKey, IYZICO_SECRET_KEY: KEYS.secretKey, IYZICO_BASE_URL: iyzico.url },
  });
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  adminState = await adminSession(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await iyzico?.close();
});

/** A physical demo product with stock whose price is at least `min` kuruş. */
async function productOver(min: number, skip: string[] = []): Promise<Product> {
  const list = (await (await fetch(`${server.baseUrl}/api/v1/products?perPage=48&sort=price-desc`)).json()) as {
    items: { slug: string }[];
  };
  for (const { slug } of list.items) {
    if (skip.includes(slug)) continue;
    const p = (await (await fetch(`${server.baseUrl}/api/v1/products/${slug}`)).json()) as Product;
    const v = p.variants[0];
    if (p.kind === "physical" && p.variants.length === 1 && v && v.stock >= 3 && v.price >= min) return p;
  }
  throw new Error(`no demo product of at least ${min} kuruş with stock`);
}

async function open(storageState?: StorageState): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, colorScheme: "light", storageState });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

async function addOnProductPage(page: Page, p: Product) {
  await page.goto(`/urun/${p.slug}`, { waitUntil: "networkidle" });
  await page.getByTestId("add-to-cart").click();
  await page.getByRole("dialog", { name: /Sepetim/ }).waitFor();
}

async function fillAddress(page: Page) {
  const delivery = page.locator("#step-delivery");
  await delivery.getByLabel("Ad", { exact: true }).fill("Ayşe");
  await delivery.getByLabel("Soyad").fill("Yılmaz");
  await delivery.getByLabel("Cep telefonu").fill("0532 123 45 67");
  await page.locator("#ship-provinceCode").selectOption({ label: "İstanbul" });
  await expect.poll(() => page.locator("#ship-district option").count()).toBeGreaterThan(30);
  await page.locator("#ship-district").selectOption("Kadıköy");
  await expect.poll(() => page.locator("#ship-neighbourhood option").count()).toBeGreaterThan(10);
  await page.locator("#ship-neighbourhood").selectOption("Caferağa Mah");
  await delivery.getByLabel("Cadde, sokak, bina ve daire").fill("Moda Cad. No: 12 D: 3");
  await delivery.getByLabel("Cadde, sokak, bina ve daire").blur();
}

const accept = (page: Page) => page.getByLabel("Ön bilgilendirme formunu ve mesafeli satış sözleşmesini okudum, onaylıyorum.");
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

describe("buying, paying and shipping", () => {
  let customerPage: Page;
  let orderNumber: string;

  it("a guest buys with a coupon and pays by bank transfer", async () => {
    const { context, page, errors } = await open();
    const product = await productOver(30_000);
    await addOnProductPage(page, product);
    await page.goto("/sepet");
    await page.getByLabel("Kupon kodu").fill("hosgeldin");
    await page.getByRole("button", { name: "Uygula" }).click();
    await expect.poll(() => page.getByTestId("applied-coupon").textContent()).toContain("HOSGELDIN");
    const discount = (await page.getByTestId("discount").textContent()) ?? "";
    expect(discount).toMatch(/^−.+₺$/);

    await page.getByTestId("checkout").click();
    await page.locator("form[data-hydrated]").waitFor();
    await page.getByLabel("E-posta adresi").fill(`yolcu-${Date.now()}@example.com`);
    await fillAddress(page);
    await page.getByRole("radio", { name: /Havale/ }).check();
    await expect.poll(() => page.getByTestId("checkout-totals").textContent()).toContain("HOSGELDIN");
    await accept(page).check();
    await page.getByRole("button", { name: "Siparişi onayla" }).click();
    await page.waitForURL(/\/siparis\/\d+\?t=/);
    expect(await page.getByTestId("order-status").textContent()).toBe("Ödeme bekleniyor");
    expect(await page.getByTestId("iban").first().textContent()).toBe("TR33 0006 1005 1978 6457 8413 26");
    expect(await page.getByTestId("order-totals").textContent()).toContain(discount.replace("−", ""));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the signed-in customer uses store credit and pays the rest on iyzico's Checkout Form", async () => {
    const session = await browser.newContext({ baseURL: server.baseUrl });
    const signIn = await session.request.post("/api/auth/sign-in/email", {
      headers: { origin: server.baseUrl },
      data: { email: CUSTOMER, password: server.admin?.password },
    });
    expect(signIn.ok()).toBe(true);
    const state = await session.storageState();
    await session.close();

    const { page, errors } = await open(state);
    const product = await productOver(40_000);
    await addOnProductPage(page, product);
    await page.goto("/odeme");
    await page.locator("form[data-hydrated]").waitFor();
    await fillAddress(page);
    await page
      .getByRole("radio", { name: /Kredi \/ banka kartı/ })
      .first()
      .check();
    await page.getByLabel(/Mağaza bakiyemi kullan/).check();
    await expect.poll(() => page.getByTestId("checkout-totals").textContent()).toContain("Mağaza bakiyesi");
    await accept(page).check();
    await page.getByRole("button", { name: "Siparişi onayla" }).click();

    // iyzico's hosted page (the local server), then back to the store.
    await page.waitForURL(new RegExp(`^${iyzico.url}/checkoutform/pay/`));
    await page.getByLabel("Kart üzerindeki isim").fill("Elif Demir");
    await page.getByLabel("Kart numarası").fill("5528790000000008");
    await page.getByLabel("Son kullanma tarihi (AA/YY)").fill("12/30");
    await page.getByLabel("Güvenlik kodu (CVC)").fill("123");
    await page.getByRole("button", { name: "Öde" }).click();
    await page.waitForURL(/\/siparis\/\d+\?t=.+odeme=tamam/);
    expect(await page.getByTestId("order-status").textContent()).toBe("Ödendi");
    const totals = (await page.getByTestId("order-totals").textContent()) ?? "";
    expect(totals).toContain("Mağaza bakiyesi");
    orderNumber = /\/siparis\/(\d+)/.exec(page.url())?.[1] as string;
    // The demo customer's 250 ₺ credit went first; iyzico charged exactly the rest.
    const key = new URL(page.url()).searchParams.get("t");
    const order = (await (await fetch(`${server.baseUrl}/api/v1/orders/${orderNumber}?t=${key}`)).json()) as {
      grandTotal: number;
      storeCreditUsed: number;
      amountDue: number;
    };
    expect(order.storeCreditUsed).toBe(25_000);
    expect(order.amountDue).toBe(order.grandTotal - 25_000);
    const charged = [...iyzico.payments.values()].find((p) => p.basketId === orderNumber && p.status === "SUCCESS");
    expect(charged?.paidPrice).toBe(order.amountDue);
    await page.locator("[data-testid=order-page][data-live]").waitFor();
    expect(errors).toEqual([]);
    customerPage = page;
    await shot(page, "purchase-paid-desktop");
  });

  it("staff move the order to shipped in the admin; the customer's page follows live", async () => {
    await customerPage.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    const { context, page } = await open(adminState);
    await page.goto(`/admin/siparisler?q=${orderNumber}`);
    await page
      .getByRole("link", { name: new RegExp(orderNumber) })
      .first()
      .click();
    await page.waitForURL(/\/admin\/siparisler\/[0-9a-f-]{36}$/);

    await page.locator('button[data-status="preparing"]').click();
    await expect.poll(() => customerPage.getByTestId("order-status").textContent(), { timeout: 15_000 }).toBe("Hazırlanıyor");

    await page.locator('select[name="carrier"]').selectOption("yurtici");
    await page.locator('input[name="trackingNumber"]').fill("YK20261122001");
    await page.getByRole("button", { name: "Kargoya ver" }).click();
    await expect.poll(() => customerPage.getByTestId("order-status").textContent(), { timeout: 15_000 }).toBe("Kargoda");
    expect(await customerPage.getByTestId("tracking-number").textContent()).toBe("YK20261122001");
    expect(await customerPage.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await shot(customerPage, "purchase-shipped-desktop");
    await context.close();
  });
});
