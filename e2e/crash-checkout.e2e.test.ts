// Issue 5 acceptance: killing the server (SIGKILL) in the middle of a checkout load and starting it
// again leaves no paid order lost, no stock leaked and no reservation held forever; a checkout
// retried with its Idempotency-Key after the restart returns the same order.
//
// The real process (`node src/server/main.ts`, background jobs on) runs on the embedded database
// (PGlite in a data folder kept across the crash), or on a fresh PostgreSQL database when
// DATABASE_URL names a server. Card payments go through the local PayTR server, which notifies
// Kervan and repeats a notification until Kervan answers "OK" — also across the crash.
// The database is only opened by this test while the server is down (PGlite has one owner).

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { products, productVariants } from "../src/modules/catalog/schema.ts";
import { orderAccessToken } from "../src/modules/orders/service.ts";
import { paymentIdFromMerchantOid } from "../src/modules/payments/providers/paytr.ts";
import { ensureShippingMethods } from "../src/modules/shipping/service.ts";
import { tenants } from "../src/modules/tenants/schema.ts";
import { type Database, openDatabase } from "../src/platform/db/index.ts";
import { PAYTR_TEST, TEST_ADDRESS } from "../test/checkout.ts";
import { PAYTR_DECLINED_CARD, PAYTR_TEST_CARDS, startPaytrServer, type TestPaytrServer } from "../test/gateways/paytr-server.ts";
import { freePort, root } from "./server.ts";

const BUYERS = 16;
/** SIGKILL once this many orders were placed (while the other buyers are mid-request). */
const KILL_AFTER_ORDERS = 40;
/** Units per test variant: the last one runs out during the load. */
const STOCKS = [60, 60, 6];
const SECRET = randomBytes(36).toString("base64url");
const IBAN = "TR330006100519786457841326";
const address = TEST_ADDRESS;

const dataDir = mkdtempSync(path.join(tmpdir(), "kervan-crash-"));
const adminUrl = process.env.DATABASE_URL;
const dbName = `kervan_crash_${randomBytes(5).toString("hex")}`;
const databaseUrl = adminUrl
  ? (() => {
      const u = new URL(adminUrl);
      u.pathname = `/${dbName}`;
      return u.toString();
    })()
  : undefined;

interface Kervan {
  child: ChildProcess;
  output(): string;
}

let running: Kervan | null = null;
let paytr: TestPaytrServer | null = null;

afterAll(async () => {
  if (running?.child.exitCode === null) running.child.kill("SIGKILL");
  await paytr?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (adminUrl) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${dbName} with (force)`);
    await client.end();
  }
});

function serverEnv(port: number, paytrUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SECRET,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    JOBS_WORKER: "true",
    RATE_LIMIT_MAX: "1000000",
    // The API is all this test needs: a build folder that does not exist keeps the web app off.
    KERVAN_BUILD_DIR: ".build-crash-test-none",
    PAYTR_MERCHANT_ID: PAYTR_TEST.merchantId,
    PAYTR_MERCHANT_KEY: PAYTR_TEST.merchantKey,
    PAYTR_MERCHANT_SALT: PAYTR_TEST.merchantSalt,
    PAYTR_BASE_URL: paytrUrl,
    PAYTR_TEST_MODE: "true",
  };
}

async function startKervan(env: NodeJS.ProcessEnv): Promise<Kervan> {
  let log = "";
  const child = spawn(process.execPath, [path.join(root, "src", "server", "main.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => {
    log += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    log += c.toString();
  });
  const server = { child, output: () => log };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${env.PUBLIC_URL}/readyz`);
      if (res.ok && /Kervan is running/.test(log)) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`the server was not ready after 120 s:\n${log}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** The test's own connection to the database; only while the server is down. */
async function withDatabase<T>(fn: (db: Database["db"]) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: databaseUrl, dataDir, poolSize: 2 });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function rows<T>(db: Database["db"], query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

interface Attempt {
  buyer: number;
  key: string;
  cookie: string;
  body: Record<string, unknown>;
  /** HTTP status, or null when the server died before answering. */
  status: number | null;
  orderId?: string;
  number?: string;
}

describe("SIGKILL in the middle of a checkout load", () => {
  it("loses no paid order, leaks no stock, holds no reservation forever, and replays idempotency keys", { timeout: 420_000 }, async () => {
    if (adminUrl) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`create database ${dbName}`);
      await client.end();
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const gateway = await startPaytrServer({
      ...PAYTR_TEST,
      notifyUrl: `${base}/api/v1/payments/paytr/callback`,
      // PayTR repeats a notification until it gets "OK": long enough to outlast the restart.
      notifyMaxTries: 600,
      notifyRetryDelayMs: 200,
    });
    paytr = gateway;
    const env = serverEnv(port, gateway.url);

    // A first start creates the demo store (its start-up set-up also picks sold-out products for
    // backorder/pre-order: done before the test chooses its products). Then, with the server down,
    // what checkout needs: bank transfer, PayTR, a 5-minute hold for card payments, and three
    // products of known stock.
    const first = await startKervan(env);
    running = first;
    first.child.kill("SIGTERM");
    expect(await exited(first.child), first.output()).toBe(0);
    const { variantIds, initial } = await withDatabase(async (db) => {
      const [tenant] = await db.select().from(tenants).where(eq(tenants.isDefault, true));
      if (!tenant) throw new Error("no default tenant after the first start");
      await ensureShippingMethods(db, tenant.id);
      await db
        .update(tenants)
        .set({
          settings: {
            ...tenant.settings,
            payments: {
              ...tenant.settings.payments,
              bankTransfer: { enabled: true, accounts: [{ bank: "Test Bankası", holder: "Kervan Demo Ticaret A.Ş.", iban: IBAN }] },
              paytr: { enabled: true, maxInstallments: 1 },
              reservationMinutes: 5,
            },
          },
        })
        .where(eq(tenants.id, tenant.id));
      // The demo set-up turns sold-out products into backorder/pre-order at start-up only while the
      // store has none: with one in place, the test's product that sells out stays as it is.
      const modes = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from products where tenant_id = ${tenant.id} and sale_mode <> 'normal'`,
      );
      expect(modes[0]?.n, "the demo store has a backorder or pre-order product").toBeGreaterThan(0);
      const picked = await rows<{ id: string }>(
        db,
        sql`select v.id from product_variants v join products p on p.id = v.product_id
            where p.tenant_id = ${tenant.id} and p.status = 'active' and p.kind = 'physical' and p.sale_mode = 'normal'
              and (select count(*) from product_variants w where w.product_id = p.id) = 1
            order by p.slug limit ${STOCKS.length}`,
      );
      expect(picked).toHaveLength(STOCKS.length);
      const ids = picked.map((r) => r.id);
      for (const [i, id] of ids.entries()) {
        const [variant] = await db
          .update(productVariants)
          .set({ stock: STOCKS[i] as number })
          .where(eq(productVariants.id, id))
          .returning({ productId: productVariants.productId });
        // The product row keeps the sum of its variants' stock (one variant here).
        await db
          .update(products)
          .set({ stock: STOCKS[i] as number })
          .where(eq(products.id, variant?.productId as string));
      }
      // Units already reserved before the test (none on a fresh store) count as part of the start.
      const held = await rows<{ variant_id: string; n: number }>(
        db,
        sql`select variant_id, sum(quantity)::int as n from stock_reservations
            where variant_id in ${ids} and state in ('held', 'committed') group by variant_id`,
      );
      const start = new Map(ids.map((id, i) => [id, (STOCKS[i] as number) + (held.find((h) => h.variant_id === id)?.n ?? 0)]));
      return { variantIds: ids, initial: start };
    });

    running = await startKervan(env);
    const info = await (await fetch(`${base}/api/v1/checkout`)).json();
    const shippingMethodId: string = info.cart.shippingOptions[0].id;
    expect(info.paymentMethods.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(["paytr", "bank_transfer"]));

    // ---- the load: 16 buyers, bank transfer and PayTR (paid, declined, abandoned) --------------
    const attempts: Attempt[] = [];
    const payments: Promise<unknown>[] = [];
    const payLater: (() => Promise<unknown>)[] = [];
    let placed = 0;
    let cardOrders = 0;
    const refusals = new Map<string, number>();
    let inFlight = 0;
    let inFlightAtKill = -1;
    let killed = false;
    const killedAt = { placed: 0 };
    const victim = running;
    const kill = () => {
      if (killed) return;
      killed = true;
      inFlightAtKill = inFlight;
      killedAt.placed = placed;
      victim.child.kill("SIGKILL");
    };

    async function buyer(b: number): Promise<void> {
      let cookie = "";
      for (let round = 0; !killed && round < 200; round++) {
        const variantId = variantIds[(b + round) % variantIds.length] as string;
        let added: Response;
        try {
          added = await fetch(`${base}/api/v1/cart/items`, {
            method: "POST",
            headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
            body: JSON.stringify({ variantId, quantity: 1 }),
          });
        } catch {
          return; // the server is gone
        }
        const newCookie = added.headers
          .getSetCookie()
          .map((c) => c.split(";", 1)[0] as string)
          .find((c) => c.startsWith("kv_cart="));
        if (newCookie) cookie = newCookie;
        await added.text();
        if (added.status === 409) continue; // that product is sold out: try another
        expect(added.status).toBe(200);
        const method = b % 2 === 0 ? "bank_transfer" : "paytr";
        const attempt: Attempt = {
          buyer: b,
          key: randomUUID(),
          cookie,
          body: {
            email: `alici${b}.${round}@example.com`,
            shippingAddress: address,
            billingSameAsShipping: true,
            shippingMethodId,
            paymentMethod: method,
            acceptContracts: true,
          },
          status: null,
        };
        attempts.push(attempt);
        inFlight++;
        let res: Response;
        let json: { orderId?: string; number?: string; next?: { type: string; url?: string } };
        try {
          res = await fetch(`${base}/api/v1/checkout/orders`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie, "idempotency-key": attempt.key },
            body: JSON.stringify(attempt.body),
          });
          json = await res.json();
        } catch {
          return; // killed mid-request: the answer never came (attempt.status stays null)
        } finally {
          inFlight--;
        }
        attempt.status = res.status;
        if (res.status !== 201) {
          refusals.set(String((json as { detail?: string }).detail), (refusals.get(String((json as { detail?: string }).detail)) ?? 0) + 1);
          expect(res.status, JSON.stringify(json)).toBe(409);
          cookie = ""; // a shopper whose product sold out starts again
          continue;
        }
        attempt.orderId = json.orderId;
        attempt.number = json.number;
        placed++;
        if (placed >= KILL_AFTER_ORDERS) setTimeout(kill, Math.floor(Math.random() * 15));
        if (method === "paytr" && json.next?.type === "iframe" && json.next.url) {
          // On PayTR's page (which lives on while Kervan is down): 3 in 5 pay, one of them only once
          // Kervan is dead (its notification must wait for the restart), 1 is declined, 1 leaves.
          const choice = cardOrders++ % 5;
          const url = json.next.url;
          const pay = (card: string) => () =>
            fetch(url, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams({
                cc_owner: "AYSE YILMAZ",
                card_number: card,
                expiry_month: "12",
                expiry_year: "30",
                cvv: "000",
                installment_count: "1",
              }).toString(),
              redirect: "manual",
            }).then((r) => expect(r.status).toBe(302));
          if (choice === 0) payLater.push(pay(PAYTR_TEST_CARDS[1]));
          else if (choice < 3) payments.push(pay(PAYTR_TEST_CARDS[0])());
          else if (choice === 3) payments.push(pay(PAYTR_DECLINED_CARD)());
        }
      }
    }
    // In case the orders come too slowly, kill after 20 s anyway.
    const fallback = setTimeout(kill, 20_000);
    await Promise.all(Array.from({ length: BUYERS }, (_, b) => buyer(b)));
    clearTimeout(fallback);
    kill();
    await exited(victim.child);
    expect(victim.child.signalCode).toBe("SIGKILL");
    await Promise.all(payments);
    await Promise.all(payLater.map((pay) => pay()));
    expect(payLater.length).toBeGreaterThan(0);
    const unanswered = attempts.filter((a) => a.status === null);
    console.info(
      `crash test (${adminUrl ? "PostgreSQL" : "PGlite"}): killed after ${killedAt.placed} orders with ${inFlightAtKill} checkouts in flight; ` +
        `${attempts.length} checkouts sent, ${unanswered.length} unanswered; PayTR payments: ` +
        JSON.stringify(
          Object.groupBy([...gateway.payments.values()], (p) => p.status),
          (_k, v) => (Array.isArray(v) ? v.length : v),
        ),
    );
    console.info(`refusals: ${JSON.stringify([...refusals])}`);
    expect(killedAt.placed).toBeGreaterThanOrEqual(KILL_AFTER_ORDERS);

    // ---- while the server is down: let some reservations run out ------------------------------
    const paidAtGateway = new Set(
      [...gateway.payments.values()].filter((p) => p.status === "success").map((p) => paymentIdFromMerchantOid(p.merchantOid)),
    );
    const { expired, kept } = await withDatabase(async (db) => {
      const waiting = await rows<{ id: string; number: string; payment_method: string; payment_id: string | null }>(
        db,
        sql`select o.id, o.number, o.payment_method,
                   (select p.id from payments p where p.order_id = o.id and p.method = o.payment_method) as payment_id
            from orders o where o.status = 'awaiting_payment' order by o.number`,
      );
      // Every other bank transfer, and every card order nobody paid (declined, left, never opened).
      // Orders PayTR took money for are left alone: their notification is on its way.
      const due = waiting.filter((o, i) =>
        o.payment_method === "bank_transfer" ? i % 2 === 0 : !(o.payment_id && paidAtGateway.has(o.payment_id)),
      );
      const dueIds = due.map((o) => o.id);
      if (dueIds.length > 0)
        await db.execute(sql`update orders set reservation_expires_at = now() - interval '1 minute' where id in ${dueIds}`);
      return {
        expired: due,
        kept: waiting.filter((o) => !dueIds.includes(o.id) && o.payment_method === "bank_transfer"),
      };
    });
    expect(expired.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);

    // ---- start again on the same database -----------------------------------------------------
    const t0 = performance.now();
    running = await startKervan(env);
    const restartMs = Math.round(performance.now() - t0);

    // Every checkout that was answered 201, or never answered, is sent again with its key.
    const retried = attempts.filter((a) => a.status === 201 || a.status === null);
    const replays = await Promise.all(
      retried.map(async (a) => {
        const res = await fetch(`${base}/api/v1/checkout/orders`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: a.cookie, "idempotency-key": a.key },
          body: JSON.stringify(a.body),
        });
        return { attempt: a, status: res.status, json: await res.json() };
      }),
    );
    for (const r of replays) {
      if (r.attempt.status === 201) {
        // The same order, not a second one.
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        expect(r.json.orderId).toBe(r.attempt.orderId);
      } else {
        // Committed before the kill (replayed), or never committed (placed now), or sold out meanwhile.
        expect([200, 201, 409], JSON.stringify(r.json)).toContain(r.status);
      }
    }

    // PayTR delivers every notification until Kervan says "OK" (the ones that hit the dead server too).
    await gateway.settled();
    const lastDelivery = new Map(gateway.deliveries.map((d) => [d.merchantOid, d]));
    for (const p of gateway.payments.values()) {
      if (p.status === "pending") continue;
      expect(lastDelivery.get(p.merchantOid)?.body, `notification of ${p.merchantOid}`).toBe("OK");
    }
    const failedDeliveries = gateway.deliveries.filter((d) => d.error || d.body !== "OK").length;
    // The payments made while Kervan was down were delivered only after the restart.
    expect(gateway.deliveries.some((d) => d.error)).toBe(true);

    const settledMs = Math.round(performance.now() - t0);
    // The expiry job (run at start-up, then every minute) cancels what ran out while the server was down.
    const deadline = Date.now() + 150_000;
    for (;;) {
      const statuses = await Promise.all(
        expired.map(async (o) => {
          const res = await fetch(`${base}/api/v1/orders/${o.number}?t=${orderAccessToken(SECRET, o.id)}`);
          return ((await res.json()) as { status: string }).status;
        }),
      );
      if (statuses.every((s) => s === "cancelled")) break;
      if (Date.now() > deadline) throw new Error(`expired orders not cancelled: ${statuses.join(", ")}\n${running.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const expiredMs = Math.round(performance.now() - t0);
    // A clean stop, then the invariants from the database itself.
    running.child.kill("SIGTERM");
    expect(await exited(running.child), running.output()).toBe(0);
    // The restarted server logged no error (warnings, e.g. a job retried, are fine).
    const errors = running
      .output()
      .split("\n")
      .filter((line) => /"level":(50|60)/.test(line));
    expect(errors, errors.join("\n")).toEqual([]);

    await withDatabase(async (db) => {
      // No stock leaked: what each variant started with is on the shelf or reserved (held or sold).
      const stock = await rows<{ id: string; stock: number; reserved: number }>(
        db,
        sql`select v.id, v.stock,
                   coalesce((select sum(r.quantity) from stock_reservations r
                             where r.variant_id = v.id and r.state in ('held', 'committed')), 0)::int as reserved
            from product_variants v where v.id in ${variantIds}`,
      );
      for (const v of stock) {
        expect(v.stock, `stock of ${v.id}`).toBeGreaterThanOrEqual(0);
        expect(v.stock + v.reserved, `stock + reservations of ${v.id}`).toBe(initial.get(v.id));
      }

      // No paid order lost: every payment PayTR took is a paid order.
      const paidIds = [...paidAtGateway];
      if (paidIds.length > 0) {
        const paid = await rows<{ id: string; status: string; order_status: string; reservations: string[] }>(
          db,
          sql`select p.id, p.status, o.status as order_status,
                     array(select r.state from stock_reservations r where r.order_id = o.id) as reservations
              from payments p join orders o on o.id = p.order_id where p.id in ${paidIds}`,
        );
        expect(paid).toHaveLength(paidIds.length);
        for (const p of paid) {
          expect(p, `payment ${p.id}`).toMatchObject({ status: "succeeded", order_status: "paid" });
          expect(p.reservations.every((s) => s === "committed")).toBe(true);
        }
        const events = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from payment_events where provider = 'paytr' and status = 'succeeded'`,
        );
        expect(events[0]?.n).toBe(paidIds.length);
      }

      // Every order is whole and consistent: lines, legal documents, reservations match status and payments.
      const orders = await rows<{
        id: string;
        number: string;
        status: string;
        payment_method: string;
        expires: Date | string | null;
        lines: number;
        units: number;
        documents: number;
        held: number;
        committed: number;
        released: number;
        pay_pending: number;
        pay_succeeded: number;
        pay_cancelled: number;
      }>(
        db,
        sql`select o.id, o.number, o.status, o.payment_method, o.reservation_expires_at as expires,
                   (select count(*) from order_lines l where l.order_id = o.id)::int as lines,
                   (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id)::int as units,
                   (select count(*) from order_documents d where d.order_id = o.id)::int as documents,
                   (select coalesce(sum(r.quantity) filter (where r.state = 'held'), 0) from stock_reservations r where r.order_id = o.id)::int as held,
                   (select coalesce(sum(r.quantity) filter (where r.state = 'committed'), 0) from stock_reservations r where r.order_id = o.id)::int as committed,
                   (select coalesce(sum(r.quantity) filter (where r.state = 'released'), 0) from stock_reservations r where r.order_id = o.id)::int as released,
                   (select count(*) from payments p where p.order_id = o.id and p.status = 'pending')::int as pay_pending,
                   (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded')::int as pay_succeeded,
                   (select count(*) from payments p where p.order_id = o.id and p.status = 'cancelled')::int as pay_cancelled
            from orders o`,
      );
      expect(orders.length).toBeGreaterThanOrEqual(killedAt.placed);
      const now = Date.now();
      for (const o of orders) {
        const label = `order ${o.number} (${o.status}, ${o.payment_method})`;
        expect(o.lines, label).toBeGreaterThan(0);
        expect(o.documents, label).toBe(2);
        if (o.status === "awaiting_payment") {
          expect({ held: o.held, committed: o.committed, pending: o.pay_pending, succeeded: o.pay_succeeded }, label).toEqual({
            held: o.units,
            committed: 0,
            pending: 1,
            succeeded: 0,
          });
          // Nothing stays held past its expiry once the server runs.
          expect(o.expires, label).not.toBeNull();
          expect(new Date(o.expires as Date | string).getTime(), label).toBeGreaterThan(now);
        } else if (o.status === "paid") {
          expect({ held: o.held, committed: o.committed, pending: o.pay_pending, succeeded: o.pay_succeeded }, label).toEqual({
            held: 0,
            committed: o.units,
            pending: 0,
            succeeded: 1,
          });
        } else if (o.status === "cancelled") {
          expect(
            { held: o.held, committed: o.committed, released: o.released, pending: o.pay_pending, succeeded: o.pay_succeeded },
            label,
          ).toEqual({ held: 0, committed: 0, released: o.units, pending: 0, succeeded: 0 });
        } else {
          throw new Error(`${label}: unexpected status`);
        }
      }
      // The orders cancelled by the expiry job are the ones that ran out; those still in time keep their hold.
      const byId = new Map(orders.map((o) => [o.id, o]));
      for (const o of expired) expect(byId.get(o.id)?.status, `order ${o.number}`).toBe("cancelled");
      for (const o of kept) expect(byId.get(o.id)?.status, `order ${o.number}`).toBe("awaiting_payment");

      // One order per idempotency key, and every answered order exists.
      const keys = attempts.map((a) => a.key);
      const perKey = await rows<{ key: string; n: number }>(
        db,
        sql`select idempotency_key as key, count(*)::int as n from orders where idempotency_key in ${keys} group by idempotency_key`,
      );
      for (const k of perKey) expect(k.n, `orders with key ${k.key}`).toBe(1);
      const answered = attempts.filter((a) => a.orderId).map((a) => a.orderId as string);
      const found = await db.execute(sql`select id from orders where id in ${answered}`);
      expect((found as unknown as { rows: unknown[] }).rows).toHaveLength(answered.length);

      // Declined cards are recorded once: on the payment while it is open (the shopper may try again
      // while the hold lasts), as an ignored event when its order was cancelled first.
      const declined = [...gateway.payments.values()]
        .filter((p) => p.status === "failed")
        .map((p) => paymentIdFromMerchantOid(p.merchantOid));
      if (declined.length > 0) {
        const failed = await rows<{ id: string; status: string; failure_reason: string | null; results: string[] }>(
          db,
          sql`select p.id, p.status, p.failure_reason,
                     array(select e.result from payment_events e where e.payment_id = p.id and e.status = 'failed') as results
              from payments p where p.id in ${declined}`,
        );
        expect(failed).toHaveLength(declined.length);
        for (const f of failed) {
          expect(f.results, `payment ${f.id}`).toHaveLength(1);
          if (f.status === "pending")
            expect(f, `payment ${f.id}`).toMatchObject({ failure_reason: expect.any(String), results: ["applied:failed"] });
          else expect(f, `payment ${f.id}`).toMatchObject({ status: "cancelled" });
        }
      }
      console.info(
        `crash test: ${orders.length} orders after the restart (${JSON.stringify(
          Object.fromEntries(Object.entries(Object.groupBy(orders, (o) => o.status)).map(([k, v]) => [k, v?.length])),
        )}); ${expired.length} cancelled by the expiry job, ${kept.length} bank transfers still held; ` +
          `${replays.length} checkouts retried with their key (unanswered ones: ${JSON.stringify(
            Object.fromEntries(
              Object.entries(
                Object.groupBy(
                  replays.filter((r) => r.attempt.status === null),
                  (r) => String(r.status),
                ),
              ).map(([k, v]) => [k, v?.length]),
            ),
          )}); ${failedDeliveries} PayTR deliveries failed and were repeated; ` +
          `restart ${restartMs} ms, notifications settled at ${settledMs} ms, expired orders cancelled at ${expiredMs} ms`,
      );
    });
  });
});
