// CheckoutWeb for the storefront pages: the same code paths as /api/v1/checkout and /api/v1/orders
// (src/modules/checkout/routes.ts, src/modules/orders/routes.ts), called in-process.

import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { CartView } from "../../modules/cart/service.ts";
import { customerIdOf, removeCoupon } from "../../modules/cart/service.ts";
import { shopperCart, shopperOf } from "../../modules/cart/shopper.ts";
import {
  type CheckoutBody,
  type CheckoutRoutesOptions,
  checkoutBody,
  checkoutChoices,
  checkoutPreview,
  placeCheckoutOrder,
} from "../../modules/checkout/routes.ts";
import { OutOfStockError } from "../../modules/checkout/service.ts";
import {
  type AccountAddress,
  AccountValidationError,
  accountContext,
  type FieldError,
  getProfile,
  listAddresses,
} from "../../modules/customers/account.ts";
import { districts, neighbourhoods, provinces } from "../../modules/geo/service.ts";
import { accessibleOrder, listCustomerOrders, orderDetailJson, startOrderPayment } from "../../modules/orders/routes.ts";
import type { Order } from "../../modules/orders/schema.ts";
import { cancelOrder, orderAccessToken, requestReturn, WITHDRAWAL_DAYS } from "../../modules/orders/service.ts";
import { isOrderStatus, statusTone } from "../../modules/orders/states.ts";
import { formatIban, resolvePaymentSettings } from "../../modules/payments/settings.ts";
import { CouponUnavailableError } from "../../modules/promotions/service.ts";
import { carriers, isCarrier } from "../../modules/shipping/carriers.ts";
import { HttpError } from "../../platform/problem.ts";
import type { Locale } from "../../web/context.ts";
import type {
  CheckoutAddress,
  CheckoutDraft,
  CheckoutRefusal,
  CheckoutSummary,
  CheckoutWeb,
  CustomerOrder,
  OrderActionResult,
  PaymentStart,
  PlaceResult,
  StatusTone,
} from "../../web/services/checkout.ts";
import type { Kernel } from "../kernel.ts";
import { attempt } from "./attempt.ts";

const ORDER_NUMBER = /^\d{6,20}$/;

/** The price summary the checkout page shows, from a priced cart. */
export function summaryOf(view: CartView): CheckoutSummary {
  const p = view.pricing;
  const option = (q: NonNullable<typeof p.shipping>) => ({
    id: q.id,
    name: q.name,
    carrier: q.carrier,
    fee: q.fee,
    price: q.price,
    free: q.free,
    remainingForFree: q.remainingForFree,
    freeOver: q.freeOver,
    minDays: q.minDays,
    maxDays: q.maxDays,
  });
  return {
    lines: view.lines,
    itemCount: p.itemCount,
    subtotal: p.subtotal,
    saleSavings: p.saleSavings,
    discountTotal: p.discountTotal,
    coupons: p.coupons.map((c) => ({ code: c.code, title: c.title, kind: c.kind, amount: c.amount })),
    couponProblems: view.couponProblems,
    shippingOptions: p.shippingOptions.map(option),
    shipping: p.shipping ? option(p.shipping) : null,
    shippingTotal: p.shippingTotal,
    paymentFee: p.paymentFee,
    storeCreditUsed: p.storeCreditUsed,
    grandTotal: p.grandTotal,
    amountDue: p.amountDue,
    vat: p.vat,
    ready: view.ready,
  };
}

type AddressBody = NonNullable<CheckoutBody["shippingAddress"]>;

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function addressBody(a: CheckoutAddress, invoice?: CheckoutDraft["invoice"]): AddressBody {
  const corporate = invoice?.type === "corporate";
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    phone: a.phone,
    provinceCode: a.provinceCode,
    district: a.district,
    neighbourhood: a.neighbourhood,
    addressLine: a.addressLine,
    postalCode: orNull(a.postalCode),
    invoiceType: corporate ? "corporate" : "individual",
    tckn: invoice ? orNull(invoice.tckn) : null,
    companyName: corporate && invoice ? orNull(invoice.companyName) : null,
    taxNumber: corporate && invoice ? orNull(invoice.taxNumber) : null,
    taxOffice: corporate && invoice ? orNull(invoice.taxOffice) : null,
  };
}

function savedAsInput(a: AccountAddress): CheckoutAddress {
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    phone: a.phone,
    provinceCode: String(a.provinceCode),
    district: a.district,
    neighbourhood: a.neighbourhood,
    addressLine: a.addressLine,
    postalCode: a.postalCode ?? "",
  };
}

/**
 * The checkout API's body for what the form holds. The invoice details travel with the billing
 * address: the delivery address when billing is the same (a saved delivery address is copied as
 * the billing address, so the invoice details typed at checkout apply).
 */
export function checkoutBodyOf(
  draft: CheckoutDraft,
  saved: AccountAddress | null,
  mode: "preview" | "place",
): Omit<CheckoutBody, "shippingMethodId" | "paymentMethod"> & Partial<Pick<CheckoutBody, "shippingMethodId" | "paymentMethod">> {
  const useSaved = draft.shippingAddressId !== null && saved !== null;
  const shipping = useSaved ? savedAsInput(saved) : draft.shippingAddress;
  let billingSameAsShipping = draft.billingSameAsShipping;
  let billingAddress: AddressBody | null = null;
  if (!draft.billingSameAsShipping) billingAddress = addressBody(draft.billingAddress, draft.invoice);
  else if (useSaved) {
    billingSameAsShipping = false;
    billingAddress = addressBody(shipping, draft.invoice);
  }
  return {
    email: draft.email.trim(),
    // Placing resolves a saved address by id; the preview needs the address itself.
    shippingAddressId: useSaved && mode === "place" ? draft.shippingAddressId : null,
    shippingAddress: useSaved && mode === "place" ? null : addressBody(shipping, draft.billingSameAsShipping ? draft.invoice : undefined),
    saveAddress: !useSaved && draft.saveAddress,
    billingSameAsShipping,
    billingAddress,
    shippingMethodId: draft.shippingMethodId ?? undefined,
    paymentMethod: draft.paymentMethod ?? undefined,
    useStoreCredit: draft.useStoreCredit,
    acceptContracts: draft.acceptContracts,
    customerNote: orNull(draft.customerNote),
  };
}

/** zod issues of the checkout body as field errors (`shipping.phone`, `email`…). */
function issuesAsFields(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map(
    (i) =>
      ({
        path: i.path
          .map(String)
          .join(".")
          .replace(/^shippingAddress\./, "shipping.")
          .replace(/^billingAddress\./, "billing."),
        code: i.code === "too_big" ? "tooLong" : "required",
        message: i.message,
      }) as FieldError,
  );
}

/** Turns a refusal of the checkout service into what the page explains; other errors are thrown on. */
export function refusalOf(error: unknown): CheckoutRefusal | undefined {
  if (error instanceof AccountValidationError) return { reason: "invalid", errors: error.fields };
  if (error instanceof OutOfStockError) return { reason: "out-of-stock", message: error.message };
  if (error instanceof CouponUnavailableError) return { reason: "coupon", code: error.couponCode, problem: error.reason };
  if (!(error instanceof HttpError) || error.statusCode >= 500) return undefined;
  const code = error.code;
  const message = error.message;
  if (code === "cart-empty") return { reason: "cart-empty", message };
  if (code === "shipping-method") return { reason: "shipping-method", message };
  if (code === "payment-method") return { reason: "payment-method", message };
  if (code.startsWith("credit-")) return { reason: "credit", message };
  if (code.startsWith("idempotency-key")) return { reason: "idempotency", message };
  return { reason: "other", message };
}

const toneOf = (status: string): StatusTone => (isOrderStatus(status) ? statusTone[status] : "neutral");

function orderActionError(error: unknown): { ok: false; code: string; message: string } | undefined {
  if (!(error instanceof HttpError) || error.statusCode >= 500 || error.statusCode === 404) return undefined;
  return { ok: false, code: error.code, message: error.message };
}

/** Implements CheckoutWeb for one request. */
export function checkoutWeb(kernel: Kernel, request: FastifyRequest, reply: FastifyReply, locale: Locale): CheckoutWeb {
  const options: CheckoutRoutesOptions = {
    db: kernel.db,
    jobs: kernel.jobs,
    events: kernel.events,
    access: kernel.access,
    cache: kernel.cache,
    gateways: kernel.gateways,
    secret: kernel.config.secrets[0] as string,
    mediaUrl: kernel.mediaUrl,
  };
  const tenantId = request.tenant.id;
  const userId = async () => (await kernel.access.principal(request, reply).catch(() => null))?.user?.id ?? null;

  let addressesPromise: Promise<AccountAddress[]> | null = null;
  const savedAddresses = () => {
    addressesPromise ??= userId().then((id) => (id ? listAddresses(accountContext(request, kernel.db, id)) : []));
    return addressesPromise;
  };
  const savedAddress = async (id: string | null) => (id ? ((await savedAddresses()).find((a) => a.id === id) ?? null) : null);

  /** The order if this visitor may see it, or null (unknown number, wrong key, someone else's). */
  async function findOrder(number: string, token: string | null | undefined): Promise<Order | null> {
    if (!ORDER_NUMBER.test(number) || (token && token.length > 64)) return null;
    return attempt(
      () => accessibleOrder(options, request, reply, number, token ?? undefined),
      (error) => (error instanceof HttpError && error.statusCode === 404 ? null : undefined),
    );
  }

  const notFound = { ok: false as const, code: "not-found", message: "The order was not found." };
  const actor = async () => ({ kind: "customer" as const, userId: await userId() });

  return {
    async choices() {
      const c = await checkoutChoices(options, request, reply, locale);
      addressesPromise = Promise.resolve(c.addresses);
      const id = c.signedIn ? await userId() : null;
      const phone = id ? (await getProfile(accountContext(request, kernel.db, id))).phone : null;
      return {
        summary: summaryOf(c.view),
        // Stripe needs Stripe.js (the Payment Element) in the page, which the storefront does not
        // load yet: the web checkout leaves it out; apps pay with the API's client secret.
        paymentMethods: c.paymentMethods.filter((m) => m.id !== "stripe"),
        storeCredit: c.storeCredit,
        signedIn: c.signedIn,
        email: c.email,
        phone,
        addresses: c.addresses,
        bankTransferHours: c.settings.bankTransfer.expiryHours,
      };
    },

    async preview(draft) {
      const saved = await savedAddress(draft.shippingAddressId);
      const { view, documents } = await checkoutPreview(options, request, reply, checkoutBodyOf(draft, saved, "preview"), locale);
      return { summary: summaryOf(view), documents };
    },

    async place(draft, idempotencyKey): Promise<PlaceResult> {
      const saved = await savedAddress(draft.shippingAddressId);
      if (draft.shippingAddressId && !saved) {
        return {
          ok: false,
          reason: "invalid",
          errors: [{ path: "shippingAddressId", code: "address", message: "Choose one of your addresses." } as FieldError],
        };
      }
      if (!draft.shippingMethodId) return { ok: false, reason: "shipping-method", message: "Choose a shipping method." };
      if (!draft.paymentMethod) return { ok: false, reason: "payment-method", message: "Choose a payment method." };
      const parsed = checkoutBody.safeParse(checkoutBodyOf(draft, saved, "place"));
      if (!parsed.success) return { ok: false, reason: "invalid", errors: issuesAsFields(parsed.error.issues) };
      return attempt(
        async () => {
          const { placed, replay } = await placeCheckoutOrder(options, request, reply, parsed.data, idempotencyKey, locale);
          const url = new URL(placed.orderUrl);
          return { ok: true as const, number: placed.number, replay, next: placed.next, orderPath: url.pathname + url.search };
        },
        (error) => {
          const refusal = refusalOf(error);
          return refusal && { ok: false as const, ...refusal };
        },
      );
    },

    async removeCoupon(code) {
      const ctx = { db: kernel.db, tenantId, locale, cache: kernel.cache };
      const shopper = await shopperOf(options, ctx, request, reply);
      const cartId = await shopperCart(ctx, shopper, request, reply, { create: false });
      if (cartId) await removeCoupon(ctx, cartId, code);
    },

    geo: { provinces, districts, neighbourhoods },

    async order(number, token) {
      const order = await findOrder(number, token);
      if (!order) return null;
      const json = await orderDetailJson(kernel.db, order);
      const settings = resolvePaymentSettings(request.tenant.settings.payments, new Set(Object.keys(kernel.gateways)));
      const result: CustomerOrder = {
        ...json,
        token: orderAccessToken(options.secret, order.id),
        tone: toneOf(order.status),
        shipments: json.shipments.map((s) => ({ ...s, carrierName: isCarrier(s.carrier) ? carriers[s.carrier].name : s.carrier })),
        bankAccounts:
          order.status === "awaiting_payment" && order.paymentMethod === "bank_transfer"
            ? settings.bankTransfer.accounts.map((a) => ({ ...a, ibanText: formatIban(a.iban) }))
            : [],
        invoice: order.invoice,
        customerNote: order.customerNote,
        withdrawalDays: WITHDRAWAL_DAYS,
      };
      return result;
    },

    async orders(page) {
      const empty = { items: [], total: 0, perPage: 20 };
      const id = await userId();
      if (!id) return empty;
      const customerId = await customerIdOf(kernel.db, tenantId, id);
      if (!customerId) return empty;
      const list = await listCustomerOrders(kernel.db, tenantId, customerId, Math.min(1000, Math.max(1, Math.floor(page) || 1)));
      return { ...list, items: list.items.map((o) => ({ ...o, tone: toneOf(o.status) })) };
    },

    async cancel(number, token, reason): Promise<OrderActionResult> {
      const order = await findOrder(number, token);
      if (!order) return notFound;
      const ctx = { db: kernel.db, tenantId, jobs: kernel.jobs, events: kernel.events, actor: await actor() };
      return attempt(async () => {
        await cancelOrder(ctx, order.id, reason.trim().slice(0, 500) || "cancelled-by-customer");
        return { ok: true as const, value: null };
      }, orderActionError);
    },

    async requestReturn(number, token, input): Promise<OrderActionResult> {
      const order = await findOrder(number, token);
      if (!order) return notFound;
      const ctx = { db: kernel.db, tenantId, jobs: kernel.jobs, events: kernel.events, actor: await actor() };
      return attempt(async () => {
        await requestReturn(ctx, order.id, { reason: input.reason.slice(0, 1000), lines: input.lines.slice(0, 200) });
        return { ok: true as const, value: null };
      }, orderActionError);
    },

    async pay(number, token): Promise<OrderActionResult<PaymentStart>> {
      const order = await findOrder(number, token);
      if (!order) return notFound;
      return attempt(
        async () => ({ ok: true as const, value: (await startOrderPayment(options, request, order)) as PaymentStart }),
        (error) =>
          error instanceof HttpError && error.statusCode !== 404
            ? { ok: false as const, code: error.code, message: error.message }
            : undefined,
      );
    },
  };
}
