// Placing an order: one transaction that takes the idempotency key, the stock, the coupon uses and
// the store credit, each with a conditional write, so concurrent checkouts can never oversell,
// over-use a coupon or spend credit twice — and a retried request returns the first order.

import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { EventBus } from "../../platform/events.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError } from "../../platform/problem.ts";
import { clearCart, viewCart } from "../cart/service.ts";
import { productVariants } from "../catalog/schema.ts";
import { AccountValidationError, type AddressInput, type FieldError, validateAddress } from "../customers/account.ts";
import { addresses, customers, storeCreditEntries } from "../customers/schema.ts";
import { renderLegalHtml } from "../documents/html.ts";
import { distanceSalesContract, preInformationForm } from "../documents/legal.ts";
import { requestQueuePass } from "../orders/pending-queue.ts";
import {
  type Order,
  type OrderAddress,
  type OrderInvoice,
  orderDocuments,
  orderEvents,
  orderLines,
  orders,
  type PaymentMethodId,
  stockReservations,
} from "../orders/schema.ts";
import { ORDER_MAIL_QUEUE, type OrderMailJob, publishOrderChange, requestStockProjection } from "../orders/service.ts";
import type { OrderStatus } from "../orders/states.ts";
import { payments } from "../payments/schema.ts";
import { availableMethods, type ResolvedPaymentSettings } from "../payments/settings.ts";
import { type CouponProblem, CouponUnavailableError, customerKey, redeemCoupons } from "../promotions/service.ts";
import type { TenantProfile } from "../tenants/schema.ts";
import { buildDocumentData } from "./documents.ts";

export interface CheckoutContext {
  db: Db;
  jobs: Jobs;
  events?: EventBus;
  cache?: MemoCache;
  tenant: { id: string; name: string; currency: string; profile: TenantProfile };
  locale: "tr" | "en";
  payments: ResolvedPaymentSettings;
  /** The signed-in shopper, if any. */
  customer?: { id: string; userId: string } | null;
  ip?: string;
  userAgent?: string;
  mediaUrl?: (key: string) => string;
  now?: Date;
}

export interface CheckoutAddressInput extends Omit<AddressInput, "title" | "isDefault"> {}

export interface PlaceOrderInput {
  /** Client-chosen, 8–100 characters: the same key returns the same order. */
  idempotencyKey: string;
  cartId: string;
  email: string;
  /** A saved address of the signed-in customer, or a new one. */
  shippingAddressId?: string | null;
  shippingAddress?: CheckoutAddressInput | null;
  saveAddress?: boolean;
  billingSameAsShipping: boolean;
  billingAddress?: CheckoutAddressInput | null;
  shippingMethodId: string;
  paymentMethod: PaymentMethodId;
  /** Use the customer's store credit first (alone when it covers everything). */
  useStoreCredit: boolean;
  /** The shopper confirmed the pre-information form and the distance sales contract. */
  acceptContracts: boolean;
  customerNote?: string | null;
}

export interface PlacedOrder {
  order: Order;
  /** True when this request repeated an earlier one (same idempotency key). */
  replay: boolean;
}

export class OutOfStockError extends HttpError {
  readonly variantIds: string[];
  constructor(titles: string[], variantIds: string[]) {
    super(409, `Not enough stock: ${titles.join(", ")}. Your cart was updated; please check it.`, { code: "out-of-stock" });
    this.variantIds = variantIds;
  }
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

function toOrderAddress(v: ReturnType<typeof validateAddress>): OrderAddress {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    phone: v.phone,
    provinceCode: v.provinceCode,
    province: v.province,
    district: v.district,
    neighbourhood: v.neighbourhood,
    addressLine: v.addressLine,
    postalCode: v.postalCode,
  };
}

function validated(prefix: string, input: CheckoutAddressInput | null | undefined, errors: FieldError[]) {
  try {
    return validateAddress({ ...(input ?? {}), title: prefix });
  } catch (error) {
    if (error instanceof AccountValidationError) {
      errors.push(...(error.errors ?? []).map((e) => ({ ...e, path: `${prefix}.${e.path}` }) as FieldError));
      return null;
    }
    throw error;
  }
}

/**
 * What the request asked for: a key reused with a different request is refused. The cart is not
 * part of it (a finished request has emptied the cart its repeat would see).
 */
function requestHash(input: PlaceOrderInput): string {
  const content = {
    cart: input.cartId,
    email: input.email.trim().toLowerCase(),
    ship: input.shippingAddressId ?? input.shippingAddress ?? null,
    bill: input.billingSameAsShipping ? null : (input.billingAddress ?? null),
    method: input.shippingMethodId,
    pay: input.paymentMethod,
    credit: input.useStoreCredit,
  };
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url");
}

async function existingOrder(db: Db, tenantId: string, key: string): Promise<Order | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.idempotencyKey, key)));
  return order;
}

function replayOf(order: Order, hash: string): PlacedOrder {
  if (order.requestHash !== hash) {
    throw new HttpError(422, "This Idempotency-Key was already used for a different order.", { code: "idempotency-key-reused" });
  }
  return { order, replay: true };
}

class Replay extends Error {}

export async function placeOrder(ctx: CheckoutContext, input: PlaceOrderInput): Promise<PlacedOrder> {
  const tenantId = ctx.tenant.id;
  const now = ctx.now ?? new Date();
  const key = input.idempotencyKey.trim();
  if (!/^[\w.:-]{8,100}$/.test(key)) {
    throw new HttpError(400, "Send an Idempotency-Key of 8–100 letters, digits, '-', '_', '.' or ':'.", {
      code: "idempotency-key-invalid",
    });
  }
  const hash = requestHash(input);

  const errors: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  if (!EMAIL_RE.test(email) || email.length > 254)
    errors.push({ path: "email", code: "email", message: "Enter a valid e-mail address." } as FieldError);
  let shipping: ReturnType<typeof validateAddress> | null = null;
  if (input.shippingAddressId) {
    if (!ctx.customer)
      errors.push({ path: "shippingAddressId", code: "address", message: "Sign in to use a saved address." } as FieldError);
    else {
      const [saved] = await ctx.db
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, input.shippingAddressId), eq(addresses.customerId, ctx.customer.id)));
      if (!saved) errors.push({ path: "shippingAddressId", code: "address", message: "Choose one of your addresses." } as FieldError);
      else shipping = { ...saved, invoiceType: saved.invoiceType } as ReturnType<typeof validateAddress>;
    }
  } else {
    shipping = validated("shipping", input.shippingAddress, errors);
  }
  const billing = input.billingSameAsShipping ? shipping : validated("billing", input.billingAddress, errors);
  if (!input.acceptContracts) {
    errors.push({
      path: "acceptContracts",
      code: "required",
      message: "Confirm the pre-information form and the distance sales contract to place the order.",
    } as FieldError);
  }
  if (errors.length > 0) throw new AccountValidationError(errors);

  const customerId = ctx.customer?.id ?? null;
  let credit = 0;
  if (input.useStoreCredit && customerId && ctx.payments.storeCredit.enabled) {
    const [row] = await ctx.db.select({ credit: customers.storeCredit }).from(customers).where(eq(customers.id, customerId));
    credit = row?.credit ?? 0;
  }
  const paymentFee = input.paymentMethod === "cash_on_delivery" ? ctx.payments.cashOnDelivery.fee : 0;
  const ckey = customerKey({ customerId, email });
  const cart = await viewCart({ db: ctx.db, tenantId, locale: ctx.locale, cache: ctx.cache }, input.cartId, {
    shippingMethodId: input.shippingMethodId,
    paymentFee,
    storeCredit: credit,
    customerKey: ckey,
    mediaUrl: ctx.mediaUrl,
  });
  const basket = cart.pricing;

  if (cart.lines.length === 0) {
    // A repeat of a finished request finds the cart emptied by it: answer with its order.
    const earlier = await existingOrder(ctx.db, tenantId, key);
    if (earlier) return replayOf(earlier, hash);
    throw new HttpError(409, "Your cart is empty.", { code: "cart-empty" });
  }
  // A code the shopper entered that can no longer be used (used up meanwhile, expired): never
  // charge more than the summary showed — refuse, and let the shopper decide.
  const lost = cart.couponProblems.find((p) => p.reason !== "min-basket" && p.reason !== "not-applicable" && p.reason !== "not-combinable");
  if (lost) throw new CouponUnavailableError(lost.code, lost.reason as CouponProblem);
  const blocked = cart.lines.filter((l) => l.problem !== null);
  if (blocked.length > 0) {
    await trimCartToStock(
      ctx.db,
      input.cartId,
      blocked.map((l) => l.variantId),
    );
    throw new OutOfStockError(
      blocked.map((l) => l.title),
      blocked.map((l) => l.variantId),
    );
  }
  const chosenShipping = basket.shipping;
  if (!chosenShipping || chosenShipping.id !== input.shippingMethodId) {
    throw new HttpError(400, "Choose a shipping method.", { code: "shipping-method" });
  }
  const method = input.paymentMethod;
  const creditOnly = basket.amountDue === 0 && basket.storeCreditUsed > 0;
  if (method === "store_credit") {
    if (!creditOnly)
      throw new HttpError(409, "Your store credit does not cover this order; choose another payment method too.", {
        code: "credit-insufficient",
      });
  } else if (!availableMethods(ctx.payments, basket.grandTotal).includes(method)) {
    throw new HttpError(400, "This payment method is not available for this order.", { code: "payment-method" });
  }
  if (method === "cash_on_delivery" && basket.storeCreditUsed > 0) {
    throw new HttpError(400, "Store credit cannot be combined with cash on delivery.", { code: "payment-method" });
  }
  const effectiveMethod: PaymentMethodId = creditOnly ? "store_credit" : method;

  const shippingAddress = toOrderAddress(shipping as NonNullable<typeof shipping>);
  const billingSource = billing as NonNullable<typeof billing>;
  const invoice: OrderInvoice = {
    type: billingSource.invoiceType,
    tckn: billingSource.tckn,
    companyName: billingSource.companyName,
    taxNumber: billingSource.taxNumber,
    taxOffice: billingSource.taxOffice,
  };

  // Which lines are taken from stock now, and which wait (backorder/pre-order beyond stock).
  const shortLines = cart.lines.filter((l) => l.saleMode !== "normal" && l.quantity > l.stock);
  const needsReview: string | null =
    shortLines.length > 0
      ? shortLines.some((l) => l.saleMode === "preorder")
        ? "preorder"
        : "backorder"
      : creditOnly && ctx.payments.storeCredit.reviewOver !== null && basket.grandTotal > ctx.payments.storeCredit.reviewOver
        ? "budget"
        : null;
  const initialStatus: OrderStatus = needsReview
    ? "pending_review"
    : effectiveMethod === "cash_on_delivery"
      ? "preparing"
      : effectiveMethod === "store_credit"
        ? "paid"
        : "awaiting_payment";
  const holdMinutes = effectiveMethod === "bank_transfer" ? ctx.payments.bankTransfer.expiryHours * 60 : ctx.payments.reservationMinutes;
  const expiresAt = initialStatus === "awaiting_payment" ? new Date(now.getTime() + holdMinutes * 60_000) : null;
  const creditToTake = needsReview === "budget" ? 0 : basket.storeCreditUsed;

  try {
    const { order, touched } = await ctx.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(orders)
        .values({
          tenantId,
          customerId,
          email,
          phone: shippingAddress.phone,
          locale: ctx.locale,
          status: initialStatus,
          paymentMethod: effectiveMethod,
          currency: ctx.tenant.currency,
          subtotal: basket.subtotal,
          discountTotal: basket.discountTotal,
          shippingTotal: basket.shippingTotal,
          paymentFee: basket.paymentFee,
          grandTotal: basket.grandTotal,
          storeCreditUsed: basket.storeCreditUsed,
          amountDue: basket.amountDue,
          vatBreakdown: basket.vat,
          couponCodes: basket.coupons.map((c) => c.code),
          shippingMethodId: chosenShipping.id,
          shippingMethodName: chosenShipping.name,
          carrier: chosenShipping.carrier,
          shippingAddress,
          billingAddress: input.billingSameAsShipping ? shippingAddress : toOrderAddress(billingSource),
          invoice,
          customerNote: input.customerNote?.trim().slice(0, 1000) || null,
          idempotencyKey: key,
          requestHash: hash,
          reservationExpiresAt: expiresAt,
          reviewReason: needsReview,
          ip: ctx.ip ?? null,
          userAgent: ctx.userAgent?.slice(0, 400) ?? null,
          placedAt: now,
          paidAt: initialStatus === "paid" ? now : null,
        })
        .onConflictDoNothing({ target: [orders.tenantId, orders.idempotencyKey] })
        .returning();
      const order = inserted[0];
      // Another request with this key committed first (we waited on its row): answer with its order.
      if (!order) throw new Replay();

      const byVariant = new Map(cart.lines.map((l) => [l.variantId, l]));
      await tx.insert(orderLines).values(
        basket.lines.map((l) => {
          const view = byVariant.get(l.variantId);
          return {
            tenantId,
            orderId: order.id,
            productId: l.productId,
            variantId: l.variantId,
            sku: view?.sku ?? null,
            title: view?.title ?? "",
            variantLabel: view?.variantLabel ?? null,
            slug: view?.slug ?? null,
            image: view?.image?.src ?? null,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            compareAtPrice: l.compareAtPrice,
            discount: l.discount,
            total: l.total,
            vatRate: l.vatRate,
          };
        }),
      );

      // The legal texts exactly as the shopper confirmed them.
      const docData = buildDocumentData({
        order,
        lines: basket.lines.map((l) => ({
          ...l,
          title: byVariant.get(l.variantId)?.title ?? "",
          variantLabel: byVariant.get(l.variantId)?.variantLabel ?? null,
          sku: byVariant.get(l.variantId)?.sku ?? null,
        })),
        tenant: ctx.tenant,
        deliveryDays: [chosenShipping.minDays, chosenShipping.maxDays],
      });
      await tx.insert(orderDocuments).values(
        [preInformationForm(docData), distanceSalesContract(docData)].map((doc) => {
          const html = renderLegalHtml(doc);
          return {
            tenantId,
            orderId: order.id,
            kind: doc.kind,
            title: doc.title,
            content: doc as unknown as Record<string, unknown>,
            html,
            sha256: createHash("sha256").update(html).digest("hex"),
            acceptedAt: now,
            ip: ctx.ip ?? null,
            userAgent: ctx.userAgent?.slice(0, 400) ?? null,
          };
        }),
      );

      // Payments: store credit (taken now), and the method collecting the rest.
      const paymentRows: (typeof payments.$inferInsert)[] = [];
      if (creditToTake > 0) {
        paymentRows.push({
          tenantId,
          orderId: order.id,
          method: "store_credit",
          status: "succeeded",
          amount: creditToTake,
          currency: order.currency,
          paidAt: now,
        });
      }
      if (basket.amountDue > 0 || needsReview === "budget") {
        paymentRows.push({
          tenantId,
          orderId: order.id,
          method: needsReview === "budget" ? "store_credit" : effectiveMethod,
          status: "pending",
          amount: needsReview === "budget" ? basket.grandTotal : basket.amountDue,
          currency: order.currency,
        });
      }
      if (paymentRows.length > 0) await tx.insert(payments).values(paymentRows);

      await tx.insert(orderEvents).values({
        tenantId,
        orderId: order.id,
        kind: "status",
        fromStatus: null,
        toStatus: initialStatus,
        message: needsReview ? `review:${needsReview}` : null,
        actor: ctx.customer ? "customer" : "system",
        actorUserId: ctx.customer?.userId ?? null,
        data: { paymentMethod: effectiveMethod, ip: ctx.ip ?? null },
      });

      const short = new Set(shortLines.map((l) => l.variantId));
      const take = basket.lines.filter((l) => !short.has(l.variantId)).sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
      if (take.length > 0) {
        await tx.insert(stockReservations).values(
          take.map((l) => ({
            tenantId,
            orderId: order.id,
            variantId: l.variantId,
            quantity: l.quantity,
            state: initialStatus === "awaiting_payment" || initialStatus === "pending_review" ? ("held" as const) : ("committed" as const),
            settledAt: initialStatus === "awaiting_payment" || initialStatus === "pending_review" ? null : now,
          })),
        );
      }
      await clearCart(tx, input.cartId);
      await ctx.jobs.send<OrderMailJob>(
        ORDER_MAIL_QUEUE,
        { tenantId, orderId: order.id, event: "placed" },
        { tx, retryLimit: 5, retryBackoff: true },
      );
      if (needsReview) await requestQueuePass(ctx.jobs, tx);

      if (input.saveAddress && customerId && !input.shippingAddressId && shipping) {
        const [{ n }] = (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(addresses)
          .where(eq(addresses.customerId, customerId))) as [{ n: number }];
        if (n < 20) {
          await tx.insert(addresses).values({ ...shipping, title: shipping.district, tenantId, customerId, isDefault: n === 0 });
        }
      }
      if (creditToTake > 0 && customerId) {
        const taken = await tx
          .update(customers)
          .set({ storeCredit: sql`${customers.storeCredit} - ${creditToTake}` })
          .where(and(eq(customers.id, customerId), sql`${customers.storeCredit} >= ${creditToTake}`))
          .returning({ balance: customers.storeCredit });
        const row = taken[0];
        if (!row) throw new HttpError(409, "Your store credit changed meanwhile; please review your order.", { code: "credit-changed" });
        await tx.insert(storeCreditEntries).values({
          tenantId,
          customerId,
          amount: -creditToTake,
          balanceAfter: row.balance,
          reason: `Sipariş ${order.number}`,
          actorUserId: ctx.customer?.userId ?? null,
          orderId: order.id,
        });
      }

      if (basket.coupons.length > 0)
        await redeemCoupons(
          tx,
          tenantId,
          basket.coupons.map((c) => c.id),
          ckey,
          now,
        );

      // Stock last, right before the commit, so the hot rows stay locked as briefly as possible; in a
      // fixed order (no deadlocks). The price must still be the one the shopper saw.
      const failed: string[] = [];
      for (const line of take) {
        const result = (await tx.execute(sql`
          update product_variants set stock = stock - ${line.quantity}, updated_at = now()
          where id = ${line.variantId} and stock >= ${line.quantity} and price = ${line.unitPrice}
          returning stock`)) as unknown as { rows: { stock: number }[] };
        if (result.rows.length === 0) failed.push(line.variantId);
      }
      if (failed.length > 0) {
        // Out of stock, unless the price changed since the cart was priced (then say so).
        const current = await tx
          .select({ id: productVariants.id, price: productVariants.price, stock: productVariants.stock })
          .from(productVariants)
          .where(inArray(productVariants.id, failed));
        const repriced = current.filter((r) => {
          const line = take.find((l) => l.variantId === r.id);
          return line && r.stock >= line.quantity && r.price !== line.unitPrice;
        });
        if (repriced.length > 0) {
          throw new HttpError(
            409,
            `The price of ${repriced.map((r) => byVariant.get(r.id)?.title ?? r.id).join(", ")} changed; please review your cart.`,
            {
              code: "price-changed",
            },
          );
        }
        throw new OutOfStockError(
          failed.map((id) => byVariant.get(id)?.title ?? id),
          failed,
        );
      }
      return { order, touched: take.map((l) => l.productId) };
    });
    // Refresh the products' stock in the admin and the read model (coalesced per product; a lost
    // request only leaves a display a little behind, the order itself is exact).
    if (touched.length > 0) await requestStockProjection(ctx.jobs, tenantId, touched).catch(() => {});
    publishOrderChange(ctx.events, order);
    return { order, replay: false };
  } catch (error) {
    if (error instanceof Replay || isUniqueViolation(error)) {
      const order = await existingOrder(ctx.db, tenantId, key);
      if (order) return replayOf(order, hash);
    }
    if (error instanceof OutOfStockError) {
      // Bring the cart in line with what is left, so the shopper sees the change.
      await trimCartToStock(ctx.db, input.cartId, error.variantIds);
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

async function trimCartToStock(db: Db, cartId: string, variantIds: string[]): Promise<void> {
  for (const variantId of variantIds) {
    await db.execute(sql`
      update cart_items ci set quantity = v.stock from product_variants v
      where ci.cart_id = ${cartId} and ci.variant_id = ${variantId} and v.id = ci.variant_id and v.stock > 0 and ci.quantity > v.stock`);
    await db.execute(sql`
      delete from cart_items ci using product_variants v, products p
      where ci.cart_id = ${cartId} and ci.variant_id = ${variantId} and v.id = ci.variant_id and p.id = v.product_id
        and v.stock <= 0 and p.sale_mode = 'normal'`);
  }
}
