// `Authorization: Bearer …` for the access guard (src/modules/accounts/access.ts): an API key of
// the request's store, or an access token (JWT) issued by POST /api/v1/auth/token.

import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import type { BearerAuthenticator } from "../accounts/access.ts";
import { users } from "../accounts/schema.ts";
import type { SessionUser } from "../accounts/types.ts";
import { API_KEY_PREFIX, authenticateApiKey } from "./api-keys.ts";
import { type AccessTokenKeys, accessTokenKeys, verifyAccessToken } from "./tokens.ts";

export interface BearerOptions {
  db: Db;
  /** `config.secrets`: the first signs access tokens, the others still verify them. */
  secrets: readonly string[];
}

/** The user as the access guard sees them, or null when they are gone or banned. */
export async function activeUser(db: Db, userId: string): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      twoFactorEnabled: users.twoFactorEnabled,
      emailVerified: users.emailVerified,
      banned: users.banned,
      banExpires: users.banExpires,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  if (row.banned && (!row.banExpires || row.banExpires > new Date())) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role ?? "user",
    twoFactorEnabled: row.twoFactorEnabled === true,
    emailVerified: row.emailVerified,
  };
}

export function createBearerAuthenticator(options: BearerOptions): BearerAuthenticator {
  const { db } = options;
  const keys: AccessTokenKeys = accessTokenKeys(options.secrets);
  return async (token, request) => {
    const tenantId = request.tenant.id;
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await authenticateApiKey(db, tenantId, token);
      return key && { kind: "api_key", id: key.id, name: key.name, tenantId, scopes: key.scopes };
    }
    const claims = await verifyAccessToken(keys, token);
    // a token of another store is not valid here (and costs no SQL)
    if (!claims || claims.tid !== tenantId) return null;
    const user = await activeUser(db, claims.sub);
    return user && { kind: "jwt", user, tenantId };
  };
}
