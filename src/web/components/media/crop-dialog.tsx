import clsx from "clsx";
import { Check, Crop, LoaderCircle, ZoomIn, ZoomOut } from "lucide-react";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import Cropper, { type Area } from "react-easy-crop";
import { useLocale, useT } from "../../i18n/index.ts";
import type { MediaAsset, MediaPreset, MediaRendition } from "../../services/media.ts";
import { Notice } from "../notice.tsx";
import { saveRendition } from "./api.ts";
import { toOriginalCrop } from "./crop.ts";
import { formatBytes, presetLabel, problemMessage } from "./format.ts";
import { Modal } from "./modal.tsx";

export interface CropDialogProps {
  /** The image to crop; the dialog is open while this is set. */
  asset: MediaAsset | null;
  /** Every configured preset (from the server: `admin.media.settings().presets`); never hard-coded. */
  presets: MediaPreset[];
  /** Offer only these preset names (e.g. `["product"]` in the product editor); default all. */
  only?: string[];
  /** The preset selected first; default the first offered. */
  initialPreset?: string;
  onClose: () => void;
  /** After each save, with the asset as the server returned it (its renditions updated). */
  onSaved?: (asset: MediaAsset) => void;
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 4;

/** The crops saved for an asset, one row per preset, with their variants' sizes and formats. */
export function RenditionList({ asset }: { asset: MediaAsset }) {
  const t = useT();
  const locale = useLocale();
  if (asset.renditions.length === 0) return <p className="text-muted text-sm">{t("media.noRenditions")}</p>;
  return (
    <ul className="space-y-2" data-testid="saved-renditions">
      {asset.renditions.map((r: MediaRendition) => {
        const smallest = [...r.variants].sort((a, b) => a.width - b.width)[0];
        const formats = [...new Set(r.variants.map((v) => v.format.toUpperCase()))].join(", ");
        const bytes = r.variants.reduce((sum, v) => sum + v.bytes, 0);
        return (
          <li key={r.preset} data-preset={r.preset} className="flex items-center gap-3 rounded-xl border border-line p-2">
            {smallest && (
              <img
                src={smallest.url}
                alt=""
                width={smallest.width}
                height={smallest.height}
                className="h-12 w-20 shrink-0 rounded-md bg-surface-2 object-contain"
              />
            )}
            <div className="min-w-0 text-sm">
              <p className="flex items-center gap-1.5 font-semibold">
                <Check aria-hidden="true" className="size-4 text-ok" />
                {presetLabel(t, r.preset)}
              </p>
              <p className="text-muted text-xs tabular-nums">
                {t("media.renditionInfo", {
                  width: r.width,
                  height: r.height,
                  count: r.variants.length,
                  formats,
                  size: formatBytes(bytes, locale),
                })}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Crops an image for the sections of the store: one tab per preset (its ratio from the
 * configuration), drag or arrow keys to move, a zoom slider (or + and −), the resulting size in
 * original pixels, and Save, which sends that crop to the server (`POST …/renditions`). Presets
 * with a saved crop are ticked and listed with their variants.
 */
export function CropDialog({ asset: initial, presets, only, initialPreset, onClose, onSaved }: CropDialogProps) {
  const t = useT();
  const locale = useLocale();
  const [asset, setAsset] = useState(initial);
  const offered = useMemo(() => (only ? presets.filter((p) => only.includes(p.name)) : presets), [presets, only]);
  const [presetName, setPresetName] = useState(initialPreset ?? offered[0]?.name ?? "");
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const zoomId = useId();
  const hintId = useId();
  const tabsId = useId();

  useEffect(() => setAsset(initial), [initial]);
  const openedId = initial?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: start over only when another image is opened
  useEffect(() => {
    setMessage(null);
    setArea(null);
    if (openedId) setPresetName(initialPreset && offered.some((p) => p.name === initialPreset) ? initialPreset : (offered[0]?.name ?? ""));
  }, [openedId]);

  const preset = offered.find((p) => p.name === presetName) ?? offered[0];
  const saved = asset?.renditions.find((r) => r.preset === preset?.name);
  const width = asset?.width ?? 0;
  const height = asset?.height ?? 0;
  const original = width > 0 && height > 0 ? { width, height } : null;
  const result = area && preset && original ? toOriginalCrop(area, preset.aspect, original) : null;
  // start from the saved crop of this preset, if any
  const initialArea = useMemo(
    () =>
      saved && width > 0 && height > 0
        ? {
            x: (saved.crop.left / width) * 100,
            y: (saved.crop.top / height) * 100,
            width: (saved.crop.width / width) * 100,
            height: (saved.crop.height / height) * 100,
          }
        : undefined,
    [saved, width, height],
  );

  const choose = (name: string) => {
    setPresetName(name);
    setZoom(1);
    setCrop({ x: 0, y: 0 });
    setMessage(null);
  };

  const onCropComplete = useCallback((percentages: Area) => setArea(percentages), []);

  async function save() {
    if (!asset || !preset || !result) return;
    setSaving(true);
    setMessage(null);
    try {
      const updated = await saveRendition(asset.id, preset.name, result);
      setAsset(updated);
      setMessage({
        tone: "success",
        text: t("media.cropSaved", { preset: presetLabel(t, preset.name), width: result.width, height: result.height }),
      });
      onSaved?.(updated);
    } catch (error) {
      setMessage({ tone: "error", text: problemMessage(t, locale, error) });
    } finally {
      setSaving(false);
    }
  }

  const imageUrl = asset?.originalUrl ?? null;

  return (
    <Modal
      open={asset !== null}
      onClose={onClose}
      size="xl"
      testId="crop-dialog"
      title={t("media.cropTitle")}
      description={asset?.filename}
      footer={
        <>
          <button type="button" onClick={onClose} className="btn btn-secondary h-11 shrink-0 px-4">
            {t("media.done")}
          </button>
          <button
            type="button"
            onClick={save}
            disabled={!result || saving}
            className="btn btn-primary min-h-11 min-w-0 flex-1 px-4 disabled:opacity-60 sm:flex-none"
          >
            {saving ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : <Crop aria-hidden="true" className="size-4" />}
            {saving ? t("media.saving") : t("media.cropSave", { preset: preset ? presetLabel(t, preset.name) : "" })}
          </button>
        </>
      }
    >
      {asset && preset && (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0">
            <div role="radiogroup" aria-labelledby={tabsId} className="mb-3">
              <p id={tabsId} className="mb-1.5 font-semibold text-sm">
                {t("media.presetLabel")}
              </p>
              <div className="no-scrollbar -mx-5 flex gap-2 overflow-x-auto px-5 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0">
                {offered.map((p) => {
                  const done = asset.renditions.some((r) => r.preset === p.name);
                  const selected = p.name === preset.name;
                  return (
                    // biome-ignore lint/a11y/useSemanticElements: buttons styled as segmented tabs, with radio semantics
                    <button
                      key={p.name}
                      type="button"
                      role="radio"
                      aria-checked={selected}
                      data-preset={p.name}
                      onClick={() => choose(p.name)}
                      onKeyDown={(event) => {
                        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                        event.preventDefault();
                        const i = offered.findIndex((o) => o.name === p.name);
                        const next = offered[(i + (event.key === "ArrowRight" ? 1 : offered.length - 1)) % offered.length];
                        if (next) {
                          choose(next.name);
                          (event.currentTarget.parentElement?.querySelector(`[data-preset="${next.name}"]`) as HTMLElement | null)?.focus();
                        }
                      }}
                      tabIndex={selected ? 0 : -1}
                      className={clsx(
                        "inline-flex h-10 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-lg border px-3 font-semibold text-sm transition-colors",
                        selected ? "border-brand bg-brand-soft text-on-brand-soft" : "border-line-strong bg-surface hover:border-brand",
                      )}
                    >
                      {done && <Check aria-hidden="true" className="size-4 text-ok" />}
                      {presetLabel(t, p.name)}
                      <span className="font-normal text-muted text-xs tabular-nums">{p.ratio}</span>
                      {done && <span className="sr-only">({t("media.presetSaved")})</span>}
                    </button>
                  );
                })}
              </div>
            </div>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: + and − zoom while the crop area (inside) has focus */}
            <div
              className="relative h-[min(42dvh,26rem)] overflow-hidden rounded-xl bg-neutral-900 sm:h-[min(55dvh,26rem)]"
              onKeyDown={(event) => {
                if (event.key === "+" || event.key === "=") setZoom((z) => Math.min(MAX_ZOOM, z + 0.1));
                else if (event.key === "-") setZoom((z) => Math.max(MIN_ZOOM, z - 0.1));
              }}
            >
              {imageUrl ? (
                <Cropper
                  key={`${asset.id}:${preset.name}`}
                  image={imageUrl}
                  crop={crop}
                  zoom={zoom}
                  minZoom={MIN_ZOOM}
                  maxZoom={MAX_ZOOM}
                  aspect={preset.aspect}
                  onCropChange={(c) => Number.isFinite(c.x) && Number.isFinite(c.y) && setCrop(c)}
                  onZoomChange={(z) => Number.isFinite(z) && setZoom(z)}
                  onCropComplete={onCropComplete}
                  initialCroppedAreaPercentages={initialArea}
                  keyboardStep={8}
                  cropperProps={
                    { "aria-label": t("media.cropArea"), "aria-describedby": hintId, role: "group" } as React.HTMLAttributes<HTMLDivElement>
                  }
                />
              ) : (
                <p className="p-6 text-sm text-white">{t("media.noPreview")}</p>
              )}
            </div>
            <p id={hintId} className="mt-2 text-muted text-xs">
              {t("media.cropHint")}
            </p>
            <div className="mt-3 flex items-center gap-3">
              <button
                type="button"
                onClick={() => setZoom((z) => Math.max(MIN_ZOOM, z - 0.25))}
                className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg border border-line-strong hover:border-brand"
              >
                <ZoomOut aria-hidden="true" className="size-4" />
                <span className="sr-only">{t("media.zoomOut")}</span>
              </button>
              <label htmlFor={zoomId} className="sr-only">
                {t("media.zoom")}
              </label>
              <input
                id={zoomId}
                type="range"
                min={MIN_ZOOM}
                max={MAX_ZOOM}
                step={0.05}
                value={zoom}
                aria-valuetext={`${Math.round(zoom * 100)}%`}
                onChange={(event) => setZoom(Number(event.currentTarget.value))}
                className="h-2 w-full accent-[var(--brand)]"
              />
              <button
                type="button"
                onClick={() => setZoom((z) => Math.min(MAX_ZOOM, z + 0.25))}
                className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg border border-line-strong hover:border-brand"
              >
                <ZoomIn aria-hidden="true" className="size-4" />
                <span className="sr-only">{t("media.zoomIn")}</span>
              </button>
            </div>
          </div>
          <aside className="space-y-4">
            <div className="rounded-xl bg-surface-2 p-3">
              <p className="text-muted text-xs">{t("media.cropResult")}</p>
              <p className="font-bold text-lg tabular-nums" data-testid="crop-result" aria-live="polite">
                {result ? `${result.width} × ${result.height} px` : "…"}
              </p>
              <p className="text-muted text-xs tabular-nums">
                {original &&
                  t("media.originalSize", { width: original.width, height: original.height, size: formatBytes(asset.bytes, locale) })}
              </p>
              {result && result.width < 600 && <p className="mt-1 text-amber-800 text-xs dark:text-amber-300">{t("media.cropSmall")}</p>}
            </div>
            {message && <Notice tone={message.tone}>{message.text}</Notice>}
            <div>
              <h3 className="mb-2 font-semibold text-sm">{t("media.savedRenditions")}</h3>
              <RenditionList asset={asset} />
            </div>
          </aside>
        </div>
      )}
    </Modal>
  );
}
