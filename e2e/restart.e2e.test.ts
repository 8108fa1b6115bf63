// Stopping and starting again keeps everything: catalog changes, the demo admin, sessions.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launchServer, type RunningServer } from "./server.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "kervan-restart-"));
const env = { SECRET: randomBytes(36).toString("base64url") };
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("restart on the embedded database", () => {
  it("keeps the data, the admin and its session, and shuts down cleanly", async () => {
    server = await launchServer({ dataDir, env });
    const admin = server.admin;
    if (!admin) throw new Error(`no demo admin printed:\n${server.output()}`);
    const base = server.baseUrl;
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(admin),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";", 1)[0])
      .join("; ");
    const before = await (await fetch(`${base}/api/v1/products?perPage=1`)).json();
    const product = before.items[0];
    // One variant at the new price and stock replaces the product's variants.
    const patch = await fetch(`${base}/api/admin/products/${product.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ options: [], variants: [{ price: 123_456, compareAtPrice: null, stock: 7 }] }),
    });
    expect(patch.status).toBe(200);
    expect(await server.stop()).toBe(0);

    server = await launchServer({ dataDir, env });
    expect(server.admin).toEqual(admin);
    const after = await (await fetch(`${server.baseUrl}/api/v1/products?perPage=1`)).json();
    expect(after.total).toBe(before.total);
    const again = await (await fetch(`${server.baseUrl}/api/v1/products/${product.slug}`)).json();
    expect(again).toMatchObject({ price: 123_456, stock: 7, compareAtPrice: null });
    // The session made before the restart still works (sessions live in the database).
    const list = await fetch(`${server.baseUrl}/api/admin/products?q=${encodeURIComponent(product.slug)}`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect((await list.json()).items[0]).toMatchObject({ id: product.id, price: 123_456 });
  });
});
