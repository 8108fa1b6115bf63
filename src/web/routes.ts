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
    route("hesap", "routes/account.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
  route("admin/giris", "routes/admin/sign-in.tsx"),
  route("admin", "layouts/admin.tsx", { id: "admin" }, [
    index("routes/admin/dashboard.tsx"),
    route("e-postalar", "routes/admin/mail-list.tsx"),
    route("e-postalar/:id", "routes/admin/mail-detail.tsx"),
    route("*", "routes/admin/not-found.tsx"),
  ]),
  // Resource route: sets the language/theme cookies and sends the visitor back.
  route("tercih", "routes/preferences.ts"),
] satisfies RouteConfig;
