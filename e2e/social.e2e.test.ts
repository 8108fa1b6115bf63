// "Google ile giriş" in Chromium against the real server, with a real OpenID Connect provider on a
// local port (oauth2-mock-server: discovery, authorize, token, JWKS, userinfo; it approves every
// authorization request at once). The browser does every hop itself: the sign-in page's form post →
// the provider's authorize endpoint → the app's callback → the account page. Plus the refusal to
// link an address the provider has not verified to an existing password account, the button's
// absence when no provider is configured, and screenshots of the sign-in page with the button.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { Events, OAuth2Server } from "oauth2-mock-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startTestSmtp, type TestSmtp } from "../test/smtp.ts";
import { DESKTOP, launchBrowser, launchServer, MOBILE, type RunningServer, screenshotDir } from "./server.ts";

interface ProviderIdentity {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

let mock: OAuth2Server;
let smtp: TestSmtp;
/** Google is configured (pointing at the mock). */
let server: RunningServer;
/** No social provider configured. */
let plain: RunningServer;
let browser: Browser;
/** Who the provider says is signing in, for the next flow. */
let identity: ProviderIdentity;
/** The authorization requests the provider has answered (what the browser sent it). */
const authorizations: URL[] = [];

beforeAll(async () => {
  mock = new OAuth2Server();
  await mock.issuer.keys.generate("RS256");
  await mock.start(0, "127.0.0.1");
  mock.service.on(Events.BeforeTokenSigning, (token) => {
    Object.assign(token.payload, identity);
  });
  mock.service.on(Events.BeforeUserinfo, (response) => {
    response.body = { ...identity };
  });
  mock.service.on(Events.BeforeAuthorizeRedirect, (_redirect, req) => {
    authorizations.push(new URL(req.url ?? "/", mock.issuer.url as string));
  });
  smtp = await startTestSmtp();

  [server, plain] = await Promise.all([
    launchServer({
      env: {
        SMTP_URL: smtp.url,
        // better-auth's in-memory per-IP limits would trip over a fast journey
        AUTH_RATE_LIMIT: "false",
        GOOGLE_CLIENT_ID: "kervan-e2e-google",
        GOOGLE_CLIENT_SECRET: "kervan-e2e-google-secret",
        GOOGLE_DISCOVERY_URL: `${mock.issuer.url}/.well-known/openid-configuration`,
      },
    }),
    launchServer({ env: { AUTH_RATE_LIMIT: "false" } }),
  ]);
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), plain?.stop()]);
  await smtp?.close();
  await mock?.stop();
});

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 });
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors and CSP violations reported on the console. */
  errors: string[];
  /** Every top-level navigation request, in order. */
  navigations: string[];
}

async function open(baseURL: string, viewport: { width: number; height: number } = DESKTOP): Promise<Watched> {
  const context = await browser.newContext({ viewport, colorScheme: "light", baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  const navigations: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
  });
  page.on("request", (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations.push(req.url());
  });
  return { context, page, errors, navigations };
}

const googleButton = (page: Page) => page.getByRole("button", { name: "Google ile devam et" });

interface SessionUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
}

async function sessionUser(context: BrowserContext): Promise<SessionUser | null> {
  const res = await context.request.get("/api/auth/get-session");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { user: SessionUser } | null;
  return body?.user ?? null;
}

async function linkedProviders(context: BrowserContext): Promise<string[]> {
  const res = await context.request.get("/api/auth/list-accounts");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { providerId: string }[]).map((a) => a.providerId).sort();
}

describe("social sign-in in the browser", () => {
  it("shows the Google button only when Google is configured", async () => {
    const withGoogle = await open(server.baseUrl);
    const response = await withGoogle.page.goto("/giris");
    // the form posts to /giris, which redirects to the provider: form-action must allow its origin
    const formAction = (response?.headers()["content-security-policy"] ?? "").split(";").find((d) => d.trim().startsWith("form-action"));
    expect(formAction?.split(/\s+/)).toContain(new URL(mock.issuer.url as string).origin);
    await poll(() => googleButton(withGoogle.page).isVisible()).toBe(true);
    // only the configured provider
    expect(await withGoogle.page.getByRole("button", { name: /ile devam et$/ }).count()).toBe(1);
    expect(withGoogle.errors).toEqual([]);
    await withGoogle.context.close();

    const without = await open(plain.baseUrl);
    await without.page.goto("/giris");
    await poll(() => without.page.getByRole("button", { name: "Giriş yap", exact: true }).isVisible()).toBe(true);
    expect(await without.page.getByRole("button", { name: /ile devam et$/ }).count()).toBe(0);
    expect(await without.page.getByText("veya", { exact: true }).count()).toBe(0);
    await without.context.close();
  }, 60_000);

  it("signs a new person in with Google: provider's authorize → callback → /hesap, verified e-mail", async () => {
    identity = { sub: "google-e2e-1001", email: `Ayse.Yilmaz.${Date.now()}@example.com`, email_verified: true, name: "Ayşe Yılmaz" };
    const { context, page, errors, navigations } = await open(server.baseUrl);
    await page.goto("/giris");
    const before = authorizations.length;
    await googleButton(page).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === "/hesap");
    await poll(() => page.getByTestId("account-name").textContent()).toBe("Ayşe");

    // the browser really went to the provider (not a shortcut), with PKCE and our callback
    expect(authorizations.length).toBe(before + 1);
    const authorize = authorizations.at(-1) as URL;
    expect(authorize.pathname).toBe("/authorize");
    expect(authorize.searchParams.get("client_id")).toBe("kervan-e2e-google");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${server.baseUrl}/api/auth/callback/google`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const hops = navigations.map((u) => new URL(u));
    const authorizeHop = hops.findIndex((u) => u.origin === new URL(mock.issuer.url as string).origin && u.pathname === "/authorize");
    const callbackHop = hops.findIndex((u) => u.origin === server.baseUrl && u.pathname === "/api/auth/callback/google");
    expect(authorizeHop, navigations.join("\n")).toBeGreaterThan(-1);
    expect(callbackHop, navigations.join("\n")).toBeGreaterThan(authorizeHop);
    expect(hops[callbackHop]?.searchParams.get("code")).toBeTruthy();

    const user = await sessionUser(context);
    expect(user).toMatchObject({ email: identity.email.toLowerCase(), emailVerified: true, name: "Ayşe Yılmaz" });
    expect(await linkedProviders(context)).toEqual(["google"]);
    expect(await page.locator("h1").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);

    // signed in, the sign-in page sends the person on
    await page.goto("/giris");
    await page.waitForURL((url) => url.pathname === "/hesap");
    await context.close();

    // a second sign-in (a new browser) finds the same person
    const again = await open(server.baseUrl);
    await again.page.goto("/giris?next=/sepet");
    await googleButton(again.page).click();
    await again.page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === "/sepet");
    await poll(() => again.page.getByTestId("account-name").textContent()).toBe("Ayşe");
    expect((await sessionUser(again.context))?.id).toBe(user?.id);
    expect(await linkedProviders(again.context)).toEqual(["google"]);
    expect(again.errors).toEqual([]);
    await again.context.close();
  }, 90_000);

  it("refuses to link an unverified provider address to an existing password account", async () => {
    const email = `selin.${Date.now()}@example.com`;
    const password = "Kervan-sifre-2026-e2e";
    // the existing account: signed up and verified through the app
    const owner = await open(server.baseUrl);
    await owner.page.goto("/uye-ol");
    await owner.page.getByLabel("Ad soyad").fill("Selin Aksoy");
    await owner.page.getByLabel("E-posta adresi").fill(email);
    await owner.page.getByLabel("Şifre", { exact: true }).fill(password);
    await owner.page.getByLabel(/Üyelik sözleşmesini okudum/).check();
    await owner.page.getByRole("button", { name: "Üye ol", exact: true }).click();
    const mail = await smtp.waitFor(email, (m) => m.text.includes("/api/auth/verify-email"));
    await owner.page.goto(linkIn(mail, "/api/auth/verify-email"));
    await owner.page.waitForURL(/\/hesap/);
    expect(await sessionUser(owner.context)).toMatchObject({ email, emailVerified: true, name: "Selin Aksoy" });
    const ownerId = (await sessionUser(owner.context))?.id;
    await owner.context.close();

    // someone at the provider claims the address without having verified it
    identity = { sub: "google-e2e-2002", email, email_verified: false, name: "Sahte Selin" };
    const { context, page, errors, navigations } = await open(server.baseUrl);
    await page.goto("/giris");
    const before = authorizations.length;
    await googleButton(page).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === "/giris" && url.search !== "");
    expect(authorizations.length).toBe(before + 1);
    expect(navigations.some((u) => new URL(u).pathname === "/api/auth/callback/google")).toBe(true);
    const back = new URL(page.url());
    expect(back.searchParams.has("hata") || back.searchParams.has("error"), page.url()).toBe(true);
    await poll(() => page.getByRole("alert").textContent()).toContain("Bu e-posta adresiyle zaten bir hesabınız var");
    expect(await page.getByRole("alert").isVisible()).toBe(true);
    expect(await sessionUser(context)).toBeNull();
    expect(await page.getByTestId("account-name").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, "social-sign-in-refused-desktop.png"), fullPage: true });

    // the owner still signs in with the password, and no Google account was linked
    await page.getByLabel("E-posta adresi").fill(email);
    await page.getByLabel("Şifre", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/hesap");
    const user = await sessionUser(context);
    expect(user).toMatchObject({ id: ownerId, email, name: "Selin Aksoy", emailVerified: true });
    expect(await linkedProviders(context)).toEqual(["credential"]);
    await context.close();
  }, 90_000);

  it("saves desktop and mobile screenshots of the sign-in page with the Google button", async () => {
    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["mobile", MOBILE],
    ] as const) {
      const { context, page, errors } = await open(server.baseUrl, viewport);
      await page.goto("/giris");
      await page.waitForLoadState("networkidle");
      const button = googleButton(page);
      expect(await button.isVisible()).toBe(true);
      // the button sits inside the viewport width (no horizontal overflow on phones)
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: path.join(screenshotDir, `social-sign-in-${device}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 60_000);
});
