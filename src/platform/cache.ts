/**
 * In-process memo cache with TTL and single-flight loading: concurrent misses for one key
 * share one load. Used for small, hot, per-tenant data (category tree, home rails).
 * Across several processes entries simply expire after their TTL.
 */
export interface MemoCache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Drops every entry whose key starts with `prefix` (e.g. `tenant:<id>:`), and tells `onInvalidate`. */
  invalidate(prefix: string): void;
}

export function createMemoCache(options: { maxEntries?: number; onInvalidate?: (prefix: string) => void } = {}): MemoCache {
  const maxEntries = options.maxEntries ?? 5_000;
  const entries = new Map<string, { value: unknown; expires: number }>();
  const inflight = new Map<string, Promise<unknown>>();
  return {
    async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.value as T;
      const pending = inflight.get(key);
      if (pending) return pending as Promise<T>;
      const promise = load()
        .then((value) => {
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
          entries.set(key, { value, expires: Date.now() + ttlMs });
          return value;
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, promise);
      return promise;
    },
    invalidate(prefix) {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
      options.onInvalidate?.(prefix);
    },
  };
}
