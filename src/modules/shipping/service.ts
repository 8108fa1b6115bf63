// Shipping methods of a store: read (cached) for every cart and checkout, managed from admin.

import { and, asc, eq } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { BasketShippingMethod } from "../cart/pricing.ts";
import type { CarrierId } from "./carriers.ts";
import { type ShippingMethod, shippingMethods } from "./schema.ts";

const TTL_MS = 60_000;

export const shippingCacheKey = (tenantId: string) => `tenant:${tenantId}:shipping`;

/** Active methods in display order, names in the locale (cached a minute per process; cleared on change). */
export async function activeShippingMethods(ctx: {
  db: Db;
  tenantId: string;
  locale: "tr" | "en";
  cache?: MemoCache;
}): Promise<BasketShippingMethod[]> {
  const load = () =>
    ctx.db
      .select()
      .from(shippingMethods)
      .where(and(eq(shippingMethods.tenantId, ctx.tenantId), eq(shippingMethods.active, true)))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.createdAt));
  const rows = ctx.cache ? await ctx.cache.get(shippingCacheKey(ctx.tenantId), TTL_MS, load) : await load();
  return rows.map((m) => toBasketMethod(m, ctx.locale));
}

export function toBasketMethod(m: ShippingMethod, locale: "tr" | "en"): BasketShippingMethod {
  return {
    id: m.id,
    name: (locale === "en" && m.nameEn) || m.name,
    carrier: m.carrier,
    baseFee: m.baseFee,
    baseDesi: m.baseDesi,
    perDesiFee: m.perDesiFee,
    freeOver: m.freeOver,
    minDays: m.minDays,
    maxDays: m.maxDays,
  };
}

export interface ShippingMethodInput {
  name: string;
  nameEn?: string | null;
  carrier: CarrierId;
  baseFee: number;
  baseDesi: number;
  perDesiFee: number;
  freeOver: number | null;
  minDays: number;
  maxDays: number;
  active: boolean;
  position?: number;
}

/** The methods a new store starts with: standard by Yurtiçi (free over 750 ₺) and express by Aras. */
export const defaultShippingMethods: ShippingMethodInput[] = [
  {
    name: "Standart Kargo",
    nameEn: "Standard shipping",
    carrier: "yurtici",
    baseFee: 8990,
    baseDesi: 3,
    perDesiFee: 1500,
    freeOver: 75000,
    minDays: 1,
    maxDays: 3,
    active: true,
    position: 0,
  },
  {
    name: "Hızlı Kargo",
    nameEn: "Express shipping",
    carrier: "aras",
    baseFee: 14990,
    baseDesi: 3,
    perDesiFee: 2000,
    freeOver: null,
    minDays: 1,
    maxDays: 1,
    active: true,
    position: 1,
  },
];

/** Creates the default methods when the store has none (idempotent). */
export async function ensureShippingMethods(db: Db, tenantId: string): Promise<void> {
  const [existing] = await db
    .select({ id: shippingMethods.id })
    .from(shippingMethods)
    .where(eq(shippingMethods.tenantId, tenantId))
    .limit(1);
  if (existing) return;
  await db.insert(shippingMethods).values(defaultShippingMethods.map((m) => ({ ...m, tenantId })));
}

export async function listShippingMethods(db: Db, tenantId: string): Promise<ShippingMethod[]> {
  return db
    .select()
    .from(shippingMethods)
    .where(eq(shippingMethods.tenantId, tenantId))
    .orderBy(asc(shippingMethods.position), asc(shippingMethods.createdAt));
}
