import clsx from "clsx";
import { CalendarClock, Check, CircleAlert, Copy, Layers, LogIn, ShoppingCart, TicketPercent, Truck, Wallet } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { data, Link, useFetcher } from "react-router";
import type { CategoryNode } from "../../modules/catalog/types.ts";
import { useHydrated } from "../components/account-ui.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { couponAmount, couponReasonText, useShortMoney } from "../components/coupon-badge.tsx";
import { getApp } from "../context.ts";
import { intlLocale, type TFunction, useLocale, useT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import { CART_ACTION, type CartActionData, type CartCouponReason, type PublicCoupon, type WalletCoupon } from "../services/cart.ts";
import type { Route } from "./+types/coupons";

function flatten(nodes: CategoryNode[], into = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    into.set(node.id, node.name);
    flatten(node.children, into);
  }
  return into;
}

export async function loader({ context }: Route.LoaderArgs) {
  const app = getApp(context);
  const [coupons, wallet, tree] = await Promise.all([app.cart.publicCoupons(), app.cart.wallet(), app.catalog.categoryTree()]);
  // Category-scoped coupons name their categories.
  const names = flatten(tree);
  const scopeNames: Record<string, string[]> = {};
  for (const coupon of [...coupons, ...(wallet ?? [])]) {
    if (coupon.scope === "categories") scopeNames[coupon.id] = coupon.scopeIds.flatMap((id) => names.get(id) ?? []);
  }
  return { coupons, wallet, scopeNames, signedIn: app.user !== null };
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get("intent") !== "collect") throw data("Unknown action", { status: 400 });
  const couponId = String(form.get("couponId") ?? "");
  return { couponId, ...(await getApp(context).cart.collect(couponId)) };
}

function scopeText(t: TFunction, coupon: PublicCoupon, names: string[] | undefined): string {
  if (coupon.scope === "all") return coupon.excludeSaleItems ? t("coupon.scopeAllButSale") : t("coupon.scopeAll");
  if (coupon.scope === "products") return t("coupon.scopeProducts");
  return names && names.length > 0 ? t("coupon.scopeCategories", { names: names.join(", ") }) : t("coupon.scopeSomeCategories");
}

function CopyCode({ code }: { code: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="flex items-center gap-1.5">
      <code className="select-all rounded-lg border border-line-strong border-dashed bg-surface-2 px-2.5 py-1.5 font-bold font-mono text-sm tracking-wider">
        {code}
      </code>
      {hydrated && (
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
          className="inline-flex h-9 items-center gap-1.5 rounded-lg px-2.5 font-semibold text-brand text-sm hover:bg-brand-soft"
          aria-label={t("coupon.copyCode", { code })}
        >
          {copied ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
          <span aria-hidden="true">{copied ? t("coupon.copied") : t("coupon.copy")}</span>
        </button>
      )}
      <span role="status" className="sr-only">
        {copied ? t("coupon.copiedCode", { code }) : ""}
      </span>
    </div>
  );
}

function ApplyButton({ code, disabled }: { code: string; disabled?: boolean }) {
  const t = useT();
  const hydrated = useHydrated();
  const fetcher = useFetcher<CartActionData>();
  const id = useId();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post" action={CART_ACTION} className="contents">
      <input type="hidden" name="intent" value="apply-coupon" />
      <input type="hidden" name="code" value={code} />
      {hydrated && <input type="hidden" name="js" value="1" />}
      {answer?.ok ? (
        <Link to="/sepet" className="btn btn-secondary h-9 border-ok px-3 py-0 text-ok text-sm" data-testid="coupon-applied">
          <Check aria-hidden="true" className="size-4" />
          {t("coupon.appliedGoToCart")}
        </Link>
      ) : (
        <button
          type="submit"
          disabled={disabled || fetcher.state !== "idle"}
          aria-describedby={answer && !answer.ok ? `${id}-error` : undefined}
          className="btn btn-primary h-9 px-3 py-0 text-sm disabled:opacity-50"
        >
          <ShoppingCart aria-hidden="true" className="size-4" />
          {t("coupon.apply")}
        </button>
      )}
      <span role="status" className="sr-only">
        {answer?.ok ? t("coupon.appliedStatus", { code }) : ""}
      </span>
      {answer && !answer.ok && (
        <p id={`${id}-error`} role="alert" className="w-full font-medium text-sale text-xs">
          {answer.error.startsWith("coupon-") && answer.error !== "coupon-invalid"
            ? couponReasonText(t, answer.error.slice("coupon-".length) as CartCouponReason, null)
            : t("cart.errorGeneric")}
        </p>
      )}
    </fetcher.Form>
  );
}

function CollectButton({ coupon, collected, signedIn }: { coupon: PublicCoupon; collected: boolean; signedIn: boolean }) {
  const t = useT();
  const fetcher = useFetcher<{ couponId: string; ok: boolean }>();
  if (!signedIn) {
    return (
      <Link to="/giris?next=%2Fkuponlar" className="btn btn-secondary h-9 px-3 py-0 text-sm">
        <LogIn aria-hidden="true" className="size-4" />
        {t("coupon.signInToCollect")}
      </Link>
    );
  }
  const done = collected || (fetcher.data?.ok && fetcher.data.couponId === coupon.id) || fetcher.state !== "idle";
  if (done) {
    return (
      <span
        className="inline-flex h-9 items-center gap-1.5 rounded-[0.625rem] bg-ok/10 px-3 font-semibold text-ok text-sm"
        data-testid="coupon-collected"
      >
        <Check aria-hidden="true" className="size-4" />
        {t("coupon.collected")}
      </span>
    );
  }
  return (
    <fetcher.Form method="post" className="contents">
      <input type="hidden" name="intent" value="collect" />
      <input type="hidden" name="couponId" value={coupon.id} />
      <button type="submit" className="btn btn-secondary h-9 px-3 py-0 text-sm" aria-label={t("coupon.collectOf", { title: coupon.title })}>
        <Wallet aria-hidden="true" className="size-4" />
        {t("coupon.collect")}
      </button>
    </fetcher.Form>
  );
}

function CouponCard({
  coupon,
  scopeNames,
  collect,
  problem,
}: {
  coupon: PublicCoupon;
  scopeNames?: string[];
  /** The "Kuponu al" button (public list only). */
  collect?: React.ReactNode;
  /** Why a collected coupon cannot be used now. */
  problem?: WalletCoupon["problem"];
}) {
  const t = useT();
  const money = useShortMoney();
  const locale = useLocale();
  const titleId = useId();
  const ends = coupon.endsAt
    ? new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "Europe/Istanbul" }).format(new Date(coupon.endsAt))
    : null;
  const amount = couponAmount(coupon, t, money);
  const usable = !problem;
  return (
    <article
      aria-labelledby={titleId}
      data-testid="coupon-card"
      data-code={coupon.code}
      className={clsx("relative flex overflow-hidden rounded-2xl border border-line bg-surface shadow-card", !usable && "opacity-70")}
    >
      {/* The ticket stub: what it gives. */}
      <div
        className={clsx(
          "relative flex w-28 shrink-0 flex-col items-center justify-center gap-1 px-2 py-5 text-center sm:w-32",
          coupon.kind === "free_shipping" ? "bg-brand text-on-brand" : "bg-sale-badge text-white",
        )}
      >
        {coupon.kind === "free_shipping" ? (
          <Truck aria-hidden="true" className="size-8" />
        ) : (
          <span className="font-extrabold text-3xl leading-none tracking-tight tabular-nums sm:text-[2rem]">{amount}</span>
        )}
        <span className="font-semibold text-xs uppercase tracking-wide opacity-90">
          {coupon.kind === "free_shipping" ? amount : t("coupon.off")}
        </span>
        {coupon.kind === "percent" && coupon.maxDiscount !== null && (
          <span className="text-[0.6875rem] opacity-85">{t("coupon.maxDiscount", { amount: money(coupon.maxDiscount) })}</span>
        )}
        {/* notches */}
        <span aria-hidden="true" className="absolute -top-2.5 -right-2.5 size-5 rounded-full bg-page" />
        <span aria-hidden="true" className="absolute -right-2.5 -bottom-2.5 size-5 rounded-full bg-page" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2.5 border-line border-l-2 border-dashed p-4">
        <div>
          <h3 id={titleId} className="font-bold leading-snug">
            {coupon.title}
          </h3>
          {coupon.description && <p className="mt-0.5 text-muted text-sm leading-5">{coupon.description}</p>}
        </div>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-muted text-xs">
          <li className="inline-flex items-center gap-1">
            <ShoppingCart aria-hidden="true" className="size-3.5" />
            {coupon.minBasket > 0 ? t("coupon.minBasket", { amount: money(coupon.minBasket) }) : t("coupon.noMinimum")}
          </li>
          <li className="inline-flex items-center gap-1">
            <Layers aria-hidden="true" className="size-3.5" />
            {scopeText(t, coupon, scopeNames)}
          </li>
          {ends && (
            <li className="inline-flex items-center gap-1">
              <CalendarClock aria-hidden="true" className="size-3.5" />
              {t("coupon.endsAt", { date: ends })}
            </li>
          )}
          {coupon.remaining !== null && (
            <li className="inline-flex items-center gap-1 font-semibold text-warn">
              <TicketPercent aria-hidden="true" className="size-3.5" />
              {t("coupon.remaining", { count: coupon.remaining })}
            </li>
          )}
        </ul>
        {problem && (
          <p className="inline-flex items-center gap-1.5 font-semibold text-sale text-sm">
            <CircleAlert aria-hidden="true" className="size-4" />
            {couponReasonText(t, problem, null)}
          </p>
        )}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-1">
          <CopyCode code={coupon.code} />
          <div className="flex flex-wrap items-center gap-2">
            {collect}
            <ApplyButton code={coupon.code} disabled={!usable} />
          </div>
        </div>
      </div>
    </article>
  );
}

export default function Coupons({ loaderData, actionData }: Route.ComponentProps) {
  const { store } = useRootData();
  const t = useT();
  const { coupons, wallet, scopeNames, signedIn } = loaderData;
  const collected = new Set(wallet?.map((c) => c.id) ?? []);
  // Without JavaScript the page comes back from the action: say what happened.
  const actionNote =
    actionData && !actionData.ok ? t(actionData.error === "sign-in" ? "coupon.signInToCollect" : "coupon.notAvailable") : null;
  return (
    <div className="container-page py-6">
      <Seo title={`${t("coupon.pageTitle")} | ${store.name}`} description={t("coupon.pageIntro")} />
      <Breadcrumbs items={[{ label: t("coupon.pageTitle") }]} />
      <div className="mt-4 overflow-hidden rounded-2xl bg-gradient-to-r from-brand-strong to-brand px-6 py-7 text-white sm:px-8 dark:from-brand-soft dark:to-brand-soft dark:text-on-brand-soft">
        <h1 className="flex items-center gap-2.5 font-bold text-2xl tracking-tight sm:text-3xl">
          <TicketPercent aria-hidden="true" className="size-8" />
          {t("coupon.pageTitle")}
        </h1>
        <p className="mt-2 max-w-2xl text-sm opacity-90 sm:text-base">{t("coupon.pageIntro")}</p>
      </div>
      {actionNote && (
        <p role="alert" className="mt-4 rounded-xl border border-sale/30 bg-sale-soft px-4 py-3 font-medium text-sale text-sm">
          {actionNote}
        </p>
      )}

      {wallet && wallet.length > 0 && (
        <section aria-labelledby="my-coupons" className="mt-8" data-testid="my-coupons">
          <h2 id="my-coupons" className="flex items-center gap-2 font-bold text-xl tracking-tight">
            <Wallet aria-hidden="true" className="size-5 text-brand" />
            {t("coupon.mine")}
            <span className="font-medium text-base text-muted">({wallet.length})</span>
          </h2>
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {wallet.map((coupon) => (
              <li key={coupon.id}>
                <CouponCard coupon={coupon} scopeNames={scopeNames[coupon.id]} problem={coupon.problem} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="all-coupons" className="mt-8">
        <h2 id="all-coupons" className="font-bold text-xl tracking-tight">
          {t("coupon.available")}
        </h2>
        {coupons.length === 0 ? (
          <div className="mt-4 rounded-2xl border border-line border-dashed bg-surface px-6 py-14 text-center">
            <TicketPercent aria-hidden="true" className="mx-auto size-10 text-muted" />
            <p className="mt-3 font-semibold">{t("coupon.none")}</p>
            <p className="mt-1 text-muted text-sm">{t("coupon.noneText")}</p>
            <Link to="/indirimli-urunler" className="btn btn-secondary mt-5">
              {t("deals.title")}
            </Link>
          </div>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {coupons.map((coupon) => (
              <li key={coupon.id}>
                <CouponCard
                  coupon={coupon}
                  scopeNames={scopeNames[coupon.id]}
                  collect={<CollectButton coupon={coupon} collected={collected.has(coupon.id)} signedIn={signedIn} />}
                />
              </li>
            ))}
          </ul>
        )}
        {!signedIn && coupons.length > 0 && (
          <p className="mt-5 text-muted text-sm">
            <Link to="/giris?next=%2Fkuponlar" className="link font-semibold">
              {t("coupon.signInLink")}
            </Link>{" "}
            {t("coupon.signInHint")}
          </p>
        )}
      </section>
    </div>
  );
}
