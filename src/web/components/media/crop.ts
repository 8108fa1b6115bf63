// Crop geometry for the crop dialog (plain TypeScript, tested on its own).

import type { MediaCrop } from "../../services/media.ts";

/** An area as react-easy-crop reports it: here in percentages of the image. */
export interface AreaPercentages {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Turns the cropper's area (percentages of the image, so the same whatever size is displayed) into
 * a crop in the original's pixels with the preset's exact ratio, inside the image.
 */
export function toOriginalCrop(area: AreaPercentages, aspect: number, size: { width: number; height: number }): MediaCrop {
  let width = Math.min(size.width, Math.max(1, Math.round((area.width / 100) * size.width)));
  let height = Math.max(1, Math.round(width / aspect));
  if (height > size.height) {
    height = size.height;
    width = Math.max(1, Math.min(size.width, Math.round(height * aspect)));
  }
  const left = Math.min(Math.max(0, Math.round((area.x / 100) * size.width)), size.width - width);
  const top = Math.min(Math.max(0, Math.round((area.y / 100) * size.height)), size.height - height);
  return { left, top, width, height };
}
