import clsx from "clsx";
import { ArrowDown, ArrowUp, Eye, EyeOff, Pencil, Plus, Truck, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Form, Link, redirect, useFetcher, useNavigate, useNavigation } from "react-router";
import { parseMoney } from "../../../platform/money.ts";
import { describedBy, Field, MoneyInput } from "../../components/admin-catalog/fields.tsx";
import {
  ActionNotice,
  DeleteConfirmDialog,
  DeleteForm,
  type PendingDelete,
  readActionForm,
} from "../../components/admin-catalog/page-actions.tsx";
import { moneyInput } from "../../components/admin-catalog/product-form.ts";
import { IconButton } from "../../components/admin-catalog/specs-editor.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction, useT } from "../../i18n/index.ts";
import { money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { AdminShippingMethod, CarrierId, CommerceResult, FieldError, ShippingMethodInput } from "../../services/commerce-admin.ts";
import type { Route } from "./+types/shipping";

/** Money typed the Turkish way, or null when empty or unreadable. */
function minorOf(text: string | null): number | null {
  if (!text?.trim()) return null;
  try {
    const minor = parseMoney(text);
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

// URL parameters: ?duzenle=<id> | ?yeni opens the editor; ?onizleme&ucret=&desi=&desiUcret= computes example fees
export async function loader({ context, url }: Route.LoaderArgs) {
  const admin = requirePermission(context, "orders:read");
  const p = url.searchParams;
  if (p.has("onizleme")) {
    // the editor's live example: fees computed on the server, as the cart computes them
    const baseFee = minorOf(p.get("ucret"));
    const baseDesi = Number.parseInt(p.get("desi") ?? "", 10);
    const perDesiFee = minorOf(p.get("desiUcret")) ?? 0;
    const preview =
      baseFee !== null && Number.isInteger(baseDesi) && baseDesi >= 0 && baseDesi <= 1000
        ? admin.commerce.shipping.preview({ baseFee, baseDesi, perDesiFee })
        : null;
    return { methods: [], carriers: [], editing: null, creating: false, preview, saved: null };
  }
  const methods = await admin.commerce.shipping.list();
  const editId = p.get("duzenle");
  return {
    methods,
    carriers: admin.commerce.shipping.carriers(),
    editing: editId ? (methods.find((m) => m.id === editId) ?? null) : null,
    creating: p.has("yeni"),
    preview: null,
    saved: p.get("eklendi")
      ? { created: true, name: p.get("eklendi") as string }
      : p.get("kaydedildi")
        ? { created: false, name: p.get("kaydedildi") as string }
        : null,
  };
}

type Fields = Record<string, string>;
type ActionResult = {
  intent: string;
  ok: boolean;
  message?: string;
  errors?: FieldError[];
  fields?: Fields;
  name?: string;
  target?: string;
};

const MESSAGES: [RegExp, MessageKey][] = [
  [/give a name/i, "commerceadmin.error.required"],
  [/choose a carrier/i, "commerceadmin.shipping.chooseCarrier"],
  [/cannot be negative/i, "commerceadmin.error.money"],
  [/cannot be shorter/i, "commerceadmin.shipping.daysOrder"],
  [/too large|at most/i, "commerceadmin.error.tooLarge"],
  [/whole|give an amount|give a number/i, "commerceadmin.error.wholeNumber"],
];
const fieldMessage = (t: TFunction, e: FieldError) => {
  const known = MESSAGES.find(([re]) => re.test(e.message));
  return known ? t(known[1]) : e.message;
};

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "settings:write");
  const t = getT(getApp(context).locale);
  const { form, intent, text, id } = await readActionForm(request);
  const name = text("name");
  const done = (result: CommerceResult<object>, fields?: Fields): ActionResult =>
    result.ok
      ? { intent, ok: true, name, target: id }
      : {
          intent,
          ok: false,
          message:
            result.code === "not-found"
              ? t("catalogadmin.notFound")
              : result.errors.length > 0
                ? t("commerceadmin.error.fix", { count: result.errors.length })
                : result.message,
          errors: result.errors.map((e) => ({ path: e.path, message: fieldMessage(t, e) })),
          fields,
          target: id || "new",
        };
  switch (intent) {
    case "create":
    case "update": {
      const fields: Fields = Object.fromEntries(
        ["name", "nameEn", "carrier", "baseFee", "baseDesi", "perDesiFee", "freeOver", "minDays", "maxDays"].map((k) => [k, text(k)]),
      );
      fields.active = form.get("active") === "on" ? "on" : "";
      const errors: FieldError[] = [];
      const money = (key: string, required: boolean): number | null => {
        const raw = fields[key] ?? "";
        if (!raw) {
          if (required) errors.push({ path: key, message: t("commerceadmin.error.required") });
          return null;
        }
        const minor = minorOf(raw);
        if (minor === null) errors.push({ path: key, message: t("commerceadmin.error.money") });
        return minor;
      };
      const whole = (key: string, fallback: number): number => {
        const raw = fields[key] ?? "";
        if (!raw) return fallback;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0) errors.push({ path: key, message: t("commerceadmin.error.wholeNumber") });
        return n;
      };
      const input: ShippingMethodInput = {
        name: fields.name ?? "",
        nameEn: fields.nameEn || null,
        carrier: (fields.carrier || "other") as CarrierId,
        baseFee: money("baseFee", true) ?? 0,
        baseDesi: whole("baseDesi", 3),
        perDesiFee: money("perDesiFee", false) ?? 0,
        freeOver: money("freeOver", false),
        minDays: whole("minDays", 1),
        maxDays: whole("maxDays", 3),
        active: fields.active === "on",
      };
      if (!input.name) errors.push({ path: "name", message: t("commerceadmin.error.required") });
      if (errors.length > 0)
        return { intent, ok: false, message: t("commerceadmin.error.fix", { count: errors.length }), errors, fields, target: id || "new" };
      const saved = intent === "create" ? await admin.commerce.shipping.create(input) : await admin.commerce.shipping.update(id, input);
      // saved: back to the list (the editor closes and stays closed)
      if (saved.ok) throw redirect(`/admin/kargo?${intent === "create" ? "eklendi" : "kaydedildi"}=${encodeURIComponent(input.name)}`);
      return done(saved, fields);
    }
    case "up":
    case "down":
      return done(await admin.commerce.shipping.move(id, intent));
    case "toggle":
      return done(await admin.commerce.shipping.update(id, { active: form.get("active") === "true" }));
    case "delete":
      return done(await admin.commerce.shipping.remove(id));
    case "defaults":
      return done(await admin.commerce.shipping.addDefaults());
  }
  return { intent, ok: false, message: `Unknown action "${intent}".` };
}

function daysText(t: TFunction, m: Pick<AdminShippingMethod, "minDays" | "maxDays">) {
  return m.minDays === m.maxDays
    ? t("commerceadmin.shipping.daysOne", { days: m.minDays })
    : t("commerceadmin.shipping.daysRange", { min: m.minDays, max: m.maxDays });
}

function ExampleFees({
  examples,
  fmt,
  t,
  grid,
}: {
  examples: { desi: number; fee: number }[];
  fmt: (minor: number) => string;
  t: TFunction;
  /** Two columns (table cells) instead of one wrapping line. */
  grid?: boolean;
}) {
  return (
    <ul
      className={clsx("text-sm tabular-nums", grid ? "grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5" : "flex flex-wrap gap-x-4 gap-y-1")}
      data-testid="fee-examples"
    >
      {examples.map((e) => (
        <li key={e.desi} className="whitespace-nowrap">
          <span className="text-muted">{t("commerceadmin.shipping.desi", { desi: e.desi })}:</span>{" "}
          <span className="font-semibold">{fmt(e.fee)}</span>
        </li>
      ))}
    </ul>
  );
}

export default function Shipping({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const fmt = (minor: number) => money(minor, store.currency, locale);
  const { methods, carriers, editing, creating, saved } = loaderData;
  const canWrite = permissions.includes("settings:write");
  const busy = useNavigation().state !== "idle";
  const result = actionData as ActionResult | undefined;
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const refusedForm = result && !result.ok && (result.intent === "create" || result.intent === "update") ? result : undefined;
  const formOpen = canWrite && (Boolean(editing) || creating || Boolean(refusedForm));
  const anyActive = methods.some((m) => m.active);

  // (a saved add or edit redirects and is announced from the URL)
  const successText = (r: ActionResult) =>
    r.intent === "delete"
      ? t("commerceadmin.shipping.deleted", { name: r.name ?? "" })
      : r.intent === "defaults"
        ? t("commerceadmin.shipping.defaultsAdded")
        : t("catalogadmin.saved");

  return (
    <>
      <title>{`${t("commerceadmin.shipping.title")} | ${store.name}`}</title>
      <PageHeader title={t("commerceadmin.shipping.title")} subtitle={t("commerceadmin.shipping.subtitle")}>
        {canWrite && (
          <Link to="?yeni" preventScrollReset className="btn btn-primary h-11">
            <Plus aria-hidden="true" className="size-4" />
            {t("commerceadmin.shipping.new")}
          </Link>
        )}
      </PageHeader>

      {saved && !result && (
        <div className="mb-4">
          <Notice tone="success">
            {saved.created ? t("commerceadmin.shipping.created", { name: saved.name }) : t("catalogadmin.saved")}
          </Notice>
        </div>
      )}
      <ActionNotice result={formOpen ? undefined : result} success={successText} />
      {methods.length > 0 && !anyActive && (
        <div className="mb-4">
          <Notice tone="error">{t("commerceadmin.shipping.noneActive")}</Notice>
        </div>
      )}

      {methods.length === 0 ? (
        <div className="space-y-4">
          <EmptyState icon={Truck}>{t("commerceadmin.shipping.empty")}</EmptyState>
          {canWrite && (
            <Form method="post" className="flex justify-center">
              <button type="submit" name="intent" value="defaults" disabled={busy} className="btn btn-secondary h-11">
                {t("commerceadmin.shipping.addDefaults")}
              </button>
            </Form>
          )}
        </div>
      ) : (
        <>
          <ul className="space-y-3 md:hidden">
            {methods.map((m, i) => (
              <li key={m.id} className="rounded-2xl border border-line bg-surface p-4" data-method={m.name}>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="truncate font-semibold">{m.name}</p>
                    <p className="text-muted text-sm">
                      {m.carrierName} · {daysText(t, m)}
                    </p>
                  </div>
                  <ActiveBadge active={m.active} t={t} />
                </div>
                <p className="mt-2 font-medium text-sm">{t("commerceadmin.shipping.feeUpTo", { fee: fmt(m.baseFee), desi: m.baseDesi })}</p>
                {m.perDesiFee > 0 && (
                  <p className="text-muted text-sm">{t("commerceadmin.shipping.perDesi", { fee: fmt(m.perDesiFee) })}</p>
                )}
                {m.freeOver !== null && (
                  <p className="text-ok text-sm">{t("commerceadmin.shipping.freeOver", { amount: fmt(m.freeOver) })}</p>
                )}
                <div className="mt-2">
                  <ExampleFees examples={m.examples} fmt={fmt} t={t} />
                </div>
                {canWrite && (
                  <RowActions method={m} first={i === 0} last={i === methods.length - 1} busy={busy} onDelete={setPendingDelete} t={t} />
                )}
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-2xl border border-line bg-surface md:block">
            <table className="w-full text-left text-sm" data-testid="shipping-table">
              <caption className="sr-only">{t("commerceadmin.shipping.title")}</caption>
              <thead className="border-line border-b bg-surface-2 text-muted text-xs uppercase tracking-wider">
                <tr>
                  <th scope="col" className="px-3 py-3 font-semibold">
                    {t("commerceadmin.shipping.colMethod")}
                  </th>
                  <th scope="col" className="px-3 py-3 font-semibold">
                    {t("commerceadmin.shipping.colFee")}
                  </th>
                  <th scope="col" className="hidden px-3 py-3 font-semibold lg:table-cell">
                    {t("commerceadmin.shipping.colExamples")}
                  </th>
                  <th scope="col" className="px-3 py-3 font-semibold">
                    {t("commerceadmin.shipping.colDays")}
                  </th>
                  <th scope="col" className="px-3 py-3 font-semibold">
                    {t("commerceadmin.coupons.colStatus")}
                  </th>
                  {canWrite && (
                    <th scope="col" className="px-3 py-3">
                      <span className="sr-only">{t("catalogadmin.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {methods.map((m, i) => (
                  <tr key={m.id} data-method={m.name} className={clsx("align-top", editing?.id === m.id && "bg-brand-soft/40")}>
                    <td className="px-3 py-3.5">
                      <p className="whitespace-nowrap font-semibold">{m.name}</p>
                      <p className="text-muted text-xs">
                        {m.carrierName}
                        {m.nameEn && <span lang="en"> · {m.nameEn}</span>}
                      </p>
                    </td>
                    <td className="px-3 py-3.5">
                      <p className="whitespace-nowrap font-medium tabular-nums">
                        {t("commerceadmin.shipping.feeUpTo", { fee: fmt(m.baseFee), desi: m.baseDesi })}
                      </p>
                      {m.perDesiFee > 0 && (
                        <p className="whitespace-nowrap text-muted text-xs">
                          {t("commerceadmin.shipping.perDesi", { fee: fmt(m.perDesiFee) })}
                        </p>
                      )}
                      {m.freeOver !== null && (
                        <p className="whitespace-nowrap text-ok text-xs">
                          {t("commerceadmin.shipping.freeOver", { amount: fmt(m.freeOver) })}
                        </p>
                      )}
                    </td>
                    <td className="hidden px-3 py-3.5 lg:table-cell">
                      <ExampleFees examples={m.examples} fmt={fmt} t={t} grid />
                    </td>
                    <td className="whitespace-nowrap px-3 py-3.5">{daysText(t, m)}</td>
                    <td className="px-3 py-3.5">
                      <ActiveBadge active={m.active} t={t} />
                    </td>
                    {canWrite && (
                      <td className="px-2 py-2">
                        <RowActions
                          method={m}
                          first={i === 0}
                          last={i === methods.length - 1}
                          busy={busy}
                          onDelete={setPendingDelete}
                          t={t}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-muted text-xs">{t("commerceadmin.shipping.desiHint")}</p>
        </>
      )}

      {formOpen && <MethodDialog key={editing?.id ?? "new"} method={editing} carriers={carriers} result={refusedForm} fmt={fmt} />}

      <DeleteConfirmDialog
        pending={pendingDelete}
        title={t("commerceadmin.shipping.deleteTitle", { name: pendingDelete?.name ?? "" })}
        onClose={() => setPendingDelete(null)}
      >
        {t("commerceadmin.shipping.deleteText")}
      </DeleteConfirmDialog>
    </>
  );
}

function ActiveBadge({ active, t }: { active: boolean; t: TFunction }) {
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 font-semibold text-xs",
        active ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300" : "bg-surface-2 text-muted",
      )}
    >
      {active ? t("commerceadmin.shipping.active") : t("commerceadmin.shipping.inactive")}
    </span>
  );
}

function RowActions({
  method: m,
  first,
  last,
  busy,
  onDelete,
  t,
}: {
  method: AdminShippingMethod;
  first: boolean;
  last: boolean;
  busy: boolean;
  onDelete: (pending: PendingDelete) => void;
  t: TFunction;
}) {
  return (
    <div className="mt-2 flex items-center justify-end gap-0.5 md:mt-0">
      <Form method="post" preventScrollReset className="contents">
        <input type="hidden" name="id" value={m.id} />
        <input type="hidden" name="name" value={m.name} />
        <IconButton type="submit" name="intent" value="up" label={t("catalogadmin.moveUp")} disabled={busy || first}>
          <ArrowUp aria-hidden="true" className="size-4" />
        </IconButton>
        <IconButton type="submit" name="intent" value="down" label={t("catalogadmin.moveDown")} disabled={busy || last}>
          <ArrowDown aria-hidden="true" className="size-4" />
        </IconButton>
      </Form>
      <Form method="post" preventScrollReset className="contents">
        <input type="hidden" name="intent" value="toggle" />
        <input type="hidden" name="id" value={m.id} />
        <input type="hidden" name="name" value={m.name} />
        <input type="hidden" name="active" value={m.active ? "false" : "true"} />
        <IconButton
          type="submit"
          label={
            m.active
              ? t("commerceadmin.shipping.deactivateName", { name: m.name })
              : t("commerceadmin.shipping.activateName", { name: m.name })
          }
          disabled={busy}
        >
          {m.active ? <EyeOff aria-hidden="true" className="size-4" /> : <Eye aria-hidden="true" className="size-4" />}
        </IconButton>
      </Form>
      <Link
        to={`?duzenle=${m.id}`}
        preventScrollReset
        title={t("catalogadmin.editName", { name: m.name })}
        className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
      >
        <Pencil aria-hidden="true" className="size-4" />
        <span className="sr-only">{t("catalogadmin.editName", { name: m.name })}</span>
      </Link>
      <DeleteForm id={m.id} name={m.name} busy={busy} onDelete={(form, name) => onDelete({ form, name })} />
    </div>
  );
}

/**
 * The add/edit form as a dialog over the page. It is server-rendered (works without JavaScript:
 * the link that opened it closes it); with JavaScript, Escape closes it too and the example fees
 * follow the prices as they are typed.
 */
function MethodDialog({
  method,
  carriers,
  result,
  fmt,
}: {
  method: AdminShippingMethod | null;
  carriers: { id: CarrierId; name: string }[];
  result: ActionResult | undefined;
  fmt: (minor: number) => string;
}) {
  const t = useT();
  const uid = useId();
  const navigate = useNavigate();
  const busy = useNavigation().state !== "idle";
  const typed = result?.fields;
  const value = (field: string, fallback: string | number | null | undefined) =>
    typed?.[field] ?? (fallback === null || fallback === undefined ? "" : String(fallback));
  const errors = Object.fromEntries((result?.errors ?? []).map((e) => [e.path, e.message]));
  const [baseFee, setBaseFee] = useState(value("baseFee", method ? moneyInput(method.baseFee) : ""));
  const [perDesiFee, setPerDesiFee] = useState(value("perDesiFee", method ? moneyInput(method.perDesiFee) : ""));
  const [freeOver, setFreeOver] = useState(value("freeOver", method?.freeOver != null ? moneyInput(method.freeOver) : ""));
  const [baseDesi, setBaseDesi] = useState(value("baseDesi", method?.baseDesi ?? 3));
  const preview = useFetcher<{ preview: { desi: number; fee: number }[] | null }>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const panel = useRef<HTMLElement>(null);
  const id = (f: string) => `${uid}-${f}`;

  // the example fees follow the prices (computed by the page's loader on the server)
  const loadPreview = preview.load;
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const params = new URLSearchParams({ onizleme: "1", ucret: baseFee, desi: baseDesi, desiUcret: perDesiFee });
      loadPreview(`/admin/kargo?${params}`);
    }, 250);
    return () => clearTimeout(timer.current);
  }, [baseFee, baseDesi, perDesiFee, loadPreview]);

  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") navigate(".", { preventScrollReset: true });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [navigate]);

  const examples = preview.data?.preview ?? (method && !typed ? method.examples : null);
  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-black/60 sm:items-center sm:p-4">
      <section
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id("title")}
        data-testid="shipping-dialog"
        className="max-h-[92dvh] w-full overflow-y-auto rounded-t-2xl border border-line bg-surface shadow-pop sm:max-w-2xl sm:rounded-2xl"
      >
        <div className="sticky top-0 z-10 flex items-center justify-between gap-3 border-line border-b bg-surface px-5 py-4">
          <h2 id={id("title")} className="font-semibold text-lg">
            {method ? t("commerceadmin.shipping.editTitle", { name: method.name }) : t("commerceadmin.shipping.new")}
          </h2>
          <Link
            to="."
            preventScrollReset
            className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
          >
            <X aria-hidden="true" className="size-5" />
            <span className="sr-only">{t("commerceadmin.close")}</span>
          </Link>
        </div>
        <Form method="post" preventScrollReset noValidate className="space-y-4 p-5">
          <input type="hidden" name="intent" value={method ? "update" : "create"} />
          {method && <input type="hidden" name="id" value={method.id} />}
          {result?.message && <Notice tone="error">{result.message}</Notice>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={id("name")} label={t("commerceadmin.shipping.name")} error={errors.name}>
              <input
                id={id("name")}
                name="name"
                required
                maxLength={80}
                defaultValue={value("name", method?.name)}
                placeholder={t("commerceadmin.shipping.namePlaceholder")}
                {...describedBy(id("name"), errors.name)}
                className="field aria-[invalid=true]:border-sale h-11"
              />
            </Field>
            <Field id={id("carrier")} label={t("commerceadmin.shipping.carrier")} error={errors.carrier}>
              <select
                id={id("carrier")}
                name="carrier"
                defaultValue={value("carrier", method?.carrier ?? "yurtici")}
                className={selectClass}
              >
                {carriers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id === "other" ? t("commerceadmin.shipping.otherCarrier") : c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id("name-en")} label={t("commerceadmin.shipping.nameEn")} error={errors.nameEn} className="sm:col-span-2">
              <input
                id={id("name-en")}
                name="nameEn"
                lang="en"
                maxLength={80}
                defaultValue={value("nameEn", method?.nameEn)}
                className="field aria-[invalid=true]:border-sale h-11"
              />
            </Field>
          </div>
          <fieldset className="rounded-xl border border-line p-4">
            <legend className="px-1 font-semibold text-sm">{t("commerceadmin.shipping.pricing")}</legend>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id={id("fee")} label={t("commerceadmin.shipping.baseFee")} error={errors.baseFee}>
                <MoneyInput id={id("fee")} name="baseFee" value={baseFee} onChange={setBaseFee} error={errors.baseFee} />
              </Field>
              <Field id={id("desi")} label={t("commerceadmin.shipping.baseDesi")} error={errors.baseDesi}>
                <input
                  id={id("desi")}
                  name="baseDesi"
                  inputMode="numeric"
                  autoComplete="off"
                  value={baseDesi}
                  onChange={(e) => setBaseDesi(e.target.value)}
                  {...describedBy(id("desi"), errors.baseDesi)}
                  className="field aria-[invalid=true]:border-sale h-10 tabular-nums"
                />
              </Field>
              <Field id={id("per-desi")} label={t("commerceadmin.shipping.perDesiFee")} error={errors.perDesiFee}>
                <MoneyInput id={id("per-desi")} name="perDesiFee" value={perDesiFee} onChange={setPerDesiFee} error={errors.perDesiFee} />
              </Field>
            </div>
            <div className="mt-3 rounded-lg bg-surface-2 px-3 py-2.5" aria-live="polite">
              <p className="mb-1 font-semibold text-muted text-xs uppercase tracking-wider">{t("commerceadmin.shipping.example")}</p>
              {examples ? (
                <ExampleFees examples={examples} fmt={fmt} t={t} />
              ) : (
                <p className="text-muted text-sm">{t("commerceadmin.shipping.exampleEmpty")}</p>
              )}
            </div>
            <Field
              id={id("free")}
              label={t("commerceadmin.shipping.freeOverLabel")}
              error={errors.freeOver}
              hint={t("commerceadmin.shipping.freeOverHint")}
              className="mt-4"
            >
              <MoneyInput id={id("free")} name="freeOver" value={freeOver} onChange={setFreeOver} error={errors.freeOver} placeholder="" />
            </Field>
          </fieldset>
          <div className="grid grid-cols-2 gap-4">
            <Field id={id("min")} label={t("commerceadmin.shipping.minDays")} error={errors.minDays}>
              <input
                id={id("min")}
                name="minDays"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={value("minDays", method?.minDays ?? 1)}
                {...describedBy(id("min"), errors.minDays)}
                className="field aria-[invalid=true]:border-sale h-11 tabular-nums"
              />
            </Field>
            <Field id={id("max")} label={t("commerceadmin.shipping.maxDays")} error={errors.maxDays}>
              <input
                id={id("max")}
                name="maxDays"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={value("maxDays", method?.maxDays ?? 3)}
                {...describedBy(id("max"), errors.maxDays)}
                className="field aria-[invalid=true]:border-sale h-11 tabular-nums"
              />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="active"
              defaultChecked={typed ? typed.active === "on" : (method?.active ?? true)}
              className="size-4 accent-[var(--brand)]"
            />
            <span className="font-semibold">{t("commerceadmin.shipping.activeLabel")}</span>
          </label>
          <div className="flex gap-2 border-line border-t pt-4">
            <button type="submit" disabled={busy} className="btn btn-primary h-11 flex-1">
              {method ? t("catalogadmin.save") : t("commerceadmin.shipping.add")}
            </button>
            <Link to="." preventScrollReset className="btn btn-secondary h-11">
              {t("catalogadmin.cancel")}
            </Link>
          </div>
        </Form>
      </section>
    </div>
  );
}
