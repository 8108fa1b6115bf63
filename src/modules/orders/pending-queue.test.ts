import { describe, expect, it } from "vitest";
import {
  approvalStatus,
  DEFAULT_QUEUE_POLICY,
  isTestOrder,
  maxWaitMinutes,
  premiumHeadStartMinutes,
  priorityScore,
  type QueuePolicy,
  TEST_ORDER_KEY_PREFIX,
} from "./pending-queue.ts";

describe("priority score", () => {
  it("is the tier weight plus one point per minute waited", () => {
    expect(priorityScore("premium", 0)).toBe(100);
    expect(priorityScore("standard", 0)).toBe(0);
    expect(priorityScore("premium", 10)).toBe(110);
    expect(priorityScore("standard", 150)).toBe(150);
    expect(priorityScore(null, 42.5)).toBe(42.5);
    // a clock a little ahead of the database never makes a negative wait
    expect(priorityScore("standard", -3)).toBe(0);
  });

  it("puts premium first at equal wait", () => {
    for (const minutes of [0, 1, 59, 600, 10_000]) {
      expect(priorityScore("premium", minutes)).toBeGreaterThan(priorityScore("standard", minutes));
    }
  });

  it("lets waiting overtake any tier: nobody starves (the ADR's worked example)", () => {
    // A standard order placed at 09:00, a premium one at 10:50; at 11:00 the standard one has
    // waited 120 minutes (score 120), the premium one 10 (score 110): the standard one goes first.
    expect(priorityScore("standard", 120)).toBeGreaterThan(priorityScore("premium", 10));
    // A premium order placed less than 100 minutes later still goes first …
    expect(priorityScore("premium", 120 - 99)).toBeGreaterThan(priorityScore("standard", 120));
    // … so the head start is exactly the tier bonus over the aging rate.
    expect(premiumHeadStartMinutes()).toBe(100);
    // and for any gap, the older order's lead grows with time: after `gap + head start` it is ahead.
    for (const gap of [101, 250, 5_000]) {
      for (const later of [0, 1, 1_000]) {
        expect(priorityScore("standard", gap + later)).toBeGreaterThan(priorityScore("premium", later));
      }
    }
  });

  it("orders the ADR's four-order example C, A, B, D", () => {
    // at 11:00: A standard 09:00, B premium 10:50, C premium 10:30, D standard 10:55
    const queue = [
      { id: "A", score: priorityScore("standard", 120) },
      { id: "B", score: priorityScore("premium", 10) },
      { id: "C", score: priorityScore("premium", 30) },
      { id: "D", score: priorityScore("standard", 5) },
    ];
    expect(queue.map((o) => o.score)).toEqual([120, 110, 130, 5]);
    expect([...queue].sort((a, b) => b.score - a.score).map((o) => o.id)).toEqual(["C", "A", "B", "D"]);
  });

  it("follows another policy", () => {
    const policy: QueuePolicy = { ...DEFAULT_QUEUE_POLICY, tierWeight: { premium: 30, standard: 5 }, agingPerMinute: 0.5 };
    expect(priorityScore("premium", 10, policy)).toBe(35);
    expect(priorityScore("standard", 10, policy)).toBe(10);
    expect(premiumHeadStartMinutes(policy)).toBe(50);
  });
});

describe("queue rules", () => {
  it("lets backorders wait 7 days and pre-orders 30; budget checks are decided at once", () => {
    expect(maxWaitMinutes("backorder")).toBe(7 * 24 * 60);
    expect(maxWaitMinutes("preorder")).toBe(30 * 24 * 60);
    expect(maxWaitMinutes("budget")).toBeNull();
    expect(maxWaitMinutes(null)).toBeNull();
  });

  it("approves to paid, preparing or awaiting payment by what is left to collect", () => {
    expect(approvalStatus({ paidAt: null, pending: [] })).toBe("paid");
    expect(approvalStatus({ paidAt: null, pending: [{ method: "store_credit", amount: 0 }] })).toBe("paid");
    expect(approvalStatus({ paidAt: new Date(), pending: [{ method: "bank_transfer", amount: 500 }] })).toBe("paid");
    expect(approvalStatus({ paidAt: null, pending: [{ method: "cash_on_delivery", amount: 12_990 }] })).toBe("preparing");
    expect(approvalStatus({ paidAt: null, pending: [{ method: "bank_transfer", amount: 12_990 }] })).toBe("awaiting_payment");
    expect(approvalStatus({ paidAt: null, pending: [{ method: "iyzico", amount: 1 }] })).toBe("awaiting_payment");
  });

  it("recognises test orders by their key", () => {
    expect(isTestOrder({ idempotencyKey: `${TEST_ORDER_KEY_PREFIX}abc` })).toBe(true);
    expect(isTestOrder({ idempotencyKey: "c0ffee-1234-5678" })).toBe(false);
  });
});
