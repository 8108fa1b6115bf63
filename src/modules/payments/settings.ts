// A store's payment settings with defaults filled in, and which methods a shopper may choose.

import type { PaymentMethodId } from "../orders/schema.ts";
import type { BankAccount, PaymentSettings } from "../tenants/schema.ts";

export interface ResolvedPaymentSettings {
  bankTransfer: { enabled: boolean; accounts: BankAccount[]; expiryHours: number };
  cashOnDelivery: { enabled: boolean; fee: number; maxTotal: number | null };
  storeCredit: { enabled: boolean; reviewOver: number | null };
  iyzico: { enabled: boolean; maxInstallments: number };
  paytr: { enabled: boolean; maxInstallments: number };
  stripe: { enabled: boolean };
  reservationMinutes: number;
}

export const DEFAULT_BANK_TRANSFER_HOURS = 48;
export const DEFAULT_RESERVATION_MINUTES = 30;

/** Fills defaults. Gateways count as enabled only when the installation has their credentials (`configured`). */
export function resolvePaymentSettings(settings: PaymentSettings | undefined, configured: ReadonlySet<string>): ResolvedPaymentSettings {
  const s = settings ?? {};
  const accounts = s.bankTransfer?.accounts ?? [];
  return {
    bankTransfer: {
      enabled: (s.bankTransfer?.enabled ?? true) && accounts.length > 0,
      accounts,
      expiryHours: s.bankTransfer?.expiryHours ?? DEFAULT_BANK_TRANSFER_HOURS,
    },
    cashOnDelivery: {
      enabled: s.cashOnDelivery?.enabled ?? false,
      fee: s.cashOnDelivery?.fee ?? 0,
      maxTotal: s.cashOnDelivery?.maxTotal ?? null,
    },
    storeCredit: { enabled: s.storeCredit?.enabled ?? true, reviewOver: s.storeCredit?.reviewOver ?? null },
    iyzico: { enabled: configured.has("iyzico") && (s.iyzico?.enabled ?? true), maxInstallments: s.iyzico?.maxInstallments ?? 12 },
    paytr: { enabled: configured.has("paytr") && (s.paytr?.enabled ?? true), maxInstallments: s.paytr?.maxInstallments ?? 12 },
    stripe: { enabled: configured.has("stripe") && (s.stripe?.enabled ?? true) },
    reservationMinutes: s.reservationMinutes ?? DEFAULT_RESERVATION_MINUTES,
  };
}

/** Methods the shopper can pick at checkout (store credit is an add-on, also usable alone). */
export function availableMethods(s: ResolvedPaymentSettings, basketTotal: number): PaymentMethodId[] {
  const methods: PaymentMethodId[] = [];
  if (s.iyzico.enabled) methods.push("iyzico");
  if (s.paytr.enabled) methods.push("paytr");
  if (s.stripe.enabled) methods.push("stripe");
  if (s.bankTransfer.enabled) methods.push("bank_transfer");
  if (s.cashOnDelivery.enabled && (s.cashOnDelivery.maxTotal === null || basketTotal <= s.cashOnDelivery.maxTotal))
    methods.push("cash_on_delivery");
  return methods;
}

/** TR + 24 digits with a valid ISO 13616 check (mod 97). */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^TR\d{24}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** `TR330006100519786457841326` → `TR33 0006 1005 1978 6457 8413 26`. */
export function formatIban(value: string): string {
  return value
    .replace(/\s+/g, "")
    .replace(/(.{4})/g, "$1 ")
    .trim();
}
