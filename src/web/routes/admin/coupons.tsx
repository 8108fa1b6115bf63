import clsx from "clsx";
import { CalendarRange, ChevronRight, EyeOff, Pencil, Plus, Search, Ticket } from "lucide-react";
import { useState } from "react";
import { Form, Link, useNavigation } from "react-router";
import {
  ActionNotice,
  DeleteConfirmDialog,
  DeleteForm,
  type PendingDelete,
  readActionForm,
} from "../../components/admin-catalog/page-actions.tsx";
import { IconButton } from "../../components/admin-catalog/specs-editor.tsx";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { AdminCoupon, CouponStatus } from "../../services/commerce-admin.ts";
import type { Route } from "./+types/coupons";

// URL parameters: ?q=&durum=aktif|planli|suresi-doldu|tukendi|pasif&sayfa=
const STATUS_PARAM: Record<string, CouponStatus> = {
  aktif: "active",
  planli: "scheduled",
  "suresi-doldu": "expired",
  tukendi: "used-up",
  pasif: "inactive",
};
const PARAM_OF = Object.fromEntries(Object.entries(STATUS_PARAM).map(([k, v]) => [v, k])) as Record<CouponStatus, string>;

export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const p = url.searchParams;
  const q = (p.get("q") ?? "").trim().slice(0, 200);
  const status = STATUS_PARAM[p.get("durum") ?? ""];
  const raw = Number.parseInt(p.get("sayfa") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 10_000) : 1;
  const result = await admin.commerce.coupons.list({ q: q || undefined, status, page });
  return { ...result, q, status: status ?? null, saved: p.get("kaydedildi"), pathname: url.pathname, search: url.search };
}

type ActionResult = { intent: string; ok: boolean; message?: string; code?: string; name?: string };

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "catalog:write");
  const t = getT(getApp(context).locale);
  const { intent, id, text } = await readActionForm(request);
  const name = text("name");
  const result =
    intent === "delete"
      ? await admin.commerce.coupons.remove(id)
      : intent === "deactivate"
        ? await admin.commerce.coupons.update(id, { active: false })
        : null;
  if (!result) return { intent, ok: false, message: `Unknown action "${intent}".` };
  if (result.ok) return { intent, ok: true, name };
  const message =
    result.code === "coupon-used"
      ? t("commerceadmin.coupon.usedCannotDelete", { code: name })
      : result.code === "not-found"
        ? t("catalogadmin.notFound")
        : result.message;
  return { intent, ok: false, code: result.code, message, name };
}

const badge = "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 font-semibold text-xs";
const STATUS_STYLE: Record<CouponStatus, { label: MessageKey; className: string; dot: string }> = {
  active: {
    label: "commerceadmin.status.active",
    className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300",
    dot: "bg-emerald-600 dark:bg-emerald-400",
  },
  scheduled: {
    label: "commerceadmin.status.scheduled",
    className: "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-300",
    dot: "bg-sky-600 dark:bg-sky-400",
  },
  expired: {
    label: "commerceadmin.status.expired",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300",
    dot: "bg-amber-500 dark:bg-amber-300",
  },
  "used-up": {
    label: "commerceadmin.status.used-up",
    className: "bg-rose-100 text-rose-900 dark:bg-rose-400/15 dark:text-rose-300",
    dot: "bg-rose-600 dark:bg-rose-400",
  },
  inactive: { label: "commerceadmin.status.inactive", className: "bg-surface-2 text-muted", dot: "bg-muted" },
};

/** aktif / planlandı / süresi doldu / tükendi / pasif. */
export function CouponStatusBadge({ status, t }: { status: CouponStatus; t: TFunction }) {
  const s = STATUS_STYLE[status];
  return (
    <span className={clsx(badge, s.className)} data-status={status}>
      <span aria-hidden="true" className={clsx("size-1.5 rounded-full", s.dot)} />
      {t(s.label)}
    </span>
  );
}

/** "%25 indirim (en fazla 500,00 ₺)", "50,00 ₺ indirim", "Ücretsiz kargo". */
export function discountText(c: Pick<AdminCoupon, "kind" | "value" | "maxDiscount">, t: TFunction, fmt: (minor: number) => string): string {
  if (c.kind === "free_shipping") return t("commerceadmin.kind.freeShippingShort");
  if (c.kind === "fixed") return t("commerceadmin.discount.fixed", { amount: fmt(c.value) });
  const percent = t("commerceadmin.discount.percent", { percent: c.value });
  return c.maxDiscount ? `${percent} ${t("commerceadmin.discount.max", { amount: fmt(c.maxDiscount) })}` : percent;
}

/** Uses so far against the limit, as a bar ("12 / 100") or a count when unlimited. */
export function UsageBar({ used, limit, t }: { used: number; limit: number | null; t: TFunction }) {
  if (limit === null) {
    return (
      <span className="block text-sm tabular-nums">
        <span className="font-semibold">{t("commerceadmin.usage.uses", { used })}</span>
        <span className="block text-muted text-xs">{t("commerceadmin.usage.noLimit")}</span>
      </span>
    );
  }
  const pct = Math.min(100, Math.round((used / Math.max(1, limit)) * 100));
  return (
    <div className="min-w-28">
      <div className="flex items-baseline justify-between gap-2 text-sm tabular-nums">
        <span className="font-semibold">
          <span className="sr-only">{t("commerceadmin.usage.label")}: </span>
          {t("commerceadmin.usage.count", { used, limit })}
        </span>
        <span className="text-muted text-xs">{t("commerceadmin.usage.percent", { pct })}</span>
      </div>
      <div aria-hidden="true" className="mt-1 h-1.5 overflow-hidden rounded-full bg-surface-2">
        <div
          className={clsx("h-full rounded-full", pct >= 100 ? "bg-sale" : pct >= 80 ? "bg-warn" : "bg-brand")}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}

function validity(c: AdminCoupon, t: TFunction, locale: "tr" | "en"): string {
  if (!c.startsAt && !c.endsAt) return t("commerceadmin.dates.always");
  if (c.startsAt && c.endsAt) return `${formatDateTime(c.startsAt, locale)} – ${formatDateTime(c.endsAt, locale)}`;
  if (c.startsAt) return t("commerceadmin.dates.from", { date: formatDateTime(c.startsAt, locale) });
  return t("commerceadmin.dates.until", { date: formatDateTime(c.endsAt as string, locale) });
}

function conditions(c: AdminCoupon, t: TFunction, fmt: (minor: number) => string): string[] {
  const out: string[] = [];
  if (c.minBasket > 0) out.push(t("commerceadmin.cond.minBasket", { amount: fmt(c.minBasket) }));
  if (c.scope === "categories") out.push(t("commerceadmin.cond.categories", { count: c.scopeIds.length }));
  if (c.scope === "products") out.push(t("commerceadmin.cond.products", { count: c.scopeIds.length }));
  if (c.perCustomerLimit) out.push(t("commerceadmin.cond.perCustomer", { count: c.perCustomerLimit }));
  if (c.isPublic) out.push(t("commerceadmin.cond.public"));
  return out;
}

export default function Coupons({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const fmt = (minor: number) => money(minor, store.currency, locale);
  const { items, total, page, perPage, counts, q, status, saved, pathname, search } = loaderData;
  const canWrite = permissions.includes("catalog:write");
  const busy = useNavigation().state !== "idle";
  const result = actionData as ActionResult | undefined;
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const tabHref = (s: CouponStatus | null) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (s) params.set("durum", PARAM_OF[s]);
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const tabs: { status: CouponStatus | null; label: string; count: number }[] = [
    { status: null, label: t("commerceadmin.coupons.all"), count: counts.all },
    ...(["active", "scheduled", "expired", "used-up", "inactive"] as const).map((s) => ({
      status: s,
      label: t(STATUS_STYLE[s].label),
      count: counts[s],
    })),
  ];

  return (
    <>
      <title>{`${t("commerceadmin.coupons.title")} | ${store.name}`}</title>
      <PageHeader title={t("commerceadmin.coupons.title")} subtitle={t("commerceadmin.coupons.subtitle")}>
        {canWrite && (
          <Link to="/admin/kuponlar/yeni" className="btn btn-primary h-11">
            <Plus aria-hidden="true" className="size-4" />
            {t("commerceadmin.coupons.new")}
          </Link>
        )}
      </PageHeader>

      {saved && !result && (
        <div className="mb-4">
          <Notice tone="success">{t("commerceadmin.coupon.saved", { code: saved })}</Notice>
        </div>
      )}
      <ActionNotice
        result={result}
        success={(r) =>
          r.intent === "delete"
            ? t("commerceadmin.coupon.deleted", { code: r.name ?? "" })
            : t("commerceadmin.coupon.deactivated", { code: r.name ?? "" })
        }
      />

      <nav aria-label={t("commerceadmin.coupons.filterLabel")} className="no-scrollbar -mx-1 mb-3 flex gap-1 overflow-x-auto px-1 pb-1">
        {tabs.map((tab) => {
          const current = tab.status === status;
          return (
            <Link
              key={tab.status ?? "all"}
              to={tabHref(tab.status)}
              aria-current={current ? "page" : undefined}
              className={clsx(
                "inline-flex h-9 shrink-0 items-center gap-2 rounded-full border px-3.5 font-semibold text-sm transition-colors",
                current ? "border-brand bg-brand-soft text-on-brand-soft" : "border-line bg-surface text-fg hover:border-brand",
              )}
            >
              {tab.label}
              <span className={clsx("rounded-full px-1.5 text-xs tabular-nums", current ? "bg-surface/60" : "bg-surface-2 text-muted")}>
                {tab.count}
              </span>
            </Link>
          );
        })}
      </nav>

      <Form method="get" role="search" className="mb-5 flex gap-2 rounded-2xl border border-line bg-surface p-3 sm:p-4">
        {status && <input type="hidden" name="durum" value={PARAM_OF[status]} />}
        <div className="relative flex-1">
          <label htmlFor="coupon-q" className="sr-only">
            {t("commerceadmin.coupons.searchLabel")}
          </label>
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted" />
          <input
            id="coupon-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("commerceadmin.coupons.search")}
            className="field h-11 pl-10"
          />
        </div>
        <button type="submit" className="btn btn-secondary h-11">
          {t("commerceadmin.coupons.searchButton")}
        </button>
      </Form>

      {items.length === 0 ? (
        <EmptyState icon={Ticket}>{q || status ? t("commerceadmin.coupons.noMatch") : t("commerceadmin.coupons.empty")}</EmptyState>
      ) : (
        <>
          {/* phones: cards */}
          <ul className="space-y-3 md:hidden" data-testid="coupon-cards">
            {items.map((c) => (
              <li key={c.id} className="rounded-2xl border border-line bg-surface p-4">
                <Link to={`/admin/kuponlar/${c.id}`} className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-mono font-bold text-base tracking-wide">{c.code}</p>
                    <p className="truncate text-muted text-sm">{c.title}</p>
                  </div>
                  <CouponStatusBadge status={c.status} t={t} />
                </Link>
                <p className="mt-2 font-semibold text-sm">{discountText(c, t, fmt)}</p>
                <p className="mt-1 flex items-center gap-1 text-muted text-xs">
                  <CalendarRange aria-hidden="true" className="size-3.5" />
                  {validity(c, t, locale)}
                </p>
                <div className="mt-3 flex items-end justify-between gap-3">
                  <UsageBar used={c.usedCount} limit={c.usageLimit} t={t} />
                  <Link to={`/admin/kuponlar/${c.id}`} className="inline-flex items-center gap-1 font-semibold text-brand text-sm">
                    {canWrite ? t("catalogadmin.edit") : t("commerceadmin.view")}
                    <ChevronRight aria-hidden="true" className="size-4" />
                  </Link>
                </div>
              </li>
            ))}
          </ul>
          {/* tablets and up: a table */}
          <div className="hidden overflow-x-auto rounded-2xl border border-line bg-surface md:block">
            <table className="w-full text-left text-sm" data-testid="coupon-table">
              <caption className="sr-only">{t("commerceadmin.coupons.title")}</caption>
              <thead className="border-line border-b bg-surface-2 text-muted text-xs uppercase tracking-wider">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("commerceadmin.coupons.colCode")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("commerceadmin.coupons.colDiscount")}
                  </th>
                  <th scope="col" className="hidden px-4 py-3 font-semibold lg:table-cell">
                    {t("commerceadmin.coupons.colValidity")}
                  </th>
                  <th scope="col" className="w-40 px-4 py-3 font-semibold">
                    {t("commerceadmin.coupons.colUsage")}
                  </th>
                  <th scope="col" className="w-32 px-4 py-3 font-semibold">
                    {t("commerceadmin.coupons.colStatus")}
                  </th>
                  {canWrite && (
                    <th scope="col" className="w-24 px-4 py-3 text-right font-semibold">
                      <span className="sr-only">{t("catalogadmin.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {items.map((c) => {
                  const notes = conditions(c, t, fmt);
                  return (
                    <tr key={c.id} data-coupon={c.code} className="align-top transition-colors hover:bg-surface-2/60">
                      <td className="px-4 py-3.5">
                        <Link
                          to={`/admin/kuponlar/${c.id}`}
                          className="whitespace-nowrap font-bold font-mono tracking-wide hover:text-brand"
                        >
                          {c.code}
                        </Link>
                        <span className="mt-0.5 block max-w-56 truncate text-muted text-xs">{c.title}</span>
                      </td>
                      <td className="px-4 py-3.5">
                        <span className="font-semibold">{discountText(c, t, fmt)}</span>
                        {notes.length > 0 && <span className="mt-0.5 block text-muted text-xs">{notes.join(" · ")}</span>}
                      </td>
                      <td className="hidden whitespace-nowrap px-4 py-3.5 text-muted tabular-nums lg:table-cell">
                        {validity(c, t, locale)}
                      </td>
                      <td className="px-4 py-3.5">
                        <UsageBar used={c.usedCount} limit={c.usageLimit} t={t} />
                      </td>
                      <td className="px-4 py-3.5">
                        <CouponStatusBadge status={c.status} t={t} />
                      </td>
                      {canWrite && (
                        <td className="px-2 py-2.5">
                          <div className="flex items-center justify-end gap-0.5">
                            <Link
                              to={`/admin/kuponlar/${c.id}`}
                              title={t("catalogadmin.editName", { name: c.code })}
                              className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
                            >
                              <Pencil aria-hidden="true" className="size-4" />
                              <span className="sr-only">{t("catalogadmin.editName", { name: c.code })}</span>
                            </Link>
                            {c.usedCount > 0 ? (
                              c.active && (
                                <Form method="post" preventScrollReset className="contents">
                                  <input type="hidden" name="intent" value="deactivate" />
                                  <input type="hidden" name="id" value={c.id} />
                                  <input type="hidden" name="name" value={c.code} />
                                  <IconButton
                                    type="submit"
                                    label={t("commerceadmin.coupon.deactivateName", { code: c.code })}
                                    disabled={busy}
                                  >
                                    <EyeOff aria-hidden="true" className="size-4" />
                                  </IconButton>
                                </Form>
                              )
                            ) : (
                              <DeleteForm id={c.id} name={c.code} busy={busy} onDelete={(form, name) => setPendingDelete({ form, name })} />
                            )}
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />

      <DeleteConfirmDialog
        pending={pendingDelete}
        title={t("commerceadmin.coupon.deleteTitle", { code: pendingDelete?.name ?? "" })}
        onClose={() => setPendingDelete(null)}
      >
        {t("commerceadmin.coupon.deleteText")}
      </DeleteConfirmDialog>
    </>
  );
}
