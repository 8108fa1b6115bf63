import type { FastifyRequest } from "fastify";
import {
  ACCOUNT_DELETION_GRACE_DAYS,
  type AccountContext,
  AccountValidationError,
  accountContext,
  cancelDeletion,
  createAddress,
  deleteAddress,
  getProfile,
  listAddresses,
  listConsents,
  requestDeletion,
  setConsent,
  updateAddress,
  updateProfile,
} from "../../modules/customers/account.ts";
import { districts, neighbourhoods, provinces } from "../../modules/geo/service.ts";
import { HttpError } from "../../platform/problem.ts";
import type { AccountResult, AccountWeb } from "../../web/services/account.ts";
import type { Kernel } from "../kernel.ts";
import { attempt } from "./attempt.ts";

/** Runs a change and turns field errors into a result the page shows next to the fields. */
const change = <T>(run: () => Promise<T>): Promise<AccountResult<T>> =>
  attempt(
    async () => ({ ok: true as const, value: await run() }),
    (err) => (err instanceof AccountValidationError ? { ok: false as const, errors: err.fields } : undefined),
  );

const isNotFound = (err: unknown) => err instanceof HttpError && err.statusCode === 404;

/** Implements AccountWeb for one request (only built when someone is signed in). */
export function accountWeb(kernel: Kernel, request: FastifyRequest): AccountWeb {
  let ctxPromise: Promise<AccountContext> | null = null;
  const ctx = () => {
    ctxPromise ??= kernel.access.principal(request).then((who) => {
      if (!who?.user) throw new HttpError(401, "Sign in to continue.");
      return accountContext(request, kernel.db, who.user.id);
    });
    return ctxPromise;
  };

  return {
    deletionGraceDays: ACCOUNT_DELETION_GRACE_DAYS,
    exportUrl: "/api/v1/me/export",
    profile: async () => getProfile(await ctx()),
    updateProfile: async (input) => {
      const c = await ctx();
      return change(() => updateProfile(c, input));
    },
    addresses: async () => listAddresses(await ctx()),
    async saveAddress(id, input) {
      const c = await ctx();
      return change(() => (id ? updateAddress(c, id, input) : createAddress(c, input)));
    },
    async makeDefaultAddress(id) {
      const c = await ctx();
      return attempt(
        async () => {
          await updateAddress(c, id, { isDefault: true });
          return true;
        },
        (err) => (isNotFound(err) || err instanceof AccountValidationError ? false : undefined),
      );
    },
    async deleteAddress(id) {
      const c = await ctx();
      return attempt(
        async () => {
          await deleteAddress(c, id);
          return true;
        },
        (err) => (isNotFound(err) ? false : undefined),
      );
    },
    geo: {
      provinces,
      districts,
      neighbourhoods,
    },
    consents: async () => listConsents(await ctx()),
    setConsent: async (purpose, granted) => setConsent(await ctx(), purpose, granted),
    async requestDeletion() {
      const c = await ctx();
      return attempt(
        async () => ({ ok: true as const, effectiveAt: (await requestDeletion(c, kernel.jobs)).effectiveAt }),
        (err) => (err instanceof HttpError && err.statusCode === 409 ? { ok: false as const, error: "staff" as const } : undefined),
      );
    },
    cancelDeletion: async () => cancelDeletion(await ctx()),
  };
}
