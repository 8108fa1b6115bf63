import clsx from "clsx";
import { Check, CircleAlert, CircleCheck, Copy, KeyRound, LoaderCircle, Plus, TriangleAlert } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { data, Form, useNavigation } from "react-router";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction, useT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { ApiKeyFormError, ApiKeyItem, ApiKeyStatus } from "../../services/api-keys.ts";
import type { Route } from "./+types/api-keys";

export async function loader({ context }: Route.LoaderArgs) {
  const admin = requirePermission(context, "api_keys:manage");
  const [items, grantable] = await Promise.all([admin.apiKeys.list(), admin.apiKeys.grantable()]);
  return { items, grantable };
}

interface ActionResult {
  intent: "create" | "revoke";
  /** The new key, shown once. */
  created?: { name: string; key: string };
  error?: ApiKeyFormError | "notFound";
  revoked?: boolean;
  values?: { name: string; scopes: string[]; expiresOn: string };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requirePermission(context, "api_keys:manage");
  const form = await request.formData();
  if (form.get("intent") === "revoke") {
    const ok = await admin.apiKeys.revoke(String(form.get("id") ?? ""));
    return data<ActionResult>(ok ? { intent: "revoke", revoked: true } : { intent: "revoke", error: "notFound" }, {
      status: ok ? 200 : 404,
    });
  }
  const values = {
    name: String(form.get("name") ?? ""),
    scopes: form.getAll("scopes").map(String),
    expiresOn: String(form.get("expiresOn") ?? ""),
  };
  const result = await admin.apiKeys.create({ ...values, expiresOn: values.expiresOn || null });
  if (!result.ok)
    return data<ActionResult>({ intent: "create", error: result.error, values }, { status: result.error === "forbidden" ? 403 : 400 });
  // no-store: the answer carries the secret
  return data<ActionResult>(
    { intent: "create", created: { name: result.item.name, key: result.key } },
    { headers: { "cache-control": "no-store" } },
  );
}

const ERRORS: Record<ApiKeyFormError | "notFound", MessageKey> = {
  name: "apikeys.errorName",
  scopes: "apikeys.errorScopes",
  expiry: "apikeys.errorExpiry",
  forbidden: "apikeys.errorForbidden",
  notFound: "apikeys.notFound",
};

const GROUPS: Record<string, MessageKey> = {
  dashboard: "apikeys.group.dashboard",
  catalog: "apikeys.group.catalog",
  orders: "apikeys.group.orders",
  customers: "apikeys.group.customers",
  staff: "apikeys.group.staff",
  audit: "apikeys.group.audit",
  mail: "apikeys.group.mail",
  settings: "apikeys.group.settings",
  api_keys: "apikeys.group.api_keys",
};

const ACTIONS: Record<string, MessageKey> = {
  read: "apikeys.perm.read",
  write: "apikeys.perm.write",
  credit: "apikeys.perm.credit",
  delete: "apikeys.perm.delete",
  manage: "apikeys.perm.manage",
};

const STATUS: Record<ApiKeyStatus, { label: MessageKey; className: string }> = {
  active: { label: "apikeys.statusActive", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300" },
  expired: { label: "apikeys.statusExpired", className: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300" },
  revoked: { label: "apikeys.statusRevoked", className: "bg-surface-2 text-muted" },
};

/** `catalog:read` → ["catalog", "read"], grouped by resource in the matrix's order. */
function groupScopes(scopes: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const [group = scope] = scope.split(":");
    groups.set(group, [...(groups.get(group) ?? []), scope]);
  }
  return [...groups];
}

function scopeLabel(t: TFunction, scope: string): string {
  const [group = "", action = ""] = scope.split(":");
  const g = GROUPS[group];
  const a = ACTIONS[action];
  return g && a ? `${t(g)}: ${t(a)}` : scope;
}

function StatusBadge({ status }: { status: ApiKeyStatus }) {
  const t = useT();
  const s = STATUS[status];
  return (
    <span className={clsx("inline-flex items-center rounded-full px-2.5 py-0.5 font-semibold text-xs", s.className)}>{t(s.label)}</span>
  );
}

function CreatedKey({ name, keyValue }: { name: string; keyValue: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(keyValue);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="status"
      className="mb-6 rounded-2xl border border-emerald-300 bg-emerald-50 p-5 outline-none dark:border-emerald-400/30 dark:bg-emerald-400/10"
    >
      <p className="flex items-center gap-2 font-semibold">
        <CircleCheck aria-hidden="true" className="size-5 text-emerald-700 dark:text-emerald-300" />
        {t("apikeys.createdTitle", { name })}
      </p>
      <p className="mt-2 flex gap-2 text-amber-900 text-sm dark:text-amber-300">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {t("apikeys.createdWarning")}
      </p>
      <label htmlFor={inputId} className="sr-only">
        {t("apikeys.keyLabel")}
      </label>
      <div className="mt-3 flex gap-2">
        <input
          id={inputId}
          readOnly
          value={keyValue}
          onFocus={(e) => e.currentTarget.select()}
          className="field font-mono text-sm"
          data-testid="new-api-key"
        />
        <button type="button" onClick={copy} className="btn btn-secondary shrink-0">
          {copied ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
          <span aria-live="polite">{copied ? t("apikeys.copied") : t("apikeys.copy")}</span>
        </button>
      </div>
      <p className="mt-2 text-muted text-xs">{t("apikeys.usage")}</p>
    </div>
  );
}

function RevokeButton({ item }: { item: ApiKeyItem }) {
  const t = useT();
  return (
    <details className="group relative">
      <summary className="inline-flex cursor-pointer list-none items-center whitespace-nowrap rounded-lg px-2.5 py-1.5 font-semibold text-sale text-sm hover:bg-sale-soft [&::-webkit-details-marker]:hidden">
        {t("apikeys.revoke")}
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-72 rounded-xl border border-line bg-surface p-4 text-left shadow-lg">
        <p className="text-sm">{t("apikeys.revokeConfirm", { name: item.name })}</p>
        <Form method="post" className="mt-3 flex justify-end">
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="id" value={item.id} />
          <button type="submit" className="btn bg-sale px-3 py-2 text-sm text-white hover:opacity-90">
            {t("apikeys.revokeYes")}
          </button>
        </Form>
      </div>
    </details>
  );
}

export default function ApiKeysPage({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const { items, grantable } = loaderData;
  const result = actionData as ActionResult | undefined;
  const navigation = useNavigation();
  const creating = navigation.state !== "idle" && navigation.formData?.get("intent") === "create";
  const formError = result?.intent === "create" ? result.error : undefined;
  const values = result?.intent === "create" && result.error ? result.values : undefined;
  const errorId = useId();
  const nameId = useId();
  const expiresId = useId();
  const formKey = result?.created?.key ?? "form";

  return (
    <>
      <title>{`${t("apikeys.title")} | ${store.name}`}</title>
      <PageHeader title={t("apikeys.title")} subtitle={t("apikeys.subtitle")}>
        <p className="text-muted text-sm">{t("apikeys.total", { count: items.length })}</p>
      </PageHeader>

      {result?.created && <CreatedKey name={result.created.name} keyValue={result.created.key} />}
      {result?.intent === "revoke" && (
        <p
          role="status"
          className={clsx(
            "mb-6 flex items-center gap-2 rounded-xl border px-4 py-3 text-sm",
            result.revoked ? "border-line bg-surface" : "border-sale/30 bg-sale-soft text-sale",
          )}
        >
          {result.revoked ? (
            <CircleCheck aria-hidden="true" className="size-4 text-ok" />
          ) : (
            <CircleAlert aria-hidden="true" className="size-4" />
          )}
          {t(result.revoked ? "apikeys.revoked" : "apikeys.notFound")}
        </p>
      )}

      <div className="space-y-6">
        <section aria-label={t("apikeys.title")}>
          {items.length === 0 ? (
            <EmptyState icon={KeyRound}>{t("apikeys.empty")}</EmptyState>
          ) : (
            <div className="rounded-2xl border border-line bg-surface">
              <table className="w-full text-left text-sm">
                <thead className="border-line border-b bg-surface-2 text-muted text-xs uppercase tracking-wider">
                  <tr>
                    <th scope="col" className="rounded-tl-2xl px-4 py-3 font-semibold">
                      {t("apikeys.name")}
                    </th>
                    <th scope="col" className="hidden px-4 py-3 font-semibold lg:table-cell">
                      {t("apikeys.scopes")}
                    </th>
                    <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">
                      {t("apikeys.created")}
                    </th>
                    <th scope="col" className="hidden px-4 py-3 font-semibold sm:table-cell">
                      {t("apikeys.lastUsed")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      {t("apikeys.status")}
                    </th>
                    <th scope="col" className="w-8 rounded-tr-2xl">
                      <span className="sr-only">{t("apikeys.revoke")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {items.map((item) => (
                    <tr key={item.id} className={clsx(item.status !== "active" && "text-muted")} data-testid="api-key-row">
                      <td className="px-4 py-3.5 align-top">
                        <span className="block font-semibold">{item.name}</span>
                        <code className="mt-0.5 block text-muted text-xs">{item.prefix}…</code>
                        <span className="mt-0.5 block text-muted text-xs">
                          {t("apikeys.expires")}: {item.expiresAt ? formatDateTime(item.expiresAt, locale) : t("apikeys.noExpiry")}
                        </span>
                      </td>
                      <td className="hidden px-4 py-3.5 align-top lg:table-cell">
                        <ul className="flex flex-wrap gap-1">
                          {item.scopes.map((scope) => (
                            <li key={scope} title={scope} className="rounded-md bg-surface-2 px-2 py-0.5 text-xs">
                              {scopeLabel(t, scope)}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="hidden whitespace-nowrap px-4 py-3.5 align-top text-muted tabular-nums md:table-cell">
                        {formatDateTime(item.createdAt, locale)}
                      </td>
                      <td className="hidden whitespace-nowrap px-4 py-3.5 align-top text-muted tabular-nums sm:table-cell">
                        {item.lastUsedAt ? formatDateTime(item.lastUsedAt, locale) : t("apikeys.never")}
                      </td>
                      <td className="px-4 py-3.5 align-top">
                        <StatusBadge status={item.status} />
                      </td>
                      <td className="px-2 py-2.5 text-right align-top">{item.status !== "revoked" && <RevokeButton item={item} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby={`${nameId}-title`} className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
          <h2 id={`${nameId}-title`} className="flex items-center gap-2 font-bold text-lg">
            <Plus aria-hidden="true" className="size-5" />
            {t("apikeys.newTitle")}
          </h2>
          <p className="mt-1 text-muted text-sm">{t("apikeys.newHint")}</p>
          <Form key={formKey} method="post" noValidate className="mt-5 space-y-6" aria-describedby={formError ? errorId : undefined}>
            <input type="hidden" name="intent" value="create" />
            {formError && (
              <div
                id={errorId}
                role="alert"
                className="flex gap-2.5 rounded-xl border border-sale/30 bg-sale-soft px-4 py-3 text-sale text-sm"
              >
                <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <p className="font-medium">{t(ERRORS[formError])}</p>
              </div>
            )}
            <div className="grid gap-5 md:grid-cols-2">
              <div>
                <label htmlFor={nameId} className="mb-1.5 block font-semibold text-sm">
                  {t("apikeys.name")}
                </label>
                <input
                  id={nameId}
                  name="name"
                  required
                  maxLength={100}
                  defaultValue={values?.name}
                  placeholder={t("apikeys.namePlaceholder")}
                  aria-invalid={formError === "name" ? true : undefined}
                  className="field"
                />
              </div>
              <div>
                <label htmlFor={expiresId} className="mb-1.5 block font-semibold text-sm">
                  {t("apikeys.expiresOn")}
                </label>
                <input
                  id={expiresId}
                  name="expiresOn"
                  type="date"
                  defaultValue={values?.expiresOn}
                  aria-invalid={formError === "expiry" ? true : undefined}
                  aria-describedby={`${expiresId}-hint`}
                  className="field"
                />
                <p id={`${expiresId}-hint`} className="mt-1 text-muted text-xs">
                  {t("apikeys.expiresHint")}
                </p>
              </div>
            </div>
            <fieldset aria-invalid={formError === "scopes" || formError === "forbidden" ? true : undefined}>
              <legend className="mb-2 font-semibold text-sm">{t("apikeys.scopes")}</legend>
              <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
                {groupScopes(grantable).map(([group, scopes]) => (
                  <div key={group}>
                    <p className="font-medium text-muted text-xs uppercase tracking-wider">{GROUPS[group] ? t(GROUPS[group]) : group}</p>
                    <div className="mt-1 flex flex-col">
                      {scopes.map((scope) => {
                        const action = scope.split(":")[1] ?? scope;
                        return (
                          <label key={scope} className="inline-flex items-center gap-2 py-1 text-sm">
                            <input
                              type="checkbox"
                              name="scopes"
                              value={scope}
                              defaultChecked={values?.scopes.includes(scope)}
                              className="size-4 accent-[var(--brand)]"
                            />
                            {ACTIONS[action] ? t(ACTIONS[action]) : action}
                            <code className="text-muted text-xs">{scope}</code>
                          </label>
                        );
                      })}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" disabled={creating} className="btn btn-primary h-11 w-full sm:w-auto disabled:opacity-70">
              {creating ? (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              ) : (
                <KeyRound aria-hidden="true" className="size-4" />
              )}
              {creating ? t("apikeys.creating") : t("apikeys.create")}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
