import type { CSSProperties } from "react";
import type { ImageSource, Picture as PictureData } from "../../../modules/catalog/types.ts";

/** An image that may carry per-format sources (a `Picture`) or only a WebP srcset (an `ImageSource`). */
export type GalleryImage = ImageSource & Partial<Pick<PictureData, "sources">>;

/**
 * `<picture>` with one `<source>` per stored format (AVIF, WebP, JPEG, best first) and an `<img>`
 * carrying width/height (no layout shift). `priority` = eager + fetchpriority high (the LCP image).
 */
export function ResponsivePicture({
  image,
  alt,
  sizes,
  priority = false,
  className,
  imgClassName,
  imgStyle,
  draggable,
}: {
  image: GalleryImage;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
  imgClassName?: string;
  imgStyle?: CSSProperties;
  draggable?: boolean;
}) {
  const sources = image.sources ?? [];
  return (
    <picture className={className}>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={image.src}
        srcSet={image.srcSet || undefined}
        sizes={image.srcSet ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding={priority ? undefined : "async"}
        draggable={draggable}
        className={imgClassName}
        style={imgStyle}
      />
    </picture>
  );
}
