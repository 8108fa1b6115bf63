import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { apiKeys, refreshTokens, sessions, users } from "../accounts/schema.ts";
import { createStaffUser } from "../accounts/service.ts";
import { auditEvents } from "../audit/schema.ts";
import { customers } from "../customers/schema.ts";
import { accessTokenKeys, signAccessToken } from "./tokens.ts";

const PASSWORD = "correct-horse-battery-staple";
const SECRET = "test-secret-0123456789-0123456789-abcdef";
const PREVIOUS_SECRET = "old-secret-0123456789-0123456789-abcdefgh";
const hostA = "api-a.test";
const hostB = "api-b.test";

let ipCounter = 0;
/** A different client address per call, so the token endpoint's per-IP limit stays out of the way. */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe("API access: tokens for apps, refresh rotation, API keys", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let productA: string;
  let catalogUserId: string;
  let adminCookie: string;
  let totp: OTPAuth.TOTP;
  let backupCodes: string[];

  const post = (host: string, url: string, payload: unknown, headers: Record<string, string> = {}, ip = freshIp()) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { host, "content-type": "application/json", ...headers },
      payload: payload as object,
      remoteAddress: ip,
    });
  const issue = (host: string, body: Record<string, string>, ip?: string) => post(host, "/api/v1/auth/token", body, {}, ip);
  const refresh = (host: string, refreshToken: string) => post(host, "/api/v1/auth/refresh", { refreshToken });
  const bearer = (
    host: string,
    token: string,
    method: "GET" | "PATCH" | "POST" | "DELETE" = "GET",
    url = "/api/admin/products",
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { host, authorization: `Bearer ${token}`, ...(payload ? { "content-type": "application/json" } : {}) },
      ...(payload ? { payload } : {}),
    });

  async function tokensFor(email: string, host = hostA, extra: Record<string, string> = {}) {
    const res = await issue(host, { email, password: PASSWORD, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string; expiresIn: number; tokenType: string };
  }

  async function staff(email: string, role: "admin" | "catalog_manager" | "support", tenantId = tenantA) {
    const { userId } = await createStaffUser({
      auth: await t.kernel.auth(),
      db: t.kernel.db,
      tenantId,
      email,
      password: PASSWORD,
      name: email.split("@")[0] as string,
      role,
    });
    return userId;
  }

  async function browserSignIn(host: string, email: string): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { host, origin: `http://${host}`, "content-type": "application/json" },
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookies = [res.headers["set-cookie"] ?? []].flat();
    return cookies.map((c) => c.split(";", 1)[0]).join("; ");
  }

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false", SECRET, SECRET_PREVIOUS: PREVIOUS_SECRET });
    const a = await createStore(t.kernel, "apia", [hostA], 2);
    const b = await createStore(t.kernel, "apib", [hostB], 1);
    tenantA = a.tenant.id;
    tenantB = b.tenant.id;
    productA = (a.products[0] as { id: string }).id;
    catalogUserId = await staff("katalog@example.com", "catalog_manager");
    await staff("support@example.com", "support");
    adminCookie = await signInStaff(t, tenantA, hostA, "yonetici@example.com");

    // an unverified customer
    await (await t.kernel.auth()).api.createUser({
      body: { email: "dogrulanmamis@example.com", password: PASSWORD, name: "Doğrulanmamış", data: { emailVerified: false } },
    });

    // a staff member with two-factor authentication
    await staff("iki-adim@example.com", "admin");
    const cookie = await browserSignIn(hostA, "iki-adim@example.com");
    const headers = { host: hostA, origin: `http://${hostA}`, "content-type": "application/json", cookie };
    const enable = await t.app.inject({ method: "POST", url: "/api/auth/two-factor/enable", headers, payload: { password: PASSWORD } });
    expect(enable.statusCode, enable.body).toBe(200);
    const setup = enable.json() as { totpURI: string; backupCodes: string[] };
    totp = OTPAuth.URI.parse(setup.totpURI) as OTPAuth.TOTP;
    backupCodes = setup.backupCodes;
    const confirm = await t.app.inject({
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      headers,
      payload: { code: totp.generate() },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
  });
  afterAll(() => t?.close());

  it("documents the endpoints and the bearer scheme in OpenAPI", async () => {
    const doc = (await t.app.inject({ url: "/api/docs/json", headers: { host: hostA } })).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const path of [
      "/api/v1/auth/token",
      "/api/v1/auth/refresh",
      "/api/v1/auth/revoke",
      "/api/admin/api-keys",
      "/api/admin/api-keys/{id}",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/api/admin/api-keys"].post.security).toEqual([{ bearerAuth: [] }]);
  });

  describe("POST /api/v1/auth/token", () => {
    it("refuses a wrong password (401) and an unverified e-mail (403), as problem+json", async () => {
      const wrong = await issue(hostA, { email: "katalog@example.com", password: "not-the-password-1" });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers["content-type"]).toMatch(/problem\+json/);
      expect(wrong.json()).toMatchObject({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });

      const unknown = await issue(hostA, { email: "kimse@example.com", password: PASSWORD });
      expect(unknown.statusCode).toBe(401);

      const unverified = await issue(hostA, { email: "dogrulanmamis@example.com", password: PASSWORD });
      expect(unverified.statusCode).toBe(403);
      expect(unverified.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });

      const invalid = await issue(hostA, { email: "not-an-email", password: "" });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["body.email", "body.password"]));
    });

    it("issues a bearer access token and a refresh token, and leaves no browser session behind", async () => {
      const tokens = await tokensFor("katalog@example.com");
      expect(tokens.tokenType).toBe("Bearer");
      expect(tokens.expiresIn).toBe(900);
      expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [header, payload] = tokens.accessToken
        .split(".")
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
      expect(header).toMatchObject({ alg: "HS256", kid: expect.any(String) });
      expect(payload).toMatchObject({ sub: catalogUserId, tid: tenantA, jti: expect.any(String) });
      expect(payload.exp - payload.iat).toBe(900);

      expect(await t.kernel.db.select().from(sessions).where(eq(sessions.userId, catalogUserId))).toHaveLength(0);
      const [stored] = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, createHash("sha256").update(tokens.refreshToken).digest("hex")));
      expect(stored).toMatchObject({ userId: catalogUserId, tenantId: tenantA, usedAt: null, revokedAt: null });
      const audit = await t.kernel.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.type, "api.token_issued"), eq(auditEvents.actorId, catalogUserId)));
      expect(audit.length).toBeGreaterThan(0);
      expect(audit[0]?.tenantId).toBe(tenantA);
    });

    it("asks for the second factor, then accepts a TOTP code or a backup code", async () => {
      const without = await issue(hostA, { email: "iki-adim@example.com", password: PASSWORD });
      expect(without.statusCode).toBe(401);
      expect(without.json()).toMatchObject({
        type: "https://kervan.dev/problems/two-factor-code-required",
        code: "TWO_FACTOR_CODE_REQUIRED",
      });
      expect(without.json().detail).toMatch(/iki adımlı/);

      const wrongPassword = await issue(hostA, { email: "iki-adim@example.com", password: "wrong-password-123", code: totp.generate() });
      expect(wrongPassword.statusCode).toBe(401);
      expect(wrongPassword.json().code).toBe("INVALID_EMAIL_OR_PASSWORD");

      const current = totp.generate();
      const wrongCode = await issue(hostA, {
        email: "iki-adim@example.com",
        password: PASSWORD,
        code: current === "000000" ? "111111" : "000000",
      });
      expect(wrongCode.statusCode).toBe(401);
      expect(wrongCode.json().code).toBe("INVALID_CODE");

      const withTotp = await tokensFor("iki-adim@example.com", hostA, { code: totp.generate() });
      expect(withTotp.accessToken).toBeTruthy();
      // the staff role reaches the API-keys admin with it
      expect((await bearer(hostA, withTotp.accessToken, "GET", "/api/admin/api-keys")).statusCode).toBe(200);

      const withBackup = await tokensFor("iki-adim@example.com", hostA, { code: backupCodes[0] as string });
      expect(withBackup.refreshToken).toBeTruthy();
      // a backup code works once
      const again = await issue(hostA, { email: "iki-adim@example.com", password: PASSWORD, code: backupCodes[0] as string });
      expect(again.statusCode).toBe(401);

      const [user] = await t.kernel.db.select({ id: users.id }).from(users).where(eq(users.email, "iki-adim@example.com"));
      expect(
        await t.kernel.db
          .select()
          .from(sessions)
          .where(eq(sessions.userId, user?.id as string)),
      ).toHaveLength(1); // the browser one
    });

    it("locks the second factor after 10 wrong codes, even from many addresses", async () => {
      await staff("kod-deneme@example.com", "support");
      const cookie = await browserSignIn(hostA, "kod-deneme@example.com");
      const headers = { host: hostA, origin: `http://${hostA}`, "content-type": "application/json", cookie };
      const enable = await t.app.inject({ method: "POST", url: "/api/auth/two-factor/enable", headers, payload: { password: PASSWORD } });
      const own = OTPAuth.URI.parse((enable.json() as { totpURI: string }).totpURI) as OTPAuth.TOTP;
      const confirm = await t.app.inject({
        method: "POST",
        url: "/api/auth/two-factor/verify-totp",
        headers,
        payload: { code: own.generate() },
      });
      expect(confirm.statusCode, confirm.body).toBe(200);

      const wrong = () => (own.generate() === "000000" ? "111111" : "000000");
      for (let i = 0; i < 10; i++) {
        const res = await issue(hostA, { email: "kod-deneme@example.com", password: PASSWORD, code: wrong() }, `10.9.0.${i + 1}`);
        expect(res.statusCode, res.body).toBe(401);
      }
      // the right code no longer helps: guessing is capped per account, not per address
      const locked = await issue(hostA, { email: "kod-deneme@example.com", password: PASSWORD, code: own.generate() }, "10.9.1.1");
      expect(locked.statusCode).toBe(429);
    });

    it("refuses a customer the store disabled", async () => {
      const auth = await t.kernel.auth();
      await auth.api.createUser({
        body: { email: "musteri@example.com", password: PASSWORD, name: "Müşteri", data: { emailVerified: true } },
      });
      const tokens = await tokensFor("musteri@example.com");
      const [user] = await t.kernel.db.select({ id: users.id }).from(users).where(eq(users.email, "musteri@example.com"));
      await t.kernel.db
        .update(customers)
        .set({ disabledAt: new Date() })
        .where(and(eq(customers.userId, user?.id as string), eq(customers.tenantId, tenantA)));
      const res = await issue(hostA, { email: "musteri@example.com", password: PASSWORD });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("ACCOUNT_DISABLED");
      // and its existing refresh token stops working
      expect((await refresh(hostA, tokens.refreshToken)).statusCode).toBe(401);
    });

    it("limits token requests to 10 a minute per IP address", async () => {
      const ip = "10.99.0.1";
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await issue(hostA, { email: `kimse-${i}@example.com`, password: "wrong-password-123" }, ip)).statusCode);
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
    });
  });

  describe("bearer access tokens on admin routes", () => {
    it("lets the role's permissions through and answers 403 for the others", async () => {
      const { accessToken } = await tokensFor("katalog@example.com");
      const list = await bearer(hostA, accessToken);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items).toHaveLength(2);
      const patch = await bearer(hostA, accessToken, "PATCH", `/api/admin/products/${productA}`, { featured: true });
      expect(patch.statusCode, patch.body).toBe(200);
      const keys = await bearer(hostA, accessToken, "GET", "/api/admin/api-keys");
      expect(keys.statusCode).toBe(403);
      expect(keys.json().detail).toMatch(/api_keys:manage/);

      const support = await tokensFor("support@example.com");
      expect((await bearer(hostA, support.accessToken)).statusCode).toBe(200);
      expect((await bearer(hostA, support.accessToken, "PATCH", `/api/admin/products/${productA}`, { featured: false })).statusCode).toBe(
        403,
      );
    });

    it("answers 401 for expired, tampered, foreign-key and other-store tokens", async () => {
      const keys = accessTokenKeys([SECRET]);
      const expired = await signAccessToken(
        keys,
        { userId: catalogUserId, tenantId: tenantA },
        { ttlSeconds: 900, now: new Date(Date.now() - 3600_000) },
      );
      const res = await bearer(hostA, expired.token);
      expect(res.statusCode).toBe(401);
      expect(res.headers["www-authenticate"]).toMatch(/Bearer/);

      const { accessToken } = await tokensFor("katalog@example.com");
      const [h, p, s] = accessToken.split(".") as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, "base64url").toString());
      const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: "00000000-0000-4000-8000-000000000000" })).toString("base64url")}.${s}`;
      expect((await bearer(hostA, forged)).statusCode).toBe(401);
      const flipped = `${h}.${p}.${s.slice(0, -2)}${s.endsWith("AA") ? "BB" : "AA"}`;
      expect((await bearer(hostA, flipped)).statusCode).toBe(401);
      expect((await bearer(hostA, `${h}.${p}.`)).statusCode).toBe(401);
      expect((await bearer(hostA, "not-a-token")).statusCode).toBe(401);

      const stranger = await signAccessToken(
        accessTokenKeys(["some-other-secret-0123456789-0123456789"]),
        { userId: catalogUserId, tenantId: tenantA },
        { ttlSeconds: 900 },
      );
      expect((await bearer(hostA, stranger.token)).statusCode).toBe(401);

      // store A's token on store B's host
      expect((await bearer(hostB, accessToken)).statusCode).toBe(401);
      // the same user as staff of B still needs a token issued by B
      await createStaffUser({
        auth: await t.kernel.auth(),
        db: t.kernel.db,
        tenantId: tenantB,
        email: "katalog@example.com",
        password: PASSWORD,
        name: "katalog",
        role: "catalog_manager",
      });
      expect((await bearer(hostB, accessToken)).statusCode).toBe(401);
      const fromB = await tokensFor("katalog@example.com", hostB);
      expect((await bearer(hostB, fromB.accessToken)).statusCode).toBe(200);
      expect((await bearer(hostA, fromB.accessToken)).statusCode).toBe(401);
    });

    it("still accepts tokens signed before a secret rotation (SECRET_PREVIOUS)", async () => {
      const old = await signAccessToken(
        accessTokenKeys([PREVIOUS_SECRET]),
        { userId: catalogUserId, tenantId: tenantA },
        { ttlSeconds: 900 },
      );
      expect((await bearer(hostA, old.token)).statusCode).toBe(200);
    });

    it("refuses the token of a banned user", async () => {
      await staff("yasakli@example.com", "catalog_manager");
      const { accessToken } = await tokensFor("yasakli@example.com");
      expect((await bearer(hostA, accessToken)).statusCode).toBe(200);
      await t.kernel.db.update(users).set({ banned: true }).where(eq(users.email, "yasakli@example.com"));
      expect((await bearer(hostA, accessToken)).statusCode).toBe(401);
    });
  });

  describe("refresh tokens", () => {
    it("rotates: the new pair works, the old refresh token is spent", async () => {
      const first = await tokensFor("katalog@example.com");
      const res = await refresh(hostA, first.refreshToken);
      expect(res.statusCode, res.body).toBe(200);
      const second = res.json() as typeof first;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.accessToken).not.toBe(first.accessToken);
      expect((await bearer(hostA, second.accessToken)).statusCode).toBe(200);
      const rows = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, createHash("sha256").update(first.refreshToken).digest("hex")));
      expect(rows[0]?.usedAt).not.toBeNull();
      const next = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, createHash("sha256").update(second.refreshToken).digest("hex")));
      expect(next[0]?.familyId).toBe(rows[0]?.familyId);
    });

    it("revokes the whole family when a used refresh token comes back", async () => {
      const token1 = (await tokensFor("katalog@example.com")).refreshToken;
      const r2 = await refresh(hostA, token1);
      expect(r2.statusCode).toBe(200);
      const token2 = r2.json().refreshToken as string;

      const reuse = await refresh(hostA, token1);
      expect(reuse.statusCode).toBe(401);
      expect(reuse.json()).toMatchObject({ type: "https://kervan.dev/problems/invalid-refresh-token", code: "INVALID_REFRESH_TOKEN" });
      // the legitimate holder's newer token is revoked too
      expect((await refresh(hostA, token2)).statusCode).toBe(401);

      const [row] = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, createHash("sha256").update(token2).digest("hex")));
      expect(row?.revokedAt).not.toBeNull();
      const family = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.familyId, row?.familyId as string));
      expect(family.every((r) => r.revokedAt !== null)).toBe(true);
      const audit = await t.kernel.db.select().from(auditEvents).where(eq(auditEvents.type, "api.refresh_reuse_detected"));
      expect(audit.some((e) => (e.after as { family?: string } | null)?.family === row?.familyId)).toBe(true);
    });

    it("lets exactly one of five concurrent refreshes of the same token succeed", async () => {
      const { refreshToken } = await tokensFor("katalog@example.com");
      const results = await Promise.all(Array.from({ length: 5 }, () => refresh(hostA, refreshToken)));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 401, 401, 401, 401]);
      const [row] = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, createHash("sha256").update(refreshToken).digest("hex")));
      const family = await t.kernel.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.familyId, row?.familyId as string));
      // one successor only; the four losers look like a reuse, so the family is revoked: clients
      // must not refresh the same token concurrently (documented on the endpoint)
      expect(family).toHaveLength(2);
      expect(family.every((r) => r.revokedAt !== null)).toBe(true);
    });

    it("refuses unknown, other-store, expired and revoked refresh tokens", async () => {
      expect((await refresh(hostA, "x".repeat(43))).statusCode).toBe(401);
      const bad = await refresh(hostA, "short");
      expect(bad.statusCode).toBe(400);

      const { refreshToken } = await tokensFor("katalog@example.com");
      expect((await refresh(hostB, refreshToken)).statusCode).toBe(401);
      // not spent by the other store's attempt
      const ok = await refresh(hostA, refreshToken);
      expect(ok.statusCode).toBe(200);

      const expiring = (await tokensFor("katalog@example.com")).refreshToken;
      await t.kernel.db
        .update(refreshTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(refreshTokens.tokenHash, createHash("sha256").update(expiring).digest("hex")));
      expect((await refresh(hostA, expiring)).statusCode).toBe(401);
    });

    it("revoke signs the app out (the family), and answers 204 for unknown tokens too", async () => {
      const first = await tokensFor("katalog@example.com");
      const second = (await refresh(hostA, first.refreshToken)).json() as typeof first;
      const revoke = await post(hostA, "/api/v1/auth/revoke", { refreshToken: second.refreshToken });
      expect(revoke.statusCode).toBe(204);
      expect((await refresh(hostA, second.refreshToken)).statusCode).toBe(401);
      expect((await post(hostA, "/api/v1/auth/revoke", { refreshToken: "y".repeat(43) })).statusCode).toBe(204);
      const audit = await t.kernel.db.select().from(auditEvents).where(eq(auditEvents.type, "api.token_revoked"));
      expect(audit.length).toBeGreaterThan(0);
    });
  });

  describe("API keys", () => {
    const admin = (method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
      t.app.inject({
        method,
        url,
        headers: {
          host: hostA,
          cookie: adminCookie,
          origin: `http://${hostA}`,
          ...(payload ? { "content-type": "application/json" } : {}),
        },
        ...(payload ? { payload } : {}),
      });

    it("shows a new key once, stores only its hash, and enforces its scopes", async () => {
      const created = await admin("POST", "/api/admin/api-keys", { name: "ERP senkron", scopes: ["catalog:read"] });
      expect(created.statusCode, created.body).toBe(201);
      const body = created.json() as { id: string; key: string; prefix: string; scopes: string[]; status: string };
      expect(body.key).toMatch(/^kvn_[A-Za-z0-9_-]{43}$/);
      expect(body.key.startsWith(body.prefix)).toBe(true);
      expect(body).toMatchObject({ scopes: ["catalog:read"], status: "active" });

      const [row] = await t.kernel.db.select().from(apiKeys).where(eq(apiKeys.id, body.id));
      expect(row?.keyHash).toBe(createHash("sha256").update(body.key).digest("hex"));
      expect(JSON.stringify(row)).not.toContain(body.key);
      expect(row?.lastUsedAt).toBeNull();

      const list = await admin("GET", "/api/admin/api-keys");
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(body.key);
      expect(list.json().items.find((k: { id: string }) => k.id === body.id)).toMatchObject({ name: "ERP senkron", prefix: body.prefix });

      const read = await bearer(hostA, body.key);
      expect(read.statusCode, read.body).toBe(200);
      const write = await bearer(hostA, body.key, "PATCH", `/api/admin/products/${productA}`, { featured: true });
      expect(write.statusCode).toBe(403);
      expect(write.json().detail).toMatch(/catalog:write/);
      expect((await bearer(hostA, body.key, "GET", "/api/admin/api-keys")).statusCode).toBe(403);
      const [used] = await t.kernel.db.select().from(apiKeys).where(eq(apiKeys.id, body.id));
      expect(used?.lastUsedAt).not.toBeNull();

      // store A's key on store B
      expect((await bearer(hostB, body.key)).statusCode).toBe(401);

      const audit = await t.kernel.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.type, "api_key.create"), eq(auditEvents.targetId, body.id)));
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0])).not.toContain(body.key);
    });

    it("revokes a key: 401 afterwards, audited; unknown ids are 404", async () => {
      const created = (await admin("POST", "/api/admin/api-keys", { name: "Geçici", scopes: ["catalog:read", "orders:read"] })).json() as {
        id: string;
        key: string;
      };
      expect((await bearer(hostA, created.key)).statusCode).toBe(200);
      const del = await admin("DELETE", `/api/admin/api-keys/${created.id}`);
      expect(del.statusCode).toBe(204);
      expect((await bearer(hostA, created.key)).statusCode).toBe(401);
      const list = (await admin("GET", "/api/admin/api-keys")).json() as { items: { id: string; status: string }[] };
      expect(list.items.find((k) => k.id === created.id)?.status).toBe("revoked");
      expect(
        await t.kernel.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.type, "api_key.revoke"), eq(auditEvents.targetId, created.id))),
      ).toHaveLength(1);
      expect((await admin("DELETE", "/api/admin/api-keys/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    });

    it("stops an expired key, validates input and keeps stores apart", async () => {
      const soon = new Date(Date.now() + 3600_000).toISOString();
      const created = (
        await admin("POST", "/api/admin/api-keys", { name: "Süreli", scopes: ["catalog:read"], expiresAt: soon })
      ).json() as { id: string; key: string; expiresAt: string };
      expect(created.expiresAt).toBe(soon);
      expect((await bearer(hostA, created.key)).statusCode).toBe(200);
      await t.kernel.db
        .update(apiKeys)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiKeys.id, created.id));
      expect((await bearer(hostA, created.key)).statusCode).toBe(401);

      const unknownScope = await admin("POST", "/api/admin/api-keys", { name: "X", scopes: ["everything"] });
      expect(unknownScope.statusCode).toBe(400);
      expect(unknownScope.json().detail).toMatch(/scopes/);
      expect((await admin("POST", "/api/admin/api-keys", { name: "X", scopes: [] })).statusCode).toBe(400);
      expect((await admin("POST", "/api/admin/api-keys", { name: "", scopes: ["catalog:read"] })).statusCode).toBe(400);
      expect(
        (await admin("POST", "/api/admin/api-keys", { name: "X", scopes: ["catalog:read"], expiresAt: "2001-01-01T00:00:00Z" })).statusCode,
      ).toBe(400);

      // store B's admin does not see or revoke store A's keys
      const cookieB = await signInStaff(t, tenantB, hostB, "yonetici-b@example.com");
      const listB = await t.app.inject({ method: "GET", url: "/api/admin/api-keys", headers: { host: hostB, cookie: cookieB } });
      expect(listB.json().items).toHaveLength(0);
      const delB = await t.app.inject({
        method: "DELETE",
        url: `/api/admin/api-keys/${created.id}`,
        headers: { host: hostB, cookie: cookieB, origin: `http://${hostB}` },
      });
      expect(delB.statusCode).toBe(404);
    });

    it("needs api_keys:manage, and only people create keys (a key may list and revoke them)", async () => {
      const { accessToken } = await tokensFor("katalog@example.com");
      expect((await bearer(hostA, accessToken, "POST", "/api/admin/api-keys", { name: "X", scopes: ["catalog:read"] })).statusCode).toBe(
        403,
      );
      expect((await t.app.inject({ method: "GET", url: "/api/admin/api-keys", headers: { host: hostA } })).statusCode).toBe(401);

      const manager = (
        await admin("POST", "/api/admin/api-keys", { name: "Anahtar yöneticisi", scopes: ["api_keys:manage", "catalog:read"] })
      ).json() as { key: string };
      const escalate = await bearer(hostA, manager.key, "POST", "/api/admin/api-keys", { name: "Y", scopes: ["catalog:write"] });
      expect(escalate.statusCode).toBe(403);
      // not even a narrower one: a key minting keys would outlive its own revocation
      const narrower = await bearer(hostA, manager.key, "POST", "/api/admin/api-keys", { name: "Z", scopes: ["catalog:read"] });
      expect(narrower.statusCode).toBe(403);
      expect(narrower.json().detail).toMatch(/API key cannot/);
      const list = await bearer(hostA, manager.key, "GET", "/api/admin/api-keys");
      expect(list.statusCode).toBe(200);
      const victim = (await admin("POST", "/api/admin/api-keys", { name: "Eski entegrasyon", scopes: ["catalog:read"] })).json() as {
        id: string;
      };
      expect((await bearer(hostA, manager.key, "DELETE", `/api/admin/api-keys/${victim.id}`)).statusCode).toBe(204);
      const [row] = await t.kernel.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.type, "api_key.revoke"), eq(auditEvents.targetId, victim.id)));
      expect(row?.actorKind).toBe("api_key");
    });
  });
});
