import { KeyRound, MailCheck } from "lucide-react";
import { data, Form, Link, useNavigation } from "react-router";
import { AuthShell, describeError, EMAIL_RE, Field, Notice, noStore } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/forgot-password";

export const headers = noStore;

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return { email: (url.searchParams.get("eposta") ?? "").slice(0, 254), again: url.searchParams.has("yeniden") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const t = getT(app.locale);
  const form = await request.formData();
  const email = String(form.get("email") ?? "")
    .trim()
    .slice(0, 254);
  if (!EMAIL_RE.test(email)) return data({ sent: false as const, error: t("auth.errorEmail"), email }, { status: 400 });
  const result = await app.identity.requestPasswordReset(email);
  if (!result.ok) return data({ sent: false as const, error: describeError(t, result.error), email }, { status: result.error.status });
  // The same answer for known and unknown addresses.
  return { sent: true as const, email };
}

export default function ForgotPasswordPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const busy = useNavigation().state === "submitting";

  if (actionData?.sent) {
    return (
      <AuthShell title={t("auth.forgotSentTitle")} icon={<MailCheck aria-hidden="true" className="size-6" />}>
        <Seo title={`${t("auth.forgotTitle")} | ${store.name}`} noindex />
        <div className="space-y-4 text-sm leading-relaxed">
          <Notice tone="success">{t("auth.forgotSentText", { email: actionData.email })}</Notice>
          <p className="text-muted">{t("auth.forgotSentHelp")}</p>
          <Link to="/giris" className="btn btn-secondary w-full">
            {t("auth.toSignIn")}
          </Link>
        </div>
      </AuthShell>
    );
  }

  const error = actionData && !actionData.sent ? actionData.error : null;
  return (
    <AuthShell title={t("auth.forgotTitle")} subtitle={t("auth.forgotSubtitle")} icon={<KeyRound aria-hidden="true" className="size-6" />}>
      <Seo title={`${t("auth.forgotTitle")} | ${store.name}`} noindex />
      <Form method="post" noValidate className="space-y-5" aria-describedby={error ? "forgot-error" : undefined}>
        {loaderData.again && !error && <Notice tone="info">{t("auth.forgotAgain")}</Notice>}
        {error && (
          <Notice tone="error" id="forgot-error">
            {error}
          </Notice>
        )}
        <Field id="email" label={t("auth.email")}>
          <input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            defaultValue={actionData?.email ?? loaderData.email}
            aria-invalid={error ? true : undefined}
            className="field"
          />
        </Field>
        <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full disabled:opacity-70">
          {t("auth.forgotSubmit")}
        </button>
        <p className="text-center text-sm">
          <Link to="/giris" className="link">
            {t("auth.backToSignIn")}
          </Link>
        </p>
      </Form>
    </AuthShell>
  );
}
