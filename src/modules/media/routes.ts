import multipart from "@fastify/multipart";
import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MediaConfig } from "../../platform/config.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound, type Problem, problem, problemSchema, sendProblem } from "../../platform/problem.ts";
import type { Storage } from "../../platform/storage/types.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import {
  mediaAssetSchema,
  mediaListQuerySchema,
  mediaListSchema,
  mediaPatchSchema,
  mediaPresetsSchema,
  mediaProblemSchema,
  mediaUsageSchema,
  renditionInputSchema,
} from "./contract.ts";
import { MediaError } from "./errors.ts";
import {
  createMedia,
  cropMedia,
  deleteMedia,
  getMedia,
  listMedia,
  type MediaContext,
  mediaPresets,
  mediaUsage,
  receiveUpload,
  updateMedia,
  withTempDir,
} from "./service.ts";
import { ACCEPTED_DESCRIPTION, cleanFilename, type SpooledUpload } from "./upload.ts";

export interface MediaAdminRoutesOptions {
  db: Db;
  storage: Storage;
  jobs: Jobs;
  config: MediaConfig;
  access: Access;
  log?: MediaContext["log"];
}

const idParams = z.object({ id: z.string().max(100) });
const MAX_ALT = 500;

/**
 * The media library API under /api/admin/media: upload (multipart), list, read, crop, alt text,
 * delete and storage usage. Media problems answer with their `type` (media/too-large, …).
 */
export async function mediaAdminRoutes(fastify: FastifyInstance, options: MediaAdminRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Only this plugin's routes take multipart bodies; limits are set per request below.
  await app.register(multipart, { throwFileSizeLimit: true });

  // Media problems carry their own type; anything else goes to the application's error handler.
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof MediaError) {
      const body: Problem & Record<string, unknown> = {
        ...problem(error.statusCode, error.message, { type: error.type, instance: request.url, requestId: request.id }),
        ...error.extra,
      };
      return sendProblem(reply, body);
    }
    throw error;
  });

  const ctx = (request: FastifyRequest): MediaContext => ({
    db: options.db,
    storage: options.storage,
    jobs: options.jobs,
    config: options.config,
    log: options.log ?? request.log,
    tenantId: request.tenant.id,
    audit: auditContext(request),
  });
  const read = options.access.require("catalog:read");
  const write = options.access.require("catalog:write");
  const problems = {
    400: problemSchema,
    404: problemSchema,
    409: mediaProblemSchema,
    413: mediaProblemSchema,
    415: mediaProblemSchema,
    422: mediaProblemSchema,
  };

  app.get(
    "/api/admin/media",
    {
      preHandler: read,
      schema: {
        tags: ["admin"],
        summary: "The media library, newest first",
        querystring: mediaListQuerySchema,
        response: { 200: mediaListSchema },
      },
    },
    async (request) => listMedia(ctx(request), request.query),
  );

  app.get(
    "/api/admin/media/usage",
    {
      preHandler: read,
      schema: {
        tags: ["admin"],
        summary: "Stored media bytes by kind, against the store's quota",
        description: "Originals and everything made from them (variants, MP4, HLS, posters).",
        response: { 200: mediaUsageSchema },
      },
    },
    async (request) => mediaUsage(ctx(request)),
  );

  app.get(
    "/api/admin/media/presets",
    {
      preHandler: read,
      schema: {
        tags: ["admin"],
        summary: "Crop presets, image widths, accepted types and limits",
        response: { 200: mediaPresetsSchema },
      },
    },
    async () => mediaPresets(options.config),
  );

  app.get(
    "/api/admin/media/:id",
    {
      preHandler: read,
      schema: { tags: ["admin"], summary: "One media asset", params: idParams, response: { 200: mediaAssetSchema, 404: problemSchema } },
    },
    async (request) => {
      const asset = await getMedia(ctx(request), request.params.id);
      if (!asset) throw notFound("Media asset");
      return asset;
    },
  );

  app.post(
    "/api/admin/media",
    {
      preHandler: write,
      schema: {
        tags: ["admin"],
        summary: "Upload an image or a video",
        description:
          `multipart/form-data with the file in the field \`file\` and an optional \`alt\` text. Accepted are ${ACCEPTED_DESCRIPTION}, ` +
          "recognised by their content. Images are turned upright, stripped of all metadata (EXIF, GPS) and get their `product` " +
          "rendition at once; videos are checked with ffprobe and converted by a background job (status `processing`).",
        consumes: ["multipart/form-data"],
        response: { 201: mediaAssetSchema, ...problems },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new HttpError(400, 'Send the upload as multipart/form-data with the file in the field "file".');
      }
      const context = ctx(request);
      const { maxImageBytes, maxVideoBytes } = options.config;
      try {
        const asset = await withTempDir(async (dir) => {
          let upload: SpooledUpload | null = null;
          let filename = "upload";
          let alt: string | undefined;
          const parts = request.parts({
            limits: { fileSize: Math.max(maxImageBytes, maxVideoBytes) + 1024 * 1024, files: 1, fields: 5, fieldSize: 4096, parts: 6 },
          });
          for await (const part of parts) {
            if (part.type === "file") {
              if (part.fieldname !== "file")
                throw new HttpError(400, `Unexpected file field "${part.fieldname}": send the file in "file".`);
              filename = cleanFilename(part.filename);
              upload = await receiveUpload(context, part.file, dir, filename);
            } else if (part.fieldname === "alt") {
              alt = String(part.value ?? "").trim();
              if (alt.length > MAX_ALT) throw new HttpError(400, `alt: at most ${MAX_ALT} characters.`);
            }
          }
          if (!upload) throw new HttpError(400, 'No file was sent: put it in the form field "file".');
          return createMedia(context, upload, { filename, alt });
        });
        return reply.code(201).send(asset);
      } catch (error) {
        // The rest of a refused upload is not read: close the connection rather than drain it.
        if (error instanceof MediaError || (error as { statusCode?: number }).statusCode === 413) reply.header("connection", "close");
        throw error;
      }
    },
  );

  app.post(
    "/api/admin/media/:id/renditions",
    {
      preHandler: write,
      schema: {
        tags: ["admin"],
        summary: "Crop an image for a preset",
        description:
          "Makes the preset's rendition (AVIF, WebP and JPEG at the configured widths that fit) from a crop in the original's " +
          "pixels, replacing the preset's older one. The crop must lie inside the image and have the preset's ratio (±1% or 1 px).",
        params: idParams,
        body: renditionInputSchema,
        response: { 200: mediaAssetSchema, ...problems },
      },
    },
    async (request) => cropMedia(ctx(request), request.params.id, request.body),
  );

  app.patch(
    "/api/admin/media/:id",
    {
      preHandler: write,
      schema: {
        tags: ["admin"],
        summary: "Change a media asset's alt text",
        params: idParams,
        body: mediaPatchSchema,
        response: { 200: mediaAssetSchema, 404: problemSchema },
      },
    },
    async (request) => updateMedia(ctx(request), request.params.id, request.body),
  );

  app.delete(
    "/api/admin/media/:id",
    {
      preHandler: write,
      schema: {
        tags: ["admin"],
        summary: "Delete a media asset and all its files",
        description: "Refused with 409 `media/in-use` while products or banners use it; the problem lists them in `usedBy`.",
        params: idParams,
        response: { 204: z.null(), 404: problemSchema, 409: mediaProblemSchema },
      },
    },
    async (request, reply) => {
      await deleteMedia(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
