// The JSON shapes of the media API, as zod schemas (validation, OpenAPI and the TypeScript types
// the service functions return to the admin pages).

import { z } from "zod";
import { problemSchema } from "../../platform/problem.ts";
import { mediaKinds, mediaStatuses } from "./schema.ts";

export const cropSchema = z.object({
  left: z.number().int().min(0).describe("Pixels from the original's left edge"),
  top: z.number().int().min(0).describe("Pixels from the original's top edge"),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

export const variantSchema = z.object({
  url: z.string(),
  format: z.enum(["avif", "webp", "jpeg"]),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});

export const renditionSchema = z.object({
  preset: z.string(),
  crop: cropSchema,
  width: z.number().int().describe("Width of the largest variant"),
  height: z.number().int(),
  variants: z.array(variantSchema),
});

export const mediaAssetSchema = z.object({
  id: z.uuid(),
  kind: z.enum(mediaKinds),
  status: z.enum(mediaStatuses).describe("ready; processing (video job queued); original (video kept as uploaded, see error); failed"),
  error: z.string().nullable().describe("Why a video is `original` or `failed`, in English"),
  filename: z.string(),
  contentType: z.string().describe("Type of the stored original, from its bytes"),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  alt: z.string(),
  bytes: z.number().int().describe("Stored bytes: the original and everything made from it"),
  createdAt: z.string(),
  originalUrl: z.string(),
  previewUrl: z.string().nullable().describe("The product rendition's smallest WebP, or a video's poster"),
  renditions: z.array(renditionSchema),
  video: z
    .object({
      mp4Url: z.string(),
      hlsUrl: z.string().nullable(),
      width: z.number().int(),
      height: z.number().int(),
      poster: z.array(variantSchema),
    })
    .nullable(),
  usedBy: z.number().int().describe("Products and banners using this asset"),
});

export type MediaAssetJson = z.infer<typeof mediaAssetSchema>;

export const mediaListSchema = z.object({
  items: z.array(mediaAssetSchema),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});

export type MediaListJson = z.infer<typeof mediaListSchema>;

export const MAX_MEDIA_PER_PAGE = 100;

export const mediaListQuerySchema = z.object({
  kind: z.enum(mediaKinds).optional(),
  q: z.string().trim().max(200).optional().describe("Text to find in file names and alt texts"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_MEDIA_PER_PAGE).default(24),
});

export interface MediaListQuery {
  kind?: (typeof mediaKinds)[number];
  q?: string;
  page?: number;
  perPage?: number;
}

const kindUsage = z.object({ bytes: z.number().int(), count: z.number().int() });

export const mediaUsageSchema = z.object({
  quotaBytes: z.number().int(),
  totalBytes: z.number().int(),
  byKind: z.object({ image: kindUsage, video: kindUsage }),
});

export type MediaUsageJson = z.infer<typeof mediaUsageSchema>;

export const mediaPresetsSchema = z.object({
  presets: z.array(
    z.object({
      name: z.string(),
      ratio: z.string().describe('As configured, e.g. "4:5"'),
      ratioWidth: z.number(),
      ratioHeight: z.number(),
      aspect: z.number().describe("Width divided by height"),
    }),
  ),
  widths: z.array(z.number().int()),
  formats: z.array(z.enum(["avif", "webp", "jpeg"])),
  accept: z.array(z.string()).describe("Accepted types, for a file input's accept attribute"),
  limits: z.object({
    maxImageBytes: z.number().int(),
    maxVideoBytes: z.number().int(),
    maxVideoSeconds: z.number().int(),
    maxImagesPerProduct: z.number().int(),
    maxVideosPerProduct: z.number().int(),
    quotaBytes: z.number().int(),
  }),
});

export type MediaPresetsJson = z.infer<typeof mediaPresetsSchema>;

export const renditionInputSchema = z.object({
  preset: z.string().min(1).max(50).describe("A configured crop preset (MEDIA_CROP_PRESETS)"),
  crop: cropSchema.describe("In the original's pixels"),
});

export const mediaPatchSchema = z.object({ alt: z.string().trim().max(500) });

/** A media problem: `type` is one of media/unsupported-type, too-large, too-long, quota-exceeded, unreadable, in-use, invalid-crop, not-an-image. */
export const mediaProblemSchema = problemSchema.extend({
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  limitBytes: z.number().int().optional(),
  quotaBytes: z.number().int().optional(),
  maxSeconds: z.number().int().optional(),
  detectedType: z.string().nullable().optional(),
  usedBy: z
    .object({
      products: z.array(z.object({ id: z.string(), title: z.string() })),
      banners: z.array(z.object({ id: z.string(), title: z.string() })),
    })
    .optional(),
});
