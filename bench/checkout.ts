// Cart and checkout benches: Kervan on PostgreSQL (generated catalog, background jobs on), loaded
// from the same machine.
//   npm run bench -- checkout [--only add,checkout,contention] [--duration 15] [--products 10000]
//                             [--buyers 32] [--contention-buyers 1000] [--contention-stock 100]
//                             [--contention-concurrency 100] [--jobs-worker false] [--database-url postgres://…]
// 1. add to cart: POST /api/v1/cart/items at 8 connections, each a guest adding 5 varied variants to
//    its own cart (cookie), then a new guest (autocannon).
// 2. checkout: 32 buyers in a loop, add to cart → POST /api/v1/checkout/orders (bank transfer, new
//    Idempotency-Key each time) over products with ample stock.
// 3. contention: 1,000 guests with a cart holding the same product (100 units) check out at once:
//    exactly 100 orders, stock 0, 900 clean 409s, no 5xx.
// Results: bench/results/<date>-checkout.json and bench/results/latest-checkout.md.
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { percentile, root, round1, type Server, seededDatabase, startServer } from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    only: { type: "string", default: "add,checkout,contention" },
    products: { type: "string", default: "10000" },
    duration: { type: "string", default: "15" },
    "add-connections": { type: "string", default: "8" },
    buyers: { type: "string", default: "32" },
    "contention-buyers": { type: "string", default: "1000" },
    "contention-stock": { type: "string", default: "100" },
    "contention-concurrency": { type: "string", default: "100" },
    /** "false" leaves background jobs (order mail with its PDFs, stock projection) to another process. */
    "jobs-worker": { type: "string", default: "true" },
    "database-url": {
      type: "string",
      default: process.env.BENCH_CHECKOUT_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kervan_bench_checkout",
    },
  },
});
const only = new Set((args.only as string).split(",").map((s) => s.trim()));
const products = Number(args.products);
const duration = Number(args.duration);
const databaseUrl = args["database-url"] as string;
const dbName = new URL(databaseUrl).pathname.slice(1);
const WARMUP_S = 3;
/** Variants with ample stock the add-to-cart and checkout benches pick from. */
const POOL_SIZE = 500;
const AMPLE_STOCK = 10_000_000;

const BENCH_ADDRESS = {
  firstName: "Ayşe",
  lastName: "Yılmaz",
  phone: "0532 123 45 67",
  provinceCode: 34,
  district: "Kadıköy",
  neighbourhood: "Caferağa Mah",
  addressLine: "Moda Cad. No: 12 D: 3",
  postalCode: "34710",
};
const BENCH_IBAN = "TR330006100519786457841326";

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  SECRET: "bench-secret-bench-secret-bench-secret-0123",
  RATE_LIMIT_MAX: "100000000",
  SEED_DEMO: "true",
  DEMO_ADMIN_PASSWORD: "bench-admin-password-2026",
  JOBS_WORKER: args["jobs-worker"] === "false" ? "false" : "true",
};

/** uptime's load averages (1, 5, 15 min), so every figure says how busy the machine was. */
function load(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

// ---------------------------------------------------------------------------------------------
// CPU used by the server process and by the PostgreSQL backends serving the bench database: per
// request, it says more than req/s on a machine shared with other work.

const CLOCK_TICKS = 100; // USER_HZ on Linux

function procCpuSeconds(pid: string | number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
  } catch {
    return 0; // gone meanwhile
  }
}

interface Cpu {
  server: number;
  postgres: number;
}

function cpuNow(serverPid: number): Cpu {
  let postgres = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.startsWith("postgres: ") && cmdline.includes(` ${dbName} `)) postgres += procCpuSeconds(pid);
    } catch {
      // gone meanwhile
    }
  }
  return { server: procCpuSeconds(serverPid), postgres };
}

/** CPU milliseconds per operation between two readings. */
function cpuPer(before: Cpu, after: Cpu, operations: number) {
  const per = (a: number, b: number) => (operations > 0 ? round1(((b - a) * 1000) / operations) : 0);
  return { serverMs: per(before.server, after.server), postgresMs: per(before.postgres, after.postgres) };
}

// ---------------------------------------------------------------------------------------------
// Store set-up (idempotent): a shipping method, bank transfer, and the variants the benches use.

interface Prepared {
  tenantId: string;
  pool: string[];
  contended: string;
}

/** Sets the variants' stock, and their products' total (the product row keeps the sum of its variants'). */
async function setStock(client: pg.Client, variantIds: string[], stock: number): Promise<void> {
  await client.query("update product_variants set stock = $2 where id = any($1::uuid[])", [variantIds, stock]);
  await client.query(
    `update products p set stock = (select sum(v.stock) from product_variants v where v.product_id = p.id)
     where p.id in (select product_id from product_variants where id = any($1::uuid[]))`,
    [variantIds],
  );
}

async function prepareStore(url: string): Promise<Prepared> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tenant = await client.query<{ id: string; settings: Record<string, unknown> }>(
      "select id, settings from tenants where is_default limit 1",
    );
    const row = tenant.rows[0];
    if (!row) throw new Error("no default tenant: seeding failed?");
    const tenantId = row.id;
    const methods = await client.query("select 1 from shipping_methods where tenant_id = $1 and active", [tenantId]);
    if (methods.rowCount === 0) {
      await client.query(
        `insert into shipping_methods (tenant_id, name, name_en, carrier, base_fee, base_desi, per_desi_fee, free_over, min_days, max_days, position)
         values ($1, 'Standart Kargo', 'Standard shipping', 'yurtici', 4990, 3, 500, 75000, 1, 3, 0)`,
        [tenantId],
      );
    }
    const payments = (row.settings.payments ?? {}) as { bankTransfer?: { accounts?: unknown[] } };
    if (!payments.bankTransfer?.accounts?.length) {
      const bankTransfer = { enabled: true, accounts: [{ bank: "Bench Bankası", holder: "Kervan Demo Ticaret A.Ş.", iban: BENCH_IBAN }] };
      await client.query(
        `update tenants set settings = jsonb_set(settings, '{payments}', coalesce(settings->'payments', '{}'::jsonb) || $2::jsonb)
         where id = $1`,
        [tenantId, JSON.stringify({ bankTransfer })],
      );
    }
    // Single-variant, buyable products, in a stable order: the first POOL_SIZE for the load, the next for contention.
    const variants = await client.query<{ id: string }>(
      `select v.id from product_variants v join products p on p.id = v.product_id
       where p.tenant_id = $1 and p.status = 'active' and p.kind = 'physical' and p.sale_mode = 'normal' and v.price > 0
         and (select count(*) from product_variants w where w.product_id = p.id) = 1
       order by v.id limit $2`,
      [tenantId, POOL_SIZE + 1],
    );
    const ids = variants.rows.map((r) => r.id);
    if (ids.length < POOL_SIZE + 1) throw new Error(`the catalog has only ${ids.length} single-variant products`);
    const pool = ids.slice(0, POOL_SIZE);
    await setStock(client, pool, AMPLE_STOCK);
    return { tenantId, pool, contended: ids[POOL_SIZE] as string };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// A small HTTP client: keep-alive sockets, one latency per request.

interface Answer {
  status: number;
  body: string;
  ms: number;
  setCookie: string[];
  statements: number | null;
}

function request(
  agent: http.Agent,
  base: URL,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: pathname,
        headers: {
          ...headers,
          ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const timing = /db;desc="(\d+) SQL statements"/.exec(String(res.headers["server-timing"] ?? ""));
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - t0,
            setCookie: res.headers["set-cookie"] ?? [],
            statements: timing ? Number(timing[1]) : null,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const cartCookieOf = (setCookie: string[]) => setCookie.map((c) => c.split(";", 1)[0]).find((c) => c?.startsWith("kv_cart="));

function stats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)), p99: round1(percentile(sorted, 99)) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

// ---------------------------------------------------------------------------------------------
// 1. Add to cart (autocannon).

async function addToCartBench(server: Server, pool: string[]) {
  const connections = Number(args["add-connections"]);
  const body = () => JSON.stringify({ variantId: pool[Math.floor(Math.random() * pool.length)], quantity: 1 });
  // autocannon keeps a context per connection and clears it after the last request of the list:
  // each connection is a guest adding 5 products to its cart (cookie from the first answer), then a new guest.
  const add: autocannon.Request = {
    method: "POST",
    path: "/api/v1/cart/items",
    setupRequest: (req, context) => {
      const cookie = (context as { cookie?: string }).cookie;
      return { ...req, body: body(), headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) } };
    },
    onResponse: (_status, _body, context, headers) => {
      const c = cartCookieOf([headers?.["set-cookie"] ?? []].flat() as string[]);
      if (c) (context as { cookie?: string }).cookie = c;
    },
  };
  const requests = [add, add, add, add, add];
  await autocannon({ url: server.url, connections, duration: WARMUP_S, requests });
  const loadBefore = load();
  const pid = server.child.pid as number;
  const cpuBefore = cpuNow(pid);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: server.url, connections, duration, requests }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const cpu = cpuPer(cpuBefore, cpuNow(pid), result.requests.total);
  const errors = result.non2xx + result.errors + result.timeouts;
  // One request outside the load, for its statement count.
  const probe = await request(new http.Agent(), new URL(server.url), "POST", "/api/v1/cart/items", {}, { variantId: pool[0], quantity: 1 });
  const s = stats(latencies);
  return {
    name: "add to cart (POST /api/v1/cart/items, 5 varied products per guest cart)",
    connections,
    durationS: duration,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    ...s,
    errors,
    statementsPerRequest: probe.statements,
    cpuPerRequest: cpu,
    target: { p95: 20 },
    pass: errors === 0 && s.p95 <= 20,
    load: { before: loadBefore, after: load() },
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Checkout throughput: buyers in a closed loop.

function checkoutBody(shippingMethodId: string, email: string) {
  return {
    email,
    shippingAddress: BENCH_ADDRESS,
    billingSameAsShipping: true,
    shippingMethodId,
    paymentMethod: "bank_transfer",
    acceptContracts: true,
  };
}

async function checkoutBench(server: Server, pool: string[], shippingMethodId: string) {
  const buyers = Number(args.buyers);
  const base = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: buyers });
  const start = performance.now();
  const measureFrom = start + WARMUP_S * 1000;
  const end = measureFrom + duration * 1000;
  const addMs: number[] = [];
  const checkoutMs: number[] = [];
  const statements: number[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let completed = 0;
  let loadBefore = "";
  const pid = server.child.pid as number;
  let cpuBefore: Cpu = { server: 0, postgres: 0 };
  const warm = setTimeout(() => {
    loadBefore = load();
    cpuBefore = cpuNow(pid);
  }, WARMUP_S * 1000);

  async function buyer(i: number) {
    let cookie: string | undefined;
    let n = 0;
    while (performance.now() < end) {
      const variantId = pool[Math.floor(Math.random() * pool.length)] as string;
      const tAdd = performance.now();
      const added = await request(agent, base, "POST", "/api/v1/cart/items", cookie ? { cookie } : {}, { variantId, quantity: 1 });
      cookie = cartCookieOf(added.setCookie) ?? cookie;
      const measuring = tAdd >= measureFrom && tAdd <= end;
      if (added.status !== 200) {
        if (measuring) statuses.set(added.status, (statuses.get(added.status) ?? 0) + 1);
        if (failures.length < 5) failures.push(`add ${added.status}: ${added.body.slice(0, 200)}`);
        continue;
      }
      if (measuring) addMs.push(added.ms);
      const t0 = performance.now();
      const placed = await request(
        agent,
        base,
        "POST",
        "/api/v1/checkout/orders",
        { cookie: cookie as string, "idempotency-key": randomUUID() },
        checkoutBody(shippingMethodId, `alici${i}.${n++}@example.com`),
      );
      if (t0 >= measureFrom && t0 <= end) {
        statuses.set(placed.status, (statuses.get(placed.status) ?? 0) + 1);
        if (placed.status === 201) {
          completed++;
          checkoutMs.push(placed.ms);
          if (placed.statements !== null) statements.push(placed.statements);
        }
      }
      if (placed.status !== 201 && failures.length < 5) failures.push(`checkout ${placed.status}: ${placed.body.slice(0, 200)}`);
    }
  }
  await Promise.all(Array.from({ length: buyers }, (_, i) => buyer(i)));
  const cpu = cpuPer(cpuBefore, cpuNow(pid), completed);
  clearTimeout(warm);
  agent.destroy();
  const seconds = (Math.min(performance.now(), end) - measureFrom) / 1000;
  const checkoutsPerSec = Math.round(completed / seconds);
  const s = stats(checkoutMs);
  const errors = [...statuses].filter(([status]) => status !== 201).reduce((sum, [, n]) => sum + n, 0);
  return {
    name: "checkout (add to cart → place order, bank transfer)",
    buyers,
    durationS: duration,
    checkouts: completed,
    checkoutsPerSec,
    checkout: s,
    addToCart: stats(addMs),
    statuses: Object.fromEntries(statuses),
    errors,
    statementsPerCheckout: median(statements),
    /** CPU per completed checkout, its add to cart included. */
    cpuPerCheckout: cpu,
    failures,
    target: { checkoutsPerSec: 200, p95: 150 },
    pass: errors === 0 && checkoutsPerSec >= 200 && s.p95 <= 150,
    load: { before: loadBefore, after: load() },
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Contention: many buyers, one scarce product.

async function contentionBench(server: Server, url: string, variantId: string, shippingMethodId: string) {
  const buyers = Number(args["contention-buyers"]);
  const stock = Number(args["contention-stock"]);
  const concurrency = Number(args["contention-concurrency"]);
  const base = new URL(server.url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await setStock(client, [variantId], stock);
    // The carts, prepared beforehand (16 at a time).
    const prepAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const cookies: string[] = [];
    for (let i = 0; i < buyers; i += 16) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(16, buyers - i) }, () =>
          request(prepAgent, base, "POST", "/api/v1/cart/items", {}, { variantId, quantity: 1 }),
        ),
      );
      for (const r of batch) {
        const cookie = cartCookieOf(r.setCookie);
        if (r.status !== 200 || !cookie) throw new Error(`preparing carts: ${r.status} ${r.body.slice(0, 200)}`);
        cookies.push(cookie);
      }
    }
    prepAgent.destroy();
    const [{ t0 }] = (await client.query<{ t0: Date }>("select now() as t0")).rows as [{ t0: Date }];

    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const loadBefore = load();
    const cpuBefore = cpuNow(server.child.pid as number);
    // Order rows written and rolled back during the burst (checkouts that lost the race inside
    // placeOrder's transaction): each insert takes a number from the orders sequence, kept on rollback.
    const sequence = async () =>
      Number(
        (await client.query<{ n: string }>("select last_value as n from pg_sequences where sequencename = 'orders_seq_seq'")).rows[0]?.n ??
          0,
      );
    const sequenceBefore = await sequence();
    const answers: Answer[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < cookies.length) {
          const i = next++;
          answers.push(
            await request(
              agent,
              base,
              "POST",
              "/api/v1/checkout/orders",
              { cookie: cookies[i] as string, "idempotency-key": randomUUID() },
              checkoutBody(shippingMethodId, `yarisan${i}@example.com`),
            ),
          );
        }
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    const cpu = cpuPer(cpuBefore, cpuNow(server.child.pid as number), answers.length);
    agent.destroy();

    const created = answers.filter((a) => a.status === 201).length;
    const rolledBack = (await sequence()) - sequenceBefore - created;
    const outOfStock = answers.filter((a) => a.status === 409 && /Not enough stock/.test(a.body)).length;
    const serverErrors = answers.filter((a) => a.status >= 500).length;
    const other = answers.length - created - outOfStock - serverErrors;
    const left = (await client.query<{ stock: number }>("select stock from product_variants where id = $1", [variantId])).rows[0]?.stock;
    const db = (
      await client.query<{ orders: number; units: number }>(
        `select count(distinct r.order_id)::int as orders, coalesce(sum(r.quantity), 0)::int as units
         from stock_reservations r where r.variant_id = $1 and r.created_at >= $2 and r.state in ('held', 'committed')`,
        [variantId, t0],
      )
    ).rows[0] as { orders: number; units: number };
    const attemptsPerSec = Math.round(answers.length / wallS);
    const s = stats(answers.map((a) => a.ms));
    return {
      name: `contention (${buyers} buyers, one product with ${stock} units)`,
      buyers,
      stock,
      concurrency,
      wallS: round1(wallS),
      attemptsPerSec,
      latency: s,
      created,
      outOfStock409: outOfStock,
      serverErrors,
      otherAnswers: other,
      ordersInDatabase: db.orders,
      unitsReserved: db.units,
      finalStock: left,
      cpuPerAttempt: cpu,
      rolledBackTransactions: rolledBack,
      target: { attemptsPerSec: 1000, orders: stock, outOfStock409: buyers - stock, serverErrors: 0, finalStock: 0 },
      pass:
        attemptsPerSec >= 1000 &&
        created === stock &&
        db.orders === stock &&
        db.units === stock &&
        outOfStock === buyers - stock &&
        serverErrors === 0 &&
        other === 0 &&
        left === 0,
      load: { before: loadBefore, after: load() },
    };
  } finally {
    await client.end();
  }
}

/** Jobs waiting in pg-boss after the load (mail with PDFs, stock projection), per queue. */
async function jobBacklog(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ name: string; n: number }>(
      "select name, count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active') group by name order by name",
    );
    return Object.fromEntries(r.rows.map((row) => [row.name, row.n]));
  } catch {
    return {};
  } finally {
    await client.end();
  }
}

/** The order jobs the benches cause; left over from an earlier run they would run during this one's load. */
const ORDER_QUEUES = ["orders.mail", "orders.stock-projection"];

/** Drops queued order jobs of earlier runs (the bench database only): every run starts with an idle worker. */
async function clearOrderJobs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("delete from pgboss.job where name = any($1) and state in ('created', 'retry')", [ORDER_QUEUES]);
    return r.rowCount ?? 0;
  } catch {
    return 0; // no pg-boss tables yet
  } finally {
    await client.end();
  }
}

/**
 * Waits (up to `limitS`) for the order mail queue to empty and returns how fast the worker got
 * through it: the single process's capacity for order e-mails with their PDFs.
 */
async function drainMail(url: string, limitS: number): Promise<{ waiting: number; seconds: number; perSecond: number; left: number }> {
  const count = async () => (await jobBacklog(url))["orders.mail"] ?? 0;
  const waiting = await count();
  const t0 = performance.now();
  let left = waiting;
  while (left > 0 && performance.now() - t0 < limitS * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    left = await count();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { waiting, seconds: round1(seconds), perSecond: round1((waiting - left) / Math.max(seconds, 0.001)), left };
}

async function main() {
  const started = new Date();
  console.log(
    `Kervan checkout benchmark — ${duration} s per scenario after a ${WARMUP_S} s warm-up; jobs worker ${baseEnv.JOBS_WORKER}; load average ${load()}`,
  );
  const env = { ...baseEnv, DATABASE_URL: databaseUrl, DATA_DIR: path.join(os.tmpdir(), "kervan-bench-checkout-data") };
  const total = await seededDatabase(databaseUrl, env, products);
  const prepared = await prepareStore(databaseUrl);
  const dropped = await clearOrderJobs(databaseUrl);
  if (dropped > 0) console.log(`  dropped ${dropped} order jobs left queued by an earlier run`);
  // The API is enough: no web build needed.
  const logFile = path.join(os.tmpdir(), "kervan-bench-checkout-server.log");
  const server = await startServer(env, { readyPath: "/readyz", logFile });
  console.log(`  server log: ${logFile}`);
  try {
    const checkoutInfo = await (await fetch(`${server.url}/api/v1/checkout`)).json();
    const shippingMethodId: string | undefined = checkoutInfo.cart?.shippingOptions?.[0]?.id;
    if (!shippingMethodId) throw new Error(`no shipping method offered: ${JSON.stringify(checkoutInfo).slice(0, 300)}`);

    const report: Record<string, unknown> = {};
    if (only.has("add")) {
      const r = await addToCartBench(server, prepared.pool);
      report.addToCart = r;
      console.log(
        `  ${r.name}: ${r.reqPerSec} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}  ${r.statementsPerRequest} SQL  CPU/request: server ${r.cpuPerRequest.serverMs} ms, PostgreSQL ${r.cpuPerRequest.postgresMs} ms  ${r.pass ? "✓" : "✗"} target  (load ${r.load.before} → ${r.load.after})`,
      );
    }
    if (only.has("checkout")) {
      const r = await checkoutBench(server, prepared.pool, shippingMethodId);
      report.checkout = r;
      console.log(
        `  ${r.name}: ${r.checkoutsPerSec} checkouts/s  checkout p50 ${r.checkout.p50} ms  p95 ${r.checkout.p95} ms  p99 ${r.checkout.p99} ms  add p95 ${r.addToCart.p95} ms  errors ${r.errors}  ${r.statementsPerCheckout} SQL  CPU/checkout: server ${r.cpuPerCheckout.serverMs} ms, PostgreSQL ${r.cpuPerCheckout.postgresMs} ms  ${r.pass ? "✓" : "✗"} target  (load ${r.load.before} → ${r.load.after})`,
      );
      for (const f of r.failures) console.log(`    ${f}`);
      report.jobBacklogAfterCheckout = await jobBacklog(databaseUrl);
      console.log(`  jobs waiting after the load: ${JSON.stringify(report.jobBacklogAfterCheckout)}`);
      if (baseEnv.JOBS_WORKER === "true") {
        // How fast the same process sends the order e-mails (two PDFs each) once the load stops.
        const drain = await drainMail(databaseUrl, 60);
        report.mailDrain = drain;
        console.log(
          `  order e-mails: ${drain.perSecond}/s with the server otherwise idle (${drain.waiting - drain.left} of ${drain.waiting} in ${drain.seconds} s; load ${load()})`,
        );
        // The contention burst is measured on its own, not behind this backlog.
        await clearOrderJobs(databaseUrl);
      }
    }
    if (only.has("contention")) {
      const r = await contentionBench(server, databaseUrl, prepared.contended, shippingMethodId);
      report.contention = r;
      console.log(
        `  ${r.name}: ${r.attemptsPerSec} attempts/s  orders ${r.created} (database ${r.ordersInDatabase})  409 ${r.outOfStock409}  5xx ${r.serverErrors}  other ${r.otherAnswers}  final stock ${r.finalStock}  rolled back ${r.rolledBackTransactions}  p95 ${r.latency.p95} ms  CPU/attempt: server ${r.cpuPerAttempt.serverMs} ms, PostgreSQL ${r.cpuPerAttempt.postgresMs} ms  ${r.pass ? "✓" : "✗"} target  (load ${r.load.before} → ${r.load.after})`,
      );
    }
    await writeReport(started, total, report);
  } finally {
    await server.stop();
  }
}

async function writeReport(started: Date, total: number, report: Record<string, unknown>) {
  const full = {
    date: started.toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    database: "postgres",
    products: total,
    jobsWorker: baseEnv.JOBS_WORKER === "true",
    ...report,
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const stamp = started.toISOString().slice(0, 10);
  writeFileSync(path.join(root, `bench/results/${stamp}-checkout.json`), `${JSON.stringify(full, null, 2)}\n`);
  type Add = Awaited<ReturnType<typeof addToCartBench>>;
  type Checkout = Awaited<ReturnType<typeof checkoutBench>>;
  type Contention = Awaited<ReturnType<typeof contentionBench>>;
  const add = report.addToCart as Add | undefined;
  const co = report.checkout as Checkout | undefined;
  const ct = report.contention as Contention | undefined;
  const mark = (pass: boolean) => (pass ? "✓" : "✗");
  const md = [
    `# Checkout benchmark ${started.toISOString()}`,
    "",
    `PostgreSQL, ${total} products, background jobs ${baseEnv.JOBS_WORKER === "true" ? "on (in the server process)" : "off (JOBS_WORKER=false)"}, ${os.cpus().length} CPUs, Node ${process.version}; load generated on the same machine, ${duration} s per scenario after a ${WARMUP_S} s warm-up. Load averages (1/5/15 min) before → after each scenario.`,
    "",
    "| scenario | concurrency | throughput | p50 ms | p95 ms | p99 ms | errors | SQL statements | CPU ms per operation: server / PostgreSQL | target | load |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...(add
      ? [
          `| ${add.name} | ${add.connections} | ${add.reqPerSec} req/s | ${add.p50} | ${add.p95} | ${add.p99} | ${add.errors} | ${add.statementsPerRequest} | ${add.cpuPerRequest.serverMs} / ${add.cpuPerRequest.postgresMs} | p95 ≤ 20 ms ${mark(add.pass)} | ${add.load.before} → ${add.load.after} |`,
        ]
      : []),
    ...(co
      ? [
          `| ${co.name}: the checkout request | ${co.buyers} | ${co.checkoutsPerSec} checkouts/s | ${co.checkout.p50} | ${co.checkout.p95} | ${co.checkout.p99} | ${co.errors} | ${co.statementsPerCheckout} | ${co.cpuPerCheckout.serverMs} / ${co.cpuPerCheckout.postgresMs} (with its add to cart) | ≥ 200/s, p95 ≤ 150 ms ${mark(co.pass)} | ${co.load.before} → ${co.load.after} |`,
          `| ${co.name}: its add to cart | ${co.buyers} | | ${co.addToCart.p50} | ${co.addToCart.p95} | ${co.addToCart.p99} | | | | | |`,
        ]
      : []),
    ...(ct
      ? [
          `| ${ct.name} | ${ct.concurrency} | ${ct.attemptsPerSec} attempts/s | ${ct.latency.p50} | ${ct.latency.p95} | ${ct.latency.p99} | ${ct.serverErrors} 5xx, ${ct.otherAnswers} other | | ${ct.cpuPerAttempt.serverMs} / ${ct.cpuPerAttempt.postgresMs} | ≥ 1,000/s ${mark(ct.pass)} | ${ct.load.before} → ${ct.load.after} |`,
        ]
      : []),
    "",
    ...(ct
      ? [
          `Contention: ${ct.created} orders placed (${ct.ordersInDatabase} in the database, ${ct.unitsReserved} units reserved), ${ct.outOfStock409} clean 409 out-of-stock answers (${ct.rolledBackTransactions} of them after starting the order transaction, which was rolled back), ${ct.serverErrors} 5xx, final stock ${ct.finalStock} (expected ${ct.stock} orders, ${ct.buyers - ct.stock} × 409, stock 0).`,
          "",
        ]
      : []),
    ...(report.jobBacklogAfterCheckout
      ? [`Background jobs waiting right after the checkout load: ${JSON.stringify(report.jobBacklogAfterCheckout)}.`, ""]
      : []),
    ...(report.mailDrain
      ? (() => {
          const d = report.mailDrain as Awaited<ReturnType<typeof drainMail>>;
          return [
            `Order e-mails (two PDFs each) sent by the same process once the load stopped: ${d.perSecond}/s (${d.waiting - d.left} of ${d.waiting} in ${d.seconds} s; the rest were dropped before the contention burst).`,
            "",
          ];
        })()
      : []),
  ].join("\n");
  writeFileSync(path.join(root, "bench/results/latest-checkout.md"), md);
  console.log(`\nWritten to bench/results/${stamp}-checkout.json and bench/results/latest-checkout.md`);
}

await main();
