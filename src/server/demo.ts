import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { createStaffUser } from "../modules/accounts/service.ts";
import { seedDemoStore } from "../modules/demo/seed.ts";
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
 * On a database without a default store: seeds the demo store and its admin. Returns the demo
 * admin's credentials to print, or null when the database holds another (non-demo) setup.
 */
export async function prepareDemo(kernel: Kernel): Promise<{ email: string; password: string } | null> {
  const result = await seedDemoStore({ db: kernel.db, storage: kernel.storage, log: kernel.log });
  const tenantId = result.created
    ? result.tenantId
    : (await kernel.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, "demo")).limit(1))[0]?.id;
  if (!tenantId) return null;
  const password = demoPassword(kernel);
  // Idempotent: an existing admin keeps the password it has.
  const staff = await createStaffUser({
    auth: kernel.auth,
    db: kernel.db,
    tenantId,
    email: DEMO_ADMIN_EMAIL,
    password,
    name: "Demo Yönetici",
    role: "owner",
    platformAdmin: true,
  });
  kernel.tenants.invalidate();
  if (result.created) kernel.log.info({ tenantId, staff: staff.userId }, "demo store created");
  return { email: DEMO_ADMIN_EMAIL, password };
}
