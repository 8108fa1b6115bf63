import clsx from "clsx";
import { Plus, Trash2, Wand2 } from "lucide-react";
import { useId } from "react";
import { useT } from "../../i18n/index.ts";
import { Notice } from "../notice.tsx";
import { ChipsInput, describedBy, Field, MoneyInput } from "./fields.tsx";
import {
  combinations,
  emptyVariant,
  generateVariants,
  MAX_OPTIONS,
  MAX_VARIANTS,
  type VariantDraft,
  variantLabel,
} from "./product-form.ts";

export interface MediaChoice {
  index: number;
  label: string;
  thumb: string | null;
}

type Option = { name: string; values: string[] };

const cell = "field h-10 px-2.5 text-sm";

/** Options (name + values as chips), "generate variants", and the variant table (or one variant's fields). */
export function VariantsEditor({
  options,
  variants,
  onOptions,
  onVariants,
  errors,
  media,
}: {
  options: Option[];
  variants: VariantDraft[];
  onOptions: (options: Option[]) => void;
  onVariants: (variants: VariantDraft[]) => void;
  errors: Record<string, string>;
  media: MediaChoice[];
}) {
  const t = useT();
  const uid = useId();
  const usable = options.filter((o) => o.name.trim() && o.values.length > 0);
  const wanted = combinations(usable);
  const rowsKey = variants
    .map((v) => JSON.stringify(usable.map((o) => v.options[o.name] ?? "")))
    .sort()
    .join("|");
  const wantedKey = wanted
    .map((c) => JSON.stringify(usable.map((o) => c[o.name] ?? "")))
    .sort()
    .join("|");
  const stale = usable.length > 0 && rowsKey !== wantedKey;
  const tooMany = wanted.length > MAX_VARIANTS;

  const setOption = (i: number, patch: Partial<Option>) => onOptions(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const setVariant = (i: number, patch: Partial<VariantDraft>) => onVariants(variants.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const generalError = errors.options ?? errors.variants ?? errors["variants.sku"];

  return (
    <div className="space-y-5">
      {/* options */}
      <div className="space-y-3">
        {options.map((option, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: options have no identity of their own and their inputs are controlled
            key={`${uid}-${i}`}
            className="grid gap-3 rounded-xl border border-line bg-surface-2/40 p-3 sm:grid-cols-[12rem_minmax(0,1fr)_auto]"
          >
            <Field id={`${uid}-opt-${i}`} label={t("catalogadmin.variants.optionName")} error={errors[`options.${i}.name`]}>
              <input
                id={`${uid}-opt-${i}`}
                name={`options[${i}].name`}
                value={option.name}
                placeholder={t("catalogadmin.variants.optionNamePlaceholder")}
                maxLength={40}
                onChange={(e) => setOption(i, { name: e.target.value })}
                {...describedBy(`${uid}-opt-${i}`, errors[`options.${i}.name`])}
                className="field h-11"
              />
            </Field>
            <Field id={`${uid}-vals-${i}`} label={t("catalogadmin.variants.optionValues")} error={errors[`options.${i}.values`]}>
              <ChipsInput
                id={`${uid}-vals-${i}`}
                name={`options[${i}].values`}
                draftName={`options[${i}].valuesDraft`}
                values={option.values}
                onChange={(values) => setOption(i, { values })}
                placeholder={t("catalogadmin.variants.optionValuesPlaceholder")}
                label={t("catalogadmin.variants.optionValues")}
                error={errors[`options.${i}.values`]}
              />
            </Field>
            <div className="flex items-start sm:pt-7">
              <button
                type="button"
                onClick={() => onOptions(options.filter((_, j) => j !== i))}
                className="btn btn-secondary h-11 px-3"
                title={t("catalogadmin.variants.removeOption")}
              >
                <Trash2 aria-hidden="true" className="size-4" />
                <span className="sr-only sm:not-sr-only sm:hidden">{t("catalogadmin.variants.removeOption")}</span>
              </button>
            </div>
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          {options.length < MAX_OPTIONS && (
            <button
              type="button"
              onClick={() => onOptions([...options, { name: "", values: [] }])}
              className="btn btn-secondary h-10 text-sm"
            >
              <Plus aria-hidden="true" className="size-4" />
              {options.length === 0 ? t("catalogadmin.variants.addFirstOption") : t("catalogadmin.variants.addOption")}
            </button>
          )}
          {usable.length > 0 && (
            <button
              type="button"
              disabled={tooMany}
              onClick={() => onVariants(generateVariants(options, variants))}
              className={clsx("btn h-10 text-sm disabled:opacity-50", stale ? "btn-primary" : "btn-secondary")}
              data-testid="generate-variants"
            >
              <Wand2 aria-hidden="true" className="size-4" />
              {t("catalogadmin.variants.generate", { count: Math.min(wanted.length, MAX_VARIANTS) })}
            </button>
          )}
        </div>
        {stale && !tooMany && <Notice tone="info">{t("catalogadmin.variants.stale")}</Notice>}
        {tooMany && <Notice tone="error">{t("catalogadmin.variants.tooMany", { max: MAX_VARIANTS })}</Notice>}
        {generalError && <Notice tone="error">{generalError}</Notice>}
      </div>

      {/* variants */}
      {usable.length === 0 && variants.length <= 1 ? (
        <SingleVariant variant={variants[0] ?? emptyVariant()} onChange={(patch) => setVariant(0, patch)} errors={errors} media={media} />
      ) : (
        <div className="relative -mx-5 overflow-x-auto border-line border-y sm:-mx-6">
          <table className="w-full min-w-[60rem] text-left text-sm" data-testid="variant-table">
            <caption className="sr-only">{t("catalogadmin.variants.table")}</caption>
            <thead className="bg-surface-2 text-muted text-xs uppercase tracking-wider">
              <tr>
                <th scope="col" className="w-24 px-3 py-2.5 pl-5 font-semibold sm:pl-6">
                  {t("catalogadmin.variants.variant")}
                </th>
                <th scope="col" className="min-w-28 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.sku")}
                </th>
                <th scope="col" className="min-w-32 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.barcode")}
                </th>
                <th scope="col" className="w-32 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.price")}
                </th>
                <th scope="col" className="w-32 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.compareAt")}
                </th>
                <th scope="col" className="w-20 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.stock")}
                </th>
                <th scope="col" className="w-20 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.weight")}
                </th>
                <th scope="col" className="w-20 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.desi")}
                </th>
                <th scope="col" className="w-28 px-1.5 py-2.5 font-semibold">
                  {t("catalogadmin.variants.image")}
                </th>
                <th scope="col" className="w-14 px-1.5 py-2.5 pr-5 sm:pr-6">
                  <span className="sr-only">{t("catalogadmin.variants.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {variants.map((v, i) => {
                const label = variantLabel(usable, v.options) || t("catalogadmin.variants.unnamed", { n: i + 1 });
                const err = (f: string) => errors[`variants.${i}.${f}`];
                const optionError =
                  errors[`variants.${i}.options`] ?? Object.entries(errors).find(([k]) => k.startsWith(`variants.${i}.options.`))?.[1];
                const id = (f: string) => `${uid}-v${i}-${f}`;
                return (
                  <tr key={v.key} className="align-top">
                    <th scope="row" className="px-3 py-2 pl-5 font-semibold sm:pl-6">
                      <input type="hidden" name={`variants[${i}].key`} value={v.key} />
                      {v.id && <input type="hidden" name={`variants[${i}].id`} value={v.id} />}
                      <input type="hidden" name={`variants[${i}].options`} value={JSON.stringify(v.options)} />
                      <span className="flex min-h-10 items-center">{label}</span>
                      {optionError && <span className="block font-medium text-sale text-xs">{optionError}</span>}
                    </th>
                    <td className="px-1.5 py-2">
                      <input
                        id={id("sku")}
                        name={`variants[${i}].sku`}
                        value={v.sku}
                        maxLength={64}
                        aria-label={`${label}: ${t("catalogadmin.variants.sku")}`}
                        onChange={(e) => setVariant(i, { sku: e.target.value })}
                        {...describedBy(id("sku"), err("sku"))}
                        className={clsx(cell, err("sku") && "border-sale")}
                      />
                      <CellError id={id("sku")} error={err("sku")} />
                    </td>
                    <td className="px-1.5 py-2">
                      <input
                        id={id("barcode")}
                        name={`variants[${i}].barcode`}
                        value={v.barcode}
                        inputMode="numeric"
                        maxLength={14}
                        aria-label={`${label}: ${t("catalogadmin.variants.barcode")}`}
                        onChange={(e) => setVariant(i, { barcode: e.target.value })}
                        {...describedBy(id("barcode"), err("barcode"))}
                        className={clsx(cell, "tabular-nums", err("barcode") && "border-sale")}
                      />
                      <CellError id={id("barcode")} error={err("barcode")} />
                    </td>
                    <td className="px-1.5 py-2">
                      <MoneyInput
                        id={id("price")}
                        name={`variants[${i}].price`}
                        value={v.price}
                        label={`${label}: ${t("catalogadmin.variants.price")}`}
                        onChange={(price) => setVariant(i, { price })}
                        error={err("price")}
                        compact
                      />
                      <CellError id={id("price")} error={err("price")} />
                    </td>
                    <td className="px-1.5 py-2">
                      <MoneyInput
                        id={id("compareAtPrice")}
                        name={`variants[${i}].compareAtPrice`}
                        value={v.compareAtPrice}
                        placeholder=""
                        label={`${label}: ${t("catalogadmin.variants.compareAt")}`}
                        onChange={(compareAtPrice) => setVariant(i, { compareAtPrice })}
                        error={err("compareAtPrice")}
                        compact
                      />
                      <CellError id={id("compareAtPrice")} error={err("compareAtPrice")} />
                    </td>
                    <td className="px-1.5 py-2">
                      <NumberCell
                        id={id("stock")}
                        name={`variants[${i}].stock`}
                        value={v.stock}
                        label={`${label}: ${t("catalogadmin.variants.stock")}`}
                        onChange={(stock) => setVariant(i, { stock })}
                        error={err("stock")}
                      />
                    </td>
                    <td className="px-1.5 py-2">
                      <NumberCell
                        id={id("weightGrams")}
                        name={`variants[${i}].weightGrams`}
                        value={v.weightGrams}
                        label={`${label}: ${t("catalogadmin.variants.weight")}`}
                        onChange={(weightGrams) => setVariant(i, { weightGrams })}
                        error={err("weightGrams")}
                      />
                    </td>
                    <td className="px-1.5 py-2">
                      <NumberCell
                        id={id("desi")}
                        name={`variants[${i}].desi`}
                        value={v.desi}
                        decimal
                        label={`${label}: ${t("catalogadmin.variants.desi")}`}
                        onChange={(desi) => setVariant(i, { desi })}
                        error={err("desi")}
                      />
                    </td>
                    <td className="px-1.5 py-2">
                      <ImageCell
                        id={id("mediaIndex")}
                        name={`variants[${i}].mediaIndex`}
                        value={v.mediaIndex}
                        media={media}
                        label={`${label}: ${t("catalogadmin.variants.image")}`}
                        onChange={(mediaIndex) => setVariant(i, { mediaIndex })}
                        error={err("mediaIndex")}
                      />
                    </td>
                    <td className="px-1.5 py-2 pr-5 sm:pr-6">
                      <button
                        type="button"
                        disabled={variants.length <= 1}
                        onClick={() => onVariants(variants.filter((_, j) => j !== i))}
                        className="inline-flex size-10 items-center justify-center rounded-lg text-muted hover:bg-sale-soft hover:text-sale disabled:opacity-40"
                        title={t("catalogadmin.variants.remove")}
                      >
                        <Trash2 aria-hidden="true" className="size-4" />
                        <span className="sr-only">
                          {t("catalogadmin.variants.remove")}: {label}
                        </span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CellError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="mt-1 block font-medium text-sale text-xs">
      {error}
    </span>
  );
}

function NumberCell({
  id,
  name,
  value,
  label,
  onChange,
  error,
  decimal,
}: {
  id: string;
  name: string;
  value: string;
  label: string;
  onChange: (value: string) => void;
  error?: string;
  decimal?: boolean;
}) {
  return (
    <>
      <input
        id={id}
        name={name}
        value={value}
        inputMode={decimal ? "decimal" : "numeric"}
        autoComplete="off"
        aria-label={label}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(id, error)}
        className={clsx(cell, "text-right tabular-nums", error && "border-sale")}
      />
      <CellError id={id} error={error} />
    </>
  );
}

function ImageCell({
  id,
  name,
  value,
  media,
  label,
  onChange,
  error,
}: {
  id: string;
  name: string;
  value: string;
  media: MediaChoice[];
  label: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const t = useT();
  const chosen = media.find((m) => String(m.index) === value);
  return (
    <>
      <div className="flex items-center gap-1.5">
        {chosen?.thumb ? (
          <img src={chosen.thumb} alt="" width={32} height={32} className="size-8 shrink-0 rounded-md border border-line object-cover" />
        ) : null}
        <select
          id={id}
          name={name}
          value={value}
          aria-label={label}
          onChange={(e) => onChange(e.target.value)}
          {...describedBy(id, error)}
          className={clsx(cell, "min-w-0 pr-6", error && "border-sale")}
        >
          <option value="">{t("catalogadmin.variants.noImage")}</option>
          {media.map((m) => (
            <option key={m.index} value={String(m.index)}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <CellError id={id} error={error} />
    </>
  );
}

/** A product without options: its one variant's fields as a form grid. */
function SingleVariant({
  variant,
  onChange,
  errors,
  media,
}: {
  variant: VariantDraft;
  onChange: (patch: Partial<VariantDraft>) => void;
  errors: Record<string, string>;
  media: MediaChoice[];
}) {
  const t = useT();
  const uid = useId();
  const err = (f: string) => errors[`variants.0.${f}`];
  const id = (f: string) => `${uid}-${f}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <input type="hidden" name="variants[0].key" value={variant.key} />
      {variant.id && <input type="hidden" name="variants[0].id" value={variant.id} />}
      <input type="hidden" name="variants[0].options" value="{}" />
      <Field id={id("price")} label={t("catalogadmin.variants.priceLong")} error={err("price")}>
        <MoneyInput
          id={id("price")}
          name="variants[0].price"
          value={variant.price}
          onChange={(price) => onChange({ price })}
          error={err("price")}
        />
      </Field>
      <Field
        id={id("compareAtPrice")}
        label={t("catalogadmin.variants.compareAtLong")}
        error={err("compareAtPrice")}
        hint={t("catalogadmin.variants.compareAtHint")}
      >
        <MoneyInput
          id={id("compareAtPrice")}
          name="variants[0].compareAtPrice"
          value={variant.compareAtPrice}
          placeholder=""
          onChange={(compareAtPrice) => onChange({ compareAtPrice })}
          error={err("compareAtPrice")}
        />
      </Field>
      <Field id={id("stock")} label={t("catalogadmin.variants.stock")} error={err("stock")}>
        <input
          id={id("stock")}
          name="variants[0].stock"
          value={variant.stock}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => onChange({ stock: e.target.value })}
          {...describedBy(id("stock"), err("stock"))}
          className="field h-10 text-right tabular-nums"
        />
      </Field>
      <Field id={id("mediaIndex")} label={t("catalogadmin.variants.image")} error={err("mediaIndex")}>
        <select
          id={id("mediaIndex")}
          name="variants[0].mediaIndex"
          value={variant.mediaIndex}
          onChange={(e) => onChange({ mediaIndex: e.target.value })}
          className="field h-10 py-0 pr-8 text-sm"
        >
          <option value="">{t("catalogadmin.variants.firstImage")}</option>
          {media.map((m) => (
            <option key={m.index} value={String(m.index)}>
              {m.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id("sku")} label={t("catalogadmin.variants.skuLong")} error={err("sku") ?? errors["variants.sku"]}>
        <input
          id={id("sku")}
          name="variants[0].sku"
          value={variant.sku}
          maxLength={64}
          autoComplete="off"
          onChange={(e) => onChange({ sku: e.target.value })}
          {...describedBy(id("sku"), err("sku") ?? errors["variants.sku"])}
          className="field h-10"
        />
      </Field>
      <Field id={id("barcode")} label={t("catalogadmin.variants.barcodeLong")} error={err("barcode")}>
        <input
          id={id("barcode")}
          name="variants[0].barcode"
          value={variant.barcode}
          inputMode="numeric"
          maxLength={14}
          autoComplete="off"
          onChange={(e) => onChange({ barcode: e.target.value })}
          {...describedBy(id("barcode"), err("barcode"))}
          className="field h-10 tabular-nums"
        />
      </Field>
      <Field id={id("weightGrams")} label={t("catalogadmin.variants.weightLong")} error={err("weightGrams")}>
        <input
          id={id("weightGrams")}
          name="variants[0].weightGrams"
          value={variant.weightGrams}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => onChange({ weightGrams: e.target.value })}
          {...describedBy(id("weightGrams"), err("weightGrams"))}
          className="field h-10 text-right tabular-nums"
        />
      </Field>
      <Field id={id("desi")} label={t("catalogadmin.variants.desiLong")} error={err("desi")} hint={t("catalogadmin.variants.desiHint")}>
        <input
          id={id("desi")}
          name="variants[0].desi"
          value={variant.desi}
          inputMode="decimal"
          autoComplete="off"
          onChange={(e) => onChange({ desi: e.target.value })}
          {...describedBy(id("desi"), err("desi"), true)}
          className="field h-10 text-right tabular-nums"
        />
      </Field>
    </div>
  );
}
