import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { sendWebResponse } from "../../platform/web-response.ts";
import type { Auth, AuthProvider } from "./auth.ts";
import { AUTH_BASE_PATH } from "./constants.ts";
import { resolveAuth, webHeaders } from "./service.ts";
import "./types.ts";

export interface AuthRoutesOptions {
  /** The instance, or a provider that creates it on first use (see lazyAuth). */
  auth: Auth | AuthProvider;
}

/** Request headers that describe the original HTTP message rather than its content. */
const HOP_HEADERS = ["content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "expect"];

/** Converts a Fastify request (with its raw body as a Buffer) into a Web `Request` for better-auth. */
export function toWebRequest(request: FastifyRequest): Request {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  // carries the client address from `request.ip` (see CLIENT_IP_HEADER)
  const headers = webHeaders(request);
  for (const name of HOP_HEADERS) headers.delete(name);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && Buffer.isBuffer(request.body) && request.body.length > 0;
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody ? new Uint8Array(request.body as Buffer) : undefined,
  });
}

/**
 * Mounts better-auth at `/api/auth/*` (sign-up, sign-in, sign-out, get-session, admin/...).
 * Not encapsulated, so it also declares the `request.user` / `request.staff` decorators for the
 * whole app; register it once, before routes that use the permission guards.
 */
export const authRoutes = fp<AuthRoutesOptions>(
  async (fastify, { auth }) => {
    if (!fastify.hasRequestDecorator("user")) fastify.decorateRequest("user", null);
    if (!fastify.hasRequestDecorator("staff")) fastify.decorateRequest("staff", null);
    if (!fastify.hasRequestDecorator("principal")) fastify.decorateRequest("principal", null);

    // Own scope: better-auth parses the body itself (JSON and form posts), so hand it the raw bytes
    // without touching the app's content-type parsers.
    await fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
      scope.route({
        method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
        url: `${AUTH_BASE_PATH}/*`,
        schema: { hide: true },
        handler: async (request, reply) => sendWebResponse(reply, await (await resolveAuth(auth)).handler(toWebRequest(request))),
      });
    });
  },
  { name: "kervan-accounts-auth-routes", fastify: "5.x" },
);
