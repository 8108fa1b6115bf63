// Background work of orders: the customer's e-mail at each step (with the legal texts as PDF when
// the order is placed), cancelling unpaid orders whose reservation ran out, re-projecting
// products whose stock changed, and deleting guest carts nobody touched for 30 days.

import { eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import type { MailAttachment, Mailer } from "../../platform/mail/types.ts";
import { deleteStaleGuestCarts } from "../cart/service.ts";
import { projectNow } from "../catalog/projection.ts";
import { tenantDomains, tenants } from "../tenants/schema.ts";
import { renderOrderMail } from "./mail.ts";
import { orderDocuments } from "./schema.ts";
import {
  addOrderEvent,
  expireUnpaidOrders,
  getOrder,
  ORDER_EXPIRE_QUEUE,
  ORDER_MAIL_QUEUE,
  type OrderMailJob,
  orderAccessToken,
  STOCK_PROJECTION_QUEUE,
} from "./service.ts";

const CART_CLEANUP_QUEUE = "cart.cleanup";

export interface OrderJobDeps {
  db: Db;
  events: EventBus;
  cache: MemoCache;
  mailer: Mailer;
  log: Logger;
  secret: string;
  publicUrl: string;
}

export function registerOrderJobs(jobs: Jobs, deps: OrderJobDeps): void {
  jobs.register<OrderMailJob>(ORDER_MAIL_QUEUE, (data) => sendOrderMail(deps, data), { concurrency: 1 });
  jobs.register(ORDER_EXPIRE_QUEUE, async () => {
    const n = await expireUnpaidOrders(deps.db, jobs, deps.events);
    if (n > 0) deps.log.info({ orders: n }, "orders: cancelled unpaid orders whose reservation ran out");
  });
  jobs.register(CART_CLEANUP_QUEUE, async () => {
    const n = await deleteStaleGuestCarts(deps.db);
    if (n > 0) deps.log.info({ carts: n }, "carts: deleted guest carts untouched for 30 days");
  });
  jobs.register<{ tenantId: string; productIds: string[] }>(
    STOCK_PROJECTION_QUEUE,
    async (data) => {
      await syncProductStock(deps.db, data.productIds);
      await projectNow(deps.db, data.tenantId, data.productIds, { cache: deps.cache });
    },
    { policy: "short", concurrency: 2 },
  );
}

/** `products.stock` (admin list, filters, stats) is the sum of the variants' stock; orders change only the variants. */
export async function syncProductStock(db: Db, productIds: readonly string[]): Promise<void> {
  for (const id of new Set(productIds)) {
    await db.execute(sql`
      update products set stock = (select coalesce(sum(stock), 0)::int from product_variants where product_id = ${id})
      where id = ${id}`);
  }
}

/** Every minute; also run once at start-up so reservations left by a crash are released. */
export async function scheduleOrderJobs(jobs: Jobs): Promise<void> {
  await jobs.schedule(ORDER_EXPIRE_QUEUE, "* * * * *");
  await jobs.schedule(CART_CLEANUP_QUEUE, "41 4 * * *");
  await jobs.send(ORDER_EXPIRE_QUEUE, {});
}

export async function sendOrderMail(deps: OrderJobDeps, job: OrderMailJob): Promise<void> {
  const detail = await getOrder(deps.db, job.tenantId, job.orderId);
  if (!detail) return;
  const [tenant] = await deps.db.select().from(tenants).where(eq(tenants.id, job.tenantId));
  if (!tenant) return;
  const locale = detail.order.locale === "en" ? "en" : "tr";
  const base = await storeUrl(deps, job.tenantId);
  const orderUrl = `${base}/siparis/${detail.order.number}?t=${orderAccessToken(deps.secret, detail.order.id)}`;
  const mail = renderOrderMail({
    detail,
    event: job.event,
    locale,
    storeName: tenant.name,
    orderUrl,
    bankAccounts: tenant.settings.payments?.bankTransfer?.accounts ?? [],
  });
  if (!mail) return;
  const attachments: MailAttachment[] = [];
  if (job.event === "placed") {
    const docs = await deps.db.select().from(orderDocuments).where(eq(orderDocuments.orderId, detail.order.id));
    if (docs.length > 0) {
      const { renderStoredDocumentPdf } = await import("./documents.ts");
      for (const doc of docs) {
        // Rendering a PDF holds the event loop for tens of milliseconds: let requests in between.
        await new Promise((resolve) => setImmediate(resolve));
        attachments.push({
          filename: `${doc.kind === "pre-information" ? "on-bilgilendirme-formu" : "mesafeli-satis-sozlesmesi"}-${detail.order.number}.pdf`,
          content: await renderStoredDocumentPdf(doc, detail, tenant),
          contentType: "application/pdf",
        });
      }
    }
  }
  const sent = await deps.mailer.send({
    to: detail.order.email,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments,
    tenantId: job.tenantId,
    template: `order-${job.event}`,
    redact: [orderUrl],
  });
  if (sent.status === "failed") throw new Error(`order mail failed: ${sent.error ?? "unknown"}`);
  await deps.db.transaction((tx) =>
    addOrderEvent(tx, detail.order, {
      kind: "mail",
      message: mail.subject,
      actor: { kind: "system" },
      internal: true,
      data: { event: job.event },
    }),
  );
}

async function storeUrl(deps: OrderJobDeps, tenantId: string): Promise<string> {
  const rows = await deps.db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, tenantId));
  const primary = rows.find((r) => r.isPrimary) ?? rows[0];
  if (!primary) return deps.publicUrl;
  const protocol = deps.publicUrl.startsWith("https:") ? "https" : "http";
  return `${protocol}://${primary.host}`;
}
