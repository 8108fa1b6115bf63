// The media library in admin against the real server: an upload with its progress bar, a crop
// for the home banner whose stored variants have the preset's 3:1 ratio, the storage bar growing
// by exactly the stored bytes and shrinking back after deletion, the refusal of a file that is not
// what its name says, the "in use" refusal — plus light/dark, desktop/mobile screenshots.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MediaAsset, MediaPage, MediaUsage } from "../src/web/services/media.ts";
import {
  adminSession,
  DESKTOP,
  launchBrowser,
  launchServer,
  MOBILE,
  type RunningServer,
  type StorageState,
  screenshotDir,
  startServer,
} from "./server.ts";

let server: RunningServer;
let browser: Browser;
let session: StorageState;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  session = await adminSession(browser, server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function newContext(options: { viewport?: { width: number; height: number }; colorScheme?: "light" | "dark" } = {}) {
  return browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? "light",
    baseURL: server.baseUrl,
    storageState: session,
  });
}

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

const usage = (page: Page) => json<MediaUsage>(page, "/api/admin/media/usage");

async function fetchBytes(page: Page, url: string): Promise<Buffer> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return res.body();
}

/** A photo-like JPEG: big enough (noise does not compress) for the upload to take a while when throttled. */
function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#7a8", noise: { type: "gaussian", mean: 128, sigma: 50 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A product-like picture for the screenshots: a coloured scene with a few shapes. */
function scene(hue: number, label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},65%,40%)"/>
    </linearGradient></defs>
    <rect width="1600" height="1000" fill="url(#g)"/>
    <circle cx="1150" cy="420" r="260" fill="hsl(${(hue + 180) % 360},70%,60%)" opacity="0.85"/>
    <rect x="220" y="300" width="520" height="420" rx="48" fill="white" opacity="0.8"/>
    <text x="250" y="880" font-family="sans-serif" font-size="96" font-weight="700" fill="white">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** A 3-second test-card MP4 made with ffmpeg. */
function clip(): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "kervan-clip-"));
  try {
    const file = path.join(dir, "clip.mp4");
    execFileSync("ffmpeg", [
      "-y",
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=640x360:rate=25",
      "-t",
      "3",
      "-pix_fmt",
      "yuv420p",
      file,
    ]);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function meterValue(page: Page): Promise<number> {
  return Number(await page.getByRole("meter", { name: "Depolama alanı" }).getAttribute("aria-valuenow"));
}

describe("media library", () => {
  it("uploads with progress, crops for the home banner at 3:1, and the storage bar follows the stored bytes", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto("/admin/medya");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Medya kütüphanesi");
    const before = await usage(page);
    expect(await meterValue(page)).toBe(before.totalBytes);

    // a slow uplink, so that the progress bar is seen moving
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    });
    const photo = await noisyJpeg(1800, 1200);
    await page.getByTestId("media-file-input").setInputFiles({ name: "vitrin-banner.jpg", mimeType: "image/jpeg", buffer: photo });
    const progress = page.getByRole("progressbar", { name: /vitrin-banner\.jpg/ });
    await progress.waitFor({ timeout: 10_000 });
    // read the bar while it is there: it must be seen partway (neither 0 nor 100)
    const seen: number[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const value = await progress.getAttribute("aria-valuenow", { timeout: 500 }).catch(() => null);
      if (value === null) break;
      seen.push(Number(value));
      if (seen.some((v) => v > 0 && v < 100)) break;
      await page.waitForTimeout(100);
    }
    expect(
      seen.some((v) => v > 0 && v < 100),
      `progress values seen: ${seen.join(", ")}`,
    ).toBe(true);

    // the crop dialog opens by itself once the image is stored
    const dialog = page.getByRole("dialog", { name: "Görseli kırp" });
    await dialog.waitFor({ timeout: 90_000 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByTestId("upload-item").filter({ hasText: "vitrin-banner.jpg" }).and(page.locator("[data-state='done']")).waitFor();

    const banner = dialog.getByRole("radio", { name: /Ana sayfa banner/ });
    await banner.click();
    expect(await banner.getAttribute("aria-checked")).toBe("true");
    // keyboard: zoom in with "+" and move with the arrows while the crop area has the focus
    await dialog.getByRole("group", { name: "Kırpma alanı" }).focus();
    await page.keyboard.press("+");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowUp");
    const resultText = async () => (await dialog.getByTestId("crop-result").textContent()) ?? "";
    await expect.poll(resultText).toMatch(/^\d+ × \d+ px$/);
    const [shownWidth, shownHeight] = (await resultText()).match(/\d+/g)?.map(Number) ?? [];
    expect(Math.abs((shownWidth as number) - 3 * (shownHeight as number))).toBeLessThanOrEqual(3);
    expect(shownWidth).toBeLessThan(1800); // zoomed in

    await dialog.getByRole("button", { name: "Ana sayfa banner için kaydet" }).click();
    await dialog.getByText(/Ana sayfa banner kırpması kaydedildi/).waitFor();
    await dialog.getByTestId("saved-renditions").locator("[data-preset='home-banner']").waitFor();

    const found = await json<MediaPage>(page, "/api/admin/media?q=vitrin-banner");
    expect(found.items).toHaveLength(1);
    const asset = found.items[0] as MediaAsset;
    const rendition = asset.renditions.find((r) => r.preset === "home-banner");
    expect(rendition, JSON.stringify(asset.renditions)).toBeDefined();
    if (!rendition) return;
    // the crop sent was the one shown, in original pixels, with the preset's ratio
    expect([rendition.crop.width, rendition.crop.height]).toEqual([shownWidth, shownHeight]);
    expect(Math.abs(rendition.crop.height - rendition.crop.width / 3)).toBeLessThanOrEqual(1);
    expect(rendition.variants.length).toBeGreaterThanOrEqual(3);
    // every stored variant really is 3:1 (read back from the files, not from the JSON)
    let storedBytes = (await fetchBytes(page, asset.originalUrl)).length;
    for (const r of asset.renditions) {
      for (const variant of r.variants) {
        const file = await fetchBytes(page, variant.url);
        storedBytes += file.length;
        if (r.preset !== "home-banner") continue;
        const meta = await sharp(file).metadata();
        expect(meta.format).toBe(variant.format === "jpeg" ? "jpeg" : variant.format === "webp" ? "webp" : "heif");
        expect(meta.width).toBe(variant.width);
        expect(
          Math.abs((meta.height as number) - (meta.width as number) / 3),
          `${variant.url}: ${meta.width}×${meta.height}`,
        ).toBeLessThanOrEqual(1);
      }
    }
    // the asset counts exactly what is stored, and the bar grew by exactly that
    expect(asset.bytes).toBe(storedBytes);
    await dialog.getByRole("button", { name: "Tamam" }).click();
    const after = await usage(page);
    expect(after.totalBytes - before.totalBytes).toBe(asset.bytes);
    expect(after.byKind.image.count).toBe(before.byKind.image.count + 1);
    await expect.poll(() => meterValue(page)).toBe(after.totalBytes);

    // delete it from its details: the bar shrinks back
    await page.getByTestId("media-item").filter({ hasText: "vitrin-banner.jpg" }).getByRole("button").click();
    const details = page.getByRole("dialog", { name: "vitrin-banner.jpg" });
    await details.getByRole("button", { name: "Sil", exact: true }).click();
    await details.getByRole("button", { name: "Evet, sil" }).click();
    await page.getByText("“vitrin-banner.jpg” silindi.").waitFor();
    await expect.poll(() => meterValue(page)).toBe(before.totalBytes);
    expect((await usage(page)).totalBytes).toBe(before.totalBytes);
    expect(await page.getByTestId("media-item").filter({ hasText: "vitrin-banner.jpg" }).count()).toBe(0);
    expect((await page.request.get(asset.originalUrl)).status()).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("refuses a file that is not an image whatever its name, and says what is accepted", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/medya");
    const before = await usage(page);
    await page.getByTestId("media-file-input").setInputFiles({
      name: "fatura.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("Bu bir görsel değil, düz metin.\n".repeat(400)),
    });
    const item = page.getByTestId("upload-item").filter({ hasText: "fatura.jpg" });
    await expect.poll(() => item.getAttribute("data-state"), { timeout: 30_000 }).toBe("error");
    const message = (await item.getByTestId("upload-error").textContent()) ?? "";
    expect(message).toContain("“fatura.jpg” yüklenemedi");
    expect(message).toContain("kabul edilen bir görsel ya da video değil");
    expect(message).toMatch(/JPEG.*PNG.*MP4/);
    // announced to screen readers too
    await expect.poll(() => page.locator("[aria-live='polite']").filter({ hasText: "fatura.jpg" }).count()).toBeGreaterThan(0);
    expect((await usage(page)).totalBytes).toBe(before.totalBytes);
    await context.close();
  });

  it("cancels an upload that is under way: nothing is stored", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/medya");
    const before = await usage(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    await page
      .getByTestId("media-file-input")
      .setInputFiles({ name: "vazgecildi.jpg", mimeType: "image/jpeg", buffer: await noisyJpeg(1600, 1200) });
    const item = page.getByTestId("upload-item").filter({ hasText: "vazgecildi.jpg" });
    await expect.poll(() => item.getAttribute("data-state"), { timeout: 10_000 }).toBe("uploading");
    await item.getByRole("button", { name: /^İptal/ }).click();
    await expect.poll(() => item.getAttribute("data-state")).toBe("cancelled");
    expect(await item.textContent()).toContain("İptal edildi");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect((await json<MediaPage>(page, "/api/admin/media?q=vazgecildi")).total).toBe(0);
    expect((await usage(page)).totalBytes).toBe(before.totalBytes);
    await context.close();
  });

  it("says who uses an asset when it cannot be deleted", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const list = await json<MediaPage>(page, "/api/admin/media?perPage=100");
    const used = list.items.find((a) => a.usedBy > 0);
    expect(used, "the demo store has product images in the library").toBeDefined();
    if (!used) return;
    await page.goto(`/admin/medya?q=${encodeURIComponent(used.filename)}`);
    await page.locator(`[data-testid='media-item'][data-id='${used.id}'] button`).click();
    const details = page.getByRole("dialog", { name: used.filename });
    await details.getByRole("button", { name: "Sil", exact: true }).click();
    await details.getByRole("button", { name: "Evet, sil" }).click();
    const alert = details.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("silinemez, çünkü kullanılıyor");
    expect(await alert.textContent()).toMatch(/“.+” ürünü/);
    expect((await json<MediaAsset>(page, `/api/admin/media/${used.id}`)).id).toBe(used.id);
    await context.close();
  });

  it("shows a video as processing with a spinner and turns it ready without a reload", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto("/admin/medya");
    await page.getByTestId("media-file-input").setInputFiles({ name: "tanitim-filmi.mp4", mimeType: "video/mp4", buffer: clip() });
    const tile = page.locator("[data-testid='media-item']").filter({ hasText: "tanitim-filmi.mp4" });
    await tile.waitFor({ timeout: 60_000 });
    // the job may be quick: either it is still processing (with its spinner) or already done
    if ((await tile.getAttribute("data-status")) === "processing") {
      expect(await tile.getByText("İşleniyor").count()).toBe(1);
      expect(await tile.locator(".animate-spin").count()).toBeGreaterThan(0);
    }
    await expect.poll(() => tile.getAttribute("data-status"), { timeout: 90_000, interval: 500 }).toBe("ready");
    expect(await tile.getByText("Hazır").count()).toBe(1);
    await context.close();
  }, 150_000);

  it("says why a video was kept as uploaded when ffmpeg is missing", async () => {
    const other = await launchServer({ env: { FFMPEG_PATH: "/nonexistent/ffmpeg", FFPROBE_PATH: "/nonexistent/ffprobe" } });
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: other.baseUrl });
    try {
      if (!other.admin) throw new Error(`no demo admin:\n${other.output()}`);
      const page = await context.newPage();
      await page.goto("/admin/giris");
      await page.getByLabel("E-posta adresi").fill(other.admin.email);
      await page.getByLabel("Şifre", { exact: true }).fill(other.admin.password);
      await page.getByRole("button", { name: "Giriş yap" }).click();
      await page.waitForURL(/\/admin$/);
      await page.goto("/admin/medya?tur=video");
      await page.getByTestId("media-file-input").setInputFiles({ name: "kamera.mp4", mimeType: "video/mp4", buffer: clip() });
      const tile = page.locator("[data-testid='media-item']").filter({ hasText: "kamera.mp4" });
      await tile.waitFor({ timeout: 60_000 });
      expect(await tile.getAttribute("data-status")).toBe("original");
      expect(await tile.getByText("Orijinal hâliyle").count()).toBe(1);
      expect(await tile.getByTestId("media-error").textContent()).toMatch(/ffmpeg is not installed/);
    } finally {
      await context.close();
      await other.stop();
    }
  }, 240_000);

  it("saves light and dark, desktop and mobile screenshots of the library, the crop dialog and the storage bar", async () => {
    const setup = await newContext();
    const page = await setup.newPage();
    await page.goto("/admin/medya");
    const names = ["yaz-koleksiyonu.jpg", "deri-canta.jpg", "spor-ayakkabi.jpg"];
    await page
      .getByTestId("media-file-input")
      .setInputFiles(
        await Promise.all(
          names.map(async (name, i) => ({ name, mimeType: "image/jpeg", buffer: await scene(20 + i * 110, name.split(".")[0] ?? "") })),
        ),
      );
    // the first upload opens the crop dialog; close it and wait for all three
    const crop = page.getByRole("dialog", { name: "Görseli kırp" });
    await crop.waitFor({ timeout: 90_000 });
    await crop.getByRole("button", { name: "Tamam" }).click();
    await expect.poll(() => page.locator("[data-testid='upload-item'][data-state='done']").count(), { timeout: 90_000 }).toBe(3);
    await setup.close();

    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["mobile", MOBILE],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await newContext({ viewport, colorScheme: scheme });
        const shot = await context.newPage();
        await shot.goto("/admin/medya");
        await shot.getByTestId("media-grid").waitFor();
        // load the lazy thumbnails below the fold before the full-page shot
        await shot.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await shot.waitForLoadState("networkidle");
        await shot.evaluate(() => window.scrollTo(0, 0));
        await shot.screenshot({ path: path.join(screenshotDir, `admin-media-${device}-${scheme}.png`), fullPage: true });
        await shot.getByTestId("media-item").filter({ hasText: "yaz-koleksiyonu.jpg" }).getByRole("button").click();
        const details = shot.getByRole("dialog", { name: "yaz-koleksiyonu.jpg" });
        await details.waitFor();
        await details.getByRole("button", { name: "Kırp", exact: true }).click();
        const dialog = shot.getByRole("dialog", { name: "Görseli kırp" });
        await dialog.getByRole("radio", { name: /Ana sayfa banner/ }).click();
        await expect.poll(async () => (await dialog.getByTestId("crop-result").textContent()) ?? "").toMatch(/px$/);
        await shot.waitForTimeout(300);
        await shot.screenshot({ path: path.join(screenshotDir, `admin-media-crop-${device}-${scheme}.png`) });
        await context.close();
      }
    }
  }, 300_000);
});
