import type { Db } from "../db/index.ts";

export interface JobOptions {
  /** Attempts after the first failure. */
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  /** Doubles the delay on every retry. */
  retryBackoff?: boolean;
  /** Seconds after which a running job counts as failed. */
  expireInSeconds?: number;
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
  /**
   * At most one queued job with this key at a time. Needs a queue registered with a de-duplicating
   * `policy` (`short`, `stately` or `exclusive`); send() rejects it on a `standard` queue.
   */
  singletonKey?: string;
}

/**
 * How a queue treats jobs (pg-boss queue policies; fixed when the queue is first created):
 * - `standard`: every job is queued and may run at once (default);
 * - `short`: at most one queued job per singletonKey (jobs without a key share one slot);
 * - `singleton`: at most one running job per singletonKey;
 * - `stately`: at most one queued and one running job per singletonKey;
 * - `exclusive`: at most one queued-or-running job per singletonKey.
 */
export type QueuePolicy = "standard" | "short" | "singleton" | "stately" | "exclusive";

export type RegisterOptions = JobOptions & {
  /** Handlers of this queue running at once in this process (worker mode). Default 1. */
  concurrency?: number;
  policy?: QueuePolicy;
};

export interface JobContext {
  id: string;
  name: string;
  /** 1 on the first attempt. */
  attempt: number;
}

export type JobHandler<T = unknown> = (data: T, job: JobContext) => Promise<void>;

export interface Jobs {
  /** Declares a queue and its handler; call before start(). Handlers run only when the worker is on. */
  register<T>(name: string, handler: JobHandler<T>, options?: RegisterOptions): void;
  /** Enqueues a job. Pass `tx` to enqueue inside a business transaction: rolled back with it (outbox). */
  send<T>(name: string, data: T, options?: JobOptions & { tx?: Db }): Promise<string | null>;
  /** Runs `name` on a cron schedule (UTC, 5 fields), with the given data. */
  schedule<T>(name: string, cron: string, data?: T): Promise<void>;
  start(): Promise<void>;
  /** Stops taking new jobs and waits (up to timeoutMs) for running ones to finish. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}
