// Admin API over home carousel slides and category banners: /api/admin/banners.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { problemSchema as baseProblem, notFound } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import {
  type BannerContext,
  bannerInputSchema,
  bannerPatchSchema,
  bannerQuerySchema,
  createBanner,
  deleteBanner,
  getBanner,
  listBanners,
  moveBanner,
  updateBanner,
} from "./banners.ts";
import { bannerPlacements } from "./schema.ts";
import { moveSchema } from "./taxonomy.ts";

/** A problem with the field errors it names (`errors[].path` as in the request body). */
const problemSchema = baseProblem.extend({ errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

export interface BannerRoutesOptions {
  db: Db;
  cache: MemoCache;
  access: Access;
  mediaUrl: (key: string) => string;
}

const iso = z.string().describe("ISO 8601 date-time");

export const adminBannerSchema = z.object({
  id: z.uuid(),
  placement: z.enum(bannerPlacements),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  title: z.string(),
  subtitle: z.string(),
  titleEn: z.string().nullable(),
  subtitleEn: z.string().nullable(),
  linkUrl: z.string().nullable(),
  assetId: z.uuid().nullable(),
  thumbnail: z.string().nullable().describe("URL of a small preview of the image"),
  position: z.number().int(),
  active: z.boolean(),
  startsAt: iso.nullable(),
  endsAt: iso.nullable(),
  live: z.boolean().describe("Shown on the storefront now: active and within its dates"),
  createdAt: iso,
});

export async function bannerRoutes(fastify: FastifyInstance, options: BannerRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, cache, access, mediaUrl } = options;
  const ctx = (request: FastifyRequest): BannerContext => ({ db, cache, tenantId: request.tenant.id, actor: auditContext(request) });
  const params = z.object({ id: z.uuid("expected a banner id (UUID)") });

  app.get(
    "/api/admin/banners",
    {
      preHandler: access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "Home carousel slides and category banners, by placement and position",
        querystring: bannerQuerySchema,
        response: { 200: z.object({ items: z.array(adminBannerSchema) }) },
      },
    },
    async (request) => ({ items: await listBanners(db, request.tenant.id, mediaUrl, request.query) }),
  );

  app.get(
    "/api/admin/banners/:id",
    {
      preHandler: access.require("catalog:read"),
      schema: { tags: ["admin"], summary: "One banner", params, response: { 200: adminBannerSchema, 404: problemSchema } },
    },
    async (request) => {
      const banner = await getBanner(db, request.tenant.id, request.params.id, mediaUrl);
      if (!banner) throw notFound("Banner");
      return banner;
    },
  );

  app.post(
    "/api/admin/banners",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Create a banner (last of its placement)",
        description:
          "`home-hero` slides show in the home carousel, `category` banners on their category's page (`categoryId` required). " +
          "`assetId` is an image of the media library; `linkUrl` a site path (`/kategori/x`) or an http(s) address. " +
          "It shows while `active` and between `startsAt` and `endsAt` (either may be empty).",
        body: bannerInputSchema,
        response: { 201: adminBannerSchema, 422: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createBanner(ctx(request), request.body, mediaUrl)),
  );

  app.patch(
    "/api/admin/banners/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Change a banner",
        params,
        body: bannerPatchSchema,
        response: { 200: adminBannerSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => updateBanner(ctx(request), request.params.id, request.body, mediaUrl),
  );

  app.post(
    "/api/admin/banners/:id/move",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Move a banner one place up or down within its placement",
        params,
        body: moveSchema,
        response: { 200: adminBannerSchema, 404: problemSchema },
      },
    },
    async (request) => moveBanner(ctx(request), request.params.id, request.body.direction, mediaUrl),
  );

  app.delete(
    "/api/admin/banners/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: { tags: ["admin"], summary: "Delete a banner", params, response: { 204: z.null().describe("Deleted"), 404: problemSchema } },
    },
    async (request, reply) => {
      await deleteBanner(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
