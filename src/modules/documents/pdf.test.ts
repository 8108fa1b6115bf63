import { readFile } from "node:fs/promises";
import { extractText, extractTextItems, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { DocumentDataError, documentFormat } from "./document-data.ts";
import { distanceSalesContract, preInformationForm } from "./legal.ts";
import { renderInvoicePdf, renderLegalPdf, renderPackingSlipPdf } from "./pdf.ts";
import { type SampleLine, sampleOrder } from "./test-data.ts";

const A4 = { width: 595.28, height: 841.89 };

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Pdf {
  pages: string[];
  items: Item[][];
}

async function readPdf(buffer: Buffer): Promise<Pdf> {
  expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(buffer.subarray(-8).toString("latin1")).toMatch(/%%EOF\s*$/);
  const proxy = await getDocumentProxy(new Uint8Array(buffer));
  const { totalPages, text } = await extractText(proxy, { mergePages: false });
  const { items } = await extractTextItems(proxy);
  expect(text).toHaveLength(totalPages);
  return { pages: text, items: items.map((page) => page.filter((i) => i.str.trim() !== "")) };
}

/** No two text items overlap, and everything but the footer stays inside the margins. */
function expectCleanLayout(pdf: Pdf, margin: number): void {
  pdf.items.forEach((items, pageIndex) => {
    const boxes = items.map((i) => ({ str: i.str, x0: i.x, x1: i.x + i.width, y0: i.y, y1: i.y + i.height * 0.9 }));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a];
        const q = boxes[b];
        if (!p || !q) continue;
        const overlapX = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
        const overlapY = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0);
        if (overlapX > 0.5 && overlapY > 0.5) {
          throw new Error(`page ${pageIndex + 1}: "${p.str}" overlaps "${q.str}"`);
        }
      }
    }
    for (const box of boxes) {
      expect(box.x0, box.str).toBeGreaterThanOrEqual(margin - 0.5);
      // pdf.js counts the word spacing of a justified line's trailing space: allow 1.5 pt.
      expect(box.x1, box.str).toBeLessThanOrEqual(A4.width - margin + 1.5);
      // The footer sits in the bottom band; everything else keeps clear of it.
      if (box.y0 < 40) expect(box.y0, box.str).toBeGreaterThan(10);
      else expect(box.y0, box.str).toBeGreaterThanOrEqual(margin + 16);
    }
  });
  pdf.pages.forEach((text, i) => {
    expect(text).toMatch(new RegExp(`(Sayfa|Page) ${i + 1} / ${pdf.pages.length}`));
  });
}

function bigOrderLines(count: number): SampleLine[] {
  const rates = [0, 1, 10, 20];
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return {
      title:
        i % 7 === 3
          ? `Ürün ${n} Uzun adlı ağır döküm demir tencere seti, ışıl ışıl İznik desenli kapaklı ve çift kulplu özel seri`
          : `Ürün ${n} Şişe ve İğne seti`,
      variantLabel: i % 2 === 0 ? "Renk: Gök Mavisi, Boy: Büyük" : undefined,
      sku: `SKU-${n}`,
      quantity: 1 + (i % 3),
      unitPrice: 10_000 + (i + 1) * 137,
      vatRate: rates[i % rates.length] ?? 20,
    };
  });
}

/** Every row of a big order sits whole on one page: title, SKU and amount together. */
function expectRowsOnOnePage(pdf: Pdf, lines: SampleLine[], amount: (line: SampleLine) => string): void {
  const amounts = lines.map(amount);
  expect(new Set(amounts).size).toBe(lines.length);
  lines.forEach((line) => {
    const sku = line.sku ?? "";
    const page = pdf.items.findIndex((items) => items.some((i) => i.str.includes(sku)));
    expect(page, sku).toBeGreaterThanOrEqual(0);
    const strings = (pdf.items[page] ?? []).map((i) => i.str);
    expect(
      strings.some((s) => s.startsWith(line.title.slice(0, 8))),
      `${sku} title`,
    ).toBe(true);
    expect(strings, `${sku} amount`).toContain(amount(line));
  });
}

describe("renderInvoicePdf", () => {
  it("renders a valid Turkish invoice with KDV lines, the breakdown and the e-Arşiv note", async () => {
    const data = sampleOrder({ storeCredit: 2_000, paymentFee: 1_490 });
    const f = documentFormat(data);
    const pdf = await readPdf(await renderInvoicePdf({ ...data, invoiceNumber: "KRV2026000000042" }));
    expect(pdf.pages).toHaveLength(1);
    const text = pdf.pages.join("\n");
    for (const phrase of [
      "FATURA",
      "KRV2026000000042",
      "Kervan Örnek Ticaret Anonim Şirketi",
      "Vergi dairesi: Göztepe",
      "T.C. kimlik no: 10000000146",
      "Ayşe Gülşen Yıldız",
      "Kadıköy / İstanbul",
      "İğneada Ormanları",
      "Kapıda ödeme hizmet bedeli",
      "KDV DÖKÜMÜ",
      "Bu belge e-Arşiv fatura yerine geçmez.",
    ]) {
      expect(text).toContain(phrase);
    }
    const strings = pdf.items.flat().map((i) => i.str);
    for (const row of data.vat) {
      for (const amount of [f.money(row.net), f.money(row.vat), f.money(row.net + row.vat)]) expect(strings).toContain(amount);
    }
    const gross = data.subtotal - data.discount + data.shipping + data.paymentFee;
    expect(strings).toContain(f.money(gross));
    expect(strings).toContain(f.money(data.total));
    expect(f.money(data.total)).toMatch(/^[\d.]+,\d\d ₺$/);
    expect(text).not.toMatch(/undefined|null|NaN/);
    expectCleanLayout(pdf, 40);
  });

  it("prints the KDV of each line so that they add up to the breakdown", async () => {
    const data = sampleOrder({ discount: 777 });
    const f = documentFormat(data);
    const pdf = await readPdf(await renderInvoicePdf({ ...data, invoiceNumber: "F-1" }));
    const items = pdf.items[0] ?? [];
    // The "KDV tutarı" column: right-aligned values under its header.
    const header = items.find((i) => i.str === "KDV tutarı");
    if (!header) throw new Error("no KDV tutarı header");
    const right = header.x + header.width;
    const column = items.filter((i) => Math.abs(i.x + i.width - right) < 1 && i.y < header.y && i.str.endsWith("₺"));
    expect(column).toHaveLength(data.lines.length + 1); // the lines and shipping
    const toKurus = (s: string) => Number(s.replace(/[^\d]/g, ""));
    const sumVat = data.vat.reduce((s, r) => s + r.vat, 0);
    expect(column.reduce((s, i) => s + toKurus(i.str), 0)).toBe(sumVat);
    expect(items.map((i) => i.str)).toContain(f.money(sumVat));
  });

  it("renders the English invoice for a corporate buyer", async () => {
    const base = sampleOrder({ locale: "en" });
    const data = {
      ...base,
      buyer: {
        name: "Anadolu Yazılım Ltd. Şti.",
        address: "Mühendisler Sk. 3, Ankara",
        taxOffice: "Çankaya",
        taxNumber: "9876543210",
        invoiceType: "corporate" as const,
      },
    };
    const pdf = await readPdf(await renderInvoicePdf({ ...data, invoiceNumber: "INV-7" }));
    const text = pdf.pages.join("\n");
    for (const phrase of [
      "INVOICE",
      "This document is not an e-Arşiv invoice.",
      "Tax office: Çankaya",
      "Tax no. (VKN): 9876543210",
      "VAT BREAKDOWN",
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).toContain(documentFormat(data).money(data.total));
    expect(text).toMatch(/₺[\d,]+\.\d\d/);
    expectCleanLayout(pdf, 40);
  });

  it("paginates a 60-line order without cutting a row, repeating the column header", async () => {
    const lines = bigOrderLines(60);
    const data = sampleOrder({ lines, discount: 0 });
    const f = documentFormat(data);
    const pdf = await readPdf(await renderInvoicePdf({ ...data, invoiceNumber: "BIG-60" }));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.pages.length).toBeLessThanOrEqual(6);
    expectRowsOnOnePage(pdf, lines, (l) => f.money(l.unitPrice * l.quantity));
    for (const page of pdf.pages) expect(page).toContain("Birim fiyat");
    expect(pdf.pages.at(-1)).toContain("Bu belge e-Arşiv fatura yerine geçmez.");
    expectCleanLayout(pdf, 40);
  }, 30_000);

  it("refuses a missing invoice number or inconsistent data with a clear error", async () => {
    const data = sampleOrder();
    await expect(renderInvoicePdf({ ...data, invoiceNumber: " " })).rejects.toThrow(/invoiceNumber/);
    await expect(renderInvoicePdf({ ...data, invoiceNumber: "F-1", total: 5 })).rejects.toThrow(DocumentDataError);
  });
});

describe("renderLegalPdf", () => {
  it.each([
    [
      "tr",
      "pre-information",
      preInformationForm,
      "ÖN BİLGİLENDİRME FORMU",
      ["cayma hakkına sahiptir", "Tüketici Hakem Heyetine", "Sayfa 1 /"],
    ],
    [
      "tr",
      "distance-sales",
      distanceSalesContract,
      "MESAFELİ SATIŞ SÖZLEŞMESİ",
      ["MADDE 6 – CAYMA HAKKI", "ayıpsız misliyle", "Tüketici Mahkemesine"],
    ],
    [
      "en",
      "pre-information",
      preInformationForm,
      "PRE-CONTRACTUAL INFORMATION FORM",
      ["right of withdrawal", "Consumer Arbitration Committee", "Page 1 /"],
    ],
    ["en", "distance-sales", distanceSalesContract, "DISTANCE SALES CONTRACT", ["ARTICLE 6", "defect-free item", "Consumer Court"]],
  ] as const)("renders the %s %s form with Turkish letters and ₺ amounts", async (locale, _kind, build, title, phrases) => {
    const data = sampleOrder({ locale });
    const f = documentFormat(data);
    const pdf = await readPdf(await renderLegalPdf(build(data), data));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.pages.length).toBeLessThanOrEqual(8);
    // Extracted lines break where the PDF wraps: compare with spaces only.
    const text = pdf.pages.join("\n").replace(/\s+/g, " ");
    expect(text).toContain(title);
    for (const phrase of [...phrases, "Kervan Örnek Ticaret Anonim Şirketi", "Ayşe Gülşen Yıldız", "Çelik Termos Şişe 750 ml", "İğneada"]) {
      expect(text).toContain(phrase);
    }
    const strings = pdf.items.flat().map((i) => i.str);
    expect(strings).toContain(f.money(data.total));
    for (const line of data.lines) expect(strings).toContain(f.money(line.total));
    expect(text).not.toMatch(/undefined|null|NaN/);
    expectCleanLayout(pdf, 50);
  });

  it("keeps a 60-line goods table whole per row across pages", async () => {
    const lines = bigOrderLines(60);
    const data = sampleOrder({ lines, discount: 0 });
    const f = documentFormat(data);
    const pdf = await readPdf(await renderLegalPdf(distanceSalesContract(data), data));
    expectRowsOnOnePage(pdf, lines, (l) => f.money(l.unitPrice * l.quantity));
    expectCleanLayout(pdf, 50);
  }, 30_000);
});

describe("renderPackingSlipPdf", () => {
  it("lists what is in the parcel and where it goes, without prices", async () => {
    const data = sampleOrder();
    const f = documentFormat(data);
    const pdf = await readPdf(await renderPackingSlipPdf(data));
    expect(pdf.pages).toHaveLength(1);
    const text = pdf.pages.join("\n");
    for (const phrase of [
      "PAKET LİSTESİ",
      "GÖNDERİLECEK ADRES",
      "Ayşe Gülşen Yıldız",
      "Çankaya / Ankara 06690",
      "Toplam: 4 kalem, 7 adet",
    ]) {
      expect(text).toContain(phrase);
    }
    for (const line of data.lines) {
      expect(text).toContain(line.sku);
      expect(text).not.toContain(f.money(line.unitPrice));
    }
    expect(text).not.toContain("₺");
    expectCleanLayout(pdf, 40);
  });
});

describe("lazy loading", () => {
  it("imports pdfkit only inside the render functions", async () => {
    const source = await readFile(new URL("./pdf.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^import[^;]*from "pdfkit"/m);
    expect(source).toContain('import("pdfkit")');
  });
});
