import { CircleCheck, KeyRound, LinkIcon, TimerOff } from "lucide-react";
import { data, Form, Link, useNavigation } from "react-router";
import { MIN_PASSWORD_LENGTH } from "../../../modules/accounts/constants.ts";
import { AuthShell, describeError, Field, Notice, noStore, PasswordInput } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/reset-password";

export const headers = noStore;

export async function loader({ context, request }: Route.LoaderArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, 200);
  const state = token ? await getApp(context).identity.checkResetToken(token) : "invalid";
  return { state, token: state === "valid" ? token : "" };
}

type ActionResult = { done: true } | { done?: false; invalidToken?: boolean; error: string };

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const t = getT(app.locale);
  const form = await request.formData();
  const token = String(form.get("token") ?? "").slice(0, 200);
  const password = String(form.get("password") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  if (password.length < MIN_PASSWORD_LENGTH) return data<ActionResult>({ error: t("auth.passwordTooShort") }, { status: 400 });
  if (password !== confirm) return data<ActionResult>({ error: t("auth.errorMismatch") }, { status: 400 });
  const result = await app.identity.resetPassword({ token, newPassword: password });
  if (!result.ok) {
    return data<ActionResult>(
      { error: describeError(t, result.error), invalidToken: result.error.code === "INVALID_TOKEN" },
      { status: result.error.status },
    );
  }
  return data<ActionResult>({ done: true });
}

function LinkProblem({ expired }: { expired: boolean }) {
  const t = useT();
  const { store } = useRootData();
  const title = expired ? t("auth.resetExpiredTitle") : t("auth.resetInvalidTitle");
  return (
    <AuthShell
      title={title}
      icon={expired ? <TimerOff aria-hidden="true" className="size-6" /> : <LinkIcon aria-hidden="true" className="size-6" />}
    >
      <Seo title={`${title} | ${store.name}`} noindex />
      <div className="space-y-5 text-sm leading-relaxed">
        <p>{expired ? t("auth.resetExpiredText") : t("auth.resetInvalidText")}</p>
        <Link to="/sifremi-unuttum?yeniden=1" className="btn btn-primary w-full">
          {t("auth.requestNewLink")}
        </Link>
        <p className="text-center">
          <Link to="/giris" className="link">
            {t("auth.backToSignIn")}
          </Link>
        </p>
      </div>
    </AuthShell>
  );
}

export default function ResetPasswordPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const busy = useNavigation().state === "submitting";

  if (actionData?.done) {
    return (
      <AuthShell title={t("auth.resetDoneTitle")} icon={<CircleCheck aria-hidden="true" className="size-6" />}>
        <Seo title={`${t("auth.resetDoneTitle")} | ${store.name}`} noindex />
        <div className="space-y-5 text-sm leading-relaxed">
          <p>{t("auth.resetDoneText")}</p>
          <Link to="/giris" className="btn btn-primary w-full">
            {t("auth.toSignIn")}
          </Link>
        </div>
      </AuthShell>
    );
  }
  if (actionData?.invalidToken || loaderData.state !== "valid") {
    return <LinkProblem expired={!actionData?.invalidToken && loaderData.state === "expired"} />;
  }

  const error = actionData && !actionData.done ? actionData.error : null;
  return (
    <AuthShell title={t("auth.resetTitle")} subtitle={t("auth.resetSubtitle")} icon={<KeyRound aria-hidden="true" className="size-6" />}>
      <Seo title={`${t("auth.resetTitle")} | ${store.name}`} noindex />
      <Form method="post" noValidate className="space-y-5" aria-describedby={error ? "reset-error" : undefined}>
        {error && (
          <Notice tone="error" id="reset-error">
            {error}
          </Notice>
        )}
        <input type="hidden" name="token" value={loaderData.token} />
        <Field id="password" label={t("auth.newPassword")} hint={t("auth.passwordHint", { min: MIN_PASSWORD_LENGTH })}>
          <PasswordInput
            id="password"
            name="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            invalid={Boolean(error)}
            describedBy="password-hint"
            autoFocus
          />
        </Field>
        <Field id="confirm" label={t("auth.newPasswordAgain")}>
          <PasswordInput id="confirm" name="confirm" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} />
        </Field>
        <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full disabled:opacity-70">
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </AuthShell>
  );
}
