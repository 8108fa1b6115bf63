import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { keyOf, probe, readObject, staffClient, testVideo } from "../../../test/media.ts";
import { createProduct } from "../catalog/write.ts";
import { createTenant } from "../tenants/service.ts";
import type { MediaAssetJson } from "./contract.ts";
import { assetFolder, VIDEO_JOB } from "./service.ts";
import { processVideo } from "./video-job.ts";

// Videos through the real API and the real `media.video` job (pg-boss worker in this process),
// converted by the real ffmpeg.

const host = "video-magaza.test";

describe("media library: videos", () => {
  let t: TestApp;
  let tenantId: string;
  let api: ReturnType<typeof staffClient>;
  let dir: string;
  let mp4: Buffer;
  let ready: MediaAssetJson;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kervan-video-test-"));
    // the worker runs jobs in this process, looking for new ones every 2 s
    t = await createTestApp({ JOBS_WORKER: "true", MEDIA_MAX_VIDEO_SECONDS: "3", MEDIA_IMAGE_WIDTHS: "400,800", AUTH_RATE_LIMIT: "false" });
    await t.kernel.jobs.start();
    tenantId = (await createTenant(t.kernel.db, { slug: "video-magaza", name: "Video Mağaza", hosts: [host] })).id;
    api = staffClient(t, host, await signInStaff(t, tenantId, host, "video@example.com"));
    mp4 = await testVideo(dir, "tanitim.mp4", { width: 1280, height: 720, seconds: 1, audio: true });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function waitFor(id: string, status: string): Promise<MediaAssetJson> {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const asset = (await api.get(`/api/admin/media/${id}`)).json() as MediaAssetJson;
      if (asset.status === status) return asset;
      if (asset.status !== "processing" || Date.now() > deadline) throw new Error(`status ${asset.status}: ${asset.error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function saveObject(url: string, name: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, await readObject(t, keyOf(url)));
    return file;
  }

  it("queues an MP4 for the video job, which makes a browser-safe MP4, an HLS ladder and a poster", async () => {
    const res = await api.upload({ name: "tanitim.mp4", data: mp4 }, { alt: "Ürün tanıtımı" });
    expect(res.statusCode).toBe(201);
    const uploaded = res.json() as MediaAssetJson;
    expect(uploaded).toMatchObject({
      kind: "video",
      status: "processing",
      error: null,
      contentType: "video/mp4",
      width: 1280,
      height: 720,
      video: null,
      renditions: [],
    });
    expect(uploaded.durationMs).toBeGreaterThanOrEqual(1000);
    expect(uploaded.durationMs).toBeLessThan(1100);
    // a product shows the video while it is processed
    const ctx = { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache };
    const product = await createProduct(ctx, {
      title: "Videolu Ürün",
      variants: [{ price: 9_900, stock: 1 }],
      media: [{ assetId: uploaded.id }],
    });
    const queued = await t.kernel.database.query<{ data: unknown }>("select data from pgboss.job where name = $1", [VIDEO_JOB]);
    expect(queued.map((j) => j.data)).toContainEqual({ tenantId, assetId: uploaded.id });

    ready = await waitFor(uploaded.id, "ready");
    expect(ready.error).toBeNull();
    expect(ready.video).toMatchObject({ width: 1280, height: 720 });
    const video = ready.video as NonNullable<MediaAssetJson["video"]>;

    const mp4File = await saveObject(video.mp4Url, "out.mp4");
    const info = await probe(mp4File);
    expect(info.streams.find((s) => s.codec_type === "video")).toMatchObject({
      codec_name: "h264",
      pix_fmt: "yuv420p",
      width: 1280,
      height: 720,
    });
    expect(info.streams.find((s) => s.codec_type === "audio")).toMatchObject({ codec_name: "aac" });
    const bytes = await readObject(t, keyOf(video.mp4Url));
    expect(bytes.indexOf("moov")).toBeLessThan(bytes.indexOf("mdat")); // +faststart: playable while it loads

    // HLS: rungs up to the source's 720 lines, each playlist's segments stored
    const master = (await readObject(t, keyOf(video.hlsUrl as string))).toString();
    expect(master).toMatch(/^#EXTM3U/);
    expect(master).toMatch(/RESOLUTION=640x360[^\n]*\n360p\.m3u8/);
    expect(master).toMatch(/RESOLUTION=1280x720[^\n]*\n720p\.m3u8/);
    expect(master).not.toMatch(/1080p/);
    const hlsBase = (video.hlsUrl as string).replace(/master\.m3u8$/, "");
    for (const rung of ["360p", "720p"]) {
      const playlist = (await readObject(t, keyOf(`${hlsBase}${rung}.m3u8`))).toString();
      const segments = playlist.split("\n").filter((line) => line.endsWith(".ts"));
      expect(segments.length).toBeGreaterThan(0);
      for (const segment of segments) expect(await t.kernel.storage.stat(keyOf(`${hlsBase}${segment}`))).not.toBeNull();
    }
    const served = await api.get(new URL(video.hlsUrl as string, "http://x").pathname);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("application/vnd.apple.mpegurl");

    // the poster in three formats at the configured widths (400,800 here) with the video's shape; it is the preview
    expect(video.poster.map((p) => `${p.format}@${p.width}x${p.height}`).sort()).toEqual(
      ["avif@400x225", "avif@800x450", "jpeg@400x225", "jpeg@800x450", "webp@400x225", "webp@800x450"].sort(),
    );
    for (const p of video.poster) {
      const meta = await sharp(await readObject(t, keyOf(p.url))).metadata();
      expect([meta.width, meta.height]).toEqual([p.width, p.height]);
    }
    expect(ready.previewUrl).toBe(video.poster.find((p) => p.format === "webp" && p.width === 400)?.url);
    expect(ready.bytes).toBe((await t.kernel.storage.usage(`${assetFolder(tenantId, ready.id)}/`)).bytes);
    expect(ready.bytes).toBeGreaterThan(uploaded.bytes);

    // and the product's read model was asked to pick up the converted video
    const projections = await t.kernel.database.query<{ data: { productIds?: string[] } }>(
      "select data from pgboss.job where name = 'catalog.project' and created_on >= $1",
      [new Date(Date.now() - 60_000)],
    );
    expect(projections.some((j) => j.data.productIds?.includes(product.id))).toBe(true);
  });

  it("converts WebM and MOV (4:4:4 pixels) to H.264 yuv420p; a small video gets one HLS rung of its own height", async () => {
    const webm = await api.upload({ name: "klip.webm", data: await testVideo(dir, "klip.webm", { width: 320, height: 240, seconds: 1 }) });
    const mov = await api.upload({ name: "iphone.mov", data: await testVideo(dir, "iphone.mov", { width: 320, height: 240, seconds: 1 }) });
    expect(webm.statusCode).toBe(201);
    expect(mov.statusCode).toBe(201);
    expect(webm.json().contentType).toBe("video/webm");
    expect(mov.json().contentType).toBe("video/quicktime");
    expect(mov.json().originalUrl).toMatch(/\/original-[0-9a-f]{12}\.mov$/);
    for (const res of [webm, mov]) {
      const asset = await waitFor(res.json().id, "ready");
      const video = asset.video as NonNullable<MediaAssetJson["video"]>;
      const info = await probe(await saveObject(video.mp4Url, `${asset.id}.mp4`));
      expect(info.streams.map((s) => `${s.codec_type}:${s.codec_name}:${s.pix_fmt}`)).toEqual(["video:h264:yuv420p"]);
      const master = (await readObject(t, keyOf(video.hlsUrl as string))).toString();
      expect(master.match(/\.m3u8/g)).toHaveLength(1);
      expect(master).toMatch(/RESOLUTION=320x240[^\n]*\n240p\.m3u8/);
      expect(video.poster.map((p) => p.width)).toEqual([320, 320, 320]);
    }
  });

  it("refuses videos longer than MEDIA_MAX_VIDEO_SECONDS and files without a readable video", async () => {
    const long = await api.upload({ name: "uzun.mp4", data: await testVideo(dir, "uzun.mp4", { width: 160, height: 120, seconds: 5 }) });
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({
      type: "media/too-long",
      maxSeconds: 3,
      detail: '"uzun.mp4" lasts 5 seconds; videos may last at most 3 seconds.',
    });

    // an MP4 header with nothing playable behind it
    const broken = Buffer.concat([mp4.subarray(0, 64), Buffer.alloc(4096, 7)]);
    const res = await api.upload({ name: "bozuk.mp4", data: broken });
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toBe("media/unreadable");
    expect(res.json().detail).toMatch(/^"bozuk\.mp4" (could not be read as a video|has no video stream)/);
  });

  it("keeps the original with the reason in words when the conversion fails", async () => {
    // an asset back in `processing` whose original has been damaged since its upload
    const { mediaAssets } = await import("./schema.ts");
    const { eq } = await import("drizzle-orm");
    await t.kernel.db.update(mediaAssets).set({ status: "processing" }).where(eq(mediaAssets.id, ready.id));
    const [row] = await t.kernel.db.select().from(mediaAssets).where(eq(mediaAssets.id, ready.id));
    await t.kernel.storage.put(row?.originalKey as string, Buffer.concat([mp4.subarray(0, 64), Buffer.alloc(2048)]), {
      contentType: "video/mp4",
    });
    const deps = { db: t.kernel.db, storage: t.kernel.storage, jobs: t.kernel.jobs, config: t.kernel.config.media };
    expect(await processVideo(deps, { tenantId, assetId: ready.id })).toBe("original");
    const failed = (await api.get(`/api/admin/media/${ready.id}`)).json() as MediaAssetJson;
    expect(failed.status).toBe("original");
    expect(failed.error).toMatch(/^The video could not be converted, so it is kept as uploaded: ffprobe failed/);
    // a second run finds nothing to do
    expect(await processVideo(deps, { tenantId, assetId: ready.id })).toBeNull();
  });
});
