// /api/v1/me/*: the signed-in person's own account in the request's store, for mobile apps and
// the storefront (session cookie or bearer JWT).

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { problem, sendProblem } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { consentPurposes } from "../accounts/schema.ts";
import {
  ACCOUNT_DELETION_GRACE_DAYS,
  type AccountContext,
  accountContext,
  cancelDeletion,
  createAddress,
  deleteAddress,
  exportAccountData,
  getProfile,
  listAddresses,
  listConsents,
  marketingPurposes,
  requestDeletion,
  setConsent,
  updateAddress,
  updateProfile,
} from "./account.ts";
import { customerTiers, invoiceTypes } from "./schema.ts";

export interface AccountRoutesOptions {
  db: Db;
  jobs: Jobs;
  access: Access;
}

const date = z.string().describe("ISO 8601 date-time");

/** The value as it goes over the wire (dates become ISO strings). */
type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;
const json = <T>(value: T) => JSON.parse(JSON.stringify(value)) as Jsonify<T>;
const profileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  phone: z.string().nullable().describe("E.164, +905xxxxxxxxx"),
  createdAt: date,
  twoFactorEnabled: z.boolean(),
  pendingEmail: z.string().nullable().describe("A new e-mail address waiting for confirmation from the link mailed to it"),
  deletion: z.object({ requestedAt: date, effectiveAt: date }).nullable(),
  customer: z.object({
    id: z.uuid(),
    tier: z.enum(customerTiers),
    storeCredit: z.number().int().describe("Store credit in minor units (kuruş)"),
    since: date,
  }),
});
const addressSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  provinceCode: z.number().int(),
  province: z.string(),
  district: z.string(),
  neighbourhood: z.string(),
  addressLine: z.string(),
  postalCode: z.string().nullable(),
  tckn: z.string().nullable(),
  invoiceType: z.enum(invoiceTypes),
  companyName: z.string().nullable(),
  taxNumber: z.string().nullable(),
  taxOffice: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: date,
  updatedAt: date,
});
const short = (max: number) => z.string().max(max);
const addressInput = z.object({
  title: short(100).describe("e.g. Ev, İş"),
  firstName: short(100),
  lastName: short(100),
  phone: short(40).describe("Turkish mobile number in any common form; stored as E.164"),
  provinceCode: z.union([z.number().int(), z.string().max(3)]).describe("Plate code of the il (1–81), see /api/v1/geo/provinces"),
  district: short(100).describe("İlçe, as listed by /api/v1/geo/provinces/{code}/districts"),
  neighbourhood: short(150).describe("Mahalle, as listed by the neighbourhoods endpoint"),
  addressLine: short(400).describe("Street, building and door number"),
  postalCode: short(10).nullable().optional(),
  tckn: short(20).nullable().optional().describe("Optional T.C. kimlik no, checked by its checksum"),
  invoiceType: z.enum(invoiceTypes).default("individual"),
  companyName: short(250).nullable().optional().describe("Required for corporate invoices"),
  taxNumber: short(20).nullable().optional().describe("VKN, required for corporate invoices"),
  taxOffice: short(150).nullable().optional().describe("Vergi dairesi, required for corporate invoices"),
  isDefault: z.boolean().optional(),
});
const consentSchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  textVersion: z.string().nullable(),
  decidedAt: date.nullable(),
  changeable: z.boolean(),
  currentTextVersion: z.string().nullable(),
});
const deletionSchema = z.object({ requestedAt: date, effectiveAt: date, graceDays: z.number().int() });
const idParams = z.object({ id: z.string().max(64) });

/** Answers 401/403 and returns null unless a person is signed in; else their account context. */
async function signedInContext(access: Access, db: Db, request: FastifyRequest, reply: FastifyReply): Promise<AccountContext | null> {
  const who = await access.principal(request, reply);
  if (!who) {
    reply.header("www-authenticate", 'Bearer realm="kervan"');
    sendProblem(reply, problem(401, "Sign in or send a valid bearer token to continue.", { instance: request.url, requestId: request.id }));
    return null;
  }
  if (!who.user) {
    sendProblem(
      reply,
      problem(403, "API keys act for the store, not for a person: sign in as the customer.", {
        instance: request.url,
        requestId: request.id,
      }),
    );
    return null;
  }
  return accountContext(request, db, who.user.id);
}

export async function accountRoutes(fastify: FastifyInstance, options: AccountRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, jobs, access } = options;
  const contexts = new WeakMap<FastifyRequest, AccountContext>();
  const tags = ["account"];
  // a bearer access token, or the storefront's session cookie
  const security = [{ bearerAuth: [] }];

  // Every route here needs a signed-in person, checked before the body is validated (401 first).
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await signedInContext(access, db, request, reply);
    if (ctx) contexts.set(request, ctx);
    return ctx ? undefined : reply;
  };
  const ctxOf = (request: FastifyRequest) => contexts.get(request) as AccountContext;
  const noStore = (reply: FastifyReply) => reply.header("cache-control", "private, no-store");

  app.get(
    "/api/v1/me",
    {
      preValidation: guard,
      schema: { tags, security, summary: "The signed-in person's profile in this store", response: { 200: profileSchema } },
    },
    async (request, reply) => {
      noStore(reply);
      return json(await getProfile(ctxOf(request)));
    },
  );

  app.patch(
    "/api/v1/me",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Change name and mobile number",
        description: "The phone may be written as `0532 123 45 67`, `+90 532 …` or `5321234567`; an empty string removes it.",
        body: z.object({ name: z.string().max(200).optional(), phone: z.string().max(40).nullable().optional() }),
        response: { 200: profileSchema },
      },
    },
    async (request) => json(await updateProfile(ctxOf(request), request.body)),
  );

  app.get(
    "/api/v1/me/addresses",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "The address book (default first)",
        response: { 200: z.object({ items: z.array(addressSchema) }) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return { items: json(await listAddresses(ctxOf(request))) };
    },
  );

  app.post(
    "/api/v1/me/addresses",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Add an address",
        description: "İl, ilçe and mahalle must exist in the bundled PTT list. Invalid fields are answered with 422 and an `errors` list.",
        body: addressInput,
        response: { 201: addressSchema },
      },
    },
    async (request, reply) => reply.code(201).send(json(await createAddress(ctxOf(request), request.body))),
  );

  app.patch(
    "/api/v1/me/addresses/:id",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Change an address (the fields given replace the stored ones)",
        params: idParams,
        body: addressInput.partial(),
        response: { 200: addressSchema },
      },
    },
    async (request) => json(await updateAddress(ctxOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/api/v1/me/addresses/:id",
    { preValidation: guard, schema: { tags, security, summary: "Delete an address", params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteAddress(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/me/consents",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Consents: the latest decision on each purpose in this store",
        response: { 200: z.object({ items: z.array(consentSchema) }) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return { items: json(await listConsents(ctxOf(request))) };
    },
  );

  app.post(
    "/api/v1/me/consents",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Grant or withdraw a marketing consent",
        description: "Appends a decision to the consent ledger with the current text version, time and IP address.",
        body: z.object({ purpose: z.enum(marketingPurposes), granted: z.boolean() }),
        response: { 200: z.object({ items: z.array(consentSchema) }) },
      },
    },
    async (request) => ({ items: json(await setConsent(ctxOf(request), request.body.purpose, request.body.granted)) }),
  );

  app.get(
    "/api/v1/me/export",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Download everything the store holds about you (KVKK)",
        description:
          "A JSON document: profile, customer record, store credit ledger, addresses, consents, sessions (without tokens), audit events and mails.",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request, reply) => {
      const data = await exportAccountData(ctxOf(request));
      const day = new Date().toISOString().slice(0, 10);
      noStore(reply);
      reply.header("content-disposition", `attachment; filename="kisisel-verilerim-${day}.json"`);
      return json(data);
    },
  );

  app.post(
    "/api/v1/me/deletion",
    {
      preValidation: guard,
      schema: {
        tags,
        security,
        summary: "Ask for the account to be deleted",
        description: `The account is anonymised ${ACCOUNT_DELETION_GRACE_DAYS} days later unless the request is cancelled. Staff accounts get 409.`,
        response: { 202: deletionSchema },
      },
    },
    async (request, reply) => {
      const deletion = await requestDeletion(ctxOf(request), jobs);
      return reply.code(202).send({ ...json(deletion), graceDays: ACCOUNT_DELETION_GRACE_DAYS });
    },
  );

  app.delete(
    "/api/v1/me/deletion",
    { preValidation: guard, schema: { tags, security, summary: "Cancel the deletion request", response: { 204: z.null() } } },
    async (request, reply) => {
      await cancelDeletion(ctxOf(request));
      return reply.code(204).send(null);
    },
  );
}
