// Admin of orders: the list, the detail and what staff do to an order. Types only (plus constants):
// the server implements OrdersAdmin in src/server/web/orders-admin.ts and passes it through the
// request context (see ../context.ts). Money is in minor units (kuruş), dates are ISO strings.

import type { BulkStatusResult, OrderSort, OrdersSummary, StatusTone } from "../../modules/orders/admin.ts";
import type { AdminOrderDetailJson, AdminOrderRowJson } from "../../modules/orders/admin-routes.ts";
import type { PaymentMethodId } from "../../modules/orders/schema.ts";
import type { OrderStatus } from "../../modules/orders/states.ts";
import type { CarrierId } from "../../modules/shipping/carriers.ts";

export type {
  AdminOrderDetailJson as AdminOrder,
  AdminOrderRowJson as AdminOrderRow,
  BulkStatusResult,
  CarrierId,
  OrderSort,
  OrderStatus,
  OrdersSummary,
  PaymentMethodId,
  StatusTone,
};

export const ORDERS_PER_PAGE = 25;

export interface OrderListQuery {
  statuses?: OrderStatus[];
  /** `YYYY-MM-DD`, a day in Türkiye (inclusive). */
  from?: string;
  to?: string;
  paymentMethod?: PaymentMethodId;
  /** A customer id or e-mail address. */
  customer?: string;
  q?: string;
  sort?: OrderSort;
  page: number;
}

export interface OrderListPage {
  items: AdminOrderRowJson[];
  total: number;
  page: number;
  perPage: number;
  statusCounts: Record<OrderStatus, number>;
}

/** The outcome of a change: `code` names the refusal (e.g. `invalid-transition`, `refund-too-large`). */
export type OrdersResult<T extends object = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; status: number; code: string; message: string };

export interface OrdersMeta {
  /** Every status in the order of the flow, with its badge colour family. */
  statuses: { status: OrderStatus; tone: StatusTone }[];
  /** Statuses a bulk change may set (not `shipped`: that needs a tracking number). */
  bulkStatuses: OrderStatus[];
  carriers: { id: CarrierId; name: string; tracks: boolean }[];
  paymentMethods: PaymentMethodId[];
}

export interface OrdersAdmin {
  meta(): OrdersMeta;
  list(query: OrderListQuery): Promise<OrderListPage>;
  get(id: string): Promise<AdminOrderDetailJson | null>;
  /** Today's orders, awaiting payment, to ship, waiting for the merchant. */
  summary(): Promise<OrdersSummary>;
  /** Orders waiting for the merchant (the navigation badge). */
  waitingCount(): Promise<number>;
  setStatus(id: string, status: OrderStatus, message?: string): Promise<OrdersResult>;
  bulkStatus(ids: string[], status: OrderStatus, message?: string): Promise<OrdersResult<{ results: BulkStatusResult[] }>>;
  ship(id: string, input: { carrier: string; trackingNumber: string }): Promise<OrdersResult<{ trackingUrl: string | null }>>;
  addNote(id: string, message: string, visibility: "internal" | "public"): Promise<OrdersResult>;
  markPaid(id: string): Promise<OrdersResult>;
  refund(
    id: string,
    input: { amount?: number; reason: string; lines?: Record<string, number> },
  ): Promise<OrdersResult<{ refunded: number }>>;
}
