import clsx from "clsx";
import {
  ArrowLeft,
  CircleAlert,
  Clock,
  LoaderCircle,
  Lock,
  Minus,
  PartyPopper,
  Plus,
  ShieldCheck,
  ShoppingBag,
  TicketPercent,
  Trash2,
  Truck,
  X,
} from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useFetcher } from "react-router";
import { useHydrated } from "../components/account-ui.tsx";
import { cartErrorText } from "../components/add-to-cart.tsx";
import { couponReasonText } from "../components/coupon-badge.tsx";
import { CartLineThumb } from "../components/mini-cart.tsx";
import { Notice } from "../components/notice.tsx";
import { getApp } from "../context.ts";
import { type TFunction, useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import {
  CART_ACTION,
  type CartActionData,
  type CartCouponReason,
  type CartError,
  type CartIntent,
  type CartLine,
  type CartSummary,
  cartIntents,
  MAX_CART_QUANTITY,
} from "../services/cart.ts";
import type { Route } from "./+types/cart";

/** What the last change without JavaScript did (/sepet/islem redirects here with it in the query). */
interface NoScriptNotice {
  done: CartIntent | null;
  error: CartError | null;
  available?: number;
  coupon: string | null;
}

function noticeOf(params: URLSearchParams): NoScriptNotice | null {
  const done = params.get("islem");
  const error = params.get("hata");
  if (!done && !error) return null;
  const available = Number.parseInt(params.get("stok") ?? "", 10);
  return {
    done: (cartIntents as readonly string[]).includes(done ?? "") ? (done as CartIntent) : null,
    error: error && /^[a-z-]{1,40}$/.test(error) ? (error as CartError) : null,
    available: Number.isFinite(available) ? available : undefined,
    coupon:
      params
        .get("kupon")
        ?.replace(/[^A-Z0-9_-]/gi, "")
        .slice(0, 40) || null,
  };
}

export async function loader({ context, url }: Route.LoaderArgs) {
  const cart = await getApp(context).cart.view();
  return { cart, notice: noticeOf(url.searchParams) };
}

/** A refusal of /sepet/islem in words (coupon codes and stock included). */
function errorText(t: TFunction, error: CartError, available?: number): string {
  if (error === "coupon-invalid") return t("cart.couponEmpty");
  if (error.startsWith("coupon-")) return couponReasonText(t, error.slice("coupon-".length) as CartCouponReason, null);
  return cartErrorText(t, error, available);
}

const DONE: Record<CartIntent, Parameters<TFunction>[0]> = {
  add: "cart.doneAdd",
  set: "cart.doneSet",
  remove: "cart.doneRemove",
  "apply-coupon": "cart.doneCoupon",
  "remove-coupon": "cart.doneCouponRemoved",
};

/** Hidden fields every cart form sends; `js=1` once hydrated, so the action answers with data instead of a redirect. */
function CartFields({ intent, variantId, code }: { intent: CartIntent; variantId?: string; code?: string }) {
  const hydrated = useHydrated();
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {variantId && <input type="hidden" name="variantId" value={variantId} />}
      {code && <input type="hidden" name="code" value={code} />}
      {hydrated && <input type="hidden" name="js" value="1" />}
    </>
  );
}

function QuantityStepper({ line, disabled }: { line: CartLine; disabled: boolean }) {
  const t = useT();
  const hydrated = useHydrated();
  const fetcher = useFetcher<CartActionData>({ key: `cart-line-${line.variantId}` });
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [draft, setDraft] = useState(String(line.quantity));
  useEffect(() => setDraft(String(line.quantity)), [line.quantity]);

  // While a change is on its way, show the quantity it asks for.
  let shown = line.quantity;
  if (fetcher.formData) {
    const asked = Number.parseInt(String(fetcher.formData.get("quantity") ?? ""), 10);
    const step = Number.parseInt(String(fetcher.formData.get("step") ?? "0"), 10) || 0;
    if (Number.isFinite(asked)) shown = Math.min(MAX_CART_QUANTITY, Math.max(0, asked + Math.sign(step)));
  }
  const max = Math.min(line.available, MAX_CART_QUANTITY);
  const submitDraft = () => {
    const value = Number.parseInt(draft, 10);
    if (!Number.isFinite(value) || value < 1 || value === line.quantity || !formRef.current) {
      setDraft(String(line.quantity));
      return;
    }
    const form = new FormData(formRef.current);
    form.set("quantity", String(value));
    form.delete("step");
    fetcher.submit(form, { method: "post", action: CART_ACTION });
  };
  const buttonClass =
    "flex size-9 items-center justify-center text-fg transition-colors hover:bg-surface-2 hover:text-brand disabled:pointer-events-none disabled:text-muted disabled:opacity-40";
  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={CART_ACTION}
      noValidate
      className="inline-flex h-10 items-center overflow-hidden rounded-xl border border-line-strong bg-surface"
      aria-label={t("cart.quantityOf", { title: line.title })}
    >
      <CartFields intent="set" variantId={line.variantId} />
      {/* Without JavaScript, Enter in the field presses this (the form's first button). */}
      {!hydrated && (
        <button type="submit" name="step" value="0" className="sr-only focus:not-sr-only focus:px-2 focus:text-sm">
          {t("cart.update")}
        </button>
      )}
      <button
        type="submit"
        name="step"
        value="-1"
        disabled={disabled || shown <= 1}
        className={buttonClass}
        aria-label={t("cart.decreaseOf", { title: line.title })}
      >
        <Minus aria-hidden="true" className="size-4" />
      </button>
      <label htmlFor={`${id}-qty`} className="sr-only">
        {t("cart.quantityOf", { title: line.title })}
      </label>
      <input
        id={`${id}-qty`}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_CART_QUANTITY}
        disabled={disabled}
        value={fetcher.formData ? String(shown) : draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={hydrated ? submitDraft : undefined}
        onKeyDown={(e) => {
          if (hydrated && e.key === "Enter") {
            e.preventDefault();
            submitDraft();
          }
        }}
        data-testid="line-quantity"
        className="h-full w-11 border-line border-x [appearance:textfield] bg-transparent text-center font-semibold tabular-nums focus:outline-none focus-visible:bg-surface-2 disabled:text-muted [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
      />
      <button
        type="submit"
        name="step"
        value="1"
        disabled={disabled || shown >= max}
        className={buttonClass}
        aria-label={t("cart.increaseOf", { title: line.title })}
      >
        <Plus aria-hidden="true" className="size-4" />
      </button>
    </fetcher.Form>
  );
}

function LineRow({ line, currency }: { line: CartLine; currency: string }) {
  const t = useT();
  const money = useMoney();
  const remover = useFetcher<CartActionData>();
  const stepper = useFetcher<CartActionData>({ key: `cart-line-${line.variantId}` });
  // Removed lines leave at once; the page reloads the cart behind them.
  if (remover.state !== "idle") return null;
  const blocked = line.problem === "out-of-stock" || line.problem === "unavailable";
  const onSale = line.compareAtPrice !== null && line.compareAtPrice > line.unitPrice;
  const busy = stepper.state !== "idle";
  const stepError = stepper.state === "idle" && stepper.data && !stepper.data.ok ? stepper.data : null;
  return (
    <li className="flex gap-3 p-4 sm:gap-5 sm:p-5" data-testid="cart-line" data-variant={line.variantId}>
      <Link to={`/urun/${line.slug}`} tabIndex={-1} aria-hidden="true" className={clsx(blocked && "opacity-50 grayscale")}>
        <CartLineThumb line={line} size="md" />
      </Link>
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 className="font-medium leading-snug">
              <Link to={`/urun/${line.slug}`} className="line-clamp-2 hover:text-brand hover:underline">
                {line.title}
              </Link>
            </h3>
            {line.variantLabel && <p className="mt-0.5 text-muted text-sm">{line.variantLabel}</p>}
            {line.saleMode !== "normal" && (
              <p className="mt-1.5 inline-flex items-center gap-1 rounded-md bg-accent/15 px-1.5 py-0.5 font-semibold text-xs">
                <Clock aria-hidden="true" className="size-3.5 text-warn" />
                {t(line.saleMode === "preorder" ? "cart.preorderLine" : "cart.backorderLine")}
              </p>
            )}
          </div>
          <remover.Form method="post" action={CART_ACTION} className="-mt-1 -mr-1 shrink-0">
            <CartFields intent="remove" variantId={line.variantId} />
            <button
              type="submit"
              className="inline-flex size-9 items-center justify-center rounded-lg text-muted transition-colors hover:bg-sale-soft hover:text-sale"
              aria-label={t("cart.removeOf", { title: line.title })}
              title={t("cart.remove")}
            >
              <Trash2 aria-hidden="true" className="size-[1.125rem]" />
            </button>
          </remover.Form>
        </div>

        {line.problem && (
          <p className="mt-2 flex items-center gap-1.5 font-semibold text-sale text-sm" data-testid="line-problem">
            <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
            {line.problem === "insufficient-stock" ? t("cart.onlyLeft", { count: line.available }) : t("product.outOfStock")}
          </p>
        )}

        <div className="mt-3 flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
          <QuantityStepper line={line} disabled={blocked} />
          <div className={clsx("text-right transition-opacity", busy && "opacity-50")}>
            {onSale && (
              <p className="text-muted text-sm line-through decoration-1">
                <span className="sr-only">{t("product.oldPrice")}: </span>
                {money((line.compareAtPrice as number) * line.quantity, currency)}
              </p>
            )}
            <p
              className={clsx(
                "font-bold text-lg tabular-nums leading-tight",
                blocked ? "text-muted line-through" : onSale ? "text-sale" : "text-fg",
              )}
            >
              {busy && <LoaderCircle aria-hidden="true" className="mr-1 inline size-4 animate-spin align-[-2px]" />}
              {onSale && <span className="sr-only">{t("product.currentPrice")}: </span>}
              <span data-testid="line-total">{money(line.unitPrice * line.quantity, currency)}</span>
            </p>
            {line.quantity > 1 && (
              <p className="mt-0.5 text-muted text-xs">{t("cart.unitPrice", { price: money(line.unitPrice, currency) })}</p>
            )}
          </div>
        </div>
        {stepError && (
          <p role="alert" className="mt-2 flex items-center gap-1.5 font-medium text-sale text-sm">
            <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
            {errorText(t, stepError.error, stepError.available)}
          </p>
        )}
      </div>
    </li>
  );
}

function FreeShippingBar({ cart }: { cart: CartSummary }) {
  const t = useT();
  const money = useMoney();
  if (!cart.shipping) return null;
  if (cart.shipping.free) {
    return (
      <div className="flex items-center gap-3 rounded-2xl border border-ok/30 bg-ok/10 px-4 py-3 text-sm" data-testid="free-shipping">
        <PartyPopper aria-hidden="true" className="size-5 shrink-0 text-ok" />
        <p className="font-semibold">{t("cart.freeShippingReached")}</p>
      </div>
    );
  }
  if (!cart.freeShipping) return null;
  const { threshold, remaining } = cart.freeShipping;
  const percent = Math.max(4, Math.min(100, Math.round(((threshold - remaining) * 100) / threshold)));
  const label = t("cart.freeShippingLeft", { amount: money(remaining, cart.currency) });
  return (
    <div className="rounded-2xl border border-line bg-surface px-4 py-3" data-testid="free-shipping">
      <p className="flex items-center gap-2 text-sm">
        <Truck aria-hidden="true" className="size-5 shrink-0 text-brand" />
        <span>
          {t("cart.freeShippingLeftBefore")} <strong className="font-bold text-brand">{money(remaining, cart.currency)}</strong>{" "}
          {t("cart.freeShippingLeftAfter")}
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2.5 h-2 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-brand transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function CouponBox({ cart, notice }: { cart: CartSummary; notice: NoScriptNotice | null }) {
  const t = useT();
  const money = useMoney();
  const fetcher = useFetcher<CartActionData>();
  const remover = useFetcher<CartActionData>();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const answered = fetcher.state === "idle" ? fetcher.data : undefined;
  // Clear the field once a code was taken.
  useEffect(() => {
    if (answered?.ok) formRef.current?.reset();
  }, [answered]);
  const removing = remover.formData?.get("code");
  const error =
    answered && !answered.ok
      ? errorText(t, answered.error)
      : notice?.error?.startsWith("coupon-")
        ? `${notice.coupon ? `${notice.coupon}: ` : ""}${errorText(t, notice.error)}`
        : null;
  const applied = cart.coupons.filter((c) => c.code !== removing);
  const problems = cart.couponProblems.filter((c) => c.code !== removing);
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-line bg-surface p-5" data-testid="coupon-box">
      <div className="flex items-center justify-between gap-3">
        <h2 id={`${id}-title`} className="flex items-center gap-2 font-bold">
          <TicketPercent aria-hidden="true" className="size-5 text-brand" />
          {t("cart.couponTitle")}
        </h2>
        <Link to="/kuponlar" className="font-semibold text-brand text-sm hover:underline">
          {t("cart.couponsLink")}
        </Link>
      </div>
      <fetcher.Form ref={formRef} method="post" action={CART_ACTION} noValidate className="mt-3 flex gap-2">
        <CartFields intent="apply-coupon" />
        <label htmlFor={`${id}-code`} className="sr-only">
          {t("cart.couponCode")}
        </label>
        <input
          id={`${id}-code`}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          placeholder={t("cart.couponPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="field min-w-0 flex-1 py-2 uppercase placeholder:normal-case"
        />
        <button type="submit" className="btn btn-secondary shrink-0" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : null}
          {t("cart.couponApply")}
        </button>
      </fetcher.Form>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-2 flex items-start gap-1.5 font-medium text-sale text-sm">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
      {(applied.length > 0 || problems.length > 0) && (
        <ul className="mt-3 space-y-2" aria-label={t("cart.couponsEntered")}>
          {applied.map((coupon) => (
            <li
              key={coupon.code}
              className="flex items-center gap-3 rounded-xl border border-ok/40 border-dashed bg-ok/5 px-3 py-2"
              data-testid="applied-coupon"
            >
              <TicketPercent aria-hidden="true" className="size-5 shrink-0 text-ok" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-bold font-mono tracking-wide">{coupon.code}</p>
                <p className="truncate text-muted text-xs">{coupon.title}</p>
              </div>
              <span className="shrink-0 font-semibold text-ok text-sm tabular-nums">
                {coupon.kind === "free_shipping" ? t("coupon.freeShipping") : `−${money(coupon.amount, cart.currency)}`}
              </span>
              <remover.Form method="post" action={CART_ACTION}>
                <CartFields intent="remove-coupon" code={coupon.code} />
                <button
                  type="submit"
                  className="inline-flex size-8 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-sale"
                  aria-label={t("cart.couponRemove", { code: coupon.code })}
                >
                  <X aria-hidden="true" className="size-4" />
                </button>
              </remover.Form>
            </li>
          ))}
          {problems.map((problem) => (
            <li
              key={problem.code}
              className="flex items-center gap-3 rounded-xl border border-line border-dashed bg-surface-2 px-3 py-2"
              data-testid="rejected-coupon"
            >
              <CircleAlert aria-hidden="true" className="size-5 shrink-0 text-warn" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-bold font-mono text-muted tracking-wide">{problem.code}</p>
                <p className="text-muted text-xs">
                  {couponReasonText(t, problem.reason, problem.minBasket !== undefined ? money(problem.minBasket, cart.currency) : null)}
                </p>
              </div>
              <remover.Form method="post" action={CART_ACTION}>
                <CartFields intent="remove-coupon" code={problem.code} />
                <button
                  type="submit"
                  className="inline-flex size-8 items-center justify-center rounded-lg text-muted hover:bg-surface hover:text-sale"
                  aria-label={t("cart.couponRemove", { code: problem.code })}
                >
                  <X aria-hidden="true" className="size-4" />
                </button>
              </remover.Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckoutButton({
  ready,
  className,
  describedBy,
  testId = "checkout",
}: {
  ready: boolean;
  className?: string;
  describedBy?: string;
  testId?: string;
}) {
  const t = useT();
  if (ready) {
    return (
      <Link to="/odeme" className={clsx("btn btn-primary py-3.5 text-base", className)} data-testid={testId}>
        {t("cart.checkout")}
      </Link>
    );
  }
  return (
    <button
      type="button"
      disabled
      aria-describedby={describedBy}
      className={clsx("btn btn-primary cursor-not-allowed py-3.5 text-base opacity-50", className)}
      data-testid={testId}
    >
      {t("cart.checkout")}
    </button>
  );
}

function Summary({ cart }: { cart: CartSummary }) {
  const t = useT();
  const money = useMoney();
  const id = useId();
  const savings = cart.saleSavings + cart.discountTotal;
  const discounts = cart.coupons.filter((c) => c.kind !== "free_shipping" && c.amount > 0);
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-line bg-surface p-5" data-testid="cart-summary">
      <h2 id={`${id}-title`} className="font-bold text-lg">
        {t("cart.summary")}
      </h2>
      <dl className="mt-4 space-y-2.5 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-muted">{t("cart.subtotal", { count: cart.itemCount })}</dt>
          <dd className="font-semibold tabular-nums" data-testid="subtotal">
            {money(cart.subtotal, cart.currency)}
          </dd>
        </div>
        {discounts.map((coupon) => (
          <div key={coupon.code} className="flex justify-between gap-4">
            <dt className="text-muted">{t("cart.couponLine", { code: coupon.code })}</dt>
            <dd className="font-semibold text-ok tabular-nums" data-testid="discount">
              −{money(coupon.amount, cart.currency)}
            </dd>
          </div>
        ))}
        {cart.shipping && (
          <div className="flex justify-between gap-4">
            <dt className="text-muted">{t("cart.shipping")}</dt>
            <dd className={clsx("font-semibold tabular-nums", cart.shipping.free && "text-ok")} data-testid="shipping">
              {cart.shipping.free ? t("cart.shippingFree") : money(cart.shipping.price, cart.currency)}
            </dd>
          </div>
        )}
      </dl>
      <div className="mt-4 flex items-baseline justify-between gap-4 border-line border-t pt-4">
        <p className="font-bold">{t("cart.total")}</p>
        <p className="font-bold text-2xl text-fg tabular-nums tracking-tight" data-testid="cart-total">
          {money(cart.total, cart.currency)}
        </p>
      </div>
      <p className="mt-1 text-right text-muted text-xs">{t("cart.vatIncluded")}</p>
      {savings > 0 && (
        <p className="mt-3 rounded-lg bg-ok/10 px-3 py-2 text-center font-semibold text-ok text-sm">
          {t("cart.savings", { amount: money(savings, cart.currency) })}
        </p>
      )}
      <CheckoutButton ready={cart.ready} className="mt-4 w-full" describedBy={`${id}-blocked`} />
      {!cart.ready && (
        <p id={`${id}-blocked`} className="mt-2 flex items-start gap-1.5 text-sale text-xs leading-5">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          {t("cart.notReady")}
        </p>
      )}
      <ul className="mt-4 space-y-1.5 text-muted text-xs">
        <li className="flex items-center gap-2">
          <Lock aria-hidden="true" className="size-3.5 shrink-0 text-brand" />
          {t("cart.securePayment")}
        </li>
        <li className="flex items-center gap-2">
          <ShieldCheck aria-hidden="true" className="size-3.5 shrink-0 text-brand" />
          {t("product.returnsInfo")}
        </li>
      </ul>
    </section>
  );
}

export default function Cart({ loaderData }: Route.ComponentProps) {
  const { store } = useRootData();
  const t = useT();
  const money = useMoney();
  const { cart, notice } = loaderData;
  const doneText = notice?.done
    ? notice.done === "apply-coupon" || notice.done === "remove-coupon"
      ? t(DONE[notice.done], { code: notice.coupon ?? "" })
      : t(DONE[notice.done])
    : null;
  const lineError = notice?.error && !notice.error.startsWith("coupon-") ? errorText(t, notice.error, notice.available) : null;

  if (cart.lines.length === 0) {
    return (
      <div className="container-page py-8">
        <Seo title={`${t("cart.title")} | ${store.name}`} noindex />
        <h1 className="font-bold text-2xl tracking-tight sm:text-3xl">{t("cart.title")}</h1>
        {(doneText || lineError) && (
          <div className="mt-4">
            <Notice tone={lineError ? "error" : "success"}>{lineError ?? doneText}</Notice>
          </div>
        )}
        <section className="mt-6 rounded-2xl border border-line bg-surface px-6 py-16 text-center" data-testid="cart-empty">
          <div className="mx-auto flex size-20 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">
            <ShoppingBag aria-hidden="true" className="size-9" />
          </div>
          <h2 className="mt-5 font-bold text-xl">{t("cart.empty")}</h2>
          <p className="mt-2 text-muted">{t("cart.emptyText")}</p>
          <div className="mt-7 flex flex-wrap justify-center gap-3">
            <Link to="/" className="btn btn-primary">
              {t("cart.continue")}
            </Link>
            <Link to="/indirimli-urunler" className="btn btn-secondary">
              {t("deals.title")}
            </Link>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="container-page pt-6 pb-32 lg:pt-8 lg:pb-8">
      <Seo title={`${t("cart.title")} | ${store.name}`} noindex />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-bold text-2xl tracking-tight sm:text-3xl">
          {t("cart.title")}{" "}
          <span className="font-medium text-lg text-muted" data-testid="cart-units">
            ({t("minicart.units", { count: cart.itemCount })})
          </span>
        </h1>
        <Link to="/" className="inline-flex items-center gap-1.5 font-semibold text-brand text-sm hover:underline">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("cart.keepShopping")}
        </Link>
      </div>
      {(doneText || lineError) && (
        <div className="mt-4">
          <Notice tone={lineError ? "error" : "success"}>{lineError ?? doneText}</Notice>
        </div>
      )}

      <div className="mt-5 grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_23rem] lg:gap-6">
        <div className="space-y-4">
          <FreeShippingBar cart={cart} />
          <section aria-labelledby="cart-lines" className="overflow-hidden rounded-2xl border border-line bg-surface">
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-line border-b bg-surface-2/60 px-5 py-3 text-sm">
              <h2 id="cart-lines" className="font-semibold">
                {t("cart.linesTitle", { store: store.name })}
              </h2>
              {cart.shipping && (
                <p className="flex items-center gap-1.5 text-muted text-xs">
                  <Truck aria-hidden="true" className="size-4 text-brand" />
                  {t("cart.shipsIn", { method: cart.shipping.name, min: cart.shipping.minDays, max: cart.shipping.maxDays })}
                </p>
              )}
            </div>
            <ul className="divide-y divide-line">
              {cart.lines.map((line) => (
                <LineRow key={line.variantId} line={line} currency={cart.currency} />
              ))}
            </ul>
          </section>
        </div>
        <aside className="space-y-4 lg:sticky lg:top-4" aria-label={t("cart.summary")}>
          <Summary cart={cart} />
          <CouponBox cart={cart} notice={notice} />
        </aside>
      </div>

      {/* Phones: the total and the way on stay at hand. */}
      <div className="fixed inset-x-0 bottom-0 z-20 border-line border-t bg-surface/95 px-4 py-3 shadow-pop backdrop-blur lg:hidden">
        <div className="mx-auto flex max-w-xl items-center gap-4">
          <div className="min-w-0 flex-1">
            <p className="text-muted text-xs">{t("cart.total")}</p>
            <p className="font-bold text-lg tabular-nums leading-tight">{money(cart.total, cart.currency)}</p>
            <p className="text-[0.6875rem] text-muted">{t("cart.vatIncluded")}</p>
          </div>
          <CheckoutButton ready={cart.ready} className="flex-1" testId="checkout-bar" />
        </div>
      </div>
    </div>
  );
}
