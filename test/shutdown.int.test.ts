import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "./app.ts";

describe("graceful shutdown", () => {
  let t: TestApp;
  let served = 0;
  beforeAll(async () => {
    t = await createTestApp(
      {},
      {
        register: async (app) => {
          app.get("/slow", async () => {
            await new Promise((r) => setTimeout(r, 800));
            served++;
            return { done: true };
          });
        },
      },
    );
    await createStore(t.kernel, "shutdown", ["127.0.0.1"], 1);
  });
  afterAll(() => t.close());

  it("finishes in-flight requests, then refuses new connections", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const inFlight = fetch(`${address}/slow`);
    await new Promise((r) => setTimeout(r, 150));
    const closing = t.app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    const started = performance.now();
    await closing;
    // Not held open by the client's keep-alive connection.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(served).toBe(1);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  });
});
