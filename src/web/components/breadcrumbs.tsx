import { ChevronRight } from "lucide-react";
import { Link } from "react-router";
import { useT } from "../i18n/index.ts";

export interface BreadcrumbItem {
  label: string;
  to?: string;
}

/** Breadcrumb trail; the last item is the current page. Also emits schema.org BreadcrumbList. */
export function Breadcrumbs({ items, publicUrl }: { items: BreadcrumbItem[]; publicUrl?: string }) {
  const t = useT();
  const all: BreadcrumbItem[] = [{ label: t("breadcrumbs.home"), to: "/" }, ...items];
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: all.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.label,
      ...(item.to && publicUrl ? { item: publicUrl + item.to } : {}),
    })),
  };
  return (
    <nav aria-label={t("breadcrumbs.label")} className="text-[0.8125rem] text-muted">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {all.map((item, index) => {
          const last = index === all.length - 1;
          return (
            <li key={item.to ?? `current:${item.label}`} className="flex items-center gap-1">
              {index > 0 && <ChevronRight aria-hidden="true" className="size-3.5 shrink-0 opacity-70" />}
              {last || !item.to ? (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-fg" : undefined}>
                  {item.label}
                </span>
              ) : (
                <Link to={item.to} className="hover:text-brand hover:underline">
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      <script type="application/ld+json">{JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>
    </nav>
  );
}
