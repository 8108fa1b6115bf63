// Money is an integer number of minor units (kuruş for TRY) plus a currency code. Never floats:
// every helper here takes and returns safe integers and rounds explicitly (half away from zero).

export const DEFAULT_CURRENCY = "TRY";
export const DEFAULT_LOCALE = "tr-TR";

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

/** Throws unless `value` is a safe integer (an amount in minor units). */
export function assertMinor(value: number, what = "amount"): void {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`${what} must be a whole number of minor units (kuruş), got ${String(value)}`);
  }
}

const digitsCache = new Map<string, number>();
/** Minor-unit digits of a currency: 2 for TRY, USD and EUR, 0 for JPY. */
export function currencyDigits(currency: string = DEFAULT_CURRENCY): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new MoneyError(`unknown currency code "${currency}"`);
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Exact decimal string of a minor amount: 123456 → "1234.56" (no float conversion). */
export function toDecimalString(minor: number, currency: string = DEFAULT_CURRENCY): string {
  assertMinor(minor);
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, currency: string): Intl.NumberFormat {
  const cacheKey = `${locale}|${currency}`;
  let nf = formatters.get(cacheKey);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" });
    formatters.set(cacheKey, nf);
  }
  return nf;
}

/**
 * Formats minor units for display: `formatMoney(123456)` → "1.234,56 ₺" (Turkish style, symbol
 * after the amount, as Turkish typography and the project standard want; ICU itself would print
 * "₺1.234,56"), `formatMoney(123456, "TRY", "en")` → "₺1,234.56", `formatMoney(-500)` → "-5,00 ₺".
 * In a Turkish locale every currency's symbol follows the amount ("12,00 $").
 */
export function formatMoney(minor: number, currency: string = DEFAULT_CURRENCY, locale: string = DEFAULT_LOCALE): string {
  const value = toDecimalString(minor, currency) as `${number}`;
  const nf = formatter(locale, currency);
  if (!/^tr(-|$)/i.test(locale)) return nf.format(value);
  let symbol = "";
  let number = "";
  for (const part of nf.formatToParts(value)) {
    if (part.type === "currency") symbol = part.value;
    else if (part.type !== "literal") number += part.value;
  }
  return `${number} ${symbol}`;
}

const CURRENCY_MARKERS_RE = /₺|\bTL\b|\bTRY\b|\bUSD\b|\bEUR\b|\bGBP\b|[$€£]/gi;
const SPACES_RE = /[\s\u00a0\u202f\u2009\u2007']/g;

function invalid(input: string, why: string): MoneyError {
  return new MoneyError(`invalid amount "${input}": ${why}`);
}

/**
 * Parses an amount typed by a person into minor units. Turkish style first: "1.234,56" → 123456,
 * "1234,5" → 123450, "1.234" → 123400 (the dot groups thousands), "₺ 12,00" / "12 TL" → 1200,
 * "-5,25" → -525. English style is accepted when unambiguous: "1,234.56" → 123456, "12.5" → 1250
 * (a lone dot followed by exactly three digits is read as a thousands separator, as in Turkish).
 * Throws a MoneyError that says what is wrong for anything else.
 */
export function parseMoney(input: string, currency: string = DEFAULT_CURRENCY): number {
  if (typeof input !== "string") throw new MoneyError(`invalid amount: expected text, got ${typeof input}`);
  const digits = currencyDigits(currency);
  let s = input.replace(CURRENCY_MARKERS_RE, "").replace(SPACES_RE, "");
  let negative = false;
  if (s.startsWith("-") || s.startsWith("−")) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  if (s === "") throw invalid(input, "no number found");
  if (!/^[0-9.,]+$/.test(s)) throw invalid(input, "expected digits with an optional decimal comma, like 1.234,56");

  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let decimalSep: "." | "," | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSep = lastDot > lastComma ? "." : ",";
  } else if (lastComma >= 0) {
    // "12,5" is a decimal comma; "1,234,567" groups thousands (English style).
    decimalSep = s.indexOf(",") === lastComma ? "," : null;
  } else if (lastDot >= 0) {
    // "1.234.567" and "1.234" group thousands (Turkish style); "12.5" and "12.50" are decimals.
    decimalSep = s.indexOf(".") === lastDot && s.length - lastDot - 1 !== 3 ? "." : null;
  }
  const groupSep = decimalSep === "," ? "." : decimalSep === "." ? "," : lastDot >= 0 ? "." : ",";

  let integerPart = s;
  let fraction = "";
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    integerPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (fraction === "") throw invalid(input, "nothing after the decimal separator");
    if (!/^\d+$/.test(fraction)) throw invalid(input, "misplaced separator");
  }
  if (integerPart.includes(groupSep)) {
    const groups = integerPart.split(groupSep);
    const [first, ...rest] = groups;
    if (!first || !/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) {
      throw invalid(input, "thousands must be grouped in threes, like 1.234.567,89");
    }
    integerPart = groups.join("");
  }
  if (!/^\d*$/.test(integerPart)) throw invalid(input, "misplaced separator");
  if (integerPart === "" && fraction === "") throw invalid(input, "no number found");
  if (fraction.length > digits) {
    throw invalid(input, digits === 0 ? `${currency} has no decimal places` : `at most ${digits} decimal places are allowed`);
  }
  const minorText = (integerPart || "0") + fraction.padEnd(digits, "0");
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) throw invalid(input, "amount is too large");
  return negative && minor !== 0 ? -minor : minor;
}

/** Integer division rounded half away from zero; exact for any safe-integer inputs. */
export function divRound(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new MoneyError("divRound needs safe integers");
  }
  if (denominator === 0) throw new MoneyError("division by zero");
  return Number(bigDivRound(BigInt(numerator), BigInt(denominator)));
}

function bigToSafe(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new MoneyError(`${what} is out of the safe integer range`);
  return n;
}

function assertRate(ratePercent: number): void {
  if (!Number.isInteger(ratePercent) || ratePercent < 0 || ratePercent > 100) {
    throw new MoneyError(`VAT rate must be a whole percentage between 0 and 100, got ${String(ratePercent)}`);
  }
}

/**
 * Splits a KDV-inclusive amount into net and tax: `splitVat(12000, 20)` → { net: 10000, vat: 2000 }.
 * The net is rounded half away from zero and the tax is the remainder, so net + vat === gross always.
 */
export function splitVat(grossMinor: number, ratePercent: number): { net: number; vat: number } {
  assertMinor(grossMinor, "gross amount");
  assertRate(ratePercent);
  const net = bigToSafe(bigDivRound(BigInt(grossMinor) * 100n, BigInt(100 + ratePercent)), "net amount");
  return { net, vat: grossMinor - net };
}

/** KDV-inclusive amount for a net amount: `addVat(10000, 20)` → 12000. */
export function addVat(netMinor: number, ratePercent: number): number {
  assertMinor(netMinor, "net amount");
  assertRate(ratePercent);
  return netMinor + bigToSafe(bigDivRound(BigInt(netMinor) * BigInt(ratePercent), 100n), "tax amount");
}

function bigDivRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/**
 * The discount shown on a product card, in whole percent: `percentOff(7500, 10000)` → 25.
 * 0 when there is no former price or it is not above the current one. Rounded half up, but never
 * shown as 100 while something is still charged, and never 0 for a real (tiny) discount.
 */
export function percentOff(price: number, compareAt: number | null | undefined): number {
  assertMinor(price, "price");
  if (compareAt === null || compareAt === undefined) return 0;
  assertMinor(compareAt, "former price");
  if (compareAt <= 0 || compareAt <= price) return 0;
  const pct = divRound((compareAt - price) * 100, compareAt);
  if (pct >= 100 && price > 0) return 99;
  return Math.max(pct, 1);
}

/** `percent` of an amount, rounded half away from zero; percent may carry up to 2 decimals (12.5). */
export function percentOf(minor: number, percent: number): number {
  assertMinor(minor);
  const basisPoints = Math.round(percent * 100);
  if (!Number.isSafeInteger(basisPoints) || Math.abs(percent * 100 - basisPoints) > 1e-6) {
    throw new MoneyError(`percent must have at most 2 decimals, got ${String(percent)}`);
  }
  return bigToSafe(bigDivRound(BigInt(minor) * BigInt(basisPoints), 10000n), "amount");
}

/** Unit price × quantity, checked for overflow. */
export function multiplyMoney(unitMinor: number, quantity: number): number {
  assertMinor(unitMinor, "unit price");
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`quantity must be a whole number, got ${String(quantity)}`);
  return bigToSafe(BigInt(unitMinor) * BigInt(quantity), "total");
}

/** Sum of minor amounts, checked for overflow. */
export function sumMoney(values: Iterable<number>): number {
  let total = 0n;
  for (const v of values) {
    assertMinor(v);
    total += BigInt(v);
  }
  return bigToSafe(total, "total");
}

/**
 * Splits `total` into parts proportional to `weights` that add up to exactly `total` (largest
 * remainder method), e.g. spreading an order discount over its lines:
 * `allocate(1000, [1, 1, 1])` → [334, 333, 333]. Equal shares when every weight is 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total, "total");
  if (weights.length === 0) throw new MoneyError("allocate needs at least one weight");
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError(`weights must be non-negative whole numbers, got ${String(w)}`);
  }
  const sumWeights = weights.reduce((a, b) => a + b, 0);
  const effective = sumWeights === 0 ? weights.map(() => 1) : weights;
  const sum = BigInt(sumWeights === 0 ? weights.length : sumWeights);
  const sign = total < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(total));
  const shares = effective.map((w, index) => {
    const exact = abs * BigInt(w);
    return { index, floor: exact / sum, remainder: exact % sum };
  });
  let left = abs - shares.reduce((a, s) => a + s.floor, 0n);
  const byRemainder = [...shares].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.floor += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s.floor * sign));
}
