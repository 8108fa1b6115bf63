import clsx from "clsx";
import { ArrowDown, ArrowUp, FolderPlus, FolderTree, Pencil, Plus } from "lucide-react";
import { useId, useState } from "react";
import { Form, Link, useNavigation, useSearchParams } from "react-router";
import { CategoryOptions } from "../../components/admin-catalog/category-select.tsx";
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
import { getT, type TFunction } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { AdminCategory, CatalogResult } from "../../services/catalog-admin.ts";
import type { Route } from "./+types/categories";

export async function loader({ context }: Route.LoaderArgs) {
  const admin = requirePermission(context, "catalog:read");
  return { categories: await admin.catalog.categories.list() };
}

type ActionResult = { intent: string; ok: boolean; message?: string; name?: string; fields?: Record<string, string>; target?: string };

/** A refusal in the page's words (the service's English detail as a fallback). */
function refusal(t: TFunction, result: Extract<CatalogResult, { ok: false }>): string {
  switch (result.code) {
    case "category-has-children":
      return t("catalogadmin.categories.hasChildren");
    case "category-has-products":
      return t("catalogadmin.categories.hasProducts");
    case "category-cycle":
      return t("catalogadmin.categories.cycle");
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
  const { form, intent, text, id } = await readActionForm(request);
  const done = (result: CatalogResult<object>, name?: string): ActionResult =>
    result.ok
      ? { intent, ok: true, name, target: id }
      : {
          intent,
          ok: false,
          message: refusal(t, result),
          target: id,
          fields: { name: text("name"), nameEn: text("nameEn"), slug: text("slug") },
        };
  switch (intent) {
    case "create": {
      if (!text("name"))
        return { intent, ok: false, message: t("catalogadmin.categories.nameRequired"), target: text("parentId") || "root" };
      const result = await admin.catalog.categories.create({
        name: text("name"),
        nameEn: text("nameEn"),
        slug: text("slug") || undefined,
        parentId: text("parentId") || null,
      });
      return { ...done(result, text("name")), target: text("parentId") || "root" };
    }
    case "update": {
      if (!text("name")) return { intent, ok: false, message: t("catalogadmin.categories.nameRequired"), target: id };
      const parent = text("parentId");
      return done(
        await admin.catalog.categories.update(id, {
          name: text("name"),
          nameEn: text("nameEn"),
          ...(text("slug") ? { slug: text("slug") } : {}),
          ...(form.has("parentId") ? { parentId: parent || null } : {}),
        }),
        text("name"),
      );
    }
    case "up":
    case "down":
      return done(await admin.catalog.categories.move(id, intent));
    case "delete":
      return done(await admin.catalog.categories.remove(id), text("name"));
  }
  return { intent, ok: false, message: `Unknown action "${intent}".` };
}

type Node = AdminCategory & { children: Node[] };

function buildTree(list: AdminCategory[]): Node[] {
  const nodes = new Map(list.map((c) => [c.id, { ...c, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const c of list) {
    const node = nodes.get(c.id) as Node;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Every id below `id`, to keep a category from moving under itself. */
function descendants(list: AdminCategory[], id: string): Set<string> {
  const out = new Set<string>([id]);
  for (const c of list) if (c.parentId && out.has(c.parentId)) out.add(c.id);
  return out;
}

export default function Categories({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { categories } = loaderData;
  const tree = buildTree(categories);
  const canWrite = permissions.includes("catalog:write");
  const result = actionData as ActionResult | undefined;
  const uid = useId();
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);

  const successText = (r: ActionResult) => {
    switch (r.intent) {
      case "create":
        return t("catalogadmin.categories.created", { name: r.name ?? "" });
      case "delete":
        return t("catalogadmin.categories.deleted", { name: r.name ?? "" });
      default:
        return t("catalogadmin.saved");
    }
  };

  return (
    <>
      <title>{`${t("catalogadmin.categories.title")} | ${store.name}`}</title>
      <PageHeader title={t("catalogadmin.categories.title")} subtitle={t("catalogadmin.categories.subtitle")}>
        <p className="text-muted text-sm">{t("catalogadmin.categories.count", { count: categories.length })}</p>
      </PageHeader>

      <ActionNotice result={result} success={successText} />

      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby={`${uid}-tree`} className="overflow-hidden rounded-2xl border border-line bg-surface">
          <h2 id={`${uid}-tree`} className="border-line border-b px-5 py-4 font-semibold">
            {t("catalogadmin.categories.tree")}
          </h2>
          {tree.length === 0 ? (
            <div className="p-5">
              <EmptyState icon={FolderTree}>{t("catalogadmin.categories.none")}</EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-line" data-testid="category-tree">
              {tree.map((node, i) => (
                <CategoryRow
                  key={node.id}
                  node={node}
                  depth={0}
                  first={i === 0}
                  last={i === tree.length - 1}
                  all={categories}
                  canWrite={canWrite}
                  result={result}
                  onDelete={(form, name) => setPendingDelete({ form, name })}
                />
              ))}
            </ul>
          )}
        </section>

        {canWrite && (
          <section aria-labelledby={`${uid}-new`} className="rounded-2xl border border-line bg-surface p-5 xl:sticky xl:top-24">
            <h2 id={`${uid}-new`} className="mb-4 flex items-center gap-2 font-semibold">
              <FolderPlus aria-hidden="true" className="size-5 text-brand" />
              {t("catalogadmin.categories.new")}
            </h2>
            <CategoryForm
              intent="create"
              idPrefix={`${uid}-create`}
              all={categories}
              showParent
              values={result?.intent === "create" && !result.ok && result.target === "root" ? result.fields : undefined}
            />
          </section>
        )}
      </div>

      <DeleteConfirmDialog
        pending={pendingDelete}
        title={t("catalogadmin.categories.deleteTitle", { name: pendingDelete?.name ?? "" })}
        onClose={() => setPendingDelete(null)}
      >
        {t("catalogadmin.categories.deleteText")}
      </DeleteConfirmDialog>
    </>
  );
}

function CategoryRow({
  node,
  depth,
  first,
  last,
  all,
  canWrite,
  result,
  onDelete,
}: {
  node: Node;
  depth: number;
  first: boolean;
  last: boolean;
  all: AdminCategory[];
  canWrite: boolean;
  result: ActionResult | undefined;
  onDelete: (form: FormData, name: string) => void;
}) {
  const { locale } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const uid = useId();
  // ?duzenle=<id> opens a category's edit form, ?alt=<id> the form for a new subcategory (links, so
  // they work without JavaScript); a change that went through closes it
  const [params] = useSearchParams();
  const closed = result?.ok === true && result.target === node.id;
  const open = closed ? null : params.get("duzenle") === node.id ? "edit" : params.get("alt") === node.id ? "child" : null;
  const toggle = (which: "edit" | "child") => (open === which ? "." : `?${which === "edit" ? "duzenle" : "alt"}=${node.id}`);
  const blocked = node.childCount > 0 || node.productCount > 0;
  return (
    <li data-category={node.slug}>
      <div
        className="flex items-start gap-3 py-3 pr-5 pl-[calc(1.25rem+var(--depth)*1rem)] hover:bg-surface-2/50 sm:pl-[calc(1.25rem+var(--depth)*1.5rem)]"
        style={{ "--depth": depth } as React.CSSProperties}
      >
        {depth > 0 && <span aria-hidden="true" className="-ml-3 h-5 w-3 shrink-0 rounded-bl-md border-line-strong border-b-2 border-l-2" />}
        <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-semibold">{node.name}</span>
              {node.nameEn && (
                <span lang="en" className="text-muted text-sm">
                  {node.nameEn}
                </span>
              )}
            </p>
            <p className="truncate text-muted text-xs">
              /kategori/{node.slug}
              {" · "}
              <Link to={`/admin/urunler?kategori=${node.id}`} className="hover:text-brand hover:underline">
                {t("catalogadmin.categories.products", { count: node.productCount })}
              </Link>
              {node.childCount > 0 && <> · {t("catalogadmin.categories.children", { count: node.childCount })}</>}
            </p>
          </div>
          {canWrite && (
            <div className="-ml-2 flex items-center gap-0.5 sm:ml-0">
              <Form method="post" preventScrollReset className="contents">
                <input type="hidden" name="id" value={node.id} />
                <IconButton type="submit" name="intent" value="up" label={t("catalogadmin.moveUp")} disabled={first || busy}>
                  <ArrowUp aria-hidden="true" className="size-4" />
                </IconButton>
                <IconButton type="submit" name="intent" value="down" label={t("catalogadmin.moveDown")} disabled={last || busy}>
                  <ArrowDown aria-hidden="true" className="size-4" />
                </IconButton>
              </Form>
              <Link
                to={toggle("child")}
                preventScrollReset
                aria-expanded={open === "child"}
                className="inline-flex h-9 items-center gap-1 rounded-lg px-2.5 font-medium text-muted text-sm hover:bg-surface-2 hover:text-fg"
              >
                <Plus aria-hidden="true" className="size-4" />
                <span className="hidden sm:inline">{t("catalogadmin.categories.addChild")}</span>
                <span className="sr-only sm:hidden">{t("catalogadmin.categories.addChildTo", { name: node.name })}</span>
              </Link>
              <Link
                to={toggle("edit")}
                preventScrollReset
                aria-expanded={open === "edit"}
                className="inline-flex h-9 items-center gap-1 rounded-lg px-2.5 font-medium text-muted text-sm hover:bg-surface-2 hover:text-fg"
              >
                <Pencil aria-hidden="true" className="size-4" />
                <span className="hidden sm:inline">{t("catalogadmin.edit")}</span>
                <span className="sr-only sm:hidden">{t("catalogadmin.editName", { name: node.name })}</span>
              </Link>
              <DeleteForm
                id={node.id}
                name={node.name}
                busy={busy}
                className="contents"
                blockedTitle={blocked ? t("catalogadmin.categories.deleteBlocked") : undefined}
                onDelete={onDelete}
              />
            </div>
          )}
        </div>
      </div>
      {open && (
        <div
          className={clsx("border-line border-t bg-surface-2/40 px-5 py-4")}
          style={{ paddingLeft: `${1.25 + (depth + (open === "child" ? 1 : 0)) * 1.5}rem` }}
        >
          <p className="mb-3 font-semibold text-sm">
            {open === "child"
              ? t("catalogadmin.categories.newChildOf", { name: node.name })
              : t("catalogadmin.categories.editTitle", { name: node.name })}
          </p>
          {open === "child" ? (
            <CategoryForm
              intent="create"
              idPrefix={`${uid}-child`}
              all={all}
              parentId={node.id}
              cancelable
              values={result && !result.ok && result.target === node.id ? result.fields : undefined}
            />
          ) : (
            <CategoryForm
              intent="update"
              idPrefix={`${uid}-edit`}
              all={all}
              node={node}
              showParent
              cancelable
              values={result && !result.ok && result.target === node.id ? result.fields : undefined}
            />
          )}
        </div>
      )}
      {node.children.length > 0 && (
        <ul className="divide-y divide-line border-line border-t">
          {node.children.map((child, i) => (
            <CategoryRow
              key={child.id}
              node={child}
              depth={depth + 1}
              first={i === 0}
              last={i === node.children.length - 1}
              all={all}
              canWrite={canWrite}
              result={result}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Create (at the top level, or under `parentId`) or edit a category: name, English name, slug and parent. */
function CategoryForm({
  intent,
  idPrefix,
  all,
  node,
  parentId,
  showParent,
  cancelable,
  values,
}: {
  intent: "create" | "update";
  idPrefix: string;
  all: AdminCategory[];
  node?: AdminCategory;
  parentId?: string;
  showParent?: boolean;
  cancelable?: boolean;
  values?: Record<string, string>;
}) {
  const { locale } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const blocked = node ? descendants(all, node.id) : new Set<string>();
  return (
    <Form method="post" preventScrollReset className={clsx("grid gap-3", cancelable && "sm:grid-cols-2")}>
      <input type="hidden" name="intent" value={intent} />
      {node && <input type="hidden" name="id" value={node.id} />}
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <div>
        <label htmlFor={`${idPrefix}-name`} className="mb-1 block font-semibold text-sm">
          {t("catalogadmin.categories.name")}
        </label>
        <input
          id={`${idPrefix}-name`}
          name="name"
          required
          maxLength={120}
          defaultValue={values?.name ?? node?.name ?? ""}
          className="field h-10 text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-en`} className="mb-1 block font-semibold text-sm">
          {t("catalogadmin.categories.nameEn")}
        </label>
        <input
          id={`${idPrefix}-en`}
          name="nameEn"
          lang="en"
          maxLength={120}
          defaultValue={values?.nameEn ?? node?.nameEn ?? ""}
          className="field h-10 text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-slug`} className="mb-1 block font-semibold text-sm">
          {t("catalogadmin.categories.slug")}
        </label>
        <input
          id={`${idPrefix}-slug`}
          name="slug"
          maxLength={160}
          autoCapitalize="none"
          spellCheck={false}
          placeholder={node ? undefined : t("catalogadmin.categories.slugAuto")}
          defaultValue={values?.slug ?? node?.slug ?? ""}
          className="field h-10 text-sm"
        />
      </div>
      {showParent && !parentId && (
        <div>
          <label htmlFor={`${idPrefix}-parent`} className="mb-1 block font-semibold text-sm">
            {t("catalogadmin.categories.parent")}
          </label>
          <select
            id={`${idPrefix}-parent`}
            name="parentId"
            defaultValue={node?.parentId ?? ""}
            className={clsx(selectClass, "h-10 text-sm")}
          >
            <option value="">{t("catalogadmin.categories.topLevel")}</option>
            <CategoryOptions categories={all} exclude={(c) => blocked.has(c.id)} />
          </select>
        </div>
      )}
      <div className={clsx("flex gap-2", cancelable && "sm:col-span-2")}>
        <button type="submit" disabled={busy} className="btn btn-primary h-10 text-sm">
          {intent === "create" ? t("catalogadmin.add") : t("catalogadmin.save")}
        </button>
        {cancelable && (
          <Link to="." preventScrollReset className="btn btn-secondary h-10 text-sm">
            {t("catalogadmin.cancel")}
          </Link>
        )}
      </div>
    </Form>
  );
}
