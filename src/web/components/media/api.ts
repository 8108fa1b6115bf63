// Browser calls to the media API (/api/admin/media). Same-origin fetches with the session cookie:
// the browser's `Sec-Fetch-Site: same-origin` satisfies the CSRF check (src/server/plugins/csrf.ts).

import type { MediaAsset, MediaCrop, MediaKind, MediaPage, MediaUsage } from "../../services/media.ts";

const BASE = "/api/admin/media";

/** A refusal or failure of the media API: the problem+json body when there was one. */
export class MediaApiError extends Error {
  readonly status: number;
  /** The problem `type` (e.g. `media/too-large`), `network`, `aborted` or `about:blank`. */
  readonly type: string;
  readonly detail: string;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === "string" ? body.detail : typeof body.title === "string" ? body.title : "";
    super(detail || `HTTP ${status}`);
    this.name = "MediaApiError";
    this.status = status;
    this.type = typeof body.type === "string" ? body.type : "about:blank";
    this.detail = detail;
    this.body = body;
  }
}

function parseBody(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new MediaApiError(0, { type: "network" });
  }
  const text = await res.text();
  if (!res.ok) throw new MediaApiError(res.status, parseBody(text));
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface MediaListParams {
  kind?: MediaKind;
  q?: string;
  page?: number;
  perPage?: number;
}

export function fetchMediaList(params: MediaListParams): Promise<Pick<MediaPage, "items" | "total">> {
  const search = new URLSearchParams();
  if (params.kind) search.set("kind", params.kind);
  if (params.q) search.set("q", params.q);
  if (params.page) search.set("page", String(params.page));
  if (params.perPage) search.set("perPage", String(params.perPage));
  const qs = search.toString();
  return call("GET", qs ? `${BASE}?${qs}` : BASE);
}

export const fetchMedia = (id: string) => call<MediaAsset>("GET", `${BASE}/${encodeURIComponent(id)}`);
export const fetchUsage = () => call<MediaUsage>("GET", `${BASE}/usage`);
export const updateAlt = (id: string, alt: string) => call<MediaAsset>("PATCH", `${BASE}/${encodeURIComponent(id)}`, { alt });
export const deleteMedia = (id: string) => call<unknown>("DELETE", `${BASE}/${encodeURIComponent(id)}`);
export const saveRendition = (id: string, preset: string, crop: MediaCrop) =>
  call<MediaAsset>("POST", `${BASE}/${encodeURIComponent(id)}/renditions`, { preset, crop });

export interface UploadHandle {
  promise: Promise<MediaAsset>;
  abort(): void;
}

/**
 * Uploads one file (multipart field `file`) with XMLHttpRequest, which reports upload progress
 * (fetch does not). `onProgress` gets the fraction sent, 0…1.
 */
export function uploadMedia(file: File, options: { alt?: string; onProgress?: (fraction: number) => void } = {}): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<MediaAsset>((resolve, reject) => {
    xhr.open("POST", BASE);
    xhr.responseType = "text";
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as MediaAsset);
      else reject(new MediaApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new MediaApiError(0, { type: "network" }));
    xhr.onabort = () => reject(new MediaApiError(0, { type: "aborted" }));
    const form = new FormData();
    // text fields first: a streaming multipart parser sees them before the file
    if (options.alt) form.append("alt", options.alt);
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
