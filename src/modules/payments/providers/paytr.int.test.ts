// PayTR adapter end to end against the local PayTR stand-in (test/gateways/paytr-server.ts): get-token,
// the hosted card form, PayTR's own notification POST to a small receiver that calls verifyNotification
// and answers with outcome.reply, refunds and failure modes. No database.

import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PAYTR_DECLINED_CARD, PAYTR_TEST_CARDS, startPaytrServer, type TestPaytrServer } from "../../../../test/gateways/paytr-server.ts";
import { GatewayError, type GatewayOutcome, type GatewayPaymentRequest, type PaymentGateway } from "../gateway.ts";
import { createPaytrGateway, type PaytrConfig, paytrMerchantOid } from "./paytr.ts";

const MERCHANT = { merchantId: "100001", merchantKey: "kervanTestKey01", merchantSalt: "kervanTestSalt01" };

interface Receiver {
  url: string;
  outcomes: GatewayOutcome[];
  errors: GatewayError[];
  /** Answers this many deliveries with HTTP 503 before handling them (PayTR must retry). */
  failNext: number;
  server: Server;
}

async function startReceiver(gateway: () => PaymentGateway): Promise<Receiver> {
  const receiver: Receiver = { url: "", outcomes: [], errors: [], failNext: 0, server: undefined as unknown as Server };
  receiver.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        if (receiver.failNext > 0) {
          receiver.failNext -= 1;
          res.writeHead(503, { "content-type": "text/plain" }).end("busy");
          return;
        }
        const rawBody = Buffer.concat(chunks).toString("utf8");
        try {
          const outcome = await gateway().verifyNotification({
            headers: req.headers,
            rawBody,
            body: Object.fromEntries(new URLSearchParams(rawBody)),
            query: {},
          });
          receiver.outcomes.push(outcome);
          const reply = outcome.reply ?? { status: 200, contentType: "text/plain", body: "" };
          res.writeHead(reply.status, { "content-type": reply.contentType }).end(reply.body);
        } catch (error) {
          if (error instanceof GatewayError) receiver.errors.push(error);
          res.writeHead(400, { "content-type": "text/plain" }).end("PAYTR notification failed: bad hash");
        }
      })();
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/payments/paytr/notify`;
  return receiver;
}

function paymentRequest(overrides: Partial<GatewayPaymentRequest> = {}): GatewayPaymentRequest {
  const address = { contactName: "Ayşe Yılmaz", city: "İstanbul", country: "Türkiye", address: "Bağdat Cad. 1, Kadıköy" };
  return {
    paymentId: randomUUID(),
    orderNumber: "KRV-2001",
    amount: 123456,
    itemsTotal: 118456,
    currency: "TRY",
    locale: "tr",
    buyer: {
      id: "c1",
      firstName: "Ayşe",
      lastName: "Yılmaz",
      email: "ayse@example.com",
      phone: "+905321234567",
      ip: "85.34.78.112",
      city: "İstanbul",
      country: "Türkiye",
      address: "Bağdat Cad. 1, Kadıköy",
    },
    shippingAddress: address,
    billingAddress: address,
    items: [
      { id: "v1", name: "Çay bardağı (6'lı)", category: "Mutfak", itemType: "PHYSICAL", unitPrice: 45000, quantity: 2 },
      { id: "v2", name: "Türk kahvesi 250 g", category: "Gıda", itemType: "PHYSICAL", unitPrice: 28456, quantity: 1 },
    ],
    callbackUrl: "http://127.0.0.1/payments/paytr/notify",
    successUrl: "https://shop.example/odeme/basarili",
    failUrl: "https://shop.example/odeme/basarisiz",
    maxInstallments: 6,
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

/** What the shopper's browser does in the iframe: open the page, submit the card form. */
async function pay(iframeUrl: string, card: string, installments = 1): Promise<Response> {
  const page = await fetch(iframeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("no card form on the PayTR page");
  return fetch(new URL(action, iframeUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      cc_owner: "PAYTR TEST",
      card_number: card,
      expiry_month: "12",
      expiry_year: "30",
      cvv: "000",
      installment_count: String(installments),
    }).toString(),
    redirect: "manual",
  });
}

describe("PayTR iFrame API against the local PayTR server", () => {
  let paytr: TestPaytrServer;
  let receiver: Receiver;
  let gateway: PaymentGateway;
  let config: PaytrConfig;

  beforeAll(async () => {
    receiver = await startReceiver(() => gateway);
    paytr = await startPaytrServer({ ...MERCHANT, notifyUrl: receiver.url, notifyMaxTries: 3, notifyRetryDelayMs: 20 });
    config = { ...MERCHANT, baseUrl: paytr.url, testMode: true, timeoutMs: 2_000 };
    gateway = createPaytrGateway(config);
  });

  afterEach(async () => {
    await paytr.settled();
    paytr.setDelay(0);
    paytr.setFailure(null);
    receiver.failNext = 0;
    receiver.outcomes.length = 0;
    receiver.errors.length = 0;
  });

  afterAll(async () => {
    await paytr?.close();
    await new Promise<void>((resolve) => receiver?.server.close(() => resolve()));
  });

  it("pays with a test card: hosted form → notification → succeeded with the exact amount", async () => {
    const request = paymentRequest();
    const start = await gateway.start(request);
    expect(start.type).toBe("iframe");
    if (start.type !== "iframe") return;
    expect(start.url).toBe(`${paytr.url}/odeme/guvenli/${start.reference}`);

    const page = await (await fetch(start.url)).text();
    expect(page).toContain('<label for="card_number">Kart Numarası</label>');
    expect(page).toContain("Ödeme Yap");
    expect(page).toContain("1234.56 TL");

    const answer = await pay(start.url, PAYTR_TEST_CARDS[0]);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(request.successUrl);
    await paytr.settled();

    const oid = paytrMerchantOid(request.paymentId);
    expect(receiver.errors).toEqual([]);
    expect(receiver.outcomes).toHaveLength(1);
    expect(receiver.outcomes[0]).toMatchObject({
      status: "succeeded",
      paymentRef: request.paymentId,
      providerPaymentId: oid,
      eventId: `paytr:${oid}:success`,
      amount: 123456,
      currency: "TRY",
    });
    // PayTR stops once it reads exactly "OK".
    expect(paytr.deliveries.filter((d) => d.merchantOid === oid)).toEqual([
      { merchantOid: oid, status: "success", attempt: 1, httpStatus: 200, body: "OK" },
    ]);
    // The basket PayTR received lists the items plus one line for the rest (shipping).
    expect(paytr.payments.get(oid)?.basket).toEqual([
      ["Çay bardağı (6'lı)", "450.00", 2],
      ["Türk kahvesi 250 g", "284.56", 1],
      ["Kargo ve diğer ücretler", "50.00", 1],
    ]);
  });

  it("reports total_amount (with installment interest) as the charged amount", async () => {
    const request = paymentRequest({ amount: 100000, itemsTotal: 100000 });
    const start = await gateway.start(request);
    if (start.type !== "iframe") throw new Error("expected an iframe");
    expect((await pay(start.url, PAYTR_TEST_CARDS[1], 3)).status).toBe(302);
    await paytr.settled();
    // 3 installments at 1.5 % per extra installment: 100000 + 3000.
    expect(receiver.outcomes[0]).toMatchObject({ status: "succeeded", amount: 103000, installments: 3 });
    expect(receiver.outcomes[0]?.raw.payment_amount).toBe("100000");
  });

  it("a declined card gives a failed outcome with PayTR's reason and the fail page", async () => {
    const request = paymentRequest();
    const start = await gateway.start(request);
    if (start.type !== "iframe") throw new Error("expected an iframe");
    const answer = await pay(start.url, PAYTR_DECLINED_CARD);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(request.failUrl);
    await paytr.settled();
    const oid = paytrMerchantOid(request.paymentId);
    expect(receiver.outcomes).toHaveLength(1);
    expect(receiver.outcomes[0]).toMatchObject({
      status: "failed",
      paymentRef: request.paymentId,
      eventId: `paytr:${oid}:failed`,
      failureReason: "0: Kartın limiti / bakiyesi yetersiz",
      reply: { status: 200, contentType: "text/plain", body: "OK" },
    });
    expect(receiver.outcomes[0]?.amount).toBeUndefined();
  });

  it("an unknown card number is refused on the form without a notification", async () => {
    const start = await gateway.start(paymentRequest());
    if (start.type !== "iframe") throw new Error("expected an iframe");
    const answer = await pay(start.url, "4111111111111111");
    expect(answer.status).toBe(422);
    expect(await answer.text()).toContain("Kart numarası geçersiz.");
    await paytr.settled();
    expect(receiver.outcomes).toEqual([]);
  });

  it("rejects a tampered notification and never answers it OK", async () => {
    const request = paymentRequest();
    await gateway.start(request);
    const oid = paytrMerchantOid(request.paymentId);
    const badHash = await paytr.notify(oid, "success", { hash: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" });
    expect(badHash).toEqual({ status: 400, body: "PAYTR notification failed: bad hash" });
    const signed = paytr.notificationFields(oid, "success");
    const raisedAmount = await paytr.notify(oid, "success", { total_amount: String(Number(signed.total_amount) * 10) });
    expect(raisedAmount.status).toBe(400);
    expect(receiver.outcomes).toEqual([]);
    expect(receiver.errors.map((e) => e.code)).toEqual(["signature", "signature"]);
  });

  it("duplicate notifications carry the same eventId", async () => {
    const request = paymentRequest();
    const start = await gateway.start(request);
    if (start.type !== "iframe") throw new Error("expected an iframe");
    await pay(start.url, PAYTR_TEST_CARDS[2]);
    await paytr.settled();
    const oid = paytrMerchantOid(request.paymentId);
    const answers = await paytr.notifyTimes(oid, 2);
    expect(answers).toEqual([
      { status: 200, body: "OK" },
      { status: 200, body: "OK" },
    ]);
    expect(receiver.outcomes).toHaveLength(3);
    expect(new Set(receiver.outcomes.map((o) => o.eventId))).toEqual(new Set([`paytr:${oid}:success`]));
  });

  it("PayTR repeats a notification until it reads OK", async () => {
    const request = paymentRequest();
    const start = await gateway.start(request);
    if (start.type !== "iframe") throw new Error("expected an iframe");
    receiver.failNext = 1;
    await pay(start.url, PAYTR_TEST_CARDS[0]);
    await paytr.settled();
    const oid = paytrMerchantOid(request.paymentId);
    expect(paytr.deliveries.filter((d) => d.merchantOid === oid).map((d) => [d.attempt, d.httpStatus, d.body])).toEqual([
      [1, 503, "busy"],
      [2, 200, "OK"],
    ]);
    expect(receiver.outcomes).toHaveLength(1);
  });

  it("refunds partially, refuses an over-refund and a refund of an unpaid order", async () => {
    const request = paymentRequest({ amount: 50000, itemsTotal: 50000 });
    const start = await gateway.start(request);
    if (start.type !== "iframe") throw new Error("expected an iframe");
    await pay(start.url, PAYTR_TEST_CARDS[0]);
    await paytr.settled();
    const outcome = receiver.outcomes[0];
    if (!outcome?.providerPaymentId) throw new Error("no outcome");
    const refund = (amount: number, key: string) =>
      gateway.refund({
        paymentRef: outcome.paymentRef,
        providerPaymentId: outcome.providerPaymentId ?? "",
        amount,
        currency: "TRY",
        ip: "85.34.78.112",
        idempotencyKey: key,
      });

    expect(await refund(12345, "ref-1")).toMatchObject({ status: "succeeded", providerRefundId: "ref1" });
    expect(paytr.payments.get(outcome.providerPaymentId)?.refunded).toBe(12345);
    const over = await refund(40000, "ref-2");
    expect(over).toMatchObject({ status: "failed", failureReason: "006: Toplam iade tutarı odeme tutarindan fazla olamaz" });
    expect(paytr.payments.get(outcome.providerPaymentId)?.refunded).toBe(12345);
    expect(await refund(37655, "ref-3")).toMatchObject({ status: "succeeded" });
    expect(paytr.refunds.filter((r) => r.merchantOid === outcome.providerPaymentId).map((r) => r.amount)).toEqual([12345, 37655]);

    const unpaid = paymentRequest();
    await gateway.start(unpaid);
    const result = await gateway.refund({
      paymentRef: unpaid.paymentId,
      providerPaymentId: paytrMerchantOid(unpaid.paymentId),
      amount: 100,
      currency: "TRY",
      ip: "85.34.78.112",
      idempotencyKey: "ref-4",
    });
    expect(result.status).toBe("failed");
  });

  it("reports get-token's refusal when the merchant key is wrong", async () => {
    const wrong = createPaytrGateway({ ...config, merchantKey: "not-the-key" });
    const error = await rejection(wrong.start(paymentRequest()));
    expect(error).toMatchObject({ code: "configuration", retryable: false });
    expect(error.message).toContain("paytr_token gonderilen bilgilerle uyusmuyor");
  });

  it("times out on a slow PayTR and reports HTTP 500 as unavailable (both retryable)", async () => {
    paytr.setDelay(1_000);
    const slow = createPaytrGateway({ ...config, timeoutMs: 200 });
    const timedOut = await rejection(slow.start(paymentRequest()));
    expect(timedOut).toMatchObject({ code: "timeout", retryable: true });
    const refundTimedOut = await rejection(
      slow.refund({ paymentRef: "x", providerPaymentId: "abc123", amount: 100, currency: "TRY", ip: "1.1.1.1", idempotencyKey: "k" }),
    );
    expect(refundTimedOut.code).toBe("timeout");

    paytr.setDelay(0);
    paytr.setFailure(500);
    const down = await rejection(gateway.start(paymentRequest()));
    expect(down).toMatchObject({ code: "unavailable", retryable: true });
    paytr.setFailure(null);
    expect((await gateway.start(paymentRequest())).type).toBe("iframe");
  });
});
