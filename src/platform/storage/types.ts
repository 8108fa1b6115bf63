import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  bytes: number;
  contentType: string;
  /** Entity tag without the HTTP quotes. */
  etag?: string;
  lastModified?: Date;
}

export interface GetOptions {
  /** Inclusive byte offsets, 0 <= start <= end < object size. */
  range?: { start: number; end: number };
}

/** Object storage for media and files; keys look like `tenants/<id>/products/<id>/a.webp`. */
export interface Storage {
  readonly driver: "local" | "s3";
  put(key: string, body: Buffer | Readable, options: { contentType: string; cacheControl?: string }): Promise<StoredObject>;
  /**
   * Null when the key does not exist. With `range` the body holds only those bytes while
   * `bytes` still reports the whole object's size (the media route answers Range requests).
   */
  get(key: string, options?: GetOptions): Promise<(StoredObject & { body: Readable }) | null>;
  stat(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  /** Deletes every object under a prefix; returns how many were removed. */
  deletePrefix(prefix: string): Promise<number>;
  /** Objects under a prefix in key order; `contentType` is guessed from the extension (S3 listings carry none). */
  list(prefix: string): AsyncIterable<StoredObject>;
  /** Total bytes and object count under a prefix (storage usage bars). */
  usage(prefix: string): Promise<{ bytes: number; objects: number }>;
  /** URL a browser can load the object from (`/media/<key>` or the S3/CDN public URL). */
  publicUrl(key: string): string;
}
