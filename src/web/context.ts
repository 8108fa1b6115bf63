// The request context React Router loaders and actions receive. The server (src/server/web.ts)
// builds one AppWebContext per request and stores it under `appContext` in the
// RouterContextProvider; loaders read it with `getApp(context)`.
//
// Only TYPES come from src/modules and src/platform: services are injected through this object
// so the Vite server bundle never duplicates server modules.

import { createContext, type RouterContext, type RouterContextProvider, redirect } from "react-router";
import type { Permission } from "../modules/accounts/permissions.ts";
import type { CatalogReader } from "../modules/catalog/types.ts";
import type { TenantProfile } from "../modules/tenants/schema.ts";
import type { AccountWeb } from "./services/account.ts";
import type { ApiKeysAdmin } from "./services/api-keys.ts";
import type { CartWeb } from "./services/cart.ts";
import type { CatalogAdmin, StorefrontBanners } from "./services/catalog-admin.ts";
import type { CheckoutWeb } from "./services/checkout.ts";
import type { CommerceAdmin } from "./services/commerce-admin.ts";
import type { IdentityWeb } from "./services/identity.ts";
import type { MediaAdmin } from "./services/media.ts";
import type { OrderQueueAdmin } from "./services/order-queue.ts";
import type { OrdersAdmin } from "./services/orders-admin.ts";
import type { InvitationsWeb, PeopleAdmin } from "./services/people-admin.ts";
import type { ProductCsvAdmin } from "./services/product-csv.ts";

export type Locale = "tr" | "en";
export type ThemePreference = "light" | "dark" | "system";

export interface WebTenant {
  id: string;
  name: string;
  slug: string;
  currency: string;
  profile: TenantProfile;
}

export interface WebUser {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface AdminDashboard {
  products: number;
  activeProducts: number;
  outOfStock: number;
  categories: number;
  mailMessages: number;
}

export interface MailSummary {
  id: string;
  to: string[];
  subject: string;
  status: string;
  createdAt: string;
}

export interface MailDetail extends MailSummary {
  text: string;
  html: string | null;
}

export const MAIL_PAGE_SIZE = 20;

/** Staff-only reads. `null` in the context unless the signed-in user is staff. */
export interface AdminReader {
  dashboard(): Promise<AdminDashboard>;
  mail: {
    /** Newest first, `perPage` (default MAIL_PAGE_SIZE) per page, pages counted from 1. */
    list(page: number): Promise<{ items: MailSummary[]; total: number; perPage?: number }>;
    get(id: string): Promise<MailDetail | null>;
  };
  people: PeopleAdmin;
  apiKeys: ApiKeysAdmin;
  /** The media library (images, videos, crops, storage usage). */
  media: MediaAdmin;
  /** Products, categories, brands and banners. */
  catalog: CatalogAdmin;
  /** Product CSV import (/admin/urunler/aktar). */
  productCsv: ProductCsvAdmin;
  /** Coupons, shipping methods and payment settings. */
  commerce: CommerceAdmin;
  /** Orders: list, detail, status changes, shipments, notes, refunds (/admin/siparisler). */
  orders: OrdersAdmin;
  /** The pending-order queue (/admin/siparisler/kuyruk). */
  orderQueue: OrderQueueAdmin;
}

/** The signed-in user's role in the request's store. */
export interface WebStaff {
  role: string;
  permissions: string[];
  /** The store requires 2FA for staff and this user has not turned it on. */
  needsTwoFactor: boolean;
}

export interface AppWebContext {
  tenant: WebTenant;
  locale: Locale;
  theme: ThemePreference;
  user: WebUser | null;
  /** Absolute origin of the store, e.g. `https://magaza.example.com` (no trailing slash). */
  publicUrl: string;
  catalog: CatalogReader;
  /** Home carousel and category banners now showing (absent in contexts built without them). */
  banners?: StorefrontBanners;
  admin: AdminReader | null;
  /** Set when the signed-in user is staff of this store (null otherwise). */
  staff: WebStaff | null;
  /** Sign-in, sign-up, password reset, two-factor, sessions. */
  identity: IdentityWeb;
  /** The signed-in person's own data; null for visitors. */
  account: AccountWeb | null;
  /** Social sign-in providers configured for this installation, e.g. ["google"]. */
  socialProviders: string[];
  /** Staff invitation links (`/davet`), for every visitor. */
  invitations: InvitationsWeb;
  /** Checkout (/odeme), the order page (/siparis/:number) and the customer's orders. */
  checkout: CheckoutWeb;
  /** The shopper's cart (guest cookie or customer), public coupons and the wallet. */
  cart: CartWeb;
}

// The key must be the same object in the plain-Node server (src/server/web.ts imports this file
// directly) and in the Vite-built server bundle (which bundles its own copy of this file).
// Keeping it on globalThis under a registered symbol makes both copies share one key.
const KEY = Symbol.for("kervan.web.appContext");
const holder = globalThis as typeof globalThis & { [KEY]?: RouterContext<AppWebContext> };

export const appContext: RouterContext<AppWebContext> = holder[KEY] ?? createContext<AppWebContext>();
holder[KEY] = appContext;

/** The per-request application context, for loaders and actions. */
export function getApp(context: Readonly<RouterContextProvider>): AppWebContext {
  return context.get(appContext);
}

/**
 * For admin page loaders and actions: the staff-only reader when the signed-in staff member has
 * `permission`; a redirect to the admin sign-in page for visitors, a 403 page for other staff.
 */
export function requirePermission(context: Readonly<RouterContextProvider>, permission: Permission): AdminReader {
  const app = getApp(context);
  if (!app.admin || !app.staff) throw redirect("/admin/giris");
  if (!app.staff.permissions.includes(permission)) throw new Response("Forbidden", { status: 403 });
  return app.admin;
}
