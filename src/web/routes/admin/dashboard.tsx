import { ArrowRight, CircleCheck, ExternalLink, Layers, Mail, Package, PackageX } from "lucide-react";
import { Link } from "react-router";
import { PageHeader } from "../../components/admin-ui.tsx";
import { requirePermission } from "../../context.ts";
import { getT, type MessageKey } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/dashboard";

export async function loader({ context }: Route.LoaderArgs) {
  return { stats: await requirePermission(context, "dashboard:read").dashboard() };
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
  const { stats } = loaderData;
  return (
    <>
      <title>{`${t("dashboard.title")} | ${store.name}`}</title>
      <PageHeader
        title={t("dashboard.welcome", { name: user?.name || user?.email || "" })}
        subtitle={t("dashboard.subtitle", { store: store.name })}
      />
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
