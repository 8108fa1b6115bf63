import clsx from "clsx";
import { Crop, LoaderCircle, Save, Trash2 } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useLocale, useT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import type { MediaAsset } from "../../services/media.ts";
import { Notice } from "../notice.tsx";
import { deleteMedia, updateAlt } from "./api.ts";
import { RenditionList } from "./crop-dialog.tsx";
import { formatBytes, formatDuration, problemMessage, typeLabel } from "./format.ts";
import { MediaStatusBadge, MediaThumb } from "./media-grid.tsx";
import { Modal } from "./modal.tsx";

export interface MediaDetailsProps {
  asset: MediaAsset | null;
  /** Show the alt text form, Crop and Delete (catalog:write). */
  canWrite: boolean;
  onClose: () => void;
  /** After the alt text was saved. */
  onChanged: (asset: MediaAsset) => void;
  onDeleted: (id: string) => void;
  onCrop: (asset: MediaAsset) => void;
}

/** One asset: preview (a video plays), facts, where it is used, alt text, crops, Crop and Delete. */
export function MediaDetails({ asset, canWrite, onClose, onChanged, onDeleted, onCrop }: MediaDetailsProps) {
  const t = useT();
  const locale = useLocale();
  const altId = useId();
  const [alt, setAlt] = useState(asset?.alt ?? "");
  const [busy, setBusy] = useState<"alt" | "delete" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const id = asset?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: start over when another asset is opened
  useEffect(() => {
    setAlt(asset?.alt ?? "");
    setConfirming(false);
    setMessage(null);
  }, [id]);

  async function saveAlt(event: React.FormEvent) {
    event.preventDefault();
    if (!asset) return;
    setBusy("alt");
    setMessage(null);
    try {
      const updated = await updateAlt(asset.id, alt.trim());
      onChanged(updated);
      setMessage({ tone: "success", text: t("media.altSaved") });
    } catch (error) {
      setMessage({ tone: "error", text: problemMessage(t, locale, error) });
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    if (!asset) return;
    setBusy("delete");
    setMessage(null);
    try {
      await deleteMedia(asset.id);
      onDeleted(asset.id);
    } catch (error) {
      setConfirming(false);
      setMessage({ tone: "error", text: problemMessage(t, locale, error, { filename: asset.filename }) });
    } finally {
      setBusy(null);
    }
  }

  // a video plays its browser-safe MP4, or the original when it was kept as uploaded
  const videoSrc = asset?.kind === "video" ? (asset.video?.mp4Url ?? (asset.status === "original" ? asset.originalUrl : null)) : null;
  const facts: [string, string][] = asset
    ? [
        [t("media.factType"), `${t(asset.kind === "video" ? "media.kindVideo" : "media.kindImage")} · ${typeLabel(asset.contentType)}`],
        [t("media.factSize"), formatBytes(asset.bytes, locale)],
        ...(asset.width && asset.height ? [[t("media.factDimensions"), `${asset.width} × ${asset.height} px`] as [string, string]] : []),
        ...(asset.durationMs ? [[t("media.factDuration"), formatDuration(asset.durationMs)] as [string, string]] : []),
        [t("media.factUploaded"), formatDateTime(asset.createdAt, locale)],
      ]
    : [];

  return (
    <Modal open={asset !== null} onClose={onClose} size="lg" title={asset?.filename ?? ""} testId="media-details">
      {asset && (
        <div className="grid gap-5 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div>
            {asset.kind === "video" && videoSrc ? (
              // biome-ignore lint/a11y/useMediaCaption: product videos are silent loops without speech
              <video
                src={videoSrc}
                poster={asset.previewUrl ?? undefined}
                controls
                preload="metadata"
                className="w-full rounded-xl bg-black"
              />
            ) : asset.kind === "image" ? (
              <img
                src={asset.originalUrl}
                alt={asset.alt}
                width={asset.width ?? undefined}
                height={asset.height ?? undefined}
                className="max-h-80 w-full rounded-xl bg-surface-2 object-contain"
              />
            ) : (
              <MediaThumb asset={asset} className="aspect-video rounded-xl" />
            )}
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              {facts.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-muted">{term}</dt>
                  <dd className="tabular-nums">{value}</dd>
                </div>
              ))}
              <dt className="text-muted">{t("media.factStatus")}</dt>
              <dd>
                <MediaStatusBadge asset={asset} />
                {asset.status === "ready" && asset.kind === "image" && t("media.statusReady")}
              </dd>
            </dl>
            {asset.error && (asset.status === "original" || asset.status === "failed") && (
              <div className="mt-3">
                <Notice tone="info">{asset.error}</Notice>
              </div>
            )}
          </div>
          <div className="space-y-5">
            <section>
              <h3 className="mb-1.5 font-semibold text-sm">{t("media.usedBy")}</h3>
              <p className={clsx("text-sm", asset.usedBy === 0 && "text-muted")}>
                {asset.usedBy === 0 ? t("media.usedByNone") : t("media.usedByCount", { count: asset.usedBy })}
              </p>
            </section>
            {canWrite ? (
              <form onSubmit={saveAlt}>
                <label htmlFor={altId} className="mb-1.5 block font-semibold text-sm">
                  {t("media.alt")}
                </label>
                <textarea
                  id={altId}
                  value={alt}
                  onChange={(event) => setAlt(event.currentTarget.value)}
                  rows={2}
                  maxLength={300}
                  aria-describedby={`${altId}-hint`}
                  className="field text-sm"
                />
                <p id={`${altId}-hint`} className="mt-1 text-muted text-xs">
                  {t("media.altHint")}
                </p>
                <button
                  type="submit"
                  disabled={busy !== null || alt.trim() === asset.alt}
                  className="btn btn-secondary mt-2 h-10 px-3 text-sm disabled:opacity-60"
                >
                  {busy === "alt" ? (
                    <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
                  ) : (
                    <Save aria-hidden="true" className="size-4" />
                  )}
                  {t("media.altSave")}
                </button>
              </form>
            ) : (
              <section>
                <h3 className="mb-1.5 font-semibold text-sm">{t("media.alt")}</h3>
                <p className={clsx("text-sm", !asset.alt && "text-muted")}>{asset.alt || t("media.altNone")}</p>
              </section>
            )}
            {asset.kind === "image" && (
              <section>
                <h3 className="mb-1.5 font-semibold text-sm">{t("media.savedRenditions")}</h3>
                <RenditionList asset={asset} />
              </section>
            )}
            {message && <Notice tone={message.tone}>{message.text}</Notice>}
            {canWrite && (
              <div className="flex flex-wrap gap-2 border-line border-t pt-4">
                {asset.kind === "image" && asset.status === "ready" && (
                  <button type="button" onClick={() => onCrop(asset)} className="btn btn-primary h-10 px-3 text-sm">
                    <Crop aria-hidden="true" className="size-4" />
                    {t("media.crop")}
                  </button>
                )}
                {confirming ? (
                  <fieldset className="w-full rounded-xl border border-sale/30 bg-sale-soft p-3">
                    <legend className="sr-only">{t("media.deleteConfirmTitle")}</legend>
                    <p className="font-medium text-sm">{t("media.deleteConfirm", { file: asset.filename })}</p>
                    <div className="mt-2 flex gap-2">
                      <button
                        type="button"
                        onClick={remove}
                        disabled={busy !== null}
                        className="btn h-10 bg-sale px-3 text-sm text-white hover:opacity-90 disabled:opacity-60"
                      >
                        {busy === "delete" ? (
                          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
                        ) : (
                          <Trash2 aria-hidden="true" className="size-4" />
                        )}
                        {t("media.deleteYes")}
                      </button>
                      <button type="button" onClick={() => setConfirming(false)} className="btn btn-secondary h-10 px-3 text-sm">
                        {t("media.deleteNo")}
                      </button>
                    </div>
                  </fieldset>
                ) : (
                  <button type="button" onClick={() => setConfirming(true)} className="btn h-10 px-3 text-sale text-sm hover:bg-sale-soft">
                    <Trash2 aria-hidden="true" className="size-4" />
                    {t("media.delete")}
                  </button>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </Modal>
  );
}
