import type { FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { AUTH_BASE_PATH, COOKIE_PREFIX, hasSessionCookie } from "../../modules/accounts/constants.ts";
import { webHeaders } from "../../modules/accounts/service.ts";
import { isUuid } from "../../platform/ids.ts";
import { EMAIL_RE } from "../../web/lib/forms.ts";
import type {
  ActiveSession,
  EmailChangeError,
  IdentityError,
  IdentityResult,
  IdentityWeb,
  TwoFactorSetup,
} from "../../web/services/identity.ts";
import type { Kernel } from "../kernel.ts";

/** Headers of the page request that describe its own body, not the one we send to better-auth. */
const BODY_HEADERS = ["content-length", "content-type", "transfer-encoding", "connection", "keep-alive", "upgrade", "expect"];

/** better-auth reset tokens are 24 alphanumeric characters; anything far from that is forged. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  cookies: string[];
  retryAfter?: number;
}

function failure(answer: Answer): IdentityError {
  const code = typeof answer.body?.code === "string" ? answer.body.code : `HTTP_${answer.status}`;
  const message = typeof answer.body?.message === "string" ? answer.body.message : "";
  return { status: answer.status, code, message, retryAfter: answer.retryAfter };
}

/** What the profile page says about a refused change of e-mail address. */
function emailChangeError(error: IdentityError): EmailChangeError {
  if (error.status === 429) return "rateLimited";
  if (error.code === "SESSION_NOT_FRESH" || error.status === 403) return "reauthenticate";
  if (/same/i.test(error.message)) return "same";
  return error.status === 400 ? "invalid" : "failed";
}

async function describeSetup(totpURI: string): Promise<TwoFactorSetup | null> {
  let url: URL;
  try {
    url = new URL(totpURI);
  } catch {
    return null;
  }
  const secret = url.searchParams.get("secret") ?? "";
  if (url.protocol !== "otpauth:" || url.host !== "totp" || !/^[A-Z2-7]{16,128}=*$/i.test(secret) || totpURI.length > 500) return null;
  const qrSvg = await QRCode.toString(totpURI, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { totpURI, secret, qrSvg };
}

/**
 * Implements IdentityWeb for one request. Every call goes through better-auth's own HTTP handler
 * with the browser's headers (cookies, Origin, user agent) plus the store and client-IP headers, so
 * its origin checks, rate limits, hooks (password policy, throttles, audit, consents) and mails
 * behave exactly as for a direct API call, and links in mails point at this store's domain.
 */
export function identityWeb(kernel: Kernel, request: FastifyRequest): IdentityWeb {
  const origin = `${request.protocol}://${request.host}`;
  // Cookies better-auth set earlier in this request replace the browser's (e.g. a rotated session).
  let cookieOverride: Map<string, string> | null = null;

  function headers(json: boolean): Headers {
    const out = webHeaders(request);
    for (const name of BODY_HEADERS) out.delete(name);
    // A browser may post a form with `Origin: null` (strict privacy settings); Sec-Fetch-Site
    // vouches it came from this store's own page, whose origin better-auth trusts.
    const from = out.get("origin");
    if ((!from || from === "null") && request.headers["sec-fetch-site"] === "same-origin") out.set("origin", origin);
    out.set("accept", "application/json");
    if (json) out.set("content-type", "application/json");
    if (cookieOverride) {
      const jar = new Map<string, string>();
      for (const part of (out.get("cookie") ?? "").split(";")) {
        const eq = part.indexOf("=");
        if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
      }
      for (const [name, value] of cookieOverride) {
        if (value === "") jar.delete(name);
        else jar.set(name, value);
      }
      out.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    return out;
  }

  function remember(cookies: string[]) {
    for (const cookie of cookies) {
      const first = cookie.split(";", 1)[0] ?? "";
      const eq = first.indexOf("=");
      if (eq <= 0) continue;
      const expired = /max-age=0/i.test(cookie) || /expires=thu, 01 jan 1970/i.test(cookie);
      cookieOverride ??= new Map();
      cookieOverride.set(first.slice(0, eq), expired ? "" : first.slice(eq + 1));
    }
  }

  async function call(path: string, body?: Record<string, unknown>, method: "GET" | "POST" = "POST"): Promise<Answer> {
    const auth = await kernel.auth();
    const response = await auth.handler(
      new Request(new URL(`${AUTH_BASE_PATH}${path}`, origin), {
        method,
        headers: headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    let parsed: Record<string, unknown> | null = null;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      parsed = null;
    }
    const cookies = response.headers.getSetCookie();
    remember(cookies);
    const retry = Number(response.headers.get("retry-after") ?? response.headers.get("x-retry-after"));
    return { status: response.status, body: parsed, cookies, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined };
  }

  async function simple(path: string, body?: Record<string, unknown>): Promise<IdentityResult<null>> {
    const answer = await call(path, body);
    if (answer.status >= 400) return { ok: false, error: failure(answer), cookies: answer.cookies };
    return { ok: true, value: null, cookies: answer.cookies };
  }

  async function currentSession() {
    if (!hasSessionCookie(request.headers.cookie)) return null;
    const auth = await kernel.auth();
    return auth.api.getSession({ headers: headers(false), query: { disableCookieCache: true } });
  }

  async function sessionRows(): Promise<
    { id: string; token: string; ipAddress?: string | null; userAgent?: string | null; createdAt: Date; updatedAt: Date }[]
  > {
    const auth = await kernel.auth();
    return (await auth.api.listSessions({ headers: headers(false) })) as never;
  }

  return {
    async signUp(input) {
      return simple("/sign-up/email", {
        name: input.name,
        email: input.email,
        password: input.password,
        acceptTerms: input.acceptTerms,
        marketingEmail: input.marketingEmail,
        marketingSms: input.marketingSms,
        callbackURL: input.callbackURL,
      });
    },

    async signIn(input) {
      const answer = await call("/sign-in/email", { email: input.email, password: input.password, rememberMe: input.rememberMe });
      if (answer.status >= 400) return { ok: false, error: failure(answer), cookies: answer.cookies };
      return { ok: true, value: { twoFactor: answer.body?.twoFactorRedirect === true }, cookies: answer.cookies };
    },

    twoFactorPending() {
      return new RegExp(`(?:^|;\\s*)(?:__Secure-)?${COOKIE_PREFIX}\\.two_factor=`).test(request.headers.cookie ?? "");
    },

    async verifyTwoFactor(input) {
      const code = input.kind === "totp" ? input.code.replace(/\s+/g, "") : input.code.trim();
      return simple(input.kind === "totp" ? "/two-factor/verify-totp" : "/two-factor/verify-backup-code", {
        code,
        trustDevice: input.trustDevice,
      });
    },

    async resendVerification(email, callbackURL) {
      return simple("/send-verification-email", { email, callbackURL });
    },

    async socialSignIn(providerId, callbackURL) {
      // genericOAuth providers are registered as better-auth social providers
      const answer = await call("/sign-in/social", { provider: providerId, callbackURL, errorCallbackURL: "/giris?hata=sosyal" });
      const url = typeof answer.body?.url === "string" ? answer.body.url : null;
      if (answer.status >= 400 || !url) return { ok: false, error: failure(answer), cookies: answer.cookies };
      return { ok: true, value: { url }, cookies: answer.cookies };
    },

    async signOut() {
      return simple("/sign-out", {});
    },

    async requestPasswordReset(email) {
      return simple("/request-password-reset", { email });
    },

    async checkResetToken(token) {
      if (!TOKEN_SHAPE.test(token)) return "invalid";
      const context = await (await kernel.auth()).$context;
      // The identifier is stored hashed; the adapter hashes what we pass. A used token's row is
      // deleted, an expired one stays until the periodic cleanup.
      const row = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
      if (!row) return "invalid";
      return new Date(row.expiresAt).getTime() <= Date.now() ? "expired" : "valid";
    },

    async resetPassword(input) {
      return simple("/reset-password", { token: input.token, newPassword: input.newPassword });
    },

    async security() {
      const session = await currentSession();
      if (!session) return null;
      const auth = await kernel.auth();
      const [rows, accounts] = await Promise.all([sessionRows(), auth.api.listUserAccounts({ headers: headers(false) })]);
      const sessions: ActiveSession[] = rows
        .map((row) => ({
          id: row.id,
          userAgent: row.userAgent ?? null,
          ip: row.ipAddress ?? null,
          createdAt: new Date(row.createdAt).toISOString(),
          updatedAt: new Date(row.updatedAt).toISOString(),
          current: row.id === session.session.id,
        }))
        .sort((a, b) => Number(b.current) - Number(a.current) || b.updatedAt.localeCompare(a.updatedAt));
      return {
        twoFactorEnabled: (session.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true,
        hasPassword: accounts.some((a) => a.providerId === "credential"),
        sessions,
      };
    },

    async changeEmail(newEmail) {
      const email = newEmail.trim().toLowerCase();
      if (!EMAIL_RE.test(email) || email.length > 254) return { ok: false, error: "invalid" };
      const who = await kernel.access.principal(request);
      if (email === who?.user?.email.toLowerCase()) return { ok: false, error: "same" };
      // better-auth's hooks see the store (tenant, language, origin) and mail the link on its own domain.
      const answer = await call("/change-email", { newEmail: email, callbackURL: "/hesap?dogrulandi=1" });
      if (answer.status < 400) return { ok: true };
      const error = failure(answer);
      request.log.info({ status: error.status, code: error.code }, "change-email refused");
      return { ok: false, error: emailChangeError(error) };
    },

    async changePassword(input) {
      return simple("/change-password", {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      });
    },

    async enableTwoFactor(password) {
      const answer = await call("/two-factor/enable", { password, issuer: request.tenant.name });
      const totpURI = typeof answer.body?.totpURI === "string" ? answer.body.totpURI : null;
      if (answer.status >= 400 || !totpURI) return { ok: false, error: failure(answer), cookies: answer.cookies };
      const setup = await describeSetup(totpURI);
      if (!setup) return { ok: false, error: { status: 500, code: "TOTP_URI", message: "" }, cookies: answer.cookies };
      return { ok: true, value: setup, cookies: answer.cookies };
    },

    describeSetup,

    async confirmTwoFactor(code) {
      const session = await currentSession();
      if (!session) return { ok: false, error: { status: 401, code: "UNAUTHORIZED", message: "" }, cookies: [] };
      const answer = await call("/two-factor/verify-totp", { code: code.replace(/\s+/g, "") });
      if (answer.status >= 400) return { ok: false, error: failure(answer), cookies: answer.cookies };
      // The codes were created with the secret; show them now that 2FA is on (server-only endpoint).
      const auth = await kernel.auth();
      const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: session.user.id } });
      return { ok: true, value: { backupCodes }, cookies: answer.cookies };
    },

    async regenerateBackupCodes(password) {
      const answer = await call("/two-factor/generate-backup-codes", { password });
      const codes = answer.body?.backupCodes;
      if (answer.status >= 400 || !Array.isArray(codes)) return { ok: false, error: failure(answer), cookies: answer.cookies };
      return { ok: true, value: { backupCodes: codes.map(String) }, cookies: answer.cookies };
    },

    async disableTwoFactor(password) {
      return simple("/two-factor/disable", { password });
    },

    async revokeSession(id) {
      if (!isUuid(id)) return { ok: false, error: { status: 400, code: "INVALID_SESSION", message: "" }, cookies: [] };
      const row = (await sessionRows()).find((s) => s.id === id);
      // Someone else's or an already ended session: nothing to do.
      if (!row) return { ok: true, value: null, cookies: [] };
      return simple("/revoke-session", { token: row.token });
    },

    async revokeOtherSessions() {
      return simple("/revoke-other-sessions", {});
    },
  };
}
