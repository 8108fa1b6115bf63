import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenants } from "../src/platform/db/schema.ts";
import { createTestDatabase } from "./db.ts";

describe("database layer", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("applies the migrations and round-trips a row through Drizzle", async () => {
    const [row] = await database.db.insert(tenants).values({ slug: "t1", name: "Mağaza" }).returning();
    expect(row?.name).toBe("Mağaza");
    const rows = await database.query<{ name: string }>("select name from tenants where slug = $1", ["t1"]);
    expect(rows).toEqual([{ name: "Mağaza" }]);
  });

  it("rolls back a failed transaction", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: "t2", name: "Geçici" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await database.query("select 1 from tenants where slug = 't2'")).toHaveLength(0);
  });
});
