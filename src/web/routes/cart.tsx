import { ShoppingBag } from "lucide-react";
import { Link } from "react-router";
import { getT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";

// The cart is always empty until the cart module exists (nothing can be added yet).
export default function Cart() {
  const { store, locale } = useRootData();
  const t = getT(locale);
  return (
    <div className="container-page py-8">
      <Seo title={`${t("cart.title")} | ${store.name}`} noindex />
      <h1 className="font-bold text-2xl tracking-tight sm:text-3xl">{t("cart.title")}</h1>
      <section className="mt-6 rounded-2xl border border-line bg-surface px-6 py-16 text-center">
        <div className="mx-auto flex size-20 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">
          <ShoppingBag aria-hidden="true" className="size-9" />
        </div>
        <h2 className="mt-5 font-bold text-xl">{t("cart.empty")}</h2>
        <p className="mt-2 text-muted">{t("cart.emptyText")}</p>
        <Link to="/" className="btn btn-primary mt-7">
          {t("cart.continue")}
        </Link>
      </section>
    </div>
  );
}
