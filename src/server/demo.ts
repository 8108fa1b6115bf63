import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { users } from "../modules/accounts/schema.ts";
import { createStaffUser } from "../modules/accounts/service.ts";
import { projectNow } from "../modules/catalog/projection.ts";
import { seedDemoCommerce } from "../modules/demo/commerce.ts";
import { DEMO_CUSTOMER_EMAIL, seedDemoCustomers } from "../modules/demo/customers.ts";
import { tenants } from "../modules/tenants/schema.ts";
import type { Kernel } from "./kernel.ts";

export const DEMO_ADMIN_EMAIL = "admin@kervan.test";

/** The demo admin's password: from DEMO_ADMIN_PASSWORD, else generated once and kept in DATA_DIR. */
function demoPassword(kernel: Kernel): string {
  if (kernel.config.demoAdminPassword) return kernel.config.demoAdminPassword;
  const file = path.join(kernel.config.dataDir, "demo-admin.json");
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { password?: string };
    if (saved.password) return saved.password;
  } catch {
    // not created yet
  }
  const password = randomBytes(9).toString("base64url");
  writeFileSync(file, `${JSON.stringify({ email: DEMO_ADMIN_EMAIL, password }, null, 2)}\n`, { mode: 0o600 });
  return password;
}

/**
 * On a database without a default store: seeds the demo store, its admin and demo customers.
 * Returns the credentials to print (the demo customer shares the admin's password), or null when
 * the database holds another (non-demo) setup.
 */
export async function prepareDemo(kernel: Kernel): Promise<{ email: string; password: string; customerEmail: string } | null> {
  const [existing] = await kernel.db
    .select({ id: tenants.id, slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.isDefault, true))
    .limit(1);
  let tenantId = existing?.slug === "demo" ? existing.id : undefined;
  let created = false;
  if (!existing) {
    // The seeder (data, image rendering) is only loaded when there is something to seed.
    const { seedDemoStore } = await import("../modules/demo/seed.ts");
    const result = await seedDemoStore({ db: kernel.db, storage: kernel.storage, log: kernel.log });
    tenantId = result.tenantId;
    created = result.created;
  }
  if (!tenantId) return null;
  const password = demoPassword(kernel);
  const [admin] = await kernel.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN_EMAIL)).limit(1);
  if (!admin) {
    // Loads better-auth to hash the password the way sign-in checks it.
    const staff = await createStaffUser({
      auth: await kernel.auth(),
      db: kernel.db,
      tenantId,
      email: DEMO_ADMIN_EMAIL,
      password,
      name: "Demo Yönetici",
      role: "owner",
      platformAdmin: true,
    });
    kernel.log.info({ tenantId, staff: staff.userId }, "demo admin created");
    await seedDemoCustomers(await kernel.auth(), kernel.db, tenantId, password);
  }
  const changed = await seedDemoCommerce(kernel.db, tenantId);
  if (changed?.length) await projectNow(kernel.db, tenantId, changed, { cache: kernel.cache });
  kernel.tenants.invalidate();
  if (created) kernel.log.info({ tenantId }, "demo store created");
  return { email: DEMO_ADMIN_EMAIL, password, customerEmail: DEMO_CUSTOMER_EMAIL };
}
