// /api/v1/orders: a shopper's own orders. Signed-in customers see theirs; a guest opens one order
// with the access key from the confirmation (`?t=`). Live status as server-sent events.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { customerIdOf } from "../cart/service.ts";
import { GatewayError } from "../payments/gateway.ts";
import { type Gateways, isGatewayMethod, startGatewayPayment } from "../payments/service.ts";
import { resolvePaymentSettings } from "../payments/settings.ts";
import { tenants } from "../tenants/schema.ts";
import { renderInvoice, renderStoredDocumentPdf } from "./documents.ts";
import { type Order, orderDocuments } from "./schema.ts";
import {
  cancelOrder,
  checkOrderAccessToken,
  findOrderByNumber,
  getOrder,
  type OrderDetail,
  orderAccessToken,
  orderTopic,
  requestReturn,
  WITHDRAWAL_DAYS,
} from "./service.ts";
import { customerCancellable, returnable } from "./states.ts";

export interface OrderRoutesOptions {
  db: Db;
  jobs: Jobs;
  events: EventBus;
  access: Access;
  gateways: Gateways;
  secret: string;
}

const money = z.number().int();
const date = z.string();

export const orderAddressSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  provinceCode: z.number(),
  province: z.string(),
  district: z.string(),
  neighbourhood: z.string(),
  addressLine: z.string(),
  postalCode: z.string().nullish(),
});

export const orderDetailSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  version: z.number().int(),
  paymentMethod: z.string(),
  currency: z.string(),
  email: z.string(),
  placedAt: date,
  paidAt: date.nullable(),
  deliveredAt: date.nullable(),
  subtotal: money,
  discountTotal: money,
  shippingTotal: money,
  paymentFee: money,
  grandTotal: money,
  storeCreditUsed: money,
  amountDue: money,
  refundedTotal: money,
  vat: z.array(z.object({ rate: z.number(), net: money, vat: money })),
  couponCodes: z.array(z.string()),
  shippingMethodName: z.string(),
  shippingAddress: orderAddressSchema,
  billingAddress: orderAddressSchema,
  reservationExpiresAt: date.nullable(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      variantLabel: z.string().nullable(),
      slug: z.string().nullable(),
      image: z.string().nullable(),
      sku: z.string().nullable(),
      quantity: z.number().int(),
      unitPrice: money,
      discount: money,
      total: money,
      vatRate: z.number().int(),
      refundedQuantity: z.number().int(),
      returnQuantity: z.number().int(),
    }),
  ),
  timeline: z.array(
    z.object({
      kind: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      message: z.string().nullable(),
      at: date,
    }),
  ),
  shipments: z.array(
    z.object({
      carrier: z.string(),
      trackingNumber: z.string(),
      trackingUrl: z.string().nullable(),
      shippedAt: date,
      deliveredAt: date.nullable(),
    }),
  ),
  payments: z.array(
    z.object({ method: z.string(), status: z.string(), amount: money, refundedAmount: money, failureReason: z.string().nullable() }),
  ),
  canCancel: z.boolean(),
  canReturn: z.boolean(),
  canPay: z.boolean(),
  documents: z.array(z.object({ kind: z.string(), title: z.string(), acceptedAt: date })),
});

/** The order as its shopper sees it: internal notes and raw gateway data left out. */
export function customerOrderJson(
  detail: OrderDetail,
  docs: { kind: string; title: string; acceptedAt: Date }[],
  now = new Date(),
): z.infer<typeof orderDetailSchema> {
  const o = detail.order;
  const deliveredAt = o.deliveredAt ?? null;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    version: o.version,
    paymentMethod: o.paymentMethod,
    currency: o.currency,
    email: o.email,
    placedAt: o.placedAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    deliveredAt: deliveredAt?.toISOString() ?? null,
    subtotal: o.subtotal,
    discountTotal: o.discountTotal,
    shippingTotal: o.shippingTotal,
    paymentFee: o.paymentFee,
    grandTotal: o.grandTotal,
    storeCreditUsed: o.storeCreditUsed,
    amountDue: o.amountDue,
    refundedTotal: o.refundedTotal,
    vat: o.vatBreakdown,
    couponCodes: o.couponCodes,
    shippingMethodName: o.shippingMethodName,
    shippingAddress: o.shippingAddress,
    billingAddress: o.billingAddress,
    reservationExpiresAt: o.reservationExpiresAt?.toISOString() ?? null,
    lines: detail.lines.map((l) => ({
      id: l.id,
      title: l.title,
      variantLabel: l.variantLabel,
      slug: l.slug,
      image: l.image,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      total: l.total,
      vatRate: l.vatRate,
      refundedQuantity: l.refundedQuantity,
      returnQuantity: l.returnQuantity,
    })),
    timeline: detail.events
      .filter(
        (e) => e.visibility === "public" && (e.kind === "status" || e.kind === "shipment" || e.kind === "note" || e.kind === "refund"),
      )
      .map((e) => ({
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        message: e.kind === "note" || e.kind === "refund" ? e.message : null,
        at: e.createdAt.toISOString(),
      })),
    shipments: detail.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      shippedAt: s.shippedAt.toISOString(),
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
    })),
    payments: detail.payments.map((p) => ({
      method: p.method,
      status: p.status,
      amount: p.amount,
      refundedAmount: p.refundedAmount,
      failureReason: p.failureReason,
    })),
    canCancel: customerCancellable.includes(o.status),
    canReturn:
      returnable.includes(o.status) && deliveredAt !== null && now.getTime() - deliveredAt.getTime() <= WITHDRAWAL_DAYS * 86_400_000,
    canPay: o.status === "awaiting_payment" && isGatewayMethod(o.paymentMethod),
    documents: docs.map((d) => ({ kind: d.kind, title: d.title, acceptedAt: d.acceptedAt.toISOString() })),
  };
}

/** The order if the request may see it: its customer signed in, or the guest's access key; 404 otherwise. */
export async function accessibleOrder(
  options: Pick<OrderRoutesOptions, "db" | "access" | "secret">,
  request: FastifyRequest,
  reply: FastifyReply,
  number: string,
  token?: string,
): Promise<Order> {
  const order = await findOrderByNumber(options.db, request.tenant.id, number);
  if (!order) throw notFound("The order");
  if (checkOrderAccessToken(options.secret, order.id, token)) return order;
  const principal = await options.access.principal(request, reply).catch(() => null);
  if (principal?.user && order.customerId) {
    const customerId = await customerIdOf(options.db, request.tenant.id, principal.user.id);
    if (customerId === order.customerId) return order;
  }
  throw notFound("The order");
}

/** One order as its shopper sees it, with its legal documents. */
export async function orderDetailJson(db: Db, order: Order) {
  const detail = (await getOrder(db, order.tenantId, order.id)) as OrderDetail;
  const docs = await db
    .select({ kind: orderDocuments.kind, title: orderDocuments.title, acceptedAt: orderDocuments.acceptedAt })
    .from(orderDocuments)
    .where(eq(orderDocuments.orderId, order.id));
  return customerOrderJson(detail, docs);
}

export const CUSTOMER_ORDERS_PER_PAGE = 20;

/** A customer's orders, newest first, one page (counted from 1), with item count and first image. */
export async function listCustomerOrders(db: Db, tenantId: string, customerId: string, page: number) {
  const perPage = CUSTOMER_ORDERS_PER_PAGE;
  const rows = (await db.execute(sql`
    select o.id, o.number, o.status, o.grand_total, o.placed_at, count(*) over() as total,
           (select coalesce(sum(quantity), 0) from order_lines l where l.order_id = o.id)::int as item_count,
           (select image from order_lines l where l.order_id = o.id and image is not null limit 1) as first_image
    from orders o where o.tenant_id = ${tenantId} and o.customer_id = ${customerId}
    order by o.placed_at desc limit ${perPage} offset ${(page - 1) * perPage}`)) as unknown as {
    rows: {
      id: string;
      number: string;
      status: string;
      grand_total: string | number;
      placed_at: string | Date;
      total: string | number;
      item_count: number;
      first_image: string | null;
    }[];
  };
  return {
    items: rows.rows.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      grandTotal: Number(o.grand_total),
      placedAt: new Date(o.placed_at).toISOString(),
      itemCount: Number(o.item_count),
      firstImage: o.first_image,
    })),
    total: Number(rows.rows[0]?.total ?? 0),
    perPage,
  };
}

/** Opens the card payment page again for an unpaid order (gateway refusals become 502/503). */
export async function startOrderPayment(
  options: Pick<OrderRoutesOptions, "db" | "jobs" | "events" | "gateways" | "secret">,
  request: FastifyRequest,
  order: Order,
): Promise<{ type: "redirect" | "iframe"; url: string } | { type: "client_secret"; clientSecret: string; publishableKey: string }> {
  const settings = resolvePaymentSettings(request.tenant.settings.payments, new Set(Object.keys(options.gateways)));
  const base = `${request.protocol}://${request.host}`;
  const orderUrl = `${base}/siparis/${order.number}?t=${orderAccessToken(options.secret, order.id)}`;
  try {
    const started = await startGatewayPayment(
      { db: options.db, jobs: options.jobs, events: options.events, gateways: options.gateways },
      {
        order,
        callbackUrl: `${base}/api/v1/payments/${order.paymentMethod}/callback`,
        successUrl: `${orderUrl}&odeme=tamam`,
        failUrl: `${orderUrl}&odeme=hata`,
        ip: request.ip,
        maxInstallments: order.paymentMethod === "iyzico" ? settings.iyzico.maxInstallments : settings.paytr.maxInstallments,
      },
    );
    return started.type === "client_secret"
      ? { type: started.type, clientSecret: started.clientSecret, publishableKey: started.publishableKey }
      : { type: started.type, url: started.url };
  } catch (error) {
    if (error instanceof GatewayError)
      throw new HttpError(error.retryable ? 503 : 502, "The payment page could not be opened; please try again.", {
        code: `gateway-${error.code}`,
      });
    throw error;
  }
}

export async function orderRoutes(app: FastifyInstance, options: OrderRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["orders"];
  const params = z.object({ number: z.string().regex(/^\d{6,20}$/, "an order number") });
  const query = z.object({ t: z.string().max(64).optional() });
  const detailJson = (order: Order) => orderDetailJson(options.db, order);

  r.get(
    "/api/v1/orders",
    {
      schema: {
        tags,
        summary: "The signed-in customer's orders, newest first",
        querystring: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                number: z.string(),
                status: z.string(),
                grandTotal: money,
                placedAt: date,
                itemCount: z.number().int(),
                firstImage: z.string().nullable(),
              }),
            ),
            total: z.number().int(),
            perPage: z.number().int(),
          }),
        },
      },
    },
    async (request, reply) => {
      const principal = await options.access.principal(request, reply);
      if (!principal?.user) throw new HttpError(401, "Sign in to see your orders.");
      const customerId = await customerIdOf(options.db, request.tenant.id, principal.user.id);
      reply.header("cache-control", "private, no-store");
      if (!customerId) return { items: [], total: 0, perPage: CUSTOMER_ORDERS_PER_PAGE };
      return listCustomerOrders(options.db, request.tenant.id, customerId, request.query.page);
    },
  );

  r.get(
    "/api/v1/orders/:number",
    {
      schema: {
        tags,
        summary: "One order (its customer, or a guest with the access key `t`)",
        params,
        querystring: query,
        response: { 200: orderDetailSchema },
      },
    },
    async (request, reply) => {
      const order = await accessibleOrder(options, request, reply, request.params.number, request.query.t);
      reply.header("cache-control", "private, no-store");
      return detailJson(order);
    },
  );

  r.post(
    "/api/v1/orders/:number/cancel",
    {
      schema: {
        tags,
        summary: "Cancel an order that has not shipped",
        params,
        querystring: query,
        body: z.object({ reason: z.string().max(500).default("") }).default({ reason: "" }),
        response: { 200: orderDetailSchema },
      },
    },
    async (request, reply) => {
      const order = await accessibleOrder(options, request, reply, request.params.number, request.query.t);
      await cancelOrder(
        {
          db: options.db,
          tenantId: order.tenantId,
          jobs: options.jobs,
          events: options.events,
          actor: { kind: "customer", userId: request.user?.id ?? null },
        },
        order.id,
        request.body.reason.trim() || "cancelled-by-customer",
      );
      return detailJson(order);
    },
  );

  r.post(
    "/api/v1/orders/:number/returns",
    {
      schema: {
        tags,
        summary: "Ask to return items within the withdrawal period",
        params,
        querystring: query,
        body: z.object({
          reason: z.string().max(1000),
          lines: z
            .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1) }))
            .min(1)
            .max(200),
        }),
        response: { 200: orderDetailSchema },
      },
    },
    async (request, reply) => {
      const order = await accessibleOrder(options, request, reply, request.params.number, request.query.t);
      await requestReturn(
        {
          db: options.db,
          tenantId: order.tenantId,
          jobs: options.jobs,
          events: options.events,
          actor: { kind: "customer", userId: request.user?.id ?? null },
        },
        order.id,
        request.body,
      );
      return detailJson(order);
    },
  );

  r.post(
    "/api/v1/orders/:number/pay",
    {
      schema: {
        tags,
        summary: "Open the card payment page again for an unpaid order",
        params,
        querystring: query,
        response: {
          200: z.object({
            type: z.string(),
            url: z.string().optional(),
            clientSecret: z.string().optional(),
            publishableKey: z.string().optional(),
          }),
        },
      },
    },
    async (request, reply) => {
      const order = await accessibleOrder(options, request, reply, request.params.number, request.query.t);
      return startOrderPayment(options, request, order);
    },
  );

  r.get(
    "/api/v1/orders/:number/documents/:kind",
    {
      schema: {
        tags,
        summary: "The order's documents as PDF: pre-information form, distance sales contract, invoice",
        params: params.extend({ kind: z.enum(["pre-information", "distance-sales", "invoice"]) }),
        querystring: query,
      },
    },
    async (request, reply) => {
      const order = await accessibleOrder(options, request, reply, request.params.number, request.query.t);
      const detail = (await getOrder(options.db, order.tenantId, order.id)) as OrderDetail;
      const [tenant] = await options.db.select().from(tenants).where(eq(tenants.id, order.tenantId));
      if (!tenant) throw notFound("The store");
      let pdf: Buffer;
      if (request.params.kind === "invoice") {
        if (!order.paidAt) throw new HttpError(409, "The invoice is issued once the order is paid.", { code: "not-paid" });
        pdf = await renderInvoice(detail, tenant);
      } else {
        const [doc] = await options.db
          .select()
          .from(orderDocuments)
          .where(and(eq(orderDocuments.orderId, order.id), eq(orderDocuments.kind, request.params.kind)));
        if (!doc) throw notFound("The document");
        pdf = await renderStoredDocumentPdf(doc, detail, tenant);
      }
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${request.params.kind}-${order.number}.pdf"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );

  r.get(
    "/api/v1/orders/:number/events",
    { schema: { tags, summary: "Server-sent events: the order's status as it changes", params, querystring: query } },
    async (request, reply) => {
      const order = await accessibleOrder(options, request, reply, request.params.number, request.query.t);
      streamEvents(request, reply, options.events, orderTopic(order.id), {
        orderId: order.id,
        status: order.status,
        version: order.version,
      });
    },
  );
}

/** Holds a server-sent-event stream open, forwarding bus messages of `topic` (and a heartbeat). */
export function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  events: EventBus,
  topic: string,
  initial?: Record<string, unknown>,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  res.write("retry: 3000\n\n");
  if (initial) res.write(`event: order\ndata: ${JSON.stringify(initial)}\n\n`);
  const unsubscribe = events.subscribe(topic, (payload) => {
    res.write(`event: order\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(": ping\n\n"), 25_000);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.raw.on("close", close);
  res.on("close", close);
}
