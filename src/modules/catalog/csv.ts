// CSV import and export of products (docs/csv-import.md). One row per variant; the product's
// columns are repeated on each of its rows (or left empty after the first) and rows are grouped
// by `handle`, the product's address (slug). Import validates every product with the shared
// productInputSchema and saves it through createProduct/updateProduct, each product in its own
// transaction; the report names the CSV line and column of every problem.

import { parse } from "csv-parse/sync";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { MoneyError, parseMoney, toDecimalString } from "../../platform/money.ts";
import { HttpError } from "../../platform/problem.ts";
import { asciiFold, escapeLike, slugify } from "../../platform/text.ts";
import { type AuditContext, recordAudit } from "../audit/service.ts";
import { mediaAssets } from "../media/schema.ts";
import { projectNow } from "./projection.ts";
import { brands, categories, type ProductStatus, productMedia, products, productVariants } from "./schema.ts";
import { createBrand } from "./taxonomy.ts";
import { type ProductInput, type ProductInputRaw, productInputSchema } from "./validators.ts";
import { createProduct, editableVariant, sanitizeDescription, updateProduct } from "./write.ts";

export const CSV_MAX_BYTES = 10 * 1024 * 1024;
export const CSV_MAX_ROWS = 50_000;
/** Problems listed in a report; the counts stay exact past it. */
export const REPORT_MAX_ROWS = 5_000;
const EXPORT_BATCH = 500;
const LOOKUP_CHUNK = 1_000;
/** Saved products are projected for the storefront in groups of this many while the import runs. */
const PROJECT_EVERY = 200;

// --- columns ------------------------------------------------------------------------------------

export const COLUMN_KEYS = [
  "handle",
  "title",
  "status",
  "kind",
  "external_url",
  "brand",
  "category",
  "tags",
  "vat_rate",
  "featured",
  "description",
  "seo_title",
  "seo_description",
  "media_ids",
  "option1_name",
  "option1_value",
  "option2_name",
  "option2_value",
  "option3_name",
  "option3_value",
  "sku",
  "barcode",
  "price",
  "compare_at_price",
  "stock",
  "weight_grams",
  "desi",
  "variant_media_id",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Turkish header of each column (what an export with `headers=tr` writes). */
export const TURKISH_HEADERS: Record<ColumnKey, string> = {
  handle: "urun_url",
  title: "urun_adi",
  status: "durum",
  kind: "tur",
  external_url: "dis_baglanti",
  brand: "marka",
  category: "kategori",
  tags: "etiketler",
  vat_rate: "kdv_orani",
  featured: "one_cikan",
  description: "aciklama",
  seo_title: "seo_basligi",
  seo_description: "seo_aciklamasi",
  media_ids: "medya_idleri",
  option1_name: "secenek1_adi",
  option1_value: "secenek1_degeri",
  option2_name: "secenek2_adi",
  option2_value: "secenek2_degeri",
  option3_name: "secenek3_adi",
  option3_value: "secenek3_degeri",
  sku: "stok_kodu",
  barcode: "barkod",
  price: "fiyat",
  compare_at_price: "eski_fiyat",
  stock: "stok",
  weight_grams: "agirlik_gram",
  desi: "desi",
  variant_media_id: "varyant_medya_id",
};

/** More names a header may have (Shopify's among them); compared after `headerKey`. */
const ALIASES: Partial<Record<ColumnKey, string[]>> = {
  handle: ["slug", "url", "product_handle", "adres"],
  title: ["name", "product_title", "product_name", "baslik", "ad", "urun"],
  status: ["product_status", "yayin_durumu"],
  kind: ["type", "product_kind", "urun_turu"],
  external_url: ["external_link", "link", "dis_link", "yonlendirme_linki"],
  brand: ["vendor", "marka_adi"],
  category: ["category_path", "kategori_yolu"],
  tags: ["tag", "etiket"],
  vat_rate: ["vat", "kdv", "tax_rate", "kdv_yuzdesi"],
  featured: ["one_cikar", "vitrin"],
  description: ["body_html", "body", "description_html", "urun_aciklamasi"],
  seo_title: ["meta_title", "seo_title_tag"],
  seo_description: ["meta_description"],
  media_ids: ["media", "image_ids", "gorsel_idleri", "medya"],
  sku: ["variant_sku", "urun_kodu", "stok_kodu_sku"],
  barcode: ["variant_barcode", "gtin", "ean", "barkod_no"],
  price: ["variant_price", "satis_fiyati", "fiyat_tl"],
  compare_at_price: ["variant_compare_at_price", "compare_price", "liste_fiyati", "piyasa_fiyati", "indirimsiz_fiyat"],
  stock: ["variant_inventory_qty", "quantity", "inventory", "stok_adedi", "adet", "miktar"],
  weight_grams: ["variant_grams", "weight", "grams", "agirlik", "gram"],
  desi: ["volumetric_weight"],
  variant_media_id: ["variant_image_id", "varyant_gorsel_id"],
};

const VARIANT_COLUMNS: ReadonlySet<ColumnKey> = new Set([
  "option1_value",
  "option2_value",
  "option3_value",
  "sku",
  "barcode",
  "price",
  "compare_at_price",
  "stock",
  "weight_grams",
  "desi",
  "variant_media_id",
]);
const OPTION_COLUMNS = [
  ["option1_name", "option1_value"],
  ["option2_name", "option2_value"],
  ["option3_name", "option3_value"],
] as const;

/** A header reduced to ASCII letters and digits: "Ürün Adı" → "urunadi", "Option1 Name" → "option1name". */
export function headerKey(header: string): string {
  return asciiFold(header).replace(/[^a-z0-9]/g, "");
}

const HEADER_INDEX = new Map<string, ColumnKey>();
for (const key of COLUMN_KEYS) {
  for (const name of [key, TURKISH_HEADERS[key], ...(ALIASES[key] ?? [])]) HEADER_INDEX.set(headerKey(name), key);
}
// "Seçenek 1 Adı", "Option 1 Value"… reduce to the same keys as their numbered forms.

// --- reading a file -----------------------------------------------------------------------------

export type Delimiter = "," | ";" | "\t";

export interface CsvRow {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  encoding: "utf-8" | "windows-1254";
  delimiter: Delimiter;
  /** Header as written, one per column. */
  headers: string[];
  /** Column index of each known column. */
  columns: Partial<Record<ColumnKey, number>>;
  ignoredColumns: string[];
  rows: CsvRow[];
}

/** A problem with one cell, row or product of the file. `code` is stable (the admin translates it); `message` is English. */
export interface ImportRowError {
  line: number;
  handle: string;
  field: string;
  code: string;
  message: string;
}

/** The file cannot be read as a product CSV at all. */
export class CsvFileError extends HttpError {
  readonly line: number;
  constructor(statusCode: number, code: string, message: string, line = 0) {
    super(statusCode, message, { code, errors: [{ path: line ? `line ${line}` : "file", message }] });
    this.line = line;
  }
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1254 (Excel's "CSV" in Turkish Windows). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: ParsedCsv["encoding"] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1254").decode(bytes), encoding: "windows-1254" };
  }
}

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes (`,` on a tie). */
export function sniffDelimiter(text: string): Delimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/**
 * Reads a product CSV: encoding, delimiter, header and records with their line numbers. Throws a
 * CsvFileError (413 past CSV_MAX_ROWS rows, 422 for a file that is not CSV or has no handle/title column).
 */
export function readCsv(input: Uint8Array | string, options: { maxRows?: number; delimiter?: Delimiter } = {}): ParsedCsv {
  const maxRows = options.maxRows ?? CSV_MAX_ROWS;
  const decoded = typeof input === "string" ? { text: input, encoding: "utf-8" as const } : decodeCsv(input);
  // One line ending everywhere, so that csv-parse's line count matches the file's lines.
  const text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new CsvFileError(422, "empty_file", "The file is empty.");
  if (text.includes("\u0000")) throw new CsvFileError(422, "not_csv", "The file is not a text (CSV) file.");
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // header + maxRows records, and one more to know the limit was passed
      to: maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    const line = typeof e.lines === "number" ? e.lines : 0;
    throw new CsvFileError(
      422,
      "csv_syntax",
      `The file is not valid CSV${line ? ` near line ${line}` : ""}: ${e.message ?? "unreadable"}.`,
      line,
    );
  }
  if (records.length > maxRows + 1) {
    throw new CsvFileError(
      413,
      "too_many_rows",
      `The file has more than ${maxRows.toLocaleString("en")} rows; split it into smaller files.`,
    );
  }
  const [head, ...body] = records;
  if (!head) throw new CsvFileError(422, "empty_file", "The file is empty.");
  const headers = head.record.map((h) => h.trim());
  const columns: ParsedCsv["columns"] = {};
  const ignoredColumns: string[] = [];
  headers.forEach((header, index) => {
    const key = HEADER_INDEX.get(headerKey(header));
    if (key && columns[key] === undefined) columns[key] = index;
    else if (header) ignoredColumns.push(header);
  });
  if (columns.handle === undefined && columns.title === undefined) {
    throw new CsvFileError(
      422,
      "missing_handle_column",
      'The first row must name the columns, with at least "handle" (or "urun_url") or "title" (or "urun_adi"). See the sample file.',
      1,
    );
  }
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === "")) continue; // ";;;;" rows Excel leaves behind
    // info.lines is the line the record ends on; quoted newlines inside it move its start up.
    const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - inner, cells: record.map((cell) => cell.trim()) });
  }
  return { encoding: decoded.encoding, delimiter, headers, columns, ignoredColumns, rows };
}

// --- cell values --------------------------------------------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: string, message: string): Parsed<never> => ({ ok: false, code, message });

/** "1.299,90", "1299.90", "1299,9", "₺1.299" → kuruş; empty → null. */
export function parsePrice(cell: string): Parsed<number | null> {
  if (!cell) return ok(null);
  try {
    const minor = parseMoney(cell);
    if (minor < 0) return bad("invalid_price", `A price cannot be negative: "${cell}".`);
    return ok(minor);
  } catch (error) {
    if (error instanceof MoneyError)
      return bad("invalid_price", `Not a price: ${error.message.replace(/^invalid amount /, "")}. Write it like 1299,90 or 1299.90.`);
    throw error;
  }
}

/** Whole numbers, with thousands grouped by dots or commas allowed: "1.250" → 1250. */
export function parseWhole(cell: string): Parsed<number | null> {
  if (!cell) return ok(null);
  const s = cell.replace(/\s/g, "");
  if (/^\d+$/.test(s)) return ok(Number(s));
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return ok(Number(s.replace(/[.,]/g, "")));
  if (/^\d+[.,]0+$/.test(s)) return ok(Number(s.split(/[.,]/)[0]));
  return bad("invalid_number", `Not a whole number: "${cell}".`);
}

/** A decimal with a comma or a dot and at most two decimals: "2,5" → 2.5. */
export function parseDecimal(cell: string): Parsed<number | null> {
  if (!cell) return ok(null);
  const s = cell.replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return bad("invalid_number", `Not a number with at most two decimals: "${cell}".`);
  return ok(Number(s));
}

const TRUE_WORDS = new Set(["true", "1", "yes", "y", "evet", "e", "x", "var"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "hayir", "h", "yok"]);

export function parseBoolean(cell: string): Parsed<boolean> {
  const v = asciiFold(cell).trim();
  if (!v || FALSE_WORDS.has(v)) return ok(false);
  if (TRUE_WORDS.has(v)) return ok(true);
  return bad("invalid_boolean", `Write true or false (evet or hayır), not "${cell}".`);
}

const STATUS_WORDS: Record<string, ProductStatus> = {
  draft: "draft",
  taslak: "draft",
  active: "active",
  aktif: "active",
  yayinda: "active",
  archived: "archived",
  arsiv: "archived",
  arsivlendi: "archived",
  arsivde: "archived",
};
const KIND_WORDS: Record<string, "physical" | "external"> = {
  physical: "physical",
  fiziksel: "physical",
  fiziki: "physical",
  external: "external",
  harici: "external",
  dis: "external",
  link: "external",
  affiliate: "external",
};

function parseWord<T>(cell: string, words: Record<string, T>, code: string, what: string): Parsed<T | null> {
  if (!cell) return ok(null);
  const value = words[asciiFold(cell).replace(/[^a-z]/g, "")];
  return value ? ok(value) : bad(code, `Unknown ${what} "${cell}": use ${[...new Set(Object.values(words))].join(", ")}.`);
}

export function parseVatRate(cell: string): Parsed<0 | 1 | 10 | 20 | null> {
  if (!cell) return ok(null);
  const n = cell.replace(/[%\s]/g, "");
  if (n === "0" || n === "1" || n === "10" || n === "20") return ok(Number(n) as 0 | 1 | 10 | 20);
  return bad("invalid_vat_rate", `KDV rate must be 0, 1, 10 or 20, not "${cell}".`);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const splitList = (cell: string) =>
  cell
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

// --- the store's current state ------------------------------------------------------------------

interface CategoryRow {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
}

/** Categories of a tenant with their slug paths ("giyim/kadin"). */
class CategoryIndex {
  private readonly byId: Map<string, CategoryRow>;
  private readonly bySlug: Map<string, CategoryRow>;
  constructor(rows: CategoryRow[]) {
    this.byId = new Map(rows.map((r) => [r.id, r]));
    this.bySlug = new Map(rows.map((r) => [r.slug, r]));
  }
  path(id: string | null): string {
    const parts: string[] = [];
    for (
      let node = id ? this.byId.get(id) : undefined;
      node && parts.length < 20;
      node = node.parentId ? this.byId.get(node.parentId) : undefined
    )
      parts.unshift(node.slug);
    return parts.join("/");
  }
  /** "giyim/kadin", "Giyim > Kadın" or just "kadin": segments matched by slug or name, from the root down. */
  resolve(cell: string): CategoryRow | null {
    const segments = cell
      .split(/[/>]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (segments.length === 0) return null;
    const matches = (row: CategoryRow, segment: string) =>
      row.slug === segment || row.slug === slugify(segment) || asciiFold(row.name) === asciiFold(segment);
    if (segments.length === 1) {
      const only = segments[0] as string;
      return this.bySlug.get(only) ?? this.bySlug.get(slugify(only)) ?? [...this.byId.values()].find((r) => matches(r, only)) ?? null;
    }
    let parent: string | null = null;
    let found: CategoryRow | null = null;
    for (const segment of segments) {
      found = [...this.byId.values()].find((r) => r.parentId === parent && matches(r, segment)) ?? null;
      if (!found) return null;
      parent = found.id;
    }
    return found;
  }
}

/** A product as the editor sees it (the shape createProduct takes), with ids. */
interface StoredProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: ProductStatus;
  kind: "physical" | "external";
  externalUrl: string | null;
  brandId: string | null;
  categoryId: string | null;
  tags: string[];
  options: { name: string; values: string[] }[];
  vatRate: 0 | 1 | 10 | 20;
  featured: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  translations: unknown;
  specs: unknown;
  variants: {
    id: string;
    options: Record<string, string>;
    sku: string | null;
    barcode: string | null;
    price: number;
    compareAtPrice: number | null;
    stock: number;
    weightGrams: number | null;
    desi: number | null;
    mediaIndex: number | null;
  }[];
  media: { assetId: string; alt: string }[];
}

function chunks<T>(items: readonly T[], size = LOOKUP_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Variants and media of a batch of product rows: two statements for the batch. */
async function withDetails(db: Db, tenantId: string, rows: (typeof products.$inferSelect)[]): Promise<StoredProduct[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [variants, media] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.tenantId, tenantId), inArray(productVariants.productId, ids)))
      .orderBy(asc(productVariants.productId), asc(productVariants.position)),
    db
      .select()
      .from(productMedia)
      .where(and(eq(productMedia.tenantId, tenantId), inArray(productMedia.productId, ids)))
      .orderBy(asc(productMedia.productId), asc(productMedia.position)),
  ]);
  const variantsOf = Map.groupBy(variants, (v) => v.productId);
  const mediaOf = Map.groupBy(media, (m) => m.productId);
  return rows.map((p) => {
    const pm = mediaOf.get(p.id) ?? [];
    const mediaIndex = new Map(pm.map((m, i) => [m.id, i]));
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      description: p.description,
      status: p.status,
      kind: p.kind,
      externalUrl: p.externalUrl,
      brandId: p.brandId,
      categoryId: p.categoryId,
      tags: p.tags,
      options: p.options,
      vatRate: p.vatRate as 0 | 1 | 10 | 20,
      featured: p.featured,
      seoTitle: p.seoTitle,
      seoDescription: p.seoDescription,
      translations: p.translations,
      specs: p.specs,
      variants: (variantsOf.get(p.id) ?? []).map((v) => editableVariant(v, mediaIndex)),
      media: pm.map((m) => ({ assetId: m.assetId, alt: m.alt })),
    };
  });
}

async function loadBrands(db: Db, tenantId: string) {
  return db.select({ id: brands.id, slug: brands.slug, name: brands.name }).from(brands).where(eq(brands.tenantId, tenantId));
}

async function loadCategories(db: Db, tenantId: string): Promise<CategoryIndex> {
  const rows = await db
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name })
    .from(categories)
    .where(eq(categories.tenantId, tenantId));
  return new CategoryIndex(rows);
}

// --- export -------------------------------------------------------------------------------------

export interface ExportOptions {
  delimiter?: Delimiter;
  /** Header names: the English keys (default) or their Turkish forms. */
  headers?: "en" | "tr";
  q?: string;
  status?: ProductStatus;
}

const TR_STATUS: Record<ProductStatus, string> = { draft: "taslak", active: "aktif", archived: "arsiv" };
const TR_KIND = { physical: "fiziksel", external: "harici" } as const;

/** Decimal text in the style that fits the delimiter: "1299,90" beside `;` (Excel in Turkish), "1299.90" otherwise. */
function decimalText(value: string, delimiter: Delimiter): string {
  return delimiter === ";" ? value.replace(".", ",") : value;
}

/** The CSV rows (header first) of every product of the tenant matching the filters, read in keyset batches by slug. */
export async function* exportRows(db: Db, tenantId: string, options: ExportOptions = {}): AsyncGenerator<string[]> {
  const delimiter = options.delimiter ?? ",";
  const tr = options.headers === "tr";
  yield COLUMN_KEYS.map((key) => (tr ? TURKISH_HEADERS[key] : key));
  const [categoryIndex, brandRows] = await Promise.all([loadCategories(db, tenantId), loadBrands(db, tenantId)]);
  const brandName = new Map(brandRows.map((b) => [b.id, b.name]));
  const filters = [eq(products.tenantId, tenantId)];
  if (options.status) filters.push(eq(products.status, options.status));
  const q = options.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q.toLocaleLowerCase("tr-TR"))}%`;
    filters.push(
      sql`(lower(${products.title}) like ${pattern} or ${products.slug} = ${q} or exists (select 1 from product_variants v
        where v.product_id = ${products.id} and v.tenant_id = ${tenantId} and (v.sku = ${q} or v.barcode = ${q})))`,
    );
  }
  const money = (minor: number | null) => (minor === null ? "" : decimalText(toDecimalString(minor), delimiter));
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select()
      .from(products)
      .where(and(...filters, ...(after === null ? [] : [gt(products.slug, after)])))
      .orderBy(asc(products.slug))
      .limit(EXPORT_BATCH);
    if (rows.length === 0) return;
    for (const p of await withDetails(db, tenantId, rows)) {
      const productCells: Partial<Record<ColumnKey, string>> = {
        handle: p.slug,
        title: p.title,
        status: tr ? TR_STATUS[p.status] : p.status,
        kind: tr ? TR_KIND[p.kind] : p.kind,
        external_url: p.externalUrl ?? "",
        brand: p.brandId ? (brandName.get(p.brandId) ?? "") : "",
        category: categoryIndex.path(p.categoryId),
        tags: p.tags.join("|"),
        vat_rate: String(p.vatRate),
        featured: tr ? (p.featured ? "evet" : "hayir") : String(p.featured),
        description: p.description,
        seo_title: p.seoTitle ?? "",
        seo_description: p.seoDescription ?? "",
        media_ids: p.media.map((m) => m.assetId).join("|"),
      };
      p.options.forEach((option, i) => {
        const [name] = OPTION_COLUMNS[i] ?? [];
        if (name) productCells[name] = option.name;
      });
      const variants = p.variants.length > 0 ? p.variants : [null];
      for (const v of variants) {
        const cells: Partial<Record<ColumnKey, string>> = { ...productCells };
        if (v) {
          p.options.forEach((option, i) => {
            const [, value] = OPTION_COLUMNS[i] ?? [];
            if (value) cells[value] = v.options[option.name] ?? "";
          });
          cells.sku = v.sku ?? "";
          cells.barcode = v.barcode ?? "";
          cells.price = money(v.price);
          cells.compare_at_price = money(v.compareAtPrice);
          cells.stock = String(v.stock);
          cells.weight_grams = v.weightGrams === null ? "" : String(v.weightGrams);
          cells.desi = v.desi === null ? "" : decimalText(String(v.desi), delimiter);
          cells.variant_media_id = v.mediaIndex === null ? "" : (p.media[v.mediaIndex]?.assetId ?? "");
        }
        yield COLUMN_KEYS.map((key) => cells[key] ?? "");
      }
    }
    after = (rows.at(-1) as { slug: string }).slug;
    if (rows.length < EXPORT_BATCH) return;
  }
}

/** A small example file showing every column: a product with two sizes and a simple one. */
export function sampleRows(headers: "en" | "tr" = "en", delimiter: Delimiter = ","): string[][] {
  const dec = (s: string) => decimalText(s, delimiter);
  const base: Partial<Record<ColumnKey, string>> = {
    handle: "pamuklu-basic-tisort",
    title: "Pamuklu Basic Tişört",
    status: headers === "tr" ? "aktif" : "active",
    kind: headers === "tr" ? "fiziksel" : "physical",
    brand: "Kervan Basics",
    category: "giyim/kadin",
    tags: "yeni|pamuk",
    vat_rate: "10",
    featured: headers === "tr" ? "evet" : "true",
    description: "<p>%100 pamuk, rahat kesim.</p>",
    seo_title: "Pamuklu Basic Tişört",
    seo_description: "Yumuşak pamuklu, her gün giyilecek basic tişört.",
    option1_name: "Beden",
  };
  const rows: Partial<Record<ColumnKey, string>>[] = [
    {
      ...base,
      option1_value: "S",
      sku: "TS-001-S",
      barcode: "8690000000011",
      price: dec("299.90"),
      compare_at_price: dec("399.90"),
      stock: "12",
      weight_grams: "180",
      desi: dec("1.5"),
    },
    {
      ...base,
      option1_value: "M",
      sku: "TS-001-M",
      barcode: "8690000000028",
      price: dec("299.90"),
      compare_at_price: dec("399.90"),
      stock: "20",
      weight_grams: "190",
      desi: dec("1.5"),
    },
    {
      handle: "seramik-kupa",
      title: "Seramik Kupa 350 ml",
      status: headers === "tr" ? "taslak" : "draft",
      kind: headers === "tr" ? "fiziksel" : "physical",
      category: "ev",
      vat_rate: "20",
      featured: headers === "tr" ? "hayir" : "false",
      description: "El yapımı seramik kupa.",
      sku: "KP-350",
      price: dec("1299.00"),
      stock: "5",
      weight_grams: "400",
      desi: dec("2"),
    },
  ];
  return [
    COLUMN_KEYS.map((key) => (headers === "tr" ? TURKISH_HEADERS[key] : key)),
    ...rows.map((r) => COLUMN_KEYS.map((key) => r[key] ?? "")),
  ];
}

// --- import -------------------------------------------------------------------------------------

export type ImportMode = "upsert" | "create-only";

export interface ImportContext {
  db: Db;
  tenantId: string;
  jobs: Jobs;
  cache: MemoCache;
  /** Who imports (the one audit event of the import; brands it creates are audited too). */
  actor?: AuditContext;
  limits?: { maxImages: number; maxVideos: number };
  log?: { error(obj: object, msg: string): void };
}

export interface ImportOptions {
  dryRun?: boolean;
  mode?: ImportMode;
  maxRows?: number;
  delimiter?: Delimiter;
  /** File name for the audit trail. */
  filename?: string;
}

export interface ImportReport {
  dryRun: boolean;
  mode: ImportMode;
  /** Products (handles) in the file. */
  products: number;
  /** Variant rows read. */
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Problems, in line order (at most REPORT_MAX_ROWS; see `truncated`). */
  rows: ImportRowError[];
  truncated: boolean;
  /** Brands the import creates (or would create, in a dry run). */
  newBrands: string[];
  delimiter: Delimiter;
  encoding: ParsedCsv["encoding"];
  ignoredColumns: string[];
  durationMs: number;
}

interface Group {
  handle: string;
  rows: CsvRow[];
}

/** What one product of the file turns into. */
type Plan =
  | { kind: "create"; input: ProductInputRaw; brandName: string | null }
  | { kind: "update"; id: string; patch: Partial<ProductInputRaw>; brandName: string | null }
  | { kind: "unchanged"; id: string };

const FIELD_OF_INPUT: Record<string, ColumnKey> = {
  title: "title",
  slug: "handle",
  description: "description",
  status: "status",
  kind: "kind",
  externalUrl: "external_url",
  brandId: "brand",
  categoryId: "category",
  tags: "tags",
  options: "option1_name",
  vatRate: "vat_rate",
  featured: "featured",
  seoTitle: "seo_title",
  seoDescription: "seo_description",
  media: "media_ids",
  sku: "sku",
  barcode: "barcode",
  price: "price",
  compareAtPrice: "compare_at_price",
  stock: "stock",
  weightGrams: "weight_grams",
  desi: "desi",
  mediaIndex: "variant_media_id",
};

/** A stable code for a validation message of productInputSchema (the admin translates codes). */
function codeOf(path: (string | number)[], message: string, zodCode?: string): string {
  const field = String(path.at(-1) ?? "");
  if (/above price/.test(message)) return "compare_at_below_price";
  if (/GTIN/.test(message)) return "invalid_barcode";
  if (/external product needs/.test(message)) return "external_url_required";
  if (/choose one of/.test(message)) return "option_value_missing";
  if (/not an option of the product/.test(message)) return "option_name_missing";
  if (/same option values/.test(message)) return "duplicate_variant";
  if (/SKU used twice|already uses this SKU/.test(message)) return "sku_duplicate";
  if (/without options has exactly one variant/.test(message)) return "options_required";
  if (/option names must differ/.test(message)) return "duplicate_option";
  if (field === "slug" || /address/.test(message)) return "invalid_handle";
  if (/media|picture|image|video/i.test(message)) return "invalid_media";
  if (zodCode === "too_big") return "too_long";
  if (zodCode === "too_small") return field === "title" ? "title_too_short" : "too_small";
  return "invalid";
}

class ImportRun {
  private readonly errors: ImportRowError[] = [];
  private errorCount = 0;
  private readonly file: ParsedCsv;
  private readonly columnName: (key: ColumnKey) => string;
  constructor(file: ParsedCsv, columnName: (key: ColumnKey) => string) {
    this.file = file;
    this.columnName = columnName;
  }

  add(line: number, handle: string, key: ColumnKey | "", code: string, message: string) {
    this.errorCount++;
    if (this.errors.length < REPORT_MAX_ROWS) this.errors.push({ line, handle, field: key ? this.columnName(key) : "", code, message });
  }
  /** Problems found so far, listed or not. */
  get count() {
    return this.errorCount;
  }
  get rows() {
    return [...this.errors].sort((a, b) => a.line - b.line);
  }
  get truncated() {
    return this.errorCount > this.errors.length;
  }
  get parsed() {
    return this.file;
  }
}

/** Maps a validation or save error of one product to report rows on the lines of its variants. */
function reportIssues(
  run: ImportRun,
  group: Group,
  issues: { path: (string | number)[]; message: string; code?: string }[],
  optionNames: string[],
) {
  const first = group.rows[0]?.line ?? 0;
  for (const issue of issues) {
    const [head, index, sub, optionName] = issue.path;
    let line = first;
    let key: ColumnKey | "" = "";
    if (head === "variants" && typeof index === "number") {
      line = group.rows[index]?.line ?? first;
      if (sub === "options") {
        const at = typeof optionName === "string" ? optionNames.indexOf(optionName) : -1;
        key = OPTION_COLUMNS[Math.max(0, at)]?.[1] ?? "option1_value";
      } else key = FIELD_OF_INPUT[String(sub)] ?? "";
    } else if (head === "variants") {
      key = index === "sku" ? "sku" : "";
    } else key = FIELD_OF_INPUT[String(head)] ?? "";
    run.add(line, group.handle, key, codeOf(issue.path, issue.message, issue.code), issue.message);
  }
}

/** The value a product-level column has for a group: undefined when the file has no such column. */
function productCell(run: ImportRun, group: Group, key: ColumnKey): { value: string | undefined; ok: boolean } {
  const index = run.parsed.columns[key];
  if (index === undefined) return { value: undefined, ok: true };
  let value = "";
  let line = 0;
  for (const row of group.rows) {
    const cell = row.cells[index] ?? "";
    if (!cell) continue;
    if (!value) {
      value = cell;
      line = row.line;
    } else if (cell !== value) {
      run.add(
        row.line,
        group.handle,
        key,
        "conflicting_value",
        `The rows of one product disagree: "${cell}" here, "${value}" on line ${line}.`,
      );
      return { value, ok: false };
    }
  }
  return { value, ok: true };
}

const variantCell = (run: ImportRun, row: CsvRow, key: ColumnKey): string | undefined => {
  const index = run.parsed.columns[key];
  return index === undefined ? undefined : (row.cells[index] ?? "");
};

interface Lookups {
  existing: Map<string, StoredProduct>;
  categories: CategoryIndex;
  /** Brand id by slug and by folded name. */
  brands: Map<string, string>;
  /** Product id of each SKU already in the store. */
  skuOwner: Map<string, string>;
  /** Kind of each media asset of the store that the file names. */
  assets: Map<string, string>;
}

const brandKeys = (name: string) => [`slug:${slugify(name)}`, `name:${asciiFold(name)}`];

function findBrand(lookups: Lookups, name: string): string | null {
  for (const key of brandKeys(name)) {
    const id = lookups.brands.get(key);
    if (id) return id;
  }
  return null;
}

/** Turns one handle's rows into a create, an update or nothing; problems go to the report. */
async function planProduct(
  run: ImportRun,
  group: Group,
  lookups: Lookups,
  mode: ImportMode,
  seenSkus: Map<string, { handle: string; line: number }>,
): Promise<Plan | null> {
  const before = run.count;
  const errorsBefore = () => run.count > before;
  const first = group.rows[0] as CsvRow;
  const current = lookups.existing.get(group.handle) ?? null;
  if (current && mode === "create-only") {
    run.add(
      first.line,
      group.handle,
      "handle",
      "handle_exists",
      `A product with the address "${group.handle}" exists already (create-only import).`,
    );
    return null;
  }
  const has = (key: ColumnKey) => run.parsed.columns[key] !== undefined;
  const cell = (key: ColumnKey) => productCell(run, group, key).value;
  const use = <T>(key: ColumnKey, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    run.add(first.line, group.handle, key, parsed.code, parsed.message);
    return undefined;
  };
  const fields: Partial<ProductInputRaw> = {};
  const title = cell("title");
  if (title !== undefined && (title || !current)) fields.title = title;
  if (!current && !title) run.add(first.line, group.handle, "title", "required", "A new product needs a title.");
  const description = cell("description");
  if (description !== undefined) fields.description = description;
  // An empty status, kind, KDV rate or featured cell keeps what the product has (a new one gets the default).
  const status = cell("status");
  if (status) {
    const v = use("status", parseWord(status, STATUS_WORDS, "invalid_status", "status"));
    if (v) fields.status = v;
  }
  const kind = cell("kind");
  if (kind) {
    const v = use("kind", parseWord(kind, KIND_WORDS, "invalid_kind", "kind"));
    if (v) fields.kind = v;
  }
  const externalUrl = cell("external_url");
  if (externalUrl !== undefined) fields.externalUrl = externalUrl || null;
  const tags = cell("tags");
  if (tags !== undefined) fields.tags = [...new Set(splitList(tags))];
  const vat = cell("vat_rate");
  if (vat) {
    const v = use("vat_rate", parseVatRate(vat));
    if (v !== undefined && v !== null) fields.vatRate = v;
  }
  const featured = cell("featured");
  if (featured) {
    const v = use("featured", parseBoolean(featured));
    if (v !== undefined) fields.featured = v;
  }
  const seoTitle = cell("seo_title");
  if (seoTitle !== undefined) fields.seoTitle = seoTitle || null;
  const seoDescription = cell("seo_description");
  if (seoDescription !== undefined) fields.seoDescription = seoDescription || null;

  let brandName: string | null = null;
  const brand = cell("brand");
  if (brand !== undefined) {
    if (!brand) fields.brandId = null;
    else {
      const id = findBrand(lookups, brand);
      if (id) fields.brandId = id;
      else brandName = brand; // created when the product is saved
    }
  }
  const category = cell("category");
  if (category !== undefined) {
    if (!category) fields.categoryId = null;
    else {
      const found = lookups.categories.resolve(category);
      if (found) fields.categoryId = found.id;
      else
        run.add(
          first.line,
          group.handle,
          "category",
          "category_not_found",
          `No category "${category}" in this store: create it first, or use an existing path such as "giyim/kadin".`,
        );
    }
  }

  // media: ids of the store's library, in order
  let media = current?.media ?? [];
  const mediaCell = cell("media_ids");
  if (mediaCell !== undefined) {
    const ids = splitList(mediaCell);
    const wrong = ids.filter((id) => !UUID_RE.test(id) || !lookups.assets.has(id.toLowerCase()));
    if (wrong.length > 0)
      run.add(
        first.line,
        group.handle,
        "media_ids",
        "media_not_found",
        `Not in this store's media library: ${wrong.join(", ")}. Upload the files in Admin › Media and use their ids.`,
      );
    media = ids.map((id) => ({ assetId: id.toLowerCase(), alt: current?.media.find((m) => m.assetId === id.toLowerCase())?.alt ?? "" }));
    fields.media = media;
  }

  // options: names per product, values per row
  const optionColumnsPresent = OPTION_COLUMNS.some(([name, value]) => has(name) || has(value));
  const optionNames: string[] = [];
  if (optionColumnsPresent) {
    for (const [nameKey] of OPTION_COLUMNS) {
      const name = cell(nameKey) ?? "";
      optionNames.push(name);
    }
  }

  // variants: one per row, matched to the stored ones by SKU, then by options, then by position
  const variantColumnsPresent = [...VARIANT_COLUMNS].some(has) || optionColumnsPresent;
  const stored = current?.variants ?? [];
  const used = new Set<string>();
  const optionValueOrder = new Map<string, string[]>();
  const variants: NonNullable<ProductInputRaw["variants"]> = [];
  if (variantColumnsPresent || !current) {
    for (const row of group.rows) {
      const v = (key: ColumnKey) => variantCell(run, row, key);
      const fail = (key: ColumnKey, parsed: Parsed<unknown>) => {
        if (!parsed.ok) run.add(row.line, group.handle, key, parsed.code, parsed.message);
      };
      let options: Record<string, string> | undefined;
      if (optionColumnsPresent) {
        options = {};
        OPTION_COLUMNS.forEach(([nameKey, valueKey], i) => {
          const name = optionNames[i] ?? "";
          const value = v(valueKey) ?? "";
          if (name && !value)
            run.add(
              row.line,
              group.handle,
              valueKey,
              "option_value_missing",
              `The option "${name}" needs a value on every row of the product.`,
            );
          else if (!name && value)
            run.add(row.line, group.handle, nameKey, "option_name_missing", `"${value}" has no option name: fill ${nameKey}.`);
          else if (name && value) {
            (options as Record<string, string>)[name] = value;
            const order = optionValueOrder.get(name) ?? [];
            if (!order.includes(value)) order.push(value);
            optionValueOrder.set(name, order);
          }
        });
      }
      const sku = v("sku");
      const match =
        (sku ? stored.find((s) => s.sku === sku && !used.has(s.id)) : undefined) ??
        (options ? stored.find((s) => !used.has(s.id) && sameOptions(s.options, options as Record<string, string>)) : undefined) ??
        (!optionColumnsPresent && !sku ? stored.filter((s) => !used.has(s.id))[0] : undefined);
      if (match) used.add(match.id);
      const price = v("price") === undefined ? undefined : parsePrice(v("price") as string);
      const compare = v("compare_at_price") === undefined ? undefined : parsePrice(v("compare_at_price") as string);
      const stock = v("stock") === undefined ? undefined : parseWhole(v("stock") as string);
      const weight = v("weight_grams") === undefined ? undefined : parseWhole(v("weight_grams") as string);
      const desi = v("desi") === undefined ? undefined : parseDecimal(v("desi") as string);
      for (const [key, parsed] of [
        ["price", price],
        ["compare_at_price", compare],
        ["stock", stock],
        ["weight_grams", weight],
        ["desi", desi],
      ] as const)
        if (parsed) fail(key, parsed);
      const value = <T>(parsed: Parsed<T> | undefined, fallback: T): T => (parsed?.ok ? parsed.value : fallback);
      // An empty price or stock keeps the variant's own (a price is required, a stock of 0 is written as 0).
      const kept = <T>(parsed: Parsed<T | null> | undefined, fallback: T | null): T | null =>
        parsed?.ok && parsed.value !== null ? parsed.value : fallback;
      const priceValue = kept(price, match?.price ?? null);
      if (priceValue === null && (!price || price.ok)) run.add(row.line, group.handle, "price", "required", "Every variant needs a price.");
      // the variant's picture: its own column, else the stored one (re-pointed if the media list changed)
      let mediaIndex = match?.mediaIndex ?? null;
      if (mediaIndex !== null && current && fields.media) {
        const asset = current.media[mediaIndex]?.assetId;
        const at = media.findIndex((m) => m.assetId === asset);
        mediaIndex = at >= 0 ? at : null;
      }
      const variantMedia = v("variant_media_id");
      if (variantMedia !== undefined) {
        if (!variantMedia) mediaIndex = null;
        else {
          const at = media.findIndex((m) => m.assetId === variantMedia.toLowerCase());
          if (at < 0)
            run.add(
              row.line,
              group.handle,
              "variant_media_id",
              "variant_media_not_in_product",
              "The variant's picture must be one of the product's media_ids.",
            );
          mediaIndex = at >= 0 ? at : null;
        }
      }
      const barcode = v("barcode");
      const skuValue = sku === undefined ? (match?.sku ?? null) : sku || null;
      if (skuValue) {
        const seen = seenSkus.get(skuValue);
        if (seen)
          run.add(row.line, group.handle, "sku", "sku_duplicate", `SKU "${skuValue}" is also on line ${seen.line} (${seen.handle}).`);
        else seenSkus.set(skuValue, { handle: group.handle, line: row.line });
        const owner = lookups.skuOwner.get(skuValue);
        if (owner && owner !== current?.id)
          run.add(row.line, group.handle, "sku", "sku_taken", `SKU "${skuValue}" belongs to another product of the store.`);
      }
      variants.push({
        ...(match ? { id: match.id } : {}),
        options: options ?? match?.options ?? {},
        sku: skuValue,
        barcode: barcode === undefined ? (match?.barcode ?? null) : barcode || null,
        price: priceValue ?? 0,
        compareAtPrice: value(compare, match?.compareAtPrice ?? null),
        stock: kept(stock, match?.stock ?? 0) ?? 0,
        weightGrams: value(weight, match?.weightGrams ?? null),
        desi: value(desi, match?.desi ?? null),
        mediaIndex,
      });
    }
    fields.variants = variants;
    if (optionColumnsPresent) {
      // values keep the order the product had, new ones follow in the file's order
      fields.options = optionNames.filter(Boolean).map((name) => {
        const inFile = optionValueOrder.get(name) ?? [];
        const known = current?.options.find((o) => o.name === name)?.values.filter((value) => inFile.includes(value)) ?? [];
        return { name, values: [...known, ...inFile.filter((value) => !known.includes(value))] };
      });
    }
  }
  if (errorsBefore()) return null;

  // Validate the whole product as it will be saved, with the shared schema.
  const merged = current ? { ...editable(current), ...fields } : { ...fields, slug: group.handle };
  if (brandName) (merged as ProductInputRaw).brandId = "00000000-0000-4000-8000-000000000000"; // placeholder: created on save
  const parsed = productInputSchema.safeParse(merged);
  if (!parsed.success) {
    reportIssues(
      run,
      group,
      parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message, code: i.code })),
      optionNames.length ? optionNames : (current?.options.map((o) => o.name) ?? []),
    );
    return null;
  }
  if (!current) return { kind: "create", input: { ...fields, slug: group.handle } as ProductInputRaw, brandName };
  if (!brandName) {
    const now = productInputSchema.safeParse(editable(current));
    if (now.success && (await comparable(now.data)) === (await comparable(parsed.data))) return { kind: "unchanged", id: current.id };
  }
  return { kind: "update", id: current.id, patch: fields, brandName };
}

const sameOptions = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The stored product in the shape productInputSchema takes. */
function editable(p: StoredProduct): ProductInputRaw {
  const { id: _id, slug, ...rest } = p;
  return { ...(rest as unknown as ProductInputRaw), slug };
}

/** A product input as it would be stored, as text: equal texts mean saving changes nothing. */
async function comparable(input: ProductInput): Promise<string> {
  return canonical({
    ...input,
    description: await sanitizeDescription(input.description),
    tags: [...new Set(input.tags)],
    externalUrl: input.kind === "external" ? input.externalUrl : null,
    variants: input.variants.map((v) => ({
      ...v,
      compareAtPrice: v.compareAtPrice && v.compareAtPrice > v.price ? v.compareAtPrice : null,
    })),
  });
}

/** JSON with object keys sorted and undefined/null alike. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v === undefined) return null;
    if (v && typeof v === "object" && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    return v;
  });
}

async function lookupsFor(db: Db, tenantId: string, groups: Group[], file: ParsedCsv): Promise<Lookups> {
  const handles = groups.map((g) => g.handle);
  const skuIndex = file.columns.sku;
  const mediaIndex = file.columns.media_ids;
  const skus = skuIndex === undefined ? [] : [...new Set(file.rows.map((r) => r.cells[skuIndex] ?? "").filter(Boolean))];
  const assetIds =
    mediaIndex === undefined
      ? []
      : [
          ...new Set(
            file.rows
              .flatMap((r) => splitList(r.cells[mediaIndex] ?? ""))
              .filter((id) => UUID_RE.test(id))
              .map((id) => id.toLowerCase()),
          ),
        ];
  const [categoryIndex, brandRows] = await Promise.all([loadCategories(db, tenantId), loadBrands(db, tenantId)]);
  const existing = new Map<string, StoredProduct>();
  for (const part of chunks(handles)) {
    const rows = await db
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenantId), inArray(products.slug, part)));
    for (const p of await withDetails(db, tenantId, rows)) existing.set(p.slug, p);
  }
  const skuOwner = new Map<string, string>();
  for (const part of chunks(skus)) {
    const rows = await db
      .select({ sku: productVariants.sku, productId: productVariants.productId })
      .from(productVariants)
      .where(and(eq(productVariants.tenantId, tenantId), inArray(productVariants.sku, part)));
    for (const r of rows) if (r.sku) skuOwner.set(r.sku, r.productId);
  }
  const assets = new Map<string, string>();
  for (const part of chunks(assetIds)) {
    const rows = await db
      .select({ id: mediaAssets.id, kind: mediaAssets.kind })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.tenantId, tenantId), inArray(mediaAssets.id, part)));
    for (const r of rows) assets.set(r.id, r.kind);
  }
  const brandMap = new Map<string, string>();
  for (const b of brandRows) {
    brandMap.set(`slug:${b.slug}`, b.id);
    brandMap.set(`name:${asciiFold(b.name)}`, b.id);
  }
  return { existing, categories: categoryIndex, brands: brandMap, skuOwner, assets };
}

/** Rows grouped by handle (the handle column, else the title made into an address), in the file's order. */
function groupRows(run: ImportRun): Group[] {
  const { columns, rows } = run.parsed;
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const given = columns.handle === undefined ? "" : (row.cells[columns.handle] ?? "");
    const title = columns.title === undefined ? "" : (row.cells[columns.title] ?? "");
    const handle = slugify(given || title, { maxLength: 160 });
    if (!handle) {
      run.add(
        row.line,
        "",
        given ? "handle" : "title",
        "handle_missing",
        given ? `"${given}" cannot be made into an address.` : "The row has neither a handle nor a title.",
      );
      continue;
    }
    const group = groups.get(handle) ?? { handle, rows: [] };
    group.rows.push(row);
    groups.set(handle, group);
  }
  return [...groups.values()];
}

/** Thrown inside a dry run's transaction to undo what the save did. */
class DryRunRollback extends Error {}

function saveIssues(error: unknown): { path: (string | number)[]; message: string }[] | null {
  if (!(error instanceof HttpError)) return null;
  if (error.errors?.length)
    return error.errors.map((e) => ({ path: e.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: e.message }));
  return [{ path: [], message: error.message }];
}

/**
 * Imports a product CSV: every product is validated, then created, updated or left alone (when
 * nothing differs), each in its own transaction so that one bad product does not stop the rest.
 * A dry run does the same work and rolls every transaction back.
 */
export async function importProducts(ctx: ImportContext, data: Uint8Array | string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const mode = options.mode ?? "upsert";
  const file = readCsv(data, { maxRows: options.maxRows, delimiter: options.delimiter });
  const headerOf = (key: ColumnKey) => {
    const index = file.columns[key];
    return index === undefined ? key : (file.headers[index] ?? key);
  };
  const run = new ImportRun(file, headerOf);
  const groups = groupRows(run);
  const lookups = await lookupsFor(ctx.db, ctx.tenantId, groups, file);
  const seenSkus = new Map<string, { handle: string; line: number }>();
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const newBrands = new Set<string>();
  let toProject: string[] = [];
  const failedHandles = new Set<string>();
  for (const row of run.rows) if (!row.handle) counts.failed++;

  for (const group of groups) {
    const plan = await planProduct(run, group, lookups, mode, seenSkus);
    if (!plan) {
      counts.failed++;
      failedHandles.add(group.handle);
      continue;
    }
    if (plan.kind === "unchanged") {
      counts.unchanged++;
      continue;
    }
    try {
      const save = async (db: Db) => {
        const write = { db, tenantId: ctx.tenantId, jobs: ctx.jobs, cache: ctx.cache, limits: ctx.limits, projectInline: false };
        let brandId: string | undefined;
        if (plan.brandName) brandId = await ensureBrand(db, ctx, plan.brandName);
        const result =
          plan.kind === "create"
            ? await createProduct(write, { ...plan.input, ...(brandId ? { brandId } : {}) })
            : await updateProduct(write, plan.id, { ...plan.patch, ...(brandId ? { brandId } : {}) });
        if (dryRun) throw new DryRunRollback();
        return { id: result.id, brandId };
      };
      // The write functions run their own transaction; an outer one is needed only to create the
      // brand with the product, or to roll a dry run back.
      const saved = plan.brandName || dryRun ? await ctx.db.transaction(save) : await save(ctx.db);
      if (plan.brandName && saved.brandId) for (const key of brandKeys(plan.brandName)) lookups.brands.set(key, saved.brandId);
      if (plan.brandName) newBrands.add(plan.brandName);
      counts[plan.kind === "create" ? "created" : "updated"]++;
      toProject.push(saved.id);
      if (toProject.length >= PROJECT_EVERY) {
        await projectNow(ctx.db, ctx.tenantId, toProject, { cache: ctx.cache });
        toProject = [];
      }
    } catch (error) {
      if (error instanceof DryRunRollback) {
        if (plan.brandName) newBrands.add(plan.brandName);
        counts[plan.kind === "create" ? "created" : "updated"]++;
        continue;
      }
      const issues = saveIssues(error);
      if (issues) reportIssues(run, group, issues, []);
      else {
        ctx.log?.error({ err: error, handle: group.handle }, "csv import: a product could not be saved");
        run.add(
          group.rows[0]?.line ?? 0,
          group.handle,
          "",
          "save_failed",
          "The product could not be saved because of an error on our side; the rest of the file went on.",
        );
      }
      counts.failed++;
      failedHandles.add(group.handle);
    }
  }
  if (toProject.length > 0) await projectNow(ctx.db, ctx.tenantId, toProject, { cache: ctx.cache });

  const report: ImportReport = {
    dryRun,
    mode,
    products: groups.length,
    totalRows: file.rows.length,
    ...counts,
    rows: run.rows,
    truncated: run.truncated,
    newBrands: [...newBrands],
    delimiter: file.delimiter,
    encoding: file.encoding,
    ignoredColumns: file.ignoredColumns,
    durationMs: Math.round(performance.now() - started),
  };
  if (!dryRun && ctx.actor) {
    await recordAudit(ctx.db, {
      ...ctx.actor,
      tenantId: ctx.tenantId,
      type: "product.import",
      targetType: "product",
      summary: `${options.filename ?? "CSV"}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`,
      after: { ...counts, rows: file.rows.length, mode, ...(options.filename ? { file: options.filename } : {}) },
    });
  }
  return report;
}

/** The brand's id, creating it (in the product's transaction) when the store has none by that name. */
async function ensureBrand(tx: Db, ctx: ImportContext, name: string): Promise<string> {
  try {
    const created = await createBrand({ db: tx, tenantId: ctx.tenantId, jobs: ctx.jobs, cache: ctx.cache, actor: ctx.actor }, { name });
    return created.id;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.statusCode !== 409) throw new HttpError(422, error.message, { errors: [{ path: "brandId", message: error.message }] });
    const [row] = await tx
      .select({ id: brands.id })
      .from(brands)
      .where(and(eq(brands.tenantId, ctx.tenantId), sql`lower(${brands.name}) = ${name.toLocaleLowerCase("tr-TR")}`));
    if (!row) throw error;
    return row.id;
  }
}
