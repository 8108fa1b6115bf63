import type { FastifyRequest } from "fastify";
import type { ApiKeysAdmin } from "../../web/services/api-keys.ts";
import type { Kernel } from "../kernel.ts";

/** Implements ApiKeysAdmin for one request. */
export function apiKeysWeb(_kernel: Kernel, _request: FastifyRequest): ApiKeysAdmin {
  return {};
}
