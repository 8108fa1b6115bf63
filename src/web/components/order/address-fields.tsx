// The Turkish address fields of checkout: name, mobile, il → ilçe → mahalle selects (filled from
// /api/v1/geo like the account's address book; without JavaScript by sending the form back with
// intent "refresh"), street line and postal code. Field names are `<prefix>.<field>`.

import { RefreshCw } from "lucide-react";
import { useRef, useState } from "react";
import { useT } from "../../i18n/index.ts";
import type { CheckoutAddress, Province } from "../../services/checkout.ts";
import { describedBy, FormField } from "../account-ui.tsx";

async function fetchList(url: string): Promise<string[]> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) return [];
  return ((await response.json()) as { items: string[] }).items;
}

export interface AddressLists {
  districts: string[];
  neighbourhoods: string[];
}

export function AddressFields({
  prefix,
  values,
  errors,
  provinces,
  lists,
  hydrated,
  disabled = false,
}: {
  prefix: "ship" | "bill";
  values: CheckoutAddress;
  /** Messages by field (`phone`, `provinceCode`…). */
  errors: Record<string, string>;
  provinces: Province[];
  lists: AddressLists;
  hydrated: boolean;
  /** Left out of the form (another address is used): the fields are not sent. */
  disabled?: boolean;
}) {
  const t = useT();
  const [provinceCode, setProvinceCode] = useState(values.provinceCode);
  const [district, setDistrict] = useState(values.district);
  const [neighbourhood, setNeighbourhood] = useState(values.neighbourhood);
  const [districts, setDistricts] = useState(lists.districts);
  const [neighbourhoods, setNeighbourhoods] = useState(lists.neighbourhoods);
  const [loading, setLoading] = useState<"districts" | "neighbourhoods" | null>(null);
  const latest = useRef("");
  const id = (field: string) => `${prefix}-${field}`;
  const name = (field: string) => `${prefix}.${field}`;

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

  async function chooseDistrict(value: string) {
    setDistrict(value);
    setNeighbourhood("");
    setNeighbourhoods([]);
    if (!value) return;
    const key = `${provinceCode}/${value}`;
    latest.current = key;
    setLoading("neighbourhoods");
    const list = await fetchList(
      `/api/v1/geo/provinces/${encodeURIComponent(provinceCode)}/districts/${encodeURIComponent(value)}/neighbourhoods`,
    ).catch(() => []);
    if (latest.current !== key) return;
    setNeighbourhoods(list);
    setLoading(null);
  }

  const text = (
    field: keyof CheckoutAddress,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    extra: { hint?: string; optional?: boolean; className?: string } = {},
  ) => (
    <FormField
      id={id(field)}
      label={label}
      error={errors[field]}
      hint={extra.hint}
      optional={extra.optional}
      optionalLabel={t("myaccount.optional")}
      className={extra.className}
    >
      <input
        id={id(field)}
        name={name(field)}
        defaultValue={values[field]}
        className="field"
        disabled={disabled}
        {...describedBy(id(field), errors[field], extra.hint)}
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
  const autocomplete = prefix === "ship" ? "shipping" : "billing";

  return (
    <div className="grid gap-x-4 gap-y-5 sm:grid-cols-2">
      <div className="grid grid-cols-2 gap-3 sm:col-span-2 sm:gap-4">
        {text("firstName", t("myaccount.firstName"), { maxLength: 60, autoComplete: `${autocomplete} given-name`, required: true })}
        {text("lastName", t("myaccount.lastName"), { maxLength: 60, autoComplete: `${autocomplete} family-name`, required: true })}
      </div>
      {text(
        "phone",
        t("myaccount.mobile"),
        {
          type: "tel",
          inputMode: "tel",
          autoComplete: `${autocomplete} tel`,
          maxLength: 20,
          placeholder: "0532 123 45 67",
          required: true,
        },
        { hint: t("myaccount.addressPhoneHint"), className: "sm:col-span-2" },
      )}
      <div className="grid gap-x-4 gap-y-5 sm:col-span-2 sm:grid-cols-3">
        <FormField id={id("provinceCode")} label={t("myaccount.province")} error={errors.provinceCode}>
          <select
            id={id("provinceCode")}
            name={name("provinceCode")}
            value={provinceCode}
            onChange={(e) => void chooseProvince(e.target.value)}
            className="field"
            required
            disabled={disabled}
            autoComplete={`${autocomplete} address-level1`}
            {...describedBy(id("provinceCode"), errors.provinceCode)}
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
        <FormField id={id("district")} label={t("myaccount.district")} error={errors.district}>
          <select
            id={id("district")}
            name={name("district")}
            value={district}
            onChange={(e) => void chooseDistrict(e.target.value)}
            disabled={disabled || (hydrated && districts.length === 0)}
            className="field disabled:opacity-60"
            required
            {...describedBy(id("district"), errors.district)}
          >
            <option value="">
              {loading === "districts" ? t("myaccount.loading") : provinceCode ? t("myaccount.choose") : t("myaccount.chooseProvinceFirst")}
            </option>
            {districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          {districts.length > 0 && refreshButton}
        </FormField>
        <FormField id={id("neighbourhood")} label={t("myaccount.neighbourhood")} error={errors.neighbourhood}>
          <select
            id={id("neighbourhood")}
            name={name("neighbourhood")}
            value={neighbourhood}
            onChange={(e) => setNeighbourhood(e.target.value)}
            disabled={disabled || (hydrated && neighbourhoods.length === 0)}
            className="field disabled:opacity-60"
            required
            {...describedBy(id("neighbourhood"), errors.neighbourhood)}
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
      </div>
      <FormField id={id("addressLine")} label={t("myaccount.addressLine")} error={errors.addressLine} className="sm:col-span-2">
        <textarea
          id={id("addressLine")}
          name={name("addressLine")}
          defaultValue={values.addressLine}
          rows={2}
          maxLength={300}
          autoComplete={`${autocomplete} street-address`}
          placeholder={t("myaccount.addressLinePlaceholder")}
          className="field resize-y"
          required
          disabled={disabled}
          {...describedBy(id("addressLine"), errors.addressLine)}
        />
      </FormField>
      {text(
        "postalCode",
        t("myaccount.postalCode"),
        { inputMode: "numeric", autoComplete: `${autocomplete} postal-code`, maxLength: 5, pattern: "[0-9]{5}" },
        { optional: true },
      )}
    </div>
  );
}
