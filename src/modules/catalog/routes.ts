import { createHash } from "node:crypto";
import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { notFound } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import { productKinds, productStatus } from "./schema.ts";
import { type CatalogContext, categoryTree, listProducts, MAX_PER_PAGE, productBySlug } from "./service.ts";
import { productSorts } from "./types.ts";
import {
  bulkUpdateProducts,
  type CatalogWriteContext,
  createProduct,
  deleteProduct,
  followExternalLink,
  getProductForEdit,
  listAdminProducts,
  updateProduct,
} from "./write.ts";

export interface CatalogRoutesOptions {
  db: Db;
  cache: MemoCache;
  mediaUrl: (key: string) => string;
  jobs: Jobs;
  /** Seconds listing results stay cached (config.catalogCacheSeconds). */
  listCacheSeconds?: number;
  /** Permission guards for the /api/admin routes. */
  access: Access;
  limits?: { maxImages: number; maxVideos: number };
}

const locale = z.enum(["tr", "en"]).default("tr").describe("Language of names and descriptions");

const imageSchema = z.object({ src: z.string(), srcSet: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() });
const pictureSchema = imageSchema.extend({ sources: z.array(z.object({ type: z.string(), srcSet: z.string() })) });
const list = (max: number) =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((v) =>
      v
        ? [
            ...new Set(
              v
                .split(",")
                .map((x) => x.trim())
                .filter(Boolean),
            ),
          ].slice(0, max)
        : undefined,
    );
const cardSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  price: z.number().int().describe("KDV-inclusive price in minor units (kuruş)"),
  compareAtPrice: z.number().int().nullable().describe("Former price in minor units, when discounted"),
  discountPercent: z.number().int(),
  currency: z.string(),
  inStock: z.boolean(),
  image: imageSchema.nullable(),
});
interface CategoryOut {
  id: string;
  slug: string;
  name: string;
  children: CategoryOut[];
}
const categorySchema: z.ZodType<CategoryOut> = z.lazy(() =>
  z.object({ id: z.uuid(), slug: z.string(), name: z.string(), children: z.array(categorySchema) }),
);
const crumbSchema = z.object({ slug: z.string(), name: z.string() });
/** What the storefront and the admin both say of a variant; each adds its own fields. */
const variantSchema = z.object({
  id: z.uuid(),
  options: z.record(z.string(), z.string()),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  price: z.number().int(),
  compareAtPrice: z.number().int().nullable(),
  stock: z.number().int(),
});
const facetsSchema = z.object({
  brands: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int(), selected: z.boolean() })),
  attributes: z.array(
    z.object({
      name: z.string(),
      key: z.string(),
      values: z.array(z.object({ value: z.string(), key: z.string(), count: z.number().int(), selected: z.boolean() })),
    }),
  ),
  price: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  inStock: z.number().int(),
  discounted: z.number().int(),
});
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

/** Public catalog reads may be kept by browsers and CDNs this long (as long as the server's own result cache). */
const PUBLIC_MAX_AGE_SECONDS = 30;

export async function catalogRoutes(fastify: FastifyInstance, options: CatalogRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Public reads: short shared caching and an ETag, so clients revalidate with a 304.
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || reply.statusCode !== 200 || !request.url.startsWith("/api/v1/") || typeof payload !== "string")
      return payload;
    const etag = `W/"${createHash("sha1").update(payload).digest("base64url")}"`;
    reply.header("cache-control", `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`).header("etag", etag);
    if (request.headers["if-none-match"] === etag) {
      reply.code(304);
      return "";
    }
    return payload;
  });
  const ctx = (tenantId: string, lang: "tr" | "en"): CatalogContext => ({
    db: options.db,
    tenantId,
    locale: lang,
    cache: options.cache,
    mediaUrl: options.mediaUrl,
    listTtlMs: options.listCacheSeconds === undefined ? undefined : options.listCacheSeconds * 1000,
  });

  app.get(
    "/api/v1/categories",
    {
      schema: {
        tags: ["catalog"],
        summary: "Category tree of the store",
        querystring: z.object({ locale }),
        response: { 200: z.object({ items: z.array(categorySchema) }) },
      },
    },
    async (request) => ({ items: await categoryTree(ctx(request.tenant.id, request.query.locale)) }),
  );

  app.get(
    "/api/v1/products",
    {
      schema: {
        tags: ["catalog"],
        summary: "List active products",
        description: "Filtered, sorted and paginated. `category` includes its sub-categories.",
        querystring: z.object({
          category: z.string().max(200).optional(),
          q: z.string().trim().max(200).optional().describe("Text to search in titles and brands"),
          sort: z.enum(productSorts).optional().describe("Default: relevance when searching, else newest"),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(24),
          inStock: booleanFlag,
          discounted: booleanFlag,
          brands: list(20).describe("Comma-separated brand slugs"),
          attrs: list(30).describe("Comma-separated `name:value` facet keys (folded), e.g. `renk:siyah,beden:m`"),
          minPrice: z.coerce.number().int().min(0).optional().describe("kuruş"),
          maxPrice: z.coerce.number().int().min(0).optional().describe("kuruş"),
          facets: booleanFlag.describe("Also return facet counts"),
          locale,
        }),
        response: {
          200: z.object({
            items: z.array(cardSchema),
            total: z.number().int(),
            totalCapped: z.boolean().describe("`total` is a lower bound: a search without `facets` counts up to 1,000 matches"),
            page: z.number().int(),
            perPage: z.number().int(),
            category: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), breadcrumbs: z.array(crumbSchema) }).nullable(),
            facets: facetsSchema.nullable(),
            corrected: z.string().nullable().describe("The search text after typo correction, when corrected"),
          }),
        },
      },
    },
    async (request) => {
      const { q, locale: lang, ...rest } = request.query;
      const result = await listProducts(ctx(request.tenant.id, lang), { ...rest, search: q });
      if (result.unknownCategory) throw notFound(`Category "${rest.category}"`);
      const { unknownCategory: _, category, ...pageResult } = result;
      return {
        ...pageResult,
        category: category && { id: category.id, slug: category.slug, name: category.name, breadcrumbs: category.breadcrumbs },
      };
    },
  );

  app.get(
    "/api/v1/products/:slug",
    {
      schema: {
        tags: ["catalog"],
        summary: "One active product",
        params: z.object({ slug: z.string().min(1).max(200) }),
        querystring: z.object({ locale }),
        response: {
          200: cardSchema.extend({
            description: z.string(),
            descriptionHtml: z.string(),
            vatRate: z.number().int(),
            stock: z.number().int(),
            kind: z.enum(productKinds),
            externalPath: z.string().nullable(),
            images: z.array(pictureSchema),
            video: z
              .object({
                hls: z.string().nullable(),
                mp4: z.string(),
                type: z.string(),
                poster: pictureSchema.nullable(),
                width: z.number().int().nullable(),
                height: z.number().int().nullable(),
                alt: z.string(),
              })
              .nullable(),
            options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
            variants: z.array(
              variantSchema.extend({
                discountPercent: z.number().int(),
                inStock: z.boolean(),
                imageIndex: z.number().int().nullable(),
              }),
            ),
            specs: z.array(z.object({ name: z.string(), value: z.string() })),
            tags: z.array(z.string()),
            brandSlug: z.string().nullable(),
            seo: z.object({ title: z.string().nullable(), description: z.string().nullable() }),
            category: crumbSchema.nullable(),
            breadcrumbs: z.array(crumbSchema),
            shipping: z.object({ weightGrams: z.number().int().nullable(), desi: z.number().nullable() }),
          }),
        },
      },
    },
    async (request) => {
      const product = await productBySlug(ctx(request.tenant.id, request.query.locale), request.params.slug);
      if (!product) throw notFound(`Product "${request.params.slug}"`);
      return product;
    },
  );

  // --- external products ----------------------------------------------------------------------

  app.get("/urun/:slug/git", { schema: { hide: true, params: z.object({ slug: z.string().min(1).max(200) }) } }, async (request, reply) => {
    const url = await followExternalLink(options.db, request.tenant.id, request.params.slug);
    if (!url) throw notFound(`External product "${request.params.slug}"`);
    return reply.header("cache-control", "no-store").header("x-robots-tag", "noindex").redirect(url, 302);
  });

  // --- admin -------------------------------------------------------------------------------

  const writeCtx = (request: FastifyRequest): CatalogWriteContext => ({
    db: options.db,
    tenantId: request.tenant.id,
    jobs: options.jobs,
    cache: options.cache,
    actor: auditContext(request),
    limits: options.limits,
  });
  const idParams = z.object({ id: z.uuid() });
  const productOut = z.object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string().describe("Sanitised HTML"),
    translations: z.record(z.string(), z.record(z.string(), z.string().optional())),
    status: z.enum(productStatus),
    kind: z.enum(productKinds),
    externalUrl: z.string().nullable(),
    externalClicks: z.number().int(),
    brandId: z.uuid().nullable(),
    categoryId: z.uuid().nullable(),
    tags: z.array(z.string()),
    specs: z.array(z.object({ name: z.string(), value: z.string(), facet: z.boolean().optional() })),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    vatRate: z.number().int(),
    featured: z.boolean(),
    seoTitle: z.string().nullable(),
    seoDescription: z.string().nullable(),
    price: z.number().int().describe("Lowest variant price, kuruş"),
    stock: z.number().int().describe("Sum of the variants' stock"),
    createdAt: z.string(),
    updatedAt: z.string(),
    variants: z.array(
      variantSchema.extend({
        weightGrams: z.number().int().nullable(),
        desi: z.number().nullable(),
        mediaIndex: z.number().int().nullable(),
      }),
    ),
    media: z.array(z.object({ assetId: z.uuid(), alt: z.string() })),
  });
  const rowOut = z.object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    status: z.enum(productStatus),
    kind: z.enum(productKinds),
    brand: z.string().nullable(),
    category: z.string().nullable(),
    price: z.number().int(),
    compareAtPrice: z.number().int().nullable(),
    stock: z.number().int(),
    variants: z.number().int(),
    featured: z.boolean(),
    image: z.string().nullable(),
    updatedAt: z.string(),
  });
  const loadForEdit = async (request: FastifyRequest, id: string) => {
    const product = await getProductForEdit({ db: options.db, tenantId: request.tenant.id }, id);
    if (!product) throw notFound("Product");
    return product;
  };

  app.get(
    "/api/admin/products",
    {
      preHandler: options.access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "Products of the store, any status",
        querystring: z.object({
          q: z.string().trim().max(200).optional().describe("Title words, exact SKU, barcode or slug"),
          status: z.enum(productStatus).optional(),
          categoryId: z.uuid().optional(),
          brandId: z.uuid().optional(),
          stock: z.enum(["in", "out", "low"]).optional(),
          sort: z.enum(["updated", "title", "price-asc", "price-desc", "stock"]).default("updated"),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(50),
        }),
        response: { 200: z.object({ items: z.array(rowOut), total: z.number().int() }) },
      },
    },
    async (request) =>
      listAdminProducts({ db: options.db, tenantId: request.tenant.id, mediaUrl: options.mediaUrl, cache: options.cache }, request.query),
  );

  app.post(
    "/api/admin/products",
    {
      preHandler: options.access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Create a product with its variants and media",
        description: "Prices are KDV-inclusive kuruş. A product without options has exactly one variant.",
        body: z.record(z.string(), z.unknown()).describe("ProductInput: see the product schema of GET /api/admin/products/{id}"),
        response: { 201: productOut },
      },
    },
    async (request, reply) => {
      const created = await createProduct(writeCtx(request), request.body as never);
      return reply.code(201).send(await loadForEdit(request, created.id));
    },
  );

  app.get(
    "/api/admin/products/:id",
    {
      preHandler: options.access.require("catalog:read"),
      schema: { tags: ["admin"], summary: "One product as the editor sees it", params: idParams, response: { 200: productOut } },
    },
    async (request) => loadForEdit(request, request.params.id),
  );

  app.patch(
    "/api/admin/products/:id",
    {
      preHandler: options.access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Change a product",
        description: "Send the fields to change; `variants` and `media` replace the whole lists (variants keep their `id`).",
        params: idParams,
        body: z.record(z.string(), z.unknown()).refine((b) => Object.keys(b).length > 0, "send at least one field to change"),
        response: { 200: productOut },
      },
    },
    async (request) => {
      await updateProduct(writeCtx(request), request.params.id, request.body as never);
      return loadForEdit(request, request.params.id);
    },
  );

  app.delete(
    "/api/admin/products/:id",
    {
      preHandler: options.access.require("catalog:write"),
      schema: { tags: ["admin"], summary: "Delete a product", params: idParams },
    },
    async (request, reply) => {
      await deleteProduct(writeCtx(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/admin/products/bulk",
    {
      preHandler: options.access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Change the status or prices of many products",
        body: z
          .object({
            ids: z.array(z.uuid()).min(1).max(1000),
            status: z.enum(productStatus).optional(),
            price: z
              .object({
                percent: z.number().min(-90).max(1000).optional().describe("e.g. -10 for 10% off"),
                amount: z.number().int().min(-100_000_000).max(100_000_000).optional().describe("kuruş added to every price"),
              })
              .optional(),
          })
          .refine((b) => b.status || b.price, "choose a status or a price change"),
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => {
      const { ids, ...change } = request.body;
      return bulkUpdateProducts(writeCtx(request), ids, change);
    },
  );
}
