import clsx from "clsx";
import { ArrowLeft, LoaderCircle, Percent, Save, Search, Tag, Trash2, Truck } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Form, Link, redirect, useFetcher, useNavigation } from "react-router";
import { MoneyError, parseMoney } from "../../../platform/money.ts";
import { withDepth } from "../../components/admin-catalog/category-select.tsx";
import { ConfirmDialog } from "../../components/admin-catalog/confirm-dialog.tsx";
import { describedBy, Field, MoneyInput, Section } from "../../components/admin-catalog/fields.tsx";
import { moneyInput } from "../../components/admin-catalog/product-form.ts";
import { Notice } from "../../components/notice.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction, useT } from "../../i18n/index.ts";
import { money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { AdminCoupon, CouponInput, CouponKind, CouponScope, FieldError } from "../../services/commerce-admin.ts";
import type { Route } from "./+types/coupon-edit";
import { CouponStatusBadge, discountText, UsageBar } from "./coupons.tsx";

/** Turkey keeps UTC+3 all year: a `datetime-local` value is read and shown in that time. */
const toIso = (local: string) => (local ? new Date(`${local}:00+03:00`).toISOString() : null);
const toLocal = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 3 * 3_600_000).toISOString().slice(0, 16) : "");
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

type Choice = { id: string; name: string };

/** The editor's fields as typed (money as Turkish text, dates as `datetime-local`). */
interface CouponDraft {
  code: string;
  title: string;
  titleEn: string;
  description: string;
  kind: CouponKind;
  percent: string;
  amount: string;
  maxDiscount: string;
  minBasket: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  scope: CouponScope;
  categoryIds: string[];
  products: Choice[];
  combinable: boolean;
  excludeSaleItems: boolean;
  isPublic: boolean;
  active: boolean;
}

const emptyDraft = (): CouponDraft => ({
  code: "",
  title: "",
  titleEn: "",
  description: "",
  kind: "percent",
  percent: "",
  amount: "",
  maxDiscount: "",
  minBasket: "",
  startsAt: "",
  endsAt: "",
  usageLimit: "",
  perCustomerLimit: "",
  scope: "all",
  categoryIds: [],
  products: [],
  combinable: false,
  excludeSaleItems: false,
  isPublic: false,
  active: true,
});

function draftFromCoupon(c: AdminCoupon, productNames: Choice[]): CouponDraft {
  return {
    code: c.code,
    title: c.title,
    titleEn: c.titleEn ?? "",
    description: c.description,
    kind: c.kind,
    percent: c.kind === "percent" ? String(c.value) : "",
    amount: c.kind === "fixed" ? moneyInput(c.value) : "",
    maxDiscount: moneyInput(c.maxDiscount),
    minBasket: c.minBasket ? moneyInput(c.minBasket) : "",
    startsAt: toLocal(c.startsAt),
    endsAt: toLocal(c.endsAt),
    usageLimit: c.usageLimit === null ? "" : String(c.usageLimit),
    perCustomerLimit: c.perCustomerLimit === null ? "" : String(c.perCustomerLimit),
    scope: c.scope,
    categoryIds: c.scope === "categories" ? c.scopeIds : [],
    products: c.scope === "products" ? c.scopeIds.map((id) => productNames.find((p) => p.id === id) ?? { id, name: id }) : [],
    combinable: c.combinable,
    excludeSaleItems: c.excludeSaleItems,
    isPublic: c.isPublic,
    active: c.active,
  };
}

function draftFromForm(form: FormData): CouponDraft {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const kind = text("kind");
  const scope = text("scope");
  const names = new Map<string, string>();
  for (const entry of form.getAll("productNames")) {
    const [id, ...rest] = String(entry).split("|");
    if (id) names.set(id, rest.join("|"));
  }
  return {
    code: text("code"),
    title: text("title"),
    titleEn: text("titleEn"),
    description: text("description"),
    kind: kind === "fixed" || kind === "free_shipping" ? kind : "percent",
    percent: text("percent"),
    amount: text("amount"),
    maxDiscount: text("maxDiscount"),
    minBasket: text("minBasket"),
    startsAt: text("startsAt"),
    endsAt: text("endsAt"),
    usageLimit: text("usageLimit"),
    perCustomerLimit: text("perCustomerLimit"),
    scope: scope === "categories" || scope === "products" ? scope : "all",
    categoryIds: form.getAll("categoryIds").map(String),
    products: form.getAll("productIds").map((v) => ({ id: String(v), name: names.get(String(v)) ?? String(v) })),
    combinable: form.get("combinable") === "on",
    excludeSaleItems: form.get("excludeSaleItems") === "on",
    isPublic: form.get("isPublic") === "on",
    active: form.get("active") === "on",
  };
}

/** The input for the coupon service, or the fields that cannot be read (money, numbers, dates). */
function inputFromDraft(d: CouponDraft, t: TFunction): { input: CouponInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const amount = (path: string, text: string): number | null => {
    if (!text) return null;
    try {
      const minor = parseMoney(text);
      if (minor < 0) throw new MoneyError("negative");
      return minor;
    } catch {
      errors.push({ path, message: t("commerceadmin.error.money") });
      return null;
    }
  };
  const whole = (path: string, text: string): number | null => {
    if (!text) return null;
    const n = Number(text.replace(/[.\s]/g, ""));
    if (!Number.isInteger(n) || n < 0) {
      errors.push({ path, message: t("commerceadmin.error.wholeNumber") });
      return null;
    }
    return n;
  };
  const when = (path: string, text: string): string | null => {
    if (!text) return null;
    if (!LOCAL_DATE_TIME.test(text) || Number.isNaN(new Date(`${text}:00+03:00`).getTime())) {
      errors.push({ path, message: t("commerceadmin.error.date") });
      return null;
    }
    return toIso(text);
  };
  const value = d.kind === "percent" ? whole("value", d.percent.replace(/^%|%$/g, "")) : d.kind === "fixed" ? amount("value", d.amount) : 0;
  const input: CouponInput = {
    code: d.code,
    title: d.title,
    titleEn: d.titleEn || null,
    description: d.description,
    kind: d.kind,
    value: value ?? 0,
    maxDiscount: d.kind === "percent" ? amount("maxDiscount", d.maxDiscount) : null,
    minBasket: amount("minBasket", d.minBasket) ?? 0,
    startsAt: when("startsAt", d.startsAt),
    endsAt: when("endsAt", d.endsAt),
    usageLimit: whole("usageLimit", d.usageLimit),
    perCustomerLimit: whole("perCustomerLimit", d.perCustomerLimit),
    scope: d.scope,
    scopeIds: d.scope === "categories" ? d.categoryIds : d.scope === "products" ? d.products.map((p) => p.id) : [],
    combinable: d.combinable,
    excludeSaleItems: d.excludeSaleItems,
    isPublic: d.isPublic,
    active: d.active,
  };
  return { input, errors };
}

/** The coupon service's English field messages in the page's words. */
const MESSAGES: [RegExp, MessageKey][] = [
  [/give a code|3 to 32/i, "commerceadmin.error.code"],
  [/give a title/i, "commerceadmin.error.required"],
  [/between 1 and 100/i, "commerceadmin.error.percent"],
  [/fixed discount must be more than 0/i, "commerceadmin.error.fixed"],
  [/maximum discount must be more than 0/i, "commerceadmin.error.positive"],
  [/after the start/i, "commerceadmin.error.endBeforeStart"],
  [/at least one category/i, "commerceadmin.error.chooseCategory"],
  [/at least one product/i, "commerceadmin.error.chooseProduct"],
  [/not in this store/i, "commerceadmin.error.unknownScope"],
  [/per customer cannot be more/i, "commerceadmin.error.perCustomerOverLimit"],
  [/is at least 1/i, "commerceadmin.error.limitMin"],
  [/too large/i, "commerceadmin.error.tooLarge"],
  [/whole (minor units|number)/i, "commerceadmin.error.wholeNumber"],
];

function fieldMessage(t: TFunction, e: FieldError): string {
  const taken = /already uses the code (\S+)\./.exec(e.message);
  if (taken) return t("commerceadmin.error.codeTaken", { code: taken[1] as string });
  const used = /used (\d+) times: the usage limit cannot be lower/.exec(e.message);
  if (used) return t("commerceadmin.error.limitBelowUsed", { count: Number(used[1]) });
  const known = MESSAGES.find(([re]) => re.test(e.message));
  return known ? t(known[1]) : e.message;
}

export async function loader({ context, params, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const id = (params as { id?: string }).id;
  const search = (url.searchParams.get("urunAra") ?? "").trim().slice(0, 100);
  const coupon = id ? await admin.commerce.coupons.get(id) : null;
  if (id && !coupon) throw new Response("Not found", { status: 404 });
  const [categories, productNames, matches] = await Promise.all([
    admin.catalog.categories.list({ counts: false }),
    coupon?.scope === "products" ? admin.commerce.coupons.scopeNames("products", coupon.scopeIds) : Promise.resolve([]),
    search ? admin.catalog.products.list({ q: search, page: 1, perPage: 25 }) : Promise.resolve(null),
  ]);
  return {
    coupon,
    categories: withDepth(categories).map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
    productNames,
    search,
    matches: matches?.items.map((p) => ({ id: p.id, name: p.title })) ?? null,
  };
}

type EditResult =
  | { intent: "save"; ok: false; message: string; errors: FieldError[]; draft: CouponDraft }
  | { intent: "search"; ok: true; draft: CouponDraft; search: string; matches: Choice[] }
  | { intent: "delete" | "deactivate"; ok: false; message: string };

export async function action({ context, params, request }: Route.ActionArgs): Promise<EditResult> {
  const admin = requirePermission(context, "catalog:write");
  const t = getT(getApp(context).locale);
  const id = (params as { id?: string }).id;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");

  if (intent === "delete" || intent === "deactivate") {
    if (!id) return { intent, ok: false, message: t("catalogadmin.notFound") };
    const result =
      intent === "delete" ? await admin.commerce.coupons.remove(id) : await admin.commerce.coupons.update(id, { active: false });
    const code = String(form.get("code") ?? "");
    if (result.ok) throw redirect(`/admin/kuponlar?${intent === "delete" ? "silindi" : "kaydedildi"}=${encodeURIComponent(code)}`);
    return {
      intent,
      ok: false,
      message: result.code === "coupon-used" ? t("commerceadmin.coupon.usedCannotDelete", { code }) : result.message,
    };
  }

  const draft = draftFromForm(form);
  if (intent === "search") {
    // without JavaScript: the product search runs through the form, keeping what was typed
    const search = String(form.get("productQuery") ?? "")
      .trim()
      .slice(0, 100);
    const found = search ? await admin.catalog.products.list({ q: search, page: 1, perPage: 25 }) : null;
    return { intent, ok: true, draft, search, matches: found?.items.map((p) => ({ id: p.id, name: p.title })) ?? [] };
  }

  const { input, errors } = inputFromDraft(draft, t);
  if (errors.length > 0)
    return { intent: "save", ok: false, draft, errors, message: t("commerceadmin.error.fix", { count: errors.length }) };
  const result = id ? await admin.commerce.coupons.update(id, input) : await admin.commerce.coupons.create(input);
  if (!result.ok) {
    const worded = result.errors.map((e) => ({ path: e.path, message: fieldMessage(t, e) }));
    const message =
      result.code === "not-found"
        ? t("catalogadmin.notFound")
        : worded.length > 0
          ? t("commerceadmin.error.fix", { count: worded.length })
          : result.message;
    return { intent: "save", ok: false, draft, errors: worded, message };
  }
  throw redirect(`/admin/kuponlar?kaydedildi=${encodeURIComponent(result.coupon.code)}`);
}

export default function CouponEdit({ loaderData, actionData }: Route.ComponentProps) {
  return <Editor key={loaderData.coupon?.updatedAt ?? "new"} loaderData={loaderData} result={actionData as EditResult | undefined} />;
}

type LoaderData = Route.ComponentProps["loaderData"];

function Editor({ loaderData, result }: { loaderData: LoaderData; result: EditResult | undefined }) {
  const { store, locale, permissions } = useRootData();
  const t = useT();
  const uid = useId();
  const fmt = (minor: number) => money(minor, store.currency, locale);
  const { coupon, categories, productNames } = loaderData;
  const canWrite = permissions.includes("catalog:write");
  const busy = useNavigation().state !== "idle";
  const failed = result?.intent === "save" && !result.ok ? result : null;
  const draft: CouponDraft = result && "draft" in result ? result.draft : coupon ? draftFromCoupon(coupon, productNames) : emptyDraft();
  const errors = Object.fromEntries((failed?.errors ?? []).map((e) => [e.path.replace(/^scopeIds\.\d+$/, "scopeIds"), e.message]));
  const [amount, setAmount] = useState(draft.amount);
  const [maxDiscount, setMaxDiscount] = useState(draft.maxDiscount);
  const [minBasket, setMinBasket] = useState(draft.minBasket);
  const [confirm, setConfirm] = useState<"delete" | "deactivate" | null>(null);
  const deleteForm = useRef<HTMLFormElement>(null);
  const id = (f: string) => `${uid}-${f}`;
  const title = coupon ? t("commerceadmin.coupon.editTitle", { code: coupon.code }) : t("commerceadmin.coupon.newTitle");
  const other = result && result.intent !== "save" && result.intent !== "search" ? result : null;

  return (
    <>
      <title>{`${title} | ${store.name}`}</title>
      <div className="mb-6">
        <Link to="/admin/kuponlar" className="inline-flex items-center gap-1.5 font-semibold text-muted text-sm hover:text-fg">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("commerceadmin.coupons.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-bold text-2xl tracking-tight">{title}</h1>
          {coupon && <CouponStatusBadge status={coupon.status} t={t} />}
        </div>
        {coupon && <p className="mt-1 text-muted text-sm">{discountText(coupon, t, fmt)}</p>}
      </div>

      <div className="mb-4 space-y-3 empty:hidden" aria-live="polite">
        {failed && <Notice tone="error">{failed.message}</Notice>}
        {other && <Notice tone="error">{other.message}</Notice>}
      </div>

      <Form
        method="post"
        noValidate
        className="group/coupon grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]"
        data-testid="coupon-form"
      >
        {/* Enter in a field saves (the first submit button is the form's default, not the product search) */}
        {canWrite && <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only" />}
        <fieldset disabled={!canWrite} className="min-w-0 space-y-5">
          <Section id={id("basics")} title={t("commerceadmin.coupon.basics")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={id("code")} label={t("commerceadmin.coupon.code")} error={errors.code} hint={t("commerceadmin.coupon.codeHint")}>
                <input
                  id={id("code")}
                  name="code"
                  required
                  maxLength={40}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  defaultValue={draft.code}
                  placeholder="YAZ25"
                  {...describedBy(id("code"), errors.code, true)}
                  className="field aria-[invalid=true]:border-sale h-11 font-mono uppercase tracking-wide"
                />
              </Field>
              <Field
                id={id("title")}
                label={t("commerceadmin.coupon.titleLabel")}
                error={errors.title}
                hint={t("commerceadmin.coupon.titleHint")}
              >
                <input
                  id={id("title")}
                  name="title"
                  required
                  maxLength={120}
                  defaultValue={draft.title}
                  {...describedBy(id("title"), errors.title, true)}
                  className="field aria-[invalid=true]:border-sale h-11"
                />
              </Field>
            </div>
            <Field id={id("description")} label={t("commerceadmin.coupon.description")} error={errors.description} className="mt-4">
              <textarea
                id={id("description")}
                name="description"
                rows={2}
                maxLength={500}
                defaultValue={draft.description}
                {...describedBy(id("description"), errors.description)}
                className="field"
              />
            </Field>
            <details className="mt-4 rounded-xl border border-line" open={Boolean(draft.titleEn)}>
              <summary className="cursor-pointer px-3 py-2.5 font-semibold text-sm">{t("commerceadmin.coupon.english")}</summary>
              <div className="border-line border-t p-3">
                <Field id={id("title-en")} label={t("commerceadmin.coupon.titleEn")} error={errors.titleEn}>
                  <input
                    id={id("title-en")}
                    name="titleEn"
                    lang="en"
                    maxLength={120}
                    defaultValue={draft.titleEn}
                    className="field aria-[invalid=true]:border-sale h-10 text-sm"
                  />
                </Field>
              </div>
            </details>
          </Section>

          <Section id={id("discount")} title={t("commerceadmin.coupon.discount")}>
            <fieldset>
              <legend className="mb-2 font-semibold text-sm">{t("commerceadmin.coupon.kind")}</legend>
              <div className="grid gap-2 sm:grid-cols-3">
                {(
                  [
                    ["percent", Percent, "commerceadmin.kind.percent", "commerceadmin.kind.percentHint"],
                    ["fixed", Tag, "commerceadmin.kind.fixed", "commerceadmin.kind.fixedHint"],
                    ["free_shipping", Truck, "commerceadmin.kind.freeShipping", "commerceadmin.kind.freeShippingHint"],
                  ] as const
                ).map(([value, Icon, label, hint]) => (
                  <label
                    key={value}
                    className={clsx(
                      "flex cursor-pointer gap-3 rounded-xl border p-3 has-checked:border-brand has-checked:bg-brand-soft/50 has-focus-visible:outline-2 has-focus-visible:outline-[var(--ring)]",
                      "border-line",
                    )}
                  >
                    <input
                      id={`coupon-kind-${value.replace("_", "-")}`}
                      type="radio"
                      name="kind"
                      value={value}
                      defaultChecked={draft.kind === value}
                      className="mt-1 accent-[var(--brand)]"
                    />
                    <span className="min-w-0">
                      <span className="flex items-center gap-1.5 font-semibold text-sm">
                        <Icon aria-hidden="true" className="size-4 text-muted" />
                        {t(label)}
                      </span>
                      <span className="mt-0.5 block text-muted text-xs">{t(hint)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="mt-4 grid gap-4 sm:grid-cols-2">
              <div className="hidden group-has-[#coupon-kind-percent:checked]/coupon:block">
                <Field id={id("percent")} label={t("commerceadmin.coupon.percent")} error={errors.value}>
                  <div className="relative">
                    <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted text-sm">
                      %
                    </span>
                    <input
                      id={id("percent")}
                      name="percent"
                      inputMode="numeric"
                      autoComplete="off"
                      defaultValue={draft.percent}
                      placeholder="10"
                      {...describedBy(id("percent"), errors.value)}
                      className="field aria-[invalid=true]:border-sale h-10 pl-7 tabular-nums"
                    />
                  </div>
                </Field>
              </div>
              <div className="hidden group-has-[#coupon-kind-percent:checked]/coupon:block">
                <Field
                  id={id("max")}
                  label={t("commerceadmin.coupon.maxDiscount")}
                  error={errors.maxDiscount}
                  hint={t("commerceadmin.coupon.maxDiscountHint")}
                >
                  <MoneyInput
                    id={id("max")}
                    name="maxDiscount"
                    value={maxDiscount}
                    onChange={setMaxDiscount}
                    error={errors.maxDiscount}
                    placeholder=""
                  />
                </Field>
              </div>
              <div className="hidden group-has-[#coupon-kind-fixed:checked]/coupon:block">
                <Field id={id("amount")} label={t("commerceadmin.coupon.amount")} error={errors.value}>
                  <MoneyInput id={id("amount")} name="amount" value={amount} onChange={setAmount} error={errors.value} />
                </Field>
              </div>
              <p className="hidden rounded-xl bg-surface-2 p-3 text-muted text-sm group-has-[#coupon-kind-free-shipping:checked]/coupon:block sm:col-span-2">
                {t("commerceadmin.kind.freeShippingNote")}
              </p>
              <Field
                id={id("min")}
                label={t("commerceadmin.coupon.minBasket")}
                error={errors.minBasket}
                hint={t("commerceadmin.coupon.minBasketHint")}
              >
                <MoneyInput
                  id={id("min")}
                  name="minBasket"
                  value={minBasket}
                  onChange={setMinBasket}
                  error={errors.minBasket}
                  placeholder=""
                />
              </Field>
            </div>
            <div className="mt-4 space-y-2.5">
              <Toggle
                name="combinable"
                defaultChecked={draft.combinable}
                label={t("commerceadmin.coupon.combinable")}
                hint={t("commerceadmin.coupon.combinableHint")}
              />
              <Toggle
                name="excludeSaleItems"
                defaultChecked={draft.excludeSaleItems}
                label={t("commerceadmin.coupon.excludeSale")}
                hint={t("commerceadmin.coupon.excludeSaleHint")}
              />
            </div>
          </Section>

          <ScopeSection draft={draft} categories={categories} error={errors.scopeIds} result={result} />

          <Section id={id("limits")} title={t("commerceadmin.coupon.limits")} description={t("commerceadmin.coupon.limitsHint")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={id("starts")} label={t("commerceadmin.coupon.startsAt")} error={errors.startsAt}>
                <input
                  id={id("starts")}
                  name="startsAt"
                  type="datetime-local"
                  defaultValue={draft.startsAt}
                  {...describedBy(id("starts"), errors.startsAt)}
                  className="field aria-[invalid=true]:border-sale h-11"
                />
              </Field>
              <Field id={id("ends")} label={t("commerceadmin.coupon.endsAt")} error={errors.endsAt}>
                <input
                  id={id("ends")}
                  name="endsAt"
                  type="datetime-local"
                  defaultValue={draft.endsAt}
                  {...describedBy(id("ends"), errors.endsAt)}
                  className="field aria-[invalid=true]:border-sale h-11"
                />
              </Field>
              <Field
                id={id("limit")}
                label={t("commerceadmin.coupon.usageLimit")}
                error={errors.usageLimit}
                hint={t("commerceadmin.coupon.emptyUnlimited")}
              >
                <input
                  id={id("limit")}
                  name="usageLimit"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={draft.usageLimit}
                  {...describedBy(id("limit"), errors.usageLimit, true)}
                  className="field aria-[invalid=true]:border-sale h-11 tabular-nums"
                />
              </Field>
              <Field
                id={id("per-customer")}
                label={t("commerceadmin.coupon.perCustomerLimit")}
                error={errors.perCustomerLimit}
                hint={t("commerceadmin.coupon.perCustomerHint")}
              >
                <input
                  id={id("per-customer")}
                  name="perCustomerLimit"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={draft.perCustomerLimit}
                  {...describedBy(id("per-customer"), errors.perCustomerLimit, true)}
                  className="field aria-[invalid=true]:border-sale h-11 tabular-nums"
                />
              </Field>
            </div>
            <p className="mt-3 text-muted text-xs">{t("commerceadmin.coupon.datesHint")}</p>
          </Section>
        </fieldset>

        <aside className="space-y-5 lg:sticky lg:top-24">
          <section aria-labelledby={id("state")} className="rounded-2xl border border-line bg-surface p-5">
            <h2 id={id("state")} className="mb-3 font-semibold">
              {t("commerceadmin.coupon.visibility")}
            </h2>
            <fieldset disabled={!canWrite} className="space-y-3">
              <Toggle
                name="active"
                defaultChecked={draft.active}
                label={t("commerceadmin.coupon.active")}
                hint={t("commerceadmin.coupon.activeHint")}
              />
              <Toggle
                name="isPublic"
                defaultChecked={draft.isPublic}
                label={t("commerceadmin.coupon.public")}
                hint={t("commerceadmin.coupon.publicHint")}
              />
            </fieldset>
          </section>
          {coupon && (
            <section aria-labelledby={id("usage")} className="rounded-2xl border border-line bg-surface p-5">
              <h2 id={id("usage")} className="mb-3 font-semibold">
                {t("commerceadmin.coupons.colUsage")}
              </h2>
              <UsageBar used={coupon.usedCount} limit={coupon.usageLimit} t={t} />
              {coupon.usedCount > 0 && <p className="mt-3 text-muted text-xs">{t("commerceadmin.coupon.usedKeepHint")}</p>}
            </section>
          )}
          {canWrite && (
            <div className="flex flex-col gap-2">
              <button type="submit" name="intent" value="save" disabled={busy} className="btn btn-primary h-12 w-full">
                {busy ? (
                  <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
                ) : (
                  <Save aria-hidden="true" className="size-4" />
                )}
                {coupon ? t("catalogadmin.save") : t("commerceadmin.coupon.create")}
              </button>
              <Link to="/admin/kuponlar" className="btn btn-secondary h-11 w-full">
                {t("catalogadmin.cancel")}
              </Link>
            </div>
          )}
        </aside>
      </Form>

      {canWrite && coupon && (
        <section aria-labelledby={id("danger")} className="mt-8 rounded-2xl border border-sale/30 bg-surface p-5">
          <h2 id={id("danger")} className="font-semibold">
            {coupon.usedCount > 0 ? t("commerceadmin.coupon.deactivateTitle") : t("commerceadmin.coupon.deleteSection")}
          </h2>
          <p className="mt-1 text-muted text-sm">
            {coupon.usedCount > 0 ? t("commerceadmin.coupon.usedKeepHint") : t("commerceadmin.coupon.deleteText")}
          </p>
          <Form
            ref={deleteForm}
            method="post"
            className="mt-3"
            onSubmit={(event) => {
              if (confirm) return;
              event.preventDefault();
              setConfirm(coupon.usedCount > 0 ? "deactivate" : "delete");
            }}
          >
            <input type="hidden" name="code" value={coupon.code} />
            <button
              type="submit"
              name="intent"
              value={coupon.usedCount > 0 ? "deactivate" : "delete"}
              disabled={busy || (coupon.usedCount > 0 && !coupon.active)}
              className="btn h-11 border border-sale/40 text-sale hover:bg-sale-soft"
            >
              <Trash2 aria-hidden="true" className="size-4" />
              {coupon.usedCount > 0 ? t("commerceadmin.coupon.deactivate") : t("commerceadmin.coupon.delete")}
            </button>
          </Form>
          <ConfirmDialog
            open={confirm !== null}
            danger
            title={
              confirm === "deactivate"
                ? t("commerceadmin.coupon.deactivateName", { code: coupon.code })
                : t("commerceadmin.coupon.deleteTitle", { code: coupon.code })
            }
            confirmLabel={confirm === "deactivate" ? t("commerceadmin.coupon.deactivate") : t("catalogadmin.delete")}
            onCancel={() => setConfirm(null)}
            onConfirm={() => {
              const form = deleteForm.current;
              const button = form?.querySelector<HTMLButtonElement>("button[name=intent]");
              form?.requestSubmit(button ?? undefined);
              setConfirm(null);
            }}
          >
            {confirm === "deactivate" ? t("commerceadmin.coupon.usedKeepHint") : t("commerceadmin.coupon.deleteText")}
          </ConfirmDialog>
        </section>
      )}
    </>
  );
}

function Toggle({ name, defaultChecked, label, hint }: { name: string; defaultChecked: boolean; label: string; hint?: string }) {
  return (
    <label className="flex cursor-pointer items-start gap-3">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 size-4 shrink-0 accent-[var(--brand)]" />
      <span className="min-w-0">
        <span className="block font-semibold text-sm">{label}</span>
        {hint && <span className="block text-muted text-xs">{hint}</span>}
      </span>
    </label>
  );
}

/** Who the coupon applies to: everything, chosen categories (with their subcategories) or chosen products. */
function ScopeSection({
  draft,
  categories,
  error,
  result,
}: {
  draft: CouponDraft;
  categories: { id: string; name: string; depth: number }[];
  error?: string;
  result: EditResult | undefined;
}) {
  const t = useT();
  const uid = useId();
  const [filter, setFilter] = useState("");
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const fetcher = useFetcher<{ matches: Choice[] | null; search: string }>();
  const [query, setQuery] = useState(result?.intent === "search" ? result.search : "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // chosen products first, then search results not chosen yet (each a checkbox)
  const [candidates, setCandidates] = useState<{ choice: Choice; chosen: boolean }[]>(() => [
    ...draft.products.map((choice) => ({ choice, chosen: true })),
    ...(result?.intent === "search"
      ? result.matches.filter((m) => !draft.products.some((p) => p.id === m.id)).map((choice) => ({ choice, chosen: false }))
      : []),
  ]);
  useEffect(() => {
    const matches = fetcher.data?.matches;
    if (!matches) return;
    setCandidates((list) => [
      ...list.filter((c) => c.chosen),
      ...matches.filter((m) => !list.some((c) => c.chosen && c.choice.id === m.id)).map((choice) => ({ choice, chosen: false })),
    ]);
  }, [fetcher.data]);
  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (q.trim().length >= 2) fetcher.load(`${window.location.pathname}?urunAra=${encodeURIComponent(q.trim())}`);
    }, 250);
  };
  const folded = filter.toLocaleLowerCase("tr-TR");
  const chosenCategories = new Set(draft.categoryIds);
  const id = (f: string) => `${uid}-${f}`;

  return (
    <Section id={id("scope")} title={t("commerceadmin.coupon.scope")} description={t("commerceadmin.coupon.scopeHint")}>
      <fieldset>
        <legend className="sr-only">{t("commerceadmin.coupon.scope")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {(
            [
              ["all", "commerceadmin.scope.all"],
              ["categories", "commerceadmin.scope.categories"],
              ["products", "commerceadmin.scope.products"],
            ] as const
          ).map(([value, label]) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-xl border border-line p-3 font-semibold text-sm has-checked:border-brand has-checked:bg-brand-soft/50 has-focus-visible:outline-2 has-focus-visible:outline-[var(--ring)]"
            >
              <input
                id={`coupon-scope-${value}`}
                type="radio"
                name="scope"
                value={value}
                defaultChecked={draft.scope === value}
                className="accent-[var(--brand)]"
              />
              {t(label)}
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p id={id("scope-error")} className="mt-2 font-medium text-sale text-xs" role="alert">
          {error}
        </p>
      )}

      <div className="mt-4 hidden group-has-[#coupon-scope-categories:checked]/coupon:block">
        {mounted && categories.length > 8 && (
          <div className="relative mb-2">
            <label htmlFor={id("cat-filter")} className="sr-only">
              {t("commerceadmin.scope.filterCategories")}
            </label>
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
            <input
              id={id("cat-filter")}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={t("commerceadmin.scope.filterCategories")}
              className="field aria-[invalid=true]:border-sale h-10 pl-9 text-sm"
            />
          </div>
        )}
        {categories.length === 0 ? (
          <p className="text-muted text-sm">{t("commerceadmin.scope.noCategories")}</p>
        ) : (
          <fieldset
            className="max-h-72 overflow-y-auto rounded-xl border border-line p-2"
            aria-describedby={error ? id("scope-error") : undefined}
          >
            <legend className="sr-only">{t("commerceadmin.scope.categories")}</legend>
            {categories.map((c) => (
              <label
                key={c.id}
                className={clsx(
                  "flex cursor-pointer items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-surface-2",
                  folded && !c.name.toLocaleLowerCase("tr-TR").includes(folded) && "hidden",
                )}
                style={{ paddingLeft: `${0.5 + c.depth * 1.25}rem` }}
              >
                <input
                  type="checkbox"
                  name="categoryIds"
                  value={c.id}
                  defaultChecked={chosenCategories.has(c.id)}
                  className="size-4 accent-[var(--brand)]"
                />
                {c.name}
              </label>
            ))}
          </fieldset>
        )}
        <p className="mt-1.5 text-muted text-xs">{t("commerceadmin.scope.categoriesHint")}</p>
      </div>

      <div className="mt-4 hidden group-has-[#coupon-scope-products:checked]/coupon:block">
        <div className="flex gap-2">
          <div className="relative flex-1">
            <label htmlFor={id("product-q")} className="sr-only">
              {t("commerceadmin.scope.searchProducts")}
            </label>
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
            <input
              id={id("product-q")}
              name="productQuery"
              type="search"
              value={query}
              autoComplete="off"
              onChange={(e) => {
                setQuery(e.target.value);
                search(e.target.value);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (query.trim()) fetcher.load(`${window.location.pathname}?urunAra=${encodeURIComponent(query.trim())}`);
                }
              }}
              placeholder={t("commerceadmin.scope.searchProducts")}
              className="field aria-[invalid=true]:border-sale h-10 pl-9 text-sm"
            />
          </div>
          <button
            type="submit"
            name="intent"
            value="search"
            formNoValidate
            className="btn btn-secondary h-10 text-sm"
            onClick={(e) => {
              e.preventDefault();
              if (query.trim()) fetcher.load(`${window.location.pathname}?urunAra=${encodeURIComponent(query.trim())}`);
            }}
          >
            {fetcher.state === "loading" ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : null}
            {t("commerceadmin.scope.search")}
          </button>
        </div>
        <div aria-live="polite" className="mt-2">
          {candidates.length === 0 ? (
            <p className="text-muted text-sm">{t("commerceadmin.scope.noProducts")}</p>
          ) : (
            <ul className="max-h-72 divide-y divide-line overflow-y-auto rounded-xl border border-line" data-testid="product-candidates">
              {candidates.map(({ choice, chosen }) => (
                <li key={choice.id}>
                  <label className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm hover:bg-surface-2">
                    <input
                      type="checkbox"
                      name="productIds"
                      value={choice.id}
                      defaultChecked={chosen}
                      onChange={(e) => {
                        const checked = e.target.checked;
                        setCandidates((list) => list.map((c) => (c.choice.id === choice.id ? { ...c, chosen: checked } : c)));
                      }}
                      className="size-4 accent-[var(--brand)]"
                    />
                    <input type="hidden" name="productNames" value={`${choice.id}|${choice.name}`} />
                    <span className="min-w-0 flex-1 truncate">{choice.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>
        <p className="mt-1.5 text-muted text-xs">
          {t("commerceadmin.scope.productsChosen", { count: candidates.filter((c) => c.chosen).length })}
        </p>
      </div>
    </Section>
  );
}
