// Store staff: members and their roles, invitations by e-mail, and the rules about owners.
// Every change is recorded in the audit trail in the same transaction; a member whose role
// changes or who is removed is signed out everywhere (session rotation on privilege change).

import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { hashToken, randomToken } from "../../platform/crypto.ts";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Mailer } from "../../platform/mail/types.ts";
import { HttpError } from "../../platform/problem.ts";
import { preferencesFromCookieHeader } from "../../web/lib/preferences.ts";
import { type AuditContext, auditContext, auditFields, recordAudit } from "../audit/service.ts";
import { tenants } from "../tenants/schema.ts";
import type { Auth, AuthProvider } from "./auth.ts";
import { renderAuthMail } from "./mail.ts";
import { type StaffRole, staffInvitations, tenantStaff, users } from "./schema.ts";
import { resolveAuth } from "./service.ts";

/** Who changes something in a store's administration, with their audit details. */
export interface ActorContext extends AuditContext {
  db: Db;
  tenantId: string;
  /** The actor's role in the store: decides the owner rules (null for API keys). */
  role: StaffRole | null;
  /** Ends every session of a user; called after the change has been committed. */
  revokeSessions(userId: string): Promise<void>;
}

/** Signs a user out everywhere (their session rows are deleted). */
export async function revokeUserSessions(auth: Auth | AuthProvider, userId: string): Promise<void> {
  const ctx = await (await resolveAuth(auth)).$context;
  await ctx.internalAdapter.deleteUserSessions(userId);
}

/**
 * The actor context of an admin request whose permission guard already ran (it sets
 * `request.principal`, which names the actor).
 */
export function actorContext(request: FastifyRequest, deps: { db: Db; auth: Auth | AuthProvider }): ActorContext {
  return {
    ...auditContext(request),
    db: deps.db,
    tenantId: request.tenant.id,
    role: request.principal?.role ?? null,
    revokeSessions: (userId) => revokeUserSessions(deps.auth, userId),
  };
}

export const INVITATION_DAYS = 7;

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  twoFactorEnabled: boolean;
  createdAt: Date;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: StaffRole;
  invitedByEmail: string | null;
  expiresAt: Date;
  createdAt: Date;
  expired: boolean;
}

/** The store's staff, owners first, then by name. */
export async function listStaff(db: Db, tenantId: string): Promise<StaffMember[]> {
  const rows = await db
    .select({
      userId: tenantStaff.userId,
      name: users.name,
      email: users.email,
      role: tenantStaff.role,
      twoFactorEnabled: users.twoFactorEnabled,
      createdAt: tenantStaff.createdAt,
    })
    .from(tenantStaff)
    .innerJoin(users, eq(users.id, tenantStaff.userId))
    .where(eq(tenantStaff.tenantId, tenantId))
    .orderBy(sql`${tenantStaff.role} = 'owner' desc`, asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, twoFactorEnabled: r.twoFactorEnabled === true }));
}

/** Invitations not yet accepted or revoked (expired ones included, flagged), newest first. */
export async function listInvitations(db: Db, tenantId: string): Promise<PendingInvitation[]> {
  const rows = await db
    .select({
      id: staffInvitations.id,
      email: staffInvitations.email,
      role: staffInvitations.role,
      invitedByEmail: users.email,
      expiresAt: staffInvitations.expiresAt,
      createdAt: staffInvitations.createdAt,
    })
    .from(staffInvitations)
    .leftJoin(users, eq(users.id, staffInvitations.invitedBy))
    .where(and(eq(staffInvitations.tenantId, tenantId), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt)))
    .orderBy(desc(staffInvitations.createdAt))
    .limit(200);
  const now = Date.now();
  return rows.map((r) => ({ ...r, expired: r.expiresAt.getTime() <= now }));
}

function assertOwnerRules(ctx: ActorContext, target: { currentRole?: StaffRole | null; newRole?: StaffRole | null }) {
  const touchesOwner = target.currentRole === "owner" || target.newRole === "owner";
  if (touchesOwner && ctx.role !== "owner") {
    throw new HttpError(403, "Only an owner of the store can make, change or remove an owner.", { code: "owner-only" });
  }
}

/** Locks the store's owner rows and counts them (so two owners cannot demote each other at once). */
async function lockedOwnerCount(tx: Db, tenantId: string): Promise<number> {
  const rows = await tx
    .select({ userId: tenantStaff.userId })
    .from(tenantStaff)
    .where(and(eq(tenantStaff.tenantId, tenantId), eq(tenantStaff.role, "owner")))
    .for("update");
  return rows.length;
}

/** Changes a member's role. Owner rules: see docs/permissions.md. */
export async function changeStaffRole(ctx: ActorContext, userId: string, role: StaffRole): Promise<StaffMember> {
  if (!isUuid(userId)) throw new HttpError(404, "No such staff member in this store.", { code: "not-found" });
  if (ctx.actor.kind === "user" && ctx.actor.id === userId) {
    throw new HttpError(403, "You cannot change your own role; ask an owner of the store.", { code: "self-change" });
  }
  const changed = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: tenantStaff.role })
      .from(tenantStaff)
      .where(and(eq(tenantStaff.tenantId, ctx.tenantId), eq(tenantStaff.userId, userId)))
      .for("update");
    if (!current) throw new HttpError(404, "No such staff member in this store.", { code: "not-found" });
    assertOwnerRules(ctx, { currentRole: current.role, newRole: role });
    if (current.role === role) return false;
    if (current.role === "owner" && (await lockedOwnerCount(tx, ctx.tenantId)) <= 1) {
      throw new HttpError(409, "The store's last owner cannot be demoted; make someone else an owner first.", { code: "last-owner" });
    }
    await tx
      .update(tenantStaff)
      .set({ role })
      .where(and(eq(tenantStaff.tenantId, ctx.tenantId), eq(tenantStaff.userId, userId)));
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "staff.role_change",
      targetType: "user",
      targetId: userId,
      summary: `${current.role} → ${role}`,
      before: { role: current.role },
      after: { role },
    });
    return true;
  });
  if (changed) await ctx.revokeSessions(userId);
  const member = (await listStaff(ctx.db, ctx.tenantId)).find((m) => m.userId === userId);
  if (!member) throw new HttpError(404, "No such staff member in this store.", { code: "not-found" });
  return member;
}

/** Removes a member from the store's staff (their user account stays). */
export async function removeStaff(ctx: ActorContext, userId: string): Promise<void> {
  if (!isUuid(userId)) throw new HttpError(404, "No such staff member in this store.", { code: "not-found" });
  if (ctx.actor.kind === "user" && ctx.actor.id === userId) {
    throw new HttpError(403, "You cannot remove yourself from the staff; ask an owner of the store.", { code: "self-change" });
  }
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: tenantStaff.role, email: users.email })
      .from(tenantStaff)
      .innerJoin(users, eq(users.id, tenantStaff.userId))
      .where(and(eq(tenantStaff.tenantId, ctx.tenantId), eq(tenantStaff.userId, userId)))
      .for("update", { of: tenantStaff });
    if (!current) throw new HttpError(404, "No such staff member in this store.", { code: "not-found" });
    assertOwnerRules(ctx, { currentRole: current.role });
    if (current.role === "owner" && (await lockedOwnerCount(tx, ctx.tenantId)) <= 1) {
      throw new HttpError(409, "The store's last owner cannot be removed.", { code: "last-owner" });
    }
    await tx.delete(tenantStaff).where(and(eq(tenantStaff.tenantId, ctx.tenantId), eq(tenantStaff.userId, userId)));
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "staff.remove",
      targetType: "user",
      targetId: userId,
      summary: current.email,
      before: { role: current.role, email: current.email },
      after: null,
    });
  });
  await ctx.revokeSessions(userId);
}

export interface InviteInput {
  email: string;
  role: StaffRole;
  /** Origin of the store the link points at, e.g. `https://magaza.example`. */
  origin: string;
  locale: "tr" | "en";
  mailer: Mailer;
  /** Who invites, as the mail names them. */
  inviterName: string;
}

/**
 * The request-derived part of an invitation: this store's origin for the link, the language of the
 * mail (`locale`, else the inviter's language preference) and the inviter's name (an admin request
 * whose permission guard already ran).
 */
export function invitationFrom(request: FastifyRequest, mailer: Mailer, locale?: "tr" | "en"): Omit<InviteInput, "email" | "role"> {
  const user = request.principal?.user;
  return {
    origin: `${request.protocol}://${request.host}`,
    locale: locale ?? preferencesFromCookieHeader(request.headers.cookie).locale,
    mailer,
    inviterName: user?.name || user?.email || request.tenant.name,
  };
}

export interface InviteResult {
  invitation: PendingInvitation;
  mailStatus: "sent" | "captured" | "failed";
}

const ROLE_NAMES: Record<"tr" | "en", Record<StaffRole, string>> = {
  tr: { owner: "Sahip", admin: "Yönetici", catalog_manager: "Katalog yöneticisi", order_manager: "Sipariş yöneticisi", support: "Destek" },
  en: { owner: "Owner", admin: "Admin", catalog_manager: "Catalog manager", order_manager: "Order manager", support: "Support" },
};

/**
 * Invites someone by e-mail: a random 32-byte token goes out in the link, only its SHA-256 is
 * stored, and it expires after INVITATION_DAYS. An earlier pending invitation to the same address
 * is replaced.
 */
export async function inviteStaff(ctx: ActorContext, input: InviteInput): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  assertOwnerRules(ctx, { newRole: input.role });
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const { invitation, storeName } = await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: tenantStaff.userId })
      .from(tenantStaff)
      .innerJoin(users, eq(users.id, tenantStaff.userId))
      .where(and(eq(tenantStaff.tenantId, ctx.tenantId), eq(users.email, email)))
      .limit(1);
    if (member) throw new HttpError(409, `${email} is already a member of this store's staff.`, { code: "already-member" });
    await tx
      .update(staffInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(staffInvitations.tenantId, ctx.tenantId),
          eq(staffInvitations.email, email),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(staffInvitations)
      .values({
        tenantId: ctx.tenantId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.actor.kind === "user" ? (ctx.actor.id ?? null) : null,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error("inviteStaff: insert returned nothing");
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "staff.invite",
      targetType: "staff_invitation",
      targetId: row.id,
      summary: `${email} (${input.role})`,
      after: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    const [store] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId));
    return { invitation: row, storeName: store?.name ?? "Kervan" };
  });
  const url = `${input.origin.replace(/\/$/, "")}/davet?token=${encodeURIComponent(token)}`;
  const mail = renderAuthMail({
    kind: "staff-invitation",
    locale: input.locale,
    store: storeName,
    name: email,
    url,
    vars: { inviter: input.inviterName, role: ROLE_NAMES[input.locale][input.role], days: String(INVITATION_DAYS) },
  });
  const sent = await input.mailer.send({ to: email, ...mail, template: "staff-invitation", tenantId: ctx.tenantId, redact: [token] });
  return {
    invitation: {
      id: invitation.id,
      email,
      role: invitation.role,
      invitedByEmail: ctx.actor.kind === "user" ? (ctx.actor.email ?? null) : null,
      expiresAt,
      createdAt: invitation.createdAt,
      expired: false,
    },
    mailStatus: sent.status,
  };
}

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation(ctx: ActorContext, id: string): Promise<void> {
  if (!isUuid(id)) throw new HttpError(404, "No such pending invitation in this store.", { code: "not-found" });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(staffInvitations)
      .where(
        and(
          eq(staffInvitations.id, id),
          eq(staffInvitations.tenantId, ctx.tenantId),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
        ),
      )
      .for("update");
    if (!row) throw new HttpError(404, "No such pending invitation in this store.", { code: "not-found" });
    assertOwnerRules(ctx, { newRole: row.role });
    await tx.update(staffInvitations).set({ revokedAt: new Date() }).where(eq(staffInvitations.id, id));
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "staff.invitation_revoke",
      targetType: "staff_invitation",
      targetId: id,
      summary: `${row.email} (${row.role})`,
      before: { email: row.email, role: row.role },
      after: null,
    });
  });
}

export type InvitationState = "valid" | "expired" | "accepted" | "revoked";

export interface InvitationInfo {
  id: string;
  tenantId: string;
  storeName: string;
  email: string;
  role: StaffRole;
  state: InvitationState;
  expiresAt: Date;
}

/** What an invitation link stands for in this store, or null for an unknown or foreign token. */
export async function findInvitation(db: Db, tenantId: string, token: string): Promise<InvitationInfo | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ invitation: staffInvitations, storeName: tenants.name })
    .from(staffInvitations)
    .innerJoin(tenants, eq(tenants.id, staffInvitations.tenantId))
    .where(and(eq(staffInvitations.tokenHash, hashToken(token)), eq(staffInvitations.tenantId, tenantId)))
    .limit(1);
  if (!row) return null;
  const inv = row.invitation;
  const state: InvitationState = inv.acceptedAt
    ? "accepted"
    : inv.revokedAt
      ? "revoked"
      : inv.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "valid";
  return {
    id: inv.id,
    tenantId: inv.tenantId,
    storeName: row.storeName,
    email: inv.email,
    role: inv.role,
    state,
    expiresAt: inv.expiresAt,
  };
}

/** The signed-in person accepting an invitation (also the audit actor), with their audit details. */
export interface AcceptContext extends AuditContext {
  db: Db;
  tenantId: string;
  user: { id: string; email: string };
}

/** The accept context of a request whose principal is the signed-in `user` (`access.principal` ran). */
export function acceptContext(request: FastifyRequest, db: Db, user: { id: string; email: string }): AcceptContext {
  return { ...auditContext(request), db, tenantId: request.tenant.id, user };
}

/**
 * Accepts an invitation for the signed-in user, whose e-mail must be the invited one. A person
 * who is already staff keeps their role.
 */
export async function acceptInvitation(ctx: AcceptContext, token: string): Promise<{ role: StaffRole; alreadyMember: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(staffInvitations)
      .where(
        and(
          eq(staffInvitations.tokenHash, hashToken(token)),
          eq(staffInvitations.tenantId, ctx.tenantId),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
          gt(staffInvitations.expiresAt, new Date()),
        ),
      )
      .for("update");
    if (!inv)
      throw new HttpError(404, "This invitation is not valid: it expired, was withdrawn or was already used.", {
        code: "invalid-invitation",
      });
    if (inv.email !== ctx.user.email.trim().toLowerCase()) {
      throw new HttpError(403, `This invitation was sent to ${inv.email}; sign in with that address to accept it.`, {
        code: "wrong-email",
      });
    }
    await tx.update(staffInvitations).set({ acceptedAt: new Date() }).where(eq(staffInvitations.id, inv.id));
    const [existing] = await tx
      .select({ role: tenantStaff.role })
      .from(tenantStaff)
      .where(and(eq(tenantStaff.tenantId, ctx.tenantId), eq(tenantStaff.userId, ctx.user.id)));
    if (existing) return { role: existing.role, alreadyMember: true };
    await tx.insert(tenantStaff).values({ tenantId: ctx.tenantId, userId: ctx.user.id, role: inv.role });
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "staff.invitation_accept",
      targetType: "user",
      targetId: ctx.user.id,
      summary: `${inv.email} (${inv.role})`,
      before: null,
      after: { role: inv.role },
    });
    return { role: inv.role, alreadyMember: false };
  });
}
