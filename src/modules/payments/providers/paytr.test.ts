// PayTR publishes the hash recipes (PHP samples on dev.paytr.com) but no fixed input/output pairs, so the
// expected values below were computed independently in the shell, e.g.
//   printf '%s' "$message" | openssl dgst -sha256 -hmac 'YYYYYYYYYYYYYY' -binary | base64
// with merchant_key YYYYYYYYYYYYYY and merchant_salt ZZZZZZZZZZZZZZ (the placeholders of PayTR's samples).

import { describe, expect, it } from "vitest";
import { GatewayError, type GatewayNotification, type GatewayPaymentRequest } from "../gateway.ts";
import {
  createPaytrGateway,
  PAYTR_OK_REPLY,
  paymentIdFromMerchantOid,
  paytrBasket,
  paytrCurrency,
  paytrMerchantOid,
  paytrNotificationHash,
  paytrRefundHash,
  paytrTokenHash,
} from "./paytr.ts";

const secrets = { merchantKey: "YYYYYYYYYYYYYY", merchantSalt: "ZZZZZZZZZZZZZZ" };
const PAYMENT_ID = "1b4e28ba-2d11-11d2-9cb5-2aa85f9c0e1f";
const OID = "1b4e28ba2d1111d29cb52aa85f9c0e1f";
// printf '%s' '[["Örnek Ürün 1","18.00",1],["Örnek Ürün 2","33.25",2]]' | base64 -w0
const BASKET = "W1siw5ZybmVrIMOccsO8biAxIiwiMTguMDAiLDFdLFsiw5ZybmVrIMOccsO8biAyIiwiMzMuMjUiLDJdXQ==";
// message = 123456 85.34.78.112 <OID> musteri@example.com 8450 <BASKET> 0 6 TL 1 <salt> (concatenated)
const TOKEN = "ftWoh/OgehTr8TCnQRAxAIKfRz3ri3NqpQ1RHXBKh9M=";
// message = <OID> <salt> success 8450
const NOTIFY_SUCCESS = "2sY89VrZ3NRF3UQwO23U9xPsvr6SuG5I6+etCF3EjNc=";
// message = <OID> <salt> failed 0
const NOTIFY_FAILED = "vduwXWiEZohWn7wcioR4EiSzUEYEbcCGOMD4L9VTMBQ=";
// message = 123456 <OID> 11.97 <salt>
const REFUND = "CD8r7va2p+iIjMq+G/LRjM9Ibm5jGHNALVAw4L9vf3M=";

const config = { merchantId: "123456", ...secrets, baseUrl: "https://paytr.invalid/", testMode: true };

function request(overrides: Partial<GatewayPaymentRequest> = {}): GatewayPaymentRequest {
  const address = { contactName: "Ayşe Yılmaz", city: "İstanbul", country: "Türkiye", address: "Bağdat Cad. 1, Kadıköy" };
  return {
    paymentId: PAYMENT_ID,
    orderNumber: "KRV-1001",
    amount: 8450,
    itemsTotal: 8450,
    currency: "TRY",
    locale: "tr",
    buyer: {
      id: "c1",
      firstName: "Ayşe",
      lastName: "Yılmaz",
      email: "musteri@example.com",
      phone: "+905321234567",
      ip: "85.34.78.112",
      city: "İstanbul",
      country: "Türkiye",
      address: "Bağdat Cad. 1, Kadıköy",
    },
    shippingAddress: address,
    billingAddress: address,
    items: [
      { id: "v1", name: "Örnek Ürün 1", category: "Genel", itemType: "PHYSICAL", unitPrice: 1800, quantity: 1 },
      { id: "v2", name: "Örnek Ürün 2", category: "Genel", itemType: "PHYSICAL", unitPrice: 3325, quantity: 2 },
    ],
    callbackUrl: "https://shop.example/payments/paytr/notify",
    successUrl: "https://shop.example/odeme/basarili",
    failUrl: "https://shop.example/odeme/basarisiz",
    maxInstallments: 6,
    idempotencyKey: "pay-1b4e28ba-attempt-1",
    ...overrides,
  };
}

function notification(body: Record<string, string>): GatewayNotification {
  return { headers: {}, rawBody: new URLSearchParams(body).toString(), body, query: {} };
}

/** A fetch that records the form it was given and answers with `answer`. */
function fakeFetch(answer: { status?: number; body: string }) {
  const calls: { url: string; form: Record<string, string> }[] = [];
  const fn = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), form: Object.fromEntries(new URLSearchParams(String(init?.body ?? ""))) });
    return new Response(answer.body, { status: answer.status ?? 200 });
  }) as typeof fetch;
  return { fn, calls };
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

describe("PayTR hashes", () => {
  it("computes paytr_token for get-token like PayTR's sample", () => {
    expect(
      paytrTokenHash(secrets, {
        merchantId: "123456",
        userIp: "85.34.78.112",
        merchantOid: OID,
        email: "musteri@example.com",
        paymentAmount: 8450,
        userBasket: BASKET,
        noInstallment: 0,
        maxInstallment: 6,
        currency: "TL",
        testMode: 1,
      }),
    ).toBe(TOKEN);
  });

  it("computes the notification hash", () => {
    expect(paytrNotificationHash(secrets, { merchantOid: OID, status: "success", totalAmount: "8450" })).toBe(NOTIFY_SUCCESS);
    expect(paytrNotificationHash(secrets, { merchantOid: OID, status: "failed", totalAmount: 0 })).toBe(NOTIFY_FAILED);
  });

  it("computes the refund token", () => {
    expect(paytrRefundHash(secrets, { merchantId: "123456", merchantOid: OID, returnAmount: "11.97" })).toBe(REFUND);
  });
});

describe("PayTR request fields", () => {
  it("encodes the basket as base64 JSON with decimal unit prices", () => {
    expect(paytrBasket(request().items, 8450, "TRY")).toBe(BASKET);
  });

  it("adds one line for shipping when the charge exceeds the items", () => {
    const decoded = JSON.parse(Buffer.from(paytrBasket(request().items, 8950, "TRY", "tr"), "base64").toString("utf8"));
    expect(decoded).toEqual([
      ["Örnek Ürün 1", "18.00", 1],
      ["Örnek Ürün 2", "33.25", 2],
      ["Kargo ve diğer ücretler", "5.00", 1],
    ]);
  });

  it("maps a uuid payment id to an alphanumeric merchant_oid and back", () => {
    expect(paytrMerchantOid(PAYMENT_ID)).toBe(OID);
    expect(paytrMerchantOid(PAYMENT_ID.toUpperCase())).toBe(OID);
    expect(paymentIdFromMerchantOid(OID)).toBe(PAYMENT_ID);
    expect(paytrMerchantOid("KRV1001")).toBe("KRV1001");
    expect(paymentIdFromMerchantOid("KRV1001")).toBe("KRV1001");
  });

  it("refuses payment ids it cannot send or map back", () => {
    expect(() => paytrMerchantOid("KRV-1001")).toThrow(GatewayError);
    expect(() => paytrMerchantOid("a".repeat(65))).toThrow(/merchant_oid/);
    // 32 hex digits are reserved for uuids, so a non-uuid id of that shape would not map back.
    expect(() => paytrMerchantOid("0123456789abcdef0123456789abcdef")).toThrow(GatewayError);
  });

  it("sends TRY as TL and refuses currencies PayTR does not take", () => {
    expect(paytrCurrency("TRY")).toBe("TL");
    expect(paytrCurrency("eur")).toBe("EUR");
    expect(() => paytrCurrency("JPY")).toThrow(/JPY/);
  });
});

describe("PayTR start", () => {
  it("posts the documented get-token fields and returns the iframe url", async () => {
    const fake = fakeFetch({ body: JSON.stringify({ status: "success", token: "tok123" }) });
    const gateway = createPaytrGateway(config, { fetch: fake.fn });
    const start = await gateway.start(request());
    expect(start).toEqual({ type: "iframe", url: "https://paytr.invalid/odeme/guvenli/tok123", reference: "tok123" });
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0];
    expect(call?.url).toBe("https://paytr.invalid/odeme/api/get-token");
    expect(call?.form).toMatchObject({
      merchant_id: "123456",
      user_ip: "85.34.78.112",
      merchant_oid: OID,
      email: "musteri@example.com",
      payment_amount: "8450",
      user_basket: BASKET,
      no_installment: "0",
      max_installment: "6",
      currency: "TL",
      test_mode: "1",
      paytr_token: TOKEN,
      user_name: "Ayşe Yılmaz",
      user_phone: "+905321234567",
      merchant_ok_url: "https://shop.example/odeme/basarili",
      merchant_fail_url: "https://shop.example/odeme/basarisiz",
      lang: "tr",
    });
  });

  it("asks for single payment when only one installment is allowed", async () => {
    const fake = fakeFetch({ body: JSON.stringify({ status: "success", token: "t" }) });
    await createPaytrGateway(config, { fetch: fake.fn }).start(request({ maxInstallments: 1 }));
    expect(fake.calls[0]?.form).toMatchObject({ no_installment: "1", max_installment: "0" });
  });

  it("reports PayTR's refusal reason", async () => {
    const fake = fakeFetch({ body: JSON.stringify({ status: "failed", reason: "paytr_token gonderilen bilgilerle uyusmuyor" }) });
    const error = await rejection(createPaytrGateway(config, { fetch: fake.fn }).start(request()));
    expect(error.code).toBe("configuration");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("paytr_token gonderilen bilgilerle uyusmuyor");
  });

  it("turns HTTP 5xx, non-JSON answers and network failures into gateway errors", async () => {
    const down = await rejection(
      createPaytrGateway(config, { fetch: fakeFetch({ status: 502, body: "Bad gateway" }).fn }).start(request()),
    );
    expect(down.code).toBe("unavailable");
    expect(down.retryable).toBe(true);
    const html = await rejection(createPaytrGateway(config, { fetch: fakeFetch({ body: "<html>hata</html>" }).fn }).start(request()));
    expect(html.code).toBe("invalid_response");
    const unreachable = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    expect((await rejection(createPaytrGateway(config, { fetch: unreachable }).start(request()))).code).toBe("unavailable");
  });

  it("rejects amounts that are not positive whole kuruş before calling PayTR", async () => {
    const fake = fakeFetch({ body: "{}" });
    const error = await rejection(createPaytrGateway(config, { fetch: fake.fn }).start(request({ amount: 84.5 })));
    expect(error.code).toBe("configuration");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("PayTR verifyNotification", () => {
  const gateway = createPaytrGateway(config, { fetch: fakeFetch({ body: "{}" }).fn });
  const success = {
    merchant_oid: OID,
    status: "success",
    total_amount: "8450",
    hash: NOTIFY_SUCCESS,
    payment_amount: "8450",
    payment_type: "card",
    currency: "TL",
    installment_count: "1",
    test_mode: "1",
  };

  it("accepts an authentic success and answers OK", async () => {
    const outcome = await gateway.verifyNotification(notification(success));
    expect(outcome).toMatchObject({
      status: "succeeded",
      paymentRef: PAYMENT_ID,
      providerPaymentId: OID,
      eventId: `paytr:${OID}:success`,
      amount: 8450,
      currency: "TRY",
      installments: 1,
      reply: PAYTR_OK_REPLY,
    });
    expect(outcome.failureReason).toBeUndefined();
  });

  it("accepts an authentic failure with its reason and still answers OK", async () => {
    const outcome = await gateway.verifyNotification(
      notification({
        merchant_oid: OID,
        status: "failed",
        total_amount: "0",
        hash: NOTIFY_FAILED,
        failed_reason_code: "0",
        failed_reason_msg: "Kartın limiti / bakiyesi yetersiz",
      }),
    );
    expect(outcome).toMatchObject({ status: "failed", eventId: `paytr:${OID}:failed`, reply: PAYTR_OK_REPLY });
    expect(outcome.amount).toBeUndefined();
    expect(outcome.failureReason).toBe("0: Kartın limiti / bakiyesi yetersiz");
  });

  it("reads the raw form when the body was not parsed", async () => {
    const outcome = await gateway.verifyNotification({
      headers: {},
      rawBody: new URLSearchParams(success).toString(),
      body: {},
      query: {},
    });
    expect(outcome.status).toBe("succeeded");
  });

  it("rejects a changed amount, a changed status, a wrong hash and a missing hash", async () => {
    for (const body of [
      { ...success, total_amount: "1" },
      { ...success, status: "failed" },
      { ...success, hash: NOTIFY_FAILED },
      { ...success, hash: "" },
    ]) {
      const error = await rejection(gateway.verifyNotification(notification(body)));
      expect(error.code).toBe("signature");
    }
  });

  it("rejects a notification signed with another store's key", async () => {
    const other = createPaytrGateway({ ...config, merchantKey: "another-key-123" }, { fetch: fakeFetch({ body: "{}" }).fn });
    expect((await rejection(other.verifyNotification(notification(success)))).code).toBe("signature");
  });
});

describe("PayTR refund", () => {
  it("posts return_amount as a decimal with the documented token", async () => {
    const fake = fakeFetch({ body: JSON.stringify({ status: "success", is_test: 1, merchant_oid: OID, return_amount: "11.97" }) });
    const result = await createPaytrGateway(config, { fetch: fake.fn }).refund({
      paymentRef: PAYMENT_ID,
      providerPaymentId: OID,
      amount: 1197,
      currency: "TRY",
      ip: "85.34.78.112",
      idempotencyKey: "refund-1",
    });
    expect(result.status).toBe("succeeded");
    expect(fake.calls[0]?.url).toBe("https://paytr.invalid/odeme/iade");
    expect(fake.calls[0]?.form).toMatchObject({
      merchant_id: "123456",
      merchant_oid: OID,
      return_amount: "11.97",
      paytr_token: REFUND,
      reference_no: "refund1",
    });
  });

  it("reports PayTR's error number and message as a failed refund", async () => {
    const fake = fakeFetch({
      body: JSON.stringify({ status: "error", err_no: "006", err_msg: "Toplam iade tutarı odeme tutarindan fazla olamaz" }),
    });
    const result = await createPaytrGateway(config, { fetch: fake.fn }).refund({
      paymentRef: PAYMENT_ID,
      providerPaymentId: "",
      amount: 999999,
      currency: "TRY",
      ip: "85.34.78.112",
      idempotencyKey: "r2",
    });
    expect(result).toMatchObject({ status: "failed", failureReason: "006: Toplam iade tutarı odeme tutarindan fazla olamaz" });
    // Without a providerPaymentId the merchant_oid is derived from our payment id.
    expect(fake.calls[0]?.form.merchant_oid).toBe(OID);
    expect(fake.calls[0]?.form.return_amount).toBe("9999.99");
  });
});
