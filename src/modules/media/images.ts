// Image work with sharp: a cleaned original (turned upright, every metadata block removed) and
// renditions (a crop in a preset's aspect ratio, in AVIF, WebP and JPEG at several widths).

import type { Sharp, default as sharpFn } from "sharp";

type SharpFactory = typeof sharpFn;
let sharpModule: Promise<SharpFactory> | undefined;
/** sharp and libvips load on the first image (about 20 MB the process does not hold until then). */
const loadSharp = (): Promise<SharpFactory> => {
  sharpModule ??= import("sharp").then((m) => m.default as unknown as SharpFactory);
  return sharpModule;
};

import type { CropPreset } from "../../platform/config.ts";
import { MediaError, mediaProblemTypes } from "./errors.ts";
import type { CropRect, ImageVariant } from "./schema.ts";

/** Decoding a larger image would take too much memory (about 4 bytes per pixel). */
export const MAX_INPUT_PIXELS = 80_000_000;

export const imageFormats = ["avif", "webp", "jpeg"] as const satisfies readonly ImageVariant["format"][];

export const FORMAT_TYPES: Record<ImageVariant["format"] | "png" | "gif", string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
};

/** One encoded image, before it is stored. */
export interface EncodedImage {
  format: ImageVariant["format"];
  width: number;
  height: number;
  data: Buffer;
}

export interface CleanedImage {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
}

function unreadable(filename: string, error: unknown): MediaError {
  const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  if (/pixel limit/i.test(reason)) {
    return new MediaError(
      413,
      mediaProblemTypes.tooLarge,
      `${JSON.stringify(filename)} has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels, the most an image may have.`,
    );
  }
  return new MediaError(422, mediaProblemTypes.unreadable, `${JSON.stringify(filename)} could not be read as an image (${reason}).`);
}

/**
 * The original as stored: decoded (a GIF's first frame), turned upright by its EXIF orientation
 * and encoded again in its own format (a GIF as PNG) without any metadata: no EXIF (GPS position,
 * camera serial), XMP, IPTC or ICC block leaves the server; colours are converted to sRGB.
 */
export async function cleanOriginal(input: string | Buffer, contentType: string, filename: string): Promise<CleanedImage> {
  try {
    // sharp writes no metadata unless asked (withMetadata/keepExif), so re-encoding strips it.
    const sharp = await loadSharp();
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 }).autoOrient();
    let encoded: Sharp;
    let type = contentType;
    switch (contentType) {
      case "image/jpeg":
        encoded = image.jpeg({ quality: 90, chromaSubsampling: "4:4:4" });
        break;
      case "image/webp":
        encoded = image.webp({ quality: 90 });
        break;
      case "image/avif":
        encoded = image.avif({ quality: 70, effort: 3 });
        break;
      default: // PNG, and a GIF's first frame
        encoded = image.png();
        type = "image/png";
    }
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, contentType: type, width: info.width, height: info.height };
  } catch (error) {
    throw unreadable(filename, error);
  }
}

/** The largest centred crop with the preset's aspect ratio. */
export function centredCrop(width: number, height: number, preset: CropPreset): CropRect {
  const ratio = preset.ratioWidth / preset.ratioHeight;
  let cropWidth = width;
  let cropHeight = Math.round(width / ratio);
  if (cropHeight > height) {
    cropHeight = height;
    cropWidth = Math.min(width, Math.round(height * ratio));
  }
  cropWidth = Math.max(1, cropWidth);
  cropHeight = Math.max(1, cropHeight);
  return { left: Math.floor((width - cropWidth) / 2), top: Math.floor((height - cropHeight) / 2), width: cropWidth, height: cropHeight };
}

/**
 * Why `crop` does not suit the image or preset, or null. A crop must lie inside the image and
 * have the preset's ratio within 1% or within one pixel of height.
 */
export function cropProblem(crop: CropRect, image: { width: number; height: number }, preset: CropPreset): string | null {
  const { left, top, width, height } = crop;
  if (left + width > image.width || top + height > image.height) {
    return (
      `The crop (left ${left}, top ${top}, ${width}×${height}) does not fit inside the image, ` +
      `which is ${image.width}×${image.height} pixels.`
    );
  }
  const ratio = preset.ratioWidth / preset.ratioHeight;
  const withinPercent = Math.abs(width / height - ratio) / ratio <= 0.01;
  const withinPixel = Math.abs(height - width / ratio) <= 1 || Math.abs(width - height * ratio) <= 1;
  if (!withinPercent && !withinPixel) {
    return (
      `The crop is ${width}×${height}, but the "${preset.name}" preset needs the ratio ` +
      `${preset.ratioWidth}:${preset.ratioHeight} (within 1% or 1 pixel); for a width of ${width} the height would be ${Math.round(width / ratio)}.`
    );
  }
  return null;
}

/** The configured widths that fit in the crop, or the crop's own width when none does. */
export function renditionWidths(cropWidth: number, widths: number[]): number[] {
  const fitting = widths.filter((w) => w <= cropWidth);
  return fitting.length > 0 ? fitting : [cropWidth];
}

/**
 * The responsive variants of a crop: for each width (see renditionWidths), AVIF, WebP and JPEG
 * with exactly the preset's ratio (the height is rounded from it; the crop is within a pixel).
 */
export async function renderRendition(original: Buffer, crop: CropRect, preset: CropPreset, widths: number[]): Promise<EncodedImage[]> {
  // Decode and crop once; every width starts from these pixels.
  const sharp = await loadSharp();
  const cropped = await sharp(original, { limitInputPixels: MAX_INPUT_PIXELS }).extract(crop).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: cropped.info.width, height: cropped.info.height, channels: cropped.info.channels };
  const out: EncodedImage[] = [];
  for (const width of renditionWidths(crop.width, widths)) {
    const height = Math.max(1, Math.round((width * preset.ratioHeight) / preset.ratioWidth));
    const resized = await sharp(cropped.data, { raw }).resize(width, height, { fit: "cover" }).raw().toBuffer({ resolveWithObject: true });
    const pixels = { raw: { width, height, channels: resized.info.channels } };
    const encoded = await Promise.all(
      imageFormats.map(async (format) => {
        const image = sharp(resized.data, pixels);
        const data =
          format === "avif"
            ? await image.avif({ quality: 55, effort: 2 }).toBuffer()
            : format === "webp"
              ? await image.webp({ quality: 80 }).toBuffer()
              : await image.flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
        return { format, width, height, data };
      }),
    );
    out.push(...encoded);
  }
  return out;
}

/** Poster variants of a video frame (PNG from ffmpeg) at the widths that fit, keeping its ratio. */
export async function renderPoster(frame: Buffer, widths: number[]): Promise<EncodedImage[]> {
  const sharp = await loadSharp();
  const meta = await sharp(frame).metadata();
  const width = meta.width ?? 1;
  const height = meta.height ?? 1;
  return renderRendition(frame, { left: 0, top: 0, width, height }, { name: "poster", ratioWidth: width, ratioHeight: height }, widths);
}
