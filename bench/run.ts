// Load benchmark: Kervan on PostgreSQL with a generated catalog, measured with autocannon.
//   npm run bench -- [--products 10000] [--duration 15] [--connections 32] [--database-url postgres://…]
// Prints req/s and p50/p95/p99 latency per scenario, start-up time on a seeded PGlite and idle
// RSS, and writes them to bench/results/<date>-<products>.json and bench/results/latest.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { percentile, root, round1, rssMb, seed, seededDatabase, startServer } from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    products: { type: "string", default: "10000" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "32" },
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kervan_bench" },
    "skip-startup": { type: "boolean", default: false },
  },
});
const products = Number(args.products);
const duration = Number(args.duration);
const connections = Number(args.connections);
const databaseUrl = args["database-url"] as string;

interface Scenario {
  name: string;
  path: string;
  connections: number;
  target: { rps?: number; p95?: number };
  /** e.g. a session cookie for signed-in pages */
  headers?: Record<string, string>;
  /** Paths to pick from at random per request (defeats result caches); `path` names the scenario in reports. */
  paths?: string[];
}

async function load(base: string, scenario: Scenario) {
  const { paths } = scenario;
  const requests: autocannon.Request[] | undefined = paths
    ? [{ setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] as string }) }]
    : undefined;
  // Warm up caches and JIT, then measure.
  await autocannon({ url: base + scenario.path, connections: scenario.connections, duration: 3, headers: scenario.headers, requests });
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base + scenario.path, connections: scenario.connections, duration, headers: scenario.headers, requests },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // autocannon reports p97.5 but not p95: keep every 2xx latency and compute exact percentiles.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    name: scenario.name,
    path: scenario.path,
    connections: scenario.connections,
    durationS: duration,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    p99: round1(percentile(latencies, 99)),
    errors: non2xx,
    target: scenario.target,
    pass:
      non2xx === 0 &&
      (scenario.target.rps === undefined || result.requests.average >= scenario.target.rps) &&
      (scenario.target.p95 === undefined || percentile(latencies, 95) <= scenario.target.p95),
  };
}

const DEMO_ADMIN_PASSWORD = "bench-admin-password-2026";

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  SECRET: "bench-secret-bench-secret-bench-secret-0123",
  // The load comes from one IP; the limiter is exercised by its own tests.
  RATE_LIMIT_MAX: "100000000",
  SEED_DEMO: "true",
  DEMO_ADMIN_PASSWORD,
};

/** The demo admin's session cookie, for the admin API. */
async function staffCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "admin@kervan.test", password: DEMO_ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench admin sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";", 1)[0])
    .join("; ");
}

/** Search texts from the catalog's own titles: whole words, ASCII-typed words, prefixes and one-letter typos. */
async function searchQueries(base: string): Promise<string[]> {
  const sample = await (await fetch(`${base}/api/v1/products?perPage=100&sort=best-selling`)).json();
  const words = [
    ...new Set<string>(sample.items.flatMap((p: { title: string }) => p.title.toLocaleLowerCase("tr-TR").split(/\s+/))),
  ].filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w));
  const fold = (w: string) =>
    w.replace(/ı/g, "i").replace(/ş/g, "s").replace(/ğ/g, "g").replace(/ü/g, "u").replace(/ö/g, "o").replace(/ç/g, "c");
  return words.slice(0, 60).flatMap((w, i) => [w, fold(w), w.slice(0, 3 + (i % 3)), w.slice(0, 2) + w.slice(3)]);
}

/** A verified customer's session cookie: signed-in pages skip the page cache and render per person. */
async function customerCookie(base: string, url: string): Promise<string> {
  const email = "bench.musteri@example.com";
  const password = "Bench-Musteri-Sifre-2026";
  const post = (path: string, body: object) =>
    fetch(base + path, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify(body) });
  await post("/api/auth/sign-up/email", { email, password, name: "Bench Müşteri", acceptTerms: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("update users set email_verified = true where email = $1", [email]);
  await client.end();
  const res = await post("/api/auth/sign-in/email", { email, password });
  if (!res.ok) throw new Error(`bench customer sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";", 1)[0])
    .join("; ");
}

async function main() {
  const started = new Date();
  console.log(`Kervan benchmark — ${products} products, ${connections} connections, ${duration} s per scenario`);
  // Media of the seeded catalog must outlive one run, like the database it belongs to.
  const pgEnv = { ...baseEnv, DATABASE_URL: databaseUrl, DATA_DIR: path.join(os.tmpdir(), "kervan-bench-data") };
  const total = await seededDatabase(databaseUrl, pgEnv, products);

  const server = await startServer(pgEnv);
  await new Promise((r) => setTimeout(r, 3_000));
  const pgIdleRssMb = rssMb(server.child.pid as number);
  const firstCategory = await (await fetch(`${server.url}/api/v1/categories`)).json();
  const categorySlug: string = firstCategory.items[0]?.slug ?? "";
  const sample = await (await fetch(`${server.url}/api/v1/products?perPage=1&sort=best-selling`)).json();
  const facetSample = await (await fetch(`${server.url}/api/v1/products?perPage=1&category=${categorySlug}&facets=true`)).json();
  const topBrand: string = facetSample.facets?.brands[0]?.slug ?? "";
  // Two facet filters (brand and in stock) with facet counts, as a category page sends them.
  const facetPath = `/api/v1/products?perPage=24&category=${categorySlug}&facets=true&brands=${topBrand}&inStock=true`;
  const scenarios: Scenario[] = [
    { name: "home page (SSR)", path: "/", connections, target: { rps: 1000, p95: 50 } },
    { name: "category page (SSR)", path: `/kategori/${categorySlug}`, connections, target: {} },
    { name: "product page (SSR)", path: `/urun/${sample.items[0]?.slug}`, connections, target: { rps: 1500, p95: 40 } },
    { name: "product API", path: `/api/v1/products/${sample.items[0]?.slug}`, connections, target: {} },
    { name: "listing API (24 items, two facets)", path: facetPath, connections, target: { rps: 1500, p95: 40 } },
    { name: "product list API (24 items)", path: "/api/v1/products?perPage=24", connections, target: {} },
  ];
  const queries = await searchQueries(server.url);
  scenarios.push({
    name: "search API, default 30 s result cache (varied words, typos)",
    path: "/api/v1/products?perPage=24&q=…",
    paths: queries.map((q) => `/api/v1/products?perPage=24&q=${encodeURIComponent(q)}`),
    connections: 8,
    target: { p95: 30 },
  });
  const cookie = await customerCookie(server.url, databaseUrl);
  const staff = await staffCookie(server.url);
  scenarios.push(
    {
      name: "product page, signed in (no page cache)",
      path: `/urun/${sample.items[0]?.slug}`,
      connections,
      target: {},
      headers: { cookie },
    },
    { name: "My account, signed in", path: "/hesap", connections, target: {}, headers: { cookie } },
    {
      name: "admin product list (50 rows, varied)",
      path: "/api/admin/products?perPage=50",
      paths: [
        ...Array.from({ length: 20 }, (_, i) => `/api/admin/products?perPage=50&page=${i + 1}`),
        "/api/admin/products?perPage=50&status=active&stock=low",
        "/api/admin/products?perPage=50&sort=price-desc",
        "/api/admin/products?perPage=50&q=kulakl%C4%B1k",
        "/api/admin/products?perPage=50&q=%C3%A7anta",
        "/api/admin/products?perPage=50&q=tencere&status=active",
      ],
      connections: 8,
      target: { p95: 300 },
      headers: { cookie: staff },
    },
  );
  const results = [];
  for (const scenario of scenarios) {
    const r = await load(server.url, scenario);
    results.push(r);
    console.log(
      `  ${r.name.padEnd(36)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}${r.target.rps ? (r.pass ? "  ✓ target" : "  ✗ target") : ""}`,
    );
  }
  const pgRssAfterLoadMb = rssMb(server.child.pid as number);
  await server.stop();
  console.log(`  idle RSS on PostgreSQL: ${pgIdleRssMb} MB (target ≤ 250); after the load: ${pgRssAfterLoadMb} MB`);

  // The same home page rendered for every request: what the page cache saves.
  const uncachedServer = await startServer({ ...pgEnv, PAGE_CACHE_SECONDS: "0", CATALOG_CACHE_SECONDS: "0" });
  const uncachedScenarios: Scenario[] = [
    { name: "home page (SSR, page cache off)", path: "/", connections, target: {} },
    {
      name: "listing API, no result cache (varied pages, sorts)",
      path: facetPath,
      paths: Array.from(
        { length: 200 },
        (_, i) => `${facetPath}&page=${1 + (i % 20)}&sort=${["newest", "price-asc", "price-desc", "best-selling"][i % 4]}`,
      ),
      connections,
      target: {},
    },
    {
      name: "search API, no result cache (varied words, typos)",
      path: "/api/v1/products?perPage=24&q=…",
      paths: queries.map((q) => `/api/v1/products?perPage=24&q=${encodeURIComponent(q)}`),
      connections: 8,
      target: { p95: 30 },
    },
    {
      name: "search suggestions (own 60 s cache)",
      path: "/api/v1/search/suggestions?q=…",
      paths: queries.map((q) => `/api/v1/search/suggestions?q=${encodeURIComponent(q.slice(0, 4))}`),
      connections: 8,
      target: {},
    },
  ];
  for (const scenario of uncachedScenarios) {
    const r = await load(uncachedServer.url, scenario);
    results.push(r);
    console.log(
      `  ${r.name.padEnd(36)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}${r.target.p95 ? (r.pass ? "  ✓ target" : "  ✗ target") : ""}`,
    );
  }
  await uncachedServer.stop();

  let startup: { pgliteFirstPageMs: number; idleRssMb: number } | undefined;
  if (!args["skip-startup"]) {
    // Start-up to first page and idle memory, on an already-seeded embedded database.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "kervan-bench-pglite-"));
    const liteEnv = { ...baseEnv, DATA_DIR: dataDir, DATABASE_URL: "" };
    seed(liteEnv, 0);
    const lite = await startServer(liteEnv);
    await new Promise((r) => setTimeout(r, 5_000));
    startup = { pgliteFirstPageMs: lite.startupMs, idleRssMb: rssMb(lite.child.pid as number) };
    await lite.stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`  start-up to first page (seeded PGlite): ${startup.pgliteFirstPageMs} ms (target ≤ 3000)`);
    console.log(`  idle RSS with PGlite (the database engine runs in-process): ${startup.idleRssMb} MB`);
  }

  const report = {
    date: started.toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    database: "postgres",
    products: total,
    results,
    memory: { pgIdleRssMb, pgRssAfterLoadMb },
    startup,
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const stamp = started.toISOString().slice(0, 10);
  writeFileSync(path.join(root, `bench/results/${stamp}-${total}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    `# Benchmark ${started.toISOString()}`,
    "",
    `PostgreSQL, ${total} products, ${os.cpus().length} CPUs, Node ${process.version}; autocannon on the same machine, ${duration} s per scenario after a 3 s warm-up.`,
    "",
    "| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | errors |",
    "|---|---|---|---|---|---|---|",
    ...results.map((r) => `| ${r.name} | ${r.connections} | ${r.reqPerSec} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`),
    "",
    `Idle RSS on PostgreSQL: ${pgIdleRssMb} MB; after the load: ${pgRssAfterLoadMb} MB.`,
    "",
    ...(startup
      ? [
          `Start-up to first page on a seeded PGlite: ${startup.pgliteFirstPageMs} ms. Idle RSS with PGlite (the database engine runs in-process): ${startup.idleRssMb} MB.`,
          "",
        ]
      : []),
  ].join("\n");
  writeFileSync(path.join(root, `bench/results/latest-${total >= 100_000 ? "100k" : "10k"}.md`), md);
  console.log(`\nWritten to bench/results/${stamp}-${total}.json`);
}

await main();
