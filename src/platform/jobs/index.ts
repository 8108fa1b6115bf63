import { sql } from "drizzle-orm";
import { type ConstructorOptions, type DrizzleTransactionLike, fromDrizzle, fromPglite, PgBoss, type SendOptions } from "pg-boss";
import type { Database, Db } from "../db/index.ts";
import type { JobContext, JobHandler, JobOptions, Jobs, RegisterOptions } from "./types.ts";

export type { JobContext, JobHandler, JobOptions, Jobs, QueuePolicy, RegisterOptions } from "./types.ts";

/** The subset of a pino logger the job runner writes to. */
export interface JobsLogger {
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type SendJobOptions = JobOptions & {
  /** The business transaction to enqueue in: the job exists only if it commits. */
  tx?: Db;
};

export interface CreateJobsOptions {
  database: Database;
  log?: JobsLogger;
  /** Run handlers, cron schedules and queue maintenance in this process. */
  worker: boolean;
  /** Postgres schema pg-boss keeps its tables in. Default `pgboss`. */
  schema?: string;
  /** How often an idle worker looks for new jobs, in seconds (>= 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /**
   * How often the cron pass runs and forwards due schedules, in seconds (1..45). Default: pg-boss's
   * own (a pass every 30 s, forwarding every 5 s). Tests use 1.
   */
  cronIntervalSeconds?: number;
  /** PostgreSQL only: connections in pg-boss's own pool. Default 4. */
  poolSize?: number;
  /** PostgreSQL only: where pg-boss connects. Default: the connection string of `database.pool`. */
  connectionString?: string;
}

/** A `Jobs` with a few extras for operations and tests. */
export interface JobRunner extends Jobs {
  /** The schema pg-boss's tables live in. */
  readonly schema: string;
  /** The pg-boss instance, for operations the interface does not cover (queue stats, redrive). */
  readonly boss: PgBoss;
}

/** Options pg-boss applies to a queue when none are given: every queue is brought back to these. */
const QUEUE_DEFAULTS = { retryLimit: 2, retryDelay: 0, retryBackoff: false, expireInSeconds: 15 * 60 } as const;
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

interface Registration {
  name: string;
  handler: JobHandler<unknown>;
  options: RegisterOptions;
}

const consoleLogger: JobsLogger = {
  info: (obj, msg) => console.info(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

/**
 * The background job runner: pg-boss on the application's own database (the same PGlite instance in
 * embedded mode, a small dedicated pool on PostgreSQL).
 *
 * Every process calls `register()` for the queues it sends to or works, then `start()`. Only a
 * process created with `worker: true` runs handlers, cron schedules and queue maintenance.
 *
 * Inside a transaction, always pass it: `send(name, data, { tx })`. On PGlite (one connection) a
 * send without `tx` from inside an open transaction waits for the transaction to end, which waits
 * for the send: a deadlock. (On PostgreSQL it would merely enqueue outside the transaction.)
 */
export function createJobs(options: CreateJobsOptions): JobRunner {
  const { database, worker } = options;
  const log = options.log ?? consoleLogger;
  const schema = options.schema ?? "pgboss";
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const WORK_BATCH = 5;

  const common: ConstructorOptions = {
    schema,
    migrate: true,
    // Maintenance (expiring, retention) and the cron pass run only where handlers run.
    supervise: worker,
    schedule: worker,
    ...(options.cronIntervalSeconds
      ? { cronMonitorIntervalSeconds: options.cronIntervalSeconds, cronWorkerIntervalSeconds: options.cronIntervalSeconds }
      : {}),
  };
  let boss: PgBoss;
  if (database.kind === "pglite") {
    if (!database.pglite) throw new Error("jobs: the PGlite database has no `pglite` instance");
    // Through the application's own PGlite instance (one connection, no second copy of the data
    // directory). pg-boss never closes a `db` it was handed.
    boss = new PgBoss({ ...common, backend: "pglite", db: fromPglite(database.pglite) });
  } else {
    const pool = database.pool;
    const connectionString = options.connectionString ?? pool?.options.connectionString;
    if (!connectionString) throw new Error("jobs: no connection string for PostgreSQL (pass `connectionString`)");
    // A pool of its own, so polling and maintenance never wait behind request traffic (and vice
    // versa), and stop() closes only what pg-boss opened.
    boss = new PgBoss({
      ...common,
      backend: "postgres",
      connectionString,
      ...(pool?.options.ssl !== undefined ? { ssl: pool.options.ssl } : {}),
      max: options.poolSize ?? 4,
      application_name: "kervan-jobs",
    });
  }
  boss.on("error", (err) => log.error({ err }, "jobs: pg-boss error"));
  boss.on("warning", (warning) => log.warn({ warning: warning.data }, `jobs: ${warning.message}`));

  const registrations = new Map<string, Registration>();
  const pendingSchedules: { name: string; cron: string; data: unknown }[] = [];
  let state: "created" | "starting" | "started" | "stopping" | "stopped" = "created";
  let starting: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;
  let inFlight = 0;

  function assertRegistered(name: string, verb: string): void {
    if (!registrations.has(name)) {
      throw new Error(`jobs: cannot ${verb} "${name}": no queue of that name is registered (call jobs.register() before start())`);
    }
  }

  function queueOptions(opts: JobOptions) {
    return {
      retryLimit: opts.retryLimit ?? QUEUE_DEFAULTS.retryLimit,
      retryDelay: opts.retryDelay ?? QUEUE_DEFAULTS.retryDelay,
      retryBackoff: opts.retryBackoff ?? QUEUE_DEFAULTS.retryBackoff,
      expireInSeconds: opts.expireInSeconds ?? QUEUE_DEFAULTS.expireInSeconds,
    };
  }

  function sendOptions(opts: JobOptions): SendOptions {
    const out: SendOptions = {};
    if (opts.retryLimit !== undefined) out.retryLimit = opts.retryLimit;
    if (opts.retryDelay !== undefined) out.retryDelay = opts.retryDelay;
    if (opts.retryBackoff !== undefined) out.retryBackoff = opts.retryBackoff;
    if (opts.expireInSeconds !== undefined) out.expireInSeconds = opts.expireInSeconds;
    if (opts.startAfterSeconds !== undefined && opts.startAfterSeconds > 0) out.startAfter = opts.startAfterSeconds;
    if (opts.singletonKey !== undefined) out.singletonKey = opts.singletonKey;
    return out;
  }

  function assertCron(name: string, cron: string): void {
    if (cron.trim().split(/\s+/).length !== 5) {
      throw new Error(`jobs: schedule "${name}": expected a 5-field cron expression (minute hour day month weekday), got "${cron}"`);
    }
    boss.previewSchedule(cron, { count: 1, tz: "UTC" }); // throws on an invalid expression
  }

  async function applySchedule(name: string, cron: string, data: unknown): Promise<void> {
    await boss.schedule(name, cron, (data ?? null) as object | null, { tz: "UTC" });
  }

  /**
   * Each worker fetches up to BATCH jobs at a time and keeps fetching without pause while batches
   * come back full (a backlog drains at handler speed, not one job per polling interval). Jobs of
   * a batch run one after another and are settled one by one: a failure retries only that job.
   */
  async function work(reg: Registration): Promise<void> {
    await boss.work<unknown>(
      reg.name,
      {
        batchSize: WORK_BATCH,
        burstWhenBatchFull: true,
        perJobResults: true,
        localConcurrency: Math.max(1, reg.options.concurrency ?? 1),
        pollingIntervalSeconds,
      },
      async (batch) => {
        const results: { id: string; status: "completed" | "failed"; output?: unknown }[] = [];
        for (const job of batch) {
          const context: JobContext = { id: job.id, name: job.name, attempt: job.retryCount + 1 };
          const started = performance.now();
          inFlight++;
          try {
            await reg.handler(job.data, context);
            log.debug?.({ job: context, ms: Math.round(performance.now() - started) }, "jobs: job done");
            results.push({ id: job.id, status: "completed" });
          } catch (err) {
            log.warn({ err, job: context, ms: Math.round(performance.now() - started) }, "jobs: job failed");
            results.push({ id: job.id, status: "failed", output: { message: (err as Error)?.message ?? String(err) } });
          } finally {
            inFlight--;
          }
        }
        return results;
      },
    );
  }

  async function doStart(): Promise<void> {
    await boss.start();
    for (const reg of registrations.values()) {
      const opts = queueOptions(reg.options);
      const policy = reg.options.policy ?? "standard";
      await boss.createQueue(reg.name, { ...opts, policy }); // no-op when the queue exists...
      await boss.updateQueue(reg.name, opts); // ...so bring its options in line with the code
      const existing = await boss.getQueue(reg.name);
      if (existing?.policy !== policy) {
        throw new Error(
          `jobs: queue "${reg.name}" exists with policy "${existing?.policy}" but is registered with "${policy}"; ` +
            "a policy cannot change: rename the queue or delete the old one",
        );
      }
      // createQueue/updateQueue drop the queue from pg-boss's in-memory queue cache, and send() looks
      // a missing queue up on pg-boss's own connection. On PGlite (one connection) a send inside an
      // open transaction would wait for that lookup, and the lookup for the transaction: deadlock.
      // Any call that goes through the cache puts the queue back in it.
      await boss.findJobs(reg.name, { id: NIL_UUID });
    }
    for (const s of pendingSchedules.splice(0)) await applySchedule(s.name, s.cron, s.data);
    state = "started"; // before the first handler runs: handlers may send
    if (worker) {
      for (const reg of registrations.values()) await work(reg);
    }
    log.info({ queues: [...registrations.keys()], worker, schema, kind: database.kind }, "jobs: started");
  }

  const jobs: JobRunner = {
    schema,
    boss,

    register<T>(name: string, handler: JobHandler<T>, opts: RegisterOptions = {}): void {
      if (state !== "created") {
        throw new Error(`jobs: cannot register "${name}" after start(): register every queue before start()`);
      }
      if (registrations.has(name)) throw new Error(`jobs: queue "${name}" is registered twice`);
      if (!/^[\w.\-/]+$/.test(name)) {
        throw new Error(`jobs: invalid queue name "${name}" (letters, digits, _ . - / only)`);
      }
      registrations.set(name, { name, handler: handler as JobHandler<unknown>, options: opts });
    },

    async send<T>(name: string, data: T, opts: SendJobOptions = {}): Promise<string | null> {
      assertRegistered(name, "send to");
      if (state !== "started") {
        throw new Error(`jobs: cannot send to "${name}": jobs are ${state === "created" ? "not started" : state}`);
      }
      const { tx, ...jobOptions } = opts;
      const defaults = registrations.get(name)?.options ?? {};
      if ((jobOptions.singletonKey ?? defaults.singletonKey) !== undefined && (defaults.policy ?? "standard") === "standard") {
        throw new Error(`jobs: singletonKey on "${name}" needs the queue registered with policy "short", "stately" or "exclusive"`);
      }
      const send = sendOptions({ startAfterSeconds: defaults.startAfterSeconds, singletonKey: defaults.singletonKey, ...jobOptions });
      // In a business transaction: pg-boss's INSERT runs on the transaction's own connection, so it
      // commits or rolls back with it (outbox). fromDrizzle turns pg-boss's `$n` statement into a
      // drizzle `sql` template with every value bound as a parameter (`sql.param`).
      // Db's execute() is typed `unknown` (driver-neutral); both drivers resolve `{ rows }`.
      if (tx) send.db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
      return await boss.send(name, (data ?? null) as object | null, send);
    },

    async schedule<T>(name: string, cron: string, data?: T): Promise<void> {
      assertRegistered(name, "schedule");
      assertCron(name, cron);
      if (state === "created") {
        // Stored by start(), once pg-boss's tables exist.
        pendingSchedules.push({ name, cron, data });
        return;
      }
      if (starting) await starting;
      if (state !== "started") throw new Error(`jobs: cannot schedule "${name}": jobs are ${state}`);
      await applySchedule(name, cron, data);
    },

    start(): Promise<void> {
      if (state === "started") return Promise.resolve();
      if (starting) return starting;
      if (state !== "created") return Promise.reject(new Error(`jobs: cannot start: jobs are ${state}`));
      state = "starting";
      starting = doStart().then(
        () => {
          starting = null;
        },
        async (err: unknown) => {
          starting = null;
          state = "stopped";
          await boss.stop({ graceful: false }).catch(() => {});
          throw err;
        },
      );
      return starting;
    },

    stop({ timeoutMs = 30_000 } = {}): Promise<void> {
      if (stopping) return stopping;
      stopping = (async () => {
        if (starting) await starting.catch(() => {});
        if (state !== "started") {
          state = "stopped";
          return;
        }
        state = "stopping";
        // Stops polling, waits up to timeoutMs for running handlers to finish and record their
        // outcome, then fails whatever is still running (to be retried) and closes pg-boss's own
        // connections; a `db` it was handed (the shared PGlite) is left open.
        await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
        if (inFlight > 0) {
          log.warn(
            { running: inFlight, timeoutMs },
            "jobs: stopped with handlers still running; their jobs were failed and will be retried",
          );
        }
        state = "stopped";
        log.info({}, "jobs: stopped");
      })();
      return stopping;
    },
  };
  return jobs;
}

/** A job type: its name, handler and queue options, with a typed `send`. */
export interface JobDefinition<T> {
  readonly name: string;
  readonly handler: JobHandler<T>;
  readonly options: RegisterOptions;
  register(jobs: Jobs): void;
  send(jobs: Jobs, data: T, options?: SendJobOptions): Promise<string | null>;
}

/**
 * Declares a job type once, next to its handler, so senders and the handler agree on the payload:
 * `export const orderMail = defineJob<{ orderId: string }>("orders.mail", handler, { retryLimit: 5 })`,
 * then `orderMail.register(jobs)` at start-up and `orderMail.send(jobs, { orderId }, { tx })`.
 * The payload goes through JSON: use plain values (no Date, Map, BigInt).
 */
export function defineJob<T>(name: string, handler: JobHandler<T>, options: RegisterOptions = {}): JobDefinition<T> {
  return {
    name,
    handler,
    options,
    register: (jobs) => jobs.register<T>(name, handler, options),
    send: (jobs, data, sendOpts) => jobs.send<T>(name, data, sendOpts),
  };
}
