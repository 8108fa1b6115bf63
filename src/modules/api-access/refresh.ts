// Refresh tokens: opaque, single use, rotated on every refresh. All tokens descending from one
// sign-in share a family; presenting a token that was already used means it leaked (or a client
// raced itself), so the whole family is revoked and the app must sign in again.

import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { hashToken, randomToken } from "../../platform/crypto.ts";
import type { Db } from "../../platform/db/index.ts";
import { refreshTokens } from "../accounts/schema.ts";

export interface RefreshContext {
  db: Db;
  tenantId: string;
  lifetimeDays: number;
  ip?: string | null;
  userAgent?: string | null;
}

export interface IssuedRefreshToken {
  token: string;
  id: string;
  familyId: string;
  expiresAt: Date;
}

type Writer = Pick<Db, "insert">;

async function insertToken(db: Writer, ctx: RefreshContext, userId: string, familyId: string): Promise<IssuedRefreshToken> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + ctx.lifetimeDays * 86_400_000);
  const [row] = await db
    .insert(refreshTokens)
    .values({
      familyId,
      userId,
      tenantId: ctx.tenantId,
      tokenHash: hashToken(token),
      expiresAt,
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: refreshTokens.id });
  if (!row) throw new Error("insertToken: insert returned nothing");
  return { token, id: row.id, familyId, expiresAt };
}

/** Starts a new family (a sign-in). */
export function issueRefreshToken(ctx: RefreshContext, userId: string): Promise<IssuedRefreshToken> {
  return insertToken(ctx.db, ctx, userId, randomUUID());
}

export type RotateResult =
  | { ok: true; userId: string; familyId: string; next: IssuedRefreshToken }
  | { ok: false; reason: "unknown" | "expired" | "revoked" }
  | { ok: false; reason: "reused"; userId: string; familyId: string };

/**
 * Uses `token` once: marks it used and issues its successor in the same family, in one
 * transaction. The mark is a conditional update (`used_at is null and revoked_at is null`), so of
 * several concurrent refreshes with the same token exactly one wins. A token that was already
 * used revokes its whole family.
 */
export async function rotateRefreshToken(
  ctx: RefreshContext,
  token: string,
  accept: (userId: string) => Promise<boolean> = async () => true,
): Promise<RotateResult> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const rotated = await ctx.db.transaction(async (tx) => {
    const [used] = await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          eq(refreshTokens.tenantId, ctx.tenantId),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
    if (!used) return null;
    const next = await insertToken(tx, ctx, used.userId, used.familyId);
    return { ...used, next };
  });
  if (rotated) {
    if (await accept(rotated.userId)) return { ok: true, ...rotated };
    await revokeFamily(ctx.db, rotated.familyId);
    return { ok: false, reason: "revoked" };
  }
  const [row] = await ctx.db
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.tokenHash, tokenHash), eq(refreshTokens.tenantId, ctx.tenantId)))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.usedAt) {
    await revokeFamily(ctx.db, row.familyId);
    return { ok: false, reason: "reused", userId: row.userId, familyId: row.familyId };
  }
  return { ok: false, reason: "expired" };
}

/** Revokes every token of the family that is not revoked yet; returns how many. */
export async function revokeFamily(db: Db, familyId: string): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

/** Finds the token's family (in this store) and revokes it; null when the token is unknown. */
export async function revokeByToken(
  db: Db,
  tenantId: string,
  token: string,
): Promise<{ familyId: string; userId: string; revoked: number } | null> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.tokenHash, hashToken(token)), eq(refreshTokens.tenantId, tenantId)))
    .limit(1);
  if (!row) return null;
  return { ...row, revoked: await revokeFamily(db, row.familyId) };
}

/** Revokes all refresh tokens of a user (every app, every store); returns how many. */
export async function revokeUserRefreshTokens(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}
