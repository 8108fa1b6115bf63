import clsx from "clsx";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Link } from "react-router";
import { useT } from "../i18n/index.ts";
import { pageWindow } from "../lib/listing.ts";

/** Pagination links that keep every other query parameter (sort, filters, search). */
export function Pagination({ page, pages, pathname, search }: { page: number; pages: number; pathname: string; search: string }) {
  const t = useT();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    if (p <= 1) params.delete("sayfa");
    else params.set("sayfa", String(p));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const base = "inline-flex h-10 min-w-10 items-center justify-center rounded-lg px-3 text-sm font-medium tabular-nums";
  return (
    <nav aria-label={t("listing.pagination")} className="mt-10 flex flex-col items-center gap-3">
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        <li>
          {page > 1 ? (
            <Link
              to={href(page - 1)}
              rel="prev"
              className={clsx(base, "border border-line bg-surface hover:border-brand hover:text-brand")}
            >
              <ChevronLeft aria-hidden="true" className="size-4" />
              <span className="sr-only sm:not-sr-only sm:ml-1">{t("listing.previous")}</span>
            </Link>
          ) : null}
        </li>
        {pageWindow(page, pages).map((p, i, all) =>
          p === "gap" ? (
            <li key={`gap-${Number(all[i - 1]) < page ? "before" : "after"}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={href(p)}
                aria-label={t("listing.page", { page: p })}
                aria-current={p === page ? "page" : undefined}
                className={clsx(
                  base,
                  p === page ? "bg-brand text-on-brand" : "border border-line bg-surface hover:border-brand hover:text-brand",
                )}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link
              to={href(page + 1)}
              rel="next"
              className={clsx(base, "border border-line bg-surface hover:border-brand hover:text-brand")}
            >
              <span className="sr-only sm:not-sr-only sm:mr-1">{t("listing.next")}</span>
              <ChevronRight aria-hidden="true" className="size-4" />
            </Link>
          ) : null}
        </li>
      </ul>
      <p className="text-muted text-xs">{t("listing.pageOf", { page, pages })}</p>
    </nav>
  );
}
