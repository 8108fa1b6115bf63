import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { FastifyReply } from "fastify";

/** Headers that describe one HTTP message's framing: Fastify sets its own for what it sends. */
const FRAMING = new Set(["content-length", "transfer-encoding", "set-cookie"]);

/** Copies a Web Response's status and headers (each Set-Cookie separately) onto the reply. */
export function applyResponseHead(reply: FastifyReply, response: Response): void {
  reply.status(response.status);
  for (const [name, value] of response.headers) {
    if (!FRAMING.has(name)) reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
}

/**
 * Sends a Web Response (from React Router, better-auth…) through Fastify: status, headers and
 * the body as a stream; none for HEAD.
 */
export function sendWebResponse(reply: FastifyReply, response: Response, head = false): FastifyReply {
  applyResponseHead(reply, response);
  if (head || !response.body) {
    if (response.body) void response.body.cancel().catch(() => {});
    return reply.send();
  }
  return reply.send(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>));
}
