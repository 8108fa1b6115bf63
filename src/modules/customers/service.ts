import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { type Customer, customers } from "./schema.ts";

/** Makes the person a customer of the store (idempotent); returns the customer record. */
export async function upsertCustomer(db: Db, tenantId: string, userId: string): Promise<Customer> {
  const [row] = await db
    .insert(customers)
    .values({ tenantId, userId })
    .onConflictDoUpdate({ target: [customers.tenantId, customers.userId], set: { lastSeenAt: sql`now()` } })
    .returning();
  if (!row) throw new Error("upsertCustomer: upsert returned nothing");
  return row;
}

/** Makes the person a customer of the store (idempotent); returns the customer id. */
export async function ensureCustomer(db: Db, tenantId: string, userId: string): Promise<string> {
  return (await upsertCustomer(db, tenantId, userId)).id;
}

/** True when the store has disabled this person's customer account. */
export async function isCustomerDisabled(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ disabledAt: customers.disabledAt })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.userId, userId)))
    .limit(1);
  return row?.disabledAt != null;
}
