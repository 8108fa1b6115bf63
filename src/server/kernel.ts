import type { Redis } from "ioredis";
import pino, { type Logger } from "pino";
import { type Access, type BearerAuthenticator, createAccess } from "../modules/accounts/access.ts";
import type { AuthProvider } from "../modules/accounts/auth.ts";
import { lazyAuth } from "../modules/accounts/lazy.ts";
import { createBearerAuthenticator } from "../modules/api-access/bearer.ts";
import { registerCatalogJobs } from "../modules/catalog/projection.ts";
import { registerAccountJobs } from "../modules/customers/account.ts";
import { registerMediaJobs } from "../modules/media/video-job.ts";
import { registerOrderJobs } from "../modules/orders/jobs.ts";
import { registerPendingQueueJobs } from "../modules/orders/pending-queue.ts";
import { createGateways } from "../modules/payments/gateways.ts";
import { type Gateways, registerPaymentJobs } from "../modules/payments/service.ts";
import { createTenantResolver, normalizeHost, type TenantResolver } from "../modules/tenants/service.ts";
import { createMemoCache, type MemoCache } from "../platform/cache.ts";
import type { Config } from "../platform/config.ts";
import { type Database, type Db, openDatabase, runMigrations } from "../platform/db/index.ts";
import { createEventBus, type EventBus } from "../platform/events.ts";
import { createJobs } from "../platform/jobs/index.ts";
import type { Jobs } from "../platform/jobs/types.ts";
import { createMailer } from "../platform/mail/index.ts";
import type { Mailer } from "../platform/mail/types.ts";
import { createStorage } from "../platform/storage/index.ts";
import type { Storage } from "../platform/storage/types.ts";
import { PageCache } from "./page-cache.ts";

/** Everything a running Kervan process holds: created once at start, closed at shutdown. */
export interface Kernel {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  storage: Storage;
  mailer: Mailer;
  jobs: Jobs;
  cache: MemoCache;
  /** Rendered anonymous pages; cleared with `cache.invalidate("tenant:<id>:")`. */
  pageCache: PageCache;
  tenants: TenantResolver;
  /** better-auth, loaded on first use (warmed up right after the server listens). */
  auth: AuthProvider;
  redis?: Redis;
  /** Live updates (orders) across this process, and across processes through Redis. */
  events: EventBus;
  /** Card gateways with credentials on this installation. */
  gateways: Gateways;
  mediaUrl: (key: string) => string;
  /** Origin of media when served from S3/CDN, for the CSP. */
  mediaOrigin?: string;
  /** Permission guards for admin routes: `access.require("catalog:write")`. */
  access: Access;
  state: { shuttingDown: boolean };
  close(): Promise<void>;
}

/** Query parameters that carry secrets (reset, verification and invitation links; OAuth callbacks). */
const SECRET_PARAMS = /([?&](?:token|code|state|refreshToken)=)[^&#]*/gi;

/** The URL as logs may show it: secret query values replaced by `[hidden]`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, "$1[hidden]");
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function createLogger(config: Pick<Config, "logLevel" | "env">, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'], remove: true },
      serializers: {
        // Fastify's request serializer, with secrets taken out of the query string
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: redactUrl(req.url),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    destination,
  );
}

export interface KernelOptions {
  log?: Logger;
  database?: Database;
  /** Verifies bearer JWTs and API keys (default: src/modules/api-access/bearer.ts). */
  bearer?: BearerAuthenticator;
  /** Card gateways (default: from the configuration); tests pass adapters pointed at local servers. */
  gateways?: Gateways;
}

export async function createKernel(config: Config, options: KernelOptions = {}): Promise<Kernel> {
  const log = options.log ?? createLogger(config);
  const database =
    options.database ?? (await openDatabase({ url: config.database.url, dataDir: config.dataDir, poolSize: config.database.poolSize }));
  await runMigrations(database);
  const storage = createStorage(config.storage, { mediaBaseUrl: "" });
  const mailer = createMailer({
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    db: database.db,
    log,
    keepSecretsInOutbox: config.env !== "production",
  });
  const jobs = createJobs({ database, log, worker: config.jobsWorker });
  registerAccountJobs(jobs, database.db);
  const redis = config.redisUrl ? new (await import("ioredis")).Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const pageCache = new PageCache({ ttlMs: config.pageCacheSeconds * 1000 });
  const cache = createMemoCache({ onInvalidate: (prefix) => pageCache.invalidate(prefix) });
  registerCatalogJobs(jobs, { db: database.db, cache });
  registerMediaJobs(jobs, { db: database.db, storage, config: config.media, log });
  const events = createEventBus({ redis });
  const gateways = options.gateways ?? createGateways(config.gateways);
  registerPaymentJobs(jobs, { db: database.db, events, gateways });
  registerOrderJobs(jobs, {
    db: database.db,
    events,
    cache,
    mailer,
    log,
    secret: config.secrets[0] as string,
    publicUrl: config.publicUrl,
  });
  registerPendingQueueJobs(jobs, { db: database.db, events, log });
  const tenants = createTenantResolver(database.db);
  const state = { shuttingDown: false };
  const auth = lazyAuth({
    db: database.db,
    secret: config.secrets[0] as string,
    baseUrl: config.publicUrl,
    mailer,
    log,
    config: config.auth,
    rateLimit: config.auth.rateLimit,
    // Cookie-carrying auth POSTs are accepted from the installation's URL and from any host
    // that serves one of its stores.
    trustedOrigins: async (request) => {
      const origin = request?.headers.get("origin");
      if (!origin) return [];
      try {
        return (await tenants.resolve(normalizeHost(new URL(origin).host))) ? [origin] : [];
      } catch {
        return [];
      }
    },
  });
  const access = createAccess({
    auth,
    db: database.db,
    bearer: options.bearer ?? createBearerAuthenticator({ db: database.db, secrets: config.secrets }),
    requiresStaffTwoFactor: (request) => request.tenant.settings.requireStaffTwoFactor === true,
  });
  const mediaOrigin = config.storage.driver === "s3" && config.storage.publicUrl ? new URL(config.storage.publicUrl).origin : undefined;

  return {
    config,
    log,
    database,
    db: database.db,
    storage,
    mailer,
    jobs,
    cache,
    pageCache,
    tenants,
    auth,
    redis,
    events,
    gateways,
    mediaUrl: (key) => storage.publicUrl(key),
    mediaOrigin,
    access,
    state,
    async close() {
      await jobs.stop({ timeoutMs: config.shutdownTimeoutMs });
      await events.close();
      await mailer.close();
      if ("destroy" in storage && typeof storage.destroy === "function") storage.destroy();
      redis?.disconnect();
      await database.close();
    },
  };
}
