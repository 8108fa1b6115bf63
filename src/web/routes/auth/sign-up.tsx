import { MailCheck, UserPlus } from "lucide-react";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { MIN_PASSWORD_LENGTH } from "../../../modules/accounts/constants.ts";
import { AuthShell, Checkbox, describeError, EMAIL_RE, Field, Notice, noStore, PasswordInput } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/sign-up";

export const headers = noStore;

export function loader({ context }: Route.LoaderArgs) {
  if (getApp(context).user) throw redirect("/hesap");
  return null;
}

interface Values {
  name: string;
  email: string;
  marketingEmail: boolean;
  marketingSms: boolean;
  acceptTerms: boolean;
}

type ActionResult =
  | { sent: true; email: string }
  | { sent?: false; error: string; field?: "name" | "email" | "password" | "acceptTerms"; values: Values };

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const t = getT(app.locale);
  const form = await request.formData();
  const values: Values = {
    name: String(form.get("name") ?? "")
      .trim()
      .slice(0, 100),
    email: String(form.get("email") ?? "")
      .trim()
      .slice(0, 254),
    marketingEmail: form.get("marketingEmail") === "on",
    marketingSms: form.get("marketingSms") === "on",
    acceptTerms: form.get("acceptTerms") === "on",
  };
  const password = String(form.get("password") ?? "");
  const fail = (error: string, field: "name" | "email" | "password" | "acceptTerms", status = 400) =>
    data<ActionResult>({ error, field, values }, { status });
  if (values.name.length < 2) return fail(t("auth.errorName"), "name");
  if (!EMAIL_RE.test(values.email)) return fail(t("auth.errorEmail"), "email");
  if (password.length < MIN_PASSWORD_LENGTH) return fail(t("auth.passwordTooShort"), "password");
  if (!values.acceptTerms) return fail(t("auth.errorTerms"), "acceptTerms");
  const result = await app.identity.signUp({ ...values, password, callbackURL: "/hesap?dogrulandi=1" });
  if (!result.ok) {
    const field = result.error.code.startsWith("PASSWORD_") ? "password" : result.error.code === "INVALID_EMAIL" ? "email" : undefined;
    return data<ActionResult>({ error: describeError(t, result.error), field, values }, { status: result.error.status });
  }
  // Also for an address that already has an account (it gets a mail saying so): no enumeration.
  return data<ActionResult>({ sent: true, email: values.email });
}

export default function SignUpPage({ actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const busy = useNavigation().state === "submitting";

  if (actionData?.sent) {
    return (
      <AuthShell title={t("auth.checkInboxTitle")} icon={<MailCheck aria-hidden="true" className="size-6" />}>
        <Seo title={`${t("auth.checkInboxTitle")} | ${store.name}`} noindex />
        <div className="space-y-4 text-sm leading-relaxed">
          <p>{t("auth.checkInboxText", { email: actionData.email })}</p>
          <p className="text-muted">{t("auth.checkInboxHelp")}</p>
          <Link to="/giris" className="btn btn-secondary w-full">
            {t("auth.toSignIn")}
          </Link>
        </div>
      </AuthShell>
    );
  }

  const failed = actionData && !actionData.sent ? actionData : null;
  const values = failed?.values;
  const invalid = (field: string) => (failed?.field === field ? true : undefined);

  return (
    <AuthShell
      title={t("auth.signUpTitle")}
      subtitle={t("auth.signUpSubtitle", { store: store.name })}
      icon={<UserPlus aria-hidden="true" className="size-6" />}
      wide
    >
      <Seo title={`${t("auth.signUpTitle")} | ${store.name}`} noindex />
      <Form method="post" noValidate className="space-y-5" aria-describedby={failed ? "signup-error" : undefined}>
        {failed && (
          <Notice tone="error" id="signup-error">
            {failed.error}
          </Notice>
        )}
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="name" label={t("auth.name")}>
            <input
              id="name"
              name="name"
              type="text"
              autoComplete="name"
              required
              maxLength={100}
              defaultValue={values?.name}
              aria-invalid={invalid("name")}
              className="field"
            />
          </Field>
          <Field id="email" label={t("auth.email")}>
            <input
              id="email"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              required
              defaultValue={values?.email}
              aria-invalid={invalid("email")}
              className="field"
            />
          </Field>
        </div>
        <Field id="password" label={t("auth.password")} hint={t("auth.passwordHint", { min: MIN_PASSWORD_LENGTH })}>
          <PasswordInput
            id="password"
            name="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            invalid={invalid("password")}
            describedBy="password-hint"
          />
        </Field>

        <section aria-labelledby="kvkk-title" className="rounded-xl border border-line bg-surface-2">
          <h2 id="kvkk-title" className="border-line border-b px-4 py-2.5 font-semibold text-sm">
            {t("auth.kvkkTitle")}
          </h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <div tabIndex={0} className="max-h-44 space-y-2.5 overflow-y-auto px-4 py-3 text-muted text-xs leading-relaxed">
            <p>{t("auth.kvkk1", { store: store.profile.legalName ?? store.name })}</p>
            <p>{t("auth.kvkk2")}</p>
            <p>{t("auth.kvkk3")}</p>
            <p>{t("auth.kvkk4")}</p>
            <p>
              {t("auth.kvkk5")}{" "}
              <Link to="/sayfa/kvkk-aydinlatma-metni" className="link" target="_blank">
                {t("auth.kvkkFull")}
              </Link>
            </p>
          </div>
        </section>

        <fieldset className="space-y-3.5">
          <legend className="sr-only">{t("auth.consents")}</legend>
          <Checkbox id="acceptTerms" name="acceptTerms" required defaultChecked={values?.acceptTerms}>
            {t("auth.acceptTerms")} <span className="text-sale">*</span>
          </Checkbox>
          <Checkbox id="marketingEmail" name="marketingEmail" defaultChecked={values?.marketingEmail}>
            {t("auth.marketingEmail")}
          </Checkbox>
          <Checkbox id="marketingSms" name="marketingSms" defaultChecked={values?.marketingSms}>
            {t("auth.marketingSms")}
          </Checkbox>
          <p className="text-muted text-xs">{t("auth.marketingNote")}</p>
        </fieldset>

        <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full disabled:opacity-70">
          <UserPlus aria-hidden="true" className="size-4" />
          {busy ? t("auth.signingUp") : t("auth.signUpSubmit")}
        </button>
        <p className="text-center text-muted text-sm">
          {t("auth.haveAccount")}{" "}
          <Link to="/giris" className="link font-semibold">
            {t("auth.signInLink")}
          </Link>
        </p>
      </Form>
    </AuthShell>
  );
}
