import clsx from "clsx";
import { CircleAlert, Film, ImageOff, LoaderCircle, Play, TriangleAlert } from "lucide-react";
import { useLocale, useT } from "../../i18n/index.ts";
import type { MediaAsset } from "../../services/media.ts";
import { formatBytes, formatDuration, typeLabel } from "./format.ts";

const badge = "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 font-semibold text-[0.6875rem]";

/** Status of an asset as a small badge; nothing for a ready image. */
export function MediaStatusBadge({ asset }: { asset: MediaAsset }) {
  const t = useT();
  switch (asset.status) {
    case "processing":
      return (
        <span className={clsx(badge, "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-300")}>
          <LoaderCircle aria-hidden="true" className="size-3 animate-spin" />
          {t("media.statusProcessing")}
        </span>
      );
    case "original":
      return (
        <span className={clsx(badge, "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300")}>
          <TriangleAlert aria-hidden="true" className="size-3" />
          {t("media.statusOriginal")}
        </span>
      );
    case "failed":
      return (
        <span className={clsx(badge, "bg-sale-soft text-sale")}>
          <CircleAlert aria-hidden="true" className="size-3" />
          {t("media.statusFailed")}
        </span>
      );
    default:
      return asset.kind === "video" ? (
        <span className={clsx(badge, "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300")}>
          {t("media.statusReady")}
        </span>
      ) : null;
  }
}

/** The square picture of an asset: its preview, a video's poster with a play mark, or an icon. */
export function MediaThumb({ asset, className }: { asset: MediaAsset; className?: string }) {
  const poster = asset.previewUrl;
  return (
    <div className={clsx("relative overflow-hidden bg-surface-2", className)}>
      {poster ? (
        <img src={poster} alt="" loading="lazy" decoding="async" className="size-full object-cover" />
      ) : (
        <div className="flex size-full items-center justify-center text-muted">
          {asset.kind === "video" ? <Film aria-hidden="true" className="size-8" /> : <ImageOff aria-hidden="true" className="size-8" />}
        </div>
      )}
      {asset.kind === "video" && (
        <span className="absolute bottom-1.5 left-1.5 inline-flex items-center gap-1 rounded-md bg-black/70 px-1.5 py-0.5 font-semibold text-[0.6875rem] text-white tabular-nums">
          <Play aria-hidden="true" className="size-3 fill-current" />
          {asset.durationMs ? formatDuration(asset.durationMs) : ""}
        </span>
      )}
      {asset.status === "processing" && (
        <span className="absolute inset-0 flex items-center justify-center bg-black/35">
          <LoaderCircle aria-hidden="true" className="size-8 animate-spin text-white" />
        </span>
      )}
    </div>
  );
}

/** "JPEG · 1,2 MB". */
export function mediaFacts(asset: MediaAsset, locale: "tr" | "en"): string {
  return `${typeLabel(asset.contentType)} · ${formatBytes(asset.bytes, locale)}`;
}

export interface MediaGridProps {
  items: MediaAsset[];
  /** Called when a tile is activated (click, Enter or Space). */
  onActivate: (asset: MediaAsset) => void;
  /** Picking mode: tiles are toggle buttons (`aria-pressed`) and these are shown as chosen. */
  selectedIds?: readonly string[];
  /** Tiles that cannot be chosen (e.g. a second video), with the reason as their title. */
  isDisabled?: (asset: MediaAsset) => string | null;
  className?: string;
}

/** Assets as a grid of tiles: picture, name, facts and status (with the reason when a video is kept as uploaded). */
export function MediaGrid({ items, onActivate, selectedIds, isDisabled, className }: MediaGridProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className={clsx("grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 xl:grid-cols-6", className)} data-testid="media-grid">
      {items.map((asset) => {
        const selected = selectedIds?.includes(asset.id) ?? false;
        const disabledReason = isDisabled?.(asset) ?? null;
        return (
          <li key={asset.id} data-testid="media-item" data-id={asset.id} data-status={asset.status}>
            <button
              type="button"
              onClick={() => onActivate(asset)}
              aria-pressed={selectedIds ? selected : undefined}
              disabled={disabledReason !== null && !selected}
              title={disabledReason ?? undefined}
              className={clsx(
                "group block w-full overflow-hidden rounded-xl border bg-surface text-left transition-[border-color,box-shadow]",
                selected ? "border-brand ring-2 ring-brand" : "border-line hover:border-brand",
                "disabled:cursor-not-allowed disabled:opacity-50",
              )}
            >
              <span className="relative block">
                <MediaThumb asset={asset} className="aspect-square" />
                {selectedIds && (
                  <span
                    aria-hidden="true"
                    className={clsx(
                      "absolute top-2 right-2 flex size-6 items-center justify-center rounded-full border-2 font-bold text-xs",
                      selected ? "border-brand bg-brand text-on-brand" : "border-white bg-black/30",
                    )}
                  >
                    {selected ? selectedIds.indexOf(asset.id) + 1 : ""}
                  </span>
                )}
              </span>
              <span className="block p-2.5">
                <span className="block truncate font-medium text-sm" title={asset.filename}>
                  {asset.filename}
                </span>
                <span className="mt-0.5 block truncate text-muted text-xs tabular-nums">{mediaFacts(asset, locale)}</span>
                <span className="mt-1.5 flex min-h-5 flex-wrap items-center gap-1">
                  <span className={clsx(badge, "bg-surface-2 text-muted")}>
                    {t(asset.kind === "video" ? "media.kindVideo" : "media.kindImage")}
                  </span>
                  <MediaStatusBadge asset={asset} />
                  {asset.kind === "image" && asset.width && asset.height ? (
                    <span className="ml-auto text-[0.6875rem] text-muted tabular-nums">
                      {asset.width}×{asset.height}
                    </span>
                  ) : null}
                </span>
                {(asset.status === "original" || asset.status === "failed") && asset.error && (
                  <span className="mt-1 line-clamp-2 block text-amber-800 text-xs dark:text-amber-300" data-testid="media-error">
                    {asset.error}
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
