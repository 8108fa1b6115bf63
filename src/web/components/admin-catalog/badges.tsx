import clsx from "clsx";
import { type MessageKey, useT } from "../../i18n/index.ts";

const badge = "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 font-semibold text-xs";

const STATUS: Record<string, { label: MessageKey; className: string; dot: string }> = {
  active: {
    label: "catalogadmin.status.active",
    className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300",
    dot: "bg-emerald-600 dark:bg-emerald-400",
  },
  draft: {
    label: "catalogadmin.status.draft",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-300",
    dot: "bg-amber-500 dark:bg-amber-300",
  },
  archived: { label: "catalogadmin.status.archived", className: "bg-surface-2 text-muted", dot: "bg-muted" },
};

export function ProductStatusBadge({ status }: { status: string }) {
  const t = useT();
  const known = STATUS[status] ?? STATUS.archived;
  return (
    <span className={clsx(badge, known?.className)} data-status={status}>
      <span aria-hidden="true" className={clsx("size-1.5 rounded-full", known?.dot)} />
      {known ? t(known.label) : status}
    </span>
  );
}

/** Stock with its state: out (red), low (amber) or in stock. */
export function StockText({ stock, low, variants }: { stock: number; low: number; variants?: number }) {
  const t = useT();
  const state = stock <= 0 ? "out" : stock <= low ? "low" : "in";
  return (
    <span className="inline-flex flex-col leading-tight">
      <span
        className={clsx(
          "font-semibold tabular-nums",
          state === "out" && "text-sale",
          state === "low" && "text-warn",
          state === "in" && "text-fg",
        )}
      >
        {state === "out" ? t("catalogadmin.stock.none") : t("catalogadmin.stock.count", { count: stock })}
        {state === "low" && <span className="sr-only"> ({t("catalogadmin.stock.low")})</span>}
      </span>
      {variants !== undefined && variants > 1 && (
        <span className="text-muted text-xs">{t("catalogadmin.variantCount", { count: variants })}</span>
      )}
    </span>
  );
}

/** Shown / scheduled / ended / off, for a banner. */
export function BannerStateBadge({
  active,
  live,
  startsAt,
  endsAt,
}: {
  active: boolean;
  live: boolean;
  startsAt: string | null;
  endsAt: string | null;
}) {
  const t = useT();
  const now = Date.now();
  const state = !active
    ? "off"
    : live
      ? "live"
      : startsAt && new Date(startsAt).getTime() > now
        ? "scheduled"
        : endsAt && new Date(endsAt).getTime() <= now
          ? "ended"
          : "off";
  const styles: Record<string, string> = {
    live: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-300",
    scheduled: "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-300",
    ended: "bg-surface-2 text-muted",
    off: "bg-surface-2 text-muted",
  };
  return <span className={clsx(badge, styles[state])}>{t(`catalogadmin.banner.state.${state}` as MessageKey)}</span>;
}
