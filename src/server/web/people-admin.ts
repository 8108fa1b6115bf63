import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import {
  acceptContext,
  acceptInvitation,
  actorContext,
  changeStaffRole,
  findInvitation,
  invitationFrom,
  inviteStaff,
  listInvitations,
  listStaff,
  removeStaff,
  revokeInvitation,
} from "../../modules/accounts/staff.ts";
import { getSecuritySettings, updateSecuritySettings } from "../../modules/accounts/staff-settings.ts";
import { queryAudit } from "../../modules/audit/query.ts";
import type { AuditEvent } from "../../modules/audit/schema.ts";
import {
  adjustStoreCredit,
  type CustomerSummary,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from "../../modules/customers/admin.ts";
import { HttpError } from "../../platform/problem.ts";
import { startOfDayInTurkey } from "../../web/lib/dates.ts";
import {
  AUDIT_PER_PAGE,
  type AuditRow,
  CUSTOMERS_PER_PAGE,
  type InvitationsWeb,
  type PeopleAdmin,
  type PeopleResult,
} from "../../web/services/people-admin.ts";
import type { Kernel } from "../kernel.ts";
import { attempt } from "./attempt.ts";
import { requirePermission } from "./guard.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

function auditRow(
  e: Pick<AuditEvent, "id" | "type" | "actorEmail" | "summary" | "ip" | "before" | "after" | "createdAt"> & Partial<AuditEvent>,
): AuditRow {
  return {
    id: e.id,
    type: e.type,
    actorKind: e.actorKind ?? "user",
    actorEmail: e.actorEmail,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    summary: e.summary,
    ip: e.ip,
    before: e.before,
    after: e.after,
    createdAt: e.createdAt.toISOString(),
  };
}

/** Runs a change; refusals the services explain (HttpError) come back as `{ ok: false }`. */
const change = <T extends object>(fn: () => Promise<T>): Promise<PeopleResult<T>> =>
  attempt(
    async () => ({ ok: true as const, ...(await fn()) }),
    (error) => (error instanceof HttpError ? { ok: false as const, code: error.code, message: error.message } : undefined),
  );

/** A customer as the admin lists show them. */
function customerRow(c: CustomerSummary) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    tier: c.tier,
    storeCredit: c.storeCredit,
    disabled: c.disabledAt !== null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Implements PeopleAdmin for one request (the page loaders check the permission first). */
export function peopleAdminWeb(kernel: Kernel, request: FastifyRequest): PeopleAdmin {
  const { db } = kernel;
  const tenantId = request.tenant.id;
  const deps = { db, auth: kernel.auth };

  /** The caller, with the permission checked again here (defence in depth). */
  async function actor(permission: Permission) {
    await requirePermission(kernel, request, permission);
    return actorContext(request, deps);
  }

  return {
    customers: {
      async list(query) {
        const result = await listCustomers(db, tenantId, { ...query, perPage: CUSTOMERS_PER_PAGE });
        return {
          ...result,
          items: result.items.map(customerRow),
        };
      },
      async get(id) {
        const c = await getCustomer(db, tenantId, id);
        if (!c) return null;
        return {
          ...customerRow(c),
          emailVerified: c.emailVerified,
          phone: c.phone,
          twoFactorEnabled: c.twoFactorEnabled,
          disabledReason: c.disabledReason,
          disabledAt: iso(c.disabledAt),
          lastSeenAt: iso(c.lastSeenAt),
          addressCount: c.addressCount,
          ledger: c.ledger.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
          consents: c.consents.map((e) => ({
            purpose: e.purpose,
            granted: e.granted,
            textVersion: e.textVersion,
            createdAt: e.createdAt.toISOString(),
          })),
          activity: c.activity.map(auditRow),
        };
      },
      setTier: (id, tier) =>
        change(async () => {
          await updateCustomer(await actor("customers:write"), id, { tier });
          return {};
        }),
      setDisabled: (id, disabled, reason) =>
        change(async () => {
          await updateCustomer(await actor("customers:write"), id, { disabled, reason });
          return {};
        }),
      adjustCredit: (id, amount, reason) =>
        change(async () => ({ balance: (await adjustStoreCredit(await actor("customers:credit"), id, { amount, reason })).balance })),
      remove: (id) => change(async () => deleteCustomer(await actor("customers:delete"), id)),
    },
    staff: {
      async list() {
        const [members, invitations, who] = await Promise.all([
          listStaff(db, tenantId),
          listInvitations(db, tenantId),
          kernel.access.principal(request),
        ]);
        return {
          members: members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
          invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })),
          me: { userId: who?.user?.id ?? null, role: who?.role ?? null },
        };
      },
      changeRole: (userId, role) =>
        change(async () => {
          await changeStaffRole(await actor("staff:manage"), userId, role);
          return {};
        }),
      remove: (userId) =>
        change(async () => {
          await removeStaff(await actor("staff:manage"), userId);
          return {};
        }),
      invite: (email, role) =>
        change(async () => {
          const ctx = await actor("staff:manage");
          const result = await inviteStaff(ctx, { email, role, ...invitationFrom(request, kernel.mailer) });
          return { mailStatus: result.mailStatus };
        }),
      revokeInvitation: (id) =>
        change(async () => {
          await revokeInvitation(await actor("staff:manage"), id);
          return {};
        }),
    },
    audit: {
      async query(filter) {
        const result = await queryAudit(db, tenantId, {
          type: filter.type,
          actor: filter.actor,
          from: startOfDayInTurkey(filter.from) ?? undefined,
          to: startOfDayInTurkey(filter.to, 1) ?? undefined,
          page: filter.page,
          perPage: AUDIT_PER_PAGE,
        });
        return { ...result, items: result.items.map(auditRow) };
      },
    },
    settings: {
      get: () => getSecuritySettings(db, tenantId),
      update: (patch) =>
        change(async () => {
          await updateSecuritySettings(await actor("settings:write"), patch, () => kernel.tenants.invalidate());
          return {};
        }),
    },
  };
}

/** Staff invitation links for any visitor of the store. */
export function invitationsWeb(kernel: Kernel, request: FastifyRequest): InvitationsWeb {
  const tenantId = request.tenant.id;
  return {
    async find(token) {
      const found = await findInvitation(kernel.db, tenantId, token);
      return (
        found && {
          storeName: found.storeName,
          email: found.email,
          role: found.role,
          state: found.state,
          expiresAt: found.expiresAt.toISOString(),
        }
      );
    },
    accept: (token) =>
      change(async () => {
        const who = await kernel.access.principal(request);
        if (!who?.user) throw new HttpError(401, "Sign in with the invited e-mail address first.", { code: "sign-in" });
        const { role } = await acceptInvitation(acceptContext(request, kernel.db, who.user), token);
        return { role };
      }),
  };
}
