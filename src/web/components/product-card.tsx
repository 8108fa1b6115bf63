import clsx from "clsx";
import { Link } from "react-router";
import type { ProductCard as ProductCardData } from "../../modules/catalog/types.ts";
import { useT } from "../i18n/index.ts";
import { CouponBadge, useCouponedIds } from "./coupon-badge.tsx";
import { DiscountBadge, Price } from "./price.tsx";
import { ProductImage } from "./product-image.tsx";

export const GRID_IMAGE_SIZES =
  "(min-width: 1280px) 232px, (min-width: 1024px) 20vw, (min-width: 768px) 25vw, (min-width: 640px) 33vw, 50vw";

export function ProductCard({
  product,
  priority = false,
  sizes = GRID_IMAGE_SIZES,
}: {
  product: ProductCardData;
  priority?: boolean;
  sizes?: string;
}) {
  const t = useT();
  const couponed = useCouponedIds().has(product.id);
  return (
    <article
      className={clsx(
        "group relative flex h-full flex-col overflow-hidden rounded-xl border border-line bg-surface transition-[box-shadow,border-color] duration-200",
        "hover:border-line-strong hover:shadow-card has-[a:focus-visible]:border-brand has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-ring",
      )}
    >
      <div className="relative overflow-hidden">
        <ProductImage
          image={product.image}
          alt={product.image?.alt || product.title}
          sizes={sizes}
          priority={priority}
          placeholderLabel={t("product.noImage")}
          className={clsx("transition-transform duration-300 group-hover:scale-[1.03]", !product.inStock && "opacity-60 grayscale")}
        />
        <div className="pointer-events-none absolute top-2 left-2 flex flex-col items-start gap-1">
          <DiscountBadge percent={product.discountPercent} />
        </div>
        {!product.inStock && (
          <span className="absolute inset-x-2 bottom-2 rounded-md bg-fg/85 px-2 py-1 text-center font-semibold text-page text-xs">
            {t("product.outOfStock")}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand && <p className="truncate font-semibold text-[0.6875rem] text-muted uppercase tracking-wider">{product.brand}</p>}
        <h3 className="line-clamp-2 min-h-[2.5rem] text-sm leading-5">
          <Link
            to={`/urun/${product.slug}`}
            prefetch="intent"
            className="rounded-sm after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          >
            {product.title}
          </Link>
        </h3>
        <div className="mt-auto pt-1">
          <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={product.currency} />
          {couponed && <CouponBadge className="mt-1.5" />}
        </div>
      </div>
    </article>
  );
}

export function ProductGrid({ products, priorityCount = 0 }: { products: ProductCardData[]; priorityCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 md:grid-cols-4 lg:grid-cols-5">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} priority={index < priorityCount} />
        </li>
      ))}
    </ul>
  );
}
