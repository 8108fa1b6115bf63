// Customer administration for one store: list and search, detail, tier, store credit with its
// ledger, disable/enable and delete. Every query is scoped by the store; every change is
// recorded in the audit trail in the same transaction.

import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import { toDecimalString } from "../../platform/money.ts";
import { HttpError, notFound } from "../../platform/problem.ts";
import { likePattern } from "../../platform/text.ts";
import { type ConsentPurpose, tenantStaff, userConsents, users } from "../accounts/schema.ts";
import type { ActorContext } from "../accounts/staff.ts";
import { queryAudit } from "../audit/query.ts";
import type { AuditEvent } from "../audit/schema.ts";
import { auditFields, diff, recordAudit } from "../audit/service.ts";
import { addresses, type CustomerTier, customers, storeCreditEntries } from "./schema.ts";

export const CUSTOMER_PAGE_SIZE = 25;
/** Largest single store-credit adjustment, in minor units (10,000,000.00). */
export const MAX_CREDIT_ADJUSTMENT = 1_000_000_000;

export interface CustomerQuery {
  q?: string;
  tier?: CustomerTier;
  status?: "active" | "disabled";
  page?: number;
  perPage?: number;
}

export interface CustomerSummary {
  id: string;
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  tier: CustomerTier;
  storeCredit: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  lastSeenAt: Date | null;
}

const summaryColumns = {
  id: customers.id,
  userId: customers.userId,
  name: users.name,
  email: users.email,
  emailVerified: users.emailVerified,
  tier: customers.tier,
  storeCredit: customers.storeCredit,
  disabledAt: customers.disabledAt,
  disabledReason: customers.disabledReason,
  createdAt: customers.createdAt,
  lastSeenAt: customers.lastSeenAt,
};

/** One page of the store's customers, newest first, with the number of matches. */
export async function listCustomers(
  db: Db,
  tenantId: string,
  query: CustomerQuery = {},
): Promise<{ items: CustomerSummary[]; total: number; page: number; perPage: number }> {
  const page = Math.max(1, query.page ?? 1);
  const perPage = Math.min(100, Math.max(1, query.perPage ?? CUSTOMER_PAGE_SIZE));
  const conditions: (SQL | undefined)[] = [eq(customers.tenantId, tenantId)];
  const q = query.q?.trim();
  if (q) {
    const pattern = likePattern(q.toLocaleLowerCase("tr-TR"));
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (query.tier) conditions.push(eq(customers.tier, query.tier));
  if (query.status === "active") conditions.push(isNull(customers.disabledAt));
  if (query.status === "disabled") conditions.push(isNotNull(customers.disabledAt));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(customers)
      .innerJoin(users, eq(users.id, customers.userId))
      .where(where)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(customers).innerJoin(users, eq(users.id, customers.userId)).where(where),
  ]);
  return { items, total: total?.n ?? 0, page, perPage };
}

export interface CreditEntry {
  id: string;
  amount: number;
  balanceAfter: number;
  reason: string;
  actorEmail: string | null;
  createdAt: Date;
}

export interface CustomerDetail extends CustomerSummary {
  phone: string | null;
  twoFactorEnabled: boolean;
  addressCount: number;
  ledger: CreditEntry[];
  consents: { purpose: ConsentPurpose; granted: boolean; textVersion: string; createdAt: Date; ip: string | null }[];
  /** The latest events about this customer or their account. */
  activity: AuditEvent[];
}

async function findSummary(db: Db, tenantId: string, id: string): Promise<CustomerSummary | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(summaryColumns)
    .from(customers)
    .innerJoin(users, eq(users.id, customers.userId))
    .where(and(eq(customers.id, id), eq(customers.tenantId, tenantId)))
    .limit(1);
  return row ?? null;
}

/** Everything the admin shows about one customer of the store, or null. */
export async function getCustomer(db: Db, tenantId: string, id: string): Promise<CustomerDetail | null> {
  const base = await findSummary(db, tenantId, id);
  if (!base) return null;
  const [[user], ledger, [addressCount], consents, activity] = await Promise.all([
    db.select({ phone: users.phone, twoFactorEnabled: users.twoFactorEnabled }).from(users).where(eq(users.id, base.userId)),
    db
      .select({
        id: storeCreditEntries.id,
        amount: storeCreditEntries.amount,
        balanceAfter: storeCreditEntries.balanceAfter,
        reason: storeCreditEntries.reason,
        actorEmail: users.email,
        createdAt: storeCreditEntries.createdAt,
      })
      .from(storeCreditEntries)
      .leftJoin(users, eq(users.id, storeCreditEntries.actorUserId))
      .where(and(eq(storeCreditEntries.customerId, id), eq(storeCreditEntries.tenantId, tenantId)))
      .orderBy(desc(storeCreditEntries.createdAt), desc(storeCreditEntries.balanceAfter))
      .limit(50),
    db
      .select({ n: count() })
      .from(addresses)
      .where(and(eq(addresses.customerId, id), eq(addresses.tenantId, tenantId))),
    db
      .select({
        purpose: userConsents.purpose,
        granted: userConsents.granted,
        textVersion: userConsents.textVersion,
        createdAt: userConsents.createdAt,
        ip: userConsents.ip,
      })
      .from(userConsents)
      .where(and(eq(userConsents.userId, base.userId), eq(userConsents.tenantId, tenantId)))
      .orderBy(desc(userConsents.createdAt))
      .limit(50),
    queryAudit(db, tenantId, {
      targets: [
        { type: "customer", id },
        { type: "user", id: base.userId },
      ],
      perPage: 20,
    }).then((result) => result.items),
  ]);
  return {
    ...base,
    phone: user?.phone ?? null,
    twoFactorEnabled: user?.twoFactorEnabled === true,
    addressCount: addressCount?.n ?? 0,
    ledger,
    consents,
    activity,
  };
}

export interface CustomerPatch {
  tier?: CustomerTier;
  disabled?: boolean;
  /** Required when disabling. */
  reason?: string;
}

/** Changes tier and/or disabled state. Disabling signs the person out everywhere. */
export async function updateCustomer(ctx: ActorContext, id: string, patch: CustomerPatch): Promise<CustomerSummary> {
  const reason = patch.reason?.trim() || null;
  if (patch.disabled === true && !reason) {
    throw new HttpError(422, "Give a reason for disabling the customer.", { code: "reason-required" });
  }
  if (!isUuid(id)) throw notFound("Customer");
  const { changed, userId } = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        userId: customers.userId,
        tier: customers.tier,
        disabledAt: customers.disabledAt,
        disabledReason: customers.disabledReason,
      })
      .from(customers)
      .where(and(eq(customers.id, id), eq(customers.tenantId, ctx.tenantId)))
      .for("update");
    if (!current) throw notFound("Customer");
    const set: Partial<typeof customers.$inferInsert> = {};
    if (patch.tier && patch.tier !== current.tier) set.tier = patch.tier;
    if (patch.disabled === true && !current.disabledAt) {
      set.disabledAt = new Date();
      set.disabledReason = reason;
    }
    if (patch.disabled === false && current.disabledAt) {
      set.disabledAt = null;
      set.disabledReason = null;
    }
    if (Object.keys(set).length === 0) return { changed: [] as string[], userId: current.userId };
    await tx.update(customers).set(set).where(eq(customers.id, id));
    const before = { tier: current.tier, disabled: current.disabledAt !== null, disabledReason: current.disabledReason };
    const after = {
      tier: set.tier ?? current.tier,
      disabled: "disabledAt" in set ? set.disabledAt !== null : current.disabledAt !== null,
      disabledReason: "disabledReason" in set ? (set.disabledReason ?? null) : current.disabledReason,
    };
    const types = [
      ...(set.tier ? ["customer.tier_change"] : []),
      ...("disabledAt" in set ? [set.disabledAt ? "customer.disable" : "customer.enable"] : []),
    ];
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: types.length === 1 ? (types[0] as string) : "customer.update",
      targetType: "customer",
      targetId: id,
      summary: reason ?? undefined,
      ...diff(before, after),
    });
    return { changed: types, userId: current.userId };
  });
  if (changed.includes("customer.disable")) await ctx.revokeSessions(userId);
  const summary = await findSummary(ctx.db, ctx.tenantId, id);
  if (!summary) throw notFound("Customer");
  return summary;
}

/**
 * Adds (positive) or takes (negative) store credit, in minor units, with a reason. The balance
 * changes by one conditional UPDATE (it never goes below zero, whatever runs at the same time)
 * and the ledger row is written in the same transaction.
 */
export async function adjustStoreCredit(
  ctx: ActorContext,
  id: string,
  input: { amount: number; reason: string },
): Promise<{ balance: number; entry: CreditEntry }> {
  const reason = input.reason.trim();
  if (!Number.isSafeInteger(input.amount) || input.amount === 0 || Math.abs(input.amount) > MAX_CREDIT_ADJUSTMENT) {
    throw new HttpError(422, "The amount must be a whole number of kuruş, not zero, at most 10,000,000.00 either way.", {
      code: "invalid-amount",
    });
  }
  if (reason.length < 3) throw new HttpError(422, "Give a reason for the adjustment (at least 3 characters).", { code: "reason-required" });
  if (!isUuid(id)) throw notFound("Customer");
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(customers)
      .set({ storeCredit: sql`${customers.storeCredit} + ${input.amount}` })
      .where(and(eq(customers.id, id), eq(customers.tenantId, ctx.tenantId), sql`${customers.storeCredit} + ${input.amount} >= 0`))
      .returning({ balance: customers.storeCredit });
    if (!updated) {
      const [row] = await tx
        .select({ balance: customers.storeCredit })
        .from(customers)
        .where(and(eq(customers.id, id), eq(customers.tenantId, ctx.tenantId)));
      if (!row) throw notFound("Customer");
      throw new HttpError(
        409,
        `The store credit balance is ${toDecimalString(row.balance)}; taking ${toDecimalString(-input.amount)} would make it negative.`,
        { code: "insufficient-credit" },
      );
    }
    const actorUserId = ctx.actor.kind === "user" ? (ctx.actor.id ?? null) : null;
    const [entry] = await tx
      .insert(storeCreditEntries)
      .values({ tenantId: ctx.tenantId, customerId: id, amount: input.amount, balanceAfter: updated.balance, reason, actorUserId })
      .returning();
    if (!entry) throw new Error("adjustStoreCredit: insert returned nothing");
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "customer.credit_adjust",
      targetType: "customer",
      targetId: id,
      summary: `${input.amount > 0 ? "+" : "-"}${toDecimalString(Math.abs(input.amount))}: ${reason}`,
      before: { storeCredit: updated.balance - input.amount },
      after: { storeCredit: updated.balance },
    });
    return {
      balance: updated.balance,
      entry: {
        id: entry.id,
        amount: entry.amount,
        balanceAfter: entry.balanceAfter,
        reason: entry.reason,
        actorEmail: ctx.actor.kind === "user" ? (ctx.actor.email ?? null) : null,
        createdAt: entry.createdAt,
      },
    };
  });
}

/**
 * Deletes the store's customer record (with its addresses, ledger and this store's consents).
 * The person's global account goes too when nothing else holds it: no other store's customer
 * record, no staff membership anywhere, not a platform administrator.
 */
export async function deleteCustomer(ctx: ActorContext, id: string): Promise<{ userDeleted: boolean }> {
  if (!isUuid(id)) throw notFound("Customer");
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        userId: customers.userId,
        email: users.email,
        name: users.name,
        role: users.role,
        tier: customers.tier,
        storeCredit: customers.storeCredit,
      })
      .from(customers)
      .innerJoin(users, eq(users.id, customers.userId))
      .where(and(eq(customers.id, id), eq(customers.tenantId, ctx.tenantId)))
      .for("update", { of: customers });
    if (!current) throw notFound("Customer");
    await tx.delete(customers).where(eq(customers.id, id));
    await tx.delete(userConsents).where(and(eq(userConsents.userId, current.userId), eq(userConsents.tenantId, ctx.tenantId)));
    const [others] = await tx
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.userId, current.userId), ne(customers.id, id)));
    const [staff] = await tx.select({ n: count() }).from(tenantStaff).where(eq(tenantStaff.userId, current.userId));
    const userDeleted = (others?.n ?? 0) === 0 && (staff?.n ?? 0) === 0 && current.role !== "admin";
    if (userDeleted) await tx.delete(users).where(inArray(users.id, [current.userId]));
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "customer.delete",
      targetType: "customer",
      targetId: id,
      summary: current.email,
      before: { email: current.email, name: current.name, tier: current.tier, storeCredit: current.storeCredit },
      after: { userDeleted },
    });
    return { userDeleted };
  });
}
