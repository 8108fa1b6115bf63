import clsx from "clsx";
import { Download, FileText, Mail, MessageSquare, ShieldCheck, Trash2, Undo2 } from "lucide-react";
import { data, Form, Link, useNavigation } from "react-router";
import { AccountCard, Badge, formatDay } from "../../components/account-ui.tsx";
import { Notice, noStore } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { type MessageKey, useLocale, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { ConsentState, MarketingPurpose } from "../../services/account.ts";
import type { Route } from "./+types/privacy";

export const headers = noStore;

export async function loader({ context }: Route.LoaderArgs) {
  const account = getApp(context).account;
  if (!account) throw new Response("Unauthorized", { status: 401 });
  const [consents, profile] = await Promise.all([account.consents(), account.profile()]);
  return { consents, deletion: profile.deletion, graceDays: account.deletionGraceDays, exportUrl: account.exportUrl };
}

type Intent = "consent" | "delete-request" | "delete-cancel";
interface ActionResult {
  intent: Intent;
  ok: boolean;
  error?: MessageKey;
  purpose?: string;
}

export async function action({ context, request }: Route.ActionArgs) {
  const account = getApp(context).account;
  if (!account) throw new Response("Unauthorized", { status: 401 });
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  switch (intent) {
    case "consent": {
      const purpose = String(form.get("purpose") ?? "");
      if (purpose !== "marketing_email" && purpose !== "marketing_sms") {
        return data<ActionResult>({ intent, ok: false, error: "myaccount.errorGeneric" }, { status: 400 });
      }
      await account.setConsent(purpose as MarketingPurpose, form.get("granted") === "1");
      return { intent, ok: true, purpose } satisfies ActionResult;
    }
    case "delete-request": {
      if (form.get("confirm") !== "on")
        return data<ActionResult>({ intent, ok: false, error: "myaccount.deleteConfirmRequired" }, { status: 400 });
      const result = await account.requestDeletion();
      if (!result.ok) return data<ActionResult>({ intent, ok: false, error: "myaccount.deleteStaff" }, { status: 409 });
      return { intent, ok: true } satisfies ActionResult;
    }
    case "delete-cancel":
      await account.cancelDeletion();
      return { intent, ok: true } satisfies ActionResult;
    default:
      return data<ActionResult>({ intent, ok: false, error: "myaccount.errorGeneric" }, { status: 400 });
  }
}

const CONSENT_TEXT: Record<string, { title: MessageKey; text: MessageKey; icon: typeof Mail }> = {
  marketing_email: { title: "myaccount.consentEmail", text: "myaccount.consentEmailText", icon: Mail },
  marketing_sms: { title: "myaccount.consentSms", text: "myaccount.consentSmsText", icon: MessageSquare },
  kvkk_notice: { title: "myaccount.consentKvkk", text: "myaccount.consentKvkkText", icon: ShieldCheck },
  terms: { title: "myaccount.consentTerms", text: "myaccount.consentTermsText", icon: FileText },
};

function ConsentRow({ consent, busy }: { consent: ConsentState; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const meta = CONSENT_TEXT[consent.purpose];
  if (!meta) return null;
  const Icon = meta.icon;
  const labelId = `consent-${consent.purpose}`;
  const decided = consent.decidedAt
    ? t(consent.granted ? "myaccount.consentGivenOn" : "myaccount.consentWithdrawnOn", {
        date: formatDay(consent.decidedAt, locale),
        version: consent.textVersion ?? "",
      })
    : t("myaccount.consentNever");
  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-5" data-testid={labelId}>
      <div className="flex min-w-0 flex-1 gap-3">
        <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
        <div className="min-w-0">
          <p id={labelId} className="font-semibold">
            {t(meta.title)}
          </p>
          <p className="mt-0.5 text-muted text-sm">{t(meta.text)}</p>
          <p className="mt-1 text-muted text-xs">{decided}</p>
        </div>
      </div>
      {consent.changeable ? (
        <Form method="post" preventScrollReset className="shrink-0">
          <input type="hidden" name="intent" value="consent" />
          <input type="hidden" name="purpose" value={consent.purpose} />
          <input type="hidden" name="granted" value={consent.granted ? "0" : "1"} />
          <button
            type="submit"
            role="switch"
            aria-checked={consent.granted}
            aria-labelledby={labelId}
            disabled={busy}
            className="group inline-flex items-center gap-2.5 rounded-full text-sm disabled:opacity-70"
          >
            <span
              className={clsx(
                "relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors",
                consent.granted ? "bg-brand" : "bg-line-strong",
              )}
            >
              <span
                className={clsx(
                  "absolute size-5 rounded-full bg-white shadow transition-transform",
                  consent.granted ? "translate-x-6" : "translate-x-1",
                )}
              />
            </span>
            <span className="w-16 text-left font-semibold">{consent.granted ? t("myaccount.on") : t("myaccount.off")}</span>
          </button>
        </Form>
      ) : (
        consent.decidedAt && (
          <Badge tone="brand">
            <ShieldCheck aria-hidden="true" className="size-3.5" />
            {t("myaccount.acknowledged")}
          </Badge>
        )
      )}
    </li>
  );
}

export default function PrivacyPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { store } = useRootData();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { consents, deletion, graceDays, exportUrl } = loaderData;
  const result = actionData as ActionResult | undefined;
  const marketing = consents.filter((c) => c.changeable);
  const legal = consents.filter((c) => !c.changeable && c.decidedAt);

  return (
    <div className="space-y-6" aria-busy={busy}>
      <Seo title={`${t("myaccount.privacyTitle")} | ${store.name}`} noindex />
      <div>
        <h1 className="font-bold text-2xl tracking-tight">{t("myaccount.privacyTitle")}</h1>
        <p className="mt-1 text-muted text-sm">
          {t("myaccount.privacySubtitle")}{" "}
          <Link to="/sayfa/kvkk-aydinlatma-metni" className="link">
            {t("myaccount.kvkkLink")}
          </Link>
        </p>
      </div>

      <AccountCard
        id="consents"
        title={t("myaccount.consentsTitle")}
        icon={<Mail aria-hidden="true" className="size-[1.125rem]" />}
        description={t("myaccount.consentsText")}
      >
        {result?.intent === "consent" && result.ok && (
          <div className="mb-4">
            <Notice tone="success">{t("myaccount.consentSaved")}</Notice>
          </div>
        )}
        <ul className="divide-y divide-line">
          {marketing.map((c) => (
            <ConsentRow key={c.purpose} consent={c} busy={busy} />
          ))}
        </ul>
        {legal.length > 0 && (
          <ul className="mt-4 divide-y divide-line border-line border-t pt-4">
            {legal.map((c) => (
              <ConsentRow key={c.purpose} consent={c} busy={busy} />
            ))}
          </ul>
        )}
      </AccountCard>

      <AccountCard
        id="export"
        title={t("myaccount.exportTitle")}
        icon={<Download aria-hidden="true" className="size-[1.125rem]" />}
        description={t("myaccount.exportText")}
      >
        <a href={exportUrl} download className="btn btn-secondary h-11" data-testid="export-link">
          <Download aria-hidden="true" className="size-4" />
          {t("myaccount.exportButton")}
        </a>
      </AccountCard>

      <AccountCard
        id="delete"
        tone="danger"
        title={t("myaccount.deleteTitle")}
        icon={<Trash2 aria-hidden="true" className="size-[1.125rem]" />}
        description={deletion ? undefined : t("myaccount.deleteText", { days: graceDays })}
      >
        {result && (result.intent === "delete-request" || result.intent === "delete-cancel") && (
          <div className="mb-4">
            {result.ok ? (
              <Notice tone="success">
                {t(result.intent === "delete-request" ? "myaccount.deleteRequested" : "myaccount.deleteCancelled")}
              </Notice>
            ) : (
              <Notice tone="error">{t(result.error ?? "myaccount.errorGeneric")}</Notice>
            )}
          </div>
        )}
        {deletion ? (
          <div className="space-y-4" data-testid="deletion-pending">
            <p className="rounded-xl border border-sale/30 bg-sale-soft px-4 py-3 text-sm">
              {t("myaccount.deletePending", {
                date: formatDay(deletion.effectiveAt, locale),
                requested: formatDay(deletion.requestedAt, locale),
              })}
            </p>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="delete-cancel" />
              <button type="submit" className="btn btn-primary h-11" disabled={busy}>
                <Undo2 aria-hidden="true" className="size-4" />
                {t("myaccount.deleteCancel")}
              </button>
            </Form>
          </div>
        ) : (
          <Form method="post" preventScrollReset className="space-y-4">
            <input type="hidden" name="intent" value="delete-request" />
            <ul className="list-disc space-y-1 pl-5 text-sm">
              <li>{t("myaccount.deletePoint1")}</li>
              <li>{t("myaccount.deletePoint2", { days: graceDays })}</li>
              <li>{t("myaccount.deletePoint3")}</li>
            </ul>
            <label className="flex cursor-pointer items-start gap-3 text-sm">
              <input type="checkbox" name="confirm" required className="mt-0.5 size-[1.125rem] shrink-0 accent-[var(--sale)]" />
              <span>{t("myaccount.deleteConfirmLabel", { days: graceDays })}</span>
            </label>
            <button type="submit" className="btn h-11 bg-sale text-white hover:opacity-90" disabled={busy}>
              <Trash2 aria-hidden="true" className="size-4" />
              {t("myaccount.deleteButton")}
            </button>
          </Form>
        )}
      </AccountCard>
    </div>
  );
}
