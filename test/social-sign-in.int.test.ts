import { generateKeyPairSync, sign } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Events, OAuth2Server } from "oauth2-mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, users } from "../src/modules/accounts/schema.ts";
import { auditEvents } from "../src/modules/audit/schema.ts";
import { customers } from "../src/modules/customers/schema.ts";
import { createStore, createTestApp, type TestApp } from "./app.ts";

// Social sign-in against a real OAuth2/OIDC server on a local port (oauth2-mock-server: discovery,
// JWKS, authorize with PKCE and nonce, token, userinfo). The app talks to it over real HTTP; the
// browser's part (following redirects, carrying cookies) is done here step by step.

const host = "sosyal-magaza.test";
const origin = `http://${host}`;
const PASSWORD = "correct-horse-battery-staple";

interface ProviderIdentity {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

describe("social sign-in (Google via OIDC discovery, Facebook via OAuth2 endpoints)", () => {
  let t: TestApp;
  let mock: OAuth2Server;
  let tenantId: string;
  /** Who the provider says is signing in, for the next flow. */
  let identity: ProviderIdentity;
  /** Facebook returns no id_token: the app must read the userinfo endpoint. */
  let provider: "google" | "facebook" = "google";

  beforeAll(async () => {
    mock = new OAuth2Server();
    await mock.issuer.keys.generate("RS256");
    await mock.start(0, "127.0.0.1");
    const issuer = mock.issuer.url as string;

    mock.service.on(Events.BeforeTokenSigning, (token) => {
      // id token and access token both name the signed-in person
      Object.assign(token.payload, { ...identity, email_verified: identity.email_verified });
    });
    mock.service.on(Events.BeforeResponse, (response) => {
      if (provider === "facebook") delete (response.body as Record<string, unknown>).id_token;
    });
    mock.service.on(Events.BeforeUserinfo, (response) => {
      response.body =
        provider === "facebook"
          ? { id: identity.sub, name: identity.name, email: identity.email }
          : { sub: identity.sub, name: identity.name, email: identity.email, email_verified: identity.email_verified };
    });

    t = await createTestApp({
      PUBLIC_URL: origin,
      AUTH_RATE_LIMIT: "false",
      GOOGLE_CLIENT_ID: "kervan-google-client",
      GOOGLE_CLIENT_SECRET: "google-secret",
      GOOGLE_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
      FACEBOOK_CLIENT_ID: "kervan-facebook-client",
      FACEBOOK_CLIENT_SECRET: "facebook-secret",
      FACEBOOK_AUTHORIZATION_URL: `${issuer}/authorize`,
      FACEBOOK_TOKEN_URL: `${issuer}/token`,
      FACEBOOK_USERINFO_URL: `${issuer}/userinfo?fields=id,name,email,picture`,
    });
    tenantId = (await createStore(t.kernel, "sosyal", [host], 1)).tenant.id;
  });
  afterAll(async () => {
    await t?.close();
    await mock?.stop();
  });

  const cookiePairs = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat().map((c) => c.split(";", 1)[0] as string);

  /** The whole redirect dance: app → provider's authorize → app's callback. */
  async function signInWith(id: "google" | "facebook") {
    provider = id;
    const start = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/social",
      headers: { host, origin, "content-type": "application/json" },
      payload: { provider: id, callbackURL: "/hesap" },
    });
    expect(start.statusCode, start.body).toBe(200);
    const { url, redirect } = start.json() as { url: string; redirect: boolean };
    expect(redirect).toBe(true);
    const authorizeUrl = new URL(url);
    expect(authorizeUrl.origin).toBe(new URL(mock.issuer.url as string).origin);
    expect(authorizeUrl.searchParams.get("client_id")).toBe(id === "google" ? "kervan-google-client" : "kervan-facebook-client");
    if (id === "google") {
      expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorizeUrl.searchParams.get("nonce")).toBeTruthy();
    }
    const stateCookies = cookiePairs(start.headers["set-cookie"]);

    // the browser goes to the provider, which signs the person in and sends them back
    const authorize = await fetch(authorizeUrl, { redirect: "manual" });
    expect(authorize.status).toBe(302);
    const back = new URL(authorize.headers.get("location") as string);
    expect(`${back.origin}${back.pathname}`).toBe(`${origin}/api/auth/callback/${id}`);
    expect(back.searchParams.get("code")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe(authorizeUrl.searchParams.get("state"));

    // the callback exchanges the code at the provider's token endpoint (real HTTP)
    const callback = await t.app.inject({
      method: "GET",
      url: back.pathname + back.search,
      headers: { host, cookie: stateCookies.join("; ") },
    });
    const sessionCookie = cookiePairs(callback.headers["set-cookie"]).find((c) => /session_token=./.test(c)) ?? null;
    return { callback, location: String(callback.headers.location ?? ""), sessionCookie };
  }

  async function sessionUser(cookie: string) {
    const res = await t.app.inject({ method: "GET", url: "/api/auth/get-session", headers: { host, cookie } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { user: { id: string; email: string; emailVerified: boolean } } | null)?.user ?? null;
  }

  const accountsOf = (userId: string) => t.kernel.db.select().from(accounts).where(eq(accounts.userId, userId));

  it("signs a new person in with Google: verified user, customer of the store, audited", async () => {
    identity = { sub: "google-1001", email: "Ayse.Yilmaz@example.com", email_verified: true, name: "Ayşe Yılmaz" };
    const { callback, location, sessionCookie } = await signInWith("google");
    expect(callback.statusCode, callback.body).toBe(302);
    expect(location).toMatch(/\/hesap$/);
    expect(sessionCookie).not.toBeNull();

    const user = await sessionUser(sessionCookie as string);
    expect(user).toMatchObject({ email: "ayse.yilmaz@example.com", emailVerified: true });
    const linked = await accountsOf(user?.id as string);
    expect(linked.map((a) => [a.providerId, a.accountId])).toEqual([["google", "google-1001"]]);
    const [customer] = await t.kernel.db
      .select()
      .from(customers)
      .where(and(eq(customers.userId, user?.id as string), eq(customers.tenantId, tenantId)));
    expect(customer).toBeDefined();
    const signIns = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "auth.sign_in"), eq(auditEvents.actorId, user?.id as string)));
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns[0]?.tenantId).toBe(tenantId);

    // signing in again finds the same person
    const again = await signInWith("google");
    expect(again.callback.statusCode).toBe(302);
    expect((await sessionUser(again.sessionCookie as string))?.id).toBe(user?.id);
    expect(await accountsOf(user?.id as string)).toHaveLength(1);
  });

  it("links Google to an existing e-mail+password account when the provider has verified the address", async () => {
    const auth = await t.kernel.auth();
    const created = await auth.api.createUser({
      body: { email: "mehmet@example.com", password: PASSWORD, name: "Mehmet", data: { emailVerified: true } },
    });
    identity = { sub: "google-2002", email: "mehmet@example.com", email_verified: true, name: "Mehmet K." };
    const { callback, location, sessionCookie } = await signInWith("google");
    expect(callback.statusCode).toBe(302);
    expect(location).toMatch(/\/hesap$/);
    expect((await sessionUser(sessionCookie as string))?.id).toBe(created.user.id);
    const rows = await accountsOf(created.user.id);
    expect(rows.map((a) => a.providerId).sort()).toEqual(["credential", "google"]);
    expect(await t.kernel.db.select().from(users).where(eq(users.email, "mehmet@example.com"))).toHaveLength(1);
  });

  it("does not link an address the provider has not verified to an existing account", async () => {
    const auth = await t.kernel.auth();
    const created = await auth.api.createUser({
      body: { email: "zeynep@example.com", password: PASSWORD, name: "Zeynep", data: { emailVerified: true } },
    });
    identity = { sub: "google-3003", email: "zeynep@example.com", email_verified: false, name: "Not Zeynep" };
    const { callback, location, sessionCookie } = await signInWith("google");
    expect(callback.statusCode).toBe(302);
    expect(location).toMatch(/error=account_not_linked/);
    expect(sessionCookie).toBeNull();
    expect((await accountsOf(created.user.id)).map((a) => a.providerId)).toEqual(["credential"]);
    const [user] = await t.kernel.db.select().from(users).where(eq(users.email, "zeynep@example.com"));
    expect(user?.name).toBe("Zeynep");
  });

  it("signs in with Facebook through its authorize, token and userinfo endpoints", async () => {
    identity = { sub: "fb-4004", email: "can@example.com", email_verified: false, name: "Can Demir" };
    const { callback, location, sessionCookie } = await signInWith("facebook");
    expect(callback.statusCode, callback.body).toBe(302);
    expect(location).toMatch(/\/hesap$/);
    const user = await sessionUser(sessionCookie as string);
    // Facebook only returns confirmed addresses: the e-mail counts as verified
    expect(user).toMatchObject({ email: "can@example.com", emailVerified: true });
    expect((await accountsOf(user?.id as string)).map((a) => [a.providerId, a.accountId])).toEqual([["facebook", "fb-4004"]]);
    const [customer] = await t.kernel.db
      .select()
      .from(customers)
      .where(and(eq(customers.userId, user?.id as string), eq(customers.tenantId, tenantId)));
    expect(customer).toBeDefined();
  });

  it("refuses an id token that the provider's keys did not sign", async () => {
    identity = { sub: "google-6006", email: "mallory@example.com", email_verified: true, name: "Mallory" };
    // same claims (nonce included), signed with a key the provider never published
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    mock.service.once(Events.BeforeResponse, (response) => {
      const body = response.body as Record<string, unknown>;
      const [, payload] = String(body.id_token).split(".");
      const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "forged" })).toString("base64url");
      const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url");
      body.id_token = `${header}.${payload}.${signature}`;
    });
    const { callback, location, sessionCookie } = await signInWith("google");
    expect(callback.statusCode).toBe(302);
    // the id token fails verification against the provider's JWKS
    expect(location).toMatch(/error=unable_to_get_user_info/);
    expect(sessionCookie).toBeNull();
    expect(await t.kernel.db.select().from(users).where(eq(users.email, "mallory@example.com"))).toHaveLength(0);
  });

  it("refuses a callback without the state cookie of the browser that started it", async () => {
    identity = { sub: "google-5005", email: "eve@example.com", email_verified: true, name: "Eve" };
    provider = "google";
    const start = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/social",
      headers: { host, origin, "content-type": "application/json" },
      payload: { provider: "google", callbackURL: "/hesap" },
    });
    const authorize = await fetch(start.json().url, { redirect: "manual" });
    const back = new URL(authorize.headers.get("location") as string);
    const callback = await t.app.inject({ method: "GET", url: back.pathname + back.search, headers: { host } });
    expect(callback.statusCode).toBe(302);
    expect(String(callback.headers.location)).toMatch(/error=/);
    expect(cookiePairs(callback.headers["set-cookie"]).some((c) => /session_token=./.test(c))).toBe(false);
    expect(await t.kernel.db.select().from(users).where(eq(users.email, "eve@example.com"))).toHaveLength(0);
  });
});
