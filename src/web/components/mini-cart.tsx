import clsx from "clsx";
import { CircleCheck, ImageOff, ShoppingBag, Truck } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Link, useFetcher } from "react-router";
import { useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";
import { ADD_TO_CART_FETCHER, CART_ACTION, type CartActionData, type CartLine, type CartSummary } from "../services/cart.ts";
import { useHydrated } from "./account-ui.tsx";
import { Drawer } from "./drawer.tsx";

/** A cart line's small square image (or a placeholder). */
export function CartLineThumb({ line, size }: { line: Pick<CartLine, "image" | "title">; size: "sm" | "md" }) {
  const t = useT();
  const box = size === "sm" ? "size-16" : "size-20 sm:size-24";
  if (!line.image) {
    return (
      <div
        role="img"
        aria-label={t("product.noImage")}
        className={clsx(box, "flex shrink-0 items-center justify-center rounded-lg bg-surface-2")}
      >
        <ImageOff aria-hidden="true" className="size-5 text-muted opacity-60" />
      </div>
    );
  }
  return (
    <img
      src={line.image.src}
      srcSet={line.image.srcset || undefined}
      sizes={size === "sm" ? "64px" : "96px"}
      width={line.image.width}
      height={line.image.height}
      alt={line.image.alt || line.title}
      loading="lazy"
      decoding="async"
      className={clsx(box, "shrink-0 rounded-lg border border-line bg-surface-2 object-cover")}
    />
  );
}

function CartIcon({ count }: { count: number }) {
  const t = useT();
  return (
    <>
      <span className="relative">
        <ShoppingBag aria-hidden="true" className="size-6" strokeWidth={1.75} />
        <span
          data-testid="cart-count"
          className="absolute -top-1.5 -right-2 flex h-[1.125rem] min-w-[1.125rem] items-center justify-center rounded-full bg-accent px-1 font-bold text-[0.6875rem] text-on-accent tabular-nums"
        >
          <span aria-hidden="true">{count}</span>
        </span>
      </span>
      <span aria-hidden="true" className="hidden font-medium text-[0.6875rem] sm:block">
        {t("header.cart")}
      </span>
    </>
  );
}

const ACTION_CLASS =
  "relative flex flex-col items-center gap-0.5 rounded-lg px-2 py-1 text-fg transition-colors hover:text-brand sm:min-w-16";

/**
 * The header's cart: a link to /sepet without JavaScript; with it, a button opening a small panel
 * (a drawer on phones, a popover-like panel under the header on wide screens) with the lines, the
 * total and the way on. It opens by itself with a confirmation after "add to cart".
 */
export function MiniCart({ count }: { count: number }) {
  const t = useT();
  const money = useMoney();
  const hydrated = useHydrated();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const summary = useFetcher<CartSummary>();
  const adder = useFetcher<CartActionData>({ key: ADD_TO_CART_FETCHER });
  const [added, setAdded] = useState<CartSummary | null>(null);
  const seen = useRef<CartActionData | null>(null);
  const label = t("header.cartCount", { count });

  // After "add to cart" answers, open with the cart it returned and say so.
  useEffect(() => {
    const result = adder.data;
    if (!result || result === seen.current) return;
    seen.current = result;
    if (!result.ok || !result.cart) return;
    setAdded(result.cart);
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    requestAnimationFrame(() => confirmRef.current?.focus());
  }, [adder.data]);

  if (!hydrated) {
    return (
      <Link to="/sepet" className={ACTION_CLASS} aria-label={`${t("header.cart")}: ${label}`}>
        <CartIcon count={count} />
      </Link>
    );
  }

  const cart = added ?? summary.data ?? null;
  const loading = !added && (summary.state === "loading" || !summary.data);
  return (
    <Drawer
      dialogRef={dialogRef}
      onOpen={() => {
        setAdded(null);
        summary.load(CART_ACTION);
      }}
      openLabel={`${t("header.cart")}: ${label}`}
      openContent={<CartIcon count={count} />}
      closeLabel={t("minicart.close")}
      title={
        <>
          {t("header.cart")}{" "}
          <span className="font-normal text-base text-muted">({t("minicart.units", { count: cart?.itemCount ?? count })})</span>
        </>
      }
      openButtonClassName={ACTION_CLASS}
      menuIconClassName="size-6"
      panelClassName={clsx(
        "m-0 ml-auto h-dvh max-h-none w-[min(25rem,92vw)] max-w-none bg-surface p-0 text-fg shadow-pop backdrop:bg-black/50 open:flex open:flex-col",
        "lg:bottom-auto lg:mt-[7.25rem] lg:mr-[max(1.5rem,calc((100vw_-_80rem)/2_+_1.5rem))] lg:h-auto lg:max-h-[min(40rem,calc(100dvh_-_9rem))] lg:w-[26rem] lg:rounded-2xl lg:border lg:border-line lg:backdrop:bg-black/20",
      )}
      headerClassName="flex h-14 shrink-0 items-center justify-between border-line border-b px-4"
      titleClassName="font-bold text-lg"
    >
      <div data-testid="mini-cart" className="flex min-h-0 flex-1 flex-col">
        {added && (
          <p
            ref={confirmRef}
            tabIndex={-1}
            role="status"
            className="mx-4 mt-3 flex items-center gap-2 rounded-xl bg-ok/10 px-3 py-2.5 font-semibold text-ok text-sm focus:outline-none"
          >
            <CircleCheck aria-hidden="true" className="size-5 shrink-0" />
            {t("minicart.added")}
          </p>
        )}
        {loading ? (
          <ul className="space-y-3 p-4" aria-busy="true" aria-label={t("minicart.loading")}>
            {[0, 1].map((i) => (
              <li key={i} className="flex animate-pulse gap-3">
                <div className="size-16 rounded-lg bg-surface-2" />
                <div className="flex-1 space-y-2 pt-1">
                  <div className="h-3 w-3/4 rounded bg-surface-2" />
                  <div className="h-3 w-1/3 rounded bg-surface-2" />
                </div>
              </li>
            ))}
          </ul>
        ) : !cart || cart.lines.length === 0 ? (
          <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 py-12 text-center">
            <div className="flex size-14 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">
              <ShoppingBag aria-hidden="true" className="size-7" />
            </div>
            <p className="font-semibold">{t("cart.empty")}</p>
            <Link to="/" className="btn btn-secondary">
              {t("cart.continue")}
            </Link>
          </div>
        ) : (
          <>
            <ul className="min-h-0 flex-1 divide-y divide-line overflow-y-auto px-4">
              {cart.lines.map((line) => (
                <li key={line.variantId} className="flex gap-3 py-3">
                  <CartLineThumb line={line} size="sm" />
                  <div className="min-w-0 flex-1 text-sm">
                    <Link to={`/urun/${line.slug}`} className="line-clamp-2 font-medium hover:text-brand hover:underline">
                      {line.title}
                    </Link>
                    {line.variantLabel && <p className="mt-0.5 truncate text-muted text-xs">{line.variantLabel}</p>}
                    <p className="mt-1 flex items-baseline justify-between gap-2">
                      <span className="text-muted text-xs">{t("minicart.quantity", { count: line.quantity })}</span>
                      {line.problem === "out-of-stock" || line.problem === "unavailable" ? (
                        <span className="font-semibold text-sale text-xs">{t("product.outOfStock")}</span>
                      ) : (
                        <span className="font-bold tabular-nums">{money(line.total || line.unitPrice * line.quantity, cart.currency)}</span>
                      )}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
            <div className="shrink-0 space-y-3 border-line border-t bg-surface-2/60 p-4">
              {cart.freeShipping && (
                <p className="flex items-center gap-2 text-muted text-xs">
                  <Truck aria-hidden="true" className="size-4 shrink-0 text-brand" />
                  {t("cart.freeShippingLeft", { amount: money(cart.freeShipping.remaining, cart.currency) })}
                </p>
              )}
              <dl className="space-y-1 text-sm">
                {cart.discountTotal > 0 && (
                  <div className="flex justify-between gap-3">
                    <dt className="text-muted">{t("minicart.discount")}</dt>
                    <dd className="font-semibold text-ok tabular-nums">−{money(cart.discountTotal, cart.currency)}</dd>
                  </div>
                )}
                {cart.shipping && (
                  <div className="flex justify-between gap-3">
                    <dt className="text-muted">{t("cart.shipping")}</dt>
                    <dd className={clsx("font-semibold tabular-nums", cart.shipping.free && "text-ok")}>
                      {cart.shipping.free ? t("cart.shippingFree") : money(cart.shipping.price, cart.currency)}
                    </dd>
                  </div>
                )}
                <div className="flex items-baseline justify-between gap-3 pt-1">
                  <dt className="font-semibold">
                    {t("cart.total")} <span className="font-normal text-muted text-xs">({t("cart.vatIncluded")})</span>
                  </dt>
                  <dd className="font-bold text-lg tabular-nums" data-testid="mini-cart-total">
                    {money(cart.total, cart.currency)}
                  </dd>
                </div>
              </dl>
              <div className="grid grid-cols-2 gap-2">
                <Link to="/sepet" className="btn btn-secondary whitespace-nowrap px-2 text-sm">
                  {t("minicart.goToCart")}
                </Link>
                {cart.ready ? (
                  <Link to="/odeme" className="btn btn-primary whitespace-nowrap px-2 text-sm">
                    {t("minicart.checkout")}
                  </Link>
                ) : (
                  <button type="button" disabled className="btn btn-primary cursor-not-allowed whitespace-nowrap px-2 text-sm opacity-50">
                    {t("minicart.checkout")}
                  </button>
                )}
              </div>
            </div>
          </>
        )}
      </div>
    </Drawer>
  );
}
