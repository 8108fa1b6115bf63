import { createServer } from "node:net";
import fastifySwagger from "@fastify/swagger";
import { jsonSchemaTransform } from "@fastify/type-provider-zod";
import Fastify, { type FastifyInstance } from "fastify";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { decodeBody, decodeHeader, flatten, type MimePart, parseMime } from "../../../test/mime.ts";
import { tenants } from "../db/schema.ts";
import { createMailer, getMail, listMail, mailMessages } from "./index.ts";
import { mailRoutes } from "./routes.ts";

interface Received {
  user: string | undefined;
  from: string | null;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that requires user/pass and keeps every message it accepts. */
async function startSmtpServer(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true, // plain connection on loopback
    hideSTARTTLS: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "user" && auth.password === "pass") return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce@")) return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          user: session.user,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("latin1"), // bytes as-is; decoded per part below
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("SMTP server has no port");
  return { port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("mailer", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let storeA: string;
  let storeB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    const rows = await database.db
      .insert(tenants)
      .values([
        { slug: "a", name: "Mağaza A" },
        { slug: "b", name: "Mağaza B" },
      ])
      .returning({ id: tenants.id });
    storeA = rows[0]?.id as string;
    storeB = rows[1]?.id as string;
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.drop();
  });

  const rowOf = async (id: string) => (await getMail(database.db, storeA, id)) ?? (await getMail(database.db, null, id));

  it("delivers through SMTP exactly what it was given and records the message as sent", async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://user:pass@127.0.0.1:${smtp.port}`,
      from: "Mağaza A <siparis@shop.example>",
      db: database.db,
    });
    expect(mailer.transport).toBe("smtp");
    const invoice = Buffer.from("%PDF-1.4 fatura İçerik ğüşıöç\n");
    const result = await mailer.send({
      tenantId: storeA,
      template: "order-confirmation",
      to: ["ayşe@example.com", "ali@example.com"],
      replyTo: "destek@shop.example",
      subject: "Siparişiniz alındı #1001 — teşekkürler",
      text: "Merhaba Ayşe,\nSiparişiniz (1.234,56 ₺) hazırlanıyor.",
      html: "<p>Merhaba <b>Ayşe</b>, siparişiniz hazırlanıyor.</p>",
      attachments: [{ filename: "fatura-1001.pdf", content: invoice, contentType: "application/pdf" }],
    });
    await mailer.close();

    expect(result.status).toBe("sent");
    expect(result.error).toBeUndefined();
    expect(result.messageId).toBe(`<${result.id}@shop.example>`);

    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received as [Received];
    expect(message.user).toBe("user");
    expect(message.from).toBe("siparis@shop.example");
    expect(message.to).toEqual(["ayşe@example.com", "ali@example.com"]);
    const mime = parseMime(message.raw);
    expect(decodeHeader(mime.headers.get("subject") ?? "")).toBe("Siparişiniz alındı #1001 — teşekkürler");
    expect(decodeHeader(mime.headers.get("to") ?? "")).toBe("ayşe@example.com, ali@example.com");
    expect(decodeHeader(mime.headers.get("from") ?? "")).toBe("Mağaza A <siparis@shop.example>");
    expect(mime.headers.get("reply-to")).toBe("destek@shop.example");
    expect(mime.headers.get("message-id")).toBe(result.messageId);
    const leaves = flatten(mime);
    const text = leaves.find((p) => p.headers.get("content-type")?.startsWith("text/plain"));
    const html = leaves.find((p) => p.headers.get("content-type")?.startsWith("text/html"));
    const pdf = leaves.find((p) => p.headers.get("content-type")?.startsWith("application/pdf"));
    expect(decodeBody(text as MimePart).toString("utf8")).toBe("Merhaba Ayşe,\r\nSiparişiniz (1.234,56 ₺) hazırlanıyor.");
    expect(decodeBody(html as MimePart).toString("utf8")).toBe("<p>Merhaba <b>Ayşe</b>, siparişiniz hazırlanıyor.</p>");
    expect(pdf?.headers.get("content-disposition")).toMatch(/^attachment; filename="?fatura-1001\.pdf"?$/);
    expect(decodeBody(pdf as MimePart)).toEqual(invoice);

    const row = await getMail(database.db, storeA, result.id);
    expect(row).toMatchObject({
      tenantId: storeA,
      template: "order-confirmation",
      from: "Mağaza A <siparis@shop.example>",
      to: ["ayşe@example.com", "ali@example.com"],
      replyTo: "destek@shop.example",
      subject: "Siparişiniz alındı #1001 — teşekkürler",
      text: "Merhaba Ayşe,\nSiparişiniz (1.234,56 ₺) hazırlanıyor.",
      html: "<p>Merhaba <b>Ayşe</b>, siparişiniz hazırlanıyor.</p>",
      attachments: [{ filename: "fatura-1001.pdf", contentType: "application/pdf", bytes: invoice.length }],
      transport: "smtp",
      status: "sent",
      messageId: result.messageId,
      error: null,
    });
    expect(row?.sentAt).toBeInstanceOf(Date);
    // The outbox keeps attachment metadata only, never the content.
    expect(JSON.stringify(row)).not.toContain(invoice.toString("base64"));
  });

  it("delivers a message's secrets but keeps them out of the stored copy", async () => {
    const secret = "Zx9TOKENqq7";
    const message = {
      to: "ayse@example.com",
      subject: "Şifre sıfırlama",
      text: `Bağlantı: https://shop.example/sifre-sifirla?token=${secret}`,
      html: `<a href="https://shop.example/sifre-sifirla?token=${secret}&amp;x=1">Yeni şifre</a>`,
      redact: [secret],
    };
    const smtpMailer = createMailer({
      smtpUrl: `smtp://user:pass@127.0.0.1:${smtp.port}`,
      from: "Kervan <no-reply@shop.example>",
      db: database.db,
    });
    const before = smtp.received.length;
    const sent = await smtpMailer.send(message);
    await smtpMailer.close();
    expect(sent.status).toBe("sent");
    // the person gets the link...
    expect((smtp.received[before] as Received).raw).toContain(secret);
    // ...the outbox, which staff can read, does not
    const stored = await rowOf(sent.id);
    expect(stored?.text).toBe("Bağlantı: https://shop.example/sifre-sifirla?token=[hidden]");
    expect(stored?.html).not.toContain(secret);

    // without SMTP the outbox hides them too, unless told to keep them (development)
    const captured = await createMailer({ from: "Kervan <no-reply@localhost>", db: database.db }).send(message);
    expect((await rowOf(captured.id))?.text).not.toContain(secret);
    const kept = await createMailer({ from: "Kervan <no-reply@localhost>", db: database.db, keepSecretsInOutbox: true }).send(message);
    expect((await rowOf(kept.id))?.text).toContain(secret);
  });

  it("records a message some recipients refused as sent, naming the refused ones", async () => {
    const before = smtp.received.length;
    const mailer = createMailer({
      smtpUrl: `smtp://user:pass@127.0.0.1:${smtp.port}`,
      from: "Kervan <no-reply@kervan.example>",
      db: database.db,
    });
    const result = await mailer.send({ tenantId: storeA, to: ["ok@example.com", "bounce@example.com"], subject: "Kampanya", text: "..." });
    await mailer.close();
    expect(result).toMatchObject({ status: "sent", error: "Rejected recipients: bounce@example.com" });
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([["ok@example.com"]]);
    expect(await getMail(database.db, storeA, result.id)).toMatchObject({
      status: "sent",
      error: "Rejected recipients: bounce@example.com",
    });
  });

  it("records a refused login as failed, with the server's reason", async () => {
    const before = smtp.received.length;
    const mailer = createMailer({
      smtpUrl: `smtp://user:wrong@127.0.0.1:${smtp.port}`,
      from: "Kervan <no-reply@kervan.example>",
      db: database.db,
    });
    const result = await mailer.send({ to: "staff@example.com", subject: "Şifre sıfırlama", text: "..." });
    await mailer.close();
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/Invalid username or password/);
    expect(smtp.received).toHaveLength(before);
    const row = await rowOf(result.id);
    expect(row).toMatchObject({ tenantId: null, status: "failed", transport: "smtp", sentAt: null });
    expect(row?.error).toBe(result.error);
  });

  it("records an unreachable SMTP server as failed instead of throwing", async () => {
    const port = await closedPort();
    const mailer = createMailer({
      smtpUrl: `smtp://user:pass@127.0.0.1:${port}`,
      from: "Kervan <no-reply@kervan.example>",
      db: database.db,
    });
    const result = await mailer.send({ tenantId: storeA, to: "x@example.com", subject: "Kargoya verildi", text: "Takip no: 123" });
    await mailer.close();
    expect(result).toMatchObject({ status: "failed", messageId: `<${result.id}@kervan.example>` });
    expect(result.error).toMatch(/ECONNREFUSED/);
    expect(await getMail(database.db, storeA, result.id)).toMatchObject({
      status: "failed",
      error: result.error,
      subject: "Kargoya verildi",
    });
  });

  it("captures messages without sending when no SMTP URL is set", async () => {
    const before = smtp.received.length;
    const logged: string[] = [];
    const mailer = createMailer({
      from: "Kervan <no-reply@localhost>",
      db: database.db,
      log: { info: (_details, message) => logged.push(message), error: (_details, message) => logged.push(message) },
    });
    expect(mailer.transport).toBe("outbox");
    const result = await mailer.send({
      tenantId: storeB,
      to: "musteri@example.com",
      subject: "Hoş geldiniz",
      text: "Hesabınız açıldı.",
      attachments: [{ filename: "notlar.txt", content: "çok kısa" }],
    });
    await mailer.close();
    expect(result).toEqual({ id: result.id, status: "captured" });
    expect(smtp.received).toHaveLength(before);
    expect(logged).toEqual(["mail captured in the outbox (no SMTP_URL configured)"]);
    expect(await getMail(database.db, storeB, result.id)).toMatchObject({
      to: ["musteri@example.com"],
      transport: "outbox",
      status: "captured",
      sentAt: null,
      attachments: [{ filename: "notlar.txt", contentType: "application/octet-stream", bytes: Buffer.byteLength("çok kısa") }],
    });
  });

  it("throws for a message without recipients and records nothing", async () => {
    const mailer = createMailer({ from: "Kervan <no-reply@localhost>", db: database.db });
    const [{ n: before }] = (await database.query<{ n: number }>("select count(*)::int as n from mail_messages")) as [{ n: number }];
    await expect(mailer.send({ to: [], subject: "x", text: "y" })).rejects.toThrow(/at least one recipient/);
    await expect(mailer.send({ to: "a@example.com", subject: "  ", text: "y" })).rejects.toThrow(/needs a subject/);
    const [{ n: after }] = (await database.query<{ n: number }>("select count(*)::int as n from mail_messages")) as [{ n: number }];
    expect(after).toBe(before);
  });

  describe("outbox queries and admin API", () => {
    let app: FastifyInstance;
    const ids: Record<"a" | "b" | "platform", string[]> = { a: [], b: [], platform: [] };

    beforeAll(async () => {
      await database.db.delete(mailMessages);
      const mailer = createMailer({ from: "Kervan <no-reply@localhost>", db: database.db });
      for (let i = 1; i <= 5; i++) {
        ids.a.push(
          (
            await mailer.send({
              tenantId: storeA,
              template: i % 2 ? "order-confirmation" : "shipped",
              to: `a${i}@example.com`,
              subject: `A ${i}`,
              text: `a${i}`,
            })
          ).id,
        );
      }
      ids.b.push((await mailer.send({ tenantId: storeB, to: "b@example.com", subject: "B 1", text: "b" })).id);
      ids.platform.push((await mailer.send({ to: "owner@example.com", subject: "Platform 1", text: "p" })).id);
      // Distinct, known send times so "newest first" is checkable.
      for (const [i, id] of ids.a.entries()) {
        await database.query("update mail_messages set created_at = $1 where id = $2", [new Date(Date.UTC(2025, 0, 1, 10, i)), id]);
      }

      app = Fastify();
      await app.register(mailRoutes, {
        db: database.db,
        preHandler: async (request, reply) => {
          if (request.headers["x-test-staff"] !== "yes") return reply.code(403).send({ error: "staff only" });
        },
        getTenantId: (request) => {
          const tenant = request.headers["x-test-tenant"];
          return typeof tenant === "string" && tenant !== "platform" ? tenant : null;
        },
      });
      await app.ready();
    });
    afterAll(() => app?.close());

    it("lists one outbox at a time, newest first, with totals", async () => {
      const page1 = await listMail(database.db, { tenantId: storeA, limit: 2, offset: 0 });
      expect(page1.total).toBe(5);
      expect(page1.items.map((m) => m.subject)).toEqual(["A 5", "A 4"]);
      expect(page1.items[0]).not.toHaveProperty("text");
      const page3 = await listMail(database.db, { tenantId: storeA, limit: 2, offset: 4 });
      expect(page3.items.map((m) => m.subject)).toEqual(["A 1"]);
      expect((await listMail(database.db, { tenantId: storeB, limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual(ids.b);
      expect((await listMail(database.db, { tenantId: null, limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual(ids.platform);
      const shipped = await listMail(database.db, { tenantId: storeA, limit: 10, offset: 0, template: "shipped" });
      expect(shipped.items.map((m) => m.subject)).toEqual(["A 4", "A 2"]);
      expect(shipped.total).toBe(2);
    });

    it("never returns another store's or platform mail by id", async () => {
      const bId = ids.b[0] as string;
      const platformId = ids.platform[0] as string;
      expect(await getMail(database.db, storeB, bId)).not.toBeNull();
      expect(await getMail(database.db, storeA, bId)).toBeNull();
      expect(await getMail(database.db, storeA, platformId)).toBeNull();
      expect(await getMail(database.db, null, bId)).toBeNull();
    });

    it("GET /api/admin/mail pages through the current store's outbox", async () => {
      const res = await app.inject({
        url: "/api/admin/mail?page=2&perPage=2",
        headers: { "x-test-staff": "yes", "x-test-tenant": storeA },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ page: 2, perPage: 2, total: 5 });
      expect(body.items.map((m: { subject: string }) => m.subject)).toEqual(["A 3", "A 2"]);
      expect(body.items[0]).toMatchObject({
        tenantId: storeA,
        to: ["a3@example.com"],
        status: "captured",
        transport: "outbox",
        sentAt: null,
      });
      expect(body.items[0].createdAt).toBe("2025-01-01T10:02:00.000Z");
      expect(body.items[0]).not.toHaveProperty("text");

      const defaults = await app.inject({ url: "/api/admin/mail", headers: { "x-test-staff": "yes", "x-test-tenant": storeB } });
      expect(defaults.json()).toMatchObject({ page: 1, perPage: 20, total: 1, items: [{ id: ids.b[0] }] });
    });

    it("validates the list query", async () => {
      const headers = { "x-test-staff": "yes", "x-test-tenant": storeA };
      for (const query of ["perPage=101", "perPage=0", "page=0", "page=abc", "status=lost"]) {
        const res = await app.inject({ url: `/api/admin/mail?${query}`, headers });
        expect(res.statusCode, query).toBe(400);
      }
      const tooMany = await app.inject({ url: "/api/admin/mail?perPage=101", headers });
      expect(tooMany.json().message).toMatch(/perPage is at most 100/);
    });

    it("GET /api/admin/mail/:id returns the message with bodies, and 404 for other stores' mail", async () => {
      const headers = { "x-test-staff": "yes", "x-test-tenant": storeA };
      const own = await app.inject({ url: `/api/admin/mail/${ids.a[0]}`, headers });
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ id: ids.a[0], subject: "A 1", text: "a1", html: null, template: "order-confirmation" });

      for (const id of [ids.b[0], ids.platform[0], "00000000-0000-4000-8000-000000000000"]) {
        const res = await app.inject({ url: `/api/admin/mail/${id}`, headers });
        expect(res.statusCode, id).toBe(404);
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
        expect(res.json()).toEqual({
          type: "about:blank",
          title: "Not Found",
          status: 404,
          detail: `No mail message ${id} in this store.`,
        });
      }
      const platform = await app.inject({
        url: `/api/admin/mail/${ids.platform[0]}`,
        headers: { "x-test-staff": "yes", "x-test-tenant": "platform" },
      });
      expect(platform.json()).toMatchObject({ subject: "Platform 1", tenantId: null });

      const bad = await app.inject({ url: "/api/admin/mail/not-a-uuid", headers });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/expected a message id/);
    });

    it("documents both routes in the OpenAPI document", async () => {
      const docs = Fastify();
      await docs.register(fastifySwagger, { openapi: { info: { title: "test", version: "0" } }, transform: jsonSchemaTransform });
      await docs.register(mailRoutes, { db: database.db, preHandler: async () => {}, getTenantId: () => null });
      await docs.ready();
      const spec = docs.swagger() as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
      expect(Object.keys(spec.paths)).toEqual(["/api/admin/mail", "/api/admin/mail/{id}"]);
      expect(spec.paths["/api/admin/mail"]?.get?.parameters?.map((p) => p.name)).toEqual(["page", "perPage", "status", "template"]);
      await docs.close();
    });

    it("runs the supplied access guard on every route", async () => {
      for (const url of ["/api/admin/mail", `/api/admin/mail/${ids.a[0]}`]) {
        const res = await app.inject({ url, headers: { "x-test-tenant": storeA } });
        expect(res.statusCode, url).toBe(403);
      }
    });
  });
});
