import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

// Turkish paths first: the storefront is Turkish by default and URLs stay the same in English.
export default [
  layout("layouts/store.tsx", { id: "store" }, [
    index("routes/home.tsx"),
    route("kategori/:slug", "routes/category.tsx"),
    route("ara", "routes/search.tsx"),
    route("urun/:slug", "routes/product.tsx"),
    route("sayfa/:slug", "routes/page.tsx"),
    route("sepet", "routes/cart.tsx"),
    // checkout and the order page (guests open it with the key `?t=`)
    route("odeme", "routes/checkout.tsx"),
    route("siparis/:number", "routes/order.tsx"),
    route("kuponlar", "routes/coupons.tsx"),
    route("indirimli-urunler", "routes/deals.tsx"),
    // identity: sign-in, sign-up, password reset, invitations (src/web/routes/auth/)
    route("giris", "routes/auth/sign-in.tsx"),
    route("giris/dogrulama", "routes/auth/two-factor.tsx"),
    route("uye-ol", "routes/auth/sign-up.tsx"),
    route("sifremi-unuttum", "routes/auth/forgot-password.tsx"),
    route("sifre-sifirla", "routes/auth/reset-password.tsx"),
    route("cikis", "routes/auth/sign-out.tsx"),
    route("davet", "routes/auth/invitation.tsx"),
    // my account (src/web/routes/account/), every page needs a signed-in customer
    route("hesap", "layouts/account.tsx", { id: "account" }, [
      index("routes/account/profile.tsx"),
      route("guvenlik", "routes/account/security.tsx"),
      route("adresler", "routes/account/addresses.tsx"),
      route("siparisler", "routes/account/orders.tsx"),
      route("siparisler/:number", "routes/account/order.tsx"),
      route("gizlilik", "routes/account/privacy.tsx"),
    ]),
    route("*", "routes/not-found.tsx"),
  ]),
  route("admin/giris", "routes/admin/sign-in.tsx"),
  route("admin", "layouts/admin.tsx", { id: "admin" }, [
    index("routes/admin/dashboard.tsx"),
    // catalog (src/web/routes/admin/products.tsx and the pages beside it)
    route("urunler", "routes/admin/products.tsx"),
    route("urunler/yeni", "routes/admin/product-edit.tsx", { id: "admin-product-new" }),
    route("urunler/aktar", "routes/admin/product-import.tsx"),
    route("urunler/:id", "routes/admin/product-edit.tsx", { id: "admin-product-edit" }),
    route("kategoriler", "routes/admin/categories.tsx"),
    route("markalar", "routes/admin/brands.tsx"),
    route("bannerlar", "routes/admin/banners.tsx"),
    route("medya", "routes/admin/media.tsx"),
    // coupons, shipping and payment settings (src/web/routes/admin/coupons.tsx and beside it)
    route("kuponlar", "routes/admin/coupons.tsx"),
    route("kuponlar/yeni", "routes/admin/coupon-edit.tsx", { id: "admin-coupon-new" }),
    route("kuponlar/:id", "routes/admin/coupon-edit.tsx", { id: "admin-coupon-edit" }),
    route("kargo", "routes/admin/shipping.tsx"),
    route("odeme", "routes/admin/payment-settings.tsx"),
    // orders (src/web/routes/admin/orders.tsx): static segments such as siparisler/kuyruk outrank :id
    route("siparisler", "routes/admin/orders.tsx"),
    route("siparisler/kuyruk", "routes/admin/order-queue.tsx"),
    route("siparisler/:id", "routes/admin/order-detail.tsx"),
    route("e-postalar", "routes/admin/mail-list.tsx"),
    route("e-postalar/:id", "routes/admin/mail-detail.tsx"),
    route("musteriler", "routes/admin/customers.tsx"),
    route("musteriler/:id", "routes/admin/customer-detail.tsx"),
    route("personel", "routes/admin/staff.tsx"),
    route("denetim", "routes/admin/audit.tsx"),
    route("api-anahtarlari", "routes/admin/api-keys.tsx"),
    route("ayarlar", "routes/admin/settings.tsx"),
    route("*", "routes/admin/not-found.tsx"),
  ]),
  // Printable packing slip, outside the admin frame (its loader checks orders:read).
  route("admin/siparisler/:id/fis", "routes/admin/packing-slip.tsx"),
  // Resource route: sets the language/theme cookies and sends the visitor back.
  route("tercih", "routes/preferences.ts"),
  // Resource route: every cart change (fetchers, and forms without JavaScript); GET = the cart summary.
  route("sepet/islem", "routes/cart-action.ts"),
] satisfies RouteConfig;
