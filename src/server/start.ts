// Start-up: configuration, database, demo data on first start, HTTP server, jobs (see main.ts).
import { projectMissing, scheduleCatalogJobs } from "../modules/catalog/projection.ts";
import { scheduleOrderJobs } from "../modules/orders/jobs.ts";
import { schedulePendingQueue } from "../modules/orders/pending-queue.ts";
import { ConfigError, loadConfig } from "../platform/config.ts";
import { buildApp } from "./app.ts";
import { prepareDemo } from "./demo.ts";
import { createKernel, createLogger } from "./kernel.ts";
import { webExtras } from "./web-context.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`\nKervan cannot start: ${err.message}\nSee docs/configuration.md for every setting.\n`);
    process.exit(1);
  }
  throw err;
}

const log = createLogger(config);
const kernel = await createKernel(config, { log });
// Database work (demo check) and loading the web build overlap.
const [demo, extras] = await Promise.all([config.seedDemo ? prepareDemo(kernel) : null, webExtras(kernel)]);
const app = await buildApp(kernel, extras);
// Products without a read-model row (an upgrade, a lost job) are projected before serving.
const projected = await projectMissing(kernel.db, { cache: kernel.cache });
if (projected > 0) log.info({ products: projected }, "catalog: projected products missing from the read model");
await scheduleCatalogJobs(kernel.jobs);
await schedulePendingQueue(kernel.jobs);
await kernel.jobs.start();
// Also releases, right away, reservations that ran out while the process was down.
await scheduleOrderJobs(kernel.jobs);
await app.listen({ port: config.port, host: config.host });
// Load the identity layer now, in the background, rather than on the first sign-in.
kernel.auth().catch((err) => log.error({ err }, "could not load the auth layer"));

const url = config.publicUrl;
const lines = [
  "",
  `  Kervan is running (${kernel.database.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.dataDir}`}) — ready in ${Math.round(performance.now())} ms`,
  `  Storefront:  ${url}/`,
  `  Admin:       ${url}/admin`,
  `  API docs:    ${url}/api/docs`,
  ...(demo
    ? [`  Demo admin:     ${demo.email} / ${demo.password}`, `  Demo customer:  ${demo.customerEmail} / ${demo.password}  (${url}/giris)`]
    : []),
  "",
];
console.log(lines.join("\n"));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  kernel.state.shuttingDown = true;
  log.info({ signal }, "shutting down: finishing in-flight requests and jobs");
  const force = setTimeout(() => {
    log.error("shutdown took too long; exiting");
    process.exit(1);
  }, config.shutdownTimeoutMs + 5_000);
  force.unref();
  try {
    await app.close();
    await kernel.close();
    log.info("stopped cleanly");
    process.exit(0);
  } catch (err) {
    log.error({ err }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
