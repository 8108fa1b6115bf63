// A local stand-in for the parts of the Stripe API the adapter uses, good enough for the official SDK
// (pointed here with host/port/protocol):
//   POST /v1/payment_intents        form-encoded (metadata[payment_id]=…), honours Idempotency-Key
//   GET  /v1/payment_intents/:id
//   POST /v1/refunds                refuses over-refunds with Stripe's error shape (amount_too_large)
// Every request needs `Authorization: Bearer <secretKey>` (what the SDK sends). `confirm()` plays the
// shopper paying in the Payment Element: it changes the intent and POSTs a signed webhook event
// (`Stripe-Signature: t=…,v1=HMAC-SHA256(webhookSecret, "t.payload")`) to `webhookUrl`.

import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StripeServerOptions {
  secretKey: string;
  webhookSecret: string;
  webhookUrl?: string;
}

export interface StripeServerIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: "requires_payment_method" | "succeeded";
  client_secret: string;
  metadata: Record<string, string>;
  receipt_email: string | null;
  description: string | null;
  automatic_payment_methods: { enabled: boolean } | null;
  last_payment_error: { type: string; code: string; decline_code: string; message: string } | null;
  latest_charge: string | null;
  created: number;
  livemode: false;
  /** Not part of Stripe's object: kuruş refunded so far. */
  refunded: number;
}

export interface StripeServerEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface StripeWebhookDelivery {
  eventId: string;
  status?: number;
  body?: string;
  error?: string;
}

export interface TestStripeServer {
  url: string;
  intents: Map<string, StripeServerIntent>;
  events: StripeServerEvent[];
  deliveries: StripeWebhookDelivery[];
  /** Requests received, for asserting on headers (method, path, headers). */
  requests: { method: string; path: string; headers: IncomingMessage["headers"]; body: string }[];
  setWebhookUrl(url: string): void;
  setDelay(ms: number): void;
  /** Makes every API call answer with this HTTP status (e.g. 500) until set back to null. */
  setFailure(status: number | null): void;
  /** The shopper pays: success → payment_intent.succeeded, declined → payment_intent.payment_failed; the event is delivered. */
  confirm(
    intentId: string,
    options: { card: "success" | "declined" },
  ): Promise<{ event: StripeServerEvent; delivery: StripeWebhookDelivery }>;
  /** Creates any other event (e.g. `charge.refunded`) and delivers it. */
  sendEvent(type: string, object: Record<string, unknown>): Promise<{ event: StripeServerEvent; delivery: StripeWebhookDelivery }>;
  /** Delivers an event again (a fresh signature over the same payload, as Stripe's retries do). */
  resend(eventId: string, options?: { timestamp?: number; secret?: string }): Promise<StripeWebhookDelivery>;
  /** The exact body and Stripe-Signature header for an event, for calling verifyNotification directly. */
  signedEvent(eventId: string, options?: { timestamp?: number; secret?: string }): { payload: string; signature: string };
  close(): Promise<void>;
}

const API_VERSION = "2026-10-28.endive";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.payload")>`, Stripe's webhook signature scheme. */
export function stripeSignatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** Parses Stripe's form encoding: `a=1&metadata[k]=v&automatic_payment_methods[enabled]=true` into nested objects. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [fullKey, value] of new URLSearchParams(body)) {
    const parts = fullKey.split(/[[\]]+/).filter((p) => p !== "");
    let target = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i] as string;
      const next = target[part];
      if (next && typeof next === "object") target = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        target[part] = created;
        target = created;
      }
    }
    const last = parts[parts.length - 1];
    if (last !== undefined) target[last] = value;
  }
  return out;
}

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function publicIntent(intent: StripeServerIntent): Record<string, unknown> {
  const { refunded: _refunded, ...rest } = intent;
  return { ...rest };
}

function formatAmount(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

export async function startStripeServer(options: StripeServerOptions): Promise<TestStripeServer> {
  const intents = new Map<string, StripeServerIntent>();
  const events: StripeServerEvent[] = [];
  const deliveries: StripeWebhookDelivery[] = [];
  const requests: TestStripeServer["requests"] = [];
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  const timers = new Set<NodeJS.Timeout>();
  let webhookUrl = options.webhookUrl;
  let delayMs = 0;
  let failure: number | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): string {
    const text = JSON.stringify(body);
    if (!res.destroyed) {
      res.writeHead(status, { "content-type": "application/json", "request-id": id("req"), ...extra });
      res.end(text);
    }
    return text;
  }

  function stripeError(status: number, error: Record<string, unknown>) {
    return { status, body: { error } };
  }

  function createEvent(type: string, object: Record<string, unknown>): StripeServerEvent {
    const event: StripeServerEvent = {
      id: id("evt"),
      object: "event",
      api_version: API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.push(event);
    return event;
  }

  const payloads = new Map<string, string>();
  function signedEvent(eventId: string, opts: { timestamp?: number; secret?: string } = {}) {
    const event = events.find((e) => e.id === eventId);
    if (!event) throw new Error(`no Stripe event ${eventId}`);
    let payload = payloads.get(eventId);
    if (payload === undefined) {
      payload = JSON.stringify(event, null, 2);
      payloads.set(eventId, payload);
    }
    return { payload, signature: stripeSignatureHeader(payload, opts.secret ?? options.webhookSecret, opts.timestamp) };
  }

  async function deliver(eventId: string, opts: { timestamp?: number; secret?: string } = {}): Promise<StripeWebhookDelivery> {
    const record: StripeWebhookDelivery = { eventId };
    deliveries.push(record);
    if (!webhookUrl) {
      record.error = "no webhookUrl";
      return record;
    }
    const { payload, signature } = signedEvent(eventId, opts);
    try {
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature, "user-agent": "Stripe/1.0" },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      record.status = response.status;
      record.body = await response.text();
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    return record;
  }

  function createIntent(params: Record<string, unknown>) {
    const amount = typeof params.amount === "string" && /^\d+$/.test(params.amount) ? Number(params.amount) : Number.NaN;
    if (!Number.isSafeInteger(amount) || amount < 1) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "parameter_invalid_integer",
        param: "amount",
        message: "Invalid integer: amount",
      });
    }
    const currency = typeof params.currency === "string" ? params.currency : "";
    if (!/^[a-z]{3}$/.test(currency)) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "parameter_invalid",
        param: "currency",
        message: `Invalid currency: ${currency}`,
      });
    }
    const metadata = (params.metadata && typeof params.metadata === "object" ? params.metadata : {}) as Record<string, string>;
    const apm = params.automatic_payment_methods as { enabled?: string } | undefined;
    const intentId = id("pi");
    const intent: StripeServerIntent = {
      id: intentId,
      object: "payment_intent",
      amount,
      amount_received: 0,
      currency,
      status: "requires_payment_method",
      client_secret: `${intentId}_secret_${randomBytes(12).toString("hex")}`,
      metadata,
      receipt_email: typeof params.receipt_email === "string" ? params.receipt_email : null,
      description: typeof params.description === "string" ? params.description : null,
      automatic_payment_methods: apm ? { enabled: apm.enabled === "true" } : null,
      last_payment_error: null,
      latest_charge: null,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      refunded: 0,
    };
    intents.set(intent.id, intent);
    return { status: 200, body: publicIntent(intent) };
  }

  function createRefund(params: Record<string, unknown>) {
    const intentId = typeof params.payment_intent === "string" ? params.payment_intent : "";
    const intent = intents.get(intentId);
    if (!intent) {
      return stripeError(404, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "payment_intent",
        message: `No such payment_intent: '${intentId}'`,
      });
    }
    if (intent.status !== "succeeded") {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message: "This PaymentIntent does not have a successful charge to refund.",
      });
    }
    const remaining = intent.amount_received - intent.refunded;
    const amount =
      params.amount === undefined
        ? remaining
        : typeof params.amount === "string" && /^\d+$/.test(params.amount)
          ? Number(params.amount)
          : Number.NaN;
    if (!Number.isSafeInteger(amount) || amount < 1) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "parameter_invalid_integer",
        param: "amount",
        message: "Invalid integer: amount",
      });
    }
    if (amount > remaining) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "amount_too_large",
        param: "amount",
        message: `Refund amount (${formatAmount(amount, intent.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, intent.currency)})`,
      });
    }
    intent.refunded += amount;
    const refund = {
      id: id("re"),
      object: "refund",
      amount,
      currency: intent.currency,
      charge: intent.latest_charge,
      payment_intent: intent.id,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      status: "succeeded",
      failure_reason: null,
      created: Math.floor(Date.now() / 1000),
    };
    return { status: 200, body: refund };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = await readBody(req);
      requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers, body });
      if (delayMs > 0) await sleep(delayMs);
      if (req.headers.authorization !== `Bearer ${options.secretKey}`) {
        const given = (req.headers.authorization ?? "").replace(/^Bearer\s+/, "");
        send(res, 401, { error: { type: "invalid_request_error", message: `Invalid API Key provided: ${given.slice(0, 8)}***` } });
        return;
      }
      if (failure !== null) {
        send(res, failure, { error: { type: "api_error", message: "An unknown error occurred (test server failure switch)." } });
        return;
      }
      const intentPath = /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (req.method === "GET" && intentPath?.[1]) {
        const intent = intents.get(intentPath[1]);
        if (!intent) {
          send(res, 404, {
            error: { type: "invalid_request_error", code: "resource_missing", message: `No such payment_intent: '${intentPath[1]}'` },
          });
        } else send(res, 200, publicIntent(intent));
        return;
      }
      const create = req.method === "POST" && (url.pathname === "/v1/payment_intents" || url.pathname === "/v1/refunds");
      if (!create) {
        send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
        return;
      }
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined;
      const fingerprint = createHash("sha256").update(`${url.pathname}\n${body}`).digest("hex");
      if (key) {
        const seen = idempotency.get(`${url.pathname}|${key}`);
        if (seen && seen.fingerprint !== fingerprint) {
          send(res, 400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          });
          return;
        }
        if (seen) {
          if (!res.destroyed) {
            res.writeHead(seen.status, { "content-type": "application/json", "idempotent-replayed": "true", "request-id": id("req") });
            res.end(seen.body);
          }
          return;
        }
      }
      const params = parseStripeForm(body);
      const result = url.pathname === "/v1/payment_intents" ? createIntent(params) : createRefund(params);
      const text = send(res, result.status, result.body, key ? { "original-request": id("req") } : {});
      // Stripe stores the first answer (errors included, except 5xx) and replays it for the same key.
      if (key && result.status < 500) idempotency.set(`${url.pathname}|${key}`, { fingerprint, status: result.status, body: text });
    })().catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, 500, { error: { type: "api_error", message: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    events,
    deliveries,
    requests,
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setFailure(status) {
      failure = status;
    },
    async confirm(intentId, { card }) {
      const intent = intents.get(intentId);
      if (!intent) throw new Error(`no Stripe PaymentIntent ${intentId}`);
      if (intent.status === "succeeded") throw new Error(`PaymentIntent ${intentId} already succeeded`);
      let event: StripeServerEvent;
      if (card === "success") {
        intent.status = "succeeded";
        intent.amount_received = intent.amount;
        intent.latest_charge = id("ch");
        intent.last_payment_error = null;
        event = createEvent("payment_intent.succeeded", publicIntent(intent));
      } else {
        intent.status = "requires_payment_method";
        intent.last_payment_error = {
          type: "card_error",
          code: "card_declined",
          decline_code: "generic_decline",
          message: "Your card was declined.",
        };
        event = createEvent("payment_intent.payment_failed", publicIntent(intent));
      }
      const delivery = await deliver(event.id);
      return { event, delivery };
    },
    async sendEvent(type, object) {
      const event = createEvent(type, object);
      return { event, delivery: await deliver(event.id) };
    },
    resend: (eventId, opts) => deliver(eventId, opts),
    signedEvent,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
