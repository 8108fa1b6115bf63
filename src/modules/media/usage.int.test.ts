import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { jpegWithGps, png, staffClient, testVideo } from "../../../test/media.ts";
import { startS3rver } from "../../../test/s3rver.ts";
import { S3Storage } from "../../platform/storage/s3.ts";
import { createTenant } from "../tenants/service.ts";
import type { MediaAssetJson, MediaUsageJson } from "./contract.ts";
import { assetFolder, mediaPrefix } from "./service.ts";
import { processVideo } from "./video-job.ts";

// The storage bar's numbers (from media_assets.bytes) must equal what the store's media really
// take in storage, on local disk and on S3, after uploads, crops, a video conversion and deletions.

interface Driver {
  env: Record<string, string>;
  close(): Promise<void>;
}

async function localDriver(): Promise<Driver> {
  return { env: {}, close: async () => {} };
}

async function s3Driver(): Promise<Driver> {
  const dir = await mkdtemp(path.join(tmpdir(), "kervan-media-s3-"));
  const server = await startS3rver(dir);
  return {
    env: {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: `http://127.0.0.1:${server.port}`,
      S3_BUCKET: "kervan-media",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function usageMatchesStorage(name: string, setup: () => Promise<Driver>) {
  describe(`media usage on ${name} storage`, () => {
    const host = `kullanim-${name.toLowerCase()}.test`;
    let driver: Driver;
    let t: TestApp;
    let tenantId: string;
    let api: ReturnType<typeof staffClient>;
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "kervan-usage-test-"));
      driver = await setup();
      t = await createTestApp({ ...driver.env, AUTH_RATE_LIMIT: "false" });
      if (t.kernel.storage instanceof S3Storage) {
        await t.kernel.storage.client.send(new CreateBucketCommand({ Bucket: t.kernel.storage.bucket }));
      }
      await t.kernel.jobs.start();
      tenantId = (await createTenant(t.kernel.db, { slug: `kullanim-${name.toLowerCase()}`, name: "Kullanım", hosts: [host] })).id;
      api = staffClient(t, host, await signInStaff(t, tenantId, host, `kullanim-${name.toLowerCase()}@example.com`));
    });
    afterAll(async () => {
      if (t?.kernel.storage instanceof S3Storage) t.kernel.storage.destroy();
      await t?.close();
      await driver?.close();
      await rm(dir, { recursive: true, force: true });
    });

    async function expectUsageToMatch(counts: { image: number; video: number }): Promise<MediaUsageJson> {
      const usage = (await api.get("/api/admin/media/usage")).json() as MediaUsageJson;
      const stored = await t.kernel.storage.usage(mediaPrefix(tenantId));
      expect(usage.totalBytes).toBe(stored.bytes);
      expect(usage.byKind.image.bytes + usage.byKind.video.bytes).toBe(usage.totalBytes);
      expect([usage.byKind.image.count, usage.byKind.video.count]).toEqual([counts.image, counts.video]);
      return usage;
    }

    it("equals storage.usage() after uploads, crops, a video conversion and deletions", async () => {
      expect(t.kernel.storage.driver).toBe(name === "S3" ? "s3" : "local");
      const photo = (await api.upload({ name: "foto.jpg", data: await jpegWithGps(1200, 900) })).json() as MediaAssetJson;
      const drawing = (await api.upload({ name: "cizim.png", data: await png(640, 480) })).json() as MediaAssetJson;
      const clip = (
        await api.upload({ name: "klip.mp4", data: await testVideo(dir, "klip.mp4", { width: 320, height: 240, seconds: 1, audio: true }) })
      ).json() as MediaAssetJson;
      expect([photo.status, drawing.status, clip.status]).toEqual(["ready", "ready", "processing"]);
      const afterUploads = await expectUsageToMatch({ image: 2, video: 1 });

      // photo is 900×1200 upright: a new gallery crop, and the product crop made again
      const gallery = await api.json("POST", `/api/admin/media/${photo.id}/renditions`, {
        preset: "gallery",
        crop: { left: 0, top: 0, width: 880, height: 1100 },
      });
      expect(gallery.statusCode).toBe(200);
      const product = await api.json("POST", `/api/admin/media/${photo.id}/renditions`, {
        preset: "product",
        crop: { left: 50, top: 50, width: 500, height: 500 },
      });
      expect(product.statusCode).toBe(200);
      const afterCrops = await expectUsageToMatch({ image: 2, video: 1 });
      expect(afterCrops.byKind.image.bytes).toBeGreaterThan(afterUploads.byKind.image.bytes);

      const deps = { db: t.kernel.db, storage: t.kernel.storage, jobs: t.kernel.jobs, config: t.kernel.config.media };
      expect(await processVideo(deps, { tenantId, assetId: clip.id })).toBe("ready");
      const afterVideo = await expectUsageToMatch({ image: 2, video: 1 });
      expect(afterVideo.byKind.video.bytes).toBeGreaterThan(afterCrops.byKind.video.bytes);

      for (const asset of [drawing, clip]) {
        expect((await api.json("DELETE", `/api/admin/media/${asset.id}`)).statusCode).toBe(204);
        expect(await t.kernel.storage.usage(`${assetFolder(tenantId, asset.id)}/`)).toEqual({ bytes: 0, objects: 0 });
      }
      const afterDeletes = await expectUsageToMatch({ image: 1, video: 0 });
      expect(afterDeletes.totalBytes).toBe((await api.get(`/api/admin/media/${photo.id}`)).json().bytes);

      expect((await api.json("DELETE", `/api/admin/media/${photo.id}`)).statusCode).toBe(204);
      expect(await expectUsageToMatch({ image: 0, video: 0 })).toMatchObject({ totalBytes: 0 });
      expect(await t.kernel.storage.usage(mediaPrefix(tenantId))).toEqual({ bytes: 0, objects: 0 });
    });
  });
}

usageMatchesStorage("local", localDriver);
usageMatchesStorage("S3", s3Driver);
