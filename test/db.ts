import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase, runMigrations } from "../src/platform/db/index.ts";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * PostgreSQL database (dropped afterwards) on the server named by DATABASE_URL.
 */
export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: "memory://" });
    await runMigrations(database);
    return { ...database, drop: () => database.close() };
  }
  const name = `kervan_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString(), dataDir: "", poolSize: 10 });
  await runMigrations(database);
  return {
    ...database,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
