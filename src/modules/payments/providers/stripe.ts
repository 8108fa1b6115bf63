// Stripe PaymentIntents adapter on the official `stripe` SDK, which is imported on first use so processes
// that never talk to Stripe do not load it.
//   start              POST /v1/payment_intents (idempotent) → client_secret for the Payment Element
//   verifyNotification  webhook signed with `Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.rawBody")`
//   refund             POST /v1/refunds (idempotent, partial or full)
// Amounts: Stripe counts in the currency's smallest unit, which is our minor unit (kuruş for TRY).

import type Stripe from "stripe";
import {
  GatewayError,
  type GatewayNotification,
  type GatewayOutcome,
  type GatewayPaymentRequest,
  type GatewayRefundRequest,
  type GatewayRefundResult,
  type GatewayStart,
  type PaymentGateway,
} from "../gateway.ts";

export interface StripeConfig {
  secretKey: string;
  publishableKey: string;
  /** The endpoint's signing secret (`whsec_…`). */
  webhookSecret: string;
  /** Only for tests: a local Stripe stand-in such as `http://127.0.0.1:4242`. */
  apiBaseUrl?: string;
  /** Per-request time limit; default 20 s. */
  timeoutMs?: number;
  /** SDK retries on connection errors, 409 and 5xx (same idempotency key); default 1. */
  maxNetworkRetries?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

function header(headers: GatewayNotification["headers"], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value[0];
  }
  return undefined;
}

/** Turns anything the SDK throws into a GatewayError (matching on `type`, so the SDK need not be loaded). */
export function mapStripeError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const e = (error ?? {}) as { type?: string; message?: string; code?: string; decline_code?: string; detail?: { code?: string } };
  const message = e.message ?? "Stripe request failed";
  const providerCode = e.decline_code ?? e.code;
  switch (e.type) {
    case "StripeCardError":
      return new GatewayError("declined", message, { providerCode, cause: error });
    case "StripeConnectionError": {
      const timedOut = e.detail?.code === "ETIMEDOUT" || /timeout/i.test(message);
      return new GatewayError(timedOut ? "timeout" : "unavailable", message, { providerCode, cause: error });
    }
    case "StripeAPIError":
    case "StripeRateLimitError":
      return new GatewayError("unavailable", message, { providerCode, cause: error });
    case "StripeAuthenticationError":
    case "StripePermissionError":
    case "StripeInvalidRequestError":
    case "StripeIdempotencyError":
      return new GatewayError("configuration", message, { providerCode, cause: error });
    default:
      return new GatewayError("invalid_response", message, { providerCode, cause: error });
  }
}

/** What a verified webhook event means for our payment. Exported for unit tests. */
export function stripeEventOutcome(event: Stripe.Event): GatewayOutcome {
  const object = event.data.object as unknown as {
    id?: string;
    object?: string;
    metadata?: Record<string, string> | null;
    amount_received?: number;
    currency?: string;
    last_payment_error?: { message?: string; code?: string; decline_code?: string } | null;
  };
  const paymentRef = object.metadata?.payment_id ?? "";
  const raw = { id: event.id, type: event.type, created: event.created, livemode: event.livemode, object: event.data.object };
  const base = { paymentRef, eventId: event.id, raw };
  const isIntent = object.object === "payment_intent";
  if (event.type === "payment_intent.succeeded" && isIntent) {
    return {
      ...base,
      status: "succeeded",
      providerPaymentId: object.id,
      amount: object.amount_received,
      currency: object.currency?.toUpperCase(),
    };
  }
  if (event.type === "payment_intent.payment_failed" && isIntent) {
    const error = object.last_payment_error;
    return {
      ...base,
      status: "failed",
      providerPaymentId: object.id,
      currency: object.currency?.toUpperCase(),
      failureReason: error?.message ?? error?.decline_code ?? error?.code ?? "payment failed",
    };
  }
  return { ...base, status: "pending", providerPaymentId: isIntent ? object.id : undefined };
}

export function createStripeGateway(config: StripeConfig): PaymentGateway {
  if (!config.secretKey || !config.publishableKey || !config.webhookSecret) {
    throw new GatewayError("configuration", "Stripe needs secretKey, publishableKey and webhookSecret");
  }
  let sdk: Promise<Stripe> | undefined;

  function client(): Promise<Stripe> {
    sdk ??= (async () => {
      let StripeSdk: typeof Stripe;
      try {
        StripeSdk = (await import("stripe")).default;
      } catch (error) {
        throw new GatewayError("configuration", "the stripe package is not installed", { cause: error });
      }
      const options: ConstructorParameters<typeof Stripe>[1] = {
        timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxNetworkRetries: config.maxNetworkRetries ?? 1,
        telemetry: false,
        appInfo: { name: "Kervan" },
      };
      if (config.apiBaseUrl) {
        const url = new URL(config.apiBaseUrl);
        options.host = url.hostname;
        options.protocol = url.protocol === "http:" ? "http" : "https";
        if (url.port) options.port = url.port;
      }
      return new StripeSdk(config.secretKey, options);
    })();
    // A failed import should not stick: the next call tries again.
    sdk.catch(() => {
      sdk = undefined;
    });
    return sdk;
  }

  return {
    id: "stripe",

    async start(request: GatewayPaymentRequest): Promise<GatewayStart> {
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new GatewayError("configuration", `amount must be a positive number of minor units, got ${String(request.amount)}`);
      }
      const stripe = await client();
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            metadata: { payment_id: request.paymentId, order_number: request.orderNumber },
            automatic_payment_methods: { enabled: true },
            receipt_email: request.buyer.email || undefined,
            description: request.orderNumber,
          },
          { idempotencyKey: request.idempotencyKey },
        );
      } catch (error) {
        throw mapStripeError(error);
      }
      if (!intent.client_secret)
        throw new GatewayError("invalid_response", `Stripe returned PaymentIntent ${intent.id} without a client secret`);
      return { type: "client_secret", clientSecret: intent.client_secret, publishableKey: config.publishableKey, reference: intent.id };
    },

    async verifyNotification(notification: GatewayNotification): Promise<GatewayOutcome> {
      const signature = header(notification.headers, "stripe-signature");
      if (!signature) throw new GatewayError("signature", "Stripe webhook has no Stripe-Signature header");
      const stripe = await client();
      let event: Stripe.Event;
      try {
        // Checks v1 = HMAC-SHA256(webhookSecret, `${t}.${rawBody}`) and that t is within 300 s of now.
        event = stripe.webhooks.constructEvent(notification.rawBody, signature, config.webhookSecret);
      } catch (error) {
        throw new GatewayError(
          "signature",
          `Stripe webhook signature rejected: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
      return stripeEventOutcome(event);
    },

    async refund(request: GatewayRefundRequest): Promise<GatewayRefundResult> {
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new GatewayError("configuration", `refund amount must be a positive number of minor units, got ${String(request.amount)}`);
      }
      if (!request.providerPaymentId.startsWith("pi_")) {
        throw new GatewayError("configuration", `"${request.providerPaymentId}" is not a Stripe PaymentIntent id`);
      }
      const stripe = await client();
      let refund: Stripe.Refund;
      try {
        refund = await stripe.refunds.create(
          { payment_intent: request.providerPaymentId, amount: request.amount, metadata: { payment_id: request.paymentRef } },
          { idempotencyKey: request.idempotencyKey },
        );
      } catch (error) {
        const mapped = mapStripeError(error);
        // Stripe refusing this refund (over-refund, nothing to refund) is an answer, not an outage.
        if ((error as { type?: string } | null)?.type === "StripeInvalidRequestError") {
          return { status: "failed", failureReason: mapped.message, raw: { code: mapped.providerCode, message: mapped.message } };
        }
        throw mapped;
      }
      const raw = {
        id: refund.id,
        status: refund.status,
        amount: refund.amount,
        currency: refund.currency,
        payment_intent: refund.payment_intent,
      };
      switch (refund.status) {
        case "succeeded":
          return { status: "succeeded", providerRefundId: refund.id, raw };
        case "failed":
        case "canceled":
          return { status: "failed", providerRefundId: refund.id, failureReason: refund.failure_reason ?? refund.status, raw };
        default:
          return { status: "pending", providerRefundId: refund.id, raw };
      }
    },
  };
}
