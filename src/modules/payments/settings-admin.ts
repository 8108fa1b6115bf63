// The store's payment settings as the admin edits them: read with defaults, validated (IBANs,
// limits), and written into `tenants.settings.payments` without touching the other settings.
// A change is audited and drops the cached tenants, so checkout sees it at once.

import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { HttpError } from "../../platform/problem.ts";
import { type AuditContext, diff, recordAudit } from "../audit/service.ts";
import type { PaymentMethodId } from "../orders/schema.ts";
import { type BankAccount, type PaymentSettings, tenants } from "../tenants/schema.ts";
import { availableMethods, formatIban, isValidIban, resolvePaymentSettings } from "./settings.ts";

/** Gateways an installation can have credentials for. */
export const gatewayIds = ["iyzico", "paytr", "stripe"] as const;
export type GatewayName = (typeof gatewayIds)[number];

/** Highest fee or limit, minor units (the settings are JSON, but totals are int-sized elsewhere). */
export const MAX_PAYMENT_AMOUNT = 1_000_000_000;
export const MAX_BANK_ACCOUNTS = 10;

export interface PaymentSettingsContext {
  db: Db;
  tenantId: string;
  actor?: AuditContext;
}

/** The settings as the admin sees and edits them: the merchant's choices with defaults filled in. */
export interface PaymentSettingsView {
  bankTransfer: { enabled: boolean; accounts: (BankAccount & { ibanFormatted: string })[]; expiryHours: number };
  cashOnDelivery: { enabled: boolean; fee: number; maxTotal: number | null };
  storeCredit: { enabled: boolean; reviewOver: number | null };
  /** `enabled`: the merchant's choice; `configured`: this installation has the gateway's credentials. Both are needed. */
  iyzico: { enabled: boolean; maxInstallments: number; configured: boolean };
  paytr: { enabled: boolean; maxInstallments: number; configured: boolean };
  stripe: { enabled: boolean; configured: boolean };
  reservationMinutes: number;
  /** What a shopper can choose at checkout now (cash on delivery subject to its highest total). */
  checkoutMethods: PaymentMethodId[];
}

const amount = (what: string) =>
  z
    .number({ message: `${what}: give an amount in minor units (kuruş)` })
    .int(`${what}: use whole minor units (kuruş)`)
    .min(0, `${what} cannot be negative`)
    .max(MAX_PAYMENT_AMOUNT, `${what} is too large`);
const installments = z
  .number({ message: "give the most installments (1–12)" })
  .int("use a whole number of installments")
  .min(1, "at least 1 installment (a single payment)")
  .max(12, "at most 12 installments");

const bankAccountSchema = z.object({
  bank: z
    .string({ message: "give the bank's name" })
    .trim()
    .min(1, "give the bank's name")
    .max(80, "the bank's name has at most 80 characters"),
  holder: z
    .string({ message: "give the account holder" })
    .trim()
    .min(1, "give the account holder")
    .max(120, "the account holder has at most 120 characters"),
  iban: z
    .string({ message: "give the IBAN" })
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .refine((v) => v.length > 0, "give the IBAN")
    .refine((v) => v.length === 0 || isValidIban(v), "not a valid Turkish IBAN: TR and 24 digits with a correct check number"),
});

/** A change of the payment settings: each section given replaces that section; sections left out stay as they are. */
export const paymentSettingsInputSchema = z
  .object({
    bankTransfer: z
      .object({
        enabled: z.boolean(),
        accounts: z.array(bankAccountSchema).max(MAX_BANK_ACCOUNTS, `at most ${MAX_BANK_ACCOUNTS} bank accounts`),
        expiryHours: z
          .number({ message: "give the hours an unpaid order waits (1–240)" })
          .int("use whole hours")
          .min(1, "at least 1 hour")
          .max(240, "at most 240 hours (10 days)"),
      })
      .optional(),
    cashOnDelivery: z
      .object({
        enabled: z.boolean(),
        fee: amount("fee"),
        maxTotal: amount("maxTotal").min(1, "the highest order total must be more than 0").nullable(),
      })
      .optional(),
    storeCredit: z.object({ enabled: z.boolean(), reviewOver: amount("reviewOver").nullable() }).optional(),
    iyzico: z.object({ enabled: z.boolean(), maxInstallments: installments }).optional(),
    paytr: z.object({ enabled: z.boolean(), maxInstallments: installments }).optional(),
    stripe: z.object({ enabled: z.boolean() }).optional(),
    reservationMinutes: z
      .number({ message: "give the minutes stock is held (5–1440)" })
      .int("use whole minutes")
      .min(5, "at least 5 minutes")
      .max(1440, "at most 1440 minutes (a day)")
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (Object.values(s).every((v) => v === undefined))
      ctx.addIssue({ code: "custom", path: [], message: "send at least one section to change" });
    const bank = s.bankTransfer;
    if (!bank) return;
    if (bank.enabled && bank.accounts.length === 0)
      ctx.addIssue({ code: "custom", path: ["bankTransfer", "accounts"], message: "add a bank account to offer bank transfer" });
    const seen = new Set<string>();
    bank.accounts.forEach((a, i) => {
      if (a.iban && seen.has(a.iban))
        ctx.addIssue({ code: "custom", path: ["bankTransfer", "accounts", i, "iban"], message: "this IBAN is listed twice" });
      seen.add(a.iban);
    });
  });

export type PaymentSettingsInput = z.input<typeof paymentSettingsInputSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new HttpError(422, errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "), { code: "invalid", errors });
}

/** The view of stored settings; `configured` names the gateways this installation has credentials for. */
export function paymentSettingsView(stored: PaymentSettings | undefined, configured: ReadonlySet<string>): PaymentSettingsView {
  const s = stored ?? {};
  // resolved as if every gateway were configured: the merchant's own choices
  const chosen = resolvePaymentSettings(s, new Set(gatewayIds));
  const effective = resolvePaymentSettings(s, configured);
  return {
    bankTransfer: {
      ...chosen.bankTransfer,
      accounts: chosen.bankTransfer.accounts.map((a) => ({ ...a, ibanFormatted: formatIban(a.iban) })),
    },
    cashOnDelivery: chosen.cashOnDelivery,
    storeCredit: chosen.storeCredit,
    iyzico: { ...chosen.iyzico, configured: configured.has("iyzico") },
    paytr: { ...chosen.paytr, configured: configured.has("paytr") },
    stripe: { ...chosen.stripe, configured: configured.has("stripe") },
    reservationMinutes: chosen.reservationMinutes,
    checkoutMethods: availableMethods(effective, 0),
  };
}

export async function getPaymentSettings(
  db: Db,
  tenantId: string,
  configured: ReadonlySet<string> = new Set(),
): Promise<PaymentSettingsView> {
  const [row] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  if (!row) throw new HttpError(404, "Store not found.", { code: "not-found" });
  return paymentSettingsView(row.settings.payments, configured);
}

/** The stored form of a validated change merged over the stored settings (nulls become absent keys). */
function merged(current: PaymentSettings, change: z.output<typeof paymentSettingsInputSchema>): PaymentSettings {
  const next: PaymentSettings = { ...current };
  if (change.bankTransfer) next.bankTransfer = change.bankTransfer;
  if (change.cashOnDelivery) {
    const { maxTotal, ...rest } = change.cashOnDelivery;
    next.cashOnDelivery = { ...rest, ...(maxTotal === null ? {} : { maxTotal }) };
  }
  if (change.storeCredit) {
    const { reviewOver, ...rest } = change.storeCredit;
    next.storeCredit = { ...rest, ...(reviewOver === null ? {} : { reviewOver }) };
  }
  if (change.iyzico) next.iyzico = change.iyzico;
  if (change.paytr) next.paytr = change.paytr;
  if (change.stripe) next.stripe = change.stripe;
  if (change.reservationMinutes !== undefined) next.reservationMinutes = change.reservationMinutes;
  return next;
}

/** A copy with object keys sorted at every level, so equal settings compare equal as JSON. */
function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    ) as T;
  return value;
}

/**
 * Validates and saves a change (each section given replaces that section), audits it as
 * `settings.update`, then calls `invalidate` (drop cached tenants) so checkout reads the new settings.
 */
export async function updatePaymentSettings(
  ctx: PaymentSettingsContext,
  input: PaymentSettingsInput,
  options: { configured?: ReadonlySet<string>; invalidate?: () => void } = {},
): Promise<PaymentSettingsView> {
  const change = parse(paymentSettingsInputSchema, input);
  const saved = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, ctx.tenantId)).for("update");
    if (!row) throw new HttpError(404, "Store not found.", { code: "not-found" });
    const before = row.settings.payments ?? {};
    const after = merged(before, change);
    // jsonb keeps its own key order: compare with keys sorted
    const delta = diff(sortedKeys({ ...before }), sortedKeys({ ...after }));
    if (Object.keys(delta.after).length === 0) return after;
    await tx
      .update(tenants)
      .set({ settings: sql`${tenants.settings} || jsonb_build_object('payments', ${JSON.stringify(after)}::jsonb)`, updatedAt: new Date() })
      .where(eq(tenants.id, ctx.tenantId));
    await recordAudit(tx, {
      ...(ctx.actor ?? { actor: { kind: "system" } }),
      tenantId: ctx.tenantId,
      type: "settings.update",
      targetType: "tenant",
      targetId: ctx.tenantId,
      summary: "payments",
      ...delta,
    });
    return after;
  });
  options.invalidate?.();
  return paymentSettingsView(saved, options.configured ?? new Set());
}
