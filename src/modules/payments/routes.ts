// Gateway callbacks and webhooks. Each is verified by its adapter, recorded once by event id and
// applied (payments/service.ts). iyzico posts the shopper's browser back here; PayTR and Stripe
// call from their servers and want a plain success reply.

import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { problem, sendProblem } from "../../platform/problem.ts";
import { orders } from "../orders/schema.ts";
import { orderAccessToken } from "../orders/service.ts";
import { GatewayError, type GatewayId, type GatewayNotification } from "./gateway.ts";
import { payments } from "./schema.ts";
import { type Gateways, handleGatewayNotification } from "./service.ts";

export interface PaymentRoutesOptions {
  db: Db;
  jobs: Jobs;
  events: EventBus;
  gateways: Gateways;
  secret: string;
}

const MAX_BODY = 256 * 1024;

function notificationOf(request: FastifyRequest): GatewayNotification {
  const rawBody = typeof request.body === "string" ? request.body : "";
  const type = request.headers["content-type"] ?? "";
  let body: Record<string, unknown> = {};
  if (type.includes("application/x-www-form-urlencoded")) body = Object.fromEntries(new URLSearchParams(rawBody));
  else if (type.includes("json") && rawBody) {
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      body = {};
    }
  }
  return {
    headers: request.headers as Record<string, string | string[] | undefined>,
    rawBody,
    body,
    query: Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
  };
}

export async function paymentRoutes(app: FastifyInstance, options: PaymentRoutesOptions): Promise<void> {
  // Gateways sign the exact bytes: keep bodies as text in this plugin.
  app.addContentTypeParser(
    ["application/x-www-form-urlencoded", "application/json"],
    { parseAs: "string", bodyLimit: MAX_BODY },
    (_req, body, done) => done(null, body),
  );
  const ctx = { db: options.db, jobs: options.jobs, events: options.events, gateways: options.gateways };
  const configured = (id: string): id is GatewayId => id in options.gateways;

  app.post<{ Params: { gateway: string } }>(
    "/api/v1/payments/:gateway/callback",
    {
      schema: {
        tags: ["payments"],
        summary: "Gateway callback / webhook (iyzico callback, PayTR notification, Stripe webhook)",
        hide: false,
      },
    },
    async (request, reply) => {
      const gatewayId = request.params.gateway;
      if (!configured(gatewayId)) return sendProblem(reply, problem(404, "Unknown payment gateway."));
      try {
        const { outcome, orderId, result } = await handleGatewayNotification(ctx, gatewayId, notificationOf(request));
        request.log.info({ gateway: gatewayId, eventId: outcome.eventId, status: outcome.status, result }, "payment notification");
        if (outcome.reply) return reply.code(outcome.reply.status).type(outcome.reply.contentType).send(outcome.reply.body);
        if (gatewayId === "iyzico") {
          // The shopper's browser: back to the order page.
          const id = orderId ?? (await orderIdOfPayment(options.db, outcome.paymentRef));
          const [order] = id ? await options.db.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.id, id)) : [];
          if (!order) return reply.redirect("/", 303);
          const flag = outcome.status === "succeeded" ? "tamam" : "hata";
          return reply.redirect(`/siparis/${order.number}?t=${orderAccessToken(options.secret, order.id)}&odeme=${flag}`, 303);
        }
        return reply.code(200).send({ received: true });
      } catch (error) {
        if (error instanceof GatewayError && error.code === "signature") {
          request.log.warn({ gateway: gatewayId, err: error }, "payment notification with a bad signature refused");
          return sendProblem(reply, problem(400, "The notification's signature is not valid."));
        }
        if (error instanceof GatewayError) {
          request.log.warn({ gateway: gatewayId, err: error }, "payment notification could not be checked");
          return sendProblem(reply, problem(error.retryable ? 503 : 400, error.message));
        }
        throw error;
      }
    },
  );
}

async function orderIdOfPayment(db: Db, paymentId: string): Promise<string | null> {
  if (!isUuid(paymentId)) return null;
  const [row] = await db.select({ orderId: payments.orderId }).from(payments).where(eq(payments.id, paymentId));
  return row?.orderId ?? null;
}
