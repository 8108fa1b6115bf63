// Checkout, the order page and the signed-in customer's orders. Types only: the server implements
// CheckoutWeb in src/server/web/checkout.ts (calling the checkout, orders and payments services
// in-process) and passes it through the request context (see ../context.ts).

import type { CartView } from "../../modules/cart/service.ts";
import type { FieldError } from "../../modules/customers/account.ts";
import type { Province } from "../../modules/geo/service.ts";
import type { customerOrderJson } from "../../modules/orders/routes.ts";
import type { OrderStatus } from "../../modules/orders/states.ts";
import type { BankAccount } from "../../modules/tenants/schema.ts";
import type { AccountAddress } from "./account.ts";

export type { BankAccount, FieldError, OrderStatus, Province };

export type PaymentMethodId = "bank_transfer" | "cash_on_delivery" | "store_credit" | "iyzico" | "paytr" | "stripe";
export type StatusTone = "neutral" | "info" | "warning" | "success" | "danger" | "accent";

/** A delivery or billing address as typed into the checkout form (strings as sent). */
export interface CheckoutAddress {
  firstName: string;
  lastName: string;
  phone: string;
  provinceCode: string;
  district: string;
  neighbourhood: string;
  addressLine: string;
  postalCode: string;
}

export interface CheckoutInvoice {
  type: "individual" | "corporate";
  tckn: string;
  companyName: string;
  taxNumber: string;
  taxOffice: string;
}

/** Everything the checkout form holds; the adapter turns it into the checkout API's body. */
export interface CheckoutDraft {
  email: string;
  /** A saved address of the signed-in customer; null for a new address. */
  shippingAddressId: string | null;
  shippingAddress: CheckoutAddress;
  saveAddress: boolean;
  billingSameAsShipping: boolean;
  billingAddress: CheckoutAddress;
  invoice: CheckoutInvoice;
  shippingMethodId: string | null;
  paymentMethod: PaymentMethodId | null;
  useStoreCredit: boolean;
  acceptContracts: boolean;
  customerNote: string;
}

/** The priced basket for the summary (every amount in kuruş, KDV included). */
export interface CheckoutSummary {
  lines: CartView["lines"];
  itemCount: number;
  subtotal: number;
  saleSavings: number;
  discountTotal: number;
  coupons: { code: string; title: string; kind: string; amount: number }[];
  couponProblems: CartView["couponProblems"];
  shippingOptions: ShippingOption[];
  shipping: ShippingOption | null;
  shippingTotal: number;
  paymentFee: number;
  storeCreditUsed: number;
  grandTotal: number;
  amountDue: number;
  vat: { rate: number; net: number; vat: number }[];
  /** Every line can be bought as it is. */
  ready: boolean;
}

export interface ShippingOption {
  id: string;
  name: string;
  carrier: string;
  fee: number;
  price: number;
  free: boolean;
  /** How much more the basket needs for free shipping (0 when free or never). */
  remainingForFree: number;
  /** The free-shipping threshold of this method, if any. */
  freeOver: number | null;
  minDays: number;
  maxDays: number;
}

export interface LegalText {
  kind: string;
  title: string;
  /** A safe HTML fragment (escaped by the server). */
  html: string;
}

export interface CheckoutPreview {
  summary: CheckoutSummary;
  documents: LegalText[];
}

export interface CheckoutChoices {
  summary: CheckoutSummary;
  paymentMethods: { id: PaymentMethodId; fee: number }[];
  /** The signed-in customer's store credit (0 for guests or when the store does not allow it). */
  storeCredit: number;
  signedIn: boolean;
  /** The signed-in customer's e-mail address. */
  email: string | null;
  /** The signed-in customer's mobile number (E.164), to start a new address with. */
  phone: string | null;
  addresses: AccountAddress[];
  /** Hours a bank transfer order waits for the money. */
  bankTransferHours: number;
}

export type NextStep =
  | { type: "done" }
  | { type: "bank_transfer"; amount: number; accounts: BankAccount[]; expiresAt: string | null }
  | { type: "redirect"; url: string }
  | { type: "iframe"; url: string }
  | { type: "client_secret"; clientSecret: string; publishableKey: string }
  | { type: "retry"; message: string };

/** Why the order was not placed, for the page to explain (field errors go next to the fields). */
export type CheckoutRefusal =
  | { reason: "invalid"; errors: FieldError[] }
  | { reason: "out-of-stock"; message: string }
  | { reason: "coupon"; code: string; problem: string }
  | { reason: "cart-empty" | "shipping-method" | "payment-method" | "credit" | "idempotency" | "other"; message: string };

export type PlaceResult =
  | { ok: true; number: string; replay: boolean; next: NextStep; orderPath: string }
  | ({ ok: false } & CheckoutRefusal);

/** An order as its shopper sees it (same shape as GET /api/v1/orders/:number). */
export type CustomerOrderJson = ReturnType<typeof customerOrderJson>;

export interface CustomerOrder extends Omit<CustomerOrderJson, "shipments"> {
  /** The guest key for links to this order's documents and live events. */
  token: string;
  tone: StatusTone;
  shipments: (CustomerOrderJson["shipments"][number] & { carrierName: string })[];
  /** Bank accounts to pay an awaiting bank transfer into (empty otherwise); `ibanText` is grouped by four. */
  bankAccounts: (BankAccount & { ibanText: string })[];
  invoice: {
    type: "individual" | "corporate";
    tckn?: string | null;
    companyName?: string | null;
    taxNumber?: string | null;
    taxOffice?: string | null;
  };
  customerNote: string | null;
  /** Days after delivery in which a return can be requested. */
  withdrawalDays: number;
}

export interface OrderListItem {
  id: string;
  number: string;
  status: string;
  tone: StatusTone;
  grandTotal: number;
  placedAt: string;
  itemCount: number;
  firstImage: string | null;
}

export type PaymentStart =
  | { type: "redirect" | "iframe"; url: string }
  | { type: "client_secret"; clientSecret: string; publishableKey: string };

export type OrderActionResult<T = null> = { ok: true; value: T } | { ok: false; code: string; message: string };

export interface CheckoutWeb {
  /** The cart and what can be chosen; the cart is empty (no lines) when there is nothing to buy. */
  choices(): Promise<CheckoutChoices>;
  /** The priced order and its legal texts for what the form holds now. */
  preview(draft: CheckoutDraft): Promise<CheckoutPreview>;
  /** Places the order; the same key returns the same order. */
  place(draft: CheckoutDraft, idempotencyKey: string): Promise<PlaceResult>;
  /** Takes a coupon code off the shopper's cart. */
  removeCoupon(code: string): Promise<void>;
  geo: {
    provinces(): Province[];
    districts(provinceCode: number): string[];
    neighbourhoods(provinceCode: number, district: string): string[];
  };
  /** An order its customer (signed in) or a guest with the key `t` may see; null otherwise. */
  order(number: string, token?: string | null): Promise<CustomerOrder | null>;
  /** The signed-in customer's orders (page from 1); empty for visitors. */
  orders(page: number): Promise<{ items: OrderListItem[]; total: number; perPage: number }>;
  cancel(number: string, token: string | null, reason: string): Promise<OrderActionResult>;
  requestReturn(
    number: string,
    token: string | null,
    input: { reason: string; lines: { lineId: string; quantity: number }[] },
  ): Promise<OrderActionResult>;
  /** Opens the card payment again for an order awaiting a card payment. */
  pay(number: string, token: string | null): Promise<OrderActionResult<PaymentStart>>;
}
