import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { tenants } from "../db/schema.ts";
import { createJobs, defineJob, type JobRunner } from "./index.ts";
import type { JobContext } from "./types.ts";

const quiet = { info() {}, warn() {}, error: (obj: object, msg?: string) => console.error(msg, obj) };

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("expected a value");
  return value;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

describe("jobs (pg-boss)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let jobs: JobRunner;

  const outboxRuns: { tag: string; job: JobContext }[] = [];
  const flakyAttempts: { attempt: number; at: number }[] = [];
  const cronRuns: unknown[] = [];

  const outbox = defineJob<{ tag: string }>("test.outbox", async (data, job) => {
    outboxRuns.push({ tag: data.tag, job });
  });

  const jobRow = async (id: string) =>
    (
      await database.query<{ state: string; retry_count: number }>(`select state, retry_count from ${jobs.schema}.job where id = $1`, [id])
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = createJobs({ database, log: quiet, worker: true, pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1 });
    outbox.register(jobs);
    jobs.register<{ n: number }>(
      "test.flaky",
      async (_data, job) => {
        flakyAttempts.push({ attempt: job.attempt, at: Date.now() });
        if (job.attempt < 3) throw new Error(`failing attempt ${job.attempt} on purpose`);
      },
      { retryLimit: 3, retryDelay: 1, retryBackoff: true },
    );
    jobs.register("test.unique", async () => {}, { policy: "short" });
    jobs.register("test.cron", async (data) => {
      cronRuns.push(data);
    });
    await jobs.start();
  });

  afterAll(async () => {
    await jobs?.stop({ timeoutMs: 5_000 });
    await database?.drop();
  });

  it("refuses to send to a queue nobody registered, and to register after start", async () => {
    await expect(jobs.send("test.nope", { a: 1 })).rejects.toThrow(/"test\.nope".*not registered|no queue of that name/);
    expect(() => jobs.register("test.late", async () => {})).toThrow(/after start/);
  });

  it("keeps one queued job per singletonKey on a de-duplicating queue", async () => {
    const later = { startAfterSeconds: 3600 }; // stays queued for the whole test
    const first = await jobs.send("test.unique", { n: 1 }, { ...later, singletonKey: "product-1" });
    expect(first).toEqual(expect.any(String));
    expect(await jobs.send("test.unique", { n: 2 }, { ...later, singletonKey: "product-1" })).toBeNull();
    expect(await jobs.send("test.unique", { n: 3 }, { ...later, singletonKey: "product-2" })).toEqual(expect.any(String));
    await expect(jobs.send("test.outbox", { tag: "x" }, { singletonKey: "k" })).rejects.toThrow(/policy "short"/);
  });

  it("enqueues inside the business transaction: committed jobs run once, rolled-back jobs never exist", async () => {
    const committedId = await database.db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: "outbox-committed", name: "Committed" });
      return await outbox.send(jobs, { tag: "committed" }, { tx });
    });
    expect(committedId).toEqual(expect.any(String));

    const rolledBack: { id: string | null } = { id: null };
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: "outbox-rolled-back", name: "Rolled back" });
        rolledBack.id = await outbox.send(jobs, { tag: "rolled-back" }, { tx });
        // The job row exists inside the transaction...
        const inside = (await tx.execute(sqlCount(jobs.schema, must(rolledBack.id)))) as { rows: { n: number }[] };
        expect(Number(inside.rows[0]?.n)).toBe(1);
        throw new Error("roll it back");
      }),
    ).rejects.toThrow("roll it back");
    expect(rolledBack.id).toEqual(expect.any(String));

    // A job sent after the rollback: once it has run, the worker has had every chance to run the others.
    const sentinelId = await outbox.send(jobs, { tag: "sentinel" });
    await waitFor("the sentinel job", () => outboxRuns.some((r) => r.tag === "sentinel"));
    await sleep(1_200); // two more polling intervals, in case anything else were queued

    expect(outboxRuns.filter((r) => r.tag === "committed")).toHaveLength(1);
    expect(outboxRuns.find((r) => r.tag === "committed")?.job).toEqual({ id: committedId, name: "test.outbox", attempt: 1 });
    expect(outboxRuns.some((r) => r.tag === "rolled-back")).toBe(false);
    expect(outboxRuns.map((r) => r.tag).sort()).toEqual(["committed", "sentinel"]);

    // ...and both the business row and the job vanished with the rollback.
    expect(await database.query("select 1 from tenants where slug = 'outbox-rolled-back'")).toHaveLength(0);
    expect(await database.query("select 1 from tenants where slug = 'outbox-committed'")).toHaveLength(1);
    expect(await jobRow(must(rolledBack.id))).toBeUndefined();
    await waitFor("the committed job to be completed", async () => (await jobRow(must(committedId)))?.state === "completed", 5_000);
    expect((await jobRow(must(sentinelId)))?.state).toBe("completed");
  });

  it("lets a process that is not a worker enqueue without running handlers", async () => {
    const web = createJobs({ database, log: quiet, worker: false });
    web.register<{ tag: string }>("test.outbox", async () => {
      throw new Error("handlers must not run in a process with worker: false");
    });
    await web.start();
    try {
      await database.db.transaction(async (tx) => {
        await web.send("test.outbox", { tag: "from-web" }, { tx });
      });
      await waitFor("the worker to run the job sent by the web process", () => outboxRuns.some((r) => r.tag === "from-web"));
    } finally {
      await web.stop();
    }
  });

  it("drains a backlog at handler speed, not one job per polling interval", async () => {
    const tags = Array.from({ length: 40 }, (_, i) => `backlog-${i}`);
    for (const tag of tags) await jobs.send("test.outbox", { tag });
    const started = Date.now();
    await waitFor("40 queued jobs to run", () => tags.every((tag) => outboxRuns.some((r) => r.tag === tag)));
    // one worker at a 0.5 s polling interval: one job per poll would take 20 s
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it("retries a failing handler with growing delays until it succeeds", async () => {
    const id = await jobs.send("test.flaky", { n: 1 });
    await waitFor("the third attempt to complete", async () => (await jobRow(must(id)))?.state === "completed", 30_000);

    expect(flakyAttempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = flakyAttempts.map((a) => a.at) as [number, number, number];
    const gap1 = second - first;
    const gap2 = third - second;
    // pg-boss backoff with retryDelay 1 s: retry n waits 1 s × 2^(n-1) × (1 + random), i.e. 1–2 s, then
    // 2–4 s, plus up to one polling interval (0.5 s) before a worker picks the job up again.
    expect(gap1).toBeGreaterThanOrEqual(900);
    expect(gap1).toBeLessThan(3_500);
    expect(gap2).toBeGreaterThanOrEqual(1_900); // a fixed 1 s delay would be ~1–1.5 s here
    expect(gap2).toBeLessThan(6_000);
    expect((await jobRow(must(id)))?.retry_count).toBe(2);
  });

  it("stores a UTC cron schedule and fires it", async () => {
    await jobs.schedule("test.cron", "* * * * *", { from: "cron" });
    const rows = await database.query<{ cron: string; timezone: string; data: unknown }>(
      `select cron, timezone, data from ${jobs.schema}.schedule where name = 'test.cron'`,
    );
    expect(rows).toEqual([{ cron: "* * * * *", timezone: "UTC", data: { from: "cron" } }]);
    await expect(jobs.schedule("test.cron", "*/5 * * *", {})).rejects.toThrow(/5-field cron/);
    await expect(jobs.schedule("test.cron", "not a cron at all", {})).rejects.toThrow();

    // A `* * * * *` schedule is due for the minute that has just begun, so the next cron pass (every
    // second here) forwards it and a worker runs it.
    await waitFor("the cron job", () => cronRuns.length > 0, 20_000);
    expect(cronRuns[0]).toEqual({ from: "cron" });
  });

  it("stops gracefully: waits for a running handler and keeps what it wrote", async () => {
    const slowJobs = createJobs({ database, log: quiet, worker: true, pollingIntervalSeconds: 0.5 });
    let started = 0;
    let finished = 0;
    slowJobs.register<{ slug: string }>("test.slow", async (data) => {
      started = Date.now();
      await sleep(1_000);
      await database.db.insert(tenants).values({ slug: data.slug, name: "Written by a slow job" });
      finished = Date.now();
    });
    await slowJobs.start();
    const id = await slowJobs.send("test.slow", { slug: "slow-job" });
    await waitFor("the slow job to start", () => started > 0);

    const stopCalled = Date.now();
    await slowJobs.stop({ timeoutMs: 10_000 });
    const stopReturned = Date.now();

    expect(finished).toBeGreaterThan(0);
    expect(stopCalled).toBeLessThan(finished); // stop() was called while the handler was running...
    expect(stopReturned).toBeGreaterThanOrEqual(finished); // ...and returned only after it finished
    expect(await database.query("select 1 from tenants where slug = 'slow-job'")).toHaveLength(1);
    expect((await jobRow(must(id)))?.state).toBe("completed");
    await expect(slowJobs.send("test.slow", { slug: "too-late" })).rejects.toThrow(/stopped/);
    // The shared database is still open.
    expect(await database.query("select 1 as one")).toEqual([{ one: 1 }]);
  });
});

function sqlCount(schema: string, id: string) {
  return sql`select count(*)::int as n from ${sql.identifier(schema)}.job where id = ${id}`;
}
