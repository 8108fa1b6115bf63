// The cart as shoppers see it, in Chromium against the real server with the seeded demo store:
// "Sepete ekle" on two product pages (the header count and the mini-cart, keyboard included), the
// cart page (quantity, a coupon and its discount, removing a line), the same without JavaScript,
// a guest cart that survives a browser restart and merges into the demo customer's cart at
// sign-in, the coupons page (copy, collect into "Kuponlarım", apply to the cart) and the deals
// page — plus design-review screenshots on desktop and mobile in e2e/screenshots/.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProductDetail } from "../src/modules/catalog/types.ts";
import { formatMoney, percentOf } from "../src/platform/money.ts";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, screenshotDir } from "./server.ts";

const CUSTOMER_EMAIL = "musteri@kervan.test";

let server: RunningServer;
let browser: Browser;
/** Two physical single-variant products in stock (at least 6 units), 150–1.000 ₺. */
let products: ProductDetail[];

const price = (minor: number) => formatMoney(minor, "TRY");
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });

beforeAll(async () => {
  server = await launchServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  if (!server.admin) throw new Error(`the server did not print the demo credentials:\n${server.output()}`);
  const api = await browser.newContext({ baseURL: server.baseUrl });
  const list = (await (await api.request.get("/api/v1/products?perPage=100&inStock=true&sort=price-asc")).json()) as {
    items: { slug: string; price: number }[];
  };
  products = [];
  for (const item of list.items.filter((p) => p.price >= 15_000 && p.price <= 100_000)) {
    const detail = (await (await api.request.get(`/api/v1/products/${item.slug}`)).json()) as ProductDetail;
    if (detail.kind === "physical" && detail.variants.length === 1 && (detail.variants[0]?.stock ?? 0) >= 6) products.push(detail);
    if (products.length === 2) break;
  }
  await api.close();
  if (products.length < 2) throw new Error("the demo store has no two suitable products in stock");
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newContext(options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const mobile = options.viewport === MOBILE;
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: "tr-TR",
    colorScheme: "light",
    isMobile: mobile,
    hasTouch: mobile,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return context;
}

async function watch(context: BrowserContext) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  return { page, errors };
}

const headerCount = (page: Page) => page.getByTestId("cart-count").textContent();
const unitPrice = (p: ProductDetail) => p.variants[0]?.price as number;
const variantOf = (p: ProductDetail) => p.variants[0]?.id as string;
const line = (page: Page, p: ProductDetail) => page.locator(`[data-testid="cart-line"][data-variant="${variantOf(p)}"]`);

/** Adds a product from its page with JavaScript and waits for the mini-cart to confirm it. */
async function addFromProductPage(page: Page, p: ProductDetail, quantity = 1) {
  await page.goto(`/urun/${p.slug}`, { waitUntil: "networkidle" });
  for (let i = 1; i < quantity; i++) await page.getByRole("button", { name: "Adedi artır" }).click();
  expect(await page.getByLabel("Adet", { exact: true }).inputValue()).toBe(String(quantity));
  await page.getByTestId("add-to-cart").click();
  const dialog = page.getByRole("dialog", { name: /Sepetim/ });
  await dialog.waitFor();
  await expect.poll(() => dialog.getByRole("status").textContent()).toContain("Ürün sepete eklendi");
  return dialog;
}

describe("cart with JavaScript", () => {
  it("adds two products from their pages, shows the count and the mini-cart, and edits the cart page", async () => {
    const context = await newContext();
    const { page, errors } = await watch(context);
    const [a, b] = products as [ProductDetail, ProductDetail];

    // The product page: quantity + "Sepete ekle" beside the price, the kuponlu badge (demo coupons are store-wide).
    await page.goto(`/urun/${a.slug}`, { waitUntil: "networkidle" });
    expect(await headerCount(page)).toBe("0");
    expect(await page.getByTestId("price-block").getByTestId("coupon-badge").count()).toBe(1);
    expect(await page.getByTestId("product-coupons").textContent()).toContain("HOSGELDIN");
    await shot(page, "cart-product-desktop");

    let dialog = await addFromProductPage(page, a);
    // Focus moves into the dialog; the count follows without a reload.
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await expect.poll(() => headerCount(page)).toBe("1");
    expect(await dialog.textContent()).toContain(a.title);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);

    dialog = await addFromProductPage(page, b, 2);
    await expect.poll(() => headerCount(page)).toBe("3");
    expect(await dialog.getByRole("listitem").count()).toBe(2);
    expect(await page.getByTestId("mini-cart-total").textContent()).toMatch(/₺/);
    await shot(page, "cart-mini-cart-desktop");
    await dialog.getByRole("link", { name: "Sepete git" }).click();
    await page.waitForURL(/\/sepet$/);

    // The cart page: lines, quantity stepper, totals.
    await expect.poll(() => page.getByTestId("cart-line").count()).toBe(2);
    expect(await line(page, b).getByTestId("line-quantity").inputValue()).toBe("2");
    await line(page, a)
      .getByRole("button", { name: `${a.title} adedini artır` })
      .click();
    await expect.poll(() => headerCount(page)).toBe("4");
    await expect.poll(() => line(page, a).getByTestId("line-total").textContent()).toBe(price(unitPrice(a) * 2));
    const subtotal = unitPrice(a) * 2 + unitPrice(b) * 2;
    await expect.poll(() => page.getByTestId("subtotal").textContent()).toBe(price(subtotal));

    // Typing a quantity and leaving the field saves it.
    const field = line(page, b).getByTestId("line-quantity");
    await field.fill("3");
    await field.press("Tab");
    await expect.poll(() => headerCount(page)).toBe("5");
    await field.fill("2");
    await field.press("Enter");
    await expect.poll(() => headerCount(page)).toBe("4");

    // A coupon that does not exist is refused in place; HOSGELDIN (%10, at most 300 ₺) takes its share off.
    const coupon = page.getByLabel("Kupon kodu");
    await coupon.fill("yokboyle");
    await page.getByRole("button", { name: "Uygula" }).click();
    await expect.poll(() => page.getByTestId("coupon-box").getByRole("alert").textContent()).toContain("Böyle bir kupon bulunamadı");
    await coupon.fill("hosgeldin");
    await page.getByRole("button", { name: "Uygula" }).click();
    await expect.poll(() => page.getByTestId("applied-coupon").textContent()).toContain("HOSGELDIN");
    const discount = Math.min(percentOf(subtotal, 10), 30_000);
    await expect.poll(() => page.getByTestId("discount").textContent()).toBe(`−${price(discount)}`);
    const shipping = (await page.getByTestId("shipping").textContent()) ?? "";
    const shippingMinor = shipping === "Ücretsiz" ? 0 : Math.round(Number(shipping.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
    expect(await page.getByTestId("cart-total").textContent()).toBe(price(subtotal - discount + shippingMinor));
    expect(await page.getByText("KDV dahil").first().isVisible()).toBe(true);
    expect(await page.getByTestId("checkout").getAttribute("href")).toBe("/odeme");
    await shot(page, "cart-page-desktop", true);

    // Removing a line: it leaves at once, the count and totals follow.
    await line(page, b)
      .getByRole("button", { name: `${b.title} ürününü sepetten çıkar` })
      .click();
    await expect.poll(() => page.getByTestId("cart-line").count()).toBe(1);
    await expect.poll(() => headerCount(page)).toBe("2");
    await expect.poll(() => page.getByTestId("subtotal").textContent()).toBe(price(unitPrice(a) * 2));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("cart without JavaScript", () => {
  it("adds from the product page, then changes the quantity and refuses a bad coupon with plain forms", async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const [a] = products as [ProductDetail];
    await page.goto(`/urun/${a.slug}`);
    await page.getByLabel("Adet", { exact: true }).fill("2");
    await page.getByTestId("add-to-cart").click();
    await page.waitForURL(/\/sepet\?islem=add/);
    expect(await page.getByRole("status").filter({ hasText: "Ürün sepete eklendi." }).count()).toBe(1);
    expect(await headerCount(page)).toBe("2");
    expect(await line(page, a).getByTestId("line-quantity").inputValue()).toBe("2");

    await line(page, a)
      .getByRole("button", { name: `${a.title} adedini artır` })
      .click();
    await page.waitForURL(/\/sepet\?islem=set/);
    expect(await line(page, a).getByTestId("line-quantity").inputValue()).toBe("3");
    expect(await headerCount(page)).toBe("3");

    await page.getByLabel("Kupon kodu").fill("YOKBOYLE");
    await page.getByRole("button", { name: "Uygula" }).click();
    await page.waitForURL(/hata=coupon-unknown/);
    expect(await page.getByTestId("coupon-box").getByRole("alert").textContent()).toContain("YOKBOYLE: Böyle bir kupon bulunamadı");

    await line(page, a)
      .getByRole("button", { name: `${a.title} ürününü sepetten çıkar` })
      .click();
    await page.waitForURL(/\/sepet\?islem=remove/);
    expect(await page.getByTestId("cart-empty").count()).toBe(1);
    expect(await headerCount(page)).toBe("0");
    await context.close();
  });
});

describe("guest cart across a browser restart and sign-in", () => {
  it("keeps the guest cart in its cookie after a restart and merges it into the customer's cart at sign-in", async () => {
    const [, b] = products as [ProductDetail, ProductDetail];
    const first = await newContext();
    const { page } = await watch(first);
    await addFromProductPage(page, b, 2);
    await expect.poll(() => headerCount(page)).toBe("2");
    const cookie = (await first.cookies()).find((c) => c.name === "kv_cart");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
    const state = await first.storageState();
    await first.close();

    // A new browser process with the saved profile: the cart is still there.
    const restarted = await launchBrowser();
    try {
      const context = await restarted.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, storageState: state });
      const again = await context.newPage();
      await again.goto("/sepet");
      expect(await headerCount(again)).toBe("2");
      expect(await line(again, b).getByTestId("line-quantity").inputValue()).toBe("2");

      // Sign in as the demo customer: the guest lines move into the customer's cart.
      const before = await customerCart();
      await again.goto("/giris?next=%2Fsepet");
      await again.getByLabel("E-posta adresi").fill(CUSTOMER_EMAIL);
      await again.getByLabel("Şifre", { exact: true }).fill(server.admin?.password as string);
      await again.getByRole("button", { name: "Giriş yap" }).click();
      await again.waitForURL(/\/sepet$/);
      await expect.poll(() => headerCount(again)).toBe(String(before.units + 2));
      expect(await line(again, b).getByTestId("line-quantity").inputValue()).toBe(String((before.byVariant.get(variantOf(b)) ?? 0) + 2));
      expect((await context.cookies()).some((c) => c.name === "kv_cart")).toBe(false);
      await context.close();
    } finally {
      await restarted.close();
    }
  });
});

/** The demo customer's cart now (a separate signed-in API session, which merges nothing). */
async function customerCart(): Promise<{ units: number; byVariant: Map<string, number> }> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const res = await context.request.post("/api/auth/sign-in/email", {
      headers: { origin: server.baseUrl },
      data: { email: CUSTOMER_EMAIL, password: server.admin?.password },
    });
    if (!res.ok()) throw new Error(`customer sign-in failed: ${res.status()} ${await res.text()}`);
    const cart = (await (await context.request.get("/api/v1/cart")).json()) as { lines: { variantId: string; quantity: number }[] };
    return {
      units: cart.lines.reduce((n, l) => n + l.quantity, 0),
      byVariant: new Map(cart.lines.map((l) => [l.variantId, l.quantity])),
    };
  } finally {
    await context.close();
  }
}

describe("coupons and deals", () => {
  it("lists public coupons; a signed-in customer collects one into Kuponlarım and applies it to the cart", async () => {
    const context = await newContext();
    const { page, errors } = await watch(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
    await page.goto("/kuponlar", { waitUntil: "networkidle" });
    const card = page.locator('[data-testid="coupon-card"][data-code="KARGOBEDAVA"]');
    expect(await card.textContent()).toContain("150 ₺ ve üzeri alışverişte");
    expect(await page.locator('[data-testid="coupon-card"][data-code="HOSGELDIN"]').textContent()).toMatch(/%10/);
    await card.getByRole("button", { name: "KARGOBEDAVA kodunu kopyala" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("KARGOBEDAVA");
    expect(await card.getByRole("link", { name: "Giriş yap, kuponu al" }).getAttribute("href")).toBe("/giris?next=%2Fkuponlar");
    await shot(page, "cart-coupons-desktop", true);

    await page.goto("/giris?next=%2Fkuponlar");
    await page.getByLabel("E-posta adresi").fill(CUSTOMER_EMAIL);
    await page.getByLabel("Şifre", { exact: true }).fill(server.admin?.password as string);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await page.waitForURL(/\/kuponlar$/);
    await card.getByRole("button", { name: /Kuponu al/ }).click();
    await expect.poll(() => card.getByTestId("coupon-collected").count()).toBe(1);
    await page.reload();
    const mine = page.getByTestId("my-coupons");
    expect(await mine.locator('[data-code="KARGOBEDAVA"]').count()).toBe(1);

    // Something worth 150 ₺ or more in the cart, then "Sepete uygula" from the wallet: shipping is free.
    const [, b] = products as [ProductDetail, ProductDetail];
    await addFromProductPage(page, b, 2);
    await page.goto("/kuponlar", { waitUntil: "networkidle" });
    await mine.locator('[data-code="KARGOBEDAVA"]').getByRole("button", { name: "Sepete uygula" }).click();
    await expect.poll(() => mine.getByTestId("coupon-applied").count()).toBe(1);
    await page.goto("/sepet", { waitUntil: "networkidle" });
    expect(await page.getByTestId("applied-coupon").filter({ hasText: "KARGOBEDAVA" }).count()).toBe(1);
    expect(await page.getByTestId("shipping").textContent()).toBe("Ücretsiz");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lists only discounted products on the deals page, with the kuponlu badge", async () => {
    const context = await newContext();
    const { page, errors } = await watch(context);
    await page.goto("/indirimli-urunler", { waitUntil: "networkidle" });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("İndirimli ürünler");
    const cards = page.locator("main article");
    const n = await cards.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) expect(await cards.nth(i).locator("s, .line-through").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("coupon-badge").count()).toBe(n);
    await shot(page, "cart-deals-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("mobile", () => {
  it("adds from the buy bar, opens the cart drawer, and lays out the cart, coupons and deals pages", async () => {
    const context = await newContext({ viewport: MOBILE });
    const { page, errors } = await watch(context);
    const [a] = products as [ProductDetail];
    await page.goto(`/urun/${a.slug}`, { waitUntil: "networkidle" });
    await shot(page, "cart-product-mobile");
    // The bar fixed to the bottom repeats price and button on phones.
    await page.getByTestId("buy-bar-add").click();
    const dialog = page.getByRole("dialog", { name: /Sepetim/ });
    await dialog.waitFor();
    await expect.poll(() => headerCount(page)).toBe("1");
    await page.waitForTimeout(300);
    await shot(page, "cart-mini-cart-mobile");
    await dialog.getByRole("button", { name: "Sepeti kapat" }).click();
    // The header button opens it again (and loads the cart).
    await page.getByRole("button", { name: /Sepetim: Sepetinizde 1 ürün var/ }).click();
    await expect.poll(() => dialog.getByRole("listitem").count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.goto("/sepet", { waitUntil: "networkidle" });
    await shot(page, "cart-page-mobile", true);
    await page.goto("/kuponlar", { waitUntil: "networkidle" });
    await shot(page, "cart-coupons-mobile", true);
    await page.goto("/indirimli-urunler", { waitUntil: "networkidle" });
    await shot(page, "cart-deals-mobile");
    expect(errors).toEqual([]);
    await context.close();
  });
});
