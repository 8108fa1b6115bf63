import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, signInStaff, type TestApp } from "../../../test/app.ts";
import { mailMessages } from "../../platform/mail/schema.ts";
import { accounts, authThrottle, sessions, userConsents, users } from "../accounts/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { recordAudit } from "../audit/service.ts";
import { ACCOUNT_DELETION_GRACE_SECONDS, ANONYMISE_JOB, ANONYMOUS_NAME, anonymiseUser, MARKETING_TEXT_VERSIONS } from "./account.ts";
import { addresses, customers } from "./schema.ts";

const PASSWORD = "correct-horse-battery-staple";
const HOST_A = "hesap-a.test";
const HOST_B = "hesap-b.test";

const homeAddress = {
  title: "Ev",
  firstName: "Ayşe",
  lastName: "Yılmaz",
  phone: "0532 123 45 67",
  provinceCode: 34,
  district: "Kadıköy",
  neighbourhood: "Caferağa Mah",
  addressLine: "Moda Cad. No: 12 D: 3",
  postalCode: "34710",
  tckn: "10000000146",
};

describe("my account: profile, addresses, consents, export, deletion", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let userId: string;
  let cookie: string;
  const email = "ayse.musteri@example.com";

  async function signIn(host: string, mail: string): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { host, origin: `http://${host}`, "content-type": "application/json" },
      payload: { email: mail, password: PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const set = res.headers["set-cookie"];
    return (Array.isArray(set) ? set : [set ?? ""]).map((c) => c.split(";", 1)[0]).join("; ");
  }

  async function createCustomerUser(mail: string): Promise<string> {
    const auth = await t.kernel.auth();
    const created = await auth.api.createUser({
      body: { email: mail, password: PASSWORD, name: "Ayşe Yılmaz", role: "user", data: { emailVerified: true } },
    });
    return created.user.id;
  }

  const call = (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    options: { host?: string; cookie?: string | null; body?: unknown } = {},
  ) => {
    const host = options.host ?? HOST_A;
    const c = options.cookie === undefined ? cookie : options.cookie;
    return t.app.inject({
      method,
      url,
      headers: {
        host,
        origin: `http://${host}`,
        ...(c ? { cookie: c } : {}),
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      payload: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false" });
    tenantA = (await createStore(t.kernel, "hesapa", [HOST_A], 1)).tenant.id;
    tenantB = (await createStore(t.kernel, "hesapb", [HOST_B], 1)).tenant.id;
    await t.kernel.jobs.start();
    userId = await createCustomerUser(email);
    cookie = await signIn(HOST_A, email);
  });
  afterAll(() => t?.close());

  it("answers 401 problem+json without a session or token", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/me"],
      ["GET", "/api/v1/me/addresses"],
      ["POST", "/api/v1/me/addresses"],
      ["GET", "/api/v1/me/export"],
      ["POST", "/api/v1/me/deletion"],
    ] as const) {
      const res = await call(method, url, { cookie: null, body: method === "POST" ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
  });

  it("reads and changes the profile, normalising the phone and auditing the change", async () => {
    const me = await call("GET", "/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: userId,
      email,
      phone: null,
      customer: { tier: "standard", storeCredit: 0 },
      deletion: null,
      pendingEmail: null,
    });
    expect(me.headers["cache-control"]).toBe("private, no-store");

    const bad = await call("PATCH", "/api/v1/me", { body: { phone: "0212 123 45 67" } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: "phone", code: "phone" })]);

    const blank = await call("PATCH", "/api/v1/me", { body: { name: "   " } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors[0]).toMatchObject({ path: "name", code: "required" });

    const ok = await call("PATCH", "/api/v1/me", { body: { name: "Ayşe  Demir ", phone: "0532 123 45 67" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: "Ayşe Demir", phone: "+905321234567" });

    const [event] = await t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "account.profile_update"), eq(auditEvents.targetId, userId)));
    expect(event).toMatchObject({
      tenantId: tenantA,
      actorId: userId,
      before: { name: "Ayşe Yılmaz", phone: null },
      after: { name: "Ayşe Demir", phone: "+905321234567" },
    });
  });

  let firstId: string;
  let secondId: string;

  it("keeps an address book with one default and field-level errors", async () => {
    const created = await call("POST", "/api/v1/me/addresses", { body: homeAddress });
    expect(created.statusCode).toBe(201);
    firstId = created.json().id;
    expect(created.json()).toMatchObject({
      phone: "+905321234567",
      province: "İstanbul",
      district: "Kadıköy",
      neighbourhood: "Caferağa Mah",
      invoiceType: "individual",
      isDefault: true,
    });

    const invalid = await call("POST", "/api/v1/me/addresses", {
      body: {
        ...homeAddress,
        neighbourhood: "Kızılay Mah",
        tckn: "12345678901",
        postalCode: "06100",
        invoiceType: "corporate",
        companyName: "",
        taxNumber: "4540536921",
        taxOffice: "",
      },
    });
    expect(invalid.statusCode).toBe(422);
    const paths = (invalid.json().errors as { path: string; code: string }[]).map((e) => `${e.path}:${e.code}`).sort();
    expect(paths).toEqual(["companyName:required", "neighbourhood:neighbourhood", "taxNumber:vkn", "taxOffice:required", "tckn:tckn"]);

    const wrongPostal = await call("POST", "/api/v1/me/addresses", { body: { ...homeAddress, postalCode: "06100" } });
    expect(wrongPostal.json().errors).toEqual([expect.objectContaining({ path: "postalCode", code: "postalCodeProvince" })]);

    const corporate = await call("POST", "/api/v1/me/addresses", {
      body: {
        title: "İş",
        firstName: "Ayşe",
        lastName: "Demir",
        phone: "+90 505 000 00 00",
        provinceCode: "06",
        district: "çankaya",
        neighbourhood: "kızılay mah",
        addressLine: "Atatürk Blv. No: 100 Kat 4",
        invoiceType: "corporate",
        companyName: "Demir Yazılım A.Ş.",
        taxNumber: "4540536920",
        taxOffice: "Çankaya",
        isDefault: true,
      },
    });
    expect(corporate.statusCode).toBe(201);
    secondId = corporate.json().id;
    expect(corporate.json()).toMatchObject({
      provinceCode: 6,
      province: "Ankara",
      district: "Çankaya",
      neighbourhood: "Kızılay Mah",
      isDefault: true,
    });

    const list = (await call("GET", "/api/v1/me/addresses")).json().items as { id: string; isDefault: boolean }[];
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([
      [secondId, true],
      [firstId, false],
    ]);

    // an individual invoice drops the company fields
    const patched = await call("PATCH", `/api/v1/me/addresses/${secondId}`, {
      body: { invoiceType: "individual", addressLine: "Atatürk Blv. No: 102" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      invoiceType: "individual",
      companyName: null,
      taxNumber: null,
      taxOffice: null,
      addressLine: "Atatürk Blv. No: 102",
    });

    const badPatch = await call("PATCH", `/api/v1/me/addresses/${firstId}`, { body: { district: "Çankaya" } });
    expect(badPatch.statusCode).toBe(422);
    expect(badPatch.json().errors[0]).toMatchObject({ path: "district" });

    // deleting the default makes the other one the default
    expect((await call("DELETE", `/api/v1/me/addresses/${secondId}`)).statusCode).toBe(204);
    const after = (await call("GET", "/api/v1/me/addresses")).json().items as { id: string; isDefault: boolean }[];
    expect(after).toEqual([expect.objectContaining({ id: firstId, isDefault: true })]);
    expect((await call("DELETE", `/api/v1/me/addresses/${secondId}`)).statusCode).toBe(404);
    expect((await call("PATCH", "/api/v1/me/addresses/not-a-uuid", { body: { title: "x" } })).statusCode).toBe(404);
  });

  it("keeps each store's address book to itself", async () => {
    // the same person (the session is not tied to a store) through store B's host
    const list = await call("GET", "/api/v1/me/addresses", { host: HOST_B });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await call("PATCH", `/api/v1/me/addresses/${firstId}`, { host: HOST_B, body: { title: "Çalıntı" } })).statusCode).toBe(404);
    expect((await call("DELETE", `/api/v1/me/addresses/${firstId}`, { host: HOST_B })).statusCode).toBe(404);
    const rows = await t.kernel.db.select().from(addresses).where(eq(addresses.id, firstId));
    expect(rows[0]).toMatchObject({ tenantId: tenantA, title: "Ev" });
    // visiting store B made the person its customer, with an empty book
    const customerRows = await t.kernel.db.select().from(customers).where(eq(customers.userId, userId));
    expect(customerRows.map((c) => c.tenantId).sort()).toEqual([tenantA, tenantB].sort());
  });

  it("refuses a cookie write from another site (CSRF)", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/addresses",
      headers: { host: HOST_A, origin: "https://evil.example", cookie, "content-type": "application/json" },
      payload: JSON.stringify(homeAddress),
    });
    expect(res.statusCode).toBe(403);
  });

  it("grants and withdraws marketing consents by appending to the ledger", async () => {
    const initial = (await call("GET", "/api/v1/me/consents")).json().items as {
      purpose: string;
      granted: boolean;
      decidedAt: string | null;
    }[];
    expect(initial.find((c) => c.purpose === "marketing_email")).toMatchObject({ granted: false, decidedAt: null });

    const granted = await call("POST", "/api/v1/me/consents", { body: { purpose: "marketing_email", granted: true } });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().items.find((c: { purpose: string }) => c.purpose === "marketing_email")).toMatchObject({
      granted: true,
      textVersion: MARKETING_TEXT_VERSIONS.marketing_email,
    });
    // unchanged: nothing appended
    await call("POST", "/api/v1/me/consents", { body: { purpose: "marketing_email", granted: true } });
    await call("POST", "/api/v1/me/consents", { body: { purpose: "marketing_email", granted: false } });
    const rows = await t.kernel.db
      .select()
      .from(userConsents)
      .where(and(eq(userConsents.userId, userId), eq(userConsents.purpose, "marketing_email")))
      .orderBy(userConsents.createdAt);
    expect(rows.map((r) => r.granted)).toEqual([true, false]);
    expect(rows[0]?.tenantId).toBe(tenantA);
    expect(rows[0]?.ip).toBeTruthy();

    expect((await call("POST", "/api/v1/me/consents", { body: { purpose: "kvkk_notice", granted: false } })).statusCode).toBe(400);
    // store B has its own consents
    const inB = (await call("GET", "/api/v1/me/consents", { host: HOST_B })).json().items as {
      purpose: string;
      decidedAt: string | null;
    }[];
    expect(inB.every((c) => c.decidedAt === null)).toBe(true);
  });

  it("shows a pending e-mail change until the link mailed to the new address is opened", async () => {
    const newEmail = "ayse.yeni@example.com";
    const requested = await call("POST", "/api/auth/change-email", { body: { newEmail, callbackURL: "/hesap?dogrulandi=1" } });
    expect(requested.statusCode).toBe(200);
    expect((await call("GET", "/api/v1/me")).json()).toMatchObject({ email, pendingEmail: newEmail });

    let link: string | undefined;
    await expect
      .poll(async () => {
        const [mail] = await t.kernel.db
          .select({ text: mailMessages.text })
          .from(mailMessages)
          .where(sql`${newEmail} = any(${mailMessages.to})`);
        link = /https?:\/\/\S+verify-email\S+/.exec(mail?.text ?? "")?.[0];
        return link;
      })
      .toBeTruthy();
    const url = new URL(link as string);
    expect(url.host).toBe(HOST_A);
    const opened = await t.app.inject({ method: "GET", url: url.pathname + url.search, headers: { host: HOST_A, cookie } });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe("/hesap?dogrulandi=1");
    const me = (await call("GET", "/api/v1/me")).json();
    expect(me).toMatchObject({ email: newEmail, pendingEmail: null });
    // back to the address the other tests expect
    await t.kernel.db.update(users).set({ email }).where(eq(users.id, userId));
  });

  it("exports everything held about the person in this store as a download", async () => {
    await t.kernel.mailer.send({ to: email, subject: "Siparişiniz yolda", text: "Merhaba Ayşe", tenantId: tenantA, template: "test" });
    await t.kernel.mailer.send({ to: email, subject: "Başka mağaza", text: "B", tenantId: tenantB, template: "test" });
    const res = await call("GET", "/api/v1/me/export");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="kisisel-verilerim-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.json();
    expect(data.user).toMatchObject({ id: userId, email, name: "Ayşe Demir", phone: "+905321234567" });
    expect(data.user.signInMethods).toEqual([expect.objectContaining({ provider: "credential" })]);
    expect(data.customer).toMatchObject({ tier: "standard", storeCredit: 0 });
    expect(data.addresses).toHaveLength(1);
    expect(data.consents.map((c: { purpose: string }) => c.purpose)).toContain("marketing_email");
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data.sessions)).not.toMatch(/token/i);
    expect(JSON.stringify(data)).not.toContain(cookie.split("=")[1]?.split(".")[0] ?? "no-cookie");
    expect(data.auditEvents.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(["auth.sign_in", "account.profile_update", "account.address_create"]),
    );
    expect(data.mailMessages.map((m: { subject: string }) => m.subject)).toEqual(["Siparişiniz yolda"]);
    expect(data.storeCreditLedger).toEqual([]);
  });

  it("records a deletion request with a job after the grace period, and cancels it", async () => {
    const res = await call("POST", "/api/v1/me/deletion");
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.graceDays).toBe(14);
    expect(new Date(body.effectiveAt).getTime() - new Date(body.requestedAt).getTime()).toBe(ACCOUNT_DELETION_GRACE_SECONDS * 1000);
    const jobs = await t.kernel.database.query<{ data: { userId: string; requestedAt: string }; start_after: Date }>(
      "select data, start_after from pgboss.job where name = $1",
      [ANONYMISE_JOB],
    );
    expect(jobs).toHaveLength(1);
    const job = jobs[0] as { data: { userId: string; requestedAt: string }; start_after: Date };
    expect(job.data).toEqual({ userId, requestedAt: body.requestedAt });
    const delay = new Date(job.start_after).getTime() - Date.now();
    expect(delay).toBeGreaterThan(ACCOUNT_DELETION_GRACE_SECONDS * 1000 - 120_000);
    expect((await call("GET", "/api/v1/me")).json().deletion).toEqual({ requestedAt: body.requestedAt, effectiveAt: body.effectiveAt });
    // asking twice keeps the first request
    expect((await call("POST", "/api/v1/me/deletion")).json().requestedAt).toBe(body.requestedAt);

    // before the grace period is over the job does nothing
    expect(await anonymiseUser(t.kernel.db, job.data)).toBe(false);

    expect((await call("DELETE", "/api/v1/me/deletion")).statusCode).toBe(204);
    expect((await call("GET", "/api/v1/me")).json().deletion).toBeNull();
    // a cancelled request's job finds nothing to do, even after the grace period
    const later = new Date(Date.now() + ACCOUNT_DELETION_GRACE_SECONDS * 1000 + 1000);
    expect(await anonymiseUser(t.kernel.db, job.data, { now: later })).toBe(false);
    const types = (await t.kernel.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.targetId, userId))).map(
      (e) => e.type,
    );
    expect(types).toEqual(expect.arrayContaining(["account.deletion_requested", "account.deletion_cancelled"]));
  });

  it("anonymises the account once the grace period is over", async () => {
    const res = await call("POST", "/api/v1/me/deletion");
    expect(res.statusCode).toBe(202);
    const requestedAt = res.json().requestedAt as string;
    const later = new Date(new Date(requestedAt).getTime() + ACCOUNT_DELETION_GRACE_SECONDS * 1000);
    // traces of the address elsewhere: in another event's summary and diff, and a lockout counter
    await recordAudit(t.kernel.db, {
      tenantId: tenantA,
      type: "staff.invite",
      actor: { kind: "system" },
      summary: `${email} (support)`,
      after: { email, role: "support" },
    });
    await t.kernel.db.insert(authThrottle).values({ key: `signin:email:${email}`, count: 2 });
    expect(await anonymiseUser(t.kernel.db, { userId, requestedAt }, { now: later })).toBe(true);

    const [user] = await t.kernel.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ name: ANONYMOUS_NAME, email: `deleted-${userId}@deleted.invalid`, phone: null, banned: true });
    expect(await t.kernel.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    expect(await t.kernel.db.select().from(accounts).where(eq(accounts.userId, userId))).toEqual([]);
    expect(await t.kernel.db.select().from(addresses).where(eq(addresses.id, firstId))).toEqual([]);
    const consentIps = await t.kernel.db.select({ ip: userConsents.ip }).from(userConsents).where(eq(userConsents.userId, userId));
    expect(consentIps.every((c) => c.ip === null)).toBe(true);
    const [leftover] = await t.kernel.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.actorEmail, email));
    expect(leftover?.n).toBe(0);
    const mentions = await t.kernel.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        sql`strpos(coalesce(${auditEvents.summary}, '') || coalesce(${auditEvents.before}::text, '') || coalesce(${auditEvents.after}::text, ''), ${email}) > 0`,
      );
    expect(mentions[0]?.n).toBe(0);
    const [invite] = await t.kernel.db.select().from(auditEvents).where(eq(auditEvents.type, "staff.invite"));
    expect(invite).toMatchObject({ summary: "[silindi] (support)", after: { email: "[silindi]", role: "support" } });
    expect(
      await t.kernel.db
        .select()
        .from(authThrottle)
        .where(eq(authThrottle.key, `signin:email:${email}`)),
    ).toEqual([]);
    // the old session no longer works, and the old password signs nobody in
    expect((await call("GET", "/api/v1/me")).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { host: HOST_A, origin: `http://${HOST_A}`, "content-type": "application/json" },
      payload: { email, password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it("does not let staff delete their account from My account", async () => {
    const staffCookie = await signInStaff(t, tenantA, HOST_A, "personel.hesap@example.com");
    const res = await call("POST", "/api/v1/me/deletion", { cookie: staffCookie });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/Staff/);
  });
});
