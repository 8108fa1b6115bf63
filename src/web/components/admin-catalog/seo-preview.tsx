import { Globe } from "lucide-react";
import { useT } from "../../i18n/index.ts";

/** Google cuts titles near 600 px (about 60 characters) and descriptions near 160 characters. */
const TITLE_CHARS = 60;
const DESCRIPTION_CHARS = 160;

/** Text cut like a search result: at a word boundary before `max`, with an ellipsis. */
export function truncateLike(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")} …`;
}

/** Plain text of a description's HTML, for the preview's fallback. */
export function textOf(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * How the product may look in Google's results: site, breadcrumb URL, title and description cut
 * where Google cuts them. Live: it follows the fields as they are typed.
 */
export function SeoPreview({ siteName, url, title, description }: { siteName: string; url: string; title: string; description: string }) {
  const t = useT();
  let host = url;
  let crumbs: string[] = [];
  try {
    const parsed = new URL(url);
    host = `${parsed.protocol}//${parsed.host}`;
    crumbs = parsed.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    // keep the text as given
  }
  return (
    <figure className="rounded-xl border border-line bg-white p-4 text-left shadow-sm dark:bg-[#202124]" data-testid="seo-preview">
      <figcaption className="sr-only">{t("catalogadmin.seo.previewCaption")}</figcaption>
      <div className="max-w-[600px] font-[Arial,sans-serif]">
        <div className="flex items-center gap-3">
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-full border border-[#dadce0] bg-[#f1f3f4] dark:border-[#3c4043] dark:bg-[#303134]"
          >
            <Globe className="size-4 text-[#5f6368] dark:text-[#bdc1c6]" />
          </span>
          <div className="min-w-0 leading-tight">
            <p className="truncate text-[14px] text-[#202124] dark:text-[#dadce0]">{siteName}</p>
            <p className="truncate text-[12px] text-[#4d5156] dark:text-[#bdc1c6]">
              {host}
              {crumbs.map((c) => ` › ${c}`).join("")}
            </p>
          </div>
        </div>
        <p className="mt-1.5 truncate text-[20px] text-[#1a0dab] leading-[1.3] dark:text-[#99c3ff]" data-testid="seo-preview-title">
          {truncateLike(title, TITLE_CHARS) || t("catalogadmin.seo.noTitle")}
        </p>
        <p
          className="mt-1 line-clamp-2 text-[14px] text-[#4d5156] leading-[1.58] dark:text-[#bdc1c6]"
          data-testid="seo-preview-description"
        >
          {truncateLike(description, DESCRIPTION_CHARS) || t("catalogadmin.seo.noDescription")}
        </p>
      </div>
    </figure>
  );
}
