import clsx from "clsx";
import { ImageOff } from "lucide-react";
import type { ImageSource } from "../../modules/catalog/types.ts";

/** A square product image (or a neutral placeholder), always with width/height to avoid layout shift. */
export function ProductImage({
  image,
  alt,
  sizes,
  priority = false,
  className,
  placeholderLabel,
}: {
  image: ImageSource | null;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
  placeholderLabel: string;
}) {
  if (!image) {
    return (
      <div
        role="img"
        aria-label={placeholderLabel}
        className={clsx("flex aspect-square w-full flex-col items-center justify-center gap-2 bg-surface-2 text-muted", className)}
      >
        <ImageOff aria-hidden="true" className="size-8 opacity-60" />
      </div>
    );
  }
  return (
    <img
      src={image.src}
      srcSet={image.srcSet || undefined}
      sizes={image.srcSet ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={alt}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={clsx("aspect-square w-full bg-surface-2 object-cover", className)}
    />
  );
}
