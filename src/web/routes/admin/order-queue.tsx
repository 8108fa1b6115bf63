import clsx from "clsx";
import { ArrowLeft, CircleCheck, CircleX, Crown, FlaskConical, Gauge, Hourglass, ListOrdered, Play, Timer } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Form, Link, useNavigation, useRevalidator } from "react-router";
import { LiveIndicator, useOrderEvents } from "../../components/admin-orders/live.tsx";
import { OrderStatusBadge } from "../../components/admin-orders/status-badge.tsx";
import { EmptyState, PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, intlLocale, type MessageKey, type TFunction } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import { MAX_TEST_ORDERS, type Missing, type PassSummary, type QueueItemView } from "../../services/order-queue.ts";
import type { Route } from "./+types/order-queue";

// The pending-order queue: orders waiting for stock or a store-credit check, highest priority
// score first, with the decisions the workers took. Live: order changes arrive over the admin
// order stream (SSE) and reload the list; scores tick up every second between loads.

export async function loader({ context }: Route.LoaderArgs) {
  const admin = requirePermission(context, "orders:read");
  return { view: await admin.orderQueue.view() };
}

type ActionResult = { intent: string; ok: boolean; message: string; pass?: PassSummary; created?: number };

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "orders:write");
  const t = getT(getApp(context).locale);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "process") {
    const result = await admin.orderQueue.process();
    if (!result.ok) return { intent, ok: false, message: result.message };
    const p = result.pass;
    const total = p.approved + p.rejected + p.skipped + p.failed;
    const message =
      total === 0
        ? t("orderqueue.processedNone")
        : [
            t("orderqueue.processed", { total, approved: p.approved, rejected: p.rejected, skipped: p.skipped }),
            p.failed > 0 ? t("orderqueue.failedSome", { count: p.failed }) : "",
          ]
            .filter(Boolean)
            .join(" ");
    return { intent, ok: true, message, pass: p };
  }
  if (intent === "test-orders") {
    const raw = String(form.get("count") ?? "").trim();
    const count = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(count) || count < 1 || count > MAX_TEST_ORDERS) {
      return { intent, ok: false, message: t("orderqueue.countInvalid", { max: MAX_TEST_ORDERS }) };
    }
    const result = await admin.orderQueue.createTestOrders(count);
    if (!result.ok) return { intent, ok: false, message: result.message };
    return { intent, ok: true, message: t("orderqueue.created", { count: result.created }), created: result.created };
  }
  return { intent, ok: false, message: `Unknown action "${intent}".` };
}

/** "12 dk", "2 sa 5 dk", "3 gün 4 sa". */
function duration(minutes: number, t: TFunction): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return t("orderqueue.minutes", { m });
  if (m < 24 * 60) return t("orderqueue.hours", { h: Math.floor(m / 60), m: m % 60 });
  return t("orderqueue.days", { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
}

const REASON_STYLE: Record<string, { label: MessageKey; className: string }> = {
  backorder: { label: "orderqueue.reason.backorder", className: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200" },
  preorder: { label: "orderqueue.reason.preorder", className: "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-200" },
  budget: { label: "orderqueue.reason.budget", className: "bg-violet-100 text-violet-900 dark:bg-violet-400/15 dark:text-violet-200" },
};
const pill = "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 font-semibold text-xs";

function ReasonBadge({ reason, t }: { reason: string | null; t: TFunction }) {
  const s = REASON_STYLE[reason ?? ""] ?? { label: "orderqueue.reason.other" as MessageKey, className: "bg-surface-2 text-muted" };
  return <span className={clsx(pill, s.className)}>{t(s.label)}</span>;
}

function TierBadge({ tier, t }: { tier: string; t: TFunction }) {
  return tier === "premium" ? (
    <span
      className={clsx(pill, "bg-amber-100 text-amber-900 ring-1 ring-amber-300/70 ring-inset dark:bg-amber-400/15 dark:text-amber-200")}
    >
      <Crown aria-hidden="true" className="size-3" />
      {t("orderqueue.tier.premium")}
    </span>
  ) : (
    <span className={clsx(pill, "bg-surface-2 text-muted")}>{t("orderqueue.tier.standard")}</span>
  );
}

function TestBadge({ t }: { t: TFunction }) {
  return (
    <span
      title={t("orderqueue.testLabel")}
      className="rounded-md border border-dashed border-line-strong px-1.5 py-px font-bold font-mono text-[0.6875rem] text-muted"
    >
      {t("orderqueue.test")}
    </span>
  );
}

function MissingList({ missing, t, fmt }: { missing: Missing[]; t: TFunction; fmt: (minor: number) => string }) {
  if (missing.length === 0) return <span className="text-muted">—</span>;
  return (
    <ul className="space-y-1">
      {missing.map((m, i) => {
        const ready = m.available >= m.needed;
        const text =
          m.kind === "credit"
            ? ready
              ? t("orderqueue.creditEnough", { available: fmt(m.available) })
              : t("orderqueue.missingCredit", { needed: fmt(m.needed), available: fmt(m.available) })
            : ready
              ? t("orderqueue.stockArrived", {
                  title: m.variantLabel ? `${m.title} (${m.variantLabel})` : m.title,
                  needed: m.needed,
                  available: m.available,
                })
              : t("orderqueue.missingStock", {
                  title: m.variantLabel ? `${m.title} (${m.variantLabel})` : m.title,
                  needed: m.needed,
                  available: m.available,
                });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt from the server on every load
          <li key={i} className={clsx("flex gap-1.5 text-xs leading-snug", ready ? "text-ok" : "text-fg")}>
            {ready ? (
              <CircleCheck aria-hidden="true" className="mt-px size-3.5 shrink-0" />
            ) : (
              <CircleX aria-hidden="true" className="mt-px size-3.5 shrink-0 text-sale" />
            )}
            <span>{text}</span>
          </li>
        );
      })}
    </ul>
  );
}

export default function OrderQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const { view } = loaderData;
  const fmt = (minor: number, currency = store.currency) => money(minor, currency, locale);
  const number = (n: number, digits = 1) =>
    n.toLocaleString(intlLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const canWrite = permissions.includes("orders:write");
  const navigation = useNavigation();
  const intent = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : "";
  // The live reloads below clear `actionData`: keep the last answer on screen until the next one.
  const [result, setResult] = useState(actionData as ActionResult | undefined);
  useEffect(() => {
    if (actionData) setResult(actionData as ActionResult);
  }, [actionData]);

  // Scores rise with the clock: tick between loads (every waiting order gains the same).
  const [elapsed, setElapsed] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart the clock whenever a new view has loaded
  useEffect(() => {
    const loadedAt = Date.now();
    setElapsed(0);
    const id = setInterval(() => setElapsed((Date.now() - loadedAt) / 60_000), 1000);
    return () => clearInterval(id);
  }, [view.now]);

  // Reload on every order change of the store (debounced), and on a timer: every 5 s without the
  // live stream, every 30 s with it (stock arriving changes what is missing without an order event).
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reload = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void revalidate.current(), 400);
  };
  const connected = useOrderEvents(reload, reload);
  useEffect(() => {
    const id = setInterval(
      () => {
        if (document.visibilityState === "visible") void revalidate.current();
      },
      connected ? 30_000 : 5_000,
    );
    return () => clearInterval(id);
  }, [connected]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const aging = view.policy.agingPerMinute;
  const scoreOf = (i: QueueItemView) => i.score + elapsed * aging;
  const top = view.items.length > 0 ? Math.max(...view.items.map(scoreOf)) : 0;
  const oldest = view.oldestPlacedAt ? (new Date(view.now).getTime() - new Date(view.oldestPlacedAt).getTime()) / 60_000 + elapsed : null;
  const headStart = (view.policy.tierWeight.premium - view.policy.tierWeight.standard) / aging;

  const stats = [
    { key: "pending", label: t("orderqueue.statPending"), value: view.total.toLocaleString(intlLocale(locale)), icon: ListOrdered },
    { key: "premium", label: t("orderqueue.statPremium"), value: view.premium.toLocaleString(intlLocale(locale)), icon: Crown },
    { key: "oldest", label: t("orderqueue.statOldest"), value: oldest === null ? "—" : duration(oldest, t), icon: Timer },
    { key: "top", label: t("orderqueue.statTop"), value: view.items.length > 0 ? number(top) : "—", icon: Gauge },
  ];

  return (
    <>
      <title>{`${t("orderqueue.title")} | ${store.name}`}</title>
      <Link to="/admin/siparisler" className="mb-3 inline-flex items-center gap-1.5 font-semibold text-muted text-sm hover:text-brand">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("orderqueue.backToOrders")}
      </Link>
      <PageHeader title={t("orderqueue.title")} subtitle={t("orderqueue.subtitle")}>
        <div className="flex flex-wrap items-center gap-3">
          <LiveIndicator connected={connected} />
          {canWrite && (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="process" />
              <button type="submit" className="btn btn-primary h-11" disabled={intent !== ""}>
                <Play aria-hidden="true" className="size-4" />
                {intent === "process" ? t("orderqueue.processing") : t("orderqueue.processNow")}
              </button>
            </Form>
          )}
        </div>
      </PageHeader>

      {result && (
        <div className="mb-4" data-testid="queue-notice">
          <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice>
        </div>
      )}

      <ul className="mb-5 grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label={t("orderqueue.title")}>
        {stats.map((s) => {
          const Icon = s.icon;
          return (
            <li key={s.key} className="flex items-center gap-3 rounded-2xl border border-line bg-surface px-4 py-3.5">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-soft text-on-brand-soft">
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <span className="min-w-0">
                <span
                  className="block truncate font-bold text-lg tabular-nums tracking-tight sm:text-xl"
                  data-testid={`queue-stat-${s.key}`}
                >
                  {s.value}
                </span>
                <span className="block text-muted text-xs">{s.label}</span>
              </span>
            </li>
          );
        })}
      </ul>

      <div className={clsx("mb-6 grid gap-4", canWrite && "lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]")}>
        <section aria-labelledby="queue-formula" className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
          <h2 id="queue-formula" className="flex items-center gap-2 font-bold text-base">
            <Gauge aria-hidden="true" className="size-4 text-brand" />
            {t("orderqueue.formulaTitle")}
          </h2>
          <p className="mt-3 rounded-xl bg-surface-2 px-3.5 py-2.5 font-mono text-[0.8125rem] leading-relaxed">
            {t("orderqueue.formula", {
              premium: view.policy.tierWeight.premium,
              standard: view.policy.tierWeight.standard,
              rate: aging,
            })}
          </p>
          <p className="mt-3 text-muted text-sm leading-relaxed">
            {t("orderqueue.formulaNote", {
              rate: aging,
              minutes: headStart,
              backorder: view.policy.maxWaitDays.backorder,
              preorder: view.policy.maxWaitDays.preorder,
            })}
          </p>
        </section>
        {canWrite && (
          <section aria-labelledby="queue-test" className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
            <h2 id="queue-test" className="flex items-center gap-2 font-bold text-base">
              <FlaskConical aria-hidden="true" className="size-4 text-brand" />
              {t("orderqueue.testTitle")}
            </h2>
            <p className="mt-2 text-muted text-sm leading-relaxed">{t("orderqueue.testHint")}</p>
            <Form method="post" preventScrollReset className="mt-3 flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="test-orders" />
              <div className="w-28">
                <label htmlFor="test-count" className="mb-1 block font-semibold text-sm">
                  {t("orderqueue.testCount")}
                </label>
                <input
                  id="test-count"
                  name="count"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_TEST_ORDERS}
                  step={1}
                  required
                  defaultValue={10}
                  className="field h-11 tabular-nums"
                />
              </div>
              <button type="submit" className="btn btn-secondary h-11" disabled={intent !== ""}>
                <FlaskConical aria-hidden="true" className="size-4" />
                {intent === "test-orders" ? t("orderqueue.creating") : t("orderqueue.testCreate")}
              </button>
            </Form>
          </section>
        )}
      </div>

      {view.items.length === 0 ? (
        <EmptyState icon={Hourglass}>{t("orderqueue.empty")}</EmptyState>
      ) : (
        <>
          {/* phones and tablets: cards */}
          <ol className="grid gap-3 sm:grid-cols-2 xl:hidden" data-testid="queue-cards">
            {view.items.map((item, index) => (
              <li key={item.id} className="rounded-2xl border border-line bg-surface p-4">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-bold text-muted text-xs tabular-nums">#{index + 1}</span>
                      <Link to={`/admin/siparisler/${item.id}`} className="font-bold font-mono hover:text-brand">
                        {item.number}
                      </Link>
                      {item.test && <TestBadge t={t} />}
                    </p>
                    <p className="mt-0.5 truncate text-muted text-sm">{item.customerName ?? item.email}</p>
                  </div>
                  <div className="text-right">
                    <p className="font-bold text-2xl text-brand tabular-nums leading-none">{number(scoreOf(item))}</p>
                    <p className="mt-1 text-muted text-xs">{t("orderqueue.colScore")}</p>
                  </div>
                </div>
                <div className="mt-3 flex flex-wrap items-center gap-2">
                  <TierBadge tier={item.tier} t={t} />
                  <ReasonBadge reason={item.reviewReason} t={t} />
                  <span className="inline-flex items-center gap-1 text-muted text-xs">
                    <Timer aria-hidden="true" className="size-3.5" />
                    {duration(item.waitedMinutes + elapsed, t)}
                  </span>
                  <span className="ml-auto font-semibold text-sm tabular-nums">{fmt(item.grandTotal, item.currency)}</span>
                </div>
                <div className="mt-3">
                  <MissingList missing={item.missing} t={t} fmt={(m) => fmt(m, item.currency)} />
                </div>
              </li>
            ))}
          </ol>

          {/* wide screens: a table */}
          <div className="hidden overflow-x-auto rounded-2xl border border-line bg-surface xl:block">
            <table className="w-full text-left text-sm" data-testid="queue-table">
              <caption className="sr-only">{t("orderqueue.tableCaption")}</caption>
              <thead className="border-line border-b bg-surface-2 text-muted text-xs uppercase tracking-wider">
                <tr>
                  <th scope="col" className="w-14 px-4 py-3 font-semibold">
                    {t("orderqueue.colRank")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("orderqueue.colOrder")}
                  </th>
                  <th scope="col" className="w-44 px-4 py-3 font-semibold">
                    {t("orderqueue.colScore")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("orderqueue.colWaiting")}
                  </th>
                  <th scope="col" className="min-w-56 px-4 py-3 font-semibold">
                    {t("orderqueue.colMissing")}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold">
                    {t("orderqueue.colTotal")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {view.items.map((item, index) => {
                  const score = scoreOf(item);
                  const tierPoints = view.policy.tierWeight[item.tier];
                  return (
                    <tr
                      key={item.id}
                      data-testid="queue-row"
                      data-order-number={item.number}
                      data-score={score.toFixed(3)}
                      className="align-top transition-colors hover:bg-surface-2/60"
                    >
                      <td className="px-4 py-3.5">
                        <span className="inline-flex size-7 items-center justify-center rounded-full bg-surface-2 font-bold text-xs tabular-nums">
                          {index + 1}
                        </span>
                      </td>
                      <td className="min-w-56 px-4 py-3.5">
                        <div className="flex flex-wrap items-center gap-2">
                          <Link to={`/admin/siparisler/${item.id}`} className="font-bold font-mono hover:text-brand">
                            {item.number}
                          </Link>
                          {item.test && <TestBadge t={t} />}
                        </div>
                        <p className="mt-0.5 max-w-64 truncate text-sm">{item.customerName ?? t("orderqueue.guest")}</p>
                        <p className="max-w-64 truncate text-muted text-xs">{item.email}</p>
                        <div className="mt-1.5 flex flex-wrap gap-1.5">
                          <TierBadge tier={item.tier} t={t} />
                          <ReasonBadge reason={item.reviewReason} t={t} />
                        </div>
                      </td>
                      <td className="px-4 py-3.5">
                        <p className="font-bold text-brand text-xl tabular-nums leading-none">{number(score)}</p>
                        <p className="mt-1 text-muted text-xs tabular-nums">
                          {t("orderqueue.scoreParts", { tier: number(tierPoints, 0), aging: number(score - tierPoints) })}
                        </p>
                        <div aria-hidden="true" className="mt-1.5 h-1.5 w-full overflow-hidden rounded-full bg-surface-2">
                          <div
                            className={clsx("h-full rounded-full", item.tier === "premium" ? "bg-amber-500" : "bg-brand")}
                            style={{ width: `${top > 0 ? Math.max(4, Math.round((score / top) * 100)) : 0}%` }}
                          />
                        </div>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5">
                        <p className="font-semibold tabular-nums">{duration(item.waitedMinutes + elapsed, t)}</p>
                        {item.deadline && (
                          <p className="mt-0.5 text-muted text-xs">
                            {t("orderqueue.deadline", { date: formatDateTime(item.deadline, locale) })}
                          </p>
                        )}
                        <p className="mt-0.5 text-muted text-xs">
                          {item.attempts > 0 ? t("orderqueue.checked", { count: item.attempts }) : t("orderqueue.notChecked")}
                        </p>
                      </td>
                      <td className="px-4 py-3.5">
                        <MissingList missing={item.missing} t={t} fmt={(m) => fmt(m, item.currency)} />
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5 text-right font-semibold tabular-nums">
                        {fmt(item.grandTotal, item.currency)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {view.total > view.items.length && (
            <p className="mt-3 text-muted text-sm">{t("orderqueue.more", { shown: view.items.length, total: view.total })}</p>
          )}
        </>
      )}

      <section aria-labelledby="queue-decisions" className="mt-8">
        <h2 id="queue-decisions" className="mb-3 font-bold text-lg">
          {t("orderqueue.decisionsTitle")}
        </h2>
        {view.decisions.length === 0 ? (
          <p className="rounded-2xl border border-line border-dashed bg-surface px-4 py-6 text-center text-muted text-sm">
            {t("orderqueue.decisionsEmpty")}
          </p>
        ) : (
          <ul className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-surface" data-testid="queue-decisions">
            {view.decisions.map((d) => {
              const approved = d.decision === "approved";
              return (
                <li
                  key={`${d.orderId}-${d.at}`}
                  data-testid="queue-decision"
                  data-decision={d.decision}
                  className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 px-4 py-3 sm:grid-cols-[8.5rem_1fr_auto] sm:gap-x-4"
                >
                  <span
                    className={clsx(
                      pill,
                      "mt-0.5 self-start justify-self-start",
                      approved
                        ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-200"
                        : "bg-rose-100 text-rose-900 dark:bg-rose-400/15 dark:text-rose-200",
                    )}
                  >
                    {approved ? (
                      <CircleCheck aria-hidden="true" className="size-3.5" />
                    ) : (
                      <CircleX aria-hidden="true" className="size-3.5" />
                    )}
                    {t(approved ? "orderqueue.decision.approved" : "orderqueue.decision.rejected")}
                  </span>
                  <div className="flex flex-wrap items-center justify-end gap-x-2 gap-y-1 sm:order-last sm:flex-col sm:items-end">
                    <OrderStatusBadge status={d.status} tone={statusTone(d.status)} />
                    <time dateTime={d.at} className="text-muted text-xs tabular-nums">
                      {formatDateTime(d.at, locale)}
                    </time>
                  </div>
                  <div className="col-span-2 min-w-0 sm:col-span-1">
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Link to={`/admin/siparisler/${d.orderId}`} className="font-bold font-mono hover:text-brand">
                        {d.number}
                      </Link>
                      {d.test && <TestBadge t={t} />}
                      <span className="font-medium text-sm">{t(`orderqueue.why.${d.reason}` as MessageKey)}</span>
                    </p>
                    <p className="mt-0.5 text-muted text-xs">
                      {t("orderqueue.decisionScore", { score: number(d.score), waited: duration(d.waitedMinutes, t) })} ·{" "}
                      {t(`orderqueue.tier.${d.tier}` as MessageKey)}
                    </p>
                    {!approved && d.missing.length > 0 && (
                      <div className="mt-1.5">
                        <MissingList missing={d.missing} t={t} fmt={(m) => fmt(m)} />
                      </div>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

/** Colour family per status, as the order list shows it. */
function statusTone(status: string): string {
  if (status === "cancelled") return "danger";
  if (status === "awaiting_payment") return "warning";
  if (status === "paid" || status === "preparing") return "info";
  return "neutral";
}
