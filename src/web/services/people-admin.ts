// Admin of customers, staff, the audit log and store security settings.
// Types only: the server implements this in src/server/web/people-admin.ts and passes it through the
// request context (see ../context.ts). Dates are ISO strings, money is in minor units (kuruş).

export type CustomerTierName = "standard" | "premium";
export type StaffRoleName = "owner" | "admin" | "catalog_manager" | "order_manager" | "support";
export const STAFF_ROLE_NAMES: readonly StaffRoleName[] = ["owner", "admin", "catalog_manager", "order_manager", "support"];

/** The outcome of a change: `code` names the refusal (e.g. `insufficient-credit`, `last-owner`). */
export type PeopleResult<T extends object = Record<never, never>> = ({ ok: true } & T) | { ok: false; code: string; message: string };

export const CUSTOMERS_PER_PAGE = 25;
export const AUDIT_PER_PAGE = 50;

export interface CustomerListQuery {
  q?: string;
  tier?: CustomerTierName;
  status?: "active" | "disabled";
  page: number;
}

export interface CustomerRow {
  id: string;
  name: string;
  email: string;
  tier: CustomerTierName;
  storeCredit: number;
  disabled: boolean;
  createdAt: string;
}

export interface AuditRow {
  id: string;
  type: string;
  actorKind: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  summary: string | null;
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export interface CustomerView extends CustomerRow {
  emailVerified: boolean;
  phone: string | null;
  twoFactorEnabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  lastSeenAt: string | null;
  addressCount: number;
  ledger: { id: string; amount: number; balanceAfter: number; reason: string; actorEmail: string | null; createdAt: string }[];
  consents: { purpose: string; granted: boolean; textVersion: string; createdAt: string }[];
  activity: AuditRow[];
}

export interface StaffRow {
  userId: string;
  name: string;
  email: string;
  role: StaffRoleName;
  twoFactorEnabled: boolean;
  createdAt: string;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: StaffRoleName;
  invitedByEmail: string | null;
  expiresAt: string;
  createdAt: string;
  expired: boolean;
}

export interface AuditFilter {
  /** Exact type, or a prefix ending in `.` / `*`. */
  type?: string;
  /** E-mail address or user id. */
  actor?: string;
  /** Days (YYYY-MM-DD, Turkish time), both inclusive. */
  from?: string;
  to?: string;
  page: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export interface PeopleAdmin {
  customers: {
    list(query: CustomerListQuery): Promise<Page<CustomerRow>>;
    get(id: string): Promise<CustomerView | null>;
    setTier(id: string, tier: CustomerTierName): Promise<PeopleResult>;
    setDisabled(id: string, disabled: boolean, reason: string): Promise<PeopleResult>;
    /** `amount` in minor units, positive adds and negative takes. */
    adjustCredit(id: string, amount: number, reason: string): Promise<PeopleResult<{ balance: number }>>;
    remove(id: string): Promise<PeopleResult<{ userDeleted: boolean }>>;
  };
  staff: {
    /** Members and pending invitations, plus who is asking (their id and role decide what they may change). */
    list(): Promise<{ members: StaffRow[]; invitations: InvitationRow[]; me: { userId: string | null; role: StaffRoleName | null } }>;
    changeRole(userId: string, role: StaffRoleName): Promise<PeopleResult>;
    remove(userId: string): Promise<PeopleResult>;
    invite(email: string, role: StaffRoleName): Promise<PeopleResult<{ mailStatus: string }>>;
    revokeInvitation(id: string): Promise<PeopleResult>;
  };
  audit: {
    query(filter: AuditFilter): Promise<Page<AuditRow>>;
  };
  settings: {
    get(): Promise<{ requireStaffTwoFactor: boolean }>;
    update(patch: { requireStaffTwoFactor: boolean }): Promise<PeopleResult>;
  };
}

export interface InvitationView {
  storeName: string;
  email: string;
  role: StaffRoleName;
  state: "valid" | "expired" | "accepted" | "revoked";
  expiresAt: string;
}

/** Staff invitation links (`/davet?token=`), for every visitor. */
export interface InvitationsWeb {
  find(token: string): Promise<InvitationView | null>;
  /** For the signed-in user whose e-mail was invited. */
  accept(token: string): Promise<PeopleResult<{ role: StaffRoleName }>>;
}
