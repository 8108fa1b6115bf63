import { and, count, desc, eq, getTableColumns, isNull, type SQL } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "../db/index.ts";
import { type MailAttachmentMeta, type MailRecord, type MailStatus, mailMessages } from "./schema.ts";
import type { Mailer, MailMessage, SentMail } from "./types.ts";

export { type MailAttachmentMeta, type MailRecord, type MailStatus, mailMessages, mailStatuses } from "./schema.ts";
export type { MailAttachment, Mailer, MailMessage, SentMail } from "./types.ts";

/** The part of a pino/Fastify logger the mailer uses. */
export interface MailLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface MailerOptions {
  /**
   * `smtp://user:pass@host:587` or `smtps://…:465`; nodemailer reads extra options from the
   * query string (`?pool=true`, `?ignoreTLS=true`, `?tls.rejectUnauthorized=false`).
   * Without it, messages are only recorded (status "captured").
   */
  smtpUrl?: string;
  /** Default sender, e.g. `Kervan <no-reply@shop.example>`. */
  from: string;
  db: Db;
  log?: MailLogger;
  /**
   * Keep a message's secrets (`MailMessage.redact`) in the outbox when there is no SMTP, so that
   * developers can open password-reset links from the admin. Never in production: whoever reads
   * the outbox could take over the accounts. Default false.
   */
  keepSecretsInOutbox?: boolean;
}

/**
 * Records every message in `mail_messages` and, when an SMTP URL is configured, delivers it.
 * With SMTP the row is written before delivery ("sending") and updated after, so a message is
 * on record even if the process dies mid-delivery. Delivery errors are recorded and returned
 * as status "failed", never thrown; database errors and invalid messages do throw.
 */
export function createMailer(options: MailerOptions): Mailer {
  const { db, from, log } = options;
  const smtpUrl = options.smtpUrl;
  // nodemailer is loaded on the first delivery, not at start-up.
  let transporter: Promise<Transporter> | null = null;
  const smtp = () =>
    (transporter ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        // Fail in seconds, not nodemailer's minutes, when the server is unreachable or stalls;
        // the URL's query string can still override these.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      }),
    ));
  const messageIdDomain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? "kervan.localhost";

  return {
    transport: smtpUrl ? "smtp" : "outbox",

    async send(message: MailMessage): Promise<SentMail> {
      const to = Array.isArray(message.to) ? message.to : [message.to];
      if (to.length === 0 || to.some((address) => address.trim() === ""))
        throw new TypeError("Mail needs at least one recipient, and no empty addresses");
      if (message.subject.trim() === "") throw new TypeError("Mail needs a subject");
      const attachments: MailAttachmentMeta[] = (message.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType ?? "application/octet-stream",
        bytes: typeof a.content === "string" ? Buffer.byteLength(a.content) : a.content.length,
      }));
      const row = {
        tenantId: message.tenantId ?? null,
        template: message.template ?? null,
        from,
        to,
        replyTo: message.replyTo ?? null,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        attachments,
      };
      const summary = { to, subject: message.subject, template: message.template, tenantId: row.tenantId };

      const hide = (value: string) =>
        (message.redact ?? []).reduce((out, secret) => (secret ? out.split(secret).join("[hidden]") : out), value);
      const stored = { ...row, text: hide(row.text), html: row.html && hide(row.html) };

      if (!smtpUrl) {
        const [saved] = await db
          .insert(mailMessages)
          .values({ ...(options.keepSecretsInOutbox ? row : stored), transport: "outbox", status: "captured" })
          .returning({ id: mailMessages.id });
        const id = (saved as { id: string }).id;
        log?.info({ mailId: id, ...summary }, "mail captured in the outbox (no SMTP_URL configured)");
        return { id, status: "captured" };
      }

      const [saved] = await db
        .insert(mailMessages)
        .values({ ...stored, transport: "smtp", status: "sending" })
        .returning({ id: mailMessages.id });
      const id = (saved as { id: string }).id;
      // Our own Message-ID, derived from the row id, so it is known even if delivery is cut short.
      const messageId = `<${id}@${messageIdDomain}>`;
      // Only delivery errors are caught here; a failing database write below must not mark a
      // delivered message as failed.
      const transport = await smtp();
      const outcome = await transport
        .sendMail({
          from,
          to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        })
        .then(
          (info) => ({ info }),
          (cause: unknown) => ({ cause }),
        );
      if ("cause" in outcome) {
        const error = describeSmtpError(outcome.cause);
        await db.update(mailMessages).set({ status: "failed", messageId, error }).where(eq(mailMessages.id, id));
        log?.error({ mailId: id, err: outcome.cause, ...summary }, `mail delivery failed: ${error}`);
        return { id, status: "failed", messageId, error };
      }
      const { info } = outcome;
      // The server may accept some recipients and refuse others: still sent, but say so.
      const rejected = info.rejected ?? [];
      const error = rejected.length > 0 ? `Rejected recipients: ${rejected.join(", ")}` : null;
      const sentId = info.messageId ?? messageId;
      await db.update(mailMessages).set({ status: "sent", messageId: sentId, sentAt: new Date(), error }).where(eq(mailMessages.id, id));
      log?.info({ mailId: id, messageId: sentId, ...summary }, "mail sent");
      return { id, status: "sent", messageId: sentId, ...(error ? { error } : {}) };
    },

    async close() {
      if (transporter) (await transporter).close();
    },
  };
}

function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

/** A row of the outbox list: everything but the bodies. */
export type MailSummary = Omit<MailRecord, "text" | "html">;

export interface MailQuery {
  /**
   * Whose outbox: a store's id, or null for platform mail. Matching is exact on purpose:
   * platform mail (e.g. to other stores' staff) is never shown in a store's admin, and a
   * store's mail only there and to platform tooling that passes that store's id.
   */
  tenantId: string | null;
  limit: number;
  offset: number;
  status?: MailStatus;
  template?: string;
}

function ownedBy(tenantId: string | null): SQL {
  return tenantId === null ? isNull(mailMessages.tenantId) : eq(mailMessages.tenantId, tenantId);
}

/** Newest first. */
export async function listMail(db: Db, query: MailQuery): Promise<{ items: MailSummary[]; total: number }> {
  const where = and(
    ownedBy(query.tenantId),
    query.status ? eq(mailMessages.status, query.status) : undefined,
    query.template ? eq(mailMessages.template, query.template) : undefined,
  );
  const { text: _text, html: _html, ...summaryColumns } = getTableColumns(mailMessages);
  const [items, totals] = await Promise.all([
    db
      .select(summaryColumns)
      .from(mailMessages)
      .where(where)
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(mailMessages).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** One message of the given outbox (see MailQuery.tenantId), or null if absent or someone else's. */
export async function getMail(db: Db, tenantId: string | null, id: string): Promise<MailRecord | null> {
  const [row] = await db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.id, id), ownedBy(tenantId)))
    .limit(1);
  return row ?? null;
}
