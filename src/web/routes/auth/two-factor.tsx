import { KeyRound, ShieldCheck } from "lucide-react";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { AuthShell, Checkbox, cookieHeaders, describeError, Field, Notice, noStore, safeNext } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/two-factor";

export const headers = noStore;

export function loader({ context, request }: Route.LoaderArgs) {
  const app = getApp(context);
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get("next"));
  if (app.user) throw redirect(next);
  // Without the pending two-factor cookie there is nothing to verify: start over.
  if (!app.identity.twoFactorPending()) throw redirect(`/giris${next === "/hesap" ? "" : `?next=${encodeURIComponent(next)}`}`);
  return { next, backup: url.searchParams.get("yedek") === "1" };
}

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const t = getT(app.locale);
  const form = await request.formData();
  const next = safeNext(String(form.get("next") ?? ""));
  const kind = form.get("kind") === "backup" ? "backup" : "totp";
  const code = String(form.get("code") ?? "").slice(0, 64);
  if (!code.trim()) return data({ error: t("auth.errorCodeRequired") }, { status: 400 });
  if (kind === "totp" && !/^\d{6}$/.test(code.replace(/\s+/g, ""))) return data({ error: t("auth.errorCodeFormat") }, { status: 400 });
  const result = await app.identity.verifyTwoFactor({ code, kind, trustDevice: form.get("trustDevice") === "on" });
  if (!result.ok)
    return data({ error: describeError(t, result.error) }, { status: result.error.status, headers: cookieHeaders(result.cookies) });
  throw redirect(next, { headers: cookieHeaders(result.cookies) });
}

export default function TwoFactorPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const busy = useNavigation().state === "submitting";
  const { backup, next } = loaderData;
  const nextQuery = next === "/hesap" ? "" : `&next=${encodeURIComponent(next)}`;
  return (
    <AuthShell
      title={t("auth.twoFactorTitle")}
      subtitle={backup ? t("auth.twoFactorBackupSubtitle") : t("auth.twoFactorSubtitle")}
      icon={<ShieldCheck aria-hidden="true" className="size-6" />}
    >
      <Seo title={`${t("auth.twoFactorTitle")} | ${store.name}`} noindex />
      <Form method="post" reloadDocument className="space-y-5" aria-describedby={actionData?.error ? "code-error" : undefined}>
        {actionData?.error && (
          <Notice tone="error" id="code-error">
            {actionData.error}
          </Notice>
        )}
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="kind" value={backup ? "backup" : "totp"} />
        {backup ? (
          <Field id="code" label={t("auth.backupCode")}>
            <input
              id="code"
              name="code"
              type="text"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
              maxLength={64}
              // biome-ignore lint/a11y/noAutofocus: the only field of this step
              autoFocus
              className="field font-mono tracking-wider"
            />
          </Field>
        ) : (
          <Field id="code" label={t("auth.totpCode")}>
            <input
              id="code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              required
              // biome-ignore lint/a11y/noAutofocus: the only field of this step
              autoFocus
              placeholder="123456"
              className="field text-center font-mono text-2xl tracking-[0.4em]"
            />
          </Field>
        )}
        <Checkbox id="trustDevice" name="trustDevice">
          {t("auth.trustDevice")}
        </Checkbox>
        <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full disabled:opacity-70">
          <ShieldCheck aria-hidden="true" className="size-4" />
          {t("auth.verify")}
        </button>
      </Form>
      <div className="mt-6 space-y-2 border-line border-t pt-5 text-sm">
        {backup ? (
          <Link to={`/giris/dogrulama?yedek=0${nextQuery}`} className="link inline-flex items-center gap-1.5">
            <ShieldCheck aria-hidden="true" className="size-4" />
            {t("auth.useAuthenticator")}
          </Link>
        ) : (
          <Link to={`/giris/dogrulama?yedek=1${nextQuery}`} className="link inline-flex items-center gap-1.5">
            <KeyRound aria-hidden="true" className="size-4" />
            {t("auth.useBackupCode")}
          </Link>
        )}
        <p className="text-muted">{t("auth.twoFactorHelp")}</p>
      </div>
    </AuthShell>
  );
}
