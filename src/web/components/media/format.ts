// Sizes, percentages, durations and API refusals as the merchant reads them ("1,2 GB", "%61").

import type { Locale } from "../../context.ts";
import { intlLocale, type MessageKey, type TFunction } from "../../i18n/index.ts";
import type { MediaSettings, MediaUsers } from "../../services/media.ts";
import { MediaApiError } from "./api.ts";

const UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** Binary multiples with the usual labels: 1288490189 → "1,2 GB" (tr), "1.2 GB" (en). */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

/** 0.613 → "%61" (tr), "61%" (en); one decimal below 10 %, so a small use does not read as zero. */
export function formatPercent(fraction: number, locale: Locale): string {
  const digits = fraction > 0 && fraction < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: digits }).format(fraction);
}

/** Share of the quota from which the storage bar warns (amber), and from which it is critical (red). */
export const STORAGE_WARN = 0.8;
export const STORAGE_CRITICAL = 0.95;

export type StorageLevel = "ok" | "warn" | "critical";

export function storageLevel(fraction: number): StorageLevel {
  return fraction > STORAGE_CRITICAL ? "critical" : fraction > STORAGE_WARN ? "warn" : "ok";
}

/** 83000 → "1:23". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, "0")}`;
}

/** "image/jpeg" → "JPEG", "video/quicktime" → "MOV". */
export function typeLabel(contentType: string): string {
  const sub = contentType.split("/")[1] ?? contentType;
  const known: Record<string, string> = { quicktime: "MOV", "svg+xml": "SVG", jpeg: "JPEG", webp: "WebP", webm: "WebM", "x-m4v": "MP4" };
  return known[sub] ?? sub.toUpperCase();
}

const PRESET_LABELS: Record<string, MessageKey> = {
  product: "media.presetProduct",
  gallery: "media.presetGallery",
  "home-banner": "media.presetHomeBanner",
  "category-banner": "media.presetCategoryBanner",
};

/** The name of a crop preset: translated for the known ones, "my-preset" → "My preset" otherwise. */
export function presetLabel(t: TFunction, name: string): string {
  const key = PRESET_LABELS[name];
  if (key) return t(key);
  const words = name.replace(/-/g, " ");
  return words.charAt(0).toLocaleUpperCase("tr-TR") + words.slice(1);
}

function list(values: string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { style: "long", type: "conjunction" }).format(values);
}

function usersText(t: TFunction, users: MediaUsers, locale: Locale): string {
  const names = [
    ...users.products.map((p) => t("media.useProduct", { title: p.title })),
    ...users.banners.map((b) => t("media.useBanner", { title: b.title })),
  ];
  return list(names, locale);
}

/** Accepted types as the merchant knows them: "JPEG, PNG, WebP, AVIF, GIF, MP4, WebM ve MOV". */
export function acceptedText(settings: Pick<MediaSettings, "accept"> | null | undefined, locale: Locale, kind?: "image" | "video"): string {
  const types = (settings?.accept ?? DEFAULT_ACCEPT).filter((type) => !kind || type.startsWith(`${kind}/`));
  return list([...new Set(types.map(typeLabel))], locale);
}

const DEFAULT_ACCEPT = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif", "video/mp4", "video/webm", "video/quicktime"];

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/**
 * A refusal of the media API in words: what was wrong and what is allowed, translated by the
 * problem's `type`. Unknown problems fall back to the server's own detail.
 */
export function problemMessage(
  t: TFunction,
  locale: Locale,
  error: unknown,
  context: { filename?: string; settings?: Pick<MediaSettings, "accept" | "limits"> | null } = {},
): string {
  if (!(error instanceof MediaApiError)) return t("media.errorUnknown");
  const file = context.filename ?? "";
  const limits = context.settings?.limits;
  const body = error.body;
  switch (error.type) {
    case "media/unsupported-type":
      return t("media.errorUnsupported", { file, allowed: acceptedText(context.settings, locale) });
    case "media/too-large": {
      const max = num(body.limitBytes);
      const allowed = max
        ? formatBytes(max, locale)
        : limits
          ? t("media.limitsBoth", { image: formatBytes(limits.maxImageBytes, locale), video: formatBytes(limits.maxVideoBytes, locale) })
          : "";
      return allowed ? t("media.errorTooLarge", { file, max: allowed }) : t("media.errorTooLargeNoLimit", { file });
    }
    case "media/too-long": {
      const max = num(body.maxSeconds) ?? limits?.maxVideoSeconds;
      return max ? t("media.errorTooLong", { file, max: formatDuration(max * 1000) }) : t("media.errorTooLongNoLimit", { file });
    }
    case "media/quota-exceeded": {
      const quota = num(body.quotaBytes);
      return quota !== undefined
        ? t("media.errorQuota", { file, quota: formatBytes(quota, locale) })
        : t("media.errorQuotaNoFigures", { file });
    }
    case "media/invalid-crop":
      return t("media.errorCrop", { detail: error.detail });
    case "media/not-an-image":
      return t("media.errorNotImage");
    case "media/unreadable":
      return t("media.errorUnreadable", { file });
    case "media/in-use": {
      const users = body.usedBy as Partial<MediaUsers> | undefined;
      const named = { products: users?.products ?? [], banners: users?.banners ?? [] };
      return named.products.length + named.banners.length > 0
        ? t("media.errorInUse", { file, users: usersText(t, named, locale) })
        : t("media.errorInUseNoNames", { file });
    }
    case "network":
      return t("media.errorNetwork");
    case "aborted":
      return t("media.cancelled");
  }
  if (error.status === 403) return t("media.errorForbidden");
  if (error.status === 404) return t("media.errorNotFound");
  if (error.status === 413) return t("media.errorTooLargeNoLimit", { file });
  return error.detail || t("media.errorUnknown");
}
