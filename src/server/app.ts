import { randomUUID } from "node:crypto";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "@fastify/type-provider-zod";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RouteOptions } from "fastify";
import { z } from "zod";
import { authRoutes } from "../modules/accounts/routes.ts";
import { staffRoutes } from "../modules/accounts/staff-routes.ts";
import { apiAccessRoutes } from "../modules/api-access/routes.ts";
import { auditRoutes } from "../modules/audit/routes.ts";
import { cartRoutes } from "../modules/cart/routes.ts";
import { bannerRoutes } from "../modules/catalog/banner-routes.ts";
import { csvRoutes } from "../modules/catalog/csv-routes.ts";
import { catalogRoutes } from "../modules/catalog/routes.ts";
import { taxonomyRoutes } from "../modules/catalog/taxonomy-routes.ts";
import { checkoutRoutes } from "../modules/checkout/routes.ts";
import { accountRoutes } from "../modules/customers/account-routes.ts";
import { customerAdminRoutes } from "../modules/customers/admin-routes.ts";
import { geoRoutes } from "../modules/geo/routes.ts";
import { mediaAdminRoutes } from "../modules/media/routes.ts";
import { orderAdminRoutes } from "../modules/orders/admin-routes.ts";
import { orderQueueRoutes } from "../modules/orders/queue-routes.ts";
import { orderRoutes } from "../modules/orders/routes.ts";
import { paymentRoutes } from "../modules/payments/routes.ts";
import { paymentSettingsRoutes } from "../modules/payments/settings-routes.ts";
import { promotionRoutes } from "../modules/promotions/routes.ts";
import { searchRoutes } from "../modules/search/routes.ts";
import { seoRoutes } from "../modules/seo/routes.ts";
import { shippingRoutes } from "../modules/shipping/routes.ts";
import type { Config } from "../platform/config.ts";
import { type StatementCount, withStatementCount } from "../platform/db/index.ts";
import { mailRoutes } from "../platform/mail/routes.ts";
import { problem, sendProblem } from "../platform/problem.ts";
import { mediaRoutes } from "../platform/storage/index.ts";
import type { Kernel } from "./kernel.ts";
import { csrfPlugin } from "./plugins/csrf.ts";
import { errorsPlugin } from "./plugins/errors.ts";
import { tenancyPlugin } from "./plugins/tenancy.ts";
import "./types.ts";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Paths that are cheap, static or probes: no rate limit. */
const UNLIMITED = /^\/(assets|media)\/|^\/(healthz|readyz|favicon\.ico)$/;

export interface AppExtras {
  /** Registers routes after the platform (API modules, web); runs inside the root scope. */
  register?: (app: FastifyInstance) => Promise<void>;
  /** Sees every route as it is added (the permission test lists admin routes and guards with it). */
  onRoute?: (route: RouteOptions) => void;
}

/** The Fastify application: platform plugins, API modules and (optionally) the web front end. */
/** Origins of the configured social sign-in providers' authorization pages. */
function socialOrigins(config: Config): string[] {
  const { google, facebook } = config.auth;
  return [
    ...(google ? ["https://accounts.google.com", new URL(google.discoveryUrl).origin] : []),
    ...(facebook ? [new URL(facebook.authorizationUrl).origin] : []),
  ].filter((origin, i, all) => all.indexOf(origin) === i);
}

/**
 * Origins of the configured card gateways: iyzico's hosted page (a form post redirects there),
 * PayTR's iframe. Production and sandbox page hosts of iyzico differ from its API host.
 */
function gatewayOrigins(config: Config): { forms: string[]; frames: string[] } {
  const { iyzico, paytr } = config.gateways;
  const unique = (list: string[]) => list.filter((origin, i, all) => all.indexOf(origin) === i);
  return {
    forms: unique(iyzico ? [new URL(iyzico.baseUrl).origin, "https://cpp.iyzipay.com", "https://sandbox-cpp.iyzipay.com"] : []),
    frames: unique(paytr ? [new URL(paytr.baseUrl).origin] : []),
  };
}

export async function buildApp(kernel: Kernel, extras: AppExtras = {}): Promise<FastifyInstance> {
  const { config } = kernel;
  const app = Fastify({
    loggerInstance: kernel.log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    forceCloseConnections: "idle",
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Graceful shutdown: idle keep-alive connections are closed at once (forceCloseConnections),
  // and responses still in flight ask the client to close theirs, so close() ends when they do.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  // Every request counts its SQL statements; the count goes out as Server-Timing (visible in
  // the browser's dev tools, asserted by the tests: a page costs a small, fixed number).
  const sqlCounts = new WeakMap<object, StatementCount>();
  app.addHook("onRequest", (request, _reply, done) => {
    withStatementCount((count) => {
      sqlCounts.set(request, count);
      done();
    });
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    const sql = sqlCounts.get(request);
    if (sql) reply.header("server-timing", `db;desc="${sql.count} SQL statements"`);
    if (closing) reply.header("connection", "close");
  });

  if (extras.onRoute) app.addHook("onRoute", extras.onRoute);
  // Every admin route must check a permission: registering one without a guard fails start-up.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/admin")) return;
    const handlers = [route.preHandler ?? []].flat();
    if (!handlers.some((h) => typeof h === "function" && "permission" in h)) {
      throw new Error(`${route.method} ${route.url}: admin routes need a permission guard (preHandler: access.require(...))`);
    }
  });

  await app.register(errorsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // React Router streams inline hydration scripts; a nonce-based policy is a follow-up.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...(kernel.mediaOrigin ? [kernel.mediaOrigin] : [])],
        mediaSrc: ["'self'", "blob:", ...(kernel.mediaOrigin ? [kernel.mediaOrigin] : [])],
        // hls.js fetches the product video's playlists and segments
        connectSrc: ["'self'", ...(kernel.mediaOrigin ? [kernel.mediaOrigin] : [])],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        // a sign-in form redirects to the social provider's consent page; checkout to iyzico's page
        formAction: ["'self'", ...socialOrigins(config), ...gatewayOrigins(config).forms],
        // PayTR's payment page is shown in an iframe
        frameSrc: ["'self'", ...gatewayOrigins(config).frames],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith("https://") ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-site" },
    // Not helmet's "no-referrer": under it browsers post forms with `Origin: null`, which defeats
    // the Origin checks of the CSRF protection, better-auth and React Router's actions.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });
  await app.register(cors, {
    // Browsers from other origins (a separate admin or partner site) only reach the API.
    delegator: (req: FastifyRequest, cb) => {
      const isApi = (req.url ?? "").startsWith("/api/");
      cb(null, isApi && config.corsOrigins.length > 0 ? { origin: config.corsOrigins, credentials: true, maxAge: 600 } : { origin: false });
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.window,
    ...(kernel.redis ? { redis: kernel.redis, nameSpace: "kervan:rl:" } : {}),
    allowList: (req) => UNLIMITED.test(req.url ?? ""),
    // Thrown by the plugin, then shaped into problem+json by the error handler.
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error(`Too many requests: the limit is ${ctx.max} per ${ctx.after}. Try again later.`), { statusCode: 429 }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Kervan API",
        version: "1",
        description:
          "REST API of a Kervan store: the catalog for storefronts and mobile apps, and admin endpoints for staff. " +
          "Money is in minor units (kuruş) and includes KDV. Errors are `application/problem+json` (RFC 9457).",
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            description: "An access token from /api/v1/auth/token, or a store API key (kvn_…)",
          },
        },
      },
      tags: [
        { name: "catalog", description: "Categories and products" },
        { name: "auth", description: "Access and refresh tokens for apps" },
        { name: "cart", description: "The shopper's cart (guest cookie or signed-in customer)" },
        { name: "checkout", description: "Checkout and placing orders (Idempotency-Key)" },
        { name: "orders", description: "A shopper's orders, documents and live status" },
        { name: "payments", description: "Payment gateway callbacks and webhooks" },
        { name: "admin", description: "Store management (staff only)" },
        { name: "system", description: "Health and readiness" },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list", deepLinking: true } });

  app.get(
    "/healthz",
    { schema: { tags: ["system"], summary: "Liveness: the process is up", response: { 200: z.object({ status: z.literal("ok") }) } } },
    async () => ({
      status: "ok" as const,
    }),
  );
  app.get(
    "/readyz",
    {
      schema: {
        tags: ["system"],
        summary: "Readiness: the database answers and the process is not shutting down",
        response: { 200: z.object({ status: z.literal("ready"), database: z.string() }), 503: z.unknown() },
      },
    },
    async (request, reply) => {
      if (kernel.state.shuttingDown) return sendProblem(reply, problem(503, "Shutting down."));
      try {
        await kernel.database.query("select 1");
      } catch (err) {
        request.log.warn({ err }, "readiness check failed");
        return sendProblem(reply, problem(503, "The database does not answer."));
      }
      return { status: "ready" as const, database: kernel.database.kind };
    },
  );

  await app.register(tenancyPlugin, { resolver: kernel.tenants });
  await app.register(csrfPlugin);
  // Module routes. Auth first: it declares request.user / request.staff for the guards.
  await app.register(authRoutes, { auth: kernel.auth });
  await app.register(mediaRoutes, { storage: kernel.storage });
  await app.register(catalogRoutes, {
    db: kernel.db,
    cache: kernel.cache,
    jobs: kernel.jobs,
    listCacheSeconds: kernel.config.catalogCacheSeconds,
    mediaUrl: kernel.mediaUrl,
    access: kernel.access,
    limits: { maxImages: kernel.config.media.maxImages, maxVideos: kernel.config.media.maxVideos },
  });
  await app.register(searchRoutes, { db: kernel.db, cache: kernel.cache, mediaUrl: kernel.mediaUrl });
  await app.register(taxonomyRoutes, { db: kernel.db, jobs: kernel.jobs, cache: kernel.cache, access: kernel.access });
  await app.register(bannerRoutes, { db: kernel.db, cache: kernel.cache, access: kernel.access, mediaUrl: kernel.mediaUrl });
  await app.register(mediaAdminRoutes, {
    db: kernel.db,
    storage: kernel.storage,
    jobs: kernel.jobs,
    config: config.media,
    access: kernel.access,
  });
  await app.register(seoRoutes, { db: kernel.db, cache: kernel.cache, indexing: config.searchIndexing });
  await app.register(csvRoutes, {
    db: kernel.db,
    jobs: kernel.jobs,
    cache: kernel.cache,
    access: kernel.access,
    limits: { maxImages: config.media.maxImages, maxVideos: config.media.maxVideos },
  });
  await app.register(mailRoutes, {
    db: kernel.db,
    preHandler: kernel.access.require("mail:read"),
    getTenantId: (request) => request.tenant.id,
  });
  await app.register(geoRoutes);
  const commerce = {
    db: kernel.db,
    jobs: kernel.jobs,
    events: kernel.events,
    access: kernel.access,
    cache: kernel.cache,
    gateways: kernel.gateways,
    secret: kernel.config.secrets[0] as string,
    mediaUrl: kernel.mediaUrl,
  };
  await app.register(cartRoutes, commerce);
  await app.register(checkoutRoutes, commerce);
  await app.register(orderRoutes, commerce);
  await app.register(orderQueueRoutes, commerce);
  await app.register(paymentRoutes, commerce);
  await app.register(orderAdminRoutes, commerce);
  await app.register(accountRoutes, { db: kernel.db, jobs: kernel.jobs, access: kernel.access });
  await app.register(customerAdminRoutes, { db: kernel.db, access: kernel.access, auth: kernel.auth });
  await app.register(staffRoutes, {
    db: kernel.db,
    access: kernel.access,
    auth: kernel.auth,
    mailer: kernel.mailer,
    invalidateTenants: () => kernel.tenants.invalidate(),
  });
  await app.register(auditRoutes, { db: kernel.db, access: kernel.access });
  await app.register(promotionRoutes, { db: kernel.db, access: kernel.access, cache: kernel.cache });
  await app.register(shippingRoutes, { db: kernel.db, access: kernel.access, cache: kernel.cache });
  await app.register(paymentSettingsRoutes, {
    db: kernel.db,
    access: kernel.access,
    configuredGateways: new Set(Object.keys(kernel.gateways)),
    invalidateTenants: () => kernel.tenants.invalidate(),
  });
  await app.register(apiAccessRoutes, {
    db: kernel.db,
    auth: kernel.auth,
    access: kernel.access,
    secrets: config.secrets,
    accessTokenSeconds: config.auth.accessTokenSeconds,
    refreshTokenDays: config.auth.refreshTokenDays,
  });
  if (extras.register) await extras.register(app);

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(404, `No route for ${request.method} ${request.url.split("?")[0]}.`, { instance: request.url, requestId: request.id }),
    ),
  );
  return app;
}
