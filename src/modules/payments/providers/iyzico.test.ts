import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type GatewayBasketItem, GatewayError } from "../gateway.ts";
import {
  createIyzicoGateway,
  formatIyzicoPrice,
  IYZICO_PATHS,
  iyzicoBasketItems,
  iyzwsV2Authorization,
  parseIyzicoPrice,
  responseSignature,
} from "./iyzico.ts";

describe("iyzwsV2Authorization", () => {
  it("matches iyzipay-node's published vector (test/unit/UtilsTest.js, generateAuthorizationHeaderV2)", () => {
    // The SDK signs JSON.stringify(body); with body "body" that is the 6 characters "body" in quotes.
    expect(
      iyzwsV2Authorization({ apiKey: "api_key", secretKey: "secret_key", randomKey: "random_string", uriPath: "uri", body: '"body"' }),
    ).toBe(
      "IYZWSv2 YXBpS2V5OmFwaV9rZXkmcmFuZG9tS2V5OnJhbmRvbV9zdHJpbmcmc2lnbmF0dXJlOjAxNzUwODkyMWEyOWVlNTYwMWJjZDFmYmU4M2VmZDJlMmJlNDNhZjAyZWNlZmYzMGNmMmU5MWE1MzlhYWIzNTU=",
    );
  });

  it("changes with every signed part", () => {
    const base = { apiKey: "k", secretKey: "s", randomKey: "r", uriPath: "/payment/cancel", body: "{}" };
    const header = iyzwsV2Authorization(base);
    for (const change of [{ secretKey: "t" }, { randomKey: "q" }, { uriPath: "/payment/refund" }, { body: '{"a":1}' }]) {
      expect(iyzwsV2Authorization({ ...base, ...change })).not.toBe(header);
    }
  });
});

describe("responseSignature", () => {
  it("matches iyzipay-php's published example (samples/callbackUrl_Signature_Validation.php)", () => {
    expect(responseSignature("jLc7GQHD2pyJoqXDeEcTnGHYtP7Ai5jl", ["", "", "1", "22484292", "success"])).toBe(
      "a4f73b80bb32a6ef8358090bbd8609a49a7b53f463048f8ef147496e236d04f0",
    );
  });

  it("joins the CF retrieve fields in documented order (expected value from `openssl dgst -sha256 -hmac`)", () => {
    const values = ["SUCCESS", "24478123", "TRY", "KRV-1001", "pay_123", "10.5", "12.5", "077aff05-1e9b-44aa-aa11-c268bb8b3826"];
    expect(responseSignature("sandbox-secret-key", values)).toBe("82be39721d245ddae4252a14bee7a6e7d32f6479a914dfa907e30dc42551373a");
  });
});

describe("iyzico prices", () => {
  it("formats kuruş the way iyzico's SDKs send prices", () => {
    expect(formatIyzicoPrice(1)).toBe("0.01");
    expect(formatIyzicoPrice(10)).toBe("0.1");
    expect(formatIyzicoPrice(100)).toBe("1.0");
    expect(formatIyzicoPrice(1050)).toBe("10.5");
    expect(formatIyzicoPrice(1234)).toBe("12.34");
    expect(formatIyzicoPrice(100_000_000)).toBe("1000000.0");
    expect(() => formatIyzicoPrice(-1)).toThrow(RangeError);
    expect(() => formatIyzicoPrice(10.5)).toThrow(RangeError);
  });

  it("reads iyzico decimals exactly", () => {
    expect(parseIyzicoPrice("0.01")).toBe(1);
    expect(parseIyzicoPrice("10.5")).toBe(1050);
    expect(parseIyzicoPrice("10.50")).toBe(1050);
    expect(parseIyzicoPrice("6")).toBe(600);
    expect(parseIyzicoPrice("1000000.0")).toBe(100_000_000);
    expect(parseIyzicoPrice("12.34000000")).toBe(1234);
    for (const bad of ["", "-1", "1e3", "1,5", "12.345", "abc"]) expect(() => parseIyzicoPrice(bad)).toThrow(RangeError);
    expect(parseIyzicoPrice("33.3350", { round: true })).toBe(3334);
    expect(parseIyzicoPrice("33.3349", { round: true })).toBe(3333);
  });
});

describe("iyzicoBasketItems", () => {
  const item = (id: string, unitPrice: number, quantity: number): GatewayBasketItem => ({
    id,
    name: `Ürün ${id}`,
    category: "Giyim",
    itemType: "PHYSICAL",
    unitPrice,
    quantity,
  });

  it("sends line totals when they add up to itemsTotal", () => {
    const lines = iyzicoBasketItems([item("a", 1250, 2), item("b", 1, 1)], 2501);
    expect(lines.map((l) => l.price)).toEqual(["25.0", "0.01"]);
    expect(lines[0]).toMatchObject({ id: "a", name: "Ürün a", category1: "Giyim", itemType: "PHYSICAL" });
  });

  it("spreads itemsTotal exactly when the lines do not add up, and leaves out free lines", () => {
    const lines = iyzicoBasketItems([item("a", 1000, 1), item("b", 1000, 1), item("c", 1000, 1), item("free", 0, 1)], 1000);
    expect(lines.map((l) => l.id)).toEqual(["a", "b", "c"]);
    expect(lines.reduce((sum, l) => sum + parseIyzicoPrice(l.price), 0)).toBe(1000);
    expect(lines.map((l) => l.price)).toEqual(["3.34", "3.33", "3.33"]);
  });

  it("refuses an empty basket and bad quantities", () => {
    expect(() => iyzicoBasketItems([], 100)).toThrow(GatewayError);
    expect(() => iyzicoBasketItems([item("a", 100, 0)], 100)).toThrow(/quantity/);
  });
});

describe("createIyzicoGateway with a scripted fetch", () => {
  const secretKey = "sandbox-secret-key";
  const token = "077aff05-1e9b-44aa-aa11-c268bb8b3826";
  const retrieveBody = (paidPrice: string, signature: string) =>
    `{"status":"success","locale":"tr","systemTime":1755536577419,"conversationId":"pay_123","price":12.50,"paidPrice":${paidPrice},` +
    `"installment":3,"paymentId":"24478123","fraudStatus":1,"cardType":"CREDIT_CARD","cardAssociation":"MASTER_CARD",` +
    `"cardFamily":"Paraf","binNumber":"552879","lastFourDigits":"0008","cardToken":"secret-card-token","cardUserKey":"user-key",` +
    `"basketId":"KRV-1001","currency":"TRY","itemTransactions":[{"itemId":"var_1","paymentTransactionId":"27169345",` +
    `"transactionStatus":2,"price":12.5,"paidPrice":10.5}],"phase":"AUTH","mdStatus":1,"token":"${token}",` +
    `"paymentStatus":"SUCCESS","signature":"${signature}"}`;
  const goodSignature = "82be39721d245ddae4252a14bee7a6e7d32f6479a914dfa907e30dc42551373a";

  function scripted(body: string, seen: { url: string; init: RequestInit }[] = []): typeof fetch {
    return (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), init: init ?? {} });
      return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
    }) as typeof fetch;
  }
  const notification = { headers: {}, rawBody: `token=${token}`, body: { token }, query: {} };

  it("signs the retrieve call and reads a signed result exactly (paidPrice 10.50 → 1050 kuruş)", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const gateway = createIyzicoGateway(
      { apiKey: "api-key", secretKey, baseUrl: "https://sandbox-api.iyzipay.com/" },
      { fetch: scripted(retrieveBody("10.50", goodSignature), seen) },
    );
    const outcome = await gateway.verifyNotification(notification);
    expect(outcome).toMatchObject({
      status: "succeeded",
      paymentRef: "pay_123",
      providerPaymentId: "24478123",
      eventId: `iyzico:${token}:SUCCESS`,
      amount: 1050,
      currency: "TRY",
      installments: 3,
      refundRefs: { var_1: "27169345" },
    });
    expect(outcome.raw).toMatchObject({ lastFourDigits: "0008", paidPrice: "10.50", installment: 3 });
    for (const secret of ["binNumber", "cardToken", "cardUserKey", "signature"]) expect(outcome.raw).not.toHaveProperty(secret);

    // Check the request signature independently of iyzwsV2Authorization.
    const [call] = seen;
    expect(call?.url).toBe(`https://sandbox-api.iyzipay.com${IYZICO_PATHS.retrieve}`);
    const headers = call?.init.headers as Record<string, string>;
    const body = String(call?.init.body);
    expect(JSON.parse(body)).toEqual({ locale: "tr", token });
    const decoded = Buffer.from(headers.authorization?.replace(/^IYZWSv2 /, "") ?? "", "base64").toString("utf8");
    const [, apiKey, randomKey, signature] = /^apiKey:(.*)&randomKey:(.*)&signature:(.*)$/.exec(decoded) ?? [];
    expect(apiKey).toBe("api-key");
    expect(randomKey).toBe(headers["x-iyzi-rnd"]);
    expect(signature).toBe(createHmac("sha256", secretKey).update(`${randomKey}${IYZICO_PATHS.retrieve}${body}`).digest("hex"));
  });

  it("rejects a result whose signed fields were changed", async () => {
    const gateway = createIyzicoGateway(
      { apiKey: "api-key", secretKey, baseUrl: "https://sandbox-api.iyzipay.com" },
      { fetch: scripted(retrieveBody("11.50", goodSignature)) },
    );
    await expect(gateway.verifyNotification(notification)).rejects.toMatchObject({ name: "GatewayError", code: "signature" });
  });

  it("rejects a callback without a usable token before calling iyzico", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const gateway = createIyzicoGateway(
      { apiKey: "api-key", secretKey, baseUrl: "https://sandbox-api.iyzipay.com" },
      { fetch: scripted("{}", seen) },
    );
    await expect(gateway.verifyNotification({ ...notification, body: { token: "../x" } })).rejects.toMatchObject({
      code: "invalid_response",
    });
    expect(seen).toHaveLength(0);
  });

  it("maps a fetch that outlives timeoutMs to a retryable timeout", async () => {
    const hanging = ((_url: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)))) as typeof fetch;
    const gateway = createIyzicoGateway(
      { apiKey: "k", secretKey: "s", baseUrl: "https://sandbox-api.iyzipay.com", timeoutMs: 50 },
      { fetch: hanging },
    );
    const error = await gateway.verifyNotification(notification).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: "timeout", retryable: true });
  });

  it("refuses a configuration it cannot use", () => {
    expect(() => createIyzicoGateway({ apiKey: "", secretKey: "s", baseUrl: "https://api.iyzipay.com" })).toThrow(/API key/);
    expect(() => createIyzicoGateway({ apiKey: "k", secretKey: "s", baseUrl: "api.iyzipay.com" })).toThrow(/base URL/);
  });
});
