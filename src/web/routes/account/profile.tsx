import { BadgeCheck, Clock, Crown, Mail, Save, Send, TriangleAlert, UserRound, Wallet } from "lucide-react";
import { data, Form, Link, useNavigation } from "react-router";
import { AccountCard, Badge, describedBy, errorMap, FormField, formatDay } from "../../components/account-ui.tsx";
import { Notice, noStore } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { type MessageKey, useLocale, useT } from "../../i18n/index.ts";
import { useMoney } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { FieldError } from "../../services/account.ts";
import type { EmailChangeError } from "../../services/identity.ts";
import type { Route } from "./+types/profile";

export const headers = noStore;

export async function loader({ context }: Route.LoaderArgs) {
  const account = getApp(context).account;
  if (!account) throw new Response("Unauthorized", { status: 401 });
  return { profile: await account.profile() };
}

type ActionResult =
  | { intent: "profile"; ok: boolean; errors?: FieldError[]; values?: { name: string; phone: string } }
  | { intent: "email"; ok: boolean; error?: EmailChangeError; newEmail?: string };

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const account = app.account;
  if (!account) throw new Response("Unauthorized", { status: 401 });
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 300);
  if (form.get("intent") === "email") {
    const newEmail = text("newEmail");
    const result = await app.identity.changeEmail(newEmail);
    return data<ActionResult>(
      result.ok ? { intent: "email", ok: true, newEmail } : { intent: "email", ok: false, error: result.error, newEmail },
      {
        status: result.ok ? 200 : 400,
      },
    );
  }
  const values = { name: text("name"), phone: text("phone") };
  const result = await account.updateProfile(values);
  if (result.ok) return data<ActionResult>({ intent: "profile", ok: true });
  return data<ActionResult>({ intent: "profile", ok: false, errors: result.errors, values }, { status: 422 });
}

const EMAIL_ERRORS: Record<EmailChangeError, MessageKey> = {
  invalid: "myaccount.emailErrorInvalid",
  same: "myaccount.emailErrorSame",
  reauthenticate: "myaccount.emailErrorReauthenticate",
  rateLimited: "myaccount.emailErrorRateLimited",
  failed: "myaccount.emailErrorFailed",
};

/** "+905321234567" → "532 123 45 67" for the field next to the fixed +90. */
function nationalPhone(e164: string | null): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164 ?? "");
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : "";
}

export default function ProfilePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const { store } = useRootData();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { profile } = loaderData;
  const result = actionData as ActionResult | undefined;
  const profileResult = result?.intent === "profile" ? result : undefined;
  const emailResult = result?.intent === "email" ? result : undefined;
  const errors = errorMap(t, profileResult?.errors);
  const values = profileResult?.values ?? { name: profile.name, phone: nationalPhone(profile.phone) };
  const pendingEmail = emailResult?.ok ? (emailResult.newEmail ?? profile.pendingEmail) : profile.pendingEmail;
  const premium = profile.customer.tier === "premium";

  return (
    <div className="space-y-6" aria-busy={busy}>
      <Seo title={`${t("myaccount.profileTitle")} | ${store.name}`} noindex />
      <div>
        <h1 className="font-bold text-2xl tracking-tight">{t("myaccount.profileTitle")}</h1>
        <p className="mt-1 text-muted text-sm">{t("myaccount.profileSubtitle")}</p>
      </div>

      {profile.deletion && (
        <Notice tone="error">
          {t("myaccount.deletionPendingShort", { date: formatDay(profile.deletion.effectiveAt, locale) })}{" "}
          <Link to="/hesap/gizlilik" className="underline underline-offset-2">
            {t("myaccount.deletionManage")}
          </Link>
        </Notice>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-2xl border border-line bg-surface p-5" data-testid="store-credit">
          <p className="flex items-center gap-2 font-semibold text-muted text-sm">
            <Wallet aria-hidden="true" className="size-4" />
            {t("myaccount.storeCredit")}
          </p>
          <p className="mt-2 font-bold text-2xl tracking-tight tabular-nums">{money(profile.customer.storeCredit, store.currency)}</p>
          <p className="mt-1 text-muted text-xs">{t("myaccount.storeCreditHint")}</p>
        </div>
        <div className="rounded-2xl border border-line bg-surface p-5" data-testid="tier">
          <p className="flex items-center gap-2 font-semibold text-muted text-sm">
            <Crown aria-hidden="true" className="size-4" />
            {t("myaccount.tier")}
          </p>
          <p className="mt-2 flex items-center gap-2">
            <span className="font-bold text-2xl tracking-tight">{premium ? t("myaccount.tierPremium") : t("myaccount.tierStandard")}</span>
            {premium && <Badge tone="premium">★</Badge>}
          </p>
          <p className="mt-1 text-muted text-xs">{t("myaccount.memberSince", { date: formatDay(profile.customer.since, locale) })}</p>
        </div>
      </div>

      <AccountCard id="personal" title={t("myaccount.personalTitle")} icon={<UserRound aria-hidden="true" className="size-[1.125rem]" />}>
        <Form method="post" className="space-y-5" noValidate>
          <input type="hidden" name="intent" value="profile" />
          {profileResult?.ok && <Notice tone="success">{t("myaccount.profileSaved")}</Notice>}
          {profileResult && !profileResult.ok && <Notice tone="error">{t("myaccount.formHasErrors")}</Notice>}
          <div className="grid gap-5 sm:grid-cols-2">
            <FormField id="name" label={t("myaccount.fullName")} error={errors.name}>
              <input
                id="name"
                name="name"
                defaultValue={values.name}
                autoComplete="name"
                maxLength={100}
                required
                className="field"
                {...describedBy("name", errors.name)}
              />
            </FormField>
            <FormField id="phone" label={t("myaccount.mobile")} error={errors.phone} hint={t("myaccount.mobileHint")}>
              <div className="flex">
                <span className="inline-flex items-center rounded-l-[0.625rem] border border-line-strong border-r-0 bg-surface-2 px-3 font-semibold text-muted text-sm">
                  +90
                </span>
                <input
                  id="phone"
                  name="phone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel-national"
                  placeholder="5XX XXX XX XX"
                  defaultValue={values.phone}
                  maxLength={20}
                  className="field rounded-l-none"
                  {...describedBy("phone", errors.phone, t("myaccount.mobileHint"))}
                />
              </div>
            </FormField>
          </div>
          <button type="submit" className="btn btn-primary h-11" disabled={busy}>
            <Save aria-hidden="true" className="size-4" />
            {t("myaccount.save")}
          </button>
        </Form>
      </AccountCard>

      <AccountCard id="email" title={t("myaccount.emailTitle")} icon={<Mail aria-hidden="true" className="size-[1.125rem]" />}>
        <div className="space-y-5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <span className="font-semibold" data-testid="current-email">
              {profile.email}
            </span>
            {profile.emailVerified ? (
              <Badge tone="brand">
                <BadgeCheck aria-hidden="true" className="size-3.5" />
                {t("myaccount.emailVerifiedBadge")}
              </Badge>
            ) : (
              <Badge tone="warn">{t("myaccount.emailUnverifiedBadge")}</Badge>
            )}
          </div>
          {pendingEmail && (
            <div
              className="flex gap-2.5 rounded-xl border border-warn/40 bg-warn/10 px-4 py-3 text-sm"
              role="status"
              data-testid="pending-email"
            >
              <Clock aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warn" />
              <p>{t("myaccount.emailPending", { email: pendingEmail })}</p>
            </div>
          )}
          {emailResult && !emailResult.ok && emailResult.error && (
            <Notice tone="error">
              <span className="inline-flex items-center gap-1.5">
                {emailResult.error === "reauthenticate" && <TriangleAlert aria-hidden="true" className="size-4" />}
                {t(EMAIL_ERRORS[emailResult.error])}
              </span>
            </Notice>
          )}
          <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
            <input type="hidden" name="intent" value="email" />
            <FormField id="newEmail" label={t("myaccount.newEmail")} className="flex-1">
              <input
                id="newEmail"
                name="newEmail"
                type="email"
                inputMode="email"
                autoComplete="email"
                required
                maxLength={254}
                defaultValue={emailResult && !emailResult.ok ? emailResult.newEmail : ""}
                className="field"
              />
            </FormField>
            <button type="submit" className="btn btn-secondary h-11" disabled={busy}>
              <Send aria-hidden="true" className="size-4" />
              {t("myaccount.sendLink")}
            </button>
          </Form>
          <p className="text-muted text-xs">{t("myaccount.emailChangeHint")}</p>
        </div>
      </AccountCard>
    </div>
  );
}
