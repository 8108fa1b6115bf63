// Per-store API keys for integrations (ERP, stock sync, marketplaces). A key carries a subset of
// the staff permissions as its scopes. Only its SHA-256 and a short display prefix are stored:
// the key itself is shown once, at creation.

import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { hashToken, randomToken } from "../../platform/crypto.ts";
import type { Db } from "../../platform/db/index.ts";
import { HttpError } from "../../platform/problem.ts";
import { isPermission, type Permission, permissions } from "../accounts/permissions.ts";
import { apiKeys } from "../accounts/schema.ts";
import { type AuditActor, recordAudit } from "../audit/service.ts";

export const API_KEY_PREFIX = "kvn_";
/** Characters of the key kept for display: `kvn_` and 8 more. */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
/** `last_used_at` is written at most this often per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;
export const API_KEY_NAME_MAX = 100;

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyStatus = "active" | "expired" | "revoked";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: Permission[];
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
}

export function apiKeyStatus(row: Pick<ApiKeyRow, "revokedAt" | "expiresAt">, now = new Date()): ApiKeyStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

function view(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isPermission),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    status: apiKeyStatus(row),
  };
}

/** Who is acting, for the audit trail and for what they may grant. */
export interface ApiKeyActor {
  tenantId: string;
  actor: AuditActor;
  /** The actor's own permissions: a key never gets more than its creator has. */
  permissions: ReadonlySet<Permission>;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export async function listApiKeys(db: Db, tenantId: string): Promise<ApiKeyView[]> {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(view);
}

export interface CreateApiKeyInput {
  name: string;
  scopes: readonly string[];
  expiresAt?: Date | null;
}

/** Validates and creates a key; the returned `key` is the only time the secret is seen. */
export async function createApiKey(db: Db, by: ApiKeyActor, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKeyView }> {
  // A key minting keys would outlive its own revocation; only people create keys.
  if (by.actor.kind !== "user") {
    throw new HttpError(403, "Only a signed-in staff member can create API keys; an API key cannot.", { code: "forbidden" });
  }
  const name = input.name.trim();
  if (name.length < 1 || name.length > API_KEY_NAME_MAX) {
    throw new HttpError(400, `name: give the key a name of 1 to ${API_KEY_NAME_MAX} characters.`, {
      errors: [{ path: "name", message: "required, at most 100 characters" }],
    });
  }
  const unknown = input.scopes.filter((s) => !isPermission(s));
  if (unknown.length > 0) {
    throw new HttpError(
      400,
      `scopes: unknown permission(s) ${unknown.map((s) => `"${s}"`).join(", ")}. Known: ${permissions.join(", ")}.`,
      {
        errors: [{ path: "scopes", message: "unknown permission" }],
      },
    );
  }
  const scopes = permissions.filter((p) => input.scopes.includes(p));
  if (scopes.length === 0) {
    throw new HttpError(400, "scopes: choose at least one permission for the key.", { errors: [{ path: "scopes", message: "required" }] });
  }
  const beyond = scopes.filter((p) => !by.permissions.has(p));
  if (beyond.length > 0) {
    throw new HttpError(403, `You cannot give a key permissions you do not have yourself: ${beyond.join(", ")}.`);
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new HttpError(400, "expiresAt: the expiry must be in the future.", {
      errors: [{ path: "expiresAt", message: "must be in the future" }],
    });
  }
  const key = API_KEY_PREFIX + randomToken();
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        tenantId: by.tenantId,
        name,
        prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
        keyHash: hashToken(key),
        scopes,
        createdBy: by.actor.kind === "user" ? (by.actor.id ?? null) : null,
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    if (!row) throw new Error("createApiKey: insert returned nothing");
    await recordAudit(tx, {
      tenantId: by.tenantId,
      type: "api_key.create",
      actor: by.actor,
      targetType: "api_key",
      targetId: row.id,
      summary: `${row.name} (${row.prefix}…)`,
      ip: by.ip,
      userAgent: by.userAgent,
      requestId: by.requestId,
      after: { name: row.name, prefix: row.prefix, scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { key, apiKey: view(created) };
}

/** Revokes a key of the store; false when there is no such key (or it was already revoked). */
export async function revokeApiKey(db: Db, by: ApiKeyActor, id: string): Promise<"revoked" | "already" | "missing"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.tenantId, by.tenantId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) {
      const [existing] = await tx
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, id), eq(apiKeys.tenantId, by.tenantId)))
        .limit(1);
      return existing ? "already" : "missing";
    }
    await recordAudit(tx, {
      tenantId: by.tenantId,
      type: "api_key.revoke",
      actor: by.actor,
      targetType: "api_key",
      targetId: row.id,
      summary: `${row.name} (${row.prefix}…)`,
      ip: by.ip,
      userAgent: by.userAgent,
      requestId: by.requestId,
      before: { revokedAt: null },
      after: { revokedAt: row.revokedAt?.toISOString() ?? null },
    });
    return "revoked";
  });
}

/**
 * The usable key of the store for this secret (not revoked, not expired), or null. Notes the
 * use in `last_used_at`, at most once a minute per key.
 */
export async function authenticateApiKey(db: Db, tenantId: string, key: string): Promise<ApiKeyView | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(key)), eq(apiKeys.tenantId, tenantId)))
    .limit(1);
  if (!row || apiKeyStatus(row) !== "active") return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
        ),
      );
    row.lastUsedAt = now;
  }
  return view(row);
}
