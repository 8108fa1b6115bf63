// The media library: uploads (images processed at once, videos queued for the video job), crops,
// alt texts, deletion and storage usage. Every query is scoped by tenant; files live under
// `tenants/<tenantId>/media/<assetId>/` with a random part in each name, so keys never change
// meaning (they are cached for a year).

import { randomBytes, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, count, desc, eq, getTableColumns, ilike, or, sql } from "drizzle-orm";
import type { CropPreset, MediaConfig } from "../../platform/config.ts";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { notFound } from "../../platform/problem.ts";
import type { Storage } from "../../platform/storage/types.ts";
import { likePattern } from "../../platform/text.ts";
import { type AuditContext, diff, recordAudit } from "../audit/service.ts";
import { requestProjection } from "../catalog/projection.ts";
import { banners, productMedia, products } from "../catalog/schema.ts";
import type { MediaAssetJson, MediaListJson, MediaListQuery, MediaPresetsJson, MediaUsageJson } from "./contract.ts";
import { MAX_MEDIA_PER_PAGE } from "./contract.ts";
import { formatMegabytes, MediaError, mediaProblemTypes } from "./errors.ts";
import { centredCrop, cleanOriginal, cropProblem, type EncodedImage, FORMAT_TYPES, imageFormats, renderRendition } from "./images.ts";
import { type CropRect, type ImageVariant, mediaAssets, type Rendition } from "./schema.ts";
import { type SpooledUpload, spoolUpload } from "./upload.ts";
import { missingTool, probeVideo, ToolFailedError } from "./video.ts";

/** Long-lived services the media functions use. */
export interface MediaDeps {
  db: Db;
  storage: Storage;
  jobs: Jobs;
  config: MediaConfig;
  log?: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

/** A media call on behalf of one store; `audit` (from auditContext(request)) records who did it. */
export interface MediaContext extends MediaDeps {
  tenantId: string;
  audit?: AuditContext;
}

/** What the read functions need (admin pages call them in-process). */
export type MediaReadContext = Pick<MediaContext, "db" | "tenantId" | "storage" | "config">;

export const VIDEO_JOB = "media.video";

export interface VideoJobData {
  tenantId: string;
  assetId: string;
}

type AssetRow = typeof mediaAssets.$inferSelect;

// --- keys and files -----------------------------------------------------------------------------

/** Folder of one asset's files (no trailing slash). */
export function assetFolder(tenantId: string, assetId: string): string {
  return `tenants/${tenantId}/media/${assetId}`;
}

/** Prefix of all of a store's media files, as storage.usage() takes it. */
export function mediaPrefix(tenantId: string): string {
  return `tenants/${tenantId}/media/`;
}

/** A random part for new keys: a new crop or video run never reuses a cached URL. */
export function randomPart(): string {
  return randomBytes(6).toString("hex");
}

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/avif": "avif" };
const VARIANT_EXT: Record<ImageVariant["format"], string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/** Stores encoded images as `<folder>/<name>-<width>.<ext>`; returns them as variants with their stored bytes. */
export async function storeVariants(storage: Storage, folder: string, name: string, images: EncodedImage[]): Promise<ImageVariant[]> {
  return Promise.all(
    images.map(async (image) => {
      const key = `${folder}/${name}-${image.width}.${VARIANT_EXT[image.format]}`;
      const stored = await storage.put(key, image.data, { contentType: FORMAT_TYPES[image.format] });
      return { key, format: image.format, width: image.width, height: image.height, bytes: stored.bytes };
    }),
  );
}

const sumBytes = (items: { bytes: number }[]) => items.reduce((total, item) => total + item.bytes, 0);

/** Deletes keys, logging (not throwing) failures: the database change they follow is already made. */
async function deleteKeys(deps: Pick<MediaDeps, "storage" | "log">, keys: string[]): Promise<void> {
  await Promise.all(
    [...new Set(keys)].map((key) =>
      deps.storage.delete(key).catch((err: unknown) => deps.log?.warn({ err, key }, "media: could not delete a file")),
    ),
  );
}

async function deleteFolder(deps: Pick<MediaDeps, "storage" | "log">, folder: string): Promise<void> {
  await deps.storage.deletePrefix(`${folder}/`).catch((err: unknown) => deps.log?.warn({ err, folder }, "media: could not delete files"));
}

// --- presets ------------------------------------------------------------------------------------

export function findPreset(config: Pick<MediaConfig, "presets">, name: string): CropPreset | undefined {
  return config.presets.find((p) => p.name === name);
}

function productPreset(config: Pick<MediaConfig, "presets">): CropPreset {
  return findPreset(config, "product") ?? { name: "product", ratioWidth: 1, ratioHeight: 1 };
}

/** The crop presets, widths, accepted types and limits, for the upload and crop dialogs. */
export function mediaPresets(config: MediaConfig): MediaPresetsJson {
  return {
    presets: config.presets.map((p) => ({
      name: p.name,
      ratio: `${p.ratioWidth}:${p.ratioHeight}`,
      ratioWidth: p.ratioWidth,
      ratioHeight: p.ratioHeight,
      aspect: p.ratioWidth / p.ratioHeight,
    })),
    widths: config.widths,
    formats: [...imageFormats],
    accept: ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif", "video/mp4", "video/webm", "video/quicktime"],
    limits: {
      maxImageBytes: config.maxImageBytes,
      maxVideoBytes: config.maxVideoBytes,
      maxVideoSeconds: config.maxVideoSeconds,
      maxImagesPerProduct: config.maxImages,
      maxVideosPerProduct: config.maxVideos,
      quotaBytes: config.quotaBytes,
    },
  };
}

// --- reading ------------------------------------------------------------------------------------

/**
 * Products (distinct) and banners using an asset, as a column of an asset query. Written out:
 * Drizzle leaves column names unqualified inside a select's sql, which a subquery would misread.
 */
const usedByColumn = sql<number>`(
  (select count(distinct pm.product_id) from product_media pm
    where pm.asset_id = "media_assets"."id" and pm.tenant_id = "media_assets"."tenant_id")
  + (select count(*) from banners b where b.asset_id = "media_assets"."id" and b.tenant_id = "media_assets"."tenant_id")
)::int`;

/** The API shape of an asset. */
export function assetJson(storage: Pick<Storage, "publicUrl">, row: AssetRow, usedBy: number): MediaAssetJson {
  const variant = (v: ImageVariant) => ({
    url: storage.publicUrl(v.key),
    format: v.format,
    width: v.width,
    height: v.height,
    bytes: v.bytes,
  });
  const smallestWebp = (variants: ImageVariant[] | undefined) => {
    const webp = (variants ?? []).filter((v) => v.format === "webp").sort((a, b) => a.width - b.width)[0];
    return webp ? storage.publicUrl(webp.key) : null;
  };
  const product = row.renditions.find((r) => r.preset === "product") ?? row.renditions[0];
  const outputs = row.video;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    error: row.error,
    filename: row.filename,
    contentType: row.contentType,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    alt: row.alt,
    bytes: Number(row.bytes),
    createdAt: row.createdAt.toISOString(),
    originalUrl: storage.publicUrl(row.originalKey),
    previewUrl: row.kind === "image" ? smallestWebp(product?.variants) : smallestWebp(outputs?.poster),
    renditions: row.renditions.map((r) => ({
      preset: r.preset,
      crop: r.crop,
      width: r.width,
      height: r.height,
      variants: r.variants.map(variant),
    })),
    video:
      row.kind === "video" && outputs?.mp4
        ? {
            mp4Url: storage.publicUrl(outputs.mp4.key),
            hlsUrl: outputs.hls ? storage.publicUrl(outputs.hls.key) : null,
            width: outputs.mp4.width,
            height: outputs.mp4.height,
            poster: (outputs.poster ?? []).map(variant),
          }
        : null,
    usedBy,
  };
}

/** The store's media, newest first, with the total for paging. */
export async function listMedia(ctx: MediaReadContext, query: MediaListQuery = {}): Promise<MediaListJson> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const perPage = Math.min(MAX_MEDIA_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? 24)));
  const q = query.q?.trim();
  const where = and(
    eq(mediaAssets.tenantId, ctx.tenantId),
    query.kind ? eq(mediaAssets.kind, query.kind) : undefined,
    q ? or(ilike(mediaAssets.filename, likePattern(q)), ilike(mediaAssets.alt, likePattern(q))) : undefined,
  );
  const [rows, totals] = await Promise.all([
    ctx.db
      .select({ ...getTableColumns(mediaAssets), usedBy: usedByColumn })
      .from(mediaAssets)
      .where(where)
      .orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    ctx.db.select({ total: count() }).from(mediaAssets).where(where),
  ]);
  return {
    items: rows.map(({ usedBy, ...row }) => assetJson(ctx.storage, row, Number(usedBy))),
    total: Number(totals[0]?.total ?? 0),
    page,
    perPage,
  };
}

/** One asset of the store, or null (also for another store's asset or a malformed id). */
export async function getMedia(ctx: MediaReadContext, id: string): Promise<MediaAssetJson | null> {
  if (!isUuid(id)) return null;
  const [row] = await ctx.db
    .select({ ...getTableColumns(mediaAssets), usedBy: usedByColumn })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.tenantId, ctx.tenantId), eq(mediaAssets.id, id)));
  if (!row) return null;
  const { usedBy, ...asset } = row;
  return assetJson(ctx.storage, asset, Number(usedBy));
}

async function requireMedia(ctx: MediaReadContext, id: string): Promise<MediaAssetJson> {
  const asset = await getMedia(ctx, id);
  if (!asset) throw notFound("Media asset");
  return asset;
}

/** Stored bytes of the store's media by kind (from the database), against the quota. */
export async function mediaUsage(ctx: Pick<MediaContext, "db" | "tenantId" | "config">): Promise<MediaUsageJson> {
  const rows = await ctx.db
    .select({ kind: mediaAssets.kind, bytes: sql<string>`coalesce(sum(${mediaAssets.bytes}), 0)`, count: count() })
    .from(mediaAssets)
    .where(eq(mediaAssets.tenantId, ctx.tenantId))
    .groupBy(mediaAssets.kind);
  const byKind = { image: { bytes: 0, count: 0 }, video: { bytes: 0, count: 0 } };
  for (const row of rows) byKind[row.kind] = { bytes: Number(row.bytes), count: Number(row.count) };
  return { quotaBytes: ctx.config.quotaBytes, totalBytes: byKind.image.bytes + byKind.video.bytes, byKind };
}

/** Products and banners that use an asset (at most 20 of each, for messages). */
export async function mediaUsers(
  db: Db,
  tenantId: string,
  assetId: string,
): Promise<{ products: { id: string; title: string }[]; banners: { id: string; title: string }[] }> {
  const [productRows, bannerRows] = await Promise.all([
    db
      .selectDistinct({ id: products.id, title: products.title })
      .from(productMedia)
      .innerJoin(products, eq(products.id, productMedia.productId))
      .where(and(eq(productMedia.tenantId, tenantId), eq(productMedia.assetId, assetId)))
      .orderBy(products.title)
      .limit(20),
    db
      .select({ id: banners.id, title: banners.title })
      .from(banners)
      .where(and(eq(banners.tenantId, tenantId), eq(banners.assetId, assetId)))
      .orderBy(banners.title)
      .limit(20),
  ]);
  return { products: productRows, banners: bannerRows };
}

/** Ids of the products whose media use an asset (their read model shows its files). */
async function productIdsUsing(db: Db, tenantId: string, assetId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: productMedia.productId })
    .from(productMedia)
    .where(and(eq(productMedia.tenantId, tenantId), eq(productMedia.assetId, assetId)));
  return rows.map((r) => r.id);
}

/** Re-projects the products showing an asset, in the transaction that changed it. */
export async function reprojectUsers(deps: Pick<MediaDeps, "jobs">, tx: Db, tenantId: string, assetId: string): Promise<void> {
  const productIds = await productIdsUsing(tx, tenantId, assetId);
  if (productIds.length > 0) await requestProjection(deps.jobs, tenantId, { productIds }, tx);
}

// --- quota --------------------------------------------------------------------------------------

/** Bytes of media the store has stored. */
export async function usedBytes(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${mediaAssets.bytes}), 0)` })
    .from(mediaAssets)
    .where(eq(mediaAssets.tenantId, tenantId));
  return Number(row?.bytes ?? 0);
}

/**
 * In an upload's transaction: serialises the store's uploads (advisory lock) and refuses the new
 * file when it does not fit in the quota, so two uploads at once cannot both pass the check.
 */
async function assertQuota(tx: Db, config: MediaConfig, tenantId: string, filename: string, bytes: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kervan:media:${tenantId}`}, 0))`);
  const used = await usedBytes(tx, tenantId);
  if (used + bytes > config.quotaBytes) throw quotaExceeded(config, filename, config.quotaBytes - used);
}

function quotaExceeded(config: MediaConfig, filename: string, remaining: number): MediaError {
  return new MediaError(
    409,
    mediaProblemTypes.quotaExceeded,
    `${JSON.stringify(filename)} does not fit in the store's media quota of ${formatMegabytes(config.quotaBytes)}: ` +
      `${formatMegabytes(Math.max(0, remaining))} is left. Delete unused media or raise MEDIA_QUOTA_MB.`,
    { quotaBytes: config.quotaBytes },
  );
}

// --- uploading ----------------------------------------------------------------------------------

export interface UploadInput {
  filename: string;
  alt?: string;
}

/** Runs `use` with a fresh temporary folder, removed afterwards (uploads are received there). */
export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "kervan-upload-"));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Receives an upload stream into `dir` with the checks made while it arrives (real type, size
 * limit of its kind, the store's remaining quota; see spoolUpload).
 */
export async function receiveUpload(ctx: MediaContext, source: Readable, dir: string, filename: string): Promise<SpooledUpload> {
  const used = await usedBytes(ctx.db, ctx.tenantId);
  return spoolUpload(source, dir, filename, {
    maxImageBytes: ctx.config.maxImageBytes,
    maxVideoBytes: ctx.config.maxVideoBytes,
    remainingQuotaBytes: ctx.config.quotaBytes - used,
    quotaBytes: ctx.config.quotaBytes,
  });
}

/** Uploads a file held in memory (the demo seed, imports), with the same checks as the API. */
export async function uploadMediaBuffer(ctx: MediaContext, data: Buffer, input: UploadInput): Promise<MediaAssetJson> {
  return withTempDir(async (dir) => createMedia(ctx, await receiveUpload(ctx, Readable.from([data]), dir, input.filename), input));
}

/** Stores a received upload as a new asset: an image ready at once, a video queued for the video job. */
export async function createMedia(ctx: MediaContext, upload: SpooledUpload, input: UploadInput): Promise<MediaAssetJson> {
  const assetId = randomUUID();
  const folder = assetFolder(ctx.tenantId, assetId);
  try {
    const row = upload.kind === "image" ? await createImage(ctx, upload, input, assetId) : await createVideo(ctx, upload, input, assetId);
    return assetJson(ctx.storage, row, 0);
  } catch (error) {
    await deleteFolder(ctx, folder);
    throw error;
  }
}

async function insertAsset(
  ctx: MediaContext,
  values: typeof mediaAssets.$inferInsert,
  originalBytes: number,
  afterInsert?: (tx: Db) => Promise<void>,
) {
  return ctx.db.transaction(async (tx) => {
    await assertQuota(tx as unknown as Db, ctx.config, ctx.tenantId, values.filename, originalBytes);
    const [row] = await tx.insert(mediaAssets).values(values).returning();
    if (!row) throw new Error("media: insert returned no row");
    await afterInsert?.(tx as unknown as Db);
    if (ctx.audit) {
      await recordAudit(tx, {
        ...ctx.audit,
        type: "media.upload",
        targetType: "media",
        targetId: row.id,
        summary: row.filename,
        after: { kind: row.kind, status: row.status, bytes: Number(row.bytes) },
      });
    }
    return row;
  });
}

async function createImage(ctx: MediaContext, upload: SpooledUpload, input: UploadInput, assetId: string): Promise<AssetRow> {
  const cleaned = await cleanOriginal(upload.file, upload.contentType, input.filename);
  const preset = productPreset(ctx.config);
  const crop = centredCrop(cleaned.width, cleaned.height, preset);
  const encoded = await renderRendition(cleaned.data, crop, preset, ctx.config.widths);
  const folder = assetFolder(ctx.tenantId, assetId);
  const originalKey = `${folder}/original-${randomPart()}.${EXTENSIONS[cleaned.contentType] ?? "bin"}`;
  const [original, variants] = await Promise.all([
    ctx.storage.put(originalKey, cleaned.data, { contentType: cleaned.contentType }),
    storeVariants(ctx.storage, folder, `${preset.name}-${randomPart()}`, encoded),
  ]);
  const rendition = renditionOf(preset.name, crop, variants);
  return insertAsset(
    ctx,
    {
      id: assetId,
      tenantId: ctx.tenantId,
      kind: "image",
      status: "ready",
      filename: input.filename,
      contentType: cleaned.contentType,
      originalKey,
      width: cleaned.width,
      height: cleaned.height,
      alt: input.alt ?? "",
      renditions: [rendition],
      bytes: original.bytes + sumBytes(variants),
      createdBy: ctx.audit?.actor.id ?? null,
    },
    original.bytes,
  );
}

function renditionOf(preset: string, crop: CropRect, variants: ImageVariant[]): Rendition {
  const largest = variants.reduce((a, b) => (b.width > a.width ? b : a), variants[0] as ImageVariant);
  return { preset, crop, width: largest.width, height: largest.height, variants };
}

/** The message kept on a video that was stored without conversion because ffmpeg is missing. */
export function ffmpegMissingMessage(tool: string): string {
  return (
    `ffmpeg is not installed on this server (${JSON.stringify(tool)} could not be started), so the video was kept as uploaded: ` +
    "it was not converted for every browser and has no poster. Install ffmpeg (or set FFMPEG_PATH) and upload it again."
  );
}

async function createVideo(ctx: MediaContext, upload: SpooledUpload, input: UploadInput, assetId: string): Promise<AssetRow> {
  const missing = await missingTool(ctx.config);
  let probe: Awaited<ReturnType<typeof probeVideo>> = null;
  if (!missing) {
    try {
      probe = await probeVideo(ctx.config, upload.file);
    } catch (error) {
      if (error instanceof ToolFailedError) {
        throw new MediaError(
          422,
          mediaProblemTypes.unreadable,
          `${JSON.stringify(input.filename)} could not be read as a video (${error.message.replaceAll(upload.file, "the file")}).`,
        );
      }
      throw error;
    }
    if (!probe) {
      throw new MediaError(422, mediaProblemTypes.unreadable, `${JSON.stringify(input.filename)} has no video stream.`);
    }
    if (probe.durationMs > ctx.config.maxVideoSeconds * 1000) {
      throw new MediaError(
        422,
        mediaProblemTypes.tooLong,
        `${JSON.stringify(input.filename)} lasts ${Math.round(probe.durationMs / 1000)} seconds; videos may last at most ${ctx.config.maxVideoSeconds} seconds.`,
        { maxSeconds: ctx.config.maxVideoSeconds },
      );
    }
  }
  const originalKey = `${assetFolder(ctx.tenantId, assetId)}/original-${randomPart()}.${upload.ext}`;
  const original = await ctx.storage.put(originalKey, createReadStream(upload.file), { contentType: upload.contentType });
  return insertAsset(
    ctx,
    {
      id: assetId,
      tenantId: ctx.tenantId,
      kind: "video",
      status: missing ? "original" : "processing",
      error: missing ? ffmpegMissingMessage(missing) : null,
      filename: input.filename,
      contentType: upload.contentType,
      originalKey,
      width: probe?.width ?? null,
      height: probe?.height ?? null,
      durationMs: probe?.durationMs ?? null,
      alt: input.alt ?? "",
      bytes: original.bytes,
      createdBy: ctx.audit?.actor.id ?? null,
    },
    original.bytes,
    missing ? undefined : async (tx) => void (await ctx.jobs.send<VideoJobData>(VIDEO_JOB, { tenantId: ctx.tenantId, assetId }, { tx })),
  );
}

// --- crops --------------------------------------------------------------------------------------

export interface RenditionInput {
  preset: string;
  crop: CropRect;
}

/** Loads an asset row of the store, locked for update, inside a transaction. */
async function lockAsset(tx: Db, tenantId: string, id: string): Promise<AssetRow | undefined> {
  const [row] = await tx
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.tenantId, tenantId), eq(mediaAssets.id, id)))
    .for("update");
  return row;
}

/**
 * Makes (or remakes) the rendition of a preset from a crop of the original, replacing the
 * preset's older rendition: its files are deleted and the asset's bytes follow.
 */
export async function cropMedia(ctx: MediaContext, id: string, input: RenditionInput): Promise<MediaAssetJson> {
  const asset = await requireMedia(ctx, id);
  const preset = findPreset(ctx.config, input.preset);
  if (!preset) {
    throw new MediaError(
      422,
      mediaProblemTypes.invalidCrop,
      `There is no crop preset "${input.preset}"; the presets are ${ctx.config.presets.map((p) => p.name).join(", ")}.`,
    );
  }
  if (asset.kind !== "image" || asset.width === null || asset.height === null) {
    throw new MediaError(422, mediaProblemTypes.notImage, "Only images can be cropped; this asset is a video.");
  }
  const problem = cropProblem(input.crop, { width: asset.width, height: asset.height }, preset);
  if (problem) throw new MediaError(422, mediaProblemTypes.invalidCrop, problem);

  const [row] = await ctx.db
    .select({ originalKey: mediaAssets.originalKey })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.tenantId, ctx.tenantId), eq(mediaAssets.id, id)));
  const stored = row && (await ctx.storage.get(row.originalKey));
  if (!row || !stored) {
    throw new MediaError(422, mediaProblemTypes.unreadable, `The original of ${JSON.stringify(asset.filename)} is missing from storage.`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stored.body) chunks.push(chunk as Buffer);
  const encoded = await renderRendition(Buffer.concat(chunks), input.crop, preset, ctx.config.widths);
  const folder = assetFolder(ctx.tenantId, id);
  const variants = await storeVariants(ctx.storage, folder, `${preset.name}-${randomPart()}`, encoded);
  const rendition = renditionOf(preset.name, input.crop, variants);

  let replaced: ImageVariant[] = [];
  try {
    await ctx.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const current = await lockAsset(tx, ctx.tenantId, id);
      if (!current) throw notFound("Media asset");
      const old = current.renditions.find((r) => r.preset === preset.name);
      // A migrated asset's original is one of its first rendition's variants: it stays.
      replaced = (old?.variants ?? []).filter((v) => v.key !== current.originalKey);
      const renditions = old ? current.renditions.map((r) => (r === old ? rendition : r)) : [...current.renditions, rendition];
      const bytes = Number(current.bytes) - sumBytes(replaced) + sumBytes(variants);
      await tx.update(mediaAssets).set({ renditions, bytes, updatedAt: new Date() }).where(eq(mediaAssets.id, id));
      await reprojectUsers(ctx, tx, ctx.tenantId, id);
      if (ctx.audit) {
        await recordAudit(txn, {
          ...ctx.audit,
          type: "media.crop",
          targetType: "media",
          targetId: id,
          summary: `${asset.filename} · ${preset.name}`,
          ...diff({ [preset.name]: old?.crop ?? null }, { [preset.name]: input.crop }),
        });
      }
    });
  } catch (error) {
    await deleteKeys(
      ctx,
      variants.map((v) => v.key),
    );
    throw error;
  }
  await deleteKeys(
    ctx,
    replaced.map((v) => v.key),
  );
  return requireMedia(ctx, id);
}

// --- editing and deleting -----------------------------------------------------------------------

/** Changes an asset's alt text (the default for products that show it without their own). */
export async function updateMedia(ctx: MediaContext, id: string, input: { alt: string }): Promise<MediaAssetJson> {
  if (!isUuid(id)) throw notFound("Media asset");
  await ctx.db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const current = await lockAsset(tx, ctx.tenantId, id);
    if (!current) throw notFound("Media asset");
    if (current.alt === input.alt) return;
    await tx.update(mediaAssets).set({ alt: input.alt, updatedAt: new Date() }).where(eq(mediaAssets.id, id));
    await reprojectUsers(ctx, tx, ctx.tenantId, id);
    if (ctx.audit) {
      await recordAudit(txn, {
        ...ctx.audit,
        type: "media.update",
        targetType: "media",
        targetId: id,
        summary: current.filename,
        ...diff({ alt: current.alt }, { alt: input.alt }),
      });
    }
  });
  return requireMedia(ctx, id);
}

function inUseMessage(filename: string, users: Awaited<ReturnType<typeof mediaUsers>>): string {
  const list = (items: { title: string }[], one: string, many: string) =>
    items.length === 0
      ? null
      : `${items.length === 1 ? one : `${items.length} ${many}`} (${items.map((i) => JSON.stringify(i.title)).join(", ")})`;
  const parts = [list(users.products, "a product", "products"), list(users.banners, "a banner", "banners")].filter(Boolean);
  return `${JSON.stringify(filename)} is used by ${parts.join(" and ")}; remove it from them before deleting it.`;
}

/** Deletes an asset and all its files; refused (`media/in-use`) while products or banners use it. */
export async function deleteMedia(ctx: MediaContext, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("Media asset");
  const deleted = await ctx.db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const current = await lockAsset(tx, ctx.tenantId, id);
    if (!current) throw notFound("Media asset");
    const users = await mediaUsers(tx, ctx.tenantId, id);
    if (users.products.length > 0 || users.banners.length > 0) {
      throw new MediaError(409, mediaProblemTypes.inUse, inUseMessage(current.filename, users), { usedBy: users });
    }
    await tx.delete(mediaAssets).where(eq(mediaAssets.id, id));
    if (ctx.audit) {
      await recordAudit(txn, {
        ...ctx.audit,
        type: "media.delete",
        targetType: "media",
        targetId: id,
        summary: current.filename,
        before: { kind: current.kind, bytes: Number(current.bytes) },
      });
    }
    return current;
  });
  // Files of assets made before the media library (migrated product images) live elsewhere.
  const keys = [deleted.originalKey, ...deleted.renditions.flatMap((r) => r.variants.map((v) => v.key))];
  const folder = assetFolder(ctx.tenantId, id);
  await deleteKeys(
    ctx,
    keys.filter((key) => !key.startsWith(`${folder}/`)),
  );
  await deleteFolder(ctx, folder);
}

/** Whether an error is one of the media problems (the routes answer them with their type). */
export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}
