// Checkout and the order page against the real server and the demo store: a guest pays by bank
// transfer (il → ilçe → mahalle, contracts, double click → one order, IBAN on the order page), a
// refused form keeps what was typed, the order page follows status changes live (staff mark the
// transfer paid and ship it through the admin API), checkout without JavaScript, and a signed-in
// customer's "Siparişlerim". Screenshots (desktop and mobile) land in e2e/screenshots/.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, screenshotDir } from "./server.ts";

/** Demo products: a book (KDV 10 %) and a cushion cover (KDV 20 %). */
const BOOK = "bozkirda-son-kervan";
const CUSHION = "pamukkale-tekstil-kilim-desenli-kirlent-kilifi-45-45";
const DEMO_IBAN = "TR33 0006 1005 1978 6457 8413 26";
const CUSTOMER_EMAIL = "musteri@kervan.test";

let server: RunningServer;
let browser: Browser;
let admin: APIRequestContext;

beforeAll(async () => {
  server = await launchServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  if (!server.admin) throw new Error(`the server did not print the demo credentials:\n${server.output()}`);
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const res = await context.request.post("/api/auth/sign-in/email", {
    headers: { origin: server.baseUrl },
    data: { email: server.admin.email, password: server.admin.password },
  });
  if (!res.ok()) throw new Error(`admin sign-in failed: ${res.status()} ${await res.text()}`);
  admin = context.request;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(
  options: {
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
    storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
  } = {},
) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    storageState: options.storageState,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

async function shot(page: Page, name: string) {
  // From the top, so sticky parts (the summary) sit where a visitor first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Puts products in the context's cart through the cart API (the cookie stays in the context). */
async function addToCart(context: BrowserContext, slugs: string[]) {
  for (const slug of slugs) {
    const product = (await (await context.request.get(`/api/v1/products/${slug}`)).json()) as { variants: { id: string }[] };
    const variantId = product.variants[0]?.id;
    if (!variantId) throw new Error(`the demo product ${slug} has no variant`);
    const res = await context.request.post("/api/v1/cart/items", { headers: { origin: server.baseUrl }, data: { variantId, quantity: 1 } });
    if (!res.ok()) throw new Error(`adding ${slug} failed: ${res.status()} ${await res.text()}`);
  }
}

/** Opens the checkout and waits until React has taken over the form. */
async function openCheckout(page: Page) {
  await page.goto("/odeme");
  await page.locator("form[data-hydrated]").waitFor();
}

/** Fills the new delivery address with JavaScript on (the lists come from the geo API). */
async function fillAddress(page: Page, phone = "0532 123 45 67") {
  const delivery = page.locator("#step-delivery");
  await delivery.getByLabel("Ad", { exact: true }).fill("Ayşe");
  await delivery.getByLabel("Soyad").fill("Yılmaz");
  await delivery.getByLabel("Cep telefonu").fill(phone);
  await page.locator("#ship-provinceCode").selectOption({ label: "İstanbul" });
  await expect.poll(() => page.locator("#ship-district option").count()).toBeGreaterThan(30);
  await page.locator("#ship-district").selectOption("Kadıköy");
  await expect.poll(() => page.locator("#ship-neighbourhood option").count()).toBeGreaterThan(10);
  await page.locator("#ship-neighbourhood").selectOption("Caferağa Mah");
  await delivery.getByLabel("Cadde, sokak, bina ve daire").fill("Moda Cad. No: 12 D: 3");
  await delivery.getByLabel("Cadde, sokak, bina ve daire").blur();
}

const accept = (page: Page) => page.getByLabel("Ön bilgilendirme formunu ve mesafeli satış sözleşmesini okudum, onaylıyorum.");

async function adminOrders(q: string) {
  const res = await admin.get(`/api/admin/orders?q=${encodeURIComponent(q)}`);
  if (!res.ok()) throw new Error(`admin order list: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { items: { id: string; number: string; status: string }[]; total: number };
}

async function adminPost(url: string, data: unknown) {
  const res = await admin.post(url, { headers: { origin: server.baseUrl }, data });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
}

describe("checkout", () => {
  const guestEmail = `misafir-${Date.now()}@example.com`;
  let orderPage: Page;
  let orderContext: BrowserContext;
  let orderUrl: string;

  it("sends an empty cart back to the cart page", async () => {
    const { context, page } = await newPage();
    await page.goto("/odeme");
    expect(new URL(page.url()).pathname).toBe("/sepet");
    await context.close();
  });

  it("a guest buys by bank transfer: errors keep what was typed, the texts follow the form, a double click makes one order", async () => {
    const { context, page, errors } = await newPage();
    await addToCart(context, [BOOK, CUSHION]);
    await openCheckout(page);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Ödeme");

    // the shipping methods with their price, delivery days and the free-shipping threshold
    const options = page.getByTestId("shipping-option");
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    expect(await options.first().textContent()).toMatch(/Tahmini teslimat/);
    expect(await options.first().textContent()).toMatch(/ve üzeri alışverişte ücretsiz/);
    // KDV by rate: the book (10 %) and the cushion (20 %)
    const vat = await page.getByTestId("vat-breakdown").first().textContent();
    expect(vat).toContain("KDV %10");
    expect(vat).toContain("KDV %20");

    await page.getByLabel("E-posta adresi").fill(guestEmail);
    await fillAddress(page, "0212 123 45 67"); // a landline: the courier needs a mobile number
    await page.getByRole("button", { name: "Siparişi onayla" }).click();
    await expect.poll(() => page.locator("#ship-phone-error").textContent()).toContain("cep telefonu");
    expect(await page.locator("#accept-contracts-error").textContent()).toContain("onaylayın");
    expect(await page.getByTestId("checkout-refusal").textContent()).toContain("Cep telefonu");
    // nothing typed is lost
    expect(await page.getByLabel("E-posta adresi").inputValue()).toBe(guestEmail);
    expect(await page.locator("#ship-firstName").inputValue()).toBe("Ayşe");
    expect(await page.locator("#ship-neighbourhood").inputValue()).toBe("Caferağa Mah");
    expect(await page.locator("#ship-addressLine").inputValue()).toBe("Moda Cad. No: 12 D: 3");
    expect(await page.locator("#ship-phone").inputValue()).toBe("0212 123 45 67");
    await shot(page, "checkout-errors-desktop");

    await page.locator("#ship-phone").fill("0532 123 45 67");
    await page.locator("#ship-phone").blur();
    // the legal texts carry the address, the payment method and the totals as chosen now
    await expect.poll(() => page.getByTestId("legal-pre-information").textContent()).toContain("Ayşe Yılmaz");
    expect(await page.getByTestId("legal-distance-sales").textContent()).toContain("Kadıköy");
    await page.getByRole("radio", { name: /Kapıda ödeme/ }).check();
    await expect.poll(() => page.getByTestId("legal-pre-information").textContent()).toContain("Kapıda ödeme");
    await expect.poll(() => page.getByTestId("checkout-totals").textContent()).toContain("Kapıda ödeme bedeli");
    await page.getByRole("radio", { name: /Havale/ }).check();
    await expect.poll(() => page.getByTestId("legal-pre-information").textContent()).toContain("Havale");
    await expect.poll(() => page.getByTestId("checkout-totals").textContent()).not.toContain("Kapıda ödeme bedeli");
    await accept(page).check();
    await shot(page, "checkout-filled-desktop");

    await page.getByRole("button", { name: "Siparişi onayla" }).dblclick();
    await page.waitForURL(/\/siparis\/\d+\?t=/);
    expect(await page.getByTestId("order-thanks").textContent()).toContain("Teşekkürler");
    const bank = await page.getByTestId("bank-transfer").textContent();
    expect(await page.getByTestId("iban").first().textContent()).toBe(DEMO_IBAN);
    expect(bank).toContain("Açıklamaya sipariş numaranızı yazın");
    expect(bank).toContain("Son ödeme zamanı");
    expect(await page.getByTestId("order-status").textContent()).toBe("Ödeme bekleniyor");
    const number = /\/siparis\/(\d+)/.exec(page.url())?.[1] as string;
    expect(bank).toContain(number);

    // one order, however often the button was pressed
    const found = await adminOrders(guestEmail);
    expect(found.total).toBe(1);
    expect(found.items[0]?.number).toBe(number);
    expect(errors).toEqual([]);
    await shot(page, "order-bank-transfer-desktop");
    orderPage = page;
    orderContext = context;
    orderUrl = page.url().replace(/&yeni=1$/, "");

    const mobile = await newPage({ viewport: MOBILE });
    await mobile.page.goto(orderUrl);
    expect(await mobile.page.getByTestId("iban").first().textContent()).toBe(DEMO_IBAN);
    await shot(mobile.page, "order-bank-transfer-mobile");
    await mobile.context.close();
  });

  it("the order page follows status changes live, without a reload", async () => {
    const page = orderPage;
    const number = /\/siparis\/(\d+)/.exec(orderUrl)?.[1] as string;
    const [order] = (await adminOrders(number)).items;
    if (!order) throw new Error("the order is not in the admin list");
    // A marker that a reload would wipe out.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    // The page holds its live connection open.
    await page.locator("[data-testid=order-page][data-live]").waitFor();

    await adminPost(`/api/admin/orders/${order.id}/mark-paid`, {});
    await expect.poll(() => page.getByTestId("order-status").textContent(), { timeout: 15_000 }).toBe("Ödendi");
    await expect.poll(() => page.getByTestId("order-live").textContent()).toContain("Sipariş durumu güncellendi: Ödendi");
    expect(await page.getByTestId("bank-transfer").count()).toBe(0);

    await adminPost(`/api/admin/orders/${order.id}/status`, { status: "preparing" });
    await expect.poll(() => page.getByTestId("order-status").textContent(), { timeout: 15_000 }).toBe("Hazırlanıyor");
    await adminPost(`/api/admin/orders/${order.id}/shipments`, { carrier: "yurtici", trackingNumber: "YK1234567890" });
    await expect.poll(() => page.getByTestId("order-status").textContent(), { timeout: 15_000 }).toBe("Kargoda");
    expect(await page.getByTestId("tracking-number").textContent()).toBe("YK1234567890");
    const track = await page.getByRole("link", { name: "Kargom nerede?" }).getAttribute("href");
    expect(track).toContain("yurticikargo.com");
    expect(track).toContain("YK1234567890");
    // every public event with its time: placed, paid, preparing, shipped
    const timeline = page.getByTestId("order-timeline").locator("li");
    expect(await timeline.count()).toBeGreaterThanOrEqual(4);
    expect(await timeline.first().textContent()).toContain("Kargoda");
    expect(await timeline.first().locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // documents for the guest, with the key
    const doc = await page.getByRole("link", { name: /Ön bilgilendirme formu/ }).getAttribute("href");
    const pdf = await orderContext.request.get(doc as string);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await shot(page, "order-shipped-desktop");
    await orderContext.close();

    const mobile = await newPage({ viewport: MOBILE });
    await mobile.page.goto(orderUrl);
    await shot(mobile.page, "order-shipped-mobile");
    await mobile.context.close();
  });

  it("hides the order from visitors without the key", async () => {
    const { context, page } = await newPage();
    const res = await page.goto(orderUrl.replace(/\?t=.*/, "?t=wrong-key"));
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Sipariş bulunamadı");
    await context.close();
  });

  it("works without JavaScript: the il/ilçe lists come by sending the form, cash on delivery", async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false, viewport: MOBILE });
    await addToCart(context, [BOOK]);
    await page.goto("/odeme");
    const email = `nojs-${Date.now()}@example.com`;
    await page.getByLabel("E-posta adresi").fill(email);
    await page.locator("#ship-firstName").fill("Mehmet");
    await page.locator("#ship-lastName").fill("Kaya");
    await page.locator("#ship-phone").fill("0533 111 22 33");
    await page.locator("#ship-provinceCode").selectOption({ label: "İzmir" });
    await page.getByRole("button", { name: "Listeyi getir" }).first().click();
    await page.waitForLoadState("load");
    expect(await page.locator("#ship-district option").count()).toBeGreaterThan(20);
    expect(await page.getByLabel("E-posta adresi").inputValue()).toBe(email);
    await page.locator("#ship-district").selectOption("Karşıyaka");
    await page.getByRole("button", { name: "Listeyi getir" }).first().click();
    await page.waitForLoadState("load");
    expect(await page.locator("#ship-neighbourhood option").count()).toBeGreaterThan(10);
    await page.locator("#ship-neighbourhood").selectOption({ index: 1 });
    await page.locator("#ship-addressLine").fill("Cemal Gürsel Cad. No: 100 D: 4");
    await page.getByRole("radio", { name: /Kapıda ödeme/ }).check();
    await accept(page).check();
    // Without JavaScript nothing stops a second submission: the form's idempotency key does.
    await page.getByRole("button", { name: "Siparişi onayla" }).dblclick();
    // The second submission aborts the first navigation: wait for where the browser ends up.
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/siparis\/\d+\?t=/);
    await page.waitForLoadState("load");
    expect(await page.getByTestId("order-thanks").textContent()).toContain("Teşekkürler");
    expect(await page.getByTestId("order-status").textContent()).toBe("Hazırlanıyor");
    expect(await page.getByTestId("order-totals").textContent()).toContain("Kapıda ödeme bedeli");
    expect((await adminOrders(email)).total).toBe(1);
    await context.close();
  });

  it("shows the checkout on a phone", async () => {
    const { context, page, errors } = await newPage({ viewport: MOBILE });
    await addToCart(context, [BOOK, CUSHION]);
    await openCheckout(page);
    await page.getByRole("button", { name: "Siparişi onayla" }).click();
    await expect.poll(() => page.getByTestId("checkout-refusal").count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    await shot(page, "checkout-errors-mobile");
    await page.getByLabel("E-posta adresi").fill("telefon@example.com");
    await fillAddress(page);
    await accept(page).check();
    await page.locator("summary").filter({ hasText: "Sipariş özeti" }).click();
    await shot(page, "checkout-filled-mobile");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a signed-in customer orders with a new address and finds the order in Siparişlerim", async () => {
    const session = await browser.newContext({ baseURL: server.baseUrl });
    const res = await session.request.post("/api/auth/sign-in/email", {
      headers: { origin: server.baseUrl },
      data: { email: CUSTOMER_EMAIL, password: server.admin?.password },
    });
    expect(res.ok()).toBe(true);
    const storageState = await session.storageState();
    await session.close();

    const { context, page, errors } = await newPage({ storageState });
    await addToCart(context, [CUSHION]);
    await openCheckout(page);
    expect(await page.getByTestId("signed-in-email").textContent()).toContain(CUSTOMER_EMAIL);
    // the demo customer has store credit
    expect(await page.getByLabel(/Mağaza bakiyemi kullan/).count()).toBe(1);
    await fillAddress(page);
    await accept(page).check();
    await page.getByRole("button", { name: "Siparişi onayla" }).click();
    await page.waitForURL(/\/siparis\/\d+/);
    const first = /\/siparis\/(\d+)/.exec(page.url())?.[1] as string;

    // The next checkout starts with the address saved by the first one.
    await addToCart(context, [BOOK]);
    await openCheckout(page);
    const saved = page.getByRole("radio", { name: /Moda Cad\. No: 12 D: 3/ });
    expect(await saved.isChecked()).toBe(true);
    expect(await page.locator("#ship-firstName").count()).toBe(0); // the new-address form stays closed
    await accept(page).check();
    await page.getByRole("button", { name: "Siparişi onayla" }).click();
    await page.waitForURL(/\/siparis\/\d+/);
    const number = /\/siparis\/(\d+)/.exec(page.url())?.[1] as string;
    expect(number).not.toBe(first);
    expect(await page.getByText("Moda Cad. No: 12 D: 3").count()).toBeGreaterThan(0);

    await page.goto("/hesap/siparisler");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Siparişlerim");
    expect(await page.getByTestId("my-order").count()).toBe(2);
    const row = page.getByTestId("my-order").first(); // newest first
    expect(await row.textContent()).toContain(number);
    expect(await row.getByTestId("order-status").textContent()).toBe("Ödeme bekleniyor");
    await shot(page, "my-orders-desktop");
    await row.click();
    await page.waitForURL(new RegExp(`/hesap/siparisler/${number}$`));
    await expect.poll(() => page.locator("h1").last().textContent()).toBe(`Sipariş ${number}`);
    expect(await page.getByRole("link", { name: "Siparişlerime dön" }).count()).toBe(1);
    // "Bu adresi adreslerime kaydet" is on for a customer without addresses
    await page.goto("/hesap/adresler");
    expect(await page.getByTestId("address-card").first().textContent()).toContain("Moda Cad. No: 12 D: 3");
    expect(errors).toEqual([]);
    await context.close();

    const mobile = await newPage({ viewport: MOBILE, storageState });
    await mobile.page.goto("/hesap/siparisler");
    await shot(mobile.page, "my-orders-mobile");
    await mobile.context.close();
  });
});
