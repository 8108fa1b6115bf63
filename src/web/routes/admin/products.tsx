import clsx from "clsx";
import { ArrowDownUp, FileSpreadsheet, ImageOff, Package, Plus, Search, Star } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Form, Link, useNavigation, useSubmit } from "react-router";
import { MoneyError, parseMoney } from "../../../platform/money.ts";
import { ProductStatusBadge, StockText } from "../../components/admin-catalog/badges.tsx";
import { CategoryOptions } from "../../components/admin-catalog/category-select.tsx";
import { ConfirmDialog } from "../../components/admin-catalog/confirm-dialog.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { EmptyState, FilterActions, PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import {
  type AdminProductSort,
  PRODUCT_PAGE_SIZES,
  PRODUCTS_PER_PAGE,
  type ProductListQuery,
  type ProductStatus,
} from "../../services/catalog-admin.ts";
import type { Route } from "./+types/products";

// URL parameters (Turkish, like the paths): ?q=&durum=aktif|taslak|arsiv&kategori=<id>&marka=<id>
// &stok=var|yok|az&sirala=guncel|ad|fiyat-artan|fiyat-azalan|stok&adet=25|50|100&sayfa=
const STATUS_PARAM: Record<string, ProductStatus> = { aktif: "active", taslak: "draft", arsiv: "archived" };
const STOCK_PARAM: Record<string, "in" | "out" | "low"> = { var: "in", yok: "out", az: "low" };
const SORT_PARAM: Record<string, AdminProductSort> = {
  guncel: "updated",
  ad: "title",
  "fiyat-artan": "price-asc",
  "fiyat-azalan": "price-desc",
  stok: "stock",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const p = url.searchParams;
  const q = (p.get("q") ?? "").trim().slice(0, 200);
  const pageRaw = Number.parseInt(p.get("sayfa") ?? "1", 10);
  const perPageRaw = Number.parseInt(p.get("adet") ?? "", 10);
  const category = p.get("kategori") ?? "";
  const brand = p.get("marka") ?? "";
  const query: ProductListQuery = {
    q: q || undefined,
    status: STATUS_PARAM[p.get("durum") ?? ""],
    categoryId: UUID.test(category) ? category : undefined,
    brandId: UUID.test(brand) ? brand : undefined,
    stock: STOCK_PARAM[p.get("stok") ?? ""],
    sort: SORT_PARAM[p.get("sirala") ?? ""] ?? "updated",
    page: Number.isFinite(pageRaw) && pageRaw > 0 ? Math.min(pageRaw, 10_000) : 1,
    perPage: (PRODUCT_PAGE_SIZES as readonly number[]).includes(perPageRaw) ? perPageRaw : PRODUCTS_PER_PAGE,
  };
  const [result, categories, brands] = await Promise.all([
    admin.catalog.products.list(query),
    admin.catalog.categories.list({ counts: false }),
    admin.catalog.brands.list({ counts: false }),
  ]);
  return {
    ...result,
    categories,
    brands: brands.map((b) => ({ id: b.id, name: b.name })),
    filters: {
      q,
      durum: STATUS_PARAM[p.get("durum") ?? ""] ? (p.get("durum") as string) : "",
      kategori: query.categoryId ?? "",
      marka: query.brandId ?? "",
      stok: query.stock ? (p.get("stok") as string) : "",
      sirala: SORT_PARAM[p.get("sirala") ?? ""] ? (p.get("sirala") as string) : "guncel",
      adet: query.perPage === PRODUCTS_PER_PAGE ? "" : String(query.perPage),
    },
    pathname: url.pathname,
    search: url.search,
  };
}

type ActionResult = { ok: true; updated: number; intent: string } | { ok: false; intent: string; message: string };

/** A percentage typed the Turkish or English way ("12,5" or "12.5"), > 0 and ≤ 1000. */
function percentOf(text: string): number | null {
  const clean = text.trim().replace("%", "").replace(",", ".");
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(clean)) return null;
  const n = Number(clean);
  return n > 0 && n <= 1000 ? n : null;
}

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "catalog:write");
  const t = getT(getApp(context).locale);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const ids = form
    .getAll("ids")
    .map(String)
    .filter((id) => UUID.test(id));
  if (ids.length === 0) return { ok: false, intent, message: t("catalogadmin.bulk.noneSelected") };
  if (intent === "status") {
    const status = String(form.get("status") ?? "");
    if (status !== "active" && status !== "draft" && status !== "archived")
      return { ok: false, intent, message: t("catalogadmin.bulk.chooseStatus") };
    const result = await admin.catalog.products.bulk(ids, { status });
    return result.ok ? { ok: true, intent, updated: result.updated } : { ok: false, intent, message: result.message };
  }
  if (intent === "price") {
    const direction = form.get("direction") === "down" ? -1 : 1;
    const mode = form.get("mode") === "amount" ? "amount" : "percent";
    const value = String(form.get("value") ?? "");
    let change: { percent?: number; amount?: number };
    if (mode === "percent") {
      const percent = percentOf(value);
      if (percent === null || (direction < 0 && percent >= 100)) return { ok: false, intent, message: t("catalogadmin.bulk.badPercent") };
      change = { percent: direction * percent };
    } else {
      let amount: number;
      try {
        amount = parseMoney(value);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        return { ok: false, intent, message: t("catalogadmin.bulk.badAmount") };
      }
      if (amount <= 0) return { ok: false, intent, message: t("catalogadmin.bulk.badAmount") };
      change = { amount: direction * amount };
    }
    const result = await admin.catalog.products.bulk(ids, { price: change });
    return result.ok ? { ok: true, intent, updated: result.updated } : { ok: false, intent, message: result.message };
  }
  return { ok: false, intent, message: `Unknown action "${intent}".` };
}

function sortLabel(t: TFunction, value: string): string {
  return t(`catalogadmin.sort.${value}` as MessageKey);
}

/** Describes a pending bulk change for the confirm dialog. */
function describeBulk(t: TFunction, form: FormData, count: number): { title: string; body: string } {
  const title = t("catalogadmin.bulk.confirmTitle", { count });
  if (form.get("intent") === "status") {
    const status = String(form.get("status") ?? "");
    return { title, body: t("catalogadmin.bulk.confirmStatus", { count, status: t(`catalogadmin.status.${status}` as MessageKey) }) };
  }
  const value = String(form.get("value") ?? "").trim();
  const amount = form.get("mode") === "amount" ? `${value} ₺` : `%${value}`;
  const key = form.get("direction") === "down" ? "catalogadmin.bulk.confirmPriceDown" : "catalogadmin.bulk.confirmPriceUp";
  return { title, body: t(key, { count, amount }) };
}

export default function Products({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { items, total, page, perPage, lowStock, categories, brands, filters, pathname, search } = loaderData;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const filtered = Boolean(filters.q || filters.durum || filters.kategori || filters.marka || filters.stok);
  const canWrite = permissions.includes("catalog:write");
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state === "submitting";
  const result = actionData as ActionResult | undefined;

  const pageIds = useMemo(() => items.map((p) => p.id), [items]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // a new page of results (or a finished bulk change) starts with nothing selected
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the rows change
  useEffect(() => setSelected(new Set()), [pageIds.join(","), result]);
  const allChecked = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const someChecked = !allChecked && pageIds.some((id) => selected.has(id));
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someChecked;
  }, [someChecked]);
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (on: boolean) => setSelected(on ? new Set(pageIds) : new Set());

  const [pending, setPending] = useState<FormData | null>(null);
  // without JavaScript the buttons always work (the server checks the selection)
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const formId = useId();
  const pendingText = pending ? describeBulk(t, pending, selected.size) : null;

  return (
    <>
      <title>{`${t("catalogadmin.products.title")} | ${store.name}`}</title>
      <PageHeader title={t("catalogadmin.products.title")} subtitle={t("catalogadmin.products.subtitle")}>
        <div className="flex flex-wrap gap-2">
          <Link to="/admin/urunler/aktar" className="btn btn-secondary h-11">
            <FileSpreadsheet aria-hidden="true" className="size-4" />
            {t("catalogadmin.products.importExport")}
          </Link>
          {canWrite && (
            <Link to="/admin/urunler/yeni" className="btn btn-primary h-11">
              <Plus aria-hidden="true" className="size-4" />
              {t("catalogadmin.products.new")}
            </Link>
          )}
        </div>
      </PageHeader>

      <Form method="get" role="search" className="mb-4 space-y-3 rounded-2xl border border-line bg-surface p-4">
        <div className="flex flex-col gap-3 sm:flex-row">
          <div className="relative flex-1">
            <label htmlFor="product-q" className="sr-only">
              {t("catalogadmin.products.searchLabel")}
            </label>
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted" />
            <input
              id="product-q"
              name="q"
              type="search"
              defaultValue={filters.q}
              placeholder={t("catalogadmin.products.search")}
              className="field h-11 pl-10"
            />
          </div>
          <FilterActions clearTo={pathname} filtered={filtered} className="sm:w-auto" buttonClassName="sm:flex-none sm:px-6" />
        </div>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <FilterSelect id="product-status" name="durum" label={t("catalogadmin.products.status")} value={filters.durum}>
            <option value="">{t("catalogadmin.products.allStatuses")}</option>
            <option value="aktif">{t("catalogadmin.status.active")}</option>
            <option value="taslak">{t("catalogadmin.status.draft")}</option>
            <option value="arsiv">{t("catalogadmin.status.archived")}</option>
          </FilterSelect>
          <FilterSelect id="product-category" name="kategori" label={t("catalogadmin.products.category")} value={filters.kategori}>
            <option value="">{t("catalogadmin.products.allCategories")}</option>
            <CategoryOptions categories={categories} />
          </FilterSelect>
          <FilterSelect id="product-brand" name="marka" label={t("catalogadmin.products.brand")} value={filters.marka}>
            <option value="">{t("catalogadmin.products.allBrands")}</option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="product-stock" name="stok" label={t("catalogadmin.products.stock")} value={filters.stok}>
            <option value="">{t("catalogadmin.products.allStock")}</option>
            <option value="var">{t("catalogadmin.products.inStock")}</option>
            <option value="az">{t("catalogadmin.products.lowStock", { count: lowStock })}</option>
            <option value="yok">{t("catalogadmin.products.outOfStock")}</option>
          </FilterSelect>
          <FilterSelect
            id="product-sort"
            name="sirala"
            label={t("catalogadmin.products.sort")}
            value={filters.sirala}
            className="col-span-2 sm:col-span-1"
          >
            {Object.keys(SORT_PARAM).map((value) => (
              <option key={value} value={value}>
                {sortLabel(t, value)}
              </option>
            ))}
          </FilterSelect>
        </div>
        {filters.adet && <input type="hidden" name="adet" value={filters.adet} />}
      </Form>

      {result && (
        <div className="mb-4">
          {result.ok ? (
            <Notice tone="success">{t("catalogadmin.bulk.done", { count: result.updated })}</Notice>
          ) : (
            <Notice tone="error">{result.message}</Notice>
          )}
        </div>
      )}

      {items.length === 0 ? (
        <EmptyState icon={Package}>
          {filtered ? t("catalogadmin.products.none") : t("catalogadmin.products.noneYet")}
          {!filtered && canWrite && (
            <>
              {" "}
              <Link to="/admin/urunler/yeni" className="link font-semibold">
                {t("catalogadmin.products.createFirst")}
              </Link>
            </>
          )}
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-2xl border border-line bg-surface">
          {canWrite && (
            <Form
              id={formId}
              method="post"
              onSubmit={(event) => {
                event.preventDefault();
                const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
                const data = new FormData(event.currentTarget, submitter);
                setPending(data);
              }}
              className={clsx(
                "flex min-h-14 flex-col gap-3 border-line border-b px-4 py-2.5 lg:flex-row lg:items-center",
                selected.size > 0 ? "bg-brand-soft/60" : "bg-surface-2/60",
              )}
              aria-label={t("catalogadmin.bulk.label")}
            >
              <label className="flex items-center gap-3 font-semibold text-sm">
                <input
                  ref={selectAllRef}
                  type="checkbox"
                  checked={allChecked}
                  onChange={(e) => toggleAll(e.target.checked)}
                  className="size-4 accent-[var(--brand)]"
                />
                <span aria-live="polite">
                  {selected.size > 0 ? t("catalogadmin.bulk.selected", { count: selected.size }) : t("catalogadmin.bulk.selectAll")}
                </span>
              </label>
              <div className={clsx("flex flex-wrap items-center gap-2 lg:ml-auto", hydrated && selected.size === 0 && "hidden")}>
                <label htmlFor="bulk-status" className="sr-only">
                  {t("catalogadmin.bulk.newStatus")}
                </label>
                <select id="bulk-status" name="status" defaultValue="active" className={clsx(selectClass, "h-9 w-auto text-sm")}>
                  <option value="active">{t("catalogadmin.status.active")}</option>
                  <option value="draft">{t("catalogadmin.status.draft")}</option>
                  <option value="archived">{t("catalogadmin.status.archived")}</option>
                </select>
                <BulkButton intent="status" disabled={busy || (hydrated && selected.size === 0)}>
                  {t("catalogadmin.bulk.setStatus")}
                </BulkButton>
                <span aria-hidden="true" className="mx-1 hidden h-6 w-px bg-line sm:block" />
                <label htmlFor="bulk-direction" className="sr-only">
                  {t("catalogadmin.bulk.direction")}
                </label>
                <select id="bulk-direction" name="direction" defaultValue="up" className={clsx(selectClass, "h-9 w-auto text-sm")}>
                  <option value="up">{t("catalogadmin.bulk.raise")}</option>
                  <option value="down">{t("catalogadmin.bulk.lower")}</option>
                </select>
                <label htmlFor="bulk-mode" className="sr-only">
                  {t("catalogadmin.bulk.mode")}
                </label>
                <select id="bulk-mode" name="mode" defaultValue="percent" className={clsx(selectClass, "h-9 w-auto text-sm")}>
                  <option value="percent">%</option>
                  <option value="amount">₺</option>
                </select>
                <label htmlFor="bulk-value" className="sr-only">
                  {t("catalogadmin.bulk.value")}
                </label>
                <input
                  id="bulk-value"
                  name="value"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="10"
                  className="field h-9 w-24 py-0 text-sm tabular-nums"
                />
                <BulkButton intent="price" disabled={busy || (hydrated && selected.size === 0)}>
                  {t("catalogadmin.bulk.changePrice")}
                </BulkButton>
              </div>
            </Form>
          )}

          {/* phones: cards */}
          <ul className="divide-y divide-line md:hidden" data-testid="product-cards">
            {items.map((p) => (
              <li key={p.id} className="flex gap-3 p-4">
                {canWrite && (
                  <input
                    type="checkbox"
                    name="ids"
                    value={p.id}
                    form={formId}
                    checked={selected.has(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                    aria-label={t("catalogadmin.bulk.selectOne", { title: p.title })}
                    className="mt-1 size-4 shrink-0 accent-[var(--brand)]"
                  />
                )}
                <Thumb src={p.image} />
                <div className="min-w-0 flex-1">
                  <Link to={`/admin/urunler/${p.id}`} className="line-clamp-2 font-semibold hover:text-brand">
                    {p.title}
                  </Link>
                  <p className="truncate text-muted text-xs">{[p.brand, p.category].filter(Boolean).join(" · ") || "—"}</p>
                  <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <ProductStatusBadge status={p.status} />
                    <StockText stock={p.stock} low={lowStock} />
                    <span className="ml-auto font-semibold tabular-nums">{money(p.price, store.currency, locale)}</span>
                  </div>
                </div>
              </li>
            ))}
          </ul>

          {/* tablets and up: a table */}
          <div className="relative hidden overflow-x-auto md:block">
            <table className="w-full text-left text-sm" data-testid="product-table">
              <caption className="sr-only">{t("catalogadmin.products.caption", { count: total })}</caption>
              <thead className="border-line border-b text-muted text-xs uppercase tracking-wider">
                <tr>
                  {canWrite && (
                    <th scope="col" className="w-12 px-4 py-3">
                      <span className="sr-only">{t("catalogadmin.bulk.select")}</span>
                    </th>
                  )}
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("catalogadmin.products.product")}
                  </th>
                  <th scope="col" className="w-28 px-4 py-3 font-semibold">
                    {t("catalogadmin.products.status")}
                  </th>
                  <th scope="col" className="w-28 px-4 py-3 font-semibold">
                    {t("catalogadmin.products.stock")}
                  </th>
                  <th scope="col" className="w-36 px-4 py-3 text-right font-semibold">
                    {t("catalogadmin.products.price")}
                  </th>
                  <th scope="col" className="hidden w-44 px-4 py-3 font-semibold xl:table-cell">
                    {t("catalogadmin.products.updated")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {items.map((p) => (
                  <tr key={p.id} className={clsx("transition-colors hover:bg-surface-2", selected.has(p.id) && "bg-brand-soft/40")}>
                    {canWrite && (
                      <td className="px-4 py-3">
                        <input
                          type="checkbox"
                          name="ids"
                          value={p.id}
                          form={formId}
                          checked={selected.has(p.id)}
                          onChange={(e) => toggle(p.id, e.target.checked)}
                          aria-label={t("catalogadmin.bulk.selectOne", { title: p.title })}
                          className="size-4 accent-[var(--brand)]"
                        />
                      </td>
                    )}
                    <td className="max-w-0 px-4 py-3">
                      <div className="flex items-center gap-3">
                        <Thumb src={p.image} />
                        <div className="min-w-0">
                          <Link to={`/admin/urunler/${p.id}`} className="block truncate font-semibold hover:text-brand">
                            {p.featured && (
                              <Star
                                aria-label={t("catalogadmin.products.featured")}
                                className="mr-1 inline size-3.5 fill-accent text-accent align-[-2px]"
                              />
                            )}
                            {p.title}
                          </Link>
                          <p className="truncate text-muted text-xs">
                            {[p.brand, p.category].filter(Boolean).join(" · ") || t("catalogadmin.products.uncategorised")}
                            {p.kind === "external" && <> · {t("catalogadmin.kind.external")}</>}
                          </p>
                        </div>
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      <ProductStatusBadge status={p.status} />
                    </td>
                    <td className="px-4 py-3">
                      <StockText stock={p.stock} low={lowStock} variants={p.variants} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-right">
                      <span className="block font-semibold tabular-nums">{money(p.price, store.currency, locale)}</span>
                      {p.compareAtPrice !== null && p.compareAtPrice > p.price && (
                        <span className="block text-muted text-xs tabular-nums line-through">
                          {money(p.compareAtPrice, store.currency, locale)}
                        </span>
                      )}
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-3 text-muted tabular-nums xl:table-cell">
                      {formatDateTime(p.updatedAt, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-muted text-sm">
        <p data-testid="products-total">
          {total > 0
            ? t("catalogadmin.products.range", {
                from: (page - 1) * perPage + 1,
                to: Math.min(page * perPage, total),
                total,
              })
            : t("catalogadmin.products.count", { count: 0 })}
        </p>
        <PerPage current={perPage} pathname={pathname} search={search} />
      </div>
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />

      <ConfirmDialog
        open={pending !== null}
        title={pendingText?.title ?? ""}
        confirmLabel={t("catalogadmin.bulk.apply")}
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) submit(pending, { method: "post" });
          setPending(null);
        }}
      >
        {pendingText?.body}
      </ConfirmDialog>
    </>
  );
}

/** Applies one bulk change (`intent`) to the selected products. */
function BulkButton({ intent, disabled, children }: { intent: "status" | "price"; disabled: boolean; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={disabled}
      className="btn btn-secondary h-9 px-3 text-sm disabled:opacity-50"
    >
      {children}
    </button>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  className,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={clsx(selectClass, "text-sm sm:text-base")} title={label}>
        {children}
      </select>
    </div>
  );
}

function Thumb({ src }: { src: string | null }) {
  return src ? (
    <img
      src={src}
      alt=""
      width={48}
      height={48}
      loading="lazy"
      decoding="async"
      className="size-12 shrink-0 rounded-lg border border-line bg-surface-2 object-cover"
    />
  ) : (
    <span
      aria-hidden="true"
      className="flex size-12 shrink-0 items-center justify-center rounded-lg border border-line bg-surface-2 text-muted"
    >
      <ImageOff className="size-5" />
    </span>
  );
}

function PerPage({ current, pathname, search }: { current: number; pathname: string; search: string }) {
  const { locale } = useRootData();
  const t = getT(locale);
  const href = (n: number) => {
    const params = new URLSearchParams(search);
    params.delete("sayfa");
    if (n === PRODUCTS_PER_PAGE) params.delete("adet");
    else params.set("adet", String(n));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  return (
    <nav aria-label={t("catalogadmin.products.perPage")} className="flex items-center gap-1">
      <ArrowDownUp aria-hidden="true" className="mr-1 size-4" />
      <span className="mr-1">{t("catalogadmin.products.perPage")}:</span>
      {PRODUCT_PAGE_SIZES.map((n) => (
        <Link
          key={n}
          to={href(n)}
          aria-current={n === current ? "true" : undefined}
          className={clsx(
            "rounded-md px-2 py-1 font-semibold tabular-nums",
            n === current ? "bg-brand-soft text-on-brand-soft" : "hover:bg-surface-2 hover:text-fg",
          )}
        >
          {n}
        </Link>
      ))}
    </nav>
  );
}
