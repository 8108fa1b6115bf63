// Home carousel slides and category banners: admin CRUD and ordering, and the storefront read
// (`activeBanners`) that honours `active`, `starts_at` and `ends_at`. Every change is audited and
// drops the store's cached pages.

import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { type AuditContext, auditChange, diff } from "../audit/service.ts";
import { type ImageVariant, mediaAssets, type Rendition } from "../media/schema.ts";
import { type BannerPlacement, bannerPlacements, banners, categories, type Translations } from "./schema.ts";
import { invalidateCatalog } from "./service.ts";
import type { Picture } from "./types.ts";

export interface BannerContext {
  db: Db;
  tenantId: string;
  cache: MemoCache;
  actor?: AuditContext;
}

/** Slides a placement shows at most. */
export const MAX_ACTIVE_BANNERS = 8;

/** Crop presets whose renditions a placement prefers, best first. */
export const BANNER_PRESETS: Record<BannerPlacement, string[]> = {
  "home-hero": ["home-banner", "banner"],
  category: ["category-banner", "banner"],
};

/** A site path (`/kategori/x`, not `//host`) or an absolute http(s) URL. */
const linkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => (v.startsWith("/") && !v.startsWith("//")) || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), {
    message: "use a site path such as /kategori/elektronik or an http(s) address",
  });

const date = z.iso.datetime({ offset: true, message: "use an ISO 8601 date-time" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

const bannerFields = z.object({
  placement: z.enum(bannerPlacements).default("home-hero"),
  categoryId: z.uuid().nullish(),
  title: z.string().trim().min(1, "give a title").max(120),
  subtitle: z.string().trim().max(240).default(""),
  linkUrl: linkSchema.nullish().or(z.literal("").transform(() => null)),
  assetId: z.uuid().nullish(),
  translations: z.object({ en: z.object({ title: optionalText(120), subtitle: optionalText(240) }).optional() }).default({}),
  active: z.boolean().default(true),
  startsAt: date.nullish(),
  endsAt: date.nullish(),
});

/** Rules across fields, for a new banner and for one after a change. */
function bannerIssues(b: {
  placement?: BannerPlacement;
  categoryId?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (b.placement === "category" && !b.categoryId) issues.push({ path: "categoryId", message: "choose the category" });
  if (b.placement === "home-hero" && b.categoryId) issues.push({ path: "categoryId", message: "a home slide has no category" });
  if (b.startsAt && b.endsAt && new Date(b.endsAt) <= new Date(b.startsAt))
    issues.push({ path: "endsAt", message: "the end must be after the start" });
  return issues;
}

export const bannerInputSchema = bannerFields.superRefine((b, ctx) => {
  for (const issue of bannerIssues(b)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});
export const bannerPatchSchema = bannerFields
  .partial()
  .extend({ position: z.number().int().min(0).max(10_000).optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothing to change");
export const bannerQuerySchema = z.object({ placement: z.enum(bannerPlacements).optional() });

export type BannerInput = z.input<typeof bannerInputSchema>;
export type BannerPatch = z.input<typeof bannerPatchSchema>;

/** English overrides of a banner (stored in `translations`). */
interface BannerTranslations {
  en?: { title?: string; subtitle?: string };
}

export interface AdminBanner {
  id: string;
  placement: BannerPlacement;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  subtitle: string;
  titleEn: string | null;
  subtitleEn: string | null;
  linkUrl: string | null;
  assetId: string | null;
  /** Small preview of the image (smallest WebP), or null. */
  thumbnail: string | null;
  position: number;
  active: boolean;
  startsAt: string | null;
  endsAt: string | null;
  /** Shown on the storefront now: active and within its dates. */
  live: boolean;
  createdAt: string;
}

/** A storefront slide: text in the visitor's language and a responsive picture. */
export interface BannerSlide {
  id: string;
  title: string;
  subtitle: string;
  linkUrl: string | null;
  picture: Picture | null;
}

const fieldError = (status: number, path: string, message: string, code?: string) =>
  new HttpError(status, message, { code, errors: [{ path, message }] });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new HttpError(422, errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "), { code: "invalid", errors });
}

// --- pictures ---------------------------------------------------------------------------------

const FORMAT_ORDER: ImageVariant["format"][] = ["avif", "webp", "jpeg"];

/** The rendition for a placement: its preferred presets first, else the first one there is. */
export function bannerRendition(renditions: Rendition[] | null | undefined, placement: BannerPlacement): Rendition | null {
  if (!renditions || renditions.length === 0) return null;
  for (const preset of BANNER_PRESETS[placement]) {
    const found = renditions.find((r) => r.preset === preset && r.variants.length > 0);
    if (found) return found;
  }
  return renditions.find((r) => r.variants.length > 0) ?? null;
}

/** `<picture>` sources of a rendition: AVIF, WebP, JPEG (those stored), each with every width. */
export function renditionPicture(rendition: Rendition, alt: string, mediaUrl: (key: string) => string): Picture {
  const byFormat = new Map<string, ImageVariant[]>();
  for (const v of rendition.variants) byFormat.set(v.format, [...(byFormat.get(v.format) ?? []), v]);
  const srcSet = (list: ImageVariant[]) =>
    [...list]
      .sort((a, b) => a.width - b.width)
      .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
      .join(", ");
  const sources = FORMAT_ORDER.filter((f) => byFormat.has(f)).map((f) => ({ type: `image/${f}`, srcSet: srcSet(byFormat.get(f) ?? []) }));
  // The fallback <img>: JPEG when there is one (every browser), else WebP, else whatever exists.
  const fallback = byFormat.get("jpeg") ?? byFormat.get("webp") ?? rendition.variants;
  const largest = [...fallback].sort((a, b) => b.width - a.width)[0] as ImageVariant;
  return {
    src: mediaUrl(largest.key),
    srcSet: srcSet(fallback),
    width: rendition.width,
    height: rendition.height,
    alt,
    sources,
  };
}

function smallestWebp(renditions: Rendition[] | null | undefined, placement: BannerPlacement, mediaUrl: (key: string) => string) {
  const rendition = bannerRendition(renditions, placement);
  if (!rendition) return null;
  const list = rendition.variants.filter((v) => v.format === "webp");
  const smallest = [...(list.length > 0 ? list : rendition.variants)].sort((a, b) => a.width - b.width)[0];
  return smallest ? mediaUrl(smallest.key) : null;
}

// --- admin ------------------------------------------------------------------------------------

const selectColumns = {
  banner: banners,
  categoryName: categories.name,
  renditions: mediaAssets.renditions,
};

type Joined = { banner: typeof banners.$inferSelect; categoryName: string | null; renditions: Rendition[] | null };

function adminJson(row: Joined, mediaUrl: (key: string) => string, now = new Date()): AdminBanner {
  const b = row.banner;
  const t = (b.translations ?? {}) as BannerTranslations;
  return {
    id: b.id,
    placement: b.placement,
    categoryId: b.categoryId,
    categoryName: row.categoryName,
    title: b.title,
    subtitle: b.subtitle,
    titleEn: t.en?.title ?? null,
    subtitleEn: t.en?.subtitle ?? null,
    linkUrl: b.linkUrl,
    assetId: b.assetId,
    thumbnail: smallestWebp(row.renditions, b.placement, mediaUrl),
    position: b.position,
    active: b.active,
    startsAt: b.startsAt?.toISOString() ?? null,
    endsAt: b.endsAt?.toISOString() ?? null,
    live: b.active && (!b.startsAt || b.startsAt <= now) && (!b.endsAt || b.endsAt > now),
    createdAt: b.createdAt.toISOString(),
  };
}

function joined(db: Db) {
  return db
    .select(selectColumns)
    .from(banners)
    .leftJoin(categories, eq(categories.id, banners.categoryId))
    .leftJoin(mediaAssets, and(eq(mediaAssets.id, banners.assetId), eq(mediaAssets.tenantId, banners.tenantId)));
}

/** The store's banners by placement and position. */
export async function listBanners(
  db: Db,
  tenantId: string,
  mediaUrl: (key: string) => string,
  query: { placement?: BannerPlacement } = {},
): Promise<AdminBanner[]> {
  const rows = await joined(db)
    .where(and(eq(banners.tenantId, tenantId), query.placement ? eq(banners.placement, query.placement) : undefined))
    .orderBy(asc(banners.placement), asc(banners.categoryId), asc(banners.position), asc(banners.createdAt));
  const now = new Date();
  return rows.map((r) => adminJson(r, mediaUrl, now));
}

export async function getBanner(db: Db, tenantId: string, id: string, mediaUrl: (key: string) => string): Promise<AdminBanner | null> {
  if (!isUuid(id)) return null;
  const [row] = await joined(db).where(and(eq(banners.id, id), eq(banners.tenantId, tenantId)));
  return row ? adminJson(row, mediaUrl) : null;
}

/** The category and image a banner points at must be the store's own; the image must be one. */
async function checkReferences(tx: Db, tenantId: string, b: { categoryId?: string | null; assetId?: string | null }) {
  if (b.categoryId) {
    const [row] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.id, b.categoryId), eq(categories.tenantId, tenantId)));
    if (!row) throw fieldError(422, "categoryId", "No such category in this store.", "no-category");
  }
  if (b.assetId) {
    const [row] = await tx
      .select({ kind: mediaAssets.kind, status: mediaAssets.status })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.id, b.assetId), eq(mediaAssets.tenantId, tenantId)));
    if (!row) throw fieldError(422, "assetId", "The image is not in this store's media library.", "no-asset");
    if (row.kind !== "image") throw fieldError(422, "assetId", "A banner needs an image, not a video.", "not-image");
    if (row.status === "failed") throw fieldError(422, "assetId", "The image could not be processed; upload it again.", "asset-failed");
  }
}

async function nextPosition(tx: Db, tenantId: string, placement: BannerPlacement, categoryId: string | null) {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${banners.position})` })
    .from(banners)
    .where(
      and(
        eq(banners.tenantId, tenantId),
        eq(banners.placement, placement),
        categoryId ? eq(banners.categoryId, categoryId) : isNull(banners.categoryId),
      ),
    );
  return row?.max == null ? 0 : Number(row.max) + 1;
}

function translationsOf(en: { title?: string; subtitle?: string } | undefined): Translations {
  const clean = Object.fromEntries(Object.entries(en ?? {}).filter(([, v]) => v));
  // Translations has no `subtitle` field for products; banners keep theirs in the same jsonb.
  return (Object.keys(clean).length > 0 ? { en: clean } : {}) as Translations;
}

const auditView = (b: typeof banners.$inferSelect) => ({
  placement: b.placement,
  categoryId: b.categoryId,
  title: b.title,
  subtitle: b.subtitle,
  linkUrl: b.linkUrl,
  assetId: b.assetId,
  active: b.active,
  position: b.position,
  startsAt: b.startsAt?.toISOString() ?? null,
  endsAt: b.endsAt?.toISOString() ?? null,
  titleEn: (b.translations as BannerTranslations)?.en?.title ?? null,
  subtitleEn: (b.translations as BannerTranslations)?.en?.subtitle ?? null,
});

function audit(tx: Db, ctx: BannerContext, type: string, id: string, summary: string, changes: { before?: object; after?: object }) {
  return auditChange(tx, ctx, { type, targetType: "banner", id, summary, ...changes });
}

export async function createBanner(ctx: BannerContext, raw: BannerInput, mediaUrl: (key: string) => string): Promise<AdminBanner> {
  const input = parse(bannerInputSchema, raw);
  const id = await ctx.db.transaction(async (tx) => {
    await checkReferences(tx, ctx.tenantId, input);
    const categoryId = input.placement === "category" ? (input.categoryId ?? null) : null;
    const [row] = await tx
      .insert(banners)
      .values({
        tenantId: ctx.tenantId,
        placement: input.placement,
        categoryId,
        title: input.title,
        subtitle: input.subtitle,
        linkUrl: input.linkUrl ?? null,
        assetId: input.assetId ?? null,
        translations: translationsOf(input.translations.en),
        position: await nextPosition(tx, ctx.tenantId, input.placement, categoryId),
        active: input.active,
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
      })
      .returning();
    const banner = row as typeof banners.$inferSelect;
    await audit(tx, ctx, "banner.create", banner.id, banner.title, { after: auditView(banner) });
    return banner.id;
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return (await getBanner(ctx.db, ctx.tenantId, id, mediaUrl)) as AdminBanner;
}

export async function updateBanner(
  ctx: BannerContext,
  id: string,
  raw: BannerPatch,
  mediaUrl: (key: string) => string,
): Promise<AdminBanner> {
  const patch = parse(bannerPatchSchema, raw);
  await ctx.db.transaction(async (tx) => {
    if (!isUuid(id)) throw notFound("Banner");
    const [current] = await tx
      .select()
      .from(banners)
      .where(and(eq(banners.id, id), eq(banners.tenantId, ctx.tenantId)))
      .for("update");
    if (!current) throw notFound("Banner");
    const currentEn = (current.translations as BannerTranslations)?.en ?? {};
    const merged = {
      placement: patch.placement ?? current.placement,
      categoryId: patch.categoryId !== undefined ? patch.categoryId : current.categoryId,
      startsAt: patch.startsAt !== undefined ? patch.startsAt : (current.startsAt?.toISOString() ?? null),
      endsAt: patch.endsAt !== undefined ? patch.endsAt : (current.endsAt?.toISOString() ?? null),
    };
    // A move to the home carousel drops the category instead of refusing the change.
    if (patch.placement === "home-hero" && patch.categoryId === undefined) merged.categoryId = null;
    const errors = bannerIssues(merged);
    if (errors.length > 0) throw new HttpError(422, errors.map((e) => `${e.path}: ${e.message}`).join("; "), { code: "invalid", errors });
    await checkReferences(tx, ctx.tenantId, { categoryId: patch.categoryId, assetId: patch.assetId });
    const values: Partial<typeof banners.$inferInsert> = {
      placement: merged.placement,
      categoryId: merged.categoryId ?? null,
      startsAt: merged.startsAt ? new Date(merged.startsAt) : null,
      endsAt: merged.endsAt ? new Date(merged.endsAt) : null,
    };
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.subtitle !== undefined) values.subtitle = patch.subtitle;
    if (patch.linkUrl !== undefined) values.linkUrl = patch.linkUrl ?? null;
    if (patch.assetId !== undefined) values.assetId = patch.assetId ?? null;
    if (patch.active !== undefined) values.active = patch.active;
    if (patch.translations?.en !== undefined) values.translations = translationsOf({ ...currentEn, ...patch.translations.en });
    const group = merged.placement !== current.placement || (merged.categoryId ?? null) !== current.categoryId;
    if (group) values.position = await nextPosition(tx, ctx.tenantId, merged.placement, merged.categoryId ?? null);
    if (patch.position !== undefined) values.position = patch.position;
    const [updated] = await tx.update(banners).set(values).where(eq(banners.id, id)).returning();
    const banner = updated as typeof banners.$inferSelect;
    const changes = diff(auditView(current), auditView(banner));
    if (Object.keys(changes.after).length > 0) await audit(tx, ctx, "banner.update", id, banner.title, changes);
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return (await getBanner(ctx.db, ctx.tenantId, id, mediaUrl)) as AdminBanner;
}

/** Swaps the banner with the previous or next one of its placement (and category). */
export async function moveBanner(
  ctx: BannerContext,
  id: string,
  direction: "up" | "down",
  mediaUrl: (key: string) => string,
): Promise<AdminBanner> {
  await ctx.db.transaction(async (tx) => {
    if (!isUuid(id)) throw notFound("Banner");
    const [current] = await tx
      .select()
      .from(banners)
      .where(and(eq(banners.id, id), eq(banners.tenantId, ctx.tenantId)));
    if (!current) throw notFound("Banner");
    const siblings = await tx
      .select({ id: banners.id, position: banners.position })
      .from(banners)
      .where(
        and(
          eq(banners.tenantId, ctx.tenantId),
          eq(banners.placement, current.placement),
          current.categoryId ? eq(banners.categoryId, current.categoryId) : isNull(banners.categoryId),
        ),
      )
      .orderBy(asc(banners.position), asc(banners.createdAt))
      .for("update");
    const order = siblings.map((s) => s.id);
    const at = order.indexOf(id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return;
    [order[at], order[to]] = [order[to] as string, id];
    const positions = new Map(siblings.map((s) => [s.id, s.position]));
    for (const [position, sid] of order.entries())
      if (positions.get(sid) !== position) await tx.update(banners).set({ position }).where(eq(banners.id, sid));
    await audit(tx, ctx, "banner.reorder", id, current.title, { before: { position: at }, after: { position: to } });
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
  return (await getBanner(ctx.db, ctx.tenantId, id, mediaUrl)) as AdminBanner;
}

export async function deleteBanner(ctx: BannerContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!isUuid(id)) throw notFound("Banner");
    const [row] = await tx
      .delete(banners)
      .where(and(eq(banners.id, id), eq(banners.tenantId, ctx.tenantId)))
      .returning();
    if (!row) throw notFound("Banner");
    await audit(tx, ctx, "banner.delete", id, row.title, { before: auditView(row) });
  });
  invalidateCatalog(ctx.cache, ctx.tenantId);
}

// --- storefront -------------------------------------------------------------------------------

/**
 * The slides a placement shows now (active, started, not ended), in order, in one statement.
 * Category banners need `categoryId`. Slides whose image is missing or unusable keep their text.
 */
export async function activeBanners(
  db: Db,
  tenantId: string,
  placement: BannerPlacement,
  locale: "tr" | "en",
  mediaUrl: (key: string) => string,
  categoryId?: string,
): Promise<BannerSlide[]> {
  if (placement === "category" && (!categoryId || !isUuid(categoryId))) return [];
  const now = new Date();
  const rows = await db
    .select({ banner: banners, renditions: mediaAssets.renditions, assetAlt: mediaAssets.alt, status: mediaAssets.status })
    .from(banners)
    .leftJoin(mediaAssets, and(eq(mediaAssets.id, banners.assetId), eq(mediaAssets.tenantId, banners.tenantId)))
    .where(
      and(
        eq(banners.tenantId, tenantId),
        eq(banners.placement, placement),
        eq(banners.active, true),
        or(isNull(banners.startsAt), lte(banners.startsAt, now)),
        or(isNull(banners.endsAt), sql`${banners.endsAt} > ${now}`),
        placement === "category" && categoryId ? eq(banners.categoryId, categoryId) : undefined,
      ),
    )
    .orderBy(asc(banners.position), asc(banners.createdAt))
    .limit(MAX_ACTIVE_BANNERS);
  return rows.map(({ banner: b, renditions, assetAlt, status }) => {
    const en = locale === "en" ? (b.translations as BannerTranslations)?.en : undefined;
    const title = en?.title || b.title;
    const rendition = status === "ready" ? bannerRendition(renditions, placement) : null;
    return {
      id: b.id,
      title,
      subtitle: en?.subtitle || b.subtitle,
      linkUrl: b.linkUrl,
      picture: rendition ? renditionPicture(rendition, assetAlt || title, mediaUrl) : null,
    };
  });
}
