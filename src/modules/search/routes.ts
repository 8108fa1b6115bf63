import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { suggest } from "./suggest.ts";

export interface SearchRoutesOptions {
  db: Db;
  cache: MemoCache;
  mediaUrl: (key: string) => string;
}

const imageSchema = z.object({ src: z.string(), srcSet: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() });

/** Seconds browsers and shared caches may keep a suggestion response. */
export const SUGGEST_MAX_AGE = 60;

export async function searchRoutes(fastify: FastifyInstance, options: SearchRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/search/suggestions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Instant search suggestions",
        description:
          "Products, categories and word completions for a partly typed query (the last word matches as a prefix; " +
          "Turkish letters may be typed as ASCII; one-letter typos are corrected and reported in `corrected`). Cacheable for a minute.",
        querystring: z.object({
          q: z.string().max(200).default("").describe("What the shopper has typed so far"),
          locale: z.enum(["tr", "en"]).default("tr").describe("Language of titles and names"),
        }),
        response: {
          200: z.object({
            query: z.string(),
            corrected: z.string().nullable().describe("The corrected query when a typo was fixed"),
            products: z.array(
              z.object({
                slug: z.string(),
                title: z.string(),
                brand: z.string().nullable(),
                price: z.number().int().describe("KDV-inclusive price in minor units (kuruş)"),
                compareAtPrice: z.number().int().nullable(),
                currency: z.string(),
                image: imageSchema.nullable(),
              }),
            ),
            categories: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
            terms: z.array(z.string()).describe("Completions of the whole query"),
          }),
        },
      },
    },
    async (request, reply) => {
      const { q, locale } = request.query;
      const result = await suggest(
        { db: options.db, cache: options.cache, mediaUrl: options.mediaUrl, tenantId: request.tenant.id, locale },
        q,
      );
      reply.header("cache-control", `public, max-age=${SUGGEST_MAX_AGE}`);
      return result;
    },
  );
}
