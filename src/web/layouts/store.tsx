import { Outlet, type ShouldRevalidateFunctionArgs, useRouteLoaderData } from "react-router";
import { StoreFooter } from "../components/store-footer.tsx";
import { StoreHeader } from "../components/store-header.tsx";
import { getApp } from "../context.ts";
import { useT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import type { Route } from "./+types/store";

export async function loader({ context }: Route.LoaderArgs) {
  const app = getApp(context);
  // The cart badge: at most one statement (none for a visitor without a cart cookie or session).
  const [categories, cartCount] = await Promise.all([app.catalog.categoryTree(), app.cart.count()]);
  return { categories, cartCount };
}

// Reloaded after any form or fetcher submission (cart changes among them: the badge follows).
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod ? defaultShouldRevalidate : false;
}

export type StoreLayoutData = Awaited<ReturnType<typeof loader>>;

/** The category tree loaded once by the store layout, for pages that show category links. */
export function useCategories() {
  return (useRouteLoaderData("store") as StoreLayoutData | undefined)?.categories ?? [];
}

export default function StoreLayout({ loaderData }: Route.ComponentProps) {
  const { store } = useRootData();
  const t = useT();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-4 focus:py-2 focus:font-semibold focus:text-on-brand"
      >
        {t("a11y.skipToContent")}
      </a>
      <StoreHeader store={store} categories={loaderData.categories} cartCount={loaderData.cartCount} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <Outlet />
      </main>
      <StoreFooter store={store} />
    </div>
  );
}
