// Live updates between the parts of Kervan and its processes: orders publish a small message when
// they change, and server-sent-event streams (customer's order page, admin order list) forward it.
// In one process an EventEmitter is enough; with REDIS_URL every process subscribes to one Redis
// channel, so a change made by one process reaches streams held by another.

import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";

export interface EventBus {
  publish(topic: string, payload: Record<string, unknown>): void;
  /** Calls `listener` for each message on `topic`; returns the unsubscribe function. */
  subscribe(topic: string, listener: (payload: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = "kervan:events";

export function createEventBus(options: { redis?: Redis } = {}): EventBus {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let subscriber: Redis | undefined;
  const deliver = (topic: string, payload: Record<string, unknown>) => local.emit(topic, payload);
  if (options.redis) {
    subscriber = options.redis.duplicate();
    void subscriber.subscribe(CHANNEL).catch(() => {});
    subscriber.on("message", (_channel: string, message: string) => {
      try {
        const { topic, payload } = JSON.parse(message) as { topic: string; payload: Record<string, unknown> };
        deliver(topic, payload);
      } catch {
        // a malformed message from another process: ignore it
      }
    });
  }
  return {
    publish(topic, payload) {
      if (options.redis) void options.redis.publish(CHANNEL, JSON.stringify({ topic, payload })).catch(() => deliver(topic, payload));
      else deliver(topic, payload);
    },
    subscribe(topic, listener) {
      local.on(topic, listener);
      return () => local.off(topic, listener);
    },
    async close() {
      local.removeAllListeners();
      if (subscriber) await subscriber.quit().catch(() => {});
    },
  };
}
