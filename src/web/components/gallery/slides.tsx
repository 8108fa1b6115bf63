import clsx from "clsx";
import { Play } from "lucide-react";
import type { VideoSource } from "../../../modules/catalog/types.ts";
import { useT } from "../../i18n/index.ts";
import { type GalleryImage, ResponsivePicture } from "./picture.tsx";

/** One gallery slide: a product image or the product video. */
export type Slide =
  | { kind: "image"; key: string; image: GalleryImage; alt: string }
  | { kind: "video"; key: string; video: VideoSource; alt: string };

/** The product's images in order, then its video (if any). */
export function gallerySlides(
  images: readonly GalleryImage[],
  video: VideoSource | null,
  imageAlt: (index: number) => string,
  videoAlt: string,
): Slide[] {
  const slides: Slide[] = images.map((image, index) => ({
    kind: "image",
    key: `image:${index}:${image.src}`,
    image,
    alt: image.alt || imageAlt(index),
  }));
  if (video) slides.push({ kind: "video", key: `video:${video.mp4}`, video, alt: video.alt || videoAlt });
  return slides;
}

const THUMB_SIZES = "80px";

/** A thumbnail button; the video's shows its poster with a play mark. */
export function SlideThumbnail({
  slide,
  index,
  active,
  onSelect,
  className,
}: {
  slide: Slide;
  index: number;
  active: boolean;
  onSelect: () => void;
  className?: string;
}) {
  const t = useT();
  const picture = slide.kind === "image" ? slide.image : slide.video.poster;
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={active ? "true" : undefined}
      data-testid={slide.kind === "video" ? "thumb-video" : "thumb"}
      className={clsx(
        "relative block overflow-hidden rounded-lg border-2 bg-surface transition-[border-color,opacity]",
        active ? "border-brand" : "border-line opacity-80 hover:border-line-strong hover:opacity-100",
        className,
      )}
    >
      {picture ? (
        <ResponsivePicture image={picture} alt="" sizes={THUMB_SIZES} imgClassName="size-full object-cover" draggable={false} />
      ) : (
        <span className="block size-full bg-fg/80" />
      )}
      {slide.kind === "video" && (
        <span className="absolute inset-0 flex items-center justify-center bg-black/25">
          <span className="flex size-7 items-center justify-center rounded-full bg-black/65 text-white ring-1 ring-white/70">
            <Play aria-hidden="true" className="ml-0.5 size-3.5 fill-current" />
          </span>
        </span>
      )}
      <span className="sr-only">{slide.kind === "video" ? t("gallery.showVideo") : t("product.showImage", { index: index + 1 })}</span>
    </button>
  );
}
