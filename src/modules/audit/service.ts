import type { FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/index.ts";
import { auditEvents } from "./schema.ts";

/** Who did something, as the audit trail records it. */
export interface AuditActor {
  kind: "user" | "api_key" | "system" | "anonymous";
  id?: string | null;
  email?: string | null;
}

export interface AuditInput {
  tenantId: string | null;
  type: string;
  actor: AuditActor;
  targetType?: string;
  targetId?: string;
  summary?: string;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends one event to the audit trail. Pass a transaction to record it with the change itself. */
export async function recordAudit(db: Pick<Db, "insert">, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    tenantId: input.tenantId,
    type: input.type,
    actorKind: input.actor.kind,
    actorId: input.actor.id ?? null,
    actorEmail: input.actor.email ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    summary: input.summary ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    requestId: input.requestId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/** The request-derived part of an audit event: store, actor, IP, agent and request id. */
export type AuditContext = Pick<AuditInput, "tenantId" | "actor" | "ip" | "userAgent" | "requestId">;

/** The request-derived part of an audit event: store, actor (from `request.principal`, set by `access.require` / `access.principal`), IP, agent. */
export function auditContext(request: FastifyRequest): AuditContext {
  const principal = request.principal;
  const actor: AuditActor = principal?.user
    ? { kind: "user", id: principal.user.id, email: principal.user.email }
    : principal?.apiKey
      ? { kind: "api_key", id: principal.apiKey.id, email: principal.apiKey.name }
      : { kind: "anonymous" };
  return {
    tenantId: (request.tenant as { id?: string } | null)?.id ?? null,
    actor,
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
    requestId: request.id,
  };
}

/** The audit part of a service context that carries an AuditContext (its other fields left out). */
export function auditFields(ctx: AuditContext): AuditContext {
  return { tenantId: ctx.tenantId, actor: ctx.actor, ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId };
}

/**
 * The fields that differ between two versions of a record, as `{ before, after }` holding only
 * those fields. Values are compared by their JSON form (dates, nested objects).
 */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      out.before[key] = before[key] ?? null;
      out.after[key] = after[key] ?? null;
    }
  }
  return out;
}

/**
 * Records one change to a record of a store, made by `ctx.actor` (the request's audit context), or
 * by the system when there is none: the shape every admin service's audit row has.
 */
export async function auditChange(
  db: Pick<Db, "insert">,
  ctx: { tenantId: string; actor?: AuditContext },
  change: { type: string; targetType: string; id: string; summary: string; before?: object; after?: object },
): Promise<void> {
  await recordAudit(db, {
    ...(ctx.actor ?? { actor: { kind: "system" } }),
    tenantId: ctx.tenantId,
    type: change.type,
    targetType: change.targetType,
    targetId: change.id,
    summary: change.summary,
    before: (change.before as Record<string, unknown> | undefined) ?? null,
    after: (change.after as Record<string, unknown> | undefined) ?? null,
  });
}
