/**
 * MediaManager — the ordered images and video of one product, for the product editor.
 *
 *   // loader: const admin = requirePermission(context, "catalog:write");
 *   //         return { ..., media: admin.media.settings() };
 *   <MediaManager
 *     name="media"                                        // hidden input posted with the editor's form
 *     defaultValue={product.media}                        // [{ assetId, alt, asset? }] in order
 *     settings={media}                                    // presets, accepted types, limits
 *     maxImages={media.limits.maxImagesPerProduct}        // MEDIA_MAX_IMAGES
 *     maxVideos={media.limits.maxVideosPerProduct}        // MEDIA_MAX_VIDEOS
 *   />
 *
 * The form receives `name` = JSON `[{ "assetId": "…", "alt": "…" }, …]` in display order (the
 * first image is the product's main picture). Items without `asset` are loaded from the API.
 * Reorder by dragging or with the move buttons; alt text per item; remove. "Upload" adds new
 * files (an image opens the crop dialog with the `product` preset), "Choose from library" adds
 * existing ones. The limits are enforced with a message; the server checks them again.
 */

import clsx from "clsx";
import { ArrowLeft, ArrowRight, CircleAlert, Crop, GripVertical, Images, LoaderCircle, Trash2, Upload } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useT } from "../../i18n/index.ts";
import type { MediaAsset, MediaKind, MediaSettings } from "../../services/media.ts";
import { fetchMedia } from "./api.ts";
import { CropDialog } from "./crop-dialog.tsx";
import { MediaStatusBadge, MediaThumb } from "./media-grid.tsx";
import { MediaPickerDialog } from "./media-picker.tsx";
import { Modal } from "./modal.tsx";
import { MediaUploader } from "./uploader.tsx";

/** One medium of the product; `asset` (for the picture) is optional and fetched when missing. */
export interface MediaManagerItem {
  assetId: string;
  alt: string;
  asset?: MediaAsset | null;
}

/** What the hidden input holds, in order. */
export type MediaManagerValue = { assetId: string; alt: string }[];

export interface MediaManagerProps {
  /** Name of the hidden input that carries the JSON value. */
  name: string;
  /** The product's media, in order (uncontrolled). */
  defaultValue?: MediaManagerItem[];
  /** Controlled use: the items; pair with onChange. */
  value?: MediaManagerItem[];
  onChange?: (items: MediaManagerItem[]) => void;
  /** From the server (`admin.media.settings()`): crop presets, accepted types and upload limits. */
  settings: MediaSettings;
  /** Most images per product (MEDIA_MAX_IMAGES; default `settings.limits.maxImagesPerProduct`). */
  maxImages?: number;
  /** Most videos per product (MEDIA_MAX_VIDEOS, usually 1; default `settings.limits.maxVideosPerProduct`). */
  maxVideos?: number;
  /** Preset the crop dialog opens with after an upload (default `product`). */
  cropPreset?: string;
  /** Presets offered in the crop dialog (default only `cropPreset`). */
  cropPresets?: string[];
  /** Heading of the section (default "Görseller ve video"). */
  label?: string;
  /** A message from the server about this field (e.g. a limit), shown under the heading. */
  error?: string;
  /** No changes (catalog:read only). */
  readOnly?: boolean;
}

function kindOf(item: MediaManagerItem): MediaKind | null {
  return item.asset?.kind ?? null;
}

/** See the comment at the top of this file. */
export function MediaManager({
  name,
  defaultValue,
  value,
  onChange,
  settings,
  maxImages = settings.limits.maxImagesPerProduct,
  maxVideos = settings.limits.maxVideosPerProduct,
  cropPreset = "product",
  cropPresets,
  label,
  error,
  readOnly,
}: MediaManagerProps) {
  const t = useT();
  const headingId = useId();
  const [inner, setInner] = useState<MediaManagerItem[]>(defaultValue ?? []);
  const items = value ?? inner;
  const [message, setMessage] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [uploading, setUploading] = useState(false);
  const [picking, setPicking] = useState(false);
  const [cropping, setCropping] = useState<MediaAsset | null>(null);
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // the latest items, for callbacks that run after an upload or a fetch
  const latest = useRef(items);
  latest.current = items;

  const set = (next: MediaManagerItem[]) => {
    latest.current = next;
    if (value === undefined) setInner(next);
    onChange?.(next);
  };

  // load the pictures of items that came without their asset
  const missing = items
    .filter((i) => i.asset === undefined)
    .map((i) => i.assetId)
    .join(",");
  const requested = useRef(new Set<string>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the set of unloaded ids changes
  useEffect(() => {
    for (const id of missing.split(",").filter(Boolean)) {
      if (requested.current.has(id)) continue;
      requested.current.add(id);
      fetchMedia(id)
        .then((asset) => set(latest.current.map((i) => (i.assetId === id ? { ...i, asset } : i))))
        .catch(() => set(latest.current.map((i) => (i.assetId === id ? { ...i, asset: null } : i))));
    }
  }, [missing]);

  const images = items.filter((i) => kindOf(i) === "image").length;
  const videos = items.filter((i) => kindOf(i) === "video").length;
  const freeImages = Math.max(0, maxImages - images);
  const freeVideos = Math.max(0, maxVideos - videos);
  const full = freeImages === 0 && freeVideos === 0;
  const limitText =
    maxVideos > 0 ? t("media.limitBoth", { images: maxImages, videos: maxVideos }) : t("media.limitImages", { images: maxImages });
  const serialized = useMemo(() => JSON.stringify(items.map(({ assetId, alt }) => ({ assetId, alt }))), [items]);

  /** Adds assets within the limits; says what was left out and why. */
  function add(assets: MediaAsset[]) {
    let next = [...latest.current];
    const refused: string[] = [];
    for (const asset of assets) {
      if (next.some((i) => i.assetId === asset.id)) continue;
      const count = next.filter((i) => kindOf(i) === asset.kind).length;
      const max = asset.kind === "video" ? maxVideos : maxImages;
      if (count >= max) {
        refused.push(asset.filename);
        continue;
      }
      next = [...next, { assetId: asset.id, alt: asset.alt, asset }];
    }
    set(next);
    setMessage(refused.length > 0 ? t("media.limitReached", { files: refused.join(", "), limits: limitText }) : "");
    if (assets.length > refused.length) setAnnouncement(t("media.added", { count: assets.length - refused.length }));
  }

  function move(from: number, to: number) {
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (!moved) return;
    next.splice(to, 0, moved);
    set(next);
    setAnnouncement(t("media.moved", { file: moved.asset?.filename ?? "", position: to + 1, count: next.length }));
  }

  function remove(index: number) {
    const gone = items[index];
    set(items.filter((_, i) => i !== index));
    setMessage("");
    setAnnouncement(t("media.removed", { file: gone?.asset?.filename ?? "" }));
    // keep the focus in the list
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("[data-remove]");
      buttons?.[Math.min(index, buttons.length - 1)]?.focus();
    });
  }

  const refuseInPicker = (asset: MediaAsset, chosen: MediaAsset[]) => {
    const same = chosen.filter((c) => c.kind === asset.kind).length;
    if (asset.kind === "video" && same >= freeVideos)
      return maxVideos === 0 ? t("media.noVideos") : t("media.limitVideosReached", { count: maxVideos });
    if (asset.kind === "image" && same >= freeImages) return t("media.limitImagesReached", { count: maxImages });
    return null;
  };

  const uploadKinds: MediaKind[] = [...(freeImages > 0 ? ["image" as const] : []), ...(freeVideos > 0 ? ["video" as const] : [])];

  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="media-manager">
      <input type="hidden" name={name} value={serialized} />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id={headingId} className="font-semibold">
            {label ?? t("media.managerTitle")}
          </h2>
          <p className="text-muted text-xs tabular-nums">
            {t("media.managerCount", { images, maxImages })}
            {maxVideos > 0 && ` · ${t("media.managerVideoCount", { videos, maxVideos })}`}
          </p>
        </div>
        {!readOnly && (
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => (full ? setMessage(t("media.limitFull", { limits: limitText })) : setUploading(true))}
              aria-disabled={full}
              className={clsx("btn btn-secondary h-10 px-3 text-sm", full && "opacity-60")}
            >
              <Upload aria-hidden="true" className="size-4" />
              {t("media.upload")}
            </button>
            <button
              type="button"
              onClick={() => (full ? setMessage(t("media.limitFull", { limits: limitText })) : setPicking(true))}
              aria-disabled={full}
              className={clsx("btn btn-secondary h-10 px-3 text-sm", full && "opacity-60")}
            >
              <Images aria-hidden="true" className="size-4" />
              {t("media.fromLibrary")}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="flex items-start gap-2 font-medium text-sale text-sm">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
      {message && (
        <p
          role="alert"
          className="flex items-start gap-2 rounded-xl border border-sale/30 bg-sale-soft px-3 py-2 font-medium text-sale text-sm"
        >
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {message}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {items.length === 0 ? (
        <div className="rounded-2xl border border-line border-dashed px-4 py-8 text-center text-muted text-sm">
          <Images aria-hidden="true" className="mx-auto mb-2 size-8" />
          {readOnly ? t("media.managerEmptyReadOnly") : t("media.managerEmpty", { limits: limitText })}
        </div>
      ) : (
        <ol ref={listRef} className="grid grid-cols-1 gap-3 xs:grid-cols-2 lg:grid-cols-3" aria-label={label ?? t("media.managerTitle")}>
          {items.map((item, index) => {
            const asset = item.asset;
            const filename = asset?.filename ?? item.assetId;
            const main = index === items.findIndex((i) => kindOf(i) === "image");
            return (
              <li
                key={item.assetId}
                data-testid="media-manager-item"
                data-asset-id={item.assetId}
                draggable={!readOnly}
                onDragStart={(event) => {
                  setDragIndex(index);
                  event.dataTransfer.effectAllowed = "move";
                  event.dataTransfer.setData("text/plain", item.assetId);
                }}
                onDragOver={(event) => {
                  if (dragIndex === null) return;
                  event.preventDefault();
                  setDropIndex(index);
                }}
                onDragLeave={() => setDropIndex((d) => (d === index ? null : d))}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragIndex !== null) move(dragIndex, index);
                  setDragIndex(null);
                  setDropIndex(null);
                }}
                onDragEnd={() => {
                  setDragIndex(null);
                  setDropIndex(null);
                }}
                className={clsx(
                  "flex gap-3 rounded-xl border bg-surface p-2.5 transition-colors",
                  dropIndex === index && dragIndex !== index ? "border-brand ring-2 ring-brand/40" : "border-line",
                  dragIndex === index && "opacity-50",
                )}
              >
                <div className="relative w-24 shrink-0">
                  {asset ? (
                    <MediaThumb asset={asset} className="aspect-square rounded-lg" />
                  ) : (
                    <div className="flex aspect-square items-center justify-center rounded-lg bg-surface-2 text-muted">
                      {asset === undefined ? (
                        <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
                      ) : (
                        <CircleAlert aria-hidden="true" className="size-5" />
                      )}
                    </div>
                  )}
                  <span className="absolute top-1 left-1 rounded-md bg-black/70 px-1.5 font-semibold text-[0.6875rem] text-white tabular-nums">
                    {index + 1}
                  </span>
                </div>
                <div className="min-w-0 flex-1 space-y-1.5">
                  <div className="flex items-start gap-1">
                    {!readOnly && <GripVertical aria-hidden="true" className="mt-0.5 size-4 shrink-0 cursor-grab text-muted" />}
                    <p className="min-w-0 flex-1 truncate font-medium text-sm" title={filename}>
                      {asset === null ? t("media.missing") : filename}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {main && (
                      <span className="rounded-full bg-brand-soft px-2 py-0.5 font-semibold text-[0.6875rem] text-on-brand-soft">
                        {t("media.mainImage")}
                      </span>
                    )}
                    {asset && <MediaStatusBadge asset={asset} />}
                  </div>
                  <label className="block">
                    <span className="sr-only">{t("media.altFor", { file: filename })}</span>
                    <input
                      type="text"
                      value={item.alt}
                      readOnly={readOnly}
                      maxLength={300}
                      placeholder={t("media.altPlaceholder")}
                      onChange={(event) => {
                        const alt = event.currentTarget.value;
                        set(items.map((i, j) => (j === index ? { ...i, alt } : i)));
                      }}
                      onKeyDown={(event) => {
                        if (event.key === "Enter") event.preventDefault();
                      }}
                      className="field h-9 px-2.5 py-1 text-sm"
                    />
                  </label>
                  {!readOnly && (
                    <div className="flex flex-wrap gap-1">
                      <IconButton
                        label={t("media.moveUp", { file: filename })}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        <ArrowLeft aria-hidden="true" className="size-4" />
                      </IconButton>
                      <IconButton
                        label={t("media.moveDown", { file: filename })}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        <ArrowRight aria-hidden="true" className="size-4" />
                      </IconButton>
                      {asset?.kind === "image" && asset.status === "ready" && (
                        <IconButton label={t("media.cropFile", { file: filename })} onClick={() => setCropping(asset)}>
                          <Crop aria-hidden="true" className="size-4" />
                        </IconButton>
                      )}
                      <IconButton label={t("media.removeFile", { file: filename })} onClick={() => remove(index)} danger data-remove>
                        <Trash2 aria-hidden="true" className="size-4" />
                      </IconButton>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {!readOnly && (
        <>
          <Modal
            open={uploading}
            onClose={() => setUploading(false)}
            size="lg"
            title={t("media.uploadTitle")}
            description={
              freeImages === 0 && freeVideos > 0
                ? t("media.onlyVideosLeft", { limits: limitText })
                : freeVideos === 0 && maxVideos > 0 && freeImages > 0
                  ? t("media.onlyImagesLeft", { limits: limitText })
                  : limitText
            }
            footer={
              <button type="button" onClick={() => setUploading(false)} className="btn btn-primary h-11">
                {t("media.done")}
              </button>
            }
          >
            <MediaUploader
              kinds={uploadKinds.length > 0 ? uploadKinds : ["image"]}
              settings={settings}
              maxFiles={freeImages + freeVideos}
              disabled={full}
              onUploaded={(asset) => {
                add([asset]);
                if (asset.kind === "image") setCropping((current) => current ?? asset);
              }}
              onCrop={setCropping}
            />
          </Modal>
          <MediaPickerDialog
            open={picking}
            onClose={() => setPicking(false)}
            onPick={add}
            max={freeImages + freeVideos}
            kinds={uploadKinds.length > 0 ? uploadKinds : ["image"]}
            refuse={refuseInPicker}
            excludeIds={items.map((i) => i.assetId)}
          />
          <CropDialog
            asset={cropping}
            presets={settings.presets}
            only={cropPresets ?? [cropPreset]}
            initialPreset={cropPreset}
            onClose={() => setCropping(null)}
            onSaved={(asset) => set(latest.current.map((i) => (i.assetId === asset.id ? { ...i, asset } : i)))}
          />
        </>
      )}
    </section>
  );
}

function IconButton({
  label,
  onClick,
  disabled,
  danger,
  children,
  ...rest
}: { label: string; onClick: () => void; disabled?: boolean; danger?: boolean; children: React.ReactNode } & Record<
  `data-${string}`,
  unknown
>) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      title={label}
      className={clsx(
        "inline-flex size-8 items-center justify-center rounded-lg border border-line-strong disabled:opacity-40",
        danger ? "text-sale hover:bg-sale-soft" : "hover:border-brand hover:text-brand",
      )}
      {...rest}
    >
      {children}
      <span className="sr-only">{label}</span>
    </button>
  );
}
