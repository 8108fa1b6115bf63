import clsx from "clsx";
import { CircleCheck, CircleX, Clock, ExternalLink, Package, ReceiptText, RotateCcw, Store, Tag, TriangleAlert, Truck } from "lucide-react";
import { data, Link, type ShouldRevalidateFunctionArgs, useLocation, useNavigate, useSearchParams } from "react-router";
import { toDecimalString } from "../../platform/money.ts";
import { AddToCart } from "../components/add-to-cart.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { CouponBadge, ProductCoupons } from "../components/coupon-badge.tsx";
import { ProductGallery } from "../components/gallery/product-gallery.tsx";
import { DiscountBadge, Price } from "../components/price.tsx";
import { absoluteUrl, jsonLdText, metaDescription, productJsonLd } from "../components/product/structured-data.ts";
import { VariantSelector } from "../components/product/variant-selector.tsx";
import { optionChoices, optionGroupsOf, priceRange, selectVariant, variantHref } from "../components/product/variants.ts";
import { StoreError } from "../components/store-error.tsx";
import { getApp } from "../context.ts";
import { intlLocale, type TFunction, useT } from "../i18n/index.ts";
import { money } from "../lib/format.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import { CART_ACTION, type SaleMode } from "../services/cart.ts";
import type { Route } from "./+types/product";

export async function loader({ context, params }: Route.LoaderArgs) {
  const app = getApp(context);
  const product = await app.catalog.product(params.slug);
  if (!product) throw data(null, { status: 404 });
  // How it sells (normal / backorder / pre-order) and the public coupons that apply (cached, no SQL).
  const offer = await app.cart.productOffer(
    { productId: product.id, categoryPath: product.categoryPath, saleMode: product.saleMode },
    product.discountPercent > 0,
  );
  return { product, offer };
}

// Choosing a variant only changes `?v=`: the page already has every variant, so nothing is refetched.
export function shouldRevalidate({ currentUrl, nextUrl, formMethod, formAction, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  // Adding to the cart changes nothing on this page (the header reloads its count by itself).
  if (formAction === CART_ACTION) return false;
  if (formMethod || currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const without = (url: URL) => {
    const params = new URLSearchParams(url.search);
    params.delete("v");
    return params.toString();
  };
  return without(currentUrl) === without(nextUrl) ? false : defaultShouldRevalidate;
}

type Product = Route.ComponentProps["loaderData"]["product"];
type Variant = Product["variants"][number];

const LOW_STOCK = 5;

function StockStatus({ inStock, stock, saleMode }: { inStock: boolean; stock: number; saleMode: SaleMode }) {
  const t = useT();
  if ((!inStock || stock <= 0) && saleMode !== "normal") {
    return (
      <p className="inline-flex items-center gap-2 font-semibold text-warn">
        <Clock aria-hidden="true" className="size-5" />
        {t(saleMode === "preorder" ? "cart.preorderStatus" : "cart.backorderStatus")}
      </p>
    );
  }
  if (!inStock || stock <= 0) {
    return (
      <p className="inline-flex items-center gap-2 font-semibold text-sale">
        <CircleX aria-hidden="true" className="size-5" />
        {t("product.outOfStock")}
      </p>
    );
  }
  if (stock <= LOW_STOCK) {
    return (
      <p className="inline-flex items-center gap-2 font-semibold text-warn">
        <TriangleAlert aria-hidden="true" className="size-5" />
        {t("product.lowStock", { count: stock })}
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

/** `850 g` / `1,25 kg` and `3 desi`, in the visitor's locale. */
function shippingFacts(shipping: Product["shipping"], locale: "tr" | "en", t: TFunction): string[] {
  const facts: string[] = [];
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
  if (shipping.weightGrams !== null && shipping.weightGrams > 0) {
    const weight = shipping.weightGrams < 1000 ? `${number(shipping.weightGrams, 0)} g` : `${number(shipping.weightGrams / 1000, 2)} kg`;
    facts.push(t("pdp.weight", { weight }));
  }
  if (shipping.desi !== null && shipping.desi > 0) facts.push(t("pdp.desi", { desi: number(shipping.desi, 2) }));
  return facts;
}

export default function ProductPage({ loaderData }: Route.ComponentProps) {
  // A new product (same route, another slug) starts from its own default variant.
  return <ProductView key={loaderData.product.id} product={loaderData.product} offer={loaderData.offer} />;
}

function ProductView({ product, offer }: { product: Product; offer: Route.ComponentProps["loaderData"]["offer"] }) {
  const { store, locale, publicUrl } = useRootData();
  const t = useT();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const selected: Variant | null = selectVariant(product.variants, searchParams.get("v"));
  const groups = optionGroupsOf(product.options, product.variants);
  const choices = optionChoices(groups, product.variants, selected);
  const hasChoice = product.variants.length > 1 && groups.length > 0;

  const price = selected?.price ?? product.price;
  const compareAtPrice = selected ? selected.compareAtPrice : product.compareAtPrice;
  const discountPercent = selected ? selected.discountPercent : product.discountPercent;
  const inStock = selected ? selected.inStock : product.inStock;
  const stock = selected ? selected.stock : product.stock;
  const saving = compareAtPrice !== null && compareAtPrice > price ? compareAtPrice - price : 0;
  const range = priceRange(product.variants, product.price);
  const external = product.kind === "external" && product.externalPath;

  const images = product.images.length > 0 ? product.images : product.image ? [product.image] : [];
  const pageUrl = `${publicUrl}/urun/${product.slug}`;
  const crumbs = [...product.breadcrumbs.map((c) => ({ label: c.name, to: `/kategori/${c.slug}` })), { label: product.title }];
  const title = product.seo.title?.trim() || `${product.title}${product.brand ? ` – ${product.brand}` : ""} | ${store.name}`;
  const ogImage = images[0] ? absoluteUrl(images[0].src, publicUrl) : undefined;
  const delivery = shippingFacts(product.shipping, locale, t);

  const choose = (variant: Variant) => {
    navigate(variantHref(location.pathname, location.search, variant.id), { replace: true, preventScrollReset: true });
  };

  return (
    <div className="container-page py-6">
      <Seo title={title} description={metaDescription(product) || product.title} canonical={pageUrl} image={ogImage} />
      <meta property="og:type" content="product" />
      <meta property="og:site_name" content={store.name} />
      <meta property="product:price:amount" content={toDecimalString(range.low, product.currency)} />
      <meta property="product:price:currency" content={product.currency} />
      <meta property="product:availability" content={product.inStock ? "in stock" : "out of stock"} />
      {product.brand && <meta property="product:brand" content={product.brand} />}
      <script type="application/ld+json">{jsonLdText(productJsonLd(product, publicUrl))}</script>
      <Breadcrumbs items={crumbs} publicUrl={publicUrl} />

      <div className="mt-5 grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.15fr)] lg:gap-10 xl:gap-12">
        <ProductGallery
          title={product.title}
          images={images}
          video={product.video}
          imageIndex={selected?.imageIndex ?? null}
          discountPercent={discountPercent}
        />

        <div className="flex min-w-0 flex-col">
          {product.brand && (
            <Link
              to={product.brandSlug ? `/ara?marka=${encodeURIComponent(product.brandSlug)}` : `/ara?q=${encodeURIComponent(product.brand)}`}
              className="self-start font-semibold text-brand text-sm uppercase tracking-wider hover:underline"
            >
              {product.brand}
            </Link>
          )}
          <h1 className="mt-1.5 text-balance font-bold text-2xl leading-tight tracking-tight sm:text-[1.75rem]">{product.title}</h1>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-muted text-sm">
            {product.category && (
              <span>
                {t("product.category")}:{" "}
                <Link to={`/kategori/${product.category.slug}`} className="link">
                  {product.category.name}
                </Link>
              </span>
            )}
            {selected?.sku && (
              <span>
                {t("pdp.sku")}:{" "}
                <span data-testid="variant-sku" className="font-medium text-fg tabular-nums">
                  {selected.sku}
                </span>
              </span>
            )}
          </p>

          <div className="mt-5 rounded-2xl border border-line bg-surface p-5">
            <div className="flex flex-wrap items-center gap-3" data-testid="price-block">
              <Price price={price} compareAtPrice={compareAtPrice} currency={product.currency} size="lg" />
              <DiscountBadge percent={discountPercent} className="px-2 py-1 text-sm" />
              {offer && offer.coupons.length > 0 && <CouponBadge size="md" />}
            </div>
            <p className="mt-1.5 text-muted text-sm">
              {product.vatRate > 0 ? t("product.vatRate", { rate: product.vatRate }) : t("product.vatIncluded")}
            </p>
            {hasChoice && range.low !== range.high && (
              <p className="mt-0.5 text-muted text-sm">
                {t("pdp.priceRange", {
                  low: money(range.low, product.currency, locale),
                  high: money(range.high, product.currency, locale),
                })}
              </p>
            )}
            {saving > 0 && (
              <p className="mt-3 inline-flex rounded-lg bg-sale-soft px-2.5 py-1 font-semibold text-sale text-sm">
                {t("product.youSave", { amount: money(saving, product.currency, locale) })}
              </p>
            )}

            {hasChoice && (
              <div className="mt-5 border-line border-t pt-5">
                <VariantSelector groups={choices} images={images} action={`/urun/${product.slug}`} onSelect={choose} />
              </div>
            )}

            <div className="mt-5 border-line border-t pt-4" data-testid="stock-status">
              <StockStatus inStock={inStock} stock={stock} saleMode={offer?.saleMode ?? "normal"} />
            </div>

            {!external && product.kind === "physical" && selected && (
              <div className="mt-4">
                <AddToCart
                  variantId={selected.id}
                  stock={stock}
                  saleMode={offer?.saleMode ?? "normal"}
                  stickyPrice={<Price price={price} compareAtPrice={compareAtPrice} currency={product.currency} />}
                />
              </div>
            )}

            {external && (
              <div className="mt-5">
                <a
                  href={product.externalPath ?? undefined}
                  target="_blank"
                  rel="nofollow sponsored noopener"
                  className="btn btn-primary w-full py-3.5 text-base"
                >
                  {t("pdp.buyExternal")}
                  <ExternalLink aria-hidden="true" className="size-4.5" />
                  <span className="sr-only">{t("pdp.newTab")}</span>
                </a>
                <p className="mt-2.5 flex items-start gap-2 text-muted text-xs leading-5">
                  <Store aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                  {t("pdp.externalNote")}
                </p>
              </div>
            )}
          </div>

          {offer && offer.coupons.length > 0 && <ProductCoupons coupons={offer.coupons} />}

          <ul className="mt-4 grid gap-2 text-muted text-sm sm:grid-cols-2">
            {delivery.length > 0 && (
              <li className="flex items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2.5 sm:col-span-2">
                <Truck aria-hidden="true" className="size-4 shrink-0 text-brand" />
                <span>
                  <span className="font-semibold text-fg">{t("pdp.delivery")}:</span> {delivery.join(" · ")}
                </span>
              </li>
            )}
            {!external && (
              <>
                <li className="flex items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2.5">
                  <RotateCcw aria-hidden="true" className="size-4 shrink-0 text-brand" />
                  {t("product.returnsInfo")}
                </li>
                <li className="flex items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2.5">
                  <ReceiptText aria-hidden="true" className="size-4 shrink-0 text-brand" />
                  {t("product.secureInfo")}
                </li>
              </>
            )}
          </ul>
        </div>
      </div>

      <div className="mt-10 grid gap-6 lg:mt-12">
        <section aria-labelledby="description" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
          <h2 id="description" className="mb-4 font-bold text-xl">
            {t("product.description")}
          </h2>
          {product.descriptionHtml.trim() ? (
            <div
              className={clsx(
                "max-w-3xl text-[0.9375rem] text-fg/90 leading-7",
                "[&_a]:text-brand [&_a]:underline [&_a]:underline-offset-3 [&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:font-bold [&_h2]:text-lg [&_h3]:mt-5 [&_h3]:mb-2 [&_h3]:font-semibold",
                "[&_li]:my-1 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6",
                "[&_strong]:font-semibold [&_strong]:text-fg [&>:first-child]:mt-0",
              )}
              // Sanitised on the server when the product was saved.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: descriptionHtml is sanitised HTML
              dangerouslySetInnerHTML={{ __html: product.descriptionHtml }}
            />
          ) : (
            <p className="text-muted">{t("product.noDescription")}</p>
          )}
        </section>

        {product.specs.length > 0 && (
          <section aria-labelledby="specs" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
            <h2 id="specs" className="mb-4 flex items-center gap-2 font-bold text-xl">
              <Package aria-hidden="true" className="size-5 text-brand" />
              {t("pdp.specs")}
            </h2>
            <dl className="grid gap-x-8 sm:grid-cols-2">
              {product.specs.map((spec) => (
                <div key={`${spec.name}:${spec.value}`} className="flex gap-4 border-line border-b py-2.5 text-sm">
                  <dt className="w-2/5 shrink-0 text-muted">{spec.name}</dt>
                  <dd className="min-w-0 font-medium [overflow-wrap:anywhere]">{spec.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}

        {product.tags.length > 0 && (
          <section aria-labelledby="tags" className="flex flex-wrap items-center gap-2">
            <h2 id="tags" className="mr-1 inline-flex items-center gap-1.5 font-semibold text-muted text-sm">
              <Tag aria-hidden="true" className="size-4" />
              {t("pdp.tags")}
            </h2>
            {product.tags.map((tag) => (
              <Link
                key={tag}
                to={`/ara?q=${encodeURIComponent(tag)}`}
                className="rounded-full border border-line bg-surface px-3 py-1 text-sm transition-colors hover:border-brand hover:text-brand"
              >
                {tag}
              </Link>
            ))}
          </section>
        )}
      </div>
      {/* Room for the buy bar fixed to the bottom on phones. */}
      {!external && product.kind === "physical" && <div aria-hidden="true" className="h-16 lg:hidden" />}
    </div>
  );
}

export function ErrorBoundary() {
  return <StoreError notFoundTitle="product.notFound" notFoundText="product.notFoundText" />;
}
