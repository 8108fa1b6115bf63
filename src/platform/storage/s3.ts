import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { assertContentType, assertDeletablePrefix, assertKey, assertPrefix, assertRange } from "./keys.ts";
import { contentTypeFromKey } from "./mime.ts";
import type { GetOptions, Storage, StoredObject } from "./types.ts";

export interface S3StorageOptions {
  /** Omit for AWS; set for MinIO, R2, Spaces, s3rver and other S3-compatible services. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO, s3rver). */
  forcePathStyle: boolean;
  /** Base of public URLs (bucket website, CDN or the app's /media route); the key is appended. */
  publicBaseUrl: string;
  /** Parts for streamed uploads of unknown length; S3 needs at least 5 MiB except for the last. */
  partSize?: number;
}

const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
const MIN_PART_SIZE = 5 * 1024 * 1024;

/** Objects in an S3-compatible bucket. */
export class S3Storage implements Storage {
  readonly driver = "s3" as const;
  readonly bucket: string;
  readonly client: S3Client;
  readonly #publicBaseUrl: string;
  readonly #partSize: number;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.#publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, "");
    this.#partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (this.#partSize < MIN_PART_SIZE) throw new RangeError(`S3 part size must be at least ${MIN_PART_SIZE} bytes`);
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      forcePathStyle: options.forcePathStyle,
      // Only send/verify the newer CRC checksums where S3 demands them: many S3-compatible
      // services reject or ignore the default streaming-checksum uploads.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  publicUrl(key: string): string {
    assertKey(key);
    return `${this.#publicBaseUrl}/${key}`;
  }

  async put(key: string, body: Buffer | Readable, options: { contentType: string; cacheControl?: string }): Promise<StoredObject> {
    assertKey(key);
    assertContentType(options.contentType);
    if (Buffer.isBuffer(body)) return this.#putOnce(key, body, options);
    // A stream has no known length, which PutObject needs: read up to two parts; if the stream
    // ends within the first, one PutObject suffices, otherwise upload it in parts.
    const parts = chunks(body, this.#partSize)[Symbol.asyncIterator]();
    try {
      const first = await parts.next();
      const firstPart = first.done ? Buffer.alloc(0) : first.value;
      const second = first.done ? first : await parts.next();
      if (second.done) return await this.#putOnce(key, firstPart, options);
      return await this.#putMultipart(key, [firstPart, second.value], parts, options);
    } finally {
      await parts.return?.(undefined); // stops reading (and destroys) the source if we bailed out early
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<(StoredObject & { body: Readable }) | null> {
    assertKey(key);
    const range = options.range;
    if (range) assertRange(range);
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      const body = result.Body;
      if (!body) throw new Error(`S3 returned no body for ${key}`);
      // With a range, ContentLength is the slice; the total is after the slash in Content-Range.
      const total = result.ContentRange ? Number(result.ContentRange.split("/")[1]) : result.ContentLength;
      return {
        key,
        bytes: Number.isFinite(total) ? Number(total) : 0,
        contentType: result.ContentType ?? contentTypeFromKey(key),
        etag: unquote(result.ETag),
        lastModified: result.LastModified,
        body: body instanceof Readable ? body : Readable.fromWeb(body.transformToWebStream() as never),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw s3Error("read", key, error);
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertKey(key);
    try {
      const result = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        bytes: result.ContentLength ?? 0,
        contentType: result.ContentType ?? contentTypeFromKey(key),
        etag: unquote(result.ETag),
        lastModified: result.LastModified,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw s3Error("stat", key, error);
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return;
      throw s3Error("delete", key, error);
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertDeletablePrefix(prefix);
    let deleted = 0;
    // Each round lists the first (up to) 1000 keys still there and deletes them in one request.
    for (;;) {
      const page = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: 1000 }))
        .catch((error: unknown) => {
          throw s3Error("list", prefix, error);
        });
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length === 0) return deleted;
      const result = await this.client
        .send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } }))
        .catch((error: unknown) => {
          throw s3Error("delete under", prefix, error);
        });
      const failures = result.Errors ?? [];
      if (failures.length > 0) {
        const sample = failures
          .slice(0, 3)
          .map((failure) => `${failure.Key}: ${failure.Code} ${failure.Message ?? ""}`.trim())
          .join("; ");
        throw new Error(`S3 could not delete ${failures.length} of ${keys.length} objects under ${JSON.stringify(prefix)} (${sample})`);
      }
      deleted += keys.length;
      if (!page.IsTruncated) return deleted;
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertPrefix(prefix);
    let token: string | undefined;
    do {
      const page = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token }))
        .catch((error: unknown) => {
          throw s3Error("list", prefix, error);
        });
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield {
          key: object.Key,
          bytes: object.Size ?? 0,
          contentType: contentTypeFromKey(object.Key),
          etag: unquote(object.ETag),
          lastModified: object.LastModified,
        };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async usage(prefix: string): Promise<{ bytes: number; objects: number }> {
    let bytes = 0;
    let objects = 0;
    for await (const object of this.list(prefix)) {
      bytes += object.bytes;
      objects++;
    }
    return { bytes, objects };
  }

  /** Closes the HTTP connections the client keeps alive. */
  destroy(): void {
    this.client.destroy();
  }

  async #putOnce(key: string, body: Buffer, options: { contentType: string; cacheControl?: string }): Promise<StoredObject> {
    try {
      const result = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
        }),
      );
      return { key, bytes: body.length, contentType: options.contentType, etag: unquote(result.ETag), lastModified: new Date() };
    } catch (error) {
      throw s3Error("write", key, error);
    }
  }

  async #putMultipart(
    key: string,
    firstParts: Buffer[],
    rest: AsyncIterator<Buffer>,
    options: { contentType: string; cacheControl?: string },
  ): Promise<StoredObject> {
    const created = await this.client
      .send(
        new CreateMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
        }),
      )
      .catch((error: unknown) => {
        throw s3Error("start upload of", key, error);
      });
    const uploadId = created.UploadId;
    if (!uploadId) throw new Error(`S3 returned no upload id for ${key}`);
    try {
      const uploaded: { ETag: string; PartNumber: number }[] = [];
      let bytes = 0;
      const upload = async (part: Buffer) => {
        const PartNumber = uploaded.length + 1;
        const result = await this.client.send(
          new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, PartNumber, Body: part, ContentLength: part.length }),
        );
        if (!result.ETag) throw new Error(`S3 returned no ETag for part ${PartNumber} of ${key}`);
        uploaded.push({ ETag: result.ETag, PartNumber });
        bytes += part.length;
      };
      for (const part of firstParts) await upload(part);
      for (let next = await rest.next(); !next.done; next = await rest.next()) await upload(next.value);
      const done = await this.client.send(
        new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: uploaded } }),
      );
      return { key, bytes, contentType: options.contentType, etag: unquote(done.ETag), lastModified: new Date() };
    } catch (error) {
      // Unfinished uploads are billed and invisible; remove the parts we sent.
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId })).catch(() => {});
      throw s3Error("write", key, error);
    }
  }
}

/** Re-chunks a stream into buffers of exactly `size` bytes (the last may be shorter). */
async function* chunks(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    const buffer: Buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    pending.push(buffer);
    pendingBytes += buffer.length;
    while (pendingBytes >= size) {
      const all = Buffer.concat(pending, pendingBytes);
      yield all.subarray(0, size);
      const rest = all.subarray(size);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^(W\/)?"(.*)"$/, "$2");
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === "NoSuchBucket") return false; // misconfiguration: must surface, not look like a missing file
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
}

function s3Error(action: string, key: string, error: unknown): Error {
  if (error instanceof Error && error.message.startsWith("S3 ")) return error;
  const e = error as { name?: string; message?: string };
  return new Error(`S3 could not ${action} ${JSON.stringify(key)}: ${e.name ?? "Error"}: ${e.message ?? String(error)}`, { cause: error });
}
