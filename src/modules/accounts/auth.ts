import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { twoFactor } from "better-auth/plugins/two-factor";
import { eq } from "drizzle-orm";
import type { AuthConfig } from "../../platform/config.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Mailer } from "../../platform/mail/types.ts";
import { revokeUserRefreshTokens } from "../api-access/refresh.ts";
import { recordAudit } from "../audit/service.ts";
import { ensureCustomer, isCustomerDisabled } from "../customers/service.ts";
import { tenants } from "../tenants/schema.ts";
import {
  AUTH_BASE_PATH,
  CLIENT_IP_HEADER,
  CONSENT_TEXT_VERSIONS,
  COOKIE_PREFIX,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  SESSION_EXPIRES_IN_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
  TENANT_HEADER,
} from "./constants.ts";
import { type AuthMailKind, renderAuthMail } from "./mail.ts";
import { checkPassword, passwordMessages } from "./password-policy.ts";
import { accounts, type ConsentPurpose, sessions, twoFactors, userConsents, users, verifications } from "./schema.ts";
import { isTenantStaff } from "./service.ts";
import { createThrottle, type ThrottleRule } from "./throttle.ts";

export * from "./constants.ts";

export type TrustedOrigins = string[] | ((request?: Request) => Promise<(string | undefined | null)[]> | (string | undefined | null)[]);

/** Where the logger-like sink for identity warnings (mail failures) writes. */
export interface AuthLog {
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface CreateAuthOptions {
  db: Db;
  /** At least 32 characters of randomness (`SECRET`); signs cookies and encrypts tokens. */
  secret: string;
  /** The public origin of the installation (`PUBLIC_URL`), e.g. `https://shop.example.com`. */
  baseUrl: string;
  /**
   * Extra origins allowed to POST to the auth endpoints with a cookie and to be used as
   * callback/redirect URLs. The origin of `baseUrl` is always trusted. Tenant storefront domains
   * must be listed here (or resolved by the function form) once they sign people in.
   */
  trustedOrigins?: TrustedOrigins;
  /**
   * better-auth's per-IP rate limits (3 sign-in/sign-up attempts per 10 s, 100 requests per 10 s
   * elsewhere; in-process memory). Default on; tests that sign in often turn it off. The
   * database-backed throttles below (failed sign-ins, reset requests) are always on.
   */
  rateLimit?: boolean;
  /** Sends the identity mails; without it none are sent (the schema CLI). */
  mailer?: Mailer;
  log?: AuthLog;
  /** Token lifetimes and social providers (see `AuthConfig`); defaults as in docs/configuration.md. */
  config?: Partial<AuthConfig>;
}

/** Failed sign-ins per e-mail: 5 in 15 minutes lock the address for 1 minute, doubling up to 1 hour. */
export const SIGN_IN_EMAIL_RULE: ThrottleRule = { max: 5, windowSeconds: 900, lockSeconds: 60, maxLockSeconds: 3600 };
/** Failed sign-ins per IP address (any e-mail): 30 in 15 minutes lock the address for 15 minutes. */
export const SIGN_IN_IP_RULE: ThrottleRule = { max: 30, windowSeconds: 900, lockSeconds: 900, maxLockSeconds: 6 * 3600 };
/** Password-reset requests: 5 per hour per IP and per e-mail; the 6th is refused. */
export const RESET_RULE: ThrottleRule = { max: 5, windowSeconds: 3600 };

/** What a request to the auth endpoints tells about its context. */
interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  tenantId: string | null;
  origin: string;
  locale: "tr" | "en";
}

/**
 * Builds the better-auth instance. One per process; pass it to `authRoutes` and the services.
 * Regenerate the schema with the `auth` CLI after adding a plugin (see schema.ts).
 */
export function createAuth(options: CreateAuthOptions) {
  const baseUrl = new URL(options.baseUrl);
  if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:") {
    throw new Error(`createAuth: baseUrl must be an http(s) URL, got ${options.baseUrl}`);
  }
  if (options.secret.length < 32) {
    throw new Error("createAuth: secret must be at least 32 characters (set SECRET)");
  }
  const { db, mailer, log } = options;
  const config = options.config ?? {};
  const resetMinutes = config.resetTokenMinutes ?? 30;
  const verifyHours = config.verifyTokenHours ?? 24;
  const secure = baseUrl.protocol === "https:";
  const throttle = createThrottle(db);

  function info(headers: Headers | undefined, request?: Request): RequestInfo {
    const h = headers ?? request?.headers;
    const lang = /(?:^|;\s*)lang=(tr|en)/.exec(h?.get("cookie") ?? "")?.[1];
    let origin = baseUrl.origin;
    if (request) {
      try {
        origin = new URL(request.url).origin;
      } catch {
        // keep the installation's origin
      }
    }
    return {
      ip: h?.get(CLIENT_IP_HEADER) ?? null,
      userAgent: h?.get("user-agent") ?? null,
      tenantId: h?.get(TENANT_HEADER) ?? null,
      origin,
      locale: lang === "en" ? "en" : "tr",
    };
  }

  const storeNames = new Map<string, string>();
  async function storeName(tenantId: string | null): Promise<string> {
    if (!tenantId) return "Kervan";
    const known = storeNames.get(tenantId);
    if (known) return known;
    const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
    const name = row?.name ?? "Kervan";
    storeNames.set(tenantId, name);
    return name;
  }

  /**
   * Sends an identity mail without making the request wait for SMTP (so answers for known and
   * unknown addresses take the same time). `secret` is kept out of the stored copy.
   */
  function sendMail(
    kind: AuthMailKind,
    to: { email: string; name: string },
    at: RequestInfo,
    extra: { url?: string; secret?: string; vars?: Record<string, string> } = {},
  ) {
    if (!mailer) return;
    const task = (async () => {
      const store = await storeName(at.tenantId);
      const mail = renderAuthMail({
        kind,
        locale: at.locale,
        store,
        name: to.name,
        url: extra.url,
        vars: { hours: String(verifyHours), minutes: String(resetMinutes), ...extra.vars },
      });
      await mailer.send({
        to: to.email,
        ...mail,
        template: kind,
        tenantId: at.tenantId,
        redact: extra.secret ? [extra.secret] : undefined,
      });
    })();
    task.catch((err) => log?.error({ err, kind }, "identity mail could not be sent"));
  }

  /** Points a better-auth link at the store the request came through instead of `baseUrl`. */
  function onStoreOrigin(url: string, at: RequestInfo): string {
    const link = new URL(url);
    // (setting only `host` would keep baseUrl's port when the store's origin has none)
    return new URL(link.pathname + link.search + link.hash, at.origin).toString();
  }

  async function audit(
    type: string,
    at: RequestInfo,
    input: {
      userId?: string | null;
      email?: string | null;
      summary?: string;
      before?: Record<string, unknown>;
      after?: Record<string, unknown>;
    },
  ) {
    await recordAudit(db, {
      tenantId: at.tenantId,
      type,
      actor: input.userId ? { kind: "user", id: input.userId, email: input.email } : { kind: "anonymous", email: input.email },
      targetType: "user",
      targetId: input.userId ?? undefined,
      summary: input.summary,
      ip: at.ip,
      userAgent: at.userAgent,
      before: input.before,
      after: input.after,
    });
  }

  async function assertPassword(password: unknown, at: RequestInfo) {
    if (typeof password !== "string") return; // better-auth's own validation answers
    const problem = await checkPassword(password);
    if (problem) {
      throw new APIError("BAD_REQUEST", { message: passwordMessages[problem][at.locale], code: `PASSWORD_${problem.toUpperCase()}` });
    }
  }

  function tooMany(retryAfter: number, at: RequestInfo): never {
    const message =
      at.locale === "en"
        ? `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`
        : `Çok fazla deneme yapıldı. ${Math.ceil(retryAfter / 60)} dakika sonra yeniden deneyin.`;
    throw new APIError("TOO_MANY_REQUESTS", { message, code: "TOO_MANY_ATTEMPTS" }, { "Retry-After": String(retryAfter) });
  }

  const normEmail = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : "");

  const social = [
    ...(config.google
      ? [
          {
            providerId: "google",
            name: "Google",
            clientId: config.google.clientId,
            clientSecret: config.google.clientSecret,
            discoveryUrl: config.google.discoveryUrl,
            scopes: ["openid", "email", "profile"],
            pkce: true,
          },
        ]
      : []),
    ...(config.facebook
      ? [
          {
            providerId: "facebook",
            name: "Facebook",
            clientId: config.facebook.clientId,
            clientSecret: config.facebook.clientSecret,
            authorizationUrl: config.facebook.authorizationUrl,
            tokenUrl: config.facebook.tokenUrl,
            userInfoUrl: config.facebook.userInfoUrl,
            scopes: ["email", "public_profile"],
            authentication: "post" as const,
            // Facebook returns only confirmed addresses in `email`.
            mapProfileToUser: (profile: Record<string, unknown>) => ({ emailVerified: typeof profile.email === "string" }),
          },
        ]
      : []),
  ];

  return betterAuth({
    appName: "Kervan",
    baseURL: baseUrl.origin,
    basePath: AUTH_BASE_PATH,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins ?? [],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      usePlural: true,
      schema: { users, sessions, accounts, verifications, twoFactors },
    }),
    user: {
      additionalFields: {
        phone: { type: "string", required: false, input: false },
        deletionRequestedAt: { type: "date", required: false, input: false },
      },
      changeEmail: { enabled: true },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      requireEmailVerification: true,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: resetMinutes * 60,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, token }, request) {
        const at = info(undefined, request);
        const url = `${at.origin}/sifre-sifirla?token=${encodeURIComponent(token)}`;
        sendMail("reset-password", user, at, { url, secret: token });
      },
      async onPasswordReset({ user }, request) {
        const at = info(undefined, request);
        // apps signed in with bearer tokens are signed out too
        await revokeUserRefreshTokens(db, user.id);
        await audit("auth.password_reset", at, { userId: user.id, email: user.email });
        sendMail("password-changed", user, at);
      },
      async onExistingUserSignUp({ user }, request) {
        const at = info(undefined, request);
        sendMail("already-registered", user, at, { url: `${at.origin}/sifremi-unuttum` });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: verifyHours * 3600,
      async sendVerificationEmail({ user, url, token }, request) {
        const at = info(undefined, request);
        // A change of address mails the new address with `updateTo` in the token.
        const kind =
          url.includes("updateTo") || (request && new URL(request.url).pathname.endsWith("/change-email"))
            ? "change-email"
            : "verify-email";
        sendMail(kind, kind === "change-email" ? { ...user, email: newEmailOf(url) ?? user.email } : user, at, {
          url: onStoreOrigin(url, at),
          secret: token,
        });
      },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      // sliding: a session used after a day is extended by another `expiresIn`
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    account: {
      // A social account joins an existing user only when the provider vouches for the address
      // (Google's email_verified; Facebook returns confirmed addresses only, see mapProfileToUser)
      // and the local address is verified too. No provider is "trusted" beyond that: a trusted
      // provider would link even unverified addresses, letting anyone claim an account.
      accountLinking: { enabled: true, requireLocalEmailVerified: true },
    },
    verification: {
      // reset and other verification tokens are stored only as hashes
      storeIdentifier: "hashed",
    },
    plugins: [
      admin({
        defaultRole: "user",
        adminRoles: ["admin"],
      }),
      twoFactor({
        issuer: "Kervan",
        backupCodeOptions: { amount: 10, length: 10 },
      }),
      ...(social.length > 0 ? [genericOAuth({ config: social })] : []),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const at = info(ctx.headers, ctx.request);
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        switch (ctx.path) {
          case "/sign-up/email":
            if (!(body.acceptTerms === true || body.acceptTerms === "true" || body.acceptTerms === "on")) {
              throw new APIError("BAD_REQUEST", {
                message: at.locale === "en" ? "Please accept the membership terms." : "Üyelik sözleşmesini onaylamanız gerekiyor.",
                code: "TERMS_NOT_ACCEPTED",
              });
            }
            await assertPassword(body.password, at);
            return;
          case "/set-password":
            await assertPassword(body.password ?? body.newPassword, at);
            return;
          case "/reset-password":
          case "/change-password":
            await assertPassword(body.newPassword, at);
            return;
          case "/sign-in/email": {
            const email = normEmail(body.email);
            for (const key of [`signin:email:${email}`, `signin:ip:${at.ip}`]) {
              const state = await throttle.check(key);
              if (state.limited) tooMany(state.retryAfter, at);
            }
            return;
          }
          case "/request-password-reset": {
            const email = normEmail(body.email);
            for (const key of [`reset:ip:${at.ip}`, `reset:email:${email}`]) {
              const state = await throttle.hit(key, RESET_RULE);
              if (state.limited) tooMany(state.retryAfter, at);
            }
            return;
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const at = info(ctx.headers, ctx.request);
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        const returned = ctx.context.returned;
        const failed = returned instanceof APIError || (returned instanceof Response && !returned.ok);
        const sessionUser = ctx.context.session?.user ?? ctx.context.newSession?.user;
        switch (ctx.path) {
          case "/sign-in/email": {
            const email = normEmail(body.email);
            if (failed && returned instanceof APIError && returned.statusCode === 401) {
              await throttle.fail(`signin:email:${email}`, SIGN_IN_EMAIL_RULE);
              await throttle.fail(`signin:ip:${at.ip}`, SIGN_IN_IP_RULE);
              await audit("auth.sign_in_failed", at, { email, summary: email });
            } else if (!failed) {
              await throttle.clear(`signin:email:${email}`);
            }
            return;
          }
          case "/sign-out":
            return;
          case "/change-password":
            if (!failed && sessionUser) {
              if (body.revokeOtherSessions === true) await revokeUserRefreshTokens(db, sessionUser.id);
              await audit("auth.password_change", at, { userId: sessionUser.id, email: sessionUser.email });
              sendMail("password-changed", sessionUser, at);
            }
            return;
          case "/change-email":
            if (!failed && sessionUser) {
              await audit("auth.email_change_requested", at, {
                userId: sessionUser.id,
                email: sessionUser.email,
                before: { email: sessionUser.email },
                after: { email: normEmail(body.newEmail) },
              });
            }
            return;
          case "/request-password-reset":
            if (!failed) await audit("auth.password_reset_requested", at, { email: normEmail(body.email), summary: normEmail(body.email) });
            return;
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          async after(user, ctx) {
            const at = info(ctx?.headers, ctx?.request);
            const body = (ctx?.body ?? {}) as Record<string, unknown>;
            if (at.tenantId) await ensureCustomer(db, at.tenantId, user.id);
            await audit("auth.sign_up", at, { userId: user.id, email: user.email, summary: ctx?.path });
            if (ctx?.path === "/sign-up/email") await recordSignUpConsents(db, user.id, at, body);
          },
        },
        update: {
          async before(data, ctx) {
            if (!ctx || typeof data.twoFactorEnabled !== "boolean") return;
            const user = ctx.context.session?.user;
            if (!user || user.twoFactorEnabled === data.twoFactorEnabled) return;
            const at = info(ctx.headers, ctx.request);
            await audit(data.twoFactorEnabled ? "auth.two_factor_enabled" : "auth.two_factor_disabled", at, {
              userId: user.id,
              email: user.email,
              before: { twoFactorEnabled: Boolean(user.twoFactorEnabled) },
              after: { twoFactorEnabled: data.twoFactorEnabled },
            });
            sendMail("two-factor-changed", user, at, { vars: { enabled: String(data.twoFactorEnabled) } });
          },
        },
      },
      session: {
        create: {
          async before(session, ctx) {
            const at = info(ctx?.headers, ctx?.request);
            if (at.tenantId && (await isCustomerDisabled(db, at.tenantId, session.userId))) {
              throw new APIError("FORBIDDEN", {
                message:
                  at.locale === "en" ? "This account has been disabled by the store." : "Bu hesap mağaza tarafından devre dışı bırakıldı.",
                code: "ACCOUNT_DISABLED",
              });
            }
          },
          async after(session, ctx) {
            const at = info(ctx?.headers, ctx?.request);
            if (at.tenantId && !(await isTenantStaff(db, at.tenantId, session.userId)))
              await ensureCustomer(db, at.tenantId, session.userId);
            await audit("auth.sign_in", at, { userId: session.userId, summary: ctx?.path });
          },
        },
      },
    },
    // failed social sign-ins come back to the sign-in page (with `?error=…`), not a bare error page
    onAPIError: { errorURL: "/giris" },
    rateLimit: { enabled: options.rateLimit ?? true },
    telemetry: { enabled: false },
    logger: log
      ? { log: (level, message, ...args) => (level === "error" ? log.error({ args }, message) : log.warn({ args }, message)) }
      : undefined,
    advanced: {
      // better-auth turns origin/CSRF checks off when NODE_ENV=test; keep them on so tests see
      // what production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      database: { generateId: "uuid" },
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure, path: "/" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

function newEmailOf(url: string): string | null {
  try {
    const token = new URL(url).searchParams.get("token");
    const payload = token?.split(".")[1];
    if (!payload) return null;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { updateTo?: string };
    return claims.updateTo ?? null;
  } catch {
    return null;
  }
}

/** Records the KVKK notice, the membership terms and the optional marketing choices. */
async function recordSignUpConsents(db: Db, userId: string, at: RequestInfo, body: Record<string, unknown>) {
  const yes = (v: unknown) => v === true || v === "true" || v === "on";
  const rows: { purpose: ConsentPurpose; granted: boolean }[] = [
    { purpose: "kvkk_notice", granted: true },
    { purpose: "terms", granted: yes(body.acceptTerms) },
    { purpose: "marketing_email", granted: yes(body.marketingEmail) },
    { purpose: "marketing_sms", granted: yes(body.marketingSms) },
  ];
  await db.insert(userConsents).values(
    rows.map((r) => ({
      userId,
      tenantId: at.tenantId,
      purpose: r.purpose,
      granted: r.granted,
      textVersion: CONSENT_TEXT_VERSIONS[r.purpose],
      ip: at.ip,
      userAgent: at.userAgent?.slice(0, 500) ?? null,
    })),
  );
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The auth instance, created on first use: better-auth is a large module graph, so a process
 * starts serving pages before it has loaded it. Call the result once the server listens to warm
 * it up in the background.
 */
export type AuthProvider = () => Promise<Auth>;
