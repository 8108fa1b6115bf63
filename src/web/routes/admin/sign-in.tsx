import { CircleAlert, Eye, EyeOff, LoaderCircle, LogIn, ShieldCheck, Store } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Link, redirect } from "react-router";
import { EMAIL_RE, safeNext } from "../../components/auth-ui.tsx";
import { Logo } from "../../components/logo.tsx";
import { LanguageSwitch, ThemeToggle } from "../../components/preferences.tsx";
import { getApp } from "../../context.ts";
import { type MessageKey, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/sign-in";

export function loader({ context, url }: Route.LoaderArgs) {
  const app = getApp(context);
  const next = safeNext(url.searchParams.get("next"), "/admin", "/admin");
  if (app.admin) throw redirect(next);
  // Signed in, but not staff: say so instead of looping between /admin and this page.
  return { next, notStaff: app.user !== null };
}

// The form is submitted with fetch (JSON) by the component; a plain POST means no JavaScript.
export function action() {
  return { error: "signIn.errorNoScript" as MessageKey };
}

/** better-auth answers with `{ code, message }`; map what a person can act on to our wording. */
function errorFor(status: number, code: string | undefined): MessageKey {
  if (status === 429) return "signIn.errorRateLimit";
  switch (code) {
    case "INVALID_EMAIL_OR_PASSWORD":
    case "INVALID_PASSWORD":
    case "USER_NOT_FOUND":
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return "signIn.errorInvalid";
    case "INVALID_EMAIL":
      return "signIn.errorEmail";
    case "EMAIL_NOT_VERIFIED":
      return "signIn.errorUnverified";
    case "BANNED_USER":
      return "signIn.errorNotStaff";
  }
  if (status === 401) return "signIn.errorInvalid";
  return "signIn.errorGeneric";
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const [error, setError] = useState<MessageKey | null>(loaderData.notStaff ? "signIn.errorNotStaff" : (actionData?.error ?? null));
  const [pending, setPending] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError("signIn.errorRequired");
    if (!EMAIL_RE.test(email)) return setError("signIn.errorEmail");
    setError(null);
    setPending(true);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ email, password }),
      });
      const body = (await response.json().catch(() => null)) as { code?: string; twoFactorRedirect?: boolean } | null;
      if (response.ok) {
        // Two-factor accounts confirm their code on the storefront's step, then come back here.
        // A full load either way, so every part of the page sees the new session.
        window.location.assign(body?.twoFactorRedirect ? `/giris/dogrulama?next=${encodeURIComponent(loaderData.next)}` : loaderData.next);
        return;
      }
      setError(errorFor(response.status, body?.code));
    } catch {
      setError("signIn.errorNetwork");
    }
    setPending(false);
  }

  return (
    <div className="grid min-h-dvh lg:grid-cols-2">
      <title>{`${t("signIn.title")} | ${store.name}`}</title>
      <meta name="robots" content="noindex" />
      <div className="relative hidden overflow-hidden bg-[linear-gradient(140deg,#0b3d3a_0%,#0f766e_55%,#14948a_100%)] p-12 text-white lg:flex lg:flex-col lg:justify-between">
        <svg
          aria-hidden="true"
          viewBox="0 0 400 400"
          className="pointer-events-none absolute -right-32 -bottom-32 size-[36rem] text-white/10"
        >
          <path d="M60 400V200a140 140 0 0 1 280 0v200" fill="none" stroke="currentColor" strokeWidth="36" />
          <path d="M140 400V220a60 60 0 0 1 120 0v180" fill="none" stroke="currentColor" strokeWidth="24" />
        </svg>
        <p className="relative inline-flex items-center gap-2 font-semibold text-white/90">
          <Store aria-hidden="true" className="size-5" />
          {store.name}
        </p>
        <div className="relative max-w-md">
          <p className="font-extrabold text-4xl leading-tight tracking-tight">{t("admin.title")}</p>
          <p className="mt-4 flex items-center gap-2 text-white/85">
            <ShieldCheck aria-hidden="true" className="size-5 shrink-0" />
            {t("signIn.subtitle", { store: store.name })}
          </p>
        </div>
        <p className="relative text-sm text-white/70">{t("footer.poweredBy")}</p>
      </div>

      <div className="flex flex-col px-4 py-6 sm:px-8">
        <div className="flex items-center justify-between">
          <Link to="/" className="rounded-lg text-muted text-sm hover:text-brand">
            ← {t("signIn.backToStore")}
          </Link>
          <div className="flex items-center gap-1">
            <LanguageSwitch />
            <ThemeToggle />
          </div>
        </div>
        <main className="flex flex-1 items-center justify-center py-10">
          <div className="w-full max-w-sm">
            <Logo name={store.name} />
            <h1 className="mt-8 font-bold text-2xl tracking-tight">{t("signIn.title")}</h1>
            <p className="mt-2 text-muted text-sm lg:hidden">{t("signIn.subtitle", { store: store.name })}</p>

            <form method="post" noValidate onSubmit={onSubmit} className="mt-8 space-y-5" aria-describedby={error ? errorId : undefined}>
              {error && (
                <div
                  id={errorId}
                  role="alert"
                  className="flex gap-2.5 rounded-xl border border-sale/30 bg-sale-soft px-4 py-3 text-sale text-sm"
                >
                  <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                  <p className="font-medium">{t(error)}</p>
                </div>
              )}
              <div>
                <label htmlFor="email" className="mb-1.5 block font-semibold text-sm">
                  {t("signIn.email")}
                </label>
                <input
                  id="email"
                  name="email"
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  required
                  aria-invalid={error === "signIn.errorEmail" || error === "signIn.errorInvalid" ? true : undefined}
                  className="field"
                />
              </div>
              <div>
                <label htmlFor="password" className="mb-1.5 block font-semibold text-sm">
                  {t("signIn.password")}
                </label>
                <div className="relative">
                  <input
                    id="password"
                    name="password"
                    type={showPassword ? "text" : "password"}
                    autoComplete="current-password"
                    required
                    aria-invalid={error === "signIn.errorInvalid" ? true : undefined}
                    className="field pr-12"
                  />
                  <button
                    type="button"
                    onClick={() => setShowPassword((v) => !v)}
                    aria-pressed={showPassword}
                    className="absolute top-1/2 right-1.5 inline-flex size-9 -translate-y-1/2 items-center justify-center rounded-lg text-muted hover:text-fg"
                  >
                    {showPassword ? (
                      <EyeOff aria-hidden="true" className="size-[1.125rem]" />
                    ) : (
                      <Eye aria-hidden="true" className="size-[1.125rem]" />
                    )}
                    <span className="sr-only">{showPassword ? t("signIn.hidePassword") : t("signIn.showPassword")}</span>
                  </button>
                </div>
              </div>
              <button type="submit" disabled={pending} className="btn btn-primary h-11 w-full disabled:opacity-70">
                {pending ? (
                  <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
                ) : (
                  <LogIn aria-hidden="true" className="size-4" />
                )}
                {pending ? t("signIn.submitting") : t("signIn.submit")}
              </button>
            </form>
          </div>
        </main>
      </div>
    </div>
  );
}
