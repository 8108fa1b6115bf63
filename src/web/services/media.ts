// The media library in admin: images and videos, their crops (renditions) and storage usage.
// Types only (plus a constant): the server implements MediaAdmin in src/server/web/media.ts and
// passes it through the request context (see ../context.ts). Changes go through the REST API
// (/api/admin/media, see ../components/media/api.ts) from the browser. The shapes are the API's
// own (src/modules/media/contract.ts): dates are ISO strings, sizes bytes, URLs ready to use.

import type { MediaAssetJson, MediaListJson, MediaPresetsJson, MediaUsageJson } from "../../modules/media/contract.ts";

export type MediaAsset = MediaAssetJson;
export type MediaKind = MediaAsset["kind"];
export type MediaStatus = MediaAsset["status"];
export type MediaRendition = MediaAsset["renditions"][number];
export type MediaVariant = MediaRendition["variants"][number];
export type MediaCrop = MediaRendition["crop"];
export type MediaUsage = MediaUsageJson;
export type MediaPage = MediaListJson;
/** Crop presets, image widths, accepted types and limits (MEDIA_* settings). */
export type MediaSettings = MediaPresetsJson;
/** A crop preset of a section (product 1:1, gallery 4:5, home banner 3:1…), from MEDIA_CROP_PRESETS. */
export type MediaPreset = MediaSettings["presets"][number];
export type MediaLimits = MediaSettings["limits"];

/** Who uses an asset, as the API names them when it refuses to delete it (`media/in-use`). */
export interface MediaUsers {
  products: { id: string; title: string }[];
  banners: { id: string; title: string }[];
}

export const MEDIA_PER_PAGE = 24;

export interface MediaListQuery {
  kind?: MediaKind;
  q?: string;
  page: number;
  perPage?: number;
}

export interface MediaAdmin {
  /** Newest first. */
  list(query: MediaListQuery): Promise<MediaPage>;
  get(id: string): Promise<MediaAsset | null>;
  usage(): Promise<MediaUsage>;
  /** Presets, accepted types and limits: for the uploader, the crop dialog and the product editor's MediaManager. */
  settings(): MediaSettings;
}
