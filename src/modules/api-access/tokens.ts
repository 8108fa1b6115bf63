// Access tokens for mobile apps and other API clients: short-lived HS256 JWTs.
//
// The signing key is derived from the installation secret with HKDF and a fixed label, so the
// raw secret (which also signs better-auth's cookies) never signs anything here. Every secret in
// `SECRET, SECRET_PREVIOUS…` yields a key with its own `kid`: tokens signed before a rotation
// keep verifying until they expire, new ones are signed with the current secret.

import { createHash, hkdfSync, randomUUID } from "node:crypto";
import { decodeProtectedHeader, jwtVerify, SignJWT } from "jose";

export const ACCESS_TOKEN_ISSUER = "kervan";
export const ACCESS_TOKEN_AUDIENCE = "kervan:api";
const KEY_LABEL = "kervan/api-access/access-token/v1";

export interface SigningKey {
  kid: string;
  key: Uint8Array;
}

export interface AccessTokenKeys {
  /** Signs new tokens (derived from the current secret). */
  current: SigningKey;
  /** Verifies tokens, by `kid` (current and previous secrets). */
  byKid: ReadonlyMap<string, SigningKey>;
}

export function deriveSigningKey(secret: string): SigningKey {
  const key = new Uint8Array(hkdfSync("sha256", secret, "kervan", KEY_LABEL, 32));
  const kid = createHash("sha256").update(key).digest("base64url").slice(0, 16);
  return { kid, key };
}

/** Keys for `config.secrets` (the first one signs). */
export function accessTokenKeys(secrets: readonly string[]): AccessTokenKeys {
  if (secrets.length === 0 || !secrets[0]) throw new Error("accessTokenKeys: no secret configured");
  const keys = secrets.map(deriveSigningKey);
  return { current: keys[0] as SigningKey, byKid: new Map(keys.map((k) => [k.kid, k])) };
}

export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Tenant (store) id the token was issued for. */
  tid: string;
  jti: string;
  iat: number;
  exp: number;
}

export async function signAccessToken(
  keys: AccessTokenKeys,
  subject: { userId: string; tenantId: string },
  options: { ttlSeconds: number; now?: Date },
): Promise<{ token: string; claims: AccessTokenClaims }> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: AccessTokenClaims = { sub: subject.userId, tid: subject.tenantId, jti: randomUUID(), iat, exp: iat + options.ttlSeconds };
  const token = await new SignJWT({ tid: claims.tid })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: keys.current.kid })
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .sign(keys.current.key);
  return { token, claims };
}

/** The token's claims when its signature, issuer, audience and lifetime are valid; otherwise null. */
export async function verifyAccessToken(keys: AccessTokenKeys, token: string): Promise<AccessTokenClaims | null> {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    const key = kid ? keys.byKid.get(kid) : undefined;
    if (!key || alg !== "HS256") return null;
    const { payload } = await jwtVerify(token, key.key, {
      algorithms: ["HS256"],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ["sub", "tid", "jti", "iat", "exp"],
    });
    if (typeof payload.sub !== "string" || typeof payload.tid !== "string" || typeof payload.jti !== "string") return null;
    return { sub: payload.sub, tid: payload.tid, jti: payload.jti, iat: payload.iat as number, exp: payload.exp as number };
  } catch {
    return null;
  }
}
