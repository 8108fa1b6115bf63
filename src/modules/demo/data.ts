// The demo store's content: store profile, category tree and hand-written products.
// Brands, books and authors are fictional. Prices are KDV-inclusive kuruş (129990 = 1.299,90 ₺).

import type { TenantProfile } from "../tenants/schema.ts";
import type { ImageKind, ThemeName } from "./images.ts";

export const DEMO_TENANT = {
  slug: "demo",
  name: "Kervan Demo Mağaza",
  defaultLocale: "tr",
  currency: "TRY",
} as const;

export const DEMO_HOSTS = ["localhost", "127.0.0.1"] as const;

export const DEMO_PROFILE: TenantProfile = {
  legalName: "Kervan Demo Ticaret A.Ş.",
  email: "destek@kervandemo.com.tr",
  phone: "+90 212 555 01 23",
  address: "Bağdat Caddesi No: 214 D: 5, Caddebostan Mah., 34728 Kadıköy / İstanbul",
  taxOffice: "Kadıköy Vergi Dairesi",
  taxNumber: "1234567890",
  mersisNo: "0123456789000015",
  kepAddress: "kervandemo@hs01.kep.tr",
  social: { instagram: "https://instagram.com/kervandemo", x: "https://x.com/kervandemo", youtube: "https://youtube.com/@kervandemo" },
};

export interface DemoCategory {
  slug: string;
  name: string;
  en: string;
  /** Picture background for the products in this branch (roots only). */
  theme?: ThemeName;
  children?: DemoCategory[];
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    slug: "elektronik",
    name: "Elektronik",
    en: "Electronics",
    theme: "electronics",
    children: [
      { slug: "telefon-aksesuar", name: "Telefon & Aksesuar", en: "Phones & Accessories" },
      { slug: "bilgisayar", name: "Bilgisayar", en: "Computers" },
      { slug: "kulaklik-ses", name: "Kulaklık & Ses", en: "Headphones & Audio" },
    ],
  },
  {
    slug: "ev-yasam",
    name: "Ev & Yaşam",
    en: "Home & Living",
    theme: "home",
    children: [
      { slug: "mutfak", name: "Mutfak", en: "Kitchen" },
      { slug: "dekorasyon", name: "Dekorasyon", en: "Decoration" },
      { slug: "ev-tekstili", name: "Ev Tekstili", en: "Home Textiles" },
    ],
  },
  {
    slug: "moda",
    name: "Moda",
    en: "Fashion",
    theme: "fashion",
    children: [
      { slug: "kadin", name: "Kadın", en: "Women" },
      { slug: "erkek", name: "Erkek", en: "Men" },
      { slug: "ayakkabi", name: "Ayakkabı", en: "Shoes" },
    ],
  },
  {
    slug: "kitap",
    name: "Kitap",
    en: "Books",
    theme: "books",
    children: [
      { slug: "roman", name: "Roman", en: "Novels" },
      { slug: "cocuk-kitaplari", name: "Çocuk Kitapları", en: "Children's Books" },
      { slug: "kisisel-gelisim", name: "Kişisel Gelişim", en: "Self-Improvement" },
    ],
  },
  {
    slug: "spor-outdoor",
    name: "Spor & Outdoor",
    en: "Sports & Outdoors",
    theme: "sports",
    children: [
      { slug: "fitness", name: "Fitness", en: "Fitness" },
      { slug: "kamp", name: "Kamp", en: "Camping" },
      { slug: "bisiklet", name: "Bisiklet", en: "Cycling" },
    ],
  },
  {
    slug: "supermarket",
    name: "Süpermarket",
    en: "Grocery",
    theme: "grocery",
    children: [
      { slug: "kahvaltilik", name: "Kahvaltılık", en: "Breakfast" },
      { slug: "kahve-cay", name: "Kahve & Çay", en: "Coffee & Tea" },
    ],
  },
];

export interface DemoProduct {
  title: string;
  description: string;
  en: { title: string; description: string };
  brand: string;
  /** Slug of a leaf category in DEMO_CATEGORIES. */
  category: string;
  /** Which illustration the pictures use. */
  kind: ImageKind;
  /** KDV-inclusive price in kuruş. */
  price: number;
  compareAt?: number;
  /** KDV rate in percent; 20 unless stated. */
  vat?: 0 | 1 | 10 | 20;
  stock: number;
  sold: number;
  featured?: boolean;
  /** One picture per colour (1–3). */
  colors: string[];
  /** Second colour of the illustration (book cover art, label, stripes). */
  accent?: string;
  /** Text drawn on the product itself (book title, jar label). */
  label?: string;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  // ── Elektronik › Telefon & Aksesuar ───────────────────────────────────────────────────────
  {
    title: "Novatek X12 Akıllı Telefon 256 GB",
    description:
      "6,7 inç 120 Hz AMOLED ekran, 50 MP ana kamera ve gün boyu süren 5.000 mAh batarya. Alüminyum çerçevesi ve IP68 su geçirmezliğiyle her güne hazır. Kutudan 2 yıl resmi distribütör garantisiyle çıkar.",
    en: {
      title: "Novatek X12 Smartphone 256 GB",
      description:
        "A 6.7-inch 120 Hz AMOLED display, 50 MP main camera and a 5,000 mAh battery that lasts all day. Aluminium frame and IP68 water resistance make it ready for anything. Comes with a 2-year official distributor warranty.",
    },
    brand: "Novatek",
    category: "telefon-aksesuar",
    kind: "phone",
    price: 3499900,
    compareAt: 3899900,
    stock: 24,
    sold: 312,
    featured: true,
    colors: ["#2d3a5c", "#7fb3d5", "#e8d5c4"],
  },
  {
    title: "Zenfon Lite 5G Akıllı Telefon 128 GB",
    description:
      "Uygun fiyatlı 5G deneyimi: 6,5 inç ekran, 48 MP çift kamera ve 33 W hızlı şarj. Hafif gövdesi elde rahat durur, çift SIM desteğiyle iş ve özel hattınızı tek cihazda toplar.",
    en: {
      title: "Zenfon Lite 5G Smartphone 128 GB",
      description:
        "Affordable 5G: a 6.5-inch display, 48 MP dual camera and 33 W fast charging. The light body sits comfortably in the hand, and dual SIM keeps work and personal lines on one device.",
    },
    brand: "Zenfon",
    category: "telefon-aksesuar",
    kind: "phone",
    price: 1499990,
    stock: 40,
    sold: 540,
    colors: ["#4caf93", "#3c4250"],
  },
  {
    title: "Pixelon Pro Max Akıllı Telefon 512 GB",
    description:
      "Üç arka kameralı amiral gemisi: 5x optik yakınlaştırma, 8K video ve gece modu. Titanyum kasası hafif ve dayanıklı; kablosuz şarj ve eSIM desteği standart.",
    en: {
      title: "Pixelon Pro Max Smartphone 512 GB",
      description:
        "A flagship with three rear cameras: 5x optical zoom, 8K video and night mode. The titanium body is light and tough; wireless charging and eSIM come as standard.",
    },
    brand: "Pixelon",
    category: "telefon-aksesuar",
    kind: "phone",
    price: 6499900,
    stock: 6,
    sold: 88,
    featured: true,
    colors: ["#8c8f94", "#1f2430"],
  },
  {
    title: "Voltix 20.000 mAh Hızlı Şarj Powerbank",
    description:
      "USB-C PD 65 W çıkışıyla dizüstü bilgisayarınızı bile şarj eder. Üç cihazı aynı anda besler, LED gösterge kalan enerjiyi bir bakışta gösterir.",
    en: {
      title: "Voltix 20,000 mAh Fast-Charging Power Bank",
      description:
        "65 W USB-C PD output charges even your laptop. Powers three devices at once, and the LED gauge shows the remaining charge at a glance.",
    },
    brand: "Voltix",
    category: "telefon-aksesuar",
    kind: "powerbank",
    price: 119990,
    compareAt: 149990,
    stock: 120,
    sold: 860,
    colors: ["#e36f5a", "#2f3a4f", "#f2f2ef"],
  },
  {
    title: "Voltix Manyetik Kablosuz Powerbank 10.000 mAh",
    description:
      "Telefonun arkasına mıknatısla tutunur, kabloya gerek kalmadan şarj eder. İnce gövdesi cebe sığar; USB-C girişiyle kendisi de hızla dolar.",
    en: {
      title: "Voltix Magnetic Wireless Power Bank 10,000 mAh",
      description:
        "Snaps magnetically onto the back of your phone and charges without a cable. The slim body fits in a pocket and refills quickly over USB-C.",
    },
    brand: "Voltix",
    category: "telefon-aksesuar",
    kind: "powerbank",
    price: 89990,
    stock: 0,
    sold: 410,
    colors: ["#a3c4f3", "#f4f1ea"],
  },
  {
    title: "Novatek Fit 3 Akıllı Saat",
    description:
      "Nabız, uyku ve kandaki oksijen takibi; 100'den fazla spor modu ve dahili GPS. Tek şarjla 10 güne kadar kullanım, 5 ATM suya dayanıklılık.",
    en: {
      title: "Novatek Fit 3 Smartwatch",
      description:
        "Heart rate, sleep and blood-oxygen tracking, more than 100 sport modes and built-in GPS. Up to 10 days on one charge and 5 ATM water resistance.",
    },
    brand: "Novatek",
    category: "telefon-aksesuar",
    kind: "watch",
    price: 499900,
    compareAt: 599900,
    stock: 40,
    sold: 510,
    colors: ["#e07a8b", "#3f4a5a", "#7bbf9e"],
  },

  // ── Elektronik › Bilgisayar ───────────────────────────────────────────────────────────────
  {
    title: "Novatek AirBook 14 Dizüstü Bilgisayar i7 16 GB 512 GB SSD",
    description:
      "1,2 kg ağırlığında, 14 inç 2,8K ekranlı ince ve hafif dizüstü. Intel Core i7 işlemci ve 16 GB bellekle ofis işlerinden fotoğraf düzenlemeye kadar akıcı performans; 14 saate varan pil ömrü.",
    en: {
      title: "Novatek AirBook 14 Laptop i7 16 GB 512 GB SSD",
      description:
        "A thin and light 1.2 kg laptop with a 14-inch 2.8K display. An Intel Core i7 and 16 GB of memory keep everything from office work to photo editing smooth, with up to 14 hours of battery life.",
    },
    brand: "Novatek",
    category: "bilgisayar",
    kind: "laptop",
    price: 4299900,
    compareAt: 4799900,
    stock: 12,
    sold: 96,
    featured: true,
    colors: ["#b8bec8", "#4a5a78"],
  },
  {
    title: "Kuzey ProBook 16 Oyun Bilgisayarı RTX 4070",
    description:
      "16 inç 240 Hz ekran, RTX 4070 ekran kartı ve 32 GB DDR5 bellek. Çift fanlı soğutma sistemi uzun oyun seanslarında bile sessiz ve serin kalır.",
    en: {
      title: "Kuzey ProBook 16 Gaming Laptop RTX 4070",
      description:
        "A 16-inch 240 Hz display, RTX 4070 graphics and 32 GB of DDR5 memory. The dual-fan cooling stays quiet and cool even through long gaming sessions.",
    },
    brand: "Kuzey",
    category: "bilgisayar",
    kind: "laptop",
    price: 6499900,
    stock: 5,
    sold: 41,
    colors: ["#2b2f3a"],
    accent: "#e0455f",
  },
  {
    title: "Novatek Slim 13 Öğrenci Dizüstü Bilgisayarı 8 GB",
    description:
      "Derslere, ödevlere ve online toplantılara hazır, uygun fiyatlı dizüstü. 13,3 inç Full HD ekran, hızlı SSD ve yalnızca 1,3 kg.",
    en: {
      title: "Novatek Slim 13 Student Laptop 8 GB",
      description:
        "An affordable laptop ready for lectures, homework and video calls. A 13.3-inch Full HD screen, a fast SSD and just 1.3 kg.",
    },
    brand: "Novatek",
    category: "bilgisayar",
    kind: "laptop",
    price: 2149900,
    stock: 30,
    sold: 205,
    colors: ["#c9b8d9", "#9fb7a4"],
  },
  {
    title: "Pixelon Sessiz Kablosuz Mouse",
    description:
      "Tık sesi %90 azaltılmış tuşlarıyla kütüphanede bile rahatça kullanılır. 2,4 GHz alıcı ve Bluetooth ile iki cihaza bağlanır; tek AA pille 18 ay çalışır.",
    en: {
      title: "Pixelon Silent Wireless Mouse",
      description:
        "Buttons with 90% quieter clicks make it fine to use even in a library. Connects to two devices over a 2.4 GHz receiver and Bluetooth, and runs 18 months on one AA battery.",
    },
    brand: "Pixelon",
    category: "bilgisayar",
    kind: "mouse",
    price: 44990,
    stock: 200,
    sold: 1320,
    colors: ["#a88fd8", "#3c4250", "#f0b7a4"],
  },
  {
    title: "Kuzey Ergonomik Dikey Mouse",
    description:
      "57° dikey tutuş bileği doğal konumda tutar ve uzun çalışma saatlerinde zorlanmayı azaltır. Ayarlanabilir 4.000 DPI sensör ve şarj edilebilir batarya.",
    en: {
      title: "Kuzey Ergonomic Vertical Mouse",
      description:
        "A 57° vertical grip keeps your wrist in a natural position and reduces strain over long working hours. Adjustable 4,000 DPI sensor and a rechargeable battery.",
    },
    brand: "Kuzey",
    category: "bilgisayar",
    kind: "mouse",
    price: 89990,
    compareAt: 109990,
    stock: 45,
    sold: 260,
    colors: ["#3a3f4b", "#dfe3e8"],
  },

  // ── Elektronik › Kulaklık & Ses ───────────────────────────────────────────────────────────
  {
    title: "Aurasound Studio ANC Kulak Üstü Kulaklık",
    description:
      "Aktif gürültü engelleme ile metroda da stüdyo sessizliği. 40 mm sürücüler, 50 saat pil ömrü ve katlanabilir tasarım; yumuşak memory-foam pedler saatlerce konfor sağlar.",
    en: {
      title: "Aurasound Studio ANC Over-Ear Headphones",
      description:
        "Active noise cancelling brings studio quiet even to the metro. 40 mm drivers, 50 hours of battery and a foldable design; soft memory-foam pads stay comfortable for hours.",
    },
    brand: "Aurasound",
    category: "kulaklik-ses",
    kind: "headphones",
    price: 649900,
    compareAt: 799900,
    stock: 35,
    sold: 420,
    featured: true,
    colors: ["#2f3442", "#d9c7b0", "#7d9cc4"],
  },
  {
    title: "Aurasound Kids Çocuk Kulaklığı 85 dB Sınırlı",
    description:
      "Ses seviyesi 85 dB ile sınırlandırılmış, çocuk kulaklarını koruyan kablosuz kulaklık. Esnek ve kırılmaz kafa bandı, neşeli renkler ve 30 saat pil.",
    en: {
      title: "Aurasound Kids Headphones, 85 dB Limited",
      description:
        "Wireless headphones limited to 85 dB to protect young ears. A flexible, unbreakable headband, cheerful colours and 30 hours of battery.",
    },
    brand: "Aurasound",
    category: "kulaklik-ses",
    kind: "headphones",
    price: 89990,
    stock: 60,
    sold: 190,
    colors: ["#f2a65a", "#6cc1b5"],
  },
  {
    title: "Aurasound Buds Pro Kablosuz Kulak İçi Kulaklık",
    description: "Hibrit ANC, şeffaf mod ve çoklu cihaz bağlantısı. Şarj kutusuyla toplam 36 saat dinleme; IPX5 ter ve suya dayanıklı.",
    en: {
      title: "Aurasound Buds Pro Wireless Earbuds",
      description:
        "Hybrid ANC, transparency mode and multipoint pairing. 36 hours of listening in total with the charging case; IPX5 sweat and water resistant.",
    },
    brand: "Aurasound",
    category: "kulaklik-ses",
    kind: "earbuds",
    price: 299990,
    compareAt: 399990,
    stock: 80,
    sold: 980,
    featured: true,
    colors: ["#f4f5f7", "#2f3442"],
  },
  {
    title: "Zenfon Buds Lite Kablosuz Kulaklık",
    description:
      "Günlük kullanım için hafif ve uygun fiyatlı kulak içi kulaklık. Dokunmatik kontroller, net görüşmeler için çift mikrofon ve USB-C şarj.",
    en: {
      title: "Zenfon Buds Lite Wireless Earbuds",
      description: "Light, affordable everyday earbuds. Touch controls, dual microphones for clear calls and USB-C charging.",
    },
    brand: "Zenfon",
    category: "kulaklik-ses",
    kind: "earbuds",
    price: 129990,
    stock: 0,
    sold: 650,
    colors: ["#9ad0c2"],
  },
  {
    title: "Aurasound Go Taşınabilir Bluetooth Hoparlör",
    description:
      "Avuç içi boyutunda, 360° dolgun ses. IP67 toz ve su geçirmezliğiyle plaja, kampa, balkona; 20 saat çalma süresi ve iki hoparlörü eşleme özelliği.",
    en: {
      title: "Aurasound Go Portable Bluetooth Speaker",
      description:
        "Palm-sized with full 360° sound. IP67 dust and water resistance for the beach, the campsite or the balcony; 20 hours of playback and pairing of two speakers.",
    },
    brand: "Aurasound",
    category: "kulaklik-ses",
    kind: "speaker",
    price: 219990,
    stock: 55,
    sold: 370,
    colors: ["#3f6fb5", "#e0776a", "#5b6b5a"],
  },

  // ── Ev & Yaşam › Mutfak ───────────────────────────────────────────────────────────────────
  {
    title: "Anadolu Mutfak Granit Tava 28 cm",
    description:
      "Üç katmanlı granit kaplaması sayesinde az yağla yapışmadan pişirir. İndüksiyon dahil tüm ocaklarla uyumlu; ısıya dayanıklı ergonomik sapı elinizi yakmaz.",
    en: {
      title: "Anadolu Mutfak Granite Frying Pan 28 cm",
      description:
        "A three-layer granite coating cooks without sticking, using little oil. Works on every hob including induction; the heat-resistant ergonomic handle stays cool.",
    },
    brand: "Anadolu Mutfak",
    category: "mutfak",
    kind: "pan",
    price: 129990,
    compareAt: 169990,
    stock: 70,
    sold: 830,
    featured: true,
    colors: ["#8e6fc1", "#d9875c"],
  },
  {
    title: "Anadolu Mutfak Döküm Tava 24 cm",
    description:
      "Isıyı eşit dağıtan ve uzun süre koruyan dökme demir tava. Ocakta, fırında ve mangalda kullanılabilir; doğru bakımla nesilden nesile aktarılır.",
    en: {
      title: "Anadolu Mutfak Cast Iron Skillet 24 cm",
      description:
        "Cast iron that spreads heat evenly and holds it for a long time. Use it on the hob, in the oven or on the grill; with care it lasts for generations.",
    },
    brand: "Anadolu Mutfak",
    category: "mutfak",
    kind: "pan",
    price: 189900,
    stock: 25,
    sold: 140,
    colors: ["#3d4048"],
  },
  {
    title: "Bakırhan El Dövmesi Bakır Cezve",
    description:
      "Gaziantepli ustaların elinde dövülen, içi kalaylı bakır cezve. Türk kahvesini yavaş ve eşit ısıtarak bol köpüklü pişirir; ahşap sapı şık ve sağlam.",
    en: {
      title: "Bakırhan Hand-Hammered Copper Coffee Pot",
      description:
        "A tin-lined copper cezve hammered by craftsmen in Gaziantep. It heats Turkish coffee slowly and evenly for a rich foam; the wooden handle is elegant and sturdy.",
    },
    brand: "Bakırhan",
    category: "mutfak",
    kind: "cezve",
    price: 74990,
    stock: 90,
    sold: 1100,
    featured: true,
    colors: ["#c8743f", "#c9a04a"],
  },
  {
    title: "Bakırhan Paslanmaz Çelik Çaydanlık Takımı",
    description:
      "Demliği ve su ısıtıcısıyla klasik Türk usulü çay keyfi. 18/10 paslanmaz çelik, indüksiyon tabanlı; 2,2 L alt ve 1 L demlik hacmi.",
    en: {
      title: "Bakırhan Stainless Steel Turkish Teapot Set",
      description:
        "Classic Turkish-style tea with a stacked teapot and kettle. 18/10 stainless steel with an induction base; 2.2 L kettle and 1 L teapot.",
    },
    brand: "Bakırhan",
    category: "mutfak",
    kind: "teapot",
    price: 249900,
    compareAt: 299900,
    stock: 30,
    sold: 460,
    colors: ["#a9b1bc", "#c8743f"],
  },
  {
    title: "Lale Home Seramik Kupa 350 ml",
    description: "Sabah kahvesi için ideal boyda, mat sırlı seramik kupa. Bulaşık makinesi ve mikrodalga fırında güvenle kullanılabilir.",
    en: {
      title: "Lale Home Ceramic Mug 350 ml",
      description: "A matte-glazed ceramic mug in the perfect size for morning coffee. Safe in the dishwasher and the microwave.",
    },
    brand: "Lale Home",
    category: "mutfak",
    kind: "mug",
    price: 18990,
    stock: 300,
    sold: 2400,
    colors: ["#5fa88a", "#e8b04b", "#7089c9"],
  },
  {
    title: "Lale Home El Yapımı Çini Desenli Kupa",
    description:
      "Kütahya çini motiflerinden ilham alan, tek tek elle boyanan kupa. Her biri küçük farklılıklar taşıyan özel bir parça; hediye kutusunda gönderilir.",
    en: {
      title: "Lale Home Handmade Tile-Pattern Mug",
      description: "Hand-painted one by one, inspired by Kütahya tile motifs. Each piece carries small differences; shipped in a gift box.",
    },
    brand: "Lale Home",
    category: "mutfak",
    kind: "mug",
    price: 27990,
    stock: 0,
    sold: 390,
    colors: ["#2f6db5", "#1f8a8a"],
    accent: "#e9d8a6",
  },

  // ── Ev & Yaşam › Dekorasyon ───────────────────────────────────────────────────────────────
  {
    title: "Nur Aydınlatma Keten Başlıklı Masa Lambası",
    description:
      "Doğal keten başlık ışığı yumuşatarak sıcak bir atmosfer yaratır. Pirinç kaplama gövde, kumaş kablo ve E27 duy; yatak odası ve çalışma masası için ideal.",
    en: {
      title: "Nur Aydınlatma Linen Shade Table Lamp",
      description:
        "A natural linen shade softens the light into a warm glow. Brass-finish body, fabric cable and an E27 socket; ideal for the bedroom or the desk.",
    },
    brand: "Nur Aydınlatma",
    category: "dekorasyon",
    kind: "lamp",
    price: 114990,
    stock: 40,
    sold: 260,
    colors: ["#e6d5b8", "#9fb3a1", "#d98f7a"],
  },
  {
    title: "Nur Aydınlatma Retro Metal Masa Lambası",
    description:
      "Yetmişlerden ilham alan, ayarlanabilir başlıklı metal lamba. Toz boya kaplama, dokunmatik açma-kapama ve üç kademe parlaklık.",
    en: {
      title: "Nur Aydınlatma Retro Metal Table Lamp",
      description:
        "A metal lamp with an adjustable head, inspired by the seventies. Powder-coated finish, touch switch and three brightness levels.",
    },
    brand: "Nur Aydınlatma",
    category: "dekorasyon",
    kind: "lamp",
    price: 159900,
    compareAt: 189900,
    stock: 18,
    sold: 120,
    colors: ["#2f6d6a", "#e3a33b"],
  },
  {
    title: "Lale Home Seramik Vazo ve Kuru Çiçek Seti",
    description:
      "El yapımı seramik vazo ve doğal pampas otlarından oluşan hazır dekor seti. Konsol, sehpa ya da kitaplığa sıcak bir dokunuş katar.",
    en: {
      title: "Lale Home Ceramic Vase and Dried Flower Set",
      description:
        "A ready-made decor set: a handmade ceramic vase with natural pampas grass. Adds a warm touch to a console, coffee table or bookshelf.",
    },
    brand: "Lale Home",
    category: "dekorasyon",
    kind: "vase",
    price: 64990,
    stock: 55,
    sold: 310,
    featured: true,
    colors: ["#d9826b", "#e8e0d2", "#7d9a86"],
  },
  {
    title: "Lale Home Mat Cam Vazo 30 cm",
    description: "Kumlanmış camdan, zamansız formda vazo. Taze ya da kuru çiçeklerle, tek başına bile dikkat çeker.",
    en: {
      title: "Lale Home Frosted Glass Vase 30 cm",
      description: "A vase of frosted glass in a timeless shape. Striking with fresh or dried flowers, or simply on its own.",
    },
    brand: "Lale Home",
    category: "dekorasyon",
    kind: "vase",
    price: 45990,
    stock: 70,
    sold: 140,
    colors: ["#9cc3d5", "#c7b9d6"],
  },

  // ── Ev & Yaşam › Ev Tekstili ──────────────────────────────────────────────────────────────
  {
    title: "Pamukkale Tekstil Kilim Desenli Kırlent Kılıfı 45×45",
    description:
      "Anadolu kilim motiflerini modern renklerle buluşturan jakar dokuma kırlent kılıfı. Gizli fermuarlı, 30 °C'de yıkanabilir; iç yastık dahil değildir.",
    en: {
      title: "Pamukkale Tekstil Kilim-Pattern Cushion Cover 45×45",
      description:
        "A jacquard-woven cushion cover pairing Anatolian kilim motifs with modern colours. Hidden zip, washable at 30 °C; insert not included.",
    },
    brand: "Pamukkale Tekstil",
    category: "ev-tekstili",
    kind: "cushion",
    price: 24990,
    compareAt: 34990,
    stock: 150,
    sold: 880,
    featured: true,
    colors: ["#4f9a8a", "#d9a441", "#b75d69"],
  },
  {
    title: "Pamukkale Tekstil Kadife Kırlent",
    description: "Yumuşacık kadife dokusu ve dolgun elyaf iç yastığıyla koltuğunuzun en rahat köşesi. Leke tutmayan kumaş, kolay bakım.",
    en: {
      title: "Pamukkale Tekstil Velvet Cushion",
      description: "Soft velvet with a plump fibre insert for the comfiest corner of your sofa. Stain-resistant fabric, easy care.",
    },
    brand: "Pamukkale Tekstil",
    category: "ev-tekstili",
    kind: "cushion",
    price: 29990,
    stock: 90,
    sold: 340,
    colors: ["#3e6e8e", "#c98b6b"],
  },
  {
    title: "Pamukkale Tekstil 3'lü Pamuklu Havlu Seti",
    description:
      "%100 Türk pamuğundan, 550 g/m² yoğunlukta yumuşak ve emici havlular. Set; bir banyo, bir el ve bir yüz havlusundan oluşur.",
    en: {
      title: "Pamukkale Tekstil 3-Piece Cotton Towel Set",
      description: "Soft, absorbent 550 g/m² towels in 100% Turkish cotton. The set has one bath, one hand and one face towel.",
    },
    brand: "Pamukkale Tekstil",
    category: "ev-tekstili",
    kind: "towels",
    price: 89990,
    stock: 60,
    sold: 450,
    colors: ["#8fb8c9", "#e3c6a8"],
  },
  {
    title: "Pamukkale Tekstil Hamam Peştemali",
    description:
      "Geleneksel tezgâhlarda dokunan, hafif ve çabuk kuruyan peştemal. Plajda havlu, evde şal, piknikte örtü olarak kullanılabilir.",
    en: {
      title: "Pamukkale Tekstil Turkish Hammam Towel",
      description: "Woven on traditional looms, light and quick-drying. A beach towel, a throw at home or a picnic blanket.",
    },
    brand: "Pamukkale Tekstil",
    category: "ev-tekstili",
    kind: "towels",
    price: 34990,
    stock: 0,
    sold: 720,
    colors: ["#d96c5f", "#4d8fb8", "#6aa37a"],
  },

  // ── Moda › Kadın ──────────────────────────────────────────────────────────────────────────
  {
    title: "Mavera Çiçek Desenli Midi Elbise",
    description:
      "Akışkan viskon kumaşı ve kloş eteğiyle yaz günlerinin vazgeçilmezi. Beli kuşaklı, ayarlanabilir askılı; makinede 30 °C'de yıkanabilir.",
    en: {
      title: "Mavera Floral Midi Dress",
      description:
        "A summer essential with flowing viscose and a flared skirt. Belted waist and adjustable straps; machine washable at 30 °C.",
    },
    brand: "Mavera",
    category: "kadin",
    kind: "dress",
    price: 149990,
    compareAt: 199990,
    stock: 35,
    sold: 410,
    featured: true,
    colors: ["#e48a9c", "#4f7cc2", "#f0c35c"],
  },
  {
    title: "Mavera Keten Askılı Yazlık Elbise",
    description: "Nefes alan saf keten kumaştan, rahat kesimli yazlık elbise. Yan cepleri ve doğal dokusuyla hem şık hem pratik.",
    en: {
      title: "Mavera Linen Strap Summer Dress",
      description: "A relaxed summer dress in breathable pure linen. Side pockets and a natural texture make it both smart and practical.",
    },
    brand: "Mavera",
    category: "kadin",
    kind: "dress",
    price: 119990,
    stock: 20,
    sold: 180,
    colors: ["#e9dcc3", "#9cb89a"],
  },
  {
    title: "Ada Moda Hakiki Deri Omuz Çantası",
    description: "Yumuşak dana derisinden, gün boyu taşımaya uygun omuz çantası. İç fermuarlı cep, mıknatıslı kapak ve ayarlanabilir askı.",
    en: {
      title: "Ada Moda Genuine Leather Shoulder Bag",
      description: "A soft calfskin shoulder bag made to carry all day. Inner zip pocket, magnetic flap and an adjustable strap.",
    },
    brand: "Ada Moda",
    category: "kadin",
    kind: "bag",
    price: 279900,
    stock: 15,
    sold: 230,
    colors: ["#b5653f", "#2f3037", "#d8c3a5"],
  },
  {
    title: "Ada Moda Hasır Plaj Çantası",
    description: "El örgüsü hasır gövde ve deri saplarla geniş ve hafif plaj çantası. Havlu, kitap ve su şişesi için bol yer.",
    en: {
      title: "Ada Moda Straw Beach Bag",
      description:
        "A roomy, light beach bag with a hand-woven straw body and leather handles. Plenty of space for a towel, a book and a water bottle.",
    },
    brand: "Ada Moda",
    category: "kadin",
    kind: "bag",
    price: 89990,
    compareAt: 119990,
    stock: 0,
    sold: 95,
    colors: ["#d9b77e"],
  },
  {
    title: "Mavera Basic Pamuklu Kadın Tişört",
    description: "%100 organik pamuktan, bisiklet yaka, rahat kalıp basic tişört. Dolabın her parçasıyla uyumlu; yıkamada çekme yapmaz.",
    en: {
      title: "Mavera Basic Cotton Women's T-Shirt",
      description:
        "A crew-neck basic tee in 100% organic cotton with a relaxed fit. Goes with everything in the wardrobe and does not shrink in the wash.",
    },
    brand: "Mavera",
    category: "kadin",
    kind: "tshirt",
    price: 34990,
    stock: 220,
    sold: 1500,
    colors: ["#f4f1ea", "#e8a0a8", "#5b6b8c"],
  },

  // ── Moda › Erkek ──────────────────────────────────────────────────────────────────────────
  {
    title: "Kuzgun Oversize Pamuklu Tişört",
    description: "Kalın dokulu 240 g/m² pamuktan, düşük omuzlu oversize kesim. Günlük kombinlerin temel parçası; yıkamada formunu korur.",
    en: {
      title: "Kuzgun Oversized Cotton T-Shirt",
      description:
        "Heavyweight 240 g/m² cotton in a dropped-shoulder oversized cut. A staple of everyday outfits that keeps its shape in the wash.",
    },
    brand: "Kuzgun",
    category: "erkek",
    kind: "tshirt",
    price: 44990,
    compareAt: 59990,
    stock: 180,
    sold: 1240,
    featured: true,
    colors: ["#2f3037", "#d7a64a", "#7f9c7a"],
  },
  {
    title: "Kuzgun Slim Fit Oxford Gömlek",
    description: "Oxford dokuma pamuktan, düğmeli yaka slim fit gömlek. Ofiste ceketle, hafta sonu kot pantolonla aynı ölçüde şık.",
    en: {
      title: "Kuzgun Slim Fit Oxford Shirt",
      description:
        "A slim-fit button-down shirt in Oxford-weave cotton. Just as sharp with a blazer at the office as with jeans at the weekend.",
    },
    brand: "Kuzgun",
    category: "erkek",
    kind: "shirt",
    price: 99990,
    stock: 75,
    sold: 520,
    colors: ["#9cc0e0", "#f3f1ec", "#c9a3a0"],
  },
  {
    title: "Kuzgun Keten Kısa Kollu Gömlek",
    description: "Sıcak günler için ferah keten gömlek. Rahat kesim, hindistan cevizi düğmeler ve doğal kırışık dokusu.",
    en: {
      title: "Kuzgun Linen Short-Sleeve Shirt",
      description: "An airy linen shirt for hot days. Relaxed fit, coconut buttons and a naturally creased texture.",
    },
    brand: "Kuzgun",
    category: "erkek",
    kind: "shirt",
    price: 109990,
    stock: 40,
    sold: 210,
    colors: ["#e6dcc8", "#8aa6a0"],
  },
  {
    title: "Efes Denim Klasik Kot Gömlek",
    description: "Yıkamalı denimden, çift göğüs cepli klasik kot gömlek. Tek başına ya da tişört üstüne ceket gibi giyilebilir.",
    en: {
      title: "Efes Denim Classic Denim Shirt",
      description: "A classic washed-denim shirt with two chest pockets. Wear it on its own or open over a T-shirt like a jacket.",
    },
    brand: "Efes Denim",
    category: "erkek",
    kind: "shirt",
    price: 129990,
    stock: 3,
    sold: 150,
    colors: ["#4f6f99"],
  },
  {
    title: "Ada Moda Deri Evrak Çantası",
    description:
      "15,6 inç dizüstü bilgisayar bölmeli, hakiki deri evrak çantası. Ayrılabilir omuz askısı ve metal aksesuarlarıyla yıllarca kullanılır.",
    en: {
      title: "Ada Moda Leather Briefcase",
      description:
        "A genuine-leather briefcase with a 15.6-inch laptop compartment. A detachable shoulder strap and metal fittings built to last for years.",
    },
    brand: "Ada Moda",
    category: "erkek",
    kind: "bag",
    price: 349900,
    stock: 12,
    sold: 60,
    colors: ["#6b4430", "#2f3037"],
  },

  // ── Moda › Ayakkabı ───────────────────────────────────────────────────────────────────────
  {
    title: "Yeni Adım AirStep Koşu Ayakkabısı",
    description:
      "Enerji geri dönüşlü köpük taban ve nefes alan örgü üst yüzey. Günlük koşulardan yarı maratona kadar hafif ve destekleyici.",
    en: {
      title: "Yeni Adım AirStep Running Shoes",
      description: "Energy-return foam and a breathable knit upper. Light and supportive from daily runs to a half marathon.",
    },
    brand: "Yeni Adım",
    category: "ayakkabi",
    kind: "sneaker",
    price: 249990,
    compareAt: 319990,
    stock: 60,
    sold: 890,
    featured: true,
    colors: ["#3f7fd9", "#e56b5d", "#3a3f4b"],
  },
  {
    title: "Yeni Adım Beyaz Deri Sneaker",
    description: "Minimal çizgili, hakiki deri beyaz sneaker. Kauçuk taban ve ortopedik iç taban ile gün boyu konfor.",
    en: {
      title: "Yeni Adım White Leather Sneakers",
      description: "Minimal white sneakers in genuine leather. A rubber sole and an orthopaedic insole for all-day comfort.",
    },
    brand: "Yeni Adım",
    category: "ayakkabi",
    kind: "sneaker",
    price: 299900,
    stock: 45,
    sold: 610,
    colors: ["#f2f1ed", "#e9e2d6"],
    accent: "#2f6d4f",
  },
  {
    title: "Yeni Adım Çocuk Işıklı Spor Ayakkabı",
    description:
      "Her adımda yanan LED taban, çocukların en sevdiği detay. Cırt cırtlı kapama ve esnek taban ile kolay giyilir, rahat koşturur.",
    en: {
      title: "Yeni Adım Kids' Light-Up Trainers",
      description:
        "LED soles that light up with every step, the detail kids love most. Hook-and-loop fastening and a flexible sole make them easy to put on and run in.",
    },
    brand: "Yeni Adım",
    category: "ayakkabi",
    kind: "sneaker",
    price: 129990,
    stock: 0,
    sold: 340,
    colors: ["#f08fb0", "#5ab0e0", "#f5c542"],
  },
  {
    title: "Zirve Outdoor Su Geçirmez Yürüyüş Ayakkabısı",
    description:
      "Su geçirmez membran ve kaymaz Vibram benzeri taban ile patikada güvenli adımlar. Bilek destekli yapı, uzun yürüyüşlerde yorgunluğu azaltır.",
    en: {
      title: "Zirve Outdoor Waterproof Hiking Shoes",
      description: "A waterproof membrane and a grippy lug sole for sure steps on the trail. Ankle support reduces fatigue on long hikes.",
    },
    brand: "Zirve Outdoor",
    category: "ayakkabi",
    kind: "sneaker",
    price: 379900,
    stock: 25,
    sold: 170,
    colors: ["#8a6a4a", "#56664f"],
    accent: "#e08a3c",
  },

  // ── Kitap › Roman ─────────────────────────────────────────────────────────────────────────
  {
    title: "Bozkırda Son Kervan",
    description:
      "Selim Aydoğan'ın İpek Yolu'nun son günlerinde geçen destansı romanı. Bir kervanbaşının Konya'dan Tebriz'e uzanan yolculuğu, dostluk ve ihanetle örülü unutulmaz bir hikâyeye dönüşür. 432 sayfa, karton kapak.",
    en: {
      title: "The Last Caravan on the Steppe",
      description:
        "Selim Aydoğan's epic novel set in the last days of the Silk Road. A caravan master's journey from Konya to Tabriz becomes an unforgettable tale of friendship and betrayal. 432 pages, paperback.",
    },
    brand: "Kervan Yayınları",
    category: "roman",
    kind: "book",
    label: "Bozkırda Son Kervan",
    price: 28900,
    vat: 10,
    stock: 140,
    sold: 720,
    featured: true,
    colors: ["#8c3b2f", "#2f4f6f"],
    accent: "#e8b04b",
  },
  {
    title: "İstanbul'un Kayıp Saatleri",
    description:
      "Defne Karaca'dan, Galata'daki eski bir saatçi dükkânında başlayan büyülü bir gizem. Yüz yıl arayla yaşayan iki kadının hayatı, durmuş bir saatin çarklarında kesişir. 368 sayfa.",
    en: {
      title: "The Lost Hours of Istanbul",
      description:
        "A magical mystery by Defne Karaca that begins in an old watchmaker's shop in Galata. The lives of two women a century apart meet in the gears of a stopped clock. 368 pages.",
    },
    brand: "Pusula Kitap",
    category: "roman",
    kind: "book",
    label: "İstanbul'un Kayıp Saatleri",
    price: 32900,
    compareAt: 38900,
    vat: 10,
    stock: 85,
    sold: 540,
    colors: ["#1f4e5f", "#5a3d6b"],
    accent: "#f2c46d",
  },
  {
    title: "Deniz Feneri Bekçisi",
    description:
      "Kuzey Ege'de ıssız bir adada yalnız yaşayan fener bekçisinin, bir fırtına gecesi kıyıya vuran yabancıyla değişen hayatı. Murat Erkan'ın sade ve dokunaklı kalemiyle. 256 sayfa.",
    en: {
      title: "The Lighthouse Keeper",
      description:
        "The life of a lighthouse keeper alone on a remote North Aegean island changes when a stranger washes ashore one stormy night. Told in Murat Erkan's simple, moving prose. 256 pages.",
    },
    brand: "Kervan Yayınları",
    category: "roman",
    kind: "book",
    label: "Deniz Feneri Bekçisi",
    price: 24900,
    vat: 10,
    stock: 60,
    sold: 260,
    colors: ["#2e5e8c"],
    accent: "#f0d27a",
  },
  {
    title: "Kar Altında Bir Kasaba",
    description:
      "Doğu Karadeniz'de, yollar kapandığında birbirine mecbur kalan bir kasabanın kırk günü. Elif Tunalı'nın mizahla hüznü ustaca harmanladığı ilk romanı. 312 sayfa.",
    en: {
      title: "A Town Under Snow",
      description:
        "Forty days in an Eastern Black Sea town whose people are thrown together when the roads close. Elif Tunalı's debut novel, blending humour and sorrow with skill. 312 pages.",
    },
    brand: "Pusula Kitap",
    category: "roman",
    kind: "book",
    label: "Kar Altında Bir Kasaba",
    price: 29900,
    vat: 10,
    stock: 0,
    sold: 180,
    colors: ["#6b8fb3"],
    accent: "#f4f1ea",
  },

  // ── Kitap › Çocuk Kitapları ───────────────────────────────────────────────────────────────
  {
    title: "Minik Kaplumbağa Yola Çıkıyor",
    description:
      "Acele etmeyi sevmeyen Minik Kaplumbağa'nın ormandaki büyük yarışa katılma macerası. Renkli resimleri ve kısa cümleleriyle 3–6 yaş için; sabır ve dostluk üzerine sıcak bir hikâye.",
    en: {
      title: "Little Turtle Sets Off",
      description:
        "Little Turtle, who never likes to hurry, joins the great forest race. Colourful pictures and short sentences for ages 3–6; a warm story about patience and friendship.",
    },
    brand: "Martı Çocuk",
    category: "cocuk-kitaplari",
    kind: "book",
    label: "Minik Kaplumbağa Yola Çıkıyor",
    price: 14900,
    vat: 10,
    stock: 200,
    sold: 940,
    featured: true,
    colors: ["#5bb38a", "#f2a65a"],
    accent: "#fce38a",
  },
  {
    title: "Uzaydaki Kedi Pırtık",
    description:
      "Meraklı kedi Pırtık yanlışlıkla bir roketin içinde uyuyakalınca kendini Ay'da bulur! Gezegenleri eğlenceli bir yolculukla tanıtan resimli kitap, 5–8 yaş.",
    en: {
      title: "Pırtık the Space Cat",
      description:
        "When curious Pırtık the cat falls asleep inside a rocket, he wakes up on the Moon! A picture book that introduces the planets on a fun journey, ages 5–8.",
    },
    brand: "Martı Çocuk",
    category: "cocuk-kitaplari",
    kind: "book",
    label: "Uzaydaki Kedi Pırtık",
    price: 16900,
    compareAt: 19900,
    vat: 10,
    stock: 120,
    sold: 610,
    colors: ["#3b3f8f", "#8f4fa3"],
    accent: "#ffd166",
  },
  {
    title: "Ormanın Renkli Sırları",
    description:
      "Ağaçlardan böceklere, mantarlardan kuşlara ormanın küçük mucizelerini anlatan bilgi ve etkinlik kitabı. Boyama sayfaları ve çıkartmalarla, 6–9 yaş.",
    en: {
      title: "The Colourful Secrets of the Forest",
      description:
        "A fact and activity book on the forest's small wonders, from trees and insects to mushrooms and birds. With colouring pages and stickers, ages 6–9.",
    },
    brand: "Martı Çocuk",
    category: "cocuk-kitaplari",
    kind: "book",
    label: "Ormanın Renkli Sırları",
    price: 18900,
    vat: 10,
    stock: 75,
    sold: 300,
    colors: ["#2f7d4f"],
    accent: "#f4a259",
  },

  // ── Kitap › Kişisel Gelişim ───────────────────────────────────────────────────────────────
  {
    title: "Küçük Adımlar Büyük Değişim",
    description:
      "Alışkanlıkları değiştirmenin sırrı iradede değil, küçük ve sürdürülebilir adımlarda. Psikolog Zeynep Ilgaz'dan bilimsel araştırmalara dayanan, uygulanabilir bir rehber. 240 sayfa.",
    en: {
      title: "Small Steps, Big Change",
      description:
        "The secret to changing habits is not willpower but small, sustainable steps. A practical guide grounded in research, from psychologist Zeynep Ilgaz. 240 pages.",
    },
    brand: "Pusula Kitap",
    category: "kisisel-gelisim",
    kind: "book",
    label: "Küçük Adımlar Büyük Değişim",
    price: 25900,
    vat: 10,
    stock: 110,
    sold: 830,
    colors: ["#f0b429", "#e4572e"],
    accent: "#1f2430",
  },
  {
    title: "Odaklan: Dağınık Zihne Sade Plan",
    description:
      "Bildirimler, toplantılar ve yarım kalan işler arasında dikkatinizi geri kazanmanın yolları. Kaan Demirtaş'tan haftalık planlama şablonlarıyla birlikte. 208 sayfa.",
    en: {
      title: "Focus: A Simple Plan for a Scattered Mind",
      description:
        "Ways to win back your attention among notifications, meetings and unfinished tasks. By Kaan Demirtaş, with weekly planning templates. 208 pages.",
    },
    brand: "Kervan Yayınları",
    category: "kisisel-gelisim",
    kind: "book",
    label: "Odaklan",
    price: 27900,
    compareAt: 32900,
    vat: 10,
    stock: 60,
    sold: 420,
    colors: ["#264653", "#e9c46a"],
    accent: "#e76f51",
  },
  {
    title: "Sabah Rutinleri",
    description:
      "Güne erken ve dingin başlamanın pratik yolları: uyku, hareket, yazı ve planlama. Kısa bölümleri ve 30 günlük uygulama takvimiyle. 176 sayfa.",
    en: {
      title: "Morning Routines",
      description:
        "Practical ways to start the day early and calmly: sleep, movement, writing and planning. Short chapters and a 30-day practice calendar. 176 pages.",
    },
    brand: "Pusula Kitap",
    category: "kisisel-gelisim",
    kind: "book",
    label: "Sabah Rutinleri",
    price: 22900,
    vat: 10,
    stock: 45,
    sold: 210,
    colors: ["#f28f6b"],
    accent: "#fff1c1",
  },

  // ── Spor & Outdoor › Fitness ──────────────────────────────────────────────────────────────
  {
    title: "Atlas Fitness Ayarlanabilir Dambıl Seti 2×10 kg",
    description:
      "Plakaları değiştirerek 2,5 ile 10 kg arasında ayarlanabilen dambıl çifti. Kaymaz krom tutacak ve güvenli vidalı kilit; evde tam vücut antrenmanı için.",
    en: {
      title: "Atlas Fitness Adjustable Dumbbell Set 2×10 kg",
      description:
        "A pair of dumbbells adjustable from 2.5 to 10 kg by changing plates. Non-slip chrome grip and secure screw collars; for full-body training at home.",
    },
    brand: "Atlas Fitness",
    category: "fitness",
    kind: "dumbbell",
    price: 189900,
    compareAt: 239900,
    stock: 30,
    sold: 380,
    featured: true,
    colors: ["#3a3f4b", "#d9a441"],
  },
  {
    title: "Atlas Fitness Neopren Kaplı Dambıl 2×5 kg",
    description:
      "Yumuşak neopren kaplaması sayesinde zemini çizmez, elden kaymaz. Altıgen formu yuvarlanmayı önler; pilates ve kardiyo çalışmalarına uygun.",
    en: {
      title: "Atlas Fitness Neoprene Dumbbells 2×5 kg",
      description:
        "A soft neoprene coating protects floors and will not slip from your hand. The hexagonal shape stops rolling; great for pilates and cardio.",
    },
    brand: "Atlas Fitness",
    category: "fitness",
    kind: "dumbbell",
    price: 74990,
    stock: 80,
    sold: 520,
    colors: ["#e56b8a", "#5ab0a0", "#8a7bd1"],
  },
  {
    title: "Atlas Fitness Kaymaz Yoga Matı 6 mm",
    description:
      "Çift taraflı kaymaz yüzeyi ve 6 mm yoğun TPE dolgusuyla eklemleri korur. Taşıma askısı hediye; hafif ve kolay temizlenir.",
    en: {
      title: "Atlas Fitness Non-Slip Yoga Mat 6 mm",
      description:
        "A double-sided non-slip surface and 6 mm of dense TPE protect your joints. Carrying strap included; light and easy to clean.",
    },
    brand: "Atlas Fitness",
    category: "fitness",
    kind: "mat",
    price: 59990,
    stock: 140,
    sold: 960,
    colors: ["#7c6fc4", "#4fa89a", "#e88a6a"],
  },
  {
    title: "Atlas Fitness Çelik Spor Şişesi 750 ml",
    description: "Çift cidarlı paslanmaz çelik: suyu 24 saat soğuk tutar. Sızdırmaz kapak, taşıma halkası ve BPA içermeyen malzeme.",
    en: {
      title: "Atlas Fitness Steel Sports Bottle 750 ml",
      description: "Double-walled stainless steel keeps water cold for 24 hours. Leak-proof lid, carry loop and BPA-free materials.",
    },
    brand: "Atlas Fitness",
    category: "fitness",
    kind: "bottle",
    price: 39990,
    stock: 0,
    sold: 770,
    colors: ["#3f7fd9", "#2f3037", "#7bbf9e"],
  },

  // ── Spor & Outdoor › Kamp ─────────────────────────────────────────────────────────────────
  {
    title: "Zirve Outdoor 3 Kişilik Kamp Çadırı",
    description:
      "3.000 mm su sütunu dayanımlı, çift katmanlı kamp çadırı. Beş dakikada kurulur; havalandırma pencereleri ve sineklikli kapısıyla yaz gecelerine hazır.",
    en: {
      title: "Zirve Outdoor 3-Person Camping Tent",
      description:
        "A double-wall tent rated to a 3,000 mm water column. Pitches in five minutes; vents and a mesh door make it ready for summer nights.",
    },
    brand: "Zirve Outdoor",
    category: "kamp",
    kind: "tent",
    price: 449900,
    compareAt: 549900,
    stock: 20,
    sold: 210,
    featured: true,
    colors: ["#e07a5f", "#3d8b6f"],
  },
  {
    title: "Zirve Outdoor 2 Kişilik Ultra Hafif Çadır",
    description:
      "Sadece 1,6 kg ağırlığıyla uzun parkurlar için tasarlandı. Alüminyum çubuklar, silikon kaplı kumaş ve kompakt taşıma kılıfı.",
    en: {
      title: "Zirve Outdoor 2-Person Ultralight Tent",
      description: "Designed for long trails at just 1.6 kg. Aluminium poles, silicone-coated fabric and a compact carry bag.",
    },
    brand: "Zirve Outdoor",
    category: "kamp",
    kind: "tent",
    price: 699900,
    stock: 8,
    sold: 65,
    colors: ["#f2b134", "#6b8fb3"],
  },
  {
    title: "Zirve Outdoor 45 L Trekking Sırt Çantası",
    description:
      "Ayarlanabilir sırt sistemi ve havalandırmalı panel ile ağır yükte bile konfor. Yağmurluk kılıfı, su torbası bölmesi ve çok sayıda cep.",
    en: {
      title: "Zirve Outdoor 45 L Trekking Backpack",
      description:
        "An adjustable back system and ventilated panel stay comfortable even under heavy loads. Rain cover, hydration sleeve and plenty of pockets.",
    },
    brand: "Zirve Outdoor",
    category: "kamp",
    kind: "backpack",
    price: 279990,
    stock: 35,
    sold: 280,
    colors: ["#3d8b6f", "#d9643a", "#3f5f8f"],
  },
  {
    title: "Zirve Outdoor Çelik Termos 1 L",
    description:
      "Çayınızı 24 saat sıcak, suyunuzu 36 saat soğuk tutar. Bardak olarak kullanılabilen kapak ve darbeye dayanıklı toz boya kaplama.",
    en: {
      title: "Zirve Outdoor Steel Vacuum Flask 1 L",
      description: "Keeps your tea hot for 24 hours and your water cold for 36. The lid doubles as a cup; tough powder-coated finish.",
    },
    brand: "Zirve Outdoor",
    category: "kamp",
    kind: "bottle",
    price: 84990,
    compareAt: 99990,
    stock: 90,
    sold: 640,
    colors: ["#2f6d4f", "#b8432f"],
  },

  // ── Spor & Outdoor › Bisiklet ─────────────────────────────────────────────────────────────
  {
    title: "Pedal Şehir Bisikleti 28 Jant 7 Vites",
    description:
      "Alüminyum kadro, 7 vites ve çamurluk-sepet seti ile şehir içi ulaşımın en keyifli hali. Dik sürüş pozisyonu sırtı yormaz.",
    en: {
      title: "Pedal City Bike 28-Inch 7-Speed",
      description:
        "An aluminium frame, 7 gears and a fender-and-basket set: the most enjoyable way around town. The upright riding position is easy on the back.",
    },
    brand: "Pedal",
    category: "bisiklet",
    kind: "bicycle",
    price: 1499900,
    compareAt: 1749900,
    stock: 10,
    sold: 95,
    featured: true,
    colors: ["#5fa8a0", "#e07a5f", "#2f3037"],
  },
  {
    title: "Pedal Dağ Bisikleti 29 Jant Hidrolik Fren",
    description:
      "29 jant tekerlekler, 100 mm süspansiyonlu ön çatal ve hidrolik disk frenler. 1×12 vites sistemiyle patikada sade ve güvenilir.",
    en: {
      title: "Pedal Mountain Bike 29-Inch Hydraulic Brakes",
      description:
        "29-inch wheels, a 100 mm suspension fork and hydraulic disc brakes. A 1×12 drivetrain keeps things simple and reliable on the trail.",
    },
    brand: "Pedal",
    category: "bisiklet",
    kind: "bicycle",
    price: 2499900,
    stock: 4,
    sold: 48,
    colors: ["#d64545", "#3a3f4b"],
  },
  {
    title: "Pedal Çocuk Bisikleti 16 Jant",
    description:
      "Sökülebilir yan tekerlekler, zincir muhafazası ve yumuşak sele ile ilk bisiklet için güvenli seçim. 4–7 yaş için uygundur.",
    en: {
      title: "Pedal Kids' Bike 16-Inch",
      description: "Removable stabilisers, a chain guard and a soft saddle make a safe first bike. Suitable for ages 4–7.",
    },
    brand: "Pedal",
    category: "bisiklet",
    kind: "bicycle",
    price: 599900,
    stock: 0,
    sold: 130,
    colors: ["#f08fb0", "#4fa3d9", "#f5c542"],
  },
  {
    title: "Pedal Işıklı Bisiklet Kaskı",
    description:
      "Arka kısmında şarj edilebilir LED ışığı bulunan hafif kask. 18 havalandırma kanalı ve tek elle ayarlanan kafa çemberi; CE EN1078 sertifikalı.",
    en: {
      title: "Pedal Helmet with Rear Light",
      description: "A light helmet with a rechargeable LED at the back. 18 vents and a one-handed fit dial; CE EN1078 certified.",
    },
    brand: "Pedal",
    category: "bisiklet",
    kind: "helmet",
    price: 129990,
    stock: 50,
    sold: 260,
    colors: ["#f2b134", "#3a3f4b", "#e8e6e1"],
  },

  // ── Süpermarket › Kahvaltılık ─────────────────────────────────────────────────────────────
  {
    title: "Ege Çiftliği Süzme Çiçek Balı 850 g",
    description:
      "Ege'nin yaylalarındaki kır çiçeklerinden toplanan, ısıl işlem görmemiş süzme bal. Laboratuvar analizli; kahvaltıların vazgeçilmez lezzeti.",
    en: {
      title: "Ege Çiftliği Strained Wildflower Honey 850 g",
      description:
        "Unheated strained honey gathered from wildflowers on the Aegean highlands. Lab-tested; the essential taste of breakfast.",
    },
    brand: "Ege Çiftliği",
    category: "kahvaltilik",
    kind: "jar",
    label: "Çiçek Balı",
    price: 64990,
    vat: 1,
    stock: 120,
    sold: 1400,
    featured: true,
    colors: ["#e0a526"],
    accent: "#b5452f",
  },
  {
    title: "Ege Çiftliği Çizik Yeşil Zeytin 1 kg",
    description: "Ayvalık'ın yağlık zeytinlerinden, geleneksel yöntemle çizilip tatlandırılmış yeşil zeytin. Limon ve kekikle servis edin.",
    en: {
      title: "Ege Çiftliği Cracked Green Olives 1 kg",
      description: "Green olives from Ayvalık, cracked and cured the traditional way. Serve with lemon and thyme.",
    },
    brand: "Ege Çiftliği",
    category: "kahvaltilik",
    kind: "jar",
    label: "Zeytin",
    price: 32990,
    vat: 1,
    stock: 90,
    sold: 800,
    colors: ["#7d8f3a"],
    accent: "#3f5a2a",
  },
  {
    title: "Ege Çiftliği Ev Yapımı Vişne Reçeli 380 g",
    description: "Bol meyveli, katkısız ve az şekerli vişne reçeli. Küçük kazanlarda, ev usulü pişirilir.",
    en: {
      title: "Ege Çiftliği Homemade Sour Cherry Jam 380 g",
      description: "Fruit-rich sour cherry jam with no additives and less sugar. Cooked the home way in small pots.",
    },
    brand: "Ege Çiftliği",
    category: "kahvaltilik",
    kind: "jar",
    label: "Reçel",
    price: 15990,
    vat: 1,
    stock: 0,
    sold: 520,
    colors: ["#9b1d2f"],
    accent: "#d9a441",
  },

  // ── Süpermarket › Kahve & Çay ─────────────────────────────────────────────────────────────
  {
    title: "Kahve Durağı Türk Kahvesi 250 g",
    description:
      "Özenle seçilmiş Brezilya çekirdeklerinden, taze kavrulup ince öğütülmüş Türk kahvesi. Yoğun köpüğü ve dengeli aromasıyla.",
    en: {
      title: "Kahve Durağı Turkish Coffee 250 g",
      description:
        "Freshly roasted, finely ground Turkish coffee from carefully chosen Brazilian beans. A thick foam and a balanced aroma.",
    },
    brand: "Kahve Durağı",
    category: "kahve-cay",
    kind: "coffee",
    price: 17990,
    vat: 1,
    stock: 300,
    sold: 2100,
    featured: true,
    colors: ["#7a4a2a"],
    accent: "#d9a441",
  },
  {
    title: "Kahve Durağı Filtre Kahve Kolombiya 500 g",
    description:
      "Kolombiya Huila bölgesinden tek köken, orta kavrum çekirdekler. Karamel ve kırmızı meyve notaları; filtre makinesi ve French press için öğütülmüştür.",
    en: {
      title: "Kahve Durağı Filter Coffee Colombia 500 g",
      description:
        "Single-origin, medium-roast beans from Huila, Colombia. Notes of caramel and red fruit; ground for filter machines and the French press.",
    },
    brand: "Kahve Durağı",
    category: "kahve-cay",
    kind: "coffee",
    price: 44990,
    compareAt: 52990,
    vat: 1,
    stock: 80,
    sold: 610,
    colors: ["#2f3037", "#c8553d"],
    accent: "#e9c46a",
  },
  {
    title: "Karadeniz Bahçesi Rize Dökme Çay 1 kg",
    description:
      "Rize'nin yüksek bahçelerinden ilk hasat yapraklarla harmanlanan siyah çay. Tavşan kanı rengi ve keskin aromasıyla demlik başında keyif.",
    en: {
      title: "Karadeniz Bahçesi Rize Loose Black Tea 1 kg",
      description:
        "Black tea blended from first-harvest leaves grown in Rize's high gardens. A deep ruby colour and a brisk aroma for tea by the pot.",
    },
    brand: "Karadeniz Bahçesi",
    category: "kahve-cay",
    kind: "coffee",
    label: "Rize Çayı",
    price: 27990,
    vat: 1,
    stock: 150,
    sold: 1750,
    colors: ["#2f7d4f"],
    accent: "#c8553d",
  },
];

/** The root category of each leaf slug, and its picture theme. */
export function demoCategoryIndex(): Map<string, { root: DemoCategory; leaf: DemoCategory; theme: ThemeName }> {
  const index = new Map<string, { root: DemoCategory; leaf: DemoCategory; theme: ThemeName }>();
  for (const root of DEMO_CATEGORIES) {
    for (const leaf of root.children ?? []) index.set(leaf.slug, { root, leaf, theme: root.theme ?? "home" });
  }
  return index;
}
