import { Pencil, Search, Tags } from "lucide-react";
import { useId, useState } from "react";
import { Form, Link, useNavigation, useSearchParams } from "react-router";
import {
  ActionNotice,
  DeleteConfirmDialog,
  DeleteForm,
  type PendingDelete,
  readActionForm,
} from "../../components/admin-catalog/page-actions.tsx";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type TFunction } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { CatalogResult } from "../../services/catalog-admin.ts";
import type { Route } from "./+types/brands";

export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 120);
  const all = await admin.catalog.brands.list();
  const needle = q.toLocaleLowerCase("tr-TR");
  return { brands: q ? all.filter((b) => b.name.toLocaleLowerCase("tr-TR").includes(needle)) : all, total: all.length, q };
}

type ActionResult = {
  intent: string;
  ok: boolean;
  message?: string;
  name?: string;
  target?: string;
  fields?: { name: string; slug: string };
};

function refusal(t: TFunction, result: Extract<CatalogResult, { ok: false }>): string {
  switch (result.code) {
    case "brand-exists":
      return t("catalogadmin.brands.exists");
    case "brand-has-products":
      return t("catalogadmin.brands.hasProducts");
    case "slug-taken":
      return t("catalogadmin.error.slugTaken");
    case "not-found":
      return t("catalogadmin.notFound");
    default:
      return result.errors[0]?.message ?? result.message;
  }
}

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "catalog:write");
  const t = getT(getApp(context).locale);
  const { intent, text, id } = await readActionForm(request);
  const fields = { name: text("name"), slug: text("slug") };
  const done = (result: CatalogResult<object>): ActionResult =>
    result.ok
      ? { intent, ok: true, name: fields.name, target: id }
      : { intent, ok: false, message: refusal(t, result), target: id || "new", fields };
  if ((intent === "create" || intent === "update") && !fields.name)
    return { intent, ok: false, message: t("catalogadmin.brands.nameRequired"), target: id || "new", fields };
  switch (intent) {
    case "create":
      return done(await admin.catalog.brands.create({ name: fields.name, slug: fields.slug || undefined }));
    case "update":
      return done(await admin.catalog.brands.update(id, { name: fields.name, ...(fields.slug ? { slug: fields.slug } : {}) }));
    case "delete":
      return done(await admin.catalog.brands.remove(id));
  }
  return { intent, ok: false, message: `Unknown action "${intent}".` };
}

export default function Brands({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { brands, total, q } = loaderData;
  const canWrite = permissions.includes("catalog:write");
  const result = actionData as ActionResult | undefined;
  const busy = useNavigation().state !== "idle";
  const uid = useId();
  const [params] = useSearchParams();
  const editing = result?.ok && result.intent === "update" ? null : params.get("duzenle");
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const newValues = result && !result.ok && result.target === "new" ? result.fields : undefined;

  return (
    <>
      <title>{`${t("catalogadmin.brands.title")} | ${store.name}`}</title>
      <PageHeader title={t("catalogadmin.brands.title")} subtitle={t("catalogadmin.brands.subtitle")}>
        <p className="text-muted text-sm">{t("catalogadmin.brands.count", { count: total })}</p>
      </PageHeader>

      <ActionNotice
        result={result}
        success={(r) =>
          r.intent === "create"
            ? t("catalogadmin.brands.created", { name: r.name ?? "" })
            : r.intent === "delete"
              ? t("catalogadmin.brands.deleted")
              : t("catalogadmin.saved")
        }
      />

      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby={`${uid}-list`} className="overflow-hidden rounded-2xl border border-line bg-surface">
          <div className="flex flex-wrap items-center justify-between gap-3 border-line border-b px-5 py-3">
            <h2 id={`${uid}-list`} className="font-semibold">
              {t("catalogadmin.brands.list")}
            </h2>
            <Form method="get" role="search" className="relative w-full sm:w-64">
              <label htmlFor={`${uid}-q`} className="sr-only">
                {t("catalogadmin.brands.search")}
              </label>
              <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
              <input
                id={`${uid}-q`}
                name="q"
                type="search"
                defaultValue={q}
                placeholder={t("catalogadmin.brands.search")}
                className="field h-10 pl-9 text-sm"
              />
            </Form>
          </div>
          {brands.length === 0 ? (
            <div className="p-5">
              <EmptyState icon={Tags}>{q ? t("catalogadmin.brands.noMatch") : t("catalogadmin.brands.none")}</EmptyState>
            </div>
          ) : (
            <table className="w-full text-left text-sm" data-testid="brand-table">
              <thead className="border-line border-b text-muted text-xs uppercase tracking-wider">
                <tr>
                  <th scope="col" className="px-5 py-3 font-semibold">
                    {t("catalogadmin.brands.name")}
                  </th>
                  <th scope="col" className="w-32 px-4 py-3 text-right font-semibold">
                    {t("catalogadmin.brands.products")}
                  </th>
                  <th scope="col" className="hidden w-44 px-4 py-3 font-semibold lg:table-cell">
                    {t("catalogadmin.brands.addedAt")}
                  </th>
                  {canWrite && (
                    <th scope="col" className="w-24 px-4 py-3">
                      <span className="sr-only">{t("catalogadmin.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {brands.map((b) =>
                  editing === b.id && canWrite ? (
                    <tr key={b.id} className="bg-surface-2/40">
                      <td colSpan={4} className="px-5 py-4">
                        <Form
                          method="post"
                          preventScrollReset
                          className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
                        >
                          <input type="hidden" name="intent" value="update" />
                          <input type="hidden" name="id" value={b.id} />
                          <div>
                            <label htmlFor={`${uid}-${b.id}-name`} className="mb-1 block font-semibold text-sm">
                              {t("catalogadmin.brands.name")}
                            </label>
                            <input
                              id={`${uid}-${b.id}-name`}
                              name="name"
                              required
                              maxLength={120}
                              defaultValue={result?.target === b.id ? result.fields?.name : b.name}
                              className="field h-10 text-sm"
                            />
                          </div>
                          <div>
                            <label htmlFor={`${uid}-${b.id}-slug`} className="mb-1 block font-semibold text-sm">
                              {t("catalogadmin.brands.slug")}
                            </label>
                            <input
                              id={`${uid}-${b.id}-slug`}
                              name="slug"
                              maxLength={160}
                              autoCapitalize="none"
                              spellCheck={false}
                              defaultValue={result?.target === b.id ? result.fields?.slug : b.slug}
                              className="field h-10 text-sm"
                            />
                          </div>
                          <div className="flex gap-2">
                            <button type="submit" disabled={busy} className="btn btn-primary h-10 text-sm">
                              {t("catalogadmin.save")}
                            </button>
                            <Link to="." preventScrollReset className="btn btn-secondary h-10 text-sm">
                              {t("catalogadmin.cancel")}
                            </Link>
                          </div>
                        </Form>
                      </td>
                    </tr>
                  ) : (
                    <tr key={b.id} className="hover:bg-surface-2/50">
                      <td className="max-w-0 px-5 py-3">
                        <span className="block truncate font-semibold">{b.name}</span>
                        <span className="block truncate text-muted text-xs">{b.slug}</span>
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {b.productCount > 0 ? (
                          <Link to={`/admin/urunler?marka=${b.id}`} className="font-semibold text-brand hover:underline">
                            {b.productCount.toLocaleString(locale === "en" ? "en-GB" : "tr-TR")}
                          </Link>
                        ) : (
                          <span className="text-muted">0</span>
                        )}
                      </td>
                      <td className="hidden whitespace-nowrap px-4 py-3 text-muted tabular-nums lg:table-cell">
                        {formatDateTime(b.createdAt, locale)}
                      </td>
                      {canWrite && (
                        <td className="px-4 py-2">
                          <div className="flex justify-end gap-0.5">
                            <Link
                              to={`?duzenle=${b.id}`}
                              preventScrollReset
                              title={t("catalogadmin.editName", { name: b.name })}
                              className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
                            >
                              <Pencil aria-hidden="true" className="size-4" />
                              <span className="sr-only">{t("catalogadmin.editName", { name: b.name })}</span>
                            </Link>
                            <DeleteForm id={b.id} name={b.name} busy={busy} onDelete={(form, name) => setPendingDelete({ form, name })} />
                          </div>
                        </td>
                      )}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
        </section>

        {canWrite && (
          <section aria-labelledby={`${uid}-new`} className="rounded-2xl border border-line bg-surface p-5 xl:sticky xl:top-24">
            <h2 id={`${uid}-new`} className="mb-4 flex items-center gap-2 font-semibold">
              <Tags aria-hidden="true" className="size-5 text-brand" />
              {t("catalogadmin.brands.new")}
            </h2>
            <Form method="post" className="grid gap-3" key={result?.ok && result.intent === "create" ? result.name : "new"}>
              <input type="hidden" name="intent" value="create" />
              <div>
                <label htmlFor={`${uid}-new-name`} className="mb-1 block font-semibold text-sm">
                  {t("catalogadmin.brands.name")}
                </label>
                <input
                  id={`${uid}-new-name`}
                  name="name"
                  required
                  maxLength={120}
                  defaultValue={newValues?.name}
                  className="field h-10 text-sm"
                />
              </div>
              <div>
                <label htmlFor={`${uid}-new-slug`} className="mb-1 block font-semibold text-sm">
                  {t("catalogadmin.brands.slug")}
                </label>
                <input
                  id={`${uid}-new-slug`}
                  name="slug"
                  maxLength={160}
                  autoCapitalize="none"
                  spellCheck={false}
                  placeholder={t("catalogadmin.categories.slugAuto")}
                  defaultValue={newValues?.slug}
                  className="field h-10 text-sm"
                />
              </div>
              <button type="submit" disabled={busy} className="btn btn-primary h-10 text-sm">
                {t("catalogadmin.brands.add")}
              </button>
            </Form>
          </section>
        )}
      </div>

      <DeleteConfirmDialog
        pending={pendingDelete}
        title={t("catalogadmin.brands.deleteTitle", { name: pendingDelete?.name ?? "" })}
        onClose={() => setPendingDelete(null)}
      >
        {t("catalogadmin.brands.deleteText")}
      </DeleteConfirmDialog>
    </>
  );
}
