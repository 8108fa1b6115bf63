// Identity flows through the real app, as a browser would use them (Origin header, cookies):
// sign-up with consents, e-mail verification, password reset (expiry, reuse, forgery, session
// revocation, no enumeration, rate limits), brute-force lockout and two-factor sign-in. Mail goes
// to a real SMTP server started by the test. Also covers the storefront's IdentityWeb service.

import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest, LightMyRequestResponse } from "fastify";
import { TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { linkIn, startTestSmtp, type TestSmtp } from "../../../test/smtp.ts";
import { identityWeb } from "../../server/web/identity.ts";
import { CONSENT_TEXT_VERSIONS } from "./auth.ts";
import { authThrottle, sessions, userConsents, users, verifications } from "./schema.ts";

const HOST = "kimlik.test";
const ORIGIN = `http://${HOST}`;
const GOOD_PASSWORD = "Kervan-dogru-sifre-42";

let t: TestApp;
let smtp: TestSmtp;
let tenant: { id: string; name: string };
let ipCounter = 1;

/** A fresh client address, so the per-IP limits of one test do not leak into another. */
const nextIp = () => `10.7.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

function cookiesOf(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list
    .map((c) => c.split(";", 1)[0] as string)
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

async function api(path: string, body: unknown, options: { cookie?: string; ip?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = { host: HOST, "content-type": "application/json", "user-agent": "vitest" };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (options.cookie) headers.cookie = options.cookie;
  return t.app.inject({
    method: "POST",
    url: `/api/auth${path}`,
    headers,
    remoteAddress: options.ip ?? nextIp(),
    payload: JSON.stringify(body),
  });
}

async function sessionOf(cookie: string) {
  const res = await t.app.inject({ method: "GET", url: "/api/auth/get-session", headers: { host: HOST, cookie } });
  return res.json() as { user: { id: string; email: string; twoFactorEnabled?: boolean } } | null;
}

/** A verified customer created server-side (no mail). */
async function createVerifiedUser(email: string, password = GOOD_PASSWORD): Promise<string> {
  const auth = await t.kernel.auth();
  const { user } = await auth.api.createUser({ body: { email, password, name: "Ayşe Yılmaz", data: { emailVerified: true } } });
  return user.id;
}

async function signIn(email: string, password = GOOD_PASSWORD, ip = nextIp()) {
  return api("/sign-in/email", { email, password }, { ip });
}

/** The per-request storefront service, for a request with these cookies. */
function identityFor(cookie?: string) {
  const request = {
    protocol: "http",
    host: HOST,
    ip: "10.8.0.1",
    headers: { host: HOST, origin: ORIGIN, "user-agent": "vitest-web", ...(cookie ? { cookie } : {}) },
    tenant: { id: tenant.id, name: tenant.name, settings: {} },
  } as unknown as FastifyRequest;
  return identityWeb(t.kernel, request);
}

async function requestReset(email: string, ip = nextIp()) {
  const since = smtp.received.length;
  const res = await api("/request-password-reset", { email }, { ip });
  expect(res.statusCode).toBe(200);
  const mail = await smtp.waitFor(email, (m) => /şifre sıfırlama|password reset/i.test(m.subject), { since });
  const link = new URL(linkIn(mail, "/sifre-sifirla"));
  expect(link.origin).toBe(ORIGIN);
  return link.searchParams.get("token") as string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ AUTH_RATE_LIMIT: "false", SMTP_URL: smtp.url });
  const store = await createStore(t.kernel, "kimlik", [HOST], 1);
  tenant = { id: store.tenant.id, name: store.tenant.name };
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe("sign-up", () => {
  it("records the KVKK notice, the terms and both marketing choices with versions, IP and time", async () => {
    const ip = nextIp();
    const res = await api(
      "/sign-up/email",
      {
        name: "Elif Kaya",
        email: "elif@example.com",
        password: GOOD_PASSWORD,
        acceptTerms: true,
        marketingEmail: true,
        marketingSms: false,
        callbackURL: "/hesap?dogrulandi=1",
      },
      { ip },
    );
    expect(res.statusCode).toBe(200);
    const [user] = await t.kernel.db.select().from(users).where(eq(users.email, "elif@example.com"));
    expect(user?.emailVerified).toBe(false);
    const rows = await t.kernel.db
      .select()
      .from(userConsents)
      .where(eq(userConsents.userId, user?.id as string));
    const byPurpose = Object.fromEntries(rows.map((r) => [r.purpose, r]));
    expect(rows).toHaveLength(4);
    expect(byPurpose.kvkk_notice?.granted).toBe(true);
    expect(byPurpose.terms?.granted).toBe(true);
    expect(byPurpose.marketing_email?.granted).toBe(true);
    expect(byPurpose.marketing_sms?.granted).toBe(false);
    for (const row of rows) {
      expect(row.textVersion).toBe(CONSENT_TEXT_VERSIONS[row.purpose]);
      expect(row.ip).toBe(ip);
      expect(row.tenantId).toBe(tenant.id);
      expect(Date.now() - row.createdAt.getTime()).toBeLessThan(60_000);
    }
  });

  it("refuses a sign-up without the membership terms, and common passwords, saving nothing", async () => {
    const noTerms = await api("/sign-up/email", { name: "Can", email: "can@example.com", password: GOOD_PASSWORD, marketingEmail: true });
    expect(noTerms.statusCode).toBe(400);
    expect(noTerms.json().code).toBe("TERMS_NOT_ACCEPTED");
    for (const password of ["Galatasaray1905", "password1234"]) {
      const res = await api("/sign-up/email", { name: "Can", email: "can@example.com", password, acceptTerms: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("PASSWORD_TOO_COMMON");
    }
    const short = await api("/sign-up/email", { name: "Can", email: "can@example.com", password: "kisa-1", acceptTerms: true });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe("PASSWORD_TOO_SHORT");
    expect(await t.kernel.db.select().from(users).where(eq(users.email, "can@example.com"))).toHaveLength(0);
  });

  it("keeps unverified people out until they open the mailed link, which signs them in", async () => {
    const email = "deniz@example.com";
    const since = smtp.received.length;
    const identity = identityFor();
    const signUp = await identity.signUp({
      name: "Deniz Ak",
      email,
      password: GOOD_PASSWORD,
      acceptTerms: true,
      marketingEmail: false,
      marketingSms: false,
      callbackURL: "/hesap?dogrulandi=1",
    });
    expect(signUp.ok).toBe(true);
    const mail = await smtp.waitFor(email, (m) => m.text.includes("verify-email"), { since });
    const refused = await signIn(email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("EMAIL_NOT_VERIFIED");

    const link = new URL(linkIn(mail, "/api/auth/verify-email"));
    expect(link.origin).toBe(ORIGIN);
    const opened = await t.app.inject({ method: "GET", url: link.pathname + link.search, headers: { host: HOST } });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe("/hesap?dogrulandi=1");
    const session = await sessionOf(cookiesOf(opened));
    expect(session?.user.email).toBe(email);
    expect((await signIn(email)).statusCode).toBe(200);
  });
});

describe("password reset", () => {
  it("refuses an expired token (clear 'expired' state for the page) and a forged one", async () => {
    const email = "expired@example.com";
    const userId = await createVerifiedUser(email);
    const token = await requestReset(email);
    expect(await identityFor().checkResetToken(token)).toBe("valid");
    // only the hash of the token is stored
    const stored = await t.kernel.db.select().from(verifications).where(eq(verifications.value, userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.identifier).not.toContain(token);

    await t.kernel.db.update(verifications).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(verifications.value, userId));
    expect(await identityFor().checkResetToken(token)).toBe("expired");
    const expired = await api("/reset-password", { token, newPassword: "Yepyeni-sifre-2026" });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe("INVALID_TOKEN");

    const forged = `${token.slice(0, -4)}abcd`;
    expect(await identityFor().checkResetToken(forged)).toBe("invalid");
    expect(await identityFor().checkResetToken("../../etc")).toBe("invalid");
    const forgedRes = await api("/reset-password", { token: forged, newPassword: "Yepyeni-sifre-2026" });
    expect(forgedRes.statusCode).toBe(400);
    expect((await signIn(email)).statusCode).toBe(200); // the old password still works
  });

  it("uses a token once, ends every session and mails a confirmation", async () => {
    const email = "reset@example.com";
    await createVerifiedUser(email);
    const laptop = cookiesOf(await signIn(email));
    const phone = cookiesOf(await signIn(email));
    expect(await sessionOf(laptop)).not.toBeNull();
    const token = await requestReset(email);
    const since = smtp.received.length;

    const result = await identityFor().resetPassword({ token, newPassword: "Yepyeni-sifre-2026" });
    expect(result.ok).toBe(true);
    expect(await sessionOf(laptop)).toBeNull();
    expect(await sessionOf(phone)).toBeNull();
    await smtp.waitFor(email, (m) => /değiştirildi|changed/i.test(m.subject), { since });

    expect(await identityFor().checkResetToken(token)).toBe("invalid");
    const reused = await api("/reset-password", { token, newPassword: "Baska-bir-sifre-2026" });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe("INVALID_TOKEN");
    expect((await signIn(email)).statusCode).toBe(401);
    expect((await signIn(email, "Yepyeni-sifre-2026")).statusCode).toBe(200);
  });

  it("answers an unknown address exactly like a known one, in the same time class even when SMTP is slow", async () => {
    const known: string[] = [];
    for (let i = 0; i < 10; i++) {
      const email = `bilinen${i}@example.com`;
      await createVerifiedUser(email);
      known.push(email);
    }
    smtp.setDelay(1500);
    const since = smtp.received.length;
    try {
      // warm up both paths
      await api("/request-password-reset", { email: "isinma@example.com" });
      const times = { known: [] as number[], unknown: [] as number[] };
      const bodies = new Set<string>();
      for (let i = 0; i < 10; i++) {
        for (const [kind, email] of [
          ["known", known[i] as string],
          ["unknown", `yok${i}@example.com`],
        ] as const) {
          const started = performance.now();
          const res = await api("/request-password-reset", { email });
          times[kind].push(performance.now() - started);
          expect(res.statusCode).toBe(200);
          bodies.add(res.body);
        }
      }
      expect(bodies.size).toBe(1);
      const k = median(times.known);
      const u = median(times.unknown);
      // Awaiting the 1.5 s SMTP exchange would put the known path far above both bounds.
      expect(k).toBeLessThan(1000);
      expect(k).toBeLessThan(u * 3 + 150);
      // ...and the mails really go out, in the background.
      for (const email of known) await smtp.waitFor(email, () => true, { since, timeoutMs: 40_000 });
    } finally {
      smtp.setDelay(0);
    }
  }, 120_000);

  it("limits reset requests to 5 an hour per IP and per e-mail", async () => {
    const ip = nextIp();
    for (let i = 1; i <= 5; i++)
      expect((await api("/request-password-reset", { email: `ip${i}@example.com` }, { ip })).statusCode).toBe(200);
    const sixth = await api("/request-password-reset", { email: "ip6@example.com" }, { ip });
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);

    const email = "hedef@example.com";
    await createVerifiedUser(email);
    for (let i = 1; i <= 5; i++) expect((await api("/request-password-reset", { email })).statusCode).toBe(200);
    const blocked = await api("/request-password-reset", { email: "Hedef@Example.com" });
    expect(blocked.statusCode).toBe(429);
    // the web service reports it for a clear message on the page
    const web = await identityFor().requestPasswordReset(email);
    expect(web.ok).toBe(false);
    if (!web.ok) expect(web.error.status).toBe(429);
  });
});

describe("brute force", () => {
  it("locks an e-mail after 5 wrong passwords, even for the right one, and locks longer next time", async () => {
    const email = "kilit@example.com";
    await createVerifiedUser(email);
    for (let i = 0; i < 5; i++) expect((await signIn(email, "yanlis-sifre-123")).statusCode).toBe(401);
    const locked = await signIn(email);
    expect(locked.statusCode).toBe(429);
    const first = Number(locked.headers["retry-after"]);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(60);
    const web = await identityFor().signIn({ email, password: GOOD_PASSWORD, rememberMe: false });
    expect(web.ok).toBe(false);
    if (!web.ok) expect(web.error).toMatchObject({ status: 429, code: "TOO_MANY_ATTEMPTS" });

    // the lock runs out; five more failures lock it again, for twice as long
    await t.kernel.db
      .update(authThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(authThrottle.key, `signin:email:${email}`));
    for (let i = 0; i < 5; i++) expect((await signIn(email, "yanlis-sifre-123")).statusCode).toBe(401);
    const again = await signIn(email);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers["retry-after"])).toBeGreaterThan(60);
  });
});

describe("two-factor authentication and sessions (storefront service)", () => {
  it("enables 2FA with a confirmed code, then asks for it at sign-in; a backup code works once", async () => {
    const email = "iki@example.com";
    await createVerifiedUser(email);
    let cookie = cookiesOf(await signIn(email));

    const wrongPassword = await identityFor(cookie).enableTwoFactor("yanlis-sifre-123");
    expect(wrongPassword.ok).toBe(false);
    const setup = await identityFor(cookie).enableTwoFactor(GOOD_PASSWORD);
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    expect(setup.value.qrSvg).toContain("<svg");
    const uri = new URL(setup.value.totpURI);
    expect(decodeURIComponent(uri.pathname)).toContain(tenant.name); // issuer = the store's name
    const totp = new TOTP({ secret: setup.value.secret, digits: 6, period: 30 });
    // not on until confirmed
    expect((await sessionOf(cookie))?.user.twoFactorEnabled).toBe(false);
    expect((await identityFor(cookie).confirmTwoFactor("000000")).ok).toBe(false);

    const confirmed = await identityFor(cookie).confirmTwoFactor(totp.generate());
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.error));
    expect(confirmed.value.backupCodes).toHaveLength(10);
    // the session is rotated: continue with the new cookie
    cookie = confirmed.cookies.map((c) => c.split(";", 1)[0]).join("; ");
    expect((await sessionOf(cookie))?.user.twoFactorEnabled).toBe(true);
    expect((await identityFor(cookie).security())?.twoFactorEnabled).toBe(true);

    // password alone no longer signs in
    const first = await signIn(email);
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactorRedirect).toBe(true);
    const pending = cookiesOf(first);
    expect(await sessionOf(pending)).toBeNull();
    expect(identityFor(pending).twoFactorPending()).toBe(true);
    const wrong = await identityFor(pending).verifyTwoFactor({ code: "000000", kind: "totp", trustDevice: false });
    expect(wrong.ok).toBe(false);
    const verified = await api("/two-factor/verify-totp", { code: totp.generate({ timestamp: Date.now() + 30_000 }) }, { cookie: pending });
    expect(verified.statusCode).toBe(200);
    expect((await sessionOf(cookiesOf(verified)))?.user.email).toBe(email);

    // a backup code works once
    const backup = confirmed.value.backupCodes[0] as string;
    const second = cookiesOf(await signIn(email));
    const viaBackup = await identityFor(second).verifyTwoFactor({ code: backup, kind: "backup", trustDevice: false });
    expect(viaBackup.ok).toBe(true);
    const third = cookiesOf(await signIn(email));
    const reused = await identityFor(third).verifyTwoFactor({ code: backup, kind: "backup", trustDevice: false });
    expect(reused.ok).toBe(false);

    // new codes replace the old ones; turning 2FA off needs the password
    const regenerated = await identityFor(cookie).regenerateBackupCodes(GOOD_PASSWORD);
    if (!regenerated.ok) throw new Error(JSON.stringify(regenerated.error));
    expect(regenerated.value.backupCodes).not.toContain(confirmed.value.backupCodes[1]);
    expect((await identityFor(cookie).disableTwoFactor("yanlis-sifre-123")).ok).toBe(false);
    const disabled = await identityFor(cookie).disableTwoFactor(GOOD_PASSWORD);
    expect(disabled.ok).toBe(true);
    const plain = await signIn(email);
    expect(plain.json().twoFactorRedirect).toBeUndefined();
    expect(await sessionOf(cookiesOf(plain))).not.toBeNull();
  });

  it("lists sessions with the current one marked, ends one or all others, and changing the password ends the rest", async () => {
    const email = "oturum@example.com";
    await createVerifiedUser(email);
    const here = cookiesOf(await signIn(email));
    const other1 = cookiesOf(await signIn(email));
    const other2 = cookiesOf(await signIn(email));
    const other3 = cookiesOf(await signIn(email));

    const overview = await identityFor(here).security();
    expect(overview?.hasPassword).toBe(true);
    expect(overview?.sessions).toHaveLength(4);
    expect(overview?.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(overview)).not.toMatch(/token/i);

    const otherId = (await identityFor(other1).security())?.sessions.find((s) => s.current)?.id as string;
    expect((await identityFor(here).revokeSession(otherId)).ok).toBe(true);
    expect(await sessionOf(other1)).toBeNull();
    expect(await sessionOf(other2)).not.toBeNull();
    // another person's session id does nothing
    expect((await identityFor(other2).revokeSession("00000000-0000-4000-8000-000000000000")).ok).toBe(true);

    expect((await identityFor(here).revokeOtherSessions()).ok).toBe(true);
    expect(await sessionOf(other2)).toBeNull();
    expect(await sessionOf(here)).not.toBeNull();

    const another = cookiesOf(await signIn(email));
    const weak = await identityFor(here).changePassword({ currentPassword: GOOD_PASSWORD, newPassword: "fenerbahce1907" });
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.error.code).toBe("PASSWORD_TOO_COMMON");
    const changed = await identityFor(here).changePassword({ currentPassword: GOOD_PASSWORD, newPassword: "Degisen-sifre-2026" });
    expect(changed.ok).toBe(true);
    expect(await sessionOf(another)).toBeNull();
    expect(await sessionOf(other3)).toBeNull();
    const rows = await t.kernel.db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(users.email, email)));
    expect(rows).toHaveLength(1); // only the (rotated) current session is left
  });

  it("refuses a sign-in from a foreign origin", async () => {
    const email = "koken@example.com";
    await createVerifiedUser(email);
    const res = await api("/sign-in/email", { email, password: GOOD_PASSWORD }, { origin: "https://kotu.example" });
    expect(res.statusCode).toBe(403);
  });
});
