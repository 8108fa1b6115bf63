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
  /**
   * Secrets in the message (a password-reset link) that the stored copy must not keep; they are
   * replaced by "[hidden]" in `mail_messages`. Only a development outbox without SMTP keeps them
   * (`keepSecretsInOutbox`), as it is the delivery there.
   */
  redact?: string[];
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
