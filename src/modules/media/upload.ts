// Receiving an upload: the real type from the file's first bytes (magic numbers, via file-type),
// never from its name or the declared Content-Type, and the size limits enforced while the bytes
// arrive, so an oversized upload stops at the limit instead of filling the disk.

import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileTypeFromBuffer } from "file-type";
import { formatMegabytes, MediaError, mediaProblemTypes } from "./errors.ts";
import type { MediaKind } from "./schema.ts";

/** What an accepted type is stored as: its kind and the extension of the original's key. */
export interface AcceptedType {
  kind: MediaKind;
  contentType: string;
  /** Extension of the stored original (a GIF's first frame is stored as PNG). */
  ext: string;
}

const ACCEPTED: Record<string, AcceptedType> = {
  "image/jpeg": { kind: "image", contentType: "image/jpeg", ext: "jpg" },
  "image/png": { kind: "image", contentType: "image/png", ext: "png" },
  "image/webp": { kind: "image", contentType: "image/webp", ext: "webp" },
  "image/avif": { kind: "image", contentType: "image/avif", ext: "avif" },
  "image/gif": { kind: "image", contentType: "image/gif", ext: "png" },
  "video/mp4": { kind: "video", contentType: "video/mp4", ext: "mp4" },
  "video/x-m4v": { kind: "video", contentType: "video/mp4", ext: "mp4" },
  "video/webm": { kind: "video", contentType: "video/webm", ext: "webm" },
  "video/quicktime": { kind: "video", contentType: "video/quicktime", ext: "mov" },
};

export const ACCEPTED_DESCRIPTION = "images (JPEG, PNG, WebP, AVIF, GIF) and videos (MP4, WebM, MOV)";

/** Recognised types we refuse, with a more helpful sentence than the generic one. */
const REFUSED_HINTS: Record<string, string> = {
  "image/heic": "HEIC photos cannot be read on this server; export the photo as JPEG first",
  "image/heif": "HEIF images cannot be read on this server; export the image as JPEG first",
  "image/svg+xml": "SVG drawings are not accepted because they can carry scripts; export as PNG first",
};

/** Bytes file-type needs to recognise every format it knows. */
const SNIFF_BYTES = 4100;

/** The accepted type of a file from its first bytes; throws `media/unsupported-type` otherwise. */
export async function detectType(head: Uint8Array, filename: string): Promise<AcceptedType> {
  const found = await fileTypeFromBuffer(head);
  const accepted = found && ACCEPTED[found.mime];
  if (accepted) return accepted;
  const name = JSON.stringify(filename);
  let detail: string;
  if (!found) detail = `${name} is not a file type we accept: its content is not a recognised image or video.`;
  else {
    const hint = REFUSED_HINTS[found.mime];
    detail = `${name} is ${found.ext.toUpperCase()} (${found.mime}), ${hint ?? "which is not accepted"}.`;
  }
  throw new MediaError(415, mediaProblemTypes.unsupportedType, `${detail} Accepted are ${ACCEPTED_DESCRIPTION}.`, {
    detectedType: found?.mime ?? null,
  });
}

export interface UploadLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
  /** Bytes the store may still add before its quota is reached. */
  remainingQuotaBytes: number;
  quotaBytes: number;
}

/** An upload written to a temporary file, with its detected type. */
export interface SpooledUpload extends AcceptedType {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * Streams `source` into `dir/upload`, detecting the type from the first bytes and stopping with a
 * problem as soon as the type is refused or the file passes its kind's size limit; a complete file
 * that does not fit in the store's remaining quota is refused too. The caller removes `dir`.
 */
export async function spoolUpload(source: Readable, dir: string, filename: string, limits: UploadLimits): Promise<SpooledUpload> {
  const file = path.join(dir, "upload");
  const hash = createHash("sha256");
  let head: Buffer[] = [];
  let headBytes = 0;
  let accepted: AcceptedType | null = null;
  let bytes = 0;

  const tooLarge = (type: AcceptedType) => {
    const limit = type.kind === "image" ? limits.maxImageBytes : limits.maxVideoBytes;
    if (bytes <= limit) return null;
    return new MediaError(
      413,
      mediaProblemTypes.tooLarge,
      `${JSON.stringify(filename)} is larger than ${formatMegabytes(limit)}, the limit for ${type.kind === "image" ? "images" : "videos"}.`,
      { limitBytes: limit },
    );
  };

  /** Detects the type from the bytes held back so far and lets them through. */
  const release = async (push: (chunk: Buffer) => void) => {
    const first = Buffer.concat(head);
    head = [];
    accepted = await detectType(first.subarray(0, SNIFF_BYTES), filename);
    const problem = tooLarge(accepted);
    if (problem) throw problem;
    push(first);
  };

  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytes += chunk.length;
      hash.update(chunk);
      if (accepted) return callback(tooLarge(accepted), chunk);
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) return callback();
      release((data) => this.push(data)).then(
        () => callback(),
        (error: Error) => callback(error),
      );
    },
    flush(callback: TransformCallback) {
      if (accepted) return callback();
      if (headBytes === 0) return callback(new MediaError(422, mediaProblemTypes.unreadable, `${JSON.stringify(filename)} is empty.`));
      release((data) => this.push(data)).then(
        () => callback(),
        (error: Error) => callback(error),
      );
    },
  });

  // The size limit stops the upload at once. The quota is checked once the size is known (it
  // is at most the limit), so a file over both is reported as too large, which it always is.
  await pipeline(source, meter, createWriteStream(file, { flags: "wx" }));
  const type = accepted as AcceptedType | null;
  if (!type) throw new MediaError(422, mediaProblemTypes.unreadable, `${JSON.stringify(filename)} could not be read.`);
  if (bytes > limits.remainingQuotaBytes) {
    throw new MediaError(
      409,
      mediaProblemTypes.quotaExceeded,
      `${JSON.stringify(filename)} does not fit in the store's media quota of ${formatMegabytes(limits.quotaBytes)}: ` +
        `${formatMegabytes(Math.max(0, limits.remainingQuotaBytes))} is left. Delete unused media or raise MEDIA_QUOTA_MB.`,
      { quotaBytes: limits.quotaBytes },
    );
  }
  return { ...type, file, bytes, sha256: hash.digest("hex") };
}

/** A file name fit to show and store: its last path segment, printable, at most 200 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return printable.slice(0, 200) || "upload";
}
