import { describe, expect, it } from "vitest";
import { isValidPostalCode, isValidTckn, isValidVkn, normalizeTurkishMobile } from "./validators.ts";

describe("isValidTckn", () => {
  it.each(["10000000146", "11111111110", "12345678950"])("accepts %s", (value) => {
    expect(isValidTckn(value)).toBe(true);
  });

  it.each([
    ["10000000147", "wrong 11th digit"],
    ["10000000156", "wrong 10th digit"],
    ["01234567890", "first digit 0"],
    ["1000000014", "10 digits"],
    ["100000001460", "12 digits"],
    ["1000000014a", "a letter"],
    ["", "empty"],
    ["11111111111", "checksums fail"],
  ])("refuses %s (%s)", (value) => {
    expect(isValidTckn(value)).toBe(false);
  });
});

describe("isValidVkn", () => {
  it.each(["4540536920", "1234567890", "9029589240", "3721052062", "9876543217"])("accepts %s", (value) => {
    expect(isValidVkn(value)).toBe(true);
  });

  it.each(["4540536921", "1234567891", "454053692", "45405369200", "454053692x", ""])("refuses %s", (value) => {
    expect(isValidVkn(value)).toBe(false);
  });

  it("accepts exactly one check digit for any nine digits", () => {
    for (const prefix of ["000000000", "123456789", "999999999", "454053692"]) {
      const valid = Array.from({ length: 10 }, (_, d) => `${prefix}${d}`).filter(isValidVkn);
      expect(valid).toHaveLength(1);
    }
  });
});

describe("normalizeTurkishMobile", () => {
  it.each([
    ["0532 123 45 67", "+905321234567"],
    ["+90 532 123 45 67", "+905321234567"],
    ["+90 (532) 123-45-67", "+905321234567"],
    ["5321234567", "+905321234567"],
    ["905321234567", "+905321234567"],
    ["0090 532 123 4567", "+905321234567"],
    [" 0 (505) 000.00.00 ", "+905050000000"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTurkishMobile(input)).toBe(expected);
  });

  it.each([
    ["0212 123 45 67", "landline"],
    ["+49 151 2345678", "not Turkey"],
    ["532123456", "9 digits"],
    ["05321234567 8", "too long"],
    ["+5321234567", "+ without 90"],
    ["0532-ABC-45-67", "letters"],
    ["", "empty"],
  ])("refuses %s (%s)", (input) => {
    expect(normalizeTurkishMobile(input)).toBeNull();
  });
});

describe("isValidPostalCode", () => {
  it.each(["34710", "06100", "81000", "01720"])("accepts %s", (value) => expect(isValidPostalCode(value)).toBe(true));
  it.each(["3471", "347100", "00100", "82000", "34 710", "abcde"])("refuses %s", (value) => expect(isValidPostalCode(value)).toBe(false));
});
