import clsx from "clsx";
import { ArrowLeft, Ban, CircleCheck, Star, Trash2, Wallet } from "lucide-react";
import { data, Form, isRouteErrorResponse, Link, redirect, useNavigation, useRouteError } from "react-router";
import { parseMoney } from "../../../platform/money.ts";
import { Card, errorText, Notice, StatusBadge, TierBadge } from "../../components/admin-people-ui.tsx";
import { StatusPage } from "../../components/status-page.tsx";
import { requirePermission } from "../../context.ts";
import { getT, type MessageKey, useT } from "../../i18n/index.ts";
import { auditLabels } from "../../lib/audit-labels.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/customer-detail";

export async function loader({ context, params }: Route.LoaderArgs) {
  const customer = await requirePermission(context, "customers:read").people.customers.get(params.id);
  if (!customer) throw data(null, { status: 404 });
  return { customer };
}

type ActionResult = { intent: string; ok: boolean; code?: string; message?: string; balance?: number };

export async function action({ context, params, request }: Route.ActionArgs): Promise<ActionResult | Response> {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const id = params.id;
  const done = (r: { ok: true } | { ok: false; code: string; message: string }, extra: Partial<ActionResult> = {}): ActionResult =>
    r.ok ? { intent, ok: true, ...extra } : { intent, ok: false, code: r.code, message: r.message };
  switch (intent) {
    case "tier": {
      const admin = requirePermission(context, "customers:write");
      return done(await admin.people.customers.setTier(id, text("tier") === "premium" ? "premium" : "standard"));
    }
    case "disable": {
      const admin = requirePermission(context, "customers:write");
      const reason = text("reason");
      if (!reason) return { intent, ok: false, code: "reason-required", message: "" };
      return done(await admin.people.customers.setDisabled(id, true, reason));
    }
    case "enable":
      return done(await requirePermission(context, "customers:write").people.customers.setDisabled(id, false, ""));
    case "credit": {
      const admin = requirePermission(context, "customers:credit");
      let amount: number;
      try {
        amount = parseMoney(text("amount"));
      } catch {
        return { intent, ok: false, code: "invalid-amount", message: "" };
      }
      const reason = text("reason");
      if (reason.length < 3) return { intent, ok: false, code: "reason-required", message: "" };
      const result = await admin.people.customers.adjustCredit(id, amount, reason);
      return result.ok ? { intent, ok: true, balance: result.balance } : done(result);
    }
    case "delete": {
      const admin = requirePermission(context, "customers:delete");
      if (form.get("confirm") !== "on") return { intent, ok: false, code: "confirm", message: "" };
      const result = await admin.people.customers.remove(id);
      if (result.ok) return redirect("/admin/musteriler");
      return done(result);
    }
  }
  return { intent, ok: false, code: "unknown", message: `Unknown action "${intent}".` };
}

function useActionNotice(actionData: ActionResult | undefined, intent: string) {
  const t = useT();
  const { store, locale } = useRootData();
  if (!actionData || actionData.intent !== intent) return null;
  if (actionData.ok) {
    return (
      <Notice tone="success">
        {actionData.balance !== undefined
          ? t("adminpeople.creditSaved", { balance: money(actionData.balance, store.currency, locale) })
          : t("adminpeople.saved")}
      </Notice>
    );
  }
  const message =
    actionData.code === "confirm" ? t("adminpeople.deleteConfirm") : errorText(t, actionData.code ?? "", actionData.message ?? "");
  return <Notice tone="error">{message}</Notice>;
}

const label = "mb-1.5 block font-semibold text-sm";

export default function CustomerDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const c = loaderData.customer;
  const data = actionData as ActionResult | undefined;
  const can = (p: string) => permissions.includes(p);
  const fmt = (minor: number) => money(minor, store.currency, locale);
  const labels = auditLabels(locale, store.currency);
  const creditNotice = useActionNotice(data, "credit");
  const tierNotice = useActionNotice(data, "tier");
  const statusNotice = useActionNotice(data, data?.intent === "enable" ? "enable" : "disable");
  const deleteNotice = useActionNotice(data, "delete");

  return (
    <>
      <title>{`${c.name || c.email} | ${t("adminpeople.customersTitle")} | ${store.name}`}</title>
      <Link to="/admin/musteriler" className="inline-flex items-center gap-1.5 font-semibold text-brand text-sm hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("adminpeople.back")}
      </Link>
      <header className="mt-4 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words font-bold text-2xl tracking-tight">{c.name || c.email}</h1>
          <p className="mt-1 break-all text-muted text-sm">{c.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <TierBadge tier={c.tier} />
          <StatusBadge disabled={c.disabled} />
        </div>
      </header>

      <div className="grid items-start gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <Card title={t("adminpeople.creditTitle")} id="credit-title">
            <div className="flex flex-wrap items-center gap-4">
              <span className="flex size-12 items-center justify-center rounded-xl bg-brand-soft text-on-brand-soft">
                <Wallet aria-hidden="true" className="size-6" />
              </span>
              <div>
                <p className="text-muted text-sm">{t("adminpeople.balance")}</p>
                <p className="font-bold text-3xl tabular-nums tracking-tight" data-testid="credit-balance">
                  {fmt(c.storeCredit)}
                </p>
              </div>
            </div>
            {can("customers:credit") && (
              <Form
                // a new ledger row remounts the form, clearing what was typed
                key={c.ledger[0]?.id ?? "none"}
                method="post"
                className="mt-5 grid gap-4 border-line border-t pt-5 sm:grid-cols-[10rem_minmax(0,1fr)_auto] sm:items-end"
              >
                <input type="hidden" name="intent" value="credit" />
                <div>
                  <label htmlFor="credit-amount" className={label}>
                    {t("adminpeople.amount")}
                  </label>
                  <input
                    id="credit-amount"
                    name="amount"
                    inputMode="decimal"
                    required
                    placeholder="100,00"
                    className="field tabular-nums"
                  />
                </div>
                <div>
                  <label htmlFor="credit-reason" className={label}>
                    {t("adminpeople.reason")}
                  </label>
                  <input
                    id="credit-reason"
                    name="reason"
                    required
                    minLength={3}
                    maxLength={500}
                    placeholder={t("adminpeople.reasonPlaceholder")}
                    className="field"
                  />
                </div>
                <button type="submit" disabled={busy} className="btn btn-primary h-[46px] disabled:opacity-70">
                  {t("adminpeople.adjust")}
                </button>
                <p className="text-muted text-xs sm:col-span-3">{t("adminpeople.amountHint")}</p>
                {creditNotice && <div className="sm:col-span-3">{creditNotice}</div>}
              </Form>
            )}
            <h3 className="mt-6 mb-3 font-semibold text-muted text-sm uppercase tracking-wider">{t("adminpeople.ledger")}</h3>
            {c.ledger.length === 0 ? (
              <p className="text-muted text-sm">{t("adminpeople.ledgerEmpty")}</p>
            ) : (
              <div className="-mx-5 overflow-x-auto sm:mx-0">
                <table className="w-full min-w-[32rem] text-left text-sm">
                  <thead className="text-muted text-xs uppercase tracking-wider">
                    <tr className="border-line border-b">
                      <th scope="col" className="px-5 py-2 font-semibold sm:pl-0">
                        {t("adminpeople.date")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-semibold">
                        {t("adminpeople.change")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-semibold">
                        {t("adminpeople.balanceAfter")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        {t("adminpeople.reason")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line" data-testid="credit-ledger">
                    {c.ledger.map((e) => (
                      <tr key={e.id}>
                        <td className="whitespace-nowrap px-5 py-2.5 text-muted tabular-nums sm:pl-0">
                          {formatDateTime(e.createdAt, locale)}
                        </td>
                        <td
                          className={clsx(
                            "whitespace-nowrap px-3 py-2.5 text-right font-semibold tabular-nums",
                            e.amount > 0 ? "text-ok" : "text-sale",
                          )}
                        >
                          {e.amount > 0 ? "+" : "−"}
                          {fmt(Math.abs(e.amount))}
                        </td>
                        <td className="whitespace-nowrap px-3 py-2.5 text-right tabular-nums">{fmt(e.balanceAfter)}</td>
                        <td className="px-3 py-2.5">
                          <span className="block">{e.reason}</span>
                          {e.actorEmail && <span className="block text-muted text-xs">{e.actorEmail}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <Card title={t("adminpeople.activity")} id="activity-title">
            {c.activity.length === 0 ? (
              <p className="text-muted text-sm">{t("adminpeople.activityEmpty")}</p>
            ) : (
              <ol className="space-y-3">
                {c.activity.map((e) => {
                  const summary = labels.summary(e);
                  const changes = labels.changes(e).filter((x) => x.before !== x.after);
                  return (
                    <li key={e.id} className="flex gap-3 text-sm">
                      <span aria-hidden="true" className="mt-1.5 size-2 shrink-0 rounded-full bg-brand" />
                      <div className="min-w-0">
                        <p className="flex flex-wrap items-baseline gap-x-2">
                          <span className="font-semibold">{labels.type(e.type)}</span>
                          <code className="font-mono text-muted text-xs">{e.type}</code>
                        </p>
                        {summary && <p className="mt-0.5 break-words">{summary}</p>}
                        {changes.length > 0 && (
                          <ul className="mt-0.5 text-xs">
                            {changes.map((x) => (
                              <li key={x.key} className="break-words">
                                <span className="text-muted">{x.label}:</span> <span className="tabular-nums">{x.before}</span>
                                {" → "}
                                <span className="font-medium tabular-nums">{x.after}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                        <p className="mt-0.5 text-muted text-xs tabular-nums">
                          {formatDateTime(e.createdAt, locale)}
                          {e.actorEmail && ` · ${e.actorEmail}`}
                          {e.ip && ` · ${e.ip}`}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}
            <Link to={`/admin/denetim?kisi=${encodeURIComponent(c.email)}`} className="link mt-4 inline-block text-sm">
              {t("adminpeople.auditTitle")} →
            </Link>
          </Card>
        </div>

        <div className="space-y-5">
          <Card title={t("adminpeople.profile")} id="profile-title">
            <dl className="divide-y divide-line text-sm">
              {(
                [
                  [
                    t("adminpeople.email"),
                    <span key="v" className={c.emailVerified ? "text-ok" : "text-warn"}>
                      {c.emailVerified ? t("adminpeople.verified") : t("adminpeople.notVerified")}
                    </span>,
                  ],
                  [t("adminpeople.phone"), c.phone ?? t("adminpeople.never")],
                  [t("adminpeople.twoFactor"), c.twoFactorEnabled ? t("adminpeople.on") : t("adminpeople.off")],
                  [t("adminpeople.createdAt"), formatDateTime(c.createdAt, locale)],
                  [t("adminpeople.lastSeen"), c.lastSeenAt ? formatDateTime(c.lastSeenAt, locale) : t("adminpeople.never")],
                  [t("adminpeople.addresses"), c.addressCount],
                ] as const
              ).map(([term, value]) => (
                <div key={term} className="flex items-baseline justify-between gap-4 py-2 first:pt-0 last:pb-0">
                  <dt className="text-muted">{term}</dt>
                  <dd className="text-right font-medium tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>

          <Card title={t("adminpeople.premiumTitle")} id="premium-title">
            <p className="flex items-center gap-2 text-sm">
              <Star aria-hidden="true" className={clsx("size-4", c.tier === "premium" ? "fill-amber-400 text-amber-500" : "text-muted")} />
              {c.tier === "premium" ? t("adminpeople.premiumOn") : t("adminpeople.premiumOff")}
            </p>
            {can("customers:write") && (
              <Form method="post" className="mt-4">
                <input type="hidden" name="intent" value="tier" />
                <input type="hidden" name="tier" value={c.tier === "premium" ? "standard" : "premium"} />
                <button
                  type="submit"
                  disabled={busy}
                  className={clsx("btn w-full", c.tier === "premium" ? "btn-secondary" : "btn-primary")}
                >
                  {c.tier === "premium" ? t("adminpeople.makeStandard") : t("adminpeople.makePremium")}
                </button>
              </Form>
            )}
            {tierNotice && <div className="mt-3">{tierNotice}</div>}
          </Card>

          <Card title={t("adminpeople.accountTitle")} id="account-title">
            <p className="text-sm">{c.disabled ? t("adminpeople.disabledText") : t("adminpeople.activeText")}</p>
            {c.disabled && c.disabledReason && (
              <p className="mt-1 text-muted text-sm">{t("adminpeople.disabledReason", { reason: c.disabledReason })}</p>
            )}
            {can("customers:write") &&
              (c.disabled ? (
                <Form method="post" className="mt-4">
                  <input type="hidden" name="intent" value="enable" />
                  <button type="submit" disabled={busy} className="btn btn-secondary w-full">
                    <CircleCheck aria-hidden="true" className="size-4" />
                    {t("adminpeople.enable")}
                  </button>
                </Form>
              ) : (
                <Form method="post" className="mt-4 space-y-3">
                  <input type="hidden" name="intent" value="disable" />
                  <div>
                    <label htmlFor="disable-reason" className={label}>
                      {t("adminpeople.disableReason")}
                    </label>
                    <input id="disable-reason" name="reason" required maxLength={500} className="field" />
                  </div>
                  <button type="submit" disabled={busy} className="btn btn-secondary w-full hover:!border-sale hover:!text-sale">
                    <Ban aria-hidden="true" className="size-4" />
                    {t("adminpeople.disable")}
                  </button>
                </Form>
              ))}
            {statusNotice && <div className="mt-3">{statusNotice}</div>}
          </Card>

          <Card title={t("adminpeople.consents")} id="consents-title">
            {c.consents.length === 0 ? (
              <p className="text-muted text-sm">{t("adminpeople.consentsEmpty")}</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {c.consents.map((k) => (
                  <li key={`${k.purpose}-${k.createdAt}`} className="flex items-start justify-between gap-3 py-2 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <p className="font-medium">{t(`adminpeople.consent.${k.purpose}` as MessageKey)}</p>
                      <p className="text-muted text-xs tabular-nums">
                        {formatDateTime(k.createdAt, locale)} · {k.textVersion}
                      </p>
                    </div>
                    <span className={clsx("shrink-0 font-semibold text-xs", k.granted ? "text-ok" : "text-muted")}>
                      {k.granted ? t("adminpeople.consentGranted") : t("adminpeople.consentWithdrawn")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          {can("customers:delete") && (
            <Card className="border-sale/40">
              <h2 className="font-semibold text-base text-sale">{t("adminpeople.deleteTitle")}</h2>
              <p className="mt-2 text-muted text-sm">{t("adminpeople.deleteText")}</p>
              <Form method="post" className="mt-4 space-y-3">
                <input type="hidden" name="intent" value="delete" />
                <label className="flex items-start gap-2.5 text-sm">
                  <input type="checkbox" name="confirm" required className="mt-0.5 size-4 accent-[var(--sale)]" />
                  <span>{t("adminpeople.deleteConfirm")}</span>
                </label>
                <button type="submit" disabled={busy} className="btn w-full bg-sale text-white hover:opacity-90 disabled:opacity-70">
                  <Trash2 aria-hidden="true" className="size-4" />
                  {t("adminpeople.delete")}
                </button>
              </Form>
              {deleteNotice && <div className="mt-3">{deleteNotice}</div>}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <StatusPage
      code={status}
      title={status === 404 ? t("adminpeople.notFound") : status === 403 ? t("adminpeople.error.forbidden") : t("error.title")}
      text={status === 404 ? t("notFound.text") : t("error.text")}
      homeLabel={t("adminpeople.back")}
      homeTo="/admin/musteriler"
    />
  );
}
