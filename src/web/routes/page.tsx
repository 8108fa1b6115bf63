import { FileText, Mail, Phone } from "lucide-react";
import { data } from "react-router";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { StoreError } from "../components/store-error.tsx";
import { LEGAL_PAGES } from "../components/store-footer.tsx";
import { getT } from "../i18n/index.ts";
import { useRootData } from "../lib/root-data.ts";
import { Seo } from "../lib/seo.tsx";
import type { Route } from "./+types/page";

// Legal and corporate pages. Their text will be managed from the admin panel; until then each
// page says so plainly instead of showing invented content.
export function loader({ params }: Route.LoaderArgs) {
  const page = LEGAL_PAGES.find((p) => p.slug === params.slug);
  if (!page) throw data(null, { status: 404 });
  return { slug: page.slug, label: page.label };
}

export default function ContentPage({ loaderData }: Route.ComponentProps) {
  const { store, locale, publicUrl } = useRootData();
  const t = getT(locale);
  const title = t(loaderData.label);
  const { phone, email, legalName } = store.profile;
  return (
    <div className="container-page py-6">
      <Seo title={`${title} | ${store.name}`} canonical={`${publicUrl}/sayfa/${loaderData.slug}`} />
      <Breadcrumbs items={[{ label: title }]} publicUrl={publicUrl} />
      <article className="mx-auto mt-6 max-w-3xl rounded-2xl border border-line bg-surface p-6 sm:p-10">
        <h1 className="font-bold text-2xl tracking-tight sm:text-3xl">{title}</h1>
        {legalName && <p className="mt-1 text-muted text-sm">{legalName}</p>}
        <div className="mt-8 flex gap-4 rounded-xl bg-surface-2 p-5">
          <FileText aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-brand" />
          <div>
            <h2 className="font-semibold">{t("page.pendingTitle")}</h2>
            <p className="mt-1 text-muted text-sm">{t("page.pendingText")}</p>
          </div>
        </div>
        {(phone || email) && (
          <div className="mt-8">
            <p className="text-sm">{t("page.contactPrompt")}</p>
            <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 font-medium text-sm">
              {phone && (
                <li>
                  <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="link inline-flex items-center gap-1.5">
                    <Phone aria-hidden="true" className="size-4" />
                    {phone}
                  </a>
                </li>
              )}
              {email && (
                <li>
                  <a href={`mailto:${email}`} className="link inline-flex items-center gap-1.5">
                    <Mail aria-hidden="true" className="size-4" />
                    {email}
                  </a>
                </li>
              )}
            </ul>
          </div>
        )}
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <StoreError />;
}
