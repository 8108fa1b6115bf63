// Admin API over the store's staff, invitations and security settings; and accepting an
// invitation (any signed-in person whose e-mail was invited).

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { Mailer } from "../../platform/mail/types.ts";
import { problem, problemSchema, sendProblem } from "../../platform/problem.ts";
import type { Access } from "./access.ts";
import type { Auth, AuthProvider } from "./auth.ts";
import { staffRoles } from "./schema.ts";
import {
  acceptContext,
  acceptInvitation,
  actorContext,
  changeStaffRole,
  invitationFrom,
  inviteStaff,
  listInvitations,
  listStaff,
  type PendingInvitation,
  removeStaff,
  revokeInvitation,
  type StaffMember,
} from "./staff.ts";
import { getSecuritySettings, updateSecuritySettings } from "./staff-settings.ts";

export interface StaffRoutesOptions {
  db: Db;
  access: Access;
  auth: Auth | AuthProvider;
  mailer: Mailer;
  /** Drops cached tenants after a settings change. */
  invalidateTenants: () => void;
}

const role = z.enum(staffRoles);

const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role,
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
});
const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role,
  invitedByEmail: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  expired: z.boolean(),
});
const settingsSchema = z.object({ requireStaffTwoFactor: z.boolean() });

const memberJson = (m: StaffMember) => ({ ...m, createdAt: m.createdAt.toISOString() });
const invitationJson = (i: PendingInvitation) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() });

export async function staffRoutes(fastify: FastifyInstance, options: StaffRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, access } = options;
  const userParams = z.object({ userId: z.uuid("expected a user id (UUID)") });

  app.get(
    "/api/admin/staff",
    {
      preHandler: access.require("staff:read"),
      schema: {
        tags: ["admin"],
        summary: "The store's staff with their roles and 2FA state",
        response: { 200: z.object({ items: z.array(memberSchema) }) },
      },
    },
    async (request) => ({ items: (await listStaff(db, request.tenant.id)).map(memberJson) }),
  );

  app.patch(
    "/api/admin/staff/:userId",
    {
      preHandler: access.require("staff:manage"),
      schema: {
        tags: ["admin"],
        summary: "Change a member's role",
        description:
          "Only owners may make, change or remove owners; nobody changes their own role; the last owner stays. The member is signed out everywhere.",
        params: userParams,
        body: z.object({ role }),
        response: { 200: memberSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => memberJson(await changeStaffRole(actorContext(request, options), request.params.userId, request.body.role)),
  );

  app.delete(
    "/api/admin/staff/:userId",
    {
      preHandler: access.require("staff:manage"),
      schema: {
        tags: ["admin"],
        summary: "Remove a member from the store's staff",
        params: userParams,
        response: { 200: z.object({ removed: z.literal(true) }), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      await removeStaff(actorContext(request, options), request.params.userId);
      return { removed: true as const };
    },
  );

  app.get(
    "/api/admin/staff/invitations",
    {
      preHandler: access.require("staff:read"),
      schema: {
        tags: ["admin"],
        summary: "Pending staff invitations",
        response: { 200: z.object({ items: z.array(invitationSchema) }) },
      },
    },
    async (request) => ({ items: (await listInvitations(db, request.tenant.id)).map(invitationJson) }),
  );

  app.post(
    "/api/admin/staff/invitations",
    {
      preHandler: access.require("staff:manage"),
      schema: {
        tags: ["admin"],
        summary: "Invite someone to the staff by e-mail",
        description: "Mails a link to `/davet?token=…` on this store, valid for 7 days. Only owners may invite owners.",
        body: z.object({ email: z.email("expected an e-mail address").max(254), role, locale: z.enum(["tr", "en"]).optional() }),
        response: {
          201: z.object({ invitation: invitationSchema, mailStatus: z.enum(["sent", "captured", "failed"]) }),
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await inviteStaff(actorContext(request, options), {
        email: request.body.email,
        role: request.body.role,
        ...invitationFrom(request, options.mailer, request.body.locale),
      });
      return reply.code(201).send({ invitation: invitationJson(result.invitation), mailStatus: result.mailStatus });
    },
  );

  app.delete(
    "/api/admin/staff/invitations/:id",
    {
      preHandler: access.require("staff:manage"),
      schema: {
        tags: ["admin"],
        summary: "Withdraw a pending invitation",
        params: z.object({ id: z.uuid("expected an invitation id (UUID)") }),
        response: { 200: z.object({ revoked: z.literal(true) }), 404: problemSchema },
      },
    },
    async (request) => {
      await revokeInvitation(actorContext(request, options), request.params.id);
      return { revoked: true as const };
    },
  );

  app.get(
    "/api/admin/settings",
    {
      preHandler: access.require("settings:write"),
      schema: { tags: ["admin"], summary: "The store's security settings", response: { 200: settingsSchema } },
    },
    async (request) => getSecuritySettings(db, request.tenant.id),
  );

  app.patch(
    "/api/admin/settings",
    {
      preHandler: access.require("settings:write"),
      schema: {
        tags: ["admin"],
        summary: "Change the store's security settings",
        description: "`requireStaffTwoFactor`: staff without two-factor authentication are kept out of the admin until they turn it on.",
        body: settingsSchema.partial().refine((b) => Object.keys(b).length > 0, "send at least one setting"),
        response: { 200: settingsSchema, 409: problemSchema },
      },
    },
    async (request) => updateSecuritySettings(actorContext(request, options), request.body, options.invalidateTenants),
  );

  app.post(
    "/api/v1/staff-invitations/accept",
    {
      schema: {
        tags: ["admin"],
        summary: "Accept a staff invitation as the signed-in person",
        description: "The signed-in person's e-mail must be the invited one.",
        body: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: z.object({ role, alreadyMember: z.boolean() }), 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const who = await access.principal(request, reply);
      if (!who?.user) return sendProblem(reply, problem(401, "Sign in (or sign up) with the invited e-mail address first."));
      return acceptInvitation(acceptContext(request, db, who.user), request.body.token);
    },
  );
}
