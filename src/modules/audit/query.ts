// Reading a store's audit trail: filters by type (exact or prefix), actor, time range.

import { and, count, desc, eq, getTableColumns, gte, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import { likePrefix } from "../../platform/text.ts";
import { users } from "../accounts/schema.ts";
import { type AuditEvent, auditEvents } from "./schema.ts";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  /**
   * `auth.sign_in` matches that type only; a value ending in `.` or `*` (`auth.`, `auth.*`,
   * `auth.two_factor_*`) matches every type that starts with it.
   */
  type?: string;
  /** A user id (uuid) or an e-mail address (case-insensitive). */
  actor?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  /** Only events about one of these records, e.g. a customer and their user account. */
  targets?: { type: string; id: string }[];
  page?: number;
  perPage?: number;
}

/** A condition on `audit_events.type` for an exact type or a prefix (see AuditQuery.type). */
export function typeCondition(type: string): SQL {
  if (type.endsWith("*")) return like(auditEvents.type, likePrefix(type.slice(0, -1)));
  if (type.endsWith(".")) return like(auditEvents.type, likePrefix(type));
  return eq(auditEvents.type, type);
}

/** One page of the store's audit events, newest first, with the number of matches. */
export async function queryAudit(
  db: Db,
  tenantId: string,
  query: AuditQuery = {},
): Promise<{ items: AuditEvent[]; total: number; page: number; perPage: number }> {
  const page = Math.max(1, query.page ?? 1);
  const perPage = Math.min(200, Math.max(1, query.perPage ?? AUDIT_PAGE_SIZE));
  const conditions: (SQL | undefined)[] = [eq(auditEvents.tenantId, tenantId)];
  if (query.type) conditions.push(typeCondition(query.type));
  // Events recorded without the actor's e-mail (e.g. sign-ins) show the user's current one.
  const actorEmail = sql<string | null>`coalesce(${auditEvents.actorEmail}, ${users.email})`;
  const actor = query.actor?.trim();
  if (actor) {
    conditions.push(isUuid(actor) ? eq(auditEvents.actorId, actor) : sql`lower(${actorEmail}) = ${actor.toLowerCase()}`);
  }
  if (query.from) conditions.push(gte(auditEvents.createdAt, query.from));
  if (query.to) conditions.push(lt(auditEvents.createdAt, query.to));
  if (query.targets) {
    conditions.push(or(...query.targets.map((t) => and(eq(auditEvents.targetType, t.type), eq(auditEvents.targetId, t.id)))) ?? sql`false`);
  }
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(auditEvents), actorEmail })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(auditEvents).leftJoin(users, eq(users.id, auditEvents.actorId)).where(where),
  ]);
  return { items, total: total?.n ?? 0, page, perPage };
}
