// /api/v1/cart: the shopper's cart (guest cookie or signed-in customer), priced on every read.

import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Access } from "../accounts/access.ts";
import { customerKey } from "../promotions/service.ts";
import { applyCoupon, type CartContext, type CartView, changeItem, MAX_LINE_QUANTITY, removeCoupon, viewCart } from "./service.ts";
import { type Shopper, shopperCart, shopperOf } from "./shopper.ts";

export interface CartRoutesOptions {
  db: Db;
  access: Access;
  cache: MemoCache;
  mediaUrl: (key: string) => string;
}

const money = z.number().int().describe("Minor units (kuruş), KDV included");

const vatRow = z.object({ rate: z.number().int(), net: money, vat: money });
const shippingQuote = z.object({
  id: z.uuid(),
  name: z.string(),
  carrier: z.string(),
  fee: money,
  price: money,
  free: z.boolean(),
  remainingForFree: money.describe("How much more the basket needs for free shipping (0 when free or never)"),
  minDays: z.number().int(),
  maxDays: z.number().int(),
});
export const cartViewSchema = z.object({
  lines: z.array(
    z.object({
      variantId: z.uuid(),
      productId: z.uuid(),
      slug: z.string(),
      title: z.string(),
      variantLabel: z.string().nullable(),
      sku: z.string().nullable(),
      image: z
        .object({ src: z.string(), srcset: z.string().optional(), width: z.number(), height: z.number(), alt: z.string() })
        .nullable(),
      quantity: z.number().int(),
      unitPrice: money,
      compareAtPrice: money.nullable(),
      vatRate: z.number().int(),
      discount: money,
      total: money,
      available: z.number().int().describe("Units that can be bought now"),
      saleMode: z.enum(["normal", "backorder", "preorder"]),
      problem: z.enum(["unavailable", "out-of-stock", "insufficient-stock"]).nullable(),
    }),
  ),
  couponCodes: z.array(z.string()),
  couponProblems: z.array(z.object({ code: z.string(), reason: z.string(), minBasket: money.optional() })),
  itemCount: z.number().int(),
  subtotal: money,
  saleSavings: money,
  discountTotal: money,
  coupons: z.array(z.object({ code: z.string(), title: z.string(), kind: z.string(), amount: money })),
  shippingOptions: z.array(shippingQuote),
  shipping: shippingQuote.nullable(),
  shippingTotal: money,
  grandTotal: money,
  vat: z.array(vatRow),
  ready: z.boolean().describe("Every line can be bought as it is"),
});

export function cartJson(view: CartView): z.infer<typeof cartViewSchema> {
  const p = view.pricing;
  return {
    lines: view.lines,
    couponCodes: view.couponCodes,
    couponProblems: view.couponProblems,
    itemCount: p.itemCount,
    subtotal: p.subtotal,
    saleSavings: p.saleSavings,
    discountTotal: p.discountTotal,
    coupons: p.coupons.map((c) => ({ code: c.code, title: c.title, kind: c.kind, amount: c.amount })),
    shippingOptions: p.shippingOptions.map(quote),
    shipping: p.shipping ? quote(p.shipping) : null,
    shippingTotal: p.shippingTotal,
    grandTotal: p.grandTotal,
    vat: p.vat,
    ready: view.ready,
  };
}

function quote(q: NonNullable<CartView["pricing"]["shipping"]>) {
  return {
    id: q.id,
    name: q.name,
    carrier: q.carrier,
    fee: q.fee,
    price: q.price,
    free: q.free,
    remainingForFree: q.remainingForFree,
    minDays: q.minDays,
    maxDays: q.maxDays,
  };
}

export async function cartRoutes(app: FastifyInstance, options: CartRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): CartContext => ({
    db: options.db,
    tenantId: request.tenant.id,
    locale: request.headers["accept-language"]?.startsWith("en") ? "en" : "tr",
    cache: options.cache,
  });
  const keyOf = (shopper: Shopper) => (shopper.customerId ? customerKey({ customerId: shopper.customerId, email: "" }) : undefined);
  async function respond(request: FastifyRequest, reply: FastifyReply, cartId: string | null, shopper: Shopper) {
    const view = await viewCart(ctxOf(request), cartId, { customerKey: keyOf(shopper), mediaUrl: options.mediaUrl });
    reply.header("cache-control", "private, no-store");
    return cartJson(view);
  }
  const tags = ["cart"];

  r.get(
    "/api/v1/cart",
    { schema: { tags, summary: "The shopper's cart, priced now", response: { 200: cartViewSchema } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const shopper = await shopperOf(options, ctx, request, reply);
      return respond(request, reply, await shopperCart(ctx, shopper, request, reply, { create: false }), shopper);
    },
  );

  r.post(
    "/api/v1/cart/items",
    {
      schema: {
        tags,
        summary: "Add a product variant (creates the cart and its cookie when needed)",
        body: z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).default(1) }),
        response: { 200: cartViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const shopper = await shopperOf(options, ctx, request, reply, { create: true });
      const cartId = (await shopperCart(ctx, shopper, request, reply, { create: true })) as string;
      await changeItem(ctx, cartId, request.body.variantId, request.body.quantity, "add");
      return respond(request, reply, cartId, shopper);
    },
  );

  r.put(
    "/api/v1/cart/items/:variantId",
    {
      schema: {
        tags,
        summary: "Set a line's quantity (0 removes it)",
        params: z.object({ variantId: z.uuid() }),
        body: z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }),
        response: { 200: cartViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const shopper = await shopperOf(options, ctx, request, reply, { create: true });
      const cartId = (await shopperCart(ctx, shopper, request, reply, { create: true })) as string;
      await changeItem(ctx, cartId, request.params.variantId, request.body.quantity, "set");
      return respond(request, reply, cartId, shopper);
    },
  );

  r.delete(
    "/api/v1/cart/items/:variantId",
    { schema: { tags, summary: "Remove a line", params: z.object({ variantId: z.uuid() }), response: { 200: cartViewSchema } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const shopper = await shopperOf(options, ctx, request, reply);
      const cartId = await shopperCart(ctx, shopper, request, reply, { create: false });
      if (cartId) await changeItem(ctx, cartId, request.params.variantId, 0, "set");
      return respond(request, reply, cartId, shopper);
    },
  );

  r.post(
    "/api/v1/cart/coupons",
    {
      schema: {
        tags,
        summary: "Apply a coupon code",
        body: z.object({ code: z.string().min(1).max(60) }),
        response: { 200: cartViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const shopper = await shopperOf(options, ctx, request, reply, { create: true });
      const cartId = (await shopperCart(ctx, shopper, request, reply, { create: true })) as string;
      await applyCoupon(ctx, cartId, request.body.code, keyOf(shopper));
      return respond(request, reply, cartId, shopper);
    },
  );

  r.delete(
    "/api/v1/cart/coupons/:code",
    {
      schema: {
        tags,
        summary: "Remove a coupon code",
        params: z.object({ code: z.string().min(1).max(60) }),
        response: { 200: cartViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const shopper = await shopperOf(options, ctx, request, reply);
      const cartId = await shopperCart(ctx, shopper, request, reply, { create: false });
      if (cartId) await removeCoupon(ctx, cartId, request.params.code);
      return respond(request, reply, cartId, shopper);
    },
  );
}
