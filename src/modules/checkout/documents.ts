// Turns an order into the snapshot the legal texts, the invoice and the packing slip are made from.

import type { OrderDocumentData } from "../documents/types.ts";
import type { Order, OrderAddress } from "../orders/schema.ts";
import type { TenantProfile } from "../tenants/schema.ts";

const methodNames: Record<string, { tr: string; en: string }> = {
  bank_transfer: { tr: "Havale / EFT", en: "Bank transfer (havale/EFT)" },
  cash_on_delivery: { tr: "Kapıda ödeme", en: "Cash on delivery" },
  store_credit: { tr: "Mağaza bakiyesi", en: "Store credit" },
  iyzico: { tr: "Kredi / banka kartı (iyzico)", en: "Credit / debit card (iyzico)" },
  paytr: { tr: "Kredi / banka kartı (PayTR)", en: "Credit / debit card (PayTR)" },
  stripe: { tr: "Kredi / banka kartı (Stripe)", en: "Credit / debit card (Stripe)" },
};

export function paymentMethodName(method: string, locale: "tr" | "en"): string {
  return methodNames[method]?.[locale] ?? method;
}

export function formatAddress(a: OrderAddress): string {
  return [
    `${a.firstName} ${a.lastName}`,
    a.addressLine,
    `${a.neighbourhood}, ${a.district} / ${a.province}${a.postalCode ? ` ${a.postalCode}` : ""}`,
    a.phone,
  ].join("\n");
}

export interface DocumentLineSource {
  title: string;
  variantLabel?: string | null;
  sku?: string | null;
  quantity: number;
  unitPrice: number;
  total: number;
  vatRate: number;
}

export function buildDocumentData(input: {
  order: Order;
  lines: DocumentLineSource[];
  tenant: { name: string; profile: TenantProfile };
  deliveryDays: [number, number];
  publicUrl?: string;
}): OrderDocumentData {
  const { order, tenant } = input;
  const locale = order.locale === "en" ? "en" : "tr";
  const p = tenant.profile;
  const [min, max] = input.deliveryDays;
  const range = min === max ? `${max}` : `${min}–${max}`;
  const buyerName =
    order.invoice.type === "corporate" && order.invoice.companyName
      ? order.invoice.companyName
      : `${order.billingAddress.firstName} ${order.billingAddress.lastName}`;
  return {
    locale,
    currency: order.currency,
    orderNumber: order.number,
    date: order.placedAt.toISOString(),
    seller: {
      name: p.legalName || tenant.name,
      address: p.address || "",
      phone: p.phone,
      email: p.email,
      taxOffice: p.taxOffice,
      taxNumber: p.taxNumber,
      mersisNo: p.mersisNo,
      kepAddress: p.kepAddress,
      ...(input.publicUrl ? { website: input.publicUrl } : {}),
    },
    buyer: {
      name: buyerName,
      address: formatAddress(order.billingAddress).split("\n").slice(1, 3).join(", "),
      phone: order.phone,
      email: order.email,
      invoiceType: order.invoice.type,
      ...(order.invoice.tckn ? { tckn: order.invoice.tckn } : {}),
      ...(order.invoice.taxOffice ? { taxOffice: order.invoice.taxOffice } : {}),
      ...(order.invoice.taxNumber ? { taxNumber: order.invoice.taxNumber } : {}),
    },
    shippingAddress: formatAddress(order.shippingAddress),
    billingAddress: formatAddress(order.billingAddress),
    lines: input.lines.map((l) => ({
      title: l.title,
      ...(l.variantLabel ? { variantLabel: l.variantLabel } : {}),
      ...(l.sku ? { sku: l.sku } : {}),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      total: l.total,
      vatRate: l.vatRate,
    })),
    subtotal: order.subtotal,
    discount: order.discountTotal,
    ...(order.couponCodes.length > 0 ? { discountLabel: order.couponCodes.join(", ") } : {}),
    shipping: order.shippingTotal,
    shippingMethod: order.shippingMethodName,
    paymentFee: order.paymentFee,
    storeCredit: order.storeCreditUsed,
    total: order.amountDue,
    vat: order.vatBreakdown,
    paymentMethod: paymentMethodName(order.paymentMethod, locale),
    deliveryEstimate: locale === "en" ? `Handed to the carrier within ${range} business days` : `${range} iş günü içinde kargoya verilir`,
    withdrawalDays: 14,
  };
}
