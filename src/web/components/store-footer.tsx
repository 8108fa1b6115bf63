import { Mail, MapPin, Phone } from "lucide-react";
import { Link } from "react-router";
import type { WebTenant } from "../context.ts";
import { type MessageKey, useT } from "../i18n/index.ts";
import { Logo } from "./logo.tsx";
import { LanguageSwitch, ThemeToggle } from "./preferences.tsx";

export const LEGAL_PAGES: { slug: string; label: MessageKey }[] = [
  { slug: "hakkimizda", label: "page.about" },
  { slug: "kvkk-aydinlatma-metni", label: "page.kvkk" },
  { slug: "mesafeli-satis-sozlesmesi", label: "page.distanceSales" },
  { slug: "iade-ve-degisim", label: "page.returns" },
];

const PAYMENT_BADGES = ["VISA", "Mastercard", "TROY", "American Express"];

function FooterHeading({ children }: { children: React.ReactNode }) {
  return <h2 className="mb-4 font-bold text-fg text-sm">{children}</h2>;
}

export function StoreFooter({ store }: { store: WebTenant }) {
  const t = useT();
  const p = store.profile;
  const social = Object.entries(p.social ?? {}).filter(([, url]) => typeof url === "string" && url.startsWith("http"));
  const socialNames: Record<string, string> = { instagram: "Instagram", x: "X", facebook: "Facebook", youtube: "YouTube" };
  const legalRows: [MessageKey, string | undefined][] = [
    ["footer.legalName", p.legalName],
    ["footer.taxOffice", p.taxOffice],
    ["footer.taxNumber", p.taxNumber],
    ["footer.mersis", p.mersisNo],
    ["footer.kep", p.kepAddress],
  ];
  return (
    <footer className="mt-16 border-line border-t bg-surface">
      <div className="container-page grid gap-10 py-12 sm:grid-cols-2 lg:grid-cols-[1.3fr_1fr_1fr_1.6fr]">
        <div>
          <Link to="/" className="inline-block rounded-lg" aria-label={t("header.home", { store: store.name })}>
            <Logo name={store.name} />
          </Link>
          <ul className="mt-5 space-y-2.5 text-muted text-sm">
            {p.address && (
              <li className="flex gap-2">
                <MapPin aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <span>
                  <span className="sr-only">{t("footer.address")}: </span>
                  {p.address}
                </span>
              </li>
            )}
            {p.phone && (
              <li className="flex gap-2">
                <Phone aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <a href={`tel:${p.phone.replace(/[^\d+]/g, "")}`} className="hover:text-brand hover:underline">
                  <span className="sr-only">{t("footer.phone")}: </span>
                  {p.phone}
                </a>
              </li>
            )}
            {p.email && (
              <li className="flex gap-2">
                <Mail aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <a href={`mailto:${p.email}`} className="break-all hover:text-brand hover:underline">
                  <span className="sr-only">{t("footer.email")}: </span>
                  {p.email}
                </a>
              </li>
            )}
          </ul>
          {social.length > 0 && (
            <div className="mt-5">
              <p className="mb-2 font-semibold text-muted text-xs uppercase tracking-wider">{t("footer.followUs")}</p>
              <ul className="flex flex-wrap gap-2">
                {social.map(([key, url]) => (
                  <li key={key}>
                    <a
                      href={url}
                      rel="noopener noreferrer"
                      target="_blank"
                      className="inline-flex rounded-full border border-line px-3 py-1 font-medium text-xs hover:border-brand hover:text-brand"
                    >
                      {socialNames[key] ?? key}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>

        <nav aria-labelledby="footer-corporate">
          <FooterHeading>
            <span id="footer-corporate">{t("footer.corporate")}</span>
          </FooterHeading>
          <ul className="space-y-2.5 text-muted text-sm">
            {LEGAL_PAGES.map((page) => (
              <li key={page.slug}>
                <Link to={`/sayfa/${page.slug}`} className="hover:text-brand hover:underline">
                  {t(page.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <nav aria-labelledby="footer-help">
          <FooterHeading>
            <span id="footer-help">{t("footer.help")}</span>
          </FooterHeading>
          <ul className="space-y-2.5 text-muted text-sm">
            <li>
              <Link to="/hesap" className="hover:text-brand hover:underline">
                {t("footer.account")}
              </Link>
            </li>
            <li>
              <Link to="/sepet" className="hover:text-brand hover:underline">
                {t("footer.cart")}
              </Link>
            </li>
            <li>
              <Link to="/kuponlar" className="hover:text-brand hover:underline">
                {t("footer.coupons")}
              </Link>
            </li>
            <li>
              <Link to="/indirimli-urunler" className="hover:text-brand hover:underline">
                {t("footer.deals")}
              </Link>
            </li>
            <li>
              <Link to="/sayfa/iade-ve-degisim" className="hover:text-brand hover:underline">
                {t("footer.returns")}
              </Link>
            </li>
          </ul>
        </nav>

        <section aria-labelledby="footer-seller">
          <FooterHeading>
            <span id="footer-seller">{t("footer.storeInfo")}</span>
          </FooterHeading>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {legalRows
              .filter((row): row is [MessageKey, string] => Boolean(row[1]))
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted">{t(label)}</dt>
                  <dd className="break-words font-medium text-fg">{value}</dd>
                </div>
              ))}
          </dl>
        </section>
      </div>

      <div className="border-line border-t">
        <div className="container-page flex flex-col gap-5 py-6 lg:flex-row lg:items-center lg:justify-between">
          <div className="flex flex-wrap items-center gap-2">
            <span className="mr-1 font-semibold text-muted text-xs">{t("footer.payments")}</span>
            <ul className="flex flex-wrap gap-1.5">
              {[...PAYMENT_BADGES, t("footer.bankTransfer")].map((name) => (
                <li
                  key={name}
                  className="rounded-md border border-line bg-surface-2 px-2 py-1 font-bold text-[0.6875rem] text-fg tracking-wide"
                >
                  {name}
                </li>
              ))}
            </ul>
          </div>
          <div className="flex flex-wrap items-center gap-x-5 gap-y-3 text-muted text-xs">
            <p>{t("footer.rights", { year: String(new Date().getFullYear()), store: store.name })}</p>
            <p>{t("footer.poweredBy")}</p>
            <div className="flex items-center gap-2">
              <LanguageSwitch />
              <ThemeToggle />
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
