import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { HttpError, type Problem, problem, sendProblem } from "../../platform/problem.ts";
import { isLocale, LOCALE_COOKIE, readCookie } from "../../web/lib/preferences.ts";
import type { Access } from "../accounts/access.ts";
import type { Auth, AuthProvider } from "../accounts/auth.ts";
import { permissions } from "../accounts/permissions.ts";
import { resolveAuth, webHeaders } from "../accounts/service.ts";
import { auditContext, recordAudit } from "../audit/service.ts";
import { isCustomerDisabled } from "../customers/service.ts";
import { type ApiKeyActor, type ApiKeyView, createApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { activeUser } from "./bearer.ts";
import { issueRefreshToken, type RefreshContext, revokeByToken, rotateRefreshToken } from "./refresh.ts";
import { apiClientHeaders, passwordSignIn, TWO_FACTOR_CODE_REQUIRED } from "./sign-in.ts";
import { accessTokenKeys, signAccessToken } from "./tokens.ts";

export interface ApiAccessRoutesOptions {
  db: Db;
  auth: Auth | AuthProvider;
  access: Access;
  /** `config.secrets`: the first signs access tokens. */
  secrets: readonly string[];
  /** Lifetime of access tokens (default 900 s). */
  accessTokenSeconds: number;
  /** Lifetime of refresh tokens, renewed at each refresh (default 30 days). */
  refreshTokenDays: number;
  /** Token requests per minute and client IP (default 10). */
  tokenRateLimit?: number;
}

export const PROBLEM_TWO_FACTOR_CODE_REQUIRED = "https://kervan.dev/problems/two-factor-code-required";
export const PROBLEM_INVALID_REFRESH_TOKEN = "https://kervan.dev/problems/invalid-refresh-token";

const tokenResponse = z.object({
  accessToken: z.string().describe("JWT for `Authorization: Bearer …`"),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("Seconds until the access token expires"),
  refreshToken: z.string().describe("Single use: exchange it at /api/v1/auth/refresh for a new pair"),
  refreshTokenExpiresIn: z.number().int().describe("Seconds until the refresh token expires if unused"),
});

const refreshBody = z.object({ refreshToken: z.string().min(20).max(200) });

const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("First characters of the key, to tell keys apart"),
  scopes: z.array(z.enum(permissions)),
  createdAt: z.string(),
  createdBy: z.uuid().nullable(),
  lastUsedAt: z.string().nullable().describe("Updated at most once a minute"),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});

const toJson = (k: ApiKeyView) => ({
  ...k,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

function localeOf(request: FastifyRequest): "tr" | "en" {
  const cookie = readCookie(request.headers.cookie, LOCALE_COOKIE);
  if (isLocale(cookie)) return cookie;
  return /^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "tr";
}

function sendCoded(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  detail: string,
  extra: Partial<Problem> & { code?: string },
) {
  return sendProblem(reply, { ...problem(status, detail, { instance: request.url, requestId: request.id }), ...extra });
}

/** Bearer tokens for apps (`/api/v1/auth/*`) and the store's API keys (`/api/admin/api-keys`). */
export async function apiAccessRoutes(fastify: FastifyInstance, options: ApiAccessRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = options;
  const keys = accessTokenKeys(options.secrets);
  const refreshCtx = (request: FastifyRequest): RefreshContext => ({
    db,
    tenantId: request.tenant.id,
    lifetimeDays: options.refreshTokenDays,
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
  });

  async function tokenPair(request: FastifyRequest, userId: string, refresh: { token: string; expiresAt: Date }) {
    const { token } = await signAccessToken(keys, { userId, tenantId: request.tenant.id }, { ttlSeconds: options.accessTokenSeconds });
    return {
      accessToken: token,
      tokenType: "Bearer" as const,
      expiresIn: options.accessTokenSeconds,
      refreshToken: refresh.token,
      refreshTokenExpiresIn: Math.round((refresh.expiresAt.getTime() - Date.now()) / 1000),
    };
  }

  /** Still allowed to hold tokens for this store: exists, not banned, not a disabled customer. */
  const mayHoldTokens = async (tenantId: string, userId: string) =>
    (await activeUser(db, userId)) !== null && !(await isCustomerDisabled(db, tenantId, userId));

  const invalidRefresh = (request: FastifyRequest, reply: FastifyReply) =>
    sendCoded(reply, request, 401, "The refresh token is not valid (unknown, expired, revoked or already used). Sign in again.", {
      type: PROBLEM_INVALID_REFRESH_TOKEN,
      code: "INVALID_REFRESH_TOKEN",
    });

  app.post(
    "/api/v1/auth/token",
    {
      config: { rateLimit: { max: options.tokenRateLimit ?? 10, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password: access and refresh tokens for apps",
        description:
          "The same rules as the storefront sign-in apply (verified e-mail, throttling of failed attempts, disabled accounts). " +
          "When the account has two-factor authentication on, send `code` (TOTP or a backup code); without it the answer is 401 " +
          `with type \`${PROBLEM_TWO_FACTOR_CODE_REQUIRED}\`. Limited to 10 requests a minute per IP address.`,
        body: z.object({
          email: z.email().max(254),
          password: z.string().min(1).max(256),
          code: z.string().trim().min(6).max(20).optional().describe("6-digit TOTP code or a backup code"),
        }),
        response: { 200: tokenResponse },
      },
    },
    async (request, reply) => {
      const locale = localeOf(request);
      const auth = await resolveAuth(options.auth);
      const result = await passwordSignIn(auth, apiClientHeaders(webHeaders(request), locale), request.body, locale);
      if (!result.ok) {
        if (result.retryAfter) reply.header("retry-after", result.retryAfter);
        const status = result.status >= 400 && result.status < 600 ? result.status : 500;
        return sendCoded(reply, request, status, result.message, {
          code: result.code,
          ...(result.code === TWO_FACTOR_CODE_REQUIRED ? { type: PROBLEM_TWO_FACTOR_CODE_REQUIRED } : {}),
        });
      }
      const refresh = await issueRefreshToken(refreshCtx(request), result.userId);
      await recordAudit(db, {
        ...auditContext(request),
        type: "api.token_issued",
        actor: { kind: "user", id: result.userId, email: request.body.email.toLowerCase() },
        targetType: "user",
        targetId: result.userId,
        summary: result.twoFactor ? "password + two-factor" : "password",
        after: { family: refresh.familyId },
      });
      return tokenPair(request, result.userId, refresh);
    },
  );

  app.post(
    "/api/v1/auth/refresh",
    {
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Exchange a refresh token for a new access and refresh token",
        description:
          "Refresh tokens are single use. Presenting one that was already used revokes every token of its sign-in " +
          "(the app must sign in again), so clients must not refresh the same token twice, even concurrently.",
        body: refreshBody,
        response: { 200: tokenResponse },
      },
    },
    async (request, reply) => {
      const tenantId = request.tenant.id;
      const result = await rotateRefreshToken(refreshCtx(request), request.body.refreshToken, (userId) => mayHoldTokens(tenantId, userId));
      if (!result.ok) {
        if (result.reason === "reused") {
          request.log.warn({ familyId: result.familyId }, "refresh token reuse: family revoked");
          await recordAudit(db, {
            ...auditContext(request),
            type: "api.refresh_reuse_detected",
            actor: { kind: "user", id: result.userId },
            targetType: "user",
            targetId: result.userId,
            summary: "A used refresh token was presented again; every token of its sign-in was revoked.",
            after: { family: result.familyId },
          });
        }
        return invalidRefresh(request, reply);
      }
      return tokenPair(request, result.userId, result.next);
    },
  );

  app.post(
    "/api/v1/auth/revoke",
    {
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign out an app: revoke the refresh token and every token of its sign-in",
        description:
          "Answers 204 whether or not the token was known (RFC 7009). Access tokens already issued stay valid until they expire.",
        body: refreshBody,
        response: { 204: z.null().describe("Revoked") },
      },
    },
    async (request, reply) => {
      const revoked = await revokeByToken(db, request.tenant.id, request.body.refreshToken);
      if (revoked && revoked.revoked > 0) {
        await recordAudit(db, {
          ...auditContext(request),
          type: "api.token_revoked",
          actor: { kind: "user", id: revoked.userId },
          targetType: "user",
          targetId: revoked.userId,
          after: { family: revoked.familyId, tokens: revoked.revoked },
        });
      }
      return reply.code(204).send(null);
    },
  );

  // --- API keys (admin) ----------------------------------------------------------------------

  const guard = options.access.require("api_keys:manage");
  const security = [{ bearerAuth: [] }];
  const actorOf = (request: FastifyRequest): ApiKeyActor => {
    const context = auditContext(request);
    return {
      ...context,
      tenantId: request.tenant.id,
      permissions: request.principal?.permissions ?? new Set(),
    };
  };

  app.get(
    "/api/admin/api-keys",
    {
      preHandler: guard,
      schema: {
        tags: ["admin"],
        summary: "API keys of the store (without the secrets)",
        security,
        response: { 200: z.object({ items: z.array(apiKeySchema) }) },
      },
    },
    async (request) => ({ items: (await listApiKeys(db, request.tenant.id)).map(toJson) }),
  );

  app.post(
    "/api/admin/api-keys",
    {
      preHandler: guard,
      schema: {
        tags: ["admin"],
        summary: "Create an API key; the key is in the answer once and never again",
        description: "Send it as `Authorization: Bearer kvn_…`. Scopes are permissions; you cannot grant one you do not have.",
        security,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          scopes: z.array(z.enum(permissions)).min(1).max(permissions.length),
          expiresAt: z.iso.datetime({ offset: true }).nullable().optional().describe("When the key stops working; none by default"),
        }),
        response: { 201: apiKeySchema.extend({ key: z.string().describe("The secret: store it now, it is not shown again") }) },
      },
    },
    async (request, reply) => {
      const { name, scopes, expiresAt } = request.body;
      const created = await createApiKey(db, actorOf(request), { name, scopes, expiresAt: expiresAt ? new Date(expiresAt) : null });
      return reply.code(201).send({ ...toJson(created.apiKey), key: created.key });
    },
  );

  app.delete(
    "/api/admin/api-keys/:id",
    {
      preHandler: guard,
      schema: {
        tags: ["admin"],
        summary: "Revoke an API key (at once; it cannot be undone)",
        security,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null().describe("Revoked (or already revoked)") },
      },
    },
    async (request, reply) => {
      const outcome = await revokeApiKey(db, actorOf(request), request.params.id);
      if (outcome === "missing") throw new HttpError(404, "API key was not found.", { code: "not-found" });
      return reply.code(204).send(null);
    },
  );
}
