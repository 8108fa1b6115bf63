import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { requester, staffSession } from "../../../test/people.ts";
import { buildApp } from "../../server/app.ts";
import { auditEvents } from "../audit/schema.ts";
import { tenants } from "../tenants/schema.ts";
import { paymentSettingsRoutes } from "./settings-routes.ts";

const A = "odeme-a.test";
const B = "odeme-b.test";
// valid Turkish IBANs (ISO 13616 check digits)
const IBAN_1 = "TR330006100519786457841326";
const IBAN_2 = "TR320010009999901234567890";

describe("payment settings admin API", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let ownerA: string;
  let ownerB: string;
  let orderManagerA: string;
  const reqA = () => requester(t, A);
  const reqB = () => requester(t, B);
  const put = (body: unknown, cookie = ownerA) => reqA()("PUT", "/api/admin/payment-settings", cookie, body);
  const stored = async (tenantId: string) => (await t.kernel.db.select().from(tenants).where(eq(tenants.id, tenantId)))[0]?.settings;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false", RATE_LIMIT_MAX: "100000" });
    tenantA = (await createStore(t.kernel, "odeme-a", [A], 1)).tenant.id;
    tenantB = (await createStore(t.kernel, "odeme-b", [B], 1)).tenant.id;
    // start from stores without payment settings, whatever the test store helper sets
    await t.kernel.db
      .update(tenants)
      .set({ settings: { requireStaffTwoFactor: false } })
      .where(eq(tenants.id, tenantA));
    await t.kernel.db.update(tenants).set({ settings: {} }).where(eq(tenants.id, tenantB));
    t.kernel.tenants.invalidate();
    ownerA = (await staffSession(t, tenantA, A, "owner@odeme-a.test", "owner")).cookie;
    ownerB = (await staffSession(t, tenantB, B, "owner@odeme-b.test", "owner")).cookie;
    orderManagerA = (await staffSession(t, tenantA, A, "siparis@odeme-a.test", "order_manager")).cookie;
  });

  afterAll(() => t?.close());

  it("shows defaults before anything is saved, and needs settings:write", async () => {
    const res = await reqA()("GET", "/api/admin/payment-settings", ownerA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      bankTransfer: { enabled: false, accounts: [], expiryHours: 48 },
      cashOnDelivery: { enabled: false, fee: 0, maxTotal: null },
      storeCredit: { enabled: true, reviewOver: null },
      iyzico: { enabled: true, maxInstallments: 12, configured: false },
      paytr: { enabled: true, maxInstallments: 12, configured: false },
      stripe: { enabled: true, configured: false },
      reservationMinutes: 30,
      checkoutMethods: [],
    });
    expect((await reqA()("GET", "/api/admin/payment-settings", orderManagerA)).statusCode).toBe(403);
    expect((await reqA()("GET", "/api/admin/payment-settings")).statusCode).toBe(401);
  });

  it("refuses a wrong IBAN and other bad values field by field, saving nothing", async () => {
    const wrong = await put({
      bankTransfer: {
        enabled: true,
        accounts: [
          { bank: "Ziraat", holder: "Kervan A.Ş.", iban: "TR33 0006 1005 1978 6457 8413 27" },
          { bank: "", holder: "Kervan A.Ş.", iban: "DE89370400440532013000" },
        ],
        expiryHours: 0,
      },
      cashOnDelivery: { enabled: true, fee: -1, maxTotal: 0 },
      iyzico: { enabled: true, maxInstallments: 13 },
      reservationMinutes: 2,
    });
    expect(wrong.statusCode).toBe(400);
    const errors = Object.fromEntries((wrong.json().errors as { path: string; message: string }[]).map((e) => [e.path, e.message]));
    expect(errors).toMatchObject({
      "body.bankTransfer.accounts.0.iban": "not a valid Turkish IBAN: TR and 24 digits with a correct check number",
      "body.bankTransfer.accounts.1.iban": "not a valid Turkish IBAN: TR and 24 digits with a correct check number",
      "body.bankTransfer.accounts.1.bank": "give the bank's name",
      "body.bankTransfer.expiryHours": "at least 1 hour",
      "body.cashOnDelivery.fee": "fee cannot be negative",
      "body.cashOnDelivery.maxTotal": "the highest order total must be more than 0",
      "body.iyzico.maxInstallments": "at most 12 installments",
      "body.reservationMinutes": "at least 5 minutes",
    });
    const noAccount = await put({ bankTransfer: { enabled: true, accounts: [], expiryHours: 24 } });
    expect(noAccount.json().errors).toEqual([{ path: "body.bankTransfer.accounts", message: "add a bank account to offer bank transfer" }]);
    const twice = await put({
      bankTransfer: {
        enabled: true,
        accounts: [
          { bank: "Ziraat", holder: "A", iban: IBAN_1 },
          { bank: "Akbank", holder: "A", iban: IBAN_1.toLowerCase() },
        ],
        expiryHours: 24,
      },
    });
    expect(twice.json().errors).toEqual([{ path: "body.bankTransfer.accounts.1.iban", message: "this IBAN is listed twice" }]);
    expect((await put({})).statusCode).toBe(400);
    expect(await stored(tenantA)).toEqual({ requireStaffTwoFactor: false });
  });

  it("saves sections into tenants.settings.payments, keeps other settings, audits, and the resolver sees it", async () => {
    // the Host resolver has this store cached
    expect((await t.kernel.tenants.resolve(A))?.settings.payments).toBeUndefined();
    const res = await put({
      bankTransfer: {
        enabled: true,
        accounts: [
          { bank: "Ziraat Bankası", holder: "Kervan Ticaret A.Ş.", iban: "tr33 0006 1005 1978 6457 8413 26" },
          { bank: "Akbank", holder: "Kervan Ticaret A.Ş.", iban: IBAN_2 },
        ],
        expiryHours: 72,
      },
      cashOnDelivery: { enabled: true, fee: 2_990, maxTotal: 500_000 },
      storeCredit: { enabled: true, reviewOver: 1_000_000 },
      iyzico: { enabled: false, maxInstallments: 6 },
      reservationMinutes: 45,
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.bankTransfer.accounts[0]).toEqual({
      bank: "Ziraat Bankası",
      holder: "Kervan Ticaret A.Ş.",
      iban: IBAN_1,
      ibanFormatted: "TR33 0006 1005 1978 6457 8413 26",
    });
    expect(view).toMatchObject({
      bankTransfer: { enabled: true, expiryHours: 72 },
      cashOnDelivery: { enabled: true, fee: 2_990, maxTotal: 500_000 },
      iyzico: { enabled: false, maxInstallments: 6 },
      reservationMinutes: 45,
      checkoutMethods: ["bank_transfer", "cash_on_delivery"],
    });
    const settings = await stored(tenantA);
    expect(settings?.requireStaffTwoFactor).toBe(false);
    expect(settings?.payments?.bankTransfer?.accounts.map((a) => a.iban)).toEqual([IBAN_1, IBAN_2]);
    expect(settings?.payments?.reservationMinutes).toBe(45);
    // the resolver was cleared: checkout, which reads request.tenant, sees the change at once
    expect((await t.kernel.tenants.resolve(A))?.settings.payments?.cashOnDelivery).toEqual({
      enabled: true,
      fee: 2_990,
      maxTotal: 500_000,
    });

    // a section left out stays; a null limit is stored as no limit
    const second = await put({ cashOnDelivery: { enabled: true, fee: 0, maxTotal: null } });
    expect(second.json().cashOnDelivery).toEqual({ enabled: true, fee: 0, maxTotal: null });
    expect(second.json().bankTransfer.accounts).toHaveLength(2);
    expect((await stored(tenantA))?.payments?.cashOnDelivery).toEqual({ enabled: true, fee: 0 });

    const audit = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, "settings.update")))
      .orderBy(auditEvents.createdAt);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ targetType: "tenant", summary: "payments", actorEmail: "owner@odeme-a.test" });
    expect(Object.keys(audit[0]?.after ?? {}).sort()).toEqual([
      "bankTransfer",
      "cashOnDelivery",
      "iyzico",
      "reservationMinutes",
      "storeCredit",
    ]);
    expect(audit[1]).toMatchObject({
      before: { cashOnDelivery: { fee: 2_990, maxTotal: 500_000 } },
      after: { cashOnDelivery: { fee: 0 } },
    });
    // the same settings again change nothing and leave no audit row
    await put({ cashOnDelivery: { enabled: true, fee: 0, maxTotal: null } });
    expect(
      await t.kernel.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, tenantA), eq(auditEvents.type, "settings.update"))),
    ).toHaveLength(2);
  });

  it("keeps stores apart", async () => {
    const b = (await reqB()("GET", "/api/admin/payment-settings", ownerB)).json();
    expect(b.bankTransfer.accounts).toEqual([]);
    await reqB()("PUT", "/api/admin/payment-settings", ownerB, { reservationMinutes: 10 });
    expect((await stored(tenantA))?.payments?.reservationMinutes).toBe(45);
    expect((await stored(tenantB))?.payments).toEqual({ reservationMinutes: 10 });
    // B's owner on A's host is not A's staff
    expect((await reqA()("PUT", "/api/admin/payment-settings", ownerB, { reservationMinutes: 5 })).statusCode).toBe(403);
  });

  it("says which gateways the installation has configured and offers only those", async () => {
    const app = await buildApp(t.kernel, {
      register: async (root) => {
        await root.register(
          async (scope) => {
            await scope.register(paymentSettingsRoutes, {
              db: t.kernel.db,
              access: t.kernel.access,
              configuredGateways: new Set(["iyzico", "paytr"]),
            });
          },
          { prefix: "/configured" },
        );
      },
    });
    try {
      const res = await app.inject({ method: "GET", url: "/configured/api/admin/payment-settings", headers: { host: A, cookie: ownerA } });
      expect(res.statusCode).toBe(200);
      const view = res.json();
      expect(view.iyzico).toEqual({ enabled: false, maxInstallments: 6, configured: true });
      expect(view.paytr).toEqual({ enabled: true, maxInstallments: 12, configured: true });
      expect(view.stripe).toEqual({ enabled: true, configured: false });
      expect(view.checkoutMethods).toEqual(["paytr", "bank_transfer", "cash_on_delivery"]);
    } finally {
      await app.close();
    }
  });
});
