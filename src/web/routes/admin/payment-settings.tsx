import clsx from "clsx";
import { Banknote, CreditCard, Landmark, LoaderCircle, Plus, Save, Timer, Trash2, Wallet } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { Form, useNavigation } from "react-router";
import { parseMoney } from "../../../platform/money.ts";
import { describedBy, Field, MoneyInput } from "../../components/admin-catalog/fields.tsx";
import { moneyInput } from "../../components/admin-catalog/product-form.ts";
import { IconButton } from "../../components/admin-catalog/specs-editor.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { FieldError, PaymentSettingsInput, PaymentSettingsView } from "../../services/commerce-admin.ts";
import type { Route } from "./+types/payment-settings";

export async function loader({ context }: Route.LoaderArgs) {
  const admin = requirePermission(context, "settings:write");
  return { settings: await admin.commerce.payments.get() };
}

type Account = { bank: string; holder: string; iban: string };
/** The form as typed, to show it again after a refusal. */
type Typed = { fields: Record<string, string>; accounts: Account[] };
type SaveResult = { ok: true; settings: PaymentSettingsView } | { ok: false; message: string; errors: FieldError[]; typed: Typed };

const GATEWAYS = ["iyzico", "paytr", "stripe"] as const;

const MESSAGES: [RegExp, MessageKey][] = [
  [/not a valid Turkish IBAN/i, "commerceadmin.payments.badIban"],
  [/listed twice/i, "commerceadmin.payments.ibanTwice"],
  [/add a bank account/i, "commerceadmin.payments.needAccount"],
  [/give the (bank|account holder|IBAN)/i, "commerceadmin.error.required"],
  [/hour/i, "commerceadmin.payments.expiryRange"],
  [/minute/i, "commerceadmin.payments.reservationRange"],
  [/installment/i, "commerceadmin.payments.installmentsRange"],
  [/cannot be negative/i, "commerceadmin.error.money"],
  [/more than 0/i, "commerceadmin.error.positive"],
  [/too large/i, "commerceadmin.error.tooLarge"],
];
const fieldMessage = (t: TFunction, e: FieldError) => {
  const known = MESSAGES.find(([re]) => re.test(e.message));
  return known ? t(known[1]) : e.message;
};

export async function action({ context, request }: Route.ActionArgs): Promise<SaveResult> {
  const admin = requirePermission(context, "settings:write");
  const t = getT(getApp(context).locale);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const on = (name: string) => form.get(name) === "on";
  const current = await admin.commerce.payments.get();

  // accounts in the order of the form; rows left empty are dropped
  const rows = new Map<number, Account>();
  for (const [key, raw] of form.entries()) {
    const m = /^accounts\.(\d+)\.(bank|holder|iban)$/.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    const row = rows.get(index) ?? { bank: "", holder: "", iban: "" };
    row[m[2] as keyof Account] = String(raw).trim();
    rows.set(index, row);
  }
  const typedAccounts = [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
  const kept = typedAccounts.map((r, position) => ({ r, position })).filter(({ r }) => r.bank || r.holder || r.iban);

  const fields: Record<string, string> = {};
  for (const name of [
    "codFee",
    "codMaxTotal",
    "creditReviewOver",
    "expiryHours",
    "reservationMinutes",
    "iyzicoInstallments",
    "paytrInstallments",
  ])
    fields[name] = text(name);
  for (const name of ["bankEnabled", "codEnabled", "creditEnabled", "iyzicoEnabled", "paytrEnabled", "stripeEnabled"])
    fields[name] = on(name) ? "on" : "";

  const errors: FieldError[] = [];
  const amount = (path: string, raw: string, fallback: number | null): number | null => {
    if (!raw) return fallback;
    try {
      const minor = parseMoney(raw);
      if (minor >= 0) return minor;
    } catch {
      // reported below
    }
    errors.push({ path, message: t("commerceadmin.error.money") });
    return fallback;
  };
  const whole = (path: string, raw: string, fallback: number): number => {
    if (!raw) return fallback;
    const n = Number(raw);
    if (Number.isInteger(n)) return n;
    errors.push({ path, message: t("commerceadmin.error.wholeNumber") });
    return fallback;
  };

  const input: PaymentSettingsInput = {
    bankTransfer: {
      enabled: on("bankEnabled"),
      accounts: kept.map(({ r }) => r),
      expiryHours: whole("bankTransfer.expiryHours", fields.expiryHours ?? "", current.bankTransfer.expiryHours),
    },
    cashOnDelivery: {
      enabled: on("codEnabled"),
      fee: amount("cashOnDelivery.fee", fields.codFee ?? "", 0) ?? 0,
      maxTotal: amount("cashOnDelivery.maxTotal", fields.codMaxTotal ?? "", null),
    },
    storeCredit: { enabled: on("creditEnabled"), reviewOver: amount("storeCredit.reviewOver", fields.creditReviewOver ?? "", null) },
    reservationMinutes: whole("reservationMinutes", fields.reservationMinutes ?? "", current.reservationMinutes),
    // a gateway this installation cannot use keeps what was saved for it
    ...(current.iyzico.configured
      ? { iyzico: { enabled: on("iyzicoEnabled"), maxInstallments: whole("iyzico.maxInstallments", fields.iyzicoInstallments ?? "", 12) } }
      : {}),
    ...(current.paytr.configured
      ? { paytr: { enabled: on("paytrEnabled"), maxInstallments: whole("paytr.maxInstallments", fields.paytrInstallments ?? "", 12) } }
      : {}),
    ...(current.stripe.configured ? { stripe: { enabled: on("stripeEnabled") } } : {}),
  };
  const typed = { fields, accounts: typedAccounts };
  if (errors.length > 0) return { ok: false, message: t("commerceadmin.error.fix", { count: errors.length }), errors, typed };

  const result = await admin.commerce.payments.save(input);
  if (result.ok) return { ok: true, settings: result.settings };
  // the service counts accounts without the empty rows: point its errors at the rows as shown
  const worded = result.errors.map((e) => {
    const m = /^bankTransfer\.accounts\.(\d+)(\..+)?$/.exec(e.path);
    const row = m ? kept[Number(m[1])] : undefined;
    return { path: m && row ? `accounts.${row.position}${m[2] ?? ""}` : e.path, message: fieldMessage(t, e) };
  });
  return {
    ok: false,
    message: worded.length > 0 ? t("commerceadmin.error.fix", { count: worded.length }) : result.message,
    errors: worded,
    typed,
  };
}

export default function PaymentSettings({ loaderData, actionData }: Route.ComponentProps) {
  const result = actionData as SaveResult | undefined;
  const settings = result?.ok ? result.settings : loaderData.settings;
  // a saved form starts over from what was stored (IBANs formatted)
  return <SettingsForm key={result?.ok ? JSON.stringify(settings) : "form"} settings={settings} result={result} />;
}

function SettingsForm({ settings: s, result }: { settings: PaymentSettingsView; result: SaveResult | undefined }) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const uid = useId();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  const typed = failed?.typed;
  const errors = Object.fromEntries((failed?.errors ?? []).map((e) => [e.path, e.message]));
  const field = (name: string, fallback: string) => typed?.fields[name] ?? fallback;
  const checked = (name: string, fallback: boolean) => (typed ? typed.fields[name] === "on" : fallback);
  const [codFee, setCodFee] = useState(field("codFee", moneyInput(s.cashOnDelivery.fee)));
  const [codMax, setCodMax] = useState(
    field("codMaxTotal", s.cashOnDelivery.maxTotal === null ? "" : moneyInput(s.cashOnDelivery.maxTotal)),
  );
  const [review, setReview] = useState(
    field("creditReviewOver", s.storeCredit.reviewOver === null ? "" : moneyInput(s.storeCredit.reviewOver)),
  );
  const id = (f: string) => `${uid}-${f}`;
  const methodName = (m: string) => t(`commerceadmin.method.${m}` as MessageKey);

  return (
    <>
      <title>{`${t("commerceadmin.payments.title")} | ${store.name}`}</title>
      <PageHeader title={t("commerceadmin.payments.title")} subtitle={t("commerceadmin.payments.subtitle")} />

      <div className="mb-5 space-y-3" aria-live="polite">
        {result?.ok && <Notice tone="success">{t("commerceadmin.payments.saved")}</Notice>}
        {failed && <Notice tone="error">{failed.message}</Notice>}
        {s.checkoutMethods.length > 0 ? (
          <Notice tone="info">
            {t("commerceadmin.payments.checkoutNow")}{" "}
            <strong data-testid="checkout-methods">{s.checkoutMethods.map(methodName).join(" · ")}</strong>
          </Notice>
        ) : (
          !failed && <Notice tone="error">{t("commerceadmin.payments.noneAtCheckout")}</Notice>
        )}
      </div>

      <Form method="post" noValidate className="space-y-5" data-testid="payment-form">
        <MethodCard
          icon={Landmark}
          title={t("commerceadmin.payments.bankTitle")}
          description={t("commerceadmin.payments.bankHint")}
          toggleName="bankEnabled"
          enabled={checked("bankEnabled", s.bankTransfer.enabled)}
          error={errors["bankTransfer.accounts"]}
        >
          <BankAccounts
            initial={typed?.accounts ?? s.bankTransfer.accounts.map((a) => ({ bank: a.bank, holder: a.holder, iban: a.ibanFormatted }))}
            errors={errors}
          />
          <Field
            id={id("expiry")}
            label={t("commerceadmin.payments.expiryHours")}
            error={errors["bankTransfer.expiryHours"]}
            hint={t("commerceadmin.payments.expiryHint")}
            className="mt-4 max-w-xs"
          >
            <input
              id={id("expiry")}
              name="expiryHours"
              inputMode="numeric"
              defaultValue={field("expiryHours", String(s.bankTransfer.expiryHours))}
              {...describedBy(id("expiry"), errors["bankTransfer.expiryHours"], true)}
              className="field aria-[invalid=true]:border-sale h-11 tabular-nums"
            />
          </Field>
        </MethodCard>

        <MethodCard
          icon={Banknote}
          title={t("commerceadmin.payments.codTitle")}
          description={t("commerceadmin.payments.codHint")}
          toggleName="codEnabled"
          enabled={checked("codEnabled", s.cashOnDelivery.enabled)}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id={id("cod-fee")}
              label={t("commerceadmin.payments.codFee")}
              error={errors["cashOnDelivery.fee"]}
              hint={t("commerceadmin.payments.codFeeHint")}
            >
              <MoneyInput id={id("cod-fee")} name="codFee" value={codFee} onChange={setCodFee} error={errors["cashOnDelivery.fee"]} />
            </Field>
            <Field
              id={id("cod-max")}
              label={t("commerceadmin.payments.codMax")}
              error={errors["cashOnDelivery.maxTotal"]}
              hint={t("commerceadmin.payments.emptyNoLimit")}
            >
              <MoneyInput
                id={id("cod-max")}
                name="codMaxTotal"
                value={codMax}
                onChange={setCodMax}
                error={errors["cashOnDelivery.maxTotal"]}
                placeholder=""
              />
            </Field>
          </div>
        </MethodCard>

        <MethodCard
          icon={Wallet}
          title={t("commerceadmin.payments.creditTitle")}
          description={t("commerceadmin.payments.creditHint")}
          toggleName="creditEnabled"
          enabled={checked("creditEnabled", s.storeCredit.enabled)}
        >
          <Field
            id={id("review")}
            label={t("commerceadmin.payments.reviewOver")}
            error={errors["storeCredit.reviewOver"]}
            hint={t("commerceadmin.payments.reviewOverHint")}
            className="max-w-sm"
          >
            <MoneyInput
              id={id("review")}
              name="creditReviewOver"
              value={review}
              onChange={setReview}
              error={errors["storeCredit.reviewOver"]}
              placeholder=""
            />
          </Field>
        </MethodCard>

        <section aria-labelledby={id("cards")} className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
          <div className="mb-4 flex items-start gap-3">
            <span
              aria-hidden="true"
              className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-soft text-on-brand-soft"
            >
              <CreditCard className="size-5" />
            </span>
            <div>
              <h2 id={id("cards")} className="font-semibold">
                {t("commerceadmin.payments.cardsTitle")}
              </h2>
              <p className="text-muted text-sm">{t("commerceadmin.payments.cardsHint")}</p>
            </div>
          </div>
          <ul className="divide-y divide-line rounded-xl border border-line">
            {GATEWAYS.map((g) => {
              const gw = s[g];
              const installments = "maxInstallments" in gw ? gw.maxInstallments : null;
              const errorKey = `${g}.maxInstallments`;
              return (
                <li key={g} className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_auto_12rem] sm:items-center" data-gateway={g}>
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-semibold">
                      {t(`commerceadmin.gateway.${g}` as MessageKey)}
                      <span
                        className={clsx(
                          "inline-flex items-center rounded-full px-2 py-0.5 font-semibold text-xs",
                          gw.configured
                            ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300"
                            : "bg-surface-2 text-muted",
                        )}
                      >
                        {gw.configured ? t("commerceadmin.payments.configured") : t("commerceadmin.payments.notConfigured")}
                      </span>
                    </p>
                    {!gw.configured && <p className="mt-0.5 text-muted text-xs">{t(`commerceadmin.payments.env.${g}` as MessageKey)}</p>}
                  </div>
                  <label className={clsx("flex items-center gap-2 text-sm", !gw.configured && "opacity-60")}>
                    <input
                      type="checkbox"
                      name={`${g}Enabled`}
                      disabled={!gw.configured}
                      defaultChecked={gw.configured && checked(`${g}Enabled`, gw.enabled)}
                      className="size-4 accent-[var(--brand)]"
                    />
                    <span className="font-semibold">{t("commerceadmin.payments.offer")}</span>
                  </label>
                  {installments !== null ? (
                    <Field
                      id={id(`${g}-inst`)}
                      label={<span className="sr-only sm:not-sr-only">{t("commerceadmin.payments.installments")}</span>}
                      error={errors[errorKey]}
                    >
                      <select
                        id={id(`${g}-inst`)}
                        name={`${g}Installments`}
                        disabled={!gw.configured}
                        defaultValue={field(`${g}Installments`, String(installments))}
                        aria-label={t("commerceadmin.payments.installmentsOf", { name: t(`commerceadmin.gateway.${g}` as MessageKey) })}
                        className={clsx(selectClass, "h-10 text-sm")}
                      >
                        {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                          <option key={n} value={n}>
                            {n === 1 ? t("commerceadmin.payments.singlePayment") : t("commerceadmin.payments.upTo", { count: n })}
                          </option>
                        ))}
                      </select>
                    </Field>
                  ) : (
                    <span className="hidden sm:block" />
                  )}
                </li>
              );
            })}
          </ul>
          <div className="mt-4 flex items-start gap-3 rounded-xl bg-surface-2 p-4">
            <Timer aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
            <Field
              id={id("reservation")}
              label={t("commerceadmin.payments.reservation")}
              error={errors.reservationMinutes}
              hint={t("commerceadmin.payments.reservationHint")}
              className="max-w-sm flex-1"
            >
              <input
                id={id("reservation")}
                name="reservationMinutes"
                inputMode="numeric"
                defaultValue={field("reservationMinutes", String(s.reservationMinutes))}
                {...describedBy(id("reservation"), errors.reservationMinutes, true)}
                className="field aria-[invalid=true]:border-sale h-11 tabular-nums"
              />
            </Field>
          </div>
        </section>

        <div className="sticky bottom-0 z-10 -mx-4 flex justify-end border-line border-t bg-page/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border">
          <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full sm:w-auto">
            {busy ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : <Save aria-hidden="true" className="size-4" />}
            {t("catalogadmin.save")}
          </button>
        </div>
      </Form>
    </>
  );
}

function MethodCard({
  icon: Icon,
  title,
  description,
  toggleName,
  enabled,
  error,
  children,
}: {
  icon: typeof Landmark;
  title: string;
  description: string;
  toggleName: string;
  enabled: boolean;
  error?: string;
  children: ReactNode;
}) {
  const t = useT();
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-h`} className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-3">
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-soft text-on-brand-soft"
          >
            <Icon className="size-5" />
          </span>
          <div className="min-w-0">
            <h2 id={`${uid}-h`} className="font-semibold">
              {title}
            </h2>
            <p className="text-muted text-sm">{description}</p>
          </div>
        </div>
        <label className="flex items-center gap-2 rounded-full border border-line px-3 py-1.5 text-sm has-checked:border-brand has-checked:bg-brand-soft/50">
          <input type="checkbox" name={toggleName} defaultChecked={enabled} className="size-4 accent-[var(--brand)]" />
          <span className="font-semibold">{t("commerceadmin.payments.enabled")}</span>
          <span className="sr-only">: {title}</span>
        </label>
      </div>
      {error && (
        <p className="mb-3 font-medium text-sale text-sm" role="alert">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}

let rowSeq = 0;
const rowKey = () => `r${++rowSeq}`;

/** Bank accounts as rows; one empty row is always there to add another (works without JavaScript). */
function BankAccounts({ initial, errors }: { initial: Account[]; errors: Record<string, string> }) {
  const t = useT();
  const uid = useId();
  const [rows, setRows] = useState(() => {
    const list = initial.map((a, i) => ({ key: `i${i}`, ...a }));
    const last = list.at(-1);
    return last && !last.bank && !last.holder && !last.iban ? list : [...list, { key: "blank", bank: "", holder: "", iban: "" }];
  });
  return (
    <div>
      <ol className="space-y-3" data-testid="bank-accounts">
        {rows.map((row, i) => {
          const err = (f: string) => errors[`accounts.${i}.${f}`];
          const cell = (f: keyof Account) => `${uid}-${row.key}-${f}`;
          return (
            <li
              key={row.key}
              className="grid gap-3 rounded-xl border border-line p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1.6fr)_auto] sm:items-start"
            >
              <Field id={cell("bank")} label={t("commerceadmin.payments.bank")} error={err("bank")}>
                <input
                  id={cell("bank")}
                  name={`accounts.${i}.bank`}
                  defaultValue={row.bank}
                  maxLength={80}
                  placeholder={t("commerceadmin.payments.bankPlaceholder")}
                  {...describedBy(cell("bank"), err("bank"))}
                  className="field aria-[invalid=true]:border-sale h-10 text-sm"
                />
              </Field>
              <Field id={cell("holder")} label={t("commerceadmin.payments.holder")} error={err("holder")}>
                <input
                  id={cell("holder")}
                  name={`accounts.${i}.holder`}
                  defaultValue={row.holder}
                  maxLength={120}
                  {...describedBy(cell("holder"), err("holder"))}
                  className="field aria-[invalid=true]:border-sale h-10 text-sm"
                />
              </Field>
              <Field id={cell("iban")} label={t("commerceadmin.payments.iban")} error={err("iban")}>
                <input
                  id={cell("iban")}
                  name={`accounts.${i}.iban`}
                  defaultValue={row.iban}
                  maxLength={40}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  placeholder="TR00 0000 0000 0000 0000 0000 00"
                  {...describedBy(cell("iban"), err("iban"))}
                  className="field aria-[invalid=true]:border-sale h-10 font-mono text-sm uppercase"
                />
              </Field>
              <div className="flex justify-end sm:pt-7">
                <IconButton
                  danger
                  label={t("commerceadmin.payments.removeAccount", { n: i + 1 })}
                  onClick={() =>
                    setRows((list) =>
                      list.length > 1 ? list.filter((r) => r.key !== row.key) : [{ key: rowKey(), bank: "", holder: "", iban: "" }],
                    )
                  }
                >
                  <Trash2 aria-hidden="true" className="size-4" />
                </IconButton>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-muted text-xs">{t("commerceadmin.payments.accountsHint")}</p>
        <button
          type="button"
          className="btn btn-secondary h-9 px-3 text-sm"
          onClick={() => setRows((list) => [...list, { key: rowKey(), bank: "", holder: "", iban: "" }])}
        >
          <Plus aria-hidden="true" className="size-4" />
          {t("commerceadmin.payments.addAccount")}
        </button>
      </div>
    </div>
  );
}
