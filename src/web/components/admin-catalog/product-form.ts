// The product editor's form ⇄ the product input the catalog takes. The editor keeps a draft of
// strings (what the person typed, money in Turkish format "1.234,56"); the action turns the posted
// form back into a draft and the draft into a ProductInput, collecting field errors on the way, so
// nothing typed is lost when something is refused. Plain TypeScript: the page's action and tests
// use it.

import { MoneyError, parseMoney, toDecimalString } from "../../../platform/money.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { EditableProduct, FieldError, ProductInputRaw, ProductStatus } from "../../services/catalog-admin.ts";

export const VAT_RATES = ["20", "10", "1", "0"] as const;
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 250;
/** Lengths search engines show; the fields accept more (120 and 320). */
export const SEO_TITLE_IDEAL = 60;
export const SEO_DESCRIPTION_IDEAL = 160;

export interface VariantDraft {
  /** Stable key for React while rows are added and removed. */
  key: string;
  id?: string;
  options: Record<string, string>;
  sku: string;
  barcode: string;
  price: string;
  compareAtPrice: string;
  stock: string;
  weightGrams: string;
  desi: string;
  /** Index into the product's media, "" for none. */
  mediaIndex: string;
}

export interface ProductDraft {
  title: string;
  slug: string;
  status: ProductStatus;
  kind: "physical" | "external";
  /** Orders beyond stock: refused (normal), or taken as backorder / pre-order and reviewed. */
  saleMode: "normal" | "backorder" | "preorder";
  externalUrl: string;
  brandId: string;
  categoryId: string;
  tags: string[];
  description: string;
  vatRate: string;
  featured: boolean;
  seoTitle: string;
  seoDescription: string;
  en: { title: string; description: string };
  options: { name: string; values: string[] }[];
  variants: VariantDraft[];
  specs: { name: string; value: string; facet: boolean }[];
  media: { assetId: string; alt: string }[];
}

/** A field error whose wording is one of the editor's messages. */
export interface DraftError {
  path: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

let keySeq = 0;
export const newKey = () => `v${Date.now().toString(36)}${(keySeq++).toString(36)}`;

/** Minor units as typed in a Turkish money field: 123456 → "1.234,56", 0 → "0,00". */
export function moneyInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const [whole = "0", fraction = "00"] = toDecimalString(minor).replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${minor < 0 ? "-" : ""}${grouped},${fraction}`;
}

/** A typed amount normalised for display ("1234,5" → "1.234,50"); left as is when it cannot be read. */
export function tidyMoney(text: string): string {
  if (!text.trim()) return "";
  try {
    return moneyInput(parseMoney(text));
  } catch {
    return text;
  }
}

export function emptyVariant(options: Record<string, string> = {}, from?: VariantDraft): VariantDraft {
  return {
    key: newKey(),
    options,
    sku: "",
    barcode: "",
    price: from?.price ?? "",
    compareAtPrice: from?.compareAtPrice ?? "",
    stock: from ? "0" : "",
    weightGrams: from?.weightGrams ?? "",
    desi: from?.desi ?? "",
    mediaIndex: "",
  };
}

export function emptyDraft(): ProductDraft {
  return {
    title: "",
    slug: "",
    status: "draft",
    kind: "physical",
    saleMode: "normal",
    externalUrl: "",
    brandId: "",
    categoryId: "",
    tags: [],
    description: "",
    vatRate: "20",
    featured: false,
    seoTitle: "",
    seoDescription: "",
    en: { title: "", description: "" },
    options: [],
    variants: [emptyVariant()],
    specs: [],
    media: [],
  };
}

const numText = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n).replace(".", ","));

export function draftFromProduct(p: EditableProduct): ProductDraft {
  return {
    title: p.title,
    slug: p.slug,
    status: p.status,
    kind: p.kind,
    saleMode: p.saleMode,
    externalUrl: p.externalUrl ?? "",
    brandId: p.brandId ?? "",
    categoryId: p.categoryId ?? "",
    tags: [...p.tags],
    description: p.description,
    vatRate: String(p.vatRate),
    featured: p.featured,
    seoTitle: p.seoTitle ?? "",
    seoDescription: p.seoDescription ?? "",
    en: { title: p.translations?.en?.title ?? "", description: p.translations?.en?.description ?? "" },
    options: p.options.map((o) => ({ name: o.name, values: [...o.values] })),
    variants: p.variants.map((v) => ({
      key: v.id,
      id: v.id,
      options: { ...v.options },
      sku: v.sku ?? "",
      barcode: v.barcode ?? "",
      price: moneyInput(v.price),
      compareAtPrice: moneyInput(v.compareAtPrice),
      stock: String(v.stock),
      weightGrams: numText(v.weightGrams),
      desi: numText(v.desi),
      mediaIndex: v.mediaIndex === null || v.mediaIndex === undefined ? "" : String(v.mediaIndex),
    })),
    specs: p.specs.map((s) => ({ name: s.name, value: s.value, facet: s.facet === true })),
    media: p.media.map((m) => ({ assetId: m.assetId, alt: m.alt })),
  };
}

// --- form data → draft ------------------------------------------------------------------------

function jsonOf<T>(text: string, fallback: T, check: (v: unknown) => boolean): T {
  try {
    const value = JSON.parse(text) as unknown;
    return check(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
const isStringRecord = (v: unknown) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");

/** Words typed into a chips field without JavaScript: "a, b" → ["a", "b"]. */
export const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const unique = (list: string[]) =>
  list.filter((v, i) => list.findIndex((w) => w.toLocaleLowerCase("tr-TR") === v.toLocaleLowerCase("tr-TR")) === i);

/** The indexes of `prefix[i].…` fields in a form, ascending. */
function indexes(form: FormData, prefix: string): number[] {
  const re = new RegExp(`^${prefix}\\[(\\d+)\\]\\.`);
  const found = new Set<number>();
  for (const key of form.keys()) {
    const m = re.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, 300);
}

export function draftFromForm(form: FormData): ProductDraft {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const status = text("status");
  const options = indexes(form, "options")
    .map((i) => ({
      name: text(`options[${i}].name`).trim(),
      values: unique([
        ...jsonOf<string[]>(text(`options[${i}].values`), [], isStringArray).map((s) => s.trim()),
        ...splitList(text(`options[${i}].valuesDraft`)),
      ]).filter(Boolean),
    }))
    .filter((o) => o.name || o.values.length > 0);
  const variants = indexes(form, "variants").map((i) => {
    const f = (name: string) => text(`variants[${i}].${name}`).trim();
    return {
      key: f("key") || newKey(),
      ...(f("id") ? { id: f("id") } : {}),
      options: jsonOf<Record<string, string>>(f("options") || "{}", {}, isStringRecord),
      sku: f("sku"),
      barcode: f("barcode"),
      price: f("price"),
      compareAtPrice: f("compareAtPrice"),
      stock: f("stock"),
      weightGrams: f("weightGrams"),
      desi: f("desi"),
      mediaIndex: f("mediaIndex"),
    };
  });
  return {
    title: text("title").trim(),
    slug: text("slug").trim(),
    status: status === "active" || status === "archived" ? status : "draft",
    kind: text("kind") === "external" ? "external" : "physical",
    saleMode:
      text("saleMode") === "backorder" || text("saleMode") === "preorder" ? (text("saleMode") as "backorder" | "preorder") : "normal",
    externalUrl: text("externalUrl").trim(),
    brandId: text("brandId"),
    categoryId: text("categoryId"),
    tags: unique(
      [...jsonOf<string[]>(text("tags") || "[]", [], isStringArray), ...splitList(text("tagsDraft"))].map((s) => s.trim()),
    ).filter(Boolean),
    description: text("description"),
    vatRate: (VAT_RATES as readonly string[]).includes(text("vatRate")) ? text("vatRate") : "20",
    featured: form.get("featured") === "on" || form.get("featured") === "true",
    seoTitle: text("seoTitle").trim(),
    seoDescription: text("seoDescription").trim(),
    en: { title: text("en.title").trim(), description: text("en.description") },
    options,
    variants: variants.length > 0 ? variants : [emptyVariant()],
    specs: indexes(form, "specs")
      .map((i) => ({
        name: text(`specs[${i}].name`).trim(),
        value: text(`specs[${i}].value`).trim(),
        facet: form.get(`specs[${i}].facet`) === "on",
      }))
      .filter((s) => s.name || s.value),
    media: jsonOf<{ assetId: string; alt: string }[]>(
      text("media") || "[]",
      [],
      (v) =>
        Array.isArray(v) && v.every((m) => typeof m === "object" && m !== null && typeof (m as { assetId?: unknown }).assetId === "string"),
    ).map((m) => ({ assetId: m.assetId, alt: typeof m.alt === "string" ? m.alt : "" })),
  };
}

// --- draft → product input --------------------------------------------------------------------

/** Whole number ≥ 0 typed by a person ("1.250" and "1250" are both 1250). */
function wholeNumber(text: string): number | null {
  const clean = text.replace(/[\s.]/g, "");
  if (!/^\d{1,12}$/.test(clean)) return null;
  return Number(clean);
}

/** A decimal typed the Turkish or English way: "2,5" or "2.5". */
function decimal(text: string): number | null {
  const clean = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(clean)) return null;
  return Number(clean);
}

/**
 * The product input for the catalog, or the fields that cannot be read (money, numbers). The
 * catalog checks everything else (required fields, limits, option values) and names its own errors.
 */
export function inputFromDraft(draft: ProductDraft, options: { isNew: boolean }): { input: ProductInputRaw; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const money = (path: string, text: string, required: boolean): number | null => {
    if (!text.trim()) {
      if (required) errors.push({ path, key: "catalogadmin.error.required" });
      return null;
    }
    try {
      const minor = parseMoney(text);
      if (minor < 0) {
        errors.push({ path, key: "catalogadmin.error.negative" });
        return null;
      }
      return minor;
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      errors.push({ path, key: "catalogadmin.error.money" });
      return null;
    }
  };
  const whole = (path: string, text: string, required: boolean): number | null => {
    if (!text.trim()) {
      if (required) errors.push({ path, key: "catalogadmin.error.required" });
      return null;
    }
    const n = wholeNumber(text);
    if (n === null) errors.push({ path, key: "catalogadmin.error.wholeNumber" });
    return n;
  };
  const variants = draft.variants.map((v, i) => {
    const at = `variants.${i}`;
    const desi = v.desi.trim() ? decimal(v.desi) : null;
    if (v.desi.trim() && desi === null) errors.push({ path: `${at}.desi`, key: "catalogadmin.error.decimal" });
    const mediaIndex = v.mediaIndex === "" ? null : Number(v.mediaIndex);
    return {
      ...(v.id ? { id: v.id } : {}),
      options: Object.fromEntries(draft.options.map((o) => [o.name, v.options[o.name] ?? ""])),
      sku: v.sku || null,
      barcode: v.barcode || null,
      price: money(`${at}.price`, v.price, true) ?? 0,
      compareAtPrice: money(`${at}.compareAtPrice`, v.compareAtPrice, false),
      stock: whole(`${at}.stock`, v.stock, false) ?? 0,
      weightGrams: whole(`${at}.weightGrams`, v.weightGrams, false),
      desi,
      mediaIndex: Number.isInteger(mediaIndex) ? mediaIndex : null,
    };
  });
  const en = { title: draft.en.title || undefined, description: draft.en.description.trim() ? draft.en.description : undefined };
  const input: ProductInputRaw = {
    title: draft.title,
    // An empty address is made from the title (new products) or left as it was.
    ...(draft.slug ? { slug: draft.slug } : {}),
    description: draft.description,
    translations: en.title || en.description ? { en } : {},
    status: draft.status,
    kind: draft.kind,
    saleMode: draft.kind === "external" ? "normal" : draft.saleMode,
    externalUrl: draft.kind === "external" ? draft.externalUrl || null : null,
    brandId: draft.brandId || null,
    categoryId: draft.categoryId || null,
    tags: draft.tags,
    specs: draft.specs.map((s) => ({ name: s.name, value: s.value, ...(s.facet ? { facet: true } : {}) })),
    options: draft.options,
    vatRate: Number(draft.vatRate) as 0 | 1 | 10 | 20,
    featured: draft.featured,
    seoTitle: draft.seoTitle || null,
    seoDescription: draft.seoDescription || null,
    variants,
    media: draft.media.map((m) => ({ assetId: m.assetId, alt: m.alt })),
  };
  if (!options.isNew && !draft.slug) delete input.slug;
  return { input, errors };
}

// --- variants ---------------------------------------------------------------------------------

/** Every combination of the options' values, in order: [{Beden: S, Renk: Siyah}, {Beden: S, Renk: Beyaz}, …]. */
export function combinations(options: { name: string; values: string[] }[]): Record<string, string>[] {
  const usable = options.filter((o) => o.name && o.values.length > 0);
  if (usable.length === 0) return [{}];
  let out: Record<string, string>[] = [{}];
  for (const option of usable) out = out.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.name]: value })));
  return out;
}

const comboKey = (options: { name: string }[], values: Record<string, string>) => JSON.stringify(options.map((o) => values[o.name] ?? ""));

/**
 * The variant rows for the options: existing rows whose values still form a combination keep
 * their id, SKU, prices and stock; new combinations start from the first row's price.
 */
export function generateVariants(options: { name: string; values: string[] }[], current: VariantDraft[]): VariantDraft[] {
  const usable = options.filter((o) => o.name && o.values.length > 0);
  const existing = new Map(current.map((v) => [comboKey(usable, v.options), v]));
  const template = current[0];
  return combinations(usable)
    .slice(0, MAX_VARIANTS)
    .map((combo) => {
      const found = existing.get(comboKey(usable, combo));
      return found ? { ...found, options: combo } : emptyVariant(combo, template);
    });
}

/** "S / Siyah" for a variant row. */
export const variantLabel = (options: { name: string }[], values: Record<string, string>) =>
  options
    .map((o) => values[o.name])
    .filter(Boolean)
    .join(" / ");

// --- errors -----------------------------------------------------------------------------------

/** Field errors by path (`variants.0.price`), first one wins. */
export function errorMap(errors: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.path in out)) out[e.path] = e.message;
  return out;
}

/** The catalog's English field messages (zod's and its own), in the editor's words. */
const SERVER_MESSAGES: [RegExp, MessageKey][] = [
  [/^Too small: expected string to have >=1 characters?$/i, "catalogadmin.error.required"],
  [/^Too small: expected string to have >=(\d+) characters$/i, "catalogadmin.error.minLength"],
  [/^Too big: expected string to have <=(\d+) characters$/i, "catalogadmin.error.maxLength"],
  [/^Too big: expected array to have <=(\d+) items$/i, "catalogadmin.error.maxItems"],
  [/^Too small: expected array to have >=1 items?$/i, "catalogadmin.error.required"],
  [/^Too big: expected number to be <=(\d+)$/i, "catalogadmin.error.maxNumber"],
  [/^Invalid UUID$/i, "catalogadmin.error.choose"],
  [/compareAtPrice must be above price/i, "catalogadmin.error.compareAt"],
  [/GTIN has 8, 12, 13 or 14 digits/i, "catalogadmin.error.gtin"],
  [/lowercase letters, digits and single hyphens/i, "catalogadmin.error.slug"],
  [/already uses this SKU|SKU used twice/i, "catalogadmin.error.skuTaken"],
  [/already uses (this|the) address/i, "catalogadmin.error.slugTaken"],
  [/external product needs the link/i, "catalogadmin.error.externalUrl"],
  [/use an http\(s\) address/i, "catalogadmin.error.url"],
  [/choose one of the "(.+)" values/i, "catalogadmin.error.optionValue"],
  [/two variants have the same option values/i, "catalogadmin.error.duplicateVariant"],
  [/without options has exactly one variant/i, "catalogadmin.error.oneVariant"],
  [/option names must differ/i, "catalogadmin.error.optionNames"],
  [/at most (\d+) images/i, "catalogadmin.error.maxImages"],
  [/at most (\d+) video/i, "catalogadmin.error.maxVideos"],
  [/No such brand/i, "catalogadmin.error.choose"],
  [/No such category/i, "catalogadmin.error.choose"],
];

/** The message key and its value for a server message, or null to show the message as it is. */
export function knownMessage(message: string): { key: MessageKey; value?: string } | null {
  for (const [re, key] of SERVER_MESSAGES) {
    const m = re.exec(message);
    if (m) return { key, value: m[1] };
  }
  return null;
}

export type { FieldError };
