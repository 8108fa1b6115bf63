import clsx from "clsx";
import {
  ChartColumn,
  ChevronDown,
  CreditCard,
  ExternalLink,
  FolderTree,
  GalleryHorizontal,
  Hourglass,
  Images,
  KeyRound,
  LayoutDashboard,
  LogOut,
  Mail,
  Package,
  ScrollText,
  Settings,
  ShoppingCart,
  Tags,
  Ticket,
  Truck,
  UserCog,
  Users,
} from "lucide-react";
import { useEffect, useRef } from "react";
import { Link, NavLink, Outlet, redirect, useLocation, useRouteLoaderData } from "react-router";
import { Drawer } from "../components/drawer.tsx";
import { Logo } from "../components/logo.tsx";
import { LanguageSwitch, ThemeToggle } from "../components/preferences.tsx";
import { getApp } from "../context.ts";
import { type MessageKey, useT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import type { Route } from "./+types/admin";

// Every /admin page needs a signed-in staff member; the middleware runs before any loader.
export const middleware: Route.MiddlewareFunction[] = [
  ({ context, url }) => {
    const app = getApp(context);
    // the store requires two-factor authentication for staff: turn it on first
    if (app.staff?.needsTwoFactor) throw redirect("/hesap/guvenlik?iki-adim=zorunlu");
    if (app.admin) return;
    const next = url.pathname === "/admin" ? "" : `?next=${encodeURIComponent(url.pathname + url.search)}`;
    throw redirect(`/admin/giris${next}`);
  },
];

// A loader makes client-side navigations into /admin go through the server (and the middleware).
// It also counts the orders waiting for the merchant (the "Siparişler" badge): one indexed count.
export async function loader({ context }: Route.LoaderArgs) {
  const app = getApp(context);
  const ordersWaiting = app.admin && app.staff?.permissions.includes("orders:read") ? await app.admin.orders.waitingCount() : null;
  return { ordersWaiting };
}

const NAV: { to: string | null; label: MessageKey; icon: typeof LayoutDashboard; end?: boolean; permission?: string; child?: boolean }[] = [
  { to: "/admin", label: "admin.navDashboard", icon: LayoutDashboard, end: true },
  { to: "/admin/urunler", label: "admin.navProducts", icon: Package, permission: "catalog:read" },
  { to: "/admin/kategoriler", label: "catalogadmin.navCategories", icon: FolderTree, permission: "catalog:read" },
  { to: "/admin/markalar", label: "catalogadmin.navBrands", icon: Tags, permission: "catalog:read" },
  { to: "/admin/bannerlar", label: "catalogadmin.navBanners", icon: GalleryHorizontal, permission: "catalog:read" },
  { to: "/admin/medya", label: "media.nav", icon: Images, permission: "catalog:read" },
  { to: "/admin/siparisler", label: "admin.navOrders", icon: ShoppingCart, permission: "orders:read" },
  { to: "/admin/siparisler/kuyruk", label: "orderqueue.nav", icon: Hourglass, permission: "orders:read", child: true },
  { to: "/admin/musteriler", label: "admin.navCustomers", icon: Users, permission: "customers:read" },
  { to: "/admin/kuponlar", label: "admin.navCoupons", icon: Ticket, permission: "catalog:read" },
  { to: null, label: "admin.navStats", icon: ChartColumn },
  { to: "/admin/e-postalar", label: "admin.navMail", icon: Mail, permission: "mail:read" },
  { to: "/admin/personel", label: "admin.navStaff", icon: UserCog, permission: "staff:read" },
  { to: "/admin/denetim", label: "admin.navAudit", icon: ScrollText, permission: "audit:read" },
  { to: "/admin/api-anahtarlari", label: "admin.navApiKeys", icon: KeyRound, permission: "api_keys:manage" },
  { to: "/admin/kargo", label: "commerceadmin.navShipping", icon: Truck, permission: "orders:read" },
  { to: "/admin/odeme", label: "commerceadmin.navPayments", icon: CreditCard, permission: "settings:write" },
  { to: "/admin/ayarlar", label: "admin.navSettings", icon: Settings, permission: "settings:write" },
];

function SidebarNav() {
  const t = useT();
  const { permissions } = useRootData();
  const ordersWaiting = (useRouteLoaderData("admin") as { ordersWaiting: number | null } | undefined)?.ordersWaiting ?? 0;
  return (
    <nav aria-label={t("admin.nav")} className="flex-1 overflow-y-auto px-3 py-4">
      <ul className="space-y-0.5">
        {NAV.filter((item) => !item.permission || permissions.includes(item.permission)).map((item) => {
          const Icon = item.icon;
          if (!item.to) {
            return (
              <li key={item.label}>
                <span
                  aria-disabled="true"
                  className="flex h-10 cursor-not-allowed items-center gap-3 rounded-lg px-3 font-medium text-muted text-sm"
                >
                  <Icon aria-hidden="true" className="size-[1.125rem] opacity-70" />
                  <span className="flex-1">{t(item.label)}</span>
                  <span className="rounded-full bg-surface-2 px-2 py-0.5 font-semibold text-[0.6875rem] text-muted">{t("admin.soon")}</span>
                </span>
              </li>
            );
          }
          return (
            <li key={item.label}>
              <NavLink
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  clsx(
                    "flex h-10 items-center gap-3 rounded-lg px-3 font-semibold text-sm transition-colors",
                    item.child && "ml-5 h-9 text-[0.8125rem]",
                    isActive ? "bg-brand-soft text-on-brand-soft" : "text-fg hover:bg-surface-2",
                  )
                }
              >
                <Icon aria-hidden="true" className="size-[1.125rem]" />
                <span className="flex-1">{t(item.label)}</span>
                {item.to === "/admin/siparisler" && ordersWaiting > 0 && (
                  <span
                    className="min-w-6 rounded-full bg-accent px-1.5 py-0.5 text-center font-bold text-[0.6875rem] text-on-accent tabular-nums"
                    title={t("ordersadmin.navWaiting", { count: ordersWaiting })}
                    data-testid="orders-waiting"
                  >
                    <span aria-hidden="true">{ordersWaiting > 99 ? "99+" : ordersWaiting}</span>
                    <span className="sr-only">{t("ordersadmin.navWaiting", { count: ordersWaiting })}</span>
                  </span>
                )}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

async function signOut(): Promise<void> {
  try {
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      credentials: "same-origin",
    });
  } finally {
    window.location.assign("/admin/giris");
  }
}

function UserMenu() {
  const t = useT();
  const { user } = useRootData();
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.pathname]);
  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  if (!user) return null;
  const initials = (user.name || user.email)
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toLocaleUpperCase("tr-TR");
  return (
    <details ref={ref} className="relative">
      <summary
        aria-label={t("admin.userMenu")}
        className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 hover:bg-surface-2 sm:pr-2 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-brand font-bold text-on-brand text-xs">
          {initials}
        </span>
        <span className="hidden max-w-40 truncate font-medium text-sm sm:block">{user.name || user.email}</span>
        <ChevronDown aria-hidden="true" className="hidden size-4 text-muted sm:block" />
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-line bg-surface p-2 shadow-pop">
        <div className="px-3 py-2">
          <p className="truncate font-semibold text-sm">{user.name}</p>
          <p className="truncate text-muted text-xs">{user.email}</p>
        </div>
        <form
          method="post"
          action="/api/auth/sign-out"
          onSubmit={(event) => {
            event.preventDefault();
            void signOut();
          }}
          className="border-line border-t pt-2"
        >
          <button
            type="submit"
            className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left font-medium text-sm hover:bg-surface-2"
          >
            <LogOut aria-hidden="true" className="size-4" />
            {t("admin.signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}

function MobileNav() {
  const t = useT();
  const { store } = useRootData();
  return (
    <Drawer
      openLabel={t("admin.openNav")}
      closeLabel={t("admin.closeNav")}
      title={store.name}
      openButtonClassName="-ml-1 inline-flex size-10 items-center justify-center rounded-lg hover:bg-surface-2 lg:hidden"
      menuIconClassName="size-5"
      panelClassName="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-surface p-0 text-fg shadow-pop backdrop:bg-black/50 open:flex open:flex-col"
      headerClassName="flex h-16 items-center justify-between border-line border-b px-4"
      titleClassName="truncate font-bold"
    >
      <SidebarNav />
    </Drawer>
  );
}

export default function AdminLayout() {
  const t = useT();
  const { store } = useRootData();
  return (
    <div className="min-h-dvh bg-page lg:pl-64">
      <meta name="robots" content="noindex" />
      <a
        href="#admin-main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-4 focus:py-2 focus:font-semibold focus:text-on-brand"
      >
        {t("a11y.skipToContent")}
      </a>
      <aside className="fixed inset-y-0 left-0 z-40 hidden w-64 flex-col border-line border-r bg-surface lg:flex">
        <div className="flex h-16 items-center border-line border-b px-5">
          <Link to="/admin" className="rounded-lg">
            <Logo name={store.name} className="[&>span]:text-lg" />
          </Link>
        </div>
        <SidebarNav />
        <p className="border-line border-t px-5 py-4 text-muted text-xs">{t("footer.poweredBy")}</p>
      </aside>
      <div className="flex min-h-dvh min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-2 border-line border-b bg-surface/95 px-4 backdrop-blur sm:px-6">
          <MobileNav />
          <p className="min-w-0 truncate font-semibold text-sm">
            <span className="lg:hidden">{store.name}</span>
            <span className="hidden text-muted lg:inline">{t("admin.title")}</span>
          </p>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <a
              href="/"
              target="_blank"
              rel="noopener"
              className="hidden items-center gap-1.5 rounded-lg px-3 py-2 font-medium text-sm hover:bg-surface-2 hover:text-brand md:inline-flex"
            >
              {t("admin.viewStore")}
              <ExternalLink aria-hidden="true" className="size-4" />
            </a>
            <LanguageSwitch className="hidden sm:flex" />
            <ThemeToggle />
            <UserMenu />
          </div>
        </header>
        <main id="admin-main" tabIndex={-1} className="flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
