import clsx from "clsx";
import { Images, Search } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Form, Link, useRevalidator } from "react-router";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { CropDialog } from "../../components/media/crop-dialog.tsx";
import { MediaDetails } from "../../components/media/media-details.tsx";
import { MediaGrid } from "../../components/media/media-grid.tsx";
import { StorageBar } from "../../components/media/storage-bar.tsx";
import { MediaUploader } from "../../components/media/uploader.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { MEDIA_PER_PAGE, type MediaAsset, type MediaKind } from "../../services/media.ts";
import type { Route } from "./+types/media";

const KINDS: { param: string; kind: MediaKind | undefined; label: MessageKey }[] = [
  { param: "", kind: undefined, label: "media.filterAll" },
  { param: "gorsel", kind: "image", label: "media.images" },
  { param: "video", kind: "video", label: "media.videos" },
];

/** How often the page looks again while a video is being processed. */
const PROCESSING_POLL_MS = 4000;

// URL parameters: ?tur=gorsel|video&q=&sayfa=
export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const params = url.searchParams;
  const kindParam = params.get("tur") ?? "";
  const kind = KINDS.find((k) => k.param === kindParam)?.kind;
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const raw = Number.parseInt(params.get("sayfa") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 100_000) : 1;
  const [list, usage] = await Promise.all([
    admin.media.list({ kind, q: q || undefined, page, perPage: MEDIA_PER_PAGE }),
    admin.media.usage(),
  ]);
  return {
    ...list,
    usage,
    settings: admin.media.settings(),
    canWrite: getApp(context).staff?.permissions.includes("catalog:write") ?? false,
    kind: kind ? kindParam : "",
    q,
    pathname: url.pathname,
    search: url.search,
  };
}

export default function MediaLibrary({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const { items, total, page, perPage, usage, settings, canWrite, kind, q, pathname, search } = loaderData;
  const revalidator = useRevalidator();
  const [selected, setSelected] = useState<MediaAsset | null>(null);
  const [cropping, setCropping] = useState<MediaAsset | null>(null);
  const [notice, setNotice] = useState("");
  const pages = Math.max(1, Math.ceil(total / perPage));
  const filtered = Boolean(kind || q);

  const refresh = useCallback(() => {
    void revalidator.revalidate();
  }, [revalidator]);

  // videos being processed: look again until they are ready
  const processing = items.some((i) => i.status === "processing");
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, PROCESSING_POLL_MS);
    return () => clearInterval(timer);
  }, [processing, revalidator]);

  // keep the open details in step with what the page loaded again
  useEffect(() => {
    setSelected((current) => (current ? (items.find((i) => i.id === current.id) ?? current) : current));
  }, [items]);

  const kindHref = (param: string) => {
    const params = new URLSearchParams();
    if (param) params.set("tur", param);
    if (q) params.set("q", q);
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };

  return (
    <>
      <title>{`${t("media.title")} | ${store.name}`}</title>
      <PageHeader title={t("media.title")} subtitle={t("media.subtitle")}>
        <p className="text-muted text-sm" data-testid="media-total">
          {t("media.total", { count: total })}
        </p>
      </PageHeader>

      <div className={clsx("mb-6 grid gap-4", canWrite && "xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]")}>
        {canWrite && (
          <MediaUploader
            settings={settings}
            onUploaded={(asset) => {
              // a new image goes straight to the crop dialog (unless one is open already)
              if (asset.kind === "image") setCropping((current) => current ?? asset);
            }}
            onSettled={refresh}
            onCrop={setCropping}
            className="order-2 xl:order-1"
          />
        )}
        <StorageBar usage={usage} className="order-1 xl:order-2 xl:self-start" />
      </div>

      <div className="mb-5 flex flex-col gap-3 rounded-2xl border border-line bg-surface p-3 sm:flex-row sm:items-center">
        <nav aria-label={t("media.filterKind")} className="flex gap-1 rounded-xl bg-surface-2 p-1">
          {KINDS.map((k) => (
            <Link
              key={k.param}
              to={kindHref(k.param)}
              aria-current={kind === k.param ? "page" : undefined}
              className={clsx(
                "flex-1 rounded-lg px-3 py-1.5 text-center font-semibold text-sm transition-colors sm:flex-none",
                kind === k.param ? "bg-surface text-fg shadow-card" : "text-muted hover:text-fg",
              )}
            >
              {t(k.label)}
            </Link>
          ))}
        </nav>
        <Form method="get" role="search" className="flex flex-1 gap-2">
          {kind && <input type="hidden" name="tur" value={kind} />}
          <div className="relative flex-1">
            <label htmlFor="media-q" className="sr-only">
              {t("media.searchLabel")}
            </label>
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted" />
            <input
              id="media-q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder={t("media.searchPlaceholder")}
              className="field h-10 pl-10 text-sm"
            />
          </div>
          <button type="submit" className="btn btn-secondary h-10 px-4 text-sm">
            {t("media.search")}
          </button>
        </Form>
      </div>

      {notice && (
        <p role="status" className="mb-4 rounded-xl border border-line bg-surface px-4 py-3 text-sm">
          {notice}
        </p>
      )}

      {items.length === 0 ? (
        <EmptyState icon={Images}>
          {filtered ? t("media.emptyFiltered") : canWrite ? t("media.empty") : t("media.emptyReadOnly")}
          {filtered && (
            <>
              {" "}
              <Link to={pathname} className="link">
                {t("media.clearFilters")}
              </Link>
            </>
          )}
        </EmptyState>
      ) : (
        <MediaGrid
          items={items}
          onActivate={(asset) => {
            setNotice("");
            setSelected(asset);
          }}
        />
      )}
      <Pagination page={page} pages={pages} pathname={pathname} search={search} />

      <MediaDetails
        asset={selected}
        canWrite={canWrite}
        onClose={() => setSelected(null)}
        onChanged={(asset) => {
          setSelected(asset);
          refresh();
        }}
        onDeleted={(id) => {
          const gone = items.find((i) => i.id === id);
          setSelected(null);
          setNotice(t("media.deleted", { file: gone?.filename ?? "" }));
          refresh();
        }}
        onCrop={(asset) => setCropping(asset)}
      />
      <CropDialog
        asset={cropping}
        presets={settings.presets}
        onClose={() => setCropping(null)}
        onSaved={(asset) => {
          setSelected((current) => (current?.id === asset.id ? asset : current));
          refresh();
        }}
      />
    </>
  );
}
