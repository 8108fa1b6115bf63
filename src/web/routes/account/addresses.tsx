import clsx from "clsx";
import { Building2, House, MapPin, Pencil, Plus, RefreshCw, Save, Star, Trash2, X } from "lucide-react";
import { useRef, useState } from "react";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { AccountCard, Badge, describedBy, errorMap, FormField, useHydrated } from "../../components/account-ui.tsx";
import { Notice, noStore } from "../../components/auth-ui.tsx";
import { type AppWebContext, getApp } from "../../context.ts";
import { useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { AccountAddress, AccountWeb, FieldError } from "../../services/account.ts";
import type { Route } from "./+types/addresses";

export const headers = noStore;

/** What the form holds: strings as typed, so a refused form comes back exactly as it was sent. */
interface AddressFormValues {
  title: string;
  firstName: string;
  lastName: string;
  phone: string;
  provinceCode: string;
  district: string;
  neighbourhood: string;
  addressLine: string;
  postalCode: string;
  tckn: string;
  invoiceType: string;
  companyName: string;
  taxNumber: string;
  taxOffice: string;
  isDefault: boolean;
}

interface FormState {
  /** The address being edited; null for a new one. */
  id: string | null;
  values: AddressFormValues;
  districts: string[];
  neighbourhoods: string[];
  errors?: FieldError[];
}

function nationalPhone(e164: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

function valuesOf(address: AccountAddress): AddressFormValues {
  return {
    title: address.title,
    firstName: address.firstName,
    lastName: address.lastName,
    phone: nationalPhone(address.phone),
    provinceCode: String(address.provinceCode),
    district: address.district,
    neighbourhood: address.neighbourhood,
    addressLine: address.addressLine,
    postalCode: address.postalCode ?? "",
    tckn: address.tckn ?? "",
    invoiceType: address.invoiceType,
    companyName: address.companyName ?? "",
    taxNumber: address.taxNumber ?? "",
    taxOffice: address.taxOffice ?? "",
    isDefault: address.isDefault,
  };
}

function valuesFromForm(form: FormData): AddressFormValues {
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 400);
  return {
    title: text("title"),
    firstName: text("firstName"),
    lastName: text("lastName"),
    phone: text("phone"),
    provinceCode: text("provinceCode"),
    district: text("district"),
    neighbourhood: text("neighbourhood"),
    addressLine: text("addressLine"),
    postalCode: text("postalCode"),
    tckn: text("tckn"),
    invoiceType: text("invoiceType") === "corporate" ? "corporate" : "individual",
    companyName: text("companyName"),
    taxNumber: text("taxNumber"),
    taxOffice: text("taxOffice"),
    isDefault: form.get("isDefault") === "on",
  };
}

/** The district and neighbourhood lists for what is chosen so far. */
function listsFor(account: AccountWeb, values: AddressFormValues) {
  const code = Number(values.provinceCode);
  const districts = Number.isInteger(code) && code > 0 ? account.geo.districts(code) : [];
  const neighbourhoods = values.district && districts.includes(values.district) ? account.geo.neighbourhoods(code, values.district) : [];
  return { districts, neighbourhoods };
}

function accountOf(context: Route.LoaderArgs["context"]): { app: AppWebContext; account: AccountWeb } {
  const app = getApp(context);
  if (!app.account) throw new Response("Unauthorized", { status: 401 });
  return { app, account: app.account };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const { app, account } = accountOf(context);
  const url = new URL(request.url);
  const addresses = await account.addresses();
  let form: FormState | null = null;
  const editId = url.searchParams.get("duzenle");
  const editing = editId ? addresses.find((a) => a.id === editId) : undefined;
  if (editing) {
    const values = valuesOf(editing);
    form = { id: editing.id, values, ...listsFor(account, values) };
  } else if (url.searchParams.has("yeni")) {
    // A new address starts with the person's own name and mobile number.
    const profile = await account.profile();
    const [firstName = "", ...rest] = (app.user?.name ?? "").split(" ");
    const values: AddressFormValues = {
      title: "",
      firstName,
      lastName: rest.join(" "),
      phone: profile.phone ? nationalPhone(profile.phone) : "",
      provinceCode: "",
      district: "",
      neighbourhood: "",
      addressLine: "",
      postalCode: "",
      tckn: "",
      invoiceType: "individual",
      companyName: "",
      taxNumber: "",
      taxOffice: "",
      isDefault: addresses.length === 0,
    };
    form = { id: null, values, districts: [], neighbourhoods: [] };
  }
  const flash = (["kaydedildi", "silindi", "varsayilan"] as const).find((k) => url.searchParams.has(k)) ?? null;
  return { addresses, form, provinces: account.geo.provinces(), flash };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { account } = accountOf(context);
  const form = await request.formData();
  const intents = form.getAll("intent").map(String);
  const id = String(form.get("id") ?? "") || null;
  if (intents.includes("delete") && id) {
    await account.deleteAddress(id);
    throw redirect("/hesap/adresler?silindi=1");
  }
  if (intents.includes("default") && id) {
    await account.makeDefaultAddress(id);
    throw redirect("/hesap/adresler?varsayilan=1");
  }
  const values = valuesFromForm(form);
  // Without JavaScript the il/ilçe lists are filled by sending the form back ("refresh").
  if (intents.includes("refresh")) {
    return { form: { id, values, ...listsFor(account, values) } satisfies FormState };
  }
  const result = await account.saveAddress(id, {
    ...values,
    provinceCode: values.provinceCode,
    invoiceType: values.invoiceType,
    postalCode: values.postalCode || null,
    tckn: values.tckn || null,
  });
  if (result.ok) throw redirect("/hesap/adresler?kaydedildi=1");
  return data({ form: { id, values, ...listsFor(account, values), errors: result.errors } satisfies FormState }, { status: 422 });
}

async function fetchList(url: string): Promise<string[]> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) return [];
  return ((await response.json()) as { items: string[] }).items;
}

function AddressForm({ state, provinces }: { state: FormState; provinces: { code: number; name: string }[] }) {
  const t = useT();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { values } = state;
  const errors = errorMap(t, state.errors);
  const [provinceCode, setProvinceCode] = useState(values.provinceCode);
  const [district, setDistrict] = useState(values.district);
  const [neighbourhood, setNeighbourhood] = useState(values.neighbourhood);
  const [districts, setDistricts] = useState(state.districts);
  const [neighbourhoods, setNeighbourhoods] = useState(state.neighbourhoods);
  const [invoiceType, setInvoiceType] = useState(values.invoiceType);
  const [loading, setLoading] = useState<"districts" | "neighbourhoods" | null>(null);
  const latest = useRef("");

  async function chooseProvince(code: string) {
    setProvinceCode(code);
    setDistrict("");
    setNeighbourhood("");
    setDistricts([]);
    setNeighbourhoods([]);
    if (!code) return;
    latest.current = code;
    setLoading("districts");
    const list = await fetchList(`/api/v1/geo/provinces/${encodeURIComponent(code)}/districts`).catch(() => []);
    if (latest.current !== code) return;
    setDistricts(list);
    setLoading(null);
  }

  async function chooseDistrict(name: string) {
    setDistrict(name);
    setNeighbourhood("");
    setNeighbourhoods([]);
    if (!name) return;
    const key = `${provinceCode}/${name}`;
    latest.current = key;
    setLoading("neighbourhoods");
    const list = await fetchList(
      `/api/v1/geo/provinces/${encodeURIComponent(provinceCode)}/districts/${encodeURIComponent(name)}/neighbourhoods`,
    ).catch(() => []);
    if (latest.current !== key) return;
    setNeighbourhoods(list);
    setLoading(null);
  }

  const optional = t("myaccount.optional");
  const input = (
    name: keyof AddressFormValues,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    extra: { hint?: string; optional?: boolean; className?: string } = {},
  ) => (
    <FormField
      id={`address-${name}`}
      label={label}
      error={errors[name]}
      hint={extra.hint}
      optional={extra.optional}
      optionalLabel={optional}
      className={extra.className}
    >
      <input
        id={`address-${name}`}
        name={name}
        defaultValue={String(values[name] ?? "")}
        className="field"
        {...describedBy(`address-${name}`, errors[name], extra.hint)}
        {...props}
      />
    </FormField>
  );
  const refreshButton = !hydrated && (
    <button type="submit" name="intent" value="refresh" formNoValidate className="btn btn-secondary mt-2 h-9 px-3 text-sm">
      <RefreshCw aria-hidden="true" className="size-3.5" />
      {t("myaccount.refreshLists")}
    </button>
  );

  return (
    <AccountCard
      id="address-form"
      title={state.id ? t("myaccount.editAddress") : t("myaccount.newAddress")}
      icon={<MapPin aria-hidden="true" className="size-[1.125rem]" />}
      actions={
        <Link to="/hesap/adresler" className="btn btn-secondary h-9 px-3 text-sm" preventScrollReset>
          <X aria-hidden="true" className="size-4" />
          {t("myaccount.cancel")}
        </Link>
      }
    >
      <Form method="post" noValidate className="space-y-6" aria-busy={busy}>
        {/* The default button: Enter in a text field saves (without JavaScript too). */}
        <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only" />
        {state.id && <input type="hidden" name="id" value={state.id} />}
        {state.errors && state.errors.length > 0 && <Notice tone="error">{t("myaccount.formHasErrors")}</Notice>}

        <fieldset className="grid gap-5 sm:grid-cols-2">
          <legend className="sr-only">{t("myaccount.contactLegend")}</legend>
          {input(
            "title",
            t("myaccount.addressTitle"),
            { maxLength: 40, placeholder: t("myaccount.addressTitlePlaceholder"), required: true },
            { className: "sm:col-span-2" },
          )}
          {input("firstName", t("myaccount.firstName"), { maxLength: 60, autoComplete: "given-name", required: true })}
          {input("lastName", t("myaccount.lastName"), { maxLength: 60, autoComplete: "family-name", required: true })}
          {input(
            "phone",
            t("myaccount.mobile"),
            { type: "tel", inputMode: "tel", autoComplete: "tel", maxLength: 20, placeholder: "0532 123 45 67", required: true },
            { hint: t("myaccount.addressPhoneHint") },
          )}
          {input(
            "postalCode",
            t("myaccount.postalCode"),
            { inputMode: "numeric", autoComplete: "postal-code", maxLength: 5, pattern: "[0-9]{5}" },
            { optional: true },
          )}
        </fieldset>

        <fieldset className="grid gap-5 sm:grid-cols-3">
          <legend className="mb-3 font-semibold text-sm">{t("myaccount.locationLegend")}</legend>
          <FormField id="address-province" label={t("myaccount.province")} error={errors.provinceCode}>
            <select
              id="address-province"
              name="provinceCode"
              value={provinceCode}
              onChange={(e) => void chooseProvince(e.target.value)}
              className="field"
              required
              {...describedBy("address-province", errors.provinceCode)}
            >
              <option value="">{t("myaccount.choose")}</option>
              {provinces.map((p) => (
                <option key={p.code} value={String(p.code)}>
                  {p.name}
                </option>
              ))}
            </select>
            {refreshButton}
          </FormField>
          <FormField id="address-district" label={t("myaccount.district")} error={errors.district}>
            <select
              id="address-district"
              name="district"
              value={district}
              onChange={(e) => void chooseDistrict(e.target.value)}
              disabled={hydrated && districts.length === 0}
              className="field disabled:opacity-60"
              required
              {...describedBy("address-district", errors.district)}
            >
              <option value="">
                {loading === "districts"
                  ? t("myaccount.loading")
                  : provinceCode
                    ? t("myaccount.choose")
                    : t("myaccount.chooseProvinceFirst")}
              </option>
              {districts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            {districts.length > 0 && refreshButton}
          </FormField>
          <FormField id="address-neighbourhood" label={t("myaccount.neighbourhood")} error={errors.neighbourhood}>
            <select
              id="address-neighbourhood"
              name="neighbourhood"
              value={neighbourhood}
              onChange={(e) => setNeighbourhood(e.target.value)}
              disabled={hydrated && neighbourhoods.length === 0}
              className="field disabled:opacity-60"
              required
              {...describedBy("address-neighbourhood", errors.neighbourhood)}
            >
              <option value="">
                {loading === "neighbourhoods"
                  ? t("myaccount.loading")
                  : district
                    ? t("myaccount.choose")
                    : t("myaccount.chooseDistrictFirst")}
              </option>
              {neighbourhoods.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="address-addressLine" label={t("myaccount.addressLine")} error={errors.addressLine} className="sm:col-span-3">
            <textarea
              id="address-addressLine"
              name="addressLine"
              defaultValue={values.addressLine}
              rows={3}
              maxLength={300}
              autoComplete="street-address"
              placeholder={t("myaccount.addressLinePlaceholder")}
              className="field resize-y"
              required
              {...describedBy("address-addressLine", errors.addressLine)}
            />
          </FormField>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="mb-3 font-semibold text-sm">{t("myaccount.invoiceLegend")}</legend>
          <div className="grid gap-3 sm:grid-cols-2" role="radiogroup" aria-label={t("myaccount.invoiceLegend")}>
            {(["individual", "corporate"] as const).map((type) => (
              <label
                key={type}
                className={clsx(
                  "flex cursor-pointer items-center gap-3 rounded-xl border px-4 py-3 text-sm transition-colors",
                  invoiceType === type ? "border-brand bg-brand-soft/60" : "border-line-strong hover:border-brand",
                )}
              >
                <input
                  type="radio"
                  name="invoiceType"
                  value={type}
                  checked={invoiceType === type}
                  onChange={() => setInvoiceType(type)}
                  className="size-4 accent-[var(--brand)]"
                />
                {type === "individual" ? (
                  <House aria-hidden="true" className="size-4 text-muted" />
                ) : (
                  <Building2 aria-hidden="true" className="size-4 text-muted" />
                )}
                <span className="font-semibold">
                  {type === "individual" ? t("myaccount.invoiceIndividual") : t("myaccount.invoiceCorporate")}
                </span>
              </label>
            ))}
          </div>
          {input(
            "tckn",
            t("myaccount.tckn"),
            { inputMode: "numeric", maxLength: 11, pattern: "[0-9]{11}", autoComplete: "off" },
            { optional: true, hint: t("myaccount.tcknHint") },
          )}
          {(invoiceType === "corporate" || !hydrated) && (
            <div className="grid gap-5 rounded-xl border border-line bg-surface-2/60 p-4 sm:grid-cols-2" data-testid="corporate-fields">
              {!hydrated && <p className="text-muted text-xs sm:col-span-2">{t("myaccount.corporateOnly")}</p>}
              {input(
                "companyName",
                t("myaccount.companyName"),
                { maxLength: 200, autoComplete: "organization" },
                { className: "sm:col-span-2" },
              )}
              {input(
                "taxNumber",
                t("myaccount.taxNumber"),
                { inputMode: "numeric", maxLength: 11 },
                { hint: t("myaccount.taxNumberHint") },
              )}
              {input("taxOffice", t("myaccount.taxOffice"), { maxLength: 100 })}
            </div>
          )}
        </fieldset>

        <label className="flex cursor-pointer items-center gap-3 text-sm">
          <input type="checkbox" name="isDefault" defaultChecked={values.isDefault} className="size-[1.125rem] accent-[var(--brand)]" />
          {t("myaccount.makeDefaultCheckbox")}
        </label>

        <div className="flex flex-wrap gap-3 border-line border-t pt-5">
          <button type="submit" name="intent" value="save" className="btn btn-primary h-11" disabled={busy}>
            <Save aria-hidden="true" className="size-4" />
            {t("myaccount.saveAddress")}
          </button>
        </div>
      </Form>
    </AccountCard>
  );
}

function AddressCard({ address }: { address: AccountAddress }) {
  const t = useT();
  return (
    <article
      className={clsx("flex flex-col rounded-2xl border bg-surface p-5", address.isDefault ? "border-brand" : "border-line")}
      data-testid="address-card"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="font-bold">{address.title}</h2>
        {address.isDefault && (
          <Badge tone="brand">
            <Star aria-hidden="true" className="size-3" />
            {t("myaccount.default")}
          </Badge>
        )}
        {address.invoiceType === "corporate" && <Badge>{t("myaccount.invoiceCorporate")}</Badge>}
      </header>
      <div className="mt-3 flex-1 space-y-0.5 text-sm">
        <p className="font-semibold">
          {address.firstName} {address.lastName}
        </p>
        <p>{address.addressLine}</p>
        <p>{address.neighbourhood}</p>
        <p>
          {address.postalCode ? `${address.postalCode} ` : ""}
          {address.district} / {address.province}
        </p>
        <p className="pt-1 text-muted">{nationalPhone(address.phone)}</p>
        {address.invoiceType === "corporate" && (
          <p className="pt-1 text-muted">
            {address.companyName} · {t("myaccount.taxShort", { office: address.taxOffice ?? "", number: address.taxNumber ?? "" })}
          </p>
        )}
      </div>
      <footer className="mt-4 flex flex-wrap items-center gap-2 border-line border-t pt-4">
        <Link
          to={`/hesap/adresler?duzenle=${address.id}`}
          className="btn btn-secondary h-9 px-3 text-sm"
          aria-label={`${t("myaccount.edit")}: ${address.title}`}
        >
          <Pencil aria-hidden="true" className="size-3.5" />
          {t("myaccount.edit")}
        </Link>
        {!address.isDefault && (
          <Form method="post">
            <input type="hidden" name="id" value={address.id} />
            <button type="submit" name="intent" value="default" className="btn h-9 px-3 text-brand text-sm hover:bg-brand-soft">
              <Star aria-hidden="true" className="size-3.5" />
              {t("myaccount.makeDefault")}
            </button>
          </Form>
        )}
        <Form
          method="post"
          className="ml-auto"
          onSubmit={(event) => {
            if (!window.confirm(t("myaccount.deleteConfirm", { title: address.title }))) event.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={address.id} />
          <button
            type="submit"
            name="intent"
            value="delete"
            className="btn h-9 px-3 text-sale text-sm hover:bg-sale-soft"
            aria-label={`${t("myaccount.delete")}: ${address.title}`}
          >
            <Trash2 aria-hidden="true" className="size-3.5" />
            {t("myaccount.delete")}
          </button>
        </Form>
      </footer>
    </article>
  );
}

export default function AddressesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const { addresses, provinces, flash } = loaderData;
  const form = (actionData as { form?: FormState } | undefined)?.form ?? loaderData.form;
  const formKey = form ? `${form.id ?? "new"}:${JSON.stringify(form.values)}:${form.errors?.length ?? 0}` : "none";
  return (
    <div className="space-y-6">
      <Seo title={`${t("myaccount.addressesTitle")} | ${store.name}`} noindex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-bold text-2xl tracking-tight">{t("myaccount.addressesTitle")}</h1>
          <p className="mt-1 text-muted text-sm">{t("myaccount.addressesSubtitle")}</p>
        </div>
        {!form && addresses.length > 0 && (
          <Link to="/hesap/adresler?yeni=1" className="btn btn-primary h-11">
            <Plus aria-hidden="true" className="size-4" />
            {t("myaccount.addAddress")}
          </Link>
        )}
      </div>
      {flash === "kaydedildi" && <Notice tone="success">{t("myaccount.addressSaved")}</Notice>}
      {flash === "silindi" && <Notice tone="success">{t("myaccount.addressDeleted")}</Notice>}
      {flash === "varsayilan" && <Notice tone="success">{t("myaccount.addressDefaulted")}</Notice>}
      {form && <AddressForm key={formKey} state={form} provinces={provinces} />}
      {addresses.length > 0 ? (
        <div className="grid gap-4 md:grid-cols-2">
          {addresses.map((a) => (
            <AddressCard key={a.id} address={a} />
          ))}
        </div>
      ) : (
        !form && (
          <div className="rounded-2xl border border-line border-dashed bg-surface px-6 py-12 text-center">
            <MapPin aria-hidden="true" className="mx-auto size-8 text-muted" />
            <p className="mt-3 font-semibold">{t("myaccount.noAddresses")}</p>
            <Link to="/hesap/adresler?yeni=1" className="btn btn-primary mt-5 h-11">
              <Plus aria-hidden="true" className="size-4" />
              {t("myaccount.addAddress")}
            </Link>
          </div>
        )
      )}
    </div>
  );
}
