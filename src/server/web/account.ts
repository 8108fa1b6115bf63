import type { FastifyRequest } from "fastify";
import { resolveAuth, webHeaders } from "../../modules/accounts/service.ts";
import {
  ACCOUNT_DELETION_GRACE_DAYS,
  type AccountContext,
  AccountValidationError,
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
import { EMAIL_RE } from "../../web/lib/forms.ts";
import type { AccountResult, AccountWeb, EmailChangeError } from "../../web/services/account.ts";
import type { Kernel } from "../kernel.ts";

/** Runs a change and turns field errors into a result the page shows next to the fields. */
async function attempt<T>(run: () => Promise<T>): Promise<AccountResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AccountValidationError) return { ok: false, errors: err.fields };
    throw err;
  }
}

const isNotFound = (err: unknown) => err instanceof HttpError && err.statusCode === 404;

/** Implements AccountWeb for one request (only built when someone is signed in). */
export function accountWeb(kernel: Kernel, request: FastifyRequest): AccountWeb {
  let ctxPromise: Promise<AccountContext> | null = null;
  const ctx = () => {
    ctxPromise ??= kernel.access.principal(request).then((who) => {
      if (!who?.user) throw new HttpError(401, "Sign in to continue.");
      return {
        db: kernel.db,
        tenantId: request.tenant.id,
        userId: who.user.id,
        email: who.user.email,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        requestId: request.id,
      };
    });
    return ctxPromise;
  };

  return {
    deletionGraceDays: ACCOUNT_DELETION_GRACE_DAYS,
    exportUrl: "/api/v1/me/export",
    profile: async () => getProfile(await ctx()),
    updateProfile: async (input) => {
      const c = await ctx();
      return attempt(() => updateProfile(c, input));
    },
    async changeEmail(newEmail) {
      const email = newEmail.trim().toLowerCase();
      if (!EMAIL_RE.test(email) || email.length > 254) return { ok: false, error: "invalid" };
      const c = await ctx();
      if (email === c.email?.toLowerCase()) return { ok: false, error: "same" };
      // Through better-auth's HTTP handler so its hooks see the store (tenant, language, origin)
      // and mail the link on the store's own domain.
      const origin = `${request.protocol}://${request.host}`;
      const headers = webHeaders(request);
      for (const name of ["content-length", "content-type", "transfer-encoding", "connection", "expect"]) headers.delete(name);
      headers.set("content-type", "application/json");
      headers.set("origin", origin); // the CSRF plugin has already checked it is the store's own
      const auth = await resolveAuth(kernel.auth);
      const response = await auth.handler(
        new Request(`${origin}/api/auth/change-email`, {
          method: "POST",
          headers,
          body: JSON.stringify({ newEmail: email, callbackURL: "/hesap?dogrulandi=1" }),
        }),
      );
      if (response.ok) return { ok: true };
      const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
      request.log.info({ status: response.status, code: body?.code }, "change-email refused");
      const error: EmailChangeError =
        response.status === 429
          ? "rateLimited"
          : body?.code === "SESSION_NOT_FRESH" || response.status === 403
            ? "reauthenticate"
            : /same/i.test(body?.message ?? "")
              ? "same"
              : response.status === 400
                ? "invalid"
                : "failed";
      return { ok: false, error };
    },
    addresses: async () => listAddresses(await ctx()),
    async saveAddress(id, input) {
      const c = await ctx();
      return attempt(() => (id ? updateAddress(c, id, input) : createAddress(c, input)));
    },
    async makeDefaultAddress(id) {
      const c = await ctx();
      try {
        await updateAddress(c, id, { isDefault: true });
        return true;
      } catch (err) {
        if (isNotFound(err) || err instanceof AccountValidationError) return false;
        throw err;
      }
    },
    async deleteAddress(id) {
      const c = await ctx();
      try {
        await deleteAddress(c, id);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
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
      try {
        const deletion = await requestDeletion(c, kernel.jobs);
        return { ok: true, effectiveAt: deletion.effectiveAt };
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 409) return { ok: false, error: "staff" };
        throw err;
      }
    },
    cancelDeletion: async () => cancelDeletion(await ctx()),
  };
}
