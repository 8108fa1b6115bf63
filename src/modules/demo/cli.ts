// `npm run seed [-- --products N]`: creates the demo store (when there is no default tenant yet)
// and optionally adds N generated products to the default tenant.

import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ConfigError, loadConfig } from "../../platform/config.ts";
import { openDatabase, runMigrations } from "../../platform/db/index.ts";
import { createStorage } from "../../platform/storage/index.ts";
import { DEMO_HOSTS } from "./data.ts";
import { generateCatalog, seedDemoStore } from "./seed.ts";

const HELP = `Usage: npm run seed [-- options]

Creates the demo store "Kervan Demo Mağaza" as the default tenant (skipped when a default
tenant already exists), then optionally adds generated products to the default tenant.

Options:
  --products N   also generate N products (e.g. 100000) with shared pictures
  --seed N       random seed for generated products (default depends on the catalog size)
  --avif         also store AVIF pictures for the demo products (slower)
  -h, --help     show this help

Reads the same environment as the server (DATABASE_URL, DATA_DIR, STORAGE_*, PUBLIC_URL).`;

export interface CliArgs {
  help: boolean;
  products: number;
  seed?: number;
  avif: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function parseCount(flag: string, value: string | undefined): number {
  if (value === undefined || value.startsWith("-")) throw new UsageError(`${flag} needs a number, e.g. ${flag} 1000`);
  const cleaned = value.replace(/[_.,](?=\d{3}(\D|$))/g, "");
  if (!/^\d+$/.test(cleaned)) throw new UsageError(`${flag} expects a whole number, got "${value}"`);
  const n = Number(cleaned);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag} is too large: ${value}`);
  return n;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { help: false, products: 0, avif: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const [flag, inline] =
      raw.startsWith("--") && raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "--products":
        args.products = parseCount("--products", value());
        break;
      case "--seed":
        args.seed = parseCount("--seed", value());
        break;
      case "--avif":
        args.avif = true;
        break;
      default:
        throw new UsageError(`unknown option "${raw}" (see --help)`);
    }
  }
  return args;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs the seed command; returns the process exit code. */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  out: Pick<Console, "log" | "error"> = console,
): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    out.error(`seed: ${(error as Error).message}`);
    return 2;
  }
  if (args.help) {
    out.log(HELP);
    return 0;
  }
  const started = performance.now();
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const config = loadConfig();
    database = await openDatabase({ url: config.database.url, dataDir: config.dataDir, poolSize: config.database.poolSize });
    await runMigrations(database);
    const storage = createStorage(config.storage, { mediaBaseUrl: config.publicUrl });
    const where = database.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
    out.log(`seed: database ${where}, storage ${config.storage.driver}`);
    const log = (message: string) => out.log(`  ${message}`);

    const publicHost = new URL(config.publicUrl).hostname.toLowerCase();
    const hosts = [...new Set<string>([...DEMO_HOSTS, publicHost])];
    const demo = await seedDemoStore({ db: database.db, storage, log, hosts, avif: args.avif });
    if (demo.created) {
      out.log(`seed: demo store created: ${demo.products} products, ${demo.images} pictures (${seconds(demo.ms)})`);
    } else {
      out.log("seed: a default store already exists; demo store not created again");
    }

    if (args.products > 0) {
      const generated = await generateCatalog({
        db: database.db,
        storage,
        tenantId: demo.tenantId,
        count: args.products,
        seed: args.seed,
        log,
      });
      const rate = generated.ms > 0 ? Math.round((generated.products / generated.ms) * 1000) : generated.products;
      out.log(`seed: generated ${generated.products} products, ${generated.images} picture rows (${seconds(generated.ms)}, ${rate}/s)`);
    }
    out.log(`seed: done in ${seconds(performance.now() - started)}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) out.error(`seed: ${error.message}`);
    else out.error(`seed failed: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  } finally {
    await database?.close().catch(() => {});
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main();
}
