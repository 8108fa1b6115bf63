// Just enough MIME decoding for tests to check what went over the wire to an SMTP server.

export interface MimePart {
  headers: Map<string, string>;
  body: string;
  parts: MimePart[];
}

/** Splits a raw message (latin1 string of its bytes) into headers, body and multipart parts. */
export function parseMime(raw: string): MimePart {
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
        .map((segment) => parseMime(segment.replace(/^\r\n/, "").replace(/\r\n$/, "")))
    : [];
  return { headers, body, parts };
}

/** A part's body as bytes, undoing base64 or quoted-printable. */
export function decodeBody(part: MimePart): Buffer {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64");
  if (encoding === "quoted-printable") {
    const softBreaksRemoved = part.body.replace(/=\r\n/g, "");
    return Buffer.from(
      softBreaksRemoved.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      "latin1",
    );
  }
  return Buffer.from(part.body, "latin1");
}

/** A header value: raw UTF-8 (internationalized addresses) and RFC 2047 encoded words (`=?UTF-8?Q?...?=`). */
export function decodeHeader(value: string): string {
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

/** The leaf parts of a (possibly nested) multipart message. */
export function flatten(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(flatten);
}
