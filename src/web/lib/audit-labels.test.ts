import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { tr } from "../i18n/tr.ts";
import { AUDIT_TYPE_GROUPS, auditLabels } from "./audit-labels.ts";

// Intl may print narrow no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("audit type labels", () => {
  const trL = auditLabels("tr");
  const enL = auditLabels("en");

  it("names known types in both languages and keeps unknown codes", () => {
    expect(trL.type("auth.sign_in")).toBe("Giriş yapıldı");
    expect(enL.type("auth.sign_in")).toBe("Signed in");
    expect(trL.type("auth.sign_in_failed")).toBe("Başarısız giriş denemesi");
    expect(trL.type("customer.credit_adjust")).toBe("Mağaza kredisi güncellendi");
    expect(trL.type("order.refund")).toBe("order.refund");
    expect(trL.type("toString")).toBe("toString");
  });

  it("has a label in both dictionaries for every type in the filter", () => {
    for (const type of AUDIT_TYPE_GROUPS.flatMap((g) => g.types)) {
      expect(tr).toHaveProperty([`audittype.${type}`]);
      expect(en).toHaveProperty([`audittype.${type}`]);
    }
  });

  it("labels every event type the modules record", () => {
    const types = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) {
          const text = readFileSync(path, "utf8");
          for (const m of text.matchAll(/"((?:auth|customer|account|staff|settings|product|api_key|api)\.[a-z_]+)"/g))
            types.add(m[1] as string);
        }
      }
    };
    walk(join(import.meta.dirname, "../../modules"));
    expect(types.size).toBeGreaterThan(20);
    const listed = new Set(AUDIT_TYPE_GROUPS.flatMap((g) => g.types));
    const missing = [...types].filter((type) => !listed.has(type) || trL.type(type) === type);
    expect(missing).toEqual([]);
  });
});

describe("audit field and value labels", () => {
  const trL = auditLabels("tr", "TRY");
  const enL = auditLabels("en", "TRY");

  it("names fields with a fallback to the raw name", () => {
    expect(trL.field("storeCredit")).toBe("Mağaza kredisi");
    expect(enL.field("storeCredit")).toBe("Store credit");
    expect(trL.field("requireStaffTwoFactor")).toBe("Personele iki adımlı doğrulama zorunlu");
    expect(trL.field("marketing_email")).toBe("E-posta ile ticari ileti");
    expect(trL.field("someNewField")).toBe("someNewField");
  });

  it("formats money fields from minor units", () => {
    expect(plain(trL.value("storeCredit", 27100))).toBe("271,00 ₺");
    expect(plain(trL.value("price", 123456))).toBe("1.234,56 ₺");
    expect(plain(enL.value("compareAtPrice", 500))).toBe("₺5.00");
    // a non-money number is a plain number
    expect(trL.value("stock", 1200)).toBe("1.200");
  });

  it("formats booleans, empty values, dates, lists and codes", () => {
    expect(trL.value("featured", true)).toBe("Evet");
    expect(trL.value("twoFactorEnabled", false)).toBe("Hayır");
    expect(enL.value("twoFactorEnabled", false)).toBe("No");
    expect(trL.value("disabledReason", null)).toBe("—");
    expect(trL.value("disabledReason", undefined)).toBe("—");
    expect(trL.value("tier", "premium")).toBe("Premium");
    expect(trL.value("tier", "standard")).toBe("Standart");
    expect(trL.value("role", "catalog_manager")).toBe("Katalog yöneticisi");
    expect(enL.value("role", "owner")).toBe("Owner");
    expect(trL.value("role", "mystery")).toBe("mystery");
    expect(trL.value("status", "active")).toBe("Yayında");
    expect(trL.value("status", "weird")).toBe("weird");
    expect(trL.value("invoiceType", "corporate")).toBe("Kurumsal");
    expect(trL.value("scopes", ["catalog:read", "orders:read"])).toBe("catalog:read, orders:read");
    expect(trL.value("meta", { a: 1 })).toBe('{"a":1}');
    const date = plain(trL.value("expiresAt", "2025-03-04T09:05:00.000Z"));
    expect(date).toContain("2025");
    expect(date).toContain("12:05"); // Istanbul time
    expect(date).not.toContain("T09");
    expect(trL.value("title", "2025-03-04 kampanyası")).toBe("2025-03-04 kampanyası");
  });

  it("names target kinds", () => {
    expect(trL.target("customer")).toBe("Müşteri");
    expect(enL.target("api_key")).toBe("API key");
    expect(trL.target("order")).toBe("order");
  });
});

describe("audit summaries", () => {
  const trL = auditLabels("tr", "TRY");
  const enL = auditLabels("en", "TRY");
  const ev = (
    type: string,
    summary: string | null,
    before: Record<string, unknown> | null = null,
    after: Record<string, unknown> | null = null,
  ) => ({
    type,
    summary,
    before,
    after,
  });

  it("shows store credit adjustments as money, not kuruş or dotted decimals", () => {
    const e = ev("customer.credit_adjust", "+271.00: Geciken kargo", { storeCredit: 1000 }, { storeCredit: 28100 });
    expect(plain(trL.summary(e))).toBe("+271,00 ₺ · Geciken kargo");
    expect(plain(enL.summary(e))).toBe("+₺271.00 · Geciken kargo");
    expect(plain(trL.summary(ev("customer.credit_adjust", "-25.50: iade", null, null)))).toBe("−25,50 ₺ · iade");
    expect(trL.summary(ev("customer.credit_adjust", "free text"))).toBe("free text");
  });

  it("translates role codes, consent purposes and fixed English phrases", () => {
    expect(trL.summary(ev("staff.role_change", "support → admin"))).toBe("Destek → Yönetici");
    expect(trL.summary(ev("staff.invite", "a@b.com (catalog_manager)"))).toBe("a@b.com (Katalog yöneticisi)");
    expect(trL.summary(ev("account.consent_granted", "marketing_sms"))).toBe("SMS ile ticari ileti");
    expect(trL.summary(ev("auth.sign_in", "/sign-in/email"))).toBe("E-posta ve şifreyle");
    expect(trL.summary(ev("auth.sign_in", "/some/new/path"))).toBe("/some/new/path");
    expect(trL.summary(ev("api.token_issued", "password + two-factor"))).toBe("Şifre ve iki adımlı doğrulamayla");
    expect(trL.summary(ev("account.deletion_requested", "anonymised after 30 days"))).toBe("30 gün sonra anonimleştirilecek");
    expect(trL.summary(ev("account.anonymised", "erased by an operator"))).toBe("Bir operatör tarafından silindi");
    expect(trL.summary(ev("api.token_revoked", null, null, { family: "x", tokens: 3 }))).toBe("3 anahtar iptal edildi");
    expect(trL.summary(ev("auth.sign_in_failed", "x@y.com"))).toBe("x@y.com");
    expect(trL.summary(ev("product.update", null))).toBe("");
  });

  it("lists changes with labels and formatted values on both sides", () => {
    const e = ev("customer.delete", "a@b.com", { email: "a@b.com", tier: "premium", storeCredit: 5000 }, { userDeleted: true });
    expect(trL.changes(e).map((c) => ({ ...c, before: plain(c.before) }))).toEqual([
      { key: "email", label: "E-posta", before: "a@b.com", after: "—" },
      { key: "tier", label: "Üyelik seviyesi", before: "Premium", after: "—" },
      { key: "storeCredit", label: "Mağaza kredisi", before: "50,00 ₺", after: "—" },
      { key: "userDeleted", label: "Kullanıcı hesabı da silindi", before: "—", after: "Evet" },
    ]);
    expect(trL.changes(ev("auth.sign_in", null))).toEqual([]);
  });

  it("briefs an event by its summary, else by its only change", () => {
    expect(trL.brief(ev("customer.tier_change", null, { tier: "standard" }, { tier: "premium" }))).toBe(
      "Üyelik seviyesi: Standart → Premium",
    );
    expect(enL.brief(ev("auth.two_factor_enabled", null, { twoFactorEnabled: false }, { twoFactorEnabled: true }))).toBe(
      "Two-factor authentication: No → Yes",
    );
    expect(trL.brief(ev("staff.role_change", "support → admin", { role: "support" }, { role: "admin" }))).toBe("Destek → Yönetici");
    expect(trL.brief(ev("account.address_update", null, { title: "Ev", district: "Kadıköy" }, { title: "İş", district: "Beşiktaş" }))).toBe(
      "",
    );
  });
});
