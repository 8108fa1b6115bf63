import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { type Tenant, tenantDomains, tenants } from "./schema.ts";

/** Hosts that always reach the default tenant (local development, health checks). */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Lower-cased host without port: `Shop.Example.com:3000` → `shop.example.com`. */
export function normalizeHost(hostHeader: string | undefined): string {
  if (!hostHeader) return "";
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  return host.replace(/:\d+$/, "").replace(/\.$/, "");
}

export interface TenantResolver {
  /** The tenant serving `host`, or null when no store is configured for it. */
  resolve(host: string): Promise<Tenant | null>;
  /** Forget cached lookups (after a domain or tenant change). */
  invalidate(): void;
}

/**
 * Resolves Host → tenant with a small in-process cache: every request needs it, and
 * domains change rarely. Entries expire after `ttlMs`; negative answers are cached too.
 */
export function createTenantResolver(db: Db, options: { ttlMs?: number; maxEntries?: number } = {}): TenantResolver {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { tenant: Tenant | null; expires: number }>();

  async function lookup(host: string): Promise<Tenant | null> {
    if (LOCAL_HOSTS.has(host)) {
      const [row] = await db
        .select({ tenant: tenants })
        .from(tenants)
        .leftJoin(tenantDomains, eq(tenantDomains.tenantId, tenants.id))
        .where(eq(tenantDomains.host, host))
        .limit(1);
      if (row) return row.tenant;
      const [fallback] = await db.select().from(tenants).where(eq(tenants.isDefault, true)).limit(1);
      return fallback ?? null;
    }
    const [row] = await db
      .select({ tenant: tenants })
      .from(tenantDomains)
      .innerJoin(tenants, eq(tenantDomains.tenantId, tenants.id))
      .where(eq(tenantDomains.host, host))
      .limit(1);
    return row?.tenant ?? null;
  }

  return {
    async resolve(host) {
      const now = Date.now();
      const hit = cache.get(host);
      if (hit && hit.expires > now) return hit.tenant;
      const tenant = await lookup(host);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(host, { tenant, expires: now + ttlMs });
      return tenant;
    },
    invalidate() {
      cache.clear();
    },
  };
}

export async function createTenant(
  db: Db,
  input: { slug: string; name: string; hosts: string[]; isDefault?: boolean; profile?: Tenant["profile"] },
): Promise<Tenant> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug: input.slug, name: input.name, isDefault: input.isDefault ?? false, profile: input.profile ?? {} })
      .returning();
    if (!tenant) throw new Error("tenant insert returned no row");
    if (input.hosts.length > 0) {
      await tx
        .insert(tenantDomains)
        .values(input.hosts.map((host, i) => ({ host: normalizeHost(host), tenantId: tenant.id, isPrimary: i === 0 })));
    }
    return tenant;
  });
}
