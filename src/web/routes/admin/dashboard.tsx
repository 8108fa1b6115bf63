import {
  ArrowRight,
  Banknote,
  CircleCheck,
  ExternalLink,
  Hourglass,
  Layers,
  Mail,
  Package,
  PackageX,
  ShoppingBag,
  Truck,
} from "lucide-react";
import { Link } from "react-router";
import { PageHeader } from "../../components/admin-ui.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey } from "../../i18n/index.ts";
import { money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/dashboard";

export async function loader({ context }: Route.LoaderArgs) {
  const admin = requirePermission(context, "dashboard:read");
  const seesOrders = getApp(context).staff?.permissions.includes("orders:read") ?? false;
  const [stats, orders] = await Promise.all([admin.dashboard(), seesOrders ? admin.orders.summary() : null]);
  return { stats, orders };
}

type Stats = Route.ComponentProps["loaderData"]["stats"];

const CARDS: { key: keyof Stats; label: MessageKey; icon: typeof Package; tone: string; to?: string }[] = [
  { key: "products", label: "dashboard.products", icon: Package, tone: "bg-brand-soft text-on-brand-soft" },
  {
    key: "activeProducts",
    label: "dashboard.activeProducts",
    icon: CircleCheck,
    tone: "bg-emerald-100 text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-300",
  },
  {
    key: "outOfStock",
    label: "dashboard.outOfStock",
    icon: PackageX,
    tone: "bg-rose-100 text-rose-800 dark:bg-rose-400/15 dark:text-rose-300",
  },
  { key: "categories", label: "dashboard.categories", icon: Layers, tone: "bg-sky-100 text-sky-800 dark:bg-sky-400/15 dark:text-sky-300" },
  {
    key: "mailMessages",
    label: "dashboard.mailMessages",
    icon: Mail,
    tone: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300",
    to: "/admin/e-postalar",
  },
];

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { store, user, locale } = useRootData();
  const t = getT(locale);
  const { stats, orders } = loaderData;
  return (
    <>
      <title>{`${t("dashboard.title")} | ${store.name}`}</title>
      <PageHeader
        title={t("dashboard.welcome", { name: user?.name || user?.email || "" })}
        subtitle={t("dashboard.subtitle", { store: store.name })}
      />
      {orders && (
        <section aria-labelledby="orders-summary" className="mb-6 rounded-2xl border border-line bg-surface p-4 sm:p-5">
          <div className="mb-3 flex items-center justify-between gap-3">
            <h2 id="orders-summary" className="font-bold text-lg">
              {t("ordersadmin.dash.title")}
            </h2>
            <Link to="/admin/siparisler" className="inline-flex items-center gap-1 font-semibold text-brand text-sm hover:underline">
              {t("ordersadmin.dash.viewAll")}
              <ArrowRight aria-hidden="true" className="size-4" />
            </Link>
          </div>
          <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {[
              {
                key: "today",
                label: t("ordersadmin.dash.today"),
                value: orders.today.toLocaleString(locale === "en" ? "en-GB" : "tr-TR"),
                icon: ShoppingBag,
                to: `/admin/siparisler?baslangic=${todayInTurkey()}`,
              },
              {
                key: "todayTotal",
                label: t("ordersadmin.dash.todayTotal"),
                value: money(orders.todayTotal, store.currency, locale),
                icon: Banknote,
                to: `/admin/siparisler?baslangic=${todayInTurkey()}`,
              },
              {
                key: "awaitingPayment",
                label: t("ordersadmin.dash.awaitingPayment"),
                value: orders.awaitingPayment.toLocaleString(locale === "en" ? "en-GB" : "tr-TR"),
                icon: Hourglass,
                to: "/admin/siparisler?durum=odeme-bekleniyor",
              },
              {
                key: "toShip",
                label: t("ordersadmin.dash.toShip"),
                value: orders.toShip.toLocaleString(locale === "en" ? "en-GB" : "tr-TR"),
                icon: Truck,
                to: "/admin/siparisler?durum=odendi,hazirlaniyor",
              },
            ].map((card) => {
              const Icon = card.icon;
              return (
                <li key={card.key}>
                  <Link
                    to={card.to}
                    className="flex h-full items-center gap-3 rounded-xl border border-line px-3.5 py-3 transition-shadow hover:border-brand hover:shadow-card"
                  >
                    <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-soft text-on-brand-soft">
                      <Icon aria-hidden="true" className="size-5" />
                    </span>
                    <span className="min-w-0">
                      <span className="block truncate font-bold text-xl tabular-nums tracking-tight" data-testid={`orders-${card.key}`}>
                        {card.value}
                      </span>
                      <span className="block text-muted text-xs">{card.label}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-5">
        {CARDS.map((card) => {
          const Icon = card.icon;
          const body = (
            <>
              <span className={`flex size-10 items-center justify-center rounded-xl sm:size-11 ${card.tone}`}>
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <span
                className="mt-3 block font-bold text-2xl tabular-nums tracking-tight sm:mt-4 sm:text-3xl"
                data-testid={`stat-${card.key}`}
              >
                {stats[card.key].toLocaleString(locale === "en" ? "en-GB" : "tr-TR")}
              </span>
              <span className="mt-1 block text-muted text-sm">{t(card.label)}</span>
            </>
          );
          return (
            <li key={card.key} className="last:col-span-2 sm:last:col-span-1">
              {card.to ? (
                <Link
                  to={card.to}
                  className="block h-full rounded-2xl border border-line bg-surface p-4 transition-shadow hover:border-brand hover:shadow-card sm:p-5"
                >
                  {body}
                </Link>
              ) : (
                <div className="h-full rounded-2xl border border-line bg-surface p-4 sm:p-5">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="quick-links" className="mt-8">
        <h2 id="quick-links" className="mb-3 font-bold text-lg">
          {t("dashboard.quickLinks")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:max-w-2xl">
          <a
            href="/"
            target="_blank"
            rel="noopener"
            className="flex items-center justify-between rounded-xl border border-line bg-surface px-4 py-3.5 font-semibold text-sm hover:border-brand hover:text-brand"
          >
            {t("dashboard.storefront")}
            <ExternalLink aria-hidden="true" className="size-4" />
          </a>
          <Link
            to="/admin/e-postalar"
            className="flex items-center justify-between rounded-xl border border-line bg-surface px-4 py-3.5 font-semibold text-sm hover:border-brand hover:text-brand"
          >
            {t("dashboard.viewMail")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </div>
      </section>
    </>
  );
}

/** Today's date in Türkiye (YYYY-MM-DD), for the "orders today" link. */
function todayInTurkey(): string {
  return new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
}
