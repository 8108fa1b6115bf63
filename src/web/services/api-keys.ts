// Admin of the store's API keys.
// Types only: the server implements this in src/server/web/api-keys.ts and passes it through the
// request context (see ../context.ts).

export type ApiKeyStatus = "active" | "expired" | "revoked";

export interface ApiKeyItem {
  id: string;
  name: string;
  /** First characters of the key (`kvn_…`), to tell keys apart. */
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: ApiKeyStatus;
}

/** What was wrong with a create form: a field to fix, or a scope the person may not grant. */
export type ApiKeyFormError = "name" | "scopes" | "expiry" | "forbidden";

export interface CreateApiKeyForm {
  name: string;
  scopes: string[];
  /** Last day the key works, `YYYY-MM-DD` (Turkey time), or null for no expiry. */
  expiresOn: string | null;
}

export type CreateApiKeyResult = { ok: true; key: string; item: ApiKeyItem } | { ok: false; error: ApiKeyFormError };

export interface ApiKeysAdmin {
  /** Every key of the store, newest first (secrets are never readable again). */
  list(): Promise<ApiKeyItem[]>;
  /** The permissions the signed-in person may put on a key: their own. */
  grantable(): Promise<string[]>;
  /** Creates a key; `key` is the only time the secret is shown. */
  create(form: CreateApiKeyForm): Promise<CreateApiKeyResult>;
  /** Revokes a key of the store; false when there is no such key. */
  revoke(id: string): Promise<boolean>;
}
