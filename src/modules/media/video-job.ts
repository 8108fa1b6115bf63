// The `media.video` job: from an uploaded video's original, a browser-safe MP4, an HLS ladder and
// a poster. Success makes the asset `ready`; a failure keeps the original (`original`) with the
// reason in words. Either way the products showing the video are re-projected.

import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { contentTypeFromKey } from "../../platform/storage/mime.ts";
import { renderPoster } from "./images.ts";
import { mediaAssets, type VideoOutputs } from "./schema.ts";
import {
  assetFolder,
  ffmpegMissingMessage,
  type MediaDeps,
  randomPart,
  reprojectUsers,
  storeVariants,
  VIDEO_JOB,
  type VideoJobData,
} from "./service.ts";
import { grabFrame, makeHls, makeMp4, missingTool, probeVideo, ToolMissingError } from "./video.ts";

/** Declares the video queue and its handler (call before jobs.start(), like the other modules' jobs). */
export function registerMediaJobs(jobs: Jobs, deps: Omit<MediaDeps, "jobs">): void {
  jobs.register<VideoJobData>(VIDEO_JOB, (data) => processVideo({ ...deps, jobs }, data).then(() => undefined), {
    // Converting a long video takes minutes on a small machine; one at a time per process.
    expireInSeconds: 2 * 60 * 60,
    retryLimit: 2,
    retryDelay: 60,
    concurrency: 1,
  });
}

class AssetGone extends Error {}

/**
 * Runs the conversion for one asset still `processing`; returns its new status, or null when
 * there was nothing to do (deleted meanwhile, or already done by an earlier attempt).
 */
export async function processVideo(deps: MediaDeps, data: VideoJobData): Promise<"ready" | "original" | null> {
  const { db, storage, config } = deps;
  const scope = and(eq(mediaAssets.tenantId, data.tenantId), eq(mediaAssets.id, data.assetId));
  const [asset] = await db.select().from(mediaAssets).where(scope);
  if (asset?.kind !== "video" || asset.status !== "processing") return null;

  const dir = await mkdtemp(path.join(tmpdir(), "kervan-video-"));
  const folder = `${assetFolder(data.tenantId, data.assetId)}/video-${randomPart()}`;
  try {
    const missing = await missingTool(config);
    if (missing) throw new ToolMissingError(missing, null);
    const input = path.join(dir, `original${path.extname(asset.originalKey)}`);
    const original = await storage.get(asset.originalKey);
    if (!original) throw new Error("the original file is missing from storage");
    await pipeline(original.body, createWriteStream(input));

    const probe = await probeVideo(config, input);
    if (!probe) throw new Error("the file has no video stream");
    const mp4File = path.join(dir, "video.mp4");
    const hlsDir = path.join(dir, "hls");
    const frameFile = path.join(dir, "frame.png");
    await makeMp4(config, input, mp4File, probe);
    const hls = await makeHls(config, input, hlsDir, probe);
    await grabFrame(config, input, frameFile, probe);
    const mp4Probe = await probeVideo(config, mp4File);
    if (!mp4Probe || (await stat(frameFile)).size === 0) throw new Error("ffmpeg produced no picture");

    const put = (key: string, file: string, contentType: string) => storage.put(key, createReadStream(file), { contentType });
    const mp4Key = `${folder}/video.mp4`;
    const mp4 = await put(mp4Key, mp4File, "video/mp4");
    let hlsBytes = 0;
    for (const name of hls.files) {
      const key = `${folder}/hls/${name}`;
      hlsBytes += (await put(key, path.join(hlsDir, name), contentTypeFromKey(key))).bytes;
    }
    const posterImages = await renderPoster(await readFile(frameFile), config.widths);
    const poster = await storeVariants(storage, folder, "poster", posterImages);
    const outputs: VideoOutputs = {
      mp4: { key: mp4Key, width: mp4Probe.width, height: mp4Probe.height, bytes: mp4.bytes },
      hls: { key: `${folder}/hls/master.m3u8`, renditions: hls.renditions },
      poster,
    };
    const added = mp4.bytes + hlsBytes + poster.reduce((total, p) => total + p.bytes, 0);
    await db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const [current] = await tx.select().from(mediaAssets).where(scope).for("update");
      if (current?.status !== "processing") throw new AssetGone();
      await tx
        .update(mediaAssets)
        .set({
          status: "ready",
          error: null,
          video: outputs,
          bytes: Number(current.bytes) + added,
          width: probe.width,
          height: probe.height,
          durationMs: probe.durationMs,
          updatedAt: new Date(),
        })
        .where(scope);
      await reprojectUsers(deps, tx, data.tenantId, data.assetId);
    });
    return "ready";
  } catch (error) {
    // Everything this run stored is under its own folder.
    await storage.deletePrefix(`${folder}/`).catch((err: unknown) => deps.log?.warn({ err, folder }, "media: could not delete files"));
    if (error instanceof AssetGone) return null;
    const reason =
      error instanceof ToolMissingError
        ? ffmpegMissingMessage(error.tool)
        : // ffmpeg names its files: keep the temporary folder out of the merchant's message
          `The video could not be converted, so it is kept as uploaded: ${(error instanceof Error ? error.message : String(error)).replaceAll(`${dir}${path.sep}`, "")}`;
    deps.log?.warn({ err: error, assetId: data.assetId }, "media: video conversion failed");
    const changed = await db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const rows = await tx
        .update(mediaAssets)
        .set({ status: "original", error: reason.slice(0, 2000), updatedAt: new Date() })
        .where(and(scope, eq(mediaAssets.status, "processing")))
        .returning({ id: mediaAssets.id });
      if (rows.length > 0) await reprojectUsers(deps, tx, data.tenantId, data.assetId);
      return rows.length > 0;
    });
    return changed ? "original" : null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
