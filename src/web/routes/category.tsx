import { data, Link } from "react-router";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ListingView } from "../components/listing-controls.tsx";
import { StoreError } from "../components/store-error.tsx";
import { getApp } from "../context.ts";
import { getT } from "../i18n/index.ts";
import { hasFilters, parseListingParams } from "../lib/listing.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/category";

export async function loader({ context, params, url }: Route.LoaderArgs) {
  const app = getApp(context);
  const { query, state } = parseListingParams(url.searchParams);
  // The category page has no search text: a stray ?q= is ignored.
  const { search: _, ...rest } = query;
  const listState = { ...state, q: "" };
  const page = await app.catalog.list({ ...rest, sort: rest.sort === "relevance" ? "newest" : rest.sort, category: params.slug });
  if (!page.category) throw data(null, { status: 404 });
  const couponedIds = await app.cart.couponedIds(page.items); // the "kuponlu" badge of the cards
  return { page, category: page.category, state: listState, pathname: url.pathname, couponedIds };
}

export default function Category({ loaderData }: Route.ComponentProps) {
  const { store, locale, publicUrl } = useRootData();
  const t = getT(locale);
  const { page, category, state, pathname } = loaderData;
  const crumbs = [
    ...category.breadcrumbs.slice(0, -1).map((c) => ({ label: c.name, to: `/kategori/${c.slug}` })),
    { label: category.name },
  ];
  return (
    <div className="container-page py-6">
      <Seo
        title={`${category.name}${page.page > 1 ? ` – ${t("listing.page", { page: page.page })}` : ""} | ${store.name}`}
        description={t("listing.categoryDescription", { category: category.name, count: page.total })}
        canonical={`${publicUrl}/kategori/${category.slug}${page.page > 1 ? `?sayfa=${page.page}` : ""}`}
        noindex={hasFilters(state)}
      />
      <Breadcrumbs items={crumbs} publicUrl={publicUrl} />
      <h1 className="mt-4 font-bold text-2xl tracking-tight sm:text-3xl">{category.name}</h1>
      {category.children.length > 0 && (
        <nav aria-label={t("listing.subcategories")} className="mt-4">
          <ul className="no-scrollbar -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
            {category.children.map((child) => (
              <li key={child.id} className="shrink-0">
                <Link
                  to={`/kategori/${child.slug}`}
                  prefetch="intent"
                  className="inline-flex h-9 items-center rounded-full border border-line bg-surface px-4 font-medium text-sm hover:border-brand hover:text-brand"
                >
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ListingView
        page={page}
        state={state}
        pathname={pathname}
        empty={
          <div className="mt-6 rounded-2xl border border-line border-dashed bg-surface px-6 py-14 text-center">
            <p className="text-muted">{t("listing.emptyCategory")}</p>
            <Link to="/" className="btn btn-secondary mt-5">
              {t("notFound.home")}
            </Link>
          </div>
        }
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <StoreError />;
}
