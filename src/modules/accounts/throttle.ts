// Throttling of security-sensitive actions, kept in the database so every process shares it.
//
// - `hit(key, rule)` counts an attempt in a fixed window and says whether it is over the limit
//   (used for password-reset requests per IP and per e-mail).
// - Failures (`fail`) lock a key once `max` failures happen within the window; each lock in a
//   row lasts twice as long as the one before (growing delay), and a success (`clear`) resets it.

import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { authThrottle } from "./schema.ts";

export interface ThrottleRule {
  /** Attempts allowed per window. */
  max: number;
  windowSeconds: number;
  /** First lock length; doubles with each lock in a row (lockouts), up to `maxLockSeconds`. */
  lockSeconds?: number;
  maxLockSeconds?: number;
}

export interface ThrottleState {
  /** True when the action must be refused now. */
  limited: boolean;
  /** Seconds until it is allowed again (when limited). */
  retryAfter: number;
}

const OPEN: ThrottleState = { limited: false, retryAfter: 0 };

export interface Throttle {
  /** Counts one attempt; limited once the count in the window exceeds `max`. */
  hit(key: string, rule: ThrottleRule): Promise<ThrottleState>;
  /** Is the key locked right now? (no write) */
  check(key: string): Promise<ThrottleState>;
  /** Counts one failure; locks the key when the failures in the window reach `max`. */
  fail(key: string, rule: ThrottleRule): Promise<ThrottleState>;
  clear(key: string): Promise<void>;
}

export function createThrottle(db: Db, now: () => Date = () => new Date()): Throttle {
  /** Adds one to the key's count, starting a new window when the old one has passed. */
  async function increment(key: string, windowSeconds: number) {
    const at = now();
    const windowStart = new Date(at.getTime() - windowSeconds * 1000);
    const [row] = await db
      .insert(authThrottle)
      .values({ key, count: 1, windowStartedAt: at })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          count: sql`case when ${authThrottle.windowStartedAt} <= ${windowStart} then 1 else ${authThrottle.count} + 1 end`,
          windowStartedAt: sql`case when ${authThrottle.windowStartedAt} <= ${windowStart} then ${at} else ${authThrottle.windowStartedAt} end`,
        },
      })
      .returning();
    if (!row) throw new Error("throttle: upsert returned nothing");
    return { row, at };
  }

  const secondsUntil = (until: Date, at: Date) => Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));

  return {
    async hit(key, rule) {
      const { row, at } = await increment(key, rule.windowSeconds);
      if (row.count <= rule.max) return OPEN;
      return { limited: true, retryAfter: secondsUntil(new Date(row.windowStartedAt.getTime() + rule.windowSeconds * 1000), at) };
    },

    async check(key) {
      const [row] = await db.select({ lockedUntil: authThrottle.lockedUntil }).from(authThrottle).where(eq(authThrottle.key, key)).limit(1);
      const at = now();
      if (!row?.lockedUntil || row.lockedUntil <= at) return OPEN;
      return { limited: true, retryAfter: secondsUntil(row.lockedUntil, at) };
    },

    async fail(key, rule) {
      const { row, at } = await increment(key, rule.windowSeconds);
      if (row.count < rule.max) return OPEN;
      const base = rule.lockSeconds ?? rule.windowSeconds;
      const seconds = Math.min(base * 2 ** row.lockouts, rule.maxLockSeconds ?? 24 * 3600);
      const lockedUntil = new Date(at.getTime() + seconds * 1000);
      // the lock starts a fresh window, so the next lock needs `max` new failures
      await db
        .update(authThrottle)
        .set({ lockedUntil, lockouts: row.lockouts + 1, count: 0, windowStartedAt: at })
        .where(eq(authThrottle.key, key));
      return { limited: true, retryAfter: seconds };
    },

    async clear(key) {
      await db.delete(authThrottle).where(eq(authThrottle.key, key));
    },
  };
}
