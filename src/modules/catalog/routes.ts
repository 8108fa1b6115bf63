import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { notFound } from "../../platform/problem.ts";
import { likePattern } from "../../platform/text.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext, diff, recordAudit } from "../audit/service.ts";
import { productStatus, products } from "./schema.ts";
import { type CatalogContext, categoryTree, invalidateCatalog, listProducts, MAX_PER_PAGE, productBySlug } from "./service.ts";

export interface CatalogRoutesOptions {
  db: Db;
  cache: MemoCache;
  mediaUrl: (key: string) => string;
  /** Permission guards for the /api/admin routes. */
  access: Access;
}

const locale = z.enum(["tr", "en"]).default("tr").describe("Language of names and descriptions");

const imageSchema = z.object({ src: z.string(), srcSet: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() });
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
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const adminProductSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  price: z.number().int(),
  compareAtPrice: z.number().int().nullable(),
  stock: z.number().int(),
  status: z.enum(productStatus),
  featured: z.boolean(),
  updatedAt: z.string(),
});

export async function catalogRoutes(fastify: FastifyInstance, options: CatalogRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = (tenantId: string, lang: "tr" | "en"): CatalogContext => ({
    db: options.db,
    tenantId,
    locale: lang,
    cache: options.cache,
    mediaUrl: options.mediaUrl,
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
          sort: z.enum(["newest", "price-asc", "price-desc", "best-selling"]).default("newest"),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(24),
          inStock: booleanFlag,
          discounted: booleanFlag,
          locale,
        }),
        response: {
          200: z.object({
            items: z.array(cardSchema),
            total: z.number().int(),
            page: z.number().int(),
            perPage: z.number().int(),
            category: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), breadcrumbs: z.array(crumbSchema) }).nullable(),
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
            vatRate: z.number().int(),
            stock: z.number().int(),
            images: z.array(imageSchema),
            category: crumbSchema.nullable(),
            breadcrumbs: z.array(crumbSchema),
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

  // --- admin -------------------------------------------------------------------------------

  const toAdmin = (p: typeof products.$inferSelect) => ({
    id: p.id,
    slug: p.slug,
    title: p.title,
    brand: p.brand,
    price: p.price,
    compareAtPrice: p.compareAtPrice,
    stock: p.stock,
    status: p.status,
    featured: p.featured,
    updatedAt: p.updatedAt.toISOString(),
  });

  app.get(
    "/api/admin/products",
    {
      preHandler: options.access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "Products of the store, any status",
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          status: z.enum(productStatus).optional(),
          page: z.coerce.number().int().min(1).default(1),
          perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(50),
        }),
        response: { 200: z.object({ items: z.array(adminProductSchema), total: z.number().int() }) },
      },
    },
    async (request) => {
      const { q, status, page, perPage } = request.query;
      const where = and(
        eq(products.tenantId, request.tenant.id),
        status ? eq(products.status, status) : undefined,
        q ? or(ilike(products.title, likePattern(q)), ilike(products.slug, likePattern(q))) : undefined,
      );
      const [items, [count]] = await Promise.all([
        options.db
          .select()
          .from(products)
          .where(where)
          .orderBy(desc(products.updatedAt), asc(products.id))
          .limit(perPage)
          .offset((page - 1) * perPage),
        options.db.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
      ]);
      return { items: items.map(toAdmin), total: count?.n ?? 0 };
    },
  );

  app.patch(
    "/api/admin/products/:id",
    {
      preHandler: options.access.require("catalog:write"),
      schema: {
        tags: ["admin"],
        summary: "Change a product's price, stock, status or title",
        params: z.object({ id: z.uuid() }),
        body: z
          .object({
            title: z.string().trim().min(2).max(200),
            price: z.number().int().min(0).max(1_000_000_000).describe("minor units"),
            compareAtPrice: z.number().int().min(0).max(1_000_000_000).nullable(),
            stock: z.number().int().min(0).max(10_000_000),
            status: z.enum(productStatus),
            featured: z.boolean(),
          })
          .partial()
          .refine((b) => Object.keys(b).length > 0, "send at least one field to change")
          .refine((b) => b.compareAtPrice == null || b.price == null || b.compareAtPrice > b.price, {
            message: "compareAtPrice must be above price",
            path: ["compareAtPrice"],
          }),
        response: { 200: adminProductSchema },
      },
    },
    async (request) => {
      const where = and(eq(products.id, request.params.id), eq(products.tenantId, request.tenant.id));
      const updated = await options.db.transaction(async (tx) => {
        const [before] = await tx.select().from(products).where(where).for("update");
        if (!before) throw notFound("Product");
        const [after] = await tx
          .update(products)
          .set({ ...request.body, updatedAt: new Date() })
          .where(where)
          .returning();
        if (!after) throw notFound("Product");
        const fields = Object.keys(request.body) as (keyof typeof request.body)[];
        const changes = diff(Object.fromEntries(fields.map((f) => [f, before[f]])), Object.fromEntries(fields.map((f) => [f, after[f]])));
        await recordAudit(tx, {
          ...auditContext(request),
          type: "product.update",
          targetType: "product",
          targetId: after.id,
          summary: after.title,
          ...changes,
        });
        return after;
      });
      invalidateCatalog(options.cache, request.tenant.id);
      return toAdmin(updated);
    },
  );
}
