import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin } from "better-auth/plugins/admin";
import type { Db } from "../../platform/db/index.ts";
import {
  AUTH_BASE_PATH,
  CLIENT_IP_HEADER,
  COOKIE_PREFIX,
  MIN_PASSWORD_LENGTH,
  SESSION_EXPIRES_IN_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
} from "./constants.ts";
import { accounts, sessions, users, verifications } from "./schema.ts";

export * from "./constants.ts";

export type TrustedOrigins = string[] | ((request?: Request) => Promise<(string | undefined | null)[]> | (string | undefined | null)[]);

export interface CreateAuthOptions {
  db: Db;
  /** At least 32 characters of randomness (`BETTER_AUTH_SECRET`); signs cookies and encrypts tokens. */
  secret: string;
  /** The public origin of the installation (`BETTER_AUTH_URL`), e.g. `https://shop.example.com`. */
  baseUrl: string;
  /**
   * Extra origins allowed to POST to the auth endpoints with a cookie and to be used as
   * callback/redirect URLs. The origin of `baseUrl` is always trusted. Tenant storefront domains
   * must be listed here (or resolved by the function form) once they sign people in.
   */
  trustedOrigins?: TrustedOrigins;
  /**
   * better-auth's per-IP rate limits (3 sign-in/sign-up attempts per 10 s, 100 requests per 10 s
   * elsewhere; in-process memory). Default on in every environment; tests that sign in often turn
   * it off.
   */
  rateLimit?: boolean;
}

/**
 * Builds the better-auth instance. One per process; pass it to `authRoutes` and the services.
 * Extend it here (verification mail, reset, social providers, twoFactor, apiKey, ...) and
 * regenerate the schema with the `auth` CLI (see schema.ts).
 */
export function createAuth(options: CreateAuthOptions) {
  const baseUrl = new URL(options.baseUrl);
  if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:") {
    throw new Error(`createAuth: baseUrl must be an http(s) URL, got ${options.baseUrl}`);
  }
  if (options.secret.length < 32) {
    throw new Error("createAuth: secret must be at least 32 characters (set BETTER_AUTH_SECRET)");
  }
  const secure = baseUrl.protocol === "https:";
  return betterAuth({
    appName: "Kervan",
    baseURL: baseUrl.origin,
    basePath: AUTH_BASE_PATH,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins ?? [],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      usePlural: true,
      schema: { users, sessions, accounts, verifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      // sliding: a session used after a day is extended by another `expiresIn`
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    plugins: [
      admin({
        defaultRole: "user",
        adminRoles: ["admin"],
      }),
    ],
    rateLimit: { enabled: options.rateLimit ?? true },
    telemetry: { enabled: false },
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

export type Auth = ReturnType<typeof createAuth>;

/**
 * The auth instance, created on first use: better-auth is a large module graph, so a process
 * starts serving pages before it has loaded it. Call the result once the server listens to warm
 * it up in the background.
 */
export type AuthProvider = () => Promise<Auth>;
