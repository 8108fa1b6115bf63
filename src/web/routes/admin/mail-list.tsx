import { ChevronRight, Inbox } from "lucide-react";
import { Link } from "react-router";
import { EmptyState, MailStatus, PageHeader } from "../../components/admin-ui.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { MAIL_PAGE_SIZE, requirePermission } from "../../context.ts";
import { getT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/mail-list";

export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "mail:read");
  const raw = Number.parseInt(url.searchParams.get("sayfa") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? raw : 1;
  const result = await admin.mail.list(page);
  return { ...result, perPage: result.perPage ?? MAIL_PAGE_SIZE, page, pathname: url.pathname, search: url.search };
}

export default function MailList({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const { items, total, perPage, page, pathname, search } = loaderData;
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <>
      <title>{`${t("mail.title")} | ${store.name}`}</title>
      <PageHeader title={t("mail.title")} subtitle={t("mail.subtitle")}>
        <p className="text-muted text-sm">{t("mail.total", { count: total })}</p>
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState icon={Inbox}>{t("mail.empty")}</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-2xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <thead className="border-line border-b bg-surface-2 text-muted text-xs uppercase tracking-wider">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("mail.subject")}
                </th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">
                  {t("mail.to")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("mail.status")}
                </th>
                <th scope="col" className="hidden px-4 py-3 font-semibold sm:table-cell">
                  {t("mail.date")}
                </th>
                <th scope="col" className="w-8">
                  <span className="sr-only">›</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((mail) => (
                <tr key={mail.id} className="relative transition-colors hover:bg-surface-2">
                  <td className="max-w-0 px-4 py-3.5">
                    <Link
                      to={`/admin/e-postalar/${mail.id}`}
                      className="block truncate font-semibold after:absolute after:inset-0 after:content-[''] hover:text-brand"
                    >
                      {mail.subject || t("mail.noSubject")}
                    </Link>
                    <span className="mt-0.5 block truncate text-muted text-xs md:hidden">{mail.to.join(", ")}</span>
                  </td>
                  <td className="hidden max-w-0 truncate px-4 py-3.5 text-muted md:table-cell">{mail.to.join(", ")}</td>
                  <td className="px-4 py-3.5">
                    <MailStatus status={mail.status} />
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-3.5 text-muted tabular-nums sm:table-cell">
                    {formatDateTime(mail.createdAt, locale)}
                  </td>
                  <td className="pr-3 text-muted">
                    <ChevronRight aria-hidden="true" className="size-4" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />
    </>
  );
}
