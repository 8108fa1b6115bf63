import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createCustomer, PASSWORD, requester, signIn, staffSession } from "../../../test/people.ts";
import { sessions, tenantStaff, userConsents, users } from "../accounts/schema.ts";
import type { ActorContext } from "../accounts/staff.ts";
import { auditEvents } from "../audit/schema.ts";
import { adjustStoreCredit, deleteCustomer, getCustomer, updateCustomer } from "./admin.ts";
import { customers, storeCreditEntries } from "./schema.ts";

const A = "a.test";
const B = "b.test";

describe("customer administration", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let ownerA: { userId: string; cookie: string };
  let adminB: { userId: string; cookie: string };
  let ayse: { userId: string; customerId: string };
  let mehmet: { userId: string; customerId: string };
  let odd: { userId: string; customerId: string };
  let onlyB: { userId: string; customerId: string };
  const reqA = () => requester(t, A);
  const reqB = () => requester(t, B);

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false" });
    tenantA = (await createStore(t.kernel, "a", [A], 1)).tenant.id;
    tenantB = (await createStore(t.kernel, "b", [B], 1)).tenant.id;
    ownerA = await staffSession(t, tenantA, A, "owner@a.test", "owner");
    adminB = await staffSession(t, tenantB, B, "admin@b.test", "admin");
    ayse = await createCustomer(t, tenantA, "ayse@example.com", "Ayşe Yılmaz");
    mehmet = await createCustomer(t, tenantA, "mehmet@example.com", "Mehmet Demir");
    odd = await createCustomer(t, tenantA, "yuzde@example.com", "Yüzde 100%_ Müşteri");
    onlyB = await createCustomer(t, tenantB, "bmusteri@example.com", "B Müşterisi");
    await t.kernel.db.insert(userConsents).values({
      userId: ayse.userId,
      tenantId: tenantA,
      purpose: "marketing_email",
      granted: true,
      textVersion: "v1",
    });
  });

  afterAll(() => t?.close());

  it("lists the store's customers newest first, with search, filters and pagination", async () => {
    const all = await reqA()("GET", "/api/admin/customers", ownerA.cookie);
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBe(3);
    expect(body.items.map((c: { email: string }) => c.email)).toEqual(["yuzde@example.com", "mehmet@example.com", "ayse@example.com"]);
    expect(body.items[2]).toMatchObject({ name: "Ayşe Yılmaz", tier: "standard", storeCredit: 0, disabled: false });

    const byName = await reqA()("GET", `/api/admin/customers?q=${encodeURIComponent("yılmaz")}`, ownerA.cookie);
    expect(byName.json().items.map((c: { email: string }) => c.email)).toEqual(["ayse@example.com"]);
    const byEmail = await reqA()("GET", "/api/admin/customers?q=MEHMET%40", ownerA.cookie);
    expect(byEmail.json().items.map((c: { email: string }) => c.email)).toEqual(["mehmet@example.com"]);
    // LIKE wildcards are taken literally
    const percent = await reqA()("GET", `/api/admin/customers?q=${encodeURIComponent("%_")}`, ownerA.cookie);
    expect(percent.json().items.map((c: { email: string }) => c.email)).toEqual(["yuzde@example.com"]);
    const underscore = await reqA()("GET", "/api/admin/customers?q=_", ownerA.cookie);
    expect(underscore.json().total).toBe(1);

    const page2 = await reqA()("GET", "/api/admin/customers?perPage=2&page=2", ownerA.cookie);
    expect(page2.json()).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(page2.json().items.map((c: { email: string }) => c.email)).toEqual(["ayse@example.com"]);

    expect((await reqA()("GET", "/api/admin/customers?tier=gold", ownerA.cookie)).statusCode).toBe(400);
    expect((await reqA()("GET", "/api/admin/customers?perPage=1000", ownerA.cookie)).statusCode).toBe(400);
  });

  it("sets the tier and records the change with a before/after diff", async () => {
    const res = await reqA()("PATCH", `/api/admin/customers/${mehmet.customerId}`, ownerA.cookie, { tier: "premium" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: mehmet.customerId, tier: "premium" });
    const premium = await reqA()("GET", "/api/admin/customers?tier=premium", ownerA.cookie);
    expect(premium.json().items.map((c: { id: string }) => c.id)).toEqual([mehmet.customerId]);
    const [event] = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "customer.tier_change"), eq(auditEvents.targetId, mehmet.customerId)));
    expect(event).toMatchObject({
      tenantId: tenantA,
      actorKind: "user",
      actorId: ownerA.userId,
      actorEmail: "owner@a.test",
      targetType: "customer",
      before: { tier: "standard" },
      after: { tier: "premium" },
    });
    expect(event?.ip).toBeTruthy();
    const empty = await reqA()("PATCH", `/api/admin/customers/${mehmet.customerId}`, ownerA.cookie, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.headers["content-type"]).toMatch(/problem\+json/);
  });

  it("disables a customer with a reason: sessions end and sign-in is refused; enabling lets them back", async () => {
    const customerCookie = await signIn(t, A, "ayse@example.com");
    const session = () => reqA()("GET", "/api/auth/get-session", customerCookie);
    expect((await session()).json()).toMatchObject({ user: { email: "ayse@example.com" } });

    const noReason = await reqA()("PATCH", `/api/admin/customers/${ayse.customerId}`, ownerA.cookie, { disabled: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toMatch(/reason/);

    const res = await reqA()("PATCH", `/api/admin/customers/${ayse.customerId}`, ownerA.cookie, {
      disabled: true,
      reason: "Sahte siparişler",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, disabledReason: "Sahte siparişler" });
    expect(await t.kernel.db.select().from(sessions).where(eq(sessions.userId, ayse.userId))).toHaveLength(0);
    expect((await session()).json()).toBeNull();
    await expect(signIn(t, A, "ayse@example.com")).rejects.toThrow(/403/);
    const disabledList = await reqA()("GET", "/api/admin/customers?status=disabled", ownerA.cookie);
    expect(disabledList.json().items.map((c: { id: string }) => c.id)).toEqual([ayse.customerId]);

    const enable = await reqA()("PATCH", `/api/admin/customers/${ayse.customerId}`, ownerA.cookie, { disabled: false });
    expect(enable.json()).toMatchObject({ disabled: false, disabledReason: null });
    expect(await signIn(t, A, "ayse@example.com", PASSWORD)).toContain("session_token");
    const types = (
      await t.kernel.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.targetId, ayse.customerId))
    ).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(["customer.disable", "customer.enable"]));
  });

  it("adjusts store credit with a ledger; the balance never goes below zero", async () => {
    const credit = (amount: unknown, reason: unknown = "İade telafisi") =>
      reqA()("POST", `/api/admin/customers/${ayse.customerId}/credit`, ownerA.cookie, { amount, reason });
    const add = await credit(5000);
    expect(add.statusCode).toBe(200);
    expect(add.json()).toMatchObject({
      balance: 5000,
      entry: { amount: 5000, balanceAfter: 5000, reason: "İade telafisi", actorEmail: "owner@a.test" },
    });

    const tooMuch = await credit(-6000, "Düzeltme");
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.headers["content-type"]).toMatch(/problem\+json/);
    expect(tooMuch.json().detail).toMatch(/50\.00.*60\.00.*negative/);

    const take = await credit(-2000, "Düzeltme");
    expect(take.json()).toMatchObject({ balance: 3000, entry: { amount: -2000, balanceAfter: 3000 } });
    for (const bad of [0, 12.5, "100", 2_000_000_000]) expect((await credit(bad)).statusCode).toBe(400);
    expect((await credit(100, "")).statusCode).toBe(400);
    expect((await credit(100, "  ")).statusCode).toBe(400);

    const detail = (await reqA()("GET", `/api/admin/customers/${ayse.customerId}`, ownerA.cookie)).json();
    expect(detail.storeCredit).toBe(3000);
    expect(detail.ledger.map((e: { amount: number }) => e.amount)).toEqual([-2000, 5000]);
    expect(detail.consents).toEqual([expect.objectContaining({ purpose: "marketing_email", granted: true, textVersion: "v1" })]);
    expect(detail.activity.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(["customer.credit_adjust", "customer.disable", "customer.enable"]),
    );
    const credits = detail.activity.filter((e: { type: string }) => e.type === "customer.credit_adjust");
    expect(credits[0]).toMatchObject({ before: { storeCredit: 5000 }, after: { storeCredit: 3000 } });
  });

  it("keeps balance and ledger consistent under 20 concurrent adjustments", async () => {
    const { customerId } = await createCustomer(t, tenantA, "yaris@example.com", "Yarış Durumu");
    const ctx: ActorContext = {
      db: t.kernel.db,
      tenantId: tenantA,
      actor: { kind: "user", id: ownerA.userId, email: "owner@a.test" },
      role: "owner",
      revokeSessions: async () => {},
    };
    const amounts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1000 : -1500));
    const results = await Promise.allSettled(
      amounts.map((amount, i) => adjustStoreCredit(ctx, customerId, { amount, reason: `yarış ${i}` })),
    );
    for (const r of results) {
      if (r.status === "rejected") expect(String(r.reason)).toMatch(/negative/);
    }
    const ledger = await t.kernel.db.select().from(storeCreditEntries).where(eq(storeCreditEntries.customerId, customerId));
    const [row] = await t.kernel.db.select({ balance: customers.storeCredit }).from(customers).where(eq(customers.id, customerId));
    const sum = ledger.reduce((s, e) => s + e.amount, 0);
    expect(ledger).toHaveLength(results.filter((r) => r.status === "fulfilled").length);
    expect(row?.balance).toBe(sum);
    expect(row?.balance).toBeGreaterThanOrEqual(0);
    expect(ledger.filter((e) => e.amount > 0)).toHaveLength(10);
    // the rows chain into one history from 0 to the final balance: every row starts where another
    // row (or the opening 0) ended, and no balance along the way is negative
    const starts = ledger.map((e) => e.balanceAfter - e.amount).sort((x, y) => x - y);
    const ends = [0, ...ledger.map((e) => e.balanceAfter)];
    ends.splice(ends.indexOf(row?.balance ?? -1), 1);
    expect(starts).toEqual(ends.sort((x, y) => x - y));
    for (const e of ledger) expect(e.balanceAfter).toBeGreaterThanOrEqual(0);
  });

  it("answers 404 (not a database error) for an id that is not a uuid, as the admin pages may pass one", async () => {
    const ctx: ActorContext = {
      db: t.kernel.db,
      tenantId: tenantA,
      actor: { kind: "user", id: ownerA.userId, email: "owner@a.test" },
      role: "owner",
      revokeSessions: async () => {},
    };
    const notFound = { statusCode: 404, code: "not-found" };
    for (const id of ["abc", `${ayse.customerId}x`, ""]) {
      expect(await getCustomer(t.kernel.db, tenantA, id)).toBeNull();
      await expect(updateCustomer(ctx, id, { tier: "premium" })).rejects.toMatchObject(notFound);
      await expect(updateCustomer(ctx, id, { disabled: true, reason: "deneme" })).rejects.toMatchObject(notFound);
      await expect(adjustStoreCredit(ctx, id, { amount: 100, reason: "deneme" })).rejects.toMatchObject(notFound);
      await expect(deleteCustomer(ctx, id)).rejects.toMatchObject(notFound);
    }
  });

  it("deletes a customer; the person's account goes only when nothing else holds it", async () => {
    // a customer of A only: user deleted too
    const res = await reqA()("DELETE", `/api/admin/customers/${mehmet.customerId}`, ownerA.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: true, userDeleted: true });
    expect(await t.kernel.db.select().from(users).where(eq(users.id, mehmet.userId))).toHaveLength(0);
    expect((await reqA()("GET", `/api/admin/customers/${mehmet.customerId}`, ownerA.cookie)).statusCode).toBe(404);
    expect((await reqA()("DELETE", `/api/admin/customers/${mehmet.customerId}`, ownerA.cookie)).statusCode).toBe(404);

    // a customer of A and B: A's record goes, the user and B's record stay
    const both = await createCustomer(t, tenantA, "iki@example.com", "İki Mağaza");
    await t.kernel.db.insert(customers).values({ tenantId: tenantB, userId: both.userId });
    expect((await reqA()("DELETE", `/api/admin/customers/${both.customerId}`, ownerA.cookie)).json()).toEqual({
      deleted: true,
      userDeleted: false,
    });
    expect(await t.kernel.db.select().from(users).where(eq(users.id, both.userId))).toHaveLength(1);
    expect(await t.kernel.db.select().from(customers).where(eq(customers.userId, both.userId))).toHaveLength(1);

    // a customer who is also staff somewhere: the user stays
    const staffer = await createCustomer(t, tenantA, "personel@example.com", "Personel Müşteri");
    await t.kernel.db.insert(tenantStaff).values({ tenantId: tenantB, userId: staffer.userId, role: "support" });
    expect((await reqA()("DELETE", `/api/admin/customers/${staffer.customerId}`, ownerA.cookie)).json()).toEqual({
      deleted: true,
      userDeleted: false,
    });
    const [event] = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "customer.delete"), eq(auditEvents.targetId, mehmet.customerId)));
    expect(event).toMatchObject({
      summary: "mehmet@example.com",
      before: { email: "mehmet@example.com", tier: "premium" },
      after: { userDeleted: true },
    });
  });

  it("keeps tenant A's customers and audit events invisible to tenant B's staff", async () => {
    const list = (await reqB()("GET", "/api/admin/customers", adminB.cookie)).json();
    const listed = list.items.map((c: { id: string }) => c.id);
    expect(listed).toContain(onlyB.customerId);
    for (const id of [ayse.customerId, odd.customerId]) expect(listed).not.toContain(id);
    expect(list.items.every((c: { email: string }) => ["bmusteri@example.com", "iki@example.com"].includes(c.email))).toBe(true);
    expect((await reqB()("GET", "/api/admin/customers?q=ayse", adminB.cookie)).json().total).toBe(0);
    const id = ayse.customerId;
    expect((await reqB()("GET", `/api/admin/customers/${id}`, adminB.cookie)).statusCode).toBe(404);
    expect((await reqB()("PATCH", `/api/admin/customers/${id}`, adminB.cookie, { tier: "premium" })).statusCode).toBe(404);
    expect((await reqB()("PATCH", `/api/admin/customers/${id}`, adminB.cookie, { disabled: true, reason: "x" })).statusCode).toBe(404);
    expect((await reqB()("POST", `/api/admin/customers/${id}/credit`, adminB.cookie, { amount: 100, reason: "deneme" })).statusCode).toBe(
      404,
    );
    expect((await reqB()("POST", `/api/admin/customers/${id}/credit`, adminB.cookie, { amount: -100, reason: "deneme" })).statusCode).toBe(
      404,
    );
    expect((await reqB()("DELETE", `/api/admin/customers/${id}`, adminB.cookie)).statusCode).toBe(404);
    const [still] = await t.kernel.db.select().from(customers).where(eq(customers.id, id));
    expect(still).toMatchObject({ tenantId: tenantA, tier: "standard", storeCredit: 3000, disabledAt: null });

    // A's staff cookie is refused on B's host
    expect((await reqB()("GET", "/api/admin/customers", ownerA.cookie)).statusCode).toBe(403);

    const auditA = (await reqA()("GET", "/api/admin/audit?perPage=200", ownerA.cookie)).json();
    const auditB = (await reqB()("GET", "/api/admin/audit?perPage=200", adminB.cookie)).json();
    expect(auditA.total).toBeGreaterThan(5);
    const idsA = new Set(auditA.items.map((e: { id: string }) => e.id));
    expect(auditB.items.some((e: { id: string }) => idsA.has(e.id))).toBe(false);
    expect(auditB.items.some((e: { targetId: string | null }) => e.targetId === id)).toBe(false);
    expect((await reqB()("GET", `/api/admin/audit?actor=owner%40a.test`, adminB.cookie)).json().total).toBe(0);
  });
});
