export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType?: string;
}

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  attachments?: MailAttachment[];
  /** The store the message belongs to; null for platform mail. */
  tenantId?: string | null;
  /** A short machine name of the template, e.g. `order-confirmation`, for filtering the outbox. */
  template?: string;
}

export interface SentMail {
  id: string;
  status: "sent" | "captured" | "failed";
  messageId?: string;
  error?: string;
}

export interface Mailer {
  /** "smtp" delivers through SMTP_URL; "outbox" only records (development default). */
  readonly transport: "smtp" | "outbox";
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}
