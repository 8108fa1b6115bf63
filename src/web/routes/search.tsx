import { SearchX } from "lucide-react";
import { Link } from "react-router";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ListingControls } from "../components/listing-controls.tsx";
import { Pagination } from "../components/pagination.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { getApp } from "../context.ts";
import { getT } from "../i18n/index.ts";
import { useCategories } from "../layouts/store.tsx";
import { pageCount, parseListingParams } from "../lib/listing.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/search";

export async function loader({ context, url }: Route.LoaderArgs) {
  const app = getApp(context);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 120);
  const { query, sortValue } = parseListingParams(url.searchParams);
  const page = await app.catalog.list(q ? { ...query, search: q } : query);
  return {
    q,
    page,
    sortValue,
    inStock: query.inStock === true,
    discounted: query.discounted === true,
    pathname: url.pathname,
    search: url.search,
  };
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const categories = useCategories();
  const t = getT(locale);
  const { q, page, sortValue, inStock, discounted, pathname, search } = loaderData;
  const pages = pageCount(page.total, page.perPage);
  const heading = q ? t("search.title", { query: q }) : discounted ? t("search.discounted") : t("search.allProducts");
  const filtered = inStock || discounted;
  const noResults = page.total === 0;
  return (
    <div className="container-page py-6">
      <Seo title={`${heading} | ${store.name}`} description={t("meta.defaultDescription", { store: store.name })} noindex={Boolean(q)} />
      <Breadcrumbs items={[{ label: q ? q : heading }]} />
      <h1 className="mt-4 font-bold text-2xl tracking-tight sm:text-3xl">{heading}</h1>

      {noResults && !filtered ? (
        <section className="mt-8 rounded-2xl border border-line bg-surface px-6 py-12 text-center" aria-labelledby="no-results">
          <div className="mx-auto flex size-16 items-center justify-center rounded-full bg-surface-2 text-muted">
            <SearchX aria-hidden="true" className="size-8" />
          </div>
          <h2 id="no-results" className="mt-5 font-bold text-lg">
            {q ? t("search.noResultsTitle", { query: q }) : t("listing.empty")}
          </h2>
          <p className="mx-auto mt-2 max-w-md text-muted">{t("search.noResultsText")}</p>
          {categories.length > 0 && (
            <div className="mt-8">
              <h3 className="font-semibold text-muted text-sm">{t("search.popularCategories")}</h3>
              <ul className="mt-3 flex flex-wrap justify-center gap-2">
                {categories.map((category) => (
                  <li key={category.id}>
                    <Link
                      to={`/kategori/${category.slug}`}
                      className="inline-flex h-9 items-center rounded-full border border-line bg-surface px-4 font-medium text-sm hover:border-brand hover:text-brand"
                    >
                      {category.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      ) : (
        <>
          <div className="mt-6">
            <ListingControls
              total={page.total}
              sortValue={sortValue}
              inStock={inStock}
              discounted={discounted}
              search={search}
              pathname={pathname}
              hidden={q ? { q } : {}}
            />
          </div>
          <div className="mt-5">
            {page.items.length > 0 ? (
              <ProductGrid products={page.items} priorityCount={2} />
            ) : (
              <div className="rounded-2xl border border-line border-dashed bg-surface px-6 py-14 text-center">
                <p className="text-muted">{t("listing.empty")}</p>
                <Link to={q ? `${pathname}?q=${encodeURIComponent(q)}` : pathname} className="btn btn-secondary mt-5">
                  {t("listing.clearFilters")}
                </Link>
              </div>
            )}
          </div>
          <Pagination page={page.page} pages={pages} pathname={pathname} search={search} />
        </>
      )}
    </div>
  );
}
