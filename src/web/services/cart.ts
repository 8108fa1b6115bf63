// The shopper's cart, coupons and the "kuponlu" badge, as the storefront pages see them.
// Types only: the server implements CartWeb in src/server/web/cart.ts and passes it through the
// request context (see ../context.ts). Money is in minor units (kuruş), KDV included.

import type { CartLineView } from "../../modules/cart/service.ts";
import type { SaleMode } from "../../modules/catalog/schema.ts";
import type { CouponKind } from "../../modules/promotions/schema.ts";
import type { CouponProblem, PublicCoupon, WalletCoupon } from "../../modules/promotions/service.ts";

export type { CouponKind, CouponProblem, PublicCoupon, SaleMode, WalletCoupon };

export type CartLine = CartLineView;

/** The resource route every cart change posts to (src/web/routes/cart-action.ts); GET gives the CartSummary. */
export const CART_ACTION = "/sepet/islem";
/** The fetcher key "add to cart" uses, so the mini-cart sees its answer. */
export const ADD_TO_CART_FETCHER = "cart-add";
/** Most units of one line (as the cart service allows). */
export const MAX_CART_QUANTITY = 99;

export const cartIntents = ["add", "set", "remove", "apply-coupon", "remove-coupon"] as const;
export type CartIntent = (typeof cartIntents)[number];

/** Why an entered coupon gives nothing: it cannot be used at all, or not with this basket. */
export type CartCouponReason = CouponProblem | "min-basket" | "not-applicable" | "not-combinable";

/** The shipping the cart page shows: the cheapest active method for this basket. */
export interface CartShipping {
  name: string;
  carrier: string;
  /** What the shopper pays (0 when free). */
  price: number;
  free: boolean;
  minDays: number;
  maxDays: number;
}

/** How far the basket is from free shipping (the method whose threshold is nearest), when it is not free yet. */
export interface FreeShippingProgress {
  threshold: number;
  remaining: number;
}

export interface CartSummary {
  lines: CartLine[];
  /** Units in every line (the header badge counts the same). */
  itemCount: number;
  couponCodes: string[];
  /** Coupons that reduce this basket, with what each saves. */
  coupons: { code: string; title: string; kind: CouponKind; amount: number }[];
  /** Entered codes that save nothing now, with the reason. */
  couponProblems: { code: string; reason: CartCouponReason; minBasket?: number }[];
  /** Σ unit price × quantity of the lines that can be bought. */
  subtotal: number;
  /** What the sale prices save against the former prices. */
  saleSavings: number;
  /** Coupon discounts on the lines. */
  discountTotal: number;
  shipping: CartShipping | null;
  freeShipping: FreeShippingProgress | null;
  /** subtotal − discounts + shipping. */
  total: number;
  /** Every line can be bought as it is (the checkout button is enabled). */
  ready: boolean;
  currency: string;
}

export type CartError =
  | "not-found"
  | "unavailable"
  | "out-of-stock"
  | "insufficient-stock"
  | "cart-full"
  | "invalid-quantity"
  | "coupon-invalid"
  | `coupon-${CouponProblem}`;

export type CartResult =
  | { ok: true; cart?: CartSummary; code?: string }
  /** `available`: units that can still be added (stock errors). */
  | { ok: false; error: CartError; available?: number; code?: string };

/** What /sepet/islem answers a fetcher. */
export type CartActionData = CartResult & { intent: CartIntent };

/** What the product page needs beside the catalog: how the product sells and which public coupons apply. */
export interface ProductOffer {
  saleMode: SaleMode;
  coupons: PublicCoupon[];
}

export interface CartWeb {
  /** Units in the shopper's cart for the header badge: at most one statement (a guest cart is merged at sign-in). */
  count(): Promise<number>;
  /** The cart priced now (an empty summary when there is none). */
  view(): Promise<CartSummary>;
  /** Adds units of a variant (creating the cart and its cookie); returns the cart for the mini-cart. */
  add(variantId: string, quantity: number): Promise<CartResult>;
  /** Sets a line's quantity; 0 removes it. */
  setQuantity(variantId: string, quantity: number): Promise<CartResult>;
  remove(variantId: string): Promise<CartResult>;
  applyCoupon(code: string): Promise<CartResult>;
  removeCoupon(code: string): Promise<CartResult>;
  /** Public coupons usable now (cached 30 s per store and language). */
  publicCoupons(): Promise<PublicCoupon[]>;
  /** The signed-in customer's collected coupons; null for visitors. */
  wallet(): Promise<WalletCoupon[] | null>;
  /** Puts a public coupon in the signed-in customer's wallet. */
  collect(couponId: string): Promise<{ ok: true } | { ok: false; error: "sign-in" | "not-found" }>;
  /** Ids of the products a public coupon applies to (the "kuponlu" badge); at most one statement. */
  couponedIds(products: readonly { id: string; price: number; compareAtPrice: number | null }[]): Promise<string[]>;
  /** Sale mode and the public coupons that apply to a product (no SQL: coupons are cached). */
  productOffer(
    product: { productId: string; categoryPath: readonly string[]; saleMode: ProductOffer["saleMode"] },
    discounted: boolean,
  ): Promise<ProductOffer>;
}
