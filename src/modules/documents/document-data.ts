// Checks an order snapshot before any document is made from it, computes the KDV breakdown
// exactly, and formats amounts and dates the same way in every document.
//
// How the amounts fit together (all KDV-inclusive kuruş):
//   subtotal            = the lines before the order-level discount
//   Σ line.total        = subtotal − discount        (each line carries its share of the discount)
//   gross               = Σ line.total + shipping + paymentFee   (what KDV is computed on)
//   total               = gross − storeCredit         (store credit is a means of payment, not a discount)
//   Σ (row.net + row.vat) over data.vat = gross, and per rate it equals that rate's gross.
//
// Spreading a discount: `spreadDiscount(lineTotals, discount)` gives each line a share proportional
// to its total with `allocate` (largest remainder), so the shares add up to the discount exactly and
// no line goes below zero. KDV is then split once per rate (`splitVat` of the rate's gross), not per
// line, so each row is exact (net + vat = gross); `itemizeVat` hands that row's KDV back to the
// items of the rate with `allocate`, so an invoice's per-line KDV adds up to the row to the kuruş.

import { z } from "zod";
import { allocate, currencyDigits, formatMoney, MoneyError, multiplyMoney, splitVat, sumMoney } from "../../platform/money.ts";
import type { OrderDocumentData, VatBreakdownRow } from "./types.ts";

/** KDV rate of shipping and payment fees unless the data says otherwise. */
export const DEFAULT_SERVICE_VAT_RATE = 20;
/** Statutory maximum delivery time for distance sales of goods (Yönetmelik m.16). */
export const MAX_DELIVERY_DAYS = 30;
/** Days the seller has to refund after the withdrawal notice reaches it. */
export const REFUND_DAYS = 14;
/** Days the buyer has to send the goods back after the withdrawal notice. */
export const RETURN_GOODS_DAYS = 10;

export class DocumentDataError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`invalid order document data: ${issues.join("; ")}`);
    this.name = "DocumentDataError";
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// KDV

export interface VatInputLine {
  /** KDV-inclusive amount in minor units. */
  total: number;
  /** Whole percent, 0–100. */
  vatRate: number;
}

export interface VatExtras {
  shipping?: number;
  /** Defaults to 20. */
  shippingVatRate?: number;
  paymentFee?: number;
  /** Defaults to 20. */
  paymentFeeVatRate?: number;
  /**
   * An order-level discount (positive) still to be spread over the lines. Leave it out when the
   * lines' totals already carry their share, as `OrderDocumentData.lines` do.
   */
  discount?: number;
}

/**
 * Line totals after a discount spread in proportion to the totals (`allocate`): the shares add up
 * to `discount` exactly. `spreadDiscount([3333, 3333, 3333], 1000)` → [2999, 2999, 2999] + 1 kuruş
 * on the first line. Throws a MoneyError when the discount is negative or larger than the lines.
 */
export function spreadDiscount(totals: readonly number[], discount: number): number[] {
  if (totals.length === 0) throw new MoneyError("spreadDiscount needs at least one line");
  for (const t of totals) {
    if (!Number.isSafeInteger(t) || t < 0) throw new MoneyError(`line totals must be non-negative whole kuruş, got ${String(t)}`);
  }
  if (!Number.isSafeInteger(discount) || discount < 0) {
    throw new MoneyError(`discount must be a non-negative whole number of kuruş, got ${String(discount)}`);
  }
  const sum = sumMoney(totals);
  if (discount > sum) throw new MoneyError(`discount ${String(discount)} is larger than the lines' total ${String(sum)}`);
  if (discount === 0) return [...totals];
  const shares = allocate(discount, totals);
  return totals.map((t, i) => t - (shares[i] ?? 0));
}

/** One KDV-inclusive amount and its rate. */
export interface VatItem {
  gross: number;
  rate: number;
}

function vatItems(lines: readonly VatInputLine[], extra: VatExtras): VatItem[] {
  const totals = extra.discount
    ? spreadDiscount(
        lines.map((l) => l.total),
        extra.discount,
      )
    : lines.map((l) => l.total);
  const items: VatItem[] = lines.map((l, i) => ({ gross: totals[i] ?? 0, rate: l.vatRate }));
  if (extra.shipping) items.push({ gross: extra.shipping, rate: extra.shippingVatRate ?? DEFAULT_SERVICE_VAT_RATE });
  if (extra.paymentFee) items.push({ gross: extra.paymentFee, rate: extra.paymentFeeVatRate ?? DEFAULT_SERVICE_VAT_RATE });
  for (const item of items) {
    if (!Number.isSafeInteger(item.gross) || item.gross < 0) {
      throw new MoneyError(`amounts must be non-negative whole kuruş, got ${String(item.gross)}`);
    }
    if (!Number.isInteger(item.rate) || item.rate < 0 || item.rate > 100) {
      throw new MoneyError(`VAT rate must be a whole percentage between 0 and 100, got ${String(item.rate)}`);
    }
  }
  return items;
}

function rowsFor(items: readonly VatItem[]): VatBreakdownRow[] {
  const grossByRate = new Map<number, number>();
  for (const item of items) grossByRate.set(item.rate, (grossByRate.get(item.rate) ?? 0) + item.gross);
  return [...grossByRate.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rate, gross]) => {
      const { net, vat } = splitVat(gross, rate);
      return { rate, net, vat };
    });
}

/**
 * The KDV breakdown of an order, one row per rate, ascending: each row is `splitVat` of the rate's
 * KDV-inclusive total, so net + vat equals that total exactly and the rows add up to the lines plus
 * shipping plus payment fee (after `extra.discount`, when given). Shipping and the payment fee are
 * taxed at 20 % unless their rate is given.
 */
export function vatBreakdown(lines: readonly VatInputLine[], extra: VatExtras = {}): VatBreakdownRow[] {
  return rowsFor(vatItems(lines, extra));
}

/**
 * Splits each item's KDV-inclusive amount into net and KDV so that, per rate, the items add up
 * exactly to the given breakdown row (the row's KDV is spread over its items with `allocate`).
 */
export function itemizeVat(items: readonly VatItem[], rows: readonly VatBreakdownRow[]): { net: number; vat: number }[] {
  const out: { net: number; vat: number }[] = items.map(() => ({ net: 0, vat: 0 }));
  for (const row of rows) {
    const indexes = items.flatMap((item, i) => (item.rate === row.rate ? [i] : []));
    if (indexes.length === 0) continue;
    const grosses = indexes.map((i) => items[i]?.gross ?? 0);
    const vats = allocate(row.vat, grosses);
    indexes.forEach((itemIndex, k) => {
      const gross = grosses[k] ?? 0;
      const vat = vats[k] ?? 0;
      out[itemIndex] = { net: gross - vat, vat };
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation

// Length caps keep a hostile value from producing a table row taller than a page.
const text = z.string().trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters");
const optionalText = z
  .string()
  .trim()
  .max(1000, "must be at most 1000 characters")
  .optional()
  .transform((v) => (v ? v : undefined));
const minor = z.int("must be a whole number of kuruş").min(0, "must not be negative");
const rate = z.int("must be a whole percentage").min(0).max(100);

const partySchema = z.object({
  name: text,
  address: text,
  phone: optionalText,
  email: optionalText,
  taxOffice: optionalText,
  taxNumber: optionalText,
  tckn: optionalText,
  mersisNo: optionalText,
  kepAddress: optionalText,
  website: optionalText,
});

const lineSchema = z.object({
  title: text.max(500, "must be at most 500 characters"),
  variantLabel: optionalText,
  sku: optionalText,
  quantity: z.int("must be a whole number").min(1, "must be at least 1"),
  unitPrice: minor,
  total: minor,
  vatRate: rate,
});

const dataSchema = z.object({
  locale: z.enum(["tr", "en"]),
  currency: z.string().refine((c) => {
    try {
      currencyDigits(c);
      return /^[A-Z]{3}$/.test(c);
    } catch {
      return false;
    }
  }, "must be an ISO 4217 currency code such as TRY"),
  orderNumber: z.string().trim(),
  date: z.string().refine((d) => !Number.isNaN(Date.parse(d)), "must be an ISO date-time"),
  seller: partySchema,
  buyer: partySchema.extend({ invoiceType: z.enum(["individual", "corporate"]) }),
  shippingAddress: text,
  billingAddress: text,
  lines: z.array(lineSchema).min(1, "an order needs at least one line").max(5000, "at most 5000 lines"),
  subtotal: minor,
  discount: minor,
  discountLabel: optionalText,
  shipping: minor,
  shippingMethod: text,
  paymentFee: minor,
  storeCredit: minor,
  total: minor,
  vat: z.array(z.object({ rate, net: z.int(), vat: z.int() })),
  paymentMethod: text,
  deliveryEstimate: text,
  withdrawalDays: z.int().min(14, "the law gives at least 14 days").max(365),
  shippingVatRate: rate.optional(),
  paymentFeeVatRate: rate.optional(),
  returnShipping: z
    .object({ carrier: text, paidBy: z.enum(["seller", "buyer"]), cost: minor.optional() })
    .refine((r) => r.paidBy === "seller" || r.cost !== undefined, "cost is required when the buyer pays the return")
    .optional(),
  arbitrationLimit: z.object({ year: z.int().min(2014).max(2100), amount: minor }).optional(),
});

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    return `${path.replace(/^\./, "") || "data"}: ${issue.message}`;
  });
}

/** Items KDV is computed on, in document order: the lines, then shipping, then the payment fee. */
export function documentVatItems(data: OrderDocumentData): VatItem[] {
  return vatItems(data.lines, {
    shipping: data.shipping,
    shippingVatRate: data.shippingVatRate,
    paymentFee: data.paymentFee,
    paymentFeeVatRate: data.paymentFeeVatRate,
  });
}

/**
 * Validates an order snapshot and returns it with text trimmed and empty optional text removed.
 * Throws a DocumentDataError listing every problem: missing or malformed fields, and amounts that
 * do not add up (lines vs subtotal and discount, the total, the KDV rows).
 */
export function parseOrderDocumentData(input: unknown): OrderDocumentData {
  const parsed = dataSchema.safeParse(input);
  if (!parsed.success) throw new DocumentDataError(describeIssues(parsed.error));
  const data: OrderDocumentData = parsed.data;
  const issues: string[] = [];

  const lineSum = sumMoney(data.lines.map((l) => l.total));
  if (data.discount > data.subtotal) issues.push(`discount (${data.discount}) is larger than the subtotal (${data.subtotal})`);
  if (lineSum !== data.subtotal - data.discount) {
    issues.push(`the lines' totals add up to ${lineSum}, expected subtotal − discount = ${data.subtotal - data.discount}`);
  }
  data.lines.forEach((l, i) => {
    if (l.total > multiplyMoney(l.unitPrice, l.quantity)) issues.push(`lines[${i}].total is more than unitPrice × quantity`);
  });
  const gross = data.subtotal - data.discount + data.shipping + data.paymentFee;
  if (data.storeCredit > gross) issues.push(`storeCredit (${data.storeCredit}) is more than the order's total (${gross})`);
  if (data.total !== gross - data.storeCredit) {
    issues.push(`total is ${data.total}, expected subtotal − discount + shipping + paymentFee − storeCredit = ${gross - data.storeCredit}`);
  }

  const items = documentVatItems(data);
  const expected = rowsFor(items);
  const expectedRates = expected.map((r) => r.rate).join(", ");
  const seen = new Set<number>();
  for (const row of data.vat) {
    if (seen.has(row.rate)) issues.push(`vat has two rows for ${row.rate} %`);
    seen.add(row.rate);
    const want = expected.find((r) => r.rate === row.rate);
    if (!want) {
      issues.push(`vat has a row for ${row.rate} % but no line, shipping or fee is taxed at that rate (rates: ${expectedRates})`);
      continue;
    }
    const rowGross = row.net + row.vat;
    if (rowGross !== want.net + want.vat) {
      issues.push(`vat row ${row.rate} %: net + vat = ${rowGross}, but the items at that rate add up to ${want.net + want.vat}`);
    } else {
      // A caller may round per line instead of per rate: allow one kuruş per item at that rate.
      const count = items.filter((item) => item.rate === row.rate).length;
      if (Math.abs(row.vat - want.vat) > count) issues.push(`vat row ${row.rate} %: vat ${row.vat} does not match ${want.vat}`);
    }
  }
  for (const want of expected) {
    if (!seen.has(want.rate)) issues.push(`vat is missing the ${want.rate} % row (use vatBreakdown)`);
  }
  if (issues.length > 0) throw new DocumentDataError(issues);
  return { ...data, vat: [...data.vat].sort((a, b) => a.rate - b.rate) };
}

// ---------------------------------------------------------------------------------------------
// Formatting shared by the texts and the PDFs

export interface DocumentFormat {
  locale: "tr" | "en";
  money(minor: number): string;
  /** Negative display of a positive amount ("−12,50 ₺"). */
  minus(minor: number): string;
  percent(rate: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

const TIME_ZONE = "Europe/Istanbul";

/** Date and time formatters per document locale, made once (creating them costs more than formatting). */
const dateFormatters = new Map<string, { dateFmt: Intl.DateTimeFormat; timeFmt: Intl.DateTimeFormat }>();
function formattersOf(locale: "tr" | "en") {
  let found = dateFormatters.get(locale);
  if (!found) {
    const intlLocale = locale === "tr" ? "tr-TR" : "en-GB";
    found = {
      dateFmt: new Intl.DateTimeFormat(intlLocale, {
        timeZone: TIME_ZONE,
        day: locale === "tr" ? "2-digit" : "numeric",
        month: locale === "tr" ? "2-digit" : "long",
        year: "numeric",
      }),
      timeFmt: new Intl.DateTimeFormat(intlLocale, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false }),
    };
    dateFormatters.set(locale, found);
  }
  return found;
}

export function documentFormat(data: Pick<OrderDocumentData, "locale" | "currency">): DocumentFormat {
  const intlLocale = data.locale === "tr" ? "tr-TR" : "en-GB";
  const { dateFmt, timeFmt } = formattersOf(data.locale);
  const money = (minor: number) => formatMoney(minor, data.currency, intlLocale);
  return {
    locale: data.locale,
    money,
    minus: (minor) => (minor === 0 ? money(0) : `−${money(minor)}`),
    percent: (rate) => (data.locale === "tr" ? `%${rate}` : `${rate}%`),
    date: (iso) => dateFmt.format(new Date(iso)),
    dateTime: (iso) => `${dateFmt.format(new Date(iso))} ${timeFmt.format(new Date(iso))}`,
  };
}
