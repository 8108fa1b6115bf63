// Admin API over the store's audit trail: GET /api/admin/audit.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { Access } from "../accounts/access.ts";
import { queryAudit } from "./query.ts";

export interface AuditRoutesOptions {
  db: Db;
  access: Access;
}

const eventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  actorKind: z.enum(["user", "api_key", "system", "anonymous"]),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});

export async function auditRoutes(fastify: FastifyInstance, options: AuditRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/admin/audit",
    {
      preHandler: options.access.require("audit:read"),
      schema: {
        tags: ["admin"],
        summary: "The store's audit trail, newest first",
        description:
          "Admin changes and security events (sign-in, failed sign-in, 2FA, password reset, role changes) with actor, IP and a before/after diff.",
        querystring: z
          .object({
            type: z
              .string()
              .trim()
              .regex(/^[a-z0-9_.]+\*?$/, "type is like auth.sign_in, or a prefix like auth. or auth.*")
              .max(100)
              .optional(),
            actor: z.string().trim().min(1).max(254).optional().describe("User id or e-mail address of the actor"),
            from: z.iso.datetime({ offset: true }).optional().describe("Inclusive lower bound (ISO 8601)"),
            to: z.iso.datetime({ offset: true }).optional().describe("Exclusive upper bound (ISO 8601)"),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            perPage: z.coerce.number().int().min(1).max(200).default(50),
          })
          .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
            message: "from must be before to",
            path: ["to"],
          }),
        response: {
          200: z.object({ items: z.array(eventSchema), total: z.number().int(), page: z.number().int(), perPage: z.number().int() }),
        },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const result = await queryAudit(options.db, request.tenant.id, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return { ...result, items: result.items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
    },
  );
}
