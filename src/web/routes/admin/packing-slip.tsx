// The printable packing slip of an order (/admin/siparisler/:id/fis): an A4 sheet with the
// recipient, the sender, the items with a check column and, for cash on delivery, the amount to
// collect. Outside the admin frame so it prints clean; the PDF version is
// /api/admin/orders/:id/documents/packing-slip.

import { ArrowLeft, Printer } from "lucide-react";
import { useEffect, useState } from "react";
import { data, redirect } from "react-router";
import { AddressLines } from "../../components/admin-orders/address.tsx";
import { methodLabel } from "../../components/admin-orders/status-badge.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT } from "../../i18n/index.ts";
import { formatDateTime, money } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/packing-slip";

export async function loader({ context, params }: Route.LoaderArgs) {
  if (getApp(context).staff?.needsTwoFactor) throw redirect("/hesap/guvenlik?iki-adim=zorunlu");
  const admin = requirePermission(context, "orders:read");
  const order = await admin.orders.get(params.id);
  if (!order) throw data(null, { status: 404 });
  const carrier = admin.orders.meta().carriers.find((c) => c.id === order.carrier)?.name ?? order.carrier;
  return { order, carrier };
}

const PRINT_CSS = `@page { size: A4; margin: 12mm; }
@media print { html, body { background: #fff !important; color: #000 !important; } }`;

export default function PackingSlip({ loaderData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const { order: o, carrier } = loaderData;
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  const lines = o.lines.map((l) => ({ ...l, left: l.quantity - l.refundedQuantity })).filter((l) => l.left > 0);
  const count = lines.reduce((s, l) => s + l.left, 0);
  const profile = store.profile;
  return (
    <div className="min-h-dvh bg-surface-2 py-6 print:bg-white print:py-0">
      <title>{`${t("ordersadmin.slip.title")} #${o.number} | ${store.name}`}</title>
      <meta name="robots" content="noindex" />
      <style>{PRINT_CSS}</style>
      <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center justify-between gap-3 px-4 print:hidden">
        <a href={`/admin/siparisler/${o.id}`} className="inline-flex items-center gap-1.5 font-semibold text-brand text-sm hover:underline">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("ordersadmin.slip.back")}
        </a>
        {canPrint ? (
          <button type="button" onClick={() => window.print()} className="btn btn-primary h-10">
            <Printer aria-hidden="true" className="size-4" />
            {t("ordersadmin.slip.print")}
          </button>
        ) : (
          <p className="text-muted text-sm">{t("ordersadmin.slip.printHint")}</p>
        )}
      </div>

      <main className="mx-auto max-w-[210mm] bg-white px-[12mm] py-[12mm] text-[13px] text-black leading-snug shadow-card print:max-w-none print:p-0 print:shadow-none">
        <header className="flex items-start justify-between gap-6 border-black border-b-2 pb-4">
          <div>
            <p className="font-bold text-xl">{store.name}</p>
            {profile.legalName && <p>{profile.legalName}</p>}
            {profile.address && <p className="max-w-[80mm]">{profile.address}</p>}
            {profile.phone && <p>{profile.phone}</p>}
          </div>
          <div className="text-right">
            <p className="font-bold text-lg uppercase tracking-wide">{t("ordersadmin.slip.title")}</p>
            <p className="mt-1">
              {t("ordersadmin.slip.orderNo")}: <span className="font-bold font-mono text-base">{o.number}</span>
            </p>
            <p>{formatDateTime(o.placedAt, locale)}</p>
          </div>
        </header>

        <section className="mt-5 grid grid-cols-2 gap-6">
          <div className="rounded border border-black/40 p-3">
            <h2 className="mb-1.5 font-bold text-[11px] uppercase tracking-wider">{t("ordersadmin.slip.shipTo")}</h2>
            <div className="text-[14px]">
              <AddressLines address={o.shippingAddress} plain />
            </div>
          </div>
          <div className="space-y-1.5 p-3">
            <p>
              <span className="font-semibold">{t("ordersadmin.shippingMethod")}:</span> {o.shippingMethodName} · {carrier}
            </p>
            <p>
              <span className="font-semibold">{t("ordersadmin.paymentsTitle")}:</span> {methodLabel(t, o.paymentMethod)}
            </p>
            {o.paymentMethod === "cash_on_delivery" && (
              <p className="mt-2 inline-block border-2 border-black px-2 py-1 font-bold text-[14px]">
                {t("ordersadmin.slip.cod", { amount: money(o.amountDue, o.currency, locale) })}
              </p>
            )}
          </div>
        </section>

        <table className="mt-6 w-full border-collapse text-left">
          <thead>
            <tr className="border-black border-b-2 text-[11px] uppercase tracking-wider">
              <th scope="col" className="w-14 py-2 pr-2 font-bold">
                {t("ordersadmin.slip.check")}
              </th>
              <th scope="col" className="py-2 pr-2 font-bold">
                {t("ordersadmin.items")}
              </th>
              <th scope="col" className="w-36 py-2 pr-2 font-bold">
                {t("ordersadmin.sku")}
              </th>
              <th scope="col" className="w-16 py-2 text-right font-bold">
                {t("ordersadmin.qty")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id} className="break-inside-avoid border-black/30 border-b">
                <td className="py-2.5 pr-2 align-top">
                  <span aria-hidden="true" className="inline-block size-5 border-2 border-black" />
                </td>
                <td className="py-2.5 pr-2 align-top">
                  <span className="font-semibold">{l.title}</span>
                  {l.variantLabel && <span className="block text-[12px]">{l.variantLabel}</span>}
                </td>
                <td className="py-2.5 pr-2 align-top font-mono text-[12px]">{l.sku ?? "—"}</td>
                <td className="py-2.5 text-right align-top font-bold text-[16px] tabular-nums">{l.left}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4} className="pt-3 text-right font-bold">
                {t("ordersadmin.slip.itemsTotal", { count })}
              </td>
            </tr>
          </tfoot>
        </table>

        {o.customerNote && (
          <section className="mt-6 rounded border border-black/40 p-3">
            <h2 className="mb-1 font-bold text-[11px] uppercase tracking-wider">{t("ordersadmin.customerNote")}</h2>
            <p className="whitespace-pre-line">{o.customerNote}</p>
          </section>
        )}

        <footer className="mt-10 border-black/30 border-t pt-3 text-center text-[12px]">
          {t("ordersadmin.slip.thanks")} {profile.email && `· ${profile.email}`}
        </footer>
      </main>
    </div>
  );
}
