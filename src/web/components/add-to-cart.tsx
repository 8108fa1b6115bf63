import clsx from "clsx";
import { CircleAlert, Clock, Minus, Plus, ShoppingCart } from "lucide-react";
import { type ReactNode, useEffect, useId, useState } from "react";
import { useFetcher } from "react-router";
import { type MessageKey, type TFunction, useT } from "../i18n/index.ts";
import { ADD_TO_CART_FETCHER, CART_ACTION, type CartActionData, type CartError, type SaleMode } from "../services/cart.ts";
import { useHydrated } from "./account-ui.tsx";

const ERRORS: Partial<Record<CartError, MessageKey>> = {
  "out-of-stock": "cart.errorOutOfStock",
  unavailable: "cart.errorUnavailable",
  "not-found": "cart.errorUnavailable",
  "cart-full": "cart.errorCartFull",
  "invalid-quantity": "cart.errorQuantity",
};

/** A cart refusal in words (stock errors say how many can still be added). */
export function cartErrorText(t: TFunction, error: CartError, available?: number): string {
  if (error === "insufficient-stock")
    return available && available > 0 ? t("cart.errorOnlyLeft", { count: available }) : t("cart.errorOutOfStock");
  return t(ERRORS[error] ?? "cart.errorGeneric");
}

/**
 * Quantity and "Sepete ekle" for one variant of a physical product. A form posting to
 * /sepet/islem: without JavaScript the browser goes on to the cart; with it a fetcher adds in
 * place and the mini-cart opens. Sold out: a disabled "Tükendi"; backorder / pre-order products
 * are ordered beyond the stock ("Ön sipariş ver").
 */
export function AddToCart({
  variantId,
  stock,
  saleMode,
  maxQuantity = 99,
  stickyPrice,
}: {
  variantId: string;
  stock: number;
  saleMode: SaleMode;
  maxQuantity?: number;
  /** On phones a bar fixed to the bottom repeats the price and the button (the page leaves room for it). */
  stickyPrice?: ReactNode;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const fetcher = useFetcher<CartActionData>({ key: ADD_TO_CART_FETCHER });
  const id = useId();
  const preorder = saleMode !== "normal" && stock <= 0;
  const soldOut = saleMode === "normal" && stock <= 0;
  const max = saleMode === "normal" ? Math.max(1, Math.min(stock, maxQuantity)) : maxQuantity;
  const [quantity, setQuantity] = useState(1);
  // A new variant starts again from one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the variant changes
  useEffect(() => setQuantity(1), [variantId]);
  // The fetcher is shared with the mini-cart (by key) and outlives this page: only show its answer here after a submit from here.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const busy = fetcher.state !== "idle";
  const result = fetcher.data && !busy && submitted === variantId ? fetcher.data : null;
  const error = result && !result.ok ? cartErrorText(t, result.error, result.available) : null;

  const bar = (button: ReactNode) =>
    stickyPrice ? (
      <div className="fixed inset-x-0 bottom-0 z-20 border-line border-t bg-surface/95 px-4 py-2.5 shadow-pop backdrop-blur lg:hidden">
        <div className="mx-auto flex max-w-xl items-center gap-4">
          <div className="min-w-0 flex-1">{stickyPrice}</div>
          {button}
        </div>
      </div>
    ) : null;
  if (soldOut) {
    return (
      <>
        <button
          type="button"
          disabled
          className="btn w-full cursor-not-allowed bg-surface-2 py-3.5 text-base text-muted"
          data-testid="add-to-cart"
        >
          {t("product.outOfStock")}
        </button>
        {bar(
          <button type="button" disabled className="btn flex-1 cursor-not-allowed bg-surface-2 text-muted">
            {t("product.outOfStock")}
          </button>,
        )}
      </>
    );
  }
  const clamp = (n: number) => Math.min(max, Math.max(1, Number.isFinite(n) ? Math.trunc(n) : 1));
  return (
    <fetcher.Form
      id={`${id}-form`}
      method="post"
      action={CART_ACTION}
      className="space-y-2.5"
      data-testid="add-to-cart-form"
      onSubmit={() => setSubmitted(variantId)}
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="variantId" value={variantId} />
      {hydrated && <input type="hidden" name="js" value="1" />}
      <div className="flex gap-3">
        <div className="flex h-[3.25rem] shrink-0 items-center rounded-xl border border-line-strong bg-surface">
          <button
            type="button"
            disabled={!hydrated || quantity <= 1}
            onClick={() => setQuantity((q) => clamp(q - 1))}
            className="flex size-11 items-center justify-center rounded-l-xl text-fg hover:text-brand disabled:text-muted disabled:opacity-50"
            aria-label={t("cart.decrease")}
            aria-controls={`${id}-qty`}
          >
            <Minus aria-hidden="true" className="size-4" />
          </button>
          <label htmlFor={`${id}-qty`} className="sr-only">
            {t("cart.quantity")}
          </label>
          <input
            id={`${id}-qty`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value === "" ? 1 : clamp(Number(e.target.value)))}
            className="h-full w-11 [appearance:textfield] bg-transparent text-center font-semibold tabular-nums focus:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
          />
          <button
            type="button"
            disabled={!hydrated || quantity >= max}
            onClick={() => setQuantity((q) => clamp(q + 1))}
            className="flex size-11 items-center justify-center rounded-r-xl text-fg hover:text-brand disabled:text-muted disabled:opacity-50"
            aria-label={t("cart.increase")}
            aria-controls={`${id}-qty`}
          >
            <Plus aria-hidden="true" className="size-4" />
          </button>
        </div>
        <button
          type="submit"
          data-testid="add-to-cart"
          disabled={busy}
          aria-describedby={error ? `${id}-error` : undefined}
          className={clsx(
            "btn flex-1 py-3.5 text-base shadow-sm",
            preorder ? "bg-accent text-on-accent hover:brightness-95" : "btn-primary",
            busy && "cursor-wait opacity-80",
          )}
        >
          {preorder ? <Clock aria-hidden="true" className="size-5" /> : <ShoppingCart aria-hidden="true" className="size-5" />}
          {busy ? t("cart.adding") : preorder ? t("cart.preorder") : t("cart.add")}
        </button>
      </div>
      {preorder && (
        <p className="text-muted text-xs leading-5">{t(saleMode === "preorder" ? "cart.preorderNote" : "cart.backorderNote")}</p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="flex items-center gap-1.5 font-medium text-sale text-sm">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          {error}
        </p>
      )}
      {bar(
        <button
          type="submit"
          form={`${id}-form`}
          disabled={busy}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="buy-bar-add"
          className={clsx("btn flex-1 py-3", preorder ? "bg-accent text-on-accent" : "btn-primary", busy && "opacity-80")}
        >
          {busy ? t("cart.adding") : preorder ? t("cart.preorder") : t("cart.add")}
        </button>,
      )}
    </fetcher.Form>
  );
}
