import type { FastifyReply } from "fastify";
import { z } from "zod";

/** RFC 9457 problem details, the body of every API error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}

/** A problem details body in a route's response schema (OpenAPI). */
export const problemSchema = z.object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional() });

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** An error a handler or service throws to answer with a given status and message. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly errors?: Problem["errors"];
  constructor(statusCode: number, message: string, options: { code?: string; errors?: Problem["errors"] } = {}) {
    super(message);
    this.name = "HttpError";
    this.statusCode = statusCode;
    this.code = options.code ?? (titles[statusCode] ?? "error").toLowerCase().replace(/\s+/g, "-");
    this.errors = options.errors;
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} was not found.`, { code: "not-found" });

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return {
    // No problem type of our own yet: "about:blank" means the status code says it all (RFC 9457).
    type: extra.type ?? "about:blank",
    title: titles[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type("application/problem+json; charset=utf-8").send(body);
}
