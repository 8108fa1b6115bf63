import { describe, expect, it } from "vitest";
import { MoneyError, sumMoney } from "../../platform/money.ts";
import {
  DocumentDataError,
  documentFormat,
  documentVatItems,
  itemizeVat,
  parseOrderDocumentData,
  spreadDiscount,
  vatBreakdown,
} from "./document-data.ts";
import { sampleOrder } from "./test-data.ts";

/** Net of a KDV-inclusive amount, rounded half up, computed independently of money.ts. */
function netOf(gross: number, rate: number): number {
  const scaled = gross * 100;
  const d = 100 + rate;
  const q = Math.floor(scaled / d);
  return (scaled - q * d) * 2 >= d ? q + 1 : q;
}

/** Deterministic pseudo-random numbers for property checks. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

describe("spreadDiscount", () => {
  it("spreads a discount over three equal lines to the kuruş", () => {
    // 1000 over 3 × 3333: 333.33 each, the left-over kuruş goes to the first line.
    expect(spreadDiscount([3333, 3333, 3333], 1000)).toEqual([2999, 3000, 3000]);
  });

  it("keeps the sum exact and never takes a line below zero", () => {
    const next = prng(7);
    for (let round = 0; round < 300; round++) {
      const totals = Array.from({ length: 1 + Math.floor(next() * 8) }, () => Math.floor(next() * 50_000));
      const sum = sumMoney(totals);
      const discount = Math.floor(next() * (sum + 1));
      const after = spreadDiscount(totals, discount);
      expect(sumMoney(after)).toBe(sum - discount);
      after.forEach((a, i) => {
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(totals[i] ?? 0);
      });
    }
  });

  it("rejects a discount larger than the lines, negative or fractional amounts", () => {
    expect(() => spreadDiscount([100, 200], 301)).toThrow(MoneyError);
    expect(() => spreadDiscount([100], -1)).toThrow(/non-negative/);
    expect(() => spreadDiscount([10.5], 1)).toThrow(/whole kuruş/);
    expect(() => spreadDiscount([], 0)).toThrow(/at least one line/);
  });
});

describe("vatBreakdown", () => {
  it("is exact for 3 lines of 33,33 ₺ at 1/10/20 % with a 10,00 ₺ discount", () => {
    const lines = [
      { total: 3333, vatRate: 1 },
      { total: 3333, vatRate: 10 },
      { total: 3333, vatRate: 20 },
    ];
    const rows = vatBreakdown(lines, { discount: 1000 });
    // Hand-checked: after the discount the lines are 29,99 / 30,00 / 30,00 ₺.
    expect(rows).toEqual([
      { rate: 1, net: 2969, vat: 30 },
      { rate: 10, net: 2727, vat: 273 },
      { rate: 20, net: 2500, vat: 500 },
    ]);
    expect(sumMoney(rows.map((r) => r.net + r.vat))).toBe(3 * 3333 - 1000);
  });

  it("puts shipping and the payment fee at 20 % unless told otherwise, and every row adds up", () => {
    const next = prng(42);
    for (let round = 0; round < 200; round++) {
      const rates = [0, 1, 10, 20];
      const lines = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
        total: Math.floor(next() * 100_000),
        vatRate: rates[Math.floor(next() * rates.length)] ?? 20,
      }));
      const shipping = Math.floor(next() * 10_000);
      const paymentFee = next() < 0.5 ? 0 : Math.floor(next() * 3_000);
      const shippingVatRate = next() < 0.3 ? 10 : undefined;
      const rows = vatBreakdown(lines, { shipping, paymentFee, shippingVatRate });
      const grossByRate = new Map<number, number>();
      const add = (rate: number, amount: number) => grossByRate.set(rate, (grossByRate.get(rate) ?? 0) + amount);
      for (const l of lines) add(l.vatRate, l.total);
      if (shipping) add(shippingVatRate ?? 20, shipping);
      if (paymentFee) add(20, paymentFee);
      expect(rows.map((r) => r.rate)).toEqual([...grossByRate.keys()].sort((a, b) => a - b));
      for (const row of rows) {
        const gross = grossByRate.get(row.rate) ?? -1;
        expect(row.net + row.vat).toBe(gross);
        expect(row.net).toBe(netOf(gross, row.rate));
      }
      expect(sumMoney(rows.map((r) => r.net + r.vat))).toBe(sumMoney(lines.map((l) => l.total)) + shipping + paymentFee);
    }
  });

  it("rejects bad rates and amounts with a clear error", () => {
    expect(() => vatBreakdown([{ total: 100, vatRate: 18.5 }])).toThrow(/whole percentage/);
    expect(() => vatBreakdown([{ total: -1, vatRate: 20 }])).toThrow(/non-negative/);
  });
});

describe("itemizeVat", () => {
  it("hands each rate's KDV to its items so they add up to the row exactly", () => {
    const data = sampleOrder({ discount: 777, paymentFee: 1_990 });
    const items = documentVatItems(data);
    const split = itemizeVat(items, data.vat);
    for (const row of data.vat) {
      const mine = split.filter((_, i) => items[i]?.rate === row.rate);
      expect(sumMoney(mine.map((s) => s.vat))).toBe(row.vat);
      expect(sumMoney(mine.map((s) => s.net))).toBe(row.net);
    }
    split.forEach((s, i) => {
      expect(s.net + s.vat).toBe(items[i]?.gross);
    });
  });
});

describe("parseOrderDocumentData", () => {
  it("accepts a consistent snapshot and drops empty optional text", () => {
    const data = parseOrderDocumentData(sampleOrder({ overrides: { discountLabel: "  " } }));
    expect(data.discountLabel).toBeUndefined();
    expect(data.lines).toHaveLength(4);
  });

  it("lists every missing or malformed field", () => {
    const bad = sampleOrder();
    const input = {
      ...bad,
      seller: { ...bad.seller, name: "" },
      withdrawalDays: 7,
      date: "yesterday",
      lines: [{ ...bad.lines[0], quantity: 1.5 }],
    };
    try {
      parseOrderDocumentData(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentDataError);
      const message = (error as Error).message;
      expect(message).toMatch(/seller\.name: must not be empty/);
      expect(message).toMatch(/withdrawalDays: the law gives at least 14 days/);
      expect(message).toMatch(/date: must be an ISO date-time/);
      expect(message).toMatch(/lines\[0\]\.quantity/);
    }
  });

  it("refuses amounts that do not add up", () => {
    const data = sampleOrder();
    expect(() => parseOrderDocumentData({ ...data, total: data.total + 1 })).toThrow(/total is/);
    expect(() => parseOrderDocumentData({ ...data, subtotal: data.subtotal + 100 })).toThrow(/lines' totals add up/);
    expect(() => parseOrderDocumentData({ ...data, vat: data.vat.slice(1) })).toThrow(/missing the 0 % row/);
    const shifted = data.vat.map((r, i) => (i === 0 ? { ...r, net: r.net + 5 } : r));
    expect(() => parseOrderDocumentData({ ...data, vat: shifted })).toThrow(/net \+ vat/);
    expect(() => parseOrderDocumentData({ ...data, vat: [...data.vat, { rate: 8, net: 0, vat: 0 }] })).toThrow(/no line/);
    expect(() => parseOrderDocumentData({ ...data, storeCredit: data.total + data.storeCredit + 1, total: 0 })).toThrow(
      /storeCredit .* is more than/,
    );
  });

  it("accepts KDV rounded per line, within a kuruş per item", () => {
    const data = sampleOrder();
    const row = data.vat.find((r) => r.rate === 20);
    if (!row) throw new Error("sample has a 20 % row");
    const moved = data.vat.map((r) => (r.rate === 20 ? { rate: 20, net: r.net - 1, vat: r.vat + 1 } : r));
    expect(() => parseOrderDocumentData({ ...data, vat: moved })).not.toThrow();
    const far = data.vat.map((r) => (r.rate === 20 ? { rate: 20, net: r.net - 50, vat: r.vat + 50 } : r));
    expect(() => parseOrderDocumentData({ ...data, vat: far })).toThrow(/does not match/);
  });

  it("caps text lengths so no value can outgrow a page", () => {
    const data = sampleOrder();
    const long = { ...data, lines: [{ ...data.lines[0], title: "Ş".repeat(501) }, ...data.lines.slice(1)] };
    expect(() => parseOrderDocumentData(long)).toThrow(/lines\[0\]\.title: must be at most 500 characters/);
  });

  it("gives a clear error, not a crash, for input that is not an object", () => {
    expect(() => parseOrderDocumentData(null)).toThrow(DocumentDataError);
    expect(() => parseOrderDocumentData("order")).toThrow(DocumentDataError);
  });
});

describe("documentFormat", () => {
  it("formats money, percent and dates per locale in Istanbul time", () => {
    const tr = documentFormat({ locale: "tr", currency: "TRY" });
    expect(tr.money(123456)).toBe("1.234,56 ₺");
    expect(tr.minus(500)).toBe("−5,00 ₺");
    expect(tr.percent(20)).toBe("%20");
    expect(tr.date("2026-11-21T22:30:00Z")).toBe("22.11.2026");
    const en = documentFormat({ locale: "en", currency: "TRY" });
    expect(en.money(123456)).toBe("₺1,234.56");
    expect(en.percent(10)).toBe("10%");
    expect(en.date("2026-11-21T11:42:00Z")).toBe("21 November 2026");
  });
});
