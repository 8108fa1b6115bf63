import clsx from "clsx";
import { CalendarRange, Search, ShoppingBag, X } from "lucide-react";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Form, Link, useLocation, useNavigate, useNavigation, useRevalidator, useSubmit } from "react-router";
import { ConfirmDialog } from "../../components/admin-catalog/confirm-dialog.tsx";
import { LiveIndicator, useOrderEvents } from "../../components/admin-orders/live.tsx";
import { methodLabel, OrderStatusBadge, statusLabel, TONE_CLASSES } from "../../components/admin-orders/status-badge.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { EmptyState, FilterActions, PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, intlLocale, type MessageKey, type TFunction, useLocale } from "../../i18n/index.ts";
import { isDay } from "../../lib/dates.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { BulkStatusResult, OrderListQuery, OrderSort, OrderStatus, PaymentMethodId } from "../../services/orders-admin.ts";
import type { Route } from "./+types/orders";

// URL parameters (Turkish, like the paths): ?q=&durum=odendi,hazirlaniyor&baslangic=2026-05-01
// &bitis=2026-05-31&odeme=havale&musteri=<e-posta|id>&sirala=yeni|eski|tutar&sayfa=
export const STATUS_SLUGS: Record<OrderStatus, string> = {
  awaiting_payment: "odeme-bekleniyor",
  pending_review: "onay-bekliyor",
  paid: "odendi",
  preparing: "hazirlaniyor",
  shipped: "kargoda",
  delivered: "teslim-edildi",
  completed: "tamamlandi",
  cancelled: "iptal",
  refunded: "iade-edildi",
  partially_refunded: "kismen-iade",
  return_requested: "iade-talebi",
  return_approved: "iade-onaylandi",
  return_received: "iade-teslim-alindi",
};
const STATUS_BY_SLUG = new Map(Object.entries(STATUS_SLUGS).map(([status, slug]) => [slug, status as OrderStatus]));
const METHOD_SLUGS: Record<PaymentMethodId, string> = {
  bank_transfer: "havale",
  cash_on_delivery: "kapida-odeme",
  store_credit: "magaza-kredisi",
  iyzico: "iyzico",
  paytr: "paytr",
  stripe: "stripe",
};
const METHOD_BY_SLUG = new Map(Object.entries(METHOD_SLUGS).map(([method, slug]) => [slug, method as PaymentMethodId]));
const SORT_SLUGS: Record<OrderSort, string> = { newest: "yeni", oldest: "eski", total: "tutar" };
const SORT_BY_SLUG = new Map(Object.entries(SORT_SLUGS).map(([sort, slug]) => [slug, sort as OrderSort]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statusesOf(param: string | null): OrderStatus[] {
  const out: OrderStatus[] = [];
  for (const slug of (param ?? "").split(",")) {
    const status = STATUS_BY_SLUG.get(slug.trim());
    if (status && !out.includes(status)) out.push(status);
  }
  return out;
}

export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "orders:read");
  const p = url.searchParams;
  const q = (p.get("q") ?? "").trim().slice(0, 200);
  const customer = (p.get("musteri") ?? "").trim().slice(0, 254);
  const pageRaw = Number.parseInt(p.get("sayfa") ?? "1", 10);
  const from = p.get("baslangic") ?? "";
  const to = p.get("bitis") ?? "";
  const statuses = statusesOf(p.get("durum"));
  const query: OrderListQuery = {
    q: q || undefined,
    statuses,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    paymentMethod: METHOD_BY_SLUG.get(p.get("odeme") ?? ""),
    customer: customer && (UUID.test(customer) || customer.includes("@")) ? customer : undefined,
    sort: SORT_BY_SLUG.get(p.get("sirala") ?? "") ?? "newest",
    page: Number.isFinite(pageRaw) && pageRaw > 0 ? Math.min(pageRaw, 10_000) : 1,
  };
  const result = await admin.orders.list(query);
  const meta = admin.orders.meta();
  return {
    ...result,
    meta,
    filters: {
      q,
      statuses,
      baslangic: query.from ?? "",
      bitis: query.to ?? "",
      odeme: query.paymentMethod ? METHOD_SLUGS[query.paymentMethod] : "",
      musteri: query.customer ?? "",
      sirala: SORT_SLUGS[query.sort ?? "newest"],
    },
    pathname: url.pathname,
    search: url.search,
  };
}

type ActionResult = { ok: true; status: OrderStatus; results: BulkStatusResult[] } | { ok: false; message: string };

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "orders:write");
  const t = getT(getApp(context).locale);
  const form = await request.formData();
  const ids = [...new Set(form.getAll("ids").map(String))].filter((id) => UUID.test(id));
  if (ids.length === 0) return { ok: false, message: t("ordersadmin.bulk.noneSelected") };
  const status = String(form.get("status") ?? "") as OrderStatus;
  if (!admin.orders.meta().bulkStatuses.includes(status)) return { ok: false, message: t("ordersadmin.bulk.chooseStatus") };
  const result = await admin.orders.bulkStatus(ids.slice(0, 100), status);
  if (!result.ok) return { ok: false, message: errorMessage(t, result.code, result.message) };
  return { ok: true, status, results: result.results };
}

/** The page's wording for a refusal code (falls back to the server's English detail). */
export function errorMessage(t: TFunction, code: string, message: string): string {
  const key = `ordersadmin.error.${code}` as MessageKey;
  const known = t(key) as string | undefined;
  return typeof known === "string" && known !== key ? t(key, { message }) : t("ordersadmin.error.generic", { message });
}

/** The list URL with `changes` applied to the current query (page reset unless given). */
function hrefWith(pathname: string, search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  params.delete("sayfa");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export default function Orders({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { items, total, page, perPage, statusCounts, meta, filters, pathname, search } = loaderData;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const filtered = Boolean(filters.q || filters.statuses.length || filters.baslangic || filters.bitis || filters.odeme || filters.musteri);
  const canWrite = permissions.includes("orders:write");
  const navigation = useNavigation();
  const submit = useSubmit();
  const navigate = useNavigate();
  const location = useLocation();
  const revalidator = useRevalidator();
  const busy = navigation.state === "submitting";
  const result = actionData as ActionResult | undefined;
  const fmt = (minor: number, currency = store.currency) => money(minor, currency, locale);
  const allCount = Object.values(statusCounts).reduce((s, n) => s + n, 0);

  // ---- selection and the bulk change
  const pageIds = useMemo(() => items.map((o) => o.id), [items]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // rows that are still listed stay selected when the list reloads; a finished bulk change clears
  // biome-ignore lint/correctness/useExhaustiveDependencies: prune when the rows change
  useEffect(() => setSelected((prev) => new Set([...prev].filter((id) => pageIds.includes(id)))), [pageIds.join(",")]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear after a bulk change
  useEffect(() => setSelected(new Set()), [result]);
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
  const [pending, setPending] = useState<FormData | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const formId = useId();
  const pendingStatus = pending ? (String(pending.get("status") ?? "") as OrderStatus) : null;

  // ---- live updates: changed rows reload in place, new orders are announced
  const idsRef = useRef(new Set<string>());
  idsRef.current = new Set(pageIds);
  const [newCount, setNewCount] = useState(0);
  const [flash, setFlash] = useState<Set<string>>(new Set());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => revalidator.revalidate(), 300);
  }, [revalidator]);
  const onTop = page === 1 && filters.sirala === "yeni";
  const connected = useOrderEvents(
    (change) => {
      if (idsRef.current.has(change.orderId)) {
        setFlash((prev) => new Set(prev).add(change.orderId));
        reload();
      } else if (change.version === 1) {
        setNewCount((n) => n + 1);
      }
    },
    () => reload(),
  );
  // rows marked as changed fade back after a few seconds
  useEffect(() => {
    if (flash.size === 0) return;
    const clear = setTimeout(() => setFlash(new Set()), 6000);
    return () => clearTimeout(clear);
  }, [flash]);
  // a reload of the newest page shows the new orders: the notice is done
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the rows change
  useEffect(() => {
    if (onTop) setNewCount(0);
  }, [pageIds.join(",")]);
  const newestHref = hrefWith(pathname, search, { sirala: null });
  const showNew = () => {
    setNewCount(0);
    if (`${location.pathname}${location.search}` === newestHref) revalidator.revalidate();
    else navigate(newestHref);
  };

  return (
    <>
      <title>{`${t("ordersadmin.title")} | ${store.name}`}</title>
      <PageHeader title={t("ordersadmin.title")} subtitle={t("ordersadmin.subtitle")}>
        {hydrated && <LiveIndicator connected={connected} />}
      </PageHeader>

      {newCount > 0 && (
        <div className="sticky top-20 z-20 mb-4 flex justify-center">
          <button
            type="button"
            onClick={showNew}
            data-testid="new-orders"
            className="inline-flex items-center gap-2 rounded-full bg-brand px-5 py-2.5 font-semibold text-on-brand text-sm shadow-pop hover:bg-brand-hover"
          >
            <ShoppingBag aria-hidden="true" className="size-4" />
            <span role="status">{t("ordersadmin.newOrders", { count: newCount })}</span>
            <span className="underline underline-offset-2">{t("ordersadmin.showNew")}</span>
          </button>
        </div>
      )}

      <nav aria-label={t("ordersadmin.statusFilter")} className="-mx-4 mb-3 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex w-max gap-2 pb-1 sm:w-auto sm:flex-wrap" data-testid="status-chips">
          <li>
            <StatusChip
              to={hrefWith(pathname, search, { durum: null })}
              active={filters.statuses.length === 0}
              label={t("ordersadmin.allStatuses")}
              count={allCount}
            />
          </li>
          {meta.statuses
            .filter(({ status }) => statusCounts[status] > 0 || filters.statuses.includes(status))
            .map(({ status, tone }) => {
              const active = filters.statuses.includes(status);
              const next = active ? filters.statuses.filter((s) => s !== status) : [...filters.statuses, status];
              return (
                <li key={status}>
                  <StatusChip
                    to={hrefWith(pathname, search, { durum: next.map((s) => STATUS_SLUGS[s]).join(",") })}
                    active={active}
                    label={statusLabel(t, status)}
                    count={statusCounts[status]}
                    tone={tone}
                    status={status}
                  />
                </li>
              );
            })}
        </ul>
      </nav>

      <Form method="get" role="search" className="mb-4 space-y-3 rounded-2xl border border-line bg-surface p-4">
        {filters.statuses.length > 0 && <input type="hidden" name="durum" value={filters.statuses.map((s) => STATUS_SLUGS[s]).join(",")} />}
        <div className="flex flex-col gap-3 sm:flex-row">
          <div className="relative flex-1">
            <label htmlFor="order-q" className="sr-only">
              {t("ordersadmin.searchLabel")}
            </label>
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted" />
            <input
              id="order-q"
              name="q"
              type="search"
              defaultValue={filters.q}
              placeholder={t("ordersadmin.searchPlaceholder")}
              className="field h-11 pl-10"
            />
          </div>
          <FilterActions clearTo={pathname} filtered={filtered} className="sm:w-auto" buttonClassName="sm:flex-none sm:px-6" />
        </div>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <Field id="order-from" label={t("ordersadmin.from")}>
            <input id="order-from" name="baslangic" type="date" defaultValue={filters.baslangic} className="field h-11 py-0 text-sm" />
          </Field>
          <Field id="order-to" label={t("ordersadmin.to")}>
            <input id="order-to" name="bitis" type="date" defaultValue={filters.bitis} className="field h-11 py-0 text-sm" />
          </Field>
          <Field id="order-payment" label={t("ordersadmin.payment")}>
            <select id="order-payment" name="odeme" defaultValue={filters.odeme} className={clsx(selectClass, "text-sm")}>
              <option value="">{t("ordersadmin.allPayments")}</option>
              {meta.paymentMethods.map((m) => (
                <option key={m} value={METHOD_SLUGS[m]}>
                  {methodLabel(t, m)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="order-customer" label={t("ordersadmin.customer")}>
            <input
              id="order-customer"
              name="musteri"
              type="text"
              inputMode="email"
              autoComplete="off"
              defaultValue={filters.musteri}
              placeholder={t("ordersadmin.customerPlaceholder")}
              className="field h-11 text-sm"
            />
          </Field>
          <Field id="order-sort" label={t("ordersadmin.sort")} className="col-span-2 lg:col-span-1">
            <select id="order-sort" name="sirala" defaultValue={filters.sirala} className={clsx(selectClass, "text-sm")}>
              {(Object.entries(SORT_SLUGS) as [OrderSort, string][]).map(([sort, slug]) => (
                <option key={slug} value={slug}>
                  {t(`ordersadmin.sort.${sort}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </Form>

      {result && (
        <div className="mb-4 space-y-2" data-testid="bulk-result">
          {result.ok ? <BulkSummary results={result.results} status={result.status} /> : <Notice tone="error">{result.message}</Notice>}
        </div>
      )}

      {items.length === 0 ? (
        <EmptyState icon={ShoppingBag}>{filtered ? t("ordersadmin.none") : t("ordersadmin.noneYet")}</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-2xl border border-line bg-surface">
          {canWrite && (
            <Form
              id={formId}
              method="post"
              onSubmit={(event) => {
                event.preventDefault();
                setPending(new FormData(event.currentTarget));
              }}
              aria-label={t("ordersadmin.bulk.label")}
              className={clsx(
                "flex min-h-14 flex-col gap-3 border-line border-b px-4 py-2.5 sm:flex-row sm:items-center",
                selected.size > 0 ? "bg-brand-soft/60" : "bg-surface-2/60",
              )}
            >
              <label className="flex items-center gap-3 font-semibold text-sm">
                <input
                  ref={selectAllRef}
                  type="checkbox"
                  checked={allChecked}
                  onChange={(e) => setSelected(e.target.checked ? new Set(pageIds) : new Set())}
                  className="size-4 accent-[var(--brand)]"
                />
                <span aria-live="polite">
                  {selected.size > 0 ? t("ordersadmin.bulk.selected", { count: selected.size }) : t("ordersadmin.bulk.selectAll")}
                </span>
              </label>
              <div className={clsx("flex flex-wrap items-center gap-2 sm:ml-auto", hydrated && selected.size === 0 && "hidden")}>
                <label htmlFor="bulk-status" className="sr-only">
                  {t("ordersadmin.bulk.newStatus")}
                </label>
                <select id="bulk-status" name="status" defaultValue="preparing" className={clsx(selectClass, "h-9 w-auto text-sm")}>
                  {meta.bulkStatuses.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(t, s)}
                    </option>
                  ))}
                </select>
                <button
                  type="submit"
                  disabled={busy || (hydrated && selected.size === 0)}
                  className="btn btn-secondary h-9 px-3 text-sm disabled:opacity-50"
                >
                  {t("ordersadmin.bulk.apply")}
                </button>
              </div>
            </Form>
          )}

          {/* phones: cards */}
          <ul className="divide-y divide-line md:hidden" data-testid="order-cards">
            {items.map((o) => (
              <li
                key={o.id}
                data-order={o.number}
                className={clsx("flex gap-3 p-4 transition-colors", flash.has(o.id) && "bg-amber-50 dark:bg-amber-400/10")}
              >
                {canWrite && (
                  <input
                    type="checkbox"
                    name="ids"
                    value={o.id}
                    form={formId}
                    checked={selected.has(o.id)}
                    onChange={(e) => toggle(o.id, e.target.checked)}
                    aria-label={t("ordersadmin.bulk.selectOne", { number: o.number })}
                    className="mt-1 size-4 shrink-0 accent-[var(--brand)]"
                  />
                )}
                <div className="min-w-0 flex-1">
                  <div className="flex items-start justify-between gap-3">
                    <Link to={`/admin/siparisler/${o.id}`} className="font-bold tabular-nums hover:text-brand">
                      #{o.number}
                    </Link>
                    <span className="font-semibold tabular-nums">{fmt(o.grandTotal, o.currency)}</span>
                  </div>
                  <p className="truncate text-sm">{o.customerName || o.email}</p>
                  <p className="text-muted text-xs">
                    {formatDateTime(o.placedAt, locale)} · {t("ordersadmin.itemCount", { count: o.itemCount })} ·{" "}
                    {methodLabel(t, o.paymentMethod)}
                  </p>
                  <div className="mt-2">
                    <OrderStatusBadge status={o.status} tone={o.tone} />
                  </div>
                </div>
              </li>
            ))}
          </ul>

          {/* tablets and up: a table */}
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-left text-sm" data-testid="order-table">
              <caption className="sr-only">{t("ordersadmin.caption", { count: total })}</caption>
              <thead className="border-line border-b text-muted text-xs uppercase tracking-wider">
                <tr>
                  {canWrite && (
                    <th scope="col" className="w-12 px-4 py-3">
                      <span className="sr-only">{t("ordersadmin.bulk.select")}</span>
                    </th>
                  )}
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("ordersadmin.order")}
                  </th>
                  <th scope="col" className="hidden px-4 py-3 font-semibold lg:table-cell">
                    {t("ordersadmin.date")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("ordersadmin.customerCol")}
                  </th>
                  <th scope="col" className="hidden px-4 py-3 font-semibold xl:table-cell">
                    {t("ordersadmin.paymentCol")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("ordersadmin.statusCol")}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold">
                    {t("ordersadmin.totalCol")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {items.map((o) => (
                  <tr
                    key={o.id}
                    data-order={o.number}
                    className={clsx(
                      "transition-colors hover:bg-surface-2",
                      selected.has(o.id) && "bg-brand-soft/40",
                      flash.has(o.id) && "bg-amber-50 dark:bg-amber-400/10",
                    )}
                  >
                    {canWrite && (
                      <td className="px-4 py-3">
                        <input
                          type="checkbox"
                          name="ids"
                          value={o.id}
                          form={formId}
                          checked={selected.has(o.id)}
                          onChange={(e) => toggle(o.id, e.target.checked)}
                          aria-label={t("ordersadmin.bulk.selectOne", { number: o.number })}
                          className="size-4 accent-[var(--brand)]"
                        />
                      </td>
                    )}
                    <td className="whitespace-nowrap px-4 py-3">
                      <Link to={`/admin/siparisler/${o.id}`} className="font-bold tabular-nums hover:text-brand hover:underline">
                        #{o.number}
                      </Link>
                      <span className="block text-muted text-xs">
                        {t("ordersadmin.itemCount", { count: o.itemCount })}
                        <span className="lg:hidden"> · {formatDateTime(o.placedAt, locale)}</span>
                      </span>
                      {flash.has(o.id) && <span className="sr-only"> ({t("ordersadmin.rowUpdated")})</span>}
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-3 text-muted tabular-nums lg:table-cell">
                      {formatDateTime(o.placedAt, locale)}
                    </td>
                    <td className="max-w-64 px-4 py-3">
                      <span className="block truncate font-medium">{o.customerName || "—"}</span>
                      <span className="block truncate text-muted text-xs">{o.email}</span>
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-3 xl:table-cell">{methodLabel(t, o.paymentMethod)}</td>
                    <td className="px-4 py-3">
                      <OrderStatusBadge status={o.status} tone={o.tone} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-right">
                      <span className="block font-semibold tabular-nums">{fmt(o.grandTotal, o.currency)}</span>
                      {o.refundedTotal > 0 && (
                        <span className="block text-muted text-xs tabular-nums">
                          {t("ordersadmin.refundedShort", { amount: fmt(o.refundedTotal, o.currency) })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <p className="mt-4 text-muted text-sm" data-testid="orders-total">
        {total > 0
          ? t("ordersadmin.range", { from: (page - 1) * perPage + 1, to: Math.min(page * perPage, total), total })
          : t("ordersadmin.count", { count: 0 })}
      </p>
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />

      <ConfirmDialog
        open={pending !== null}
        title={t("ordersadmin.bulk.confirmTitle", { count: selected.size })}
        confirmLabel={t("ordersadmin.bulk.confirm")}
        danger={pendingStatus === "cancelled"}
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) submit(pending, { method: "post" });
          setPending(null);
        }}
      >
        <p>{t("ordersadmin.bulk.confirmBody", { status: pendingStatus ? statusLabel(t, pendingStatus) : "" })}</p>
        {pendingStatus === "cancelled" && <p className="mt-2 font-medium text-fg">{t("ordersadmin.bulk.confirmCancel")}</p>}
      </ConfirmDialog>
    </>
  );
}

function StatusChip({
  to,
  active,
  label,
  count,
  tone,
  status,
}: {
  to: string;
  active: boolean;
  label: string;
  count: number;
  tone?: string;
  status?: string;
}) {
  const locale = useLocale();
  const dot = tone ? TONE_CLASSES[tone]?.dot : "bg-brand";
  return (
    <Link
      to={to}
      preventScrollReset
      aria-current={active ? "true" : undefined}
      data-chip={status ?? "all"}
      className={clsx(
        "inline-flex h-9 items-center gap-2 whitespace-nowrap rounded-full border px-3.5 font-semibold text-sm transition-colors",
        active ? "border-brand bg-brand-soft text-on-brand-soft" : "border-line bg-surface text-fg hover:border-brand",
      )}
    >
      <span aria-hidden="true" className={clsx("size-2 rounded-full", dot)} />
      {label}
      <span
        className={clsx(
          "rounded-full px-1.5 text-xs tabular-nums",
          active ? "bg-surface/70 text-on-brand-soft" : "bg-surface-2 text-muted",
        )}
      >
        {count.toLocaleString(intlLocale(locale))}
      </span>
      {active && status && <X aria-hidden="true" className="-mr-1 size-3.5" />}
    </Link>
  );
}

function Field({ id, label, className, children }: { id: string; label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 flex items-center gap-1 font-semibold text-muted text-xs">
        {id.endsWith("from") || id.endsWith("to") ? <CalendarRange aria-hidden="true" className="size-3.5" /> : null}
        {label}
      </label>
      {children}
    </div>
  );
}

function BulkSummary({ results, status }: { results: BulkStatusResult[]; status: OrderStatus }) {
  const { locale } = useRootData();
  const t = getT(locale);
  const ok = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  return (
    <>
      {ok.length > 0 && (
        <Notice tone="success">{t("ordersadmin.bulk.resultOk", { count: ok.length, status: statusLabel(t, status) })}</Notice>
      )}
      {failed.length > 0 && (
        <Notice tone="error">
          <p>{t("ordersadmin.bulk.resultFailed", { count: failed.length })}</p>
          <ul className="mt-1.5 list-disc space-y-0.5 pl-5 font-normal">
            {failed.map((r) => (
              <li key={r.id}>
                {r.number ? (
                  <Link to={`/admin/siparisler/${r.id}`} className="font-semibold underline">
                    #{r.number}
                  </Link>
                ) : (
                  t("ordersadmin.bulk.unknownOrder")
                )}
                : {errorMessage(t, r.code ?? "", r.message ?? "")}
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}
