import clsx from "clsx";
import { ChevronDown, ChevronRight, LogOut, Mail, Phone, RotateCcw, ShieldCheck, User, UserRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Form, Link, NavLink, useLocation } from "react-router";
import type { CategoryNode } from "../../modules/catalog/types.ts";
import type { WebTenant } from "../context.ts";
import { useT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import { Drawer } from "./drawer.tsx";
import { Logo } from "./logo.tsx";
import { MiniCart } from "./mini-cart.tsx";
import { LanguageSwitch, ThemeToggle } from "./preferences.tsx";
import { SearchSuggest } from "./search-suggest.tsx";

function TopBar({ store }: { store: WebTenant }) {
  const t = useT();
  const { phone, email } = store.profile;
  return (
    <div className="bg-brand-strong text-white dark:bg-[#0a2421]">
      <div className="container-page flex h-9 items-center justify-between gap-4 text-xs">
        <p className="flex min-w-0 items-center gap-4 truncate">
          <span className="truncate">{t("topbar.vatIncluded")}</span>
          <span className="hidden items-center gap-1.5 sm:inline-flex">
            <RotateCcw aria-hidden="true" className="size-3.5" />
            {t("topbar.returns")}
          </span>
        </p>
        <div className="flex shrink-0 items-center gap-4">
          {phone && (
            <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="hidden items-center gap-1.5 hover:underline md:inline-flex">
              <Phone aria-hidden="true" className="size-3.5" />
              {phone}
            </a>
          )}
          {email && (
            <a href={`mailto:${email}`} className="hidden items-center gap-1.5 hover:underline lg:inline-flex">
              <Mail aria-hidden="true" className="size-3.5" />
              {email}
            </a>
          )}
          <LanguageSwitch tone="inverse" />
        </div>
      </div>
    </div>
  );
}

function HeaderAction({ to, label, icon, badge }: { to: string; label: string; icon: React.ReactNode; badge?: React.ReactNode }) {
  return (
    <Link
      to={to}
      className="relative flex flex-col items-center gap-0.5 rounded-lg px-2 py-1 text-fg transition-colors hover:text-brand sm:min-w-16"
    >
      <span className="relative">
        {icon}
        {badge}
      </span>
      <span className="hidden font-medium text-[0.6875rem] sm:block">{label}</span>
      <span className="sr-only sm:hidden">{label}</span>
    </Link>
  );
}

/** Visitors get a sign-in link; signed-in people a small menu (works without JavaScript). */
function AccountMenu() {
  const t = useT();
  const { user } = useRootData();
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => ref.current?.removeAttribute("open"), [location.pathname]);
  const icon = <User aria-hidden="true" className="size-6" strokeWidth={1.75} />;
  if (!user) {
    const here = location.pathname + location.search;
    const next = here === "/" || /^\/(giris|uye-ol|sifre|cikis)/.test(here) ? "" : `?next=${encodeURIComponent(here)}`;
    return <HeaderAction to={`/giris${next}`} label={t("auth.headerSignIn")} icon={icon} />;
  }
  const firstName = (user.name || user.email).trim().split(/\s+/)[0] ?? "";
  return (
    <details ref={ref} className="group/account relative">
      <summary
        className="relative flex cursor-pointer list-none flex-col items-center gap-0.5 rounded-lg px-2 py-1 text-fg transition-colors hover:text-brand sm:min-w-16 [&::-webkit-details-marker]:hidden"
        aria-label={t("auth.headerMenu", { name: firstName })}
      >
        {icon}
        <span className="hidden max-w-24 truncate font-medium text-[0.6875rem] sm:block" data-testid="account-name">
          {firstName}
        </span>
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-56 rounded-xl border border-line bg-surface p-1.5 text-sm shadow-pop">
        <p className="truncate px-3 py-2 text-muted text-xs">{user.email}</p>
        <Link to="/hesap" className="flex items-center gap-2 rounded-lg px-3 py-2 hover:bg-surface-2">
          <UserRound aria-hidden="true" className="size-4" />
          {t("header.account")}
        </Link>
        <Link to="/hesap/guvenlik" className="flex items-center gap-2 rounded-lg px-3 py-2 hover:bg-surface-2">
          <ShieldCheck aria-hidden="true" className="size-4" />
          {t("auth.securityTitle")}
        </Link>
        <Form method="post" action="/cikis" reloadDocument>
          <button type="submit" className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left hover:bg-surface-2">
            <LogOut aria-hidden="true" className="size-4" />
            {t("auth.signOut")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** Desktop category bar: root categories with disclosure dropdowns (hover, focus or click). */
function CategoryBar({ categories }: { categories: CategoryNode[] }) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const baseId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setOpen(null), [location.pathname, location.search]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const button = navRef.current?.querySelector<HTMLButtonElement>(`[data-menu-button="${open}"]`);
      setOpen(null);
      button?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <nav ref={navRef} aria-label={t("header.mainNav")} className="relative hidden border-line border-t lg:block">
      <ul className="container-page flex items-center gap-1">
        {categories.map((category) => {
          const panelId = `${baseId}-${category.id}`;
          const hasChildren = category.children.length > 0;
          const isOpen = open === category.id;
          return (
            <li key={category.id} className="group flex items-center" onMouseLeave={() => isOpen && setOpen(null)}>
              <NavLink
                to={`/kategori/${category.slug}`}
                prefetch="intent"
                className={({ isActive }) =>
                  clsx(
                    "relative flex h-12 items-center px-3 font-semibold text-[0.875rem] transition-colors hover:text-brand",
                    "after:absolute after:inset-x-3 after:bottom-0 after:h-0.5 after:rounded-full after:transition-colors group-hover:after:bg-brand",
                    isActive ? "text-brand after:bg-brand" : "text-fg",
                  )
                }
              >
                {category.name}
              </NavLink>
              {hasChildren && (
                <>
                  <button
                    type="button"
                    data-menu-button={category.id}
                    aria-expanded={isOpen}
                    aria-controls={panelId}
                    onClick={() => setOpen(isOpen ? null : category.id)}
                    className="-ml-2.5 inline-flex size-7 items-center justify-center rounded-md text-muted hover:text-brand"
                  >
                    <ChevronDown aria-hidden="true" className={clsx("size-4 transition-transform", isOpen && "rotate-180")} />
                    <span className="sr-only">{t("header.subcategoriesOf", { category: category.name })}</span>
                  </button>
                  <div
                    id={panelId}
                    className={clsx(
                      "absolute inset-x-0 top-full z-40 border-line border-t bg-surface shadow-pop",
                      isOpen ? "block" : "hidden group-hover:block",
                    )}
                  >
                    <div className="container-page grid grid-cols-4 gap-x-8 gap-y-6 py-7 xl:grid-cols-5">
                      {category.children.map((child) => (
                        <div key={child.id}>
                          <Link to={`/kategori/${child.slug}`} className="font-semibold text-fg text-sm hover:text-brand">
                            {child.name}
                          </Link>
                          {child.children.length > 0 && (
                            <ul className="mt-2 space-y-1.5">
                              {child.children.map((grandchild) => (
                                <li key={grandchild.id}>
                                  <Link to={`/kategori/${grandchild.slug}`} className="text-muted text-sm hover:text-brand">
                                    {grandchild.name}
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          )}
                        </div>
                      ))}
                      <div className="col-span-full border-line border-t pt-4">
                        <Link
                          to={`/kategori/${category.slug}`}
                          className="inline-flex items-center gap-1 font-semibold text-brand text-sm hover:underline"
                        >
                          {t("header.viewAllIn", { category: category.name })}
                          <ChevronRight aria-hidden="true" className="size-4" />
                        </Link>
                      </div>
                    </div>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function DrawerCategory({ category, depth }: { category: CategoryNode; depth: number }) {
  const t = useT();
  if (category.children.length === 0) {
    return (
      <Link
        to={`/kategori/${category.slug}`}
        className={clsx("block rounded-lg px-3 py-2.5 hover:bg-surface-2", depth === 0 ? "font-semibold" : "text-[0.9375rem]")}
      >
        {category.name}
      </Link>
    );
  }
  return (
    <details className="group/d">
      <summary
        className={clsx(
          "flex cursor-pointer list-none items-center justify-between rounded-lg px-3 py-2.5 hover:bg-surface-2 [&::-webkit-details-marker]:hidden",
          depth === 0 ? "font-semibold" : "text-[0.9375rem]",
        )}
      >
        {category.name}
        <ChevronDown aria-hidden="true" className="size-4 text-muted transition-transform group-open/d:rotate-180" />
      </summary>
      <ul className="ml-3 border-line border-l pl-2">
        <li>
          <Link to={`/kategori/${category.slug}`} className="block rounded-lg px-3 py-2 font-medium text-brand text-sm hover:bg-surface-2">
            {t("header.viewAllIn", { category: category.name })}
          </Link>
        </li>
        {category.children.map((child) => (
          <li key={child.id}>
            <DrawerCategory category={child} depth={depth + 1} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Mobile category drawer. */
function MobileMenu({ categories }: { categories: CategoryNode[] }) {
  const t = useT();
  return (
    <Drawer
      openLabel={t("header.openMenu")}
      closeLabel={t("header.closeMenu")}
      title={t("header.categories")}
      openButtonClassName="-ml-2 inline-flex size-10 items-center justify-center rounded-lg text-fg hover:bg-surface-2 lg:hidden"
      menuIconClassName="size-6"
      panelClassName="m-0 h-dvh max-h-none w-[min(22rem,88vw)] max-w-none bg-surface p-0 text-fg shadow-pop backdrop:bg-black/50 open:flex open:flex-col"
      headerClassName="flex h-14 items-center justify-between border-line border-b px-4"
      titleClassName="font-bold text-lg"
    >
      <nav aria-label={t("header.categories")} className="flex-1 overflow-y-auto p-2">
        <ul>
          {categories.map((category) => (
            <li key={category.id}>
              <DrawerCategory category={category} depth={0} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex items-center justify-between border-line border-t px-4 py-3">
        <LanguageSwitch />
        <ThemeToggle />
      </div>
    </Drawer>
  );
}

export function StoreHeader({ store, categories, cartCount }: { store: WebTenant; categories: CategoryNode[]; cartCount: number }) {
  const t = useT();
  return (
    <header className="relative z-30">
      <TopBar store={store} />
      <div className="border-line border-b bg-surface">
        <div className="container-page grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-3 py-3 sm:gap-x-3 lg:grid-cols-[auto_minmax(0,1fr)_auto] lg:gap-x-10 lg:py-4">
          <MobileMenu categories={categories} />
          <Link to="/" className="flex min-w-0 rounded-lg" aria-label={t("header.home", { store: store.name })}>
            <Logo name={store.name} />
          </Link>
          <SearchSuggest id="site-search" className="order-last col-span-3 lg:order-none lg:col-span-1 lg:mx-auto lg:w-full lg:max-w-2xl" />
          <div className="flex shrink-0 items-center gap-0.5 sm:gap-1">
            <ThemeToggle className="hidden sm:block" />
            <AccountMenu />
            <MiniCart count={cartCount} />
          </div>
        </div>
        <CategoryBar categories={categories} />
      </div>
    </header>
  );
}
