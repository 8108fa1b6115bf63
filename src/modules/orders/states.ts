// The order state machine: every status change goes through `canTransition`, and is recorded as an
// order_events row with from/to (see orders/service.ts `transition`).

export const orderStatuses = [
  "awaiting_payment",
  "pending_review",
  "paid",
  "preparing",
  "shipped",
  "delivered",
  "completed",
  "cancelled",
  "refunded",
  "partially_refunded",
  "return_requested",
  "return_approved",
  "return_received",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  // waiting for the shopper's money (bank transfer, a gateway page)
  awaiting_payment: ["paid", "cancelled", "pending_review"],
  // waiting for stock or a budget check by the pending-order workers
  pending_review: ["awaiting_payment", "paid", "preparing", "cancelled"],
  paid: ["preparing", "shipped", "cancelled", "refunded", "partially_refunded"],
  // also where cash-on-delivery orders start
  preparing: ["shipped", "cancelled", "refunded", "partially_refunded"],
  shipped: ["delivered", "return_requested"],
  delivered: ["completed", "return_requested", "refunded", "partially_refunded"],
  completed: ["return_requested", "refunded", "partially_refunded"],
  cancelled: [],
  refunded: [],
  partially_refunded: ["refunded", "partially_refunded", "return_requested", "completed"],
  return_requested: ["return_approved", "delivered", "completed"],
  return_approved: ["return_received"],
  return_received: ["refunded", "partially_refunded"],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return transitions[from];
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (orderStatuses as readonly string[]).includes(value);
}

/** Statuses in which the shopper may still cancel (nothing has left the warehouse). */
export const customerCancellable: readonly OrderStatus[] = ["awaiting_payment", "pending_review", "paid", "preparing"];

/** Statuses a return can be requested from (the goods reached the shopper). */
export const returnable: readonly OrderStatus[] = ["delivered", "completed", "partially_refunded"];

/** Statuses that hold reserved stock not yet sold. */
export const holdsReservation: readonly OrderStatus[] = ["awaiting_payment", "pending_review"];

/** The happy path, for the customer's timeline. */
export const timelineSteps: readonly OrderStatus[] = ["awaiting_payment", "paid", "preparing", "shipped", "delivered", "completed"];

/** Colour family per status for badges (admin list, account). */
export const statusTone: Record<OrderStatus, "neutral" | "info" | "warning" | "success" | "danger" | "accent"> = {
  awaiting_payment: "warning",
  pending_review: "accent",
  paid: "info",
  preparing: "info",
  shipped: "accent",
  delivered: "success",
  completed: "success",
  cancelled: "danger",
  refunded: "neutral",
  partially_refunded: "neutral",
  return_requested: "warning",
  return_approved: "warning",
  return_received: "neutral",
};
