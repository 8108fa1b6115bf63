import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../../modules/tenants/schema.ts";

/**
 * "sending" is only seen while the SMTP exchange runs, or afterwards if the process died during
 * it (the message may or may not have gone out); the other three are what send() reports.
 */
export const mailStatuses = ["sending", "sent", "captured", "failed"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** What the outbox keeps about an attachment: never its content. */
export interface MailAttachmentMeta {
  filename: string;
  contentType: string;
  bytes: number;
}

/** Every message Kervan sends or captures, so admins can read the outbox. */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for platform mail (not sent on behalf of a store). */
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    template: text("template"),
    from: text("from").notNull(),
    to: text("to").array().notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    attachments: jsonb("attachments").$type<MailAttachmentMeta[]>().notNull().default([]),
    transport: text("transport").$type<"smtp" | "outbox">().notNull(),
    status: text("status").$type<MailStatus>().notNull(),
    messageId: text("message_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_messages_tenant_created").on(t.tenantId, t.createdAt.desc()),
    check("mail_messages_status", sql`${t.status} in ('sending', 'sent', 'captured', 'failed')`),
  ],
);

export type MailRecord = typeof mailMessages.$inferSelect;
