// `npm run db:migrate`: applies pending SQL migrations to the configured database and exits.
import { ConfigError, loadConfig } from "../platform/config.ts";
import { openDatabase, runMigrations } from "../platform/db/index.ts";

try {
  const config = loadConfig();
  const database = await openDatabase({ url: config.database.url, dataDir: config.dataDir });
  const started = performance.now();
  await runMigrations(database);
  await database.close();
  console.log(
    `Migrations applied to ${database.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.dataDir}`} in ${Math.round(performance.now() - started)} ms.`,
  );
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
