import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import type { Principal } from "../../modules/accounts/types.ts";
import { type ApiKeyActor, type ApiKeyView, createApiKey, listApiKeys, revokeApiKey } from "../../modules/api-access/api-keys.ts";
import { auditContext } from "../../modules/audit/service.ts";
import { HttpError } from "../../platform/problem.ts";
import type { ApiKeyItem, ApiKeysAdmin, CreateApiKeyResult } from "../../web/services/api-keys.ts";
import type { Kernel } from "../kernel.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const toItem = (k: ApiKeyView): ApiKeyItem => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  status: k.status,
});

/** The end of a calendar day in Turkey (UTC+3 all year), or null when the text is not a date. */
function endOfDayInTurkey(day: string): Date | null {
  // rejects impossible dates such as 2026-02-31
  const noon = new Date(`${day}T12:00:00Z`);
  if (!DATE.test(day) || Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== day) return null;
  return new Date(`${day}T23:59:59.999+03:00`);
}

/** Implements ApiKeysAdmin for one request. */
export function apiKeysWeb(kernel: Kernel, request: FastifyRequest): ApiKeysAdmin {
  const { db } = kernel;
  const tenantId = () => request.tenant.id;

  /** The signed-in staff member, re-checked here: the page is not the only guard. */
  async function manager(): Promise<Principal> {
    const who = await kernel.access.principal(request);
    if (!who?.permissions.has("api_keys:manage")) throw new Response("Forbidden", { status: 403 });
    return who;
  }

  const actor = (who: Principal): ApiKeyActor => ({ ...auditContext(request), tenantId: tenantId(), permissions: who.permissions });

  return {
    async list() {
      await manager();
      return (await listApiKeys(db, tenantId())).map(toItem);
    },
    async grantable() {
      return [...(await manager()).permissions];
    },
    async create(form): Promise<CreateApiKeyResult> {
      const who = await manager();
      const name = form.name.trim();
      if (!name || name.length > 100) return { ok: false, error: "name" };
      if (form.scopes.length === 0) return { ok: false, error: "scopes" };
      let expiresAt: Date | null = null;
      if (form.expiresOn) {
        expiresAt = endOfDayInTurkey(form.expiresOn);
        if (!expiresAt || expiresAt.getTime() <= Date.now()) return { ok: false, error: "expiry" };
      }
      try {
        const { key, apiKey } = await createApiKey(db, actor(who), { name, scopes: form.scopes as Permission[], expiresAt });
        return { ok: true, key, item: toItem(apiKey) };
      } catch (error) {
        if (error instanceof HttpError) {
          if (error.statusCode === 403) return { ok: false, error: "forbidden" };
          const path = error.errors?.[0]?.path;
          return { ok: false, error: path === "name" ? "name" : path === "expiresAt" ? "expiry" : "scopes" };
        }
        throw error;
      }
    },
    async revoke(id) {
      const who = await manager();
      if (!UUID.test(id)) return false;
      return (await revokeApiKey(db, actor(who), id)) !== "missing";
    },
  };
}
