import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { keyOf, png, readObject, staffClient, testVideo } from "../../../test/media.ts";
import { createTenant } from "../tenants/service.ts";
import type { MediaAssetJson } from "./contract.ts";
import { VIDEO_JOB } from "./service.ts";

// A server without ffmpeg (FFMPEG_PATH pointing at a missing binary): videos are kept as uploaded
// and the admin is told why; images do not need ffmpeg.

const host = "ffmpegsiz.test";

describe("media library without ffmpeg", () => {
  let t: TestApp;
  let dir: string;
  let missing: string;
  let api: ReturnType<typeof staffClient>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kervan-no-ffmpeg-"));
    missing = path.join(dir, "missing", "ffmpeg");
    t = await createTestApp({ FFMPEG_PATH: missing, AUTH_RATE_LIMIT: "false" });
    await t.kernel.jobs.start();
    const tenantId = (await createTenant(t.kernel.db, { slug: "ffmpegsiz", name: "ffmpeg'siz", hosts: [host] })).id;
    api = staffClient(t, host, await signInStaff(t, tenantId, host, "ffmpegsiz@example.com"));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the original and says why", async () => {
    expect(t.kernel.config.media.ffprobePath).toBe(path.join(dir, "missing", "ffprobe"));
    const mp4 = await testVideo(dir, "tanitim.mp4", { width: 320, height: 240, seconds: 1, audio: true });
    const res = await api.upload({ name: "tanitim.mp4", data: mp4 });
    expect(res.statusCode).toBe(201);
    const asset = res.json() as MediaAssetJson;
    expect(asset).toMatchObject({
      kind: "video",
      status: "original",
      contentType: "video/mp4",
      video: null,
      width: null,
      durationMs: null,
      bytes: mp4.length,
    });
    expect(asset.error).toBe(
      `ffmpeg is not installed on this server (${JSON.stringify(missing)} could not be started), so the video was kept as uploaded: ` +
        "it was not converted for every browser and has no poster. Install ffmpeg (or set FFMPEG_PATH) and upload it again.",
    );
    expect(await readObject(t, keyOf(asset.originalUrl))).toEqual(mp4);
    expect(await t.kernel.database.query("select id from pgboss.job where name = $1", [VIDEO_JOB])).toEqual([]);
    expect((await api.get(`/api/admin/media/${asset.id}`)).json()).toMatchObject({ status: "original", error: asset.error });
  });

  it("still takes images", async () => {
    const res = await api.upload({ name: "resim.png", data: await png(100, 100) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: "image", status: "ready" });
  });
});
