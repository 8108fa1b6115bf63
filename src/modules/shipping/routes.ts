// Admin API over the store's shipping methods: /api/admin/shipping-methods. Reading needs
// `orders:read` (order staff answer shipping questions), changing needs `settings:write`.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { problemSchema as baseProblem, notFound } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import {
  createShippingMethod,
  deleteShippingMethod,
  getShippingMethod,
  listShippingMethodsAdmin,
  reorderShippingMethods,
  type ShippingAdminContext,
  shippingMethodInputSchema,
  shippingMethodPatchSchema,
  shippingReorderSchema,
  updateShippingMethod,
} from "./admin.ts";
import { carrierIds } from "./carriers.ts";

const problemSchema = baseProblem.extend({ errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

export interface ShippingRoutesOptions {
  db: Db;
  access: Access;
  /** The cache `activeShippingMethods` reads through (cleared on every change). */
  cache: MemoCache;
}

const minor = z.number().int().describe("Minor units (kuruş), KDV included");

export const adminShippingMethodSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
  carrier: z.enum(carrierIds),
  carrierName: z.string(),
  baseFee: minor.describe("Fee up to `baseDesi` desi, minor units"),
  baseDesi: z.number().int(),
  perDesiFee: minor.describe("Added for each desi above `baseDesi`, minor units"),
  freeOver: minor.nullable().describe("Baskets of this value or more ship free; null = never"),
  minDays: z.number().int(),
  maxDays: z.number().int(),
  active: z.boolean(),
  position: z.number().int(),
  examples: z.array(z.object({ desi: z.number().int(), fee: minor })).describe("The fee for a few basket sizes"),
  createdAt: z.string().describe("ISO 8601 date-time"),
});

export async function shippingRoutes(fastify: FastifyInstance, options: ShippingRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, access, cache } = options;
  const ctx = (request: FastifyRequest): ShippingAdminContext => ({ db, cache, tenantId: request.tenant.id, actor: auditContext(request) });
  const params = z.object({ id: z.uuid("expected a shipping method id (UUID)") });
  const list = z.object({ items: z.array(adminShippingMethodSchema) });

  app.get(
    "/api/admin/shipping-methods",
    {
      preHandler: access.require("orders:read"),
      schema: { tags: ["admin"], summary: "Every shipping method of the store, in display order", response: { 200: list } },
    },
    async (request) => ({ items: await listShippingMethodsAdmin(db, request.tenant.id) }),
  );

  app.post(
    "/api/admin/shipping-methods",
    {
      preHandler: access.require("settings:write"),
      schema: {
        tags: ["admin"],
        summary: "Add a shipping method (last in the order)",
        description: "Fees are minor units, KDV included. Defaults: 3 desi in the base fee, no per-desi fee, 1–3 days, active.",
        body: shippingMethodInputSchema,
        response: { 201: adminShippingMethodSchema, 422: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createShippingMethod(ctx(request), request.body)),
  );

  app.put(
    "/api/admin/shipping-methods/order",
    {
      preHandler: access.require("settings:write"),
      schema: {
        tags: ["admin"],
        summary: "Put the shipping methods in a new order",
        description: "`ids` names every method of the store exactly once (422 otherwise).",
        body: shippingReorderSchema,
        response: { 200: list, 422: problemSchema },
      },
    },
    async (request) => ({ items: await reorderShippingMethods(ctx(request), request.body.ids) }),
  );

  app.get(
    "/api/admin/shipping-methods/:id",
    {
      preHandler: access.require("orders:read"),
      schema: { tags: ["admin"], summary: "One shipping method", params, response: { 200: adminShippingMethodSchema, 404: problemSchema } },
    },
    async (request) => {
      const method = await getShippingMethod(db, request.tenant.id, request.params.id);
      if (!method) throw notFound("Shipping method");
      return method;
    },
  );

  app.patch(
    "/api/admin/shipping-methods/:id",
    {
      preHandler: access.require("settings:write"),
      schema: {
        tags: ["admin"],
        summary: "Change a shipping method",
        params,
        body: shippingMethodPatchSchema,
        response: { 200: adminShippingMethodSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => updateShippingMethod(ctx(request), request.params.id, request.body),
  );

  app.delete(
    "/api/admin/shipping-methods/:id",
    {
      preHandler: access.require("settings:write"),
      schema: {
        tags: ["admin"],
        summary: "Delete a shipping method",
        description: "Orders placed with it keep its name and fee.",
        params,
        response: { 204: z.null().describe("Deleted"), 404: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteShippingMethod(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
