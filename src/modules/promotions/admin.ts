// Coupons managed from the admin: list (search, status filter, counts per status), create,
// change and delete. Codes are normalised (`yaz 25` → `YAZ25`) and unique per store; scope ids
// must be categories or products of the same store; a used coupon is kept for the order
// history (deleting it answers 409: deactivate it instead). Every change is audited in its
// transaction and drops the store's cached pages (coupon badges on product cards).

import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { likePattern } from "../../platform/text.ts";
import { type AuditContext, auditChange, diff } from "../audit/service.ts";
import { categories, products } from "../catalog/schema.ts";
import { type Coupon, type CouponKind, type CouponScope, couponKinds, couponScopes, coupons } from "./schema.ts";
import { normalizeCouponCode } from "./service.ts";

export interface CouponAdminContext {
  db: Db;
  tenantId: string;
  /** Drops cached storefront pages after a change; omitted in tests that do not render pages. */
  cache?: MemoCache;
  /** Who makes the change (audit trail); omitted for system writes. */
  actor?: AuditContext;
}

/** Where a coupon stands now. `scheduled`: active but its start is still ahead. */
export const couponStatuses = ["active", "scheduled", "expired", "used-up", "inactive"] as const;
export type CouponStatus = (typeof couponStatuses)[number];

/** Highest amount a coupon field takes, in minor units (10,000,000.00 ₺; the columns are int4). */
export const MAX_COUPON_AMOUNT = 1_000_000_000;
export const MAX_SCOPE_IDS = 500;
export const COUPONS_PER_PAGE = 25;

export interface AdminCoupon {
  id: string;
  code: string;
  title: string;
  titleEn: string | null;
  description: string;
  kind: CouponKind;
  /** Percent (1–100) for `percent`, minor units for `fixed`, 0 for `free_shipping`. */
  value: number;
  maxDiscount: number | null;
  minBasket: number;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  usedCount: number;
  scope: CouponScope;
  scopeIds: string[];
  combinable: boolean;
  excludeSaleItems: boolean;
  isPublic: boolean;
  active: boolean;
  status: CouponStatus;
  createdAt: string;
  updatedAt: string;
}

// --- validation -------------------------------------------------------------------------------

const amount = (what: string) =>
  z
    .number({ message: `${what}: give an amount in minor units (kuruş)` })
    .int(`${what}: use whole minor units (kuruş), e.g. 1250 for 12,50 ₺`)
    .min(0, `${what} cannot be negative`)
    .max(MAX_COUPON_AMOUNT, `${what} is too large`);
const date = z.iso.datetime({ offset: true, message: "use an ISO 8601 date-time, e.g. 2030-06-01T00:00:00+03:00" });
const code = z
  .string({ message: "give a code" })
  .trim()
  .min(1, "give a code")
  .max(64, "the code is too long")
  .transform(normalizeCouponCode)
  .pipe(z.string().min(3, "the code needs 3 to 32 letters, digits, - or _").max(32, "the code needs 3 to 32 letters, digits, - or _"));

/** Every field of a coupon, without defaults: creating fills them, a change merges over the stored coupon. */
const couponFields = z.object({
  code,
  title: z.string({ message: "give a title" }).trim().min(1, "give a title").max(120, "the title has at most 120 characters"),
  titleEn: z
    .string()
    .trim()
    .max(120, "the English title has at most 120 characters")
    .nullish()
    .transform((v) => v || null),
  description: z.string().trim().max(500, "the description has at most 500 characters").optional(),
  kind: z.enum(couponKinds, { message: "choose the kind: percent, fixed or free_shipping" }),
  value: amount("value").optional(),
  maxDiscount: amount("maxDiscount").min(1, "the maximum discount must be more than 0").nullish(),
  minBasket: amount("minBasket").optional(),
  startsAt: date.nullish(),
  endsAt: date.nullish(),
  usageLimit: z
    .number()
    .int("use a whole number")
    .min(1, "the usage limit is at least 1 (leave it empty for no limit)")
    .max(100_000_000)
    .nullish(),
  perCustomerLimit: z
    .number()
    .int("use a whole number")
    .min(1, "the limit per customer is at least 1 (leave it empty for no limit)")
    .max(10_000)
    .nullish(),
  scope: z.enum(couponScopes, { message: "choose the scope: all, categories or products" }).optional(),
  scopeIds: z.array(z.uuid("expected category or product ids (UUID)")).max(MAX_SCOPE_IDS, `choose at most ${MAX_SCOPE_IDS}`).optional(),
  combinable: z.boolean().optional(),
  excludeSaleItems: z.boolean().optional(),
  isPublic: z.boolean().optional(),
  active: z.boolean().optional(),
});

type CouponFields = z.output<typeof couponFields>;

/** A complete coupon as stored (before the store-dependent checks). */
export interface CouponData {
  code: string;
  title: string;
  titleEn: string | null;
  description: string;
  kind: CouponKind;
  value: number;
  maxDiscount: number | null;
  minBasket: number;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  scope: CouponScope;
  scopeIds: string[];
  combinable: boolean;
  excludeSaleItems: boolean;
  isPublic: boolean;
  active: boolean;
}

/** Rules across fields, with defaults filled in; the result is again a valid input (parsing twice is harmless). */
function complete(c: CouponFields, ctx: z.RefinementCtx): CouponData {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const value = c.kind === "free_shipping" ? 0 : (c.value ?? 0);
  if (c.kind === "percent" && (value < 1 || value > 100)) issue("value", "a percent discount is between 1 and 100");
  if (c.kind === "fixed" && value < 1) issue("value", "a fixed discount must be more than 0 (in kuruş)");
  if (c.startsAt && c.endsAt && new Date(c.endsAt) <= new Date(c.startsAt)) issue("endsAt", "the end must be after the start");
  const scope = c.scope ?? "all";
  const scopeIds = scope === "all" ? [] : [...new Set(c.scopeIds ?? [])];
  if (scope === "categories" && scopeIds.length === 0) issue("scopeIds", "choose at least one category");
  if (scope === "products" && scopeIds.length === 0) issue("scopeIds", "choose at least one product");
  if (c.usageLimit != null && c.perCustomerLimit != null && c.perCustomerLimit > c.usageLimit)
    issue("perCustomerLimit", "the limit per customer cannot be more than the total usage limit");
  return {
    code: c.code,
    title: c.title,
    titleEn: c.titleEn ?? null,
    description: c.description ?? "",
    kind: c.kind,
    value,
    // only a percent discount has a ceiling
    maxDiscount: c.kind === "percent" ? (c.maxDiscount ?? null) : null,
    minBasket: c.minBasket ?? 0,
    startsAt: c.startsAt ?? null,
    endsAt: c.endsAt ?? null,
    usageLimit: c.usageLimit ?? null,
    perCustomerLimit: c.perCustomerLimit ?? null,
    scope,
    scopeIds,
    combinable: c.combinable ?? false,
    excludeSaleItems: c.excludeSaleItems ?? false,
    isPublic: c.isPublic ?? false,
    active: c.active ?? true,
  };
}

export const couponInputSchema = couponFields.transform(complete);
export const couponPatchSchema = couponFields.partial().refine((v) => Object.values(v).some((x) => x !== undefined), "nothing to change");
export const couponListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(couponStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(COUPONS_PER_PAGE),
});

export type CouponInput = z.input<typeof couponInputSchema>;
export type CouponPatch = z.input<typeof couponPatchSchema>;
export type CouponListQuery = z.input<typeof couponListQuerySchema>;

export interface CouponListPage {
  items: AdminCoupon[];
  /** Coupons matching the search and status filter. */
  total: number;
  page: number;
  perPage: number;
  /** Coupons matching the search, per status (for the filter tabs). */
  counts: Record<CouponStatus, number> & { all: number };
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new HttpError(422, errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "), { code: "invalid", errors });
}

const fieldError = (status: number, path: string, message: string, code: string) =>
  new HttpError(status, message, { code, errors: [{ path, message }] });

// --- reads ------------------------------------------------------------------------------------

export function couponStatus(
  c: Pick<Coupon, "active" | "startsAt" | "endsAt" | "usageLimit" | "usedCount">,
  now = new Date(),
): CouponStatus {
  if (!c.active) return "inactive";
  if (c.endsAt && c.endsAt <= now) return "expired";
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return "used-up";
  if (c.startsAt && c.startsAt > now) return "scheduled";
  return "active";
}

/** SQL for one status, matching `couponStatus`. */
function statusWhere(status: CouponStatus, now: Date): SQL {
  const at = now.toISOString();
  const notExpired = sql`(${coupons.endsAt} is null or ${coupons.endsAt} > ${at})`;
  const notUsedUp = sql`(${coupons.usageLimit} is null or ${coupons.usedCount} < ${coupons.usageLimit})`;
  switch (status) {
    case "inactive":
      return sql`not ${coupons.active}`;
    case "expired":
      return sql`${coupons.active} and ${coupons.endsAt} <= ${at}`;
    case "used-up":
      return sql`${coupons.active} and ${notExpired} and ${coupons.usedCount} >= ${coupons.usageLimit}`;
    case "scheduled":
      return sql`${coupons.active} and ${notExpired} and ${notUsedUp} and ${coupons.startsAt} > ${at}`;
    case "active":
      return sql`${coupons.active} and ${notExpired} and ${notUsedUp} and (${coupons.startsAt} is null or ${coupons.startsAt} <= ${at})`;
  }
}

export function toAdminCoupon(c: Coupon, now = new Date()): AdminCoupon {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    titleEn: c.titleEn,
    description: c.description,
    kind: c.kind,
    value: c.value,
    maxDiscount: c.maxDiscount,
    minBasket: c.minBasket,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    usageLimit: c.usageLimit,
    perCustomerLimit: c.perCustomerLimit,
    usedCount: c.usedCount,
    scope: c.scope,
    scopeIds: c.scopeIds,
    combinable: c.combinable,
    excludeSaleItems: c.excludeSaleItems,
    isPublic: c.isPublic,
    active: c.active,
    status: couponStatus(c, now),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** One page of the store's coupons, newest first: two statements (the page, the counts). */
export async function listCoupons(db: Db, tenantId: string, query: CouponListQuery = {}, now = new Date()): Promise<CouponListPage> {
  const { q, status, page, perPage } = parse(couponListQuerySchema, query);
  const where: SQL[] = [eq(coupons.tenantId, tenantId)];
  if (q) {
    const folded = normalizeCouponCode(q);
    where.push(
      folded
        ? sql`(${coupons.code} like ${likePattern(folded)} or ${coupons.title} ilike ${likePattern(q)})`
        : sql`${coupons.title} ilike ${likePattern(q)}`,
    );
  }
  const counted = Object.fromEntries(couponStatuses.map((s) => [s, sql<number>`count(*) filter (where ${statusWhere(s, now)})`]));
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(coupons)
      .where(and(...where, ...(status ? [statusWhere(status, now)] : [])))
      .orderBy(desc(coupons.createdAt), asc(coupons.code))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db
      .select({ all: count(), ...counted })
      .from(coupons)
      .where(and(...where)),
  ]);
  const counts = Object.fromEntries(Object.entries(totals ?? {}).map(([k, v]) => [k, Number(v ?? 0)])) as CouponListPage["counts"];
  return {
    items: rows.map((c) => toAdminCoupon(c, now)),
    total: status ? counts[status] : counts.all,
    page,
    perPage,
    counts,
  };
}

export async function getCoupon(db: Db, tenantId: string, id: string): Promise<AdminCoupon | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(coupons)
    .where(and(eq(coupons.tenantId, tenantId), eq(coupons.id, id)));
  return row ? toAdminCoupon(row) : null;
}

// --- writes -----------------------------------------------------------------------------------

/** The stored coupon as input fields (what a change is merged over). */
function dataOf(c: Coupon): CouponData {
  const a = toAdminCoupon(c);
  return {
    code: a.code,
    title: a.title,
    titleEn: a.titleEn,
    description: a.description,
    kind: a.kind,
    value: a.value,
    maxDiscount: a.maxDiscount,
    minBasket: a.minBasket,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    usageLimit: a.usageLimit,
    perCustomerLimit: a.perCustomerLimit,
    scope: a.scope,
    scopeIds: a.scopeIds,
    combinable: a.combinable,
    excludeSaleItems: a.excludeSaleItems,
    isPublic: a.isPublic,
    active: a.active,
  };
}

/** What the audit trail keeps of a coupon (`usedCount` included: it explains a refused change). */
const snapshot = (d: CouponData, usedCount?: number): Record<string, unknown> => ({
  ...d,
  ...(usedCount === undefined ? {} : { usedCount }),
});

const rowValues = (d: CouponData) => ({
  ...d,
  startsAt: d.startsAt ? new Date(d.startsAt) : null,
  endsAt: d.endsAt ? new Date(d.endsAt) : null,
});

/** Refuses scope ids that are not categories (or products) of this store. */
async function checkScope(tx: Db, tenantId: string, d: CouponData): Promise<void> {
  if (d.scope === "all" || d.scopeIds.length === 0) return;
  const table = d.scope === "categories" ? categories : products;
  const found = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, d.scopeIds)));
  const missing = d.scopeIds.length - found.length;
  if (missing > 0) {
    const what = d.scope === "categories" ? "categories" : "products";
    throw fieldError(
      422,
      "scopeIds",
      missing === 1 ? `One of the chosen ${what} is not in this store.` : `${missing} of the chosen ${what} are not in this store.`,
      "unknown-scope",
    );
  }
}

async function checkCodeFree(tx: Db, tenantId: string, codeValue: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: coupons.id })
    .from(coupons)
    .where(and(eq(coupons.tenantId, tenantId), eq(coupons.code, codeValue)));
  if (taken && taken.id !== exceptId) throw codeTaken(codeValue);
}

const codeTaken = (codeValue: string) => fieldError(409, "code", `Another coupon already uses the code ${codeValue}.`, "code-taken");

/** The unique index caught a code the pre-check did not see (two admins at once). */
function uniqueViolation(error: unknown, codeValue: string): HttpError | null {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgCode = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint;
  return pgCode === "23505" && constraint === "coupons_tenant_code" ? codeTaken(codeValue) : null;
}

function audit(
  tx: Db,
  ctx: CouponAdminContext,
  type: string,
  id: string,
  summary: string,
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  return auditChange(tx, ctx, { type, targetType: "coupon", id, summary, ...changes });
}

/** Coupons show on storefront pages (the "kuponlu" badge, the coupons page): drop the cached ones. */
export function invalidateCoupons(cache: MemoCache | undefined, tenantId: string): void {
  cache?.invalidate(`tenant:${tenantId}:coupons`);
  cache?.invalidate(`tenant:${tenantId}:page:`);
}

async function guarded<T>(codeValue: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw uniqueViolation(error, codeValue) ?? error;
  }
}

export async function createCoupon(ctx: CouponAdminContext, input: CouponInput): Promise<AdminCoupon> {
  const data = parse(couponInputSchema, input);
  const created = await guarded(data.code, () =>
    ctx.db.transaction(async (tx) => {
      await checkCodeFree(tx, ctx.tenantId, data.code);
      await checkScope(tx, ctx.tenantId, data);
      const [row] = await tx
        .insert(coupons)
        .values({ tenantId: ctx.tenantId, ...rowValues(data) })
        .returning();
      if (!row) throw new Error("coupon insert returned no row");
      await audit(tx, ctx, "coupon.create", row.id, data.code, { after: snapshot(data) });
      return row;
    }),
  );
  invalidateCoupons(ctx.cache, ctx.tenantId);
  return toAdminCoupon(created);
}

/** Changes some fields; the result must again be a valid coupon, and its limit cannot fall below its uses. */
export async function updateCoupon(ctx: CouponAdminContext, id: string, patch: CouponPatch): Promise<AdminCoupon> {
  const changes = parse(couponPatchSchema, patch);
  if (!isUuid(id)) throw notFound("Coupon");
  let codeValue = "";
  const updated = await ctx.db
    .transaction(async (tx) => {
      // locked: a checkout taking a use waits, so the limit check below sees the real count
      const [row] = await tx
        .select()
        .from(coupons)
        .where(and(eq(coupons.tenantId, ctx.tenantId), eq(coupons.id, id)))
        .for("update");
      if (!row) throw notFound("Coupon");
      const before = dataOf(row);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const after = parse(couponInputSchema, { ...before, ...defined });
      codeValue = after.code;
      if (after.usageLimit !== null && after.usageLimit < row.usedCount) {
        throw fieldError(
          422,
          "usageLimit",
          `This coupon has been used ${row.usedCount} times: the usage limit cannot be lower than ${row.usedCount}.`,
          "limit-below-used",
        );
      }
      if (after.code !== before.code) await checkCodeFree(tx, ctx.tenantId, after.code, id);
      const scopeChanged = after.scope !== before.scope || after.scopeIds.join() !== before.scopeIds.join();
      if (scopeChanged) await checkScope(tx, ctx.tenantId, after);
      const delta = diff(snapshot(before), snapshot(after));
      if (Object.keys(delta.after).length === 0) return row;
      const [saved] = await tx
        .update(coupons)
        .set(rowValues(after))
        .where(and(eq(coupons.tenantId, ctx.tenantId), eq(coupons.id, id)))
        .returning();
      if (!saved) throw notFound("Coupon");
      await audit(tx, ctx, "coupon.update", id, after.code, delta);
      return saved;
    })
    .catch((error) => {
      throw uniqueViolation(error, codeValue) ?? error;
    });
  invalidateCoupons(ctx.cache, ctx.tenantId);
  return toAdminCoupon(updated);
}

/**
 * Deletes a coupon nobody has used. A used coupon stays for the order history: 409 `coupon-used`
 * (deactivate it with `active: false` instead).
 */
export async function deleteCoupon(ctx: CouponAdminContext, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("Coupon");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(coupons)
      .where(and(eq(coupons.tenantId, ctx.tenantId), eq(coupons.id, id)))
      .for("update");
    if (!row) throw notFound("Coupon");
    if (row.usedCount > 0) {
      throw new HttpError(
        409,
        `Coupon ${row.code} has been used ${row.usedCount} times, so it is kept for the order history. Deactivate it instead (active: false).`,
        { code: "coupon-used" },
      );
    }
    await tx.delete(coupons).where(and(eq(coupons.tenantId, ctx.tenantId), eq(coupons.id, id)));
    await audit(tx, ctx, "coupon.delete", id, row.code, { before: snapshot(dataOf(row), row.usedCount) });
  });
  invalidateCoupons(ctx.cache, ctx.tenantId);
}

/** Names of scope targets for the editor: the given category or product ids of this store. */
export async function scopeNames(
  db: Db,
  tenantId: string,
  scope: CouponScope,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  const valid = ids.filter(isUuid);
  if (scope === "all" || valid.length === 0) return [];
  if (scope === "categories") {
    return db
      .select({ id: categories.id, name: categories.name })
      .from(categories)
      .where(and(eq(categories.tenantId, tenantId), inArray(categories.id, valid)));
  }
  return db
    .select({ id: products.id, name: products.title })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, valid)));
}
