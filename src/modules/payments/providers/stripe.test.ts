// Stripe documents its webhook signature scheme (v1 = hex HMAC-SHA256 of `${t}.${payload}` keyed with the
// endpoint secret) but publishes no vector with its secret, so the signature below was computed in the shell:
//   printf '%s' "1492774577.$(cat payload.json)" | openssl dgst -sha256 -hmac 'whsec_kervan_test_secret'
// (1492774577 is the timestamp of Stripe's documentation example header.)

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stripeSignatureHeader } from "../../../../test/gateways/stripe-server.ts";
import { GatewayError, type GatewayNotification } from "../gateway.ts";
import { createStripeGateway, mapStripeError, stripeEventOutcome } from "./stripe.ts";

const SECRET = "whsec_kervan_test_secret";
const T = 1492774577;
const PAYLOAD =
  '{"id":"evt_1Kervan","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1Kervan","object":"payment_intent","amount":12350,"amount_received":12350,"currency":"try","status":"succeeded","metadata":{"payment_id":"1b4e28ba-2d11-11d2-9cb5-2aa85f9c0e1f","order_number":"KRV-1001"}}}}';
const V1 = "7817dd49f88d2269bb4fe884d8e16402a62df244248d1683715bb54368dc1f32";

const gateway = createStripeGateway({ secretKey: "sk_test_x", publishableKey: "pk_test_x", webhookSecret: SECRET });

function webhook(payload: string, signature: string | undefined): GatewayNotification {
  const headers: GatewayNotification["headers"] = { "content-type": "application/json" };
  if (signature !== undefined) headers["stripe-signature"] = signature;
  return { headers, rawBody: payload, body: JSON.parse(payload) as Record<string, unknown>, query: {} };
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a GatewayError");
}

describe("Stripe webhook signature", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("the test server signs exactly as computed independently", () => {
    expect(stripeSignatureHeader(PAYLOAD, SECRET, T)).toBe(`t=${T},v1=${V1}`);
  });

  it("accepts the signed event within the 300 s tolerance", async () => {
    vi.setSystemTime(new Date((T + 299) * 1000));
    const outcome = await gateway.verifyNotification(webhook(PAYLOAD, `t=${T},v1=${V1}`));
    expect(outcome).toMatchObject({
      status: "succeeded",
      eventId: "evt_1Kervan",
      paymentRef: "1b4e28ba-2d11-11d2-9cb5-2aa85f9c0e1f",
      providerPaymentId: "pi_1Kervan",
      amount: 12350,
      currency: "TRY",
    });
    expect(outcome.reply).toBeUndefined();
  });

  it("finds the header whatever its case", async () => {
    vi.setSystemTime(new Date((T + 1) * 1000));
    const notification = webhook(PAYLOAD, undefined);
    notification.headers["Stripe-Signature"] = `t=${T},v1=${V1}`;
    expect((await gateway.verifyNotification(notification)).status).toBe("succeeded");
  });

  it("rejects an old timestamp, a changed body, another secret and a missing header", async () => {
    vi.setSystemTime(new Date((T + 301) * 1000));
    expect((await rejection(gateway.verifyNotification(webhook(PAYLOAD, `t=${T},v1=${V1}`)))).code).toBe("signature");

    vi.setSystemTime(new Date((T + 1) * 1000));
    const changed = PAYLOAD.replace('12350,"currency"', '1,"currency"');
    expect(changed).not.toBe(PAYLOAD);
    expect((await rejection(gateway.verifyNotification(webhook(changed, `t=${T},v1=${V1}`)))).code).toBe("signature");
    const other = stripeSignatureHeader(PAYLOAD, "whsec_someone_else", T);
    expect((await rejection(gateway.verifyNotification(webhook(PAYLOAD, other)))).code).toBe("signature");
    expect((await rejection(gateway.verifyNotification(webhook(PAYLOAD, undefined)))).code).toBe("signature");
    expect((await rejection(gateway.verifyNotification(webhook(PAYLOAD, "garbage")))).code).toBe("signature");
  });
});

describe("stripeEventOutcome", () => {
  const intent = {
    id: "pi_2",
    object: "payment_intent",
    amount: 5000,
    amount_received: 0,
    currency: "try",
    metadata: { payment_id: "p-2", order_number: "KRV-2" },
    last_payment_error: {
      type: "card_error",
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    },
  };
  const event = (type: string, object: Record<string, unknown>) =>
    ({ id: "evt_2", object: "event", type, created: 1, livemode: false, data: { object } }) as unknown as Parameters<
      typeof stripeEventOutcome
    >[0];

  it("maps payment_failed to failed with Stripe's message", () => {
    expect(stripeEventOutcome(event("payment_intent.payment_failed", intent))).toMatchObject({
      status: "failed",
      paymentRef: "p-2",
      providerPaymentId: "pi_2",
      eventId: "evt_2",
      failureReason: "Your card has insufficient funds.",
    });
  });

  it("reports other events as pending with their own id", () => {
    const outcome = stripeEventOutcome(event("charge.refunded", { id: "ch_1", object: "charge", metadata: { payment_id: "p-2" } }));
    expect(outcome).toMatchObject({ status: "pending", eventId: "evt_2", paymentRef: "p-2" });
    expect(outcome.providerPaymentId).toBeUndefined();
    expect(outcome.amount).toBeUndefined();
  });
});

describe("mapStripeError", () => {
  it("maps SDK error types to gateway error codes", () => {
    expect(mapStripeError({ type: "StripeCardError", message: "declined", decline_code: "generic_decline" })).toMatchObject({
      code: "declined",
      providerCode: "generic_decline",
      retryable: false,
    });
    expect(mapStripeError({ type: "StripeConnectionError", message: "Request aborted due to timeout being reached (50ms)" }).code).toBe(
      "timeout",
    );
    expect(mapStripeError({ type: "StripeConnectionError", message: "An error occurred with our connection to Stripe." }).code).toBe(
      "unavailable",
    );
    expect(mapStripeError({ type: "StripeAPIError", message: "boom" })).toMatchObject({ code: "unavailable", retryable: true });
    expect(mapStripeError({ type: "StripeAuthenticationError", message: "Invalid API Key" }).code).toBe("configuration");
    expect(mapStripeError(new Error("odd")).code).toBe("invalid_response");
  });
});

describe("createStripeGateway", () => {
  it("refuses an incomplete configuration", () => {
    expect(() => createStripeGateway({ secretKey: "sk", publishableKey: "", webhookSecret: "wh" })).toThrow(GatewayError);
  });
});
