// The pre-information form (ön bilgilendirme formu) and the distance sales contract (mesafeli satış
// sözleşmesi) for an order, in Turkish or English, following 6502 sayılı Tüketicinin Korunması
// Hakkında Kanun and the Mesafeli Sözleşmeler Yönetmeliği. The result is a plain structure that
// html.ts and pdf.ts render; every value comes from the data, optional ones are left out.

import { multiplyMoney } from "../../platform/money.ts";
import {
  type DocumentFormat,
  documentFormat,
  MAX_DELIVERY_DAYS,
  parseOrderDocumentData,
  REFUND_DAYS,
  RETURN_GOODS_DAYS,
} from "./document-data.ts";
import type { DocumentParty, OrderDocumentData } from "./types.ts";

export interface LegalField {
  label: string;
  /** May hold several lines separated by "\n". */
  value: string;
}

export interface LegalTableColumn {
  label: string;
  align: "left" | "right";
  /** Relative width. */
  weight: number;
}

export interface LegalSummaryRow {
  label: string;
  value: string;
  /** The row that states what is paid. */
  emphasis?: boolean;
}

export interface LegalTable {
  columns: LegalTableColumn[];
  /** One string per column; a cell may hold several lines separated by "\n". */
  rows: string[][];
  /** Totals shown under the table, label on the left of the value. */
  summary?: LegalSummaryRow[];
}

export interface LegalSection {
  heading: string;
  /** Label/value pairs, e.g. a party's identity. Rendered first. */
  fields?: LegalField[];
  paragraphs: string[];
  /** A bulleted list after the paragraphs. */
  list?: string[];
  table?: LegalTable;
  /** Paragraphs after the list or table. */
  after?: string[];
}

export interface LegalDocument {
  kind: "pre-information" | "distance-sales";
  locale: "tr" | "en";
  title: string;
  /** Order number and date, one line. */
  subtitle: string;
  sections: LegalSection[];
}

type Pick2 = (tr: string, en: string) => string;

function picker(locale: "tr" | "en"): Pick2 {
  return (tr, en) => (locale === "tr" ? tr : en);
}

function partyFields(party: DocumentParty, t: Pick2, role: "seller" | "buyer"): LegalField[] {
  const fields: LegalField[] = [
    { label: role === "seller" ? t("Unvan", "Name / trade name") : t("Ad soyad / Unvan", "Name"), value: party.name },
  ];
  fields.push({ label: t("Adres", "Address"), value: party.address });
  if (party.phone) fields.push({ label: t("Telefon", "Phone"), value: party.phone });
  if (party.email) fields.push({ label: t("E-posta", "E-mail"), value: party.email });
  if (party.kepAddress) fields.push({ label: t("KEP adresi", "KEP (registered e-mail) address"), value: party.kepAddress });
  if (party.mersisNo) fields.push({ label: t("MERSİS no", "MERSİS no."), value: party.mersisNo });
  if (party.tckn) fields.push({ label: t("T.C. kimlik no", "Turkish ID no. (TCKN)"), value: party.tckn });
  if (party.taxOffice || party.taxNumber) {
    fields.push({
      label: t("Vergi dairesi / Vergi no", "Tax office / Tax no."),
      value: [party.taxOffice, party.taxNumber].filter(Boolean).join(" / "),
    });
  }
  if (party.website) fields.push({ label: t("Web sitesi", "Website"), value: party.website });
  return fields;
}

function buyerFields(data: OrderDocumentData, t: Pick2): LegalField[] {
  return [
    ...partyFields(data.buyer, t, "buyer"),
    { label: t("Teslimat adresi", "Delivery address"), value: data.shippingAddress },
    { label: t("Fatura adresi", "Billing address"), value: data.billingAddress },
  ];
}

function goodsTable(data: OrderDocumentData, f: DocumentFormat, t: Pick2): LegalTable {
  const rows = data.lines.map((line) => {
    const description = [line.title];
    if (line.variantLabel) description.push(line.variantLabel);
    if (line.sku) description.push(`${t("Stok kodu", "SKU")}: ${line.sku}`);
    const before = multiplyMoney(line.unitPrice, line.quantity);
    if (before > line.total) description.push(`${t("İndirim", "Discount")}: ${f.minus(before - line.total)}`);
    return [description.join("\n"), String(line.quantity), f.money(line.unitPrice), f.percent(line.vatRate), f.money(line.total)];
  });
  const gross = data.subtotal - data.discount + data.shipping + data.paymentFee;
  const summary: LegalSummaryRow[] = [{ label: t("Ürünler toplamı", "Goods subtotal"), value: f.money(data.subtotal) }];
  if (data.discount > 0) {
    const label = t("İndirim", "Discount");
    summary.push({ label: data.discountLabel ? `${label} (${data.discountLabel})` : label, value: f.minus(data.discount) });
  }
  summary.push({
    label: `${t("Teslimat ücreti", "Delivery charge")} (${data.shippingMethod})`,
    value: data.shipping > 0 ? f.money(data.shipping) : t("Ücretsiz", "Free"),
  });
  if (data.paymentFee > 0)
    summary.push({ label: t("Kapıda ödeme hizmet bedeli", "Cash-on-delivery fee"), value: f.money(data.paymentFee) });
  summary.push({
    label: t("Toplam (tüm vergiler dahil)", "Total (all taxes included)"),
    value: f.money(gross),
    emphasis: data.storeCredit === 0,
  });
  if (data.storeCredit > 0) {
    summary.push({ label: t("Mağaza bakiyesiyle ödenen", "Paid with store credit"), value: f.minus(data.storeCredit) });
    summary.push({ label: t("Ödenecek tutar", "Amount to pay"), value: f.money(data.total), emphasis: true });
  }
  return {
    columns: [
      { label: t("Ürün", "Item"), align: "left", weight: 44 },
      { label: t("Adet", "Qty"), align: "right", weight: 8 },
      { label: t("Birim fiyat", "Unit price"), align: "right", weight: 18 },
      { label: t("KDV", "VAT"), align: "right", weight: 9 },
      { label: t("Tutar", "Amount"), align: "right", weight: 21 },
    ],
    rows,
    summary,
  };
}

function vatNote(data: OrderDocumentData, f: DocumentFormat, t: Pick2): string {
  const vat = data.vat.reduce((sum, row) => sum + row.vat, 0);
  const perRate = data.vat.filter((row) => row.vat !== 0).map((row) => `${f.percent(row.rate)}: ${f.money(row.vat)}`);
  const detail = perRate.length > 1 ? ` (${perRate.join(", ")})` : "";
  return t(
    `Tüm fiyatlara KDV dahildir; toplam tutarın içindeki KDV: ${f.money(vat)}${detail}.`,
    `All prices include VAT (KDV); VAT included in the total: ${f.money(vat)}${detail}.`,
  );
}

function paymentParagraphs(data: OrderDocumentData, f: DocumentFormat, t: Pick2): string[] {
  const out = [
    t(`Ödeme yöntemi: ${data.paymentMethod}.`, `Payment method: ${data.paymentMethod}.`),
    t(
      "Alıcı, siparişi onaylamakla yukarıda gösterilen toplam bedeli ödeme yükümlülüğü altına girdiğini bilir ve kabul eder.",
      "By confirming the order the buyer knowingly undertakes to pay the total shown above.",
    ),
  ];
  if (data.paymentFee > 0) {
    out.push(
      t(
        `Kapıda ödeme seçildiğinden ${f.money(data.paymentFee)} tutarındaki kapıda ödeme hizmet bedeli toplam tutara eklenmiştir.`,
        `As cash on delivery was chosen, a fee of ${f.money(data.paymentFee)} has been added to the total.`,
      ),
    );
  }
  if (data.storeCredit > 0) {
    out.push(
      t(
        `Bedelin ${f.money(data.storeCredit)} tutarındaki kısmı Alıcı'nın mağaza bakiyesinden karşılanmıştır.`,
        `${f.money(data.storeCredit)} of the price has been paid from the buyer's store credit.`,
      ),
    );
  }
  out.push(
    t(
      "Sözleşmenin kurulmasında kullanılan uzaktan iletişim aracı için Alıcı'dan ayrıca bir ücret alınmaz.",
      "The buyer is not charged anything for the means of distance communication used to conclude the contract.",
    ),
  );
  return out;
}

function deliveryParagraphs(data: OrderDocumentData, f: DocumentFormat, t: Pick2): string[] {
  return [
    t(
      `Mallar, Alıcı'nın bildirdiği teslimat adresine şu yöntemle gönderilir: ${data.shippingMethod}. Tahmini süre: ${data.deliveryEstimate}.`,
      `The goods are sent to the delivery address given by the buyer by: ${data.shippingMethod}. Estimated time: ${data.deliveryEstimate}.`,
    ),
    t(
      `Teslim süresi, siparişin Satıcı'ya ulaştığı tarihten itibaren hiçbir durumda ${MAX_DELIVERY_DAYS} günü aşamaz.`,
      `Delivery will in no case take longer than ${MAX_DELIVERY_DAYS} days from the day the order reaches the seller.`,
    ),
    data.shipping > 0
      ? t(
          `Teslimat ücreti ${f.money(data.shipping)} olup toplam tutara dahildir; bunun dışında teslimat için Alıcı'dan ek ücret alınmaz.`,
          `The delivery charge of ${f.money(data.shipping)} is included in the total; no other delivery charge is made.`,
        )
      : t("Teslimat Alıcı için ücretsizdir.", "Delivery is free of charge for the buyer."),
    t(
      `Satıcı, siparişin ifasının imkânsızlaştığını öğrenirse bunu 3 gün içinde Alıcı'ya yazılı olarak veya kalıcı veri saklayıcısı ile bildirir ve teslimat masrafları dahil tahsil ettiği tüm ödemeleri bildirim tarihinden itibaren en geç ${REFUND_DAYS} gün içinde iade eder.`,
      `If the seller learns that it cannot fulfil the order, it informs the buyer in writing or on a durable medium within 3 days and refunds every payment received, delivery costs included, within ${REFUND_DAYS} days of that notice.`,
    ),
    t(
      "Mal, Alıcı'ya veya Alıcı'nın belirlediği üçüncü kişiye teslim edilinceye kadar oluşan kayıp ve hasardan Satıcı sorumludur. Alıcı, Satıcı'nın belirlediği taşıyıcı dışında bir taşıyıcıyla gönderim isterse, malın o taşıyıcıya tesliminden sonra oluşan kayıp ve hasardan Satıcı sorumlu değildir.",
      "The seller bears the risk of loss or damage until the goods are handed to the buyer or to a third person named by the buyer. If the buyer asks for a carrier other than the one the seller uses, the seller is not liable for loss or damage after the goods are handed to that carrier.",
    ),
  ];
}

function oneLine(address: string): string {
  return address.replace(/\s*\n\s*/g, ", ");
}

function withdrawalSection(heading: string, data: OrderDocumentData, f: DocumentFormat, t: Pick2): LegalSection {
  const days = data.withdrawalDays;
  // Each channel on its own line, so an address is never hyphen-broken mid-line.
  const contacts: string[] = [];
  if (data.seller.email) contacts.push(t(`E-posta: ${data.seller.email}`, `E-mail: ${data.seller.email}`));
  if (data.seller.kepAddress) contacts.push(t(`KEP: ${data.seller.kepAddress}`, `KEP: ${data.seller.kepAddress}`));
  contacts.push(t(`Posta: ${oneLine(data.seller.address)}`, `Post: ${oneLine(data.seller.address)}`));

  const paragraphs = [
    t(
      `Alıcı, hiçbir gerekçe göstermeksizin ve cezai şart ödemeksizin, malın kendisine veya belirlediği üçüncü kişiye teslim edildiği günden itibaren ${days} gün içinde sözleşmeden cayma hakkına sahiptir. Alıcı, sözleşmenin kurulmasından malın teslimine kadar geçen sürede de cayma hakkını kullanabilir.`,
      `The buyer may withdraw from the contract within ${days} days from the day the goods are delivered to the buyer or to a third person named by the buyer, without giving any reason and without any penalty. The buyer may also withdraw between the conclusion of the contract and delivery.`,
    ),
    t(
      "Tek siparişte birden fazla mal ayrı ayrı teslim edilirse cayma süresi son malın, birden fazla parçadan oluşan mallarda son parçanın teslim alındığı gün başlar.",
      "Where several goods ordered together are delivered separately, the period starts on the day the last item is received; for goods consisting of several parts, on the day the last part is received.",
    ),
    t(
      "Cayma hakkını kullanmak için Alıcı'nın, süre dolmadan açık bir beyanla yazılı olarak veya kalıcı veri saklayıcısı ile Satıcı'ya aşağıdaki kanallardan biriyle bildirimde bulunması yeterlidir; bildirimde sipariş numarasının belirtilmesi işlemi hızlandırır:",
      "To withdraw, it is enough for the buyer to send the seller a clear statement in writing or on a durable medium, through one of the channels below, before the period ends; quoting the order number speeds things up:",
    ),
  ];
  const out = [
    t(
      `Alıcı, cayma bildirimini yönelttiği tarihten itibaren ${RETURN_GOODS_DAYS} gün içinde malı Satıcı'ya geri gönderir. Alıcı, cayma süresi içinde malı işleyişine, teknik özelliklerine ve kullanım talimatlarına uygun şekilde kullanmasından doğan değişiklik ve bozulmalardan sorumlu değildir.`,
      `The buyer sends the goods back to the seller within ${RETURN_GOODS_DAYS} days of the withdrawal notice. The buyer is not liable for changes or deterioration caused by using the goods in line with their function, technical features and instructions during the withdrawal period.`,
    ),
  ];

  const ret = data.returnShipping;
  if (!ret) {
    out.push(
      t(
        "Satıcı iade için bir taşıyıcı belirlemediğinden, cayma hâlinde Alıcı'dan iade masrafı talep edilemez.",
        "As the seller has not named a carrier for returns, the buyer cannot be charged any return cost after withdrawing.",
      ),
    );
  } else {
    const cost =
      ret.paidBy === "seller"
        ? t(
            "Mal bu taşıyıcıyla gönderildiğinde iade masrafı Satıcı'ya aittir.",
            "When the goods are sent with this carrier, the seller pays the return cost.",
          )
        : t(
            `Mal bu taşıyıcıyla gönderildiğinde ${f.money(ret.cost ?? 0)} tutarındaki iade masrafı Alıcı'ya aittir.`,
            `When the goods are sent with this carrier, the return cost of ${f.money(ret.cost ?? 0)} is borne by the buyer.`,
          );
    out.push(
      t(
        `Satıcı'nın iade için belirlediği taşıyıcı: ${ret.carrier}. ${cost} Alıcı malı başka bir taşıyıcıyla gönderirse iade masrafı Alıcı'ya aittir. Belirlenen taşıyıcının Alıcı'nın bulunduğu yerde şubesi yoksa Satıcı, ek masraf talep etmeksizin malın Alıcı'dan alınmasını sağlar. Malın ayıplı olması hâlinde iade masrafları her durumda Satıcı'ya aittir.`,
        `Carrier named by the seller for returns: ${ret.carrier}. ${cost} If the buyer uses another carrier, the buyer pays the return cost. If the named carrier has no branch where the buyer is, the seller arranges collection from the buyer at no extra cost. Return costs of defective goods are always borne by the seller.`,
      ),
    );
  }
  out.push(
    t(
      `Satıcı, cayma bildiriminin kendisine ulaştığı tarihten itibaren en geç ${REFUND_DAYS} gün içinde, teslimat masrafları dahil tahsil ettiği tüm ödemeleri, Alıcı'nın ödemede kullandığı ödeme aracına uygun şekilde, Alıcı'ya herhangi bir masraf veya yükümlülük getirmeden tek seferde iade eder.`,
      `Within ${REFUND_DAYS} days of receiving the withdrawal notice, the seller refunds every payment received, delivery costs included, in one go, by the same means of payment the buyer used, at no cost or obligation to the buyer.`,
    ),
  );
  if (data.storeCredit > 0) {
    out.push(
      t(
        "Mağaza bakiyesiyle ödenen kısım, aynı ödeme aracına uygun olarak Alıcı'nın mağaza bakiyesine iade edilir.",
        "The part paid with store credit is refunded to the buyer's store credit, the means of payment used.",
      ),
    );
  }
  return { heading, paragraphs, list: contacts, after: out };
}

function exceptionsSection(heading: string, t: Pick2): LegalSection {
  return {
    heading,
    paragraphs: [
      t(
        "Mesafeli Sözleşmeler Yönetmeliği'nin 15. maddesi uyarınca, aşağıdaki mal ve hizmetlere ilişkin sözleşmelerde ve Yönetmelik'te sayılan diğer hâllerde cayma hakkı kullanılamaz:",
        "Under Article 15 of the Distance Contracts Regulation (Mesafeli Sözleşmeler Yönetmeliği), the right of withdrawal does not apply to contracts for the following goods and services, nor in the other cases the Regulation lists:",
      ),
    ],
    list: [
      t(
        "Fiyatı finansal piyasalardaki dalgalanmalara bağlı olarak değişen ve Satıcı'nın kontrolünde olmayan mal veya hizmetler;",
        "goods or services whose price depends on fluctuations in the financial markets outside the seller's control;",
      ),
      t(
        "Alıcı'nın istekleri veya kişisel ihtiyaçları doğrultusunda hazırlanan mallar (ör. kişiye özel üretilen veya kişiselleştirilen ürünler);",
        "goods made to the buyer's specifications or clearly personalised;",
      ),
      t(
        "Çabuk bozulabilen veya son kullanma tarihi geçebilecek mallar;",
        "goods that can deteriorate rapidly or whose expiry date may pass;",
      ),
      t(
        "Tesliminden sonra ambalaj, bant, mühür, paket gibi koruyucu unsurları açılmış olup iadesi sağlık ve hijyen açısından uygun olmayan mallar;",
        "sealed goods that are unsuitable for return for health or hygiene reasons once their packaging, tape, seal or wrapping has been opened after delivery;",
      ),
      t(
        "Tesliminden sonra başka ürünlerle karışan ve doğası gereği ayrıştırılması mümkün olmayan mallar;",
        "goods that, after delivery, are by their nature inseparably mixed with other items;",
      ),
      t(
        "Tesliminden sonra ambalaj, bant, mühür, paket gibi koruyucu unsurları açılmış olması hâlinde maddi ortamda sunulan kitap, dijital içerik ve bilgisayar sarf malzemeleri;",
        "books, digital content supplied on a physical medium and computer consumables, once their protective packaging, tape, seal or wrapping has been opened after delivery;",
      ),
      t(
        "Abonelik sözleşmesi kapsamında sağlananlar dışında gazete ve dergi gibi süreli yayınlar;",
        "newspapers, magazines and other periodicals, except under a subscription;",
      ),
      t(
        "Belirli bir tarihte veya dönemde yapılması gereken konaklama, eşya taşıma, araba kiralama, yiyecek-içecek tedariki ve eğlence veya dinlenme amaçlı boş zaman hizmetleri;",
        "accommodation, removals, car hire, catering and leisure services that are due on a specific date or in a specific period;",
      ),
      t(
        "Elektronik ortamda anında ifa edilen hizmetler ve Alıcı'ya anında teslim edilen gayrimaddi mallar;",
        "services performed instantly online and intangible goods delivered to the buyer instantly;",
      ),
      t(
        "Cayma süresi dolmadan Alıcı'nın onayıyla ifasına başlanan hizmetler.",
        "services whose performance began with the buyer's consent before the withdrawal period ended.",
      ),
    ],
    after: [
      t(
        "Bu hâller dışında, malın incelenmesi için ambalajının açılmış olması tek başına cayma hakkını ortadan kaldırmaz.",
        "Outside these cases, opening the packaging to inspect the goods does not by itself remove the right of withdrawal.",
      ),
    ],
  };
}

function complaintsSection(heading: string, data: OrderDocumentData, f: DocumentFormat, t: Pick2): LegalSection {
  const channels: string[] = [];
  if (data.seller.email) channels.push(t(`E-posta: ${data.seller.email}`, `E-mail: ${data.seller.email}`));
  if (data.seller.phone) channels.push(t(`Telefon: ${data.seller.phone}`, `Phone: ${data.seller.phone}`));
  if (data.seller.kepAddress) channels.push(t(`KEP: ${data.seller.kepAddress}`, `KEP: ${data.seller.kepAddress}`));
  channels.push(t(`Posta: ${oneLine(data.seller.address)}`, `Post: ${oneLine(data.seller.address)}`));
  const after = [
    t(
      "Uyuşmazlık hâlinde Alıcı, Ticaret Bakanlığınca her yıl ilan edilen parasal sınırlar dahilinde, malı satın aldığı veya yerleşim yerinin bulunduğu yerdeki Tüketici Hakem Heyetine; bu sınırları aşan uyuşmazlıklarda Tüketici Mahkemesine başvurabilir.",
      "In a dispute the buyer may apply, within the monetary limits announced each year by the Ministry of Trade, to the Consumer Arbitration Committee (Tüketici Hakem Heyeti) where the goods were bought or where the buyer lives; above those limits, to the Consumer Court (Tüketici Mahkemesi).",
    ),
  ];
  if (data.arbitrationLimit) {
    after.push(
      t(
        `${data.arbitrationLimit.year} yılı için Tüketici Hakem Heyetine başvuru sınırı: ${f.money(data.arbitrationLimit.amount)}.`,
        `The Consumer Arbitration Committee limit for ${data.arbitrationLimit.year}: ${f.money(data.arbitrationLimit.amount)}.`,
      ),
    );
  }
  after.push(
    t(
      "Tüketici Hakem Heyetine başvurular e-Devlet üzerinden Tüketici Bilgi Sistemi (TÜBİS) aracılığıyla da yapılabilir. Tüketici Hakem Heyetine başvurunun zorunlu olmadığı uyuşmazlıklarda, Tüketici Mahkemesinde dava açılmadan önce arabulucuya başvurulması dava şartıdır.",
      "Applications to the Consumer Arbitration Committee can also be made online through e-Devlet (Tüketici Bilgi Sistemi, TÜBİS). Where applying to the Committee is not compulsory, mediation is a precondition for bringing a case before the Consumer Court.",
    ),
  );
  return {
    heading,
    paragraphs: [
      t(
        "Alıcı, talep ve şikâyetlerini Satıcı'ya şu kanallardan iletebilir:",
        "The buyer can send requests and complaints to the seller through:",
      ),
    ],
    list: channels,
    after,
  };
}

function subtitle(data: OrderDocumentData, f: DocumentFormat, t: Pick2): string {
  const parts: string[] = [];
  if (data.orderNumber) parts.push(`${t("Sipariş no", "Order no.")}: ${data.orderNumber}`);
  parts.push(`${t("Tarih", "Date")}: ${f.dateTime(data.date)}`);
  return parts.join(" · ");
}

function translationNote(locale: "tr" | "en"): string[] {
  return locale === "en"
    ? [
        "This English text is provided for the buyer's convenience; where Turkish law requires the Turkish text, the Turkish version prevails.",
      ]
    : [];
}

/** The pre-information form shown before the order is confirmed (Yönetmelik m.5). */
export function preInformationForm(input: OrderDocumentData): LegalDocument {
  const data = parseOrderDocumentData(input);
  const f = documentFormat(data);
  const t = picker(data.locale);
  return {
    kind: "pre-information",
    locale: data.locale,
    title: t("ÖN BİLGİLENDİRME FORMU", "PRE-CONTRACTUAL INFORMATION FORM"),
    subtitle: subtitle(data, f, t),
    sections: [
      {
        heading: t("1. KONU", "1. PURPOSE"),
        paragraphs: [
          t(
            "Bu form, 6502 sayılı Tüketicinin Korunması Hakkında Kanun ve Mesafeli Sözleşmeler Yönetmeliği uyarınca, mesafeli satış sözleşmesi kurulmadan önce Alıcı'yı satışa konu mallar, Satıcı, fiyat, ödeme, teslimat ve cayma hakkı konusunda bilgilendirmek amacıyla düzenlenmiştir.",
            "This form is provided under Law No. 6502 on Consumer Protection and the Distance Contracts Regulation to inform the buyer, before the distance sales contract is concluded, about the goods, the seller, the price, payment, delivery and the right of withdrawal.",
          ),
          ...translationNote(data.locale),
        ],
      },
      {
        heading: t("2. SATICI BİLGİLERİ", "2. SELLER"),
        fields: partyFields(data.seller, t, "seller"),
        paragraphs: [],
      },
      { heading: t("3. ALICI BİLGİLERİ", "3. BUYER"), fields: buyerFields(data, t), paragraphs: [] },
      {
        heading: t("4. MALLARIN TEMEL NİTELİKLERİ VE FİYATI", "4. MAIN CHARACTERISTICS AND PRICE OF THE GOODS"),
        paragraphs: [
          t(
            "Sözleşme konusu mallar, adetleri ve tüm vergiler dahil satış fiyatları aşağıda gösterilmiştir.",
            "The goods, their quantities and their prices including all taxes are listed below.",
          ),
        ],
        table: goodsTable(data, f, t),
        after: [vatNote(data, f, t)],
      },
      { heading: t("5. ÖDEME", "5. PAYMENT"), paragraphs: paymentParagraphs(data, f, t) },
      { heading: t("6. TESLİMAT", "6. DELIVERY"), paragraphs: deliveryParagraphs(data, f, t) },
      withdrawalSection(t("7. CAYMA HAKKI", "7. RIGHT OF WITHDRAWAL"), data, f, t),
      exceptionsSection(t("8. CAYMA HAKKININ KULLANILAMAYACAĞI HÂLLER", "8. EXCEPTIONS TO THE RIGHT OF WITHDRAWAL"), t),
      complaintsSection(t("9. ŞİKÂYET VE UYUŞMAZLIKLAR", "9. COMPLAINTS AND DISPUTES"), data, f, t),
      {
        heading: t("10. ONAY", "10. CONFIRMATION"),
        paragraphs: [
          t(
            "Alıcı, siparişi onaylamadan önce bu formu okuduğunu; malların temel nitelikleri, tüm vergiler dahil fiyatı, ödeme ve teslimat bilgileri ile cayma hakkı konusunda bilgilendirildiğini elektronik ortamda teyit eder. Bu form, mesafeli satış sözleşmesinin ayrılmaz parçasıdır.",
            "Before confirming the order the buyer confirms electronically having read this form and having been informed of the main characteristics of the goods, their price including all taxes, payment and delivery, and the right of withdrawal. This form is an integral part of the distance sales contract.",
          ),
          `${t("Düzenlenme tarihi", "Date")}: ${f.date(data.date)}`,
        ],
      },
    ],
  };
}

/** The distance sales contract concluded when the buyer confirms the order. */
export function distanceSalesContract(input: OrderDocumentData): LegalDocument {
  const data = parseOrderDocumentData(input);
  const f = documentFormat(data);
  const t = picker(data.locale);
  const order = data.orderNumber ? t(` ${data.orderNumber} numaralı`, ` no. ${data.orderNumber}`) : "";
  const emailCopy = data.buyer.email ? t(` (${data.buyer.email})`, ` (${data.buyer.email})`) : "";
  return {
    kind: "distance-sales",
    locale: data.locale,
    title: t("MESAFELİ SATIŞ SÖZLEŞMESİ", "DISTANCE SALES CONTRACT"),
    subtitle: subtitle(data, f, t),
    sections: [
      {
        heading: t("MADDE 1 – TARAFLAR", "ARTICLE 1 – PARTIES"),
        paragraphs: [
          t(
            `Bu Mesafeli Satış Sözleşmesi ("Sözleşme"), aşağıda bilgileri yer alan Satıcı ile Alıcı arasında, Alıcı'nın elektronik ortamda verdiği${order} sipariş üzerine kurulmuştur.`,
            `This Distance Sales Contract (the "Contract") is made between the seller and the buyer identified below, on the buyer's order${order} placed online.`,
          ),
          ...translationNote(data.locale),
        ],
      },
      { heading: t("1.1 SATICI", "1.1 SELLER"), fields: partyFields(data.seller, t, "seller"), paragraphs: [] },
      { heading: t("1.2 ALICI", "1.2 BUYER"), fields: buyerFields(data, t), paragraphs: [] },
      {
        heading: t("MADDE 2 – KONU", "ARTICLE 2 – SUBJECT"),
        paragraphs: [
          t(
            "Sözleşme'nin konusu, aşağıda nitelikleri ve satış fiyatı belirtilen malların satışı ve teslimi ile ilgili olarak 6502 sayılı Tüketicinin Korunması Hakkında Kanun ve Mesafeli Sözleşmeler Yönetmeliği uyarınca tarafların hak ve yükümlülüklerinin belirlenmesidir.",
            "This Contract sets out the rights and obligations of the parties in the sale and delivery of the goods described below, under Law No. 6502 on Consumer Protection and the Distance Contracts Regulation.",
          ),
        ],
      },
      {
        heading: t("MADDE 3 – MALLAR, FİYAT VE ÖDEME", "ARTICLE 3 – GOODS, PRICE AND PAYMENT"),
        paragraphs: [],
        table: goodsTable(data, f, t),
        after: [vatNote(data, f, t), ...paymentParagraphs(data, f, t)],
      },
      { heading: t("MADDE 4 – TESLİMAT", "ARTICLE 4 – DELIVERY"), paragraphs: deliveryParagraphs(data, f, t) },
      {
        heading: t("MADDE 5 – TARAFLARIN YÜKÜMLÜLÜKLERİ", "ARTICLE 5 – OBLIGATIONS OF THE PARTIES"),
        paragraphs: [
          t(
            "Satıcı, malı siparişte belirtilen niteliklere uygun, sağlam ve eksiksiz olarak, varsa garanti belgesi ve kullanım kılavuzuyla birlikte teslim eder.",
            "The seller delivers the goods as described in the order, sound and complete, with any warranty certificate and user manual.",
          ),
          t(
            "Alıcı, Satıcı'ya verdiği kimlik, adres ve iletişim bilgilerinin doğru olduğunu beyan eder. Teslimatta ambalajı hasarlı görünen gönderiler için taşıyıcı görevlisine tutanak tutturulması önerilir; bu öneri Alıcı'nın kanuni haklarını sınırlamaz.",
            "The buyer declares that the identity, address and contact details given to the seller are correct. For parcels whose packaging looks damaged on delivery, the buyer is advised to have the carrier record it; this advice does not limit the buyer's statutory rights.",
          ),
        ],
      },
      withdrawalSection(t("MADDE 6 – CAYMA HAKKI", "ARTICLE 6 – RIGHT OF WITHDRAWAL"), data, f, t),
      exceptionsSection(t("MADDE 7 – CAYMA HAKKININ İSTİSNALARI", "ARTICLE 7 – EXCEPTIONS TO THE RIGHT OF WITHDRAWAL"), t),
      {
        heading: t("MADDE 8 – AYIPLI MAL", "ARTICLE 8 – DEFECTIVE GOODS"),
        paragraphs: [
          t(
            "Mal ayıplı çıkarsa Alıcı, 6502 sayılı Kanun'un 11. maddesi uyarınca sözleşmeden dönme, ayıp oranında bedelden indirim isteme, ücretsiz onarım isteme veya malın ayıpsız misliyle değiştirilmesini isteme haklarından birini Satıcı'ya karşı kullanabilir. Bu hakların kullanılması için Alıcı'dan masraf istenmez.",
            "If the goods are defective, the buyer may, under Article 11 of Law No. 6502, choose to terminate the contract, ask for a price reduction in proportion to the defect, free repair, or replacement with a defect-free item. The buyer is not charged for exercising these rights.",
          ),
          t(
            "Ayıplı maldan sorumluluk, daha uzun bir süre belirlenmedikçe, ayıp sonradan ortaya çıksa bile malın teslim tarihinden itibaren iki yıllık zamanaşımına tabidir.",
            "Unless a longer period is agreed, liability for defects is subject to a two-year limitation period from delivery, even if the defect appears later.",
          ),
        ],
      },
      {
        heading: t("MADDE 9 – KİŞİSEL VERİLER", "ARTICLE 9 – PERSONAL DATA"),
        paragraphs: [
          t(
            "Alıcı'nın kişisel verileri, 6698 sayılı Kişisel Verilerin Korunması Kanunu'na uygun olarak, Sözleşme'nin kurulması ve ifası ile kanuni yükümlülüklerin yerine getirilmesi amacıyla Satıcı tarafından işlenir.",
            "The seller processes the buyer's personal data in line with Law No. 6698 on the Protection of Personal Data, to conclude and perform this Contract and to meet its legal obligations.",
          ),
        ],
      },
      complaintsSection(t("MADDE 10 – ŞİKÂYET VE UYUŞMAZLIKLAR", "ARTICLE 10 – COMPLAINTS AND DISPUTES"), data, f, t),
      {
        heading: t("MADDE 11 – YÜRÜRLÜK", "ARTICLE 11 – ENTRY INTO FORCE"),
        paragraphs: [
          t(
            "Alıcı, siparişi onaylamadan önce Ön Bilgilendirme Formu'nu okuyup teyit ettiğini kabul eder; Ön Bilgilendirme Formu ve fatura bu Sözleşme'nin ayrılmaz parçalarıdır.",
            "The buyer accepts having read and confirmed the Pre-contractual Information Form before confirming the order; that form and the invoice are integral parts of this Contract.",
          ),
          t(
            `Sözleşme, Alıcı'nın siparişi elektronik ortamda onaylamasıyla ${f.date(data.date)} tarihinde kurulmuş ve yürürlüğe girmiştir. Satıcı, Sözleşme'nin bir örneğini Alıcı'nın e-posta adresine${emailCopy} kalıcı veri saklayıcısı ile iletir ve Sözleşme'ye ilişkin bilgi ve belgeleri 3 yıl süreyle saklar.`,
            `The Contract was concluded and took effect on ${f.date(data.date)}, when the buyer confirmed the order online. The seller sends a copy to the buyer's e-mail address${emailCopy} on a durable medium and keeps the information and documents relating to it for 3 years.`,
          ),
        ],
      },
    ],
  };
}
