// /hesap/siparisler: the signed-in customer's orders, newest first, 20 a page.

import { ChevronRight, ImageOff, Package, ShoppingBag } from "lucide-react";
import { Link, useLocation } from "react-router";
import { noStore } from "../../components/auth-ui.tsx";
import { StatusBadge } from "../../components/order/status-badge.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { getApp } from "../../context.ts";
import { useLocale, useT } from "../../i18n/index.ts";
import { formatDateTime, useMoney } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/orders";

export const headers = noStore;

export async function loader({ context, request }: Route.LoaderArgs) {
  const app = getApp(context);
  const page = Math.max(1, Math.min(1000, Number.parseInt(new URL(request.url).searchParams.get("sayfa") ?? "1", 10) || 1));
  const list = await app.checkout.orders(page);
  return { ...list, page, pages: Math.max(1, Math.ceil(list.total / list.perPage)) };
}

export default function MyOrders({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const money = useMoney();
  const locale = useLocale();
  const { store } = useRootData();
  const location = useLocation();
  const { items, total, page, pages } = loaderData;
  return (
    <div className="space-y-6">
      <Seo title={`${t("myorders.title")} | ${store.name}`} noindex />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-bold text-2xl tracking-tight">{t("myorders.title")}</h1>
          <p className="mt-1 text-muted text-sm">{t("myorders.subtitle")}</p>
        </div>
        {total > 0 && <p className="text-muted text-sm">{t("myorders.count", { count: total })}</p>}
      </div>
      {items.length === 0 ? (
        <div className="rounded-2xl border border-line border-dashed bg-surface px-6 py-14 text-center">
          <span className="mx-auto flex size-16 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">
            <Package aria-hidden="true" className="size-8" />
          </span>
          <p className="mt-4 font-bold text-lg">{t("myorders.empty")}</p>
          <p className="mt-1 text-muted text-sm">{t("myorders.emptyText")}</p>
          <Link to="/" className="btn btn-primary mt-6 h-11">
            <ShoppingBag aria-hidden="true" className="size-4" />
            {t("myorders.startShopping")}
          </Link>
        </div>
      ) : (
        <ul className="space-y-3" data-testid="my-orders">
          {items.map((o) => (
            <li key={o.id}>
              <Link
                to={`/hesap/siparisler/${o.number}`}
                aria-label={t("myorders.detailsOf", { number: o.number })}
                className="group flex items-center gap-4 rounded-2xl border border-line bg-surface p-4 shadow-card transition-colors hover:border-brand sm:p-5"
                data-testid="my-order"
              >
                <span className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-line bg-surface-2">
                  {o.firstImage ? (
                    <img src={o.firstImage} alt="" loading="lazy" className="size-full object-cover" />
                  ) : (
                    <ImageOff aria-hidden="true" className="size-5 text-muted" />
                  )}
                </span>
                <span className="grid min-w-0 flex-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-center">
                  <span className="min-w-0">
                    <span className="block font-bold">
                      <span className="sr-only">{t("myorders.number")}: </span>
                      {o.number}
                    </span>
                    <span className="block text-muted text-sm">
                      <span className="sr-only">{t("myorders.date")}: </span>
                      {formatDateTime(o.placedAt, locale)} · {t("myorders.items", { count: o.itemCount })}
                    </span>
                  </span>
                  <span>
                    <StatusBadge status={o.status} tone={o.tone} size="sm" />
                  </span>
                  <span className="font-bold tabular-nums sm:text-right">
                    <span className="sr-only">{t("myorders.total")}: </span>
                    {money(o.grandTotal, store.currency)}
                  </span>
                </span>
                <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-muted transition-transform group-hover:translate-x-0.5" />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} pathname={location.pathname} search={location.search} />
    </div>
  );
}
