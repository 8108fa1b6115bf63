import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { Auth } from "../accounts/auth.ts";
import { users } from "../accounts/schema.ts";
import { customers, storeCreditEntries } from "../customers/schema.ts";
import { ensureCustomer } from "../customers/service.ts";

export const DEMO_CUSTOMER_EMAIL = "musteri@kervan.test";

const PEOPLE: { name: string; email: string; tier?: "premium"; credit?: number; creditReason?: string }[] = [
  { name: "Elif Demir", email: DEMO_CUSTOMER_EMAIL, tier: "premium", credit: 25_000, creditReason: "Hoş geldin hediyesi" },
  { name: "Mehmet Kaya", email: "mehmet.kaya@example.com" },
  { name: "Zeynep Arslan", email: "zeynep.arslan@example.com", tier: "premium", credit: 12_050, creditReason: "İade: sipariş #1042" },
  { name: "Ahmet Çelik", email: "ahmet.celik@example.com" },
  { name: "Ayşe Şahin", email: "ayse.sahin@example.com", credit: 5_000, creditReason: "Gecikmeli kargo telafisi" },
  { name: "Mustafa Yıldız", email: "mustafa.yildiz@example.com" },
  { name: "Fatma Öztürk", email: "fatma.ozturk@example.com", tier: "premium" },
  { name: "Emre Aydın", email: "emre.aydin@example.com" },
];

/**
 * Demo customers for the admin's customer pages; the first one signs in with `password` so people
 * can try My account. Skipped when the first one exists already.
 */
export async function seedDemoCustomers(auth: Auth, db: Db, tenantId: string, password: string): Promise<void> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_CUSTOMER_EMAIL)).limit(1);
  if (existing) return;
  for (const person of PEOPLE) {
    const { user } = await auth.api.createUser({
      body: {
        email: person.email,
        name: person.name,
        password: person.email === DEMO_CUSTOMER_EMAIL ? password : randomBytes(18).toString("base64url"),
        role: "user",
        data: { emailVerified: true },
      },
    });
    const customerId = await ensureCustomer(db, tenantId, user.id);
    if (person.tier || person.credit) {
      await db.transaction(async (tx) => {
        await tx
          .update(customers)
          .set({ tier: person.tier ?? "standard", storeCredit: person.credit ?? 0 })
          .where(eq(customers.id, customerId));
        if (person.credit) {
          await tx.insert(storeCreditEntries).values({
            tenantId,
            customerId,
            amount: person.credit,
            balanceAfter: person.credit,
            reason: person.creditReason ?? "Demo",
          });
        }
      });
    }
  }
}
