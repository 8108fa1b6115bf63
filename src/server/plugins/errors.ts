import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { ZodError } from "zod";
import { HttpError, problem, sendProblem } from "../../platform/problem.ts";

/** Zod issues arrive as `{ instancePath: "/a/b", message }` (see @fastify/type-provider-zod). */
function validationErrors(error: FastifyError) {
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
    return { path: [error.validationContext, path].filter(Boolean).join("."), message: v.message ?? "is invalid" };
  });
}

/** Every error leaves as application/problem+json; 5xx details stay in the log. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const base = { instance: request.url, requestId: request.id };
    if (error.validation) {
      const errors = validationErrors(error);
      const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
      return sendProblem(reply, problem(400, detail || "The request is invalid.", { ...base, errors }));
    }
    if (error instanceof ZodError) {
      const errors = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
      return sendProblem(reply, problem(400, errors.map((e) => `${e.path}: ${e.message}`).join("; "), { ...base, errors }));
    }
    if (error instanceof HttpError) {
      return sendProblem(reply, problem(error.statusCode, error.message, { ...base, ...(error.errors ? { errors: error.errors } : {}) }));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return sendProblem(reply, problem(status, "Something went wrong on our side. Please try again.", base));
    }
    if (status === 429) reply.header("retry-after", reply.getHeader("retry-after") ?? "60");
    return sendProblem(reply, problem(status, error.message, base));
  });
});
