import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";

export { schema };
export type Schema = typeof schema;
/** A database handle or an open transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../migrations");

/** Counts SQL statements per async context (a request, a test) so tests can assert on them. */
export interface StatementCount {
  count: number;
  sql: string[];
}
const statementCounter = new AsyncLocalStorage<StatementCount>();
const countingLogger: Logger = {
  logQuery(query) {
    const store = statementCounter.getStore();
    if (store) {
      store.count++;
      store.sql.push(query);
    }
  },
};
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; sql: string[] }> {
  const store: StatementCount = { count: 0, sql: [] };
  const result = await statementCounter.run(store, fn);
  return { result, count: store.count, sql: store.sql };
}
/**
 * Runs `fn` counting the statements it causes, joining the count already running (a test's
 * countStatements around a request) if there is one; `fn` gets the count being added to.
 */
export function withStatementCount(fn: (count: StatementCount) => void): void {
  const current = statementCounter.getStore();
  if (current) {
    fn(current);
    return;
  }
  const store: StatementCount = { count: 0, sql: [] };
  statementCounter.run(store, () => fn(store));
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The raw PGlite instance (embedded mode) — needed by pg-boss. */
  pglite?: PGlite;
  /** The pg pool (PostgreSQL mode). */
  pool?: pg.Pool;
  /** Runs a plain SQL statement with positional parameters. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** Where PGlite keeps its files; `memory://` for a throw-away database. */
  dataDir: string;
  poolSize?: number;
}

// Return BIGINT (count(*) etc.) as JS numbers on the pg driver, as PGlite does.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on("error", () => {
      // idle client errors (server restart) surface on the next query instead of crashing the process
    });
    const db = drizzleNodePg({ client: pool, schema, logger: countingLogger }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      pool,
      async query(text, params) {
        return (await pool.query(text, params as unknown[])).rows;
      },
      close: () => pool.end(),
    };
  }
  let pgliteDir = options.dataDir;
  if (!pgliteDir.startsWith("memory://")) {
    pgliteDir = path.join(options.dataDir, "pglite");
    mkdirSync(pgliteDir, { recursive: true });
  }
  // PGlite's default 128 MB of shared buffers would double the process's memory; the files
  // themselves stay in the OS page cache.
  // pg_trgm backs catalog search (typo tolerance, admin title search); migrations create it.
  const client = await PGlite.create(pgliteDir, { postgresqlconf: "shared_buffers = 16MB", extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, logger: countingLogger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never;
    },
    close: () => client.close(),
  };
}

/** Applies the SQL migrations in `migrations/`; safe to run on every start. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === "postgres") {
    // One migrator at a time across processes starting together.
    const client = await (database.pool as pg.Pool).connect();
    try {
      await client.query("select pg_advisory_lock(727274)");
      await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock(727274)").catch(() => {});
      client.release();
    }
  } else {
    await migratePglite(drizzlePglite({ client: database.pglite as PGlite }), { migrationsFolder });
  }
}
