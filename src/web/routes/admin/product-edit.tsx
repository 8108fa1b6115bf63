import clsx from "clsx";
import { ArrowLeft, ExternalLink, Languages, LoaderCircle, MousePointerClick, Plus, Save, Trash2 } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Form, Link, redirect, useBlocker, useFetcher, useNavigation } from "react-router";
import { slugify } from "../../../platform/text.ts";
import { ProductStatusBadge } from "../../components/admin-catalog/badges.tsx";
import { CategoryOptions } from "../../components/admin-catalog/category-select.tsx";
import { ConfirmDialog } from "../../components/admin-catalog/confirm-dialog.tsx";
import { ChipsInput, Counter, describedBy, Field, Section } from "../../components/admin-catalog/fields.tsx";
import {
  draftFromForm,
  draftFromProduct,
  emptyDraft,
  errorMap,
  inputFromDraft,
  knownMessage,
  type ProductDraft,
  SEO_DESCRIPTION_IDEAL,
  SEO_TITLE_IDEAL,
} from "../../components/admin-catalog/product-form.ts";
import { RichTextEditor } from "../../components/admin-catalog/rich-text.tsx";
import { SeoPreview, textOf } from "../../components/admin-catalog/seo-preview.tsx";
import { SpecsEditor } from "../../components/admin-catalog/specs-editor.tsx";
import { type MediaChoice, VariantsEditor } from "../../components/admin-catalog/variants-editor.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { MediaManager, type MediaManagerItem } from "../../components/media/media-manager.tsx";
import { Notice } from "../../components/notice.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type TFunction, useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { FieldError } from "../../services/catalog-admin.ts";
import type { Route } from "./+types/product-edit";

export async function loader({ context, params, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const app = getApp(context);
  const id = (params as { id?: string }).id;
  const [product, categories, brands] = await Promise.all([
    id ? admin.catalog.products.get(id) : Promise.resolve(null),
    admin.catalog.categories.list({ counts: false }),
    admin.catalog.brands.list({ counts: false }),
  ]);
  if (id && !product) throw new Response("Not found", { status: 404 });
  // the pictures of the product's media, so the editor shows them at once
  const assets = await Promise.all((product?.media ?? []).map((m) => admin.media.get(m.assetId)));
  return {
    product,
    assets,
    categories,
    brands: brands.map((b) => ({ id: b.id, name: b.name })),
    media: admin.media.settings(),
    saved: url.searchParams.get("kaydedildi") === "1",
    publicUrl: app.publicUrl,
  };
}

type SaveResult =
  | { intent: "save"; ok: true }
  | { intent: "save"; ok: false; message: string; errors: FieldError[]; draft: ProductDraft }
  | { intent: "brand"; ok: true; brand: { id: string; name: string } }
  | { intent: "brand" | "delete"; ok: false; message: string };

/** The catalog's field messages in the person's language (unknown ones as they are). */
function wordErrors(t: TFunction, errors: FieldError[]): FieldError[] {
  return errors.map((e) => {
    const known = knownMessage(e.message);
    return { path: e.path, message: known ? t(known.key, { n: known.value ?? "", value: known.value ?? "" }) : e.message };
  });
}

export async function action({ context, params, request }: Route.ActionArgs): Promise<SaveResult> {
  const admin = requirePermission(context, "catalog:write");
  const t = getT(getApp(context).locale);
  const id = (params as { id?: string }).id;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");

  if (intent === "brand") {
    const name = String(form.get("name") ?? "").trim();
    const result = await admin.catalog.brands.create({ name });
    if (result.ok) return { intent: "brand", ok: true, brand: { id: result.brand.id, name: result.brand.name } };
    if (result.code === "brand-exists") {
      const existing = (await admin.catalog.brands.list({ counts: false })).find(
        (b) => b.name.toLocaleLowerCase("tr-TR") === name.toLocaleLowerCase("tr-TR"),
      );
      if (existing) return { intent: "brand", ok: true, brand: { id: existing.id, name: existing.name } };
    }
    return { intent: "brand", ok: false, message: name ? result.message : t("catalogadmin.error.required") };
  }

  if (intent === "delete") {
    if (!id) return { intent: "delete", ok: false, message: "Nothing to delete." };
    const result = await admin.catalog.products.remove(id);
    if (result.ok) throw redirect("/admin/urunler?silindi=1");
    return { intent: "delete", ok: false, message: result.message };
  }

  const draft = draftFromForm(form);
  const { input, errors } = inputFromDraft(draft, { isNew: !id });
  if (errors.length > 0) {
    return {
      intent: "save",
      ok: false,
      draft,
      message: t("catalogadmin.editor.fixErrors", { count: errors.length }),
      errors: errors.map((e) => ({ path: e.path, message: t(e.key, e.params) })),
    };
  }
  const result = id ? await admin.catalog.products.update(id, input) : await admin.catalog.products.create(input);
  if (!result.ok) {
    const worded = wordErrors(t, result.errors);
    return {
      intent: "save",
      ok: false,
      draft,
      message: worded.length > 0 ? t("catalogadmin.editor.fixErrors", { count: worded.length }) : result.message,
      errors: worded,
    };
  }
  if (!id) throw redirect(`/admin/urunler/${result.id}?kaydedildi=1`);
  return { intent: "save", ok: true };
}

export default function ProductEdit({ loaderData, actionData }: Route.ComponentProps) {
  // a saved product comes back with new ids (variants) and a new `updatedAt`: start the form over
  return <Editor key={loaderData.product?.updatedAt ?? "new"} loaderData={loaderData} actionData={actionData as SaveResult | undefined} />;
}

type LoaderData = Route.ComponentProps["loaderData"];

function Editor({ loaderData, actionData }: { loaderData: LoaderData; actionData: SaveResult | undefined }) {
  const { store, permissions } = useRootData();
  const t = useT();
  const uid = useId();
  const { product, assets, categories, brands, media: mediaSettings, saved, publicUrl } = loaderData;
  const isNew = !product;
  const canWrite = permissions.includes("catalog:write");
  const failed = actionData?.intent === "save" && !actionData.ok ? actionData : null;

  const initial = useMemo(() => (product ? draftFromProduct(product) : emptyDraft()), [product]);
  const initialJson = useMemo(() => JSON.stringify(initial), [initial]);
  const [draft, setDraft] = useState<ProductDraft>(() => failed?.draft ?? initial);
  const [slugTouched, setSlugTouched] = useState(!isNew || Boolean(failed?.draft.slug));
  const [mediaItems, setMediaItems] = useState<MediaManagerItem[]>(() =>
    (failed?.draft ?? initial).media.map((m) => ({ ...m, asset: assets.find((a) => a?.id === m.assetId) ?? undefined })),
  );
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const current: ProductDraft = { ...draft, media: mediaItems.map((m) => ({ assetId: m.assetId, alt: m.alt })) };
  const dirty = JSON.stringify(current) !== initialJson;
  const errors = useMemo(() => errorMap(failed?.errors ?? []), [failed]);

  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "save";
  const submitting = useRef(false);
  if (navigation.state === "idle") submitting.current = false;

  // unsaved changes: ask before leaving the page (in the app and for the browser's own navigation)
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !submitting.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (submitting.current) return;
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // after a refused save, take the person to the first field that needs them
  useEffect(() => {
    if (!failed) return;
    const first = document.querySelector<HTMLElement>("#product-form [aria-invalid='true']");
    (first ?? document.getElementById("product-form-errors"))?.focus();
  }, [failed]);

  const brandFetcher = useFetcher<SaveResult>();
  const [newBrand, setNewBrand] = useState<string | null>(null);
  useEffect(() => {
    const data = brandFetcher.data;
    if (data?.intent === "brand" && data.ok) {
      setDraft((d) => ({ ...d, brandId: data.brand.id }));
      setNewBrand(null);
    }
  }, [brandFetcher.data]);
  const createBrand = () => {
    if (newBrand?.trim()) brandFetcher.submit({ intent: "brand", name: newBrand.trim() }, { method: "post" });
  };

  const slug = draft.slug || slugify(draft.title);
  const mediaChoices: MediaChoice[] = mediaItems.flatMap((m, index) =>
    m.asset?.kind === "video"
      ? []
      : [{ index, label: t("catalogadmin.variants.imageN", { n: index + 1 }), thumb: m.asset?.previewUrl ?? null }],
  );
  const title = isNew ? t("catalogadmin.editor.newTitle") : product.title;
  const totalStock = draft.variants.reduce((n, v) => n + (Number.parseInt(v.stock.replace(/\D/g, ""), 10) || 0), 0);

  return (
    <>
      <title>{`${title} | ${store.name}`}</title>
      <Form
        method="post"
        id="product-form"
        noValidate
        onSubmit={() => {
          submitting.current = true;
        }}
        aria-labelledby={`${uid}-title`}
      >
        <input type="hidden" name="intent" value="save" />
        <div className="sticky top-16 z-20 -mx-4 mb-5 border-line border-b bg-page/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
          <div className="flex flex-wrap items-center gap-3">
            <Link
              to="/admin/urunler"
              className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg border border-line bg-surface hover:border-brand hover:text-brand"
            >
              <ArrowLeft aria-hidden="true" className="size-4" />
              <span className="sr-only">{t("catalogadmin.editor.back")}</span>
            </Link>
            <div className="min-w-0 flex-1">
              <h1 id={`${uid}-title`} className="truncate font-bold text-xl tracking-tight sm:text-2xl">
                {title}
              </h1>
              <p className="flex items-center gap-2 text-muted text-xs">
                {!isNew && <ProductStatusBadge status={product.status} />}
                {dirty ? (
                  <span className="font-semibold text-warn" data-testid="unsaved">
                    {t("catalogadmin.editor.unsaved")}
                  </span>
                ) : (
                  !isNew && <span className="hidden sm:inline">{t("catalogadmin.editor.allSaved")}</span>
                )}
              </p>
            </div>
            {!isNew && product.status === "active" && (
              <a
                href={`/urun/${product.slug}`}
                target="_blank"
                rel="noopener"
                className="btn btn-secondary hidden h-10 text-sm sm:inline-flex"
              >
                {t("catalogadmin.editor.viewInStore")}
                <ExternalLink aria-hidden="true" className="size-4" />
              </a>
            )}
            {canWrite && (
              <button type="submit" disabled={saving} className="btn btn-primary h-10 min-w-28 disabled:opacity-70">
                {saving ? (
                  <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
                ) : (
                  <Save aria-hidden="true" className="size-4" />
                )}
                {saving ? t("catalogadmin.editor.saving") : t("catalogadmin.editor.save")}
              </button>
            )}
          </div>
        </div>

        <div className="mb-5 space-y-3 empty:hidden">
          {(saved && !actionData) || (actionData?.intent === "save" && actionData.ok) ? (
            <Notice tone="success">{t("catalogadmin.editor.saved")}</Notice>
          ) : null}
          {failed && (
            <div id="product-form-errors" tabIndex={-1} className="focus:outline-none">
              <Notice tone="error">
                {failed.message}
                {failed.errors.some((e) => !e.path || e.path === "media") && (
                  <ul className="mt-1 list-disc pl-5 font-normal">
                    {failed.errors
                      .filter((e) => !e.path || e.path === "media")
                      .map((e) => (
                        <li key={e.path + e.message}>{e.message}</li>
                      ))}
                  </ul>
                )}
              </Notice>
            </div>
          )}
          {actionData?.intent === "delete" && !actionData.ok && <Notice tone="error">{actionData.message}</Notice>}
        </div>

        <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-5">
            <Section id={`${uid}-basics`} title={t("catalogadmin.editor.basics")}>
              <div className="space-y-4">
                <Field id={`${uid}-name`} label={t("catalogadmin.editor.titleLabel")} error={errors.title}>
                  <input
                    id={`${uid}-name`}
                    name="title"
                    value={draft.title}
                    maxLength={200}
                    required
                    onChange={(e) => {
                      const value = e.target.value;
                      setDraft((d) => ({ ...d, title: value, ...(slugTouched ? {} : { slug: slugify(value) }) }));
                    }}
                    {...describedBy(`${uid}-name`, errors.title)}
                    className="field h-11"
                  />
                </Field>
                <Field
                  id={`${uid}-slug`}
                  label={t("catalogadmin.editor.slug")}
                  error={errors.slug}
                  hint={isNew ? t("catalogadmin.editor.slugHintNew") : t("catalogadmin.editor.slugHint")}
                >
                  <div className="flex">
                    <span className="inline-flex items-center rounded-l-[0.625rem] border border-line-strong border-r-0 bg-surface-2 px-3 text-muted text-sm">
                      /urun/
                    </span>
                    <input
                      id={`${uid}-slug`}
                      name="slug"
                      value={draft.slug}
                      maxLength={160}
                      autoCapitalize="none"
                      spellCheck={false}
                      onChange={(e) => {
                        setSlugTouched(true);
                        set("slug", e.target.value.toLocaleLowerCase("tr-TR").replace(/\s+/g, "-"));
                      }}
                      onBlur={(e) => {
                        if (e.target.value) set("slug", slugify(e.target.value, { maxLength: 160 }));
                      }}
                      {...describedBy(`${uid}-slug`, errors.slug, true)}
                      className="field h-11 rounded-l-none"
                    />
                  </div>
                </Field>
                <Field id={`${uid}-description`} label={t("catalogadmin.editor.description")} error={errors.description}>
                  <RichTextEditor
                    id={`${uid}-description`}
                    name="description"
                    value={draft.description}
                    onChange={(html) => set("description", html)}
                    label={t("catalogadmin.editor.description")}
                    error={errors.description}
                  />
                </Field>
              </div>
            </Section>

            <div className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
              <MediaManager
                name="media"
                value={mediaItems}
                onChange={setMediaItems}
                settings={mediaSettings}
                maxImages={mediaSettings.limits.maxImagesPerProduct}
                maxVideos={mediaSettings.limits.maxVideosPerProduct}
                error={errors.media}
                readOnly={!canWrite}
              />
            </div>
          </div>

          <aside className="min-w-0 space-y-5">
            <Section id={`${uid}-status`} title={t("catalogadmin.editor.statusTitle")}>
              <Field
                id={`${uid}-status-select`}
                label={t("catalogadmin.editor.status")}
                hint={t(`catalogadmin.editor.statusHint.${draft.status}`)}
              >
                <select
                  id={`${uid}-status-select`}
                  name="status"
                  value={draft.status}
                  onChange={(e) => set("status", e.target.value as ProductDraft["status"])}
                  {...describedBy(`${uid}-status-select`, undefined, true)}
                  className={selectClass}
                >
                  <option value="active">{t("catalogadmin.status.active")}</option>
                  <option value="draft">{t("catalogadmin.status.draft")}</option>
                  <option value="archived">{t("catalogadmin.status.archived")}</option>
                </select>
              </Field>
              <label className="mt-4 flex items-start gap-3 rounded-xl border border-line p-3 text-sm">
                <input
                  type="checkbox"
                  name="featured"
                  checked={draft.featured}
                  onChange={(e) => set("featured", e.target.checked)}
                  className="mt-0.5 size-4 accent-[var(--brand)]"
                />
                <span>
                  <span className="block font-semibold">{t("catalogadmin.editor.featured")}</span>
                  <span className="block text-muted text-xs">{t("catalogadmin.editor.featuredHint")}</span>
                </span>
              </label>
            </Section>

            <Section id={`${uid}-kind`} title={t("catalogadmin.editor.kind")}>
              <fieldset>
                <legend className="sr-only">{t("catalogadmin.editor.kind")}</legend>
                <div className="grid grid-cols-2 gap-2">
                  {(["physical", "external"] as const).map((kind) => (
                    <label
                      key={kind}
                      className={clsx(
                        "flex cursor-pointer flex-col rounded-xl border p-3 text-sm has-focus-visible:outline-2 has-focus-visible:outline-[var(--ring)]",
                        draft.kind === kind ? "border-brand bg-brand-soft/50" : "border-line hover:border-line-strong",
                      )}
                    >
                      <input
                        type="radio"
                        name="kind"
                        value={kind}
                        checked={draft.kind === kind}
                        onChange={() => set("kind", kind)}
                        className="sr-only"
                      />
                      <span className="font-semibold">{t(`catalogadmin.kind.${kind}`)}</span>
                      <span className="text-muted text-xs">{t(`catalogadmin.kind.${kind}Hint`)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {draft.kind === "physical" && (
                <div className="mt-4">
                  <Field
                    id={`${uid}-sale-mode`}
                    label={t("catalogadmin.editor.saleMode")}
                    hint={t(`catalogadmin.saleMode.${draft.saleMode}Hint`)}
                  >
                    <select
                      id={`${uid}-sale-mode`}
                      name="saleMode"
                      value={draft.saleMode}
                      onChange={(e) => set("saleMode", e.target.value as ProductDraft["saleMode"])}
                      {...describedBy(`${uid}-sale-mode`, undefined, true)}
                      className="field h-11"
                    >
                      {(["normal", "backorder", "preorder"] as const).map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`catalogadmin.saleMode.${mode}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
              )}
              {draft.kind === "external" && (
                <div className="mt-4 space-y-2">
                  <Field
                    id={`${uid}-external`}
                    label={t("catalogadmin.editor.externalUrl")}
                    error={errors.externalUrl}
                    hint={t("catalogadmin.editor.externalUrlHint")}
                  >
                    <input
                      id={`${uid}-external`}
                      name="externalUrl"
                      type="url"
                      inputMode="url"
                      value={draft.externalUrl}
                      placeholder="https://"
                      maxLength={2000}
                      onChange={(e) => set("externalUrl", e.target.value)}
                      {...describedBy(`${uid}-external`, errors.externalUrl, true)}
                      className="field h-11"
                    />
                  </Field>
                  {!isNew && (
                    <p className="flex items-center gap-2 rounded-lg bg-surface-2 px-3 py-2 text-sm" data-testid="external-clicks">
                      <MousePointerClick aria-hidden="true" className="size-4 text-muted" />
                      {t("catalogadmin.editor.clicks", { count: product.externalClicks })}
                    </p>
                  )}
                </div>
              )}
            </Section>

            <Section id={`${uid}-organise`} title={t("catalogadmin.editor.organise")}>
              <div className="space-y-4">
                <Field id={`${uid}-brand`} label={t("catalogadmin.editor.brand")} error={errors.brandId}>
                  <div className="flex gap-2">
                    <select
                      id={`${uid}-brand`}
                      name="brandId"
                      value={draft.brandId}
                      onChange={(e) => set("brandId", e.target.value)}
                      {...describedBy(`${uid}-brand`, errors.brandId)}
                      className={clsx(selectClass, "min-w-0 flex-1")}
                    >
                      <option value="">{t("catalogadmin.editor.noBrand")}</option>
                      {brands.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name}
                        </option>
                      ))}
                    </select>
                    {canWrite && newBrand === null && (
                      <button
                        type="button"
                        onClick={() => setNewBrand("")}
                        className="btn btn-secondary h-11 shrink-0 px-3"
                        title={t("catalogadmin.editor.newBrand")}
                      >
                        <Plus aria-hidden="true" className="size-4" />
                        <span className="sr-only">{t("catalogadmin.editor.newBrand")}</span>
                      </button>
                    )}
                  </div>
                </Field>
                {newBrand !== null && (
                  <div className="rounded-xl border border-line bg-surface-2/50 p-3">
                    <label htmlFor={`${uid}-new-brand`} className="font-semibold text-sm">
                      {t("catalogadmin.editor.newBrand")}
                    </label>
                    <div className="mt-1.5 flex gap-2">
                      <input
                        id={`${uid}-new-brand`}
                        value={newBrand}
                        maxLength={120}
                        // biome-ignore lint/a11y/noAutofocus: opened on purpose by the person
                        autoFocus
                        onChange={(e) => setNewBrand(e.target.value)}
                        onKeyDown={(e) => {
                          if (e.key === "Enter") {
                            e.preventDefault();
                            createBrand();
                          } else if (e.key === "Escape") setNewBrand(null);
                        }}
                        className="field h-10 min-w-0 flex-1 text-sm"
                      />
                      <button
                        type="button"
                        onClick={createBrand}
                        disabled={brandFetcher.state !== "idle"}
                        className="btn btn-primary h-10 px-3 text-sm"
                      >
                        {t("catalogadmin.add")}
                      </button>
                      <button type="button" onClick={() => setNewBrand(null)} className="btn btn-secondary h-10 px-3 text-sm">
                        {t("catalogadmin.cancel")}
                      </button>
                    </div>
                    {brandFetcher.data?.intent === "brand" && !brandFetcher.data.ok && (
                      <p className="mt-1.5 font-medium text-sale text-xs">{brandFetcher.data.message}</p>
                    )}
                  </div>
                )}
                <Field id={`${uid}-category`} label={t("catalogadmin.editor.category")} error={errors.categoryId}>
                  <select
                    id={`${uid}-category`}
                    name="categoryId"
                    value={draft.categoryId}
                    onChange={(e) => set("categoryId", e.target.value)}
                    {...describedBy(`${uid}-category`, errors.categoryId)}
                    className={selectClass}
                  >
                    <option value="">{t("catalogadmin.editor.noCategory")}</option>
                    <CategoryOptions categories={categories} />
                  </select>
                </Field>
                <Field id={`${uid}-tags`} label={t("catalogadmin.editor.tags")} error={errors.tags}>
                  <ChipsInput
                    id={`${uid}-tags`}
                    name="tags"
                    draftName="tagsDraft"
                    values={draft.tags}
                    onChange={(tags) => set("tags", tags)}
                    placeholder={t("catalogadmin.editor.tagsPlaceholder")}
                    label={t("catalogadmin.editor.tags")}
                    max={30}
                    maxLength={40}
                    error={errors.tags}
                  />
                </Field>
              </div>
            </Section>

            <Section id={`${uid}-tax`} title={t("catalogadmin.editor.tax")}>
              <Field
                id={`${uid}-vat`}
                label={t("catalogadmin.editor.vatRate")}
                hint={t("catalogadmin.editor.vatHint")}
                error={errors.vatRate}
              >
                <select
                  id={`${uid}-vat`}
                  name="vatRate"
                  value={draft.vatRate}
                  onChange={(e) => set("vatRate", e.target.value)}
                  {...describedBy(`${uid}-vat`, errors.vatRate, true)}
                  className={selectClass}
                >
                  <option value="20">{t("catalogadmin.editor.vat20")}</option>
                  <option value="10">{t("catalogadmin.editor.vat10")}</option>
                  <option value="1">{t("catalogadmin.editor.vat1")}</option>
                  <option value="0">{t("catalogadmin.editor.vat0")}</option>
                </select>
              </Field>
            </Section>
          </aside>
        </div>

        <div className="mt-5 space-y-5">
          <Section
            id={`${uid}-variants`}
            title={t("catalogadmin.variants.title")}
            description={t("catalogadmin.variants.description")}
            aside={
              draft.variants.length > 1 ? (
                <span className="rounded-full bg-surface-2 px-2.5 py-1 font-semibold text-muted text-xs tabular-nums">
                  {t("catalogadmin.variants.summary", { count: draft.variants.length, stock: totalStock })}
                </span>
              ) : undefined
            }
          >
            <VariantsEditor
              options={draft.options}
              variants={draft.variants}
              onOptions={(options) => set("options", options)}
              onVariants={(variants) => set("variants", variants)}
              errors={errors}
              media={mediaChoices}
            />
          </Section>

          <div className="grid items-start gap-5 xl:grid-cols-2 [&>*]:min-w-0">
            <Section id={`${uid}-specs`} title={t("catalogadmin.specs.title")} description={t("catalogadmin.specs.description")}>
              <SpecsEditor specs={draft.specs} onChange={(specs) => set("specs", specs)} errors={errors} />
            </Section>

            <Section id={`${uid}-seo`} title={t("catalogadmin.seo.title")} description={t("catalogadmin.seo.description")}>
              <SeoPreview
                siteName={store.name}
                url={`${publicUrl}/urun/${slug || "…"}`}
                title={draft.seoTitle || `${draft.title || t("catalogadmin.editor.newTitle")} | ${store.name}`}
                description={draft.seoDescription || textOf(draft.description)}
              />
              <div className="mt-4 space-y-4">
                <Field
                  id={`${uid}-seo-title`}
                  label={t("catalogadmin.seo.metaTitle")}
                  error={errors.seoTitle}
                  hint={t("catalogadmin.seo.metaTitleHint")}
                  labelAside={<Counter length={draft.seoTitle.length} ideal={SEO_TITLE_IDEAL} />}
                >
                  <input
                    id={`${uid}-seo-title`}
                    name="seoTitle"
                    value={draft.seoTitle}
                    maxLength={120}
                    placeholder={`${draft.title} | ${store.name}`}
                    onChange={(e) => set("seoTitle", e.target.value)}
                    {...describedBy(`${uid}-seo-title`, errors.seoTitle, true)}
                    className="field h-11"
                  />
                </Field>
                <Field
                  id={`${uid}-seo-description`}
                  label={t("catalogadmin.seo.metaDescription")}
                  error={errors.seoDescription}
                  hint={t("catalogadmin.seo.metaDescriptionHint")}
                  labelAside={<Counter length={draft.seoDescription.length} ideal={SEO_DESCRIPTION_IDEAL} />}
                >
                  <textarea
                    id={`${uid}-seo-description`}
                    name="seoDescription"
                    value={draft.seoDescription}
                    maxLength={320}
                    rows={3}
                    onChange={(e) => set("seoDescription", e.target.value)}
                    {...describedBy(`${uid}-seo-description`, errors.seoDescription, true)}
                    className="field"
                  />
                </Field>
              </div>
            </Section>
          </div>
          <details
            className="group rounded-2xl border border-line bg-surface"
            open={Boolean(draft.en.title || errors["translations.en.title"])}
          >
            <summary className="flex cursor-pointer list-none items-center gap-3 p-5 sm:p-6 [&::-webkit-details-marker]:hidden">
              <Languages aria-hidden="true" className="size-5 text-muted" />
              <span className="flex-1">
                <span className="block font-semibold">{t("catalogadmin.editor.english")}</span>
                <span className="block text-muted text-sm">{t("catalogadmin.editor.englishHint")}</span>
              </span>
              <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-90">
                ›
              </span>
            </summary>
            <div className="space-y-4 border-line border-t p-5 sm:p-6">
              <Field id={`${uid}-en-title`} label={t("catalogadmin.editor.titleEn")} error={errors["translations.en.title"]}>
                <input
                  id={`${uid}-en-title`}
                  name="en.title"
                  lang="en"
                  value={draft.en.title}
                  maxLength={200}
                  onChange={(e) => set("en", { ...draft.en, title: e.target.value })}
                  {...describedBy(`${uid}-en-title`, errors["translations.en.title"])}
                  className="field h-11"
                />
              </Field>
              <Field
                id={`${uid}-en-description`}
                label={t("catalogadmin.editor.descriptionEn")}
                error={errors["translations.en.description"]}
              >
                <RichTextEditor
                  id={`${uid}-en-description`}
                  name="en.description"
                  value={draft.en.description}
                  onChange={(html) => set("en", { ...draft.en, description: html })}
                  label={t("catalogadmin.editor.descriptionEn")}
                  minHeight="8rem"
                />
              </Field>
            </div>
          </details>
        </div>
      </Form>

      {!isNew && canWrite && (
        <details className="mt-8 rounded-2xl border border-sale/30 bg-surface">
          <summary className="cursor-pointer list-none p-5 font-semibold text-sale sm:p-6 [&::-webkit-details-marker]:hidden">
            {t("catalogadmin.editor.deleteTitle")}
          </summary>
          <Form
            method="post"
            className="space-y-3 border-line border-t p-5 sm:p-6"
            onSubmit={() => {
              submitting.current = true;
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <p className="text-muted text-sm">{t("catalogadmin.editor.deleteText")}</p>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" required className="size-4 accent-[var(--sale)]" />
              {t("catalogadmin.editor.deleteConfirm", { title: product.title })}
            </label>
            <button type="submit" className="btn h-10 bg-sale-badge text-sm text-white hover:brightness-110">
              <Trash2 aria-hidden="true" className="size-4" />
              {t("catalogadmin.editor.delete")}
            </button>
          </Form>
        </details>
      )}

      <ConfirmDialog
        open={blocker.state === "blocked"}
        title={t("catalogadmin.editor.leaveTitle")}
        confirmLabel={t("catalogadmin.editor.leave")}
        danger
        onCancel={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        {t("catalogadmin.editor.leaveText")}
      </ConfirmDialog>
    </>
  );
}
