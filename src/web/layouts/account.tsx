import clsx from "clsx";
import { LogOut, MapPin, Package, ShieldCheck, UserRound, UserRoundCog } from "lucide-react";
import { useEffect, useRef } from "react";
import { Form, NavLink, Outlet, redirect, useLocation, useSearchParams } from "react-router";
import { Notice } from "../components/auth-ui.tsx";
import { getApp } from "../context.ts";
import { type MessageKey, useT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import type { Route } from "./+types/account";

// Every /hesap page needs a signed-in person; the middleware runs before any loader.
export const middleware: Route.MiddlewareFunction[] = [
  ({ context, url }) => {
    const app = getApp(context);
    if (app.user && app.account) return;
    throw redirect(`/giris?next=${encodeURIComponent(url.pathname + url.search)}`);
  },
];

// A loader makes client-side navigations into /hesap go through the server (and the middleware).
export function loader() {
  return null;
}

const NAV: { to: string; label: MessageKey; icon: typeof UserRound; end?: boolean }[] = [
  { to: "/hesap", label: "myaccount.navProfile", icon: UserRound, end: true },
  { to: "/hesap/siparisler", label: "myaccount.navOrders", icon: Package },
  { to: "/hesap/guvenlik", label: "myaccount.navSecurity", icon: ShieldCheck },
  { to: "/hesap/adresler", label: "myaccount.navAddresses", icon: MapPin },
  { to: "/hesap/gizlilik", label: "myaccount.navPrivacy", icon: UserRoundCog },
];

export default function AccountLayout() {
  const t = useT();
  const { user } = useRootData();
  const [params] = useSearchParams();
  const verified = params.get("dogrulandi") === "1";
  const name = user?.name || user?.email || "";
  const tabs = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // On phones the menu is a row of tabs that scrolls sideways: keep the current one in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after each navigation
  useEffect(() => {
    const list = tabs.current;
    const active = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !active || list.scrollWidth <= list.clientWidth) return;
    list.scrollLeft = active.offsetLeft - list.offsetLeft - 16;
  }, [pathname]);
  return (
    <div className="container-page py-6 sm:py-8">
      <div className="mb-5 flex items-center gap-3 sm:mb-7">
        <span
          aria-hidden="true"
          className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand font-bold text-on-brand uppercase"
        >
          {name.slice(0, 1)}
        </span>
        <div className="min-w-0">
          <p className="font-semibold text-muted text-xs uppercase tracking-wider">{t("myaccount.title")}</p>
          <p className="truncate font-bold text-lg">{t("myaccount.hello", { name })}</p>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <nav aria-label={t("myaccount.nav")} className="-mx-4 min-w-0 sm:mx-0 lg:self-start">
          <ul
            ref={tabs}
            className="flex gap-1 overflow-x-auto border-line border-b px-4 pb-px sm:px-0 lg:flex-col lg:gap-0.5 lg:overflow-visible lg:rounded-2xl lg:border lg:bg-surface lg:p-2"
          >
            {NAV.map((item) => {
              const Icon = item.icon;
              return (
                <li key={item.to} className="shrink-0">
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      clsx(
                        "flex h-11 items-center gap-2.5 whitespace-nowrap px-3 font-semibold text-sm transition-colors",
                        // mobile: tabs underlined; desktop: a side menu with a soft highlight
                        "-mb-px border-b-2 lg:mb-0 lg:rounded-lg lg:border-b-0",
                        isActive
                          ? "border-brand text-brand lg:bg-brand-soft lg:text-on-brand-soft"
                          : "border-transparent text-muted hover:text-fg lg:text-fg lg:hover:bg-surface-2",
                      )
                    }
                  >
                    <Icon aria-hidden="true" className="size-[1.125rem]" />
                    {t(item.label)}
                  </NavLink>
                </li>
              );
            })}
            <li className="hidden lg:mt-1 lg:block lg:border-line lg:border-t lg:pt-1">
              <Form method="post" action="/cikis" reloadDocument>
                <button
                  type="submit"
                  className="flex h-11 w-full items-center gap-2.5 rounded-lg px-3 font-semibold text-muted text-sm hover:bg-surface-2 hover:text-fg"
                >
                  <LogOut aria-hidden="true" className="size-[1.125rem]" />
                  {t("myaccount.signOut")}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
        <div className="min-w-0 space-y-6">
          {verified && <Notice tone="success">{t("myaccount.emailVerified")}</Notice>}
          <Outlet />
        </div>
      </div>
    </div>
  );
}
