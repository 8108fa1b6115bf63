// Serves the React Router app (storefront + admin UI) from the Fastify process:
//   - the Vite client build: /assets/* with immutable caching, plus the other top-level files
//     (favicon, robots.txt, ...) with a short cache;
//   - every other GET/HEAD/POST/... that no other route matched is turned into a Web `Request`,
//     handed to React Router's request handler, and the Web `Response` is streamed back.
// Paths that belong to the API and the platform (/api/*, /media/*, /healthz, /readyz) are never
// handled here: they fall through to Fastify's not-found handler.

import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import { applyResponseHead, sendWebResponse } from "../platform/web-response.ts";
import { type AppWebContext, appContext } from "../web/context.ts";
import { type Preferences, preferencesFromCookieHeader } from "../web/lib/preferences.ts";
import type { CachedPage, PageCache } from "./page-cache.ts";

export type { AppWebContext } from "../web/context.ts";
export { LOCALE_COOKIE, THEME_COOKIE } from "../web/lib/preferences.ts";

/**
 * What `getContext` returns: the full AppWebContext, except that `locale` and `theme` may be left
 * out, in which case the plugin fills them from the `lang` / `theme` cookies (see readPreferences).
 */
export type WebContextInput = Omit<AppWebContext, "locale" | "theme"> & Partial<Pick<AppWebContext, "locale" | "theme">>;

export interface WebPluginOptions {
  /** The React Router server build (`build/server/index.js`), or a function returning it (dev). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** The Vite client build directory (`build/client`). May be missing in development. */
  clientDir: string;
  /** Builds the per-request context handed to loaders and actions (it may set reply headers, e.g. a refreshed session cookie). */
  getContext: (request: FastifyRequest, reply: FastifyReply) => Promise<WebContextInput>;
  /** Full-page cache for anonymous visitors (see page-cache.ts); off when absent. */
  pageCache?: PageCache;
  /** React Router server mode; defaults to NODE_ENV === "development" ? "development" : "production". */
  mode?: "development" | "production";
}

/** Path prefixes owned by other parts of the server: never rendered by React Router. */
const RESERVED = [/^\/api(?:\/|$)/, /^\/media(?:\/|$)/, /^\/healthz\/?$/, /^\/readyz\/?$/];

export function isReservedPath(pathname: string): boolean {
  return RESERVED.some((re) => re.test(pathname));
}

/** Locale and theme from the visitor's cookies (`lang`, `theme`); "tr" and "system" by default. */
export function readPreferences(request: FastifyRequest): Preferences {
  return preferencesFromCookieHeader(request.headers.cookie);
}

/** Loads `<buildDir>/server/index.js` and returns it with the client directory next to it. */
export async function importServerBuild(buildDir: string): Promise<{ build: ServerBuild; clientDir: string }> {
  const serverFile = path.join(buildDir, "server", "index.js");
  if (!existsSync(serverFile)) {
    throw new Error(`React Router server build not found at ${serverFile}: run \`npm run build\` (react-router build) first`);
  }
  const build = (await import(pathToFileURL(serverFile).href)) as ServerBuild;
  return { build, clientDir: path.join(buildDir, "client") };
}

function isDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Fastify request → Web Request (body streamed, aborted when the client goes away). */
export function toWebRequest(request: FastifyRequest, reply: FastifyReply): Request {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.raw.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const controller = new AbortController();
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, signal: controller.signal };
  if (request.method !== "GET" && request.method !== "HEAD") {
    init.body = Readable.toWeb(request.raw) as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(url, init);
}

async function webPluginImpl(fastify: FastifyInstance, options: WebPluginOptions): Promise<void> {
  const mode = options.mode ?? (process.env.NODE_ENV === "development" ? "development" : "production");
  const handle = createRequestHandler(options.build, mode);
  const clientDir = path.resolve(options.clientDir);

  if (isDir(path.join(clientDir, "assets"))) {
    // Fingerprinted by Vite: safe to cache forever.
    await fastify.register(fastifyStatic, {
      root: path.join(clientDir, "assets"),
      prefix: "/assets/",
      decorateReply: false,
      index: false,
      redirect: false,
      immutable: true,
      maxAge: "365d",
      dotfiles: "ignore",
    });
  }
  if (isDir(clientDir)) {
    // favicon.svg, robots.txt, ... (copied from public/): one route per file, short cache.
    await fastify.register(fastifyStatic, {
      root: clientDir,
      prefix: "/",
      wildcard: false,
      globIgnore: ["assets/**", ".vite/**", "**/.*", "**/*.map"],
      decorateReply: false,
      index: false,
      redirect: false,
      maxAge: "1h",
      dotfiles: "ignore",
    });
  }

  // In a child scope so the raw body is left unread for React Router (forms, JSON, uploads),
  // without touching the content-type parsers of the API routes.
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    scope.route({
      method: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
      url: "/*",
      schema: { hide: true },
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const pathname = request.url.split("?", 1)[0] ?? "/";
        if (isReservedPath(pathname)) return reply.callNotFound();
        const cacheKey = options.pageCache?.key(request) ?? null;
        const hit = cacheKey ? options.pageCache?.get(cacheKey) : undefined;
        if (hit) return sendCachedPage(request, reply, hit, "hit");
        const input = await options.getContext(request, reply);
        // The cookies are read here only when getContext did not already.
        const prefs = input.locale && input.theme ? { locale: input.locale, theme: input.theme } : readPreferences(request);
        const app: AppWebContext = { ...input, locale: input.locale ?? prefs.locale, theme: input.theme ?? prefs.theme };
        const loadContext = new RouterContextProvider();
        loadContext.set(appContext, app);
        const response = await handle(toWebRequest(request, reply), loadContext);
        if (cacheKey && options.pageCache && response.body) {
          const body = Buffer.from(await response.arrayBuffer());
          const page = options.pageCache.set(cacheKey, response.status, response.headers, body);
          if (page) return sendCachedPage(request, reply, page, "miss");
          applyResponseHead(reply, response);
          return reply.header("x-page-cache", "bypass").send(request.method === "HEAD" ? undefined : body);
        }
        return sendWebResponse(reply, response, request.method === "HEAD");
      },
    });
  });
}

/** Sends a page from the page cache, or 304 when the browser already has it. */
function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, state: "hit" | "miss"): FastifyReply {
  for (const [name, value] of page.headers) reply.header(name, value);
  reply.header("etag", page.etag).header("x-page-cache", state);
  if (request.headers["if-none-match"] === page.etag) return reply.code(304).send();
  reply.code(page.status);
  return request.method === "HEAD" ? reply.header("content-length", page.body.length).send() : reply.send(page.body);
}

/** Fastify plugin serving the web UI; register it after the API routes. */
export const webPlugin = fp(webPluginImpl, { name: "kervan-web", fastify: "5.x" });
