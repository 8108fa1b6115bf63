// Checks for Turkish identity numbers, phone numbers and postal codes. Pure functions: the
// address book, the profile form and the API all use them.

const digitsOf = (value: string) => [...value].map(Number);

/**
 * T.C. kimlik numarası: 11 digits, the first not 0; the 10th digit is
 * (7 × (d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10 and the 11th is (d1+…+d10) mod 10.
 */
export function isValidTckn(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = digitsOf(value) as [number, number, number, number, number, number, number, number, number, number, number];
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  if (tenth !== d[9]) return false;
  const sum = d.slice(0, 10).reduce((a, b) => a + b, 0);
  return sum % 10 === d[10];
}

/**
 * Vergi kimlik numarası (GİB): 10 digits. For the first nine digits, counting positions from the
 * right (i = 9 … 1 for the 1st … 9th digit): c = (digit + i) mod 10; when c ≠ 0 it adds
 * (c × 2^i) mod 9, or 9 when that is 0. The last digit is (10 − sum mod 10) mod 10.
 */
export function isValidVkn(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const d = digitsOf(value);
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    const i = 9 - k;
    const c = ((d[k] as number) + i) % 10;
    if (c !== 0) sum += (c * 2 ** i) % 9 || 9;
  }
  return (10 - (sum % 10)) % 10 === d[9];
}

/**
 * A Turkish mobile number in E.164 (`+905321234567`), from what people type:
 * "0532 123 45 67", "+90 (532) 123-45-67", "905321234567", "0090 532 …", "5321234567".
 * Null when it is not a mobile number (5xx) of Turkey.
 */
export function normalizeTurkishMobile(input: string): string | null {
  const raw = input.trim();
  if (!/^[+\d\s().-]+$/.test(raw)) return null;
  let digits = raw.replace(/\D/g, "");
  if (raw.startsWith("+")) {
    if (!digits.startsWith("90")) return null;
    digits = digits.slice(2);
  } else if (digits.startsWith("0090")) digits = digits.slice(4);
  else if (digits.length === 12 && digits.startsWith("90")) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith("0")) digits = digits.slice(1);
  if (!/^5\d{9}$/.test(digits)) return null;
  return `+90${digits}`;
}

/** Posta kodu: 5 digits whose first two are a province plate code (01–81). */
export function isValidPostalCode(value: string): boolean {
  if (!/^\d{5}$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  return province >= 1 && province <= 81;
}
