import clsx from "clsx";
import { ChevronLeft, ChevronRight, Images, LoaderCircle, Search } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useLocale, useT } from "../../i18n/index.ts";
import type { MediaAsset, MediaKind } from "../../services/media.ts";
import { Notice } from "../notice.tsx";
import { fetchMediaList } from "./api.ts";
import { problemMessage } from "./format.ts";
import { MediaGrid } from "./media-grid.tsx";
import { Modal } from "./modal.tsx";

const PER_PAGE = 18;

export interface MediaPickerDialogProps {
  open: boolean;
  onClose: () => void;
  /** The chosen assets, in the order they were chosen. */
  onPick: (assets: MediaAsset[]) => void;
  /** Kinds offered (default both); the filter shows only these. */
  kinds?: MediaKind[];
  /** How many may be chosen in total (default 1). */
  max?: number;
  /** Why an asset cannot be chosen given what is chosen so far (e.g. limits per kind), or null. */
  refuse?: (asset: MediaAsset, chosen: MediaAsset[]) => string | null;
  /** Assets already in use by the caller: not offered again. */
  excludeIds?: readonly string[];
  title?: string;
}

/**
 * "Choose from library": the media library in a dialog (filter by kind, search by name, pages),
 * tiles toggle their selection, numbered in the order chosen. Only usable assets (not failed) are
 * offered.
 */
export function MediaPickerDialog({
  open,
  onClose,
  onPick,
  kinds = ["image", "video"],
  max = 1,
  refuse,
  excludeIds,
  title,
}: MediaPickerDialogProps) {
  const t = useT();
  const locale = useLocale();
  const searchId = useId();
  const [kind, setKind] = useState<MediaKind | "">(kinds.length === 1 ? (kinds[0] as MediaKind) : "");
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ items: MediaAsset[]; total: number } | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<MediaAsset[]>([]);
  const [limitNotice, setLimitNotice] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: t and locale only word the error
  useEffect(() => {
    if (!open) {
      setChosen([]);
      setLimitNotice("");
      return;
    }
    let cancelled = false;
    setLoading(true);
    setError("");
    fetchMediaList({ kind: kind || undefined, q: query || undefined, page, perPage: PER_PAGE })
      .then((r) => {
        if (!cancelled) setResult(r);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(problemMessage(t, locale, e));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [open, kind, query, page]);

  const visible = (result?.items ?? []).filter((a) => a.status !== "failed" && !excludeIds?.includes(a.id) && kinds.includes(a.kind));
  const pages = result ? Math.max(1, Math.ceil(result.total / PER_PAGE)) : 1;

  function toggle(asset: MediaAsset) {
    setLimitNotice("");
    if (chosen.some((c) => c.id === asset.id)) {
      setChosen(chosen.filter((c) => c.id !== asset.id));
      return;
    }
    if (chosen.length >= max) {
      setLimitNotice(max === 1 ? t("media.pickOnlyOne") : t("media.pickAtMost", { count: max }));
      return;
    }
    const reason = refuse?.(asset, chosen);
    if (reason) {
      setLimitNotice(reason);
      return;
    }
    setChosen([...chosen, asset]);
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      size="xl"
      testId="media-picker"
      title={title ?? t("media.pickTitle")}
      description={max > 1 ? t("media.pickHintMany", { count: max }) : t("media.pickHintOne")}
      footer={
        <>
          <p className="mr-auto text-muted text-sm" aria-live="polite">
            {t("media.pickChosen", { count: chosen.length })}
          </p>
          <button type="button" onClick={onClose} className="btn btn-secondary h-11">
            {t("media.deleteNo")}
          </button>
          <button
            type="button"
            disabled={chosen.length === 0}
            onClick={() => {
              onPick(chosen);
              onClose();
            }}
            className="btn btn-primary h-11 disabled:opacity-60"
          >
            {t("media.pickAdd", { count: chosen.length })}
          </button>
        </>
      }
    >
      <div className="mb-4 flex flex-col gap-2 sm:flex-row">
        {kinds.length > 1 && (
          <fieldset className="flex gap-1 rounded-xl bg-surface-2 p-1">
            <legend className="sr-only">{t("media.filterKind")}</legend>
            {(["", ...kinds] as const).map((k) => (
              <button
                key={k || "all"}
                type="button"
                aria-pressed={kind === k}
                onClick={() => {
                  setKind(k);
                  setPage(1);
                }}
                className={clsx(
                  "flex-1 rounded-lg px-3 py-1.5 font-semibold text-sm sm:flex-none",
                  kind === k ? "bg-surface text-fg shadow-card" : "text-muted hover:text-fg",
                )}
              >
                {t(k === "" ? "media.filterAll" : k === "image" ? "media.images" : "media.videos")}
              </button>
            ))}
          </fieldset>
        )}
        <form
          className="flex flex-1 gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(q.trim());
            setPage(1);
          }}
        >
          <div className="relative flex-1">
            <label htmlFor={searchId} className="sr-only">
              {t("media.searchLabel")}
            </label>
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted" />
            <input
              id={searchId}
              type="search"
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
              placeholder={t("media.searchPlaceholder")}
              className="field h-10 pl-10 text-sm"
            />
          </div>
          <button type="submit" className="btn btn-secondary h-10 px-4 text-sm">
            {t("media.search")}
          </button>
        </form>
      </div>
      {limitNotice && (
        <div className="mb-3">
          <Notice tone="error">{limitNotice}</Notice>
        </div>
      )}
      {error ? (
        <Notice tone="error">{error}</Notice>
      ) : loading && !result ? (
        <p className="flex items-center gap-2 py-10 text-muted text-sm">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          {t("media.loading")}
        </p>
      ) : visible.length === 0 ? (
        <div className="py-12 text-center text-muted">
          <Images aria-hidden="true" className="mx-auto size-8" />
          <p className="mt-2 text-sm">{query || kind ? t("media.emptyFiltered") : t("media.emptyPicker")}</p>
        </div>
      ) : (
        <div aria-busy={loading}>
          <MediaGrid items={visible} onActivate={toggle} selectedIds={chosen.map((c) => c.id)} className="md:grid-cols-4 xl:grid-cols-6" />
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("listing.pagination")} className="mt-4 flex items-center justify-center gap-3">
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => setPage((p) => p - 1)}
            className="inline-flex size-10 items-center justify-center rounded-lg border border-line hover:border-brand disabled:opacity-40"
          >
            <ChevronLeft aria-hidden="true" className="size-4" />
            <span className="sr-only">{t("listing.previous")}</span>
          </button>
          <span className="text-sm tabular-nums">{t("media.pageOf", { page, pages })}</span>
          <button
            type="button"
            disabled={page >= pages}
            onClick={() => setPage((p) => p + 1)}
            className="inline-flex size-10 items-center justify-center rounded-lg border border-line hover:border-brand disabled:opacity-40"
          >
            <ChevronRight aria-hidden="true" className="size-4" />
            <span className="sr-only">{t("listing.next")}</span>
          </button>
        </nav>
      )}
    </Modal>
  );
}
