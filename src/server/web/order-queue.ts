import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import { auditContext } from "../../modules/audit/service.ts";
import { getQueueView, processStoreQueue } from "../../modules/orders/pending-queue.ts";
import { queueViewJson } from "../../modules/orders/queue-routes.ts";
import { createTestOrders } from "../../modules/orders/queue-test-orders.ts";
import type { OrderQueueAdmin, QueueResult } from "../../web/services/order-queue.ts";
import type { Kernel } from "../kernel.ts";
import { change as changeResult } from "./attempt.ts";
import { requirePermission } from "./guard.ts";

const change = <T extends object>(fn: () => Promise<T>): Promise<QueueResult<T>> => changeResult(fn);

/** Implements OrderQueueAdmin for one request (the page loader checks orders:read first). */
export function orderQueueWeb(kernel: Kernel, request: FastifyRequest): OrderQueueAdmin {
  const { db, jobs, events } = kernel;
  const tenantId = request.tenant.id;

  /** Writes check their permission again here (defence in depth). */
  async function allowed(permission: Permission): Promise<void> {
    await requirePermission(kernel, request, permission);
  }

  return {
    view: async () => queueViewJson(await getQueueView(db, tenantId)),
    process: () =>
      change(async () => {
        await allowed("orders:write");
        const pass = await processStoreQueue({ db, jobs, events, log: request.log }, tenantId, auditContext(request));
        return { pass: { approved: pass.approved, rejected: pass.rejected, skipped: pass.skipped, failed: pass.failed } };
      }),
    createTestOrders: (count) =>
      change(async () => {
        await allowed("orders:write");
        const created = await createTestOrders({ db, jobs, events, tenantId, audit: auditContext(request) }, count);
        return { created: created.length };
      }),
  };
}
