// Admin API over the store's orders: /api/admin/orders (orders:read to look, orders:write to
// change). Every change goes through the order state machine and is recorded in the audit trail.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { problemSchema as baseProblem, HttpError, notFound } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import type { Gateways } from "../payments/service.ts";
import { carrierIds } from "../shipping/carriers.ts";
import { tenants } from "../tenants/schema.ts";
import {
  type AdminOrderDetail,
  type AdminOrderRow,
  addOrderNote,
  bulkChangeOrderStatus,
  changeOrderStatus,
  getAdminOrder,
  listAdminOrders,
  MAX_BULK_ORDERS,
  markOrderPaid,
  type OrderAdminContext,
  orderSorts,
  refundAdminOrder,
  shipAdminOrder,
} from "./admin.ts";
import { renderInvoice, renderPackingSlip, renderStoredDocumentPdf } from "./documents.ts";
import { orderAddressSchema, streamEvents } from "./routes.ts";
import { orderDocuments, paymentMethodIds } from "./schema.ts";
import { getOrder, ordersTopic } from "./service.ts";
import { orderStatuses } from "./states.ts";

export interface OrderAdminRoutesOptions {
  db: Db;
  jobs: Jobs;
  events: EventBus;
  access: Access;
  gateways: Gateways;
}

const problemSchema = baseProblem.extend({ code: z.string().optional() });
const iso = z.string().describe("ISO 8601 date-time");
const minor = z.number().int().describe("Minor units (kuruş)");
const status = z.enum(orderStatuses);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` (a day in Türkiye) or an ISO date-time. */
const dateParam = z
  .string()
  .trim()
  .max(40)
  .refine(
    (v) => (DAY.test(v) ? !Number.isNaN(Date.parse(`${v}T00:00:00+03:00`)) : !Number.isNaN(Date.parse(v))),
    "expected YYYY-MM-DD or an ISO date-time",
  )
  .optional();

/** A `from` day starts at midnight in Türkiye; a `to` day includes the whole day. */
function instant(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (!DAY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00+03:00`);
  return end ? new Date(start.getTime() + 86_400_000) : start;
}

const listQuery = z.object({
  status: z
    .preprocess(
      (v) =>
        v === undefined
          ? undefined
          : [v]
              .flat()
              .flatMap((s) => String(s).split(","))
              .map((s) => s.trim())
              .filter(Boolean),
      z.array(status).max(orderStatuses.length).optional(),
    )
    .describe("One or more statuses, repeated or comma separated"),
  from: dateParam.describe("Placed on or after (YYYY-MM-DD in Türkiye, or an ISO date-time)"),
  to: dateParam.describe("Placed on or before this day (YYYY-MM-DD, inclusive) or before an ISO date-time"),
  paymentMethod: z.enum(paymentMethodIds).optional(),
  customer: z.string().trim().max(254).optional().describe("A customer id or an e-mail address"),
  q: z.string().trim().max(200).optional().describe("Order number prefix, e-mail, a name on the addresses, or a phone number"),
  sort: z.enum(orderSorts).default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});

export const adminOrderRowSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  placedAt: iso,
  customerId: z.uuid().nullable(),
  customerName: z.string(),
  email: z.string(),
  phone: z.string(),
  itemCount: z.number().int(),
  grandTotal: minor,
  refundedTotal: minor,
  currency: z.string(),
  paymentMethod: z.enum(paymentMethodIds),
  status,
  tone: z.string().describe("Badge colour family: neutral, info, warning, success, danger, accent"),
  version: z.number().int(),
});

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
const address = orderAddressSchema;

export const adminOrderDetailSchema = adminOrderRowSchema.omit({ customerName: true, itemCount: true, customerId: true }).extend({
  locale: z.string(),
  paidAt: iso.nullable(),
  deliveredAt: iso.nullable(),
  cancelledAt: iso.nullable(),
  cancelReason: z.string().nullable(),
  reservationExpiresAt: iso.nullable(),
  reviewReason: z.string().nullable(),
  subtotal: minor,
  discountTotal: minor,
  shippingTotal: minor,
  paymentFee: minor,
  storeCreditUsed: minor,
  amountDue: minor,
  refundable: minor.describe("Still refundable: succeeded payments less their refunds"),
  vat: z.array(z.object({ rate: z.number(), net: minor, vat: minor })),
  couponCodes: z.array(z.string()),
  shippingMethodName: z.string(),
  carrier: z.string(),
  shippingAddress: address,
  billingAddress: address,
  invoice: z.object({
    type: z.enum(["individual", "corporate"]),
    tckn: z.string().nullish(),
    companyName: z.string().nullish(),
    taxNumber: z.string().nullish(),
    taxOffice: z.string().nullish(),
  }),
  customerNote: z.string().nullable(),
  ip: z.string().nullable(),
  customer: person.extend({ orderCount: z.number().int() }).nullable(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      productId: z.uuid().nullable(),
      variantId: z.uuid().nullable(),
      sku: z.string().nullable(),
      title: z.string(),
      variantLabel: z.string().nullable(),
      slug: z.string().nullable(),
      image: z.string().nullable(),
      quantity: z.number().int(),
      unitPrice: minor,
      compareAtPrice: minor.nullable(),
      discount: minor,
      total: minor,
      vatRate: z.number().int(),
      refundedQuantity: z.number().int(),
      returnQuantity: z.number().int(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      fromStatus: status.nullable(),
      toStatus: status.nullable(),
      message: z.string().nullable(),
      internal: z.boolean(),
      actor: z.enum(["customer", "staff", "system", "gateway"]),
      actorUser: person.nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      createdAt: iso,
    }),
  ),
  payments: z.array(
    z.object({
      id: z.uuid(),
      method: z.enum(paymentMethodIds),
      status: z.string(),
      amount: minor,
      refundedAmount: minor,
      installments: z.number().int().nullable(),
      failureReason: z.string().nullable(),
      providerPaymentId: z.string().nullable(),
      createdAt: iso,
      paidAt: iso.nullable(),
    }),
  ),
  refunds: z.array(
    z.object({
      id: z.uuid(),
      amount: minor,
      reason: z.string(),
      status: z.string(),
      method: z.enum(paymentMethodIds).nullable(),
      failureReason: z.string().nullable(),
      lines: z.record(z.string(), z.number()).nullable(),
      actorUser: person.nullable(),
      createdAt: iso,
    }),
  ),
  shipments: z.array(
    z.object({
      id: z.uuid(),
      carrier: z.string(),
      carrierName: z.string(),
      trackingNumber: z.string(),
      trackingUrl: z.string().nullable(),
      shippedAt: iso,
      deliveredAt: iso.nullable(),
    }),
  ),
  documents: z.array(z.object({ kind: z.string(), title: z.string(), acceptedAt: iso, sha256: z.string() })),
  nextStatuses: z.array(status).describe("Statuses the state machine allows next"),
});

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

export function adminOrderRowJson(r: AdminOrderRow): z.infer<typeof adminOrderRowSchema> {
  return { ...r, placedAt: r.placedAt.toISOString() };
}

export function adminOrderDetailJson(d: AdminOrderDetail): z.infer<typeof adminOrderDetailSchema> {
  return {
    ...d,
    placedAt: d.placedAt.toISOString(),
    paidAt: isoOrNull(d.paidAt),
    deliveredAt: isoOrNull(d.deliveredAt),
    cancelledAt: isoOrNull(d.cancelledAt),
    reservationExpiresAt: isoOrNull(d.reservationExpiresAt),
    events: d.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    payments: d.payments.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), paidAt: isoOrNull(p.paidAt) })),
    refunds: d.refunds.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    shipments: d.shipments.map((s) => ({ ...s, shippedAt: s.shippedAt.toISOString(), deliveredAt: isoOrNull(s.deliveredAt) })),
    documents: d.documents.map((doc) => ({ ...doc, acceptedAt: doc.acceptedAt.toISOString() })),
  };
}

/** The change context of a request: the store, its jobs and gateways, and who acts. */
export function orderAdminContext(
  request: FastifyRequest,
  options: Pick<OrderAdminRoutesOptions, "db" | "jobs" | "events" | "gateways">,
): OrderAdminContext {
  return {
    db: options.db,
    tenantId: request.tenant.id,
    jobs: options.jobs,
    events: options.events,
    gateways: options.gateways,
    audit: auditContext(request),
    userId: request.principal?.user?.id ?? null,
    ip: request.ip,
  };
}

export async function orderAdminRoutes(fastify: FastifyInstance, options: OrderAdminRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, access } = options;
  const tags = ["admin"];
  const idParams = z.object({ id: z.uuid("expected an order id (UUID)") });
  const read = access.require("orders:read");
  const write = access.require("orders:write");

  async function detail(request: FastifyRequest, id: string) {
    const found = await getAdminOrder(db, request.tenant.id, id);
    if (!found) throw notFound("The order");
    return adminOrderDetailJson(found);
  }
  const changed = { 200: adminOrderDetailSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema };

  app.get(
    "/api/admin/orders",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "The store's orders: filter by status, dates, payment method, customer; search; sort; 25 a page",
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(adminOrderRowSchema),
            total: z.number().int(),
            page: z.number().int(),
            perPage: z.number().int(),
            statusCounts: z.record(z.string(), z.number().int()).describe("Orders per status under the other filters"),
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await listAdminOrders(db, request.tenant.id, {
        statuses: q.status,
        from: instant(q.from, false),
        to: instant(q.to, true),
        paymentMethod: q.paymentMethod,
        customer: q.customer,
        q: q.q,
        sort: q.sort,
        page: q.page,
        perPage: q.perPage,
      });
      reply.header("cache-control", "private, no-store");
      return { ...result, items: result.items.map(adminOrderRowJson) };
    },
  );

  app.get(
    "/api/admin/orders/events",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "Server-sent events: every change of the store's orders ({orderId, number, status, version}; version 1 = just placed)",
        querystring: z.object({
          closeAfter: z.coerce
            .number()
            .min(0.05)
            .max(3600)
            .optional()
            .describe("Seconds after which the server ends the stream (EventSource reconnects by itself)"),
        }),
      },
    },
    async (request, reply) => {
      streamEvents(request, reply, options.events, ordersTopic(request.tenant.id));
      const seconds = request.query.closeAfter;
      if (seconds !== undefined) {
        const timer = setTimeout(() => reply.raw.end(), seconds * 1000);
        timer.unref();
        reply.raw.on("close", () => clearTimeout(timer));
      }
    },
  );

  app.post(
    "/api/admin/orders/bulk-status",
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Change the status of many orders; each order succeeds or fails on its own",
        body: z.object({
          ids: z.array(z.uuid()).min(1).max(MAX_BULK_ORDERS),
          status,
          message: z.string().max(1000).optional(),
        }),
        response: {
          200: z.object({
            updated: z.number().int(),
            failed: z.number().int(),
            results: z.array(
              z.object({
                id: z.uuid(),
                number: z.string().nullable(),
                ok: z.boolean(),
                status: status.optional(),
                code: z.string().optional(),
                message: z.string().optional(),
              }),
            ),
          }),
          400: problemSchema,
        },
      },
    },
    async (request) => {
      const results = await bulkChangeOrderStatus(
        orderAdminContext(request, options),
        request.body.ids,
        request.body.status,
        request.body.message,
      );
      const updated = results.filter((r) => r.ok).length;
      return { updated, failed: results.length - updated, results };
    },
  );

  app.get(
    "/api/admin/orders/:id",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "One order with lines, customer, internal notes, timeline, payments, refunds, shipments and documents",
        params: idParams,
        response: { 200: adminOrderDetailSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "private, no-store");
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/admin/orders/:id/status",
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Move an order to a status the state machine allows (409 otherwise); cancelled refunds a paid order",
        description: "`shipped` needs POST /shipments. Approve or receive a return with `return_approved` / `return_received`.",
        params: idParams,
        body: z.object({ status, message: z.string().max(1000).optional() }),
        response: changed,
      },
    },
    async (request) => {
      await changeOrderStatus(orderAdminContext(request, options), request.params.id, request.body.status, request.body.message);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/admin/orders/:id/shipments",
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Ship an order: carrier and tracking number; the order becomes shipped and the shopper gets the tracking link",
        params: idParams,
        body: z.object({ carrier: z.enum(carrierIds), trackingNumber: z.string().trim().min(1).max(40) }),
        response: changed,
      },
    },
    async (request) => {
      await shipAdminOrder(orderAdminContext(request, options), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/admin/orders/:id/notes",
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Add a note to the order's timeline: internal (staff only) or public (the shopper sees it)",
        params: idParams,
        body: z.object({ message: z.string().min(1).max(2000), visibility: z.enum(["internal", "public"]).default("internal") }),
        response: changed,
      },
    },
    async (request) => {
      await addOrderNote(orderAdminContext(request, options), request.params.id, request.body.message, request.body.visibility);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/admin/orders/:id/mark-paid",
    {
      preHandler: write,
      schema: {
        tags,
        summary: "A bank transfer arrived: the order waiting for it becomes paid",
        params: idParams,
        response: changed,
      },
    },
    async (request) => {
      await markOrderPaid(orderAdminContext(request, options), request.params.id);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/admin/orders/:id/refunds",
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Refund an amount or lines of an order (default: everything still refundable)",
        description:
          "Store credit goes back to the balance, card payments are refunded through their gateway, bank transfer and cash on delivery are recorded for staff to pay out. The order becomes partially_refunded or refunded.",
        params: idParams,
        body: z.object({
          amount: z.number().int().positive().optional().describe("Minor units; default: the lines' value, or all that is refundable"),
          reason: z.string().min(1).max(500),
          lines: z.record(z.uuid(), z.number().int().min(0).max(100_000)).optional().describe("Line id → quantity given back"),
        }),
        response: { ...changed, 502: problemSchema },
      },
    },
    async (request) => {
      await refundAdminOrder(orderAdminContext(request, options), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.get(
    "/api/admin/orders/:id/documents/:kind",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "The order's PDFs: invoice, packing slip, and the pre-information form and distance sales contract as confirmed",
        params: idParams.extend({ kind: z.enum(["invoice", "packing-slip", "pre-information", "distance-sales"]) }),
        querystring: z.object({ download: z.enum(["1", "true"]).optional() }),
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const found = await getOrder(db, request.tenant.id, id);
      if (!found) throw notFound("The order");
      const [tenant] = await db.select().from(tenants).where(eq(tenants.id, request.tenant.id));
      if (!tenant) throw notFound("The store");
      const order = found.order;
      let pdf: Buffer;
      if (kind === "invoice") {
        // cash on delivery is collected at the door: its invoice travels in the parcel
        if (order.status === "cancelled" || (!order.paidAt && order.paymentMethod !== "cash_on_delivery")) {
          throw new HttpError(409, "The invoice is issued once the order is paid.", { code: "not-paid" });
        }
        pdf = await renderInvoice(found, tenant);
      } else if (kind === "packing-slip") {
        pdf = await renderPackingSlip(found, tenant);
      } else {
        const [doc] = await db
          .select()
          .from(orderDocuments)
          .where(and(eq(orderDocuments.orderId, order.id), eq(orderDocuments.kind, kind)));
        if (!doc) throw notFound("The document");
        pdf = await renderStoredDocumentPdf(doc, found, tenant);
      }
      const disposition = request.query.download ? "attachment" : "inline";
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `${disposition}; filename="${kind}-${order.number}.pdf"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );
}

export type AdminOrderRowJson = z.infer<typeof adminOrderRowSchema>;
export type AdminOrderDetailJson = z.infer<typeof adminOrderDetailSchema>;
