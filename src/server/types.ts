import type { Tenant } from "../modules/tenants/schema.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The store this request is for, resolved from the Host header. */
    tenant: Tenant;
  }
}
