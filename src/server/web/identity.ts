import type { FastifyRequest } from "fastify";
import type { IdentityWeb } from "../../web/services/identity.ts";
import type { Kernel } from "../kernel.ts";

/** Implements IdentityWeb for one request. */
export function identityWeb(_kernel: Kernel, _request: FastifyRequest): IdentityWeb {
  return {};
}
