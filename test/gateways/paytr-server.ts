// A local stand-in for PayTR's iFrame API (node:http on 127.0.0.1, random port), close enough to run the
// adapter end to end in tests:
//   POST /odeme/api/get-token      checks the fields and paytr_token, answers {status, token | reason}
//   GET  /odeme/guvenli/<token>     the hosted card form ("Ödeme Yap")
//   POST /odeme/guvenli/<token>     decides by test card, POSTs the signed notification to `notifyUrl`
//                                   (repeating until the answer is exactly "OK"), redirects to ok/fail url
//   POST /odeme/iade                refunds with state (over-refund → err_no 006, as PayTR's sample shows)
//
// Test cards: PayTR's published ones succeed (dev.paytr.com "Test Kart Bilgileri"): 4355 0843 5508 4358,
// 5406 6754 0667 5403, 9792 0303 9444 0796. A card number ending in 0002 is declined by the bank
// (notification status=failed, failed_reason_code 0). Any other number is refused on the form itself
// (HTTP 422, no notification), as PayTR's page does for numbers it cannot charge.
// PayTR's real err_no values are not published except 006; the other refund error numbers here are ours.

import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const PAYTR_TEST_CARDS = ["4355084355084358", "5406675406675403", "9792030394440796"] as const;
/** Declined by the simulated bank (rule: any number ending in 0002). */
export const PAYTR_DECLINED_CARD = "4355084355080002";

export interface PaytrServerOptions {
  merchantId: string;
  merchantKey: string;
  merchantSalt: string;
  /** Where payment notifications go (PayTR's "Bildirim URL"); can be set later with setNotifyUrl. */
  notifyUrl?: string;
  /** Deliveries per notification before giving up; default 5. */
  notifyMaxTries?: number;
  /** Pause between deliveries; default 50 ms (PayTR waits about a minute). */
  notifyRetryDelayMs?: number;
  /** Interest per installment beyond the first, in per mille of payment_amount; default 15 (1.5 %). */
  installmentRatePermille?: number;
}

export interface PaytrServerPayment {
  token: string;
  merchantOid: string;
  /** What the merchant asked for (kuruş). */
  paymentAmount: number;
  /** What the shopper was charged (kuruş): payment_amount plus installment interest. */
  totalAmount: number;
  currency: string;
  email: string;
  userIp: string;
  basket: unknown;
  okUrl: string;
  failUrl: string;
  testMode: string;
  noInstallment: number;
  maxInstallment: number;
  installmentCount: number;
  status: "pending" | "success" | "failed";
  failedReasonCode?: string;
  failedReasonMsg?: string;
  /** Kuruş refunded so far. */
  refunded: number;
  form: Record<string, string>;
}

export interface PaytrDelivery {
  merchantOid: string;
  status: string;
  attempt: number;
  httpStatus?: number;
  body?: string;
  error?: string;
}

export interface TestPaytrServer {
  url: string;
  /** By merchant_oid. */
  payments: Map<string, PaytrServerPayment>;
  tokenRequests: Record<string, string>[];
  deliveries: PaytrDelivery[];
  refunds: { merchantOid: string; amount: number; referenceNo?: string }[];
  setNotifyUrl(url: string): void;
  /** Makes the API endpoints (get-token, iade) wait this long before answering. */
  setDelay(ms: number): void;
  /** Makes the API endpoints answer with this HTTP status (e.g. 500) until set back to null. */
  setFailure(status: number | null): void;
  /** The signed notification form PayTR would send for this order (status defaults to the payment's). */
  notificationFields(merchantOid: string, status?: "success" | "failed"): Record<string, string>;
  /** Sends one notification (optionally with fields overridden, e.g. a tampered hash) and returns the answer. */
  notify(merchantOid: string, status?: "success" | "failed", override?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Sends the same notification `times` times in a row (duplicate delivery). */
  notifyTimes(merchantOid: string, times: number, status?: "success" | "failed"): Promise<{ status: number; body: string }[]>;
  /** Resolves when every background notification delivery (with its retries) has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const TOKEN_FIELDS = [
  "merchant_id",
  "user_ip",
  "merchant_oid",
  "email",
  "payment_amount",
  "paytr_token",
  "user_basket",
  "no_installment",
  "max_installment",
  "user_name",
  "user_address",
  "user_phone",
  "merchant_ok_url",
  "merchant_fail_url",
] as const;

function hmac(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("base64");
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "12.34" → 1234, "12" → 1200; null when not a plain decimal with at most two digits. */
function decimalToMinor(value: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

function minorToDecimal(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

export async function startPaytrServer(options: PaytrServerOptions): Promise<TestPaytrServer> {
  const payments = new Map<string, PaytrServerPayment>();
  const byToken = new Map<string, PaytrServerPayment>();
  const tokenRequests: Record<string, string>[] = [];
  const deliveries: PaytrDelivery[] = [];
  const refunds: TestPaytrServer["refunds"] = [];
  const pending = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let notifyUrl = options.notifyUrl;
  let delayMs = 0;
  let failure: number | null = null;
  let tokenCounter = 0;
  const maxTries = options.notifyMaxTries ?? 5;
  const retryDelay = options.notifyRetryDelayMs ?? 50;
  const ratePermille = options.installmentRatePermille ?? 15;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function notificationFields(merchantOid: string, status?: "success" | "failed"): Record<string, string> {
    const payment = payments.get(merchantOid);
    if (!payment) throw new Error(`no PayTR payment ${merchantOid}`);
    const finalStatus = status ?? (payment.status === "pending" ? "success" : payment.status);
    // The docs: total_amount is what was collected; a failed payment collected nothing.
    const totalAmount = finalStatus === "success" ? String(payment.totalAmount) : "0";
    const fields: Record<string, string> = {
      merchant_oid: merchantOid,
      status: finalStatus,
      total_amount: totalAmount,
      hash: hmac(options.merchantKey, merchantOid + options.merchantSalt + finalStatus + totalAmount),
      payment_amount: String(payment.paymentAmount),
      payment_type: "card",
      currency: payment.currency,
      installment_count: String(payment.installmentCount),
      test_mode: payment.testMode,
    };
    if (finalStatus === "failed") {
      fields.failed_reason_code = payment.failedReasonCode ?? "0";
      fields.failed_reason_msg = payment.failedReasonMsg ?? "Ödeme onaylanmadı";
    }
    return fields;
  }

  async function postNotification(fields: Record<string, string>): Promise<{ status: number; body: string }> {
    if (!notifyUrl) throw new Error("PayTR test server has no notifyUrl");
    const response = await fetch(notifyUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.text() };
  }

  /** Delivers like PayTR: repeat until the answer is exactly "OK" or the tries run out. */
  function deliverInBackground(merchantOid: string, fields: Record<string, string>): void {
    const run = (async () => {
      for (let attempt = 1; attempt <= maxTries; attempt++) {
        const record: PaytrDelivery = { merchantOid, status: fields.status ?? "", attempt };
        deliveries.push(record);
        try {
          const answer = await postNotification(fields);
          record.httpStatus = answer.status;
          record.body = answer.body;
          if (answer.body === "OK") return;
        } catch (error) {
          record.error = error instanceof Error ? error.message : String(error);
        }
        if (attempt < maxTries) await sleep(retryDelay);
      }
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  function cardPage(payment: PaytrServerPayment, error?: string): string {
    const installmentOptions: string[] = ['<option value="1">Tek çekim</option>'];
    if (payment.noInstallment !== 1) {
      const max = payment.maxInstallment === 0 ? 12 : payment.maxInstallment;
      for (let n = 2; n <= max; n++) installmentOptions.push(`<option value="${n}">${n} taksit</option>`);
    }
    return `<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><title>PayTR Güvenli Ödeme (test)</title></head>
<body>
<h1>Güvenli Ödeme</h1>
<p>Tutar: <strong data-testid="amount">${escapeHtml(minorToDecimal(payment.paymentAmount))} ${escapeHtml(payment.currency)}</strong></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/odeme/guvenli/${encodeURIComponent(payment.token)}">
  <label for="cc_owner">Kart Sahibi</label><input id="cc_owner" name="cc_owner" autocomplete="cc-name" required>
  <label for="card_number">Kart Numarası</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required>
  <label for="expiry_month">Son Kullanma Ay</label><input id="expiry_month" name="expiry_month" inputmode="numeric" required>
  <label for="expiry_year">Son Kullanma Yıl</label><input id="expiry_year" name="expiry_year" inputmode="numeric" required>
  <label for="cvv">CVV</label><input id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" required>
  <label for="installment_count">Taksit</label><select id="installment_count" name="installment_count">${installmentOptions.join("")}</select>
  <button type="submit">Ödeme Yap</button>
</form>
</body></html>`;
  }

  async function handleGetToken(form: Record<string, string>, res: ServerResponse) {
    tokenRequests.push(form);
    const fail = (reason: string) => sendJson(res, 200, { status: "failed", reason });
    for (const name of TOKEN_FIELDS) {
      if (!form[name]) return fail(`${name} gonderilmedi veya bos`);
    }
    const f = form as Record<(typeof TOKEN_FIELDS)[number], string> & Record<string, string>;
    if (f.merchant_id !== options.merchantId) return fail("merchant_id gecersiz");
    const currency = f.currency ?? "";
    const testMode = f.test_mode ?? "0";
    const expected = hmac(
      options.merchantKey,
      f.merchant_id +
        f.user_ip +
        f.merchant_oid +
        f.email +
        f.payment_amount +
        f.user_basket +
        f.no_installment +
        f.max_installment +
        currency +
        testMode +
        options.merchantSalt,
    );
    if (expected !== f.paytr_token) return fail("paytr_token gonderilen bilgilerle uyusmuyor");
    if (!/^[A-Za-z0-9]{1,64}$/.test(f.merchant_oid)) return fail("merchant_oid en fazla 64 karakter ve alfanumerik olmalidir");
    if (!/^[1-9]\d*$/.test(f.payment_amount)) return fail("payment_amount gecersiz (100 ile carpilmis tam sayi olmali)");
    if (!["", "TL", "TRY", "EUR", "USD", "GBP", "RUB"].includes(currency)) return fail("currency gecersiz");
    let basket: unknown;
    try {
      basket = JSON.parse(Buffer.from(f.user_basket, "base64").toString("utf8"));
      if (!Array.isArray(basket) || basket.length === 0) throw new Error("empty");
    } catch {
      return fail("user_basket gecersiz");
    }
    const previous = payments.get(f.merchant_oid);
    if (previous && previous.status !== "pending") return fail("merchant_oid daha once kullanilmis");
    if (previous) byToken.delete(previous.token);
    tokenCounter += 1;
    const token = hmac(options.merchantKey, `token:${f.merchant_oid}:${tokenCounter}:${Date.now()}`).replace(/[^A-Za-z0-9]/g, "");
    const payment: PaytrServerPayment = {
      token,
      merchantOid: f.merchant_oid,
      paymentAmount: Number(f.payment_amount),
      totalAmount: Number(f.payment_amount),
      currency: currency === "" || currency === "TRY" ? "TL" : currency,
      email: f.email,
      userIp: f.user_ip,
      basket,
      okUrl: f.merchant_ok_url,
      failUrl: f.merchant_fail_url,
      testMode,
      noInstallment: Number(f.no_installment),
      maxInstallment: Number(f.max_installment),
      installmentCount: 1,
      status: "pending",
      refunded: 0,
      form: { ...form },
    };
    payments.set(payment.merchantOid, payment);
    byToken.set(token, payment);
    sendJson(res, 200, { status: "success", token });
  }

  function handlePay(payment: PaytrServerPayment, form: Record<string, string>, res: ServerResponse) {
    if (payment.status !== "pending") return sendHtml(res, 409, "<p>Bu ödeme zaten tamamlandı.</p>");
    const card = (form.card_number ?? "").replace(/\s+/g, "");
    if (!form.cvv || !/^\d{3,4}$/.test(form.cvv)) return sendHtml(res, 422, cardPage(payment, "CVV geçersiz."));
    const declined = /^\d{16}$/.test(card) && card.endsWith("0002");
    if (!declined && !(PAYTR_TEST_CARDS as readonly string[]).includes(card)) {
      return sendHtml(res, 422, cardPage(payment, "Kart numarası geçersiz."));
    }
    const installments = Math.max(1, Number.parseInt(form.installment_count ?? "1", 10) || 1);
    const allowed = payment.noInstallment === 1 ? 1 : payment.maxInstallment === 0 ? 12 : payment.maxInstallment;
    if (installments > allowed) return sendHtml(res, 422, cardPage(payment, "Bu taksit seçeneği kullanılamaz."));
    payment.installmentCount = installments;
    // Integer interest: payment_amount × rate × (installments − 1), rounded to whole kuruş.
    payment.totalAmount = payment.paymentAmount + Math.round((payment.paymentAmount * ratePermille * (installments - 1)) / 1000);
    if (declined) {
      payment.status = "failed";
      payment.failedReasonCode = "0";
      payment.failedReasonMsg = "Kartın limiti / bakiyesi yetersiz";
    } else {
      payment.status = "success";
    }
    if (notifyUrl) deliverInBackground(payment.merchantOid, notificationFields(payment.merchantOid));
    if (res.destroyed) return;
    res.writeHead(302, { location: payment.status === "success" ? payment.okUrl : payment.failUrl });
    res.end();
  }

  function handleRefund(form: Record<string, string>, res: ServerResponse) {
    const error = (errNo: string, errMsg: string) => sendJson(res, 200, { status: "error", err_no: errNo, err_msg: errMsg });
    const { merchant_id: merchantId, merchant_oid: merchantOid, return_amount: returnAmount, paytr_token: token } = form;
    if (!merchantId || !merchantOid || !returnAmount || !token) return error("001", "Zorunlu alan eksik");
    if (merchantId !== options.merchantId) return error("002", "merchant_id gecersiz");
    if (hmac(options.merchantKey, merchantId + merchantOid + returnAmount + options.merchantSalt) !== token) {
      return error("003", "paytr_token gonderilen bilgilerle uyusmuyor");
    }
    const amount = decimalToMinor(returnAmount);
    if (amount === null || amount <= 0) return error("004", "return_amount gecersiz (ornek: 10.25)");
    const payment = payments.get(merchantOid);
    if (payment?.status !== "success")
      return sendJson(res, 200, { status: "failed", err_msg: "Siparis numarasina ait basarili islem bulunamadi" });
    if (payment.refunded + amount > payment.totalAmount) return error("006", "Toplam iade tutarı odeme tutarindan fazla olamaz");
    payment.refunded += amount;
    const referenceNo = form.reference_no;
    refunds.push({ merchantOid, amount, referenceNo });
    const answer: Record<string, unknown> = {
      status: "success",
      is_test: payment.testMode === "1" ? 1 : 0,
      merchant_oid: merchantOid,
      return_amount: returnAmount,
    };
    if (referenceNo) answer.reference_no = referenceNo;
    sendJson(res, 200, answer);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = req.method === "POST" ? await readBody(req) : "";
      const form = Object.fromEntries(new URLSearchParams(body));
      const api = url.pathname === "/odeme/api/get-token" || url.pathname === "/odeme/iade";
      if (api && req.method === "POST") {
        if (delayMs > 0) await sleep(delayMs);
        if (failure !== null) return sendHtml(res, failure, "<h1>Internal Server Error</h1>");
        if (url.pathname === "/odeme/api/get-token") return handleGetToken(form, res);
        return handleRefund(form, res);
      }
      const page = /^\/odeme\/guvenli\/([A-Za-z0-9]+)$/.exec(url.pathname);
      if (page?.[1]) {
        const payment = byToken.get(page[1]);
        if (!payment) return sendHtml(res, 404, "<p>Geçersiz veya süresi dolmuş ödeme bağlantısı.</p>");
        if (req.method === "GET") return sendHtml(res, 200, cardPage(payment));
        if (req.method === "POST") return handlePay(payment, form, res);
      }
      sendHtml(res, 404, "<p>Not found</p>");
    })().catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendHtml(res, 500, `<pre>${escapeHtml(String(error))}</pre>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    payments,
    tokenRequests,
    deliveries,
    refunds,
    setNotifyUrl(url) {
      notifyUrl = url;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setFailure(status) {
      failure = status;
    },
    notificationFields,
    notify(merchantOid, status, override = {}) {
      return postNotification({ ...notificationFields(merchantOid, status), ...override });
    },
    async notifyTimes(merchantOid, times, status) {
      const answers: { status: number; body: string }[] = [];
      for (let i = 0; i < times; i++) answers.push(await postNotification(notificationFields(merchantOid, status)));
      return answers;
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
