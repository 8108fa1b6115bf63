// The customer's e-mail for each step of an order, in the order's language.

import { formatMoney } from "../../platform/money.ts";
import { escapeHtml } from "../documents/html.ts";
import { formatIban } from "../payments/settings.ts";
import { carriers, isCarrier } from "../shipping/carriers.ts";
import type { BankAccount } from "../tenants/schema.ts";
import type { OrderDetail } from "./service.ts";

interface MailInput {
  detail: OrderDetail;
  event: string;
  locale: "tr" | "en";
  storeName: string;
  orderUrl: string;
  bankAccounts: BankAccount[];
}

const copy = {
  tr: {
    placed: ["Siparişiniz alındı", "{n} numaralı siparişiniz için teşekkür ederiz."],
    awaitingTransfer: [
      "Havale / EFT bekleniyor",
      "Siparişiniz ödemeniz ulaştığında hazırlanacak. Açıklamaya sipariş numaranızı ({n}) yazmayı unutmayın.",
    ],
    paid: ["Ödemeniz alındı", "{n} numaralı siparişinizin ödemesi onaylandı; hazırlamaya başlıyoruz."],
    preparing: ["Siparişiniz hazırlanıyor", "{n} numaralı siparişiniz hazırlanıyor."],
    shipped: ["Siparişiniz kargoda", "{n} numaralı siparişiniz kargoya verildi."],
    delivered: ["Siparişiniz teslim edildi", "{n} numaralı siparişiniz teslim edildi. İyi günlerde kullanın!"],
    completed: ["Siparişiniz tamamlandı", "{n} numaralı siparişiniz tamamlandı."],
    cancelled: ["Siparişiniz iptal edildi", "{n} numaralı siparişiniz iptal edildi. Ödeme yaptıysanız iadesi başlatıldı."],
    refunded: ["İadeniz yapıldı", "{n} numaralı siparişinizin iadesi yapıldı."],
    partially_refunded: ["Kısmi iade yapıldı", "{n} numaralı siparişiniz için kısmi iade yapıldı."],
    return_requested: ["İade talebiniz alındı", "{n} numaralı sipariş için iade talebinizi aldık; en kısa sürede değerlendireceğiz."],
    return_approved: ["İade talebiniz onaylandı", "{n} numaralı sipariş için iade talebiniz onaylandı. Ürünleri bize gönderebilirsiniz."],
    return_received: ["İade ettiğiniz ürünler ulaştı", "{n} numaralı siparişten iade ettiğiniz ürünler bize ulaştı."],
    pending_review: ["Siparişiniz onay bekliyor", "{n} numaralı siparişiniz stok ve ödeme kontrolünden sonra onaylanacak."],
    view: "Siparişi görüntüle",
    total: "Toplam",
    tracking: "Kargo takip numarası",
    contracts: "Ön bilgilendirme formu ve mesafeli satış sözleşmesi ektedir.",
    iban: "Banka hesaplarımız",
  },
  en: {
    placed: ["We received your order", "Thank you for order {n}."],
    awaitingTransfer: [
      "Waiting for your bank transfer",
      "We prepare your order once your payment arrives. Put your order number ({n}) in the description.",
    ],
    paid: ["Payment received", "The payment for order {n} is confirmed; we are preparing it."],
    preparing: ["Your order is being prepared", "Order {n} is being prepared."],
    shipped: ["Your order has shipped", "Order {n} is on its way."],
    delivered: ["Your order was delivered", "Order {n} was delivered. Enjoy!"],
    completed: ["Your order is complete", "Order {n} is complete."],
    cancelled: ["Your order was cancelled", "Order {n} was cancelled. If you paid, the refund has started."],
    refunded: ["You were refunded", "Order {n} was refunded."],
    partially_refunded: ["Partial refund made", "Part of order {n} was refunded."],
    return_requested: ["Return request received", "We received your return request for order {n} and will review it shortly."],
    return_approved: ["Return approved", "Your return for order {n} was approved. You can send the items back."],
    return_received: ["Returned items received", "The items you returned from order {n} have arrived."],
    pending_review: ["Your order is awaiting approval", "Order {n} will be confirmed after a stock and payment check."],
    view: "View your order",
    total: "Total",
    tracking: "Tracking number",
    contracts: "The pre-information form and the distance sales contract are attached.",
    iban: "Our bank accounts",
  },
} as const;

type EventKey = Exclude<keyof (typeof copy)["tr"], "view" | "total" | "tracking" | "contracts" | "iban">;

export function renderOrderMail(input: MailInput): { subject: string; text: string; html: string } | null {
  const { detail, locale } = input;
  const c = copy[locale];
  const order = detail.order;
  const transfer = input.event === "placed" && order.paymentMethod === "bank_transfer" && order.status === "awaiting_payment";
  const key = (transfer ? "awaitingTransfer" : input.event) as EventKey;
  const entry = c[key];
  if (!entry || typeof entry === "string") return null;
  const [title, intro] = entry;
  const money = (v: number) => formatMoney(v, order.currency, locale === "en" ? "en-US" : "tr-TR");
  const lines = detail.lines.map((l) => `${l.quantity} × ${l.title}${l.variantLabel ? ` (${l.variantLabel})` : ""} — ${money(l.total)}`);
  const extra: string[] = [];
  if (input.event === "shipped") {
    const s = detail.shipments[detail.shipments.length - 1];
    if (s)
      extra.push(
        `${isCarrier(s.carrier) ? carriers[s.carrier].name : s.carrier} — ${c.tracking}: ${s.trackingNumber}${s.trackingUrl ? `\n${s.trackingUrl}` : ""}`,
      );
  }
  if (transfer && input.bankAccounts.length > 0) {
    extra.push(`${c.iban}:\n${input.bankAccounts.map((a) => `${a.bank} — ${a.holder}\n${formatIban(a.iban)}`).join("\n")}`);
    extra.push(`${c.total}: ${money(order.amountDue)}`);
  }
  if (input.event === "placed") extra.push(c.contracts);
  const subject = `${title} — ${input.storeName} #${order.number}`;
  const body = intro.replace("{n}", order.number);
  const text = [body, "", ...lines, `${c.total}: ${money(order.grandTotal)}`, "", ...extra, "", `${c.view}: ${input.orderUrl}`].join("\n");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>
<table style="width:100%;border-collapse:collapse">${detail.lines
    .map(
      (l) =>
        `<tr><td style="padding:6px 0;border-bottom:1px solid #e5e7eb">${l.quantity} × ${escapeHtml(l.title)}${l.variantLabel ? ` <small>(${escapeHtml(l.variantLabel)})</small>` : ""}</td><td style="text-align:right;border-bottom:1px solid #e5e7eb">${escapeHtml(money(l.total))}</td></tr>`,
    )
    .join(
      "",
    )}<tr><td style="padding:8px 0"><strong>${c.total}</strong></td><td style="text-align:right"><strong>${escapeHtml(money(order.grandTotal))}</strong></td></tr></table>
${extra.map((e) => `<p style="white-space:pre-line">${escapeHtml(e)}</p>`).join("")}
<p><a href="${escapeHtml(input.orderUrl)}" style="display:inline-block;background:#ea580c;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${c.view}</a></p>
<p style="color:#6b7280;font-size:12px">${escapeHtml(input.storeName)}</p></body></html>`;
  return { subject, text, html };
}
