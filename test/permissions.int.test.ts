// The permission matrix holds on every admin API route: each route registered under /api/admin/
// is called by every store role, by a visitor, by a signed-in customer, by another store's staff
// and by an API key, and must answer 401/403/2xx as `rolePermissions` says. A route without a
// permission guard, or without a request fixture here, fails the test.

import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PermissionGuard } from "../src/modules/accounts/access.ts";
import { type Permission, rolePermissions } from "../src/modules/accounts/permissions.ts";
import { type StaffRole, staffRoles } from "../src/modules/accounts/schema.ts";
import { type ActorContext, inviteStaff } from "../src/modules/accounts/staff.ts";
import { createBanner } from "../src/modules/catalog/banners.ts";
import { createBrand, createCategory } from "../src/modules/catalog/taxonomy.ts";
import { createProduct } from "../src/modules/catalog/write.ts";
import { uploadMediaBuffer } from "../src/modules/media/service.ts";
import { markBankTransferPaid } from "../src/modules/payments/service.ts";
import { createCoupon } from "../src/modules/promotions/admin.ts";
import { createShippingMethod } from "../src/modules/shipping/admin.ts";
import { listShippingMethods } from "../src/modules/shipping/service.ts";
import { createStore, createTestApp, type TestApp } from "./app.ts";
import { multipart, png } from "./media.ts";
import { createCustomer, PASSWORD, requester, signIn, staffSession } from "./people.ts";

const A = "a.test";
const B = "b.test";

type Method = "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
interface Request {
  url: string;
  body?: unknown;
  /** A multipart/form-data body (uploads) instead of JSON. */
  multipart?: { payload: Buffer; contentType: string };
}
/** How to call one route: a fresh target for every call, so each allowed call can succeed. */
type Fixture = () => Promise<Request>;

interface AdminRoute {
  method: Method;
  url: string;
  permission: Permission | null;
}

const routes: AdminRoute[] = [];

function collect(route: RouteOptions) {
  if (!route.url.startsWith("/api/admin")) return;
  const guard = [route.preHandler ?? []].flat().find((h) => typeof h === "function" && "permission" in h) as PermissionGuard | undefined;
  for (const method of [route.method].flat()) {
    if (method === "HEAD" || method === "OPTIONS") continue;
    routes.push({ method: method as Method, url: route.url, permission: guard?.permission ?? null });
  }
}

describe("permission matrix on every /api/admin route", () => {
  let t: TestApp;
  let tenantA: string;
  let productId: string;
  let ownerCookie: string;
  const callers = new Map<string, { cookie?: string; authorization?: string; allowed: (p: Permission) => boolean; denied: number }>();
  let seq = 0;
  const unique = (prefix: string) => `${prefix}-${++seq}`;
  let actor: ActorContext;
  const fixtures = new Map<string, Fixture>();

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false", RATE_LIMIT_MAX: "100000" }, { onRoute: collect });
    const storeA = await createStore(t.kernel, "a", [A], 2);
    tenantA = storeA.tenant.id;
    productId = storeA.products[0]?.id as string;
    const tenantB = (await createStore(t.kernel, "b", [B], 1)).tenant.id;

    for (const role of staffRoles) {
      const { cookie } = await staffSession(t, tenantA, A, `${role}@a.test`, role);
      if (role === "owner") ownerCookie = cookie;
      callers.set(role, { cookie, allowed: (p) => rolePermissions[role as StaffRole].includes(p), denied: 403 });
    }
    callers.set("visitor", { allowed: () => false, denied: 401 });
    await createCustomer(t, tenantA, "musteri@example.com", "Müşteri");
    callers.set("customer", { cookie: await signIn(t, A, "musteri@example.com", PASSWORD), allowed: () => false, denied: 403 });
    const other = await staffSession(t, tenantB, B, "owner@b.test", "owner");
    callers.set("other store's owner", { cookie: other.cookie, allowed: () => false, denied: 403 });
    callers.set("bad bearer token", { authorization: "Bearer kvn_not_a_real_key", allowed: () => false, denied: 401 });

    const ownerUser = (
      await t.app.inject({ method: "GET", url: "/api/auth/get-session", headers: { host: A, cookie: ownerCookie } })
    ).json();
    actor = {
      db: t.kernel.db,
      tenantId: tenantA,
      actor: { kind: "user", id: ownerUser.user.id, email: "owner@a.test" },
      role: "owner",
      revokeSessions: async () => {},
    };

    const asOwner = requester(t, A);
    const keyScopes: Permission[] = ["catalog:read", "customers:read", "customers:credit", "audit:read"];
    const key = await asOwner("POST", "/api/admin/api-keys", ownerCookie, { name: "Matrix", scopes: keyScopes });
    if (key.statusCode === 201) {
      callers.set("API key", { authorization: `Bearer ${key.json().key}`, allowed: (p) => keyScopes.includes(p), denied: 403 });
    }

    const customerId = async () => (await createCustomer(t, tenantA, `${unique("c")}@example.com`, "Fixture Müşteri")).customerId;
    const memberId = async () => (await staffSession(t, tenantA, A, `${unique("m")}@a.test`, "support")).userId;
    const mailId = async () => (await t.kernel.mailer.send({ to: "x@example.com", subject: "s", text: "t", tenantId: tenantA })).id;
    fixtures.set("GET /api/admin/customers", async () => ({ url: "/api/admin/customers" }));
    fixtures.set("GET /api/admin/customers/:id", async () => ({ url: `/api/admin/customers/${await customerId()}` }));
    fixtures.set("PATCH /api/admin/customers/:id", async () => ({
      url: `/api/admin/customers/${await customerId()}`,
      body: { tier: "premium" },
    }));
    fixtures.set("POST /api/admin/customers/:id/credit", async () => ({
      url: `/api/admin/customers/${await customerId()}/credit`,
      body: { amount: 1000, reason: "Matris testi" },
    }));
    fixtures.set("DELETE /api/admin/customers/:id", async () => ({ url: `/api/admin/customers/${await customerId()}` }));
    fixtures.set("GET /api/admin/staff", async () => ({ url: "/api/admin/staff" }));
    fixtures.set("PATCH /api/admin/staff/:userId", async () => ({
      url: `/api/admin/staff/${await memberId()}`,
      body: { role: "catalog_manager" },
    }));
    fixtures.set("DELETE /api/admin/staff/:userId", async () => ({ url: `/api/admin/staff/${await memberId()}` }));
    fixtures.set("GET /api/admin/staff/invitations", async () => ({ url: "/api/admin/staff/invitations" }));
    fixtures.set("POST /api/admin/staff/invitations", async () => ({
      url: "/api/admin/staff/invitations",
      body: { email: `${unique("davet")}@example.com`, role: "support" },
    }));
    fixtures.set("DELETE /api/admin/staff/invitations/:id", async () => {
      const { invitation } = await inviteStaff(actor, {
        email: `${unique("geri")}@example.com`,
        role: "support",
        origin: `http://${A}`,
        locale: "tr",
        mailer: t.kernel.mailer,
        inviterName: "Owner",
      });
      return { url: `/api/admin/staff/invitations/${invitation.id}` };
    });
    fixtures.set("GET /api/admin/audit", async () => ({ url: "/api/admin/audit?type=auth.&perPage=5" }));
    fixtures.set("GET /api/admin/settings", async () => ({ url: "/api/admin/settings" }));
    fixtures.set("PATCH /api/admin/settings", async () => ({ url: "/api/admin/settings", body: { requireStaffTwoFactor: false } }));
    fixtures.set("GET /api/admin/mail", async () => ({ url: "/api/admin/mail" }));
    fixtures.set("GET /api/admin/mail/:id", async () => ({ url: `/api/admin/mail/${await mailId()}` }));
    fixtures.set("GET /api/admin/products", async () => ({ url: "/api/admin/products" }));
    fixtures.set("GET /api/admin/products/:id", async () => ({ url: `/api/admin/products/${productId}` }));
    fixtures.set("PATCH /api/admin/products/:id", async () => ({
      url: `/api/admin/products/${productId}`,
      body: { title: unique("Matris ürünü") },
    }));
    const freshProduct = async () =>
      (
        await createProduct(
          { db: t.kernel.db, tenantId: tenantA, jobs: t.kernel.jobs, cache: t.kernel.cache },
          { title: unique("Silinecek"), variants: [{ price: 100, stock: 1 }] },
        )
      ).id;
    fixtures.set("POST /api/admin/products", async () => ({
      url: "/api/admin/products",
      body: { title: unique("Yeni ürün"), variants: [{ price: 12_990, stock: 3 }] },
    }));
    fixtures.set("DELETE /api/admin/products/:id", async () => ({ url: `/api/admin/products/${await freshProduct()}` }));
    fixtures.set("POST /api/admin/products/bulk", async () => ({
      url: "/api/admin/products/bulk",
      body: { ids: [await freshProduct()], status: "archived" },
    }));
    const tinyPng = await png(64, 64);
    const freshMedia = async () =>
      (
        await uploadMediaBuffer(
          { db: t.kernel.db, storage: t.kernel.storage, jobs: t.kernel.jobs, config: t.kernel.config.media, tenantId: tenantA },
          tinyPng,
          { filename: `${unique("gorsel")}.png` },
        )
      ).id;
    fixtures.set("GET /api/admin/media", async () => ({ url: "/api/admin/media" }));
    fixtures.set("GET /api/admin/media/usage", async () => ({ url: "/api/admin/media/usage" }));
    fixtures.set("GET /api/admin/media/presets", async () => ({ url: "/api/admin/media/presets" }));
    fixtures.set("GET /api/admin/media/:id", async () => ({ url: `/api/admin/media/${await freshMedia()}` }));
    fixtures.set("GET /api/admin/products/export.csv", async () => ({ url: "/api/admin/products/export.csv?delimiter=semicolon" }));
    fixtures.set("GET /api/admin/products/import/sample.csv", async () => ({ url: "/api/admin/products/import/sample.csv" }));
    fixtures.set("POST /api/admin/products/import", async () => ({
      url: "/api/admin/products/import?dryRun=true",
      multipart: await multipart({
        name: "urunler.csv",
        type: "text/csv",
        data: Buffer.from(`handle,title,price,stock\n${unique("csv-urun")},CSV ürünü,"129,90",4\n`),
      }),
    }));
    fixtures.set("POST /api/admin/media", async () => ({
      url: "/api/admin/media",
      multipart: await multipart({ name: `${unique("yukleme")}.png`, data: tinyPng }),
    }));
    fixtures.set("POST /api/admin/media/:id/renditions", async () => ({
      url: `/api/admin/media/${await freshMedia()}/renditions`,
      body: { preset: "product", crop: { left: 0, top: 0, width: 32, height: 32 } },
    }));
    fixtures.set("PATCH /api/admin/media/:id", async () => ({ url: `/api/admin/media/${await freshMedia()}`, body: { alt: "Matris" } }));
    fixtures.set("DELETE /api/admin/media/:id", async () => ({ url: `/api/admin/media/${await freshMedia()}` }));
    // categories, brands and banners: a fresh target for every change
    const catalogCtx = { db: t.kernel.db, tenantId: tenantA, jobs: t.kernel.jobs, cache: t.kernel.cache };
    const freshCategory = async () => (await createCategory(catalogCtx, { name: unique("Matris kategori") })).id;
    const freshBrand = async () => (await createBrand(catalogCtx, { name: unique("Matris marka") })).id;
    const freshBanner = async () => (await createBanner(catalogCtx, { title: unique("Matris banner") }, t.kernel.mediaUrl)).id;
    fixtures.set("GET /api/admin/categories", async () => ({ url: "/api/admin/categories" }));
    fixtures.set("POST /api/admin/categories", async () => ({ url: "/api/admin/categories", body: { name: unique("Yeni kategori") } }));
    fixtures.set("PATCH /api/admin/categories/:id", async () => ({
      url: `/api/admin/categories/${await freshCategory()}`,
      body: { name: unique("Ad") },
    }));
    fixtures.set("POST /api/admin/categories/:id/move", async () => ({
      url: `/api/admin/categories/${await freshCategory()}/move`,
      body: { direction: "up" },
    }));
    fixtures.set("DELETE /api/admin/categories/:id", async () => ({ url: `/api/admin/categories/${await freshCategory()}` }));
    fixtures.set("GET /api/admin/brands", async () => ({ url: "/api/admin/brands" }));
    fixtures.set("POST /api/admin/brands", async () => ({ url: "/api/admin/brands", body: { name: unique("Yeni marka") } }));
    fixtures.set("PATCH /api/admin/brands/:id", async () => ({
      url: `/api/admin/brands/${await freshBrand()}`,
      body: { name: unique("Marka") },
    }));
    fixtures.set("DELETE /api/admin/brands/:id", async () => ({ url: `/api/admin/brands/${await freshBrand()}` }));
    fixtures.set("GET /api/admin/banners", async () => ({ url: "/api/admin/banners" }));
    fixtures.set("GET /api/admin/banners/:id", async () => ({ url: `/api/admin/banners/${await freshBanner()}` }));
    fixtures.set("POST /api/admin/banners", async () => ({ url: "/api/admin/banners", body: { title: unique("Yeni banner") } }));
    fixtures.set("PATCH /api/admin/banners/:id", async () => ({
      url: `/api/admin/banners/${await freshBanner()}`,
      body: { active: false },
    }));
    fixtures.set("POST /api/admin/banners/:id/move", async () => ({
      url: `/api/admin/banners/${await freshBanner()}/move`,
      body: { direction: "down" },
    }));
    fixtures.set("DELETE /api/admin/banners/:id", async () => ({ url: `/api/admin/banners/${await freshBanner()}` }));
    fixtures.set("GET /api/admin/api-keys", async () => ({ url: "/api/admin/api-keys" }));
    fixtures.set("POST /api/admin/api-keys", async () => ({
      url: "/api/admin/api-keys",
      body: { name: unique("anahtar"), scopes: ["catalog:read"] },
    }));
    fixtures.set("DELETE /api/admin/api-keys/:id", async () => {
      const res = await asOwner("POST", "/api/admin/api-keys", ownerCookie, { name: unique("silinecek"), scopes: ["catalog:read"] });
      return { url: `/api/admin/api-keys/${res.json().id}` };
    });
    // coupons, shipping methods and payment settings (issue 5)
    const freshCoupon = async () =>
      (await createCoupon({ db: t.kernel.db, tenantId: tenantA }, { code: unique("MATRIS"), title: "Matris", kind: "percent", value: 10 }))
        .id;
    const freshMethod = async () =>
      (await createShippingMethod({ db: t.kernel.db, tenantId: tenantA }, { name: unique("Matris kargo"), carrier: "ptt", baseFee: 4_990 }))
        .id;
    fixtures.set("GET /api/admin/coupons", async () => ({ url: "/api/admin/coupons?status=active&q=matris" }));
    fixtures.set("POST /api/admin/coupons", async () => ({
      url: "/api/admin/coupons",
      body: { code: unique("YENI"), title: "Yeni kupon", kind: "fixed", value: 5_000 },
    }));
    fixtures.set("GET /api/admin/coupons/:id", async () => ({ url: `/api/admin/coupons/${await freshCoupon()}` }));
    fixtures.set("PATCH /api/admin/coupons/:id", async () => ({ url: `/api/admin/coupons/${await freshCoupon()}`, body: { value: 15 } }));
    fixtures.set("DELETE /api/admin/coupons/:id", async () => ({ url: `/api/admin/coupons/${await freshCoupon()}` }));
    fixtures.set("GET /api/admin/shipping-methods", async () => ({ url: "/api/admin/shipping-methods" }));
    fixtures.set("POST /api/admin/shipping-methods", async () => ({
      url: "/api/admin/shipping-methods",
      body: { name: unique("Yeni kargo"), carrier: "mng", baseFee: 7_990 },
    }));
    fixtures.set("PUT /api/admin/shipping-methods/order", async () => ({
      url: "/api/admin/shipping-methods/order",
      body: { ids: (await listShippingMethods(t.kernel.db, tenantA)).map((m) => m.id).reverse() },
    }));
    fixtures.set("GET /api/admin/shipping-methods/:id", async () => ({ url: `/api/admin/shipping-methods/${await freshMethod()}` }));
    fixtures.set("PATCH /api/admin/shipping-methods/:id", async () => ({
      url: `/api/admin/shipping-methods/${await freshMethod()}`,
      body: { baseFee: 5_990 },
    }));
    fixtures.set("DELETE /api/admin/shipping-methods/:id", async () => ({ url: `/api/admin/shipping-methods/${await freshMethod()}` }));
    // orders (issue 5, admin orders): a fresh order placed through checkout for every change
    const orderProduct = await createProduct(
      { db: t.kernel.db, tenantId: tenantA, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: "Matris sipariş ürünü", status: "active", variants: [{ price: 5_000, stock: 100_000 }] },
    );
    const orderVariant = (
      await t.app.inject({ method: "GET", url: `/api/admin/products/${orderProduct.id}`, headers: { host: A, cookie: ownerCookie } })
    ).json().variants[0].id as string;
    const freshOrder = async (paymentMethod: "bank_transfer" | "cash_on_delivery" = "bank_transfer", paid = false) => {
      const cart = await t.app.inject({
        method: "POST",
        url: "/api/v1/cart/items",
        headers: { host: A },
        payload: { variantId: orderVariant, quantity: 1 },
      });
      const cookie = String(cart.headers["set-cookie"]).split(";")[0] as string;
      const checkout = (await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host: A, cookie } })).json();
      const placed = await t.app.inject({
        method: "POST",
        url: "/api/v1/checkout/orders",
        headers: { host: A, cookie, "idempotency-key": unique("siparis") },
        payload: {
          email: `${unique("alici")}@example.com`,
          shippingAddress: {
            firstName: "Matris",
            lastName: "Alıcı",
            phone: "0532 123 45 67",
            provinceCode: 34,
            district: "Kadıköy",
            neighbourhood: "Caferağa Mah",
            addressLine: "Moda Cad. 1",
          },
          shippingMethodId: checkout.cart.shippingOptions[0].id,
          paymentMethod,
          acceptContracts: true,
        },
      });
      if (placed.statusCode !== 201) throw new Error(`order fixture: ${placed.statusCode} ${placed.body}`);
      const orderId = placed.json().orderId as string;
      if (paid) await markBankTransferPaid({ db: t.kernel.db, jobs: t.kernel.jobs, gateways: {} }, tenantA, orderId, { kind: "system" });
      return orderId;
    };
    const anyOrder = await freshOrder();
    fixtures.set("GET /api/admin/orders", async () => ({ url: "/api/admin/orders?status=awaiting_payment,paid&sort=total&q=matris" }));
    fixtures.set("GET /api/admin/orders/events", async () => ({ url: "/api/admin/orders/events?closeAfter=0.05" }));
    fixtures.set("GET /api/admin/orders/:id", async () => ({ url: `/api/admin/orders/${anyOrder}` }));
    fixtures.set("GET /api/admin/orders/:id/documents/:kind", async () => ({
      url: `/api/admin/orders/${anyOrder}/documents/distance-sales`,
    }));
    fixtures.set("POST /api/admin/orders/bulk-status", async () => ({
      url: "/api/admin/orders/bulk-status",
      body: { ids: [await freshOrder()], status: "cancelled" },
    }));
    fixtures.set("POST /api/admin/orders/:id/status", async () => ({
      url: `/api/admin/orders/${await freshOrder()}/status`,
      body: { status: "cancelled", message: "Matris" },
    }));
    fixtures.set("POST /api/admin/orders/:id/shipments", async () => ({
      url: `/api/admin/orders/${await freshOrder("cash_on_delivery")}/shipments`,
      body: { carrier: "aras", trackingNumber: "AR12345678" },
    }));
    fixtures.set("POST /api/admin/orders/:id/notes", async () => ({
      url: `/api/admin/orders/${anyOrder}/notes`,
      body: { message: "Matris notu", visibility: "internal" },
    }));
    fixtures.set("POST /api/admin/orders/:id/mark-paid", async () => ({ url: `/api/admin/orders/${await freshOrder()}/mark-paid` }));
    fixtures.set("POST /api/admin/orders/:id/refunds", async () => ({
      url: `/api/admin/orders/${await freshOrder("bank_transfer", true)}/refunds`,
      body: { amount: 1_000, reason: "Matris iadesi" },
    }));
    fixtures.set("GET /api/admin/payment-settings", async () => ({ url: "/api/admin/payment-settings" }));
    fixtures.set("PUT /api/admin/payment-settings", async () => ({
      url: "/api/admin/payment-settings",
      body: { cashOnDelivery: { enabled: true, fee: 1_990, maxTotal: null }, reservationMinutes: 30 },
    }));
    // the pending-order queue (issue 5): test orders are made for store A's example.com customer
    fixtures.set("GET /api/admin/orders/queue", async () => ({ url: "/api/admin/orders/queue?limit=50" }));
    fixtures.set("POST /api/admin/orders/queue/process", async () => ({ url: "/api/admin/orders/queue/process" }));
    fixtures.set("POST /api/admin/orders/queue/test-orders", async () => ({
      url: "/api/admin/orders/queue/test-orders",
      body: { count: 1 },
    }));
  });

  afterAll(() => t?.close());

  it("collects the admin routes, each with a permission guard and a fixture", () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    // the routes of this issue must all be there
    for (const expected of [
      "GET /api/admin/customers",
      "DELETE /api/admin/customers/:id",
      "PATCH /api/admin/staff/:userId",
      "POST /api/admin/staff/invitations",
      "GET /api/admin/audit",
      "PATCH /api/admin/settings",
      "GET /api/admin/mail",
      "PATCH /api/admin/products/:id",
      "POST /api/admin/api-keys",
      "POST /api/admin/coupons",
      "PUT /api/admin/shipping-methods/order",
      "PUT /api/admin/payment-settings",
      "GET /api/admin/orders",
      "POST /api/admin/orders/:id/refunds",
      "GET /api/admin/orders/queue",
      "POST /api/admin/orders/queue/test-orders",
    ]) {
      expect(keys).toContain(expected);
    }
    const unguarded = routes.filter((r) => r.permission === null).map((r) => `${r.method} ${r.url}`);
    expect(unguarded, "admin routes without access.require(...)").toEqual([]);
    const missing = keys.filter((k) => !fixtures.has(k));
    expect(missing, "admin routes without a request fixture in test/permissions.int.test.ts").toEqual([]);
  });

  it("answers 401/403/2xx for every caller on every route as the matrix says", async () => {
    const failures: string[] = [];
    const table: string[] = [];
    for (const route of routes) {
      const fixture = fixtures.get(`${route.method} ${route.url}`);
      if (!fixture || !route.permission) continue;
      const permission = route.permission;
      const row: string[] = [];
      for (const [name, caller] of callers) {
        const { url, body, multipart: form } = await fixture();
        const res = await t.app.inject({
          method: route.method,
          url,
          headers: {
            host: A,
            origin: `http://${A}`,
            ...(caller.cookie ? { cookie: caller.cookie } : {}),
            ...(caller.authorization ? { authorization: caller.authorization } : {}),
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
            ...(form ? { "content-type": form.contentType } : {}),
          },
          ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
          ...(form ? { payload: form.payload } : {}),
        });
        const allowed = caller.allowed(permission);
        const ok = allowed ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === caller.denied;
        row.push(`${name}=${res.statusCode}`);
        if (!ok) {
          failures.push(
            `${route.method} ${route.url} (${permission}) as ${name}: expected ${allowed ? "2xx" : caller.denied}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        }
        if (!allowed && !/problem\+json/.test(String(res.headers["content-type"]))) {
          failures.push(`${route.method} ${route.url} as ${name}: the ${res.statusCode} is not problem+json`);
        }
      }
      table.push(`${route.method} ${route.url} [${permission}]: ${row.join(" ")}`);
    }
    expect(failures, table.join("\n")).toEqual([]);
    // every store role was really exercised, on every route
    expect(table.length).toBe(routes.length);
  });
});
