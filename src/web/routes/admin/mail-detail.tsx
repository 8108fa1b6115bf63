import { ArrowLeft } from "lucide-react";
import { data, isRouteErrorResponse, Link, useRouteError } from "react-router";
import { MailStatus } from "../../components/admin-ui.tsx";
import { StatusPage } from "../../components/status-page.tsx";
import { requirePermission } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/mail-detail";

export async function loader({ context, params }: Route.LoaderArgs) {
  const mail = await requirePermission(context, "mail:read").mail.get(params.id);
  if (!mail) throw data(null, { status: 404 });
  return { mail };
}

export default function MailDetail({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const { mail } = loaderData;
  return (
    <>
      <title>{`${mail.subject || t("mail.noSubject")} | ${t("mail.title")} | ${store.name}`}</title>
      <Link to="/admin/e-postalar" className="inline-flex items-center gap-1.5 font-semibold text-brand text-sm hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("mail.back")}
      </Link>
      <article className="mt-4 overflow-hidden rounded-2xl border border-line bg-surface">
        <header className="border-line border-b p-5 sm:p-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h1 className="font-bold text-xl tracking-tight">{mail.subject || t("mail.noSubject")}</h1>
            <MailStatus status={mail.status} />
          </div>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-muted">{t("mail.to")}</dt>
            <dd className="break-all font-medium">{mail.to.join(", ")}</dd>
            <dt className="text-muted">{t("mail.date")}</dt>
            <dd className="font-medium tabular-nums">{formatDateTime(mail.createdAt, locale)}</dd>
          </dl>
        </header>
        <section aria-labelledby="mail-html" className="border-line border-b p-5 sm:p-6">
          <h2 id="mail-html" className="mb-3 font-semibold text-muted text-sm uppercase tracking-wider">
            {t("mail.html")}
          </h2>
          {mail.html ? (
            // No scripts, no same-origin access, no forms, no top navigation: the message is inert.
            <iframe
              title={t("mail.htmlFrame")}
              sandbox=""
              srcDoc={mail.html}
              referrerPolicy="no-referrer"
              className="h-[36rem] w-full resize-y rounded-xl border border-line bg-white"
            />
          ) : (
            <p className="text-muted text-sm">{t("mail.noHtml")}</p>
          )}
        </section>
        <section aria-labelledby="mail-text" className="p-5 sm:p-6">
          <h2 id="mail-text" className="mb-3 font-semibold text-muted text-sm uppercase tracking-wider">
            {t("mail.text")}
          </h2>
          <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-xl bg-surface-2 p-4 font-mono text-[0.8125rem] leading-6">
            {mail.text}
          </pre>
        </section>
      </article>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <StatusPage
      code={isRouteErrorResponse(error) ? error.status : 500}
      title={notFound ? t("mail.notFound") : t("error.title")}
      text={notFound ? t("notFound.text") : t("error.text")}
      homeLabel={t("mail.back")}
      homeTo="/admin/e-postalar"
    />
  );
}
