import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import type { Principal } from "../../modules/accounts/types.ts";
import { type ApiKeyActor, type ApiKeyView, createApiKey, listApiKeys, revokeApiKey } from "../../modules/api-access/api-keys.ts";
import { auditContext } from "../../modules/audit/service.ts";
import { isUuid } from "../../platform/ids.ts";
import { HttpError } from "../../platform/problem.ts";
import { endOfDayInTurkey } from "../../web/lib/dates.ts";
import type { ApiKeyItem, ApiKeysAdmin, CreateApiKeyResult } from "../../web/services/api-keys.ts";
import type { Kernel } from "../kernel.ts";

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
      if (!isUuid(id)) return false;
      return (await revokeApiKey(db, actor(who), id)) !== "missing";
    },
  };
}
