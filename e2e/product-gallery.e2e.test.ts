// The product page in Chromium with real uploads: the admin uploads three images and an ffmpeg
// `testsrc` video through the media API and creates a product with Renk × Beden variants; then the
// gallery (thumbnails, hover zoom, full-screen modal with keys, buttons and the video via native
// HLS and via hls.js), mobile swipe, the variant selector (price, stock, SKU, image, `?v=` in the
// URL, with and without JavaScript) and the SEO tags — plus design-review screenshots.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProductDetail } from "../src/modules/catalog/types.ts";
import { formatMoney } from "../src/platform/money.ts";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, screenshotDir } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let product: ProductDetail;
let work: string;

const price = (minor: number) => formatMoney(minor, "TRY");

/** A 1600 px product photo stand-in with detail worth zooming into (stripes, a grid, a label). */
async function productImage(hue: string, label: string): Promise<Buffer> {
  const size = 1600;
  const stripes = Array.from(
    { length: 16 },
    (_, i) => `<rect x="${i * 100}" y="0" width="50" height="${size}" fill="${hue}" opacity="0.18"/>`,
  ).join("");
  const grid = Array.from({ length: 8 }, (_, i) =>
    Array.from(
      { length: 8 },
      (_, j) => `<circle cx="${400 + i * 110}" cy="${400 + j * 110}" r="${18 + ((i + j) % 4) * 6}" fill="${hue}"/>`,
    ).join(""),
  ).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="#f6f4ef"/>${stripes}
    <rect x="300" y="300" width="1000" height="1000" rx="60" fill="white" stroke="${hue}" stroke-width="12"/>${grid}
    <text x="800" y="1460" font-family="sans-serif" font-size="110" font-weight="700" text-anchor="middle" fill="#1f2933">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

async function upload(request: APIRequestContext, name: string, mimeType: string, buffer: Buffer): Promise<{ id: string; status: string }> {
  const res = await request.post("/api/admin/media", {
    multipart: { file: { name, mimeType, buffer }, alt: name.replace(/\.\w+$/, "") },
    headers: { origin: server.baseUrl },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; status: string };
}

async function poll<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  server = await launchServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), "kervan-gallery-"));
  if (!server.admin) throw new Error(`the server did not print the demo admin's credentials:\n${server.output()}`);

  admin = await browser.newContext({ baseURL: server.baseUrl });
  const signIn = await admin.request.post("/api/auth/sign-in/email", {
    data: { email: server.admin.email, password: server.admin.password },
    headers: { origin: server.baseUrl },
  });
  expect(signIn.status()).toBe(200);

  const images = [];
  for (const [hue, label] of [
    ["#111827", "SİYAH ÖN"],
    ["#2563eb", "BEYAZ ÖN"],
    ["#b45309", "DETAY"],
  ] as const) {
    images.push(
      await upload(admin.request, `${label.toLowerCase().replace(/\s/g, "-")}.jpg`, "image/jpeg", await productImage(hue, label)),
    );
  }
  const mp4 = path.join(work, "tanitim.mp4");
  execFileSync("ffmpeg", [
    ...["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=4:size=640x360:rate=25"],
    ...["-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", mp4],
  ]);
  const video = await upload(admin.request, "tanitim.mp4", "video/mp4", readFileSync(mp4));
  await poll("the video job", async () => {
    const res = await admin.request.get(`/api/admin/media/${video.id}`);
    const asset = (await res.json()) as { status: string; error: string | null };
    if (asset.status === "failed" || asset.status === "original") throw new Error(`video ${asset.status}: ${asset.error}`);
    return asset.status === "ready" ? asset : null;
  });

  const created = await admin.request.post("/api/admin/products", {
    headers: { origin: server.baseUrl },
    data: {
      title: "Galeri Test Tişörtü",
      status: "active",
      description: "<p>Yumuşak <strong>penye</strong> kumaş.</p><ul><li>%100 pamuk</li><li>Normal kalıp</li></ul>",
      tags: ["tişört", "pamuklu"],
      specs: [
        { name: "Materyal", value: "Pamuk" },
        { name: "Kalıp", value: "Normal" },
      ],
      options: [
        { name: "Renk", values: ["Siyah", "Beyaz"] },
        { name: "Beden", values: ["S", "M"] },
      ],
      variants: [
        {
          options: { Renk: "Siyah", Beden: "S" },
          sku: "GT-SYH-S",
          price: 19990,
          compareAtPrice: 29990,
          stock: 5,
          mediaIndex: 0,
          weightGrams: 250,
          desi: 1,
        },
        { options: { Renk: "Siyah", Beden: "M" }, sku: "GT-SYH-M", price: 24990, stock: 3, mediaIndex: 0, weightGrams: 270, desi: 1 },
        { options: { Renk: "Beyaz", Beden: "S" }, sku: "GT-BYZ-S", price: 21990, stock: 2, mediaIndex: 1, weightGrams: 250, desi: 1 },
        { options: { Renk: "Beyaz", Beden: "M" }, sku: "GT-BYZ-M", price: 21990, stock: 0, mediaIndex: 1, weightGrams: 270, desi: 1 },
      ],
      media: [...images.map((i) => ({ assetId: i.id })), { assetId: video.id }],
    },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const { slug } = (await created.json()) as { slug: string };
  product = await poll("the product in the read model", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/products/${slug}`);
    if (res.status !== 200) return null;
    const detail = (await res.json()) as ProductDetail;
    return detail.images.length === 3 && detail.video && detail.variants.length === 4 ? detail : null;
  });
}, 300_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(options: { mobile?: boolean; search?: string; javaScript?: boolean; colorScheme?: "light" | "dark" } = {}) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: options.mobile ? MOBILE : DESKTOP,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? "light",
    locale: "tr-TR",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto(`/urun/${product.slug}${options.search ?? ""}`, { waitUntil: "networkidle" });
  return { context, page, errors };
}

const variant = (sku: string) => {
  const found = product.variants.find((v) => v.sku === sku);
  if (!found) throw new Error(`no variant ${sku}`);
  return found;
};

/** The media asset an image URL belongs to: its folder (`/media/tenants/<t>/media/<asset>/…`), whatever the width or format. */
const imageKey = (url: string) => new URL(url, server.baseUrl).pathname.replace(/\/[^/]*$/, "");

/** The image actually painted at the centre of the main gallery. */
async function mainImageUrl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('[data-testid="gallery-main"]') as HTMLElement;
    const box = main.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit instanceof HTMLImageElement ? hit.currentSrc : `not an image: ${hit?.outerHTML.slice(0, 120)}`;
  });
}

/** Waits until every image in the viewport has loaded (lazy ones included), for screenshots. */
async function imagesLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.images].every((img) => {
      const r = img.getBoundingClientRect();
      const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0;
      return !onScreen || (img.complete && img.naturalWidth > 0);
    }),
  );
}

const counter = (page: Page) =>
  page
    .getByTestId("gallery-counter")
    .textContent()
    .then((t) => t?.replace(/\s+/g, " ").trim());

describe("product gallery", () => {
  it("switches the main image with the thumbnails", async () => {
    const { context, page, errors } = await open();
    const thumbs = page.getByTestId("product-gallery").locator("ul[aria-label] button");
    expect(await thumbs.count()).toBe(4);
    expect(imageKey(await mainImageUrl(page))).toBe(imageKey(product.images[0]?.src ?? ""));
    expect(await thumbs.nth(0).getAttribute("aria-current")).toBe("true");

    await thumbs.nth(2).click();
    await expect.poll(() => mainImageUrl(page).then(imageKey)).toBe(imageKey(product.images[2]?.src ?? ""));
    expect(await thumbs.nth(2).getAttribute("aria-current")).toBe("true");
    expect(await thumbs.nth(0).getAttribute("aria-current")).toBeNull();

    // The video thumbnail carries a play mark and shows the poster in the main area.
    await page.getByTestId("thumb-video").click();
    await expect.poll(() => page.getByTestId("gallery-main").getAttribute("data-index")).toBe("3");
    expect(await page.getByTestId("thumb-video").locator("svg").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a zoom pane beside the image that follows the pointer", async () => {
    const { context, page, errors } = await open();
    const main = page.getByTestId("gallery-main");
    const box = await main.boundingBox();
    if (!box) throw new Error("no main image");
    expect(await page.getByTestId("zoom-pane").count()).toBe(0);

    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    const pane = page.getByTestId("zoom-pane");
    await pane.waitFor();
    const paneBox = await pane.boundingBox();
    if (!paneBox) throw new Error("no zoom pane");
    // Beside the gallery, to the right, over the info column, as tall as the image.
    expect(paneBox.x).toBeGreaterThanOrEqual(box.x + box.width);
    expect(Math.abs(paneBox.y - box.y)).toBeLessThan(3);
    expect(paneBox.width).toBeGreaterThan(300);
    const paneImage = pane.locator("img");
    await expect.poll(() => paneImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(800);
    expect(imageKey(await paneImage.evaluate((img: HTMLImageElement) => img.currentSrc))).toBe(imageKey(product.images[0]?.src ?? ""));

    const lens = page.getByTestId("zoom-lens");
    const read = async () => ({
      lens: await lens.boundingBox(),
      transform: await paneImage.evaluate((img: HTMLImageElement) => new DOMMatrix(getComputedStyle(img).transform)),
    });
    const first = await read();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.65, { steps: 5 });
    await expect.poll(async () => (await lens.boundingBox())?.x).toBeGreaterThan((first.lens?.x ?? 0) + 20);
    const second = await read();
    // Moving right and down shows an area further right and down: the image shifts left and up.
    expect(second.transform.m41).toBeLessThan(first.transform.m41 - 50);
    expect(second.transform.m42).toBeLessThan(first.transform.m42 - 50);
    expect((second.lens?.y ?? 0) - (first.lens?.y ?? 0)).toBeGreaterThan(20);
    // The lens covers the part of the image the pane shows (pane = lens × zoom).
    const zoom = paneBox.width / (second.lens?.width ?? 1);
    expect(zoom).toBeGreaterThan(2);
    expect(Math.abs(-second.transform.m41 - ((second.lens?.x ?? 0) - box.x) * zoom)).toBeLessThan(zoom * 3);

    await imagesLoaded(page);
    await page.screenshot({ path: path.join(screenshotDir, "product-zoom-desktop-light.png") });
    await page.mouse.move(box.x + box.width + 400, box.y - 100);
    await expect.poll(() => page.getByTestId("zoom-pane").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens the full-screen gallery, navigates with keys and buttons, and closes with Escape", async () => {
    const { context, page, errors } = await open();
    const dialog = page.getByTestId("gallery-modal");
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);

    await page.getByTestId("gallery-main").click({ position: { x: 200, y: 200 } });
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open && d.matches(":modal"))).toBe(true);
    expect(await counter(page)).toBe("Görsel 1 / 4");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page)).toBe("Görsel 2 / 4");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page)).toBe("Görsel 3 / 4");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => counter(page)).toBe("Görsel 2 / 4");
    await dialog.getByRole("button", { name: "Sonraki görsel" }).click();
    await expect.poll(() => counter(page)).toBe("Görsel 3 / 4");
    await dialog.getByRole("button", { name: "Önceki görsel" }).click();
    await dialog.getByRole("button", { name: "Önceki görsel" }).click();
    await expect.poll(() => counter(page)).toBe("Görsel 1 / 4");
    // The slide on screen is the image the counter names.
    const shown = () =>
      dialog
        .locator('[data-active="true"] img')
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc);
    await expect.poll(() => shown().then((src) => (src ? imageKey(src) : ""))).toBe(imageKey(product.images[0]?.src ?? ""));
    await dialog.getByRole("button", { name: "Sonraki görsel" }).click();
    await expect.poll(() => shown().then((src) => (src ? imageKey(src) : ""))).toBe(imageKey(product.images[1]?.src ?? ""));
    await imagesLoaded(page);
    await page.screenshot({ path: path.join(screenshotDir, "product-modal-desktop-light.png") });

    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    // The page shows the slide the gallery was closed on.
    expect(await page.getByTestId("gallery-main").getAttribute("data-index")).toBe("1");

    // Opened from the keyboard, focus stays inside while open and comes back on close.
    const enlarge = page.getByRole("button", { name: "Görseli büyüt" });
    await enlarge.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Görseli büyüt");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("plays the video slide muted (native HLS where the browser has it)", async () => {
    const { context, page, errors } = await open();
    await page.getByTestId("gallery-main").click({ position: { x: 200, y: 200 } });
    const dialog = page.getByTestId("gallery-modal");
    await page.keyboard.press("End");
    await expect.poll(() => counter(page)).toBe("Görsel 4 / 4");
    const video = dialog.getByTestId("gallery-video");
    expect(await video.getAttribute("poster")).toBeTruthy();
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime === 0)).toBe(true);
    await dialog.getByRole("button", { name: "Videoyu oynat" }).click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    const src = await video.evaluate((v: HTMLVideoElement) => v.currentSrc);
    expect(src).toBe(new URL(product.video?.hls ?? "missing", server.baseUrl).href);
    // The player has the focus now (its arrow keys seek); leaving the slide pauses it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("VIDEO");
    await dialog.getByTestId("thumb").first().click();
    await expect.poll(() => counter(page)).toBe("Görsel 1 / 4");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("plays the video with hls.js, loaded on demand, where the browser has no native HLS", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, locale: "tr-TR" });
    await context.addInitScript(() => {
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    const scripts: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script") scripts.push(req.url());
    });
    await page.goto(`/urun/${product.slug}`, { waitUntil: "networkidle" });
    expect(scripts.some((url) => /hls/i.test(url))).toBe(false);

    // Opening the gallery on the video (its thumbnail, then the main area) starts it at once, muted.
    await page.getByTestId("thumb-video").click();
    await page.getByTestId("gallery-main").click({ position: { x: 200, y: 200 } });
    const video = page.getByTestId("gallery-modal").getByTestId("gallery-video");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/^blob:/);
    // …on screen: the gallery opened on the video slide.
    expect(await counter(page)).toBe("Görsel 4 / 4");
    const shown = await video.boundingBox();
    expect(shown && shown.x >= 0 && shown.x + shown.width <= DESKTOP.width && shown.width > 300).toBe(true);
    expect(scripts.some((url) => /hls/i.test(url))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("swipes the main image on a phone, with a counter and no zoom", async () => {
    const { context, page, errors } = await open({ mobile: true });
    const main = page.getByTestId("gallery-main");
    const box = await main.boundingBox();
    if (!box) throw new Error("no main image");
    // A real touch swipe from right to left (the browser scrolls the snap track itself).
    const cdp = await context.newCDPSession(page);
    const y = box.y + box.height / 2;
    let x = box.x + box.width * 0.85;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let i = 0; i < 10; i++) {
      x -= box.width * 0.06;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
      await page.waitForTimeout(16);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(() => main.getAttribute("data-index")).toBe("1");
    expect(await page.getByText("2 / 4", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId("zoom-pane").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("saves desktop and mobile, light and dark screenshots of the page", async () => {
    for (const [device, mobile] of [
      ["desktop", false],
      ["mobile", true],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const { context, page, errors } = await open({ mobile, colorScheme: scheme });
        // A viewport as tall as the page rather than `fullPage`: Chromium's full-page capture can
        // paint lazily decoded thumbnails blank.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: (mobile ? MOBILE : DESKTOP).width, height });
        await imagesLoaded(page);
        await page.screenshot({ path: path.join(screenshotDir, `product-${device}-${scheme}.png`) });
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  });
});

describe("variant selector", () => {
  const priceText = (page: Page) => page.getByTestId("price-block").textContent();

  it("starts on the cheapest variant in stock and updates price, stock, SKU, image and ?v=", async () => {
    const { context, page, errors } = await open();
    const cheapest = variant("GT-SYH-S");
    expect(await priceText(page)).toContain(price(19990));
    expect(await priceText(page)).toContain(price(29990));
    expect(await priceText(page)).toContain("%33");
    expect(await page.getByTestId("variant-sku").textContent()).toBe("GT-SYH-S");
    expect(page.url()).not.toContain("v=");

    const selector = page.getByTestId("variant-selector");
    await selector.getByRole("button", { name: "M", exact: true }).click();
    await expect.poll(() => priceText(page)).toContain(price(24990));
    expect(await priceText(page)).not.toContain(price(29990));
    await expect.poll(() => new URL(page.url()).searchParams.get("v")).toBe(variant("GT-SYH-M").id);
    await expect.poll(() => page.getByTestId("variant-sku").textContent()).toBe("GT-SYH-M");
    await expect.poll(() => selector.getByRole("button", { name: "M", exact: true }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.getByTestId("stock-status").textContent()).toContain("Son 3 ürün");

    // Beyaz/M is sold out: struck through, and choosing it says so.
    const beyaz = selector.getByRole("button", { name: /^Beyaz/ });
    expect(await beyaz.getAttribute("title")).toContain("tükendi");
    await beyaz.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("v")).toBe(variant("GT-BYZ-M").id);
    await expect.poll(() => page.getByTestId("stock-status").textContent()).toContain("Tükendi");
    // …and the main image is that colour's.
    await expect.poll(() => mainImageUrl(page).then(imageKey)).toBe(imageKey(product.images[1]?.src ?? ""));
    await selector.getByRole("button", { name: "S", exact: true }).click();
    await expect.poll(() => priceText(page)).toContain(price(21990));
    await expect.poll(() => page.getByTestId("stock-status").textContent()).toContain("Son 2 ürün");
    expect(cheapest.id).not.toBe(new URL(page.url()).searchParams.get("v"));
    expect(errors).toEqual([]);

    // The URL is shareable: a fresh visit (server-rendered) shows the same variant.
    const shared = page.url();
    const res = await fetch(shared);
    const html = await res.text();
    expect(html).toContain(price(21990));
    expect(html).toContain("GT-BYZ-S");
    expect(html).toContain(`<link rel="canonical" href="${server.baseUrl}/urun/${product.slug}"/>`);
    await context.close();
  });

  it("works without JavaScript: the option buttons submit a GET form", async () => {
    const { context, page } = await open({ javaScript: false });
    expect(await priceText(page)).toContain(price(19990));
    await page.getByTestId("variant-selector").getByRole("button", { name: "M", exact: true }).click();
    await page.waitForURL(/[?&]v=/);
    expect(new URL(page.url()).searchParams.get("v")).toBe(variant("GT-SYH-M").id);
    expect(await priceText(page)).toContain(price(24990));
    await context.close();

    // A shared link to another colour opens on that colour's image, even before any script runs.
    const beyaz = await open({ javaScript: false, search: `?v=${variant("GT-BYZ-S").id}` });
    expect(await priceText(beyaz.page)).toContain(price(21990));
    await expect.poll(() => mainImageUrl(beyaz.page).then(imageKey)).toBe(imageKey(product.images[1]?.src ?? ""));
    await beyaz.context.close();
  });

  it("sends the shopper to the seller for an external product", async () => {
    const created = await admin.request.post("/api/admin/products", {
      headers: { origin: server.baseUrl },
      data: {
        title: "Satıcıda Satılan Çanta",
        status: "active",
        kind: "external",
        externalUrl: "https://satici.example.com/canta?ref=kervan",
        variants: [{ price: 45000, stock: 10 }],
      },
    });
    expect(created.status(), await created.text()).toBeLessThan(300);
    const { slug } = (await created.json()) as { slug: string };
    await poll("the external product", async () => ((await fetch(`${server.baseUrl}/api/v1/products/${slug}`)).ok ? true : null));
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, locale: "tr-TR" });
    const page = await context.newPage();
    await page.goto(`/urun/${slug}`);
    const buy = page.getByRole("link", { name: /Satıcının sitesinde satın al/ });
    expect(await buy.getAttribute("href")).toBe(`/urun/${slug}/git`);
    expect(await buy.getAttribute("target")).toBe("_blank");
    expect((await buy.getAttribute("rel"))?.split(" ").sort()).toEqual(["noopener", "nofollow", "sponsored"].sort());
    // No order-by-contact box and no returns promise: the seller sells it, elsewhere.
    expect(await page.locator("main").getByText("Online sipariş çok yakında").count()).toBe(0);
    expect(await page.locator("main").getByText("14 gün içinde cayma hakkı").count()).toBe(0);
    // The link is the counted redirect to the seller.
    const go = await fetch(`${server.baseUrl}/urun/${slug}/git`, { redirect: "manual" });
    expect(go.headers.get("location")).toBe("https://satici.example.com/canta?ref=kervan");
    await context.close();
  });

  it("renders SEO tags and Product JSON-LD with an AggregateOffer and a BreadcrumbList", async () => {
    const res = await fetch(`${server.baseUrl}/urun/${product.slug}`);
    const html = await res.text();
    expect(html).toContain('<meta property="og:type" content="product"/>');
    expect(html).toContain('<meta property="product:price:amount" content="199.90"/>');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "{}"));
    const ld = blocks.find((b) => b["@type"] === "Product");
    expect(ld).toMatchObject({
      name: "Galeri Test Tişörtü",
      offers: { "@type": "AggregateOffer", lowPrice: "199.90", highPrice: "249.90", offerCount: 4 },
    });
    expect(ld.image).toHaveLength(3);
    expect(ld.offers.offers.map((o: { sku: string }) => o.sku).sort()).toEqual(["GT-BYZ-M", "GT-BYZ-S", "GT-SYH-M", "GT-SYH-S"]);
    expect(blocks.some((b) => b["@type"] === "BreadcrumbList")).toBe(true);
    // The specifications, the description's HTML and the tags are on the page.
    expect(html).toContain("<strong>penye</strong>");
    expect(html).toMatch(/Materyal<\/dt><dd[^>]*>Pamuk/);
    expect(html).toContain(`href="/ara?q=${encodeURIComponent("tişört")}"`);
  });
});
