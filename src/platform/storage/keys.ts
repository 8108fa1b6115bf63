// Key rules shared by every driver, so a key that works on local disk also works on S3 and in a URL.

const MAX_KEY_LENGTH = 1024; // S3's limit, in bytes; keys here are ASCII so bytes = characters
const KEY_CHARS = /^[A-Za-z0-9._/-]+$/;

/** Thrown for a key or prefix that breaks the rules; `statusCode` makes Fastify answer 400. */
export class InvalidKeyError extends Error {
  readonly code = "INVALID_STORAGE_KEY";
  readonly statusCode = 400;
  readonly key: string;
  constructor(key: string, reason: string) {
    super(`Invalid storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = "InvalidKeyError";
    this.key = key;
  }
}

/** Why `key` is not a valid object key, or null when it is. */
export function keyProblem(key: unknown): string | null {
  if (typeof key !== "string" || key.length === 0) return "expected a non-empty string";
  if (key.length > MAX_KEY_LENGTH) return `longer than ${MAX_KEY_LENGTH} characters`;
  if (key.includes("\\")) return "backslashes are not allowed";
  if (!KEY_CHARS.test(key)) return "only letters, digits and . _ - / are allowed";
  if (key.startsWith("/")) return "must not start with /";
  if (key.endsWith("/")) return "must not end with /";
  if (key.includes("//")) return "empty path segments (//) are not allowed";
  // Rules out "." and ".." and keeps dot-names free for the local driver's own folders (.tmp, .meta).
  if (key.split("/").some((segment) => segment.startsWith("."))) return 'path segments must not start with "."';
  return null;
}

export function isValidKey(key: unknown): key is string {
  return keyProblem(key) === null;
}

export function assertKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) throw new InvalidKeyError(key, problem);
}

/**
 * A prefix is "" (everything), a key-like path that may end in "/", or a partial last segment
 * (`tenants/ab` matches `tenants/abc/x.png`), as in S3.
 */
export function assertPrefix(prefix: string): void {
  if (prefix === "") return;
  const problem = keyProblem(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
  if (problem) throw new InvalidKeyError(prefix, `invalid prefix: ${problem}`);
}

/** deletePrefix("") would wipe every tenant's files; callers must name what they delete. */
export function assertDeletablePrefix(prefix: string): void {
  if (prefix === "") throw new InvalidKeyError(prefix, "refusing to delete with an empty prefix (that is every object)");
  assertPrefix(prefix);
}

export function assertContentType(contentType: string): void {
  // Goes into a response header: a type/subtype with optional parameters, no control characters.
  if (!/^[\w.+-]+\/[\w.+-]+(\s*;[\x20-\x7e]*)?$/.test(contentType)) {
    throw new TypeError(`Invalid content type ${JSON.stringify(contentType)}: expected something like "image/webp"`);
  }
}

export function assertRange(range: { start: number; end: number }): void {
  if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0 || range.end < range.start) {
    throw new RangeError(`Invalid byte range ${range.start}-${range.end}: expected whole numbers with 0 <= start <= end`);
  }
}
