// PayTR iFrame API adapter (https://dev.paytr.com/iframe-api). Three calls:
//   start              POST {baseUrl}/odeme/api/get-token → iframe at {baseUrl}/odeme/guvenli/<token>
//   verifyNotification  PayTR's server-to-server form POST to our Bildirim URL (it repeats until we answer "OK")
//   refund             POST {baseUrl}/odeme/iade (partial or full; PayTR has no separate cancel)
// Every request and notification is authenticated with base64(HMAC-SHA256(merchant_key, fields + merchant_salt)).

import { createHmac, timingSafeEqual } from "node:crypto";
import { isUuid } from "../../../platform/ids.ts";
import { toDecimalString } from "../../../platform/money.ts";
import {
  type GatewayBasketItem,
  GatewayError,
  type GatewayNotification,
  type GatewayOutcome,
  type GatewayPaymentRequest,
  type GatewayRefundRequest,
  type GatewayRefundResult,
  type GatewayStart,
  type PaymentGateway,
} from "../gateway.ts";

export interface PaytrConfig {
  merchantId: string;
  merchantKey: string;
  merchantSalt: string;
  /** `https://www.paytr.com` (a local server in tests). */
  baseUrl: string;
  /** Sends test_mode=1: the store takes test payments while live. */
  testMode: boolean;
  /** Per-request time limit for get-token and refund calls; default 20 s. */
  timeoutMs?: number;
}

export interface PaytrSecrets {
  merchantKey: string;
  merchantSalt: string;
}

/** The reply PayTR waits for; anything else makes it repeat the notification. */
export const PAYTR_OK_REPLY = { status: 200, contentType: "text/plain", body: "OK" } as const;

const DEFAULT_TIMEOUT_MS = 20_000;
/** Minutes the shopper has to finish on PayTR's page. */
const TIMEOUT_LIMIT_MINUTES = 30;
const CURRENCIES: Record<string, string> = { TRY: "TL", TL: "TL", EUR: "EUR", USD: "USD", GBP: "GBP", RUB: "RUB" };

/** base64(HMAC-SHA256(key, message)), the signature primitive of every PayTR API. */
export function paytrHmac(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("base64");
}

/** paytr_token for get-token: merchant_id+user_ip+merchant_oid+email+payment_amount+user_basket+no_installment+max_installment+currency+test_mode+salt. */
export function paytrTokenHash(
  secrets: PaytrSecrets,
  fields: {
    merchantId: string;
    userIp: string;
    merchantOid: string;
    email: string;
    paymentAmount: number | string;
    userBasket: string;
    noInstallment: number | string;
    maxInstallment: number | string;
    currency: string;
    testMode: number | string;
  },
): string {
  const message =
    fields.merchantId +
    fields.userIp +
    fields.merchantOid +
    fields.email +
    String(fields.paymentAmount) +
    fields.userBasket +
    String(fields.noInstallment) +
    String(fields.maxInstallment) +
    fields.currency +
    String(fields.testMode);
  return paytrHmac(secrets.merchantKey, message + secrets.merchantSalt);
}

/** `hash` of a payment notification: merchant_oid+salt+status+total_amount. */
export function paytrNotificationHash(
  secrets: PaytrSecrets,
  fields: { merchantOid: string; status: string; totalAmount: number | string },
): string {
  return paytrHmac(secrets.merchantKey, fields.merchantOid + secrets.merchantSalt + fields.status + String(fields.totalAmount));
}

/** paytr_token for the refund API: merchant_id+merchant_oid+return_amount+salt. */
export function paytrRefundHash(secrets: PaytrSecrets, fields: { merchantId: string; merchantOid: string; returnAmount: string }): string {
  return paytrHmac(secrets.merchantKey, fields.merchantId + fields.merchantOid + fields.returnAmount + secrets.merchantSalt);
}

const HEX32 = /^[0-9a-f]{32}$/;
const ALNUM = /^[A-Za-z0-9]{1,64}$/;

/**
 * PayTR wants an alphanumeric merchant_oid of at most 64 characters. A payment id that is a uuid becomes
 * its 32 hex digits (lowercase); any other alphanumeric id up to 64 characters is sent unchanged unless it
 * is exactly 32 hex digits (that form is reserved for uuids, so the mapping stays reversible).
 */
export function paytrMerchantOid(paymentId: string): string {
  if (isUuid(paymentId)) return paymentId.replaceAll("-", "").toLowerCase();
  if (ALNUM.test(paymentId) && !HEX32.test(paymentId)) return paymentId;
  throw new GatewayError("configuration", `payment id "${paymentId}" cannot be sent to PayTR as merchant_oid (uuid or alphanumeric ≤ 64)`);
}

/** Inverse of `paytrMerchantOid`: 32 lowercase hex digits become the uuid again. */
export function paymentIdFromMerchantOid(merchantOid: string): string {
  if (!HEX32.test(merchantOid)) return merchantOid;
  const h = merchantOid;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** PayTR's currency code for ours (TRY → TL). */
export function paytrCurrency(currency: string): string {
  const code = CURRENCIES[currency.toUpperCase()];
  if (!code) throw new GatewayError("configuration", `PayTR does not accept currency ${currency} (TRY, EUR, USD, GBP, RUB)`);
  return code;
}

/**
 * user_basket: base64 of a JSON array of [name, unit price as "12.50", quantity]. PayTR shows it to the
 * shopper; it does not have to add up to payment_amount, but when the charge is larger than the items
 * (shipping) one extra line names the difference so the shopper sees what they pay for.
 */
export function paytrBasket(items: GatewayBasketItem[], amount: number, currency: string, locale: "tr" | "en" = "tr"): string {
  const rows: [string, string, number][] = items.map((item) => [
    item.name.slice(0, 200),
    toDecimalString(item.unitPrice, currency),
    item.quantity,
  ]);
  const itemsSum = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  if (amount > itemsSum) {
    rows.push([
      locale === "en" ? "Shipping and other charges" : "Kargo ve diğer ücretler",
      toDecimalString(amount - itemsSum, currency),
      1,
    ]);
  }
  return Buffer.from(JSON.stringify(rows), "utf8").toString("base64");
}

function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function field(source: Record<string, unknown>, name: string): string | undefined {
  const value = source[name];
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

function toInt(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function createPaytrGateway(config: PaytrConfig, options: { fetch?: typeof fetch } = {}): PaymentGateway {
  const doFetch = options.fetch ?? globalThis.fetch;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const testMode = config.testMode ? 1 : 0;
  const secrets: PaytrSecrets = { merchantKey: config.merchantKey, merchantSalt: config.merchantSalt };
  if (!config.merchantId || !config.merchantKey || !config.merchantSalt) {
    throw new GatewayError("configuration", "PayTR needs merchantId, merchantKey and merchantSalt");
  }

  /** POSTs a form and returns the parsed JSON answer, turning transport failures into GatewayErrors. */
  async function post(path: string, form: Record<string, string>): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      if (name === "TimeoutError" || name === "AbortError") {
        throw new GatewayError("timeout", `PayTR did not answer ${path} within ${timeoutMs} ms`, { cause: error });
      }
      throw new GatewayError("unavailable", `PayTR could not be reached (${path})`, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new GatewayError("timeout", `PayTR stopped answering ${path}`, { cause: error });
    }
    if (response.status >= 500) throw new GatewayError("unavailable", `PayTR answered ${path} with HTTP ${response.status}`);
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new GatewayError("invalid_response", `PayTR answered ${path} with HTTP ${response.status} and no JSON object`);
  }

  return {
    id: "paytr",

    async start(request: GatewayPaymentRequest): Promise<GatewayStart> {
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new GatewayError("configuration", `amount must be a positive number of minor units, got ${String(request.amount)}`);
      }
      const merchantOid = paytrMerchantOid(request.paymentId);
      const currency = paytrCurrency(request.currency);
      const userBasket = paytrBasket(request.items, request.amount, request.currency, request.locale);
      const noInstallment = request.maxInstallments <= 1 ? 1 : 0;
      // 0 lets PayTR offer every installment count it supports (up to 12).
      const maxInstallment = request.maxInstallments <= 1 ? 0 : Math.min(12, Math.floor(request.maxInstallments));
      const buyer = request.buyer;
      const paytrToken = paytrTokenHash(secrets, {
        merchantId: config.merchantId,
        userIp: buyer.ip,
        merchantOid,
        email: buyer.email,
        paymentAmount: request.amount,
        userBasket,
        noInstallment,
        maxInstallment,
        currency,
        testMode,
      });
      const form: Record<string, string> = {
        merchant_id: config.merchantId,
        user_ip: buyer.ip,
        merchant_oid: merchantOid,
        email: buyer.email,
        // Kuruş, exactly what we want charged. The notification's total_amount can be higher (installment interest).
        payment_amount: String(request.amount),
        paytr_token: paytrToken,
        user_basket: userBasket,
        debug_on: String(testMode),
        no_installment: String(noInstallment),
        max_installment: String(maxInstallment),
        user_name: `${buyer.firstName} ${buyer.lastName}`.trim().slice(0, 60),
        user_address: (request.billingAddress.address || buyer.address).slice(0, 400),
        user_phone: buyer.phone.slice(0, 20),
        merchant_ok_url: request.successUrl,
        merchant_fail_url: request.failUrl,
        timeout_limit: String(TIMEOUT_LIMIT_MINUTES),
        currency,
        test_mode: String(testMode),
        lang: request.locale,
      };
      const answer = await post("/odeme/api/get-token", form);
      if (answer.status === "success" && typeof answer.token === "string" && answer.token.length > 0) {
        return { type: "iframe", url: `${baseUrl}/odeme/guvenli/${encodeURIComponent(answer.token)}`, reference: answer.token };
      }
      const reason = typeof answer.reason === "string" ? answer.reason : "no reason given";
      // get-token refusals are about our request (bad token, fields, duplicate order id, store settings): not retryable.
      throw new GatewayError("configuration", `PayTR refused the payment token: ${reason}`, { providerCode: "get-token" });
    },

    async verifyNotification(notification: GatewayNotification): Promise<GatewayOutcome> {
      let source: Record<string, unknown> = notification.body ?? {};
      if (field(source, "merchant_oid") === undefined && notification.rawBody) {
        source = Object.fromEntries(new URLSearchParams(notification.rawBody));
      }
      const merchantOid = field(source, "merchant_oid");
      const status = field(source, "status");
      const totalAmount = field(source, "total_amount");
      const hash = field(source, "hash");
      if (!merchantOid || !status || totalAmount === undefined || !hash) {
        throw new GatewayError("signature", "PayTR notification lacks merchant_oid, status, total_amount or hash");
      }
      const expected = paytrNotificationHash(secrets, { merchantOid, status, totalAmount });
      if (!sameSignature(expected, hash)) throw new GatewayError("signature", "PayTR notification hash does not match");

      const raw: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(source)) raw[key] = value;
      const succeeded = status === "success";
      // total_amount is what the shopper was charged; with installment interest it exceeds the payment_amount we asked for.
      const charged = toInt(totalAmount);
      if (succeeded && charged === undefined)
        throw new GatewayError("invalid_response", `PayTR total_amount "${totalAmount}" is not whole kuruş`);
      const code = field(source, "failed_reason_code");
      const message = field(source, "failed_reason_msg");
      const currency = field(source, "currency");
      const installments = toInt(field(source, "installment_count"));
      return {
        status: succeeded ? "succeeded" : "failed",
        paymentRef: paymentIdFromMerchantOid(merchantOid),
        providerPaymentId: merchantOid,
        eventId: `paytr:${merchantOid}:${status}`,
        amount: succeeded ? charged : undefined,
        currency: currency ? (currency === "TL" ? "TRY" : currency) : undefined,
        installments: installments && installments > 0 ? installments : undefined,
        failureReason: succeeded ? undefined : [code, message].filter(Boolean).join(": ") || `status ${status}`,
        reply: { ...PAYTR_OK_REPLY },
        raw,
      };
    },

    async refund(request: GatewayRefundRequest): Promise<GatewayRefundResult> {
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new GatewayError("configuration", `refund amount must be a positive number of minor units, got ${String(request.amount)}`);
      }
      const merchantOid = request.providerPaymentId || paytrMerchantOid(request.paymentRef);
      const returnAmount = toDecimalString(request.amount, request.currency);
      const form: Record<string, string> = {
        merchant_id: config.merchantId,
        merchant_oid: merchantOid,
        return_amount: returnAmount,
        paytr_token: paytrRefundHash(secrets, { merchantId: config.merchantId, merchantOid, returnAmount }),
      };
      // reference_no ties PayTR's record to our refund (alphanumeric, ≤ 64); it is not part of the token.
      const referenceNo = request.idempotencyKey.replace(/[^A-Za-z0-9]/g, "").slice(0, 64);
      if (referenceNo) form.reference_no = referenceNo;
      const answer = await post("/odeme/iade", form);
      if (answer.status === "success") {
        return {
          status: "succeeded",
          providerRefundId: typeof answer.reference_no === "string" ? answer.reference_no : referenceNo || undefined,
          raw: answer,
        };
      }
      const errNo = typeof answer.err_no === "string" || typeof answer.err_no === "number" ? String(answer.err_no) : undefined;
      const errMsg = typeof answer.err_msg === "string" ? answer.err_msg : undefined;
      return {
        status: "failed",
        failureReason: [errNo, errMsg].filter(Boolean).join(": ") || `PayTR refund status ${String(answer.status)}`,
        raw: answer,
      };
    },
  };
}
