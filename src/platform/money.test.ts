import { describe, expect, it } from "vitest";
import {
  addVat,
  allocate,
  currencyDigits,
  divRound,
  formatMoney,
  MoneyError,
  multiplyMoney,
  parseMoney,
  percentOf,
  percentOff,
  splitVat,
  sumMoney,
  toDecimalString,
} from "./money.ts";

describe("formatMoney", () => {
  it("formats Turkish lira the Turkish way by default", () => {
    expect(formatMoney(123456)).toBe("1.234,56 ₺");
    expect(formatMoney(129990)).toBe("1.299,90 ₺");
    expect(formatMoney(0)).toBe("0,00 ₺");
    expect(formatMoney(5)).toBe("0,05 ₺");
    expect(formatMoney(100)).toBe("1,00 ₺");
    expect(formatMoney(123456789012)).toBe("1.234.567.890,12 ₺");
    expect(formatMoney(-123456)).toBe("-1.234,56 ₺");
    expect(formatMoney(123456, "TRY", "tr")).toBe("1.234,56 ₺");
  });

  it("uses the English layout with the ₺ symbol in front for English", () => {
    expect(formatMoney(123456, "TRY", "en")).toBe("₺1,234.56");
    expect(formatMoney(123456, "TRY", "en-US")).toBe("₺1,234.56");
    expect(formatMoney(-50, "TRY", "en")).toBe("-₺0.50");
  });

  it("formats other currencies", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(123456, "EUR")).toBe("1.234,56 €");
    expect(formatMoney(1234, "JPY", "en")).toBe("¥1,234");
  });

  it("is exact for large amounts (no float rounding)", () => {
    expect(formatMoney(9007199254740991)).toBe("90.071.992.547.409,91 ₺");
  });

  it("rejects non-integer amounts", () => {
    expect(() => formatMoney(12.5)).toThrow(MoneyError);
    expect(() => formatMoney(Number.NaN)).toThrow(/whole number/);
  });
});

describe("toDecimalString / currencyDigits", () => {
  it("converts exactly", () => {
    expect(toDecimalString(123456)).toBe("1234.56");
    expect(toDecimalString(5)).toBe("0.05");
    expect(toDecimalString(-5)).toBe("-0.05");
    expect(toDecimalString(1234, "JPY")).toBe("1234");
    expect(currencyDigits("TRY")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(() => currencyDigits("XXXX")).toThrow(/unknown currency/);
  });
});

describe("parseMoney", () => {
  it.each([
    ["1.234,56", 123456],
    ["1234,56", 123456],
    ["1234,5", 123450],
    ["1.234", 123400],
    ["1.234.567", 123456700],
    ["1.234.567,8", 123456780],
    ["₺ 12,00", 1200],
    ["12,00 ₺", 1200],
    ["12 TL", 1200],
    ["12,99 TRY", 1299],
    ["  1 299,90 ", 129990],
    ["1\u00a0299,90", 129990],
    ["0", 0],
    ["0,05", 5],
    [",5", 50],
    ["-5,25", -525],
    ["−5,25", -525],
    ["+7", 700],
    ["12.5", 1250],
    ["12.50", 1250],
    ["1,234.56", 123456],
    ["1,234,567", 123456700],
    ["₺1,234.56", 123456],
  ])("%j → %d", (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each([
    ["", /no number/],
    ["   ", /no number/],
    ["₺", /no number/],
    ["abc", /expected digits/],
    ["12a", /expected digits/],
    ["1,2,3", /grouped in threes/],
    ["12.34.5", /grouped in threes/],
    ["1.23,45", /grouped in threes/],
    ["1,234", /at most 2 decimal places/],
    ["1,999", /at most 2 decimal places/],
    ["12,", /nothing after/],
    ["1,23.456", /grouped in threes/],
    ["--5", /expected digits/],
    ["99999999999999999999", /too large/],
  ])("rejects %j", (input, message) => {
    expect(() => parseMoney(input)).toThrow(MoneyError);
    expect(() => parseMoney(input)).toThrow(message);
  });

  it("names the input in its error", () => {
    expect(() => parseMoney("on iki lira")).toThrow('invalid amount "on iki lira"');
  });

  it("respects currencies without minor units", () => {
    expect(parseMoney("1.234", "JPY")).toBe(1234);
    expect(() => parseMoney("12,5", "JPY")).toThrow(/no decimal places/);
  });

  it("round-trips formatMoney", () => {
    for (const minor of [0, 1, 99, 100, 129990, 123456789, -4550]) {
      expect(parseMoney(formatMoney(minor))).toBe(minor);
      expect(parseMoney(formatMoney(minor, "TRY", "en"))).toBe(minor);
    }
  });
});

describe("splitVat / addVat", () => {
  it("splits KDV-inclusive amounts so that net + vat = gross", () => {
    expect(splitVat(12000, 20)).toEqual({ net: 10000, vat: 2000 });
    expect(splitVat(129990, 20)).toEqual({ net: 108325, vat: 21665 });
    expect(splitVat(11000, 10)).toEqual({ net: 10000, vat: 1000 });
    expect(splitVat(10100, 1)).toEqual({ net: 10000, vat: 100 });
    expect(splitVat(999, 0)).toEqual({ net: 999, vat: 0 });
    expect(splitVat(0, 20)).toEqual({ net: 0, vat: 0 });
    expect(splitVat(1, 20)).toEqual({ net: 1, vat: 0 });
    // 10 / 1.2 = 8.333 → 8, tax 2
    expect(splitVat(10, 20)).toEqual({ net: 8, vat: 2 });
    // 3 / 1.2 = 2.5 → rounds half away from zero to 3
    expect(splitVat(3, 20)).toEqual({ net: 3, vat: 0 });
    expect(splitVat(-12000, 20)).toEqual({ net: -10000, vat: -2000 });
  });

  it("keeps net + vat = gross for every amount", () => {
    for (let gross = 0; gross < 5000; gross += 7) {
      for (const rate of [0, 1, 10, 20]) {
        const { net, vat } = splitVat(gross, rate);
        expect(net + vat).toBe(gross);
        expect(Number.isInteger(net) && Number.isInteger(vat)).toBe(true);
        expect(Math.abs(net - (gross * 100) / (100 + rate))).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it("works near the safe-integer limit", () => {
    const gross = 9_000_000_000_000_000;
    const { net, vat } = splitVat(gross, 20);
    expect(net).toBe(7_500_000_000_000_000);
    expect(vat).toBe(1_500_000_000_000_000);
  });

  it("adds KDV to a net amount", () => {
    expect(addVat(10000, 20)).toBe(12000);
    expect(addVat(833, 20)).toBe(1000);
    expect(addVat(5, 10)).toBe(6);
  });

  it("rejects invalid rates and amounts", () => {
    expect(() => splitVat(100, 18.5)).toThrow(/VAT rate/);
    expect(() => splitVat(100, -1)).toThrow(/VAT rate/);
    expect(() => splitVat(10.5, 20)).toThrow(/whole number/);
  });
});

describe("percentOff", () => {
  it("computes the displayed discount", () => {
    expect(percentOff(7500, 10000)).toBe(25);
    expect(percentOff(129990, 159990)).toBe(19);
    expect(percentOff(99990, 149990)).toBe(33);
    expect(percentOff(10000, 10000)).toBe(0);
    expect(percentOff(10000, 9000)).toBe(0);
    expect(percentOff(10000, null)).toBe(0);
    expect(percentOff(10000, undefined)).toBe(0);
    expect(percentOff(0, 10000)).toBe(100);
    expect(percentOff(1, 10000)).toBe(99);
    expect(percentOff(9999, 10000)).toBe(1);
  });
});

describe("arithmetic helpers", () => {
  it("divRound rounds half away from zero", () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(4, 3)).toBe(1);
    expect(divRound(5, 3)).toBe(2);
    expect(() => divRound(1, 0)).toThrow(/division by zero/);
  });

  it("percentOf supports two decimals", () => {
    expect(percentOf(10000, 15)).toBe(1500);
    expect(percentOf(999, 12.5)).toBe(125);
    expect(percentOf(129990, 10)).toBe(12999);
    expect(() => percentOf(100, 1.234)).toThrow(/2 decimals/);
  });

  it("multiplyMoney and sumMoney check overflow", () => {
    expect(multiplyMoney(129990, 3)).toBe(389970);
    expect(sumMoney([100, 250, -50])).toBe(300);
    expect(() => multiplyMoney(Number.MAX_SAFE_INTEGER, 2)).toThrow(/safe integer/);
    expect(() => sumMoney([Number.MAX_SAFE_INTEGER, 1])).toThrow(/safe integer/);
    expect(() => multiplyMoney(100, 1.5)).toThrow(/quantity/);
  });

  it("allocate splits exactly", () => {
    expect(allocate(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(allocate(-1000, [1, 1, 1])).toEqual([-334, -333, -333]);
    expect(allocate(100, [0, 0])).toEqual([50, 50]);
    expect(allocate(5, [3, 7])).toEqual([2, 3]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    for (const total of [1, 7, 99, 12345, 1000001]) {
      const parts = allocate(total, [129990, 4550, 1, 0, 89990]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts[3]).toBe(0);
    }
    expect(() => allocate(10, [])).toThrow();
    expect(() => allocate(10, [-1, 2])).toThrow(/non-negative/);
  });
});
