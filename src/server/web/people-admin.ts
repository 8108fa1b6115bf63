import type { FastifyRequest } from "fastify";
import type { PeopleAdmin } from "../../web/services/people-admin.ts";
import type { Kernel } from "../kernel.ts";

/** Implements PeopleAdmin for one request. */
export function peopleAdminWeb(_kernel: Kernel, _request: FastifyRequest): PeopleAdmin {
  return {};
}
