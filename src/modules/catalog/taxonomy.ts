// Categories (a tree) and brands: create, rename, move and reorder, delete. Slugs are made from
// the Turkish name (`slugify`) and unique per store. Renames and moves re-project the products
// they show on (breadcrumbs, brand names, category paths) through the outbox, and every change is
// audited in the same transaction.

import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { compareTr, equalsTr, escapeLike, slugify } from "../../platform/text.ts";
import { type AuditContext, auditChange, diff } from "../audit/service.ts";
import { requestProjection } from "./projection.ts";
import { brands, categories, products, type Translations } from "./schema.ts";
import { invalidateCatalog } from "./service.ts";
import { slugSchema } from "./validators.ts";

export interface TaxonomyContext {
  db: Db;
  tenantId: string;
  jobs: Jobs;
  cache: MemoCache;
  /** Who makes the change (audit trail); omitted for system writes. */
  actor?: AuditContext;
}

/** Re-project these products one by one; past this many, re-project the whole store. */
const PROJECTION_BATCH_LIMIT = 1_000;

const name = z.string().trim().min(1, "give a name").max(120);
const englishName = z
  .string()
  .trim()
  .max(120)
  .optional()
  .transform((v) => v || undefined);

export const categoryCreateSchema = z.object({
  name,
  slug: slugSchema.optional(),
  parentId: z.uuid().nullish(),
  translations: z.object({ en: z.object({ name: englishName }).optional() }).optional(),
});
export const categoryUpdateSchema = z
  .object({
    name: name.optional(),
    slug: slugSchema.optional(),
    /** Move under another category (null: to the top level); it goes last among its new siblings. */
    parentId: z.uuid().nullable().optional(),
    /** Place among its siblings, counted from 0. */
    position: z.number().int().min(0).max(100_000).optional(),
    translations: z.object({ en: z.object({ name: englishName }).optional() }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothing to change");
export const moveSchema = z.object({ direction: z.enum(["up", "down"]) });
export const brandCreateSchema = z.object({ name, slug: slugSchema.optional() });
export const brandUpdateSchema = brandCreateSchema
  .partial()
  .refine((v) => v.name !== undefined || v.slug !== undefined, "nothing to change");

export type CategoryCreate = z.input<typeof categoryCreateSchema>;
export type CategoryUpdate = z.input<typeof categoryUpdateSchema>;
export type BrandCreate = z.input<typeof brandCreateSchema>;
export type BrandUpdate = z.input<typeof brandUpdateSchema>;

export interface AdminCategory {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  /** English name, or null when it falls back to the Turkish one. */
  nameEn: string | null;
  position: number;
  /** Products directly in this category (any status). */
  productCount: number;
  childCount: number;
}

export interface AdminBrand {
  id: string;
  slug: string;
  name: string;
  productCount: number;
  createdAt: string;
}

const fieldError = (status: number, path: string, message: string, code?: string) =>
  new HttpError(status, message, { code, errors: [{ path, message }] });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new HttpError(422, errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "), { code: "invalid", errors });
}

function audit(
  tx: Db,
  ctx: TaxonomyContext,
  event: { type: string; targetType: string; id: string; summary: string; before?: object; after?: object },
) {
  return auditChange(tx, ctx, event);
}

/** Postgres unique violation on one of our slug indexes (a race the pre-check did not see). */
function slugConflict(error: unknown): HttpError | null {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint;
  if (code === "23505" && (constraint === "categories_tenant_slug" || constraint === "brands_tenant_slug"))
    return fieldError(409, "slug", "This address is already in use; choose another.", "slug-taken");
  return null;
}

/**
 * A free slug for `wanted` among `taken`: the slug itself, else `-2`, `-3`… When the caller chose
 * the slug (`explicit`), a clash is refused with 409 instead.
 */
function freeSlug(taken: Set<string>, wanted: string, explicit: boolean, what: string): string {
  if (!taken.has(wanted)) return wanted;
  if (explicit) throw fieldError(409, "slug", `Another ${what} already uses the address "${wanted}".`, "slug-taken");
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

async function takenSlugs(tx: Db, table: typeof categories | typeof brands, tenantId: string, wanted: string, exceptId?: string) {
  const rows = await tx
    .select({ id: table.id, slug: table.slug })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), sql`${table.slug} like ${`${escapeLike(wanted)}%`}`));
  return new Set(rows.filter((r) => r.id !== exceptId).map((r) => r.slug));
}

const projectionTarget = (ids: string[]) => (ids.length > PROJECTION_BATCH_LIMIT ? { all: true } : { productIds: ids });

// --- categories -------------------------------------------------------------------------------

/**
 * Every category of the store with its product and child counts, in tree order (parents first).
 * `counts: false` skips counting products (a scan of the store's products) for pickers.
 */
export async function listCategories(db: Db, tenantId: string, options: { counts?: boolean } = {}): Promise<AdminCategory[]> {
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: categories.id,
        parentId: categories.parentId,
        slug: categories.slug,
        name: categories.name,
        translations: categories.translations,
        position: categories.position,
      })
      .from(categories)
      .where(eq(categories.tenantId, tenantId))
      .orderBy(asc(categories.position), asc(categories.createdAt)),
    options.counts === false
      ? []
      : db
          .select({ categoryId: products.categoryId, n: count() })
          .from(products)
          .where(eq(products.tenantId, tenantId))
          .groupBy(products.categoryId),
  ]);
  const productCount = new Map(counts.map((c) => [c.categoryId, c.n]));
  const ids = new Set(rows.map((r) => r.id));
  // A row whose parent is missing (should not happen) shows at the top level.
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const out: AdminCategory[] = [];
  const walk = (parentId: string | null) => {
    for (const r of children.get(parentId) ?? []) {
      out.push({
        id: r.id,
        parentId: r.parentId,
        slug: r.slug,
        name: r.name,
        nameEn: r.translations?.en?.name ?? null,
        position: r.position,
        productCount: productCount.get(r.id) ?? 0,
        childCount: children.get(r.id)?.length ?? 0,
      });
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

async function findCategory(tx: Db, tenantId: string, id: string, lock = false) {
  if (!isUuid(id)) return null;
  const query = tx
    .select()
    .from(categories)
    .where(and(eq(categories.id, id), eq(categories.tenantId, tenantId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** The category and every category below it. */
async function subtreeIds(tx: Db, tenantId: string, id: string): Promise<string[]> {
  const result = (await tx.execute(sql`with recursive down as (
      select id from categories where id = ${id}::uuid and tenant_id = ${tenantId}
      union all
      select c.id from categories c join down on c.parent_id = down.id where c.tenant_id = ${tenantId})
    select id from down`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

async function productIdsWhere(tx: Db, tenantId: string, where: ReturnType<typeof sql>): Promise<string[]> {
  const result = (await tx.execute(
    sql`select id from products where tenant_id = ${tenantId} and ${where} limit ${PROJECTION_BATCH_LIMIT + 1}`,
  )) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

async function nextPosition(tx: Db, tenantId: string, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${categories.position})` })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId)));
  return row?.max == null ? 0 : Number(row.max) + 1;
}

/** The category's siblings (itself included), locked, in display order. */
async function lockedSiblings(tx: Db, tenantId: string, parentId: string | null) {
  return tx
    .select({ id: categories.id, position: categories.position })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId)))
    .orderBy(asc(categories.position), asc(categories.createdAt))
    .for("update");
}

/** Writes positions 0..n-1 in the given order (only rows whose position changes). */
async function renumber(tx: Db, table: typeof categories, rows: { id: string; position: number }[], order: string[]) {
  const current = new Map(rows.map((r) => [r.id, r.position]));
  for (const [position, id] of order.entries()) {
    if (current.get(id) !== position) await tx.update(table).set({ position }).where(eq(table.id, id));
  }
}

const categoryJson = (row: typeof categories.$inferSelect, counts: { productCount?: number; childCount?: number } = {}): AdminCategory => ({
  id: row.id,
  parentId: row.parentId,
  slug: row.slug,
  name: row.name,
  nameEn: row.translations?.en?.name ?? null,
  position: row.position,
  productCount: counts.productCount ?? 0,
  childCount: counts.childCount ?? 0,
});

function withEnglishName(current: Translations, en: string | undefined): Translations {
  const next: Translations = { ...current, en: { ...current.en, name: en } };
  if (!en && next.en) {
    delete next.en.name;
    if (Object.keys(next.en).length === 0) delete next.en;
  }
  return next;
}

export async function createCategory(ctx: TaxonomyContext, raw: CategoryCreate): Promise<AdminCategory> {
  const input = parse(categoryCreateSchema, raw);
  const row = await ctx.db
    .transaction(async (tx) => {
      const parentId = input.parentId ?? null;
      if (parentId && !(await findCategory(tx, ctx.tenantId, parentId)))
        throw fieldError(422, "parentId", "No such parent category in this store.", "no-parent");
      const wanted = input.slug ?? (slugify(input.name) || "kategori");
      const slug = freeSlug(await takenSlugs(tx, categories, ctx.tenantId, wanted), wanted, input.slug !== undefined, "category");
      const translations = withEnglishName({}, input.translations?.en?.name);
      const [created] = await tx
        .insert(categories)
        .values({
          tenantId: ctx.tenantId,
          parentId,
          slug,
          name: input.name,
          translations,
          position: await nextPosition(tx, ctx.tenantId, parentId),
        })
        .returning();
      const category = created as typeof categories.$inferSelect;
      await audit(tx, ctx, {
        type: "category.create",
        targetType: "category",
        id: category.id,
        summary: category.name,
        after: { name: category.name, slug, parentId, ...(translations.en?.name ? { nameEn: translations.en.name } : {}) },
      });
      return category;
    })
    .catch((error) => {
      throw slugConflict(error) ?? error;
    });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return categoryJson(row);
}

/** Renames, re-slugs, moves under another parent and/or to a position among its siblings. */
export async function updateCategory(ctx: TaxonomyContext, id: string, raw: CategoryUpdate): Promise<AdminCategory> {
  const input = parse(categoryUpdateSchema, raw);
  const row = await ctx.db
    .transaction(async (tx) => {
      const current = await findCategory(tx, ctx.tenantId, id, true);
      if (!current) throw notFound("Category");
      const patch: Partial<typeof categories.$inferInsert> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.slug !== undefined && input.slug !== current.slug)
        patch.slug = freeSlug(await takenSlugs(tx, categories, ctx.tenantId, input.slug, id), input.slug, true, "category");
      if (input.translations?.en !== undefined) patch.translations = withEnglishName(current.translations, input.translations.en.name);
      const moving = input.parentId !== undefined && input.parentId !== current.parentId;
      if (moving) {
        const parentId = input.parentId ?? null;
        if (parentId) {
          if (!(await findCategory(tx, ctx.tenantId, parentId)))
            throw fieldError(422, "parentId", "No such parent category in this store.", "no-parent");
          if ((await subtreeIds(tx, ctx.tenantId, id)).includes(parentId))
            throw fieldError(409, "parentId", "A category cannot move under itself or one of its subcategories.", "category-cycle");
        }
        patch.parentId = parentId;
        patch.position = await nextPosition(tx, ctx.tenantId, parentId);
      }
      const [updated] =
        Object.keys(patch).length > 0 ? await tx.update(categories).set(patch).where(eq(categories.id, id)).returning() : [current];
      let category = updated as typeof categories.$inferSelect;
      if (input.position !== undefined) {
        const siblings = await lockedSiblings(tx, ctx.tenantId, category.parentId);
        const order = siblings.map((s) => s.id).filter((s) => s !== id);
        order.splice(Math.min(input.position, order.length), 0, id);
        await renumber(tx, categories, siblings, order);
        category = { ...category, position: order.indexOf(id) };
      }
      const before = {
        name: current.name,
        slug: current.slug,
        parentId: current.parentId,
        nameEn: current.translations?.en?.name ?? null,
        position: current.position,
      };
      const after = {
        name: category.name,
        slug: category.slug,
        parentId: category.parentId,
        nameEn: category.translations?.en?.name ?? null,
        position: category.position,
      };
      const changes = diff(before, after);
      if (Object.keys(changes.after).length > 0)
        await audit(tx, ctx, {
          type: moving ? "category.move" : "category.update",
          targetType: "category",
          id,
          summary: category.name,
          ...changes,
        });
      // Breadcrumbs and category paths of the products below it change with the name, slug or place.
      const shown = ["name", "slug", "parentId", "nameEn"].some((k) => k in changes.after);
      if (shown) {
        const subtree = await subtreeIds(tx, ctx.tenantId, id);
        const ids = await productIdsWhere(
          tx,
          ctx.tenantId,
          sql`category_id in (${sql.join(
            subtree.map((c) => sql`${c}::uuid`),
            sql`, `,
          )})`,
        );
        if (ids.length > 0) await requestProjection(ctx.jobs, ctx.tenantId, projectionTarget(ids), tx);
      }
      return category;
    })
    .catch((error) => {
      throw slugConflict(error) ?? error;
    });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return categoryJson(row);
}

/** Swaps the category with its previous or next sibling. At the end of the list it stays put. */
export async function moveCategory(ctx: TaxonomyContext, id: string, direction: "up" | "down"): Promise<AdminCategory> {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findCategory(tx, ctx.tenantId, id, true);
    if (!current) throw notFound("Category");
    const siblings = await lockedSiblings(tx, ctx.tenantId, current.parentId);
    const order = siblings.map((s) => s.id);
    const at = order.indexOf(id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return current;
    [order[at], order[to]] = [order[to] as string, id];
    await renumber(tx, categories, siblings, order);
    await audit(tx, ctx, {
      type: "category.reorder",
      targetType: "category",
      id,
      summary: current.name,
      before: { position: at },
      after: { position: to },
    });
    return { ...current, position: to };
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return categoryJson(row);
}

/** Deletes an empty category; one with subcategories or products is refused (409). */
export async function deleteCategory(ctx: TaxonomyContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findCategory(tx, ctx.tenantId, id, true);
    if (!current) throw notFound("Category");
    const [[children], [inside]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(categories)
        .where(and(eq(categories.tenantId, ctx.tenantId), eq(categories.parentId, id))),
      tx
        .select({ n: count() })
        .from(products)
        .where(and(eq(products.tenantId, ctx.tenantId), eq(products.categoryId, id))),
    ]);
    if ((children?.n ?? 0) > 0)
      throw new HttpError(409, `"${current.name}" has ${children?.n} subcategories: move or delete them first.`, {
        code: "category-has-children",
      });
    if ((inside?.n ?? 0) > 0)
      throw new HttpError(409, `"${current.name}" has ${inside?.n} products: move them to another category first.`, {
        code: "category-has-products",
      });
    await tx.delete(categories).where(eq(categories.id, id));
    await audit(tx, ctx, {
      type: "category.delete",
      targetType: "category",
      id,
      summary: current.name,
      before: { name: current.name, slug: current.slug, parentId: current.parentId },
    });
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
}

// --- brands -----------------------------------------------------------------------------------

/** The store's brands in Turkish alphabetical order, with how many products each has (unless `counts: false`). */
export async function listBrandsWithCounts(db: Db, tenantId: string, options: { counts?: boolean } = {}): Promise<AdminBrand[]> {
  const [rows, counts] = await Promise.all([
    db.select().from(brands).where(eq(brands.tenantId, tenantId)),
    options.counts === false
      ? []
      : db
          .select({ brandId: products.brandId, n: count() })
          .from(products)
          .where(and(eq(products.tenantId, tenantId), isNotNull(products.brandId)))
          .groupBy(products.brandId),
  ]);
  const productCount = new Map(counts.map((c) => [c.brandId, c.n]));
  return rows.map((r) => brandJson(r, productCount.get(r.id) ?? 0)).sort((a, b) => compareTr(a.name, b.name));
}

async function findBrand(tx: Db, tenantId: string, id: string, lock = false) {
  if (!isUuid(id)) return null;
  const query = tx
    .select()
    .from(brands)
    .where(and(eq(brands.id, id), eq(brands.tenantId, tenantId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** A brand with the same name (Turkish case-insensitive), if any. A store has a few hundred brands at most. */
async function sameName(tx: Db, tenantId: string, value: string, exceptId?: string) {
  const rows = await tx.select({ id: brands.id, name: brands.name }).from(brands).where(eq(brands.tenantId, tenantId));
  return rows.find((r) => r.id !== exceptId && equalsTr(r.name.trim(), value)) ?? null;
}

const brandJson = (row: typeof brands.$inferSelect, productCount = 0): AdminBrand => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  productCount,
  createdAt: row.createdAt.toISOString(),
});

export async function createBrand(ctx: TaxonomyContext, raw: BrandCreate): Promise<AdminBrand> {
  const input = parse(brandCreateSchema, raw);
  const row = await ctx.db
    .transaction(async (tx) => {
      const existing = await sameName(tx, ctx.tenantId, input.name);
      if (existing) throw fieldError(409, "name", `There is already a brand called "${existing.name}".`, "brand-exists");
      const wanted = input.slug ?? (slugify(input.name) || "marka");
      const slug = freeSlug(await takenSlugs(tx, brands, ctx.tenantId, wanted), wanted, input.slug !== undefined, "brand");
      const [created] = await tx.insert(brands).values({ tenantId: ctx.tenantId, slug, name: input.name }).returning();
      const brand = created as typeof brands.$inferSelect;
      await audit(tx, ctx, {
        type: "brand.create",
        targetType: "brand",
        id: brand.id,
        summary: brand.name,
        after: { name: brand.name, slug },
      });
      return brand;
    })
    .catch((error) => {
      throw slugConflict(error) ?? error;
    });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return brandJson(row);
}

export async function updateBrand(ctx: TaxonomyContext, id: string, raw: BrandUpdate): Promise<AdminBrand> {
  const input = parse(brandUpdateSchema, raw);
  const { row, productCount } = await ctx.db
    .transaction(async (tx) => {
      const current = await findBrand(tx, ctx.tenantId, id, true);
      if (!current) throw notFound("Brand");
      const patch: Partial<typeof brands.$inferInsert> = {};
      if (input.name !== undefined && input.name !== current.name) {
        const existing = await sameName(tx, ctx.tenantId, input.name, id);
        if (existing) throw fieldError(409, "name", `There is already a brand called "${existing.name}".`, "brand-exists");
        patch.name = input.name;
      }
      if (input.slug !== undefined && input.slug !== current.slug)
        patch.slug = freeSlug(await takenSlugs(tx, brands, ctx.tenantId, input.slug, id), input.slug, true, "brand");
      const ids = await productIdsWhere(tx, ctx.tenantId, sql`brand_id = ${id}::uuid`);
      if (Object.keys(patch).length === 0) return { row: current, productCount: ids.length };
      const [updated] = await tx.update(brands).set(patch).where(eq(brands.id, id)).returning();
      const brand = updated as typeof brands.$inferSelect;
      await audit(tx, ctx, {
        type: "brand.update",
        targetType: "brand",
        id,
        summary: brand.name,
        ...diff({ name: current.name, slug: current.slug }, { name: brand.name, slug: brand.slug }),
      });
      if (ids.length > 0) await requestProjection(ctx.jobs, ctx.tenantId, projectionTarget(ids), tx);
      return { row: brand, productCount: ids.length };
    })
    .catch((error) => {
      throw slugConflict(error) ?? error;
    });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return brandJson(row, productCount > PROJECTION_BATCH_LIMIT ? await countBrandProducts(ctx.db, ctx.tenantId, id) : productCount);
}

async function countBrandProducts(db: Db, tenantId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.brandId, id)));
  return row?.n ?? 0;
}

/** Deletes a brand no product uses; one with products is refused (409). */
export async function deleteBrand(ctx: TaxonomyContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findBrand(tx, ctx.tenantId, id, true);
    if (!current) throw notFound("Brand");
    const used = await countBrandProducts(tx, ctx.tenantId, id);
    if (used > 0)
      throw new HttpError(409, `"${current.name}" is the brand of ${used} products: give them another brand first.`, {
        code: "brand-has-products",
      });
    await tx.delete(brands).where(eq(brands.id, id));
    await audit(tx, ctx, {
      type: "brand.delete",
      targetType: "brand",
      id,
      summary: current.name,
      before: { name: current.name, slug: current.slug },
    });
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
}
