// iyzico Checkout Form adapter (https://docs.iyzico.com/en/payment-methods/checkoutform). Calls:
//   start              POST /payment/iyzipos/checkoutform/initialize/auth/ecom → shopper goes to paymentPageUrl
//   verifyNotification  iyzico's page posts `token` to our callbackUrl; we ask
//                      POST /payment/iyzipos/checkoutform/auth/ecom/detail for the signed result
//   refund             POST /v2/payment/refund (amount based, by paymentId; iyzico picks the items)
//   cancel             POST /payment/cancel (same-day void of the whole payment)
//   installments       POST /payment/iyzipos/installment
// Requests are signed with IYZWSv2 (HMAC-SHA256 over random key + URI path + JSON body, as in
// iyzipay-node lib/utils.js generateHashV2); CF responses carry `signature`, an HMAC-SHA256 hex over
// documented fields joined by ':' (docs: "Response Signature Validation").

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { allocate, multiplyMoney, sumMoney, toDecimalString } from "../../../platform/money.ts";
import {
  type GatewayBasketItem,
  GatewayError,
  type GatewayNotification,
  type GatewayOutcome,
  type GatewayPaymentRequest,
  type GatewayRefundRequest,
  type GatewayRefundResult,
  type GatewayStart,
  type InstallmentPlan,
  type PaymentGateway,
} from "../gateway.ts";

export interface IyzicoConfig {
  apiKey: string;
  secretKey: string;
  /** `https://sandbox-api.iyzipay.com` or `https://api.iyzipay.com` (a local server in tests). */
  baseUrl: string;
  /** Per-request time limit; default 15 s. */
  timeoutMs?: number;
}

export const IYZICO_PATHS = {
  initialize: "/payment/iyzipos/checkoutform/initialize/auth/ecom",
  retrieve: "/payment/iyzipos/checkoutform/auth/ecom/detail",
  refund: "/v2/payment/refund",
  cancel: "/payment/cancel",
  installment: "/payment/iyzipos/installment",
} as const;

/** The installment counts iyzico's checkout form accepts in `enabledInstallments`. */
export const IYZICO_INSTALLMENT_COUNTS = [1, 2, 3, 6, 9, 12] as const;
const CURRENCIES = new Set(["TRY", "USD", "EUR", "GBP", "IRR", "NOK", "RUB", "CHF"]);
/** errorCode values iyzico answers when the API key or the request signature is wrong. */
const CREDENTIAL_ERRORS = new Set(["1000", "1001"]);
const DEFAULT_TIMEOUT_MS = 15_000;

/** The `Authorization` header value: `IYZWSv2 base64("apiKey:…&randomKey:…&signature:" + hex HMAC-SHA256(secretKey, randomKey + uriPath + body))`. */
export function iyzwsV2Authorization(input: {
  apiKey: string;
  secretKey: string;
  randomKey: string;
  uriPath: string;
  body: string;
}): string {
  const signature = createHmac("sha256", input.secretKey)
    .update(input.randomKey + input.uriPath + input.body, "utf8")
    .digest("hex");
  const params = `apiKey:${input.apiKey}&randomKey:${input.randomKey}&signature:${signature}`;
  return `IYZWSv2 ${Buffer.from(params, "utf8").toString("base64")}`;
}

/** iyzico's response `signature`: hex HMAC-SHA256(secretKey, values joined by ':'). */
export function responseSignature(secretKey: string, values: readonly string[]): string {
  return createHmac("sha256", secretKey).update(values.join(":"), "utf8").digest("hex");
}

/** A price as iyzico's SDKs send it: trailing zeros dropped, at least one decimal (1 → "0.01", 1050 → "10.5", 100 → "1.0"). */
export function formatIyzicoPrice(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new RangeError(`iyzico prices are whole non-negative kuruş amounts, got ${String(minor)}`);
  const text = toDecimalString(minor, "TRY").replace(/0+$/, "");
  return text.endsWith(".") ? `${text}0` : text;
}

/**
 * Reads an iyzico decimal ("10.5", "6", "12.50000000") into kuruş without floats. With `round`,
 * digits past the kuruş are rounded half up (installment prices); otherwise they must be zeros.
 */
export function parseIyzicoPrice(text: string, options: { round?: boolean } = {}): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not an iyzico price: "${text}"`);
  const fraction = match[2] ?? "";
  const rest = fraction.slice(2);
  let minor = Number(match[1] + fraction.slice(0, 2).padEnd(2, "0"));
  if (/[1-9]/.test(rest)) {
    if (!options.round) throw new RangeError(`iyzico price "${text}" has fractions of a kuruş`);
    if (Number(rest[0]) >= 5) minor += 1;
  }
  if (!Number.isSafeInteger(minor)) throw new RangeError(`iyzico price "${text}" is too large`);
  return minor;
}

/** Basket lines for iyzico: one per item at its line total; they add up to exactly `itemsTotal` (spread with `allocate` when the lines do not). */
export function iyzicoBasketItems(
  items: readonly GatewayBasketItem[],
  itemsTotal: number,
): { id: string; name: string; category1: string; itemType: "PHYSICAL" | "VIRTUAL"; price: string }[] {
  if (items.length === 0) throw new GatewayError("configuration", "iyzico needs at least one basket item");
  const lineTotals = items.map((item) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
      throw new GatewayError("configuration", `basket item ${item.id} has an invalid quantity ${String(item.quantity)}`);
    }
    if (!Number.isSafeInteger(item.unitPrice) || item.unitPrice < 0) {
      throw new GatewayError("configuration", `basket item ${item.id} has an invalid unit price ${String(item.unitPrice)}`);
    }
    return multiplyMoney(item.unitPrice, item.quantity);
  });
  const prices = sumMoney(lineTotals) === itemsTotal ? lineTotals : allocate(itemsTotal, lineTotals);
  // iyzico rejects items priced 0 (free gifts); they carry nothing to pay or refund.
  return items.flatMap((item, index) => {
    const price = prices[index] ?? 0;
    if (price <= 0) return [];
    return [
      {
        id: item.id,
        name: item.name.trim() || item.id,
        category1: item.category.trim() || "Genel",
        itemType: item.itemType,
        price: formatIyzicoPrice(price),
      },
    ];
  });
}

// JSON numbers are kept as their source text, so prices are read exactly and signed as iyzico's SDKs sign them.
class IyziNumber {
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }
}
type IyziObject = Record<string, unknown>;
type SourceReviver = (key: string, value: unknown, context: { source?: string }) => unknown;

function parseIyzicoJson(text: string): unknown {
  const reviver: SourceReviver = (_key, value, context) =>
    typeof value === "number" && context?.source !== undefined ? new IyziNumber(context.source) : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

/** The text of a response field as iyzico's SDKs join it for signatures (numbers without trailing zeros, absent as ""). */
function signText(value: unknown): string {
  if (value instanceof IyziNumber) {
    if (!/^-?\d+(\.\d+)?$/.test(value.source)) return String(Number(value.source));
    return value.source.includes(".") ? value.source.replace(/\.?0+$/, "") : value.source;
  }
  if (value === undefined || value === null) return "";
  return String(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof IyziNumber) return signText(value);
  return undefined;
}

function plain(value: unknown): unknown {
  if (value instanceof IyziNumber) return /^-?\d+$/.test(value.source) ? Number(value.source) : value.source;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function price(value: unknown, what: string, options: { round?: boolean } = {}): number {
  const source = value instanceof IyziNumber ? value.source : typeof value === "string" ? value : undefined;
  if (source === undefined) throw new GatewayError("invalid_response", `iyzico's response has no ${what}`);
  try {
    return parseIyzicoPrice(source, options);
  } catch (error) {
    throw new GatewayError("invalid_response", `iyzico's ${what} is not a price: ${source}`, { cause: error });
  }
}

function sameHex(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), "utf8");
  const b = Buffer.from(received.toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkSignature(response: IyziObject, secretKey: string, fields: readonly string[], what: string): void {
  const received = text(response.signature);
  if (!received) throw new GatewayError("signature", `iyzico's ${what} response carries no signature`);
  const expected = responseSignature(
    secretKey,
    fields.map((name) => signText(response[name])),
  );
  if (!sameHex(expected, received)) throw new GatewayError("signature", `iyzico's ${what} response signature does not match`);
}

/** Card data and secrets stay out of `raw`: only these fields are kept (lastFourDigits but never the BIN). */
const RAW_FIELDS = [
  "status",
  "paymentStatus",
  "fraudStatus",
  "paymentId",
  "conversationId",
  "basketId",
  "token",
  "currency",
  "price",
  "paidPrice",
  "installment",
  "lastFourDigits",
  "cardType",
  "cardAssociation",
  "cardFamily",
  "authCode",
  "hostReference",
  "refundHostReference",
  "phase",
  "mdStatus",
  "errorCode",
  "errorMessage",
  "errorGroup",
] as const;
const RAW_ITEM_FIELDS = ["itemId", "paymentTransactionId", "transactionStatus", "price", "paidPrice"] as const;

function safeRaw(response: IyziObject): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const name of RAW_FIELDS) if (response[name] !== undefined && response[name] !== null) raw[name] = plain(response[name]);
  if (Array.isArray(response.itemTransactions)) {
    raw.itemTransactions = response.itemTransactions.map((item: unknown) => {
      const source = (item && typeof item === "object" ? item : {}) as IyziObject;
      const kept: Record<string, unknown> = {};
      for (const name of RAW_ITEM_FIELDS) if (source[name] !== undefined) kept[name] = plain(source[name]);
      return kept;
    });
  }
  return raw;
}

function bodyField(source: Record<string, unknown>, name: string): string | undefined {
  const value = source[name];
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const named = (e: unknown) => e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
  return named(error) || (error instanceof Error && named(error.cause));
}

export function createIyzicoGateway(config: IyzicoConfig, options: { fetch?: typeof fetch } = {}): PaymentGateway {
  if (!config.apiKey?.trim() || !config.secretKey?.trim()) {
    throw new GatewayError("configuration", "iyzico needs an API key and a secret key (iyzico panel → Ayarlar → Firma Ayarları)");
  }
  let baseUrl: string;
  try {
    const url = new URL(config.baseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
    baseUrl = url.href.replace(/\/+$/, "");
  } catch (error) {
    throw new GatewayError("configuration", `iyzico base URL "${config.baseUrl}" is not an http(s) URL`, { cause: error });
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;

  async function call(path: string, payload: Record<string, unknown>): Promise<IyziObject> {
    const body = JSON.stringify(payload);
    const randomKey = `${Date.now()}${randomBytes(8).toString("hex")}`;
    const headers = {
      "content-type": "application/json",
      accept: "application/json",
      authorization: iyzwsV2Authorization({ apiKey: config.apiKey, secretKey: config.secretKey, randomKey, uriPath: path, body }),
      "x-iyzi-rnd": randomKey,
      "x-iyzi-client-version": "kervan",
    };
    let status: number;
    let responseText: string;
    try {
      const response = await fetchImpl(baseUrl + path, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
      status = response.status;
      responseText = await response.text();
    } catch (error) {
      if (isTimeout(error)) throw new GatewayError("timeout", `iyzico did not answer ${path} within ${timeoutMs} ms`, { cause: error });
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new GatewayError("unavailable", `iyzico could not be reached for ${path}: ${reason}`, { cause: error });
    }
    if (status >= 500 || status === 429) throw new GatewayError("unavailable", `iyzico answered HTTP ${status} to ${path}`);
    let parsed: unknown;
    try {
      parsed = parseIyzicoJson(responseText);
    } catch (error) {
      throw new GatewayError("invalid_response", `iyzico answered ${path} (HTTP ${status}) with malformed JSON`, { cause: error });
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new GatewayError("invalid_response", `iyzico answered ${path} (HTTP ${status}) with something other than a JSON object`);
    }
    const result = parsed as IyziObject;
    if (result.status !== "success" && result.status !== "failure") {
      throw new GatewayError("invalid_response", `iyzico answered ${path} (HTTP ${status}) without a success/failure status`);
    }
    if (result.status === "success" && status >= 400) {
      throw new GatewayError("invalid_response", `iyzico answered ${path} with HTTP ${status} and status "success"`);
    }
    return result;
  }

  /** A refused request: credentials problems are configuration errors, anything else iyzico's refusal. */
  function refusal(response: IyziObject, what: string): GatewayError {
    const code = text(response.errorCode) ?? "";
    const message = text(response.errorMessage) ?? "no message";
    if (CREDENTIAL_ERRORS.has(code)) {
      return new GatewayError(
        "configuration",
        `iyzico rejected the API credentials (${code}: ${message}); check the API key, the secret key and that the base URL ` +
          "matches them (sandbox keys work only with sandbox-api.iyzipay.com)",
        { providerCode: code },
      );
    }
    return new GatewayError("declined", `iyzico refused ${what}: ${message}${code ? ` (${code})` : ""}`, {
      providerCode: code || undefined,
    });
  }

  function assertAmount(value: number, what: string): void {
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new GatewayError("configuration", `${what} must be a positive whole number of kuruş, got ${String(value)}`);
  }

  async function start(request: GatewayPaymentRequest): Promise<GatewayStart> {
    assertAmount(request.amount, "amount");
    assertAmount(request.itemsTotal, "itemsTotal");
    if (!CURRENCIES.has(request.currency)) throw new GatewayError("configuration", `iyzico does not take payments in ${request.currency}`);
    if (!/^https?:\/\//.test(request.callbackUrl))
      throw new GatewayError("configuration", `callbackUrl must be an http(s) URL, got "${request.callbackUrl}"`);
    const max = Number.isSafeInteger(request.maxInstallments) && request.maxInstallments > 1 ? request.maxInstallments : 1;
    const buyer = request.buyer;
    const address = (a: GatewayPaymentRequest["billingAddress"]) => ({
      contactName: a.contactName,
      city: a.city,
      country: a.country,
      address: a.address,
      ...(a.zipCode ? { zipCode: a.zipCode } : {}),
    });
    const response = await call(IYZICO_PATHS.initialize, {
      locale: request.locale,
      conversationId: request.paymentId,
      price: formatIyzicoPrice(request.itemsTotal),
      paidPrice: formatIyzicoPrice(request.amount),
      currency: request.currency,
      basketId: request.orderNumber,
      paymentGroup: "PRODUCT",
      callbackUrl: request.callbackUrl,
      enabledInstallments: IYZICO_INSTALLMENT_COUNTS.filter((count) => count <= max),
      buyer: {
        id: buyer.id,
        name: buyer.firstName,
        surname: buyer.lastName,
        gsmNumber: buyer.phone,
        email: buyer.email,
        identityNumber: buyer.identityNumber || "11111111111",
        registrationAddress: buyer.address,
        ip: buyer.ip,
        city: buyer.city,
        country: buyer.country,
        ...(buyer.zipCode ? { zipCode: buyer.zipCode } : {}),
      },
      shippingAddress: address(request.shippingAddress),
      billingAddress: address(request.billingAddress),
      basketItems: iyzicoBasketItems(request.items, request.itemsTotal),
    });
    if (response.status !== "success") throw refusal(response, "the checkout form");
    checkSignature(response, config.secretKey, ["conversationId", "token"], "checkout form initialize");
    const token = text(response.token);
    const url = text(response.paymentPageUrl);
    if (!token || !url || !/^https?:\/\//.test(url))
      throw new GatewayError("invalid_response", "iyzico's checkout form has no token or payment page URL");
    if (text(response.conversationId) !== request.paymentId) {
      throw new GatewayError(
        "invalid_response",
        `iyzico echoed conversationId ${String(text(response.conversationId))} for payment ${request.paymentId}`,
      );
    }
    return { type: "redirect", url, reference: token };
  }

  async function verifyNotification(notification: GatewayNotification): Promise<GatewayOutcome> {
    const token = bodyField(notification.body, "token") ?? notification.query.token;
    if (!token || !/^[A-Za-z0-9_-]{1,128}$/.test(token))
      throw new GatewayError("invalid_response", "the iyzico callback carries no valid token");
    // No conversationId is sent: the one echoed back must come from the payment, not from us.
    const response = await call(IYZICO_PATHS.retrieve, { locale: "tr", token });
    const paymentStatus = text(response.paymentStatus);
    if (response.status !== "success" && !paymentStatus) {
      const refused = refusal(response, `checkout form token ${token}`);
      if (refused.code === "configuration") throw refused;
      throw new GatewayError("invalid_response", `iyzico has no checkout form result for token ${token}: ${refused.message}`, {
        providerCode: refused.providerCode,
      });
    }
    const fields = ["paymentStatus", "paymentId", "currency", "basketId", "conversationId", "paidPrice", "price", "token"];
    // A failed payment may come back as status "failure"; a success must always be signed.
    if (response.status === "success" || response.signature !== undefined)
      checkSignature(response, config.secretKey, fields, "checkout form retrieve");
    if (text(response.token) !== token)
      throw new GatewayError("invalid_response", `iyzico answered for token ${String(text(response.token))}, asked ${token}`);
    const paymentRef = text(response.conversationId);
    if (!paymentRef) throw new GatewayError("invalid_response", `iyzico's result for token ${token} has no conversationId`);

    const fraudStatus = text(response.fraudStatus);
    let status: GatewayOutcome["status"] = "pending";
    let failureReason: string | undefined;
    let eventStatus = paymentStatus ?? "UNKNOWN";
    if (paymentStatus === "SUCCESS" && fraudStatus === "-1") {
      status = "failed";
      failureReason = "iyzico's fraud check rejected the payment";
      eventStatus = "FRAUD_REJECTED";
    } else if (paymentStatus === "SUCCESS" && fraudStatus === "0") {
      eventStatus = "FRAUD_REVIEW"; // iyzico says: do not ship until the review approves it
    } else if (paymentStatus === "SUCCESS") {
      status = "succeeded";
    } else if (paymentStatus === "FAILURE") {
      status = "failed";
      const mdStatus = text(response.mdStatus);
      failureReason =
        text(response.errorMessage) ||
        (mdStatus && mdStatus !== "1" ? `3-D Secure was not completed (mdStatus ${mdStatus})` : "iyzico reported the payment as failed");
    }

    const refundRefs: Record<string, string> = {};
    if (Array.isArray(response.itemTransactions)) {
      for (const item of response.itemTransactions as IyziObject[]) {
        const itemId = text(item?.itemId);
        const transactionId = text(item?.paymentTransactionId);
        if (itemId && transactionId) refundRefs[itemId] = transactionId;
      }
    }
    const installment = text(response.installment);
    return {
      status,
      paymentRef,
      providerPaymentId: text(response.paymentId) || undefined,
      eventId: `iyzico:${token}:${eventStatus}`,
      // A success must say what was charged; a failure or a pending payment may not.
      amount: status !== "succeeded" && response.paidPrice == null ? undefined : price(response.paidPrice, "paidPrice"),
      currency: text(response.currency),
      installments: installment && /^\d+$/.test(installment) ? Number(installment) : undefined,
      failureReason,
      refundRefs: Object.keys(refundRefs).length > 0 ? refundRefs : undefined,
      raw: safeRaw(response),
    };
  }

  async function refund(request: GatewayRefundRequest): Promise<GatewayRefundResult> {
    assertAmount(request.amount, "refund amount");
    if (!request.providerPaymentId) throw new GatewayError("configuration", "an iyzico refund needs the iyzico paymentId");
    const response = await call(IYZICO_PATHS.refund, {
      locale: "tr",
      conversationId: request.paymentRef,
      paymentId: request.providerPaymentId,
      price: formatIyzicoPrice(request.amount),
      ip: request.ip,
      currency: request.currency,
    });
    if (response.status !== "success") {
      const refused = refusal(response, "the refund");
      if (refused.code === "configuration") throw refused;
      return { status: "failed", failureReason: refused.message, raw: safeRaw(response) };
    }
    if (text(response.paymentId) !== request.providerPaymentId) {
      throw new GatewayError(
        "invalid_response",
        `iyzico answered the refund for payment ${String(text(response.paymentId))}, asked ${request.providerPaymentId}`,
      );
    }
    const refunded = price(response.price, "refunded price");
    if (refunded !== request.amount)
      throw new GatewayError("invalid_response", `iyzico refunded ${refunded} kuruş, asked ${request.amount}`);
    return {
      status: "succeeded",
      providerRefundId: text(response.refundHostReference) || text(response.hostReference),
      raw: safeRaw(response),
    };
  }

  async function cancel(request: {
    providerPaymentId: string;
    paymentRef: string;
    amount: number;
    currency: string;
    ip: string;
  }): Promise<GatewayRefundResult> {
    if (!request.providerPaymentId) throw new GatewayError("configuration", "an iyzico cancel needs the iyzico paymentId");
    const response = await call(IYZICO_PATHS.cancel, {
      locale: "tr",
      conversationId: request.paymentRef,
      paymentId: request.providerPaymentId,
      ip: request.ip,
    });
    if (response.status !== "success") {
      const refused = refusal(response, "the cancel");
      if (refused.code === "configuration") throw refused;
      return { status: "failed", failureReason: refused.message, raw: safeRaw(response) };
    }
    if (text(response.paymentId) !== request.providerPaymentId) {
      throw new GatewayError(
        "invalid_response",
        `iyzico cancelled payment ${String(text(response.paymentId))}, asked ${request.providerPaymentId}`,
      );
    }
    return { status: "succeeded", providerRefundId: text(response.hostReference), raw: safeRaw(response) };
  }

  async function installments(request: { bin: string; amount: number; currency: string }): Promise<InstallmentPlan[]> {
    if (!/^\d{6,8}$/.test(request.bin))
      throw new GatewayError("configuration", `a card BIN is the first 6 to 8 digits, got "${request.bin}"`);
    assertAmount(request.amount, "amount");
    if (request.currency !== "TRY") return []; // Turkish cards offer installments in TRY only.
    const response = await call(IYZICO_PATHS.installment, {
      locale: "tr",
      binNumber: request.bin,
      price: formatIyzicoPrice(request.amount),
    });
    if (response.status !== "success") throw refusal(response, "the installment query");
    const details = Array.isArray(response.installmentDetails) ? (response.installmentDetails as IyziObject[]) : [];
    return details.map((detail) => ({
      bankName: text(detail.bankName),
      cardFamily: text(detail.cardFamilyName),
      cardType: text(detail.cardType),
      options: (Array.isArray(detail.installmentPrices) ? (detail.installmentPrices as IyziObject[]) : []).map((option) => {
        const count = Number(text(option.installmentNumber));
        if (!Number.isSafeInteger(count) || count < 1)
          throw new GatewayError("invalid_response", "iyzico's installment option has no installmentNumber");
        return {
          count,
          totalPrice: price(option.totalPrice, "installment totalPrice", { round: true }),
          installmentPrice: price(option.installmentPrice, "installmentPrice", { round: true }),
        };
      }),
    }));
  }

  return { id: "iyzico", start, verifyNotification, refund, cancel, installments };
}
