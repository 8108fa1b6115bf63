// The iyzico adapter against the local iyzico server (test/gateways/iyzico-server.ts): real HTTP,
// real IYZWSv2 signing both ways, and the hosted payment page paid with iyzico's test cards.

import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type IyzicoTestServer, startIyzicoServer } from "../../../../test/gateways/iyzico-server.ts";
import type { GatewayOutcome, GatewayPaymentRequest, PaymentGateway } from "../gateway.ts";
import { createIyzicoGateway } from "./iyzico.ts";

const credentials = { apiKey: "sandbox-api-key-test", secretKey: "sandbox-secret-key-test" };
const CALLBACK = "https://magaza.example/odeme/iyzico/donus";
const SUCCESS_CARD = "5528790000000008";

let server: IyzicoTestServer;
let gateway: PaymentGateway;

beforeAll(async () => {
  server = await startIyzicoServer(credentials);
  gateway = createIyzicoGateway({ ...credentials, baseUrl: server.url, timeoutMs: 2_000 });
});
afterAll(() => server.close());
afterEach(() => server.setMode({ delayMs: 0, serverError: false, malformedJson: false, tamperSignature: false }));

/** 2 × 12,50 ₺ + 1 × 0,01 ₺ = 25,01 ₺ of items; the shopper pays 50,00 ₺ (shipping minus a discount). */
function paymentRequest(overrides: Partial<GatewayPaymentRequest> = {}): GatewayPaymentRequest {
  return {
    paymentId: `pay_${randomUUID()}`,
    orderNumber: `KRV${Math.floor(Math.random() * 1e8)}`,
    amount: 5000,
    itemsTotal: 2501,
    currency: "TRY",
    locale: "tr",
    buyer: {
      id: "cus_1",
      firstName: "Ayşe",
      lastName: "Yılmaz",
      email: "ayse@example.com",
      phone: "+905321234567",
      ip: "85.34.78.112",
      city: "İstanbul",
      country: "Türkiye",
      address: "Bağdat Cad. No:1 Kadıköy",
      zipCode: "34710",
    },
    shippingAddress: { contactName: "Ayşe Yılmaz", city: "İstanbul", country: "Türkiye", address: "Bağdat Cad. No:1 Kadıköy" },
    billingAddress: { contactName: "Ayşe Yılmaz", city: "İstanbul", country: "Türkiye", address: "Bağdat Cad. No:1 Kadıköy" },
    items: [
      { id: "var_tshirt", name: "Tişört", category: "Giyim", itemType: "PHYSICAL", unitPrice: 1250, quantity: 2 },
      { id: "var_sticker", name: "Çıkartma", category: "Hediye", itemType: "PHYSICAL", unitPrice: 1, quantity: 1 },
    ],
    callbackUrl: CALLBACK,
    successUrl: "https://magaza.example/siparis/tamam",
    failUrl: "https://magaza.example/siparis/hata",
    maxInstallments: 6,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

/** Pays on the hosted page like a browser without JS: GET the form, POST it, read the callback form. */
async function payOnPage(
  pageUrl: string,
  card: string,
  installment = "1",
): Promise<{ status: number; html: string; action?: string; token?: string }> {
  const page = await fetch(pageUrl);
  const pageHtml = await page.text();
  expect(page.status).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(pageHtml)?.[1];
  expect(action).toBeDefined();
  const form = new URLSearchParams({ cardHolderName: "AYSE YILMAZ", cardNumber: card, expiry: "12/30", cvc: "123", installment });
  const response = await fetch(new URL(action ?? "", pageUrl), { method: "POST", body: form });
  const html = await response.text();
  return {
    status: response.status,
    html,
    action: /<form method="post" action="([^"]+)"/.exec(html)?.[1],
    token: /name="token" value="([^"]+)"/.exec(html)?.[1],
  };
}

function callback(token: string) {
  return { headers: { "content-type": "application/x-www-form-urlencoded" }, rawBody: `token=${token}`, body: { token }, query: {} };
}

async function paidPayment(card = SUCCESS_CARD): Promise<{ request: GatewayPaymentRequest; outcome: GatewayOutcome }> {
  const request = paymentRequest();
  const start = await gateway.start(request);
  if (start.type !== "redirect") throw new Error("expected a redirect");
  const paid = await payOnPage(start.url, card);
  return { request, outcome: await gateway.verifyNotification(callback(paid.token ?? "")) };
}

describe("iyzico checkout form", () => {
  it("starts, is paid on the hosted page, and verifies the callback with the exact amount", async () => {
    const request = paymentRequest();
    const start = await gateway.start(request);
    expect(start.type).toBe("redirect");
    if (start.type !== "redirect") return;
    expect(start.url.startsWith(`${server.url}/checkoutform/pay/${start.reference}`)).toBe(true);

    const stored = server.payments.get(start.reference);
    expect(stored).toMatchObject({
      conversationId: request.paymentId,
      basketId: request.orderNumber,
      price: 2501,
      paidPrice: 5000,
      currency: "TRY",
    });
    expect(stored?.enabledInstallments).toEqual([1, 2, 3, 6]);
    expect(stored?.request).toMatchObject({ price: "25.01", paidPrice: "50.0", paymentGroup: "PRODUCT", callbackUrl: CALLBACK });
    expect((stored?.request.basketItems as { price: string }[]).map((i) => i.price)).toEqual(["25.0", "0.01"]);
    expect(stored?.request.buyer).toMatchObject({
      name: "Ayşe",
      surname: "Yılmaz",
      identityNumber: "11111111111",
      gsmNumber: "+905321234567",
    });

    const page = await (await fetch(start.url)).text();
    for (const label of ["Kart üzerindeki isim", "Kart numarası", "Son kullanma tarihi (AA/YY)", "Güvenlik kodu (CVC)", "Taksit"]) {
      expect(page).toContain(`>${label}</label>`);
    }
    expect(page).toContain('<button type="submit">Öde</button>');
    expect(page).toContain("50,00 ₺");

    const paid = await payOnPage(start.url, SUCCESS_CARD, "3");
    expect(paid.status).toBe(200);
    expect(paid.action).toBe(CALLBACK);
    expect(paid.token).toBe(start.reference);
    expect(paid.html).toContain('<button type="submit">Devam</button>');

    const outcome = await gateway.verifyNotification(callback(start.reference));
    const settled = server.payments.get(start.reference);
    expect(outcome).toMatchObject({
      status: "succeeded",
      paymentRef: request.paymentId,
      providerPaymentId: settled?.paymentId,
      eventId: `iyzico:${start.reference}:SUCCESS`,
      amount: 5000,
      currency: "TRY",
      installments: 3,
    });
    expect(outcome.refundRefs).toEqual(Object.fromEntries(settled?.items.map((i) => [i.itemId, i.paymentTransactionId]) ?? []));
    expect(Object.keys(outcome.refundRefs ?? {})).toEqual(["var_tshirt", "var_sticker"]);
    expect(outcome.raw).toMatchObject({ lastFourDigits: "0008", token: start.reference });
    const raw = JSON.stringify(outcome.raw);
    expect(raw).not.toContain(SUCCESS_CARD);
    expect(raw).not.toContain("552879");

    // The shopper's browser may post the callback twice: the same result and the same eventId.
    const again = await gateway.verifyNotification(callback(start.reference));
    expect(again.eventId).toBe(outcome.eventId);
    expect(again.amount).toBe(5000);
  });

  it("spreads itemsTotal over the basket when the lines do not add up to it", async () => {
    const start = await gateway.start(paymentRequest({ itemsTotal: 2000 }));
    const items = server.payments.get(start.reference)?.request.basketItems as { price: string }[];
    // Shares 1999,2 and 0,8 kuruş: largest remainders give 1999 + 1, which is iyzico's `price` exactly.
    expect(items.map((i) => i.price)).toEqual(["19.99", "0.01"]);
    expect(server.payments.get(start.reference)?.price).toBe(2000);
  });

  it("reports a declined card as failed with iyzico's reason", async () => {
    const { request, outcome } = await paidPayment("4111111111111129");
    expect(outcome).toMatchObject({
      status: "failed",
      paymentRef: request.paymentId,
      failureReason: "Kart limiti yetersiz, yetersiz bakiye",
    });
    expect(outcome.eventId).toMatch(/:FAILURE$/);
    expect(outcome.raw).toMatchObject({ errorCode: "10051", errorGroup: "NOT_SUFFICIENT_FUNDS" });

    const dishonoured = await paidPayment("4129111111111111");
    expect(dishonoured.outcome).toMatchObject({ status: "failed", failureReason: "İşlem onaylanmadı" });
  });

  it("keeps the shopper on the page when the card form is incomplete", async () => {
    const start = await gateway.start(paymentRequest());
    if (start.type !== "redirect") throw new Error("expected a redirect");
    const response = await fetch(start.url.split("?")[0] ?? "", {
      method: "POST",
      body: new URLSearchParams({ cardHolderName: "A", cardNumber: SUCCESS_CARD, expiry: "01/20", cvc: "123", installment: "1" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Son kullanma tarihi geçersiz.");
    expect(server.payments.get(start.reference)?.status).toBe("INIT");
  });

  it("refuses a callback for a token iyzico does not know", async () => {
    const token = randomUUID();
    await expect(gateway.verifyNotification(callback(token))).rejects.toMatchObject({
      code: "invalid_response",
      message: expect.stringContaining(token),
    });
  });

  it("rejects tampered response signatures on initialize and on retrieve", async () => {
    server.setMode({ tamperSignature: true });
    await expect(gateway.start(paymentRequest())).rejects.toMatchObject({ name: "GatewayError", code: "signature" });

    server.setMode({ tamperSignature: false });
    const start = await gateway.start(paymentRequest());
    const paid = await payOnPage(start.type === "redirect" ? start.url : "", SUCCESS_CARD);
    server.setMode({ tamperSignature: true });
    await expect(gateway.verifyNotification(callback(paid.token ?? ""))).rejects.toMatchObject({ code: "signature" });
  });

  it("turns a slow iyzico into a timeout, HTTP 500 into unavailable and broken JSON into invalid_response", async () => {
    const impatient = createIyzicoGateway({ ...credentials, baseUrl: server.url, timeoutMs: 200 });
    server.setMode({ delayMs: 1_000 });
    const began = Date.now();
    await expect(impatient.start(paymentRequest())).rejects.toMatchObject({ code: "timeout", retryable: true });
    expect(Date.now() - began).toBeLessThan(900);

    server.setMode({ delayMs: 0, serverError: true });
    await expect(gateway.start(paymentRequest())).rejects.toMatchObject({
      code: "unavailable",
      retryable: true,
      message: expect.stringContaining("500"),
    });

    server.setMode({ serverError: false, malformedJson: true });
    await expect(gateway.start(paymentRequest())).rejects.toMatchObject({ code: "invalid_response", retryable: false });
  });

  it("reports an unreachable iyzico as unavailable", async () => {
    const closed = await startIyzicoServer(credentials);
    await closed.close();
    const offline = createIyzicoGateway({ ...credentials, baseUrl: closed.url, timeoutMs: 2_000 });
    await expect(offline.start(paymentRequest())).rejects.toMatchObject({ code: "unavailable" });
  });

  it("says clearly when the credentials are wrong", async () => {
    const wrongSecret = createIyzicoGateway({ ...credentials, secretKey: "not-the-secret", baseUrl: server.url });
    await expect(wrongSecret.start(paymentRequest())).rejects.toMatchObject({
      code: "configuration",
      providerCode: "1000",
      message: expect.stringContaining("rejected the API credentials"),
    });
    const wrongKey = createIyzicoGateway({ ...credentials, apiKey: "someone-else", baseUrl: server.url });
    await expect(wrongKey.verifyNotification(callback(randomUUID()))).rejects.toMatchObject({
      code: "configuration",
      providerCode: "1001",
    });
  });

  it("refuses bad requests: its own checks as configuration errors, iyzico's validation as declined", async () => {
    await expect(gateway.start(paymentRequest({ currency: "TRY", callbackUrl: "ftp://nope" }))).rejects.toMatchObject({
      code: "configuration",
    });
    // A buyer without an address: iyzico validates it, the adapter reports iyzico's message.
    const request = paymentRequest();
    await expect(gateway.start({ ...request, buyer: { ...request.buyer, address: "" } })).rejects.toMatchObject({
      code: "declined",
      message: expect.stringContaining("buyer.registrationAddress"),
    });
  });
});

describe("iyzico refunds, cancels and installments", () => {
  it("refunds in parts and refuses to refund more than was paid", async () => {
    const { request, outcome } = await paidPayment();
    const base = { paymentRef: request.paymentId, providerPaymentId: outcome.providerPaymentId ?? "", currency: "TRY", ip: "85.34.78.112" };

    const first = await gateway.refund({ ...base, amount: 1000, idempotencyKey: randomUUID() });
    expect(first.status).toBe("succeeded");
    expect(first.providerRefundId).toBeTruthy();
    const paid = [...server.payments.values()].find((p) => p.paymentId === outcome.providerPaymentId);
    expect(paid?.refunded).toBe(1000);
    expect(server.calls.at(-1)?.body).toMatchObject({
      paymentId: outcome.providerPaymentId,
      price: "10.0",
      conversationId: request.paymentId,
    });

    const tooMuch = await gateway.refund({ ...base, amount: 4001, idempotencyKey: randomUUID() });
    expect(tooMuch.status).toBe("failed");
    expect(tooMuch.failureReason).toContain("aşamaz");
    expect(paid?.refunded).toBe(1000);

    const rest = await gateway.refund({ ...base, amount: 4000, idempotencyKey: randomUUID() });
    expect(rest.status).toBe("succeeded");
    expect(paid?.refunded).toBe(5000);
  });

  it("cancels a same-day payment, after which it cannot be refunded", async () => {
    const { request, outcome } = await paidPayment();
    const ref = {
      paymentRef: request.paymentId,
      providerPaymentId: outcome.providerPaymentId ?? "",
      amount: 5000,
      currency: "TRY",
      ip: "85.34.78.112",
    };
    const cancelled = await gateway.cancel?.(ref);
    expect(cancelled?.status).toBe("succeeded");
    expect([...server.payments.values()].find((p) => p.paymentId === ref.providerPaymentId)?.cancelled).toBe(true);

    const again = await gateway.cancel?.(ref);
    expect(again?.status).toBe("failed");
    const refund = await gateway.refund({ ...ref, amount: 100, idempotencyKey: randomUUID() });
    expect(refund).toMatchObject({ status: "failed", failureReason: expect.stringContaining("İptal") });
  });

  it("reports a bank that refuses the refund (test card 5406670000000009)", async () => {
    const { request, outcome } = await paidPayment("5406670000000009");
    expect(outcome.status).toBe("succeeded");
    const refund = await gateway.refund({
      paymentRef: request.paymentId,
      providerPaymentId: outcome.providerPaymentId ?? "",
      amount: 100,
      currency: "TRY",
      ip: "85.34.78.112",
      idempotencyKey: randomUUID(),
    });
    expect(refund).toMatchObject({ status: "failed", raw: { errorCode: "10201" } });
  });

  it("lists installment plans for a card BIN", async () => {
    const plans = (await gateway.installments?.({ bin: "552879", amount: 10_000, currency: "TRY" })) ?? [];
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ bankName: "Halkbank", cardFamily: "Paraf", cardType: "CREDIT_CARD" });
    const options = plans[0]?.options ?? [];
    expect(options.map((o) => o.count)).toEqual([1, 2, 3, 6, 9, 12]);
    expect(options[0]).toEqual({ count: 1, totalPrice: 10_000, installmentPrice: 10_000 });
    expect(options[3]).toEqual({ count: 6, totalPrice: 10_850, installmentPrice: 1808 }); // 108,50 / 6 = 18,0833…
    expect(server.calls.at(-1)?.body).toMatchObject({ binNumber: "552879", price: "100.0" });

    await expect(gateway.installments?.({ bin: "999999", amount: 10_000, currency: "TRY" })).rejects.toMatchObject({
      code: "declined",
      providerCode: "10213",
    });
    await expect(gateway.installments?.({ bin: "55", amount: 10_000, currency: "TRY" })).rejects.toMatchObject({ code: "configuration" });
  });
});
