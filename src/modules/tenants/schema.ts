import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Public store details shown in the footer, invoices and legal pages. */
export interface TenantProfile {
  legalName?: string;
  email?: string;
  phone?: string;
  address?: string;
  taxOffice?: string;
  taxNumber?: string;
  mersisNo?: string;
  kepAddress?: string;
  social?: { instagram?: string; x?: string; facebook?: string; youtube?: string };
}

/** Store-wide settings changed from admin. */
export interface TenantSettings {
  /** Staff must have two-factor authentication on to use the admin. */
  requireStaffTwoFactor?: boolean;
  /** How the store takes money; missing parts fall back to defaults (payments/settings.ts). */
  payments?: PaymentSettings;
}

export interface BankAccount {
  bank: string;
  holder: string;
  /** TR + 24 digits, stored without spaces. */
  iban: string;
}

export interface PaymentSettings {
  bankTransfer?: { enabled: boolean; accounts: BankAccount[] /** Hours before an unpaid order is cancelled. */; expiryHours?: number };
  cashOnDelivery?: {
    enabled: boolean /** Fee in minor units, KDV included. */;
    fee: number /** Highest order value accepted. */;
    maxTotal?: number;
  };
  storeCredit?: { enabled: boolean /** Orders paid fully from credit above this amount wait for a budget check. */; reviewOver?: number };
  iyzico?: { enabled: boolean; maxInstallments?: number };
  paytr?: { enabled: boolean; maxInstallments?: number };
  stripe?: { enabled: boolean };
  /** Minutes a gateway order holds its stock while the shopper pays. */
  reservationMinutes?: number;
}

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    defaultLocale: text("default_locale").notNull().default("tr"),
    currency: text("currency").notNull().default("TRY"),
    isDefault: boolean("is_default").notNull().default(false),
    profile: jsonb("profile").$type<TenantProfile>().notNull().default({}),
    settings: jsonb("settings").$type<TenantSettings>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenants_one_default").on(t.isDefault).where(sql`${t.isDefault}`)],
);

export const tenantDomains = pgTable(
  "tenant_domains",
  {
    host: text("host").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tenant_domains_tenant").on(t.tenantId)],
);

export type Tenant = typeof tenants.$inferSelect;
