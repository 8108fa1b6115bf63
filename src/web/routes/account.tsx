import { LayoutDashboard, LogIn, UserRound } from "lucide-react";
import { Link } from "react-router";
import { getT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";

// Customer accounts are not built yet: this page says so, and points staff to the admin panel.
export default function Account() {
  const { store, locale, user, isStaff } = useRootData();
  const t = getT(locale);
  return (
    <div className="container-page py-8">
      <Seo title={`${t("account.title")} | ${store.name}`} noindex />
      <h1 className="font-bold text-2xl tracking-tight sm:text-3xl">{t("account.title")}</h1>
      <section className="mt-6 max-w-2xl rounded-2xl border border-line bg-surface p-6 sm:p-8">
        <div className="flex gap-4">
          <div className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">
            <UserRound aria-hidden="true" className="size-6" />
          </div>
          <div>
            {user ? (
              <>
                <h2 className="font-bold text-lg">{t("account.signedInAs", { name: user.name || user.email })}</h2>
                <p className="text-muted text-sm">{user.email}</p>
              </>
            ) : (
              <h2 className="font-bold text-lg">{t("account.customersSoonTitle")}</h2>
            )}
            <p className="mt-2 text-muted">{t("account.customersSoonText")}</p>
          </div>
        </div>
        <div className="mt-6 border-line border-t pt-6">
          {isStaff ? (
            <Link to="/admin" className="btn btn-primary" reloadDocument>
              <LayoutDashboard aria-hidden="true" className="size-4" />
              {t("account.openAdmin")}
            </Link>
          ) : (
            <p className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
              <span className="text-muted">{t("account.staffPrompt")}</span>
              <Link to="/admin/giris" className="link inline-flex items-center gap-1.5 font-semibold">
                <LogIn aria-hidden="true" className="size-4" />
                {t("account.staffLink")}
              </Link>
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
