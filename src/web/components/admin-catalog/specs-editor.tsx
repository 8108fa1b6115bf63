import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { useT } from "../../i18n/index.ts";

type Spec = { name: string; value: string; facet: boolean };

const MAX_SPECS = 60;

/** Specification rows (name, value, "filter" checkbox): what the product page lists and listings filter by. */
export function SpecsEditor({
  specs,
  onChange,
  errors,
}: {
  specs: Spec[];
  onChange: (specs: Spec[]) => void;
  errors: Record<string, string>;
}) {
  const t = useT();
  const uid = useId();
  const set = (i: number, patch: Partial<Spec>) => onChange(specs.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, to: number) => {
    const next = [...specs];
    const [row] = next.splice(i, 1);
    if (row) next.splice(to, 0, row);
    onChange(next);
  };
  return (
    <div>
      {specs.length > 0 && (
        <div className="mb-3 hidden grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_6rem_7.5rem] gap-2 px-1 font-semibold text-muted text-xs uppercase tracking-wider sm:grid">
          <span>{t("catalogadmin.specs.name")}</span>
          <span>{t("catalogadmin.specs.value")}</span>
          <span>{t("catalogadmin.specs.facet")}</span>
          <span className="sr-only">{t("catalogadmin.specs.actions")}</span>
        </div>
      )}
      <ol className="space-y-3 sm:space-y-2">
        {specs.map((spec, i) => {
          const nameError = errors[`specs.${i}.name`];
          const valueError = errors[`specs.${i}.value`];
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own and every input is controlled
              key={`${uid}-${i}`}
              className="grid grid-cols-2 gap-2 rounded-xl border border-line p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_6rem_7.5rem] sm:items-start sm:border-0 sm:p-0"
            >
              <div>
                <input
                  name={`specs[${i}].name`}
                  value={spec.name}
                  maxLength={60}
                  placeholder={t("catalogadmin.specs.namePlaceholder")}
                  aria-label={t("catalogadmin.specs.nameOf", { n: i + 1 })}
                  aria-invalid={nameError ? true : undefined}
                  onChange={(e) => set(i, { name: e.target.value })}
                  className="field h-10 text-sm"
                />
                {nameError && <span className="mt-1 block font-medium text-sale text-xs">{nameError}</span>}
              </div>
              <div>
                <input
                  name={`specs[${i}].value`}
                  value={spec.value}
                  maxLength={300}
                  placeholder={t("catalogadmin.specs.valuePlaceholder")}
                  aria-label={t("catalogadmin.specs.valueOf", { n: i + 1 })}
                  aria-invalid={valueError ? true : undefined}
                  onChange={(e) => set(i, { value: e.target.value })}
                  className="field h-10 text-sm"
                />
                {valueError && <span className="mt-1 block font-medium text-sale text-xs">{valueError}</span>}
              </div>
              <label className="flex h-10 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`specs[${i}].facet`}
                  checked={spec.facet}
                  onChange={(e) => set(i, { facet: e.target.checked })}
                  className="size-4 accent-[var(--brand)]"
                />
                <span className="sm:sr-only">{t("catalogadmin.specs.facet")}</span>
                <span className="sr-only sm:not-sr-only sm:hidden">{spec.name}</span>
              </label>
              <div className="flex justify-end gap-0.5">
                <IconButton label={t("catalogadmin.moveUp")} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  <ArrowUp aria-hidden="true" className="size-4" />
                </IconButton>
                <IconButton label={t("catalogadmin.moveDown")} disabled={i === specs.length - 1} onClick={() => move(i, i + 1)}>
                  <ArrowDown aria-hidden="true" className="size-4" />
                </IconButton>
                <IconButton label={t("catalogadmin.specs.remove")} danger onClick={() => onChange(specs.filter((_, j) => j !== i))}>
                  <Trash2 aria-hidden="true" className="size-4" />
                </IconButton>
              </div>
            </li>
          );
        })}
      </ol>
      {specs.length < MAX_SPECS && (
        <button
          type="button"
          onClick={() => onChange([...specs, { name: "", value: "", facet: false }])}
          className="btn btn-secondary mt-3 h-10 text-sm"
        >
          <Plus aria-hidden="true" className="size-4" />
          {t("catalogadmin.specs.add")}
        </button>
      )}
      {/* without JavaScript: one empty row to fill in */}
      <noscript>
        <div className="mt-3 grid grid-cols-2 gap-2">
          <input
            name={`specs[${specs.length}].name`}
            placeholder={t("catalogadmin.specs.namePlaceholder")}
            className="field h-10 text-sm"
          />
          <input
            name={`specs[${specs.length}].value`}
            placeholder={t("catalogadmin.specs.valuePlaceholder")}
            className="field h-10 text-sm"
          />
        </div>
      </noscript>
    </div>
  );
}

export function IconButton({
  label,
  onClick,
  disabled,
  danger,
  children,
  type = "button",
  name,
  value,
}: {
  label: string;
  onClick?: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: React.ReactNode;
  type?: "button" | "submit";
  name?: string;
  value?: string;
}) {
  return (
    <button
      type={type}
      name={name}
      value={value}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={
        danger
          ? "inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-sale-soft hover:text-sale disabled:opacity-40"
          : "inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg disabled:opacity-40 disabled:hover:bg-transparent"
      }
    >
      {children}
      <span className="sr-only">{label}</span>
    </button>
  );
}
