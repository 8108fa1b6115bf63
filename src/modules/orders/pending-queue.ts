// The pending-order queue. Orders that cannot be confirmed at once — a backorder or pre-order line
// beyond the stock, or a large order paid from store credit that needs a budget check — wait in
// `pending_review`. Workers take them one at a time by a priority score computed in SQL at pick
// time (premium customers first, waiting raises every order's score without bound so nobody
// starves), check stock or credit with conditional writes, and approve or reject with a reason.
// Several workers, in one process or many, never take the same order: each pick is
// `FOR UPDATE SKIP LOCKED` inside the transaction that decides it. See
// docs/decisions/0005-pending-order-queue.md.

import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { users } from "../accounts/schema.ts";
import { type AuditContext, recordAudit } from "../audit/service.ts";
import { productVariants } from "../catalog/schema.ts";
import { type CustomerTier, customers, storeCreditEntries } from "../customers/schema.ts";
import { payments } from "../payments/schema.ts";
import { resolvePaymentSettings } from "../payments/settings.ts";
import { tenants } from "../tenants/schema.ts";
import { type Order, orderEvents, orderLines, orders, type PaymentMethodId, stockReservations } from "./schema.ts";
import {
  type Actor,
  addOrderEvent,
  cancelLocked,
  commitStock,
  publishOrderChange,
  REFUND_QUEUE,
  type RefundJob,
  requestStockProjection,
  transition,
} from "./service.ts";
import type { OrderStatus } from "./states.ts";

export const PENDING_REVIEW_QUEUE = "orders.pending-review";

/** Orders made by "Test siparişleri oluştur" carry this idempotency-key prefix (and the note TEST). */
export const TEST_ORDER_KEY_PREFIX = "test-order:";

export const reviewReasons = ["backorder", "preorder", "budget"] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/** The knobs of the queue. Change them here (or pass another policy to the functions). */
export interface QueuePolicy {
  /** Points a customer's tier adds to the score. */
  tierWeight: Record<CustomerTier, number>;
  /** Points every minute of waiting adds (the same for everyone: waiting eventually beats any tier). */
  agingPerMinute: number;
  /** How long a backorder / pre-order may wait for stock before it is rejected. */
  maxWaitDays: { backorder: number; preorder: number };
  /** Orders one pass looks at, at most (each is looked at once per pass). */
  maxPerPass: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  tierWeight: { premium: 100, standard: 0 },
  agingPerMinute: 1,
  maxWaitDays: { backorder: 7, preorder: 30 },
  maxPerPass: 500,
};

/** score = tierWeight + waitedMinutes × agingPerMinute (one decimal is what people see). */
export function priorityScore(
  tier: CustomerTier | null | undefined,
  waitedMinutes: number,
  policy: QueuePolicy = DEFAULT_QUEUE_POLICY,
): number {
  return policy.tierWeight[tier ?? "standard"] + Math.max(0, waitedMinutes) * policy.agingPerMinute;
}

/**
 * How long after placing a standard order it overtakes a premium one placed `gapMinutes` later:
 * the tier bonus divided by the aging rate. With the defaults a premium order can jump ahead of
 * standard orders placed at most 100 minutes before it, never further.
 */
export function premiumHeadStartMinutes(policy: QueuePolicy = DEFAULT_QUEUE_POLICY): number {
  return (policy.tierWeight.premium - policy.tierWeight.standard) / policy.agingPerMinute;
}

/** Minutes a reason may wait for stock; null: decided at once (a budget is enough or it is not). */
export function maxWaitMinutes(reason: string | null, policy: QueuePolicy = DEFAULT_QUEUE_POLICY): number | null {
  if (reason === "backorder") return policy.maxWaitDays.backorder * 24 * 60;
  if (reason === "preorder") return policy.maxWaitDays.preorder * 24 * 60;
  return null;
}

/**
 * The status an approved order moves to: `paid` when nothing is left to collect (store credit,
 * a finished payment), `preparing` for cash on delivery, else `awaiting_payment` (transfer, card).
 */
export function approvalStatus(input: {
  paidAt: Date | null;
  pending: readonly { method: PaymentMethodId; amount: number }[];
}): Extract<OrderStatus, "paid" | "preparing" | "awaiting_payment"> {
  const open = input.pending.filter((p) => p.amount > 0);
  if (input.paidAt || open.length === 0) return "paid";
  if (open.some((p) => p.method === "cash_on_delivery")) return "preparing";
  return "awaiting_payment";
}

export function isTestOrder(order: Pick<Order, "idempotencyKey">): boolean {
  return order.idempotencyKey.startsWith(TEST_ORDER_KEY_PREFIX);
}

const tierSql = sql<CustomerTier>`coalesce(${customers.tier}, 'standard')`;

function waitedSql(now: Date): SQL<number> {
  return sql<number>`greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - ${orders.placedAt})) / 60.0)::float8`;
}

/** The score in SQL, from the same policy as `priorityScore` (orders left join customers). */
export function scoreSql(now: Date, policy: QueuePolicy = DEFAULT_QUEUE_POLICY): SQL<number> {
  return sql<number>`((case ${tierSql} when 'premium' then ${policy.tierWeight.premium}::float8 else ${policy.tierWeight.standard}::float8 end) + ${waitedSql(now)} * ${policy.agingPerMinute}::float8)`;
}

/** What an order still lacks: units of a product, or store credit. */
export type Missing =
  | { kind: "stock"; title: string; variantLabel: string | null; needed: number; available: number }
  | { kind: "credit"; needed: number; available: number };

export type DecisionKind = "approved" | "rejected" | "skipped" | "failed";

/**
 * approved: stock-available | credit-taken | ready; rejected: out-of-stock | product-unavailable |
 * insufficient-credit | no-customer; skipped: waiting-for-stock; failed: error.
 */
export type DecisionReason =
  | "stock-available"
  | "credit-taken"
  | "ready"
  | "out-of-stock"
  | "product-unavailable"
  | "insufficient-credit"
  | "no-customer"
  | "waiting-for-stock"
  | "error";

export interface QueueDecision {
  orderId: string;
  tenantId: string;
  number: string;
  decision: DecisionKind;
  reason: DecisionReason;
  /** The order's status after the decision. */
  status: OrderStatus;
  score: number;
  tier: CustomerTier;
  waitedMinutes: number;
  reviewReason: string | null;
  missing: Missing[];
}

export interface PassResult {
  approved: number;
  rejected: number;
  skipped: number;
  failed: number;
  /** In the order the orders were taken (highest score first). */
  decisions: QueueDecision[];
}

export interface QueueDeps {
  db: Db;
  jobs: Jobs;
  events?: EventBus;
  log?: { error(obj: object, msg?: string): void };
}

export interface PassOptions {
  /** Only this store's orders (admin "process now"); all stores when absent (the scheduled job). */
  tenantId?: string;
  /** The pass's clock (scores, waits, deadlines); default now. */
  now?: Date;
  policy?: QueuePolicy;
}

const SYSTEM: Actor = { kind: "system" };

/** The worker: every minute, and whenever something asks for a pass (at most one queued at a time). */
export function registerPendingQueueJobs(
  jobs: Jobs,
  deps: Omit<QueueDeps, "jobs"> & { log: QueueDeps["log"] & { info(obj: object, msg?: string): void } },
): void {
  jobs.register(
    PENDING_REVIEW_QUEUE,
    async () => {
      const pass = await processPendingOrders({ ...deps, jobs });
      if (pass.approved + pass.rejected + pass.failed > 0) {
        deps.log.info(
          { approved: pass.approved, rejected: pass.rejected, waiting: pass.skipped, failed: pass.failed },
          "orders: pending-order queue pass",
        );
      }
    },
    { policy: "short" },
  );
}

export async function schedulePendingQueue(jobs: Jobs): Promise<void> {
  await jobs.schedule(PENDING_REVIEW_QUEUE, "* * * * *");
}

/** Asks for a pass soon (e.g. right after a pending order is placed); pass `tx` inside a transaction. */
export async function requestQueuePass(jobs: Jobs, tx?: Db): Promise<void> {
  await jobs.send(PENDING_REVIEW_QUEUE, {}, { tx, startAfterSeconds: 1 });
}

/**
 * One worker pass: takes the highest-scoring pending order not yet looked at in this pass, decides
 * it in its own transaction, and goes on until none is left (or `maxPerPass`). Safe to run in any
 * number of processes at once.
 */
export async function processPendingOrders(deps: QueueDeps, options: PassOptions = {}): Promise<PassResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_QUEUE_POLICY;
  const result: PassResult = { approved: 0, rejected: 0, skipped: 0, failed: 0, decisions: [] };
  while (result.decisions.length < policy.maxPerPass) {
    const decision = await processNext(deps, options.tenantId, now, policy);
    if (!decision) break;
    result[decision.decision] += 1;
    result.decisions.push(decision);
  }
  return result;
}

/** "Şimdi işle": a pass over one store's queue, recorded in the audit trail. */
export async function processStoreQueue(deps: QueueDeps, tenantId: string, audit?: AuditContext): Promise<PassResult> {
  const pass = await processPendingOrders(deps, { tenantId });
  if (audit) {
    await recordAudit(deps.db, {
      ...audit,
      type: "orders.queue_processed",
      summary: `Pending-order queue: ${pass.approved} approved, ${pass.rejected} rejected, ${pass.skipped} waiting`,
      after: { approved: pass.approved, rejected: pass.rejected, skipped: pass.skipped, failed: pass.failed },
    });
  }
  return pass;
}

interface Picked {
  id: string;
  score: number;
  tier: CustomerTier;
  waitedMinutes: number;
}

async function processNext(deps: QueueDeps, tenantId: string | undefined, now: Date, policy: QueuePolicy): Promise<QueueDecision | null> {
  let picked: Picked | undefined;
  let pickedOrder: Order | undefined;
  try {
    const outcome = await deps.db.transaction(async (tx) => {
      const score = scoreSql(now, policy);
      [picked] = await tx
        .select({ id: orders.id, score, tier: tierSql, waitedMinutes: waitedSql(now) })
        .from(orders)
        .leftJoin(customers, eq(customers.id, orders.customerId))
        .where(
          and(
            eq(orders.status, "pending_review"),
            // other reasons (if any are added) are for staff, not for the workers
            inArray(orders.reviewReason, [...reviewReasons]),
            tenantId ? eq(orders.tenantId, tenantId) : undefined,
            // looked at once per pass: a skipped order is not taken again until the next pass
            sql`(${orders.reviewCheckedAt} is null or ${orders.reviewCheckedAt} < ${now.toISOString()}::timestamptz)`,
          ),
        )
        .orderBy(desc(score), asc(orders.placedAt), asc(orders.id))
        .limit(1)
        .for("update", { of: orders, skipLocked: true });
      if (!picked) return null;
      const [order] = await tx.select().from(orders).where(eq(orders.id, picked.id));
      if (!order) return null;
      pickedOrder = order;
      return decide(tx, deps.jobs, order, picked, now, policy);
    });
    if (!outcome) return null;
    if (outcome.changed) publishOrderChange(deps.events, outcome.changed);
    return outcome.decision;
  } catch (err) {
    if (!picked) throw err;
    // Rolled back: note the look so this pass moves on, and report it.
    deps.log?.error({ err, orderId: picked.id }, "pending-order queue: could not decide an order");
    await markChecked(deps.db, picked.id, now);
    return {
      orderId: picked.id,
      tenantId: pickedOrder?.tenantId ?? "",
      number: pickedOrder?.number ?? "",
      decision: "failed",
      reason: "error",
      status: "pending_review",
      score: picked.score,
      tier: picked.tier,
      waitedMinutes: picked.waitedMinutes,
      reviewReason: pickedOrder?.reviewReason ?? null,
      missing: [],
    };
  }
}

interface Outcome {
  decision: QueueDecision;
  /** The order after a status change (published once committed). */
  changed?: Order;
}

async function decide(tx: Db, jobs: Jobs, order: Order, picked: Picked, now: Date, policy: QueuePolicy): Promise<Outcome> {
  const base = {
    orderId: order.id,
    tenantId: order.tenantId,
    number: order.number,
    score: picked.score,
    tier: picked.tier,
    waitedMinutes: picked.waitedMinutes,
    reviewReason: order.reviewReason,
  };
  const verdict = order.reviewReason === "budget" ? await checkBudget(tx, order) : await checkStock(tx, jobs, order);
  if (verdict.ok) return approve(tx, jobs, order, verdict.reason, base, now);
  const deadline = maxWaitMinutes(order.reviewReason, policy);
  if (verdict.canWait && deadline !== null && picked.waitedMinutes < deadline) {
    await markChecked(tx, order.id, now);
    return { decision: { ...base, decision: "skipped", reason: "waiting-for-stock", status: order.status, missing: verdict.missing } };
  }
  return reject(tx, jobs, order, verdict.reason, verdict.missing, base, now);
}

type Verdict =
  | { ok: true; reason: Extract<DecisionReason, "stock-available" | "credit-taken" | "ready"> }
  | {
      ok: false;
      reason: Extract<DecisionReason, "out-of-stock" | "product-unavailable" | "insufficient-credit" | "no-customer">;
      missing: Missing[];
      /** Stock may still come: wait until the order's deadline. */
      canWait: boolean;
    };

class StockRace extends Error {}

/** Takes the units of the lines that were not taken at checkout, all or none. */
async function checkStock(tx: Db, jobs: Jobs, order: Order): Promise<Verdict> {
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const reserved = await tx
    .select({ variantId: stockReservations.variantId })
    .from(stockReservations)
    .where(and(eq(stockReservations.orderId, order.id), inArray(stockReservations.state, ["held", "committed"])));
  const taken = new Set(reserved.map((r) => r.variantId));
  const short = lines.filter((l) => !l.variantId || !taken.has(l.variantId));
  if (short.length === 0) return { ok: true, reason: "ready" };
  const unavailable = (title: string, variantLabel: string | null, needed: number): Missing => ({
    kind: "stock",
    title,
    variantLabel,
    needed,
    available: 0,
  });
  if (short.some((l) => !l.variantId)) {
    return {
      ok: false,
      reason: "product-unavailable",
      missing: short.filter((l) => !l.variantId).map((l) => unavailable(l.title, l.variantLabel, l.quantity)),
      canWait: false,
    };
  }
  // Units needed per variant (a variant is one line at checkout; summed to be safe).
  const needs = new Map<string, { quantity: number; title: string; variantLabel: string | null; productId: string | null }>();
  for (const l of short) {
    const id = l.variantId as string;
    const seen = needs.get(id);
    needs.set(id, { quantity: (seen?.quantity ?? 0) + l.quantity, title: l.title, variantLabel: l.variantLabel, productId: l.productId });
  }
  const ids = [...needs.keys()].sort();
  const stockOf = async () =>
    new Map(
      (
        await tx
          .select({ id: productVariants.id, stock: productVariants.stock })
          .from(productVariants)
          .where(and(eq(productVariants.tenantId, order.tenantId), inArray(productVariants.id, ids)))
      ).map((v) => [v.id, v.stock]),
    );
  const missingFrom = (stock: Map<string, number>): Missing[] =>
    ids
      .map((id) => {
        const need = needs.get(id) as NonNullable<ReturnType<typeof needs.get>>;
        return {
          kind: "stock" as const,
          title: need.title,
          variantLabel: need.variantLabel,
          needed: need.quantity,
          available: stock.get(id) ?? 0,
        };
      })
      .filter((m) => m.available < m.needed);

  const before = await stockOf();
  const gone = ids.filter((id) => !before.has(id));
  if (gone.length > 0) {
    return {
      ok: false,
      reason: "product-unavailable",
      missing: gone.map((id) => {
        const need = needs.get(id) as NonNullable<ReturnType<typeof needs.get>>;
        return unavailable(need.title, need.variantLabel, need.quantity);
      }),
      canWait: false,
    };
  }
  // A plain read first: no row locks on hot variants for an order that cannot be served anyway.
  const short0 = missingFrom(before);
  if (short0.length > 0) return { ok: false, reason: "out-of-stock", missing: short0, canWait: true };
  try {
    // All lines or none: a savepoint rolls back the ones taken when a later one loses a race.
    await tx.transaction(async (sp) => {
      for (const id of ids) {
        const quantity = (needs.get(id) as { quantity: number }).quantity;
        const result = (await sp.execute(sql`
          update product_variants set stock = stock - ${quantity}, updated_at = now()
          where id = ${id} and stock >= ${quantity}
          returning stock`)) as unknown as { rows: unknown[] };
        if (result.rows.length === 0) throw new StockRace();
      }
    });
  } catch (err) {
    if (!(err instanceof StockRace)) throw err;
    return { ok: false, reason: "out-of-stock", missing: missingFrom(await stockOf()), canWait: true };
  }
  await tx.insert(stockReservations).values(
    ids.map((id) => ({
      tenantId: order.tenantId,
      orderId: order.id,
      variantId: id,
      quantity: (needs.get(id) as { quantity: number }).quantity,
    })),
  );
  const productIds = ids.map((id) => needs.get(id)?.productId).filter((p): p is string => !!p);
  await requestStockProjection(jobs, order.tenantId, productIds, tx);
  return { ok: true, reason: "stock-available" };
}

/** Takes the order's total from the customer's store credit, or finds that it is not there. */
async function checkBudget(tx: Db, order: Order): Promise<Verdict> {
  const [pending] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.method, "store_credit"), eq(payments.status, "pending")));
  if (!pending || pending.amount === 0) return { ok: true, reason: "ready" };
  const amount = pending.amount;
  if (!order.customerId)
    return { ok: false, reason: "no-customer", missing: [{ kind: "credit", needed: amount, available: 0 }], canWait: false };
  const [row] = await tx
    .update(customers)
    .set({ storeCredit: sql`${customers.storeCredit} - ${amount}` })
    .where(and(eq(customers.id, order.customerId), eq(customers.tenantId, order.tenantId), sql`${customers.storeCredit} >= ${amount}`))
    .returning({ balance: customers.storeCredit });
  if (!row) {
    const [customer] = await tx.select({ credit: customers.storeCredit }).from(customers).where(eq(customers.id, order.customerId));
    return {
      ok: false,
      reason: customer ? "insufficient-credit" : "no-customer",
      missing: [{ kind: "credit", needed: amount, available: customer?.credit ?? 0 }],
      canWait: false,
    };
  }
  await tx.insert(storeCreditEntries).values({
    tenantId: order.tenantId,
    customerId: order.customerId,
    amount: -amount,
    balanceAfter: row.balance,
    reason: `Sipariş ${order.number}`,
    orderId: order.id,
  });
  await tx.update(payments).set({ status: "succeeded", paidAt: new Date(), updatedAt: new Date() }).where(eq(payments.id, pending.id));
  return { ok: true, reason: "credit-taken" };
}

type Base = Omit<QueueDecision, "decision" | "reason" | "status" | "missing">;

async function approve(tx: Db, jobs: Jobs, order: Order, reason: DecisionReason, base: Base, now: Date): Promise<Outcome> {
  const pending = await tx
    .select({ method: payments.method, amount: payments.amount })
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "pending")));
  const next = approvalStatus({ paidAt: order.paidAt, pending });
  const set: Partial<typeof orders.$inferInsert> = { reservationExpiresAt: null };
  if (next === "paid") set.paidAt = order.paidAt ?? now;
  if (next === "paid" || next === "preparing") await commitStock(tx, order.id);
  else set.reservationExpiresAt = new Date(now.getTime() + (await holdMinutes(tx, order)) * 60_000);
  const queue = { decision: "approved", reason, score: base.score, tier: base.tier, waitedMinutes: base.waitedMinutes };
  await recordDecision(tx, order, `queue:approved:${reason}`, queue, []);
  const changed = await transition(tx, jobs, order, next, SYSTEM, { message: `queue:approved:${reason}`, data: { queue }, set });
  await markChecked(tx, order.id, now);
  return { decision: { ...base, decision: "approved", reason, status: changed.status, missing: [] }, changed };
}

async function reject(
  tx: Db,
  jobs: Jobs,
  order: Order,
  reason: DecisionReason,
  missing: Missing[],
  base: Base,
  now: Date,
): Promise<Outcome> {
  const queue = { decision: "rejected", reason, score: base.score, tier: base.tier, waitedMinutes: base.waitedMinutes };
  await recordDecision(tx, order, `queue:rejected:${reason}`, queue, missing);
  const wasPaid = order.paidAt !== null;
  // Gives back the lines' held stock, coupon uses, credit taken at checkout; closes pending payments.
  const changed = await cancelLocked(tx, jobs, order, SYSTEM, `rejected:${reason}`);
  if (wasPaid) {
    await jobs.send(
      REFUND_QUEUE,
      { tenantId: order.tenantId, orderId: order.id, reason: `rejected:${reason}`, full: true } satisfies RefundJob,
      {
        tx,
        retryLimit: 8,
        retryBackoff: true,
      },
    );
  }
  await markChecked(tx, order.id, now);
  return { decision: { ...base, decision: "rejected", reason, status: changed.status, missing }, changed };
}

/** The decision as an internal order event, with the reason, the score and what was missing. */
async function recordDecision(tx: Db, order: Order, message: string, queue: Record<string, unknown>, missing: Missing[]): Promise<void> {
  await addOrderEvent(tx, order, { kind: "note", message, actor: SYSTEM, internal: true, data: { queue: { ...queue, missing } } });
}

async function markChecked(tx: Db, orderId: string, now: Date): Promise<void> {
  await tx
    .update(orders)
    .set({ reviewCheckedAt: now, reviewAttempts: sql`${orders.reviewAttempts} + 1` })
    .where(eq(orders.id, orderId));
}

/** How long an approved order keeps its stock while the shopper pays (the store's settings). */
async function holdMinutes(tx: Db, order: Order): Promise<number> {
  const [tenant] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, order.tenantId));
  const settings = resolvePaymentSettings(tenant?.settings.payments, new Set());
  return order.paymentMethod === "bank_transfer" ? settings.bankTransfer.expiryHours * 60 : settings.reservationMinutes;
}

// ---------------------------------------------------------------------------------------------
// What the admin page shows.

export interface QueueItem {
  id: string;
  number: string;
  placedAt: Date;
  reviewReason: string | null;
  paymentMethod: PaymentMethodId;
  grandTotal: number;
  currency: string;
  customerId: string | null;
  customerName: string | null;
  email: string;
  tier: CustomerTier;
  score: number;
  waitedMinutes: number;
  /** When stock may no longer arrive (backorder, pre-order); null for budget checks. */
  deadline: Date | null;
  lastCheckedAt: Date | null;
  attempts: number;
  test: boolean;
  missing: Missing[];
}

export interface RecentDecision {
  orderId: string;
  number: string;
  decision: "approved" | "rejected";
  reason: string;
  score: number;
  tier: CustomerTier;
  waitedMinutes: number;
  missing: Missing[];
  status: OrderStatus;
  test: boolean;
  at: Date;
}

export interface QueueView {
  items: QueueItem[];
  /** All pending orders of the store (items holds at most `limit`). */
  total: number;
  premium: number;
  oldestPlacedAt: Date | null;
  decisions: RecentDecision[];
  policy: QueuePolicy;
  now: Date;
}

/** The store's pending orders by current score (a fixed number of statements), and recent decisions. */
export async function getQueueView(
  db: Db,
  tenantId: string,
  options: { now?: Date; policy?: QueuePolicy; limit?: number; decisions?: number } = {},
): Promise<QueueView> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_QUEUE_POLICY;
  const score = scoreSql(now, policy);
  const pendingHere = and(
    eq(orders.tenantId, tenantId),
    eq(orders.status, "pending_review"),
    inArray(orders.reviewReason, [...reviewReasons]),
  );
  const [rows, [stats], decisionRows] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        placedAt: orders.placedAt,
        reviewReason: orders.reviewReason,
        paymentMethod: orders.paymentMethod,
        grandTotal: orders.grandTotal,
        currency: orders.currency,
        customerId: orders.customerId,
        customerName: users.name,
        email: orders.email,
        idempotencyKey: orders.idempotencyKey,
        tier: tierSql,
        score,
        waitedMinutes: waitedSql(now),
        lastCheckedAt: orders.reviewCheckedAt,
        attempts: orders.reviewAttempts,
      })
      .from(orders)
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .leftJoin(users, eq(users.id, customers.userId))
      .where(pendingHere)
      .orderBy(desc(score), asc(orders.placedAt), asc(orders.id))
      .limit(options.limit ?? 200),
    db
      .select({
        total: sql<number>`count(*)::int`,
        premium: sql<number>`(count(*) filter (where ${customers.tier} = 'premium'))::int`,
        oldestMs: sql<number | null>`(extract(epoch from min(${orders.placedAt})) * 1000)::float8`,
      })
      .from(orders)
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(pendingHere),
    db
      .select({
        orderId: orderEvents.orderId,
        message: orderEvents.message,
        data: orderEvents.data,
        at: orderEvents.createdAt,
        number: orders.number,
        status: orders.status,
        idempotencyKey: orders.idempotencyKey,
      })
      .from(orderEvents)
      .innerJoin(orders, eq(orders.id, orderEvents.orderId))
      .where(and(eq(orderEvents.tenantId, tenantId), eq(orderEvents.kind, "note"), sql`${orderEvents.message} like 'queue:%'`))
      .orderBy(desc(orderEvents.id))
      .limit(options.decisions ?? 20),
  ]);
  const missing = await missingOf(
    db,
    rows.map((r) => ({ id: r.id, reviewReason: r.reviewReason, customerId: r.customerId })),
  );
  return {
    items: rows.map((r) => {
      const wait = maxWaitMinutes(r.reviewReason, policy);
      return {
        id: r.id,
        number: r.number,
        placedAt: r.placedAt,
        reviewReason: r.reviewReason,
        paymentMethod: r.paymentMethod,
        grandTotal: r.grandTotal,
        currency: r.currency,
        customerId: r.customerId,
        customerName: r.customerName ?? null,
        email: r.email,
        tier: r.tier,
        score: r.score,
        waitedMinutes: r.waitedMinutes,
        deadline: wait === null ? null : new Date(r.placedAt.getTime() + wait * 60_000),
        lastCheckedAt: r.lastCheckedAt,
        attempts: r.attempts,
        test: r.idempotencyKey.startsWith(TEST_ORDER_KEY_PREFIX),
        missing: missing.get(r.id) ?? [],
      };
    }),
    total: stats?.total ?? 0,
    premium: stats?.premium ?? 0,
    oldestPlacedAt: typeof stats?.oldestMs === "number" ? new Date(stats.oldestMs) : null,
    decisions: decisionRows.flatMap((d): RecentDecision[] => {
      const q = (d.data?.queue ?? null) as Partial<RecentDecision> | null;
      if (!q || (q.decision !== "approved" && q.decision !== "rejected")) return [];
      return [
        {
          orderId: d.orderId,
          number: d.number,
          decision: q.decision,
          reason: String(q.reason ?? ""),
          score: Number(q.score ?? 0),
          tier: q.tier === "premium" ? "premium" : "standard",
          waitedMinutes: Number(q.waitedMinutes ?? 0),
          missing: Array.isArray(q.missing) ? q.missing : [],
          status: d.status,
          test: d.idempotencyKey.startsWith(TEST_ORDER_KEY_PREFIX),
          at: d.at,
        },
      ];
    }),
    policy,
    now,
  };
}

/** What each listed order still lacks, read in two statements for the whole page. */
async function missingOf(
  db: Db,
  list: { id: string; reviewReason: string | null; customerId: string | null }[],
): Promise<Map<string, Missing[]>> {
  const out = new Map<string, Missing[]>();
  const stockIds = list.filter((o) => o.reviewReason !== "budget").map((o) => o.id);
  const budgetIds = list.filter((o) => o.reviewReason === "budget").map((o) => o.id);
  const [lines, credits] = await Promise.all([
    stockIds.length === 0
      ? []
      : db
          .select({
            orderId: orderLines.orderId,
            title: orderLines.title,
            variantLabel: orderLines.variantLabel,
            quantity: orderLines.quantity,
            stock: productVariants.stock,
          })
          .from(orderLines)
          .leftJoin(productVariants, eq(productVariants.id, orderLines.variantId))
          .where(
            and(
              inArray(orderLines.orderId, stockIds),
              sql`not exists (select 1 from ${stockReservations} r where r.order_id = ${orderLines.orderId}
                and r.variant_id = ${orderLines.variantId} and r.state in ('held', 'committed'))`,
            ),
          ),
    budgetIds.length === 0
      ? []
      : db
          .select({ orderId: payments.orderId, amount: payments.amount, credit: customers.storeCredit })
          .from(payments)
          .innerJoin(orders, eq(orders.id, payments.orderId))
          .leftJoin(customers, eq(customers.id, orders.customerId))
          .where(and(inArray(payments.orderId, budgetIds), eq(payments.method, "store_credit"), eq(payments.status, "pending"))),
  ]);
  for (const l of lines) {
    const list = out.get(l.orderId) ?? [];
    list.push({ kind: "stock", title: l.title, variantLabel: l.variantLabel, needed: l.quantity, available: Math.max(0, l.stock ?? 0) });
    out.set(l.orderId, list);
  }
  for (const c of credits) {
    out.set(c.orderId, [...(out.get(c.orderId) ?? []), { kind: "credit", needed: c.amount, available: c.credit ?? 0 }]);
  }
  return out;
}
