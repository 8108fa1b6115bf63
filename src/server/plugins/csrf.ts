import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AUTH_BASE_PATH, hasSessionCookie } from "../../modules/accounts/constants.ts";
import { problem, sendProblem } from "../../platform/problem.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin a browser says the request came from: `Origin`, else the origin of `Referer`. */
function sourceOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin && origin !== "null") return origin;
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF protection for cookie-authenticated writes. A state-changing request that carries the
 * session cookie (and no bearer token) must come from a page of the same store: the browser's
 * `Sec-Fetch-Site: same-origin`, or, from clients that do not send it, an `Origin` (or `Referer`)
 * equal to the request's own origin.
 * Together with SameSite=Lax cookies this stops forged form posts and fetches from other sites.
 * better-auth's endpoints run their own origin check against the trusted store domains.
 */
export const csrfPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook("onRequest", async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (!hasSessionCookie(request.headers.cookie)) return;
      // bearer-token clients send no cookies of ours by design; any other Authorization (a
      // proxy's Basic auth) does not make a cookie-authenticated write safe
      if (/^Bearer\s/i.test(request.headers.authorization ?? "")) return;
      if (request.url.startsWith(`${AUTH_BASE_PATH}/`)) return;
      const own = `${request.protocol}://${request.host}`;
      const from = sourceOrigin(request);
      const site = request.headers["sec-fetch-site"];
      // Browsers set Sec-Fetch-Site themselves (pages cannot); without it, compare the origin.
      if (site === "same-origin" || (site === undefined && from === own)) return;
      request.log.warn({ origin: from, site, own }, "cross-site write refused");
      return sendProblem(
        reply,
        problem(403, "This request did not come from a page of this store (missing or foreign Origin), so it was refused.", {
          instance: request.url,
          requestId: request.id,
        }),
      );
    });
  },
  { name: "kervan-csrf", fastify: "5.x" },
);
