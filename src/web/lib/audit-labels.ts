// Human wording for the audit trail: event types, changed fields, their values and the stored
// summaries. Pure functions over a locale, shared by /admin/denetim and the customer page.

import type { Locale } from "../context.ts";
import { getT, intlLocale, type MessageKey, type TFunction } from "../i18n/index.ts";
import { tr } from "../i18n/tr.ts";
import { formatDateTime, money } from "./format.ts";

/** The fields of an audit row the wording needs. */
export interface AuditEventLike {
  type: string;
  summary: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every event type the modules record, grouped for the type filter; each group has a prefix choice. */
export const AUDIT_TYPE_GROUPS: { group: MessageKey; all: { value: string; label: MessageKey }[]; types: string[] }[] = [
  {
    group: "audittype.group.security",
    all: [
      { value: "auth.", label: "adminpeople.typeSecurity" },
      { value: "auth.password_*", label: "adminpeople.typePassword" },
      { value: "auth.two_factor_*", label: "adminpeople.typeTwoFactor" },
    ],
    types: [
      "auth.sign_in",
      "auth.sign_in_failed",
      "auth.sign_up",
      "auth.password_change",
      "auth.password_reset_requested",
      "auth.password_reset",
      "auth.email_change_requested",
      "auth.two_factor_enabled",
      "auth.two_factor_disabled",
    ],
  },
  {
    group: "audittype.group.customers",
    all: [{ value: "customer.", label: "adminpeople.typeCustomers" }],
    types: ["customer.credit_adjust", "customer.tier_change", "customer.disable", "customer.enable", "customer.update", "customer.delete"],
  },
  {
    group: "audittype.group.account",
    all: [{ value: "account.", label: "audittype.all.account" }],
    types: [
      "account.profile_update",
      "account.address_create",
      "account.address_update",
      "account.address_delete",
      "account.consent_granted",
      "account.consent_withdrawn",
      "account.deletion_requested",
      "account.deletion_cancelled",
      "account.anonymised",
    ],
  },
  {
    group: "audittype.group.staff",
    all: [{ value: "staff.", label: "adminpeople.typeStaff" }],
    types: ["staff.invite", "staff.invitation_accept", "staff.invitation_revoke", "staff.role_change", "staff.remove"],
  },
  {
    group: "audittype.group.catalog",
    all: [
      { value: "product.", label: "audittype.all.product" },
      { value: "category.", label: "audittype.all.category" },
      { value: "brand.", label: "audittype.all.brand" },
      { value: "banner.", label: "audittype.all.banner" },
      { value: "media.", label: "audittype.all.media" },
    ],
    types: [
      "product.create",
      "product.update",
      "product.bulk-update",
      "product.delete",
      "product.import",
      "category.create",
      "category.update",
      "category.move",
      "category.reorder",
      "category.delete",
      "brand.create",
      "brand.update",
      "brand.delete",
      "banner.create",
      "banner.update",
      "banner.reorder",
      "banner.delete",
      "media.upload",
      "media.crop",
      "media.update",
      "media.delete",
    ],
  },
  {
    group: "audittype.group.settings",
    all: [{ value: "settings.", label: "adminpeople.typeSettings" }],
    types: ["settings.update"],
  },
  {
    group: "audittype.group.apiKeys",
    all: [{ value: "api_key.", label: "adminpeople.typeApiKeys" }],
    types: ["api_key.create", "api_key.revoke"],
  },
  {
    group: "audittype.group.api",
    all: [{ value: "api.", label: "audittype.all.api" }],
    types: ["api.token_issued", "api.token_revoked", "api.refresh_reuse_detected"],
  },
];

/** Fields that hold an amount in minor units (kuruş). */
const MONEY_FIELDS = new Set(["storeCredit", "amount", "balanceAfter", "price", "compareAtPrice"]);
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CREDIT_SUMMARY_RE = /^([+-])(\d+)\.(\d{2}): ?([\s\S]*)$/;
const ROLE_PAIR_RE = /^([a-z_]+) → ([a-z_]+)$/;
const EMAIL_ROLE_RE = /^(.+) \(([a-z_]+)\)$/;
const GRACE_RE = /^anonymised after (\d+) days$/;
const REQUESTED_RE = /^requested (.+)$/;

function has(key: string): key is MessageKey {
  return Object.hasOwn(tr, key);
}

/** `key` when the dictionaries know it, else `fallback`. */
function lookup(t: TFunction, key: string, fallback: string): string {
  return has(key) ? t(key) : fallback;
}

export interface AuditLabels {
  /** "auth.sign_in" → "Giriş yapıldı"; an unknown type stays as its code. */
  type(code: string): string;
  /** "storeCredit" → "Mağaza kredisi"; an unknown field stays as its name. */
  field(name: string): string;
  /** A before/after value for display: money, Evet/Hayır, dates, tiers, roles, statuses; null → "—". */
  value(field: string, value: unknown): string;
  /** "customer" → "Müşteri". */
  target(kind: string): string;
  /** The stored summary in the reader's language, with amounts as money and role codes as names. */
  summary(event: AuditEventLike): string;
  /** Every recorded field with its label and both values formatted ("—" when a side is missing). */
  changes(event: AuditEventLike): AuditChange[];
  /** One line for a list: the summary, else the only change ("Üyelik seviyesi: Standart → Premium"). */
  brief(event: AuditEventLike): string;
}

export interface AuditChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export function auditLabels(locale: Locale, currency = "TRY"): AuditLabels {
  const t = getT(locale);
  const fmtMoney = (minor: number) => money(minor, currency, locale);
  const role = (code: string) => lookup(t, `adminpeople.role.${code}`, code);

  const labels: AuditLabels = {
    type: (code) => lookup(t, `audittype.${code}`, code),

    field: (name) =>
      has(`adminpeople.consent.${name}`) ? t(`adminpeople.consent.${name}` as MessageKey) : lookup(t, `audittype.field.${name}`, name),

    value(field, value) {
      if (value === null || value === undefined || value === "") return "—";
      if (typeof value === "boolean") return t(value ? "audittype.value.yes" : "audittype.value.no");
      if (typeof value === "number") {
        if (MONEY_FIELDS.has(field) && Number.isInteger(value)) return fmtMoney(value);
        return value.toLocaleString(intlLocale(locale));
      }
      if (typeof value === "string") {
        if (field === "tier" && (value === "standard" || value === "premium")) {
          return t(value === "premium" ? "adminpeople.tierPremium" : "adminpeople.tierStandard");
        }
        if (field === "role") return role(value);
        if (field === "status") return lookup(t, `audittype.status.${value}`, value);
        if (field === "invoiceType" && (value === "individual" || value === "corporate")) {
          return t(value === "corporate" ? "myaccount.invoiceCorporate" : "myaccount.invoiceIndividual");
        }
        if (ISO_DATE_RE.test(value)) return formatDateTime(value, locale);
        return value;
      }
      if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
        return value.length === 0 ? "—" : value.join(", ");
      }
      return JSON.stringify(value);
    },

    target: (kind) => lookup(t, `audittype.target.${kind}`, kind),

    summary(event) {
      const s = event.summary ?? "";
      switch (event.type) {
        case "customer.credit_adjust": {
          const m = CREDIT_SUMMARY_RE.exec(s);
          if (!m) return s;
          const [, sign, whole, cents, reason] = m as unknown as [string, string, string, string, string];
          const before = event.before?.storeCredit;
          const after = event.after?.storeCredit;
          const minor =
            typeof before === "number" && typeof after === "number" ? Math.abs(after - before) : Number(whole) * 100 + Number(cents);
          const amount = `${sign === "-" ? "−" : "+"}${fmtMoney(minor)}`;
          return reason ? `${amount} · ${reason}` : amount;
        }
        case "staff.role_change": {
          const m = ROLE_PAIR_RE.exec(s);
          return m ? `${role(m[1] as string)} → ${role(m[2] as string)}` : s;
        }
        case "staff.invite":
        case "staff.invitation_accept":
        case "staff.invitation_revoke": {
          const m = EMAIL_ROLE_RE.exec(s);
          return m ? `${m[1]} (${role(m[2] as string)})` : s;
        }
        case "account.consent_granted":
        case "account.consent_withdrawn":
          return s ? lookup(t, `adminpeople.consent.${s}`, s) : s;
        case "auth.sign_in":
        case "auth.sign_up":
          return s.startsWith("/") ? lookup(t, `audittype.via.${s}`, s) : s;
        case "api.token_issued":
          if (s === "password") return t("audittype.summary.password");
          if (s === "password + two-factor") return t("audittype.summary.passwordTwoFactor");
          return s;
        case "api.token_revoked": {
          const tokens = event.after?.tokens;
          return !s && typeof tokens === "number" ? t("audittype.summary.tokens", { count: tokens }) : s;
        }
        case "api.refresh_reuse_detected":
          return s.startsWith("A used refresh token") ? t("audittype.summary.refreshReuse") : s;
        case "account.deletion_requested": {
          const m = GRACE_RE.exec(s);
          return m ? t("audittype.summary.deletionGrace", { days: Number(m[1]) }) : s;
        }
        case "account.anonymised": {
          if (s === "erased by an operator") return t("audittype.summary.erasedByOperator");
          const m = REQUESTED_RE.exec(s);
          return m ? t("audittype.summary.requestedAt", { date: labels.value("requestedAt", m[1]) }) : s;
        }
      }
      return s;
    },

    changes(event) {
      const keys = new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})]);
      return [...keys].map((key) => ({
        key,
        label: labels.field(key),
        before: labels.value(key, event.before?.[key]),
        after: labels.value(key, event.after?.[key]),
      }));
    },

    brief(event) {
      const summary = labels.summary(event);
      if (summary) return summary;
      const changes = labels.changes(event);
      const only = changes.length === 1 ? changes[0] : undefined;
      return only ? `${only.label}: ${only.before} → ${only.after}` : "";
    },
  };
  return labels;
}
