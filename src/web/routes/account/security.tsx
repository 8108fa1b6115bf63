import clsx from "clsx";
import { KeyRound, LogOut, Monitor, ShieldAlert, ShieldCheck, ShieldOff, Smartphone } from "lucide-react";
import { data, Form, redirect, useNavigation } from "react-router";
import { MIN_PASSWORD_LENGTH } from "../../../modules/accounts/constants.ts";
import { cookieHeaders, describeError, Field, Notice, noStore, PasswordInput } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT, type TFunction, useLocale, useT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { ActiveSession, TwoFactorSetup } from "../../services/identity.ts";
import type { Route } from "./+types/security";

export const headers = noStore;

export async function loader({ context, request }: Route.LoaderArgs) {
  const app = getApp(context);
  const url = new URL(request.url);
  const overview = app.user ? await app.identity.security() : null;
  if (!overview) throw redirect(`/giris?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { ...overview, twoFactorRequired: url.searchParams.get("iki-adim") === "zorunlu" };
}

type Intent = "change-password" | "2fa-enable" | "2fa-confirm" | "2fa-regenerate" | "2fa-disable" | "revoke-session" | "revoke-others";

interface ActionResult {
  intent: Intent;
  ok: boolean;
  error?: string;
  setup?: TwoFactorSetup;
  backupCodes?: string[];
}

function reply(result: ActionResult, status = 200, cookies: string[] = []) {
  return data(result, { status, headers: cookieHeaders(cookies) });
}

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const t = getT(app.locale);
  if (!app.user) throw redirect("/giris?next=/hesap/guvenlik");
  const { identity } = app;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 500);
  const failed = (error: string, status = 400, cookies: string[] = [], extra: Partial<ActionResult> = {}) =>
    reply({ intent, ok: false, error, ...extra }, status, cookies);

  switch (intent) {
    case "change-password": {
      const current = text("currentPassword");
      const next = text("newPassword");
      if (!current) return failed(t("auth.errorCurrentPassword"));
      if (next.length < MIN_PASSWORD_LENGTH) return failed(t("auth.passwordTooShort"));
      if (next !== text("confirmPassword")) return failed(t("auth.errorMismatch"));
      const result = await identity.changePassword({ currentPassword: current, newPassword: next });
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies);
      return reply({ intent, ok: true }, 200, result.cookies);
    }
    case "2fa-enable": {
      const password = text("password");
      if (!password) return failed(t("auth.errorCurrentPassword"));
      const result = await identity.enableTwoFactor(password);
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies);
      return reply({ intent, ok: true, setup: result.value }, 200, result.cookies);
    }
    case "2fa-confirm": {
      const setup = await identity.describeSetup(text("totpURI"));
      const code = text("code").replace(/\s+/g, "");
      if (!/^\d{6}$/.test(code)) return failed(t("auth.errorCodeFormat"), 400, [], { setup: setup ?? undefined });
      const result = await identity.confirmTwoFactor(code);
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies, { setup: setup ?? undefined });
      return reply({ intent, ok: true, backupCodes: result.value.backupCodes }, 200, result.cookies);
    }
    case "2fa-regenerate": {
      const password = text("password");
      if (!password) return failed(t("auth.errorCurrentPassword"));
      const result = await identity.regenerateBackupCodes(password);
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies);
      return reply({ intent, ok: true, backupCodes: result.value.backupCodes }, 200, result.cookies);
    }
    case "2fa-disable": {
      const password = text("password");
      if (!password) return failed(t("auth.errorCurrentPassword"));
      const result = await identity.disableTwoFactor(password);
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies);
      return reply({ intent, ok: true }, 200, result.cookies);
    }
    case "revoke-session": {
      const result = await identity.revokeSession(text("sessionId"));
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies);
      return reply({ intent, ok: true }, 200, result.cookies);
    }
    case "revoke-others": {
      const result = await identity.revokeOtherSessions();
      if (!result.ok) return failed(describeError(t, result.error), result.error.status, result.cookies);
      return reply({ intent, ok: true }, 200, result.cookies);
    }
  }
  return failed(t("auth.errorGeneric"));
}

function Card({ title, icon, children, id }: { title: string; icon: React.ReactNode; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-line bg-surface p-5 sm:p-7">
      <h2 id={id} className="flex items-center gap-2.5 font-bold text-lg">
        <span className="flex size-9 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">{icon}</span>
        {title}
      </h2>
      <div className="mt-5">{children}</div>
    </section>
  );
}

function Outcome({ result, intents, success }: { result: ActionResult | undefined; intents: Intent[]; success?: string }) {
  if (!result || !intents.includes(result.intent)) return null;
  if (result.ok) return success ? <Notice tone="success">{success}</Notice> : null;
  return <Notice tone="error">{result.error}</Notice>;
}

function PasswordConfirmForm({ intent, label, danger = false }: { intent: Intent; label: string; danger?: boolean }) {
  const t = useT();
  const id = `${intent}-password`;
  return (
    <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="intent" value={intent} />
      <div className="flex-1">
        <Field id={id} label={t("auth.currentPassword")}>
          <PasswordInput id={id} name="password" autoComplete="current-password" />
        </Field>
      </div>
      <button type="submit" className={clsx("btn h-11", danger ? "btn-secondary text-sale hover:text-sale" : "btn-primary")}>
        {label}
      </button>
    </Form>
  );
}

function BackupCodes({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <div className="space-y-3 rounded-xl border border-warn/40 bg-warn/10 p-4">
      <p className="font-semibold text-sm">{t("auth.backupCodesTitle")}</p>
      <p className="text-muted text-sm">{t("auth.backupCodesText")}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code} className="rounded-lg bg-surface px-2 py-1.5 text-center tracking-wider">
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SetupSteps({ setup, error }: { setup: TwoFactorSetup; error?: string }) {
  const t = useT();
  const secret = setup.secret.replace(/(.{4})/g, "$1 ").trim();
  return (
    <div className="space-y-5">
      {error && <Notice tone="error">{error}</Notice>}
      <ol className="grid gap-6 sm:grid-cols-[auto_1fr]">
        <li className="justify-self-center">
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t("auth.qrAlt")}
            width={184}
            height={184}
            className="rounded-xl border border-line bg-white p-2"
          />
        </li>
        <li className="space-y-3 text-sm">
          <p>{t("auth.setupScan")}</p>
          <p className="text-muted">{t("auth.setupManual")}</p>
          <p>
            <code
              data-testid="totp-secret"
              className="inline-block break-all rounded-lg bg-surface-2 px-3 py-2 font-mono text-sm tracking-wider"
            >
              {secret}
            </code>
          </p>
        </li>
      </ol>
      <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <input type="hidden" name="intent" value="2fa-confirm" />
        <input type="hidden" name="totpURI" value={setup.totpURI} />
        <div className="flex-1">
          <Field id="confirm-code" label={t("auth.setupCode")}>
            <input
              id="confirm-code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              required
              placeholder="123456"
              className="field font-mono tracking-[0.3em]"
            />
          </Field>
        </div>
        <button type="submit" className="btn btn-primary h-11">
          <ShieldCheck aria-hidden="true" className="size-4" />
          {t("auth.setupConfirm")}
        </button>
      </Form>
    </div>
  );
}

function deviceOf(userAgent: string | null, t: TFunction): { label: string; mobile: boolean } {
  if (!userAgent) return { label: t("auth.unknownDevice"), mobile: false };
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /OPR\//.test(userAgent)
      ? "Opera"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Chrome\/|Chromium\//.test(userAgent)
          ? "Chrome"
          : /Safari\//.test(userAgent)
            ? "Safari"
            : null;
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad|iOS/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  const label = [browser, os].filter(Boolean).join(" · ") || userAgent.slice(0, 60);
  return { label, mobile: /Mobile|Android|iPhone/.test(userAgent) };
}

function Sessions({ sessions, result }: { sessions: ActiveSession[]; result: ActionResult | undefined }) {
  const t = useT();
  const locale = useLocale();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <Outcome
        result={result}
        intents={["revoke-session", "revoke-others"]}
        success={result?.intent === "revoke-others" ? t("auth.sessionsOthersEnded") : t("auth.sessionEnded")}
      />
      <ul className="divide-y divide-line rounded-xl border border-line">
        {sessions.map((session) => {
          const device = deviceOf(session.userAgent, t);
          const Icon = device.mobile ? Smartphone : Monitor;
          return (
            <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="session">
              <Icon aria-hidden="true" className="size-5 shrink-0 text-muted" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  {device.label}
                  {session.current && (
                    <span className="rounded-full bg-brand-soft px-2 py-0.5 font-semibold text-on-brand-soft text-xs">
                      {t("auth.thisDevice")}
                    </span>
                  )}
                </p>
                <p className="text-muted text-xs">
                  {t("auth.sessionMeta", { ip: session.ip ?? "—", at: formatDateTime(session.updatedAt, locale) })}
                </p>
              </div>
              {!session.current && (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-session" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="btn btn-secondary px-3 py-1.5 text-sm">
                    {t("auth.endSession")}
                  </button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 && (
        <Form method="post">
          <input type="hidden" name="intent" value="revoke-others" />
          <button type="submit" className="btn btn-secondary">
            <LogOut aria-hidden="true" className="size-4" />
            {t("auth.endOtherSessions")}
          </button>
        </Form>
      )}
    </div>
  );
}

export default function SecurityPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const busy = useNavigation().state === "submitting";
  const result = actionData as ActionResult | undefined;
  const setup = result?.setup;
  const codes = result?.backupCodes;

  return (
    <div className="space-y-6" aria-busy={busy}>
      <Seo title={`${t("auth.securityTitle")} | ${store.name}`} noindex />
      <div>
        <h1 className="font-bold text-2xl tracking-tight">{t("auth.securityTitle")}</h1>
        <p className="mt-1 text-muted text-sm">{t("auth.securitySubtitle")}</p>
      </div>

      <Card id="password-title" title={t("auth.changePasswordTitle")} icon={<KeyRound aria-hidden="true" className="size-4" />}>
        {loaderData.hasPassword ? (
          <Form method="post" className="space-y-4" key={result?.intent === "change-password" && result.ok ? "done" : "form"}>
            <Outcome result={result} intents={["change-password"]} success={t("auth.passwordChanged")} />
            <input type="hidden" name="intent" value="change-password" />
            <Field id="currentPassword" label={t("auth.currentPassword")}>
              <PasswordInput id="currentPassword" name="currentPassword" autoComplete="current-password" />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="newPassword" label={t("auth.newPassword")} hint={t("auth.passwordHint", { min: MIN_PASSWORD_LENGTH })}>
                <PasswordInput
                  id="newPassword"
                  name="newPassword"
                  autoComplete="new-password"
                  minLength={MIN_PASSWORD_LENGTH}
                  describedBy="newPassword-hint"
                />
              </Field>
              <Field id="confirmPassword" label={t("auth.newPasswordAgain")}>
                <PasswordInput id="confirmPassword" name="confirmPassword" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} />
              </Field>
            </div>
            <p className="text-muted text-xs">{t("auth.changePasswordNote")}</p>
            <button type="submit" className="btn btn-primary">
              {t("auth.changePasswordSubmit")}
            </button>
          </Form>
        ) : (
          <Notice tone="info">{t("auth.noPassword")}</Notice>
        )}
      </Card>

      <Card id="twofactor-title" title={t("auth.twoFactorSection")} icon={<ShieldCheck aria-hidden="true" className="size-4" />}>
        <div className="space-y-5">
          {loaderData.twoFactorRequired && !loaderData.twoFactorEnabled && (
            <Notice tone="info">
              <span className="inline-flex items-start gap-1.5">
                <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                {t("auth.twoFactorRequired")}
              </span>
            </Notice>
          )}
          <p className="flex items-center gap-2 text-sm">
            {loaderData.twoFactorEnabled ? (
              <>
                <ShieldCheck aria-hidden="true" className="size-5 text-ok" />
                <span className="font-semibold">{t("auth.twoFactorOn")}</span>
              </>
            ) : (
              <>
                <ShieldOff aria-hidden="true" className="size-5 text-muted" />
                <span className="font-semibold">{t("auth.twoFactorOff")}</span>
              </>
            )}
          </p>
          <p className="text-muted text-sm">{t("auth.twoFactorExplain")}</p>

          {codes && (
            <>
              {result?.intent === "2fa-confirm" && <Notice tone="success">{t("auth.twoFactorEnabledNow")}</Notice>}
              <BackupCodes codes={codes} />
            </>
          )}
          {setup ? (
            <SetupSteps setup={setup} error={result?.ok ? undefined : result?.error} />
          ) : loaderData.twoFactorEnabled ? (
            <div className="space-y-5">
              <Outcome result={result} intents={["2fa-regenerate", "2fa-disable"]} />
              <div className="space-y-2">
                <h3 className="font-semibold text-sm">{t("auth.regenerateTitle")}</h3>
                <p className="text-muted text-sm">{t("auth.regenerateText")}</p>
                <PasswordConfirmForm intent="2fa-regenerate" label={t("auth.regenerateSubmit")} />
              </div>
              <div className="space-y-2 border-line border-t pt-5">
                <h3 className="font-semibold text-sm">{t("auth.disableTitle")}</h3>
                <p className="text-muted text-sm">{t("auth.disableText")}</p>
                <PasswordConfirmForm intent="2fa-disable" label={t("auth.disableSubmit")} danger />
              </div>
            </div>
          ) : loaderData.hasPassword ? (
            <div className="space-y-3">
              <Outcome
                result={result}
                intents={["2fa-enable", "2fa-disable"]}
                success={result?.intent === "2fa-disable" ? t("auth.twoFactorDisabledNow") : undefined}
              />
              <PasswordConfirmForm intent="2fa-enable" label={t("auth.enableSubmit")} />
            </div>
          ) : (
            <Notice tone="info">{t("auth.noPassword")}</Notice>
          )}
        </div>
      </Card>

      <Card id="sessions-title" title={t("auth.sessionsTitle")} icon={<Monitor aria-hidden="true" className="size-4" />}>
        <p className="mb-4 text-muted text-sm">{t("auth.sessionsText")}</p>
        <Sessions sessions={loaderData.sessions} result={result} />
      </Card>
    </div>
  );
}
