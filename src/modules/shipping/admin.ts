// Shipping methods managed from the admin: create, change, delete and reorder. Every change is
// audited in its transaction and drops the cached active methods (`shippingCacheKey`) and the
// store's cached pages, so carts and checkout see it at once.

import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { type AuditContext, auditChange, diff } from "../audit/service.ts";
import { shippingFee } from "../cart/pricing.ts";
import { type CarrierId, carrierIds, carriers } from "./carriers.ts";
import { type ShippingMethod, shippingMethods } from "./schema.ts";
import { ensureShippingMethods, listShippingMethods, shippingCacheKey, toBasketMethod } from "./service.ts";

export interface ShippingAdminContext {
  db: Db;
  tenantId: string;
  cache?: MemoCache;
  actor?: AuditContext;
}

/** Highest fee or threshold, minor units (10,000,000.00 ₺; the columns are int4). */
export const MAX_SHIPPING_AMOUNT = 1_000_000_000;
/** Desi values the admin shows example fees for. */
export const EXAMPLE_DESI = [1, 3, 5, 10] as const;

export interface AdminShippingMethod {
  id: string;
  name: string;
  nameEn: string | null;
  carrier: CarrierId;
  carrierName: string;
  baseFee: number;
  baseDesi: number;
  perDesiFee: number;
  freeOver: number | null;
  minDays: number;
  maxDays: number;
  active: boolean;
  position: number;
  /** The fee for a few basket sizes (before the free-shipping threshold), minor units. */
  examples: { desi: number; fee: number }[];
  createdAt: string;
}

const fee = (what: string) =>
  z
    .number({ message: `${what}: give an amount in minor units (kuruş)` })
    .int(`${what}: use whole minor units (kuruş), e.g. 8990 for 89,90 ₺`)
    .min(0, `${what} cannot be negative`)
    .max(MAX_SHIPPING_AMOUNT, `${what} is too large`);
const days = (what: string) =>
  z
    .number({ message: `${what}: give a number of days` })
    .int("use whole days")
    .min(0, "days cannot be negative")
    .max(90, "at most 90 days");

const methodFields = z.object({
  name: z.string({ message: "give a name" }).trim().min(1, "give a name").max(80, "the name has at most 80 characters"),
  nameEn: z
    .string()
    .trim()
    .max(80, "the English name has at most 80 characters")
    .nullish()
    .transform((v) => v || null),
  carrier: z.enum(carrierIds, { message: `choose a carrier: ${carrierIds.join(", ")}` }),
  baseFee: fee("baseFee"),
  baseDesi: z.number().int("use whole desi").min(0, "desi cannot be negative").max(1000, "at most 1000 desi").optional(),
  perDesiFee: fee("perDesiFee").optional(),
  freeOver: fee("freeOver").nullish(),
  minDays: days("minDays").optional(),
  maxDays: days("maxDays").optional(),
  active: z.boolean().optional(),
});

export interface ShippingMethodData {
  name: string;
  nameEn: string | null;
  carrier: CarrierId;
  baseFee: number;
  baseDesi: number;
  perDesiFee: number;
  freeOver: number | null;
  minDays: number;
  maxDays: number;
  active: boolean;
}

export const shippingMethodInputSchema = methodFields.transform((m, ctx): ShippingMethodData => {
  const minDays = m.minDays ?? 1;
  const maxDays = m.maxDays ?? Math.max(3, minDays);
  if (minDays > maxDays)
    ctx.addIssue({ code: "custom", path: ["maxDays"], message: "the longest delivery time cannot be shorter than the shortest" });
  return {
    name: m.name,
    nameEn: m.nameEn ?? null,
    carrier: m.carrier,
    baseFee: m.baseFee,
    baseDesi: m.baseDesi ?? 3,
    perDesiFee: m.perDesiFee ?? 0,
    freeOver: m.freeOver ?? null,
    minDays,
    maxDays,
    active: m.active ?? true,
  };
});
export const shippingMethodPatchSchema = methodFields
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothing to change");
export const shippingReorderSchema = z.object({
  ids: z.array(z.uuid("expected shipping method ids (UUID)")).min(1, "send the methods in their new order").max(100),
});

export type ShippingMethodInput = z.input<typeof shippingMethodInputSchema>;
export type ShippingMethodPatch = z.input<typeof shippingMethodPatchSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new HttpError(422, errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "), { code: "invalid", errors });
}

/** Example fees for a method's prices (at `desi` values, default EXAMPLE_DESI), computed as the cart does. */
export function feeExamples(m: Pick<ShippingMethodData, "baseFee" | "baseDesi" | "perDesiFee">, desi: readonly number[] = EXAMPLE_DESI) {
  const method = { id: "", name: "", carrier: "other" as const, freeOver: null, minDays: 0, maxDays: 0, ...m };
  return desi.map((d) => ({ desi: d, fee: shippingFee(method, d) }));
}

export function toAdminMethod(m: ShippingMethod): AdminShippingMethod {
  const basket = toBasketMethod(m, "tr");
  return {
    id: m.id,
    name: m.name,
    nameEn: m.nameEn,
    carrier: m.carrier,
    carrierName: carriers[m.carrier].name,
    baseFee: m.baseFee,
    baseDesi: m.baseDesi,
    perDesiFee: m.perDesiFee,
    freeOver: m.freeOver,
    minDays: m.minDays,
    maxDays: m.maxDays,
    active: m.active,
    position: m.position,
    examples: EXAMPLE_DESI.map((desi) => ({ desi, fee: shippingFee(basket, desi) })),
    createdAt: m.createdAt.toISOString(),
  };
}

const dataOf = (m: ShippingMethod): ShippingMethodData => ({
  name: m.name,
  nameEn: m.nameEn,
  carrier: m.carrier,
  baseFee: m.baseFee,
  baseDesi: m.baseDesi,
  perDesiFee: m.perDesiFee,
  freeOver: m.freeOver,
  minDays: m.minDays,
  maxDays: m.maxDays,
  active: m.active,
});

/** Carts and checkout read the active methods from a cache; pages may show shipping terms. */
export function invalidateShipping(cache: MemoCache | undefined, tenantId: string): void {
  cache?.invalidate(shippingCacheKey(tenantId));
  cache?.invalidate(`tenant:${tenantId}:page:`);
}

function audit(
  tx: Db,
  ctx: ShippingAdminContext,
  type: string,
  id: string,
  summary: string,
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  return auditChange(tx, ctx, { type, targetType: "shipping_method", id, summary, ...changes });
}

/** Every method of the store in display order (active or not). */
export async function listShippingMethodsAdmin(db: Db, tenantId: string): Promise<AdminShippingMethod[]> {
  return (await listShippingMethods(db, tenantId)).map(toAdminMethod);
}

export async function getShippingMethod(db: Db, tenantId: string, id: string): Promise<AdminShippingMethod | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(shippingMethods)
    .where(and(eq(shippingMethods.tenantId, tenantId), eq(shippingMethods.id, id)));
  return row ? toAdminMethod(row) : null;
}

/** A new method, last in the order. */
export async function createShippingMethod(ctx: ShippingAdminContext, input: ShippingMethodInput): Promise<AdminShippingMethod> {
  const data = parse(shippingMethodInputSchema, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ max: sql<number | null>`max(${shippingMethods.position})` })
      .from(shippingMethods)
      .where(eq(shippingMethods.tenantId, ctx.tenantId));
    const position = last?.max == null ? 0 : Number(last.max) + 1;
    const [created] = await tx
      .insert(shippingMethods)
      .values({ tenantId: ctx.tenantId, ...data, position })
      .returning();
    if (!created) throw new Error("shipping method insert returned no row");
    await audit(tx, ctx, "shipping_method.create", created.id, data.name, { after: { ...data } });
    return created;
  });
  invalidateShipping(ctx.cache, ctx.tenantId);
  return toAdminMethod(row);
}

export async function updateShippingMethod(
  ctx: ShippingAdminContext,
  id: string,
  patch: ShippingMethodPatch,
): Promise<AdminShippingMethod> {
  const changes = parse(shippingMethodPatchSchema, patch);
  if (!isUuid(id)) throw notFound("Shipping method");
  const row = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(shippingMethods)
      .where(and(eq(shippingMethods.tenantId, ctx.tenantId), eq(shippingMethods.id, id)))
      .for("update");
    if (!current) throw notFound("Shipping method");
    const before = dataOf(current);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after = parse(shippingMethodInputSchema, { ...before, ...defined });
    const delta = diff({ ...before }, { ...after });
    if (Object.keys(delta.after).length === 0) return current;
    const [saved] = await tx
      .update(shippingMethods)
      .set(after)
      .where(and(eq(shippingMethods.tenantId, ctx.tenantId), eq(shippingMethods.id, id)))
      .returning();
    if (!saved) throw notFound("Shipping method");
    await audit(tx, ctx, "shipping_method.update", id, after.name, delta);
    return saved;
  });
  invalidateShipping(ctx.cache, ctx.tenantId);
  return toAdminMethod(row);
}

/** Deletes a method. Orders keep the method's name (they do not point at the row). */
export async function deleteShippingMethod(ctx: ShippingAdminContext, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("Shipping method");
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(shippingMethods)
      .where(and(eq(shippingMethods.tenantId, ctx.tenantId), eq(shippingMethods.id, id)))
      .returning();
    if (!gone) throw notFound("Shipping method");
    await audit(tx, ctx, "shipping_method.delete", id, gone.name, { before: { ...dataOf(gone) } });
  });
  invalidateShipping(ctx.cache, ctx.tenantId);
}

/** Puts the store's methods in the given order: `ids` must name each of them exactly once. */
export async function reorderShippingMethods(ctx: ShippingAdminContext, ids: readonly string[]): Promise<AdminShippingMethod[]> {
  const { ids: order } = parse(shippingReorderSchema, { ids });
  const rows = await ctx.db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(shippingMethods)
      .where(eq(shippingMethods.tenantId, ctx.tenantId))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.createdAt))
      .for("update");
    const known = new Set(current.map((m) => m.id));
    if (new Set(order).size !== order.length || order.length !== current.length || order.some((id) => !known.has(id))) {
      throw new HttpError(422, `Send the ids of all ${current.length} shipping methods of the store, each once, in their new order.`, {
        code: "invalid",
        errors: [{ path: "ids", message: "send every shipping method of the store exactly once" }],
      });
    }
    const before = current.map((m) => m.id);
    if (before.every((id, i) => id === order[i]) && current.every((m, i) => m.position === i)) return current;
    for (const [position, id] of order.entries()) {
      await tx
        .update(shippingMethods)
        .set({ position })
        .where(and(eq(shippingMethods.tenantId, ctx.tenantId), eq(shippingMethods.id, id)));
    }
    const names = new Map(current.map((m) => [m.id, m.name]));
    await audit(tx, ctx, "shipping_method.reorder", order[0] as string, order.map((id) => names.get(id)).join(" → "), {
      before: { order: before.map((id) => names.get(id)) },
      after: { order: order.map((id) => names.get(id)) },
    });
    return tx
      .select()
      .from(shippingMethods)
      .where(eq(shippingMethods.tenantId, ctx.tenantId))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.createdAt));
  });
  invalidateShipping(ctx.cache, ctx.tenantId);
  return rows.map(toAdminMethod);
}

/** Moves a method one place up or down (the admin page's arrows). */
export async function moveShippingMethod(ctx: ShippingAdminContext, id: string, direction: "up" | "down"): Promise<AdminShippingMethod[]> {
  const ids = (await listShippingMethods(ctx.db, ctx.tenantId)).map((m) => m.id);
  const at = ids.indexOf(id);
  if (at < 0) throw notFound("Shipping method");
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= ids.length) return listShippingMethodsAdmin(ctx.db, ctx.tenantId);
  [ids[at], ids[to]] = [ids[to] as string, ids[at] as string];
  return reorderShippingMethods(ctx, ids);
}

/** Adds the default methods to a store that has none (audited, idempotent). */
export async function addDefaultShippingMethods(ctx: ShippingAdminContext): Promise<AdminShippingMethod[]> {
  const before = await listShippingMethods(ctx.db, ctx.tenantId);
  if (before.length === 0) {
    await ctx.db.transaction(async (tx) => {
      await ensureShippingMethods(tx, ctx.tenantId);
      const added = await listShippingMethods(tx, ctx.tenantId);
      for (const m of added) await audit(tx, ctx, "shipping_method.create", m.id, m.name, { after: { ...dataOf(m) } });
    });
    invalidateShipping(ctx.cache, ctx.tenantId);
  }
  return listShippingMethodsAdmin(ctx.db, ctx.tenantId);
}
