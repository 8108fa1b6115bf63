// Secret tokens handed to a person or a program once (invitation links, refresh tokens, API keys)
// and stored only as a hash, so a copy of the database does not let anyone use them.

import { createHash, randomBytes } from "node:crypto";

/** A random token of `bytes` bytes, base64url-encoded (32 bytes: 43 characters, 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * The stored form of a token: SHA-256 of its UTF-8 text as 64 lowercase hex characters. Invitation,
 * refresh-token and API-key rows hold this; changing the encoding would orphan every existing row.
 */
export function hashToken(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
