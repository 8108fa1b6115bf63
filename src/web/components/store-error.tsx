import { Search } from "lucide-react";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { type MessageKey, useT } from "../i18n/index.ts";
import { StatusPage } from "./status-page.tsx";

/** Error boundary body for store pages: keeps the store header and footer around the message. */
export function StoreError({
  notFoundTitle = "notFound.title",
  notFoundText = "notFound.text",
}: {
  notFoundTitle?: MessageKey;
  notFoundText?: MessageKey;
}) {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status !== 404 && import.meta.env.DEV) console.error(error);
  const notFound = status === 404;
  return (
    <div className="container-page py-12">
      <title>{notFound ? t(notFoundTitle) : t("error.title")}</title>
      <meta name="robots" content="noindex" />
      <StatusPage
        code={status}
        title={notFound ? t(notFoundTitle) : t("error.title")}
        text={notFound ? t(notFoundText) : t("error.text")}
        homeLabel={t("notFound.home")}
      >
        {notFound && (
          <Link to="/ara" className="btn btn-secondary">
            <Search aria-hidden="true" className="size-4" />
            {t("notFound.search")}
          </Link>
        )}
      </StatusPage>
    </div>
  );
}
