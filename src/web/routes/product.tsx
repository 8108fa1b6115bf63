import clsx from "clsx";
import { CircleCheck, CircleX, Info, Mail, Phone, ReceiptText, RotateCcw, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { data, Link } from "react-router";
import { toDecimalString } from "../../platform/money.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { DiscountBadge, Price } from "../components/price.tsx";
import { ProductImage } from "../components/product-image.tsx";
import { StoreError } from "../components/store-error.tsx";
import { getApp } from "../context.ts";
import { getT, useT } from "../i18n/index.ts";
import { money } from "../lib/format.ts";
import { useRootData } from "../lib/root-data.ts";
import { excerpt, Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/product";

export async function loader({ context, params }: Route.LoaderArgs) {
  const app = getApp(context);
  const product = await app.catalog.product(params.slug);
  if (!product) throw data(null, { status: 404 });
  return { product };
}

type Product = Route.ComponentProps["loaderData"]["product"];

const MAIN_SIZES = "(min-width: 1024px) 600px, 100vw";
const LOW_STOCK = 5;

function Gallery({ product }: { product: Product }) {
  const t = useT();
  const images = product.images.length > 0 ? product.images : product.image ? [product.image] : [];
  const [active, setActive] = useState(0);
  const current = images[active] ?? null;
  return (
    <div className="flex flex-col gap-3 lg:flex-row-reverse lg:items-start">
      <div className="relative w-full flex-1 overflow-hidden rounded-2xl border border-line bg-surface">
        <ProductImage
          image={current}
          alt={current?.alt || t("product.image", { title: product.title, index: active + 1 })}
          sizes={MAIN_SIZES}
          priority
          placeholderLabel={t("product.noImage")}
        />
        <DiscountBadge percent={product.discountPercent} className="absolute top-3 left-3 px-2 py-1 text-sm" />
      </div>
      {images.length > 1 && (
        <ul className="no-scrollbar flex gap-2 overflow-x-auto lg:w-20 lg:flex-col lg:overflow-visible">
          {images.map((image, index) => (
            <li key={image.src} className="shrink-0">
              <button
                type="button"
                onClick={() => setActive(index)}
                aria-current={index === active ? "true" : undefined}
                className={clsx(
                  "block size-16 overflow-hidden rounded-lg border-2 bg-surface transition-colors lg:size-20",
                  index === active ? "border-brand" : "border-line hover:border-line-strong",
                )}
              >
                <img
                  src={image.src}
                  alt=""
                  width={image.width}
                  height={image.height}
                  loading="lazy"
                  decoding="async"
                  className="size-full object-cover"
                />
                <span className="sr-only">{t("product.showImage", { index: index + 1 })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StockStatus({ product }: { product: Product }) {
  const t = useT();
  if (!product.inStock || product.stock <= 0) {
    return (
      <p className="inline-flex items-center gap-2 font-semibold text-sale">
        <CircleX aria-hidden="true" className="size-5" />
        {t("product.outOfStock")}
      </p>
    );
  }
  if (product.stock <= LOW_STOCK) {
    return (
      <p className="inline-flex items-center gap-2 font-semibold text-warn">
        <TriangleAlert aria-hidden="true" className="size-5" />
        {t("product.lowStock", { count: product.stock })}
      </p>
    );
  }
  return (
    <p className="inline-flex items-center gap-2 font-semibold text-ok">
      <CircleCheck aria-hidden="true" className="size-5" />
      {t("product.inStock")}
    </p>
  );
}

function Description({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="max-w-3xl space-y-4 text-[0.9375rem] text-fg/90 leading-7">
      {paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static paragraphs of one text
        <p key={index} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}

export default function ProductPage({ loaderData }: Route.ComponentProps) {
  const { store, locale, publicUrl } = useRootData();
  const t = getT(locale);
  const { product } = loaderData;
  const saving = product.compareAtPrice !== null && product.compareAtPrice > product.price ? product.compareAtPrice - product.price : 0;
  const crumbs = [...product.breadcrumbs.map((c) => ({ label: c.name, to: `/kategori/${c.slug}` })), { label: product.title }];
  const { phone, email } = store.profile;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: excerpt(product.description, 500) || undefined,
    image: product.images.map((i) => (i.src.startsWith("http") ? i.src : publicUrl + i.src)),
    ...(product.brand ? { brand: { "@type": "Brand", name: product.brand } } : {}),
    offers: {
      "@type": "Offer",
      url: `${publicUrl}/urun/${product.slug}`,
      priceCurrency: product.currency,
      price: toDecimalString(product.price, product.currency),
      availability: product.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    },
  };
  return (
    <div className="container-page py-6">
      <Seo
        title={`${product.title}${product.brand ? ` – ${product.brand}` : ""} | ${store.name}`}
        description={excerpt(product.description) || product.title}
        canonical={`${publicUrl}/urun/${product.slug}`}
        image={product.image ? (product.image.src.startsWith("http") ? product.image.src : publicUrl + product.image.src) : undefined}
      />
      <script type="application/ld+json">{JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>
      <Breadcrumbs items={crumbs} publicUrl={publicUrl} />

      <div className="mt-5 grid items-start gap-8 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:gap-12">
        <Gallery product={product} />

        <div className="flex flex-col">
          {product.brand && (
            <Link
              to={`/ara?q=${encodeURIComponent(product.brand)}`}
              className="self-start font-semibold text-brand text-sm uppercase tracking-wider hover:underline"
            >
              {product.brand}
            </Link>
          )}
          <h1 className="mt-1.5 text-balance font-bold text-2xl leading-tight tracking-tight sm:text-[1.75rem]">{product.title}</h1>
          {product.category && (
            <p className="mt-2 text-muted text-sm">
              {t("product.category")}:{" "}
              <Link to={`/kategori/${product.category.slug}`} className="link">
                {product.category.name}
              </Link>
            </p>
          )}

          <div className="mt-6 rounded-2xl border border-line bg-surface p-5">
            <div className="flex flex-wrap items-center gap-3">
              <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={product.currency} size="lg" />
              <DiscountBadge percent={product.discountPercent} className="px-2 py-1 text-sm" />
            </div>
            <p className="mt-1.5 text-muted text-sm">
              {product.vatRate > 0 ? t("product.vatRate", { rate: product.vatRate }) : t("product.vatIncluded")}
            </p>
            {saving > 0 && (
              <p className="mt-3 inline-flex rounded-lg bg-sale-soft px-2.5 py-1 font-semibold text-sale text-sm">
                {t("product.youSave", { amount: money(saving, product.currency, locale) })}
              </p>
            )}
            <div className="mt-4 border-line border-t pt-4">
              <StockStatus product={product} />
            </div>
          </div>

          <div className="mt-4 flex gap-3 rounded-2xl bg-brand-soft p-5 text-on-brand-soft">
            <Info aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
            <div className="text-sm">
              <p className="font-bold">{t("product.orderSoonTitle")}</p>
              <p className="mt-1 opacity-90">{t("product.orderSoonText")}</p>
              {(phone || email) && (
                <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 font-semibold">
                  {phone && (
                    <li>
                      <a
                        href={`tel:${phone.replace(/[^\d+]/g, "")}`}
                        className="inline-flex items-center gap-1.5 underline-offset-4 hover:underline"
                      >
                        <Phone aria-hidden="true" className="size-4" />
                        {phone}
                      </a>
                    </li>
                  )}
                  {email && (
                    <li>
                      <a
                        href={`mailto:${email}?subject=${encodeURIComponent(product.title)}`}
                        className="inline-flex items-center gap-1.5 underline-offset-4 hover:underline"
                      >
                        <Mail aria-hidden="true" className="size-4" />
                        {email}
                      </a>
                    </li>
                  )}
                </ul>
              )}
            </div>
          </div>

          <ul className="mt-4 grid gap-2 text-muted text-sm sm:grid-cols-2">
            <li className="flex items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2.5">
              <RotateCcw aria-hidden="true" className="size-4 shrink-0 text-brand" />
              {t("product.returnsInfo")}
            </li>
            <li className="flex items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2.5">
              <ReceiptText aria-hidden="true" className="size-4 shrink-0 text-brand" />
              {t("product.secureInfo")}
            </li>
          </ul>
        </div>
      </div>

      <section aria-labelledby="description" className="mt-12 rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <h2 id="description" className="mb-4 font-bold text-xl">
          {t("product.description")}
        </h2>
        {product.description.trim() ? (
          <Description text={product.description} />
        ) : (
          <p className="text-muted">{t("product.noDescription")}</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <StoreError notFoundTitle="product.notFound" notFoundText="product.notFoundText" />;
}
