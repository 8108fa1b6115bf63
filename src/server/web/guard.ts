import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import { HttpError } from "../../platform/problem.ts";
import type { Kernel } from "../kernel.ts";

/** Checks the permission again in a page's service call (defence in depth behind the page guard). */
export async function requirePermission(kernel: Pick<Kernel, "access">, request: FastifyRequest, permission: Permission): Promise<void> {
  const who = await kernel.access.principal(request);
  if (!who?.permissions.has(permission)) throw new HttpError(403, `This needs the "${permission}" permission.`, { code: "forbidden" });
}
