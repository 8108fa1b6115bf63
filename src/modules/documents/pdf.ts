// PDFs of the order documents: the legal texts, the invoice and the packing slip. pdfkit and the
// DejaVu fonts (which cover Turkish letters and ₺) are loaded on first use, so server start-up does
// not pay for them. Fonts come from the dejavu-fonts-ttf package, never from the system.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { multiplyMoney } from "../../platform/money.ts";
import {
  DEFAULT_SERVICE_VAT_RATE,
  DocumentDataError,
  type DocumentFormat,
  documentFormat,
  documentVatItems,
  itemizeVat,
  parseOrderDocumentData,
} from "./document-data.ts";
import type { LegalDocument, LegalTable } from "./legal.ts";
import type { OrderDocumentData } from "./types.ts";

type Doc = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Library and fonts, loaded once on first use

const FONT_FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  cond: "DejaVuSansCondensed.ttf",
  condBold: "DejaVuSansCondensed-Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

let fontsPromise: Promise<Record<FontName, Buffer>> | undefined;

function loadFonts(): Promise<Record<FontName, Buffer>> {
  fontsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const entries = await Promise.all(
      (Object.keys(FONT_FILES) as FontName[]).map(async (name) => [name, await readFile(path.join(dir, FONT_FILES[name]))] as const),
    );
    return Object.fromEntries(entries) as Record<FontName, Buffer>;
  })().catch((error: unknown) => {
    fontsPromise = undefined;
    throw error;
  });
  return fontsPromise;
}

const COLOR = {
  text: "#111827",
  muted: "#4b5563",
  rule: "#d1d5db",
  band: "#f3f4f6",
  accent: "#1f2937",
  noteBg: "#fef3c7",
  noteBorder: "#f59e0b",
};

const A4 = { width: 595.28, height: 841.89 };
const FOOTER_OFFSET = 30;
/** Longest cell text printed in a table row, so a hostile title cannot make a row taller than a page. */
const MAX_CELL_CHARS = 400;

interface Page {
  doc: Doc;
  left: number;
  width: number;
  right: number;
}

async function createPdf(meta: { title: string; author: string; subject: string; locale: "tr" | "en"; date: string; margin: number }) {
  const [{ default: PDFDocument }, fonts] = await Promise.all([import("pdfkit"), loadFonts()]);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: meta.margin, left: meta.margin, right: meta.margin, bottom: meta.margin + 16 },
    bufferPages: true,
    pdfVersion: "1.7",
    lang: meta.locale === "tr" ? "tr-TR" : "en-GB",
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Creator: "Kervan", CreationDate: new Date(meta.date) },
  });
  for (const name of Object.keys(fonts) as FontName[]) doc.registerFont(name, fonts[name]);
  doc.font("cond").fontSize(10).fillColor(COLOR.text);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const page: Page = { doc, left: meta.margin, width: A4.width - 2 * meta.margin, right: A4.width - meta.margin };
  return {
    page,
    finish(): Promise<Buffer> {
      doc.end();
      return done;
    },
  };
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when `height` does not fit below the cursor; returns true when it did. */
function ensureSpace(page: Page, height: number, onNewPage?: () => void): boolean {
  if (page.doc.y + height <= bottomLimit(page.doc)) return false;
  page.doc.addPage();
  onNewPage?.();
  return true;
}

function clip(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

function hr(page: Page, y: number, color = COLOR.rule, width = 0.6): void {
  page.doc.save().moveTo(page.left, y).lineTo(page.right, y).lineWidth(width).strokeColor(color).stroke().restore();
}

/** Page numbers and a left-hand label on every page, drawn once all pages exist. */
function stampFooters(page: Page, label: string, pageWord: string): void {
  const { doc } = page;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - FOOTER_OFFSET;
    hr(page, y - 6);
    doc.font("cond").fontSize(7.5).fillColor(COLOR.muted);
    doc.text(label, page.left, y, { width: page.width * 0.75, lineBreak: false, ellipsis: true });
    doc.text(`${pageWord} ${i - range.start + 1} / ${range.count}`, page.left, y, { width: page.width, align: "right", lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.fillColor(COLOR.text);
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Column {
  label: string;
  width: number;
  align: "left" | "right" | "center";
}

interface Cell {
  text: string;
  /** Muted smaller lines under the text (variant, SKU, a line's discount). */
  sub?: string[];
  bold?: boolean;
  /** Draw an empty tick box instead of text (packing slip). */
  checkbox?: boolean;
}

interface TableStyle {
  font: FontName;
  boldFont: FontName;
  size: number;
  subSize: number;
  headerSize: number;
  padX: number;
  padY: number;
}

function cellHeight(doc: Doc, cell: Cell, width: number, style: TableStyle): number {
  doc.font(cell.bold ? style.boldFont : style.font).fontSize(style.size);
  let h = cell.checkbox ? style.size : doc.heightOfString(clip(cell.text) || " ", { width });
  if (cell.sub && cell.sub.length > 0) {
    doc.font(style.font).fontSize(style.subSize);
    for (const s of cell.sub) h += doc.heightOfString(clip(s) || " ", { width });
  }
  return h;
}

function drawTableHeader(page: Page, columns: Column[], style: TableStyle): void {
  const { doc } = page;
  doc.font(style.boldFont).fontSize(style.headerSize);
  const heights = columns.map((c) => doc.heightOfString(c.label, { width: c.width - 2 * style.padX }));
  const h = Math.max(...heights) + 2 * style.padY;
  const y = doc.y;
  doc.save().rect(page.left, y, page.width, h).fill(COLOR.band).restore();
  let x = page.left;
  doc.fillColor(COLOR.accent);
  for (const c of columns) {
    doc.text(c.label, x + style.padX, y + style.padY, { width: c.width - 2 * style.padX, align: c.align });
    x += c.width;
  }
  hr(page, y + h, COLOR.muted, 0.8);
  doc.fillColor(COLOR.text);
  doc.y = y + h;
}

/**
 * Draws a table row by row. A row never splits: when it does not fit, a new page starts, `onNewPage`
 * draws whatever that page needs on top and the column header is repeated.
 */
function drawTable(page: Page, columns: Column[], rows: Cell[][], style: TableStyle, onNewPage?: () => void): void {
  const { doc } = page;
  ensureSpace(page, 40, onNewPage);
  drawTableHeader(page, columns, style);
  for (const row of rows) {
    const inner = columns.map((c) => c.width - 2 * style.padX);
    const h = Math.max(...row.map((cell, i) => cellHeight(doc, cell, inner[i] ?? 10, style))) + 2 * style.padY;
    if (
      ensureSpace(page, h, () => {
        onNewPage?.();
      })
    ) {
      drawTableHeader(page, columns, style);
    }
    const y = doc.y;
    let x = page.left;
    row.forEach((cell, i) => {
      const col = columns[i];
      if (!col) return;
      const w = col.width - 2 * style.padX;
      if (cell.checkbox) {
        const box = style.size;
        doc
          .save()
          .rect(x + (col.width - box) / 2, y + style.padY, box, box)
          .lineWidth(0.8)
          .strokeColor(COLOR.muted)
          .stroke()
          .restore();
      } else {
        doc
          .font(cell.bold ? style.boldFont : style.font)
          .fontSize(style.size)
          .fillColor(COLOR.text);
        doc.text(clip(cell.text), x + style.padX, y + style.padY, { width: w, align: col.align });
        if (cell.sub && cell.sub.length > 0) {
          doc.font(style.font).fontSize(style.subSize).fillColor(COLOR.muted);
          for (const s of cell.sub) doc.text(clip(s), x + style.padX, doc.y, { width: w, align: col.align });
          doc.fillColor(COLOR.text);
        }
      }
      x += col.width;
    });
    hr(page, y + h);
    doc.y = y + h;
  }
}

/** Label/value rows right-aligned under a table (totals). */
function drawSummary(
  page: Page,
  x: number,
  width: number,
  rows: { label: string; value: string; emphasis?: boolean }[],
  style: { font: FontName; boldFont: FontName; size: number },
  valueWidth: number,
  onNewPage?: () => void,
): void {
  const { doc } = page;
  for (const row of rows) {
    doc.font(row.emphasis ? style.boldFont : style.font).fontSize(style.size);
    const labelWidth = width - valueWidth - 8;
    const h = Math.max(doc.heightOfString(row.label, { width: labelWidth }), doc.heightOfString(row.value, { width: valueWidth })) + 6;
    ensureSpace(page, h, onNewPage);
    const y = doc.y;
    if (row.emphasis) {
      doc.save().rect(x, y, width, h).fill(COLOR.band).restore();
      doc
        .save()
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.8)
        .strokeColor(COLOR.muted)
        .stroke()
        .restore();
    }
    doc
      .font(row.emphasis ? style.boldFont : style.font)
      .fontSize(style.size)
      .fillColor(COLOR.text);
    doc.text(row.label, x, y + 3, { width: labelWidth, align: "right" });
    doc.text(row.value, x + width - valueWidth, y + 3, { width: valueWidth - 4, align: "right" });
    doc.y = y + h;
  }
}

// ---------------------------------------------------------------------------------------------
// Legal documents

const LEGAL = { size: 12, heading: 12.5, title: 16 };

function legalTable(page: Page, table: LegalTable): void {
  const totalWeight = table.columns.reduce((s, c) => s + c.weight, 0) || 1;
  const columns: Column[] = table.columns.map((c) => ({ label: c.label, align: c.align, width: (page.width * c.weight) / totalWeight }));
  const rows: Cell[][] = table.rows.map((row) =>
    row.map((text, i) => {
      if (i !== 0) return { text };
      const [first = "", ...rest] = text.split("\n");
      return { text: first, sub: rest };
    }),
  );
  const style: TableStyle = { font: "cond", boldFont: "condBold", size: LEGAL.size, subSize: 10.5, headerSize: 11, padX: 4, padY: 4 };
  drawTable(page, columns, rows, style);
  if (table.summary && table.summary.length > 0) {
    page.doc.y += 4;
    const lastWidth = columns[columns.length - 1]?.width ?? 100;
    drawSummary(
      page,
      page.left,
      page.width,
      table.summary,
      { font: "cond", boldFont: "condBold", size: LEGAL.size },
      Math.max(lastWidth, 110),
    );
  }
  page.doc.y += 6;
}

function legalParagraph(page: Page, text: string, indent = 0, align: "justify" | "left" = "justify"): void {
  const { doc } = page;
  doc.font("cond").fontSize(LEGAL.size).fillColor(COLOR.text);
  ensureSpace(page, doc.currentLineHeight(true) * 2);
  doc.text(text, page.left + indent, doc.y, { width: page.width - indent, align, lineGap: 1.5 });
  doc.y += 5;
}

/** Renders a pre-information form or distance sales contract as an A4 PDF (12 pt text). */
export async function renderLegalPdf(legal: LegalDocument, input: OrderDocumentData): Promise<Buffer> {
  const data = parseOrderDocumentData(input);
  const tr = legal.locale === "tr";
  const { page, finish } = await createPdf({
    title: legal.title,
    author: data.seller.name,
    subject: data.orderNumber ? `${legal.title} – ${data.orderNumber}` : legal.title,
    locale: legal.locale,
    date: data.date,
    margin: 50,
  });
  const { doc } = page;

  doc.font("condBold").fontSize(10).fillColor(COLOR.muted).text(data.seller.name, page.left, doc.y, { width: page.width, align: "center" });
  doc.moveDown(0.4);
  doc.font("sansBold").fontSize(LEGAL.title).fillColor(COLOR.accent).text(legal.title, { width: page.width, align: "center" });
  doc.moveDown(0.2);
  doc.font("cond").fontSize(LEGAL.size).fillColor(COLOR.muted).text(legal.subtitle, { width: page.width, align: "center" });
  doc.moveDown(0.6);
  hr(page, doc.y, COLOR.accent, 1);
  doc.y += 10;

  for (const section of legal.sections) {
    doc.font("condBold").fontSize(LEGAL.heading);
    // Keep a heading with at least three lines of what follows.
    ensureSpace(page, doc.currentLineHeight(true) + 3 * 16);
    doc.fillColor(COLOR.accent).text(section.heading, page.left, doc.y, { width: page.width });
    doc.y += 4;
    doc.fillColor(COLOR.text);

    if (section.fields && section.fields.length > 0) {
      const labelWidth = 150;
      for (const field of section.fields) {
        doc.font("condBold").fontSize(LEGAL.size);
        const hl = doc.heightOfString(field.label, { width: labelWidth - 8 });
        doc.font("cond").fontSize(LEGAL.size);
        const hv = doc.heightOfString(field.value, { width: page.width - labelWidth });
        ensureSpace(page, Math.max(hl, hv));
        const y = doc.y;
        doc.font("condBold").text(field.label, page.left, y, { width: labelWidth - 8 });
        doc.font("cond").text(field.value, page.left + labelWidth, y, { width: page.width - labelWidth });
        doc.y = y + Math.max(hl, hv) + 3;
      }
      doc.y += 4;
    }
    for (const p of section.paragraphs) legalParagraph(page, p);
    for (const item of section.list ?? []) {
      doc.font("cond").fontSize(LEGAL.size);
      ensureSpace(page, doc.currentLineHeight(true) * 2);
      const y = doc.y;
      doc.text("•", page.left + 6, y, { width: 10, lineBreak: false });
      doc.y = y;
      legalParagraph(page, item, 18, "left");
      doc.y -= 2;
    }
    if (section.list && section.list.length > 0) doc.y += 4;
    if (section.table) legalTable(page, section.table);
    for (const p of section.after ?? []) legalParagraph(page, p);
    doc.y += 6;
  }

  const footer = [data.seller.name, legal.title, data.orderNumber].filter(Boolean).join(" · ");
  stampFooters(page, footer, tr ? "Sayfa" : "Page");
  return finish();
}

// ---------------------------------------------------------------------------------------------
// Invoice

function sellerLines(data: OrderDocumentData, t: (tr: string, en: string) => string): string[] {
  const s = data.seller;
  const out = s.address
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const contact = [s.phone && `${t("Tel", "Phone")}: ${s.phone}`, s.email && `${t("E-posta", "E-mail")}: ${s.email}`].filter(Boolean);
  if (contact.length > 0) out.push(contact.join("  ·  "));
  const tax = [
    s.taxOffice && `${t("Vergi dairesi", "Tax office")}: ${s.taxOffice}`,
    s.taxNumber && `${t("Vergi no", "Tax no.")}: ${s.taxNumber}`,
  ].filter(Boolean);
  if (tax.length > 0) out.push(tax.join("  ·  "));
  if (s.mersisNo) out.push(`MERSİS: ${s.mersisNo}`);
  if (s.kepAddress) out.push(`KEP: ${s.kepAddress}`);
  if (s.website) out.push(s.website);
  return out;
}

function buyerLines(data: OrderDocumentData, t: (tr: string, en: string) => string): string[] {
  const b = data.buyer;
  const out: string[] = [];
  if (b.invoiceType === "corporate") {
    if (b.taxOffice) out.push(`${t("Vergi dairesi", "Tax office")}: ${b.taxOffice}`);
    if (b.taxNumber) out.push(`${t("VKN", "Tax no. (VKN)")}: ${b.taxNumber}`);
  } else {
    if (b.tckn) out.push(`${t("T.C. kimlik no", "Turkish ID no.")}: ${b.tckn}`);
    if (b.taxNumber) out.push(`${t("Vergi no", "Tax no.")}: ${b.taxNumber}`);
  }
  out.push(
    ...data.billingAddress
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  );
  if (b.email) out.push(b.email);
  if (b.phone) out.push(b.phone);
  return out;
}

/** Two boxes side by side with a caption, a bold first line and muted lines; returns the bottom y. */
function drawBoxes(page: Page, boxes: { caption: string; title: string; lines: string[] }[], y: number): number {
  const { doc } = page;
  const gap = 12;
  const w = (page.width - gap * (boxes.length - 1)) / boxes.length;
  const pad = 8;
  const heights = boxes.map((b) => {
    doc.font("condBold").fontSize(7.5);
    let h = doc.heightOfString(b.caption, { width: w - 2 * pad }) + 3;
    doc.font("sansBold").fontSize(9.5);
    h += doc.heightOfString(b.title, { width: w - 2 * pad }) + 2;
    doc.font("cond").fontSize(8.5);
    for (const line of b.lines) h += doc.heightOfString(line, { width: w - 2 * pad });
    return h + 2 * pad;
  });
  const h = Math.max(...heights);
  boxes.forEach((b, i) => {
    const x = page.left + i * (w + gap);
    doc.save().roundedRect(x, y, w, h, 3).lineWidth(0.7).strokeColor(COLOR.rule).stroke().restore();
    doc
      .font("condBold")
      .fontSize(7.5)
      .fillColor(COLOR.muted)
      .text(b.caption, x + pad, y + pad, {
        width: w - 2 * pad,
        characterSpacing: 0.4,
      });
    doc.y += 3;
    doc
      .font("sansBold")
      .fontSize(9.5)
      .fillColor(COLOR.text)
      .text(b.title, x + pad, doc.y, { width: w - 2 * pad });
    doc.y += 2;
    doc.font("cond").fontSize(8.5).fillColor(COLOR.text);
    for (const line of b.lines) doc.text(line, x + pad, doc.y, { width: w - 2 * pad });
  });
  doc.fillColor(COLOR.text);
  return y + h;
}

/** Right-aligned key/value pairs in the header (invoice number, dates). */
function drawMeta(page: Page, x: number, y: number, width: number, pairs: [string, string][]): number {
  const { doc } = page;
  let cy = y;
  for (const [k, v] of pairs) {
    doc
      .font("cond")
      .fontSize(8.5)
      .fillColor(COLOR.muted)
      .text(k, x, cy, { width: width * 0.42, lineBreak: false });
    doc.font("condBold").fontSize(8.5).fillColor(COLOR.text);
    const h = doc.heightOfString(v, { width: width * 0.58 });
    doc.text(v, x + width * 0.42, cy, { width: width * 0.58, align: "right" });
    cy += Math.max(h, 11) + 1;
  }
  return cy;
}

function continuationHeader(page: Page, text: string): () => void {
  return () => {
    const { doc } = page;
    doc.font("condBold").fontSize(8.5).fillColor(COLOR.muted).text(text, page.left, doc.y, { width: page.width, align: "right" });
    doc.fillColor(COLOR.text);
    doc.y += 6;
  };
}

/**
 * The invoice as a PDF: seller and buyer blocks, one row per line plus shipping and the payment fee
 * with their KDV, the KDV breakdown by rate and the totals. Not an e-Arşiv invoice (that needs an
 * integrator), and it says so.
 */
export async function renderInvoicePdf(input: OrderDocumentData & { invoiceNumber: string }): Promise<Buffer> {
  const invoiceNumber = typeof input?.invoiceNumber === "string" ? input.invoiceNumber.trim() : "";
  if (!invoiceNumber) throw new DocumentDataError(["invoiceNumber: must not be empty"]);
  const data = parseOrderDocumentData(input);
  const f: DocumentFormat = documentFormat(data);
  const t = (tr: string, en: string) => (data.locale === "tr" ? tr : en);
  const title = t("FATURA", "INVOICE");
  const notEArsiv = t("Bu belge e-Arşiv fatura yerine geçmez.", "This document is not an e-Arşiv invoice.");
  const { page, finish } = await createPdf({
    title: `${title} ${invoiceNumber}`,
    author: data.seller.name,
    subject: data.orderNumber ? `${t("Sipariş", "Order")} ${data.orderNumber}` : title,
    locale: data.locale,
    date: data.date,
    margin: 40,
  });
  const { doc } = page;

  // Header: seller on the left, title and numbers on the right.
  const top = doc.y;
  const leftWidth = page.width * 0.56;
  doc.font("sansBold").fontSize(13).fillColor(COLOR.accent).text(data.seller.name, page.left, top, { width: leftWidth });
  doc.y += 3;
  doc.font("cond").fontSize(8.5).fillColor(COLOR.muted);
  for (const line of sellerLines(data, t)) doc.text(line, page.left, doc.y, { width: leftWidth });
  const leftBottom = doc.y;

  const metaX = page.left + page.width * 0.62;
  const metaWidth = page.width * 0.38;
  doc
    .font("sansBold")
    .fontSize(20)
    .fillColor(COLOR.accent)
    .text(title, metaX, top - 2, { width: metaWidth, align: "right" });
  doc.font("condBold").fontSize(7.5).fillColor("#b45309").text(notEArsiv, metaX, doc.y, { width: metaWidth, align: "right" });
  doc.y += 6;
  const pairs: [string, string][] = [
    [t("Fatura no", "Invoice no."), invoiceNumber],
    [t("Fatura tarihi", "Invoice date"), f.date(data.date)],
  ];
  if (data.orderNumber) pairs.push([t("Sipariş no", "Order no."), data.orderNumber]);
  pairs.push([t("Ödeme", "Payment"), data.paymentMethod]);
  const rightBottom = drawMeta(page, metaX, doc.y, metaWidth, pairs);

  let y = Math.max(leftBottom, rightBottom) + 10;
  hr(page, y, COLOR.accent, 1);
  y += 10;
  y = drawBoxes(
    page,
    [
      { caption: t("ALICI", "BILL TO"), title: data.buyer.name, lines: buyerLines(data, t) },
      {
        caption: t("TESLİMAT ADRESİ", "SHIP TO"),
        title: data.buyer.name,
        lines: [
          ...data.shippingAddress
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
          `${t("Gönderim", "Shipping")}: ${data.shippingMethod}`,
        ],
      },
    ],
    y,
  );
  doc.y = y + 14;

  // Lines, then shipping and the payment fee, each with its share of the rate's KDV.
  const items = documentVatItems(data);
  const split = itemizeVat(items, data.vat);
  const columns: Column[] = [
    { label: "#", width: 20, align: "right" },
    { label: t("Ürün / hizmet", "Item / service"), width: 0, align: "left" },
    { label: t("Miktar", "Qty"), width: 38, align: "right" },
    { label: t("Birim fiyat", "Unit price"), width: 68, align: "right" },
    { label: t("KDV %", "VAT %"), width: 36, align: "right" },
    { label: t("KDV tutarı", "VAT"), width: 62, align: "right" },
    { label: t("Tutar (KDV dahil)", "Amount"), width: 74, align: "right" },
  ];
  const fixed = columns.reduce((s, c) => s + c.width, 0);
  const flexCol = columns[1];
  if (flexCol) flexCol.width = page.width - fixed;

  const rows: Cell[][] = data.lines.map((line, i) => {
    const sub: string[] = [];
    if (line.variantLabel) sub.push(line.variantLabel);
    if (line.sku) sub.push(`${t("Stok kodu", "SKU")}: ${line.sku}`);
    const before = multiplyMoney(line.unitPrice, line.quantity);
    if (before > line.total) sub.push(`${t("İndirim", "Discount")}: ${f.minus(before - line.total)}`);
    return [
      { text: String(i + 1) },
      { text: line.title, sub },
      { text: String(line.quantity) },
      { text: f.money(line.unitPrice) },
      { text: f.percent(line.vatRate) },
      { text: f.money(split[i]?.vat ?? 0) },
      { text: f.money(line.total) },
    ];
  });
  let next = data.lines.length;
  if (data.shipping > 0) {
    const rate = data.shippingVatRate ?? DEFAULT_SERVICE_VAT_RATE;
    rows.push([
      { text: String(rows.length + 1) },
      { text: t("Kargo / teslimat bedeli", "Shipping"), sub: [data.shippingMethod] },
      { text: "1" },
      { text: f.money(data.shipping) },
      { text: f.percent(rate) },
      { text: f.money(split[next]?.vat ?? 0) },
      { text: f.money(data.shipping) },
    ]);
    next++;
  }
  if (data.paymentFee > 0) {
    const rate = data.paymentFeeVatRate ?? DEFAULT_SERVICE_VAT_RATE;
    rows.push([
      { text: String(rows.length + 1) },
      { text: t("Kapıda ödeme hizmet bedeli", "Cash-on-delivery fee") },
      { text: "1" },
      { text: f.money(data.paymentFee) },
      { text: f.percent(rate) },
      { text: f.money(split[next]?.vat ?? 0) },
      { text: f.money(data.paymentFee) },
    ]);
  }
  const onNewPage = continuationHeader(page, `${title} ${invoiceNumber} – ${t("devam", "continued")}`);
  const tableStyle: TableStyle = { font: "cond", boldFont: "condBold", size: 8.5, subSize: 7.5, headerSize: 7.5, padX: 4, padY: 4 };
  drawTable(page, columns, rows, tableStyle, onNewPage);

  // KDV breakdown (left) and totals (right), kept together.
  const vatRows = data.vat;
  const blockHeight = Math.max(30 + (vatRows.length + 2) * 16, 20 + 7 * 17) + 60;
  if (ensureSpace(page, blockHeight + 14)) onNewPage();
  doc.y += 14;
  const blockTop = doc.y;
  const vatWidth = page.width * 0.48;
  const vatPage: Page = { doc, left: page.left, width: vatWidth, right: page.left + vatWidth };
  doc.font("condBold").fontSize(9).fillColor(COLOR.accent).text(t("KDV DÖKÜMÜ", "VAT BREAKDOWN"), page.left, blockTop, { width: vatWidth });
  doc.y += 3;
  const sumNet = vatRows.reduce((s, r) => s + r.net, 0);
  const sumVat = vatRows.reduce((s, r) => s + r.vat, 0);
  const q = vatWidth / 4;
  drawTable(
    vatPage,
    [
      { label: t("KDV oranı", "VAT rate"), width: q * 0.8, align: "left" },
      { label: t("Matrah", "Net"), width: q * 1.1, align: "right" },
      { label: t("KDV", "VAT"), width: q * 1, align: "right" },
      { label: t("Toplam", "Total"), width: q * 1.1, align: "right" },
    ],
    [
      ...vatRows.map((r) => [
        { text: f.percent(r.rate) },
        { text: f.money(r.net) },
        { text: f.money(r.vat) },
        { text: f.money(r.net + r.vat) },
      ]),
      [
        { text: t("Toplam", "Total"), bold: true },
        { text: f.money(sumNet), bold: true },
        { text: f.money(sumVat), bold: true },
        { text: f.money(sumNet + sumVat), bold: true },
      ],
    ],
    { ...tableStyle, size: 8.5 },
  );
  const vatBottom = doc.y;

  const gross = data.subtotal - data.discount + data.shipping + data.paymentFee;
  const totals: { label: string; value: string; emphasis?: boolean }[] = [
    { label: t("Ürünler toplamı (indirim öncesi)", "Goods before discounts"), value: f.money(data.subtotal) },
  ];
  if (data.discount > 0) {
    totals.push({
      label: data.discountLabel ? `${t("İndirim", "Discount")} (${data.discountLabel})` : t("İndirim", "Discount"),
      value: f.minus(data.discount),
    });
  }
  totals.push({ label: t("Kargo", "Shipping"), value: data.shipping > 0 ? f.money(data.shipping) : t("Ücretsiz", "Free") });
  if (data.paymentFee > 0) totals.push({ label: t("Kapıda ödeme bedeli", "Cash-on-delivery fee"), value: f.money(data.paymentFee) });
  totals.push({ label: t("Toplam KDV", "Total VAT"), value: f.money(sumVat) });
  totals.push({ label: t("Genel toplam (KDV dahil)", "Grand total (incl. VAT)"), value: f.money(gross), emphasis: data.storeCredit === 0 });
  if (data.storeCredit > 0) {
    totals.push({ label: t("Mağaza bakiyesiyle ödenen", "Paid with store credit"), value: f.minus(data.storeCredit) });
    totals.push({ label: t("Ödenecek tutar", "Amount due"), value: f.money(data.total), emphasis: true });
  }
  const totalsX = page.left + page.width * 0.54;
  doc.y = blockTop + 16;
  drawSummary(page, totalsX, page.right - totalsX, totals, { font: "cond", boldFont: "condBold", size: 9 }, 84);
  doc.y = Math.max(doc.y, vatBottom) + 16;

  // The e-Arşiv note and the KDV remark, in a box.
  const notes = [
    notEArsiv,
    t(
      "Fiyatlar KDV dahildir. Resmî fatura, e-Arşiv fatura olarak ayrıca düzenlenir ve e-posta adresinize gönderilir.",
      "Prices include VAT (KDV). The official invoice is issued separately as an e-Arşiv invoice and e-mailed to you.",
    ),
  ];
  doc.font("cond").fontSize(8.5);
  const noteHeight = notes.reduce((h, n) => h + doc.heightOfString(n, { width: page.width - 20 }), 0) + 16;
  ensureSpace(page, noteHeight, onNewPage);
  const ny = doc.y;
  doc.save().rect(page.left, ny, page.width, noteHeight).fill(COLOR.noteBg).restore();
  doc.save().rect(page.left, ny, 3, noteHeight).fill(COLOR.noteBorder).restore();
  doc
    .font("condBold")
    .fontSize(8.5)
    .fillColor(COLOR.text)
    .text(notes[0] ?? "", page.left + 12, ny + 8, { width: page.width - 20 });
  doc
    .font("cond")
    .fontSize(8.5)
    .text(notes[1] ?? "", page.left + 12, doc.y, { width: page.width - 20 });
  doc.y = ny + noteHeight;

  stampFooters(page, `${data.seller.name} · ${title} ${invoiceNumber} · ${notEArsiv}`, t("Sayfa", "Page"));
  return finish();
}

// ---------------------------------------------------------------------------------------------
// Packing slip

/** The packing slip put in the parcel: ship-to address, items and quantities, no prices. */
export async function renderPackingSlipPdf(input: OrderDocumentData): Promise<Buffer> {
  const data = parseOrderDocumentData(input);
  const f = documentFormat(data);
  const t = (tr: string, en: string) => (data.locale === "tr" ? tr : en);
  const title = t("PAKET LİSTESİ", "PACKING SLIP");
  const { page, finish } = await createPdf({
    title: data.orderNumber ? `${title} ${data.orderNumber}` : title,
    author: data.seller.name,
    subject: title,
    locale: data.locale,
    date: data.date,
    margin: 40,
  });
  const { doc } = page;

  const top = doc.y;
  const leftWidth = page.width * 0.56;
  doc.font("sansBold").fontSize(13).fillColor(COLOR.accent).text(data.seller.name, page.left, top, { width: leftWidth });
  doc.y += 3;
  doc.font("cond").fontSize(8.5).fillColor(COLOR.muted);
  for (const line of data.seller.address.split("\n")) doc.text(line.trim(), page.left, doc.y, { width: leftWidth });
  const contact = [data.seller.phone, data.seller.email].filter(Boolean).join("  ·  ");
  if (contact) doc.text(contact, page.left, doc.y, { width: leftWidth });
  const leftBottom = doc.y;

  const metaX = page.left + page.width * 0.62;
  const metaWidth = page.width * 0.38;
  doc
    .font("sansBold")
    .fontSize(18)
    .fillColor(COLOR.accent)
    .text(title, metaX, top - 2, { width: metaWidth, align: "right" });
  doc.y += 6;
  const pairs: [string, string][] = [];
  if (data.orderNumber) pairs.push([t("Sipariş no", "Order no."), data.orderNumber]);
  pairs.push([t("Sipariş tarihi", "Order date"), f.date(data.date)]);
  pairs.push([t("Gönderim", "Shipping"), data.shippingMethod]);
  const rightBottom = drawMeta(page, metaX, doc.y, metaWidth, pairs);

  let y = Math.max(leftBottom, rightBottom) + 10;
  hr(page, y, COLOR.accent, 1);
  y += 10;
  y = drawBoxes(
    page,
    [
      {
        caption: t("GÖNDERİLECEK ADRES", "SHIP TO"),
        title: data.buyer.name,
        lines: [
          ...data.shippingAddress
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
          ...(data.buyer.phone ? [data.buyer.phone] : []),
        ],
      },
    ],
    y,
  );
  doc.y = y + 14;

  const columns: Column[] = [
    { label: "#", width: 22, align: "right" },
    { label: t("Ürün", "Item"), width: 0, align: "left" },
    { label: t("Stok kodu", "SKU"), width: 110, align: "left" },
    { label: t("Adet", "Qty"), width: 44, align: "right" },
    { label: t("Kontrol", "Check"), width: 44, align: "center" },
  ];
  const flexCol = columns[1];
  if (flexCol) flexCol.width = page.width - columns.reduce((s, c) => s + c.width, 0);
  const rows: Cell[][] = data.lines.map((line, i) => [
    { text: String(i + 1) },
    { text: line.title, sub: line.variantLabel ? [line.variantLabel] : [] },
    { text: line.sku ?? "–" },
    { text: String(line.quantity), bold: true },
    { text: "", checkbox: true },
  ]);
  const onNewPage = continuationHeader(page, `${title}${data.orderNumber ? ` ${data.orderNumber}` : ""} – ${t("devam", "continued")}`);
  drawTable(page, columns, rows, { font: "cond", boldFont: "condBold", size: 9.5, subSize: 8, headerSize: 8, padX: 5, padY: 5 }, onNewPage);

  const units = data.lines.reduce((s, l) => s + l.quantity, 0);
  doc.y += 6;
  doc.font("condBold").fontSize(9.5);
  ensureSpace(page, 20, onNewPage);
  doc.text(
    t(`Toplam: ${data.lines.length} kalem, ${units} adet`, `Total: ${data.lines.length} line(s), ${units} item(s)`),
    page.left,
    doc.y,
    { width: page.width, align: "right" },
  );
  doc.y += 14;

  const returnNote = t(
    `Cayma hakkınızı, ürünü teslim aldığınız günden itibaren ${data.withdrawalDays} gün içinde${data.seller.email ? ` ${data.seller.email} adresine` : ""} bildirimde bulunarak kullanabilirsiniz. Ayrıntılar mesafeli satış sözleşmenizdedir.`,
    `You may withdraw within ${data.withdrawalDays} days of receiving the goods by notifying us${data.seller.email ? ` at ${data.seller.email}` : ""}. See your distance sales contract for details.`,
  );
  doc.font("cond").fontSize(8.5);
  const h = doc.heightOfString(returnNote, { width: page.width - 20 }) + 14;
  ensureSpace(page, h, onNewPage);
  const ny = doc.y;
  doc.save().rect(page.left, ny, page.width, h).fill(COLOR.band).restore();
  doc.fillColor(COLOR.text).text(returnNote, page.left + 10, ny + 7, { width: page.width - 20 });
  doc.y = ny + h;

  stampFooters(page, [data.seller.name, title, data.orderNumber].filter(Boolean).join(" · "), t("Sayfa", "Page"));
  return finish();
}
