import type { FastifyRequest } from "fastify";
import type { AccountWeb } from "../../web/services/account.ts";
import type { Kernel } from "../kernel.ts";

/** Implements AccountWeb for one request. */
export function accountWeb(_kernel: Kernel, _request: FastifyRequest): AccountWeb {
  return {};
}
