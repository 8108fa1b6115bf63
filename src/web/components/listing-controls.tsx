import clsx from "clsx";
import { ArrowDownUp, Check } from "lucide-react";
import { Form, Link, useSubmit } from "react-router";
import { useT } from "../i18n/index.ts";
import { SORTS } from "../lib/listing.ts";

/**
 * Result count, filter chips and the sort select of a listing page. A plain GET form: it works
 * without JavaScript (the Apply button), and with JavaScript the select applies on change.
 */
export function ListingControls({
  total,
  sortValue,
  inStock,
  discounted,
  search,
  pathname,
  hidden = {},
}: {
  total: number;
  sortValue: string;
  inStock: boolean;
  discounted: boolean;
  search: string;
  pathname: string;
  /** Extra parameters to keep (e.g. the search text). */
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const submit = useSubmit();
  const toggleHref = (name: string, on: boolean) => {
    const params = new URLSearchParams(search);
    params.delete("sayfa");
    if (on) params.delete(name);
    else params.set(name, "1");
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const chip = (label: string, name: string, on: boolean) => (
    <Link
      to={toggleHref(name, on)}
      aria-current={on ? "true" : undefined}
      preventScrollReset
      className={clsx(
        "inline-flex h-9 shrink-0 items-center gap-1.5 rounded-full border px-3.5 font-medium text-sm transition-colors",
        on ? "border-brand bg-brand-soft text-on-brand-soft" : "border-line-strong bg-surface text-fg hover:border-brand hover:text-brand",
      )}
    >
      {on && <Check aria-hidden="true" className="size-4" />}
      {label}
    </Link>
  );
  return (
    <div className="flex flex-col gap-3 border-line border-b pb-4 md:flex-row md:items-center md:justify-between">
      <div className="flex items-center gap-2">
        <p className="mr-2 hidden shrink-0 text-muted text-sm md:block">{t("listing.products", { count: total })}</p>
        <div className="no-scrollbar -mx-4 flex gap-2 overflow-x-auto px-4 sm:mx-0 sm:px-0">
          {chip(t("listing.inStockOnly"), "stokta", inStock)}
          {chip(t("listing.discountedOnly"), "indirimli", discounted)}
        </div>
      </div>
      <div className="flex items-center justify-between gap-3">
        <p className="text-muted text-sm md:hidden">{t("listing.products", { count: total })}</p>
        <Form method="get" action={pathname} preventScrollReset className="flex items-center gap-2">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {inStock && <input type="hidden" name="stokta" value="1" />}
          {discounted && <input type="hidden" name="indirimli" value="1" />}
          <label htmlFor="sort" className="flex items-center gap-1.5 font-medium text-muted text-sm">
            <ArrowDownUp aria-hidden="true" className="size-4" />
            <span className="sr-only sm:not-sr-only">{t("listing.sort")}</span>
          </label>
          <select
            id="sort"
            name="sirala"
            defaultValue={sortValue}
            key={sortValue}
            onChange={(event) => submit(event.currentTarget.form, { preventScrollReset: true })}
            className="h-9 rounded-lg border border-line-strong bg-surface py-0 pr-8 pl-3 font-medium text-fg text-sm"
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {t(s.label)}
              </option>
            ))}
          </select>
          <noscript>
            <button type="submit" className="btn btn-secondary h-9 py-0">
              {t("listing.apply")}
            </button>
          </noscript>
        </Form>
      </div>
    </div>
  );
}
