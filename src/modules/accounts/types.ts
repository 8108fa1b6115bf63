import type { StaffRole } from "./schema.ts";

/** The signed-in person, as the rest of Kervan sees them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** Platform-wide role of better-auth's admin plugin: "admin" (platform operator) or "user". */
  role: string;
}

/** The signed-in person's membership of the request's store, set by `requireStaff`. */
export interface StaffMembership {
  tenantId: string;
  role: StaffRole;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by `requireStaff` (null until then; `authRoutes` declares the decorator). */
    user: SessionUser | null;
    /** Set by `requireStaff` together with `user`. */
    staff: StaffMembership | null;
  }
}
