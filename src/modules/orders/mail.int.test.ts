// The customer's order e-mails go out through SMTP: the confirmation with the bank details and the
// two legal texts as PDF attachments, and a shipping mail with the carrier's tracking link.

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, TEST_IBAN, type TestApp } from "../../../test/app.ts";
import { startTestSmtp, type TestSmtp } from "../../../test/smtp.ts";
import { productVariants } from "../catalog/schema.ts";
import { createProduct } from "../catalog/write.ts";
import { markBankTransferPaid } from "../payments/service.ts";
import { sendOrderMail } from "./jobs.ts";
import { orderEvents } from "./schema.ts";
import { setOrderStatus, shipOrder } from "./service.ts";

const HOST = "posta-a.test";

describe("order e-mails", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let tenantId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_MAX: "100000" });
    tenantId = (await createStore(t.kernel, "posta", [HOST], 0)).tenant.id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("mails the confirmation with IBAN and both contracts as PDF, then the shipment with its tracking link", async () => {
    const p = await createProduct(
      { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, cache: t.kernel.cache },
      { title: "Çelik Termos 500 ml", status: "active", variants: [{ price: 45_000, stock: 4 }] },
    );
    const [v] = await t.kernel.db.select().from(productVariants).where(eq(productVariants.productId, p.id));
    const cart = await t.app.inject({
      method: "POST",
      url: "/api/v1/cart/items",
      headers: { host: HOST },
      payload: { variantId: v?.id, quantity: 1 },
    });
    const cookie = String(cart.headers["set-cookie"]).split(";")[0] as string;
    const checkout = (await t.app.inject({ method: "GET", url: "/api/v1/checkout", headers: { host: HOST, cookie } })).json();
    const placed = await t.app.inject({
      method: "POST",
      url: "/api/v1/checkout/orders",
      headers: { host: HOST, cookie, "idempotency-key": randomUUID() },
      payload: {
        email: "alici@example.com",
        shippingAddress: {
          firstName: "Can",
          lastName: "Öztürk",
          phone: "05321234567",
          provinceCode: 34,
          district: "Kadıköy",
          neighbourhood: "Caferağa Mah",
          addressLine: "Moda Cad. No: 5",
        },
        shippingMethodId: checkout.cart.shippingOptions[0].id,
        paymentMethod: "bank_transfer",
        acceptContracts: true,
      },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json();
    const deps = {
      db: t.kernel.db,
      events: t.kernel.events,
      cache: t.kernel.cache,
      mailer: t.kernel.mailer,
      log: t.kernel.log,
      secret: t.kernel.config.secrets[0] as string,
      publicUrl: t.kernel.config.publicUrl,
    };

    await sendOrderMail(deps, { tenantId, orderId: order.orderId, event: "placed" });
    const mail = await smtp.waitFor("alici@example.com", (m) => m.subject.includes(order.number));
    expect(mail.subject).toMatch(/Havale \/ EFT bekleniyor/);
    expect(mail.text).toContain("TR33 0006 1005 1978 6457 8413 26");
    expect(TEST_IBAN.replace(/(.{4})/g, "$1 ").trim()).toBe("TR33 0006 1005 1978 6457 8413 26");
    expect(mail.text).toMatch(/Çelik Termos 500 ml/);
    expect(mail.raw).toContain(`on-bilgilendirme-formu-${order.number}.pdf`);
    expect(mail.raw).toContain(`mesafeli-satis-sozlesmesi-${order.number}.pdf`);
    expect(mail.raw.match(/Content-Type: application\/pdf/gi)?.length).toBe(2);

    const ctx = { db: t.kernel.db, tenantId, jobs: t.kernel.jobs, events: t.kernel.events, actor: { kind: "staff" as const } };
    await markBankTransferPaid({ db: t.kernel.db, jobs: t.kernel.jobs, gateways: {} }, tenantId, order.orderId, { kind: "staff" });
    await setOrderStatus(ctx, order.orderId, "preparing");
    await shipOrder(ctx, order.orderId, { carrier: "aras", trackingNumber: "ARS123456789" });
    await sendOrderMail(deps, { tenantId, orderId: order.orderId, event: "shipped" });
    const shipped = await smtp.waitFor("alici@example.com", (m) => m.subject.startsWith("Siparişiniz kargoda"));
    expect(shipped.text).toContain("Aras Kargo");
    expect(shipped.text).toContain("ARS123456789");
    expect(shipped.text).toContain("araskargo.com.tr");
    const mailEvents = await t.kernel.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.orderId));
    expect(mailEvents.filter((e) => e.kind === "mail")).toHaveLength(2);
    expect(mailEvents.filter((e) => e.kind === "status").map((e) => e.toStatus)).toEqual([
      "awaiting_payment",
      "paid",
      "preparing",
      "shipped",
    ]);
  });
});
