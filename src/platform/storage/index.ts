import type { Config } from "../config.ts";
import { LocalStorage } from "./local.ts";
import { S3Storage } from "./s3.ts";
import type { Storage } from "./types.ts";

export { InvalidKeyError, isValidKey } from "./keys.ts";
export { LocalStorage } from "./local.ts";
export { contentTypeFromKey } from "./mime.ts";
export { mediaRoutes } from "./routes.ts";
export { S3Storage } from "./s3.ts";
export type { GetOptions, Storage, StoredObject } from "./types.ts";

/**
 * The storage driver the configuration asks for. `mediaBaseUrl` is the app's public origin
 * (e.g. `https://shop.example`, or "" for root-relative URLs): objects are served from
 * `${mediaBaseUrl}/media/<key>` unless S3 has a public URL (bucket website or CDN).
 */
export function createStorage(config: Config["storage"], options: { mediaBaseUrl: string }): Storage {
  const mediaRoute = `${options.mediaBaseUrl.replace(/\/+$/, "")}/media`;
  if (config.driver === "local") return new LocalStorage({ dir: config.dir, publicBaseUrl: mediaRoute });
  return new S3Storage({
    endpoint: config.endpoint,
    region: config.region,
    bucket: config.bucket,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    forcePathStyle: config.forcePathStyle,
    publicBaseUrl: config.publicUrl ?? mediaRoute,
  });
}
