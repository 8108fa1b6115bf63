// /odeme: one page, numbered steps (contact, delivery, billing, shipping, payment, confirmation)
// and a sticky summary. Works as a plain form without JavaScript (the il/ilçe lists and the
// summary refresh by sending the form back); with JavaScript the lists come from the geo API and
// the summary and legal texts refresh as the shopper changes the address, shipping or payment.

import clsx from "clsx";
import {
  ArrowLeft,
  Building2,
  ChevronDown,
  CreditCard,
  House,
  Landmark,
  LoaderCircle,
  Lock,
  MapPin,
  Plus,
  RefreshCw,
  RotateCcw,
  ShieldCheck,
  Truck,
  Wallet,
} from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs, useFetcher, useNavigation } from "react-router";
import { describedBy, FormField, fieldErrorText, useHydrated } from "../components/account-ui.tsx";
import { noStore } from "../components/auth-ui.tsx";
import { Notice } from "../components/notice.tsx";
import { AddressFields, type AddressLists } from "../components/order/address-fields.tsx";
import { LegalTextBox } from "../components/order/legal-text.tsx";
import { SummaryLines, Totals } from "../components/order/order-summary.tsx";
import { type AppWebContext, getApp } from "../context.ts";
import { type MessageKey, type TFunction, useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type {
  CheckoutAddress,
  CheckoutChoices,
  CheckoutDraft,
  CheckoutPreview,
  CheckoutRefusal,
  FieldError,
  PaymentMethodId,
  Province,
} from "../services/checkout.ts";
import type { Route } from "./+types/checkout";

export const headers = noStore;

const PAYMENT_METHODS: readonly PaymentMethodId[] = ["iyzico", "paytr", "stripe", "bank_transfer", "cash_on_delivery", "store_credit"];
const INVOICE_FIELDS = new Set(["tckn", "invoiceType", "companyName", "taxNumber", "taxOffice"]);
/** Fields whose change does not alter the price or the legal texts. */
const NO_PREVIEW = new Set(["acceptContracts", "customerNote", "saveAddress"]);

interface FormState {
  draft: CheckoutDraft;
  lists: { ship: AddressLists; bill: AddressLists };
}

type PageAction =
  | { intent: "preview"; preview: CheckoutPreview }
  | {
      intent: "place" | "refresh" | "remove-coupon";
      state: FormState;
      preview: CheckoutPreview;
      key: string;
      refusal?: CheckoutRefusal;
      removedCoupon?: string;
    };

const emptyAddress = (): CheckoutAddress => ({
  firstName: "",
  lastName: "",
  phone: "",
  provinceCode: "",
  district: "",
  neighbourhood: "",
  addressLine: "",
  postalCode: "",
});

function nationalPhone(e164: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

/** A fresh idempotency key for one checkout page (a repeat of the same form returns the same order). */
function newKey(): string {
  return `co-${crypto.randomUUID()}`;
}

function initialDraft(choices: CheckoutChoices, userName: string | null): CheckoutDraft {
  const saved = choices.addresses.find((a) => a.isDefault) ?? choices.addresses[0] ?? null;
  const [firstName = "", ...rest] = (userName ?? "").trim().split(/\s+/);
  const shippingAddress = {
    ...emptyAddress(),
    firstName,
    lastName: rest.join(" "),
    phone: choices.phone ? nationalPhone(choices.phone) : "",
  };
  return {
    email: choices.email ?? "",
    shippingAddressId: saved?.id ?? null,
    shippingAddress,
    saveAddress: choices.signedIn && choices.addresses.length === 0,
    billingSameAsShipping: true,
    billingAddress: emptyAddress(),
    invoice: {
      type: saved?.invoiceType === "corporate" ? "corporate" : "individual",
      tckn: saved?.tckn ?? "",
      companyName: saved?.companyName ?? "",
      taxNumber: saved?.taxNumber ?? "",
      taxOffice: saved?.taxOffice ?? "",
    },
    shippingMethodId: choices.summary.shipping?.id ?? null,
    paymentMethod: choices.paymentMethods[0]?.id ?? null,
    useStoreCredit: false,
    acceptContracts: false,
    customerNote: "",
  };
}

export function draftFromForm(form: FormData): CheckoutDraft {
  const text = (name: string, max = 300) => String(form.get(name) ?? "").slice(0, max);
  const address = (prefix: string): CheckoutAddress => ({
    firstName: text(`${prefix}.firstName`, 60),
    lastName: text(`${prefix}.lastName`, 60),
    phone: text(`${prefix}.phone`, 30),
    provinceCode: text(`${prefix}.provinceCode`, 3),
    district: text(`${prefix}.district`, 80),
    neighbourhood: text(`${prefix}.neighbourhood`, 120),
    addressLine: text(`${prefix}.addressLine`, 300),
    postalCode: text(`${prefix}.postalCode`, 10),
  });
  const savedId = text("shippingAddressId", 40);
  const payment = text("paymentMethod", 40);
  return {
    email: text("email", 254),
    shippingAddressId: savedId && savedId !== "new" ? savedId : null,
    shippingAddress: address("ship"),
    saveAddress: form.get("saveAddress") === "on",
    billingSameAsShipping: form.get("billingSame") === "on",
    billingAddress: address("bill"),
    invoice: {
      type: text("invoiceType", 20) === "corporate" ? "corporate" : "individual",
      tckn: text("tckn", 14),
      companyName: text("companyName", 200),
      taxNumber: text("taxNumber", 14),
      taxOffice: text("taxOffice", 100),
    },
    shippingMethodId: text("shippingMethodId", 40) || null,
    paymentMethod: (PAYMENT_METHODS as readonly string[]).includes(payment) ? (payment as PaymentMethodId) : null,
    useStoreCredit: form.get("useStoreCredit") === "on",
    acceptContracts: form.get("acceptContracts") === "on",
    customerNote: text("customerNote", 1000),
  };
}

function listsFor(app: AppWebContext, draft: CheckoutDraft): FormState["lists"] {
  const geo = app.checkout.geo;
  const of = (a: CheckoutAddress): AddressLists => {
    const code = Number(a.provinceCode);
    const districts = Number.isInteger(code) && code > 0 && code <= 81 ? geo.districts(code) : [];
    const neighbourhoods = a.district && districts.includes(a.district) ? geo.neighbourhoods(code, a.district) : [];
    return { districts, neighbourhoods };
  };
  return { ship: of(draft.shippingAddress), bill: of(draft.billingAddress) };
}

export async function loader({ context }: Route.LoaderArgs) {
  const app = getApp(context);
  const choices = await app.checkout.choices();
  // Nothing to buy, or a line that cannot be bought as it is: the cart explains.
  if (choices.summary.lines.length === 0 || !choices.summary.ready) throw redirect("/sepet");
  const draft = initialDraft(choices, app.user?.name ?? null);
  const preview = await app.checkout.preview(draft);
  return {
    choices,
    state: { draft, lists: listsFor(app, draft) } satisfies FormState,
    preview,
    key: newKey(),
    provinces: app.checkout.geo.provinces() as Province[],
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "place");
  const draft = draftFromForm(form);
  if (intent === "preview") return { intent, preview: await app.checkout.preview(draft) } satisfies PageAction;
  const postedKey = String(form.get("key") ?? "");
  const key = /^[\w.:-]{8,100}$/.test(postedKey) ? postedKey : newKey();
  const state: FormState = { draft, lists: listsFor(app, draft) };
  if (intent === "refresh") return { intent, state, preview: await app.checkout.preview(draft), key } satisfies PageAction;
  if (intent === "remove-coupon") {
    const code = String(form.get("couponCode") ?? "").slice(0, 40);
    if (code) await app.checkout.removeCoupon(code);
    return { intent, state, preview: await app.checkout.preview(draft), key, removedCoupon: code } satisfies PageAction;
  }

  const result = await app.checkout.place(draft, key);
  if (result.ok) {
    const next = result.next;
    if (next.type === "redirect") throw redirect(next.url);
    if (next.type === "iframe" || next.type === "client_secret") throw redirect(`${result.orderPath}&odeme=kart`);
    throw redirect(`${result.orderPath}&yeni=1`);
  }
  const { ok: _ok, ...refusal } = result;
  const preview = await app.checkout.preview(draft);
  // Sold out entirely: the cart page says what is left.
  if (preview.summary.lines.length === 0) throw redirect("/sepet");
  return data({ intent: "place", state, preview, key, refusal } satisfies PageAction, { status: refusal.reason === "invalid" ? 422 : 409 });
}

// The action answers with its own fresh summary; reloading the checkout data after every preview
// would only repeat it.
export function shouldRevalidate({ formMethod, actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formMethod === "POST" && actionResult !== undefined) return false;
  return defaultShouldRevalidate;
}

/** Field errors by the id of the control they belong to. */
function errorsById(t: TFunction, errors: FieldError[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) {
    let id: string;
    let text: string;
    if (e.path === "email") {
      id = "email";
      text = t("checkout.errorEmail");
    } else if (e.path === "acceptContracts") {
      id = "accept-contracts";
      text = t("checkout.errorAccept");
    } else if (e.path === "shippingAddressId") {
      id = "saved-addresses";
      text = t("checkout.errorSavedAddress");
    } else {
      const [scope, field = ""] = e.path.split(".", 2) as [string, string?];
      const prefix = INVOICE_FIELDS.has(field) ? "invoice" : scope === "billing" ? "bill" : "ship";
      id = `${prefix}-${field}`;
      text = fieldErrorText(t, { ...e, path: field });
    }
    if (!out.has(id)) out.set(id, text);
  }
  return out;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  firstName: "myaccount.firstName",
  lastName: "myaccount.lastName",
  phone: "myaccount.mobile",
  provinceCode: "myaccount.province",
  district: "myaccount.district",
  neighbourhood: "myaccount.neighbourhood",
  addressLine: "myaccount.addressLine",
  postalCode: "myaccount.postalCode",
  tckn: "myaccount.tckn",
  invoiceType: "checkout.invoiceType",
  companyName: "myaccount.companyName",
  taxNumber: "myaccount.taxNumber",
  taxOffice: "myaccount.taxOffice",
};

/** "Teslimat adresi · Cep telefonu" for the error summary (empty when the message says it all). */
function fieldLabel(t: TFunction, id: string): string {
  if (id === "email") return t("checkout.email");
  const [prefix, field = ""] = id.split("-", 2) as [string, string?];
  const key = FIELD_LABELS[field];
  if (!key) return "";
  if (prefix === "ship") return `${t("checkout.stepDelivery")} · ${t(key)}`;
  if (prefix === "bill") return `${t("checkout.billingAddress")} · ${t(key)}`;
  return t(key);
}

function pick(errors: Map<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of errors) if (id.startsWith(`${prefix}-`)) out[id.slice(prefix.length + 1)] = text;
  return out;
}

function Step({
  n,
  id,
  title,
  icon,
  children,
}: {
  n: number;
  id: string;
  title: string;
  icon: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-line bg-surface p-5 shadow-card sm:p-6" id={id}>
      <h2 id={`${id}-title`} className="mb-5 flex items-center gap-3 font-bold text-lg">
        <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand font-bold text-on-brand text-sm">
          <span className="sr-only">{n}. </span>
          <span aria-hidden="true">{n}</span>
        </span>
        <span className="flex-1">{title}</span>
        <span className="text-muted">{icon}</span>
      </h2>
      {children}
    </section>
  );
}

const choiceCard =
  "flex cursor-pointer items-start gap-3 rounded-xl border border-line-strong p-4 transition-colors hover:border-brand has-checked:border-brand has-checked:bg-brand-soft/50 has-focus-visible:outline-2 has-focus-visible:outline-[var(--ring)] has-disabled:cursor-not-allowed has-disabled:opacity-50";
const radio = "mt-0.5 size-[1.125rem] shrink-0 accent-[var(--brand)]";

function RefusalNotice({ refusal, errors, onFocus }: { refusal: CheckoutRefusal; errors: Map<string, string>; onFocus: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (onFocus) ref.current?.focus();
  }, [onFocus]);
  let body: React.ReactNode;
  switch (refusal.reason) {
    case "invalid":
      body = (
        <>
          <p>{t("checkout.errorSummary")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {[...errors].map(([id, text]) => {
              const label = fieldLabel(t, id);
              return (
                <li key={id}>
                  <a href={`#${id}`} className="underline underline-offset-2">
                    {label ? `${label}: ${text}` : text}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      );
      break;
    case "out-of-stock":
      body = (
        <p>
          {t("checkout.errorOutOfStock")}{" "}
          <Link to="/sepet" className="font-bold underline underline-offset-2">
            {t("checkout.goToCart")}
          </Link>
        </p>
      );
      break;
    case "coupon": {
      const reason =
        refusal.problem === "used-up"
          ? t("checkout.couponReasonUsedUp")
          : refusal.problem === "expired"
            ? t("checkout.couponReasonExpired")
            : refusal.problem === "customer-limit"
              ? t("checkout.couponReasonCustomerLimit")
              : t("checkout.couponReasonOther");
      body = (
        <div className="flex flex-wrap items-center gap-3">
          <p className="min-w-0 flex-1">{t("checkout.errorCoupon", { code: refusal.code, reason })}</p>
          <input type="hidden" name="couponCode" value={refusal.code} />
          <button type="submit" name="intent" value="remove-coupon" formNoValidate className="btn btn-secondary h-9 px-3 text-sm">
            {t("checkout.removeCoupon")}
          </button>
        </div>
      );
      break;
    }
    case "cart-empty":
      body = (
        <p>
          {t("checkout.errorCartEmpty")}{" "}
          <Link to="/sepet" className="font-bold underline underline-offset-2">
            {t("checkout.goToCart")}
          </Link>
        </p>
      );
      break;
    case "shipping-method":
      body = <p>{t("checkout.errorShippingMethod")}</p>;
      break;
    case "payment-method":
      body = <p>{t("checkout.errorPaymentMethod")}</p>;
      break;
    case "credit":
      body = <p>{t("checkout.errorCredit")}</p>;
      break;
    case "idempotency":
      body = <p>{t("checkout.errorIdempotency")}</p>;
      break;
    default:
      body = <p>{t("checkout.errorGeneric")}</p>;
  }
  return (
    <div ref={ref} tabIndex={-1} className="outline-none" data-testid="checkout-refusal" data-reason={refusal.reason}>
      <Notice tone="error">{body}</Notice>
    </div>
  );
}

function PaymentChoice({
  id,
  fee,
  checked,
  disabled,
  onChoose,
  hours,
}: {
  id: PaymentMethodId;
  fee: number;
  checked: boolean;
  disabled: boolean;
  onChoose: (id: PaymentMethodId) => void;
  hours: number;
}) {
  const t = useT();
  const money = useMoney();
  const { store } = useRootData();
  const card = id === "iyzico" || id === "paytr" || id === "stripe";
  const Icon = card ? CreditCard : id === "bank_transfer" ? Landmark : id === "cash_on_delivery" ? Truck : Wallet;
  const title = card ? t("checkout.methodCard") : id === "bank_transfer" ? t("checkout.methodBank") : t("checkout.methodCod");
  const text =
    id === "stripe"
      ? t("checkout.methodStripeText")
      : card
        ? t("checkout.methodCardText", { provider: id === "iyzico" ? "iyzico" : "PayTR" })
        : id === "bank_transfer"
          ? t("checkout.methodBankText", { hours })
          : t("checkout.methodCodText");
  return (
    <label className={choiceCard}>
      <input
        type="radio"
        name="paymentMethod"
        value={id}
        checked={checked}
        disabled={disabled}
        onChange={() => onChoose(id)}
        className={radio}
      />
      <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
      <span className="min-w-0 flex-1">
        <span className="block font-semibold">{title}</span>
        <span className="mt-0.5 block text-muted text-sm">{text}</span>
        {fee > 0 && (
          <span className="mt-0.5 block font-semibold text-sm">{t("checkout.methodCodFee", { fee: money(fee, store.currency) })}</span>
        )}
      </span>
      {fee > 0 && (
        <span aria-hidden="true" className="shrink-0 whitespace-nowrap font-bold tabular-nums">
          +{money(fee, store.currency)}
        </span>
      )}
    </label>
  );
}

function Summary({ preview, busy, mobile = false }: { preview: CheckoutPreview; busy: boolean; mobile?: boolean }) {
  const t = useT();
  const { store } = useRootData();
  const s = preview.summary;
  const lines = s.lines.map((l) => ({
    key: l.variantId,
    title: l.title,
    variantLabel: l.variantLabel,
    image: l.image,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    total: l.total,
    discount: l.discount,
  }));
  return (
    <div className={clsx("transition-opacity", busy && "opacity-60")} aria-busy={busy}>
      <SummaryLines lines={lines} compact currency={store.currency} />
      <div className="mt-3 border-line border-t pt-4">
        <Totals
          testId={mobile ? undefined : "checkout-totals"}
          currency={store.currency}
          totals={{
            subtotal: s.subtotal,
            discountTotal: s.discountTotal,
            coupons: s.coupons,
            shippingTotal: s.shipping ? s.shippingTotal : null,
            paymentFee: s.paymentFee,
            storeCreditUsed: s.storeCreditUsed,
            vat: s.vat,
            grandTotal: s.grandTotal,
            amountDue: s.amountDue,
          }}
        />
      </div>
      {!mobile && (
        <p className="sr-only" aria-live="polite">
          {busy ? t("checkout.legalUpdating") : ""}
        </p>
      )}
    </div>
  );
}

function TrustList() {
  const t = useT();
  return (
    <ul className="mt-4 space-y-2 text-muted text-xs">
      <li className="flex items-center gap-2">
        <Lock aria-hidden="true" className="size-3.5 shrink-0 text-ok" />
        {t("checkout.cardNote")}
      </li>
      <li className="flex items-center gap-2">
        <RotateCcw aria-hidden="true" className="size-3.5 shrink-0 text-ok" />
        {t("checkout.returnPolicy")}
      </li>
      <li className="flex items-center gap-2">
        <ShieldCheck aria-hidden="true" className="size-3.5 shrink-0 text-ok" />
        {t("checkout.kvkk")}
      </li>
    </ul>
  );
}

export default function CheckoutPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const money = useMoney();
  const { store } = useRootData();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const fetcher = useFetcher<PageAction>({ key: "checkout-preview" });
  const { choices, provinces } = loaderData;
  const posted = actionData as PageAction | undefined;
  const answer = posted && posted.intent !== "preview" ? posted : undefined;
  const state = answer?.state ?? loaderData.state;
  const key = answer?.key ?? loaderData.key;
  const draft = state.draft;

  const [preview, setPreview] = useState<CheckoutPreview>(answer?.preview ?? loaderData.preview);
  useEffect(() => {
    if (fetcher.data?.preview) setPreview(fetcher.data.preview);
  }, [fetcher.data]);
  useEffect(() => {
    if (answer?.preview) setPreview(answer.preview);
  }, [answer]);

  const [shipChoice, setShipChoice] = useState(draft.shippingAddressId ?? "new");
  const [billingSame, setBillingSame] = useState(draft.billingSameAsShipping);
  const [invoiceType, setInvoiceType] = useState(draft.invoice.type);
  const [useCredit, setUseCredit] = useState(draft.useStoreCredit);
  const [payment, setPayment] = useState<PaymentMethodId | null>(draft.paymentMethod === "store_credit" ? null : draft.paymentMethod);
  useEffect(() => {
    setShipChoice(state.draft.shippingAddressId ?? "new");
    setBillingSame(state.draft.billingSameAsShipping);
    setInvoiceType(state.draft.invoice.type);
    setUseCredit(state.draft.useStoreCredit);
    if (state.draft.paymentMethod !== "store_credit") setPayment(state.draft.paymentMethod);
  }, [state]);

  const refusal = answer?.refusal;
  // A field's error goes away once the shopper changes the field (the summary follows).
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer brings new errors
  useEffect(() => setEdited(new Set()), [answer]);
  const errors = new Map([...errorsById(t, refusal?.reason === "invalid" ? refusal.errors : [])].filter(([id]) => !edited.has(id)));
  const shipErrors = pick(errors, "ship");
  const billErrors = pick(errors, "bill");
  const invoiceErrors = pick(errors, "invoice");

  const formRef = useRef<HTMLFormElement>(null);
  const formKey = answer ? `${answer.intent}:${JSON.stringify(answer.state.draft)}:${JSON.stringify(answer.refusal ?? null)}` : "initial";
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const submitPreview = fetcher.submit;
  const refreshPreview = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const body = new FormData(form);
      body.set("intent", "preview");
      // A preview changes nothing on the server: no page data needs reloading after it.
      void submitPreview(body, { method: "post", defaultShouldRevalidate: false });
    }, 350);
  }, [submitPreview]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form element is new after each remount (formKey)
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    // Native "change": on blur for text fields, at once for selects, radios and checkboxes.
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | null;
      const name = target?.name ?? "";
      if (target?.id) markEdited(target.id);
      if (name && !NO_PREVIEW.has(name)) refreshPreview();
    };
    const onInput = (event: Event) => {
      const id = (event.target as HTMLElement | null)?.id;
      if (id) markEdited(id);
    };
    const markEdited = (id: string) => setEdited((before) => (before.has(id) ? before : new Set(before).add(id)));
    form.addEventListener("change", onChange);
    form.addEventListener("input", onInput);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("input", onInput);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refreshPreview, formKey]);

  const placing = navigation.state !== "idle" && navigation.formData?.get("intent") === "place";
  const sending = useRef(false);
  useEffect(() => {
    if (navigation.state === "idle") sending.current = false;
  }, [navigation.state]);

  const previewBusy = fetcher.state !== "idle";
  const summary = preview.summary;
  const creditCovers = useCredit && summary.storeCreditUsed > 0 && summary.amountDue === 0;
  const showNewAddress = !choices.signedIn || choices.addresses.length === 0 || shipChoice === "new" || !hydrated;

  return (
    <div className="container-page py-6 sm:py-8 lg:py-10">
      <Seo title={`${t("checkout.title")} | ${store.name}`} noindex />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link to="/sepet" className="inline-flex items-center gap-1.5 font-semibold text-muted text-sm hover:text-brand">
            <ArrowLeft aria-hidden="true" className="size-4" />
            {t("checkout.backToCart")}
          </Link>
          <h1 className="mt-1 font-bold text-2xl tracking-tight sm:text-3xl">{t("checkout.title")}</h1>
        </div>
        <p className="inline-flex items-center gap-2 rounded-full bg-ok/10 px-3 py-1.5 font-semibold text-ok text-sm">
          <Lock aria-hidden="true" className="size-4" />
          {t("checkout.secure")}
        </p>
      </div>

      <Form
        ref={formRef}
        method="post"
        noValidate
        key={formKey}
        aria-busy={placing}
        data-hydrated={hydrated || undefined}
        onSubmit={(event) => {
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value !== "place") return;
          // A second click while the order is being placed sends nothing more.
          if (sending.current) event.preventDefault();
          sending.current = true;
        }}
      >
        <input type="hidden" name="key" value={key} />
        {/* Enter in a text field places the order, like the button at the end. */}
        <button type="submit" name="intent" value="place" tabIndex={-1} aria-hidden="true" className="sr-only" />

        <details className="group mb-5 rounded-2xl border border-line bg-surface shadow-card lg:hidden">
          <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-5 py-4 font-semibold">
            <span className="flex items-center gap-2">
              <ChevronDown aria-hidden="true" className="size-4 text-muted transition-transform group-open:rotate-180" />
              {t("checkout.summaryToggle", { count: summary.itemCount })}
            </span>
            <span className="tabular-nums">{money(summary.amountDue, store.currency)}</span>
          </summary>
          <div className="border-line border-t px-5 pb-5">
            <Summary preview={preview} busy={previewBusy} mobile />
          </div>
        </details>

        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_23rem] lg:gap-8">
          <div className="min-w-0 space-y-5">
            {refusal && (refusal.reason !== "invalid" || errors.size > 0) && (
              <RefusalNotice refusal={refusal} errors={errors} onFocus={hydrated} />
            )}
            {answer?.intent === "remove-coupon" && answer.removedCoupon && (
              <Notice tone="success">{t("checkout.couponRemoved", { code: answer.removedCoupon })}</Notice>
            )}

            <Step n={1} id="step-contact" title={t("checkout.stepContact")} icon={null}>
              {choices.signedIn ? (
                <p className="text-sm" data-testid="signed-in-email">
                  {t("checkout.signedInAs", { email: choices.email ?? "" })}
                </p>
              ) : (
                <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
                  <FormField id="email" label={t("checkout.email")} error={errors.get("email")} hint={t("checkout.emailHint")}>
                    <input
                      id="email"
                      name="email"
                      type="email"
                      inputMode="email"
                      autoComplete="email"
                      maxLength={254}
                      required
                      defaultValue={draft.email}
                      className="field"
                      {...describedBy("email", errors.get("email"), t("checkout.emailHint"))}
                    />
                  </FormField>
                  <div className="rounded-xl bg-surface-2 px-4 py-3 text-sm sm:mt-7">
                    <p className="font-semibold">{t("checkout.haveAccount")}</p>
                    <Link to="/giris?next=%2Fodeme" className="link font-semibold">
                      {t("checkout.signIn")}
                    </Link>
                    <p className="mt-1 text-muted text-xs">{t("checkout.guestNote")}</p>
                  </div>
                </div>
              )}
            </Step>

            <Step n={2} id="step-delivery" title={t("checkout.stepDelivery")} icon={<MapPin aria-hidden="true" className="size-5" />}>
              {choices.signedIn && choices.addresses.length > 0 && (
                <fieldset className="mb-5" id="saved-addresses" tabIndex={-1}>
                  <legend className="mb-3 font-semibold text-sm">{t("checkout.savedAddresses")}</legend>
                  {errors.get("saved-addresses") && <p className="mb-2 font-medium text-sale text-xs">{errors.get("saved-addresses")}</p>}
                  <div className="grid gap-3 sm:grid-cols-2">
                    {choices.addresses.map((a) => (
                      <label key={a.id} className={choiceCard}>
                        <input
                          type="radio"
                          name="shippingAddressId"
                          value={a.id}
                          defaultChecked={draft.shippingAddressId === a.id}
                          onChange={() => setShipChoice(a.id)}
                          className={radio}
                        />
                        <span className="min-w-0 text-sm">
                          <span className="block font-bold">{a.title}</span>
                          <span className="mt-1 block">
                            {a.firstName} {a.lastName}
                          </span>
                          <span className="block text-muted">
                            {a.addressLine}, {a.neighbourhood}
                          </span>
                          <span className="block text-muted">
                            {a.district} / {a.province}
                          </span>
                          <span className="block text-muted">{nationalPhone(a.phone)}</span>
                        </span>
                      </label>
                    ))}
                    <label className={clsx(choiceCard, "items-center")}>
                      <input
                        type="radio"
                        name="shippingAddressId"
                        value="new"
                        defaultChecked={draft.shippingAddressId === null}
                        onChange={() => setShipChoice("new")}
                        className={radio}
                      />
                      <Plus aria-hidden="true" className="size-5 shrink-0 text-brand" />
                      <span className="text-sm">
                        <span className="block font-bold">{t("checkout.newAddress")}</span>
                        <span className="block text-muted">{t("checkout.newAddressText")}</span>
                      </span>
                    </label>
                  </div>
                </fieldset>
              )}
              {showNewAddress && (
                <fieldset>
                  <legend className={clsx(choices.signedIn && choices.addresses.length > 0 ? "mb-3 font-semibold text-sm" : "sr-only")}>
                    {t("checkout.newAddress")}
                  </legend>
                  {!hydrated && choices.signedIn && choices.addresses.length > 0 && (
                    <p className="mb-3 text-muted text-xs">{t("checkout.newAddressNoJs")}</p>
                  )}
                  <AddressFields
                    prefix="ship"
                    values={draft.shippingAddress}
                    errors={shipErrors}
                    provinces={provinces}
                    lists={state.lists.ship}
                    hydrated={hydrated}
                  />
                  {choices.signedIn && (
                    <label className="mt-5 flex cursor-pointer items-center gap-3 text-sm">
                      <input
                        type="checkbox"
                        name="saveAddress"
                        defaultChecked={draft.saveAddress}
                        className="size-[1.125rem] accent-[var(--brand)]"
                      />
                      {t("checkout.saveAddress")}
                    </label>
                  )}
                </fieldset>
              )}
            </Step>

            <Step n={3} id="step-billing" title={t("checkout.stepBilling")} icon={<Building2 aria-hidden="true" className="size-5" />}>
              <label className="flex cursor-pointer items-center gap-3 text-sm">
                <input
                  type="checkbox"
                  name="billingSame"
                  defaultChecked={draft.billingSameAsShipping}
                  onChange={(e) => setBillingSame(e.target.checked)}
                  className="size-[1.125rem] accent-[var(--brand)]"
                />
                <span className="font-semibold">{t("checkout.billingSame")}</span>
              </label>
              {(!billingSame || !hydrated) && (
                <fieldset className="mt-5 rounded-xl border border-line p-4 sm:p-5" data-testid="billing-address">
                  <legend className="px-1 font-semibold text-sm">{t("checkout.billingAddress")}</legend>
                  {!hydrated && <p className="mb-3 text-muted text-xs">{t("checkout.billingNoJs")}</p>}
                  <AddressFields
                    prefix="bill"
                    values={draft.billingAddress}
                    errors={billErrors}
                    provinces={provinces}
                    lists={state.lists.bill}
                    hydrated={hydrated}
                  />
                </fieldset>
              )}
              <fieldset className="mt-6 space-y-4">
                <legend className="mb-3 font-semibold text-sm">{t("checkout.invoiceType")}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  {(["individual", "corporate"] as const).map((type) => (
                    <label key={type} className={clsx(choiceCard, "items-center py-3")}>
                      <input
                        type="radio"
                        name="invoiceType"
                        value={type}
                        defaultChecked={draft.invoice.type === type}
                        onChange={() => setInvoiceType(type)}
                        className={clsx(radio, "mt-0")}
                      />
                      {type === "individual" ? (
                        <House aria-hidden="true" className="size-4 text-muted" />
                      ) : (
                        <Building2 aria-hidden="true" className="size-4 text-muted" />
                      )}
                      <span className="font-semibold text-sm">
                        {type === "individual" ? t("myaccount.invoiceIndividual") : t("myaccount.invoiceCorporate")}
                      </span>
                    </label>
                  ))}
                </div>
                {(invoiceType === "individual" || !hydrated) && (
                  <FormField
                    id="invoice-tckn"
                    label={t("myaccount.tckn")}
                    error={invoiceErrors.tckn}
                    hint={t("checkout.tcknHint")}
                    optional
                    optionalLabel={t("myaccount.optional")}
                    className="sm:max-w-xs"
                  >
                    <input
                      id="invoice-tckn"
                      name="tckn"
                      inputMode="numeric"
                      maxLength={11}
                      autoComplete="off"
                      defaultValue={draft.invoice.tckn}
                      className="field"
                      {...describedBy("invoice-tckn", invoiceErrors.tckn, t("checkout.tcknHint"))}
                    />
                  </FormField>
                )}
                {(invoiceType === "corporate" || !hydrated) && (
                  <div
                    className="grid gap-5 rounded-xl border border-line bg-surface-2/60 p-4 sm:grid-cols-2"
                    data-testid="corporate-fields"
                  >
                    {!hydrated && <p className="text-muted text-xs sm:col-span-2">{t("myaccount.corporateOnly")}</p>}
                    <FormField
                      id="invoice-companyName"
                      label={t("myaccount.companyName")}
                      error={invoiceErrors.companyName}
                      className="sm:col-span-2"
                    >
                      <input
                        id="invoice-companyName"
                        name="companyName"
                        maxLength={200}
                        autoComplete="organization"
                        defaultValue={draft.invoice.companyName}
                        className="field"
                        {...describedBy("invoice-companyName", invoiceErrors.companyName)}
                      />
                    </FormField>
                    <FormField id="invoice-taxOffice" label={t("myaccount.taxOffice")} error={invoiceErrors.taxOffice}>
                      <input
                        id="invoice-taxOffice"
                        name="taxOffice"
                        maxLength={100}
                        defaultValue={draft.invoice.taxOffice}
                        className="field"
                        {...describedBy("invoice-taxOffice", invoiceErrors.taxOffice)}
                      />
                    </FormField>
                    <FormField
                      id="invoice-taxNumber"
                      label={t("myaccount.taxNumber")}
                      error={invoiceErrors.taxNumber}
                      hint={t("myaccount.taxNumberHint")}
                    >
                      <input
                        id="invoice-taxNumber"
                        name="taxNumber"
                        inputMode="numeric"
                        maxLength={11}
                        defaultValue={draft.invoice.taxNumber}
                        className="field"
                        {...describedBy("invoice-taxNumber", invoiceErrors.taxNumber, t("myaccount.taxNumberHint"))}
                      />
                    </FormField>
                  </div>
                )}
              </fieldset>
            </Step>

            <Step n={4} id="step-shipping" title={t("checkout.stepShipping")} icon={<Truck aria-hidden="true" className="size-5" />}>
              {summary.shippingOptions.length === 0 ? (
                <Notice tone="error">{t("checkout.noShipping")}</Notice>
              ) : (
                <fieldset>
                  <legend className="sr-only">{t("checkout.stepShipping")}</legend>
                  <div className="space-y-3">
                    {summary.shippingOptions.map((o) => (
                      <label key={o.id} className={choiceCard} data-testid="shipping-option">
                        <input
                          type="radio"
                          name="shippingMethodId"
                          value={o.id}
                          defaultChecked={(draft.shippingMethodId ?? summary.shipping?.id) === o.id}
                          className={radio}
                        />
                        <span className="min-w-0 flex-1">
                          <span className="block font-semibold">{o.name}</span>
                          <span className="mt-0.5 block text-muted text-sm">
                            {o.minDays === o.maxDays
                              ? t("checkout.shippingDay", { days: o.maxDays })
                              : t("checkout.shippingDays", { min: o.minDays, max: o.maxDays })}
                          </span>
                          {o.freeOver !== null && !o.free && (
                            <span className="mt-0.5 block text-muted text-xs">
                              {t("checkout.freeOver", { amount: money(o.freeOver, store.currency) })}
                              {o.remainingForFree > 0 && (
                                <>
                                  {" · "}
                                  <span className="font-semibold text-brand">
                                    {t("checkout.remainingForFree", { amount: money(o.remainingForFree, store.currency) })}
                                  </span>
                                </>
                              )}
                            </span>
                          )}
                        </span>
                        <span className={clsx("shrink-0 font-bold tabular-nums", o.free && "text-ok")}>
                          {o.free ? t("checkout.free") : money(o.price, store.currency)}
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
            </Step>

            <Step n={5} id="step-payment" title={t("checkout.stepPayment")} icon={<CreditCard aria-hidden="true" className="size-5" />}>
              {choices.storeCredit > 0 && (
                <div className="mb-4 rounded-xl border border-line bg-surface-2/60 p-4">
                  <label className="flex cursor-pointer items-center gap-3">
                    <input
                      type="checkbox"
                      name="useStoreCredit"
                      defaultChecked={draft.useStoreCredit}
                      onChange={(e) => {
                        setUseCredit(e.target.checked);
                        if (e.target.checked && payment === "cash_on_delivery") {
                          setPayment(choices.paymentMethods.find((m) => m.id !== "cash_on_delivery")?.id ?? null);
                        }
                      }}
                      className="size-[1.125rem] accent-[var(--brand)]"
                    />
                    <Wallet aria-hidden="true" className="size-5 text-brand" />
                    <span className="font-semibold">{t("checkout.useCredit", { amount: money(choices.storeCredit, store.currency) })}</span>
                  </label>
                  {useCredit && summary.storeCreditUsed > 0 && (
                    <p className="mt-2 text-muted text-sm" aria-live="polite">
                      {creditCovers
                        ? t("checkout.creditCovers")
                        : t("checkout.creditPartial", { amount: money(summary.storeCreditUsed, store.currency) })}
                    </p>
                  )}
                </div>
              )}
              {creditCovers ? (
                <input type="hidden" name="paymentMethod" value="store_credit" />
              ) : choices.paymentMethods.length === 0 ? (
                <Notice tone="error">{t("checkout.noPaymentMethods")}</Notice>
              ) : (
                <fieldset>
                  <legend className="sr-only">{t("checkout.stepPayment")}</legend>
                  <div className="space-y-3">
                    {choices.paymentMethods.map((m) => (
                      <PaymentChoice
                        key={m.id}
                        id={m.id}
                        fee={m.fee}
                        checked={payment === m.id}
                        disabled={hydrated && useCredit && m.id === "cash_on_delivery"}
                        onChoose={setPayment}
                        hours={choices.bankTransferHours}
                      />
                    ))}
                  </div>
                  {hydrated && useCredit && choices.paymentMethods.some((m) => m.id === "cash_on_delivery") && (
                    <p className="mt-2 text-muted text-xs">{t("checkout.creditNoCod")}</p>
                  )}
                </fieldset>
              )}
            </Step>

            <Step n={6} id="step-confirm" title={t("checkout.stepConfirm")} icon={<ShieldCheck aria-hidden="true" className="size-5" />}>
              <p className="mb-4 text-muted text-sm">{t("checkout.legalIntro")}</p>
              <div className="space-y-5">
                {preview.documents.map((doc) => (
                  <LegalTextBox key={doc.kind} doc={doc} busy={previewBusy} />
                ))}
              </div>
              {!hydrated && (
                <button type="submit" name="intent" value="refresh" formNoValidate className="btn btn-secondary mt-4 h-10 text-sm">
                  <RefreshCw aria-hidden="true" className="size-4" />
                  {t("checkout.refresh")}
                </button>
              )}
              <div className="mt-5">
                <label
                  htmlFor="accept-contracts"
                  className={clsx(
                    "flex cursor-pointer items-start gap-3 rounded-xl border p-4 text-sm",
                    errors.get("accept-contracts") ? "border-sale bg-sale-soft/40" : "border-line-strong",
                  )}
                >
                  <input
                    id="accept-contracts"
                    type="checkbox"
                    name="acceptContracts"
                    required
                    defaultChecked={draft.acceptContracts}
                    className="mt-0.5 size-[1.125rem] shrink-0 accent-[var(--brand)]"
                    {...describedBy("accept-contracts", errors.get("accept-contracts"))}
                  />
                  <span className="font-semibold">{t("checkout.accept")}</span>
                </label>
                {errors.get("accept-contracts") && (
                  <p id="accept-contracts-error" className="mt-1.5 font-medium text-sale text-xs">
                    {errors.get("accept-contracts")}
                  </p>
                )}
              </div>
              <FormField id="customer-note" label={t("checkout.note")} optional optionalLabel={t("myaccount.optional")} className="mt-5">
                <textarea
                  id="customer-note"
                  name="customerNote"
                  rows={2}
                  maxLength={1000}
                  defaultValue={draft.customerNote}
                  placeholder={t("checkout.notePlaceholder")}
                  className="field resize-y"
                />
              </FormField>
              <div className="mt-6 flex flex-col gap-4 border-line border-t pt-5 sm:flex-row sm:items-center sm:justify-between">
                <p className="text-sm">
                  <span className="text-muted">{t("checkout.amountDue")}</span>
                  <span className="ml-2 font-bold text-2xl tabular-nums" data-testid="amount-due">
                    {money(summary.amountDue, store.currency)}
                  </span>
                </p>
                <button
                  type="submit"
                  name="intent"
                  value="place"
                  disabled={placing}
                  className="btn btn-primary h-13 px-8 text-base shadow-card disabled:cursor-wait disabled:opacity-70 sm:min-w-64"
                >
                  {placing ? (
                    <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
                  ) : (
                    <Lock aria-hidden="true" className="size-5" />
                  )}
                  {placing ? t("checkout.placing") : t("checkout.place")}
                </button>
              </div>
            </Step>
          </div>

          <aside aria-labelledby="summary-title" className="hidden lg:sticky lg:top-24 lg:block">
            <div className="rounded-2xl border border-line bg-surface p-5 shadow-card">
              <h2 id="summary-title" className="flex items-baseline justify-between font-bold text-lg">
                {t("checkout.summary")}
                <span className="font-normal text-muted text-sm">{t("checkout.items", { count: summary.itemCount })}</span>
              </h2>
              <Summary preview={preview} busy={previewBusy} />
            </div>
            <TrustList />
          </aside>
        </div>
      </Form>
    </div>
  );
}
