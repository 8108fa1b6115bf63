import clsx from "clsx";
import { CircleAlert, CircleCheck, Crop, FileImage, FileVideo, LoaderCircle, Upload, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useLocale, useT } from "../../i18n/index.ts";
import type { MediaAsset, MediaKind, MediaSettings } from "../../services/media.ts";
import { MediaApiError, type UploadHandle, uploadMedia } from "./api.ts";
import { acceptedText, formatBytes, formatPercent, problemMessage } from "./format.ts";

/** What the file picker offers; the server checks the real type from the file's bytes. */
export const IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";
export const VIDEO_ACCEPT = "video/mp4,video/webm,video/quicktime,.mov";

export interface MediaUploaderProps {
  /** Kinds to accept (default both). */
  kinds?: MediaKind[];
  /** Several files at once (default true). */
  multiple?: boolean;
  /** The server's types and limits (`admin.media.settings()`): the hint, and too-large files refused before sending. */
  settings?: Pick<MediaSettings, "accept" | "limits"> | null;
  /** How many more files may be added (e.g. free slots of a product); extra files are refused with a message. */
  maxFiles?: number;
  /** After each successful upload, in the order they finish. */
  onUploaded?: (asset: MediaAsset) => void;
  /** After each file is done, whether it worked or not (refresh the storage bar here). */
  onSettled?: () => void;
  /** Adds a "Crop" button to uploaded images. */
  onCrop?: (asset: MediaAsset) => void;
  disabled?: boolean;
  className?: string;
}

type UploadState = "queued" | "uploading" | "processing" | "done" | "error" | "cancelled";

interface UploadItem {
  key: number;
  file: File;
  state: UploadState;
  progress: number;
  message?: string;
  asset?: MediaAsset;
}

function fileKind(file: File): MediaKind | null {
  if (file.type.startsWith("image/")) return "image";
  if (file.type.startsWith("video/") || /\.(mov|mp4|webm)$/i.test(file.name)) return "video";
  return null;
}

let nextKey = 1;

/**
 * Drag-and-drop zone and file button; uploads files one after another with a progress bar each
 * (XMLHttpRequest upload progress), a Cancel button while queued or sending, and the server's
 * refusal per file in words (what was wrong, what is allowed). Progress and results are announced
 * to screen readers.
 */
export function MediaUploader({
  kinds = ["image", "video"],
  multiple = true,
  settings,
  maxFiles,
  onUploaded,
  onSettled,
  onCrop,
  disabled,
  className,
}: MediaUploaderProps) {
  const t = useT();
  const locale = useLocale();
  const inputRef = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<UploadItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState("");
  const handles = useRef(new Map<number, UploadHandle>());
  const hintId = useId();
  const callbacks = useRef({ onUploaded, onSettled });
  callbacks.current = { onUploaded, onSettled };

  const accept = [kinds.includes("image") ? IMAGE_ACCEPT : "", kinds.includes("video") ? VIDEO_ACCEPT : ""].filter(Boolean).join(",");
  const update = (key: number, patch: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  // one upload at a time, in the order the files were chosen
  const active = items.some((i) => i.state === "uploading" || i.state === "processing");
  const next = items.find((i) => i.state === "queued");
  // biome-ignore lint/correctness/useExhaustiveDependencies: starts the next upload when the previous one ends; the rest only words messages
  useEffect(() => {
    if (active || !next) return;
    const { key, file } = next;
    update(key, { state: "uploading", progress: 0 });
    setAnnouncement(t("media.uploadStarted", { file: file.name }));
    const handle = uploadMedia(file, {
      onProgress: (fraction) => update(key, { progress: fraction, state: fraction >= 1 ? "processing" : "uploading" }),
    });
    handles.current.set(key, handle);
    handle.promise
      .then((asset) => {
        update(key, { state: "done", progress: 1, asset });
        setAnnouncement(t("media.uploadDone", { file: file.name }));
        callbacks.current.onUploaded?.(asset);
      })
      .catch((error: unknown) => {
        const cancelled = error instanceof MediaApiError && error.type === "aborted";
        const message = problemMessage(t, locale, error, { filename: file.name, settings });
        update(key, { state: cancelled ? "cancelled" : "error", message });
        setAnnouncement(cancelled ? t("media.cancelledFile", { file: file.name }) : message);
      })
      .finally(() => {
        handles.current.delete(key);
        callbacks.current.onSettled?.();
      });
  }, [active, next]);

  // abort what is still sending when the uploader goes away
  useEffect(() => {
    const current = handles.current;
    return () => {
      for (const handle of current.values()) handle.abort();
    };
  }, []);

  function add(files: File[]) {
    setNotice("");
    let chosen = multiple ? files : files.slice(0, 1);
    if (maxFiles !== undefined && chosen.length > maxFiles) {
      setNotice(maxFiles <= 0 ? t("media.noMoreFiles") : t("media.tooManyFiles", { count: maxFiles }));
      chosen = chosen.slice(0, Math.max(0, maxFiles));
    }
    const added: UploadItem[] = chosen.map((file) => {
      const kind = fileKind(file);
      const base = { key: nextKey++, file, progress: 0 };
      // refuse early what the server would refuse anyway; the server still checks the bytes
      if (file.type && kind && !kinds.includes(kind))
        return { ...base, state: "error", message: t("media.errorKindNotHere", { file: file.name }) } as UploadItem;
      const limits = settings?.limits;
      const max = limits ? (kind === "video" ? limits.maxVideoBytes : limits.maxImageBytes) : 0;
      if (max > 0 && file.size > max)
        return {
          ...base,
          state: "error",
          message: t("media.errorTooLarge", { file: file.name, max: formatBytes(max, locale) }),
        } as UploadItem;
      return { ...base, state: "queued" } as UploadItem;
    });
    setItems((all) => [...all, ...added]);
  }

  function cancel(item: UploadItem) {
    const handle = handles.current.get(item.key);
    if (handle) handle.abort();
    else update(item.key, { state: "cancelled", message: t("media.cancelled") });
  }

  const finished = items.filter((i) => i.state === "done" || i.state === "error" || i.state === "cancelled");
  const limits = settings?.limits;
  const allowed = [
    kinds.includes("image") &&
      t("media.allowedImages", {
        types: acceptedText(settings, locale, "image"),
        max: limits ? formatBytes(limits.maxImageBytes, locale) : "",
      }),
    kinds.includes("video") &&
      t("media.allowedVideos", {
        types: acceptedText(settings, locale, "video"),
        max: limits ? formatBytes(limits.maxVideoBytes, locale) : "",
      }),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className={className} data-testid="media-uploader">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the button inside does the same by keyboard */}
      <div
        onDragEnter={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = disabled ? "none" : "copy";
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!disabled) add([...event.dataTransfer.files]);
        }}
        className={clsx(
          "flex flex-col items-center justify-center gap-3 rounded-2xl border-2 border-dashed px-4 py-8 text-center transition-colors sm:flex-row sm:text-left",
          dragging ? "border-brand bg-brand-soft" : "border-line-strong bg-surface",
          disabled && "opacity-60",
        )}
      >
        <span
          aria-hidden="true"
          className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft"
        >
          <Upload className="size-5" />
        </span>
        <div className="min-w-0">
          <p className="font-semibold">
            {dragging ? (
              t("media.dropNow")
            ) : (
              <>
                <span className="hidden sm:inline">{t("media.dropHere")}</span>
                <span className="sm:hidden">{t(kinds.includes("video") ? "media.pickFiles" : "media.pickImages")}</span>
              </>
            )}
          </p>
          <p id={hintId} className="mt-0.5 text-muted text-xs">
            {allowed}
          </p>
        </div>
        <button
          type="button"
          disabled={disabled}
          onClick={() => inputRef.current?.click()}
          aria-describedby={hintId}
          className="btn btn-primary h-11 shrink-0 disabled:opacity-60 sm:ml-auto"
        >
          <Upload aria-hidden="true" className="size-4" />
          {t(multiple ? "media.chooseFiles" : "media.chooseFile")}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept={accept}
          multiple={multiple}
          hidden
          data-testid="media-file-input"
          onChange={(event) => {
            add([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = "";
          }}
        />
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {notice && (
        <p role="alert" className="mt-2 flex items-center gap-2 font-medium text-sale text-sm">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          {notice}
        </p>
      )}
      {items.length > 0 && (
        <div className="mt-3">
          <ul className="space-y-2" aria-label={t("media.uploads")}>
            {items.map((item) => {
              const kind = fileKind(item.file);
              const Icon = kind === "video" ? FileVideo : FileImage;
              const sending = item.state === "uploading" || item.state === "processing";
              return (
                <li
                  key={item.key}
                  data-testid="upload-item"
                  data-state={item.state}
                  className={clsx("rounded-xl border bg-surface px-3 py-2.5", item.state === "error" ? "border-sale/40" : "border-line")}
                >
                  <div className="flex items-center gap-3">
                    <Icon aria-hidden="true" className="size-5 shrink-0 text-muted" />
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium text-sm">{item.file.name}</p>
                      <p className="text-muted text-xs tabular-nums">
                        {formatBytes(item.file.size, locale)}
                        {" · "}
                        {item.state === "queued" && t("media.queued")}
                        {item.state === "uploading" && t("media.uploading", { percent: formatPercent(item.progress, locale) })}
                        {item.state === "processing" && t("media.processingUpload")}
                        {item.state === "done" && t("media.uploaded")}
                        {item.state === "cancelled" && t("media.cancelled")}
                        {item.state === "error" && t("media.failed")}
                      </p>
                    </div>
                    {item.state === "done" && <CircleCheck aria-hidden="true" className="size-5 shrink-0 text-ok" />}
                    {item.state === "processing" && <LoaderCircle aria-hidden="true" className="size-5 shrink-0 animate-spin text-muted" />}
                    {item.state === "done" && item.asset?.kind === "image" && onCrop && (
                      <button
                        type="button"
                        onClick={() => item.asset && onCrop(item.asset)}
                        className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-line-strong px-3 font-semibold text-sm hover:border-brand hover:text-brand"
                      >
                        <Crop aria-hidden="true" className="size-4" />
                        {t("media.crop")}
                        <span className="sr-only">: {item.file.name}</span>
                      </button>
                    )}
                    {(item.state === "queued" || sending) && (
                      <button
                        type="button"
                        onClick={() => cancel(item)}
                        className="inline-flex h-9 items-center gap-1.5 rounded-lg px-3 font-semibold text-sale text-sm hover:bg-sale-soft"
                      >
                        <X aria-hidden="true" className="size-4" />
                        {t("media.cancel")}
                        <span className="sr-only">: {item.file.name}</span>
                      </button>
                    )}
                  </div>
                  {sending && (
                    <div
                      role="progressbar"
                      aria-label={t("media.uploadProgress", { file: item.file.name })}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(item.progress * 100)}
                      className="mt-2 h-1.5 overflow-hidden rounded-full bg-surface-2"
                    >
                      <div
                        className={clsx(
                          "h-full rounded-full bg-brand transition-[width] duration-200",
                          item.state === "processing" && "animate-pulse",
                        )}
                        style={{ width: `${Math.round(item.progress * 100)}%` }}
                      />
                    </div>
                  )}
                  {item.state === "error" && item.message && (
                    <p className="mt-2 flex items-start gap-2 text-sale text-sm" data-testid="upload-error">
                      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                      {item.message}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {finished.length > 0 && (
            <button
              type="button"
              onClick={() => setItems((all) => all.filter((i) => !finished.includes(i)))}
              className="mt-2 font-semibold text-muted text-sm hover:text-fg"
            >
              {t("media.clearFinished")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
