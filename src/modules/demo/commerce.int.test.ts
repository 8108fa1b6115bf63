import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { isValidIban, resolvePaymentSettings } from "../payments/settings.ts";
import { coupons } from "../promotions/schema.ts";
import { shippingMethods } from "../shipping/schema.ts";
import { tenants } from "../tenants/schema.ts";
import { createTenant } from "../tenants/service.ts";
import { DEMO_IBAN, seedDemoCommerce } from "./commerce.ts";

describe("demo commerce settings", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("adds shipping, payment methods and public coupons once", async () => {
    const { db } = database;
    const tenant = await createTenant(db, { slug: "demo-ticaret", name: "Demo", hosts: ["demo-ticaret.test"] });
    await seedDemoCommerce(db, tenant.id);
    await seedDemoCommerce(db, tenant.id);
    expect(await db.select().from(shippingMethods).where(eq(shippingMethods.tenantId, tenant.id))).toHaveLength(2);
    const codes = (await db.select().from(coupons).where(eq(coupons.tenantId, tenant.id))).map((c) => c.code).sort();
    expect(codes).toEqual(["HOSGELDIN", "KARGOBEDAVA", "SONBAHAR100"]);
    const [row] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
    const settings = resolvePaymentSettings(row?.settings.payments, new Set());
    expect(settings.bankTransfer.enabled).toBe(true);
    expect(settings.cashOnDelivery).toMatchObject({ enabled: true, fee: 3490 });
    expect(isValidIban(DEMO_IBAN)).toBe(true);
    expect(isValidIban("TR330006100519786457841327")).toBe(false);
  });
});
