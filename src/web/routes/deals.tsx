import { BadgePercent, ChevronRight, TicketPercent } from "lucide-react";
import { Link } from "react-router";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ListingView } from "../components/listing-controls.tsx";
import { getApp } from "../context.ts";
import { useT } from "../i18n/index.ts";
import { hasFilters, parseListingParams } from "../lib/listing.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/deals";

// /indirimli-urunler: active products whose price is below their former price (the catalog's
// `discounted` filter, which honours the lowest price of the last 30 days), with the usual facets.
export async function loader({ context, url }: Route.LoaderArgs) {
  const app = getApp(context);
  const { query, state } = parseListingParams(url.searchParams);
  // No search text here: a stray ?q= is ignored, and "relevance" means newest.
  const { search: _, ...rest } = query;
  const page = await app.catalog.list({ ...rest, sort: rest.sort === "relevance" ? "newest" : rest.sort, discounted: true });
  const couponedIds = await app.cart.couponedIds(page.items);
  return { page, state: { ...state, q: "" }, pathname: url.pathname, couponedIds };
}

export default function Deals({ loaderData }: Route.ComponentProps) {
  const { store, publicUrl } = useRootData();
  const t = useT();
  const { page, state, pathname } = loaderData;
  return (
    <div className="container-page py-6">
      <Seo
        title={`${t("deals.title")}${page.page > 1 ? ` – ${t("listing.page", { page: page.page })}` : ""} | ${store.name}`}
        description={t("deals.description", { store: store.name })}
        canonical={`${publicUrl}/indirimli-urunler${page.page > 1 ? `?sayfa=${page.page}` : ""}`}
        noindex={hasFilters(state)}
      />
      <Breadcrumbs items={[{ label: t("deals.title") }]} publicUrl={publicUrl} />
      <div className="mt-4 flex flex-col gap-4 overflow-hidden rounded-2xl bg-sale-badge px-6 py-6 text-white sm:flex-row sm:items-center sm:justify-between sm:px-8">
        <div>
          <h1 className="flex items-center gap-2.5 font-bold text-2xl tracking-tight sm:text-3xl">
            <BadgePercent aria-hidden="true" className="size-8" />
            {t("deals.title")}
          </h1>
          <p className="mt-1.5 max-w-2xl text-sm opacity-95">{t("deals.intro")}</p>
        </div>
        <Link
          to="/kuponlar"
          className="inline-flex shrink-0 items-center gap-2 self-start rounded-xl bg-white px-4 py-2.5 font-semibold text-sale text-sm shadow-sm hover:bg-white/90 sm:self-center"
        >
          <TicketPercent aria-hidden="true" className="size-5" />
          {t("deals.couponsLink")}
          <ChevronRight aria-hidden="true" className="size-4" />
        </Link>
      </div>
      <ListingView
        page={page}
        state={state}
        pathname={pathname}
        empty={
          <div className="mt-6 rounded-2xl border border-line border-dashed bg-surface px-6 py-14 text-center" data-testid="deals-empty">
            <BadgePercent aria-hidden="true" className="mx-auto size-10 text-muted" />
            <p className="mt-3 font-semibold">{t("deals.empty")}</p>
            <p className="mt-1 text-muted text-sm">{t("deals.emptyText")}</p>
            <Link to="/" className="btn btn-secondary mt-5">
              {t("notFound.home")}
            </Link>
          </div>
        }
      />
    </div>
  );
}
