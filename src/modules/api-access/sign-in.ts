// Password (and second factor) check for API clients, done by better-auth itself so that every
// rule of the browser sign-in applies: e-mail verification, the failed-sign-in throttle and
// lockout, banned users, disabled customers, two-factor authentication. better-auth creates a
// session for the sign-in; API clients use tokens instead, so that session is deleted at once.

import type { Auth } from "../accounts/auth.ts";
import { COOKIE_PREFIX } from "../accounts/constants.ts";

export interface PasswordSignInInput {
  email: string;
  password: string;
  /** TOTP code (6 digits) or a backup code, for accounts with two-factor authentication. */
  code?: string;
}

export type PasswordSignInResult =
  | { ok: true; userId: string; twoFactor: boolean }
  | { ok: false; status: number; code: string; message: string; retryAfter?: string };

export const TWO_FACTOR_CODE_REQUIRED = "TWO_FACTOR_CODE_REQUIRED";

const TOTP_CODE = /^\d{6}$/;

/** Headers that make better-auth treat the call as a browser request; an API call has none. */
const BROWSER_HEADERS = [
  "cookie",
  "origin",
  "referer",
  "authorization",
  "sec-fetch-site",
  "sec-fetch-mode",
  "sec-fetch-dest",
  "sec-fetch-user",
];

/**
 * Request headers for better-auth on behalf of an API client: the store and client IP headers of
 * `webHeaders(request)`, without browser credentials. `lang=en` is passed as better-auth's hooks
 * read the language from the cookie.
 */
export function apiClientHeaders(headers: Headers, locale: "tr" | "en"): Headers {
  const out = new Headers(headers);
  for (const name of BROWSER_HEADERS) out.delete(name);
  if (locale === "en") out.set("cookie", "lang=en");
  return out;
}

async function failure(response: Response): Promise<PasswordSignInResult & { ok: false }> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  return {
    ok: false,
    status: response.status,
    code: body?.code ?? "SIGN_IN_FAILED",
    message: body?.message ?? "Sign-in failed.",
    retryAfter: response.headers.get("retry-after") ?? undefined,
  };
}

/** `name=value` of the better-auth cookie whose name ends with `suffix`, from Set-Cookie headers. */
function cookieFrom(response: Response, suffix: string): string | null {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0] ?? "";
    const name = pair.slice(0, pair.indexOf("="));
    if (name.endsWith(`${COOKIE_PREFIX}.${suffix}`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

export async function passwordSignIn(
  auth: Auth,
  headers: Headers,
  input: PasswordSignInInput,
  locale: "tr" | "en",
): Promise<PasswordSignInResult> {
  const first = await auth.api.signInEmail({
    body: { email: input.email, password: input.password, rememberMe: false },
    headers,
    asResponse: true,
  });
  if (!first.ok) return failure(first);
  let result = (await first.json()) as { token?: string; user?: { id: string }; twoFactorRedirect?: boolean };
  let twoFactor = false;
  if (result.twoFactorRedirect) {
    twoFactor = true;
    const challenge = cookieFrom(first, "two_factor");
    if (!input.code) {
      return {
        ok: false,
        status: 401,
        code: TWO_FACTOR_CODE_REQUIRED,
        message:
          locale === "en"
            ? "This account uses two-factor authentication: send the 6-digit code from the authenticator app (or a backup code) in `code`."
            : "Bu hesapta iki adımlı doğrulama açık: doğrulama uygulamasındaki 6 haneli kodu (ya da bir yedek kodu) `code` alanında gönderin.",
      };
    }
    if (!challenge)
      return { ok: false, status: 500, code: "TWO_FACTOR_CHALLENGE_MISSING", message: "The two-factor challenge could not be started." };
    const withChallenge = new Headers(headers);
    withChallenge.set("cookie", [headers.get("cookie"), challenge].filter(Boolean).join("; "));
    const code = input.code.trim();
    const second = TOTP_CODE.test(code)
      ? await auth.api.verifyTOTP({ body: { code }, headers: withChallenge, asResponse: true })
      : await auth.api.verifyBackupCode({ body: { code }, headers: withChallenge, asResponse: true });
    if (!second.ok) return failure(second);
    result = (await second.json()) as typeof result;
  }
  const userId = result.user?.id;
  if (!userId) return { ok: false, status: 500, code: "SIGN_IN_FAILED", message: "Sign-in did not return a user." };
  if (result.token) {
    const context = await auth.$context;
    await context.internalAdapter.deleteSession(result.token);
  }
  return { ok: true, userId, twoFactor };
}
