// Admin API over the store's customers: /api/admin/customers.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { notFound, problemSchema } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import type { Auth, AuthProvider } from "../accounts/auth.ts";
import { consentPurposes } from "../accounts/schema.ts";
import { actorContext } from "../accounts/staff.ts";
import {
  adjustStoreCredit,
  type CustomerSummary,
  deleteCustomer,
  getCustomer,
  listCustomers,
  MAX_CREDIT_ADJUSTMENT,
  updateCustomer,
} from "./admin.ts";
import { customerTiers } from "./schema.ts";

export interface CustomerAdminRoutesOptions {
  db: Db;
  access: Access;
  auth: Auth | AuthProvider;
}

const iso = z.string().describe("ISO 8601 date-time");

export const customerSummarySchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  tier: z.enum(customerTiers),
  storeCredit: z.number().int().describe("Store credit in minor units (kuruş)"),
  disabled: z.boolean(),
  disabledAt: iso.nullable(),
  disabledReason: z.string().nullable(),
  createdAt: iso,
  lastSeenAt: iso.nullable(),
});

const entrySchema = z.object({
  id: z.uuid(),
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  reason: z.string(),
  actorEmail: z.string().nullable(),
  createdAt: iso,
});

const detailSchema = customerSummarySchema.extend({
  phone: z.string().nullable(),
  twoFactorEnabled: z.boolean(),
  addressCount: z.number().int(),
  ledger: z.array(entrySchema),
  consents: z.array(
    z.object({
      purpose: z.enum(consentPurposes),
      granted: z.boolean(),
      textVersion: z.string(),
      createdAt: iso,
      ip: z.string().nullable(),
    }),
  ),
  activity: z.array(
    z.object({
      id: z.uuid(),
      type: z.string(),
      actorEmail: z.string().nullable(),
      summary: z.string().nullable(),
      ip: z.string().nullable(),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
      createdAt: iso,
    }),
  ),
});

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

export function summaryJson(c: CustomerSummary) {
  return {
    ...c,
    disabled: c.disabledAt !== null,
    disabledAt: isoOrNull(c.disabledAt),
    createdAt: c.createdAt.toISOString(),
    lastSeenAt: isoOrNull(c.lastSeenAt),
  };
}

const entryJson = <T extends { createdAt: Date }>(e: T) => ({ ...e, createdAt: e.createdAt.toISOString() });

export async function customerAdminRoutes(fastify: FastifyInstance, options: CustomerAdminRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, access } = options;
  const idParams = z.object({ id: z.uuid("expected a customer id (UUID)") });

  app.get(
    "/api/admin/customers",
    {
      preHandler: access.require("customers:read"),
      schema: {
        tags: ["admin"],
        summary: "The store's customers, newest first",
        querystring: z.object({
          q: z.string().trim().max(200).optional().describe("Text to find in names and e-mail addresses"),
          tier: z.enum(customerTiers).optional(),
          status: z.enum(["active", "disabled"]).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          perPage: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(customerSummarySchema),
            total: z.number().int(),
            page: z.number().int(),
            perPage: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const result = await listCustomers(db, request.tenant.id, request.query);
      return { ...result, items: result.items.map(summaryJson) };
    },
  );

  app.get(
    "/api/admin/customers/:id",
    {
      preHandler: access.require("customers:read"),
      schema: {
        tags: ["admin"],
        summary: "One customer with store credit ledger, consents and recent activity",
        params: idParams,
        response: { 200: detailSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const c = await getCustomer(db, request.tenant.id, request.params.id);
      if (!c) throw notFound("Customer");
      return {
        ...summaryJson(c),
        phone: c.phone,
        twoFactorEnabled: c.twoFactorEnabled,
        addressCount: c.addressCount,
        ledger: c.ledger.map(entryJson),
        consents: c.consents.map(entryJson),
        activity: c.activity.map(entryJson),
      };
    },
  );

  app.patch(
    "/api/admin/customers/:id",
    {
      preHandler: access.require("customers:write"),
      schema: {
        tags: ["admin"],
        summary: "Set the tier (premium/standard) or disable/enable a customer",
        description: "Disabling needs a `reason` and signs the person out everywhere.",
        params: idParams,
        body: z
          .object({
            tier: z.enum(customerTiers).optional(),
            disabled: z.boolean().optional(),
            reason: z.string().trim().max(500).optional(),
          })
          .refine((b) => b.tier !== undefined || b.disabled !== undefined, "send tier and/or disabled")
          .refine((b) => b.disabled !== true || (b.reason?.length ?? 0) > 0, {
            message: "a reason is required to disable",
            path: ["reason"],
          }),
        response: { 200: customerSummarySchema, 404: problemSchema },
      },
    },
    async (request) => summaryJson(await updateCustomer(actorContext(request, options), request.params.id, request.body)),
  );

  app.post(
    "/api/admin/customers/:id/credit",
    {
      preHandler: access.require("customers:credit"),
      schema: {
        tags: ["admin"],
        summary: "Add or take store credit, with a reason",
        description: "The balance never goes below zero: a deduction larger than the balance answers 409.",
        params: idParams,
        body: z.object({
          amount: z
            .number()
            .int("amount is in minor units (kuruş), a whole number")
            .min(-MAX_CREDIT_ADJUSTMENT)
            .max(MAX_CREDIT_ADJUSTMENT)
            .refine((n) => n !== 0, "amount must not be zero")
            .describe("Signed amount in minor units: positive adds, negative takes"),
          reason: z.string().trim().min(3, "give a reason (at least 3 characters)").max(500),
        }),
        response: { 200: z.object({ balance: z.number().int(), entry: entrySchema }), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const { balance, entry } = await adjustStoreCredit(actorContext(request, options), request.params.id, request.body);
      return { balance, entry: entryJson(entry) };
    },
  );

  app.delete(
    "/api/admin/customers/:id",
    {
      preHandler: access.require("customers:delete"),
      schema: {
        tags: ["admin"],
        summary: "Delete a customer of this store",
        description:
          "Removes the store's customer record; the person's account is deleted too when no other store or staff membership holds it.",
        params: idParams,
        response: { 200: z.object({ deleted: z.literal(true), userDeleted: z.boolean() }), 404: problemSchema },
      },
    },
    async (request) => ({ deleted: true as const, ...(await deleteCustomer(actorContext(request, options), request.params.id)) }),
  );
}
