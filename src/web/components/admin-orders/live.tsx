// Live order changes for the admin pages: one EventSource on /api/admin/orders/events (the
// store's order changes, sent by the server as they commit). Without JavaScript the pages simply
// show what they loaded.

import clsx from "clsx";
import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/index.ts";

export interface OrderChange {
  orderId: string;
  number: string;
  status: string;
  /** 1 for an order just placed; every change bumps it. */
  version: number;
}

/**
 * Calls `onChange` for each order change of the store; `onReconnect` after the stream was lost and
 * came back (changes may have been missed meanwhile). Returns whether the stream is open.
 */
export function useOrderEvents(onChange: (change: OrderChange) => void, onReconnect?: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onChange, onReconnect });
  handlers.current = { onChange, onReconnect };
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/admin/orders/events");
    let lost = false;
    source.addEventListener("open", () => {
      setConnected(true);
      if (lost) handlers.current.onReconnect?.();
      lost = false;
    });
    source.addEventListener("error", () => {
      setConnected(false);
      lost = true;
    });
    source.addEventListener("order", (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as OrderChange;
        if (typeof data.orderId === "string") handlers.current.onChange(data);
      } catch {
        // not a message of ours
      }
    });
    return () => source.close();
  }, []);
  return connected;
}

/** "Live" with a pulsing dot while the stream is open. */
export function LiveIndicator({ connected }: { connected: boolean }) {
  const t = useT();
  return (
    <span
      title={t("ordersadmin.liveTitle")}
      data-live={connected ? "on" : "off"}
      className={clsx(
        "inline-flex items-center gap-2 rounded-full border px-3 py-1 font-semibold text-xs",
        connected ? "border-ok/30 bg-ok/10 text-fg" : "border-line bg-surface-2 text-muted",
      )}
    >
      <span aria-hidden="true" className="relative flex size-2">
        {connected && <span className="absolute inline-flex size-full animate-ping rounded-full bg-ok opacity-60" />}
        <span className={clsx("relative inline-flex size-2 rounded-full", connected ? "bg-ok" : "bg-muted")} />
      </span>
      {connected ? t("ordersadmin.live") : t("ordersadmin.liveOff")}
    </span>
  );
}
