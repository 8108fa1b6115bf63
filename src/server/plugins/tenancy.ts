import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { normalizeHost, type TenantResolver } from "../../modules/tenants/service.ts";
import { problem, sendProblem } from "../../platform/problem.ts";

/** Paths served the same for every host, with no tenant. */
const TENANTLESS = [/^\/healthz$/, /^\/readyz$/, /^\/assets\//, /^\/media\//, /^\/api\/docs(\/|$)/, /^\/favicon\.(ico|svg)$/];

/** Resolves the request's tenant from its Host header once, before any handler runs. */
export const tenancyPlugin = fp(async (app: FastifyInstance, options: { resolver: TenantResolver }) => {
  app.decorateRequest("tenant", null as never);
  app.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?", 1)[0] ?? "/";
    if (TENANTLESS.some((re) => re.test(path))) return;
    const host = normalizeHost(request.headers.host);
    const tenant = host ? await options.resolver.resolve(host) : null;
    if (!tenant) {
      return sendProblem(
        reply,
        problem(404, `No store is configured for the host "${host || "(none)"}".`, { instance: request.url, requestId: request.id }),
      );
    }
    request.tenant = tenant;
  });
});
