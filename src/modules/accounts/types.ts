import type { Permission } from "./permissions.ts";
import type { StaffRole } from "./schema.ts";

/** The signed-in person, as the rest of Kervan sees them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** Platform-wide role of better-auth's admin plugin: "admin" (platform operator) or "user". */
  role: string;
  /** TOTP two-factor authentication is on. */
  twoFactorEnabled: boolean;
  emailVerified: boolean;
}

/** The signed-in person's membership of the request's store, set by the permission guard (`access.ts`). */
export interface StaffMembership {
  tenantId: string;
  role: StaffRole;
}

/** Who is making an authenticated request: a person (session cookie or bearer JWT) or an API key. */
export interface Principal {
  kind: "session" | "jwt" | "api_key";
  /** The person; null for API keys. */
  user: SessionUser | null;
  apiKey: { id: string; name: string } | null;
  /** The person's store role (null for API keys). */
  role: StaffRole | null;
  permissions: ReadonlySet<Permission>;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by `access.principal` / the `access.require` guard (null until then; `authRoutes` declares the decorator). */
    user: SessionUser | null;
    /** Set by `access.principal` / `access.require` together with `user` (null for non-staff). */
    staff: StaffMembership | null;
    /** Set by `access.principal` / `access.require` together with `user`. */
    principal: Principal | null;
  }
}
