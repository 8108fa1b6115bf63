import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Auth, AuthProvider } from "./auth.ts";
import { CLIENT_IP_HEADER, MIN_PASSWORD_LENGTH, TENANT_HEADER } from "./constants.ts";
import { type StaffRole, staffRoles, tenantStaff, users } from "./schema.ts";
import type { SessionUser } from "./types.ts";

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (staffRoles as readonly string[]).includes(value);
}

interface SessionLike {
  user: { id: string; name: string; email: string; role?: string | null; twoFactorEnabled?: boolean | null; emailVerified?: boolean };
}

export function toSessionUser(session: SessionLike | null): SessionUser | null {
  if (!session) return null;
  const { id, name, email, role, twoFactorEnabled, emailVerified } = session.user;
  return { id, name, email, role: role ?? "user", twoFactorEnabled: twoFactorEnabled === true, emailVerified: emailVerified === true };
}

/** The signed-in user for these request headers (session cookie), or null. */
export async function getSessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  return toSessionUser(await auth.api.getSession({ headers }));
}

/**
 * Like getSessionUser, but also returns the Set-Cookie headers better-auth wants to send (the
 * session cookie is re-issued when a sliding session is extended), so callers that answer HTTP
 * requests can forward them.
 */
export async function resolveSession(auth: Auth, headers: Headers): Promise<{ user: SessionUser | null; setCookies: string[] }> {
  const { headers: out, response } = await auth.api.getSession({ headers, returnHeaders: true });
  return { user: toSessionUser(response), setCookies: out.getSetCookie() };
}

/** The user's role in the store, or null when they are not its staff. */
export async function isTenantStaff(db: Db, tenantId: string, userId: string): Promise<StaffRole | null> {
  if (!isUuid(tenantId) || !isUuid(userId)) return null;
  const [row] = await db
    .select({ role: tenantStaff.role })
    .from(tenantStaff)
    .where(and(eq(tenantStaff.tenantId, tenantId), eq(tenantStaff.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}

export interface CreateStaffUserInput {
  auth: Auth;
  db: Db;
  tenantId: string;
  email: string;
  /** Only used when the user does not exist yet; an existing user's password is never changed. */
  password: string;
  name: string;
  role: StaffRole;
  /** Also make the user a platform administrator (`users.role = 'admin'`). */
  platformAdmin?: boolean;
  /** Mark a new user's email as verified (the operator vouches for it). Default true. */
  emailVerified?: boolean;
}

export interface CreateStaffUserResult {
  userId: string;
  /** False when a user with this email already existed. */
  created: boolean;
  role: StaffRole;
}

async function findUserIdByEmail(db: Db, email: string): Promise<{ id: string; role: string | null } | undefined> {
  const [row] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)).limit(1);
  return row;
}

/**
 * Creates (or finds) a user and makes them staff of a store with the given role. The user is
 * created through better-auth's admin API, so the password is hashed the way sign-in checks it.
 * Idempotent: an existing user keeps their password and gets the membership (role updated).
 */
export async function createStaffUser(input: CreateStaffUserInput): Promise<CreateStaffUserResult> {
  const { auth, db, tenantId, name, role } = input;
  if (!isStaffRole(role)) throw new Error(`createStaffUser: unknown staff role ${String(role)}`);
  const email = input.email.trim().toLowerCase();
  let existing = await findUserIdByEmail(db, email);
  let created = false;
  if (!existing) {
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new Error(`createStaffUser: password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    try {
      const result = await auth.api.createUser({
        body: {
          email,
          password: input.password,
          name,
          role: input.platformAdmin ? "admin" : "user",
          data: { emailVerified: input.emailVerified ?? true },
        },
      });
      existing = { id: result.user.id, role: input.platformAdmin ? "admin" : "user" };
      created = true;
    } catch (error) {
      // Lost a race with a concurrent call for the same email: use the user it created.
      existing = await findUserIdByEmail(db, email);
      if (!existing) throw error;
    }
  }
  if (input.platformAdmin && existing.role !== "admin") {
    await db.update(users).set({ role: "admin" }).where(eq(users.id, existing.id));
  }
  await db
    .insert(tenantStaff)
    .values({ tenantId, userId: existing.id, role })
    .onConflictDoUpdate({ target: [tenantStaff.tenantId, tenantStaff.userId], set: { role } });
  return { userId: existing.id, created, role };
}

/**
 * Copies Fastify's request headers into a Web `Headers` for better-auth, with the client address
 * header set from `request.ip` (honours `trustProxy`) rather than anything the client sent.
 */
export function webHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === CLIENT_IP_HEADER || name === TENANT_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, String(value));
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  // request.tenant is declared non-null, but routes outside the tenancy plugin have none
  const tenantId = (request.tenant as { id?: string } | null)?.id;
  if (tenantId) headers.set(TENANT_HEADER, tenantId);
  return headers;
}

/** An auth instance, or the provider that creates it on first use. */
export const resolveAuth = (auth: Auth | AuthProvider): Promise<Auth> => (typeof auth === "function" ? auth() : Promise.resolve(auth));
