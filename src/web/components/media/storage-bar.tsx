import clsx from "clsx";
import { HardDrive, TriangleAlert } from "lucide-react";
import { useId } from "react";
import { useLocale, useT } from "../../i18n/index.ts";
import type { MediaUsage } from "../../services/media.ts";
import { formatBytes, formatPercent, storageLevel } from "./format.ts";

const SEGMENTS = {
  image: "bg-brand",
  video: "bg-indigo-500 dark:bg-indigo-400",
} as const;

/**
 * Stored bytes (originals and everything made from them) against the store's quota: a meter
 * segmented by type, the figures in the visitor's format ("1,2 GB / 2 GB", "%61"), and a warning
 * above 80 % (amber) and 95 % (red). Pass fresh `usage` after uploads and deletions (the library
 * page reloads its loader; `fetchUsage()` in ./api.ts reads it from the browser).
 */
export function StorageBar({ usage, className }: { usage: MediaUsage; className?: string }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const { quotaBytes, totalBytes, byKind } = usage;
  const limited = quotaBytes > 0;
  const fraction = limited ? totalBytes / quotaBytes : 0;
  const level = limited ? storageLevel(fraction) : "ok";
  const used = formatBytes(totalBytes, locale);
  const quota = limited ? formatBytes(quotaBytes, locale) : "";
  const percent = formatPercent(fraction, locale);
  // segments are shares of the quota (or of the total without one); never wider than the track
  const scale = limited ? Math.max(quotaBytes, totalBytes) : Math.max(totalBytes, 1);
  const width = (bytes: number) => `${Math.min(100, (bytes / scale) * 100)}%`;
  const free = Math.max(0, quotaBytes - totalBytes);
  const valueText = limited ? t("media.storageValue", { used, quota, percent }) : t("media.storageValueUnlimited", { used });

  return (
    <section
      aria-labelledby={titleId}
      data-testid="storage-bar"
      data-total-bytes={totalBytes}
      data-quota-bytes={quotaBytes}
      className={clsx("rounded-2xl border border-line bg-surface p-4 sm:p-5", className)}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={titleId} className="flex items-center gap-2 font-semibold">
          <HardDrive aria-hidden="true" className="size-4 text-muted" />
          {t("media.storageTitle")}
        </h2>
        <p className="text-sm tabular-nums" aria-hidden="true">
          <span className="font-semibold">{used}</span>
          {limited && <span className="text-muted"> / {quota}</span>}
          {limited && (
            <span
              className={clsx(
                "ml-2 rounded-full px-2 py-0.5 font-semibold text-xs",
                level === "ok" && "bg-surface-2 text-fg",
                level === "warn" && "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300",
                level === "critical" && "bg-sale-soft text-sale",
              )}
            >
              {percent}
            </span>
          )}
        </p>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot show one segment per type */}
      <div
        role="meter"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={limited ? quotaBytes : Math.max(totalBytes, 1)}
        aria-valuenow={totalBytes}
        aria-valuetext={valueText}
        className={clsx(
          "mt-3 flex h-3 overflow-hidden rounded-full bg-surface-2 ring-1 ring-inset",
          level === "ok" && "ring-line",
          level === "warn" && "ring-amber-500/70",
          level === "critical" && "ring-sale/70",
        )}
      >
        {(["image", "video"] as const).map((kind) =>
          byKind[kind].bytes > 0 ? (
            <div
              key={kind}
              className={clsx("h-full transition-[width] duration-500", SEGMENTS[kind])}
              style={{ width: width(byKind[kind].bytes), minWidth: "4px" }}
            />
          ) : null,
        )}
      </div>
      <p className="sr-only">{valueText}</p>
      <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-muted text-xs">
        {(["image", "video"] as const).map((kind) => (
          <li key={kind} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={clsx("size-2.5 rounded-full", SEGMENTS[kind])} />
            <span className="font-medium text-fg">{t(kind === "image" ? "media.images" : "media.videos")}</span>
            <span className="tabular-nums">
              {formatBytes(byKind[kind].bytes, locale)} · {t("media.fileCount", { count: byKind[kind].count })}
            </span>
          </li>
        ))}
        {limited && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-full bg-surface-2 ring-1 ring-line-strong ring-inset" />
            <span className="font-medium text-fg">{t("media.free")}</span>
            <span className="tabular-nums">{formatBytes(free, locale)}</span>
          </li>
        )}
      </ul>
      {level !== "ok" && (
        <p
          className={clsx(
            "mt-3 flex items-start gap-2 font-medium text-sm",
            level === "warn" ? "text-amber-800 dark:text-amber-300" : "text-sale",
          )}
        >
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {t(level === "warn" ? "media.storageWarn" : "media.storageCritical", { percent })}
        </p>
      )}
    </section>
  );
}
