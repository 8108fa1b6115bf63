import clsx from "clsx";
import { ArrowRight, ChevronRight } from "lucide-react";
import { Link } from "react-router";
import type { CategoryNode, ProductCard as ProductCardData } from "../../modules/catalog/types.ts";
import { BannerCarousel } from "../components/banner-carousel.tsx";
import { ProductCard } from "../components/product-card.tsx";
import { getApp } from "../context.ts";
import { getT, type MessageKey, useT } from "../i18n/index.ts";
import { useCategories } from "../layouts/store.tsx";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  const app = getApp(context);
  const [sections, banners] = await Promise.all([app.catalog.home(), app.banners?.home() ?? []]);
  // The "kuponlu" badge of the cards (see useCouponedIds).
  const couponedIds = await app.cart.couponedIds([
    ...sections.featured,
    ...sections.discounted,
    ...sections.newArrivals,
    ...sections.bestSellers,
  ]);
  return { sections, banners, couponedIds };
}

const RAIL_SIZES = "(min-width: 1280px) 232px, (min-width: 1024px) 19vw, (min-width: 640px) 30vw, 44vw";

function Rail({
  id,
  title,
  products,
  seeAll,
  priority = false,
}: {
  id: string;
  title: MessageKey;
  products: ProductCardData[];
  seeAll?: string;
  priority?: boolean;
}) {
  const t = useT();
  if (products.length === 0) return null;
  const headingId = `${id}-title`;
  return (
    <section id={id} aria-labelledby={headingId} className="container-page mt-12 scroll-mt-32">
      <div className="mb-4 flex items-end justify-between gap-4">
        <h2 id={headingId} className="font-bold text-xl tracking-tight sm:text-2xl">
          {t(title)}
        </h2>
        {seeAll && (
          <Link to={seeAll} className="inline-flex shrink-0 items-center gap-1 font-semibold text-brand text-sm hover:underline">
            {t("home.seeAll")}
            <ChevronRight aria-hidden="true" className="size-4" />
          </Link>
        )}
      </div>
      <ul className="no-scrollbar -mx-4 flex snap-x snap-mandatory scroll-px-4 gap-3 overflow-x-auto px-4 pb-2 sm:-mx-6 sm:scroll-px-6 sm:gap-4 sm:px-6 lg:mx-0 lg:grid lg:grid-cols-5 lg:overflow-visible lg:px-0">
        {products.slice(0, 10).map((product, index) => (
          <li
            key={product.id}
            className={clsx("w-[44%] shrink-0 snap-start xs:w-[36%] sm:w-[30%] md:w-[23%] lg:w-auto", index >= 5 && "lg:hidden")}
          >
            <ProductCard product={product} priority={priority && index < 2} sizes={RAIL_SIZES} />
          </li>
        ))}
      </ul>
    </section>
  );
}

// Dark enough at every point for white text (AA).
const TILE_STYLES = [
  "from-teal-700 to-emerald-800",
  "from-sky-700 to-indigo-800",
  "from-orange-700 to-red-800",
  "from-rose-700 to-fuchsia-800",
  "from-violet-700 to-purple-800",
  "from-cyan-700 to-teal-800",
  "from-green-700 to-emerald-900",
  "from-amber-700 to-orange-800",
];

/** Desktop columns by tile count, so a short list fills one row instead of leaving orphans. */
const TILE_COLUMNS: Record<number, string> = {
  1: "lg:grid-cols-2",
  2: "lg:grid-cols-2",
  3: "lg:grid-cols-3",
  4: "lg:grid-cols-4",
  5: "lg:grid-cols-5",
  6: "lg:grid-cols-6",
  7: "lg:grid-cols-4",
  8: "lg:grid-cols-4",
};

function CategoryTiles({ categories }: { categories: CategoryNode[] }) {
  const t = useT();
  if (categories.length === 0) return null;
  return (
    <section aria-labelledby="home-categories" className="container-page mt-12">
      <h2 id="home-categories" className="mb-4 font-bold text-xl tracking-tight sm:text-2xl">
        {t("home.categories")}
      </h2>
      <ul className={clsx("grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4", TILE_COLUMNS[Math.min(categories.length, 8)])}>
        {categories.slice(0, 8).map((category, index) => (
          <li key={category.id}>
            <Link
              to={`/kategori/${category.slug}`}
              prefetch="intent"
              className={clsx(
                "group relative flex h-28 flex-col justify-between overflow-hidden rounded-2xl bg-gradient-to-br p-4 text-white shadow-card sm:h-32 sm:p-5",
                TILE_STYLES[index % TILE_STYLES.length],
              )}
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 120 120"
                className="absolute -right-6 -bottom-8 size-32 opacity-20 transition-transform group-hover:scale-110"
              >
                <path d="M20 120V60a40 40 0 0 1 80 0v60" fill="none" stroke="currentColor" strokeWidth="14" />
                <path d="M44 120V70a16 16 0 0 1 32 0v50" fill="none" stroke="currentColor" strokeWidth="10" />
              </svg>
              <span className="relative font-bold text-base leading-tight drop-shadow-sm sm:text-lg">{category.name}</span>
              <span className="relative inline-flex items-center gap-1 font-semibold text-sm text-white/95">
                {t("home.explore")}
                <ArrowRight aria-hidden="true" className="size-4 transition-transform group-hover:translate-x-0.5" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Hero({ showcase }: { showcase: ProductCardData[] }) {
  const t = useT();
  const images = showcase.filter((p) => p.image).slice(0, 3);
  return (
    <section aria-labelledby="hero-title" className="container-page pt-4 sm:pt-6">
      <div className="relative overflow-hidden rounded-3xl bg-[linear-gradient(120deg,#0b3d3a_0%,#0f766e_48%,#14948a_100%)] px-5 py-8 text-white sm:px-10 sm:py-14 lg:px-14">
        <svg aria-hidden="true" viewBox="0 0 400 400" className="pointer-events-none absolute -top-24 -right-24 size-[28rem] text-white/10">
          <circle cx="200" cy="200" r="150" fill="none" stroke="currentColor" strokeWidth="40" />
          <circle cx="200" cy="200" r="70" fill="none" stroke="currentColor" strokeWidth="24" />
        </svg>
        <div aria-hidden="true" className="pointer-events-none absolute -bottom-40 left-1/3 size-96 rounded-full bg-teal-300/20 blur-3xl" />
        <div className="relative grid items-center gap-10 lg:grid-cols-[1.1fr_1fr]">
          <div className="max-w-xl">
            <p className="inline-flex items-center gap-2 rounded-full bg-white/15 px-3 py-1 font-semibold text-xs uppercase tracking-widest">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-accent" />
              {t("home.heroEyebrow")}
            </p>
            <h1 id="hero-title" className="mt-4 text-balance font-extrabold text-3xl leading-[1.1] tracking-tight sm:text-5xl">
              {t("home.heroTitle")}
            </h1>
            <p className="mt-3 max-w-md text-[0.9375rem] text-white/90 sm:mt-4 sm:text-lg">{t("home.heroText")}</p>
            <div className="mt-6 flex flex-wrap gap-3 sm:mt-7">
              <a href="#indirimli" className="btn bg-accent px-4 text-on-accent hover:brightness-105 sm:px-[1.125rem]">
                {t("home.heroCta")}
                <ArrowRight aria-hidden="true" className="size-4" />
              </a>
              <Link to="/ara" className="btn border border-white/40 px-4 text-white hover:bg-white/10 sm:px-[1.125rem]">
                {t("home.heroSecondary")}
              </Link>
            </div>
          </div>
          {images.length === 3 && (
            <div aria-hidden="true" className="relative hidden h-72 lg:block">
              {images.map((product, index) => (
                <img
                  key={product.id}
                  src={product.image?.src}
                  alt=""
                  width={product.image?.width}
                  height={product.image?.height}
                  fetchPriority={index === 0 ? "high" : undefined}
                  className={clsx(
                    "absolute aspect-square rounded-2xl object-cover shadow-pop ring-4 ring-white/20",
                    index === 0 && "top-0 left-[22%] z-10 w-56",
                    index === 1 && "top-14 left-0 w-40 -rotate-6",
                    index === 2 && "top-16 right-0 w-44 rotate-6",
                  )}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { store, locale, publicUrl } = useRootData();
  const categories = useCategories();
  const t = getT(locale);
  const { featured, discounted, newArrivals, bestSellers } = loaderData.sections;
  const empty = featured.length + discounted.length + newArrivals.length + bestSellers.length === 0;
  return (
    <>
      <Seo
        title={t("home.title", { store: store.name })}
        description={t("meta.defaultDescription", { store: store.name })}
        canonical={`${publicUrl}/`}
      />
      {loaderData.banners.length > 0 ? (
        // the store's own slides (admin: /admin/bannerlar) take the hero's place
        <div className="container-page pt-4 sm:pt-6">
          <h1 className="sr-only">{t("home.title", { store: store.name })}</h1>
          <BannerCarousel slides={loaderData.banners} label={t("carousel.label")} />
        </div>
      ) : (
        <Hero showcase={featured.length >= 3 ? featured : [...featured, ...newArrivals]} />
      )}
      <CategoryTiles categories={categories} />
      {empty && <p className="container-page mt-12 rounded-2xl bg-surface p-10 text-center text-muted">{t("home.empty")}</p>}
      <Rail id="one-cikanlar" title="home.featured" products={featured} seeAll="/ara" priority />
      <Rail id="indirimli" title="home.discounted" products={discounted} seeAll="/indirimli-urunler" />
      <Rail id="yeni" title="home.newArrivals" products={newArrivals} seeAll="/ara?sirala=yeni" />
      <Rail id="cok-satan" title="home.bestSellers" products={bestSellers} seeAll="/ara?sirala=cok-satan" />
    </>
  );
}
