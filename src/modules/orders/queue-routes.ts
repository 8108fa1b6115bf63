// Admin API of the pending-order queue: /api/admin/orders/queue (the orders by current priority
// score, recent decisions), …/process (a worker pass now) and …/test-orders (random test orders).

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import { customerTiers } from "../customers/schema.ts";
import { getQueueView, type Missing, processStoreQueue, type QueueDecision, type QueueView } from "./pending-queue.ts";
import { createTestOrders, MAX_TEST_ORDERS } from "./queue-test-orders.ts";
import { orderStatuses } from "./states.ts";

export interface QueueRoutesOptions {
  db: Db;
  jobs: Jobs;
  events: EventBus;
  access: Access;
}

const iso = z.string().describe("ISO 8601 date-time");
const money = z.number().int().describe("Minor units (kuruş)");

const missingSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("stock"),
    title: z.string(),
    variantLabel: z.string().nullable(),
    needed: z.number().int(),
    available: z.number().int(),
  }),
  z.object({ kind: z.literal("credit"), needed: money, available: money }),
]);

const queueItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  placedAt: iso,
  reviewReason: z.string().nullable().describe("backorder | preorder | budget"),
  paymentMethod: z.string(),
  grandTotal: money,
  currency: z.string(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  email: z.string(),
  tier: z.enum(customerTiers),
  score: z.number().describe("tierWeight + waitedMinutes × agingPerMinute, now"),
  waitedMinutes: z.number(),
  deadline: iso.nullable().describe("When a backorder / pre-order is rejected if stock has not come"),
  lastCheckedAt: iso.nullable(),
  attempts: z.number().int(),
  test: z.boolean(),
  missing: z.array(missingSchema),
});

const decisionSchema = z.object({
  orderId: z.uuid(),
  number: z.string(),
  decision: z.enum(["approved", "rejected", "skipped", "failed"]),
  reason: z.string(),
  status: z.enum(orderStatuses),
  score: z.number(),
  tier: z.enum(customerTiers),
  waitedMinutes: z.number(),
  missing: z.array(missingSchema),
});

const viewSchema = z.object({
  items: z.array(queueItemSchema),
  total: z.number().int(),
  premium: z.number().int(),
  oldestPlacedAt: iso.nullable(),
  decisions: z.array(decisionSchema.extend({ test: z.boolean(), at: iso })),
  policy: z.object({
    tierWeight: z.record(z.string(), z.number()),
    agingPerMinute: z.number(),
    maxWaitDays: z.object({ backorder: z.number(), preorder: z.number() }),
    maxPerPass: z.number().int(),
  }),
  now: iso,
});

const passSchema = z.object({
  approved: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int().describe("Still waiting for stock"),
  failed: z.number().int(),
  decisions: z.array(decisionSchema),
});

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

export function queueViewJson(view: QueueView): z.infer<typeof viewSchema> {
  return {
    ...view,
    items: view.items.map((i) => ({
      ...i,
      placedAt: i.placedAt.toISOString(),
      deadline: isoOrNull(i.deadline),
      lastCheckedAt: isoOrNull(i.lastCheckedAt),
    })),
    oldestPlacedAt: isoOrNull(view.oldestPlacedAt),
    decisions: view.decisions.map((d) => ({ ...d, at: d.at.toISOString() })),
    now: view.now.toISOString(),
  };
}

export function decisionJson(d: QueueDecision): z.infer<typeof decisionSchema> {
  return {
    orderId: d.orderId,
    number: d.number,
    decision: d.decision,
    reason: d.reason,
    status: d.status,
    score: d.score,
    tier: d.tier,
    waitedMinutes: d.waitedMinutes,
    missing: d.missing as Missing[],
  };
}

export async function orderQueueRoutes(fastify: FastifyInstance, options: QueueRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, jobs, events, access } = options;

  app.get(
    "/api/admin/orders/queue",
    {
      preHandler: access.require("orders:read"),
      schema: {
        tags: ["admin"],
        summary: "Pending orders by current priority score, and recent queue decisions",
        description:
          "score = tier weight (premium 100, standard 0) + minutes waited × 1, computed now. Workers take the highest score first.",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: viewSchema },
      },
    },
    async (request) => queueViewJson(await getQueueView(db, request.tenant.id, { limit: request.query.limit })),
  );

  app.post(
    "/api/admin/orders/queue/process",
    {
      preHandler: access.require("orders:write"),
      schema: {
        tags: ["admin"],
        summary: "Run a worker pass over this store's pending orders now",
        response: { 200: passSchema },
      },
    },
    async (request) => {
      const pass = await processStoreQueue({ db, jobs, events, log: request.log }, request.tenant.id, auditContext(request));
      return { ...pass, decisions: pass.decisions.map(decisionJson) };
    },
  );

  app.post(
    "/api/admin/orders/queue/test-orders",
    {
      preHandler: access.require("orders:write"),
      schema: {
        tags: ["admin"],
        summary: "Create random pending test orders (backorder, pre-order, budget) for demo customers",
        body: z.object({ count: z.number().int().min(1).max(MAX_TEST_ORDERS).default(10) }),
        response: {
          201: z.object({
            created: z.number().int(),
            orders: z.array(
              z.object({ id: z.uuid(), number: z.string(), reviewReason: z.string(), tier: z.enum(customerTiers), placedAt: iso }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const created = await createTestOrders(
        { db, jobs, events, tenantId: request.tenant.id, audit: auditContext(request) },
        request.body.count,
      );
      return reply.code(201).send({ created: created.length, orders: created.map((o) => ({ ...o, placedAt: o.placedAt.toISOString() })) });
    },
  );
}
