// Problems of the media pipeline. Each has a stable `type` the admin UI translates; `detail` says
// in English what was wrong and which limit or type applies.

/** Stable problem types (the `type` member of the problem+json body). */
export const mediaProblemTypes = {
  unsupportedType: "media/unsupported-type",
  tooLarge: "media/too-large",
  tooLong: "media/too-long",
  quotaExceeded: "media/quota-exceeded",
  unreadable: "media/unreadable",
  inUse: "media/in-use",
  invalidCrop: "media/invalid-crop",
  notImage: "media/not-an-image",
} as const;

export type MediaProblemType = (typeof mediaProblemTypes)[keyof typeof mediaProblemTypes];

/** Thrown by the media service; the routes answer it as problem+json with its `type`. */
export class MediaError extends Error {
  readonly statusCode: number;
  readonly type: MediaProblemType;
  /** Extra members of the problem body (e.g. `usedBy` for `media/in-use`). */
  readonly extra: Record<string, unknown>;
  constructor(statusCode: number, type: MediaProblemType, detail: string, extra: Record<string, unknown> = {}) {
    super(detail);
    this.name = "MediaError";
    this.statusCode = statusCode;
    this.type = type;
    this.extra = extra;
  }
}

/** Megabytes for messages: 20971520 → "20 MB", 1677721 → "1.6 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
