// A signed-in person's own data in one store ("Hesabım"): profile, address book, marketing
// consents, the KVKK data export and the account deletion request. Every query is scoped by the
// store and the person; the web pages and the /api/v1/me routes both call these functions.

import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/index.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { mailMessages } from "../../platform/mail/schema.ts";
import { HttpError } from "../../platform/problem.ts";
import { CONSENT_TEXT_VERSIONS } from "../accounts/constants.ts";
import {
  accounts,
  authThrottle,
  type ConsentPurpose,
  refreshTokens,
  sessions,
  tenantStaff,
  twoFactors,
  userConsents,
  users,
} from "../accounts/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { type AuditContext, auditContext, auditFields, diff, recordAudit } from "../audit/service.ts";
import { checkLocation, parseProvinceCode } from "../geo/service.ts";
import { tenants } from "../tenants/schema.ts";
import { type Address, addresses, type CustomerTier, customers, type InvoiceType, invoiceTypes, storeCreditEntries } from "./schema.ts";
import { upsertCustomer } from "./service.ts";
import { isValidPostalCode, isValidTckn, isValidVkn, normalizeTurkishMobile } from "./validators.ts";

/** Days between a deletion request and the anonymisation of the account (the person may cancel). */
export const ACCOUNT_DELETION_GRACE_DAYS = 14;
export const ACCOUNT_DELETION_GRACE_SECONDS = ACCOUNT_DELETION_GRACE_DAYS * 24 * 3600;
/** The pg-boss queue of the anonymisation jobs. */
export const ANONYMISE_JOB = "accounts.anonymise";
/** Most addresses one customer keeps in one store. */
export const MAX_ADDRESSES = 20;
/** How long a change-of-address link stays valid (better-auth's verification lifetime, default 24 h). */
const EMAIL_CHANGE_PENDING_HOURS = 24;

/** Versions of the marketing consent texts (the ones sign-up records). */
export const MARKETING_TEXT_VERSIONS = {
  marketing_email: CONSENT_TEXT_VERSIONS.marketing_email,
  marketing_sms: CONSENT_TEXT_VERSIONS.marketing_sms,
} as const;
export const marketingPurposes = ["marketing_email", "marketing_sms"] as const;
export type MarketingPurpose = (typeof marketingPurposes)[number];

/** Who is acting on their own account, in which store, and from where (for the audit trail). */
export interface AccountContext extends AuditContext {
  db: Db;
  tenantId: string;
  userId: string;
}

/** The account context of a request whose principal is the signed-in person `userId` (`access.principal` ran). */
export function accountContext(request: FastifyRequest, db: Db, userId: string): AccountContext {
  return { ...auditContext(request), db, tenantId: request.tenant.id, userId };
}

/** One invalid field of a form, with a stable code the pages translate. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** 422 with the list of invalid fields (problem+json `errors`). */
export class AccountValidationError extends HttpError {
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    super(422, fields.map((f) => `${f.path}: ${f.message}`).join("; "), { code: "invalid-input", errors: fields });
    this.fields = fields;
  }
}

// ---------------------------------------------------------------------------------------------
// Customer record
// ---------------------------------------------------------------------------------------------

export interface CustomerInfo {
  id: string;
  tier: CustomerTier;
  /** Store credit in minor units (kuruş). */
  storeCredit: number;
  since: Date;
}

/**
 * The person's customer record in the store, created when missing. 403 when the store has
 * disabled it.
 */
export async function customerOf(ctx: Pick<AccountContext, "db" | "tenantId" | "userId">): Promise<CustomerInfo> {
  const [found] = await ctx.db
    .select({
      id: customers.id,
      tier: customers.tier,
      storeCredit: customers.storeCredit,
      createdAt: customers.createdAt,
      disabledAt: customers.disabledAt,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.userId, ctx.userId)))
    .limit(1);
  // missing: created now; the upsert returns the new row
  const row = found ?? (await upsertCustomer(ctx.db, ctx.tenantId, ctx.userId));
  if (row.disabledAt) throw new HttpError(403, "This account has been disabled by the store.", { code: "account-disabled" });
  return { id: row.id, tier: row.tier, storeCredit: row.storeCredit, since: row.createdAt };
}

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

export interface AccountProfile {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  /** E.164 (+905xxxxxxxxx) or null. */
  phone: string | null;
  createdAt: Date;
  twoFactorEnabled: boolean;
  /** A new address waiting for the person to open the link mailed to it. */
  pendingEmail: string | null;
  deletion: { requestedAt: Date; effectiveAt: Date } | null;
  customer: CustomerInfo;
}

function deletionOf(requestedAt: Date | null): AccountProfile["deletion"] {
  return requestedAt ? { requestedAt, effectiveAt: new Date(requestedAt.getTime() + ACCOUNT_DELETION_GRACE_SECONDS * 1000) } : null;
}

async function userRow(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      phone: users.phone,
      createdAt: users.createdAt,
      twoFactorEnabled: users.twoFactorEnabled,
      deletionRequestedAt: users.deletionRequestedAt,
      role: users.role,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new HttpError(401, "The signed-in account no longer exists.", { code: "no-user" });
  return row;
}

/** The latest change-of-address request that has not been confirmed yet (from the audit trail). */
async function pendingEmailOf(db: Db, userId: string, currentEmail: string): Promise<string | null> {
  const [row] = await db
    .select({ after: auditEvents.after, createdAt: auditEvents.createdAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.type, "auth.email_change_requested"), eq(auditEvents.targetType, "user"), eq(auditEvents.targetId, userId)))
    .orderBy(desc(auditEvents.createdAt))
    .limit(1);
  if (!row || Date.now() - row.createdAt.getTime() > EMAIL_CHANGE_PENDING_HOURS * 3600_000) return null;
  const email = typeof row.after?.email === "string" ? row.after.email : null;
  return email && email !== currentEmail ? email : null;
}

export async function getProfile(ctx: AccountContext): Promise<AccountProfile> {
  return profileOf(ctx, customerOf(ctx));
}

/** The profile around the person's customer record (already read, or being read). */
async function profileOf(ctx: AccountContext, customerInfo: CustomerInfo | Promise<CustomerInfo>): Promise<AccountProfile> {
  const [user, customer] = await Promise.all([userRow(ctx.db, ctx.userId), customerInfo]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    phone: user.phone,
    createdAt: user.createdAt,
    twoFactorEnabled: user.twoFactorEnabled === true,
    pendingEmail: await pendingEmailOf(ctx.db, ctx.userId, user.email),
    deletion: deletionOf(user.deletionRequestedAt),
    customer,
  };
}

export interface ProfileInput {
  name?: string;
  /** Any common way of writing a Turkish mobile number; "" removes it. */
  phone?: string | null;
}

const MAX_NAME = 100;

/** Changes the name and phone; records `account.profile_update` with what changed. */
export async function updateProfile(ctx: AccountContext, input: ProfileInput): Promise<AccountProfile> {
  const errors: FieldError[] = [];
  const patch: { name?: string; phone?: string | null } = {};
  if (input.name !== undefined) {
    const name = input.name.replace(/\s+/g, " ").trim();
    if (!name) errors.push({ path: "name", code: "required", message: "Enter your name." });
    else if (name.length > MAX_NAME) errors.push({ path: "name", code: "tooLong", message: `At most ${MAX_NAME} characters.` });
    else patch.name = name;
  }
  if (input.phone !== undefined) {
    const raw = input.phone?.trim() ?? "";
    if (!raw) patch.phone = null;
    else {
      const phone = normalizeTurkishMobile(raw);
      if (!phone) errors.push({ path: "phone", code: "phone", message: "Enter a Turkish mobile number, e.g. 0532 123 45 67." });
      else patch.phone = phone;
    }
  }
  if (errors.length > 0) throw new AccountValidationError(errors);
  const customer = await customerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, ctx.userId)).for("update");
    if (!before) throw new HttpError(401, "The signed-in account no longer exists.", { code: "no-user" });
    const after = { ...before, ...patch };
    const changes = diff(before, after);
    if (Object.keys(changes.after).length === 0) return;
    await tx.update(users).set(patch).where(eq(users.id, ctx.userId));
    await recordAudit(tx, { ...auditFields(ctx), type: "account.profile_update", targetType: "user", targetId: ctx.userId, ...changes });
  });
  return profileOf(ctx, customer);
}

// ---------------------------------------------------------------------------------------------
// Address book
// ---------------------------------------------------------------------------------------------

export interface AccountAddress {
  id: string;
  title: string;
  firstName: string;
  lastName: string;
  phone: string;
  provinceCode: number;
  province: string;
  district: string;
  neighbourhood: string;
  addressLine: string;
  postalCode: string | null;
  tckn: string | null;
  invoiceType: InvoiceType;
  companyName: string | null;
  taxNumber: string | null;
  taxOffice: string | null;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a form or an API client sends; strings as typed (they are trimmed and checked here). */
export interface AddressInput {
  title?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  provinceCode?: number | string;
  district?: string;
  neighbourhood?: string;
  addressLine?: string;
  postalCode?: string | null;
  tckn?: string | null;
  invoiceType?: InvoiceType | string;
  companyName?: string | null;
  taxNumber?: string | null;
  taxOffice?: string | null;
  isDefault?: boolean;
}

function toAddress(row: Address): AccountAddress {
  const { tenantId: _t, customerId: _c, ...rest } = row;
  return { ...rest, invoiceType: rest.invoiceType as InvoiceType };
}

type AddressValues = Omit<AccountAddress, "id" | "createdAt" | "updatedAt">;

const text = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "");
const digits = (value: unknown) => (typeof value === "string" ? value.replace(/[\s.-]/g, "") : "");

/** Checks a complete address and returns it normalised, or throws with every invalid field. */
export function validateAddress(input: AddressInput): AddressValues {
  const errors: FieldError[] = [];
  const required = (path: string, value: string, max: number, label: string) => {
    if (!value) errors.push({ path, code: "required", message: `Enter ${label}.` });
    else if (value.length > max) errors.push({ path, code: "tooLong", message: `At most ${max} characters.` });
    return value;
  };
  const title = required("title", text(input.title), 40, "a name for the address (e.g. Ev, İş)");
  const firstName = required("firstName", text(input.firstName), 60, "the first name");
  const lastName = required("lastName", text(input.lastName), 60, "the last name");
  const rawPhone = text(input.phone);
  const phone = rawPhone ? normalizeTurkishMobile(rawPhone) : null;
  if (!rawPhone) errors.push({ path: "phone", code: "required", message: "Enter a mobile number for the courier." });
  else if (!phone) errors.push({ path: "phone", code: "phone", message: "Enter a Turkish mobile number, e.g. 0532 123 45 67." });

  let location: { provinceCode: number; province: string; district: string; neighbourhood: string } | null = null;
  if (parseProvinceCode(input.provinceCode) === null)
    errors.push({ path: "provinceCode", code: "province", message: "Choose a province (il)." });
  else if (!text(input.district)) errors.push({ path: "district", code: "district", message: "Choose a district (ilçe)." });
  else if (!text(input.neighbourhood))
    errors.push({ path: "neighbourhood", code: "neighbourhood", message: "Choose a neighbourhood (mahalle)." });
  else {
    const checked = checkLocation(input.provinceCode, text(input.district), text(input.neighbourhood));
    if (checked.ok) location = checked.location;
    else
      errors.push({ path: checked.field, code: checked.field === "provinceCode" ? "province" : checked.field, message: checked.message });
  }

  const addressLine = text(input.addressLine);
  if (addressLine.length < 5) {
    errors.push({
      path: "addressLine",
      code: addressLine ? "tooShort" : "required",
      message: "Enter the street, building and door number.",
    });
  } else if (addressLine.length > 300) errors.push({ path: "addressLine", code: "tooLong", message: "At most 300 characters." });

  const postalCode = digits(input.postalCode) || null;
  if (postalCode && !isValidPostalCode(postalCode)) {
    errors.push({ path: "postalCode", code: "postalCode", message: "A postal code has 5 digits, e.g. 34710." });
  } else if (postalCode && location && Number(postalCode.slice(0, 2)) !== location.provinceCode) {
    errors.push({
      path: "postalCode",
      code: "postalCodeProvince",
      message: `Postal codes of ${location.province} start with ${String(location.provinceCode).padStart(2, "0")}.`,
    });
  }

  const tckn = digits(input.tckn) || null;
  if (tckn && !isValidTckn(tckn))
    errors.push({ path: "tckn", code: "tckn", message: "This is not a valid T.C. kimlik number (11 digits)." });

  const invoiceType = (input.invoiceType ?? "individual") as InvoiceType;
  if (!invoiceTypes.includes(invoiceType))
    errors.push({ path: "invoiceType", code: "invoiceType", message: "Choose individual or corporate." });
  let companyName: string | null = null;
  let taxNumber: string | null = null;
  let taxOffice: string | null = null;
  if (invoiceType === "corporate") {
    companyName = required("companyName", text(input.companyName), 200, "the company name") || null;
    taxOffice = required("taxOffice", text(input.taxOffice), 100, "the tax office (vergi dairesi)") || null;
    taxNumber = digits(input.taxNumber) || null;
    // Sole proprietorships are taxed under the owner's T.C. kimlik number.
    if (!taxNumber) errors.push({ path: "taxNumber", code: "required", message: "Enter the tax number (VKN)." });
    else if (!(taxNumber.length === 10 ? isValidVkn(taxNumber) : isValidTckn(taxNumber))) {
      errors.push({
        path: "taxNumber",
        code: "vkn",
        message: "This is not a valid tax number (10-digit VKN, or 11-digit T.C. kimlik no for sole proprietors).",
      });
    }
  }
  if (errors.length > 0 || !location || !phone) throw new AccountValidationError(errors);
  return {
    title,
    firstName,
    lastName,
    phone,
    ...location,
    addressLine,
    postalCode,
    tckn,
    invoiceType,
    companyName,
    taxNumber,
    taxOffice,
    isDefault: input.isDefault === true,
  };
}

export async function listAddresses(ctx: AccountContext): Promise<AccountAddress[]> {
  const customer = await customerOf(ctx);
  const rows = await ctx.db
    .select()
    .from(addresses)
    .where(and(eq(addresses.tenantId, ctx.tenantId), eq(addresses.customerId, customer.id)))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
  return rows.map(toAddress);
}

const addressNotFound = () => new HttpError(404, "No such address in your address book.", { code: "not-found" });

/** One address of the person's book, with their customer record. */
async function getAddress(ctx: AccountContext, id: string): Promise<{ customer: CustomerInfo; address: AccountAddress }> {
  if (!isUuid(id)) throw addressNotFound();
  const customer = await customerOf(ctx);
  const [row] = await ctx.db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.tenantId, ctx.tenantId), eq(addresses.customerId, customer.id)))
    .limit(1);
  if (!row) throw addressNotFound();
  return { customer, address: toAddress(row) };
}

/** Adds an address; the first one, or one marked default, becomes the default. */
export async function createAddress(ctx: AccountContext, input: AddressInput): Promise<AccountAddress> {
  const values = validateAddress(input);
  const customer = await customerOf(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    // Lock the customer row: concurrent adds count and pick the default one after another.
    await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customer.id)).for("update");
    const existing = await tx
      .select({ id: addresses.id, isDefault: addresses.isDefault })
      .from(addresses)
      .where(eq(addresses.customerId, customer.id));
    if (existing.length >= MAX_ADDRESSES) {
      throw new HttpError(409, `An address book holds at most ${MAX_ADDRESSES} addresses; delete one first.`, {
        code: "too-many-addresses",
      });
    }
    const isDefault = values.isDefault || !existing.some((a) => a.isDefault);
    if (isDefault)
      await tx
        .update(addresses)
        .set({ isDefault: false })
        .where(and(eq(addresses.customerId, customer.id), eq(addresses.isDefault, true)));
    const [created] = await tx
      .insert(addresses)
      .values({ ...values, isDefault, tenantId: ctx.tenantId, customerId: customer.id })
      .returning();
    if (!created) throw new Error("createAddress: insert returned nothing");
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "account.address_create",
      targetType: "address",
      targetId: created.id,
      summary: created.title,
    });
    return created;
  });
  return toAddress(row);
}

/**
 * Changes an address: the fields given replace the stored ones, then the whole address is checked
 * again. `isDefault: true` makes it the default; the default cannot be unset (choose another).
 */
export async function updateAddress(ctx: AccountContext, id: string, input: AddressInput): Promise<AccountAddress> {
  const { customer, address: current } = await getAddress(ctx, id);
  const merged: AddressInput = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const values = validateAddress({ ...merged, isDefault: input.isDefault ?? current.isDefault });
  const isDefault = current.isDefault || values.isDefault;
  const row = await ctx.db.transaction(async (tx) => {
    if (isDefault && !current.isDefault) {
      await tx
        .update(addresses)
        .set({ isDefault: false })
        .where(and(eq(addresses.customerId, customer.id), eq(addresses.isDefault, true)));
    }
    const [updated] = await tx
      .update(addresses)
      .set({ ...values, isDefault })
      .where(and(eq(addresses.id, id), eq(addresses.tenantId, ctx.tenantId), eq(addresses.customerId, customer.id)))
      .returning();
    if (!updated) throw addressNotFound();
    const { createdAt: _a, updatedAt: _b, ...before } = current;
    const { createdAt: _c, updatedAt: _d, ...after } = toAddress(updated);
    const changes = diff(before, after);
    if (Object.keys(changes.after).length > 0) {
      await recordAudit(tx, {
        ...auditFields(ctx),
        type: "account.address_update",
        targetType: "address",
        targetId: id,
        summary: updated.title,
        ...changes,
      });
    }
    return updated;
  });
  return toAddress(row);
}

/** Removes an address; when it was the default, the newest remaining one becomes the default. */
export async function deleteAddress(ctx: AccountContext, id: string): Promise<void> {
  if (!isUuid(id)) throw addressNotFound();
  const customer = await customerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.tenantId, ctx.tenantId), eq(addresses.customerId, customer.id)))
      .returning({ title: addresses.title, isDefault: addresses.isDefault });
    if (!removed) throw addressNotFound();
    if (removed.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.customerId, customer.id))
        .orderBy(desc(addresses.createdAt))
        .limit(1);
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "account.address_delete",
      targetType: "address",
      targetId: id,
      summary: removed.title,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Consents
// ---------------------------------------------------------------------------------------------

export interface ConsentState {
  purpose: ConsentPurpose;
  granted: boolean;
  /** The version of the text the decision was made on; null when never asked. */
  textVersion: string | null;
  /** When the latest decision was recorded. */
  decidedAt: Date | null;
  /** Whether the person can change it here (marketing only; the KVKK notice is acknowledged). */
  changeable: boolean;
  /** The text version shown today (a newer one than `textVersion` means the text changed). */
  currentTextVersion: string | null;
}

const CONSENT_ORDER: ConsentPurpose[] = ["marketing_email", "marketing_sms", "kvkk_notice", "terms"];

/** The latest decision on each purpose in this store. */
export async function listConsents(ctx: AccountContext): Promise<ConsentState[]> {
  const rows = await ctx.db
    .select({
      purpose: userConsents.purpose,
      granted: userConsents.granted,
      textVersion: userConsents.textVersion,
      createdAt: userConsents.createdAt,
    })
    .from(userConsents)
    .where(and(eq(userConsents.userId, ctx.userId), eq(userConsents.tenantId, ctx.tenantId)))
    .orderBy(desc(userConsents.createdAt), desc(userConsents.id));
  return CONSENT_ORDER.map((purpose) => {
    const latest = rows.find((r) => r.purpose === purpose);
    const changeable = (marketingPurposes as readonly string[]).includes(purpose);
    return {
      purpose,
      granted: latest?.granted ?? false,
      textVersion: latest?.textVersion ?? null,
      decidedAt: latest?.createdAt ?? null,
      changeable,
      currentTextVersion: changeable ? MARKETING_TEXT_VERSIONS[purpose as MarketingPurpose] : (latest?.textVersion ?? null),
    };
  });
}

/** Grants or withdraws a marketing consent: appends a row to the ledger (nothing when unchanged). */
export async function setConsent(ctx: AccountContext, purpose: string, granted: boolean): Promise<ConsentState[]> {
  if (!(marketingPurposes as readonly string[]).includes(purpose)) {
    throw new AccountValidationError([
      { path: "purpose", code: "purpose", message: "Only marketing_email and marketing_sms can be changed." },
    ]);
  }
  await customerOf(ctx);
  const current = (await listConsents(ctx)).find((c) => c.purpose === purpose);
  const version = MARKETING_TEXT_VERSIONS[purpose as MarketingPurpose];
  if (current?.decidedAt && current.granted === granted && current.textVersion === version) return listConsents(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(userConsents).values({
      userId: ctx.userId,
      tenantId: ctx.tenantId,
      purpose: purpose as MarketingPurpose,
      granted,
      textVersion: version,
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    });
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: granted ? "account.consent_granted" : "account.consent_withdrawn",
      targetType: "user",
      targetId: ctx.userId,
      summary: purpose,
      before: { [purpose]: current?.granted ?? false },
      after: { [purpose]: granted },
    });
  });
  return listConsents(ctx);
}

// ---------------------------------------------------------------------------------------------
// KVKK data export
// ---------------------------------------------------------------------------------------------

/** Everything the store holds about the person, as one JSON document (KVKK art. 11). */
export async function exportAccountData(ctx: AccountContext) {
  const customer = await customerOf(ctx);
  const user = await userRow(ctx.db, ctx.userId);
  const [store] = await ctx.db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId)).limit(1);
  const [customerRow] = await ctx.db.select().from(customers).where(eq(customers.id, customer.id));
  const [ledger, addressRows, consentRows, sessionRows, linkedAccounts, auditRows, mailRows] = await Promise.all([
    ctx.db
      .select({
        amount: storeCreditEntries.amount,
        balanceAfter: storeCreditEntries.balanceAfter,
        reason: storeCreditEntries.reason,
        orderId: storeCreditEntries.orderId,
        createdAt: storeCreditEntries.createdAt,
      })
      .from(storeCreditEntries)
      .where(and(eq(storeCreditEntries.tenantId, ctx.tenantId), eq(storeCreditEntries.customerId, customer.id)))
      .orderBy(asc(storeCreditEntries.createdAt)),
    ctx.db
      .select()
      .from(addresses)
      .where(and(eq(addresses.tenantId, ctx.tenantId), eq(addresses.customerId, customer.id)))
      .orderBy(asc(addresses.createdAt)),
    ctx.db
      .select({
        purpose: userConsents.purpose,
        granted: userConsents.granted,
        textVersion: userConsents.textVersion,
        ip: userConsents.ip,
        userAgent: userConsents.userAgent,
        createdAt: userConsents.createdAt,
      })
      .from(userConsents)
      .where(and(eq(userConsents.userId, ctx.userId), or(eq(userConsents.tenantId, ctx.tenantId), isNull(userConsents.tenantId))))
      .orderBy(asc(userConsents.createdAt)),
    // never the session tokens
    ctx.db
      .select({
        createdAt: sessions.createdAt,
        updatedAt: sessions.updatedAt,
        expiresAt: sessions.expiresAt,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, ctx.userId))
      .orderBy(asc(sessions.createdAt)),
    // never passwords or provider tokens
    ctx.db.select({ provider: accounts.providerId, createdAt: accounts.createdAt }).from(accounts).where(eq(accounts.userId, ctx.userId)),
    ctx.db
      .select({
        type: auditEvents.type,
        summary: auditEvents.summary,
        ip: auditEvents.ip,
        userAgent: auditEvents.userAgent,
        before: auditEvents.before,
        after: auditEvents.after,
        createdAt: auditEvents.createdAt,
      })
      .from(auditEvents)
      .where(
        and(
          or(eq(auditEvents.tenantId, ctx.tenantId), isNull(auditEvents.tenantId)),
          or(
            eq(auditEvents.actorId, ctx.userId),
            and(eq(auditEvents.targetType, "user"), eq(auditEvents.targetId, ctx.userId)),
            eq(auditEvents.actorEmail, user.email),
          ),
        ),
      )
      .orderBy(asc(auditEvents.createdAt))
      .limit(5000),
    ctx.db
      .select({
        subject: mailMessages.subject,
        template: mailMessages.template,
        status: mailMessages.status,
        text: mailMessages.text,
        createdAt: mailMessages.createdAt,
        sentAt: mailMessages.sentAt,
      })
      .from(mailMessages)
      .where(and(eq(mailMessages.tenantId, ctx.tenantId), sql`${user.email} = any(${mailMessages.to})`))
      .orderBy(asc(mailMessages.createdAt))
      .limit(1000),
  ]);
  return {
    format: "kervan-account-export/1",
    exportedAt: new Date().toISOString(),
    store: store ?? { id: ctx.tenantId, name: null },
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      phone: user.phone,
      twoFactorEnabled: user.twoFactorEnabled === true,
      createdAt: user.createdAt,
      deletionRequestedAt: user.deletionRequestedAt,
      signInMethods: linkedAccounts,
    },
    customer: customerRow
      ? {
          id: customerRow.id,
          tier: customerRow.tier,
          storeCredit: customerRow.storeCredit,
          storeCreditCurrency: "TRY",
          createdAt: customerRow.createdAt,
          lastSeenAt: customerRow.lastSeenAt,
        }
      : null,
    storeCreditLedger: ledger,
    addresses: addressRows.map(toAddress),
    consents: consentRows,
    sessions: sessionRows,
    auditEvents: auditRows,
    mailMessages: mailRows,
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;

// ---------------------------------------------------------------------------------------------
// Deletion request and anonymisation
// ---------------------------------------------------------------------------------------------

export interface AnonymiseJobData {
  userId: string;
  /** The request this job belongs to (ISO); a cancelled or newer request makes the job a no-op. */
  requestedAt: string;
}

/**
 * Records the request to delete the account and queues its anonymisation after the grace period,
 * in one transaction. Staff accounts are removed by the store, not from My account (409).
 */
export async function requestDeletion(ctx: AccountContext, jobs: Jobs): Promise<NonNullable<AccountProfile["deletion"]>> {
  await customerOf(ctx);
  const user = await userRow(ctx.db, ctx.userId);
  if (user.deletionRequestedAt) return deletionOf(user.deletionRequestedAt) as NonNullable<AccountProfile["deletion"]>;
  const [staff] = await ctx.db.select({ role: tenantStaff.role }).from(tenantStaff).where(eq(tenantStaff.userId, ctx.userId)).limit(1);
  if (staff || user.role === "admin") {
    throw new HttpError(409, "Staff accounts cannot be deleted from My account; ask the store owner to remove you first.", {
      code: "staff-account",
    });
  }
  const requestedAt = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ deletionRequestedAt: new Date() })
      .where(and(eq(users.id, ctx.userId), isNull(users.deletionRequestedAt)))
      .returning({ at: users.deletionRequestedAt });
    if (!row?.at) return null; // a concurrent request won
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "account.deletion_requested",
      targetType: "user",
      targetId: ctx.userId,
      summary: `anonymised after ${ACCOUNT_DELETION_GRACE_DAYS} days`,
      after: { deletionRequestedAt: row.at.toISOString() },
    });
    await jobs.send<AnonymiseJobData>(
      ANONYMISE_JOB,
      { userId: ctx.userId, requestedAt: row.at.toISOString() },
      { tx, startAfterSeconds: ACCOUNT_DELETION_GRACE_SECONDS },
    );
    return row.at;
  });
  const at = requestedAt ?? (await userRow(ctx.db, ctx.userId)).deletionRequestedAt;
  return deletionOf(at) as NonNullable<AccountProfile["deletion"]>;
}

/** Withdraws the deletion request; the queued job then finds nothing to do. */
export async function cancelDeletion(ctx: AccountContext): Promise<void> {
  await customerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ at: users.deletionRequestedAt }).from(users).where(eq(users.id, ctx.userId)).for("update");
    if (!before?.at) return;
    await tx.update(users).set({ deletionRequestedAt: null }).where(eq(users.id, ctx.userId));
    await recordAudit(tx, {
      ...auditFields(ctx),
      type: "account.deletion_cancelled",
      targetType: "user",
      targetId: ctx.userId,
      before: { deletionRequestedAt: before.at.toISOString() },
      after: { deletionRequestedAt: null },
    });
  });
}

export const ANONYMOUS_NAME = "Silinmiş kullanıcı";

/**
 * Erases the person: the account keeps its id (so orders and ledgers stay consistent) but loses
 * every personal detail; sign-in methods, sessions, 2FA, tokens, addresses and mails are deleted,
 * consent records lose their IP and browser, audit entries lose the e-mail address, and every
 * store's customer record is disabled. Runs only when the request `requestedAt` still stands and
 * its grace period is over (pass `force` to skip that check, e.g. an operator's erasure).
 * Returns whether the account was anonymised.
 */
export async function anonymiseUser(db: Db, data: AnonymiseJobData, options: { now?: Date; force?: boolean } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, requestedAt: users.deletionRequestedAt })
      .from(users)
      .where(eq(users.id, data.userId))
      .for("update");
    if (!user) return false;
    if (!options.force) {
      if (!user.requestedAt || user.requestedAt.toISOString() !== data.requestedAt) return false;
      if (now.getTime() - user.requestedAt.getTime() < ACCOUNT_DELETION_GRACE_SECONDS * 1000 - 60_000) return false;
    }
    const id = data.userId;
    const oldEmail = user.email;
    await tx
      .update(users)
      .set({
        name: ANONYMOUS_NAME,
        email: `deleted-${id}@deleted.invalid`,
        emailVerified: false,
        image: null,
        phone: null,
        twoFactorEnabled: false,
        banned: true,
        banReason: "account deleted at the person's request",
        banExpires: null,
      })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await tx.delete(accounts).where(eq(accounts.userId, id));
    await tx.delete(twoFactors).where(eq(twoFactors.userId, id));
    await tx.delete(refreshTokens).where(eq(refreshTokens.userId, id));
    const customerIds = (await tx.select({ id: customers.id }).from(customers).where(eq(customers.userId, id))).map((c) => c.id);
    if (customerIds.length > 0) {
      await tx.delete(addresses).where(inArray(addresses.customerId, customerIds));
      await tx
        .update(customers)
        .set({ note: null, disabledAt: now, disabledReason: "account deleted at the person's request" })
        .where(inArray(customers.id, customerIds));
    }
    await tx.update(userConsents).set({ ip: null, userAgent: null }).where(eq(userConsents.userId, id));
    await tx.update(auditEvents).set({ actorEmail: null }).where(eq(auditEvents.actorId, id));
    await tx.update(auditEvents).set({ actorEmail: null, summary: null }).where(eq(auditEvents.actorEmail, oldEmail));
    await tx.update(auditEvents).set({ summary: null }).where(eq(auditEvents.summary, oldEmail));
    // the address inside other summaries ("x@y (support)") and inside before/after values
    const hidden = "[silindi]";
    await tx
      .update(auditEvents)
      .set({ summary: sql`replace(${auditEvents.summary}, ${oldEmail}, ${hidden})` })
      .where(sql`strpos(${auditEvents.summary}, ${oldEmail}) > 0`);
    // an e-mail address holds no JSON-escaped characters (checked), so a text replace keeps the JSON valid
    if (!/["\\]/.test(oldEmail)) {
      await tx
        .update(auditEvents)
        .set({ before: sql`replace(${auditEvents.before}::text, ${oldEmail}, ${hidden})::jsonb` })
        .where(sql`strpos(${auditEvents.before}::text, ${oldEmail}) > 0`);
      await tx
        .update(auditEvents)
        .set({ after: sql`replace(${auditEvents.after}::text, ${oldEmail}, ${hidden})::jsonb` })
        .where(sql`strpos(${auditEvents.after}::text, ${oldEmail}) > 0`);
    }
    // lockout counters are keyed by the address
    await tx.delete(authThrottle).where(inArray(authThrottle.key, [`signin:email:${oldEmail}`, `reset:email:${oldEmail}`]));
    await tx.delete(mailMessages).where(sql`${oldEmail} = any(${mailMessages.to})`);
    await recordAudit(tx, {
      tenantId: null,
      type: "account.anonymised",
      actor: { kind: "system" },
      targetType: "user",
      targetId: id,
      summary: options.force ? "erased by an operator" : `requested ${data.requestedAt}`,
    });
    return true;
  });
}

/** Registers the anonymisation queue; call before `jobs.start()`. */
export function registerAccountJobs(jobs: Jobs, db: Db): void {
  jobs.register<AnonymiseJobData>(
    ANONYMISE_JOB,
    async (data) => {
      await anonymiseUser(db, data);
    },
    { retryLimit: 5, retryDelay: 60, retryBackoff: true },
  );
}
