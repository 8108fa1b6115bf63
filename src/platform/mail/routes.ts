import { type FastifyPluginAsyncZod, serializerCompiler, validatorCompiler } from "@fastify/type-provider-zod";
import type { FastifyRequest, preHandlerHookHandler } from "fastify";
import { z } from "zod";
import type { Db } from "../db/index.ts";
import { problem, problemSchema, sendProblem } from "../problem.ts";
import { getMail, listMail, type MailSummary } from "./index.ts";
import { type MailRecord, mailStatuses } from "./schema.ts";

export interface MailRoutesOptions {
  db: Db;
  /** Access guard for the admin API (supplied by the server: signed-in staff of this store). */
  preHandler: preHandlerHookHandler | preHandlerHookHandler[];
  /**
   * The outbox a request may read: the current store's id (the server's tenancy plugin resolves
   * it from the Host), or null for the platform outbox. See listMail for the scoping rule.
   */
  getTenantId(request: FastifyRequest): string | null;
}

// RFC 9457 problem details, as the server's error handler sends them (always with a detail here).
const mailProblemSchema = problemSchema.required({ detail: true });

const attachment = z.object({ filename: z.string(), contentType: z.string(), bytes: z.number().int() });

const summary = z.object({
  id: z.uuid(),
  tenantId: z.uuid().nullable(),
  template: z.string().nullable(),
  from: z.string(),
  to: z.array(z.string()),
  replyTo: z.string().nullable(),
  subject: z.string(),
  attachments: z.array(attachment),
  transport: z.enum(["smtp", "outbox"]),
  status: z.enum(mailStatuses),
  messageId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

const detail = summary.extend({ text: z.string(), html: z.string().nullable() });

const listQuery = z.object({
  page: z.coerce.number().int().min(1, "page starts at 1").default(1),
  perPage: z.coerce.number().int().min(1).max(100, "perPage is at most 100").default(20),
  status: z.enum(mailStatuses).optional(),
  template: z.string().min(1).max(100).optional(),
});

function toJson<T extends MailSummary>(row: T) {
  return { ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null };
}

/** Admin API over the mail outbox: `GET /api/admin/mail` and `GET /api/admin/mail/:id`. */
export const mailRoutes: FastifyPluginAsyncZod<MailRoutesOptions> = async (app, { db, preHandler, getTenantId }) => {
  // Scoped to this plugin; harmless if the server already set them globally.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.get(
    "/api/admin/mail",
    {
      preHandler,
      schema: {
        tags: ["mail"],
        summary: "List the store's sent and captured mail, newest first",
        querystring: listQuery,
        response: {
          200: z.object({ items: z.array(summary), page: z.number().int(), perPage: z.number().int(), total: z.number().int() }),
        },
      },
    },
    async (request) => {
      const { page, perPage, status, template } = request.query;
      const { items, total } = await listMail(db, {
        tenantId: getTenantId(request),
        limit: perPage,
        offset: (page - 1) * perPage,
        status,
        template,
      });
      return { items: items.map(toJson), page, perPage, total };
    },
  );

  app.get(
    "/api/admin/mail/:id",
    {
      preHandler,
      schema: {
        tags: ["mail"],
        summary: "One message with its text and HTML bodies",
        params: z.object({ id: z.uuid("expected a message id (UUID)") }),
        response: { 200: detail, 404: mailProblemSchema },
      },
    },
    async (request, reply) => {
      const row: MailRecord | null = await getMail(db, getTenantId(request), request.params.id);
      if (!row) {
        return sendProblem(reply, problem(404, `No mail message ${request.params.id} in this store.`));
      }
      return toJson(row);
    },
  );
};
