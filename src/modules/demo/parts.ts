// Building blocks for generated catalogs: per leaf category, product types with price ranges,
// brands and variant words, each in Turkish and English. Titles come out like
// "Novatek Neo 7 Akıllı Telefon 128 GB Gece Mavisi".

import type { ImageKind } from "./images.ts";

export interface PartType {
  tr: string;
  en: string;
  kind: ImageKind;
  /** Price range in whole lira, KDV included. */
  lira: [number, number];
  /** Sentence describing the type (Turkish / English). */
  about: [string, string];
  /** Variant descriptors for this type; the leaf's list when absent. */
  variants?: Array<[string, string]>;
}

export interface LeafParts {
  brands: string[];
  /** Model or collection names put between brand and type. */
  lines: string[];
  /** Whether lines get a model number ("Neo 7"). */
  numbered?: boolean;
  types: PartType[];
  /** Variant descriptors appended to the title: colours, sizes, capacities. */
  variants: Array<[string, string]>;
  vat: 0 | 1 | 10 | 20;
}

const COLORS: Array<[string, string]> = [
  ["Siyah", "Black"],
  ["Beyaz", "White"],
  ["Gece Mavisi", "Midnight Blue"],
  ["Antrasit", "Anthracite"],
  ["Haki", "Khaki"],
  ["Bej", "Beige"],
  ["Kiremit", "Terracotta"],
  ["Zeytin Yeşili", "Olive Green"],
  ["Pudra", "Powder Pink"],
  ["Lacivert", "Navy"],
  ["Gri", "Grey"],
  ["Hardal", "Mustard"],
];

const SIZES: Array<[string, string]> = [
  ["S Beden", "Size S"],
  ["M Beden", "Size M"],
  ["L Beden", "Size L"],
  ["XL Beden", "Size XL"],
];

const STORAGE: Array<[string, string]> = [
  ["64 GB", "64 GB"],
  ["128 GB", "128 GB"],
  ["256 GB", "256 GB"],
];
const LAPTOP_SPECS: Array<[string, string]> = [
  ["8 GB RAM 256 GB SSD", "8 GB RAM 256 GB SSD"],
  ["16 GB RAM 512 GB SSD", "16 GB RAM 512 GB SSD"],
  ["16 GB RAM 1 TB SSD", "16 GB RAM 1 TB SSD"],
  ["32 GB RAM 1 TB SSD", "32 GB RAM 1 TB SSD"],
];
const ELECTRONIC_BRANDS = ["Novatek", "Pixelon", "Zenfon", "Voltix", "Kuzey", "Aurasound", "Teknova", "Orbis"];

export const LEAF_PARTS: Record<string, LeafParts> = {
  "telefon-aksesuar": {
    brands: ELECTRONIC_BRANDS,
    lines: ["Neo", "Lite", "Pro", "Max", "Air", "Nova", "Edge", "Flex"],
    numbered: true,
    types: [
      {
        tr: "Akıllı Telefon",
        en: "Smartphone",
        kind: "phone",
        lira: [7999, 59999],
        about: [
          "Parlak ekranı ve güçlü kamerasıyla günlük kullanım için dengeli bir akıllı telefon.",
          "A well-balanced everyday smartphone with a bright display and a capable camera.",
        ],
        variants: [...STORAGE, ...COLORS.slice(0, 4)],
      },
      {
        tr: "Powerbank 10.000 mAh",
        en: "Power Bank 10,000 mAh",
        kind: "powerbank",
        lira: [399, 1299],
        about: [
          "Cebe sığan gövdesiyle telefonunuzu iki kez dolduran taşınabilir şarj cihazı.",
          "A pocket-sized charger that fills your phone twice.",
        ],
        variants: COLORS.slice(0, 6),
      },
      {
        tr: "Powerbank 20.000 mAh",
        en: "Power Bank 20,000 mAh",
        kind: "powerbank",
        lira: [699, 1999],
        about: ["Hızlı şarj destekli, yüksek kapasiteli taşınabilir batarya.", "A high-capacity portable battery with fast charging."],
        variants: COLORS.slice(0, 6),
      },
      {
        tr: "Akıllı Saat",
        en: "Smartwatch",
        kind: "watch",
        lira: [1499, 14999],
        about: [
          "Nabız, uyku ve adım takibi yapan, bildirimleri bileğinize taşıyan akıllı saat.",
          "A smartwatch that tracks heart rate, sleep and steps and brings notifications to your wrist.",
        ],
        variants: [["41 mm", "41 mm"], ["45 mm", "45 mm"], ...COLORS.slice(0, 6)],
      },
      {
        tr: "Akıllı Bileklik",
        en: "Fitness Band",
        kind: "watch",
        lira: [699, 2499],
        about: ["Hafif ve suya dayanıklı aktivite bilekliği.", "A light, water-resistant activity tracker."],
        variants: COLORS.slice(0, 8),
      },
    ],
    variants: [["64 GB", "64 GB"], ["128 GB", "128 GB"], ["256 GB", "256 GB"], ...COLORS.slice(0, 6)],
    vat: 20,
  },
  bilgisayar: {
    brands: ELECTRONIC_BRANDS,
    lines: ["Book", "Slim", "Pro", "Studio", "Go", "Ultra", "Work", "Play"],
    numbered: true,
    types: [
      {
        tr: "Dizüstü Bilgisayar",
        en: "Laptop",
        kind: "laptop",
        lira: [14999, 89999],
        about: [
          "İnce kasası ve uzun pil ömrüyle iş ve okul için dizüstü bilgisayar.",
          "A laptop for work and school with a slim body and long battery life.",
        ],
        variants: [...LAPTOP_SPECS, ...COLORS.slice(0, 3)],
      },
      {
        tr: "Oyun Bilgisayarı",
        en: "Gaming Laptop",
        kind: "laptop",
        lira: [34999, 119999],
        about: [
          "Yüksek yenileme hızlı ekranı ve güçlü ekran kartıyla oyun bilgisayarı.",
          "A gaming laptop with a high-refresh display and a powerful graphics card.",
        ],
        variants: LAPTOP_SPECS.slice(1),
      },
      {
        tr: "Kablosuz Mouse",
        en: "Wireless Mouse",
        kind: "mouse",
        lira: [199, 1999],
        about: ["Sessiz tuşlu, uzun pil ömürlü kablosuz mouse.", "A wireless mouse with quiet buttons and long battery life."],
        variants: COLORS.slice(0, 8),
      },
      {
        tr: "Oyuncu Mouse",
        en: "Gaming Mouse",
        kind: "mouse",
        lira: [499, 3499],
        about: [
          "Hassas sensörlü, programlanabilir tuşlu oyuncu mouse'u.",
          "A gaming mouse with a precise sensor and programmable buttons.",
        ],
        variants: [["RGB", "RGB"], ...COLORS.slice(0, 2)],
      },
    ],
    variants: [
      ["8 GB RAM", "8 GB RAM"],
      ["16 GB RAM", "16 GB RAM"],
      ["32 GB RAM", "32 GB RAM"],
      ["512 GB SSD", "512 GB SSD"],
      ["1 TB SSD", "1 TB SSD"],
      ...COLORS.slice(0, 4),
    ],
    vat: 20,
  },
  "kulaklik-ses": {
    brands: ELECTRONIC_BRANDS,
    lines: ["Buds", "Beat", "Wave", "Studio", "Echo", "Pulse", "Bass", "Tune"],
    numbered: true,
    types: [
      {
        tr: "Kulak Üstü Kulaklık",
        en: "Over-Ear Headphones",
        kind: "headphones",
        lira: [799, 12999],
        about: [
          "Yumuşak pedli, uzun süre rahat kullanılan kulak üstü kulaklık.",
          "Over-ear headphones with soft pads for long, comfortable listening.",
        ],
      },
      {
        tr: "Kablosuz Kulak İçi Kulaklık",
        en: "Wireless Earbuds",
        kind: "earbuds",
        lira: [499, 7999],
        about: ["Şarj kutulu, dokunmatik kontrollü kablosuz kulaklık.", "Wireless earbuds with a charging case and touch controls."],
      },
      {
        tr: "Bluetooth Hoparlör",
        en: "Bluetooth Speaker",
        kind: "speaker",
        lira: [599, 8999],
        about: ["Suya dayanıklı, güçlü bas veren taşınabilir hoparlör.", "A water-resistant portable speaker with punchy bass."],
      },
    ],
    variants: COLORS,
    vat: 20,
  },
  mutfak: {
    brands: ["Anadolu Mutfak", "Bakırhan", "Lale Home", "Sofra", "Kuzine", "Ocakbaşı"],
    lines: ["Klasik", "Granit", "Ege", "Bodrum", "Nostalji", "Modern", "Şef", "Kapadokya"],
    types: [
      {
        tr: "Tava 24 cm",
        en: "Frying Pan 24 cm",
        kind: "pan",
        lira: [399, 2499],
        about: ["Yapışmaz kaplamalı, tüm ocaklarla uyumlu tava.", "A non-stick frying pan that works on every hob."],
      },
      {
        tr: "Tava 28 cm",
        en: "Frying Pan 28 cm",
        kind: "pan",
        lira: [499, 2999],
        about: ["Geniş pişirme yüzeyli, ısıyı eşit dağıtan tava.", "A wide pan that spreads heat evenly."],
      },
      {
        tr: "Cezve",
        en: "Turkish Coffee Pot",
        kind: "cezve",
        lira: [199, 1299],
        about: ["Türk kahvesini bol köpüklü pişiren cezve.", "A cezve that brews Turkish coffee with a rich foam."],
      },
      {
        tr: "Çaydanlık Takımı",
        en: "Turkish Teapot Set",
        kind: "teapot",
        lira: [799, 4499],
        about: ["Demlik ve su ısıtıcısından oluşan çaydanlık takımı.", "A stacked teapot and kettle set."],
      },
      {
        tr: "Seramik Kupa",
        en: "Ceramic Mug",
        kind: "mug",
        lira: [99, 449],
        about: ["Bulaşık makinesinde yıkanabilen seramik kupa.", "A dishwasher-safe ceramic mug."],
      },
    ],
    variants: COLORS.slice(0, 8),
    vat: 20,
  },
  dekorasyon: {
    brands: ["Nur Aydınlatma", "Lale Home", "Evim", "Loft Dekor", "Atölye 34"],
    lines: ["Loft", "Doğa", "Retro", "İskandinav", "Bohem", "Minimal", "Ege", "Çini"],
    types: [
      {
        tr: "Masa Lambası",
        en: "Table Lamp",
        kind: "lamp",
        lira: [399, 3499],
        about: ["Sıcak ışığıyla odaya huzur veren masa lambası.", "A table lamp that fills the room with warm light."],
      },
      {
        tr: "Lambader",
        en: "Floor Lamp",
        kind: "lamp",
        lira: [999, 5999],
        about: ["Okuma köşeleri için yüksek ayaklı lambader.", "A tall floor lamp for reading corners."],
      },
      {
        tr: "Seramik Vazo",
        en: "Ceramic Vase",
        kind: "vase",
        lira: [199, 1499],
        about: ["El yapımı, mat sırlı seramik vazo.", "A handmade matte-glazed ceramic vase."],
      },
      {
        tr: "Cam Vazo",
        en: "Glass Vase",
        kind: "vase",
        lira: [149, 999],
        about: ["Taze ve kuru çiçekler için cam vazo.", "A glass vase for fresh and dried flowers."],
      },
    ],
    variants: COLORS.slice(0, 9),
    vat: 20,
  },
  "ev-tekstili": {
    brands: ["Pamukkale Tekstil", "Denizli Dokuma", "Lale Home", "Bursa İpek", "Yumoş Ev"],
    lines: ["Kilim", "Kadife", "Keten", "Pamuk", "Hamam", "Çizgili", "Otantik", "Soft"],
    types: [
      {
        tr: "Kırlent Kılıfı 45×45",
        en: "Cushion Cover 45×45",
        kind: "cushion",
        lira: [99, 499],
        about: ["Gizli fermuarlı, yıkanabilir kırlent kılıfı.", "A washable cushion cover with a hidden zip."],
      },
      {
        tr: "Dekoratif Kırlent",
        en: "Decorative Cushion",
        kind: "cushion",
        lira: [149, 699],
        about: ["Dolgun iç yastıklı dekoratif kırlent.", "A decorative cushion with a plump insert."],
      },
      {
        tr: "Havlu Seti",
        en: "Towel Set",
        kind: "towels",
        lira: [299, 1799],
        about: ["%100 pamuklu, yumuşak ve emici havlu seti.", "A soft, absorbent towel set in 100% cotton."],
      },
      {
        tr: "Peştemal",
        en: "Hammam Towel",
        kind: "towels",
        lira: [149, 699],
        about: ["Hafif ve çabuk kuruyan, geleneksel dokuma peştemal.", "A light, quick-drying hammam towel woven the traditional way."],
      },
    ],
    variants: COLORS,
    vat: 20,
  },
  kadin: {
    brands: ["Mavera", "Ada Moda", "Lavinya", "Defne", "Serra"],
    lines: ["Yaz", "Bahar", "Klasik", "Günlük", "Şehir", "Bohem", "Zarif", "Basic"],
    types: [
      {
        tr: "Midi Elbise",
        en: "Midi Dress",
        kind: "dress",
        lira: [599, 3499],
        about: ["Akışkan kumaşlı, rahat kesimli midi elbise.", "A relaxed midi dress in a flowing fabric."],
      },
      {
        tr: "Yazlık Elbise",
        en: "Summer Dress",
        kind: "dress",
        lira: [499, 2499],
        about: ["Nefes alan kumaştan yazlık elbise.", "A summer dress in breathable fabric."],
      },
      {
        tr: "Omuz Çantası",
        en: "Shoulder Bag",
        kind: "bag",
        lira: [599, 4999],
        about: ["Ayarlanabilir askılı, iç cepli omuz çantası.", "A shoulder bag with an adjustable strap and inner pocket."],
        variants: COLORS.slice(0, 8),
      },
      {
        tr: "Kadın Tişört",
        en: "Women's T-Shirt",
        kind: "tshirt",
        lira: [199, 799],
        about: ["Pamuklu, rahat kalıp basic tişört.", "A relaxed basic tee in cotton."],
      },
    ],
    variants: [...COLORS.slice(0, 8), ...SIZES],
    vat: 20,
  },
  erkek: {
    brands: ["Kuzgun", "Efes Denim", "Ada Moda", "Rota", "Kaptan"],
    lines: ["Slim", "Regular", "Oversize", "Klasik", "Urban", "Keten", "Oxford", "Basic"],
    types: [
      {
        tr: "Erkek Tişört",
        en: "Men's T-Shirt",
        kind: "tshirt",
        lira: [199, 899],
        about: ["Kalın dokulu pamuktan günlük tişört.", "An everyday tee in heavyweight cotton."],
      },
      {
        tr: "Gömlek",
        en: "Shirt",
        kind: "shirt",
        lira: [499, 1999],
        about: ["Ofiste ve hafta sonu giyilebilen pamuklu gömlek.", "A cotton shirt for the office and the weekend."],
      },
      {
        tr: "Kot Gömlek",
        en: "Denim Shirt",
        kind: "shirt",
        lira: [699, 2199],
        about: ["Yıkamalı denimden klasik gömlek.", "A classic shirt in washed denim."],
      },
      {
        tr: "Evrak Çantası",
        en: "Briefcase",
        kind: "bag",
        lira: [999, 5999],
        about: ["Dizüstü bilgisayar bölmeli evrak çantası.", "A briefcase with a laptop compartment."],
        variants: COLORS.slice(0, 6),
      },
    ],
    variants: [...COLORS.slice(0, 8), ...SIZES],
    vat: 20,
  },
  ayakkabi: {
    brands: ["Yeni Adım", "Zirve Outdoor", "Koşu Yolu", "Patika", "Adımlar"],
    lines: ["AirStep", "Run", "Trail", "Street", "Classic", "Flex", "Comfort", "Sprint"],
    types: [
      {
        tr: "Koşu Ayakkabısı",
        en: "Running Shoes",
        kind: "sneaker",
        lira: [999, 5999],
        about: ["Hafif ve esnek tabanlı koşu ayakkabısı.", "Light running shoes with a flexible sole."],
      },
      {
        tr: "Sneaker",
        en: "Sneakers",
        kind: "sneaker",
        lira: [899, 4999],
        about: ["Günlük kombinlere uyan rahat sneaker.", "Comfortable sneakers that go with everyday outfits."],
      },
      {
        tr: "Yürüyüş Ayakkabısı",
        en: "Hiking Shoes",
        kind: "sneaker",
        lira: [1499, 6999],
        about: ["Kaymaz tabanlı, su geçirmez yürüyüş ayakkabısı.", "Waterproof hiking shoes with a grippy sole."],
      },
    ],
    variants: [["38 Numara", "EU 38"], ["40 Numara", "EU 40"], ["42 Numara", "EU 42"], ["44 Numara", "EU 44"], ...COLORS.slice(0, 6)],
    vat: 20,
  },
  roman: {
    brands: ["Kervan Yayınları", "Pusula Kitap", "Liman Yayınevi", "Çınar Kitap"],
    lines: [],
    types: [
      {
        tr: "Roman",
        en: "Novel",
        kind: "book",
        lira: [149, 449],
        about: ["Sürükleyici kurgusuyla elinizden bırakamayacağınız bir roman.", "A gripping novel you will not want to put down."],
      },
    ],
    variants: [
      ["Karton Kapak", "Paperback"],
      ["Ciltli", "Hardcover"],
      ["Cep Boy", "Pocket Edition"],
    ],
    vat: 10,
  },
  "cocuk-kitaplari": {
    brands: ["Martı Çocuk", "Uçurtma Yayınları", "Minik Kitap"],
    lines: [],
    types: [
      {
        tr: "Resimli Çocuk Kitabı",
        en: "Picture Book",
        kind: "book",
        lira: [79, 249],
        about: ["Renkli resimleriyle okuma sevgisi aşılayan çocuk kitabı.", "A colourful picture book that builds a love of reading."],
      },
    ],
    variants: [
      ["3–6 Yaş", "Ages 3–6"],
      ["6–9 Yaş", "Ages 6–9"],
      ["9–12 Yaş", "Ages 9–12"],
    ],
    vat: 10,
  },
  "kisisel-gelisim": {
    brands: ["Pusula Kitap", "Kervan Yayınları", "Denge Yayınları"],
    lines: [],
    types: [
      {
        tr: "Kişisel Gelişim Kitabı",
        en: "Self-Help Book",
        kind: "book",
        lira: [129, 399],
        about: ["Günlük hayata uygulanabilir önerilerle dolu bir rehber.", "A guide full of advice you can apply to daily life."],
      },
    ],
    variants: [
      ["Karton Kapak", "Paperback"],
      ["Ciltli", "Hardcover"],
    ],
    vat: 10,
  },
  fitness: {
    brands: ["Atlas Fitness", "Güç Spor", "FormX", "Denge"],
    lines: ["Pro", "Home", "Grip", "Core", "Flex", "Power", "Studio", "Active"],
    types: [
      {
        tr: "Dambıl Seti",
        en: "Dumbbell Set",
        kind: "dumbbell",
        lira: [399, 3999],
        about: ["Evde antrenman için kaymaz tutacaklı dambıl seti.", "A dumbbell set with non-slip grips for training at home."],
        variants: [
          ["2×2,5 kg", "2×2.5 kg"],
          ["2×5 kg", "2×5 kg"],
          ["2×10 kg", "2×10 kg"],
        ],
      },
      {
        tr: "Yoga Matı",
        en: "Yoga Mat",
        kind: "mat",
        lira: [199, 1499],
        about: ["Kaymaz yüzeyli, eklemleri koruyan yoga matı.", "A non-slip yoga mat that protects your joints."],
        variants: [["4 mm", "4 mm"], ["6 mm", "6 mm"], ...COLORS.slice(0, 6)],
      },
      {
        tr: "Spor Şişesi",
        en: "Sports Bottle",
        kind: "bottle",
        lira: [99, 799],
        about: ["Sızdırmaz kapaklı, BPA içermeyen spor şişesi.", "A leak-proof, BPA-free sports bottle."],
        variants: [["500 ml", "500 ml"], ["750 ml", "750 ml"], ...COLORS.slice(0, 6)],
      },
    ],
    variants: [["2 kg", "2 kg"], ["5 kg", "5 kg"], ["10 kg", "10 kg"], ...COLORS.slice(0, 6)],
    vat: 20,
  },
  kamp: {
    brands: ["Zirve Outdoor", "Kamp Sepeti", "Yayla", "Doruk"],
    lines: ["Trek", "Camp", "Alpin", "Yayla", "Orman", "Vadi", "Kaçkar", "Toros"],
    types: [
      {
        tr: "Kamp Çadırı",
        en: "Camping Tent",
        kind: "tent",
        lira: [1499, 9999],
        about: ["Kolay kurulan, su geçirmez kamp çadırı.", "A waterproof camping tent that is easy to pitch."],
        variants: [
          ["2 Kişilik", "2-Person"],
          ["3 Kişilik", "3-Person"],
          ["4 Kişilik", "4-Person"],
        ],
      },
      {
        tr: "Sırt Çantası",
        en: "Backpack",
        kind: "backpack",
        lira: [699, 4499],
        about: ["Ayarlanabilir sırt sistemli trekking çantası.", "A trekking backpack with an adjustable back system."],
        variants: [["30 L", "30 L"], ["45 L", "45 L"], ["60 L", "60 L"], ...COLORS.slice(0, 4)],
      },
      {
        tr: "Çelik Termos",
        en: "Steel Flask",
        kind: "bottle",
        lira: [299, 1499],
        about: ["İçeceğinizi saatlerce sıcak ya da soğuk tutan termos.", "A flask that keeps drinks hot or cold for hours."],
        variants: [["500 ml", "500 ml"], ["750 ml", "750 ml"], ["1 L", "1 L"], ...COLORS.slice(0, 4)],
      },
    ],
    variants: [
      ["2 Kişilik", "2-Person"],
      ["3 Kişilik", "3-Person"],
      ["4 Kişilik", "4-Person"],
      ["35 L", "35 L"],
      ["45 L", "45 L"],
      ...COLORS.slice(0, 6),
    ],
    vat: 20,
  },
  bisiklet: {
    brands: ["Pedal", "Rüzgar Bisiklet", "Velo", "Teker"],
    lines: ["City", "Trail", "Sport", "Tour", "Junior", "Urban", "Speed", "Classic"],
    types: [
      {
        tr: "Şehir Bisikleti",
        en: "City Bike",
        kind: "bicycle",
        lira: [7999, 24999],
        about: ["Dik sürüş pozisyonlu, konforlu şehir bisikleti.", "A comfortable city bike with an upright riding position."],
        variants: [["26 Jant", "26-Inch"], ["28 Jant", "28-Inch"], ...COLORS.slice(0, 6)],
      },
      {
        tr: "Dağ Bisikleti",
        en: "Mountain Bike",
        kind: "bicycle",
        lira: [11999, 49999],
        about: ["Süspansiyonlu çatallı, disk frenli dağ bisikleti.", "A mountain bike with a suspension fork and disc brakes."],
        variants: [["27,5 Jant", "27.5-Inch"], ["29 Jant", "29-Inch"], ...COLORS.slice(0, 6)],
      },
      {
        tr: "Bisiklet Kaskı",
        en: "Bike Helmet",
        kind: "helmet",
        lira: [499, 2999],
        about: ["Havalandırmalı, hafif ve sertifikalı kask.", "A light, ventilated, certified helmet."],
        variants: [["S/M", "S/M"], ["L/XL", "L/XL"], ...COLORS.slice(0, 6)],
      },
    ],
    variants: [["26 Jant", "26-Inch"], ["28 Jant", "28-Inch"], ["29 Jant", "29-Inch"], ...COLORS.slice(0, 6)],
    vat: 20,
  },
  kahvaltilik: {
    brands: ["Ege Çiftliği", "Köy Sofrası", "Yayla Bal", "Trakya Çiftliği"],
    lines: ["Doğal", "Köy", "Yayla", "Organik", "Geleneksel", "Ev Yapımı"],
    types: [
      {
        tr: "Süzme Bal",
        en: "Strained Honey",
        kind: "jar",
        lira: [199, 999],
        about: ["Isıl işlem görmemiş, doğal süzme bal.", "Natural, unheated strained honey."],
      },
      {
        tr: "Yeşil Zeytin",
        en: "Green Olives",
        kind: "jar",
        lira: [99, 499],
        about: ["Geleneksel yöntemle hazırlanmış yeşil zeytin.", "Green olives prepared the traditional way."],
      },
      {
        tr: "Reçel",
        en: "Jam",
        kind: "jar",
        lira: [79, 299],
        about: ["Bol meyveli, katkısız reçel.", "Fruit-rich jam with no additives."],
      },
    ],
    variants: [
      ["380 g", "380 g"],
      ["500 g", "500 g"],
      ["850 g", "850 g"],
      ["1 kg", "1 kg"],
    ],
    vat: 1,
  },
  "kahve-cay": {
    brands: ["Kahve Durağı", "Karadeniz Bahçesi", "Mola", "Fincan"],
    lines: ["Klasik", "Orta Kavrum", "Yoğun", "Harman", "Tek Köken", "Filtre"],
    types: [
      {
        tr: "Türk Kahvesi",
        en: "Turkish Coffee",
        kind: "coffee",
        lira: [99, 499],
        about: ["Taze kavrulmuş, ince öğütülmüş Türk kahvesi.", "Freshly roasted, finely ground Turkish coffee."],
      },
      {
        tr: "Filtre Kahve",
        en: "Filter Coffee",
        kind: "coffee",
        lira: [149, 799],
        about: ["Filtre makinesi için öğütülmüş çekirdek kahve.", "Coffee ground for filter machines."],
      },
      {
        tr: "Dökme Çay",
        en: "Loose Black Tea",
        kind: "coffee",
        lira: [99, 599],
        about: ["Karadeniz bahçelerinden harmanlanmış siyah çay.", "Black tea blended from Black Sea gardens."],
      },
    ],
    variants: [
      ["250 g", "250 g"],
      ["500 g", "500 g"],
      ["1 kg", "1 kg"],
    ],
    vat: 1,
  },
};

/** Book titles are built from these (Turkish / English) instead of brand + line + type. */
export const BOOK_WORDS = {
  adjectives: [
    ["Sessiz", "Silent"],
    ["Kayıp", "Lost"],
    ["Son", "Last"],
    ["Uzak", "Distant"],
    ["Gizli", "Secret"],
    ["Kırmızı", "Red"],
    ["Mavi", "Blue"],
    ["Eski", "Old"],
    ["Yalnız", "Lonely"],
    ["Sonsuz", "Endless"],
    ["Küçük", "Little"],
    ["Büyük", "Great"],
    ["Unutulmuş", "Forgotten"],
    ["Altın", "Golden"],
    ["Karanlık", "Dark"],
    ["Işıklı", "Bright"],
  ] as Array<[string, string]>,
  nouns: [
    ["Liman", "Harbour"],
    ["Şehir", "City"],
    ["Yaz", "Summer"],
    ["Ada", "Island"],
    ["Nehir", "River"],
    ["Kapı", "Door"],
    ["Mektup", "Letter"],
    ["Bahçe", "Garden"],
    ["Rüzgâr", "Wind"],
    ["Saat", "Clock"],
    ["Yolculuk", "Journey"],
    ["Orman", "Forest"],
    ["Deniz", "Sea"],
    ["Köprü", "Bridge"],
    ["Kuş", "Bird"],
    ["Yıldız", "Star"],
  ] as Array<[string, string]>,
};

/** A small, pleasant palette for generated pictures. */
export const POOL_COLORS = ["#3f7fd9", "#e07a5f", "#3d8b6f", "#8a6fc4", "#d9a441", "#2f3442", "#d96c8a", "#5fa8a0"];
