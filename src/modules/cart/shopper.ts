// Who is shopping in a request: the signed-in customer (session or bearer) and/or the guest cart
// cookie. A guest cart left from before sign-in is merged into the customer's cart here, once.

import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/index.ts";
import type { Access } from "../accounts/access.ts";
import { ensureCustomer } from "../customers/service.ts";
import { CART_COOKIE, type CartContext, type CartOwner, customerIdOf, ensureCart, findCartId, mergeGuestCart } from "./service.ts";

export interface Shopper extends CartOwner {
  userId: string | null;
  customerId: string | null;
  email: string | null;
  token: string | null;
}

const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

/** The guest cart token from a Cookie header, if well-formed. */
export function cartTokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === CART_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[\w-]{20,64}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function cartToken(request: FastifyRequest): string | null {
  return cartTokenFromCookieHeader(request.headers.cookie);
}

function appendCookie(reply: FastifyReply, cookie: string): void {
  const existing = reply.getHeader("set-cookie");
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)];
  reply.header("set-cookie", [...list, cookie]);
}

export function cartCookie(token: string, secure: boolean): string {
  return `${CART_COOKIE}=${token}; Path=/; Max-Age=${CART_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export const CLEAR_CART_COOKIE = `${CART_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;

export function setCartCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  appendCookie(reply, cartCookie(token, request.protocol === "https"));
}

export function clearCartCookie(reply: FastifyReply): void {
  appendCookie(reply, CLEAR_CART_COOKIE);
}

/**
 * The shopper of a request. With `create`, a signed-in user becomes the store's customer. A guest
 * cookie seen together with a signed-in customer is merged into the customer's cart and cleared.
 */
export async function shopperOf(
  deps: { db: Db; access: Access },
  ctx: CartContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { create?: boolean } = {},
): Promise<Shopper> {
  const principal = await deps.access.principal(request, reply).catch(() => null);
  const user = principal?.user ?? null;
  const token = cartToken(request);
  let customerId: string | null = null;
  if (user) {
    customerId =
      options.create || token ? await ensureCustomer(deps.db, ctx.tenantId, user.id) : await customerIdOf(deps.db, ctx.tenantId, user.id);
  }
  if (customerId && token) {
    await mergeGuestCart(ctx, token, customerId);
    clearCartCookie(reply);
    return { userId: user?.id ?? null, customerId, email: user?.email ?? null, token: null };
  }
  return { userId: user?.id ?? null, customerId, email: user?.email ?? null, token };
}

/** The shopper's cart id, creating the cart (and the guest cookie) when `create`. */
export async function shopperCart(
  ctx: CartContext,
  shopper: Shopper,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { create: boolean },
): Promise<string | null> {
  if (!options.create) return findCartId(ctx, shopper);
  const cart = await ensureCart(ctx, shopper);
  if (cart.newToken) {
    setCartCookie(request, reply, cart.newToken);
    shopper.token = cart.newToken;
  }
  return cart.id;
}
