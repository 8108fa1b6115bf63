// Store security settings changed from the admin (today: compulsory 2FA for staff).

import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { HttpError } from "../../platform/problem.ts";
import { auditFields, diff, recordAudit } from "../audit/service.ts";
import { tenants } from "../tenants/schema.ts";
import { users } from "./schema.ts";
import type { ActorContext } from "./staff.ts";

export interface SecuritySettings {
  requireStaffTwoFactor: boolean;
}

export async function getSecuritySettings(db: Db, tenantId: string): Promise<SecuritySettings> {
  const [row] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  return { requireStaffTwoFactor: row?.settings.requireStaffTwoFactor === true };
}

/**
 * Changes the store's security settings and records the change. `invalidate` drops cached
 * tenants (the Host resolver keeps them for a while). A person turning on compulsory 2FA must
 * have it on themselves, or they would lock themselves out of the admin.
 */
export async function updateSecuritySettings(
  ctx: ActorContext,
  patch: Partial<SecuritySettings>,
  invalidate: () => void,
): Promise<SecuritySettings> {
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, ctx.tenantId)).for("update");
    if (!row) throw new HttpError(404, "Store not found.", { code: "not-found" });
    const before: SecuritySettings = { requireStaffTwoFactor: row.settings.requireStaffTwoFactor === true };
    const after: SecuritySettings = { ...before, ...patch };
    if (after.requireStaffTwoFactor && !before.requireStaffTwoFactor && ctx.actor.kind === "user" && ctx.actor.id) {
      const [me] = await tx.select({ on: users.twoFactorEnabled }).from(users).where(eq(users.id, ctx.actor.id));
      if (me?.on !== true) {
        throw new HttpError(409, "Turn on two-factor authentication for your own account before requiring it for all staff.", {
          code: "own-two-factor-off",
        });
      }
    }
    const changes = diff({ ...before }, { ...after });
    if (Object.keys(changes.after).length === 0) return after;
    await tx
      .update(tenants)
      .set({ settings: sql`${tenants.settings} || ${JSON.stringify(after)}::jsonb`, updatedAt: new Date() })
      .where(eq(tenants.id, ctx.tenantId));
    await recordAudit(tx, { ...auditFields(ctx), type: "settings.update", targetType: "tenant", targetId: ctx.tenantId, ...changes });
    return after;
  });
  invalidate();
  return result;
}
