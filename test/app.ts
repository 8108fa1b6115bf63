import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createStaffUser } from "../src/modules/accounts/service.ts";
import { categories, products } from "../src/modules/catalog/schema.ts";
import { createProduct } from "../src/modules/catalog/write.ts";
import { ensureShippingMethods } from "../src/modules/shipping/service.ts";
import { tenants } from "../src/modules/tenants/schema.ts";
import { createTenant } from "../src/modules/tenants/service.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type AppExtras, buildApp } from "../src/server/app.ts";
import { createKernel, type Kernel, type KernelOptions } from "../src/server/kernel.ts";
import { createTestDatabase } from "./db.ts";

export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  close(): Promise<void>;
}

/** The real application (platform plugins and API modules, no web build) on a fresh test database. */
export async function createTestApp(
  env: Record<string, string> = {},
  extras: AppExtras = {},
  options: Pick<KernelOptions, "gateways"> = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "kervan-test-"));
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    JOBS_WORKER: "false",
    PUBLIC_URL: "http://localhost:3000",
    ...env,
  });
  const kernel = await createKernel(config, { database, ...options });
  const app = await buildApp(kernel, extras);
  await app.ready();
  // Sending (catalog projection, mail, …) needs a started runner; handlers run only with JOBS_WORKER.
  await kernel.jobs.start();
  return {
    app,
    kernel,
    async close() {
      await app.close();
      await kernel.jobs.stop({ timeoutMs: 1000 });
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid Turkish IBAN (checksum) for test stores. */
export const TEST_IBAN = "TR330006100519786457841326";

/** A store with one category and `count` active products whose titles start with `prefix`, projected for the storefront. */
export async function createStore(kernel: Kernel, slug: string, hosts: string[], count = 3) {
  const tenant = await createTenant(kernel.db, { slug, name: `Store ${slug}`, hosts });
  await ensureShippingMethods(kernel.db, tenant.id);
  await kernel.db
    .update(tenants)
    .set({
      settings: {
        payments: {
          bankTransfer: { enabled: true, accounts: [{ bank: "Test Bankası", holder: `Store ${slug} A.Ş.`, iban: TEST_IBAN }] },
          cashOnDelivery: { enabled: true, fee: 1990 },
        },
      },
      profile: {
        legalName: `Store ${slug} Ticaret A.Ş.`,
        email: `info@${slug}.test`,
        phone: "+902120000000",
        address: "Test Cad. No:1, Kadıköy / İstanbul",
      },
    })
    .where(eq(tenants.id, tenant.id));
  kernel.tenants.invalidate();
  const [category] = await kernel.db
    .insert(categories)
    .values({ tenantId: tenant.id, slug: `${slug}-kategori`, name: `${slug} Kategori` })
    .returning();
  const ctx = { db: kernel.db, tenantId: tenant.id, jobs: kernel.jobs, cache: kernel.cache };
  for (let i = 0; i < count; i++)
    await createProduct(ctx, {
      title: `${slug.toUpperCase()} Ürün ${i + 1}`,
      slug: `${slug}-urun-${i + 1}`,
      status: "active",
      categoryId: category?.id,
      variants: [{ price: 10_000 + i * 100, stock: 5 }],
    });
  const rows = await kernel.db.select().from(products).where(eq(products.tenantId, tenant.id)).orderBy(asc(products.slug));
  return { tenant, category: category as NonNullable<typeof category>, products: rows };
}

/** Creates a staff member of the tenant and returns the session cookie of a fresh sign-in. */
export async function signInStaff(t: TestApp, tenantId: string, host: string, email: string): Promise<string> {
  const password = "correct-horse-battery-staple";
  await createStaffUser({
    auth: await t.kernel.auth(),
    db: t.kernel.db,
    tenantId,
    email,
    password,
    name: email.split("@")[0] as string,
    role: "admin",
  });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { host, origin: `http://${host}`, "content-type": "application/json" },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = res.headers["set-cookie"];
  const list = Array.isArray(cookies) ? cookies : [cookies ?? ""];
  return list.map((c) => c.split(";", 1)[0]).join("; ");
}
