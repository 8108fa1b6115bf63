// Builds consistent order snapshots for the documents' tests: the discount is spread over the lines
// with spreadDiscount and the KDV rows come from vatBreakdown, as checkout is meant to do it.

import { multiplyMoney, sumMoney } from "../../platform/money.ts";
import { spreadDiscount, vatBreakdown } from "./document-data.ts";
import type { DocumentLine, OrderDocumentData } from "./types.ts";

export interface SampleLine {
  title: string;
  variantLabel?: string;
  sku?: string;
  quantity: number;
  unitPrice: number;
  vatRate: number;
}

export interface SampleOptions {
  locale?: "tr" | "en";
  lines?: SampleLine[];
  discount?: number;
  shipping?: number;
  paymentFee?: number;
  storeCredit?: number;
  overrides?: Partial<OrderDocumentData>;
}

export const SAMPLE_LINES: SampleLine[] = [
  {
    title: "Organik Pamuklu Tişört",
    variantLabel: "Beden: M, Renk: Gök Mavisi",
    sku: "TS-ORG-M-MAV",
    quantity: 2,
    unitPrice: 34_990,
    vatRate: 10,
  },
  { title: "Çelik Termos Şişe 750 ml", variantLabel: "Renk: Kırmızı", sku: "TRM-750-KRM", quantity: 1, unitPrice: 124_950, vatRate: 20 },
  { title: "Doğal Zeytinyağlı Sabun (3'lü)", sku: "SBN-ZYT-3", quantity: 3, unitPrice: 8_990, vatRate: 20 },
  { title: "İğneada Ormanları: Bir Doğa Rehberi (kitap)", sku: "KTP-IGN-01", quantity: 1, unitPrice: 27_500, vatRate: 0 },
];

export function sampleOrder(options: SampleOptions = {}): OrderDocumentData {
  const sample = options.lines ?? SAMPLE_LINES;
  const before = sample.map((l) => multiplyMoney(l.unitPrice, l.quantity));
  const discount = options.discount ?? 5_000;
  const after = spreadDiscount(before, discount);
  const lines: DocumentLine[] = sample.map((l, i) => ({ ...l, total: after[i] ?? 0 }));
  const subtotal = sumMoney(before);
  const shipping = options.shipping ?? 4_990;
  const paymentFee = options.paymentFee ?? 0;
  const storeCredit = options.storeCredit ?? 0;
  const locale = options.locale ?? "tr";
  const tr = locale === "tr";
  return {
    locale,
    currency: "TRY",
    orderNumber: "KRV-2026-004217",
    date: "2026-11-21T11:42:00.000Z",
    seller: {
      name: "Kervan Örnek Ticaret Anonim Şirketi",
      address: "Bağdat Caddesi No: 214 D: 3\nCaddebostan, Kadıköy / İstanbul 34728",
      phone: "+90 216 555 01 23",
      email: "destek@ornek-magaza.com.tr",
      taxOffice: "Göztepe",
      taxNumber: "1234567890",
      mersisNo: "0123456789000015",
      kepAddress: "ornekticaret@hs01.kep.tr",
      website: "https://ornek-magaza.com.tr",
    },
    buyer: {
      name: "Ayşe Gülşen Yıldız",
      address: "Şehit Öğretmen Sokak No: 7/2\nÇankaya / Ankara 06690",
      phone: "+90 532 000 11 22",
      email: "ayse.yildiz@example.com",
      tckn: "10000000146",
      invoiceType: "individual",
    },
    shippingAddress: "Şehit Öğretmen Sokak No: 7/2\nÇankaya / Ankara 06690",
    billingAddress: "Şehit Öğretmen Sokak No: 7/2\nÇankaya / Ankara 06690",
    lines,
    subtotal,
    discount,
    discountLabel: discount > 0 ? "HOŞGELDİN50" : undefined,
    shipping,
    shippingMethod: tr ? "Yurtiçi Kargo, standart teslimat" : "Yurtiçi Kargo, standard delivery",
    paymentFee,
    storeCredit,
    total: subtotal - discount + shipping + paymentFee - storeCredit,
    vat: vatBreakdown(lines, { shipping, paymentFee }),
    paymentMethod: tr ? "Kredi kartı (tek çekim)" : "Credit card (single payment)",
    deliveryEstimate: tr ? "1–3 iş günü içinde kargoya verilir" : "handed to the carrier within 1–3 business days",
    withdrawalDays: 14,
    ...options.overrides,
  };
}
