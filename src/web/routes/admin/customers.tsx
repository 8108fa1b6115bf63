import { ChevronRight, Search, Users } from "lucide-react";
import { Form, Link } from "react-router";
import { StatusBadge, selectClass, TierBadge } from "../../components/admin-people-ui.tsx";
import { EmptyState, FilterActions, PageHeader } from "../../components/admin-ui.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { requirePermission } from "../../context.ts";
import { getT } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { CustomerListQuery } from "../../services/people-admin.ts";
import type { Route } from "./+types/customers";

// URL parameters: ?q=&uyelik=standard|premium&durum=aktif|devre-disi&sayfa=
export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "customers:read");
  const params = url.searchParams;
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const tierParam = params.get("uyelik");
  const tier = tierParam === "premium" || tierParam === "standard" ? tierParam : undefined;
  const statusParam = params.get("durum");
  const status = statusParam === "aktif" ? "active" : statusParam === "devre-disi" ? "disabled" : undefined;
  const raw = Number.parseInt(params.get("sayfa") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 100_000) : 1;
  const query: CustomerListQuery = { q: q || undefined, tier, status, page };
  const result = await admin.people.customers.list(query);
  return { ...result, q, tier: tier ?? "", status: statusParam ?? "", pathname: url.pathname, search: url.search };
}

export default function Customers({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const { items, total, page, perPage, q, tier, status, pathname, search } = loaderData;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const filtered = Boolean(q || tier || status);
  return (
    <>
      <title>{`${t("adminpeople.customersTitle")} | ${store.name}`}</title>
      <PageHeader title={t("adminpeople.customersTitle")} subtitle={t("adminpeople.customersSubtitle")}>
        <p className="text-muted text-sm" data-testid="customers-total">
          {t("adminpeople.customersTotal", { count: total })}
        </p>
      </PageHeader>

      <Form
        method="get"
        role="search"
        className="mb-5 grid gap-3 rounded-2xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_12rem_12rem_auto]"
      >
        <div className="relative sm:col-span-2 lg:col-span-1">
          <label htmlFor="customer-q" className="sr-only">
            {t("adminpeople.searchLabel")}
          </label>
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted" />
          <input
            id="customer-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("adminpeople.search")}
            className="field h-11 pl-10"
          />
        </div>
        <div>
          <label htmlFor="customer-tier" className="sr-only">
            {t("adminpeople.tier")}
          </label>
          <select id="customer-tier" name="uyelik" defaultValue={tier} className={selectClass}>
            <option value="">{t("adminpeople.tierAll")}</option>
            <option value="standard">{t("adminpeople.tierStandard")}</option>
            <option value="premium">{t("adminpeople.tierPremium")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="customer-status" className="sr-only">
            {t("adminpeople.status")}
          </label>
          <select id="customer-status" name="durum" defaultValue={status} className={selectClass}>
            <option value="">{t("adminpeople.statusAll")}</option>
            <option value="aktif">{t("adminpeople.statusActive")}</option>
            <option value="devre-disi">{t("adminpeople.statusDisabled")}</option>
          </select>
        </div>
        <FilterActions clearTo={pathname} filtered={filtered} className="sm:col-span-2 lg:col-span-1" buttonClassName="lg:flex-none" />
      </Form>

      {items.length === 0 ? (
        <EmptyState icon={Users}>{filtered ? t("adminpeople.noCustomers") : t("adminpeople.noCustomersYet")}</EmptyState>
      ) : (
        <>
          {/* phones: cards */}
          <ul className="space-y-3 md:hidden">
            {items.map((c) => (
              <li key={c.id}>
                <Link
                  to={`/admin/musteriler/${c.id}`}
                  className="block rounded-2xl border border-line bg-surface p-4 transition-colors hover:border-brand"
                >
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="truncate font-semibold">{c.name || c.email}</p>
                      <p className="truncate text-muted text-sm">{c.email}</p>
                    </div>
                    <ChevronRight aria-hidden="true" className="mt-1 size-4 shrink-0 text-muted" />
                  </div>
                  <div className="mt-3 flex flex-wrap items-center gap-2">
                    <TierBadge tier={c.tier} />
                    <StatusBadge disabled={c.disabled} />
                    <span className="ml-auto font-semibold text-sm tabular-nums">{money(c.storeCredit, store.currency, locale)}</span>
                  </div>
                  <p className="mt-2 text-muted text-xs tabular-nums">
                    {t("adminpeople.createdAt")}: {formatDateTime(c.createdAt, locale)}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
          {/* tablets and up: a table */}
          <div className="hidden overflow-hidden rounded-2xl border border-line bg-surface md:block">
            <table className="w-full text-left text-sm">
              <thead className="border-line border-b bg-surface-2 text-muted text-xs uppercase tracking-wider">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("adminpeople.name")}
                  </th>
                  <th scope="col" className="w-32 px-4 py-3 font-semibold">
                    {t("adminpeople.tier")}
                  </th>
                  <th scope="col" className="w-40 px-4 py-3 text-right font-semibold">
                    {t("adminpeople.storeCredit")}
                  </th>
                  <th scope="col" className="hidden w-48 px-4 py-3 font-semibold lg:table-cell">
                    {t("adminpeople.createdAt")}
                  </th>
                  <th scope="col" className="w-32 px-4 py-3 font-semibold">
                    {t("adminpeople.status")}
                  </th>
                  <th scope="col" className="w-8">
                    <span className="sr-only">›</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {items.map((c) => (
                  <tr key={c.id} className="relative transition-colors hover:bg-surface-2">
                    <td className="max-w-0 px-4 py-3.5">
                      <Link
                        to={`/admin/musteriler/${c.id}`}
                        className="block truncate font-semibold after:absolute after:inset-0 after:content-[''] hover:text-brand"
                      >
                        {c.name || c.email}
                      </Link>
                      <span className="mt-0.5 block truncate text-muted text-xs">{c.email}</span>
                    </td>
                    <td className="px-4 py-3.5">
                      <TierBadge tier={c.tier} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3.5 text-right font-medium tabular-nums">
                      {money(c.storeCredit, store.currency, locale)}
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-3.5 text-muted tabular-nums lg:table-cell">
                      {formatDateTime(c.createdAt, locale)}
                    </td>
                    <td className="px-4 py-3.5">
                      <StatusBadge disabled={c.disabled} />
                    </td>
                    <td className="pr-3 text-muted">
                      <ChevronRight aria-hidden="true" className="size-4" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />
    </>
  );
}
