import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { notFound } from "../../platform/problem.ts";
import { robotsTxt } from "./robots.ts";
import { renderSitemap, sitemapFileOf, sitemapPlan, siteOrigin } from "./sitemap.ts";

export interface SeoRoutesOptions {
  db: Db;
  cache: MemoCache;
  /** robots.txt lets crawlers in (config.searchIndexing). */
  indexing: boolean;
  /** URLs per product sitemap file (tests use small pages). */
  sitemapPageSize?: number;
}

/** Crawlers and CDNs may keep both files for a while; the plan behind them is cached on the server too. */
const SITEMAP_CACHE = "public, max-age=600";
const ROBOTS_CACHE = "public, max-age=3600";

/** GET /robots.txt, /sitemap.xml, /sitemap-pages.xml and /sitemap-products-N.xml of the request's store. */
export async function seoRoutes(app: FastifyInstance, options: SeoRoutesOptions) {
  const ctx = (tenantId: string) => ({ db: options.db, tenantId, cache: options.cache, pageSize: options.sitemapPageSize });

  app.get("/robots.txt", { schema: { hide: true } }, async (request, reply) => {
    const plan = options.indexing ? await sitemapPlan(ctx(request.tenant.id)) : { primaryHost: null };
    return reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", ROBOTS_CACHE)
      .send(robotsTxt({ origin: siteOrigin(plan, request.protocol, request.host), indexing: options.indexing }));
  });

  const sitemap = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?", 1)[0] ?? "";
    const file = sitemapFileOf(path);
    const rendered = file && (await renderSitemap(ctx(request.tenant.id), file, request.protocol, request.host));
    if (!rendered) throw notFound(`Sitemap ${path}`);
    reply.type("application/xml; charset=utf-8").header("cache-control", SITEMAP_CACHE).header("etag", rendered.etag);
    if (request.headers["if-none-match"] === rendered.etag) return reply.code(304).send();
    return reply.send(Readable.from(rendered.body));
  };
  app.get("/sitemap.xml", { schema: { hide: true } }, sitemap);
  app.get("/sitemap-pages.xml", { schema: { hide: true } }, sitemap);
  app.get("/sitemap-products-:page.xml", { schema: { hide: true } }, sitemap);
}
