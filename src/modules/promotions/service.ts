// Coupons: looking them up for a basket, counting their uses atomically when an order is placed
// (and giving uses back when an unpaid order is cancelled), the public coupons page and wallet.

import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { HttpError } from "../../platform/problem.ts";
import { asciiFold } from "../../platform/text.ts";
import type { BasketCoupon } from "../cart/pricing.ts";
import { type Coupon, coupons, couponUsages, couponWallet } from "./schema.ts";

/** `yaz25 ` → `YAZ25`, `çiçek10` → `CICEK10`: codes are matched folded and upper-case. */
export function normalizeCouponCode(code: string): string {
  return asciiFold(code.trim())
    .toUpperCase()
    .replace(/[^A-Z0-9_-]+/g, "");
}

/** The key per-customer limits count by: the customer, or a guest's e-mail. */
export function customerKey(who: { customerId?: string | null; email: string }): string {
  return who.customerId ? `c:${who.customerId}` : `e:${who.email.trim().toLowerCase()}`;
}

export type CouponProblem = "unknown" | "inactive" | "not-started" | "expired" | "used-up" | "customer-limit";

export function toBasketCoupon(c: Coupon, locale: "tr" | "en" = "tr"): BasketCoupon {
  return {
    id: c.id,
    code: c.code,
    title: (locale === "en" && c.titleEn) || c.title,
    kind: c.kind,
    value: c.value,
    maxDiscount: c.maxDiscount,
    minBasket: c.minBasket,
    scope: c.scope,
    scopeIds: c.scopeIds,
    combinable: c.combinable,
    excludeSaleItems: c.excludeSaleItems,
  };
}

/** Why a coupon cannot be used now, or null when it can (limits read, not taken). */
export function couponProblem(c: Coupon | undefined, now: Date, usedByCustomer = 0): CouponProblem | null {
  if (!c) return "unknown";
  if (!c.active) return "inactive";
  if (c.startsAt && c.startsAt > now) return "not-started";
  if (c.endsAt && c.endsAt <= now) return "expired";
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return "used-up";
  if (c.perCustomerLimit !== null && usedByCustomer >= c.perCustomerLimit) return "customer-limit";
  return null;
}

/**
 * The coupons behind `codes` (already normalised), each with the reason it cannot be used, if any.
 * One statement: the per-customer counts come along when a customer key is given.
 */
export async function lookupCoupons(
  db: Db,
  tenantId: string,
  codes: readonly string[],
  options: { customerKey?: string; now?: Date } = {},
): Promise<{ code: string; coupon?: Coupon; problem: CouponProblem | null }[]> {
  if (codes.length === 0) return [];
  const now = options.now ?? new Date();
  const rows = await db
    .select({ coupon: coupons, used: couponUsages.used })
    .from(coupons)
    .leftJoin(couponUsages, and(eq(couponUsages.couponId, coupons.id), eq(couponUsages.customerKey, options.customerKey ?? "")))
    .where(and(eq(coupons.tenantId, tenantId), inArray(coupons.code, [...codes])));
  return codes.map((code) => {
    const row = rows.find((r) => r.coupon.code === code);
    return { code, coupon: row?.coupon, problem: couponProblem(row?.coupon, now, row?.used ?? 0) };
  });
}

export class CouponUnavailableError extends HttpError {
  readonly couponCode: string;
  readonly reason: CouponProblem;
  constructor(code: string, reason: CouponProblem) {
    super(409, reason === "used-up" ? `Coupon ${code} has been used up.` : `Coupon ${code} cannot be used (${reason}).`, {
      code: `coupon-${reason}`,
    });
    this.couponCode = code;
    this.reason = reason;
  }
}

/**
 * Takes one use of each coupon for an order, inside the order's transaction. Each count is one
 * conditional UPDATE, so a limit of N gives exactly N uses however many checkouts race; throws
 * CouponUnavailableError (and the transaction rolls back) when a limit is reached.
 */
export async function redeemCoupons(tx: Db, tenantId: string, couponIds: readonly string[], key: string, now = new Date()): Promise<void> {
  for (const id of [...couponIds].sort()) {
    const taken = (await tx.execute(sql`
      update coupons set used_count = used_count + 1
      where id = ${id} and tenant_id = ${tenantId} and active
        and (usage_limit is null or used_count < usage_limit)
        and (starts_at is null or starts_at <= ${now.toISOString()}) and (ends_at is null or ends_at > ${now.toISOString()})
      returning code, per_customer_limit`)) as unknown as { rows: { code: string; per_customer_limit: number | null }[] };
    const row = taken.rows[0];
    if (!row) {
      const [c] = await tx.select().from(coupons).where(eq(coupons.id, id));
      throw new CouponUnavailableError(c?.code ?? id, couponProblem(c, now) ?? "used-up");
    }
    const limit = row.per_customer_limit;
    const counted = (await tx.execute(sql`
      insert into coupon_usages (coupon_id, customer_key, used) values (${id}, ${key}, 1)
      on conflict (coupon_id, customer_key) do update set used = coupon_usages.used + 1
        where ${limit}::int is null or coupon_usages.used < ${limit}::int
      returning used`)) as unknown as { rows: unknown[] };
    if (counted.rows.length === 0 || (limit !== null && limit < 1)) throw new CouponUnavailableError(row.code, "customer-limit");
  }
}

/** Gives back the uses an order took (its payment never came or it was cancelled before shipping). */
export async function releaseCoupons(tx: Db, tenantId: string, codes: readonly string[], key: string): Promise<void> {
  if (codes.length === 0) return;
  const rows = await tx
    .update(coupons)
    .set({ usedCount: sql`greatest(${coupons.usedCount} - 1, 0)` })
    .where(and(eq(coupons.tenantId, tenantId), inArray(coupons.code, [...codes])))
    .returning({ id: coupons.id });
  for (const { id } of rows) {
    await tx
      .update(couponUsages)
      .set({ used: sql`greatest(${couponUsages.used} - 1, 0)` })
      .where(and(eq(couponUsages.couponId, id), eq(couponUsages.customerKey, key)));
  }
}

export interface PublicCoupon {
  id: string;
  code: string;
  title: string;
  description: string;
  kind: Coupon["kind"];
  value: number;
  maxDiscount: number | null;
  minBasket: number;
  endsAt: string | null;
  scope: Coupon["scope"];
  scopeIds: string[];
  combinable: boolean;
  excludeSaleItems: boolean;
  /** Uses left in total, null when unlimited. */
  remaining: number | null;
}

/** Coupons shown on the coupons page and behind the "kuponlu" badge: public, active, in their window, not used up. */
export async function listPublicCoupons(db: Db, tenantId: string, locale: "tr" | "en" = "tr", now = new Date()): Promise<PublicCoupon[]> {
  const rows = await db
    .select()
    .from(coupons)
    .where(
      and(
        eq(coupons.tenantId, tenantId),
        eq(coupons.isPublic, true),
        eq(coupons.active, true),
        sql`(${coupons.startsAt} is null or ${coupons.startsAt} <= ${now.toISOString()})`,
        sql`(${coupons.endsAt} is null or ${coupons.endsAt} > ${now.toISOString()})`,
        sql`(${coupons.usageLimit} is null or ${coupons.usedCount} < ${coupons.usageLimit})`,
      ),
    )
    .orderBy(coupons.endsAt, coupons.createdAt);
  return rows.map((c) => publicCoupon(c, locale));
}

/** A coupon as shoppers see it, in their language. */
function publicCoupon(c: Coupon, locale: "tr" | "en"): PublicCoupon {
  return {
    id: c.id,
    code: c.code,
    title: (locale === "en" && c.titleEn) || c.title,
    description: c.description,
    kind: c.kind,
    value: c.value,
    maxDiscount: c.maxDiscount,
    minBasket: c.minBasket,
    endsAt: c.endsAt?.toISOString() ?? null,
    scope: c.scope,
    scopeIds: c.scopeIds,
    combinable: c.combinable,
    excludeSaleItems: c.excludeSaleItems,
    remaining: c.usageLimit === null ? null : Math.max(0, c.usageLimit - c.usedCount),
  };
}

/** True when one of the public coupons applies to a product (the "kuponlu" badge). */
export function couponApplies(
  coupon: Pick<PublicCoupon, "scope" | "scopeIds">,
  product: { productId: string; categoryPath: readonly string[] },
): boolean {
  if (coupon.scope === "all") return true;
  if (coupon.scope === "products") return coupon.scopeIds.includes(product.productId);
  return product.categoryPath.some((id) => coupon.scopeIds.includes(id));
}

/** Adds a public coupon to a customer's wallet (idempotent). */
export async function collectCoupon(db: Db, tenantId: string, customerId: string, couponId: string): Promise<void> {
  const [c] = await db
    .select({ id: coupons.id, isPublic: coupons.isPublic, active: coupons.active })
    .from(coupons)
    .where(and(eq(coupons.tenantId, tenantId), eq(coupons.id, couponId)));
  if (!c?.isPublic || !c.active) throw new HttpError(404, "This coupon is not available.", { code: "not-found" });
  await db.insert(couponWallet).values({ customerId, couponId }).onConflictDoNothing();
}

/** Ids of the coupons a customer collected. */
export async function walletCouponIds(db: Db, customerId: string): Promise<string[]> {
  const rows = await db.select({ id: couponWallet.couponId }).from(couponWallet).where(eq(couponWallet.customerId, customerId));
  return rows.map((r) => r.id);
}

export interface WalletCoupon extends PublicCoupon {
  /** Why it cannot be used now (expired, used up, switched off…), or null. Per-customer limits are checked in the cart. */
  problem: CouponProblem | null;
  collectedAt: string;
}

/** The coupons a customer collected in this store, newest first, each with whether it can still be used. */
export async function listWalletCoupons(
  db: Db,
  tenantId: string,
  customerId: string,
  locale: "tr" | "en" = "tr",
  now = new Date(),
): Promise<WalletCoupon[]> {
  const rows = await db
    .select({ coupon: coupons, collectedAt: couponWallet.collectedAt })
    .from(couponWallet)
    .innerJoin(coupons, eq(coupons.id, couponWallet.couponId))
    .where(and(eq(couponWallet.customerId, customerId), eq(coupons.tenantId, tenantId)))
    .orderBy(sql`${couponWallet.collectedAt} desc`);
  return rows.map(({ coupon: c, collectedAt }) => ({
    ...publicCoupon(c, locale),
    problem: couponProblem(c, now),
    collectedAt: collectedAt.toISOString(),
  }));
}
