// Test helpers for checkout and payments: a local PayTR server and the gateways pointing at it.

import { createPaytrGateway } from "../src/modules/payments/providers/paytr.ts";
import type { Gateways } from "../src/modules/payments/service.ts";
import { startPaytrServer, type TestPaytrServer } from "./gateways/paytr-server.ts";

export const PAYTR_TEST = { merchantId: "123456", merchantKey: "test-merchant-key", merchantSalt: "test-merchant-salt" };

export function createStartedPaytr(): Promise<TestPaytrServer> {
  return startPaytrServer({ ...PAYTR_TEST });
}

export function paytrCredentials(server: TestPaytrServer): Gateways {
  return { paytr: createPaytrGateway({ ...PAYTR_TEST, baseUrl: server.url, testMode: true }) };
}

/** A valid Turkish delivery address (il/ilçe/mahalle exist) for checkout tests and benches. */
export const TEST_ADDRESS = {
  firstName: "Ayşe",
  lastName: "Yılmaz",
  phone: "0532 123 45 67",
  provinceCode: 34,
  district: "Kadıköy",
  neighbourhood: "Caferağa Mah",
  addressLine: "Moda Cad. No: 12 D: 3",
  postalCode: "34710",
};
