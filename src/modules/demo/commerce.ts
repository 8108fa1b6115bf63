// Commerce settings of the demo store: shipping methods, payment methods (a bank account for
// havale/EFT, cash on delivery), public coupons, and a pre-order and a backorder product so the
// pending-order queue has something to do. Idempotent: each part is added only when missing, and
// sale modes are set only on the first run.

import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { products } from "../catalog/schema.ts";
import { coupons } from "../promotions/schema.ts";
import { ensureShippingMethods } from "../shipping/service.ts";
import { type PaymentSettings, tenants } from "../tenants/schema.ts";

/** A valid (checksummed) example IBAN; not a real account. */
export const DEMO_IBAN = "TR330006100519786457841326";

const DEMO_PAYMENTS: PaymentSettings = {
  bankTransfer: {
    enabled: true,
    accounts: [{ bank: "Örnek Bankası", holder: "Kervan Demo Ticaret A.Ş.", iban: DEMO_IBAN }],
    expiryHours: 48,
  },
  cashOnDelivery: { enabled: true, fee: 3490, maxTotal: 1_000_000 },
  storeCredit: { enabled: true, reviewOver: 200_000 },
  reservationMinutes: 30,
};

const DEMO_COUPONS: Omit<typeof coupons.$inferInsert, "tenantId">[] = [
  {
    code: "HOSGELDIN",
    title: "Hoş geldin indirimi: %10",
    titleEn: "Welcome: 10% off",
    description: "İlk siparişine özel, 250 ₺ ve üzeri alışverişlerde %10 indirim (en fazla 300 ₺).",
    kind: "percent",
    value: 10,
    maxDiscount: 30_000,
    minBasket: 25_000,
    perCustomerLimit: 1,
    isPublic: true,
  },
  {
    code: "KARGOBEDAVA",
    title: "Kargo bedava",
    titleEn: "Free shipping",
    description: "150 ₺ ve üzeri alışverişlerde kargo bizden.",
    kind: "free_shipping",
    minBasket: 15_000,
    combinable: true,
    isPublic: true,
  },
  {
    code: "SONBAHAR100",
    title: "100 ₺ indirim",
    titleEn: "100 ₺ off",
    description: "1.000 ₺ ve üzeri alışverişlerde 100 ₺ indirim; ilk 500 kullanımla sınırlı.",
    kind: "fixed",
    value: 10_000,
    minBasket: 100_000,
    usageLimit: 500,
    isPublic: true,
  },
];

/** Returns the products whose sale mode changed (their read model must be projected again). */
export async function seedDemoCommerce(db: Db, tenantId: string): Promise<string[] | undefined> {
  await ensureShippingMethods(db, tenantId);
  const [tenant] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  if (tenant && !tenant.settings.payments) {
    await db
      .update(tenants)
      .set({ settings: { ...tenant.settings, payments: DEMO_PAYMENTS } })
      .where(eq(tenants.id, tenantId));
  }
  const inserted = await db
    .insert(coupons)
    .values(DEMO_COUPONS.map((c) => ({ ...c, tenantId })))
    .onConflictDoNothing({ target: [coupons.tenantId, coupons.code] })
    .returning({ id: coupons.id });
  // The first time only (when the demo coupons were just added): one sold-out product taken as
  // backorder, one as pre-order. Later starts never touch sale modes again.
  if (inserted.length === 0) return;
  const [modes] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), sql`${products.saleMode} <> 'normal'`));
  if ((modes?.n ?? 0) === 0) {
    const soldOut = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.stock, 0), eq(products.kind, "physical")))
      .orderBy(products.slug)
      .limit(2);
    const [backorder, preorder] = soldOut;
    if (backorder) await db.update(products).set({ saleMode: "backorder" }).where(eq(products.id, backorder.id));
    if (preorder) await db.update(products).set({ saleMode: "preorder" }).where(eq(products.id, preorder.id));
    return soldOut.map((p) => p.id);
  }
}
