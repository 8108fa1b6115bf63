// Admin API over the store's payment settings: GET/PUT /api/admin/payment-settings (settings:write).

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { problemSchema as baseProblem } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import { paymentMethodIds } from "../orders/schema.ts";
import { getPaymentSettings, paymentSettingsInputSchema, updatePaymentSettings } from "./settings-admin.ts";

const problemSchema = baseProblem.extend({ errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

export interface PaymentSettingsRoutesOptions {
  db: Db;
  access: Access;
  /** Gateways this installation has credentials for (from the environment); default none. */
  configuredGateways?: ReadonlySet<string>;
  /** Drops cached tenants (the Host resolver keeps them a while) after a change. */
  invalidateTenants?: () => void;
}

const minor = z.number().int().describe("Minor units (kuruş)");
const gateway = {
  enabled: z.boolean().describe("The merchant's choice"),
  configured: z.boolean().describe("This installation has the credentials"),
};

export const paymentSettingsViewSchema = z.object({
  bankTransfer: z.object({
    enabled: z.boolean(),
    accounts: z.array(
      z.object({ bank: z.string(), holder: z.string(), iban: z.string(), ibanFormatted: z.string().describe("TR33 0006 1005 …") }),
    ),
    expiryHours: z.number().int().describe("Hours before an unpaid order is cancelled"),
  }),
  cashOnDelivery: z.object({
    enabled: z.boolean(),
    fee: minor,
    maxTotal: minor.nullable().describe("Highest order total accepted; null = any"),
  }),
  storeCredit: z.object({
    enabled: z.boolean(),
    reviewOver: minor.nullable().describe("Orders paid fully from credit above this wait for a check"),
  }),
  iyzico: z.object({ ...gateway, maxInstallments: z.number().int() }),
  paytr: z.object({ ...gateway, maxInstallments: z.number().int() }),
  stripe: z.object(gateway),
  reservationMinutes: z.number().int().describe("Minutes a card payment holds the stock"),
  checkoutMethods: z.array(z.enum(paymentMethodIds)).describe("What a shopper can choose at checkout now"),
});

export async function paymentSettingsRoutes(fastify: FastifyInstance, options: PaymentSettingsRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, access } = options;
  const configured = options.configuredGateways ?? new Set<string>();

  app.get(
    "/api/admin/payment-settings",
    {
      preHandler: access.require("settings:write"),
      schema: { tags: ["admin"], summary: "How the store takes money", response: { 200: paymentSettingsViewSchema } },
    },
    async (request) => getPaymentSettings(db, request.tenant.id, configured),
  );

  app.put(
    "/api/admin/payment-settings",
    {
      preHandler: access.require("settings:write"),
      schema: {
        tags: ["admin"],
        summary: "Change how the store takes money",
        description:
          "Each section sent replaces that section; sections left out stay as they are. IBANs may be sent with spaces " +
          "(`TR33 0006 …`) and must pass the ISO 13616 check. A gateway is offered only when it is enabled here and configured on the installation.",
        body: paymentSettingsInputSchema,
        response: { 200: paymentSettingsViewSchema, 422: problemSchema },
      },
    },
    async (request) =>
      updatePaymentSettings({ db, tenantId: request.tenant.id, actor: auditContext(request) }, request.body, {
        configured,
        invalidate: options.invalidateTenants,
      }),
  );
}
