import clsx from "clsx";
import { ChevronDown, ScrollText } from "lucide-react";
import { Form, Link } from "react-router";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { EmptyState, FilterActions, PageHeader } from "../../components/admin-ui.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { requirePermission } from "../../context.ts";
import { getT, type TFunction } from "../../i18n/index.ts";
import { AUDIT_TYPE_GROUPS, type AuditLabels, auditLabels } from "../../lib/audit-labels.ts";
import { isDay } from "../../lib/dates.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { AuditRow } from "../../services/people-admin.ts";
import type { Route } from "./+types/audit";

/** Every value the type filter offers (exact types and prefixes); others come from a URL. */
const KNOWN_FILTERS = new Set(["", ...AUDIT_TYPE_GROUPS.flatMap((g) => [...g.all.map((o) => o.value), ...g.types])]);

const TYPE_RE = /^[a-z0-9_.]+\*?$/;

// URL parameters: ?tur=&kisi=&baslangic=YYYY-MM-DD&bitis=YYYY-MM-DD&sayfa=
export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "audit:read");
  const p = url.searchParams;
  const type = p.get("tur") ?? "";
  const actor = (p.get("kisi") ?? "").trim().slice(0, 254);
  const from = p.get("baslangic") ?? "";
  const to = p.get("bitis") ?? "";
  const raw = Number.parseInt(p.get("sayfa") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 100_000) : 1;
  const result = await admin.people.audit.query({
    type: TYPE_RE.test(type) ? type : undefined,
    actor: actor || undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    page,
  });
  return { ...result, filters: { type, actor, from, to }, pathname: url.pathname, search: url.search };
}

function actorText(t: TFunction, e: AuditRow): string {
  if (e.actorKind === "api_key") return t("adminpeople.apiKey", { name: e.actorEmail ?? "" });
  if (e.actorKind === "system") return t("adminpeople.system");
  if (e.actorKind === "anonymous") return e.actorEmail ? `${e.actorEmail} (${t("adminpeople.anonymous")})` : t("adminpeople.anonymous");
  return e.actorEmail ?? "—";
}

function Diff({ event, t, labels }: { event: AuditRow; t: TFunction; labels: AuditLabels }) {
  const keys = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  const only = event.before === null ? "after" : event.after === null ? "before" : null;
  const summary = labels.summary(event);
  return (
    <div className="space-y-3 text-sm">
      {keys.length === 0 ? (
        <p className="text-muted">{t("adminpeople.noDiff")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[24rem] text-left">
            <thead className="text-muted text-xs uppercase tracking-wider">
              <tr>
                <th scope="col" className="w-[34%] py-1.5 pr-4 font-semibold">
                  {t("adminpeople.field")}
                </th>
                <th scope="col" className="py-1.5 pr-4 font-semibold">
                  {t("adminpeople.before")}
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  {t("adminpeople.after")}
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const label = labels.field(k);
                return (
                  <tr key={k} className="border-line border-t align-top">
                    <th scope="row" className="py-2 pr-4 text-left font-medium">
                      {label}
                      {label !== k && <code className="mt-0.5 block font-mono font-normal text-muted text-xs">{k}</code>}
                    </th>
                    <td className={clsx("break-words py-2 pr-4 tabular-nums", only === "after" ? "text-muted" : "text-sale")}>
                      {only === "after" ? "—" : labels.value(k, event.before?.[k])}
                    </td>
                    <td className={clsx("break-words py-2 tabular-nums", only === "before" ? "text-muted" : "text-ok")}>
                      {only === "before" ? "—" : labels.value(k, event.after?.[k])}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {summary && (
        <p className="break-words text-xs">
          <span className="text-muted">{t("adminpeople.summary")}:</span> {summary}
        </p>
      )}
      {event.targetType && (
        <p className="text-muted text-xs">
          {t("adminpeople.target")}: {labels.target(event.targetType)}{" "}
          {event.targetType === "customer" && event.targetId ? (
            <Link to={`/admin/musteriler/${event.targetId}`} className="link font-mono">
              {event.targetId}
            </Link>
          ) : (
            <span className="font-mono">{event.targetId ?? ""}</span>
          )}
        </p>
      )}
    </div>
  );
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const labels = auditLabels(locale, store.currency);
  const { items, total, page, perPage, filters, pathname, search } = loaderData;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const filtered = Boolean(filters.type || filters.actor || filters.from || filters.to);
  const knownType = KNOWN_FILTERS.has(filters.type);
  const label = "mb-1.5 block font-semibold text-xs text-muted uppercase tracking-wider";
  return (
    <>
      <title>{`${t("adminpeople.auditTitle")} | ${store.name}`}</title>
      <PageHeader title={t("adminpeople.auditTitle")} subtitle={t("adminpeople.auditSubtitle")}>
        <p className="text-muted text-sm" data-testid="audit-total">
          {t("adminpeople.auditTotal", { count: total })}
        </p>
      </PageHeader>

      <Form
        method="get"
        className="mb-5 grid gap-3 rounded-2xl border border-line bg-surface p-4 sm:grid-cols-2 xl:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_10rem_10rem_auto] xl:items-end"
      >
        <div>
          <label htmlFor="audit-type" className={label}>
            {t("adminpeople.type")}
          </label>
          <select id="audit-type" name="tur" defaultValue={filters.type} className={selectClass}>
            <option value="">{t("adminpeople.typeAll")}</option>
            {AUDIT_TYPE_GROUPS.map((g) => (
              <optgroup key={g.group} label={t(g.group)}>
                {g.all.map((o) => (
                  <option key={o.value} value={o.value}>
                    {t(o.label)}
                  </option>
                ))}
                {g.types.map((type) => (
                  <option key={type} value={type}>
                    {labels.type(type)}
                  </option>
                ))}
              </optgroup>
            ))}
            {!knownType && <option value={filters.type}>{labels.type(filters.type)}</option>}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className={label}>
            {t("adminpeople.actor")}
          </label>
          <input
            id="audit-actor"
            name="kisi"
            type="search"
            defaultValue={filters.actor}
            className="field h-11"
            placeholder="ornek@magaza.com"
          />
        </div>
        <div>
          <label htmlFor="audit-from" className={label}>
            {t("adminpeople.from")}
          </label>
          <input id="audit-from" name="baslangic" type="date" defaultValue={filters.from} className="field h-11" />
        </div>
        <div>
          <label htmlFor="audit-to" className={label}>
            {t("adminpeople.to")}
          </label>
          <input id="audit-to" name="bitis" type="date" defaultValue={filters.to} className="field h-11" />
        </div>
        <FilterActions clearTo={pathname} filtered={filtered} className="sm:col-span-2 xl:col-span-1" buttonClassName="xl:flex-none" />
      </Form>

      {items.length === 0 ? (
        <EmptyState icon={ScrollText}>{t("adminpeople.auditEmpty")}</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-2xl border border-line bg-surface">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[11rem_13rem_minmax(0,1fr)_8rem_minmax(0,1.2fr)_1.5rem] gap-4 border-line border-b bg-surface-2 px-4 py-3 font-semibold text-muted text-xs uppercase tracking-wider lg:grid"
          >
            <span>{t("adminpeople.time")}</span>
            <span>{t("adminpeople.type")}</span>
            <span>{t("adminpeople.actor")}</span>
            <span>{t("adminpeople.ip")}</span>
            <span>{t("adminpeople.summary")}</span>
            <span />
          </div>
          <ul className="divide-y divide-line" data-testid="audit-events">
            {items.map((e) => (
              <li key={e.id}>
                <details className="group">
                  <summary className="grid cursor-pointer list-none grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 px-4 py-3 text-sm hover:bg-surface-2 lg:grid-cols-[11rem_13rem_minmax(0,1fr)_8rem_minmax(0,1.2fr)_1.5rem] lg:items-center [&::-webkit-details-marker]:hidden">
                    <span className="order-2 whitespace-nowrap text-muted text-xs tabular-nums lg:order-none lg:text-sm">
                      {formatDateTime(e.createdAt, locale)}
                    </span>
                    <span className="order-1 min-w-0 lg:order-none">
                      <span className="block font-semibold leading-snug" data-testid="audit-type-label">
                        {labels.type(e.type)}
                      </span>
                      <code className="block truncate font-mono text-muted text-xs" data-testid="audit-type-code">
                        {e.type}
                      </code>
                    </span>
                    <span className="order-3 col-span-2 min-w-0 truncate lg:order-none lg:col-span-1">{actorText(t, e)}</span>
                    <span className="order-4 col-span-2 truncate text-muted text-xs tabular-nums lg:order-none lg:col-span-1 lg:text-sm">
                      {e.ip ?? "—"}
                    </span>
                    <span
                      className="order-5 col-span-2 min-w-0 truncate text-muted lg:order-none lg:col-span-1"
                      title={labels.brief(e) || undefined}
                    >
                      {labels.brief(e)}
                    </span>
                    <ChevronDown
                      aria-hidden="true"
                      className="order-1 size-4 justify-self-end text-muted group-open:rotate-180 lg:order-none"
                    />
                    <span className="sr-only">{t("adminpeople.details")}</span>
                  </summary>
                  <div className="border-line border-t border-dashed bg-page/60 px-4 py-4">
                    <Diff event={e} t={t} labels={labels} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />
    </>
  );
}
