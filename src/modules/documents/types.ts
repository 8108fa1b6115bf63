// The data the legal texts (pre-information form, distance sales contract), the invoice and the
// packing slip are generated from: a plain snapshot of an order, so documents never read tables.
// Amounts are integer minor units (kuruş), KDV included unless a field says net.

export interface DocumentParty {
  name: string;
  /** Full postal address on one or more lines. */
  address: string;
  phone?: string;
  email?: string;
  taxOffice?: string;
  taxNumber?: string;
  /** T.C. kimlik no of an individual buyer, when given. */
  tckn?: string;
  mersisNo?: string;
  kepAddress?: string;
  /** Web address of the store, shown in the seller block when given. */
  website?: string;
}

export interface DocumentLine {
  title: string;
  /** "Beden: M, Renk: Mavi" */
  variantLabel?: string;
  sku?: string;
  quantity: number;
  /** KDV-inclusive unit price before the order's discounts. */
  unitPrice: number;
  /** KDV-inclusive line total after this line's share of discounts. */
  total: number;
  vatRate: number;
}

export interface VatBreakdownRow {
  rate: number;
  net: number;
  vat: number;
}

export interface OrderDocumentData {
  locale: "tr" | "en";
  currency: string;
  orderNumber: string;
  /** ISO time the order was placed (or, for the pre-order texts, generated). */
  date: string;
  seller: DocumentParty;
  buyer: DocumentParty & { invoiceType: "individual" | "corporate" };
  shippingAddress: string;
  billingAddress: string;
  lines: DocumentLine[];
  /** Sum of line totals before order-level discounts. */
  subtotal: number;
  /** Discounts (coupons), as a positive amount. */
  discount: number;
  discountLabel?: string;
  shipping: number;
  shippingMethod: string;
  /** Cash-on-delivery fee, 0 when none. */
  paymentFee: number;
  /** Store credit used, as a positive amount. */
  storeCredit: number;
  /** What the buyer pays in total (after store credit). */
  total: number;
  vat: VatBreakdownRow[];
  paymentMethod: string;
  /** "1–3 iş günü içinde kargoya verilir" */
  deliveryEstimate: string;
  /** Days in which the buyer may withdraw (14). */
  withdrawalDays: number;
  /** KDV rate of the shipping charge; 20 when not given. */
  shippingVatRate?: number;
  /** KDV rate of the cash-on-delivery fee; 20 when not given. */
  paymentFeeVatRate?: number;
  /**
   * The carrier the seller names for returns after a withdrawal, and who pays the return at what
   * cost (Yönetmelik m.5/1-g). When absent the texts say no return cost can be charged to the buyer.
   */
  returnShipping?: { carrier: string; paidBy: "seller" | "buyer"; cost?: number };
  /** The year's Tüketici Hakem Heyeti limit, printed in the complaints clause when given. */
  arbitrationLimit?: { year: number; amount: number };
}
