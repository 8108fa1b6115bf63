import { describe, expect, it } from "vitest";
import { createMemoCache } from "./cache.ts";

describe("memo cache", () => {
  it("loads once for concurrent misses and serves hits until invalidated", async () => {
    const cache = createMemoCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return loads;
    };
    const values = await Promise.all([cache.get("a:1", 60_000, load), cache.get("a:1", 60_000, load)]);
    expect(values).toEqual([1, 1]);
    expect(await cache.get("a:1", 60_000, load)).toBe(1);
    cache.invalidate("a:");
    expect(await cache.get("a:1", 60_000, load)).toBe(2);
  });

  it("expires entries after their TTL and does not cache failures", async () => {
    const cache = createMemoCache();
    let n = 0;
    expect(await cache.get("k", 1, async () => ++n)).toBe(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get("k", 1, async () => ++n)).toBe(2);
    await expect(cache.get("x", 1000, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("x", 1000, async () => "up")).toBe("up");
  });
});
