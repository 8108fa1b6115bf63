import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/schema.ts";

/** One stored rendition of an image (format and width). */
export interface ImageVariant {
  key: string;
  format: "webp" | "avif" | "jpeg";
  width: number;
  height: number;
  bytes: number;
}

/** A crop of the original, in original pixels. */
export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The renditions made for one section's crop preset (`product`, `gallery`, `banner`,
 * `category-banner`): the crop and its responsive variants.
 */
export interface Rendition {
  preset: string;
  crop: CropRect;
  width: number;
  height: number;
  variants: ImageVariant[];
}

/** What the video job made: a browser-safe MP4, an HLS ladder and a poster. */
export interface VideoOutputs {
  mp4?: { key: string; width: number; height: number; bytes: number };
  /** HLS master playlist. */
  hls?: { key: string; renditions: { height: number; bandwidth: number }[] };
  poster?: ImageVariant[];
}

export const mediaKinds = ["image", "video"] as const;
export type MediaKind = (typeof mediaKinds)[number];

/**
 * - `ready`: usable;
 * - `processing`: a video waiting for its background job;
 * - `original`: a video kept as uploaded (no ffmpeg, or the job failed); `error` says why;
 * - `failed`: unusable (the file could not be read).
 */
export const mediaStatuses = ["ready", "processing", "original", "failed"] as const;
export type MediaStatus = (typeof mediaStatuses)[number];

/** The media library: every uploaded image and video of a tenant, reusable across products and banners. */
export const mediaAssets = pgTable(
  "media_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: mediaKinds }).notNull(),
    status: text("status", { enum: mediaStatuses }).notNull().default("ready"),
    /** Why a video is `original` or `failed`, in words for the merchant. */
    error: text("error"),
    filename: text("filename").notNull(),
    /** Detected from the file's bytes, never from its name. */
    contentType: text("content_type").notNull(),
    originalKey: text("original_key").notNull(),
    width: integer("width"),
    height: integer("height"),
    durationMs: integer("duration_ms"),
    alt: text("alt").notNull().default(""),
    renditions: jsonb("renditions").$type<Rendition[]>().notNull().default([]),
    video: jsonb("video").$type<VideoOutputs>(),
    /** Bytes of the original plus everything made from it, by storage usage. */
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("media_assets_tenant_created").on(t.tenantId, t.createdAt.desc()),
    index("media_assets_tenant_kind").on(t.tenantId, t.kind),
    check("media_assets_bytes_nonnegative", sql`${t.bytes} >= 0`),
  ],
);
