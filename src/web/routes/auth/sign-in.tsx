import { LogIn, MailCheck } from "lucide-react";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import {
  AuthShell,
  Checkbox,
  cookieHeaders,
  describeError,
  EMAIL_RE,
  Field,
  Notice,
  noStore,
  PasswordInput,
  safeNext,
} from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/sign-in";

export const headers = noStore;

const PROVIDER_NAMES: Record<string, string> = { google: "Google", facebook: "Facebook" };

export function loader({ context, request }: Route.LoaderArgs) {
  const app = getApp(context);
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get("next"));
  if (app.user) throw redirect(next);
  return {
    next,
    socialProviders: app.socialProviders,
    // `hata` from our error callback, `error` from better-auth's own error redirect
    socialFailed: url.searchParams.has("hata") || url.searchParams.has("error"),
    // the provider did not vouch for an address that already has an account here
    socialNotLinked: url.searchParams.get("error") === "account_not_linked",
    passwordChanged: url.searchParams.get("sifre") === "degisti",
  };
}

type ActionResult =
  | { intent: "signin"; error: string; email: string; unverified?: boolean }
  | { intent: "resend"; email: string; sent: true }
  | { intent: "social"; error: string; email?: undefined };

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const t = getT(app.locale);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "signin");
  const next = safeNext(String(form.get("next") ?? ""));
  const email = String(form.get("email") ?? "")
    .trim()
    .slice(0, 254);

  if (intent === "social") {
    const provider = String(form.get("provider") ?? "");
    if (!app.socialProviders.includes(provider))
      return data<ActionResult>({ intent: "social", error: t("auth.errorGeneric") }, { status: 400 });
    const result = await app.identity.socialSignIn(provider, next);
    if (!result.ok) return data<ActionResult>({ intent: "social", error: describeError(t, result.error) }, { status: result.error.status });
    throw redirect(result.value.url, { headers: cookieHeaders(result.cookies) });
  }

  if (intent === "resend") {
    if (EMAIL_RE.test(email)) await app.identity.resendVerification(email, "/hesap?dogrulandi=1");
    // The same answer whether or not the address is known.
    return data<ActionResult>({ intent: "resend", email, sent: true });
  }

  const password = String(form.get("password") ?? "");
  if (!email || !password) return data<ActionResult>({ intent: "signin", error: t("auth.errorRequired"), email }, { status: 400 });
  if (!EMAIL_RE.test(email)) return data<ActionResult>({ intent: "signin", error: t("auth.errorEmail"), email }, { status: 400 });
  const result = await app.identity.signIn({ email, password, rememberMe: form.get("rememberMe") === "on" });
  if (!result.ok) {
    return data<ActionResult>(
      { intent: "signin", error: describeError(t, result.error), email, unverified: result.error.code === "EMAIL_NOT_VERIFIED" },
      { status: result.error.status, headers: cookieHeaders(result.cookies) },
    );
  }
  const to = result.value.twoFactor ? `/giris/dogrulama?next=${encodeURIComponent(next)}` : next;
  throw redirect(to, { headers: cookieHeaders(result.cookies) });
}

export default function SignInPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const signInError = actionData?.intent === "signin" ? actionData : null;
  const nextQuery = loaderData.next === "/hesap" ? "" : `?next=${encodeURIComponent(loaderData.next)}`;

  return (
    <AuthShell
      title={t("auth.signInTitle")}
      subtitle={t("auth.signInSubtitle", { store: store.name })}
      icon={<LogIn aria-hidden="true" className="size-6" />}
    >
      <Seo title={`${t("auth.signInTitle")} | ${store.name}`} noindex />
      <div className="space-y-5">
        {loaderData.passwordChanged && <Notice tone="success">{t("auth.resetDoneText")}</Notice>}
        {loaderData.socialFailed && (
          <Notice tone="error">{t(loaderData.socialNotLinked ? "auth.errorSocialNotLinked" : "auth.errorSocial")}</Notice>
        )}
        {actionData?.intent === "social" && <Notice tone="error">{actionData.error}</Notice>}
        {actionData?.intent === "resend" && (
          <Notice tone="success">
            <span className="inline-flex items-center gap-1.5">
              <MailCheck aria-hidden="true" className="size-4" />
              {t("auth.resendDone", { email: actionData.email })}
            </span>
          </Notice>
        )}
        {signInError && (
          <Notice tone="error" id="signin-error">
            <p>{signInError.error}</p>
            {signInError.unverified && (
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="resend" />
                <input type="hidden" name="email" value={signInError.email} />
                <button type="submit" className="link font-semibold">
                  {t("auth.resendVerification")}
                </button>
              </Form>
            )}
          </Notice>
        )}

        <Form method="post" reloadDocument noValidate className="space-y-5" aria-describedby={signInError ? "signin-error" : undefined}>
          <input type="hidden" name="intent" value="signin" />
          <input type="hidden" name="next" value={loaderData.next} />
          <Field id="email" label={t("auth.email")}>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              defaultValue={signInError?.email ?? ""}
              aria-invalid={signInError ? true : undefined}
              className="field"
            />
          </Field>
          <div>
            <div className="mb-1.5 flex items-baseline justify-between gap-3">
              <label htmlFor="password" className="font-semibold text-sm">
                {t("auth.password")}
              </label>
              <Link to="/sifremi-unuttum" className="link text-sm">
                {t("auth.forgotLink")}
              </Link>
            </div>
            <PasswordInput id="password" name="password" autoComplete="current-password" invalid={Boolean(signInError)} />
          </div>
          <Checkbox id="rememberMe" name="rememberMe">
            {t("auth.rememberMe")}
          </Checkbox>
          <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full disabled:opacity-70">
            <LogIn aria-hidden="true" className="size-4" />
            {busy ? t("auth.signingIn") : t("auth.signInSubmit")}
          </button>
        </Form>

        {loaderData.socialProviders.length > 0 && (
          <div>
            <p className="my-5 flex items-center gap-3 text-muted text-xs uppercase tracking-wide before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">
              {t("auth.or")}
            </p>
            <div className="grid gap-2.5">
              {loaderData.socialProviders.map((provider) => (
                <Form key={provider} method="post" reloadDocument>
                  <input type="hidden" name="intent" value="social" />
                  <input type="hidden" name="provider" value={provider} />
                  <input type="hidden" name="next" value={loaderData.next} />
                  <button type="submit" className="btn btn-secondary h-11 w-full">
                    <ProviderMark provider={provider} />
                    {t("auth.continueWith", { provider: PROVIDER_NAMES[provider] ?? provider })}
                  </button>
                </Form>
              ))}
            </div>
          </div>
        )}

        <p className="border-line border-t pt-5 text-center text-muted text-sm">
          {t("auth.noAccount")}{" "}
          <Link to={`/uye-ol${nextQuery}`} className="link font-semibold">
            {t("auth.signUpLink")}
          </Link>
        </p>
      </div>
    </AuthShell>
  );
}

/** The provider's own mark, as its brand guidelines ask for on sign-in buttons. */
function ProviderMark({ provider }: { provider: string }) {
  if (provider === "google") {
    return (
      <svg aria-hidden="true" viewBox="0 0 48 48" className="size-5 shrink-0">
        <path
          fill="#FFC107"
          d="M43.6 20.5H42V20H24v8h11.3C33.7 32.7 29.2 36 24 36c-6.6 0-12-5.4-12-12s5.4-12 12-12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 12.9 4 4 12.9 4 24s8.9 20 20 20 20-8.9 20-20c0-1.3-.1-2.4-.4-3.5z"
        />
        <path
          fill="#FF3D00"
          d="m6.3 14.7 6.6 4.8C14.7 15.1 19 12 24 12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 16.3 4 9.7 8.3 6.3 14.7z"
        />
        <path
          fill="#4CAF50"
          d="M24 44c5.2 0 9.9-2 13.4-5.2l-6.2-5.2C29.2 35.1 26.7 36 24 36c-5.2 0-9.6-3.3-11.3-7.9l-6.5 5C9.5 39.6 16.2 44 24 44z"
        />
        <path fill="#1976D2" d="M43.6 20.5H42V20H24v8h11.3c-.8 2.2-2.2 4.2-4.1 5.6l6.2 5.2C37 39.2 44 34 44 24c0-1.3-.1-2.4-.4-3.5z" />
      </svg>
    );
  }
  if (provider === "facebook") {
    return (
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0">
        <circle cx="12" cy="12" r="12" fill="#1877F2" />
        <path
          fill="#fff"
          d="M13.4 19.5v-6h2l.3-2.4h-2.3V9.6c0-.7.2-1.2 1.2-1.2h1.2V6.3c-.2 0-1-.1-1.8-.1-1.8 0-3 1.1-3 3.1v1.8h-2v2.4h2v6h2.4z"
        />
      </svg>
    );
  }
  return null;
}
