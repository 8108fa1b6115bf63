// Access control for admin routes: who is calling (session cookie, bearer JWT or API key) and
// whether their store role or key scopes include the route's permission.

import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/index.ts";
import { problem, sendProblem } from "../../platform/problem.ts";
import type { Auth, AuthProvider } from "./auth.ts";
import { hasSessionCookie } from "./constants.ts";
import { type Permission, permissionsOf } from "./permissions.ts";
import type { StaffRole } from "./schema.ts";
import { isTenantStaff, resolveAuth, resolveSession, webHeaders } from "./service.ts";
import type { Principal, SessionUser } from "./types.ts";

/** What a bearer token stands for, as decided by the API-access module. */
export type BearerIdentity =
  | { kind: "jwt"; user: SessionUser; tenantId: string }
  | { kind: "api_key"; id: string; name: string; tenantId: string; scopes: readonly Permission[] };

/** Verifies `Authorization: Bearer <token>`; null when the token is not valid. */
export type BearerAuthenticator = (token: string, request: FastifyRequest) => Promise<BearerIdentity | null>;

export interface AccessOptions {
  auth: Auth | AuthProvider;
  db: Db;
  /** Bearer JWTs and API keys; without it only session cookies are accepted. */
  bearer?: BearerAuthenticator;
  /** Whether the request's store makes two-factor authentication compulsory for staff. */
  requiresStaffTwoFactor?: (request: FastifyRequest) => boolean;
}

export type PermissionGuard = ((request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>) & {
  /** The permission this guard checks; admin routes are listed and tested by it. */
  readonly permission: Permission;
};

export interface Access {
  /** A preHandler that answers 401 without credentials, 403 without the permission. */
  require(permission: Permission): PermissionGuard;
  /** The caller's store role and permissions, or null (no SQL without credentials). */
  principal(request: FastifyRequest, reply?: FastifyReply): Promise<Principal | null>;
}

export const TWO_FACTOR_REQUIRED = "https://kervan.dev/problems/two-factor-required";

/** The bearer token, "" for a malformed Bearer header, null without one (other schemes, such as a proxy's Basic, are not ours). */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header || !/^Bearer(\s|$)/i.test(header)) return null;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
}

export function createAccess(options: AccessOptions): Access {
  const { db } = options;

  async function staffRole(tenantId: string, user: SessionUser): Promise<StaffRole | null> {
    const role = await isTenantStaff(db, tenantId, user.id);
    // platform administrators manage every store
    return role ?? (user.role === "admin" ? "owner" : null);
  }

  async function userPrincipal(kind: "session" | "jwt", tenantId: string, user: SessionUser): Promise<Principal> {
    const role = await staffRole(tenantId, user);
    return { kind, user, apiKey: null, role, permissions: role ? permissionsOf(role) : new Set() };
  }

  async function principal(request: FastifyRequest, reply?: FastifyReply): Promise<Principal | null> {
    if (request.principal) return request.principal;
    const tenantId = request.tenant.id;
    const token = bearerToken(request);
    let found: Principal | null = null;
    if (token !== null) {
      const identity = token && options.bearer ? await options.bearer(token, request) : null;
      if (!identity || identity.tenantId !== tenantId) return null;
      found =
        identity.kind === "api_key"
          ? {
              kind: "api_key",
              user: null,
              apiKey: { id: identity.id, name: identity.name },
              role: null,
              permissions: new Set(identity.scopes),
            }
          : await userPrincipal("jwt", tenantId, identity.user);
    } else {
      if (!hasSessionCookie(request.headers.cookie)) return null;
      const { user, setCookies } = await resolveSession(await resolveAuth(options.auth), webHeaders(request));
      if (setCookies.length > 0) reply?.header("set-cookie", setCookies);
      if (!user) return null;
      found = await userPrincipal("session", tenantId, user);
    }
    request.principal = found;
    request.user = found.user;
    if (found.role) request.staff = { tenantId, role: found.role };
    return found;
  }

  function require(permission: Permission): PermissionGuard {
    const guard = async (request: FastifyRequest, reply: FastifyReply) => {
      const who = await principal(request, reply);
      if (!who) {
        reply.header("www-authenticate", 'Bearer realm="kervan"');
        return sendProblem(reply, problem(401, "Sign in or send a valid bearer token to continue."));
      }
      if (who.user && !who.role) return sendProblem(reply, problem(403, "You do not have access to this store's administration."));
      if (!who.permissions.has(permission)) {
        return sendProblem(reply, problem(403, `This needs the "${permission}" permission, which your role or key does not have.`));
      }
      if (who.user && !who.user.twoFactorEnabled && options.requiresStaffTwoFactor?.(request)) {
        return sendProblem(
          reply,
          problem(403, "This store requires staff to turn on two-factor authentication. Turn it on under My account → Security.", {
            type: TWO_FACTOR_REQUIRED,
          }),
        );
      }
      return undefined;
    };
    return Object.assign(guard, { permission });
  }

  return { require, principal };
}
