// The contract every card-payment gateway adapter (iyzico, PayTR, Stripe) implements. Adapters are
// plain HTTP clients with no database access: the payments service creates the payment row, calls
// `start`, and later hands inbound callbacks/webhooks to `verifyNotification`, recording the
// outcome idempotently by `eventId`. Amounts are integer minor units (kuruş) everywhere.

export type GatewayId = "iyzico" | "paytr" | "stripe";

export interface GatewayBuyer {
  /** Our customer id, or a stable guest id. */
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** E.164, `+905321234567`. */
  phone: string;
  /** TCKN; gateways that require one get `11111111111` when the shopper gave none. */
  identityNumber?: string;
  ip: string;
  city: string;
  country: string;
  address: string;
  zipCode?: string;
}

export interface GatewayAddress {
  contactName: string;
  city: string;
  country: string;
  address: string;
  zipCode?: string;
}

export interface GatewayBasketItem {
  /** Variant id or SKU. */
  id: string;
  name: string;
  category: string;
  itemType: "PHYSICAL" | "VIRTUAL";
  /** Unit price in minor units, KDV included, after discounts. */
  unitPrice: number;
  quantity: number;
}

export interface GatewayPaymentRequest {
  /** Our payment row id: sent as the gateway's conversation/merchant reference and echoed back. */
  paymentId: string;
  /** Human order number (`KRV-…`), alphanumeric. */
  orderNumber: string;
  /** Amount to charge in minor units (basket total incl. shipping, minus store credit). */
  amount: number;
  /**
   * Sum of the items before the order-level adjustments (shipping, discounts, store credit);
   * gateways that want `price` and `paidPrice` (iyzico) get this as `price`.
   */
  itemsTotal: number;
  currency: string;
  locale: "tr" | "en";
  buyer: GatewayBuyer;
  shippingAddress: GatewayAddress;
  billingAddress: GatewayAddress;
  items: GatewayBasketItem[];
  /** Where the gateway posts the shopper back (iyzico callbackUrl) or its server notification goes. */
  callbackUrl: string;
  /** Pages the shopper lands on after the gateway's page (PayTR merchant_ok_url / merchant_fail_url). */
  successUrl: string;
  failUrl: string;
  /** Highest number of installments offered (1 = single payment only). */
  maxInstallments: number;
  /** Sent as the gateway's idempotency key where it has one (Stripe). */
  idempotencyKey: string;
}

/** What the shopper's browser needs next. `reference` is the gateway's token/intent id for this attempt. */
export type GatewayStart =
  /** Send the shopper to a hosted page (iyzico paymentPageUrl). */
  | { type: "redirect"; url: string; reference: string }
  /** Show the gateway's page in an iframe (PayTR `…/odeme/guvenli/<token>`). */
  | { type: "iframe"; url: string; reference: string }
  /** Pay in the page with the gateway's JS (Stripe Payment Element). */
  | { type: "client_secret"; clientSecret: string; publishableKey: string; reference: string };

/** An inbound HTTP request from the gateway or the shopper's browser coming back from it. */
export interface GatewayNotification {
  headers: Record<string, string | string[] | undefined>;
  /** Exactly the bytes received (Stripe signs the raw body). */
  rawBody: string;
  /** The body parsed (form fields or JSON). */
  body: Record<string, unknown>;
  query: Record<string, string>;
}

export interface GatewayOutcome {
  status: "succeeded" | "failed" | "pending";
  /** Our payment id as echoed by the gateway (conversationId, merchant_oid, metadata.payment_id). */
  paymentRef: string;
  /** The gateway's id of the charge (iyzico paymentId, PayTR merchant_oid, Stripe pi_…). */
  providerPaymentId?: string;
  /** Unique per event: a repeated notification has the same eventId, so it is recorded once. */
  eventId: string;
  /** Charged amount in minor units when the gateway reports it. */
  amount?: number;
  currency?: string;
  installments?: number;
  failureReason?: string;
  /** Per-item transaction ids the gateway needs for partial refunds (iyzico paymentTransactionId by item id). */
  refundRefs?: Record<string, string>;
  /** The HTTP reply the gateway expects (PayTR: 200 text/plain `OK`); null when the caller decides. */
  reply?: { status: number; contentType: string; body: string };
  /** The gateway's response with card data and secrets removed, kept for support. */
  raw: Record<string, unknown>;
}

export interface GatewayRefundRequest {
  paymentRef: string;
  providerPaymentId: string;
  amount: number;
  currency: string;
  ip: string;
  /** Item id → amount, for gateways that refund per item (iyzico). */
  items?: { id: string; amount: number }[];
  refundRefs?: Record<string, string>;
  idempotencyKey: string;
}

export interface GatewayRefundResult {
  status: "succeeded" | "failed" | "pending";
  providerRefundId?: string;
  failureReason?: string;
  raw: Record<string, unknown>;
}

export interface InstallmentOption {
  count: number;
  /** Total the shopper pays with this many installments, in minor units. */
  totalPrice: number;
  installmentPrice: number;
}

export interface InstallmentPlan {
  bankName?: string;
  cardFamily?: string;
  cardType?: string;
  options: InstallmentOption[];
}

export interface PaymentGateway {
  readonly id: GatewayId;
  start(request: GatewayPaymentRequest): Promise<GatewayStart>;
  /** Checks the notification is authentic and reports the result; throws GatewayError("signature") when not. */
  verifyNotification(notification: GatewayNotification): Promise<GatewayOutcome>;
  refund(request: GatewayRefundRequest): Promise<GatewayRefundResult>;
  /** Voids a same-day payment in full (iyzico cancel); gateways without one refund in full instead. */
  cancel?(request: {
    providerPaymentId: string;
    paymentRef: string;
    amount: number;
    currency: string;
    ip: string;
  }): Promise<GatewayRefundResult>;
  installments?(request: { bin: string; amount: number; currency: string }): Promise<InstallmentPlan[]>;
}

export type GatewayErrorCode = "declined" | "timeout" | "unavailable" | "invalid_response" | "signature" | "configuration";

/** A gateway call that failed; `retryable` when trying again later may succeed. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly retryable: boolean;
  readonly providerCode?: string;

  constructor(code: GatewayErrorCode, message: string, options: { providerCode?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "GatewayError";
    this.code = code;
    this.retryable = code === "timeout" || code === "unavailable";
    this.providerCode = options.providerCode;
  }
}
