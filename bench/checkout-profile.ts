// Every SQL statement of one add-to-cart and one checkout, with its server-side duration, from the
// PostgreSQL log (log_min_duration_statement = 0 on the server's own connections).
//   node bench/checkout-profile.ts [--database-url postgres://…/kervan_bench_checkout] [--log /var/log/postgresql/postgresql-15-main.log]
// Run `npm run bench -- checkout` once first (it seeds and prepares the store). Needs read access to the log.
import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { TEST_ADDRESS } from "../test/checkout.ts";
import { startServer } from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/kervan_bench_checkout" },
    log: { type: "string", default: "/var/log/postgresql/postgresql-15-main.log" },
  },
});
const databaseUrl = args["database-url"] as string;
const logFile = args.log as string;
const dbName = new URL(databaseUrl).pathname.slice(1);

const address = TEST_ADDRESS;

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const variant = (await client.query<{ id: string }>("select id from product_variants where stock >= 1000000 order by id limit 1 offset 7"))
  .rows[0]?.id;
await client.end();
if (!variant) throw new Error("no prepared variant: run `npm run bench -- checkout` first");

const logged = new URL(databaseUrl);
logged.searchParams.set("options", "-c log_min_duration_statement=0");
// Workers off: only the requests' own statements reach the log (jobs are still enqueued).
const server = await startServer(
  {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SECRET: "bench-secret-bench-secret-bench-secret-0123",
    RATE_LIMIT_MAX: "100000000",
    JOBS_WORKER: "false",
    DATABASE_URL: logged.toString(),
    DATA_DIR: path.join(os.tmpdir(), "kervan-bench-checkout-data"),
  },
  { readyPath: "/readyz" },
);

async function buy(): Promise<{ add: string | null; checkout: string | null }> {
  const added = await fetch(`${server.url}/api/v1/cart/items`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ variantId: variant, quantity: 1 }),
  });
  const cookie = added.headers.getSetCookie()[0]?.split(";", 1)[0] ?? "";
  await added.text();
  const info = await (await fetch(`${server.url}/api/v1/checkout`, { headers: { cookie } })).json();
  const placed = await fetch(`${server.url}/api/v1/checkout/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "idempotency-key": randomUUID() },
    body: JSON.stringify({
      email: "profil@example.com",
      shippingAddress: address,
      billingSameAsShipping: true,
      shippingMethodId: info.cart.shippingOptions[0].id,
      paymentMethod: "bank_transfer",
      acceptContracts: true,
    }),
  });
  if (placed.status !== 201) throw new Error(`checkout answered ${placed.status}: ${await placed.text()}`);
  await placed.text();
  return { add: added.headers.get("server-timing"), checkout: placed.headers.get("server-timing") };
}

try {
  await buy(); // warm caches and prepared plans
  await new Promise((r) => setTimeout(r, 300));
  const from = statSync(logFile).size;
  const t0 = performance.now();
  const timing = await buy();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  const text = readFileSync(logFile).subarray(from).toString("utf8");
  // Entries start with a timestamp; keep ours (…@dbname), statement entries only.
  const entries = text.split(/\n(?=\d{4}-\d\d-\d\d )/).filter((e) => e.includes(`@${dbName} `) && /duration: [\d.]+ ms/.test(e));
  // The extended protocol logs parse, bind and execute of each statement: count executions, add up all three.
  let total = 0;
  let phases = 0;
  const executed: { duration: number; statement: string }[] = [];
  for (const e of entries) {
    const duration = Number(/duration: ([\d.]+) ms/.exec(e)?.[1] ?? 0);
    const kind = /duration: [\d.]+ ms\s+(statement|execute|bind|parse)/.exec(e)?.[1];
    total += duration;
    phases += duration;
    if (kind !== "statement" && kind !== "execute") continue;
    const statement = e
      .replace(/^.*?duration: [\d.]+ ms\s+(statement|execute [^:]*):\s*/s, "")
      .replace(/\s+/g, " ")
      .slice(0, 150);
    executed.push({ duration: phases, statement });
    phases = 0;
  }
  console.log(
    `One add to cart + GET /api/v1/checkout + one checkout: ${executed.length} statements (Server-Timing ${JSON.stringify(timing)})\n`,
  );
  for (const [i, x] of executed.entries())
    console.log(`${String(i + 1).padStart(3)}  ${x.duration.toFixed(3).padStart(8)} ms  ${x.statement}`);
  console.log(
    `\nServer-side total ${total.toFixed(1)} ms (parse + bind + execute) of ${ms.toFixed(1)} ms wall time for the three requests.`,
  );
} finally {
  await server.stop();
}
