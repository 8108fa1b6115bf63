import { Crop, ImagePlus, Images, Trash2 } from "lucide-react";
import { useEffect, useState } from "react";
import { useT } from "../../i18n/index.ts";
import type { MediaAsset, MediaSettings } from "../../services/media.ts";
import { fetchMedia } from "../media/api.ts";
import { CropDialog } from "../media/crop-dialog.tsx";
import { MediaPickerDialog } from "../media/media-picker.tsx";
import { Modal } from "../media/modal.tsx";
import { MediaUploader } from "../media/uploader.tsx";

/** The picture of an asset's crop for `preset` (its widest WebP/JPEG), else its preview. */
function presetPicture(asset: MediaAsset, preset: string): string | null {
  const rendition = asset.renditions.find((r) => r.preset === preset);
  const variants = (rendition?.variants ?? []).filter((v) => v.format !== "avif").sort((a, b) => b.width - a.width);
  return variants[0]?.url ?? asset.previewUrl ?? null;
}

/**
 * The image of a banner: choose one from the media library or upload one, then crop it with the
 * section's preset (`home-banner` 3:1, `category-banner` 4:1: the ratios come from the server).
 * An image without that crop yet opens the crop dialog at once. The asset id travels in `name`.
 */
export function BannerImageField({
  name,
  initialAssetId,
  preset,
  settings,
  error,
  onChange,
}: {
  name: string;
  initialAssetId: string | null;
  preset: string;
  settings: MediaSettings;
  error?: string;
  onChange?: () => void;
}) {
  const t = useT();
  const [assetId, setAssetId] = useState(initialAssetId);
  const [asset, setAsset] = useState<MediaAsset | null>(null);
  const [picking, setPicking] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [cropping, setCropping] = useState<MediaAsset | null>(null);
  const ratio = settings.presets.find((p) => p.name === preset);
  const aspect = ratio?.aspect ?? 3;

  useEffect(() => {
    if (!assetId || asset?.id === assetId) return;
    let cancelled = false;
    fetchMedia(assetId)
      .then((a) => {
        if (!cancelled) setAsset(a);
      })
      .catch(() => {
        if (!cancelled) setAsset(null);
      });
    return () => {
      cancelled = true;
    };
  }, [assetId, asset?.id]);

  const choose = (chosen: MediaAsset) => {
    setAssetId(chosen.id);
    setAsset(chosen);
    onChange?.();
    if (!chosen.renditions.some((r) => r.preset === preset)) setCropping(chosen);
  };
  const picture = asset ? presetPicture(asset, preset) : null;
  const hasCrop = asset?.renditions.some((r) => r.preset === preset) ?? false;

  return (
    <div data-testid="banner-image">
      <input type="hidden" name={name} value={assetId ?? ""} />
      <div className="relative overflow-hidden rounded-xl border border-line bg-surface-2" style={{ aspectRatio: String(aspect) }}>
        {picture ? (
          <img src={picture} alt={asset?.alt ?? ""} className="size-full object-cover" />
        ) : (
          <div className="flex size-full flex-col items-center justify-center gap-1 p-3 text-center text-muted text-sm">
            <ImagePlus aria-hidden="true" className="size-7" />
            {assetId ? t("catalogadmin.banner.loadingImage") : t("catalogadmin.banner.noImage")}
          </div>
        )}
        {asset && !hasCrop && (
          <span className="absolute top-2 left-2 rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900 text-xs">
            {t("catalogadmin.banner.needsCrop")}
          </span>
        )}
      </div>
      {error && <p className="mt-1.5 font-medium text-sale text-xs">{error}</p>}
      <p className="mt-1.5 text-muted text-xs">{t("catalogadmin.banner.imageHint", { ratio: ratio?.ratio ?? "3:1" })}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" onClick={() => setPicking(true)} className="btn btn-secondary h-9 px-3 text-sm">
          <Images aria-hidden="true" className="size-4" />
          {t("catalogadmin.banner.fromLibrary")}
        </button>
        <button type="button" onClick={() => setUploading(true)} className="btn btn-secondary h-9 px-3 text-sm">
          <ImagePlus aria-hidden="true" className="size-4" />
          {t("catalogadmin.banner.upload")}
        </button>
        {asset && (
          <button type="button" onClick={() => setCropping(asset)} className="btn btn-secondary h-9 px-3 text-sm">
            <Crop aria-hidden="true" className="size-4" />
            {t("catalogadmin.banner.crop")}
          </button>
        )}
        {assetId && (
          <button
            type="button"
            onClick={() => {
              setAssetId(null);
              setAsset(null);
              onChange?.();
            }}
            className="btn h-9 px-3 text-muted text-sm hover:bg-sale-soft hover:text-sale"
          >
            <Trash2 aria-hidden="true" className="size-4" />
            {t("catalogadmin.banner.removeImage")}
          </button>
        )}
      </div>

      <MediaPickerDialog
        open={picking}
        onClose={() => setPicking(false)}
        kinds={["image"]}
        max={1}
        excludeIds={assetId ? [assetId] : []}
        title={t("catalogadmin.banner.pickTitle")}
        onPick={(assets) => {
          const first = assets[0];
          if (first) choose(first);
        }}
      />
      <Modal open={uploading} onClose={() => setUploading(false)} title={t("catalogadmin.banner.uploadTitle")} size="lg">
        <MediaUploader
          kinds={["image"]}
          multiple={false}
          settings={settings}
          maxFiles={1}
          onUploaded={(uploaded) => {
            setUploading(false);
            choose(uploaded);
          }}
        />
      </Modal>
      <CropDialog
        asset={cropping}
        presets={settings.presets}
        only={[preset]}
        initialPreset={preset}
        onClose={() => setCropping(null)}
        onSaved={(saved) => {
          setAsset(saved);
          onChange?.();
        }}
      />
    </div>
  );
}
