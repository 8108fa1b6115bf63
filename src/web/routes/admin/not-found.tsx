import { data, isRouteErrorResponse, useRouteError } from "react-router";
import { StatusPage } from "../../components/status-page.tsx";
import { useT } from "../../i18n/index.ts";

export function loader() {
  throw data(null, { status: 404 });
}

export default function AdminNotFound() {
  return null;
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <StatusPage
      code={status}
      title={status === 404 ? t("notFound.title") : t("error.title")}
      text={status === 404 ? t("notFound.text") : t("error.text")}
      homeLabel={t("admin.navDashboard")}
      homeTo="/admin"
    />
  );
}
