import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { createCustomer, requester, signIn, staffSession } from "../../../test/people.ts";
import { mailMessages } from "../../platform/mail/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { TWO_FACTOR_REQUIRED } from "./access.ts";
import { sessions, staffInvitations, tenantStaff, users } from "./schema.ts";

const A = "a.test";
const B = "b.test";

describe("staff administration", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let owner: { userId: string; cookie: string };
  let admin: { userId: string; cookie: string };
  let support: { userId: string; cookie: string };
  const req = () => requester(t, A);

  async function lastInvitationLink(to: string): Promise<string> {
    const rows = await t.kernel.db.select().from(mailMessages).where(eq(mailMessages.template, "staff-invitation"));
    const mail = rows.filter((m) => m.to.includes(to)).sort((x, y) => +y.createdAt - +x.createdAt)[0];
    const link = /http:\/\/a\.test\/davet\?token=([\w-]+)/.exec(mail?.text ?? "");
    if (!link?.[1]) throw new Error(`no invitation mail to ${to}`);
    return link[1];
  }

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false" });
    tenantA = (await createStore(t.kernel, "a", [A], 1)).tenant.id;
    tenantB = (await createStore(t.kernel, "b", [B], 1)).tenant.id;
    owner = await staffSession(t, tenantA, A, "owner@a.test", "owner");
    admin = await staffSession(t, tenantA, A, "admin@a.test", "admin");
    support = await staffSession(t, tenantA, A, "support@a.test", "support");
  });

  afterAll(() => t?.close());

  it("lists members with role and 2FA state", async () => {
    expect((await req()("GET", "/api/admin/staff", support.cookie)).statusCode).toBe(403);
    const res = await req()("GET", "/api/admin/staff", admin.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ email: "owner@a.test", role: "owner", twoFactorEnabled: false }),
      expect.objectContaining({ email: "admin@a.test", role: "admin" }),
      expect.objectContaining({ email: "support@a.test", role: "support" }),
    ]);
    expect((await req()("PATCH", `/api/admin/staff/${admin.userId}`, support.cookie, { role: "support" })).statusCode).toBe(403);
  });

  it("invites by e-mail: hashed token, 7-day expiry, mailed link; accepting needs the invited address", async () => {
    const res = await req()("POST", "/api/admin/staff/invitations", admin.cookie, { email: "Yeni@Example.com", role: "catalog_manager" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      invitation: { email: "yeni@example.com", role: "catalog_manager", expired: false },
      mailStatus: "captured",
    });
    const token = await lastInvitationLink("yeni@example.com");
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await t.kernel.db.select().from(staffInvitations).where(eq(staffInvitations.email, "yeni@example.com"));
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const days = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const pending = (await req()("GET", "/api/admin/staff/invitations", owner.cookie)).json().items;
    expect(pending).toEqual([expect.objectContaining({ email: "yeni@example.com", invitedByEmail: "admin@a.test" })]);

    const accept = (cookie?: string, tok = token, host = A) =>
      requester(t, host)("POST", "/api/v1/staff-invitations/accept", cookie, { token: tok });
    expect((await accept()).statusCode).toBe(401);
    await createCustomer(t, tenantA, "baska@example.com", "Başka Kişi");
    const other = await signIn(t, A, "baska@example.com");
    const wrong = await accept(other);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().detail).toMatch(/yeni@example\.com/);

    const invited = await createCustomer(t, tenantA, "yeni@example.com", "Yeni Personel");
    const cookie = await signIn(t, A, "yeni@example.com");
    expect((await accept(cookie, token, B)).statusCode).toBe(404); // another store's host
    const ok = await accept(cookie);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ role: "catalog_manager", alreadyMember: false });
    const [member] = await t.kernel.db.select().from(tenantStaff).where(eq(tenantStaff.userId, invited.userId));
    expect(member).toMatchObject({ tenantId: tenantA, role: "catalog_manager" });
    expect((await accept(cookie)).statusCode).toBe(404); // used
    expect((await req()("GET", "/api/admin/products", cookie)).statusCode).toBe(200);
    expect((await req()("GET", "/api/admin/staff/invitations", admin.cookie)).json().items).toEqual([]);

    // already a member
    const again = await req()("POST", "/api/admin/staff/invitations", admin.cookie, { email: "yeni@example.com", role: "support" });
    expect(again.statusCode).toBe(409);
    expect((await req()("POST", "/api/admin/staff/invitations", admin.cookie, { email: "not-an-email", role: "support" })).statusCode).toBe(
      400,
    );
  });

  it("only owners invite owners; a withdrawn invitation stops working", async () => {
    const byAdmin = await req()("POST", "/api/admin/staff/invitations", admin.cookie, { email: "patron@example.com", role: "owner" });
    expect(byAdmin.statusCode).toBe(403);
    const byOwner = await req()("POST", "/api/admin/staff/invitations", owner.cookie, { email: "patron@example.com", role: "owner" });
    expect(byOwner.statusCode).toBe(201);
    const token = await lastInvitationLink("patron@example.com");
    const id = byOwner.json().invitation.id;
    expect((await req()("DELETE", `/api/admin/staff/invitations/${id}`, admin.cookie)).statusCode).toBe(403);
    expect((await req()("DELETE", `/api/admin/staff/invitations/${id}`, owner.cookie)).statusCode).toBe(200);
    expect((await req()("DELETE", `/api/admin/staff/invitations/${id}`, owner.cookie)).statusCode).toBe(404);
    await createCustomer(t, tenantA, "patron@example.com", "Patron");
    const cookie = await signIn(t, A, "patron@example.com");
    expect((await req()("POST", "/api/v1/staff-invitations/accept", cookie, { token })).statusCode).toBe(404);
    const types = (await t.kernel.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.targetId, id))).map(
      (r) => r.type,
    );
    expect(types.sort()).toEqual(["staff.invitation_revoke", "staff.invite"]);
  });

  it("changes roles under the owner rules and signs the member out", async () => {
    const patch = (cookie: string, userId: string, role: string) => req()("PATCH", `/api/admin/staff/${userId}`, cookie, { role });
    // nobody changes their own role
    const self = await patch(admin.cookie, admin.userId, "owner");
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/your own role/);
    // admins cannot touch owners or make owners
    expect((await patch(admin.cookie, owner.userId, "support")).statusCode).toBe(403);
    expect((await patch(admin.cookie, support.userId, "owner")).statusCode).toBe(403);
    // an owner demotes another owner while two exist; the demoted one (now admin) cannot strike back
    const second = await staffSession(t, tenantA, A, "owner2@a.test", "owner");
    expect((await patch(owner.cookie, second.userId, "admin")).statusCode).toBe(200);
    const back = await signIn(t, A, "owner2@a.test"); // the change signed them out
    expect((await patch(back, owner.userId, "admin")).statusCode).toBe(403);

    // an admin changes a support member: the member's sessions end
    const supportCookie = support.cookie;
    expect((await req()("GET", "/api/admin/customers", supportCookie)).statusCode).toBe(200);
    const res = await patch(admin.cookie, support.userId, "order_manager");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: "support@a.test", role: "order_manager" });
    expect(await t.kernel.db.select().from(sessions).where(eq(sessions.userId, support.userId))).toHaveLength(0);
    expect((await req()("GET", "/api/admin/customers", supportCookie)).statusCode).toBe(401);
    const changes = await t.kernel.db.select().from(auditEvents).where(eq(auditEvents.targetId, support.userId));
    expect(changes.find((e) => e.type === "staff.role_change")).toMatchObject({
      actorEmail: "admin@a.test",
      before: { role: "support" },
      after: { role: "order_manager" },
    });
    support = { ...support, cookie: await signIn(t, A, "support@a.test") };
  });

  it("refuses to demote or remove the last owner", async () => {
    // make a fresh store with a single owner, plus a platform administrator acting as owner
    const solo = await staffSession(t, tenantB, B, "solo@b.test", "owner");
    const reqB = requester(t, B);
    const root = await staffSession(t, tenantB, B, "root@b.test", "support");
    await t.kernel.db.update(users).set({ role: "admin" }).where(eq(users.id, root.userId));
    await t.kernel.db.delete(tenantStaff).where(eq(tenantStaff.userId, root.userId)); // platform admin: owner everywhere
    const demote = await reqB("PATCH", `/api/admin/staff/${solo.userId}`, root.cookie, { role: "admin" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/last owner/);
    const remove = await reqB("DELETE", `/api/admin/staff/${solo.userId}`, root.cookie);
    expect(remove.statusCode).toBe(409);
    expect(await t.kernel.db.select().from(tenantStaff).where(eq(tenantStaff.userId, solo.userId))).toEqual([
      expect.objectContaining({ role: "owner" }),
    ]);
  });

  it("removes a member (signed out, audited); admins cannot remove owners or themselves", async () => {
    expect((await req()("DELETE", `/api/admin/staff/${owner.userId}`, admin.cookie)).statusCode).toBe(403);
    expect((await req()("DELETE", `/api/admin/staff/${admin.userId}`, admin.cookie)).statusCode).toBe(403);
    const res = await req()("DELETE", `/api/admin/staff/${support.userId}`, admin.cookie);
    expect(res.statusCode).toBe(200);
    expect((await req()("GET", "/api/admin/customers", support.cookie)).statusCode).toBe(401);
    const cookie = await signIn(t, A, "support@a.test");
    expect((await req()("GET", "/api/admin/customers", cookie)).statusCode).toBe(403);
    expect((await req()("DELETE", `/api/admin/staff/${support.userId}`, admin.cookie)).statusCode).toBe(404);
    const [event] = await t.kernel.db.select().from(auditEvents).where(eq(auditEvents.type, "staff.remove"));
    expect(event).toMatchObject({ targetId: support.userId, before: { role: "order_manager", email: "support@a.test" } });
  });

  it("requires staff 2FA when the store says so (cache invalidated at once); needs the owner's own 2FA first", async () => {
    expect((await req()("GET", "/api/admin/settings", owner.cookie)).json()).toEqual({ requireStaffTwoFactor: false });
    expect((await req()("GET", "/api/admin/settings", support.cookie)).statusCode).toBe(401); // signed out above
    const refused = await req()("PATCH", "/api/admin/settings", owner.cookie, { requireStaffTwoFactor: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/your own account/);

    await t.kernel.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, owner.userId));
    const ownerCookie = owner.cookie; // the session sees the user's 2FA state as it is now
    const ok = await req()("PATCH", "/api/admin/settings", ownerCookie, { requireStaffTwoFactor: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ requireStaffTwoFactor: true });
    const denied = await req()("GET", "/api/admin/customers", admin.cookie);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().type).toBe(TWO_FACTOR_REQUIRED);
    expect((await req()("GET", "/api/admin/customers", ownerCookie)).statusCode).toBe(200);
    const [event] = await t.kernel.db.select().from(auditEvents).where(eq(auditEvents.type, "settings.update"));
    expect(event).toMatchObject({
      before: { requireStaffTwoFactor: false },
      after: { requireStaffTwoFactor: true },
      actorEmail: "owner@a.test",
    });

    expect((await req()("PATCH", "/api/admin/settings", ownerCookie, { requireStaffTwoFactor: false })).statusCode).toBe(200);
    expect((await req()("GET", "/api/admin/customers", admin.cookie)).statusCode).toBe(200);
    expect((await req()("PATCH", "/api/admin/settings", ownerCookie, {})).statusCode).toBe(400);
  });

  it("queries the audit log by type (exact or prefix), actor, time range, with pages", async () => {
    const get = async (qs: string) => {
      const res = await req()("GET", `/api/admin/audit${qs}`, owner.cookie);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        items: { type: string; actorEmail: string | null; actorId: string | null; createdAt: string }[];
        total: number;
      };
    };
    const all = await get("?perPage=200");
    expect(all.total).toBeGreaterThan(10);
    const times = all.items.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const exact = await get("?type=staff.remove");
    expect(exact.items.map((e) => e.type)).toEqual(["staff.remove"]);
    for (const prefix of ["staff.", "staff.*"]) {
      const r = await get(`?type=${prefix}&perPage=200`);
      expect(r.total).toBeGreaterThanOrEqual(5);
      expect(r.items.every((e) => e.type.startsWith("staff."))).toBe(true);
    }
    const signIns = await get("?type=auth.&perPage=200");
    expect(signIns.items.some((e) => e.type === "auth.sign_in")).toBe(true);
    expect(signIns.items.every((e) => e.type.startsWith("auth."))).toBe(true);
    // "_" is not a wildcard
    expect((await get("?type=staff_*")).total).toBe(0);

    const byEmail = await get("?actor=ADMIN%40a.test&perPage=200");
    expect(byEmail.total).toBeGreaterThan(0);
    expect(byEmail.items.every((e) => e.actorEmail === "admin@a.test")).toBe(true);
    const byId = await get(`?actor=${admin.userId}&perPage=200`);
    expect(byId.items.every((e) => e.actorId === admin.userId)).toBe(true);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(`?from=${encodeURIComponent(future)}`)).total).toBe(0);
    expect((await get(`?to=${encodeURIComponent(future)}`)).total).toBe(all.total);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await get(`?to=${encodeURIComponent(past)}`)).total).toBe(0);

    const page = await get("?perPage=3&page=2");
    expect(page.items).toHaveLength(3);
    expect(page.items.map((e) => e.createdAt)).toEqual(all.items.slice(3, 6).map((e) => e.createdAt));

    for (const bad of ["?type=DROP%20TABLE", "?from=yesterday", `?from=${encodeURIComponent(future)}&to=${encodeURIComponent(past)}`]) {
      const res = await req()("GET", `/api/admin/audit${bad}`, owner.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
    }
  });
});
