import { SearchX, Sparkles } from "lucide-react";
import { Link } from "react-router";
import { respell } from "../../modules/search/fold.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ListingView } from "../components/listing-controls.tsx";
import { getApp } from "../context.ts";
import { getT } from "../i18n/index.ts";
import { useCategories } from "../layouts/store.tsx";
import { parseListingParams } from "../lib/listing.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/search";

export async function loader({ context, url }: Route.LoaderArgs) {
  const app = getApp(context);
  const { query, state } = parseListingParams(url.searchParams);
  const page = await app.catalog.list(query);
  // The correction comes folded (`kulaklik`): spell it as the results do (`kulaklık`).
  const corrected = page.corrected
    ? respell(
        page.corrected,
        page.items.map((p) => p.title),
      )
    : null;
  const couponedIds = await app.cart.couponedIds(page.items); // the "kuponlu" badge of the cards
  return { page, state, corrected, pathname: url.pathname, couponedIds };
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const categories = useCategories();
  const t = getT(locale);
  const { page, state, corrected, pathname } = loaderData;
  const q = state.q;
  const heading = q ? t("search.title", { query: q }) : state.discounted ? t("search.discounted") : t("search.allProducts");
  const didYouMean = corrected && (
    <div className="mb-4 flex items-start gap-3 rounded-xl border border-line bg-surface-2 px-4 py-3 text-sm" role="status">
      <Sparkles aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand" />
      <div>
        <p>
          {t("search.didYouMean")}{" "}
          <Link
            to={`/ara?q=${encodeURIComponent(corrected)}`}
            className="font-semibold text-brand underline underline-offset-2 hover:no-underline"
            data-testid="did-you-mean"
          >
            {corrected}
          </Link>
        </p>
        <p className="mt-0.5 text-muted">{t("search.showingFor", { query: corrected })}</p>
      </div>
    </div>
  );
  return (
    <div className="container-page py-6">
      <Seo title={`${heading} | ${store.name}`} description={t("meta.defaultDescription", { store: store.name })} noindex={Boolean(q)} />
      <Breadcrumbs items={[{ label: q ? q : heading }]} />
      <h1 className="mt-4 font-bold text-2xl tracking-tight sm:text-3xl">{heading}</h1>
      <ListingView
        page={page}
        state={state}
        pathname={pathname}
        before={didYouMean}
        empty={
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
        }
      />
    </div>
  );
}
