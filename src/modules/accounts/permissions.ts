// The permission matrix: what each store role may do. Every admin API route and page names one
// permission; `docs/permissions.md` shows the same table for people. API keys carry a subset of
// these permissions as their scopes.

import type { StaffRole } from "./schema.ts";

export const permissions = [
  "dashboard:read",
  "catalog:read",
  "catalog:write",
  "orders:read",
  "orders:write",
  "customers:read",
  "customers:write",
  "customers:credit",
  "customers:delete",
  "staff:read",
  "staff:manage",
  "audit:read",
  "mail:read",
  "settings:write",
  "api_keys:manage",
] as const;

export type Permission = (typeof permissions)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (permissions as readonly string[]).includes(value);
}

const all: readonly Permission[] = permissions;

/**
 * Role → permissions. Owners and admins differ in who they may manage: only an owner can make,
 * change or remove another owner (checked by the staff service).
 */
export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  owner: all,
  admin: all,
  catalog_manager: ["dashboard:read", "catalog:read", "catalog:write"],
  order_manager: ["dashboard:read", "catalog:read", "orders:read", "orders:write", "customers:read", "mail:read"],
  support: ["dashboard:read", "catalog:read", "orders:read", "customers:read", "mail:read"],
};

const roleSets = new Map<StaffRole, ReadonlySet<Permission>>(
  Object.entries(rolePermissions).map(([role, list]) => [role as StaffRole, new Set(list)]),
);

/** The permissions of a store role (platform administrators get `owner`'s). */
export function permissionsOf(role: StaffRole): ReadonlySet<Permission> {
  return roleSets.get(role) ?? new Set();
}
