import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/schema.ts";

/**
 * The audit trail: every admin mutation and security event, append-only. Actor columns are
 * copied (not only referenced) so entries stay readable after a user is deleted.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The store it happened in; null for platform-wide events. */
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    /** e.g. `auth.sign_in`, `auth.sign_in_failed`, `customer.update`, `staff.role_change`. */
    type: text("type").notNull(),
    actorKind: text("actor_kind", { enum: ["user", "api_key", "system", "anonymous"] }).notNull(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** Short human summary, e.g. the e-mail address a failed sign-in tried. */
    summary: text("summary"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_tenant_time").on(t.tenantId, t.createdAt),
    index("audit_events_tenant_type_time").on(t.tenantId, t.type, t.createdAt),
    index("audit_events_tenant_actor_time").on(t.tenantId, t.actorId, t.createdAt),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
