// Admin of coupons, shipping methods and payment settings. Types only (plus constants): the
// server implements CommerceAdmin in src/server/web/commerce-admin.ts and passes it through the
// request context (see ../context.ts). Money is in minor units (kuruş), dates are ISO strings.

import type { PaymentSettingsInput, PaymentSettingsView } from "../../modules/payments/settings-admin.ts";
import type { AdminCoupon, CouponInput, CouponListPage, CouponPatch, CouponStatus } from "../../modules/promotions/admin.ts";
import type { CouponKind, CouponScope } from "../../modules/promotions/schema.ts";
import type { AdminShippingMethod, ShippingMethodInput, ShippingMethodPatch } from "../../modules/shipping/admin.ts";
import type { CarrierId } from "../../modules/shipping/carriers.ts";

export type {
  AdminCoupon,
  AdminShippingMethod,
  CarrierId,
  CouponInput,
  CouponKind,
  CouponListPage,
  CouponPatch,
  CouponScope,
  CouponStatus,
  PaymentSettingsInput,
  PaymentSettingsView,
  ShippingMethodInput,
  ShippingMethodPatch,
};

export const COUPON_STATUSES: readonly CouponStatus[] = ["active", "scheduled", "expired", "used-up", "inactive"];
export const COUPON_KINDS: readonly CouponKind[] = ["percent", "fixed", "free_shipping"];
export const COUPON_SCOPES: readonly CouponScope[] = ["all", "categories", "products"];
export const COUPONS_PER_PAGE = 25;

/** A field the server refused, by its path in the input (`bankTransfer.accounts.0.iban`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The outcome of a change: `code` names the refusal (e.g. `code-taken`, `coupon-used`). */
export type CommerceResult<T extends object = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; status: number; code: string; message: string; errors: FieldError[] };

export interface CouponListQuery {
  q?: string;
  status?: CouponStatus;
  page: number;
}

export interface CommerceAdmin {
  coupons: {
    list(query: CouponListQuery): Promise<CouponListPage>;
    get(id: string): Promise<AdminCoupon | null>;
    create(input: CouponInput): Promise<CommerceResult<{ coupon: AdminCoupon }>>;
    update(id: string, input: CouponPatch): Promise<CommerceResult<{ coupon: AdminCoupon }>>;
    remove(id: string): Promise<CommerceResult>;
    /** Names of the given categories or products of this store (the editor's chosen scope). */
    scopeNames(scope: CouponScope, ids: string[]): Promise<{ id: string; name: string }[]>;
  };
  shipping: {
    /** Carriers a method can use, with their display names. */
    carriers(): { id: CarrierId; name: string }[];
    list(): Promise<AdminShippingMethod[]>;
    /** Example fees for prices typed in the editor, computed as the cart does. */
    preview(prices: { baseFee: number; baseDesi: number; perDesiFee: number }): { desi: number; fee: number }[];
    create(input: ShippingMethodInput): Promise<CommerceResult<{ method: AdminShippingMethod }>>;
    update(id: string, input: ShippingMethodPatch): Promise<CommerceResult<{ method: AdminShippingMethod }>>;
    move(id: string, direction: "up" | "down"): Promise<CommerceResult>;
    remove(id: string): Promise<CommerceResult>;
    /** Adds the default methods (standard and express) to a store that has none. */
    addDefaults(): Promise<CommerceResult>;
  };
  payments: {
    get(): Promise<PaymentSettingsView>;
    save(input: PaymentSettingsInput): Promise<CommerceResult<{ settings: PaymentSettingsView }>>;
  };
}
