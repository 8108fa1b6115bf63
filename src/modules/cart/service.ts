// Carts: a guest's cart is found by the hash of its cookie token, a customer's by the customer.
// Nothing about money is stored: every read loads the variants' current prices and stock and
// prices the basket again (cart/pricing.ts).

import { and, eq, sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import { hashToken, randomToken } from "../../platform/crypto.ts";
import type { Db } from "../../platform/db/index.ts";
import { HttpError } from "../../platform/problem.ts";
import { customers } from "../customers/schema.ts";
import { type CouponProblem, lookupCoupons, normalizeCouponCode, toBasketCoupon } from "../promotions/service.ts";
import { activeShippingMethods } from "../shipping/service.ts";
import { type BasketLineInput, type PricedBasket, priceBasket } from "./pricing.ts";
import { carts } from "./schema.ts";

export const CART_COOKIE = "kv_cart";
export const MAX_CART_LINES = 100;
export const MAX_LINE_QUANTITY = 99;

export interface CartContext {
  db: Db;
  tenantId: string;
  locale: "tr" | "en";
  cache?: MemoCache;
}

/** Who the cart belongs to: a guest's cookie token and/or a signed-in customer. */
export interface CartOwner {
  token?: string | null;
  customerId?: string | null;
}

export interface CartLineView {
  variantId: string;
  productId: string;
  slug: string;
  title: string;
  variantLabel: string | null;
  sku: string | null;
  image: { src: string; srcset?: string; width: number; height: number; alt: string } | null;
  quantity: number;
  unitPrice: number;
  compareAtPrice: number | null;
  vatRate: number;
  discount: number;
  total: number;
  /** Units that can be bought now (stock, or unlimited for backorder/pre-order products). */
  available: number;
  /** Units in stock now (backorder/pre-order lines may ask for more). */
  stock: number;
  saleMode: "normal" | "backorder" | "preorder";
  /** Why the line cannot be bought as it is, if so. */
  problem: "unavailable" | "out-of-stock" | "insufficient-stock" | null;
}

export interface CartView {
  id: string | null;
  lines: CartLineView[];
  couponCodes: string[];
  /** Entered codes that cannot be used, with the reason. */
  couponProblems: { code: string; reason: CouponProblem | "min-basket" | "not-applicable" | "not-combinable"; minBasket?: number }[];
  pricing: PricedBasket;
  /** True when every line can be bought as it is. */
  ready: boolean;
}

interface LineRow {
  variant_id: string;
  quantity: number;
  product_id: string;
  price: number;
  compare_at_price: number | null;
  stock: number;
  desi: string | number | null;
  weight_grams: number | null;
  option_values: Record<string, string>;
  sku: string | null;
  vat_rate: number;
  status: string;
  kind: string;
  sale_mode: "normal" | "backorder" | "preorder";
  title: string;
  translations: { en?: { title?: string } } | null;
  slug: string;
  category_path: string[] | null;
  card: {
    image?: { variants: { key: string; width: number; format?: string }[]; width: number; height: number; alt: string } | null;
  } | null;
}

/** Finds the cart of an owner (customer first), or null. */
export async function findCartId(ctx: CartContext, owner: CartOwner): Promise<string | null> {
  if (owner.customerId) {
    const [row] = await ctx.db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.tenantId, ctx.tenantId), eq(carts.customerId, owner.customerId)));
    if (row) return row.id;
  }
  if (owner.token) {
    const [row] = await ctx.db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.tenantId, ctx.tenantId), eq(carts.tokenHash, hashToken(owner.token))));
    if (row) return row.id;
  }
  return null;
}

/**
 * The owner's cart, created when missing. A guest without a token gets a new one: the caller sets
 * it as the cart cookie (`newToken`).
 */
export async function ensureCart(ctx: CartContext, owner: CartOwner): Promise<{ id: string; newToken?: string }> {
  const existing = await findCartId(ctx, owner);
  if (existing) return { id: existing };
  if (owner.customerId) {
    const [row] = await ctx.db
      .insert(carts)
      .values({ tenantId: ctx.tenantId, customerId: owner.customerId })
      .onConflictDoUpdate({
        target: [carts.tenantId, carts.customerId],
        targetWhere: sql`${carts.customerId} is not null`,
        set: { updatedAt: sql`now()` },
      })
      .returning({ id: carts.id });
    if (!row) throw new Error("ensureCart: insert returned nothing");
    return { id: row.id };
  }
  const token = randomToken(24);
  const [row] = await ctx.db
    .insert(carts)
    .values({ tenantId: ctx.tenantId, tokenHash: hashToken(token) })
    .returning({ id: carts.id });
  if (!row) throw new Error("ensureCart: insert returned nothing");
  return { id: row.id, newToken: token };
}

/**
 * Moves a guest cart into the customer's cart at sign-in: quantities of the same variant are
 * added (up to the line maximum), coupons are kept, and the guest cart is deleted.
 */
export async function mergeGuestCart(ctx: CartContext, token: string, customerId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [guest] = await tx
      .select({ id: carts.id, couponCodes: carts.couponCodes })
      .from(carts)
      .where(and(eq(carts.tenantId, ctx.tenantId), eq(carts.tokenHash, hashToken(token))))
      .for("update");
    if (!guest) return;
    const [target] = await tx
      .insert(carts)
      .values({ tenantId: ctx.tenantId, customerId })
      .onConflictDoUpdate({
        target: [carts.tenantId, carts.customerId],
        targetWhere: sql`${carts.customerId} is not null`,
        set: { updatedAt: sql`now()` },
      })
      .returning({ id: carts.id, couponCodes: carts.couponCodes });
    if (!target) throw new Error("mergeGuestCart: no customer cart");
    await tx.execute(sql`
      insert into cart_items (cart_id, variant_id, quantity, added_at)
      select ${target.id}, variant_id, quantity, added_at from cart_items where cart_id = ${guest.id}
      on conflict (cart_id, variant_id) do update set quantity = least(cart_items.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`);
    const codes = [...new Set([...target.couponCodes, ...guest.couponCodes])];
    await tx.update(carts).set({ couponCodes: codes, updatedAt: sql`now()` }).where(eq(carts.id, target.id));
    await tx.delete(carts).where(eq(carts.id, guest.id));
  });
}

/** The cart's coupon codes and its lines with current prices and stock: one statement. */
async function loadCart(db: Db, cartId: string): Promise<{ couponCodes: string[]; rows: LineRow[] }> {
  const result = (await db.execute(sql`
    select c.coupon_codes, ci.variant_id, ci.quantity, v.product_id, v.price, v.compare_at_price, v.stock, v.desi, v.weight_grams,
           v.option_values, v.sku, p.vat_rate, p.status, p.kind, p.sale_mode, p.title, p.translations, p.slug,
           l.category_path, l.card
    from carts c
    left join cart_items ci on ci.cart_id = c.id
    left join product_variants v on v.id = ci.variant_id
    left join products p on p.id = v.product_id
    left join product_listings l on l.product_id = p.id
    where c.id = ${cartId}
    order by ci.added_at, ci.variant_id`)) as unknown as { rows: (LineRow & { coupon_codes: string[] | null })[] };
  return {
    couponCodes: result.rows[0]?.coupon_codes ?? [],
    rows: result.rows.filter((r) => r.variant_id !== null),
  };
}

function lineAvailability(row: Pick<LineRow, "status" | "kind" | "stock" | "sale_mode">, quantity: number) {
  if (row.status !== "active" || row.kind !== "physical") return { available: 0, problem: "unavailable" as const };
  if (row.sale_mode !== "normal") return { available: MAX_LINE_QUANTITY, problem: null };
  if (row.stock <= 0) return { available: 0, problem: "out-of-stock" as const };
  return { available: Math.min(row.stock, MAX_LINE_QUANTITY), problem: quantity > row.stock ? ("insufficient-stock" as const) : null };
}

function imageOf(row: LineRow, mediaUrl: (key: string) => string): CartLineView["image"] {
  const image = row.card?.image;
  if (!image || image.variants.length === 0) return null;
  const jpeg = image.variants.filter((v) => !v.format || v.format === "jpeg" || v.format === "jpg");
  const pool = jpeg.length > 0 ? jpeg : image.variants;
  const small = [...pool].sort((a, b) => a.width - b.width);
  const pick = small.find((v) => v.width >= 160) ?? small[small.length - 1];
  if (!pick) return null;
  return {
    src: mediaUrl(pick.key),
    srcset: small.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", "),
    width: image.width,
    height: image.height,
    alt: image.alt,
  };
}

export interface PriceCartOptions {
  shippingMethodId?: string | null;
  paymentFee?: number;
  storeCredit?: number;
  /** Per-customer coupon limits are checked for this key. */
  customerKey?: string;
  mediaUrl?: (key: string) => string;
}

/** Loads and prices a cart: 1 statement, 2 with coupon codes (shipping methods are cached). */
export async function viewCart(ctx: CartContext, cartId: string | null, options: PriceCartOptions = {}): Promise<CartView> {
  const mediaUrl = options.mediaUrl ?? ((key: string) => key);
  const { rows, couponCodes } = cartId ? await loadCart(ctx.db, cartId) : { rows: [], couponCodes: [] };
  const [looked, methods] = await Promise.all([
    lookupCoupons(ctx.db, ctx.tenantId, couponCodes, { customerKey: options.customerKey }),
    activeShippingMethods(ctx),
  ]);
  const lines: (BasketLineInput & { row: LineRow })[] = [];
  const views: Omit<CartLineView, "discount" | "total">[] = [];
  for (const row of rows) {
    const { available, problem } = lineAvailability(row, row.quantity);
    const label = Object.entries(row.option_values ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    views.push({
      variantId: row.variant_id,
      productId: row.product_id,
      slug: row.slug,
      title: (ctx.locale === "en" && row.translations?.en?.title) || row.title,
      variantLabel: label || null,
      sku: row.sku,
      image: imageOf(row, mediaUrl),
      quantity: row.quantity,
      unitPrice: row.price,
      compareAtPrice: row.compare_at_price,
      vatRate: row.vat_rate,
      available,
      stock: row.stock,
      saleMode: row.sale_mode,
      problem,
    });
    if (problem === "unavailable" || problem === "out-of-stock") continue;
    lines.push({
      row,
      variantId: row.variant_id,
      productId: row.product_id,
      categoryPath: row.category_path ?? [],
      quantity: row.quantity,
      unitPrice: row.price,
      compareAtPrice: row.compare_at_price,
      vatRate: row.vat_rate,
      desi: row.desi === null ? null : Number(row.desi),
      weightGrams: row.weight_grams,
    });
  }
  const usable = looked
    .filter((c) => c.coupon && c.problem === null)
    .map((c) => toBasketCoupon(c.coupon as NonNullable<typeof c.coupon>, ctx.locale));
  const pricing = priceBasket({
    lines,
    coupons: usable,
    shippingMethods: methods,
    shippingMethodId: options.shippingMethodId,
    paymentFee: options.paymentFee,
    storeCredit: options.storeCredit,
  });
  const couponProblems: CartView["couponProblems"] = [
    ...looked.filter((c) => c.problem !== null).map((c) => ({ code: c.code, reason: c.problem as CouponProblem })),
    ...pricing.rejectedCoupons,
  ];
  const priced = new Map(pricing.lines.map((l) => [l.variantId, l]));
  const viewLines = views.map((v) => {
    const p = priced.get(v.variantId);
    return { ...v, discount: p?.discount ?? 0, total: p?.total ?? 0 };
  });
  return {
    id: cartId,
    lines: viewLines,
    couponCodes,
    couponProblems,
    pricing,
    ready: viewLines.length > 0 && viewLines.every((l) => l.problem === null),
  };
}

/** Number of units in a cart, for the header badge (one statement). */
export async function cartCount(ctx: CartContext, owner: CartOwner): Promise<number> {
  if (!owner.customerId && !owner.token) return 0;
  const where = owner.customerId ? sql`c.customer_id = ${owner.customerId}` : sql`c.token_hash = ${hashToken(owner.token as string)}`;
  const result = (await ctx.db.execute(
    sql`select coalesce(sum(ci.quantity), 0)::int as n from carts c join cart_items ci on ci.cart_id = c.id where c.tenant_id = ${ctx.tenantId} and ${where}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

interface VariantForCart {
  id: string;
  stock: number;
  status: string;
  kind: string;
  sale_mode: "normal" | "backorder" | "preorder";
  title: string;
  /** This variant's quantity in the cart now, null when absent. */
  current: number | null;
  /** Lines in the cart. */
  lines: number;
}

async function variantForCart(ctx: CartContext, cartId: string, variantId: string): Promise<VariantForCart> {
  const result = (await ctx.db.execute(sql`
    select v.id, v.stock, p.status, p.kind, p.sale_mode, p.title,
      (select quantity from cart_items where cart_id = ${cartId} and variant_id = v.id) as current,
      (select count(*)::int from cart_items where cart_id = ${cartId}) as lines
    from product_variants v join products p on p.id = v.product_id
    where v.id = ${variantId} and v.tenant_id = ${ctx.tenantId}`)) as unknown as { rows: VariantForCart[] };
  const row = result.rows[0];
  if (!row) throw new HttpError(404, "This product was not found.", { code: "not-found" });
  return { ...row, lines: Number(row.lines) };
}

export class StockError extends HttpError {
  readonly available: number;
  constructor(title: string, available: number) {
    super(409, available <= 0 ? `${title} is out of stock.` : `Only ${available} of ${title} can be added to the cart.`, {
      code: available <= 0 ? "out-of-stock" : "insufficient-stock",
    });
    this.available = available;
  }
}

/**
 * Sets a line's quantity (`mode: "set"`) or adds to it (`mode: "add"`), checked against stock.
 * Quantity 0 with `set` removes the line.
 */
export async function changeItem(
  ctx: CartContext,
  cartId: string,
  variantId: string,
  quantity: number,
  mode: "add" | "set",
): Promise<void> {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
    throw new HttpError(400, `Quantity must be a whole number from 0 to ${MAX_LINE_QUANTITY}.`, { code: "invalid-quantity" });
  }
  if (mode === "set" && quantity === 0) {
    await ctx.db.execute(sql`
      with gone as (delete from cart_items where cart_id = ${cartId} and variant_id = ${variantId})
      update carts set updated_at = now() where id = ${cartId}`);
    return;
  }
  if (quantity === 0) return;
  const variant = await variantForCart(ctx, cartId, variantId);
  const { available, problem } = lineAvailability(variant, 0);
  if (problem === "unavailable") throw new HttpError(409, `${variant.title} cannot be bought now.`, { code: "unavailable" });
  const current = variant.current ?? 0;
  const wanted = mode === "add" ? current + quantity : quantity;
  if (wanted > available) throw new StockError(variant.title, available - (mode === "add" ? current : 0));
  if (variant.current === null && variant.lines >= MAX_CART_LINES) {
    throw new HttpError(409, `A cart holds at most ${MAX_CART_LINES} different products.`, { code: "cart-full" });
  }
  // Stock is checked again, for real, when the order is placed; here it only guides the shopper.
  await ctx.db.execute(sql`
    with line as (
      insert into cart_items (cart_id, variant_id, quantity) values (${cartId}, ${variantId}, ${wanted})
      on conflict (cart_id, variant_id) do update set quantity = excluded.quantity)
    update carts set updated_at = now() where id = ${cartId}`);
}

/** Adds a coupon code to the cart after checking it exists and can be used now. */
export async function applyCoupon(ctx: CartContext, cartId: string, rawCode: string, customerKey?: string): Promise<string> {
  const code = normalizeCouponCode(rawCode);
  if (!code || code.length > 40) throw new HttpError(400, "Enter a coupon code.", { code: "coupon-invalid" });
  const [found] = await lookupCoupons(ctx.db, ctx.tenantId, [code], { customerKey });
  if (!found || found.problem) {
    const reason = found?.problem ?? "unknown";
    const messages: Record<CouponProblem, string> = {
      unknown: `There is no coupon ${code}.`,
      inactive: `Coupon ${code} is not active.`,
      "not-started": `Coupon ${code} cannot be used yet.`,
      expired: `Coupon ${code} has expired.`,
      "used-up": `Coupon ${code} has been used up.`,
      "customer-limit": `You have already used coupon ${code}.`,
    };
    throw new HttpError(reason === "unknown" ? 404 : 409, messages[reason], { code: `coupon-${reason}` });
  }
  await ctx.db
    .update(carts)
    .set({ couponCodes: sql`array_append(array_remove(${carts.couponCodes}, ${code}), ${code})`, updatedAt: sql`now()` })
    .where(eq(carts.id, cartId));
  return code;
}

export async function removeCoupon(ctx: CartContext, cartId: string, rawCode: string): Promise<void> {
  const code = normalizeCouponCode(rawCode);
  await ctx.db
    .update(carts)
    .set({ couponCodes: sql`array_remove(${carts.couponCodes}, ${code})`, updatedAt: sql`now()` })
    .where(eq(carts.id, cartId));
}

/** Empties a cart after its order was placed (lines and coupons). */
export async function clearCart(tx: Db, cartId: string): Promise<void> {
  await tx.execute(sql`
    with emptied as (delete from cart_items where cart_id = ${cartId})
    update carts set coupon_codes = '{}', updated_at = now() where id = ${cartId}`);
}

/** Guest carts untouched for `days` are deleted by a daily job. */
export async function deleteStaleGuestCarts(db: Db, days = 30): Promise<number> {
  const rows = await db
    .delete(carts)
    .where(and(sql`${carts.tokenHash} is not null`, sql`${carts.updatedAt} < now() - make_interval(days => ${days})`))
    .returning({ id: carts.id });
  return rows.length;
}

/** The customer id of a signed-in user in a store, or null when they are not yet its customer. */
export async function customerIdOf(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.userId, userId)));
  return row?.id ?? null;
}
