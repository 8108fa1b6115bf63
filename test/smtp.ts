// A real SMTP server for tests (the `smtp-server` package) that keeps every message it accepts,
// decoded enough to read links out of the text part.

import { SMTPServer } from "smtp-server";
import { decodeBody, decodeHeader, flatten, parseMime } from "./mime.ts";

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The decoded text/plain part (or the whole decoded body when there is none). */
  text: string;
  raw: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Waits for the first message (after `since` messages) to `to` that matches. */
  waitFor(to: string, match?: (mail: ReceivedMail) => boolean, options?: { timeoutMs?: number; since?: number }): Promise<ReceivedMail>;
  /** Makes the server take this long to accept each message (to prove nobody waits for it). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let delay = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        const root = parseMime(raw);
        const all = flatten(root);
        const textPart = all.find((p) => (p.headers.get("content-type") ?? "text/plain").startsWith("text/plain")) ?? root;
        const finish = () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: decodeHeader(root.headers.get("subject") ?? ""),
            text: decodeBody(textPart).toString("utf8"),
            raw,
          });
          callback();
        };
        if (delay > 0) setTimeout(finish, delay);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("SMTP server has no port");
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    async waitFor(to, match = () => true, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      const since = options.since ?? 0;
      const address = to.toLowerCase();
      while (Date.now() < deadline) {
        const found = received.slice(since).find((m) => m.to.includes(address) && match(m));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(
        `no mail to ${to} within the time limit; received: ${received.map((m) => `${m.to.join(",")}: ${m.subject}`).join(" | ")}`,
      );
    },
    setDelay(ms) {
      delay = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link in a mail's text that contains `fragment`. */
export function linkIn(mail: ReceivedMail, fragment: string): string {
  const link = mail.text.match(/https?:\/\/[^\s<>")]+/g)?.find((url) => url.includes(fragment));
  if (!link) throw new Error(`no link with ${fragment} in:\n${mail.text}`);
  return link;
}
