import { describe, expect, it } from "vitest";
import { DocumentDataError, documentFormat } from "./document-data.ts";
import { renderLegalHtml } from "./html.ts";
import { distanceSalesContract, type LegalDocument, preInformationForm } from "./legal.ts";
import { sampleOrder } from "./test-data.ts";
import type { OrderDocumentData } from "./types.ts";

/** Every string of a legal document, in order. */
function allText(doc: LegalDocument): string {
  const out = [doc.title, doc.subtitle];
  for (const s of doc.sections) {
    out.push(s.heading, ...(s.fields ?? []).flatMap((f) => [f.label, f.value]), ...s.paragraphs, ...(s.list ?? []));
    if (s.table) {
      out.push(...s.table.columns.map((c) => c.label), ...s.table.rows.flat());
      out.push(...(s.table.summary ?? []).flatMap((r) => [r.label, r.value]));
    }
    out.push(...(s.after ?? []));
  }
  return out.join("\n");
}

const BUILDERS = { "pre-information": preInformationForm, "distance-sales": distanceSalesContract } as const;

const EXPECT = {
  tr: {
    withdrawal: (days: number) => `${days} gün içinde sözleşmeden cayma hakkına sahiptir`,
    exceptions: [
      "15. maddesi",
      "kişisel ihtiyaçları doğrultusunda hazırlanan mallar",
      "Çabuk bozulabilen",
      "sağlık ve hijyen açısından uygun olmayan",
      "ayrıştırılması mümkün olmayan",
    ],
    complaint: ["Tüketici Hakem Heyetine", "Tüketici Mahkemesine", "parasal sınırlar"],
    delivery: "30 günü aşamaz",
    refund: "en geç 14 gün içinde",
  },
  en: {
    withdrawal: (days: number) => `withdraw from the contract within ${days} days`,
    exceptions: [
      "Article 15",
      "made to the buyer's specifications",
      "deteriorate rapidly",
      "health or hygiene reasons",
      "inseparably mixed",
    ],
    complaint: ["Consumer Arbitration Committee", "Consumer Court", "monetary limits"],
    delivery: "longer than 30 days",
    refund: "Within 14 days of receiving the withdrawal notice",
  },
} as const;

describe.each(["tr", "en"] as const)("legal texts (%s)", (locale) => {
  const data = sampleOrder({ locale, storeCredit: 2_500, paymentFee: 1_490 });
  const f = documentFormat(data);
  const e = EXPECT[locale];

  describe.each(Object.keys(BUILDERS) as (keyof typeof BUILDERS)[])("%s", (kind) => {
    const doc = BUILDERS[kind](data);
    const text = allText(doc);

    it("names the seller with every identity detail given", () => {
      expect(doc.kind).toBe(kind);
      expect(doc.locale).toBe(locale);
      for (const value of [
        data.seller.name,
        data.seller.mersisNo,
        data.seller.kepAddress,
        data.seller.email,
        data.seller.phone,
        "Caddebostan",
      ]) {
        expect(text).toContain(value);
      }
      expect(text).toContain(`${data.seller.taxOffice} / ${data.seller.taxNumber}`);
    });

    it("names the buyer and both addresses", () => {
      expect(text).toContain(data.buyer.name);
      expect(text).toContain(data.buyer.tckn);
      expect(text).toContain("Şehit Öğretmen Sokak No: 7/2");
    });

    it("lists each line with quantity, unit price, rate and total, and the order's totals", () => {
      const table = doc.sections.find((s) => s.table)?.table;
      expect(table?.rows).toHaveLength(data.lines.length);
      data.lines.forEach((line, i) => {
        const row = table?.rows[i] ?? [];
        expect(row[0]).toContain(line.title);
        expect(row[1]).toBe(String(line.quantity));
        expect(row[2]).toBe(f.money(line.unitPrice));
        expect(row[3]).toBe(f.percent(line.vatRate));
        expect(row[4]).toBe(f.money(line.total));
      });
      const gross = data.subtotal - data.discount + data.shipping + data.paymentFee;
      for (const amount of [
        f.money(data.subtotal),
        f.minus(data.discount),
        f.money(data.shipping),
        f.money(data.paymentFee),
        f.money(gross),
      ]) {
        expect(text).toContain(amount);
      }
      const summary = table?.summary ?? [];
      expect(summary.at(-1)).toEqual(expect.objectContaining({ value: f.money(data.total), emphasis: true }));
      expect(text).toContain(f.minus(data.storeCredit));
      expect(text).toContain(data.discountLabel);
      expect(text).toContain(data.paymentMethod);
      expect(text).toContain(data.deliveryEstimate);
      expect(text).toContain(f.money(data.vat.reduce((s, r) => s + r.vat, 0)));
    });

    it("states delivery, withdrawal, refund, the m.15 exceptions and the complaint route", () => {
      expect(text).toContain(e.delivery);
      expect(text).toContain(e.withdrawal(14));
      expect(text).toContain(e.refund);
      for (const phrase of [...e.exceptions, ...e.complaint]) expect(text).toContain(phrase);
      expect(text).toContain(f.date(data.date));
      // The withdrawal notice goes to the seller's e-mail and postal address.
      const withdrawal = doc.sections.find((s) => (s.list ?? []).some((item) => item.includes(data.seller.email ?? "?")));
      expect(withdrawal?.list?.some((item) => item.includes("Bağdat Caddesi No: 214 D: 3, Caddebostan"))).toBe(true);
    });

    it("leaves no undefined, null, NaN or placeholder in the text or the HTML", () => {
      const html = renderLegalHtml(doc);
      for (const out of [text, html]) {
        expect(out).not.toMatch(/undefined|null|NaN|\[object Object\]|\[…\]|\[\.\.\.\]|\{\{|\$\{/);
      }
    });
  });

  it("follows the withdrawal days of the data", () => {
    const longer = sampleOrder({ locale, overrides: { withdrawalDays: 30 } });
    expect(allText(distanceSalesContract(longer))).toContain(e.withdrawal(30));
  });
});

describe("legal texts with sparse data", () => {
  const sparse: OrderDocumentData = sampleOrder({
    discount: 0,
    shipping: 0,
    overrides: {
      orderNumber: "",
      seller: { name: "Tek Kişilik Dükkân", address: "Atatürk Cad. 1, Bornova / İzmir" },
      buyer: { name: "Ömer Şahin", address: "Kordon 5, Konak / İzmir", invoiceType: "individual" },
    },
  });

  it.each([preInformationForm, distanceSalesContract])("omits what is not given, gracefully", (build) => {
    const doc = build(sparse);
    const text = allText(doc);
    expect(text).not.toMatch(/MERSİS|KEP|Telefon|E-posta|T\.C\. kimlik|Sipariş no|İndirim/);
    expect(text).toContain("Teslimat Alıcı için ücretsizdir.");
    // Without an e-mail the withdrawal notice still has an address to go to.
    expect(text).toContain("Posta: Atatürk Cad. 1, Bornova / İzmir");
    expect(renderLegalHtml(doc)).not.toMatch(/undefined|null|NaN/);
  });
});

describe("return shipping clause", () => {
  it("says no return cost can be charged when no carrier is named", () => {
    expect(allText(preInformationForm(sampleOrder()))).toContain("Alıcı'dan iade masrafı talep edilemez");
  });

  it("names the carrier and the buyer's cost when the buyer pays the return", () => {
    const data = sampleOrder({ overrides: { returnShipping: { carrier: "Aras Kargo", paidBy: "buyer", cost: 3_990 } } });
    const text = allText(preInformationForm(data));
    expect(text).toContain("Satıcı'nın iade için belirlediği taşıyıcı: Aras Kargo.");
    expect(text).toContain("39,90 ₺ tutarındaki iade masrafı Alıcı'ya aittir");
    expect(text).toContain("ayıplı olması hâlinde iade masrafları her durumda Satıcı'ya aittir");
  });

  it("puts the cost on the seller when it says so", () => {
    const data = sampleOrder({ locale: "en", overrides: { returnShipping: { carrier: "Aras Kargo", paidBy: "seller" } } });
    expect(allText(distanceSalesContract(data))).toContain("When the goods are sent with this carrier, the seller pays the return cost.");
  });

  it("rejects a buyer-paid return without a cost", () => {
    const data = sampleOrder({ overrides: { returnShipping: { carrier: "Aras Kargo", paidBy: "buyer" } } });
    expect(() => preInformationForm(data)).toThrow(/cost is required/);
  });
});

describe("complaints clause", () => {
  it("prints the year's arbitration limit when given", () => {
    const data = sampleOrder({ overrides: { arbitrationLimit: { year: 2026, amount: 18_600_000 } } });
    expect(allText(distanceSalesContract(data))).toContain("2026 yılı için Tüketici Hakem Heyetine başvuru sınırı: 186.000,00 ₺.");
  });
});

describe("invalid data", () => {
  it("throws a DocumentDataError naming the problem", () => {
    const data = sampleOrder();
    expect(() => preInformationForm({ ...data, lines: [] })).toThrow(DocumentDataError);
    expect(() => distanceSalesContract({ ...data, total: 1 })).toThrow(/total is 1/);
  });
});
