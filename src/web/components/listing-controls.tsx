import clsx from "clsx";
import { ArrowDownUp, Check, ChevronDown, SlidersHorizontal, X } from "lucide-react";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { Form, Link, useNavigate } from "react-router";
import type { Facets, ProductPage } from "../../modules/catalog/types.ts";
import { useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";
import {
  clearedFilters,
  formatLira,
  hasFilters,
  type ListingState,
  listingSearch,
  PARAM,
  pageCount,
  parseListingState,
  sortsFor,
  toggled,
  withChange,
} from "../lib/listing.ts";
import { Drawer } from "./drawer.tsx";
import { Pagination } from "./pagination.tsx";
import { ProductCard } from "./product-card.tsx";

/** Card widths beside the facet sidebar (3 columns from lg, 4 from xl). */
const LISTING_IMAGE_SIZES = "(min-width: 1280px) 232px, (min-width: 1024px) 30vw, (min-width: 768px) 25vw, (min-width: 640px) 33vw, 50vw";

/** Values of a facet shown before "show all". */
const VISIBLE_VALUES = 6;

const hrefOf = (pathname: string, state: ListingState) => `${pathname}${listingSearch(state)}`;

/** Turns a submitted listing form into its canonical URL (drops empty inputs, resets the page). */
function useCanonicalSubmit(pathname: string) {
  const navigate = useNavigate();
  return (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    navigate(hrefOf(pathname, parseListingState(params)), { preventScrollReset: true });
  };
}

/** True after hydration: before it (and without JavaScript) controls fall back to plain HTML. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Hidden inputs that carry the parts of the state a form does not edit itself. */
function StateInputs({ state, omit }: { state: ListingState; omit: ("filters" | "sort")[] }) {
  const keepFilters = !omit.includes("filters");
  return (
    <>
      {state.q && <input type="hidden" name={PARAM.q} value={state.q} />}
      {!omit.includes("sort") && <input type="hidden" name={PARAM.sort} value={state.sort} />}
      {keepFilters && (
        <>
          {state.brands.map((b) => (
            <input key={b} type="hidden" name={PARAM.brand} value={b} />
          ))}
          {state.attrs.map((a) => (
            <input key={a} type="hidden" name={PARAM.attr} value={a} />
          ))}
          {state.minPrice !== null && <input type="hidden" name={PARAM.priceMin} value={formatLira(state.minPrice)} />}
          {state.maxPrice !== null && <input type="hidden" name={PARAM.priceMax} value={formatLira(state.maxPrice)} />}
          {state.inStock && <input type="hidden" name={PARAM.inStock} value="1" />}
          {state.discounted && <input type="hidden" name={PARAM.discounted} value="1" />}
        </>
      )}
    </>
  );
}

/** Number of chosen filters (each brand, attribute value, the price range and each flag). */
export function filterCount(state: ListingState): number {
  return (
    state.brands.length +
    state.attrs.length +
    (state.minPrice !== null || state.maxPrice !== null ? 1 : 0) +
    (state.inStock ? 1 : 0) +
    (state.discounted ? 1 : 0)
  );
}

// --- sort ---------------------------------------------------------------------------------------

/** Result count, the mobile filter button and the sort select (a GET form that works without JavaScript). */
export function ListingToolbar({
  total,
  state,
  pathname,
  facets,
}: {
  total: number;
  state: ListingState;
  pathname: string;
  facets: Facets | null;
}) {
  const t = useT();
  const submit = useCanonicalSubmit(pathname);
  // One sort select per page (tests and links use #sort).
  const sortId = "sort";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-line border-b pb-4">
      {facets && <MobileFilters state={state} pathname={pathname} facets={facets} />}
      <p className="order-last w-full whitespace-nowrap text-muted text-sm sm:order-none sm:w-auto" aria-live="polite">
        {t("listing.products", { count: total })}
      </p>
      <Form
        method="get"
        action={pathname}
        preventScrollReset
        className="ml-auto flex min-w-0 items-center gap-2"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          submit(event.currentTarget);
        }}
      >
        <StateInputs state={state} omit={["sort"]} />
        <label htmlFor={sortId} className="flex items-center gap-1.5 font-medium text-muted text-sm">
          <ArrowDownUp aria-hidden="true" className="size-4" />
          <span className="sr-only sm:not-sr-only">{t("listing.sort")}</span>
        </label>
        <select
          id={sortId}
          name={PARAM.sort}
          defaultValue={state.sort}
          key={state.sort}
          onChange={(event) => event.currentTarget.form && submit(event.currentTarget.form)}
          className="h-9 min-w-0 max-w-[13rem] rounded-lg border border-line-strong bg-surface py-0 pr-8 pl-3 font-medium text-fg text-sm sm:max-w-none"
        >
          {sortsFor(state.q.length > 0).map((s) => (
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
  );
}

// --- facets -------------------------------------------------------------------------------------

function FacetSection({ title, children, open = true }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details open={open} className="group/facet border-line border-b py-3 last:border-b-0">
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-md py-1 font-semibold text-sm [&::-webkit-details-marker]:hidden">
        {title}
        <ChevronDown aria-hidden="true" className="size-4 text-muted transition-transform group-open/facet:rotate-180" />
      </summary>
      <div className="pt-2">{children}</div>
    </details>
  );
}

function CheckRow({
  name,
  value,
  label,
  count,
  checked,
  onToggle,
}: {
  name: string;
  value: string;
  label: string;
  count: number;
  checked: boolean;
  onToggle?: (input: HTMLInputElement) => void;
}) {
  const t = useT();
  return (
    <label className="flex min-h-9 cursor-pointer items-center gap-2.5 rounded-md px-1 text-sm hover:bg-surface-2">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        key={`${value}:${checked}`}
        onChange={(event) => onToggle?.(event.currentTarget)}
        className="size-4 shrink-0 rounded border-line-strong accent-brand"
      />
      <span className="min-w-0 flex-1 truncate">{label}</span>
      <span className="shrink-0 text-muted text-xs tabular-nums" title={t("facet.valueCount", { count })}>
        {count}
      </span>
    </label>
  );
}

function ValueList<T extends { key: string }>({ values, render }: { values: T[]; render: (value: T) => ReactNode }) {
  const t = useT();
  const head = values.slice(0, VISIBLE_VALUES);
  const rest = values.slice(VISIBLE_VALUES);
  return (
    <div>
      {head.map((v) => (
        <div key={v.key}>{render(v)}</div>
      ))}
      {rest.length > 0 && (
        <details className="group/more">
          <summary className="cursor-pointer list-none px-1 py-1.5 font-medium text-brand text-sm hover:underline [&::-webkit-details-marker]:hidden">
            <span className="group-open/more:hidden">{t("facet.more", { count: values.length })}</span>
            <span className="hidden group-open/more:inline">{t("facet.less")}</span>
          </summary>
          {rest.map((v) => (
            <div key={v.key}>{render(v)}</div>
          ))}
        </details>
      )}
    </div>
  );
}

/**
 * Every facet as one GET form. `autoApply`: a checkbox applies at once (desktop sidebar, with
 * JavaScript); otherwise the Apply button sends the whole form (mobile drawer, no JavaScript).
 */
export function FacetForm({
  facets,
  state,
  pathname,
  autoApply,
  submitLabel,
}: {
  facets: Facets;
  state: ListingState;
  pathname: string;
  autoApply: boolean;
  submitLabel: string;
}) {
  const t = useT();
  const money = useMoney();
  const submit = useCanonicalSubmit(pathname);
  const id = useId();
  const onToggle = autoApply ? (input: HTMLInputElement) => input.form && submit(input.form) : undefined;
  const selectedBrands = new Set(state.brands);
  const selectedAttrs = new Set(state.attrs);
  const brands = facets.brands.map((b) => ({ ...b, key: b.slug }));
  const price = facets.price;
  return (
    <Form
      method="get"
      action={pathname}
      preventScrollReset
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      aria-label={t("listing.filters")}
    >
      <StateInputs state={state} omit={["filters"]} />
      {brands.length > 0 && (
        <FacetSection title={t("facet.brand")}>
          <fieldset>
            <legend className="sr-only">{t("facet.brand")}</legend>
            <ValueList
              values={brands}
              render={(b) => (
                <CheckRow
                  name={PARAM.brand}
                  value={b.slug}
                  label={b.name}
                  count={b.count}
                  checked={selectedBrands.has(b.slug)}
                  onToggle={onToggle}
                />
              )}
            />
          </fieldset>
        </FacetSection>
      )}
      <FacetSection title={t("facet.price")}>
        <fieldset className="flex items-end gap-2">
          <legend className="sr-only">{t("facet.price")}</legend>
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-min`} className="mb-1 block text-muted text-xs">
              <span aria-hidden="true">{t("facet.priceMin")}</span>
              <span className="sr-only">{t("facet.priceMinLabel")}</span>
            </label>
            <input
              id={`${id}-min`}
              name={PARAM.priceMin}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={state.minPrice !== null ? formatLira(state.minPrice) : ""}
              key={`min:${state.minPrice}`}
              placeholder={price ? String(Math.floor(price.min / 100)) : ""}
              className="h-9 w-full rounded-lg border border-line-strong bg-surface px-2.5 text-sm tabular-nums"
            />
          </div>
          <span aria-hidden="true" className="pb-2 text-muted">
            –
          </span>
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-max`} className="mb-1 block text-muted text-xs">
              <span aria-hidden="true">{t("facet.priceMax")}</span>
              <span className="sr-only">{t("facet.priceMaxLabel")}</span>
            </label>
            <input
              id={`${id}-max`}
              name={PARAM.priceMax}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={state.maxPrice !== null ? formatLira(state.maxPrice) : ""}
              key={`max:${state.maxPrice}`}
              placeholder={price ? String(Math.ceil(price.max / 100)) : ""}
              className="h-9 w-full rounded-lg border border-line-strong bg-surface px-2.5 text-sm tabular-nums"
            />
          </div>
        </fieldset>
        {price && <p className="mt-1.5 text-muted text-xs">{t("facet.priceHint", { min: money(price.min), max: money(price.max) })}</p>}
        {autoApply && (
          <button type="submit" className="btn btn-secondary mt-2 h-9 w-full py-0">
            {t("listing.apply")}
          </button>
        )}
      </FacetSection>
      {facets.attributes.map((attribute) => (
        <FacetSection key={attribute.key} title={attribute.name}>
          <fieldset>
            <legend className="sr-only">{attribute.name}</legend>
            <ValueList
              values={attribute.values}
              render={(v) => (
                <CheckRow
                  name={PARAM.attr}
                  value={v.key}
                  label={v.value}
                  count={v.count}
                  checked={selectedAttrs.has(v.key)}
                  onToggle={onToggle}
                />
              )}
            />
          </fieldset>
        </FacetSection>
      ))}
      <FacetSection title={t("facet.availability")}>
        <fieldset>
          <legend className="sr-only">{t("facet.availability")}</legend>
          <CheckRow
            name={PARAM.inStock}
            value="1"
            label={t("listing.inStockOnly")}
            count={facets.inStock}
            checked={state.inStock}
            onToggle={onToggle}
          />
          <CheckRow
            name={PARAM.discounted}
            value="1"
            label={t("listing.discountedOnly")}
            count={facets.discounted}
            checked={state.discounted}
            onToggle={onToggle}
          />
        </fieldset>
      </FacetSection>
      {!autoApply && (
        <div className="sticky bottom-0 border-line border-t bg-surface py-3">
          <button type="submit" className="btn btn-primary w-full">
            {submitLabel}
          </button>
        </div>
      )}
      {autoApply && (
        <noscript>
          <button type="submit" className="btn btn-secondary mt-3 w-full">
            {t("listing.apply")}
          </button>
        </noscript>
      )}
    </Form>
  );
}

/** Desktop sidebar with the facets (hidden on small screens, where MobileFilters opens them). */
export function FacetSidebar({ facets, state, pathname }: { facets: Facets | null; state: ListingState; pathname: string }) {
  const t = useT();
  const hydrated = useHydrated();
  if (!facets) return null;
  return (
    <aside className="hidden lg:block" aria-label={t("listing.filters")}>
      <FacetForm facets={facets} state={state} pathname={pathname} autoApply={hydrated} submitLabel={t("listing.apply")} />
    </aside>
  );
}

/** The filter button of small screens: a drawer with JavaScript, an inline disclosure without. */
function MobileFilters({ facets, state, pathname }: { facets: Facets; state: ListingState; pathname: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const count = filterCount(state);
  const label = (
    <>
      <SlidersHorizontal aria-hidden="true" className="size-4" />
      {t("facet.open")}
      {count > 0 && (
        <span className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-brand px-1.5 font-bold text-[0.6875rem] text-on-brand tabular-nums">
          {count}
        </span>
      )}
    </>
  );
  const buttonClass =
    "inline-flex h-9 items-center gap-2 rounded-lg border border-line-strong bg-surface px-3 font-medium text-sm hover:border-brand";
  const form = <FacetForm facets={facets} state={state} pathname={pathname} autoApply={false} submitLabel={t("facet.showResults")} />;
  if (!hydrated)
    return (
      <details className="group/mf lg:hidden">
        <summary className={clsx(buttonClass, "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>{label}</summary>
        <div className="absolute inset-x-4 z-30 mt-2 max-h-[70vh] overflow-y-auto rounded-xl border border-line bg-surface px-4 shadow-pop">
          {form}
        </div>
      </details>
    );
  return (
    <div className="lg:hidden">
      <Drawer
        openLabel={count > 0 ? t("facet.openCount", { count }) : t("facet.open")}
        openContent={label}
        closeLabel={t("facet.close")}
        title={t("listing.filters")}
        openButtonClassName={buttonClass}
        menuIconClassName="size-4"
        panelClassName="m-0 ml-auto h-dvh max-h-none w-[min(24rem,92vw)] max-w-none bg-surface p-0 text-fg shadow-pop backdrop:bg-black/50 open:flex open:flex-col"
        headerClassName="flex h-14 shrink-0 items-center justify-between border-line border-b px-4"
        titleClassName="font-bold text-lg"
      >
        <div className="flex-1 overflow-y-auto px-4">{form}</div>
      </Drawer>
    </div>
  );
}

// --- chosen filters -----------------------------------------------------------------------------

/** The chosen filters as removable chips, and "clear all". */
export function ActiveFilters({ facets, state, pathname }: { facets: Facets | null; state: ListingState; pathname: string }) {
  const t = useT();
  const money = useMoney();
  if (!hasFilters(state)) return null;
  const brandName = new Map(facets?.brands.map((b) => [b.slug, b.name]) ?? []);
  const attrLabel = new Map(facets?.attributes.flatMap((a) => a.values.map((v) => [v.key, `${a.name}: ${v.value}`] as const)) ?? []);
  const chips: { key: string; label: string; href: string }[] = [
    ...state.brands.map((b) => ({
      key: `b:${b}`,
      label: brandName.get(b) ?? b,
      href: hrefOf(pathname, withChange(state, { brands: toggled(state.brands, b) })),
    })),
    ...state.attrs.map((a) => ({
      key: `a:${a}`,
      label: attrLabel.get(a) ?? a,
      href: hrefOf(pathname, withChange(state, { attrs: toggled(state.attrs, a) })),
    })),
  ];
  if (state.minPrice !== null || state.maxPrice !== null) {
    const label =
      state.minPrice !== null && state.maxPrice !== null
        ? t("facet.priceRange", { min: money(state.minPrice), max: money(state.maxPrice) })
        : state.minPrice !== null
          ? t("facet.priceFrom", { min: money(state.minPrice) })
          : t("facet.priceUpTo", { max: money(state.maxPrice ?? 0) });
    chips.push({ key: "price", label, href: hrefOf(pathname, withChange(state, { minPrice: null, maxPrice: null })) });
  }
  if (state.inStock)
    chips.push({ key: "stock", label: t("listing.inStockOnly"), href: hrefOf(pathname, withChange(state, { inStock: false })) });
  if (state.discounted)
    chips.push({ key: "discount", label: t("listing.discountedOnly"), href: hrefOf(pathname, withChange(state, { discounted: false })) });
  return (
    <section aria-label={t("facet.active")} className="flex flex-wrap items-center gap-2 pt-3">
      {chips.map((chip) => (
        <Link
          key={chip.key}
          to={chip.href}
          preventScrollReset
          aria-label={t("facet.remove", { label: chip.label })}
          className="inline-flex h-8 items-center gap-1.5 rounded-full border border-brand bg-brand-soft pr-2 pl-3 font-medium text-on-brand-soft text-sm hover:brightness-95"
        >
          <Check aria-hidden="true" className="size-3.5" />
          {chip.label}
          <X aria-hidden="true" className="size-3.5" />
        </Link>
      ))}
      <Link to={hrefOf(pathname, clearedFilters(state))} preventScrollReset className="px-2 font-medium text-brand text-sm hover:underline">
        {t("facet.clearAll")}
      </Link>
    </section>
  );
}

// --- the whole listing --------------------------------------------------------------------------

/**
 * Facets beside the results on wide screens (a drawer on small ones), the toolbar, the chosen
 * filters, the grid and the pagination; `empty` is shown when nothing matches without filters.
 */
export function ListingView({
  page,
  state,
  pathname,
  empty,
  before,
}: {
  page: ProductPage;
  state: ListingState;
  pathname: string;
  /** What to show when there are no products and no filters are set. */
  empty: ReactNode;
  /** Shown above the toolbar (e.g. "did you mean"). */
  before?: ReactNode;
}) {
  const t = useT();
  const filtered = hasFilters(state);
  if (page.total === 0 && !filtered) return <>{empty}</>;
  return (
    <div className="mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
      <FacetSidebar facets={page.facets} state={state} pathname={pathname} />
      <div className="relative min-w-0">
        {before}
        <ListingToolbar total={page.total} state={state} pathname={pathname} facets={page.facets} />
        <ActiveFilters facets={page.facets} state={state} pathname={pathname} />
        <div className="mt-5">
          {page.items.length > 0 ? (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 md:grid-cols-4 lg:grid-cols-3 xl:grid-cols-4">
              {page.items.map((product, index) => (
                <li key={product.id}>
                  <ProductCard product={product} priority={index < 2} sizes={LISTING_IMAGE_SIZES} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="rounded-2xl border border-line border-dashed bg-surface px-6 py-14 text-center">
              <p className="text-muted">{state.q ? t("search.noResultsFiltered", { query: state.q }) : t("listing.empty")}</p>
              <Link to={hrefOf(pathname, clearedFilters(state))} className="btn btn-secondary mt-5">
                {t("listing.clearFilters")}
              </Link>
            </div>
          )}
        </div>
        <Pagination page={page.page} pages={pageCount(page.total, page.perPage)} pathname={pathname} search={listingSearch(state)} />
      </div>
    </div>
  );
}
