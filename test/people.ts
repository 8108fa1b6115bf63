// Test helpers for people administration: staff of a given role, customers, signed-in sessions.

import type { StaffRole } from "../src/modules/accounts/schema.ts";
import { createStaffUser } from "../src/modules/accounts/service.ts";
import { ensureCustomer } from "../src/modules/customers/service.ts";
import type { TestApp } from "./app.ts";

export const PASSWORD = "kervan-test-parolasi-42";

function cookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";", 1)[0]).join("; ");
}

/** Signs in through the real endpoint on `host`; returns the Cookie header to send. */
export async function signIn(t: TestApp, host: string, email: string, password = PASSWORD): Promise<string> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { host, origin: `http://${host}`, "content-type": "application/json" },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res.headers["set-cookie"]);
}

/** A staff member of the store with `role`, signed in; returns their id and cookie. */
export async function staffSession(
  t: TestApp,
  tenantId: string,
  host: string,
  email: string,
  role: StaffRole,
): Promise<{ userId: string; cookie: string }> {
  const { userId } = await createStaffUser({
    auth: await t.kernel.auth(),
    db: t.kernel.db,
    tenantId,
    email,
    password: PASSWORD,
    name: email.split("@")[0] as string,
    role,
  });
  return { userId, cookie: await signIn(t, host, email) };
}

/** A verified user who is a customer of the store. */
export async function createCustomer(
  t: TestApp,
  tenantId: string,
  email: string,
  name: string,
): Promise<{ userId: string; customerId: string }> {
  const auth = await t.kernel.auth();
  const { user } = await auth.api.createUser({ body: { email, password: PASSWORD, name, role: "user", data: { emailVerified: true } } });
  const customerId = await ensureCustomer(t.kernel.db, tenantId, user.id);
  return { userId: user.id, customerId };
}

/** Shorthand for `app.inject` with host, origin and cookie set. */
export function requester(t: TestApp, host: string) {
  return (method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT", url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: {
        host,
        origin: `http://${host}`,
        ...(cookie ? { cookie } : {}),
        ...(payload !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
}
