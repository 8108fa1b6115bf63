// Admin API over categories and brands: /api/admin/categories, /api/admin/brands.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { problemSchema as baseProblem } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import {
  brandCreateSchema,
  brandUpdateSchema,
  categoryCreateSchema,
  categoryUpdateSchema,
  createBrand,
  createCategory,
  deleteBrand,
  deleteCategory,
  listBrandsWithCounts,
  listCategories,
  moveCategory,
  moveSchema,
  type TaxonomyContext,
  updateBrand,
  updateCategory,
} from "./taxonomy.ts";

/** A problem with the field errors it names (`errors[].path` as in the request body). */
const problemSchema = baseProblem.extend({ errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

export interface TaxonomyRoutesOptions {
  db: Db;
  jobs: Jobs;
  cache: MemoCache;
  access: Access;
}

export const adminCategorySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string().nullable().describe("English name; null falls back to the Turkish one"),
  position: z.number().int().describe("Place among its siblings"),
  productCount: z.number().int().describe("Products directly in the category, any status"),
  childCount: z.number().int(),
});

export const adminBrandSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  productCount: z.number().int(),
  createdAt: z.string().describe("ISO 8601 date-time"),
});

export async function taxonomyRoutes(fastify: FastifyInstance, options: TaxonomyRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, jobs, cache, access } = options;
  const ctx = (request: FastifyRequest): TaxonomyContext => ({
    db,
    jobs,
    cache,
    tenantId: request.tenant.id,
    actor: auditContext(request),
  });
  const categoryParams = z.object({ id: z.uuid("expected a category id (UUID)") });
  const brandParams = z.object({ id: z.uuid("expected a brand id (UUID)") });
  const errors = { 404: problemSchema, 409: problemSchema, 422: problemSchema };

  app.get(
    "/api/admin/categories",
    {
      preHandler: access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "Every category as a flat list in tree order (each parent before its children)",
        response: { 200: z.object({ items: z.array(adminCategorySchema) }) },
      },
    },
    async (request) => ({ items: await listCategories(db, request.tenant.id) }),
  );

  app.post(
    "/api/admin/categories",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Create a category (last among its siblings)",
        description:
          "The slug is made from the Turkish name when not given (ç→c, ğ→g, ı→i…) and numbered when taken; a slug you choose that is taken answers 409.",
        body: categoryCreateSchema,
        response: { 201: adminCategorySchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCategory(ctx(request), request.body)),
  );

  app.patch(
    "/api/admin/categories/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Rename, change the slug or English name, move under another parent, or set its position",
        description: "Moving a category under itself or one of its subcategories answers 409. Products shown under it are re-indexed.",
        params: categoryParams,
        body: categoryUpdateSchema,
        response: { 200: adminCategorySchema, ...errors },
      },
    },
    async (request) => updateCategory(ctx(request), request.params.id, request.body),
  );

  app.post(
    "/api/admin/categories/:id/move",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Move a category one place up or down among its siblings",
        params: categoryParams,
        body: moveSchema,
        response: { 200: adminCategorySchema, 404: problemSchema },
      },
    },
    async (request) => moveCategory(ctx(request), request.params.id, request.body.direction),
  );

  app.delete(
    "/api/admin/categories/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Delete an empty category",
        description: "A category with subcategories or products answers 409: move them first.",
        params: categoryParams,
        response: { 204: z.null().describe("Deleted"), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteCategory(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/admin/brands",
    {
      preHandler: access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "Every brand in Turkish alphabetical order, with product counts",
        response: { 200: z.object({ items: z.array(adminBrandSchema) }) },
      },
    },
    async (request) => ({ items: await listBrandsWithCounts(db, request.tenant.id) }),
  );

  app.post(
    "/api/admin/brands",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Create a brand",
        description: "A brand whose name is already used (ignoring case) or a chosen slug that is taken answers 409.",
        body: brandCreateSchema,
        response: { 201: adminBrandSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createBrand(ctx(request), request.body)),
  );

  app.patch(
    "/api/admin/brands/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Rename a brand or change its slug (its products are re-indexed)",
        params: brandParams,
        body: brandUpdateSchema,
        response: { 200: adminBrandSchema, ...errors },
      },
    },
    async (request) => updateBrand(ctx(request), request.params.id, request.body),
  );

  app.delete(
    "/api/admin/brands/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Delete a brand no product uses",
        description: "A brand that products still carry answers 409.",
        params: brandParams,
        response: { 204: z.null().describe("Deleted"), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteBrand(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
