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
  /** At most one queued job with this key at a time. */
  singletonKey?: string;
}

export interface JobContext {
  id: string;
  name: string;
  /** 1 on the first attempt. */
  attempt: number;
}

export type JobHandler<T = unknown> = (data: T, job: JobContext) => Promise<void>;

export interface Jobs {
  /** Declares a queue and its handler; call before start(). Handlers run only when the worker is on. */
  register<T>(name: string, handler: JobHandler<T>, options?: JobOptions & { concurrency?: number }): void;
  /** Enqueues a job. Pass `tx` to enqueue inside a business transaction: rolled back with it (outbox). */
  send<T>(name: string, data: T, options?: JobOptions & { tx?: Db }): Promise<string | null>;
  /** Runs `name` on a cron schedule (UTC, 5 fields), with the given data. */
  schedule<T>(name: string, cron: string, data?: T): Promise<void>;
  start(): Promise<void>;
  /** Stops taking new jobs and waits (up to timeoutMs) for running ones to finish. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}
