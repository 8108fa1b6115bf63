// A local iyzico for tests (node:http on 127.0.0.1): the Checkout Form API (initialize, retrieve),
// v2 refund, cancel and installment endpoints, each checking the IYZWSv2 Authorization header and
// signing CF responses the way iyzico documents; plus the hosted payment page the shopper pays on.
// Cards decide outcomes as in iyzico's published sandbox test cards. Its HMAC code is written
// apart from the adapter's on purpose, so a signing bug in one cannot hide in the other.

import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { allocate, divRound, formatMoney } from "../../src/platform/money.ts";

export interface IyzicoServerMode {
  /** Wait this long before answering API calls (the hosted page is never delayed). */
  delayMs: number;
  /** Answer API calls with HTTP 500. */
  serverError: boolean;
  /** Answer API calls with a body that is not JSON. */
  malformedJson: boolean;
  /** Corrupt the `signature` of signed responses. */
  tamperSignature: boolean;
}

export interface IyzicoServerItem {
  itemId: string;
  paymentTransactionId: string;
  /** Kuruş, as in the basket. */
  price: number;
  paidPrice: number;
}

export interface IyzicoServerPayment {
  token: string;
  conversationId: string;
  basketId: string;
  currency: string;
  callbackUrl: string;
  price: number;
  paidPrice: number;
  enabledInstallments: number[];
  /** The initialize request body as received. */
  request: Record<string, unknown>;
  status: "INIT" | "SUCCESS" | "FAILURE";
  paymentId?: string;
  installment: number;
  lastFourDigits?: string;
  binNumber?: string;
  error?: { code: string; group: string; message: string };
  items: IyzicoServerItem[];
  refunded: number;
  cancelled: boolean;
  /** 5406670000000009: paid, but the bank refuses cancels and refunds. */
  refundsRefused: boolean;
}

export interface IyzicoServerCall {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

export interface IyzicoTestServer {
  url: string;
  /** By checkout form token. */
  payments: Map<string, IyzicoServerPayment>;
  calls: IyzicoServerCall[];
  setMode(mode: Partial<IyzicoServerMode>): void;
  close(): Promise<void>;
}

// docs.iyzico.com/en/add-ons/test-cards: cards that pay, and cards that fail with a given bank error.
const SUCCESS_CARDS: Record<string, { association: string; family: string; type: string; bank: string }> = {
  "5528790000000008": { association: "MASTER_CARD", family: "Paraf", type: "CREDIT_CARD", bank: "Halkbank" },
  "4603450000000000": { association: "VISA", family: "Bonus", type: "CREDIT_CARD", bank: "Denizbank" },
  "5526080000000006": { association: "MASTER_CARD", family: "Axess", type: "CREDIT_CARD", bank: "Akbank" },
  "5890040000000016": { association: "MASTER_CARD", family: "Axess", type: "DEBIT_CARD", bank: "Akbank" },
  "5400360000000003": { association: "MASTER_CARD", family: "Bonus", type: "CREDIT_CARD", bank: "Garanti Bankası" },
  "4543590000000006": { association: "VISA", family: "Maximum", type: "CREDIT_CARD", bank: "Türkiye İş Bankası" },
  "5406670000000009": { association: "MASTER_CARD", family: "Maximum", type: "CREDIT_CARD", bank: "Türkiye İş Bankası" },
};
const ERROR_CARDS: Record<string, [code: string, group: string, message: string]> = {
  "4111111111111129": ["10051", "NOT_SUFFICIENT_FUNDS", "Kart limiti yetersiz, yetersiz bakiye"],
  "4129111111111111": ["10005", "DO_NOT_HONOUR", "İşlem onaylanmadı"],
  "4128111111111112": ["10012", "INVALID_TRANSACTION", "Geçersiz işlem"],
  "4127111111111113": ["10043", "LOST_CARD", "Kayıp kart, karta el koyunuz"],
  "4126111111111114": ["10043", "STOLEN_CARD", "Çalıntı kart, karta el koyunuz"],
  "4125111111111115": ["10054", "EXPIRED_CARD", "Vadesi dolmuş kart"],
  "4124111111111116": ["10084", "INVALID_CVC2", "CVC2 bilgisi hatalı"],
  "4123111111111117": ["10057", "NOT_PERMITTED_TO_CARDHOLDER", "Kart sahibi bu işlemi yapamaz"],
  "4122111111111118": ["10058", "NOT_PERMITTED_TO_TERMINAL", "Terminalin bu işlemi yapmaya yetkisi yok"],
  "4121111111111119": ["10034", "FRAUD_SUSPECT", "Dolandırıcılık şüphesi"],
  "4120111111111110": ["10041", "PICKUP_CARD", "Kayıp kart, karta el koyunuz"],
  "4130111111111118": ["10204", "UNKNOWN", "Ödeme işlemi esnasında genel bir hata oluştu"],
};
const NO_REFUND_CARD = "5406670000000009";
const INSTALLMENT_COUNTS = [1, 2, 3, 6, 9, 12];
/** Buyer surcharge per installment count, in basis points (made up; iyzico's depend on the merchant). */
const SURCHARGE_BP: Record<number, number> = { 1: 0, 2: 300, 3: 450, 6: 850, 9: 1250, 12: 1600 };
const CURRENCIES = ["TRY", "USD", "EUR", "GBP", "IRR", "NOK", "RUB", "CHF"];

const rawJson = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;
/** Kuruş → iyzico's decimal text without trailing zeros ("10.5", "6"), the form its signatures use. */
function decimal(minor: number, digits = 2): string {
  const unit = 10 ** digits;
  const fraction = String(minor % unit)
    .padStart(digits, "0")
    .replace(/0+$/, "");
  const whole = String((minor - (minor % unit)) / unit);
  return fraction ? `${whole}.${fraction}` : whole;
}
/** A JSON number with exactly that text, as iyzico's JSON carries prices. */
const num = (minor: number) => rawJson(decimal(minor));
function minor(value: unknown): number | null {
  const match = /^(\d+)(?:\.(\d{1,2})0*)?$/.exec(typeof value === "number" ? String(value) : String(value ?? ""));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : null;
}
const hmacHex = (key: string, data: string) => createHmac("sha256", key).update(data, "utf8").digest("hex");
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const success = (request: Record<string, unknown>, fields: Record<string, unknown>) => ({
  status: "success",
  locale: request.locale ?? "tr",
  systemTime: Date.now(),
  conversationId: request.conversationId,
  ...fields,
});
const failure = (errorCode: string, errorMessage: string, extra: Record<string, unknown> = {}) => ({
  status: "failure",
  errorCode,
  errorMessage,
  locale: "tr",
  systemTime: Date.now(),
  ...extra,
});

export async function startIyzicoServer(options: { apiKey: string; secretKey: string }): Promise<IyzicoTestServer> {
  const payments = new Map<string, IyzicoServerPayment>();
  const calls: IyzicoServerCall[] = [];
  const mode: IyzicoServerMode = { delayMs: 0, serverError: false, malformedJson: false, tamperSignature: false };
  let nextId = 24_000_000;
  let url = "";

  const sign = (values: unknown[]) => {
    const signature = hmacHex(options.secretKey, values.map((v) => (v === undefined || v === null ? "" : String(v))).join(":"));
    return mode.tamperSignature ? `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}` : signature;
  };

  /** IYZWSv2: base64("apiKey:…&randomKey:…&signature:hex HMAC(secret, randomKey + path + body)"). */
  function authError(req: IncomingMessage, path: string, body: string): Record<string, unknown> | null {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("IYZWSv2 ")) return failure("1000", "Geçersiz imza");
    const decoded = Buffer.from(header.slice(8), "base64").toString("utf8");
    const match = /^apiKey:(.*)&randomKey:(.*)&signature:([0-9a-f]{64})$/.exec(decoded);
    if (!match) return failure("1000", "Geçersiz imza");
    const [, apiKey, randomKey = "", signature = ""] = match;
    if (apiKey !== options.apiKey) return failure("1001", "api bilgileri bulunamadı");
    const expected = Buffer.from(hmacHex(options.secretKey, randomKey + path + body));
    const ok = timingSafeEqual(expected, Buffer.from(signature)) && req.headers["x-iyzi-rnd"] === randomKey;
    return ok ? null : failure("1000", "Geçersiz imza");
  }

  function initialize(body: Record<string, unknown>): Record<string, unknown> {
    const conversationId = typeof body.conversationId === "string" ? body.conversationId : "";
    const reply = (code: string, message: string) => failure(code, message, { conversationId });
    const price = minor(body.price);
    const paidPrice = minor(body.paidPrice);
    if (!price || !paidPrice) return reply("5", "price ve paidPrice sıfırdan büyük olmalıdır");
    const currency = String(body.currency ?? "");
    if (!CURRENCIES.includes(currency)) return reply("11", "Geçersiz para birimi");
    const callbackUrl = String(body.callbackUrl ?? "");
    if (!/^https?:\/\//.test(callbackUrl)) return reply("11", "callbackUrl gönderilmesi zorunludur");
    const buyer = (body.buyer ?? {}) as Record<string, unknown>;
    for (const field of ["id", "name", "surname", "email", "identityNumber", "registrationAddress", "ip", "city", "country"]) {
      if (typeof buyer[field] !== "string" || !buyer[field]) return reply("11", `buyer.${field} gönderilmesi zorunludur`);
    }
    const items = Array.isArray(body.basketItems) ? (body.basketItems as Record<string, unknown>[]) : [];
    if (items.length === 0) return reply("11", "basketItems gönderilmesi zorunludur");
    const prices = items.map((item) => minor(item.price));
    if (prices.some((p) => !p) || items.some((item) => !item.id || !item.name || !item.category1)) {
      return reply("11", "Sepetteki ürünlerin id, name, category1 ve sıfırdan büyük price değerleri zorunludur");
    }
    if (prices.reduce<number>((a, p) => a + (p ?? 0), 0) !== price)
      return reply("5062", "Sepet tutarı ile ürün tutarlarının toplamı eşit olmalıdır");
    const enabled = Array.isArray(body.enabledInstallments) ? body.enabledInstallments.map(Number) : [1];
    if (enabled.some((n) => !INSTALLMENT_COUNTS.includes(n))) return reply("11", "Geçersiz taksit sayısı");
    const token = randomUUID();
    const shares = allocate(paidPrice, prices as number[]);
    payments.set(token, {
      token,
      conversationId,
      basketId: String(body.basketId ?? ""),
      currency,
      callbackUrl,
      price,
      paidPrice,
      enabledInstallments: enabled,
      request: body,
      status: "INIT",
      installment: 1,
      items: items.map((item, i) => ({
        itemId: String(item.id),
        paymentTransactionId: "",
        price: prices[i] as number,
        paidPrice: shares[i] ?? 0,
      })),
      refunded: 0,
      cancelled: false,
      refundsRefused: false,
    });
    return success(body, {
      conversationId,
      token,
      checkoutFormContent: `<script>/* iyzico checkout form ${token} */</script>`,
      tokenExpireTime: 1800,
      paymentPageUrl: `${url}/checkoutform/pay/${token}?lang=tr`,
      signature: sign([conversationId, token]),
    });
  }

  function retrieve(body: Record<string, unknown>): Record<string, unknown> {
    const payment = payments.get(String(body.token ?? ""));
    if (!payment || payment.status === "INIT") return failure("5041", "Geçersiz token veya ödeme tamamlanmadı");
    // iyzico echoes the request's conversationId; without one, the payment's.
    const conversationId = typeof body.conversationId === "string" && body.conversationId ? body.conversationId : payment.conversationId;
    const card = Object.entries(SUCCESS_CARDS).find(([number]) => number.startsWith(payment.binNumber ?? "-"))?.[1];
    return success(body, {
      conversationId,
      price: num(payment.price),
      paidPrice: num(payment.paidPrice),
      installment: payment.installment,
      paymentId: payment.paymentId,
      fraudStatus: payment.status === "SUCCESS" ? 1 : 0,
      cardType: card?.type ?? "CREDIT_CARD",
      cardAssociation: card?.association ?? "VISA",
      cardFamily: card?.family,
      binNumber: payment.binNumber,
      lastFourDigits: payment.lastFourDigits,
      basketId: payment.basketId,
      currency: payment.currency,
      itemTransactions: payment.items.map((item) => ({
        itemId: item.itemId,
        paymentTransactionId: item.paymentTransactionId,
        transactionStatus: payment.status === "SUCCESS" ? 2 : -1,
        price: num(item.price),
        paidPrice: num(item.paidPrice),
      })),
      ...(payment.error ? { errorCode: payment.error.code, errorMessage: payment.error.message, errorGroup: payment.error.group } : {}),
      authCode: payment.status === "SUCCESS" ? "930115" : undefined,
      phase: "AUTH",
      mdStatus: 1,
      token: payment.token,
      callbackUrl: payment.callbackUrl,
      paymentStatus: payment.status,
      signature: sign([
        payment.status,
        payment.paymentId,
        payment.currency,
        payment.basketId,
        conversationId,
        decimal(payment.paidPrice),
        decimal(payment.price),
        payment.token,
      ]),
    });
  }

  const paidPayment = (paymentId: unknown) =>
    [...payments.values()].find((p) => p.status === "SUCCESS" && p.paymentId === String(paymentId));

  function refund(body: Record<string, unknown>): Record<string, unknown> {
    const conversationId = body.conversationId;
    const payment = paidPayment(body.paymentId);
    const amount = minor(body.price);
    if (!payment) return failure("5115", "Ödeme bulunamadı", { conversationId });
    if (!amount) return failure("5", "price sıfırdan büyük olmalıdır", { conversationId });
    if (payment.cancelled) return failure("5093", "İptal edilmiş ödeme iade edilemez", { conversationId });
    if (payment.refundsRefused) return failure("10201", "Kart, işleme izin vermedi", { conversationId, errorGroup: "CARD_NOT_PERMITTED" });
    if (payment.refunded + amount > payment.paidPrice) {
      return failure("5082", `İade tutarı iade edilebilir tutarı (${decimal(payment.paidPrice - payment.refunded)}) aşamaz`, {
        conversationId,
      });
    }
    payment.refunded += amount;
    return success(body, {
      paymentId: payment.paymentId,
      price: num(amount),
      currency: payment.currency,
      authCode: "512821",
      hostReference: `mock${payment.paymentId}hostrfn`,
      refundHostReference: `mock${payment.paymentId}refund${payment.refunded}`,
    });
  }

  function cancel(body: Record<string, unknown>): Record<string, unknown> {
    const conversationId = body.conversationId;
    const payment = paidPayment(body.paymentId);
    if (!payment) return failure("5115", "Ödeme bulunamadı", { conversationId });
    if (payment.cancelled) return failure("5093", "Ödeme zaten iptal edilmiş", { conversationId });
    if (payment.refunded > 0) return failure("5094", "İadesi yapılmış ödeme iptal edilemez", { conversationId });
    if (payment.refundsRefused) return failure("10201", "Kart, işleme izin vermedi", { conversationId, errorGroup: "CARD_NOT_PERMITTED" });
    payment.cancelled = true;
    return success(body, {
      paymentId: payment.paymentId,
      price: num(payment.paidPrice),
      currency: payment.currency,
      authCode: "930115",
      hostReference: `mock${payment.paymentId}cancel`,
    });
  }

  function installment(body: Record<string, unknown>): Record<string, unknown> {
    const bin = String(body.binNumber ?? "");
    const price = minor(body.price);
    const entry = Object.entries(SUCCESS_CARDS).find(([number]) => bin.length >= 6 && number.startsWith(bin));
    if (!price) return failure("5", "price sıfırdan büyük olmalıdır");
    if (!entry) return failure("10213", "BIN bulunamadı", { errorGroup: "BIN_NOT_FOUND" });
    const [, card] = entry;
    const counts = card.type === "DEBIT_CARD" ? [1] : INSTALLMENT_COUNTS;
    return success(body, {
      installmentDetails: [
        {
          binNumber: bin,
          price: num(price),
          cardType: card.type,
          cardAssociation: card.association,
          cardFamilyName: card.family,
          force3ds: 0,
          bankName: card.bank,
          installmentPrices: counts.map((count) => {
            const total = price + Math.round((price * (SURCHARGE_BP[count] ?? 0)) / 10_000);
            // Per-installment price to 4 decimals, as iyzico may send it (the adapter rounds to kuruş).
            return {
              installmentNumber: count,
              totalPrice: num(total),
              installmentPrice: rawJson(decimal(divRound(total * 100, count), 4)),
            };
          }),
        },
      ],
    });
  }

  function page(payment: IyzicoServerPayment, error?: string): string {
    const options = payment.enabledInstallments
      .map((n) => `<option value="${n}">${n === 1 ? "Tek çekim" : `${n} taksit`}</option>`)
      .join("");
    return `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>iyzico ile öde</title></head><body>
<h1>Ödenecek tutar: ${escapeHtml(formatMoney(payment.paidPrice, payment.currency))}</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/checkoutform/pay/${payment.token}">
<label for="cardHolderName">Kart üzerindeki isim</label><input id="cardHolderName" name="cardHolderName" autocomplete="cc-name" required>
<label for="cardNumber">Kart numarası</label><input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required>
<label for="expiry">Son kullanma tarihi (AA/YY)</label><input id="expiry" name="expiry" placeholder="AA/YY" autocomplete="cc-exp" required>
<label for="cvc">Güvenlik kodu (CVC)</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required>
<label for="installment">Taksit</label><select id="installment" name="installment">${options}</select>
<button type="submit">Öde</button></form></body></html>`;
  }

  /** What iyzico does after the card step: the browser posts `token` to the merchant's callbackUrl. */
  const callbackPage = (
    payment: IyzicoServerPayment,
  ) => `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Yönlendiriliyor</title></head>
<body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(payment.callbackUrl)}">
<input type="hidden" name="token" value="${payment.token}"><p>Mağazaya dönülüyor…</p><button type="submit">Devam</button></form></body></html>`;

  function pay(payment: IyzicoServerPayment, form: URLSearchParams): { status: number; html: string } {
    if (payment.status !== "INIT") return { status: 200, html: callbackPage(payment) };
    const cardNumber = (form.get("cardNumber") ?? "").replace(/[\s-]/g, "");
    const expiry = /^(\d{2})\s*\/\s*(\d{2}|\d{4})$/.exec(form.get("expiry")?.trim() ?? "");
    const month = Number(expiry?.[1]);
    const year = Number(expiry?.[2]?.length === 2 ? `20${expiry[2]}` : expiry?.[2]);
    const now = new Date();
    const installment = Number(form.get("installment") ?? "1");
    let error: string | undefined;
    if (!form.get("cardHolderName")?.trim()) error = "Kart üzerindeki isim zorunludur.";
    else if (!/^\d{12,19}$/.test(cardNumber)) error = "Kart numarası geçersiz.";
    else if (!expiry || month < 1 || month > 12 || year * 12 + month < now.getFullYear() * 12 + now.getMonth() + 1)
      error = "Son kullanma tarihi geçersiz.";
    else if (!/^\d{3,4}$/.test(form.get("cvc")?.trim() ?? "")) error = "Güvenlik kodu geçersiz.";
    else if (!payment.enabledInstallments.includes(installment)) error = "Bu taksit seçeneği kullanılamaz.";
    if (error) return { status: 400, html: page(payment, error) };
    const declined = ERROR_CARDS[cardNumber];
    payment.paymentId = String(nextId++);
    payment.installment = installment;
    payment.binNumber = cardNumber.slice(0, 6);
    payment.lastFourDigits = cardNumber.slice(-4);
    if (SUCCESS_CARDS[cardNumber]) {
      payment.status = "SUCCESS";
      payment.refundsRefused = cardNumber === NO_REFUND_CARD;
      for (const item of payment.items) item.paymentTransactionId = String(nextId++);
    } else {
      const [code, group, message] = declined ?? ["10215", "INVALID_CARD_NUMBER", "Geçersiz kart numarası"];
      payment.status = "FAILURE";
      payment.error = { code, group, message };
    }
    return { status: 200, html: callbackPage(payment) };
  }

  const api: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    "/payment/iyzipos/checkoutform/initialize/auth/ecom": initialize,
    "/payment/iyzipos/checkoutform/auth/ecom/detail": retrieve,
    "/v2/payment/refund": refund,
    "/payment/cancel": cancel,
    "/payment/iyzipos/installment": installment,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const route = pathname.replace(/\/+$/, "");
    const send = (status: number, type: string, text: string, body: unknown = raw) => {
      calls.push({ method: req.method ?? "", path: pathname, body, status });
      res.writeHead(status, { "content-type": `${type}; charset=utf-8` }).end(text);
    };
    const pageMatch = /^\/checkoutform\/pay\/([0-9a-f-]{36})$/.exec(route);
    if (pageMatch) {
      const payment = payments.get(pageMatch[1] ?? "");
      if (!payment) return send(404, "text/html", "<!doctype html><p>Ödeme formu bulunamadı.</p>");
      if (req.method === "GET") return send(200, "text/html", payment.status === "INIT" ? page(payment) : callbackPage(payment));
      const reply = pay(payment, new URLSearchParams(raw));
      return send(reply.status, "text/html", reply.html, "(card form)"); // card data stays out of `calls`
    }
    const endpoint = req.method === "POST" ? api[route] : undefined;
    let body: Record<string, unknown> = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send(400, "application/json", JSON.stringify(failure("11", "Geçersiz istek")));
    }
    if (!endpoint) return send(404, "application/json", JSON.stringify(failure("11", "Geçersiz istek")), body);
    const denied = authError(req, pathname, raw);
    if (denied) return send(401, "application/json", JSON.stringify(denied), body);
    if (mode.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.serverError) return send(500, "text/html", "<html><body>500 Internal Server Error</body></html>", body);
    if (mode.malformedJson) return send(200, "application/json", '{"status":"success",', body);
    send(200, "application/json", JSON.stringify(endpoint(body)), body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("iyzico test server has no port");
  url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    payments,
    calls,
    setMode: (next) => Object.assign(mode, next),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
