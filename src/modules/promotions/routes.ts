// Coupons over HTTP: the admin API (/api/admin/coupons, catalog permissions) and the public
// coupons page and wallet (/api/v1/coupons, /api/v1/coupons/wallet, /api/v1/coupons/:id/collect).

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { problemSchema as baseProblem, notFound, problem, sendProblem } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import { customerOf } from "../customers/account.ts";
import {
  type CouponAdminContext,
  couponInputSchema,
  couponListQuerySchema,
  couponPatchSchema,
  couponStatuses,
  createCoupon,
  deleteCoupon,
  getCoupon,
  listCoupons,
  updateCoupon,
} from "./admin.ts";
import { couponKinds, couponScopes } from "./schema.ts";
import { collectCoupon, listPublicCoupons, listWalletCoupons } from "./service.ts";

/** A problem with the field errors it names (`errors[].path` as in the request body). */
const problemSchema = baseProblem.extend({ errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

export interface PromotionRoutesOptions {
  db: Db;
  access: Access;
  cache?: MemoCache;
}

const iso = z.string().describe("ISO 8601 date-time");
const minor = z.number().int().describe("Minor units (kuruş)");

export const adminCouponSchema = z.object({
  id: z.uuid(),
  code: z.string().describe("Upper-case, Turkish letters folded (YAZ25)"),
  title: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  kind: z.enum(couponKinds),
  value: z.number().int().describe("Percent (1–100) for percent, minor units for fixed, 0 for free_shipping"),
  maxDiscount: minor.nullable().describe("Ceiling of a percent discount, minor units"),
  minBasket: minor.describe("Basket subtotal needed, minor units"),
  startsAt: iso.nullable(),
  endsAt: iso.nullable(),
  usageLimit: z.number().int().nullable().describe("Uses in total; null = unlimited"),
  perCustomerLimit: z.number().int().nullable().describe("Uses per customer or guest e-mail; null = unlimited"),
  usedCount: z.number().int(),
  scope: z.enum(couponScopes),
  scopeIds: z.array(z.uuid()).describe("Category ids (with their subcategories) or product ids, by scope"),
  combinable: z.boolean(),
  excludeSaleItems: z.boolean(),
  isPublic: z.boolean().describe("Listed on the coupons page and collectable"),
  active: z.boolean(),
  status: z.enum(couponStatuses).describe("active, scheduled (start ahead), expired, used-up or inactive, now"),
  createdAt: iso,
  updatedAt: iso,
});

const publicCouponSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(couponKinds),
  value: z.number().int(),
  maxDiscount: minor.nullable(),
  minBasket: minor,
  endsAt: iso.nullable(),
  scope: z.enum(couponScopes),
  scopeIds: z.array(z.uuid()),
  combinable: z.boolean(),
  excludeSaleItems: z.boolean(),
  remaining: z.number().int().nullable().describe("Uses left in total; null = unlimited"),
});

const walletCouponSchema = publicCouponSchema.extend({
  problem: z
    .enum(["unknown", "inactive", "not-started", "expired", "used-up", "customer-limit"])
    .nullable()
    .describe("Why it cannot be used now, or null"),
  collectedAt: iso,
});

const locale = z.enum(["tr", "en"]).default("tr").describe("Language of the titles");

export async function promotionRoutes(fastify: FastifyInstance, options: PromotionRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, access, cache } = options;
  const ctx = (request: FastifyRequest): CouponAdminContext => ({ db, cache, tenantId: request.tenant.id, actor: auditContext(request) });
  const params = z.object({ id: z.uuid("expected a coupon id (UUID)") });
  const errors = { 404: problemSchema, 409: problemSchema, 422: problemSchema };

  app.get(
    "/api/admin/coupons",
    {
      preHandler: access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "The store's coupons, newest first, with counts per status",
        description: "`q` searches the code and the title; `status` filters by where a coupon stands now.",
        querystring: couponListQuerySchema,
        response: {
          200: z.object({
            items: z.array(adminCouponSchema),
            total: z.number().int(),
            page: z.number().int(),
            perPage: z.number().int(),
            counts: z.object({ all: z.number().int(), ...Object.fromEntries(couponStatuses.map((s) => [s, z.number().int()])) }),
          }),
        },
      },
    },
    async (request) => listCoupons(db, request.tenant.id, request.query),
  );

  app.post(
    "/api/admin/coupons",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Create a coupon",
        description:
          "The code is folded and upper-cased (`yaz 25` → `YAZ25`) and unique in the store (409 when taken). " +
          "Scope ids must be categories or products of this store (422).",
        body: couponInputSchema,
        response: { 201: adminCouponSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCoupon(ctx(request), request.body)),
  );

  app.get(
    "/api/admin/coupons/:id",
    {
      preHandler: access.require("catalog:read"),
      schema: { tags: ["admin"], summary: "One coupon", params, response: { 200: adminCouponSchema, 404: problemSchema } },
    },
    async (request) => {
      const coupon = await getCoupon(db, request.tenant.id, request.params.id);
      if (!coupon) throw notFound("Coupon");
      return coupon;
    },
  );

  app.patch(
    "/api/admin/coupons/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Change a coupon",
        description: "The coupon after the change must be valid as a whole; the usage limit cannot fall below the uses already made (422).",
        params,
        body: couponPatchSchema,
        response: { 200: adminCouponSchema, ...errors },
      },
    },
    async (request) => updateCoupon(ctx(request), request.params.id, request.body),
  );

  app.delete(
    "/api/admin/coupons/:id",
    {
      preHandler: access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Delete a coupon nobody has used",
        description: 'A used coupon is kept for the order history: 409, deactivate it instead (`PATCH {"active": false}`).',
        params,
        response: { 204: z.null().describe("Deleted"), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteCoupon(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // --- public -----------------------------------------------------------------------------------

  app.get(
    "/api/v1/coupons",
    {
      schema: {
        tags: ["catalog"],
        summary: "Coupons anyone can see and collect now: public, active, in their dates, not used up",
        querystring: z.object({ locale }),
        response: { 200: z.object({ items: z.array(publicCouponSchema) }) },
      },
    },
    async (request) => ({ items: await listPublicCoupons(db, request.tenant.id, request.query.locale) }),
  );

  /** The signed-in person's customer id in this store; answers 401/403 and returns null otherwise. */
  async function customerId(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    const who = await access.principal(request, reply);
    const base = { instance: request.url, requestId: request.id };
    if (!who) {
      reply.header("www-authenticate", 'Bearer realm="kervan"');
      sendProblem(reply, problem(401, "Sign in to collect coupons.", base));
      return null;
    }
    if (!who.user) {
      sendProblem(reply, problem(403, "API keys act for the store, not for a person: sign in as the customer.", base));
      return null;
    }
    return (await customerOf({ db, tenantId: request.tenant.id, userId: who.user.id })).id;
  }
  const security = [{ bearerAuth: [] }];

  app.get(
    "/api/v1/coupons/wallet",
    {
      schema: {
        tags: ["account"],
        security,
        summary: "The coupons the signed-in customer collected, newest first",
        querystring: z.object({ locale }),
        response: { 200: z.object({ items: z.array(walletCouponSchema) }), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const id = await customerId(request, reply);
      if (!id) return reply;
      reply.header("cache-control", "private, no-store");
      return { items: await listWalletCoupons(db, request.tenant.id, id, request.query.locale) };
    },
  );

  app.post(
    "/api/v1/coupons/:id/collect",
    {
      schema: {
        tags: ["account"],
        security,
        summary: "Add a public coupon to the signed-in customer's wallet (idempotent)",
        params,
        response: {
          200: z.object({ collected: z.literal(true), couponId: z.uuid() }),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const id = await customerId(request, reply);
      if (!id) return reply;
      await collectCoupon(db, request.tenant.id, id, request.params.id);
      return { collected: true as const, couponId: request.params.id };
    },
  );
}
