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
  // Resource route: sets the language/theme cookies and sends the visitor back.
  route("tercih", "routes/preferences.ts"),
] satisfies RouteConfig;
