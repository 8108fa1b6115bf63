import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { problem, sendProblem } from "../problem.ts";
import { keyProblem } from "./keys.ts";
import type { Storage, StoredObject } from "./types.ts";

export interface MediaRoutesOptions {
  storage: Storage;
}

// Keys are written once (a new upload gets a new key), so browsers and CDNs may keep them a year.
const CACHE_CONTROL = "public, max-age=31536000, immutable";
const SCRIPTABLE = /^(text\/html|image\/svg\+xml|application\/xhtml\+xml|(application|text)\/xml)\b/i;

/**
 * `GET|HEAD /media/<key>`: streams objects from storage with ETag/304 and single-range (206)
 * support, so video can be seeked. Hidden from the OpenAPI document.
 */
export const mediaRoutes = fp<MediaRoutesOptions>(
  async (app, { storage }) => {
    app.route({
      method: ["GET", "HEAD"],
      url: "/media/*",
      schema: { hide: true },
      handler: async (request, reply) => {
        const key = (request.params as { "*": string })["*"];
        const invalid = keyProblem(key);
        if (invalid) return sendMediaProblem(reply, 400, `Invalid media key: ${invalid}.`);

        const rangeHeader = request.method === "GET" ? request.headers.range : undefined;
        const conditional = request.headers["if-none-match"] !== undefined;
        // HEAD, conditional and range requests need the object's details before any bytes.
        if (request.method === "HEAD" || conditional || rangeHeader) {
          const info = await storage.stat(key);
          if (!info) return notFound(reply, key);
          setHeaders(reply, info);
          if (conditional && etagMatches(request.headers["if-none-match"] as string, info.etag)) {
            return reply.code(304).send();
          }
          if (request.method === "HEAD") return reply.header("content-length", info.bytes).send();
          const range = rangeHeader && ifRangeHolds(request, info) ? parseRange(rangeHeader, info.bytes) : null;
          if (range === "unsatisfiable") {
            return sendMediaProblem(reply.header("content-range", `bytes */${info.bytes}`), 416, `The object has ${info.bytes} bytes.`);
          }
          if (range) {
            const object = await storage.get(key, { range });
            if (!object) return notFound(reply, key);
            return reply
              .code(206)
              .header("content-range", `bytes ${range.start}-${range.end}/${object.bytes}`)
              .header("content-length", range.end - range.start + 1)
              .send(object.body);
          }
        }
        const object = await storage.get(key);
        if (!object) return notFound(reply, key);
        setHeaders(reply, object);
        return reply.header("content-length", object.bytes).send(object.body);
      },
    });
  },
  { name: "kervan-media-routes", fastify: "5.x" },
);

function setHeaders(reply: FastifyReply, object: StoredObject): void {
  reply.header("content-type", object.contentType);
  reply.header("cache-control", CACHE_CONTROL);
  reply.header("accept-ranges", "bytes");
  // Uploaded files must never be sniffed into HTML, nor run scripts when opened directly
  // (an SVG or HTML upload); other types keep working in the browser's own viewers (PDF).
  reply.header("x-content-type-options", "nosniff");
  if (SCRIPTABLE.test(object.contentType))
    reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  if (object.etag) reply.header("etag", `"${object.etag}"`);
  if (object.lastModified) reply.header("last-modified", object.lastModified.toUTCString());
}

/** If-None-Match uses weak comparison: `W/"x"` matches `"x"`; `*` matches any existing object. */
function etagMatches(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return true;
  if (!etag) return false;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === `"${etag}"`);
}

/** If-Range: serve the range only if the client's copy (by strong etag or date) is still current. */
function ifRangeHolds(request: FastifyRequest, object: StoredObject): boolean {
  const value = request.headers["if-range"];
  if (value === undefined) return true;
  if (typeof value !== "string") return false;
  if (value.startsWith('"')) return object.etag !== undefined && value === `"${object.etag}"`;
  return object.lastModified !== undefined && value === object.lastModified.toUTCString();
}

/**
 * One `bytes=` range as inclusive offsets; null to ignore the header and send everything
 * (malformed or several ranges, as RFC 9110 allows); "unsatisfiable" for a 416.
 */
export function parseRange(header: string, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last); // the last N bytes
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

function notFound(reply: FastifyReply, key: string) {
  return sendMediaProblem(reply, 404, `No media file at ${key}.`);
}

function sendMediaProblem(reply: FastifyReply, status: number, detail: string) {
  // Drop headers set for the object, so the error is not cached for a year.
  for (const name of ["cache-control", "etag", "last-modified", "accept-ranges", "content-length", "content-security-policy"])
    reply.removeHeader(name);
  return sendProblem(reply, problem(status, detail));
}
