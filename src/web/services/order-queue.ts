// The pending-order queue page (/admin/siparisler/kuyruk). Types only: the server implements
// OrderQueueAdmin in src/server/web/order-queue.ts and passes it through the request context.
// Money is in minor units (kuruş), dates are ISO strings.

import type { CustomerTier } from "../../modules/customers/schema.ts";
import type { DecisionKind, Missing, QueuePolicy } from "../../modules/orders/pending-queue.ts";
import type { OrderStatus } from "../../modules/orders/states.ts";

export type { CustomerTier, DecisionKind, Missing, OrderStatus, QueuePolicy };

export const MAX_TEST_ORDERS = 200;

export interface QueueItemView {
  id: string;
  number: string;
  placedAt: string;
  /** backorder | preorder | budget */
  reviewReason: string | null;
  paymentMethod: string;
  grandTotal: number;
  currency: string;
  customerName: string | null;
  email: string;
  tier: CustomerTier;
  /** tier weight + minutes waited × aging rate, at `now`. */
  score: number;
  waitedMinutes: number;
  deadline: string | null;
  lastCheckedAt: string | null;
  attempts: number;
  test: boolean;
  missing: Missing[];
}

export interface QueueDecisionView {
  orderId: string;
  number: string;
  decision: DecisionKind;
  reason: string;
  status: OrderStatus;
  score: number;
  tier: CustomerTier;
  waitedMinutes: number;
  missing: Missing[];
  test: boolean;
  at: string;
}

export interface OrderQueueView {
  items: QueueItemView[];
  total: number;
  premium: number;
  oldestPlacedAt: string | null;
  decisions: QueueDecisionView[];
  policy: QueuePolicy;
  now: string;
}

export interface PassSummary {
  approved: number;
  rejected: number;
  skipped: number;
  failed: number;
}

export type QueueResult<T extends object = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; status: number; code: string; message: string };

export interface OrderQueueAdmin {
  /** The store's pending orders by current score, and the latest decisions. */
  view(): Promise<OrderQueueView>;
  /** A worker pass over this store's queue now (orders:write). */
  process(): Promise<QueueResult<{ pass: PassSummary }>>;
  /** Random pending test orders for demo customers (orders:write), 1–200. */
  createTestOrders(count: number): Promise<QueueResult<{ created: number }>>;
}
