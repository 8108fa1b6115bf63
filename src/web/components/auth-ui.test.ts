import { describe, expect, it } from "vitest";
import { safeNext } from "./auth-ui.tsx";

describe("safeNext", () => {
  it("keeps a same-site path and refuses other sites and the identity pages", () => {
    expect(safeNext("/hesap/siparisler?sayfa=2")).toBe("/hesap/siparisler?sayfa=2");
    expect(safeNext("/sepet", "/")).toBe("/sepet");
    for (const bad of [
      null,
      undefined,
      "",
      "https://evil.test/",
      "//evil.test/",
      "/\\evil.test/",
      "hesap",
      "/giris",
      "/uye-ol?x=1",
      "/sifre-sifirla",
    ]) {
      expect(safeNext(bad)).toBe("/hesap");
    }
  });

  it("with a prefix, keeps only paths under it (the admin's sign-in)", () => {
    expect(safeNext("/admin/musteriler?q=a", "/admin", "/admin")).toBe("/admin/musteriler?q=a");
    expect(safeNext("/admin", "/admin", "/admin")).toBe("/admin");
    for (const bad of [null, "", "/hesap", "//admin", "/\\admin", "https://evil.test/admin", "admin"]) {
      expect(safeNext(bad, "/admin", "/admin")).toBe("/admin");
    }
  });
});
