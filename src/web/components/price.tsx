import clsx from "clsx";
import { useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";

/** Current price with the former price struck through when discounted. Prices include KDV. */
export function Price({
  price,
  compareAtPrice,
  currency,
  size = "md",
}: {
  price: number;
  compareAtPrice: number | null;
  currency: string;
  size?: "md" | "lg";
}) {
  const t = useT();
  const money = useMoney();
  const discounted = compareAtPrice !== null && compareAtPrice > price;
  return (
    <div className={clsx("flex flex-wrap items-baseline", size === "lg" ? "gap-x-3 gap-y-1" : "gap-x-2")}>
      {discounted && (
        <span className={clsx("text-muted line-through decoration-1", size === "lg" ? "text-lg" : "text-[0.8125rem]")}>
          <span className="sr-only">{t("product.oldPrice")}: </span>
          {money(compareAtPrice, currency)}
        </span>
      )}
      <span
        className={clsx(
          "font-bold tabular-nums tracking-tight",
          discounted ? "text-sale" : "text-fg",
          size === "lg" ? "text-3xl" : "text-base sm:text-[1.0625rem]",
        )}
      >
        {discounted && <span className="sr-only">{t("product.currentPrice")}: </span>}
        {money(price, currency)}
      </span>
    </div>
  );
}

export function DiscountBadge({ percent, className }: { percent: number; className?: string }) {
  const t = useT();
  if (percent <= 0) return null;
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded-md bg-sale-badge px-1.5 py-0.5 font-bold text-white text-xs tabular-nums",
        className,
      )}
      title={t("product.discountLabel", { percent })}
    >
      <span aria-hidden="true">{t("product.discountBadge", { percent })}</span>
      <span className="sr-only">{t("product.discountLabel", { percent })}</span>
    </span>
  );
}
