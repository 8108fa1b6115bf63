// A real SMTP server for tests (the `smtp-server` package) that keeps every message it accepts,
// decoded enough to read links out of the text part.

import { SMTPServer } from "smtp-server";

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

interface Part {
  headers: Map<string, string>;
  body: string;
  parts: Part[];
}

function parse(raw: string): Part {
  const split = raw.indexOf("\r\n\r\n");
  const head = (split === -1 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, " ");
  const body = split === -1 ? "" : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((segment) => parse(segment.replace(/^\r\n/, "").replace(/\r\n$/, "")))
    : [];
  return { headers, body, parts };
}

function decode(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = part.body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return Buffer.from(part.body, "latin1").toString("utf8");
}

function leaves(part: Part): Part[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

function decodeHeader(value: string): string {
  return Buffer.from(value, "latin1")
    .toString("utf8")
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            "latin1",
          ).toString("utf8"),
    );
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
        const root = parse(raw);
        const all = leaves(root);
        const textPart = all.find((p) => (p.headers.get("content-type") ?? "text/plain").startsWith("text/plain")) ?? root;
        const finish = () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: decodeHeader(root.headers.get("subject") ?? ""),
            text: decode(textPart),
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
