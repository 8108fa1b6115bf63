// Stripe adapter end to end: the official SDK talks to the local Stripe stand-in
// (test/gateways/stripe-server.ts), which signs and POSTs webhook events to a small receiver that calls
// verifyNotification. No database.

import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStripeServer, type TestStripeServer } from "../../../../test/gateways/stripe-server.ts";
import { GatewayError, type GatewayOutcome, type GatewayPaymentRequest, type PaymentGateway } from "../gateway.ts";
import { createStripeGateway, type StripeConfig } from "./stripe.ts";

const SECRET_KEY = "sk_test_kervan_local_0001";
const WEBHOOK_SECRET = "whsec_kervan_local_0001";

interface Receiver {
  url: string;
  outcomes: GatewayOutcome[];
  errors: GatewayError[];
  server: Server;
}

async function startReceiver(gateway: () => PaymentGateway): Promise<Receiver> {
  const receiver: Receiver = { url: "", outcomes: [], errors: [], server: undefined as unknown as Server };
  receiver.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        try {
          const outcome = await gateway().verifyNotification({ headers: req.headers, rawBody, body: JSON.parse(rawBody), query: {} });
          receiver.outcomes.push(outcome);
          res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        } catch (error) {
          if (error instanceof GatewayError) receiver.errors.push(error);
          res.writeHead(400, { "content-type": "text/plain" }).end("bad signature");
        }
      })();
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/payments/stripe/webhook`;
  return receiver;
}

function paymentRequest(overrides: Partial<GatewayPaymentRequest> = {}): GatewayPaymentRequest {
  const address = { contactName: "Ali Kaya", city: "Ankara", country: "Türkiye", address: "Atatürk Blv. 10" };
  return {
    paymentId: randomUUID(),
    orderNumber: "KRV-3001",
    amount: 249990,
    itemsTotal: 249990,
    currency: "TRY",
    locale: "tr",
    buyer: {
      id: "c2",
      firstName: "Ali",
      lastName: "Kaya",
      email: "ali@example.com",
      phone: "+905301112233",
      ip: "85.34.78.113",
      city: "Ankara",
      country: "Türkiye",
      address: "Atatürk Blv. 10",
    },
    shippingAddress: address,
    billingAddress: address,
    items: [{ id: "v9", name: "Kilim", category: "Ev", itemType: "PHYSICAL", unitPrice: 249990, quantity: 1 }],
    callbackUrl: "http://127.0.0.1/payments/stripe/webhook",
    successUrl: "https://shop.example/odeme/basarili",
    failUrl: "https://shop.example/odeme/basarisiz",
    maxInstallments: 1,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
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

describe("Stripe PaymentIntents against the local Stripe server", () => {
  let stripe: TestStripeServer;
  let receiver: Receiver;
  let gateway: PaymentGateway;
  let config: StripeConfig;

  beforeAll(async () => {
    receiver = await startReceiver(() => gateway);
    stripe = await startStripeServer({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, webhookUrl: receiver.url });
    config = {
      secretKey: SECRET_KEY,
      publishableKey: "pk_test_kervan_local_0001",
      webhookSecret: WEBHOOK_SECRET,
      apiBaseUrl: stripe.url,
      timeoutMs: 2_000,
      maxNetworkRetries: 0,
    };
    gateway = createStripeGateway(config);
  });

  afterEach(() => {
    stripe.setDelay(0);
    stripe.setFailure(null);
    receiver.outcomes.length = 0;
    receiver.errors.length = 0;
  });

  afterAll(async () => {
    await stripe?.close();
    await new Promise<void>((resolve) => receiver?.server.close(() => resolve()));
  });

  async function startIntent(request = paymentRequest()) {
    const start = await gateway.start(request);
    if (start.type !== "client_secret") throw new Error("expected a client secret");
    return { request, start };
  }

  it("start creates a PaymentIntent and returns its client secret", async () => {
    const { request, start } = await startIntent();
    expect(start.reference).toMatch(/^pi_/);
    expect(start.clientSecret).toMatch(new RegExp(`^${start.reference}_secret_`));
    expect(start.publishableKey).toBe("pk_test_kervan_local_0001");
    expect(stripe.intents.get(start.reference)).toMatchObject({
      amount: 249990,
      currency: "try",
      metadata: { payment_id: request.paymentId, order_number: "KRV-3001" },
      receipt_email: "ali@example.com",
      automatic_payment_methods: { enabled: true },
      status: "requires_payment_method",
    });
    const sent = stripe.requests.findLast((r) => r.path === "/v1/payment_intents");
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent?.headers["idempotency-key"]).toBe(request.idempotencyKey);
  });

  it("the same idempotency key twice gives the same intent; a new key a new one", async () => {
    const request = paymentRequest();
    const before = stripe.intents.size;
    const first = await gateway.start(request);
    const second = await gateway.start(request);
    expect(second).toEqual(first);
    expect(stripe.intents.size).toBe(before + 1);
    const third = await gateway.start({ ...request, idempotencyKey: randomUUID() });
    expect(third.reference).not.toBe(first.reference);
  });

  it("a confirmed payment arrives as a verified webhook: succeeded with the amount received", async () => {
    const { request, start } = await startIntent();
    const { event, delivery } = await stripe.confirm(start.reference, { card: "success" });
    expect(delivery.status).toBe(200);
    expect(receiver.errors).toEqual([]);
    expect(receiver.outcomes).toHaveLength(1);
    expect(receiver.outcomes[0]).toMatchObject({
      status: "succeeded",
      paymentRef: request.paymentId,
      providerPaymentId: start.reference,
      eventId: event.id,
      amount: 249990,
      currency: "TRY",
    });
  });

  it("a declined card arrives as failed with Stripe's reason", async () => {
    const { request, start } = await startIntent();
    const { event } = await stripe.confirm(start.reference, { card: "declined" });
    expect(receiver.outcomes[0]).toMatchObject({
      status: "failed",
      paymentRef: request.paymentId,
      eventId: event.id,
      failureReason: "Your card was declined.",
    });
  });

  it("a resent event has the same eventId; other event types are pending", async () => {
    const { request, start } = await startIntent();
    const { event } = await stripe.confirm(start.reference, { card: "success" });
    expect((await stripe.resend(event.id)).status).toBe(200);
    expect(receiver.outcomes.map((o) => o.eventId)).toEqual([event.id, event.id]);

    const other = await stripe.sendEvent("charge.refunded", { id: "ch_x", object: "charge", metadata: { payment_id: request.paymentId } });
    expect(receiver.outcomes[2]).toMatchObject({ status: "pending", eventId: other.event.id, paymentRef: request.paymentId });
  });

  it("rejects events signed with another secret or too long ago", async () => {
    const { start } = await startIntent();
    const { event } = await stripe.confirm(start.reference, { card: "success" });
    expect((await stripe.resend(event.id, { secret: "whsec_not_ours" })).status).toBe(400);
    const old = Math.floor(Date.now() / 1000) - 301;
    expect((await stripe.resend(event.id, { timestamp: old })).status).toBe(400);
    expect(receiver.errors.map((e) => e.code)).toEqual(["signature", "signature"]);
    expect(receiver.outcomes).toHaveLength(1);
  });

  it("refunds partially and fully, refuses an over-refund, replays a repeated idempotency key", async () => {
    const { request, start } = await startIntent(paymentRequest({ amount: 10000, itemsTotal: 10000 }));
    await stripe.confirm(start.reference, { card: "success" });
    const refund = (amount: number, idempotencyKey: string) =>
      gateway.refund({
        paymentRef: request.paymentId,
        providerPaymentId: start.reference,
        amount,
        currency: "TRY",
        ip: "85.34.78.113",
        idempotencyKey,
      });

    const first = await refund(2500, "refund-a");
    expect(first).toMatchObject({ status: "succeeded" });
    expect(first.providerRefundId).toMatch(/^re_/);
    expect(await refund(2500, "refund-a")).toEqual(first);
    expect(stripe.intents.get(start.reference)?.refunded).toBe(2500);

    const over = await refund(9000, "refund-b");
    expect(over.status).toBe("failed");
    expect(over.failureReason).toContain("greater than unrefunded amount");
    expect(over.raw.code).toBe("amount_too_large");

    expect(await refund(7500, "refund-c")).toMatchObject({ status: "succeeded" });
    expect(stripe.intents.get(start.reference)?.refunded).toBe(10000);
  });

  it("maps a wrong API key, a slow API and HTTP 500 to gateway errors", async () => {
    const wrongKey = createStripeGateway({ ...config, secretKey: "sk_test_wrong" });
    expect(await rejection(wrongKey.start(paymentRequest()))).toMatchObject({ code: "configuration", retryable: false });

    stripe.setDelay(1_000);
    const slow = createStripeGateway({ ...config, timeoutMs: 200 });
    expect(await rejection(slow.start(paymentRequest()))).toMatchObject({ code: "timeout", retryable: true });

    stripe.setDelay(0);
    stripe.setFailure(500);
    expect(await rejection(gateway.start(paymentRequest()))).toMatchObject({ code: "unavailable", retryable: true });
    stripe.setFailure(null);
    expect((await gateway.start(paymentRequest())).type).toBe("client_secret");
  });
});
