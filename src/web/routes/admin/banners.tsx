import clsx from "clsx";
import { ArrowDown, ArrowUp, CalendarRange, Eye, EyeOff, GalleryHorizontal, ImageOff, Link2, Pencil, Plus } from "lucide-react";
import { useId, useState } from "react";
import { Form, Link, useNavigation, useSearchParams } from "react-router";
import { BannerStateBadge } from "../../components/admin-catalog/badges.tsx";
import { BannerImageField } from "../../components/admin-catalog/banner-image.tsx";
import { CategoryOptions } from "../../components/admin-catalog/category-select.tsx";
import { describedBy, Field } from "../../components/admin-catalog/fields.tsx";
import {
  ActionNotice,
  DeleteConfirmDialog,
  DeleteForm,
  type PendingDelete,
  readActionForm,
} from "../../components/admin-catalog/page-actions.tsx";
import { IconButton } from "../../components/admin-catalog/specs-editor.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, intlLocale, type TFunction } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { AdminBanner, BannerInput, CatalogResult, FieldError } from "../../services/catalog-admin.ts";
import type { Route } from "./+types/banners";

/** Turkey keeps UTC+3 all year: a `datetime-local` value is read and shown in that time. */
const TURKEY_OFFSET = "+03:00";
const toIso = (local: string) => (local ? new Date(`${local}:00${TURKEY_OFFSET}`).toISOString() : null);
const toLocal = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 3 * 3_600_000).toISOString().slice(0, 16) : "");

export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const [banners, categories] = await Promise.all([admin.catalog.banners.list(), admin.catalog.categories.list({ counts: false })]);
  const editId = url.searchParams.get("duzenle");
  const fresh = url.searchParams.get("yeni");
  return {
    banners,
    categories,
    media: admin.media.settings(),
    editing: editId ? (banners.find((b) => b.id === editId) ?? null) : null,
    creating: fresh === "kategori" ? ("category" as const) : fresh !== null ? ("home-hero" as const) : null,
  };
}

type Fields = Record<string, string>;
type ActionResult = {
  intent: string;
  ok: boolean;
  message?: string;
  errors?: FieldError[];
  fields?: Fields;
  title?: string;
  target?: string;
};

function refusal(t: TFunction, result: Extract<CatalogResult, { ok: false }>): string {
  if (result.code === "not-found") return t("catalogadmin.notFound");
  return result.errors.length > 0 ? t("catalogadmin.banner.fixErrors") : result.message;
}

/** The service's English field messages in the page's words. */
function fieldMessage(t: TFunction, e: FieldError): string {
  if (/give a title|>=1 character/i.test(e.message)) return t("catalogadmin.error.required");
  if (/choose the category/i.test(e.message)) return t("catalogadmin.banner.chooseCategory");
  if (/end must be after the start/i.test(e.message)) return t("catalogadmin.banner.endBeforeStart");
  if (/site path|http/i.test(e.message)) return t("catalogadmin.banner.badLink");
  if (/not an? image|video/i.test(e.message)) return t("catalogadmin.banner.notImage");
  if (/media library|processed/i.test(e.message)) return t("catalogadmin.banner.badImage");
  return e.message;
}

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "catalog:write");
  const t = getT(getApp(context).locale);
  const { form, intent, text, id } = await readActionForm(request);
  const done = (result: CatalogResult<object>, fields?: Fields): ActionResult =>
    result.ok
      ? { intent, ok: true, title: text("title"), target: id }
      : {
          intent,
          ok: false,
          message: refusal(t, result),
          errors: result.errors.map((e) => ({ path: e.path, message: fieldMessage(t, e) })),
          fields,
          target: id || "new",
        };
  switch (intent) {
    case "create":
    case "update": {
      const fields: Fields = Object.fromEntries(
        ["placement", "categoryId", "title", "subtitle", "titleEn", "subtitleEn", "linkUrl", "assetId", "startsAt", "endsAt"].map((k) => [
          k,
          text(k),
        ]),
      );
      fields.active = form.get("active") === "on" ? "on" : "";
      const input: BannerInput = {
        placement: fields.placement === "category" ? "category" : "home-hero",
        categoryId: fields.placement === "category" ? fields.categoryId || null : null,
        title: fields.title ?? "",
        subtitle: fields.subtitle ?? "",
        titleEn: fields.titleEn ?? "",
        subtitleEn: fields.subtitleEn ?? "",
        linkUrl: fields.linkUrl || null,
        assetId: fields.assetId || null,
        active: fields.active === "on",
        startsAt: toIso(fields.startsAt ?? ""),
        endsAt: toIso(fields.endsAt ?? ""),
      };
      if (!input.title)
        return {
          intent,
          ok: false,
          message: t("catalogadmin.banner.fixErrors"),
          errors: [{ path: "title", message: t("catalogadmin.error.required") }],
          fields,
          target: id || "new",
        };
      return done(intent === "create" ? await admin.catalog.banners.create(input) : await admin.catalog.banners.update(id, input), fields);
    }
    case "up":
    case "down":
      return done(await admin.catalog.banners.move(id, intent));
    case "toggle":
      return done(await admin.catalog.banners.update(id, { active: form.get("active") === "true" }));
    case "delete":
      return done(await admin.catalog.banners.remove(id));
  }
  return { intent, ok: false, message: `Unknown action "${intent}".` };
}

function dateRange(locale: "tr" | "en", startsAt: string | null, endsAt: string | null, t: TFunction): string {
  const fmt = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Istanbul" });
  if (!startsAt && !endsAt) return t("catalogadmin.banner.always");
  if (startsAt && endsAt) return `${fmt.format(new Date(startsAt))} – ${fmt.format(new Date(endsAt))}`;
  if (startsAt) return t("catalogadmin.banner.from", { date: fmt.format(new Date(startsAt)) });
  return t("catalogadmin.banner.until", { date: fmt.format(new Date(endsAt as string)) });
}

export default function Banners({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { banners, categories, media, editing, creating } = loaderData;
  const canWrite = permissions.includes("catalog:write");
  const result = actionData as ActionResult | undefined;
  const uid = useId();
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  // a saved form closes; a refused one stays open with what was typed
  const formOpen = canWrite && (editing || creating) && !(result?.ok && (result.intent === "create" || result.intent === "update"));
  const home = banners.filter((b) => b.placement === "home-hero");
  const byCategory = banners.filter((b) => b.placement === "category");

  const successText = (r: ActionResult) =>
    r.intent === "create"
      ? t("catalogadmin.banner.created", { title: r.title ?? "" })
      : r.intent === "delete"
        ? t("catalogadmin.banner.deleted")
        : t("catalogadmin.saved");

  return (
    <>
      <title>{`${t("catalogadmin.banner.title")} | ${store.name}`}</title>
      <PageHeader title={t("catalogadmin.banner.title")} subtitle={t("catalogadmin.banner.subtitle")}>
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Link to="?yeni=kategori" preventScrollReset className="btn btn-secondary h-11">
              <Plus aria-hidden="true" className="size-4" />
              {t("catalogadmin.banner.newCategory")}
            </Link>
            <Link to="?yeni=slayt" preventScrollReset className="btn btn-primary h-11">
              <Plus aria-hidden="true" className="size-4" />
              {t("catalogadmin.banner.newSlide")}
            </Link>
          </div>
        )}
      </PageHeader>

      <ActionNotice result={result} success={successText} />

      <div className={clsx("grid items-start gap-5", formOpen && "xl:grid-cols-[minmax(0,1fr)_26rem]")}>
        <div className="min-w-0 space-y-5">
          <BannerList
            id={`${uid}-home`}
            title={t("catalogadmin.banner.homeSlides")}
            description={t("catalogadmin.banner.homeSlidesHint")}
            banners={home}
            canWrite={canWrite}
            onDelete={(form, name) => setPendingDelete({ form, name })}
            empty={t("catalogadmin.banner.noSlides")}
          />
          <BannerList
            id={`${uid}-category`}
            title={t("catalogadmin.banner.categoryBanners")}
            description={t("catalogadmin.banner.categoryBannersHint")}
            banners={byCategory}
            canWrite={canWrite}
            onDelete={(form, name) => setPendingDelete({ form, name })}
            empty={t("catalogadmin.banner.noCategoryBanners")}
            showCategory
          />
        </div>
        {formOpen && (
          <BannerForm
            key={editing?.id ?? creating ?? "new"}
            banner={editing}
            placement={editing?.placement ?? creating ?? "home-hero"}
            categories={categories}
            media={media}
            result={result && !result.ok && (result.intent === "create" || result.intent === "update") ? result : undefined}
          />
        )}
      </div>

      <DeleteConfirmDialog
        pending={pendingDelete}
        title={t("catalogadmin.banner.deleteTitle", { title: pendingDelete?.name ?? "" })}
        onClose={() => setPendingDelete(null)}
      >
        {t("catalogadmin.banner.deleteText")}
      </DeleteConfirmDialog>
    </>
  );
}

function BannerList({
  id,
  title,
  description,
  banners,
  canWrite,
  onDelete,
  empty,
  showCategory,
}: {
  id: string;
  title: string;
  description: string;
  banners: AdminBanner[];
  canWrite: boolean;
  onDelete: (form: FormData, title: string) => void;
  empty: string;
  showCategory?: boolean;
}) {
  const { locale } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const [params] = useSearchParams();
  const editingId = params.get("duzenle");
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-2xl border border-line bg-surface">
      <div className="border-line border-b px-5 py-4">
        <h2 id={id} className="font-semibold">
          {title} <span className="font-normal text-muted">({banners.length})</span>
        </h2>
        <p className="text-muted text-sm">{description}</p>
      </div>
      {banners.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={GalleryHorizontal}>{empty}</EmptyState>
        </div>
      ) : (
        <ol className="divide-y divide-line">
          {banners.map((b, i) => {
            const sameGroup = (other: AdminBanner | undefined) => other && other.categoryId === b.categoryId;
            return (
              <li
                key={b.id}
                data-banner={b.title}
                className={clsx("flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:px-5", editingId === b.id && "bg-brand-soft/40")}
              >
                <div className="flex min-w-0 flex-1 items-center gap-4">
                  {b.thumbnail ? (
                    <img
                      src={b.thumbnail}
                      alt=""
                      width={144}
                      height={48}
                      loading="lazy"
                      className="aspect-[3/1] w-32 shrink-0 rounded-lg border border-line bg-surface-2 object-cover sm:w-40"
                    />
                  ) : (
                    <span
                      aria-hidden="true"
                      className="flex aspect-[3/1] w-32 shrink-0 items-center justify-center rounded-lg border border-line border-dashed bg-surface-2 text-muted sm:w-40"
                    >
                      <ImageOff className="size-5" />
                    </span>
                  )}
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="truncate font-semibold">{b.title}</span>
                      <BannerStateBadge active={b.active} live={b.live} startsAt={b.startsAt} endsAt={b.endsAt} />
                    </p>
                    {b.subtitle && <p className="truncate text-muted text-sm">{b.subtitle}</p>}
                    <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-muted text-xs">
                      {showCategory && b.categoryName && <span className="font-semibold text-fg">{b.categoryName}</span>}
                      <span className="inline-flex items-center gap-1">
                        <CalendarRange aria-hidden="true" className="size-3.5" />
                        {dateRange(locale, b.startsAt, b.endsAt, t)}
                      </span>
                      {b.linkUrl && (
                        <span className="inline-flex min-w-0 items-center gap-1">
                          <Link2 aria-hidden="true" className="size-3.5 shrink-0" />
                          <span className="truncate">{b.linkUrl}</span>
                        </span>
                      )}
                    </p>
                  </div>
                </div>
                {canWrite && (
                  <div className="flex shrink-0 items-center gap-0.5 self-end sm:self-auto">
                    <Form method="post" preventScrollReset className="contents">
                      <input type="hidden" name="id" value={b.id} />
                      <IconButton
                        type="submit"
                        name="intent"
                        value="up"
                        label={t("catalogadmin.moveUp")}
                        disabled={busy || !sameGroup(banners[i - 1])}
                      >
                        <ArrowUp aria-hidden="true" className="size-4" />
                      </IconButton>
                      <IconButton
                        type="submit"
                        name="intent"
                        value="down"
                        label={t("catalogadmin.moveDown")}
                        disabled={busy || !sameGroup(banners[i + 1])}
                      >
                        <ArrowDown aria-hidden="true" className="size-4" />
                      </IconButton>
                    </Form>
                    <Form method="post" preventScrollReset className="contents">
                      <input type="hidden" name="intent" value="toggle" />
                      <input type="hidden" name="id" value={b.id} />
                      <input type="hidden" name="active" value={b.active ? "false" : "true"} />
                      <IconButton
                        type="submit"
                        label={b.active ? t("catalogadmin.banner.deactivate") : t("catalogadmin.banner.activate")}
                        disabled={busy}
                      >
                        {b.active ? <EyeOff aria-hidden="true" className="size-4" /> : <Eye aria-hidden="true" className="size-4" />}
                      </IconButton>
                    </Form>
                    <Link
                      to={`?duzenle=${b.id}`}
                      preventScrollReset
                      title={t("catalogadmin.editName", { name: b.title })}
                      className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
                    >
                      <Pencil aria-hidden="true" className="size-4" />
                      <span className="sr-only">{t("catalogadmin.editName", { name: b.title })}</span>
                    </Link>
                    <DeleteForm id={b.id} name={b.title} busy={busy} onDelete={onDelete} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function BannerForm({
  banner,
  placement: initialPlacement,
  categories,
  media,
  result,
}: {
  banner: AdminBanner | null;
  placement: "home-hero" | "category";
  categories: Route.ComponentProps["loaderData"]["categories"];
  media: Route.ComponentProps["loaderData"]["media"];
  result: ActionResult | undefined;
}) {
  const { locale } = useRootData();
  const t = getT(locale);
  const uid = useId();
  const busy = useNavigation().state !== "idle";
  const typed = result?.fields;
  const [placement, setPlacement] = useState<"home-hero" | "category">(
    typed?.placement === "category" ? "category" : typed?.placement === "home-hero" ? "home-hero" : initialPlacement,
  );
  const errors = Object.fromEntries((result?.errors ?? []).map((e) => [e.path.replace(/^translations\.en\./, "en."), e.message]));
  const value = (field: string, fallback: string | null | undefined) => typed?.[field] ?? fallback ?? "";
  const id = (f: string) => `${uid}-${f}`;
  return (
    <section
      aria-labelledby={id("title-h")}
      className="rounded-2xl border border-brand/40 bg-surface p-5 shadow-card xl:sticky xl:top-24"
      data-testid="banner-form"
    >
      <h2 id={id("title-h")} className="mb-4 font-semibold text-lg">
        {banner
          ? t("catalogadmin.banner.editTitle")
          : placement === "category"
            ? t("catalogadmin.banner.newCategory")
            : t("catalogadmin.banner.newSlide")}
      </h2>
      <Form method="post" preventScrollReset className="space-y-4" noValidate>
        <input type="hidden" name="intent" value={banner ? "update" : "create"} />
        {banner && <input type="hidden" name="id" value={banner.id} />}
        <fieldset>
          <legend className="mb-1.5 font-semibold text-sm">{t("catalogadmin.banner.placement")}</legend>
          <div className="grid grid-cols-2 gap-2">
            {(["home-hero", "category"] as const).map((p) => (
              <label
                key={p}
                className={clsx(
                  "flex cursor-pointer items-center gap-2 rounded-xl border p-3 text-sm has-focus-visible:outline-2 has-focus-visible:outline-[var(--ring)]",
                  placement === p ? "border-brand bg-brand-soft/50 font-semibold" : "border-line",
                )}
              >
                <input
                  type="radio"
                  name="placement"
                  value={p}
                  checked={placement === p}
                  onChange={() => setPlacement(p)}
                  className="accent-[var(--brand)]"
                />
                {p === "home-hero" ? t("catalogadmin.banner.placementHome") : t("catalogadmin.banner.placementCategory")}
              </label>
            ))}
          </div>
        </fieldset>
        {placement === "category" && (
          <Field id={id("category")} label={t("catalogadmin.banner.category")} error={errors.categoryId}>
            <select
              id={id("category")}
              name="categoryId"
              defaultValue={value("categoryId", banner?.categoryId)}
              {...describedBy(id("category"), errors.categoryId)}
              className={selectClass}
            >
              <option value="">{t("catalogadmin.banner.chooseCategory")}</option>
              <CategoryOptions categories={categories} />
            </select>
          </Field>
        )}
        <BannerImageField
          key={placement}
          name="assetId"
          initialAssetId={value("assetId", banner?.assetId) || null}
          preset={placement === "category" ? "category-banner" : "home-banner"}
          settings={media}
          error={errors.assetId}
        />
        <Field id={id("title")} label={t("catalogadmin.banner.titleLabel")} error={errors.title}>
          <input
            id={id("title")}
            name="title"
            required
            maxLength={120}
            defaultValue={value("title", banner?.title)}
            {...describedBy(id("title"), errors.title)}
            className="field h-11"
          />
        </Field>
        <Field id={id("subtitle")} label={t("catalogadmin.banner.subtitleLabel")} error={errors.subtitle}>
          <input
            id={id("subtitle")}
            name="subtitle"
            maxLength={240}
            defaultValue={value("subtitle", banner?.subtitle)}
            className="field h-11"
          />
        </Field>
        <Field id={id("link")} label={t("catalogadmin.banner.link")} error={errors.linkUrl} hint={t("catalogadmin.banner.linkHint")}>
          <input
            id={id("link")}
            name="linkUrl"
            maxLength={2000}
            autoCapitalize="none"
            spellCheck={false}
            placeholder="/kategori/…"
            defaultValue={value("linkUrl", banner?.linkUrl)}
            {...describedBy(id("link"), errors.linkUrl, true)}
            className="field h-11"
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("starts")} label={t("catalogadmin.banner.startsAt")} error={errors.startsAt}>
            <input
              id={id("starts")}
              name="startsAt"
              type="datetime-local"
              defaultValue={value("startsAt", toLocal(banner?.startsAt ?? null))}
              className="field h-11"
            />
          </Field>
          <Field id={id("ends")} label={t("catalogadmin.banner.endsAt")} error={errors.endsAt}>
            <input
              id={id("ends")}
              name="endsAt"
              type="datetime-local"
              defaultValue={value("endsAt", toLocal(banner?.endsAt ?? null))}
              {...describedBy(id("ends"), errors.endsAt)}
              className="field h-11"
            />
          </Field>
        </div>
        <p className="-mt-2 text-muted text-xs">{t("catalogadmin.banner.datesHint")}</p>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="active"
            defaultChecked={typed ? typed.active === "on" : (banner?.active ?? true)}
            className="size-4 accent-[var(--brand)]"
          />
          <span className="font-semibold">{t("catalogadmin.banner.active")}</span>
        </label>
        <details className="rounded-xl border border-line" open={Boolean(banner?.titleEn || typed?.titleEn)}>
          <summary className="cursor-pointer px-3 py-2.5 font-semibold text-sm">{t("catalogadmin.banner.english")}</summary>
          <div className="space-y-3 border-line border-t p-3">
            <Field id={id("title-en")} label={t("catalogadmin.banner.titleEn")}>
              <input
                id={id("title-en")}
                name="titleEn"
                lang="en"
                maxLength={120}
                defaultValue={value("titleEn", banner?.titleEn)}
                className="field h-10 text-sm"
              />
            </Field>
            <Field id={id("subtitle-en")} label={t("catalogadmin.banner.subtitleEn")}>
              <input
                id={id("subtitle-en")}
                name="subtitleEn"
                lang="en"
                maxLength={240}
                defaultValue={value("subtitleEn", banner?.subtitleEn)}
                className="field h-10 text-sm"
              />
            </Field>
          </div>
        </details>
        <div className="flex gap-2 pt-1">
          <button type="submit" disabled={busy} className="btn btn-primary h-11 flex-1">
            {banner ? t("catalogadmin.save") : t("catalogadmin.banner.create")}
          </button>
          <Link to="." preventScrollReset className="btn btn-secondary h-11">
            {t("catalogadmin.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
