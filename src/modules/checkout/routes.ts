// /api/v1/checkout: what the shopper can choose, a priced preview with the legal texts, and placing
// the order (Idempotency-Key required: a retry or double click returns the same order).

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { cartJson, cartViewSchema } from "../cart/routes.ts";
import { type CartContext, viewCart } from "../cart/service.ts";
import { shopperCart, shopperOf } from "../cart/shopper.ts";
import { accountContext, listAddresses } from "../customers/account.ts";
import { customers } from "../customers/schema.ts";
import { renderLegalHtml } from "../documents/html.ts";
import { distanceSalesContract, preInformationForm } from "../documents/legal.ts";
import { province } from "../geo/service.ts";
import { startOrderPayment } from "../orders/routes.ts";
import { type Order, paymentMethodIds } from "../orders/schema.ts";
import { orderAccessToken } from "../orders/service.ts";
import { type Gateways, isGatewayMethod } from "../payments/service.ts";
import { availableMethods, resolvePaymentSettings } from "../payments/settings.ts";
import { customerKey } from "../promotions/service.ts";
import { buildDocumentData } from "./documents.ts";
import { type PlaceOrderInput, placeOrder } from "./service.ts";

export interface CheckoutRoutesOptions {
  db: Db;
  jobs: Jobs;
  events: EventBus;
  access: Access;
  cache: MemoCache;
  gateways: Gateways;
  secret: string;
  mediaUrl: (key: string) => string;
}

const money = z.number().int();
const addressInput = z.object({
  firstName: z.string().max(60),
  lastName: z.string().max(60),
  phone: z.string().max(30),
  provinceCode: z.union([z.number().int(), z.string().max(3)]),
  district: z.string().max(80),
  neighbourhood: z.string().max(120),
  addressLine: z.string().max(300),
  postalCode: z.string().max(10).nullish(),
  tckn: z.string().max(14).nullish(),
  invoiceType: z.enum(["individual", "corporate"]).default("individual"),
  companyName: z.string().max(200).nullish(),
  taxNumber: z.string().max(14).nullish(),
  taxOffice: z.string().max(100).nullish(),
});
export const checkoutBody = z.object({
  email: z.string().max(254).optional().describe("Required for guests; a signed-in customer's own address is used otherwise"),
  shippingAddressId: z.uuid().nullish(),
  shippingAddress: addressInput.nullish(),
  saveAddress: z.boolean().default(false),
  billingSameAsShipping: z.boolean().default(true),
  billingAddress: addressInput.nullish(),
  shippingMethodId: z.uuid(),
  paymentMethod: z.enum(paymentMethodIds),
  useStoreCredit: z.boolean().default(false),
  acceptContracts: z.boolean().default(false),
  customerNote: z.string().max(1000).nullish(),
});
export type CheckoutBody = z.infer<typeof checkoutBody>;

const nextStep = z.discriminatedUnion("type", [
  z.object({ type: z.literal("done") }),
  z.object({
    type: z.literal("bank_transfer"),
    amount: money,
    accounts: z.array(z.object({ bank: z.string(), holder: z.string(), iban: z.string() })),
    expiresAt: z.string().nullable(),
  }),
  z.object({ type: z.literal("redirect"), url: z.string() }),
  z.object({ type: z.literal("iframe"), url: z.string() }),
  z.object({ type: z.literal("client_secret"), clientSecret: z.string(), publishableKey: z.string() }),
  z.object({ type: z.literal("retry"), message: z.string() }),
]);
const placedSchema = z.object({
  orderId: z.uuid(),
  number: z.string(),
  status: z.string(),
  paymentMethod: z.string(),
  grandTotal: money,
  amountDue: money,
  /** The order page, with the guest's access key. */
  orderUrl: z.string(),
  next: nextStep,
});

/** The locale of an API request (Accept-Language); pages pass the visitor's own. */
const headerLocale = (request: FastifyRequest): "tr" | "en" => (request.headers["accept-language"]?.startsWith("en") ? "en" : "tr");

const cartContext = (options: CheckoutRoutesOptions, request: FastifyRequest, locale: "tr" | "en"): CartContext => ({
  db: options.db,
  tenantId: request.tenant.id,
  locale,
  cache: options.cache,
});

const settingsOf = (options: CheckoutRoutesOptions, request: FastifyRequest) =>
  resolvePaymentSettings(request.tenant.settings.payments, new Set(Object.keys(options.gateways)));

async function creditOf(db: Db, customerId: string | null): Promise<number> {
  if (!customerId) return 0;
  const [row] = await db.select({ credit: customers.storeCredit }).from(customers).where(eq(customers.id, customerId));
  return row?.credit ?? 0;
}

/** What the shopper can choose at checkout: the priced cart, payment methods, store credit, saved addresses. */
export async function checkoutChoices(
  options: CheckoutRoutesOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale = headerLocale(request),
) {
  const ctx = cartContext(options, request, locale);
  const shopper = await shopperOf(options, ctx, request, reply);
  const cartId = await shopperCart(ctx, shopper, request, reply, { create: false });
  const view = await viewCart(ctx, cartId, {
    customerKey: shopper.customerId ? customerKey({ customerId: shopper.customerId, email: "" }) : undefined,
    mediaUrl: options.mediaUrl,
  });
  const settings = settingsOf(options, request);
  const saved = shopper.userId && shopper.customerId ? await listAddresses(accountContext(request, options.db, shopper.userId)) : [];
  return {
    view,
    settings,
    paymentMethods: availableMethods(settings, view.pricing.grandTotal).map((id) => ({
      id,
      fee: id === "cash_on_delivery" ? settings.cashOnDelivery.fee : 0,
    })),
    storeCredit: settings.storeCredit.enabled ? await creditOf(options.db, shopper.customerId) : 0,
    signedIn: shopper.userId !== null,
    email: shopper.email,
    addresses: saved,
  };
}

export type CheckoutPreviewBody = Partial<Pick<CheckoutBody, "shippingMethodId" | "paymentMethod">> &
  Omit<CheckoutBody, "shippingMethodId" | "paymentMethod">;

/** The priced order with its pre-information form and distance sales contract, before it is placed. */
export async function checkoutPreview(
  options: CheckoutRoutesOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  body: CheckoutPreviewBody,
  locale = headerLocale(request),
) {
  const ctx = cartContext(options, request, locale);
  const shopper = await shopperOf(options, ctx, request, reply);
  const cartId = await shopperCart(ctx, shopper, request, reply, { create: false });
  const settings = settingsOf(options, request);
  const fee = body.paymentMethod === "cash_on_delivery" ? settings.cashOnDelivery.fee : 0;
  const credit = body.useStoreCredit && settings.storeCredit.enabled ? await creditOf(options.db, shopper.customerId) : 0;
  const view = await viewCart(ctx, cartId, {
    shippingMethodId: body.shippingMethodId,
    paymentFee: fee,
    storeCredit: credit,
    customerKey: shopper.customerId ? customerKey({ customerId: shopper.customerId, email: "" }) : undefined,
    mediaUrl: options.mediaUrl,
  });
  const p = view.pricing;
  // Until the shopper has typed them, the texts show a placeholder for the name and street.
  const pending = ctx.locale === "en" ? "(to be entered)" : "(girilecek)";
  const draftAddress = (a: z.infer<typeof addressInput> | null | undefined) => {
    const code = Number(a?.provinceCode ?? 0);
    const named = Boolean(a?.firstName?.trim() || a?.lastName?.trim());
    return {
      firstName: named ? (a?.firstName ?? "") : pending,
      lastName: named ? (a?.lastName ?? "") : "",
      phone: a?.phone ?? "",
      provinceCode: code,
      province: (Number.isInteger(code) && code > 0 && province(code)?.name) || "",
      district: a?.district ?? "",
      neighbourhood: a?.neighbourhood ?? "",
      addressLine: a?.addressLine?.trim() ? a.addressLine : pending,
      postalCode: a?.postalCode ?? null,
    };
  };
  const a = body.shippingAddress;
  // The invoice is made out to the billing address when it differs from the delivery address.
  const b = body.billingSameAsShipping === false && body.billingAddress ? body.billingAddress : a;
  const addr = draftAddress(a);
  const draft = {
    number: ctx.locale === "en" ? "(given when the order is placed)" : "(sipariş onayında verilir)",
    locale: ctx.locale,
    currency: request.tenant.currency,
    placedAt: new Date(),
    email: shopper.email ?? body.email ?? "",
    phone: addr.phone,
    shippingAddress: addr,
    billingAddress: draftAddress(b),
    invoice: {
      type: b?.invoiceType ?? "individual",
      companyName: b?.companyName ?? null,
      taxNumber: b?.taxNumber ?? null,
      taxOffice: b?.taxOffice ?? null,
      tckn: b?.tckn ?? null,
    },
    subtotal: p.subtotal,
    discountTotal: p.discountTotal,
    couponCodes: p.coupons.map((c) => c.code),
    shippingTotal: p.shippingTotal,
    shippingMethodName: p.shipping?.name ?? pending,
    paymentFee: p.paymentFee,
    storeCreditUsed: p.storeCreditUsed,
    amountDue: p.amountDue,
    grandTotal: p.grandTotal,
    vatBreakdown: p.vat,
    paymentMethod: body.paymentMethod ?? "bank_transfer",
  } as unknown as Order;
  const byVariant = new Map(view.lines.map((l) => [l.variantId, l]));
  const documents =
    p.lines.length === 0
      ? []
      : [preInformationForm, distanceSalesContract].map((make) => {
          const doc = make(
            buildDocumentData({
              order: draft,
              lines: p.lines.map((l) => ({
                ...l,
                title: byVariant.get(l.variantId)?.title ?? "",
                variantLabel: byVariant.get(l.variantId)?.variantLabel,
                sku: byVariant.get(l.variantId)?.sku,
              })),
              tenant: request.tenant,
              deliveryDays: [p.shipping?.minDays ?? 1, p.shipping?.maxDays ?? 3],
            }),
          );
          return { kind: doc.kind, title: doc.title, html: renderLegalHtml(doc) };
        });
  return { view, storeCreditUsed: p.storeCreditUsed, paymentFee: p.paymentFee, amountDue: p.amountDue, documents };
}

export type PlacedCheckout = z.infer<typeof placedSchema>;

/** Places the shopper's order (same key → same order) and says what the browser does next. */
export async function placeCheckoutOrder(
  options: CheckoutRoutesOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  body: CheckoutBody,
  idempotencyKey: string,
  locale = headerLocale(request),
): Promise<{ placed: PlacedCheckout; replay: boolean }> {
  const ctx = cartContext(options, request, locale);
  const shopper = await shopperOf(options, ctx, request, reply, { create: true });
  const cartId = await shopperCart(ctx, shopper, request, reply, { create: false });
  const email = shopper.email ?? body.email ?? "";
  if (!cartId) throw new HttpError(409, "Your cart is empty.", { code: "cart-empty" });
  const settings = settingsOf(options, request);
  const input: PlaceOrderInput = {
    ...body,
    email,
    cartId,
    idempotencyKey,
    shippingAddress: body.shippingAddress ?? null,
    billingAddress: body.billingAddress ?? null,
  };
  const placed = await placeOrder(
    {
      db: options.db,
      jobs: options.jobs,
      events: options.events,
      cache: options.cache,
      tenant: request.tenant,
      locale: ctx.locale,
      payments: settings,
      customer: shopper.customerId && shopper.userId ? { id: shopper.customerId, userId: shopper.userId } : null,
      ip: request.ip,
      userAgent: request.headers["user-agent"],
      mediaUrl: options.mediaUrl,
    },
    input,
  );
  return { placed: await placedResponse(options, request, placed.order, placed.replay), replay: placed.replay };
}

async function placedResponse(
  options: CheckoutRoutesOptions,
  request: FastifyRequest,
  order: Order,
  replay: boolean,
): Promise<z.infer<typeof placedSchema>> {
  const base = `${request.protocol}://${request.host}`;
  const orderUrl = `${base}/siparis/${order.number}?t=${orderAccessToken(options.secret, order.id)}`;
  const settings = settingsOf(options, request);
  let next: z.infer<typeof nextStep> = { type: "done" };
  if (order.status === "awaiting_payment" && order.paymentMethod === "bank_transfer") {
    next = {
      type: "bank_transfer",
      amount: order.amountDue,
      accounts: settings.bankTransfer.accounts,
      expiresAt: order.reservationExpiresAt?.toISOString() ?? null,
    };
  } else if (order.status === "awaiting_payment" && isGatewayMethod(order.paymentMethod) && !replay) {
    try {
      const started = await startOrderPayment(options, request, order);
      next =
        started.type === "client_secret"
          ? { type: "client_secret", clientSecret: started.clientSecret, publishableKey: started.publishableKey }
          : { type: started.type, url: started.url };
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      request.log.warn({ err: error, order: order.number }, "checkout: the payment page could not be opened");
      next = {
        type: "retry",
        message: "The payment page could not be opened. Your order is saved; try the payment again from the order page.",
      };
    }
  } else if (order.status === "awaiting_payment" && isGatewayMethod(order.paymentMethod)) {
    next = { type: "retry", message: "Continue the payment from the order page." };
  }
  return {
    orderId: order.id,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    grandTotal: order.grandTotal,
    amountDue: order.amountDue,
    orderUrl,
    next,
  };
}

export async function checkoutRoutes(app: FastifyInstance, options: CheckoutRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["checkout"];

  r.get(
    "/api/v1/checkout",
    {
      schema: {
        tags,
        summary: "The cart with the choices for checkout: payment methods, store credit, saved addresses",
        response: {
          200: z.object({
            cart: cartViewSchema,
            paymentMethods: z.array(z.object({ id: z.enum(paymentMethodIds), fee: money })),
            storeCredit: money,
            signedIn: z.boolean(),
            email: z.string().nullable(),
            addresses: z.array(z.object({ id: z.uuid(), title: z.string(), summary: z.string(), isDefault: z.boolean() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const choices = await checkoutChoices(options, request, reply);
      reply.header("cache-control", "private, no-store");
      return {
        cart: cartJson(choices.view),
        paymentMethods: choices.paymentMethods,
        storeCredit: choices.storeCredit,
        signedIn: choices.signedIn,
        email: choices.email,
        addresses: choices.addresses.map((a) => ({
          id: a.id,
          title: a.title,
          summary: `${a.firstName} ${a.lastName}, ${a.addressLine}, ${a.district}/${a.province}`,
          isDefault: a.isDefault,
        })),
      };
    },
  );

  r.post(
    "/api/v1/checkout/orders",
    {
      schema: {
        tags,
        summary: "Place the order (send an Idempotency-Key header; repeats return the same order)",
        headers: z.object({ "idempotency-key": z.string().min(8).max(100) }),
        body: checkoutBody,
        response: { 200: placedSchema, 201: placedSchema },
      },
    },
    async (request, reply) => {
      const { placed, replay } = await placeCheckoutOrder(options, request, reply, request.body, request.headers["idempotency-key"]);
      reply.code(replay ? 200 : 201).header("cache-control", "no-store");
      return placed;
    },
  );

  r.post(
    "/api/v1/checkout/preview",
    {
      schema: {
        tags,
        summary: "The priced order and its pre-information form and distance sales contract, before placing it",
        body: checkoutBody.partial({ shippingMethodId: true, paymentMethod: true }),
        response: {
          200: z.object({
            cart: cartViewSchema,
            storeCreditUsed: money,
            paymentFee: money,
            amountDue: money,
            documents: z.array(z.object({ kind: z.string(), title: z.string(), html: z.string() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const { view, ...preview } = await checkoutPreview(options, request, reply, request.body);
      reply.header("cache-control", "private, no-store");
      return { ...preview, cart: cartJson(view) };
    },
  );
}
