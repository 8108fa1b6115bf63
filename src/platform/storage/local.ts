import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertContentType, assertDeletablePrefix, assertKey, assertPrefix, assertRange, isValidKey } from "./keys.ts";
import { contentTypeFromKey } from "./mime.ts";
import type { GetOptions, Storage, StoredObject } from "./types.ts";

export interface LocalStorageOptions {
  /** Root folder; created on first write. */
  dir: string;
  /** Base of public URLs, e.g. `https://shop.example/media`; the key is appended after a slash. */
  publicBaseUrl: string;
}

/** What put() knows that the file system does not keep: the declared type and the content hash. */
interface Sidecar {
  contentType: string;
  cacheControl?: string;
  etag: string;
  bytes: number;
}

/**
 * Objects on local disk. Layout under `dir`:
 * - `<key>`: the object's bytes, so the folder can be inspected or served as plain files;
 * - `.meta/<key>.json`: its sidecar (content type, MD5 etag, size);
 * - `.tmp/`: uploads in progress, renamed into place when complete (atomic replace).
 * Keys never have segments starting with ".", so these folders cannot collide with objects.
 * If a sidecar is missing or belongs to another version (size differs), the type comes from the
 * extension and the etag from size and mtime.
 */
export class LocalStorage implements Storage {
  readonly driver = "local" as const;
  readonly dir: string;
  readonly #publicBaseUrl: string;

  constructor(options: LocalStorageOptions) {
    this.dir = path.resolve(options.dir);
    this.#publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, "");
  }

  publicUrl(key: string): string {
    assertKey(key);
    return `${this.#publicBaseUrl}/${key}`;
  }

  async put(key: string, body: Buffer | Readable, options: { contentType: string; cacheControl?: string }): Promise<StoredObject> {
    assertKey(key);
    assertContentType(options.contentType);
    const tmpDir = path.join(this.dir, ".tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmpData = path.join(tmpDir, `${randomUUID()}.data`);
    const tmpMeta = path.join(tmpDir, `${randomUUID()}.json`);
    try {
      const hash = createHash("md5");
      let bytes = 0;
      if (Buffer.isBuffer(body)) {
        hash.update(body);
        bytes = body.length;
        await writeFile(tmpData, body, { flag: "wx", flush: true });
      } else {
        const measure = new Transform({
          transform(chunk: Buffer | string, _encoding, callback) {
            const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
            hash.update(buffer);
            bytes += buffer.length;
            callback(null, buffer);
          },
        });
        await pipeline(body, measure, createWriteStream(tmpData, { flags: "wx", flush: true }));
      }
      const sidecar: Sidecar = { contentType: options.contentType, etag: hash.digest("hex"), bytes };
      if (options.cacheControl) sidecar.cacheControl = options.cacheControl;
      await writeFile(tmpMeta, JSON.stringify(sidecar), { flag: "wx", flush: true });
      // Data first: a reader between the two renames sees new bytes with the old etag, which only
      // costs a revalidation, never new bytes cached under an etag that names other bytes.
      await this.#moveInto(tmpData, this.#dataPath(key), key);
      await this.#moveInto(tmpMeta, this.#metaPath(key), key);
      const info = await stat(this.#dataPath(key));
      return { key, bytes, contentType: sidecar.contentType, etag: sidecar.etag, lastModified: info.mtime };
    } finally {
      await unlink(tmpData).catch(() => {});
      await unlink(tmpMeta).catch(() => {});
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<(StoredObject & { body: Readable }) | null> {
    assertKey(key);
    const range = options.range;
    if (range) assertRange(range);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.#dataPath(key), "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      // Stat through the open handle: a concurrent put renames a new file into place, but this
      // handle keeps reading the version whose size and etag we report.
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      const meta = await this.#describe(key, info);
      const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return { ...meta, body };
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertKey(key);
    const info = await statFile(this.#dataPath(key));
    return info ? this.#describe(key, info) : null;
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    const file = this.#dataPath(key);
    const info = await statFile(file);
    if (!info) return; // missing, or a folder holding other keys: nothing to delete
    await unlinkIfPresent(file);
    await unlinkIfPresent(this.#metaPath(key));
    await this.#pruneEmptyFolders(path.dirname(file), this.dir);
    await this.#pruneEmptyFolders(path.dirname(this.#metaPath(key)), path.join(this.dir, ".meta"));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertDeletablePrefix(prefix);
    let deleted = 0;
    for await (const object of this.list(prefix)) {
      await this.delete(object.key);
      deleted++;
    }
    return deleted;
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertPrefix(prefix);
    const slash = prefix.lastIndexOf("/");
    yield* this.#walk(slash === -1 ? "" : prefix.slice(0, slash), prefix);
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

  /** Depth-first over `folder` (a key path), yielding keys in the same byte order S3 lists them. */
  async *#walk(folder: string, prefix: string): AsyncGenerator<StoredObject> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(path.join(this.dir, folder), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    // Sorting folders as "name/" puts "a.txt" before "a/b" (. < /), matching whole-key order.
    const children = entries
      .filter((entry) => !entry.name.startsWith(".") && (entry.isFile() || entry.isDirectory()))
      .map((entry) => ({ name: entry.name, isFolder: entry.isDirectory(), sortKey: entry.isDirectory() ? `${entry.name}/` : entry.name }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const child of children) {
      const key = folder ? `${folder}/${child.name}` : child.name;
      if (child.isFolder) {
        const asFolder = `${key}/`;
        if (asFolder.startsWith(prefix) || prefix.startsWith(asFolder)) yield* this.#walk(key, prefix);
      } else if (key.startsWith(prefix) && isValidKey(key)) {
        const info = await statFile(path.join(this.dir, key));
        if (info) yield { key, bytes: info.size, contentType: contentTypeFromKey(key), lastModified: info.mtime };
      }
    }
  }

  async #describe(key: string, info: { size: number; mtimeMs: number; mtime: Date }): Promise<StoredObject> {
    const sidecar = await this.#readSidecar(key);
    if (sidecar && sidecar.bytes === info.size) {
      return { key, bytes: info.size, contentType: sidecar.contentType, etag: sidecar.etag, lastModified: info.mtime };
    }
    const etag = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
    return { key, bytes: info.size, contentType: contentTypeFromKey(key), etag, lastModified: info.mtime };
  }

  async #readSidecar(key: string): Promise<Sidecar | null> {
    try {
      const value = JSON.parse(await readFile(this.#metaPath(key), "utf8")) as Partial<Sidecar>;
      if (typeof value.contentType === "string" && typeof value.etag === "string" && typeof value.bytes === "number") {
        return value as Sidecar;
      }
      return null;
    } catch {
      return null; // missing or unreadable: fall back to what the file itself says
    }
  }

  /** Renames into place, re-creating the parent if a concurrent delete pruned it meanwhile. */
  async #moveInto(from: string, to: string, key: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(path.dirname(to), { recursive: true });
        await rename(from, to);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" && attempt < 3) continue;
        if (code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR") {
          throw new Error(`Cannot store ${JSON.stringify(key)}: a part of its path is already used by another object or folder`, {
            cause: error,
          });
        }
        throw error;
      }
    }
  }

  async #pruneEmptyFolders(folder: string, stopAt: string): Promise<void> {
    let current = folder;
    while (current.startsWith(`${stopAt}${path.sep}`)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      current = path.dirname(current);
    }
  }

  #dataPath(key: string): string {
    return path.join(this.dir, key);
  }

  #metaPath(key: string): string {
    return path.join(this.dir, ".meta", `${key}.json`);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

async function statFile(file: string) {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function unlinkIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
