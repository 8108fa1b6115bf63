import type { FastifyRequest } from "fastify";
import { getMedia, listMedia, mediaPresets, mediaUsage } from "../../modules/media/service.ts";
import type { MediaAdmin } from "../../web/services/media.ts";
import type { Kernel } from "../kernel.ts";

/**
 * Implements MediaAdmin for one request: the media library's reads for the admin pages (the
 * loaders check catalog:read first). Changes go through the REST API from the browser.
 */
export function mediaWeb(kernel: Kernel, request: FastifyRequest): MediaAdmin {
  const ctx = { db: kernel.db, tenantId: request.tenant.id, storage: kernel.storage, config: kernel.config.media };
  return {
    list: (query) => listMedia(ctx, query),
    get: (id) => getMedia(ctx, id),
    usage: () => mediaUsage(ctx),
    settings: () => mediaPresets(kernel.config.media),
  };
}
