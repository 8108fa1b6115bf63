import { eq } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { type Tenant, tenants } from "../tenants/schema.ts";
import { createAccess, TWO_FACTOR_REQUIRED } from "./access.ts";
import { type Auth, createAuth } from "./auth.ts";
import { authRoutes } from "./routes.ts";
import { accounts, sessions, tenantStaff, users } from "./schema.ts";
import { createStaffUser, getSessionUser, isTenantStaff } from "./service.ts";

const BASE_URL = "http://shop.test";
const SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const STAFF = { email: "Ayse@Example.com", password: "çok-gizli-parola-1", name: "Ayşe Yılmaz" };

function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

function sessionCookie(setCookie: string | string[] | undefined): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.find((c) => c.startsWith("kervan.session_token="));
}

describe("accounts: better-auth on Fastify with tenant staff and permission guards", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let auth: Auth;
  let app: FastifyInstance;
  let tenantA: string;
  let tenantB: string;
  /** A store that requires two-factor authentication for staff. */
  let tenantStrict: string;
  let staffUserId: string;

  async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
    return app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "application/json", origin: BASE_URL, ...headers },
      payload: { email, password },
    });
  }

  const whoami = (tenant: string, cookie?: string) =>
    app.inject({ method: "GET", url: "/api/admin/whoami", headers: { "x-tenant": tenant, ...(cookie ? { cookie } : {}) } });
  const manage = (tenant: string, cookie: string) =>
    app.inject({ method: "GET", url: "/api/admin/manage-staff", headers: { "x-tenant": tenant, cookie } });

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    auth = createAuth({ db, secret: SECRET, baseUrl: BASE_URL, rateLimit: false });
    const [a] = await db.insert(tenants).values({ slug: "a", name: "Mağaza A" }).returning();
    const [b] = await db.insert(tenants).values({ slug: "b", name: "Mağaza B" }).returning();
    const [strict] = await db
      .insert(tenants)
      .values({ slug: "s", name: "Sıkı Mağaza", settings: { requireStaffTwoFactor: true } })
      .returning();
    if (!a || !b || !strict) throw new Error("tenants not created");
    tenantA = a.id;
    tenantB = b.id;
    tenantStrict = strict.id;
    const byId = new Map<string, Tenant>([a, b, strict].map((t) => [t.id, t]));

    app = Fastify();
    await app.register(authRoutes, { auth });
    // The tenant comes from a header here; the real app resolves it from the Host.
    app.decorateRequest("tenant", null as never);
    app.addHook("onRequest", async (request) => {
      const id = String(request.headers["x-tenant"] ?? "");
      request.tenant = byId.get(id) ?? ({ id, settings: {} } as Tenant);
    });
    const access = createAccess({ auth, db, requiresStaffTwoFactor: (request) => request.tenant.settings.requireStaffTwoFactor === true });
    app.get("/api/admin/whoami", { preHandler: access.require("catalog:read") }, async (request) => ({
      user: request.user,
      staff: request.staff,
      permissions: [...(request.principal?.permissions ?? [])].sort(),
    }));
    app.get("/api/admin/manage-staff", { preHandler: access.require("staff:manage") }, async () => ({ ok: true }));
    await app.ready();

    const created = await createStaffUser({ auth, db, tenantId: tenantA, ...STAFF, role: "catalog_manager" });
    expect(created.created).toBe(true);
    staffUserId = created.userId;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("stores users with uuid ids, a hashed password and the admin plugin's role", async () => {
    const [user] = await database.db.select().from(users).where(eq(users.id, staffUserId));
    expect(user?.email).toBe("ayse@example.com");
    expect(user?.role).toBe("user");
    expect(user?.emailVerified).toBe(true);
    expect(staffUserId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [account] = await database.db.select().from(accounts).where(eq(accounts.userId, staffUserId));
    expect(account?.providerId).toBe("credential");
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain(STAFF.password);
    expect(await isTenantStaff(database.db, tenantA, staffUserId)).toBe("catalog_manager");
    expect(await isTenantStaff(database.db, tenantB, staffUserId)).toBeNull();
    expect(await isTenantStaff(database.db, "not-a-uuid", staffUserId)).toBeNull();
  });

  it("createStaffUser is idempotent and never changes an existing password", async () => {
    const again = await createStaffUser({
      auth,
      db: database.db,
      tenantId: tenantA,
      ...STAFF,
      email: "ayse@example.com",
      password: "a-different-password",
      role: "catalog_manager",
    });
    expect(again).toEqual({ userId: staffUserId, created: false, role: "catalog_manager" });
    expect(await database.db.select().from(users).where(eq(users.email, "ayse@example.com"))).toHaveLength(1);
    expect(await database.db.select().from(tenantStaff).where(eq(tenantStaff.userId, staffUserId))).toHaveLength(1);
    expect((await signIn(STAFF.email, "a-different-password")).statusCode).toBe(401);
  });

  it("rejects a too short password for a new staff user", async () => {
    await expect(
      createStaffUser({
        auth,
        db: database.db,
        tenantId: tenantA,
        email: "short@example.com",
        password: "kisa",
        name: "K",
        role: "support",
      }),
    ).rejects.toThrow(/at least 10/);
  });

  it("signs in with email and password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await signIn(STAFF.email, STAFF.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: staffUserId, email: "ayse@example.com" } });
    const cookie = sessionCookie(response.headers["set-cookie"]);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // http base URL
  });

  it("answers a wrong password with 401 from better-auth", async () => {
    const response = await signIn(STAFF.email, "yanlis-parola-123");
    expect(response.statusCode).toBe(401);
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect((await signIn("nobody@example.com", "yanlis-parola-123")).statusCode).toBe(401);
  });

  it("guards admin routes: 401 without a session, 200 with the permission, 403 without it or in another store", async () => {
    const anonymous = await whoami(tenantA);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(anonymous.json()).toMatchObject({ status: 401, title: "Unauthorized", type: expect.any(String), detail: expect.any(String) });

    const cookie = cookieHeader((await signIn(STAFF.email, STAFF.password)).headers["set-cookie"]);
    const staff = await whoami(tenantA, cookie);
    expect(staff.statusCode).toBe(200);
    expect(staff.json()).toEqual({
      user: { id: staffUserId, name: STAFF.name, email: "ayse@example.com", role: "user", twoFactorEnabled: false, emailVerified: true },
      staff: { tenantId: tenantA, role: "catalog_manager" },
      permissions: ["catalog:read", "catalog:write", "dashboard:read"],
    });

    const other = await whoami(tenantB, cookie);
    expect(other.statusCode).toBe(403);
    expect(other.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(other.json()).toMatchObject({ status: 403, title: "Forbidden" });

    expect((await whoami("nope", cookie)).statusCode).toBe(403);

    // a role without the permission
    const notAllowed = await manage(tenantA, cookie);
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().detail).toMatch(/staff:manage/);

    // a session cookie that is not valid counts as no credentials
    expect((await whoami(tenantA, "kervan.session_token=forged.value")).statusCode).toBe(401);
  });

  it("gives a verified, signed-in customer a session but no staff access (403)", async () => {
    const signUp = await app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { "content-type": "application/json", origin: BASE_URL },
      payload: { email: "musteri@example.com", password: "musteri-parolasi-1", name: "Müşteri", acceptTerms: true },
    });
    expect(signUp.statusCode).toBe(200);
    // no session before the e-mail address is verified
    expect(sessionCookie(signUp.headers["set-cookie"])).toBeUndefined();
    const unverified = await signIn("musteri@example.com", "musteri-parolasi-1");
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });

    await database.db.update(users).set({ emailVerified: true }).where(eq(users.email, "musteri@example.com"));
    const cookie = cookieHeader((await signIn("musteri@example.com", "musteri-parolasi-1")).headers["set-cookie"]);
    expect(cookie).toContain("kervan.session_token=");
    const user = await getSessionUser(auth, new Headers({ cookie }));
    expect(user).toMatchObject({ email: "musteri@example.com", role: "user" });

    const guarded = await whoami(tenantA, cookie);
    expect(guarded.statusCode).toBe(403);
    expect(guarded.json().detail).toMatch(/administration/);
  });

  it("refuses a sign-up without accepting the terms, or with a common password", async () => {
    const signUp = (payload: Record<string, unknown>) =>
      app.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: { "content-type": "application/json", origin: BASE_URL },
        payload: { email: "yeni@example.com", name: "Yeni", ...payload },
      });
    const noTerms = await signUp({ password: "musteri-parolasi-2" });
    expect(noTerms.statusCode).toBe(400);
    expect(noTerms.json()).toMatchObject({ code: "TERMS_NOT_ACCEPTED" });
    const common = await signUp({ password: "galatasaray1905", acceptTerms: true });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect(await database.db.select().from(users).where(eq(users.email, "yeni@example.com"))).toHaveLength(0);
  });

  it("rejects a sign-up with a password shorter than 10 characters", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { "content-type": "application/json", origin: BASE_URL },
      payload: { email: "kisa@example.com", password: "123456789", name: "Kısa", acceptTerms: true },
    });
    expect(response.statusCode).toBe(400);
  });

  it("signs out: the session row is deleted and the guarded route answers 401", async () => {
    const cookie = cookieHeader((await signIn(STAFF.email, STAFF.password)).headers["set-cookie"]);
    expect((await whoami(tenantA, cookie)).statusCode).toBe(200);
    const token = decodeURIComponent(cookie.split("kervan.session_token=")[1]?.split(";")[0] ?? "").split(".")[0] ?? "";
    expect(await database.db.select().from(sessions).where(eq(sessions.token, token))).toHaveLength(1);

    const signOut = await app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie, origin: BASE_URL } });
    expect(signOut.statusCode).toBe(200);
    expect(sessionCookie(signOut.headers["set-cookie"])).toMatch(/Max-Age=0/);
    expect(await database.db.select().from(sessions).where(eq(sessions.token, token))).toHaveLength(0);

    // Even a client that keeps the old cookie is out.
    expect((await whoami(tenantA, cookie)).statusCode).toBe(401);
    expect(await getSessionUser(auth, new Headers({ cookie }))).toBeNull();
  });

  it("refuses cookie-carrying POSTs from an untrusted origin (CSRF)", async () => {
    const cookie = cookieHeader((await signIn(STAFF.email, STAFF.password)).headers["set-cookie"]);
    const forged = await app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie, origin: "https://evil.example" } });
    expect(forged.statusCode).toBe(403);
    const noOrigin = await app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie } });
    expect(noOrigin.statusCode).toBe(403);
    // still signed in
    expect((await whoami(tenantA, cookie)).statusCode).toBe(200);
  });

  it("accepts a form-encoded sign-in (raw body passed through)", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE_URL },
      payload: new URLSearchParams({ email: STAFF.email, password: STAFF.password }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response.headers["set-cookie"])).toBeDefined();
  });

  it("platform admins (global role 'admin') act as owner in every store", async () => {
    const admin = await createStaffUser({
      auth,
      db: database.db,
      tenantId: tenantA,
      email: "root@example.com",
      password: "platform-yonetici-1",
      name: "Root",
      role: "support",
      platformAdmin: true,
    });
    const [row] = await database.db.select({ role: users.role }).from(users).where(eq(users.id, admin.userId));
    expect(row?.role).toBe("admin");
    const cookie = cookieHeader((await signIn("root@example.com", "platform-yonetici-1")).headers["set-cookie"]);
    // a membership of their own wins in that store
    expect((await whoami(tenantA, cookie)).json().staff).toEqual({ tenantId: tenantA, role: "support" });
    expect((await manage(tenantA, cookie)).statusCode).toBe(403);
    // elsewhere they are owner, with every permission
    const other = await whoami(tenantB, cookie);
    expect(other.statusCode).toBe(200);
    expect(other.json().staff).toEqual({ tenantId: tenantB, role: "owner" });
    expect((await manage(tenantB, cookie)).statusCode).toBe(200);
    // the staff user (global role "user") is not let in to store B
    const staffCookie = cookieHeader((await signIn(STAFF.email, STAFF.password)).headers["set-cookie"]);
    expect((await whoami(tenantB, staffCookie)).statusCode).toBe(403);

    // promoting an existing user is idempotent too
    const promoted = await createStaffUser({ auth, db: database.db, tenantId: tenantB, ...STAFF, role: "support", platformAdmin: true });
    expect(promoted.created).toBe(false);
    expect((await database.db.select({ role: users.role }).from(users).where(eq(users.id, staffUserId)))[0]?.role).toBe("admin");
    expect(await isTenantStaff(database.db, tenantB, staffUserId)).toBe("support");
  });

  it("answers 403 two-factor-required in a store that requires 2FA for staff, until the member turns it on", async () => {
    const member = await createStaffUser({
      auth,
      db: database.db,
      tenantId: tenantStrict,
      email: "siki@example.com",
      password: "siki-magaza-parolasi",
      name: "Sıkı",
      role: "owner",
    });
    const cookie = cookieHeader((await signIn("siki@example.com", "siki-magaza-parolasi")).headers["set-cookie"]);
    const refused = await whoami(tenantStrict, cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ type: TWO_FACTOR_REQUIRED, status: 403 });
    expect(refused.json().detail).toMatch(/two-factor/);
    await database.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, member.userId));
    expect((await whoami(tenantStrict, cookie)).statusCode).toBe(200);
    // other stores do not ask for it
    await database.db.insert(tenantStaff).values({ tenantId: tenantA, userId: member.userId, role: "catalog_manager" });
    await database.db.update(users).set({ twoFactorEnabled: false }).where(eq(users.id, member.userId));
    expect((await whoami(tenantA, cookie)).statusCode).toBe(200);
    expect((await whoami(tenantStrict, cookie)).statusCode).toBe(403);
  });

  it("mounts the auth routes hidden from OpenAPI and leaves other routes' body parsing alone", async () => {
    const echo = Fastify();
    await echo.register(authRoutes, { auth });
    echo.post("/echo", async (request) => ({ body: request.body }));
    const response = await echo.inject({ method: "POST", url: "/echo", payload: { a: 1 } });
    expect(response.json()).toEqual({ body: { a: 1 } });
    const session = await echo.inject({ method: "GET", url: "/api/auth/get-session" });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toBeNull();
    await echo.close();
  });
});

describe("accounts: https installation", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  afterAll(() => database?.drop());

  it("sets a __Secure- prefixed, Secure session cookie", async () => {
    database = await createTestDatabase();
    const [tenant] = await database.db.insert(tenants).values({ slug: "s", name: "Güvenli" }).returning();
    const auth = createAuth({ db: database.db, secret: SECRET, baseUrl: "https://magaza.example", rateLimit: false });
    await createStaffUser({ auth, db: database.db, tenantId: tenant?.id ?? "", ...STAFF, role: "owner" });
    const app = Fastify();
    await app.register(authRoutes, { auth });
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "application/json", origin: "https://magaza.example" },
      payload: { email: STAFF.email, password: STAFF.password },
    });
    expect(response.statusCode).toBe(200);
    const list = [response.headers["set-cookie"] ?? []].flat();
    const cookie = list.find((c) => c.startsWith("__Secure-kervan.session_token="));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    const user = await getSessionUser(auth, new Headers({ cookie: cookieHeader(list) }));
    expect(user?.email).toBe("ayse@example.com");
    await app.close();
  });
});

describe("accounts: rate limits", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  afterAll(() => database?.drop());

  it("limits sign-in attempts per client IP (from Fastify, not X-Forwarded-For)", async () => {
    database = await createTestDatabase();
    const auth = createAuth({ db: database.db, secret: SECRET, baseUrl: BASE_URL });
    const app = Fastify();
    await app.register(authRoutes, { auth });
    const attempt = (xff: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { "content-type": "application/json", origin: BASE_URL, "x-forwarded-for": xff },
        payload: { email: "x@example.com", password: "yanlis-parola-123" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(`10.0.0.${i}`)).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    await app.close();
  });
});
