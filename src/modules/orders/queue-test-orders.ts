// "Test siparişleri oluştur": a batch of random pending orders that exercise the pending-order
// queue — backorder and pre-order lines beyond the stock, and credit-only orders that need a
// budget check — for the store's demo customers (premium ones included). They are real orders in
// every other way (lines, payments, held stock), marked clearly: the note "TEST", the
// idempotency-key prefix `test-order:`, and an internal order event.
//
// Only customers whose e-mail is on a reserved example domain (example.com, *.test, …, RFC 2606 /
// RFC 6761) are used, so the mails their orders cause never reach a real person.

import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError } from "../../platform/problem.ts";
import { users } from "../accounts/schema.ts";
import { type AuditContext, recordAudit } from "../audit/service.ts";
import { type BasketLineInput, type BasketShippingMethod, priceBasket } from "../cart/pricing.ts";
import { products, productVariants } from "../catalog/schema.ts";
import { addresses, type CustomerTier, customers } from "../customers/schema.ts";
import { payments } from "../payments/schema.ts";
import { resolvePaymentSettings } from "../payments/settings.ts";
import { activeShippingMethods } from "../shipping/service.ts";
import { tenants } from "../tenants/schema.ts";
import { TEST_ORDER_KEY_PREFIX } from "./pending-queue.ts";
import { type OrderAddress, orderEvents, orderLines, orders, type PaymentMethodId, stockReservations } from "./schema.ts";
import { publishOrderChange, requestStockProjection } from "./service.ts";

export const MAX_TEST_ORDERS = 200;
export const TEST_ORDER_NOTE = "TEST — bekleyen sipariş kuyruğu için otomatik oluşturulan deneme siparişi";

/** E-mail domains reserved for examples and tests: nobody receives mail there. */
const EXAMPLE_EMAIL = String.raw`@([a-z0-9-]+\.)*(example\.(com|net|org)|[a-z0-9-]+\.(test|example|invalid|localhost))$`;

export interface TestOrderContext {
  db: Db;
  jobs: Jobs;
  events?: EventBus;
  tenantId: string;
  audit?: AuditContext;
  /** Randomness (tests pass a seeded one). */
  random?: () => number;
  now?: Date;
}

export interface CreatedTestOrder {
  id: string;
  number: string;
  reviewReason: "backorder" | "preorder" | "budget";
  tier: CustomerTier;
  placedAt: Date;
}

/** A product variant an order line can be made of. */
export interface OrderableVariant {
  productId: string;
  variantId: string;
  title: string;
  variantLabel: string | null;
  sku: string | null;
  slug: string;
  price: number;
  compareAtPrice: number | null;
  vatRate: number;
  stock: number;
  desi: number | null;
  weightGrams: number | null;
  saleMode: "normal" | "backorder" | "preorder";
}

export interface Shopper {
  customerId: string;
  tier: CustomerTier;
  name: string;
  email: string;
  phone: string | null;
}

/** What `insertPendingOrder` writes: the shape checkout gives a pending order. */
export interface PendingOrderSpec {
  tenantId: string;
  currency: string;
  shopper: Shopper;
  address: OrderAddress;
  /** `take`: the line's stock is taken now (held); otherwise it waits for the queue. */
  lines: { variant: OrderableVariant; quantity: number; take: boolean }[];
  reason: "backorder" | "preorder" | "budget";
  method: PaymentMethodId;
  shippingMethods: BasketShippingMethod[];
  /** Cash-on-delivery fee, when `method` is cash_on_delivery. */
  paymentFee?: number;
  placedAt: Date;
  note?: string | null;
  /** Who asked for it (an internal note names them); test orders only. */
  staffUserId?: string | null;
}

type ReviewKind = PendingOrderSpec["reason"];

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] as T;
const between = (min: number, max: number, random: () => number) => min + Math.floor(random() * (max - min + 1));

/** Active physical variants of the store that can be sold now (in stock) or wait (backorder, pre-order). */
export async function orderableVariants(db: Db, tenantId: string, variantIds?: string[]): Promise<OrderableVariant[]> {
  return db
    .select({
      productId: products.id,
      variantId: productVariants.id,
      title: products.title,
      variantLabel: sql<
        string | null
      >`nullif(array_to_string(array(select value from jsonb_each_text(${productVariants.optionValues})), ' / '), '')`,
      sku: productVariants.sku,
      slug: products.slug,
      price: productVariants.price,
      compareAtPrice: productVariants.compareAtPrice,
      vatRate: products.vatRate,
      stock: productVariants.stock,
      desi: productVariants.desi,
      weightGrams: productVariants.weightGrams,
      saleMode: products.saleMode,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        eq(products.tenantId, tenantId),
        eq(products.status, "active"),
        eq(products.kind, "physical"),
        variantIds ? inArray(productVariants.id, variantIds) : sql`(${products.saleMode} <> 'normal' or ${productVariants.stock} > 0)`,
      ),
    )
    .orderBy(asc(products.slug), asc(productVariants.position))
    .limit(2000);
}

/**
 * Writes one `pending_review` order as checkout does: lines, held stock for the lines taken now,
 * a pending payment (for a budget check: store credit for the whole total), the status event.
 * Returns null when none of the lines to take has stock left. Call inside a transaction.
 */
export async function insertPendingOrder(tx: Db, jobs: Jobs, spec: PendingOrderSpec): Promise<CreatedTestOrder | null> {
  const { tenantId } = spec;
  const lines: PendingOrderSpec["lines"] = [];
  for (const w of [...spec.lines].sort((a, b) => (a.variant.variantId < b.variant.variantId ? -1 : 1))) {
    if (!w.take) {
      lines.push(w);
      continue;
    }
    const took = (await tx.execute(sql`
      update product_variants set stock = stock - ${w.quantity}, updated_at = now()
      where id = ${w.variant.variantId} and stock >= ${w.quantity} returning stock`)) as unknown as { rows: unknown[] };
    if (took.rows.length > 0) lines.push(w);
  }
  if (lines.length === 0) return null;
  const budget = spec.reason === "budget";
  const basket = priceBasket({
    lines: lines.map(
      (l): BasketLineInput => ({
        variantId: l.variant.variantId,
        productId: l.variant.productId,
        categoryPath: [],
        quantity: l.quantity,
        unitPrice: l.variant.price,
        compareAtPrice: l.variant.compareAtPrice,
        vatRate: l.variant.vatRate,
        desi: l.variant.desi,
        weightGrams: l.variant.weightGrams,
      }),
    ),
    coupons: [],
    shippingMethods: spec.shippingMethods,
    paymentFee: spec.paymentFee ?? 0,
    storeCredit: budget ? Number.MAX_SAFE_INTEGER : 0,
  });
  const chosen = basket.shipping;
  const test = spec.staffUserId !== undefined;
  const [row] = await tx
    .insert(orders)
    .values({
      tenantId,
      customerId: spec.shopper.customerId,
      email: spec.shopper.email,
      phone: spec.address.phone,
      locale: "tr",
      status: "pending_review",
      paymentMethod: spec.method,
      currency: spec.currency,
      subtotal: basket.subtotal,
      discountTotal: basket.discountTotal,
      shippingTotal: basket.shippingTotal,
      paymentFee: basket.paymentFee,
      grandTotal: basket.grandTotal,
      storeCreditUsed: basket.storeCreditUsed,
      amountDue: basket.amountDue,
      vatBreakdown: basket.vat,
      couponCodes: [],
      shippingMethodId: chosen?.id ?? null,
      shippingMethodName: chosen?.name ?? "Kargo",
      carrier: chosen?.carrier ?? "yurtici",
      shippingAddress: spec.address,
      billingAddress: spec.address,
      invoice: { type: "individual" },
      customerNote: spec.note ?? null,
      idempotencyKey: `${test ? TEST_ORDER_KEY_PREFIX : "queue:"}${randomUUID()}`,
      requestHash: test ? "test-order" : "queue",
      reviewReason: spec.reason,
      placedAt: spec.placedAt,
      statusChangedAt: spec.placedAt,
    })
    .returning();
  if (!row) throw new Error("insertPendingOrder: insert returned nothing");
  const byVariant = new Map(lines.map((l) => [l.variant.variantId, l.variant]));
  await tx.insert(orderLines).values(
    basket.lines.map((l) => {
      const v = byVariant.get(l.variantId) as OrderableVariant;
      return {
        tenantId,
        orderId: row.id,
        productId: l.productId,
        variantId: l.variantId,
        sku: v.sku,
        title: v.title,
        variantLabel: v.variantLabel,
        slug: v.slug,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        compareAtPrice: l.compareAtPrice,
        discount: l.discount,
        total: l.total,
        vatRate: l.vatRate,
      };
    }),
  );
  const held = lines.filter((l) => l.take);
  if (held.length > 0) {
    await tx
      .insert(stockReservations)
      .values(
        held.map((l) => ({ tenantId, orderId: row.id, variantId: l.variant.variantId, quantity: l.quantity, state: "held" as const })),
      );
  }
  // As at checkout: a budget order's credit is a pending payment for the whole total.
  await tx.insert(payments).values({
    tenantId,
    orderId: row.id,
    method: spec.method,
    status: "pending",
    amount: budget ? basket.grandTotal : basket.amountDue,
    currency: row.currency,
  });
  await tx.insert(orderEvents).values({
    tenantId,
    orderId: row.id,
    kind: "status",
    fromStatus: null,
    toStatus: "pending_review",
    message: `review:${spec.reason}`,
    actor: "system",
    data: { paymentMethod: spec.method, ...(test ? { test: true } : {}) },
    createdAt: spec.placedAt,
  });
  if (test) {
    await tx.insert(orderEvents).values({
      tenantId,
      orderId: row.id,
      kind: "note",
      message: "TEST: deneme siparişi (bekleyen sipariş kuyruğu)",
      visibility: "internal",
      actor: spec.staffUserId ? "staff" : "system",
      actorUserId: spec.staffUserId ?? null,
      data: { test: true },
    });
  }
  await requestStockProjection(
    jobs,
    tenantId,
    lines.map((l) => l.variant.productId),
    tx,
  );
  return { id: row.id, number: row.number, reviewReason: spec.reason, tier: spec.shopper.tier, placedAt: spec.placedAt };
}

/**
 * Creates `count` (1–200) random pending orders; each available kind (backorder, pre-order,
 * budget) at least once when the count allows. Placed 0–180 minutes ago, so their scores differ.
 */
export async function createTestOrders(ctx: TestOrderContext, count: number): Promise<CreatedTestOrder[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TEST_ORDERS) {
    throw new HttpError(400, `Choose between 1 and ${MAX_TEST_ORDERS} test orders.`, { code: "invalid-count" });
  }
  const random = ctx.random ?? Math.random;
  const now = ctx.now ?? new Date();
  const { db, tenantId } = ctx;

  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new HttpError(404, "The store was not found.", { code: "not-found" });
  const shoppers: (Shopper & { credit: number })[] = await db
    .select({
      customerId: customers.id,
      tier: customers.tier,
      name: users.name,
      email: users.email,
      phone: users.phone,
      credit: customers.storeCredit,
    })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.userId))
    .where(and(eq(customers.tenantId, tenantId), sql`${customers.disabledAt} is null`, sql`${users.email} ~* ${EXAMPLE_EMAIL}`))
    .orderBy(asc(customers.createdAt))
    .limit(500);
  if (shoppers.length === 0) {
    throw new HttpError(409, "Test orders need demo customers (e-mail addresses at example.com or a .test domain); this store has none.", {
      code: "no-demo-customers",
    });
  }
  const candidates = await orderableVariants(db, tenantId);
  const bySaleMode = {
    backorder: candidates.filter((c) => c.saleMode === "backorder"),
    preorder: candidates.filter((c) => c.saleMode === "preorder"),
    normal: candidates.filter((c) => c.saleMode === "normal" && c.stock > 0),
  };
  const kinds = (["backorder", "preorder", "budget"] as const).filter((k) =>
    k === "budget" ? bySaleMode.normal.length > 0 : bySaleMode[k].length > 0,
  );
  if (kinds.length === 0) {
    throw new HttpError(409, "Test orders need a product sold as backorder or pre-order, or a product in stock; this store has none.", {
      code: "no-test-products",
    });
  }
  const shippingMethods = await activeShippingMethods({ db, tenantId, locale: "tr" });
  if (shippingMethods.length === 0) {
    throw new HttpError(409, "Test orders need an active shipping method.", { code: "no-shipping-method" });
  }
  const settings = resolvePaymentSettings(tenant.settings.payments, new Set());
  const methods: PaymentMethodId[] = [
    ...(settings.bankTransfer.enabled ? (["bank_transfer"] as const) : []),
    ...(settings.cashOnDelivery.enabled ? (["cash_on_delivery"] as const) : []),
  ];
  if (methods.length === 0) methods.push("bank_transfer");
  const premium = shoppers.filter((s) => s.tier === "premium");
  const maxShipping = Math.max(0, ...shippingMethods.map((m) => m.baseFee));
  const defaults = await defaultAddresses(
    db,
    shoppers.map((s) => s.customerId),
  );
  const staffUserId = ctx.audit?.actor.kind === "user" ? (ctx.audit.actor.id ?? null) : null;

  const created: CreatedTestOrder[] = [];
  // A unit taken by one test order is not there for the next (or for a shopper meanwhile): pick
  // only what is left, and try again when a line could not be taken.
  const inStock = () => bySaleMode.normal.filter((c) => c.stock > 0);
  for (let attempt = 0; created.length < count && attempt < count * 2; attempt++) {
    const possible = kinds.filter((k) => k !== "budget" || inStock().length > 0);
    if (possible.length === 0) break;
    // every kind the store allows at least once, then at random
    const reason: ReviewKind = possible.find((k) => !created.some((c) => c.reviewReason === k)) ?? pick(possible, random);
    // about a third premium (when the store has premium customers), the rest anyone
    let shopper = premium.length > 0 && random() < 0.35 ? pick(premium, random) : pick(shoppers, random);
    const placedAt = new Date(now.getTime() - between(0, 180, random) * 60_000 - between(0, 59, random) * 1000);
    const method: PaymentMethodId = reason === "budget" ? "store_credit" : pick(methods, random);
    const lines: PendingOrderSpec["lines"] = [];
    if (reason === "budget") {
      // half of the budget checks are for a product the customer's credit may cover (an approval
      // when the credit is still there), the rest for anything (usually a rejection)
      const withCredit = shoppers.filter((s) => s.credit > maxShipping);
      const affordable = (credit: number) => inStock().filter((c) => c.price + maxShipping <= credit);
      if (withCredit.length > 0 && random() < 0.5) shopper = pick(withCredit, random);
      const cheap = affordable(shopper.credit);
      const first = cheap.length > 0 && random() < 0.75 ? pick(cheap, random) : pick(inStock(), random);
      lines.push({ variant: first, quantity: 1, take: true });
      const second = pick(inStock(), random);
      if (random() < 0.3 && second.variantId !== first.variantId) lines.push({ variant: second, quantity: 1, take: true });
    } else {
      // the waiting line goes beyond the stock, as checkout sends it to the queue
      const waiting = pick(bySaleMode[reason], random);
      lines.push({ variant: waiting, quantity: Math.max(0, waiting.stock) + between(1, 3, random), take: false });
      const extra = inStock().length > 0 && random() < 0.4 ? pick(inStock(), random) : null;
      if (extra && extra.variantId !== waiting.variantId) lines.push({ variant: extra, quantity: 1, take: true });
    }
    const order = await db.transaction((tx) =>
      insertPendingOrder(tx, ctx.jobs, {
        tenantId,
        currency: tenant.currency,
        shopper,
        address: defaults.get(shopper.customerId) ?? fallbackAddress(shopper),
        lines,
        reason,
        method,
        shippingMethods,
        paymentFee: method === "cash_on_delivery" ? settings.cashOnDelivery.fee : 0,
        placedAt,
        note: TEST_ORDER_NOTE,
        staffUserId,
      }),
    );
    if (!order) {
      // its units were gone: forget those candidates
      for (const l of lines) if (l.take) l.variant.stock = 0;
      continue;
    }
    for (const l of lines) if (l.take) l.variant.stock -= l.quantity;
    created.push(order);
    publishOrderChange(ctx.events, { id: order.id, tenantId, number: order.number, status: "pending_review", version: 1 });
  }
  if (ctx.audit) {
    await recordAudit(db, {
      ...ctx.audit,
      type: "orders.test_orders_created",
      targetType: "order",
      summary: `${created.length} test orders for the pending-order queue`,
      after: { count: created.length, numbers: created.map((o) => o.number).slice(0, 50) },
    });
  }
  return created;
}

async function defaultAddresses(db: Db, customerIds: string[]): Promise<Map<string, OrderAddress>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(addresses)
    .where(inArray(addresses.customerId, customerIds))
    .orderBy(sql`${addresses.isDefault} desc`, asc(addresses.createdAt));
  const out = new Map<string, OrderAddress>();
  for (const a of rows) {
    if (out.has(a.customerId)) continue;
    out.set(a.customerId, {
      firstName: a.firstName,
      lastName: a.lastName,
      phone: a.phone,
      provinceCode: a.provinceCode,
      province: a.province,
      district: a.district,
      neighbourhood: a.neighbourhood,
      addressLine: a.addressLine,
      postalCode: a.postalCode,
    });
  }
  return out;
}

function fallbackAddress(s: Shopper): OrderAddress {
  const [firstName = "Test", ...rest] = s.name.trim().split(/\s+/);
  return {
    firstName,
    lastName: rest.join(" ") || "Müşteri",
    phone: s.phone ?? "+905550000000",
    provinceCode: 34,
    province: "İstanbul",
    district: "Kadıköy",
    neighbourhood: "Caferağa Mah.",
    addressLine: "Test Sok. No: 1 (deneme siparişi)",
    postalCode: "34710",
  };
}
