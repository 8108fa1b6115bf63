// /siparis/:number: the order page after checkout and for tracking. Guests open it with the key
// `?t=` from the confirmation e-mail; the signed-in owner without it.

import { noStore } from "../components/auth-ui.tsx";
import { loadOrderPage, type OrderActionData, OrderPage, orderPageAction } from "../components/order/order-page.tsx";
import { StoreError } from "../components/store-error.tsx";
import { useT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/order";

export const headers = noStore;

export const loader = (args: Route.LoaderArgs) => loadOrderPage(args);
export const action = (args: Route.ActionArgs) => orderPageAction(args);

export default function OrderRoute({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { store } = useRootData();
  const { order } = loaderData;
  return (
    <div className="container-page py-6 sm:py-8 lg:py-10">
      <Seo title={`${t("order.title", { number: order.number })} | ${store.name}`} noindex />
      <OrderPage order={order} actionData={actionData as OrderActionData | undefined} inAccount={false} />
    </div>
  );
}

export function ErrorBoundary() {
  return <StoreError notFoundTitle="order.notFound" notFoundText="order.notFoundText" />;
}
