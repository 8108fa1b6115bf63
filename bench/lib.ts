// Shared by the benches (bench/run.ts, bench/checkout.ts): the database, seeding, starting the real
// server and percentiles.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export const root = path.resolve(import.meta.dirname, "..");
export const node = process.execPath;
export const nodeFlags = ["--disable-warning=ExperimentalWarning"];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await client.query(`create database "${name.replaceAll('"', "")}"`);
  // Tuned for SSDs, as docs/operations.md recommends: with the default 4 the planner prefers
  // sequential scans over the search and listing indexes.
  await client.query(`alter database "${name.replaceAll('"', "")}" set random_page_cost = 1.1`);
  await client.end();
}

export async function productCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("select count(*)::int as n from products");
    return r.rows[0].n as number;
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

export function seed(env: NodeJS.ProcessEnv, extra: number) {
  const argv = [...nodeFlags, path.join(root, "src/modules/demo/cli.ts"), ...(extra > 0 ? ["--products", String(extra)] : [])];
  const r = spawnSync(node, argv, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`seeding failed (exit ${r.status})`);
}

/** Creates the database when missing and seeds it up to `products` (the demo store plus generated products). */
export async function seededDatabase(url: string, env: NodeJS.ProcessEnv, products: number): Promise<number> {
  await ensureDatabase(url);
  const have = await productCount(url);
  if (have < products) {
    console.log(`Seeding: ${have} products present, generating ${products - (have || 64)} more…`);
    const t = performance.now();
    seed(env, have === 0 ? Math.max(0, products - 64) : products - have);
    console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return productCount(url);
}

export interface Server {
  child: ChildProcess;
  url: string;
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * Starts `node src/server/main.ts` on a free port and waits until `readyPath` answers 2xx (the home
 * page by default). The server's log (stdout) is dropped unless `logFile` names a file for it.
 */
export async function startServer(env: NodeJS.ProcessEnv, options: { readyPath?: string; logFile?: string } = {}): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const out = options.logFile ? openSync(options.logFile, "w") : "ignore";
  const child = spawn(node, [...nodeFlags, path.join(root, "src/server/main.ts")], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url },
    stdio: ["ignore", out, "inherit"],
  });
  if (typeof out === "number") closeSync(out);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}${options.readyPath ?? "/"}`);
      if (res.ok) {
        await res.text();
        break;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`server did not start within 60 s (${options.readyPath ?? "/"} never answered 2xx)`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = Math.round(performance.now() - t0);
  return {
    child,
    url,
    startupMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
/** The p-th percentile of ascending `sorted` (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
