// Settings of the identity layer that code can read without loading better-auth itself.

/** Where better-auth's endpoints live (sign-in, sign-up, sign-out, get-session, admin/...). */
export const AUTH_BASE_PATH = "/api/auth";

/**
 * The request header better-auth reads the client IP from (rate limits, `sessions.ip_address`).
 * `authRoutes` always overwrites it with Fastify's `request.ip` (which honours `trustProxy`), so a
 * client cannot spoof its address with `X-Forwarded-For`.
 */
export const CLIENT_IP_HEADER = "x-kervan-client-ip";

/**
 * The request header better-auth's hooks read the request's store from. Like CLIENT_IP_HEADER it
 * is always overwritten from `request.tenant` (resolved from the Host), never taken from clients.
 */
export const TENANT_HEADER = "x-kervan-tenant-id";

/** Prefix of every better-auth cookie: the session cookie is `kervan.session_token` (`__Secure-` on https). */
export const COOKIE_PREFIX = "kervan";

const SESSION_COOKIE = new RegExp(`(?:^|;)\\s*(?:__Secure-)?${COOKIE_PREFIX}\\.session_token=`);

/**
 * Whether a `Cookie` header carries better-auth's session cookie (`kervan.session_token`, or
 * `__Secure-kervan.session_token` on https): a cheap test before asking better-auth for the session.
 */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return cookieHeader !== undefined && SESSION_COOKIE.test(cookieHeader);
}

export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 7;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Versions of the legal texts people agree to at sign-up; bump when a text changes. */
export const CONSENT_TEXT_VERSIONS = {
  kvkk_notice: "kvkk-aydinlatma-2026-11",
  terms: "uyelik-sozlesmesi-2026-11",
  marketing_email: "ticari-ileti-eposta-2026-11",
  marketing_sms: "ticari-ileti-sms-2026-11",
} as const;
