import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import {
  addOrderNote,
  bulkChangeOrderStatus,
  changeOrderStatus,
  getAdminOrder,
  listAdminOrders,
  markOrderPaid,
  type OrderAdminContext,
  ordersSummary,
  refundAdminOrder,
  shipAdminOrder,
  waitingOrderCount,
} from "../../modules/orders/admin.ts";
import { adminOrderDetailJson, adminOrderRowJson, orderAdminContext } from "../../modules/orders/admin-routes.ts";
import { paymentMethodIds } from "../../modules/orders/schema.ts";
import { orderStatuses, statusTone } from "../../modules/orders/states.ts";
import { carrierIds, carriers } from "../../modules/shipping/carriers.ts";
import { startOfDayInTurkey } from "../../web/lib/dates.ts";
import { ORDERS_PER_PAGE, type OrdersAdmin, type OrdersResult } from "../../web/services/orders-admin.ts";
import type { Kernel } from "../kernel.ts";
import { change as changeResult } from "./attempt.ts";
import { requirePermission } from "./guard.ts";

const change = <T extends object>(fn: () => Promise<T>): Promise<OrdersResult<T>> => changeResult(fn);

/** Implements OrdersAdmin for one request (the page loaders check orders:read first). */
export function ordersAdminWeb(kernel: Kernel, request: FastifyRequest): OrdersAdmin {
  const { db } = kernel;
  const tenantId = request.tenant.id;

  /** The change context, with the permission checked again here (defence in depth). */
  async function writer(permission: Permission): Promise<OrderAdminContext> {
    await requirePermission(kernel, request, permission);
    return orderAdminContext(request, kernel);
  }

  return {
    meta: () => ({
      statuses: orderStatuses.map((status) => ({ status, tone: statusTone[status] })),
      bulkStatuses: orderStatuses.filter((s) => !["awaiting_payment", "shipped", "refunded", "partially_refunded"].includes(s)),
      carriers: carrierIds.map((id) => ({ id, name: carriers[id].name, tracks: carriers[id].trackingUrl !== null })),
      paymentMethods: [...paymentMethodIds],
    }),
    async list(query) {
      const page = await listAdminOrders(db, tenantId, {
        statuses: query.statuses,
        from: startOfDayInTurkey(query.from) ?? undefined,
        to: startOfDayInTurkey(query.to, 1) ?? undefined,
        paymentMethod: query.paymentMethod,
        customer: query.customer,
        q: query.q,
        sort: query.sort,
        page: query.page,
        perPage: ORDERS_PER_PAGE,
      });
      return { ...page, items: page.items.map(adminOrderRowJson) };
    },
    async get(id) {
      const found = await getAdminOrder(db, tenantId, id);
      return found && adminOrderDetailJson(found);
    },
    summary: () => ordersSummary(db, tenantId),
    waitingCount: () => waitingOrderCount(db, tenantId),
    setStatus: (id, status, message) =>
      change(async () => changeOrderStatus(await writer("orders:write"), id, status, message).then(() => ({}))),
    bulkStatus: (ids, status, message) =>
      change(async () => ({ results: await bulkChangeOrderStatus(await writer("orders:write"), ids, status, message) })),
    ship: (id, input) =>
      change(async () => {
        await shipAdminOrder(await writer("orders:write"), id, input);
        const found = await getAdminOrder(db, tenantId, id);
        return { trackingUrl: found?.shipments.at(-1)?.trackingUrl ?? null };
      }),
    addNote: (id, message, visibility) =>
      change(async () => addOrderNote(await writer("orders:write"), id, message, visibility).then(() => ({}))),
    markPaid: (id) => change(async () => markOrderPaid(await writer("orders:write"), id).then(() => ({}))),
    refund: (id, input) =>
      change(async () => {
        const ctx = await writer("orders:write");
        const before = await getAdminOrder(db, tenantId, id);
        const after = await refundAdminOrder(ctx, id, input);
        return { refunded: after.refundedTotal - (before?.refundedTotal ?? 0) };
      }),
  };
}
