// A stand-alone web server for developing the UI without the database: the real web plugin with
// an in-memory catalog and admin reader. `node e2e/harness.ts [port]` (after `react-router build`).
// Query `?staff=1` once to get a staff cookie (fake sign-in), `?staff=0` to drop it.

import path from "node:path";
import Fastify from "fastify";
import type { CatalogReader, CategoryNode, ProductCard, ProductDetail, ProductQuery } from "../src/modules/catalog/types.ts";
import { importServerBuild, type WebContextInput, webPlugin } from "../src/server/web.ts";
import type { AdminReader, MailDetail } from "../src/web/context.ts";

const root = path.resolve(import.meta.dirname, "..");

const TREE: CategoryNode[] = [
  ["elektronik", "Elektronik", ["telefon:Cep Telefonu", "bilgisayar:Bilgisayar & Tablet", "kulaklik:Kulaklık", "akilli-saat:Akıllı Saat"]],
  ["moda", "Moda", ["kadin-giyim:Kadın Giyim", "erkek-giyim:Erkek Giyim", "ayakkabi:Ayakkabı", "canta:Çanta"]],
  ["ev-yasam", "Ev & Yaşam", ["mutfak:Mutfak Gereçleri", "ev-tekstili:Ev Tekstili", "aydinlatma:Aydınlatma"]],
  ["kozmetik", "Kozmetik", ["cilt-bakimi:Cilt Bakımı", "parfum:Parfüm"]],
  ["spor-outdoor", "Spor & Outdoor", ["kamp:Kamp", "fitness:Fitness"]],
  ["kitap-hobi", "Kitap & Hobi", ["kitap:Kitap", "oyuncak:Oyuncak"]],
  ["anne-bebek", "Anne & Bebek", []],
  ["supermarket", "Süpermarket", ["kahve-cay:Kahve & Çay"]],
].map(([slug, name, children]) => ({
  id: `c-${slug}`,
  slug: slug as string,
  name: name as string,
  children: (children as string[]).map((c) => {
    const [s, n] = c.split(":") as [string, string];
    return { id: `c-${s}`, slug: s, name: n, children: [] };
  }),
}));

const NAMES = [
  ["Kablosuz Kulak İçi Bluetooth Kulaklık, Aktif Gürültü Engelleme", "Sonix", "kulaklik"],
  ['Akıllı Saat 1,43" AMOLED Ekran, Nabız ve Uyku Takibi', "Zamanx", "akilli-saat"],
  ["Pamuklu Oversize Basic Tişört", "Keten&Co", "erkek-giyim"],
  ["Türk Kahvesi Makinesi, Köpük Sensörlü", "Ocakbaşı", "kahve-cay"],
  ["Hakiki Deri Sırt Çantası 20 L", "Yolcu", "canta"],
  ["Seramik Yapışmaz Tava Seti, 3 Parça", "Anadolu Mutfak", "mutfak"],
  ["Yüksek Bel Mom Jean", "Denimci", "kadin-giyim"],
  ["Koşu Ayakkabısı, Hafif Taban", "Adım", "ayakkabi"],
  ["Çift Kişilik Pike Takımı, %100 Pamuk", "Ege Tekstil", "ev-tekstili"],
  ["Nemlendirici Yüz Kremi 50 ml, Hyaluronik Asit", "Lavanta", "cilt-bakimi"],
  ["Kamp Çadırı 3 Kişilik, Su Geçirmez", "Dağ", "kamp"],
  ["Dambıl Seti 2 x 5 kg", "Güçlü", "fitness"],
  ["Masa Lambası, Dokunmatik, Ayarlanabilir Işık", "Işıltı", "aydinlatma"],
  ["Çocuk Eğitici Ahşap Yapboz", "Minik", "oyuncak"],
  ["Roman: İstanbul Hatırası (Ciltli)", "Kervan Yayınları", "kitap"],
  ["Akıllı Telefon 128 GB, Çift SIM", "Telefonix", "telefon"],
  ['13" Dizüstü Bilgisayar, 16 GB RAM, 512 GB SSD', "Bilgix", "bilgisayar"],
  ["Eau de Parfum 100 ml, Odunsu Notalar", "Misk", "parfum"],
  ["Filtre Kahve, Kolombiya, 250 g", "Kahveci", "kahve-cay"],
  ["Bebek Battaniyesi, Organik Pamuk", "Kuzucuk", "anne-bebek"],
];

const HUES = [172, 200, 24, 340, 262, 145, 45, 12, 190, 300];

const PRODUCTS: ProductDetail[] = Array.from({ length: 64 }, (_, i) => {
  const [title, brand, cat] = NAMES[i % NAMES.length] as [string, string, string];
  const price = (199 + ((i * 7919) % 4800)) * 100 + (i % 3 === 0 ? 90 : 0);
  const discounted = i % 3 === 1;
  const compareAtPrice = discounted ? Math.round((price * 1.35) / 100) * 100 : null;
  const parent = TREE.find((c) => c.slug === cat || c.children.some((ch) => ch.slug === cat));
  const child = parent?.children.find((ch) => ch.slug === cat);
  const image = (n: number) => ({
    src: `/media/fake/${i}-${n}.svg`,
    srcSet: `/media/fake/${i}-${n}.svg 400w, /media/fake/${i}-${n}.svg 800w`,
    width: 800,
    height: 800,
    alt: title,
  });
  const stock = i % 11 === 5 ? 0 : i % 7 === 2 ? 3 : 25;
  return {
    id: `p-${i}`,
    slug: `urun-${i}`,
    title: i >= NAMES.length ? `${title} – Model ${Math.floor(i / NAMES.length) + 1}` : title,
    brand,
    price,
    compareAtPrice,
    discountPercent: compareAtPrice ? Math.round((1 - price / compareAtPrice) * 100) : 0,
    currency: "TRY",
    inStock: stock > 0,
    image: i % 17 === 9 ? null : image(0),
    description: `${title}, günlük kullanım için tasarlandı.\n\nÖzellikler:\n- Dayanıklı malzeme\n- 2 yıl garanti\n- Türkiye'den hızlı gönderim`,
    vatRate: 20,
    stock,
    images: i % 17 === 9 ? [] : [image(0), image(1), image(2)],
    category: child ? { slug: child.slug, name: child.name } : parent ? { slug: parent.slug, name: parent.name } : null,
    breadcrumbs: [parent, child].filter(Boolean).map((c) => ({ slug: (c as CategoryNode).slug, name: (c as CategoryNode).name })),
  };
});

function card(p: ProductDetail): ProductCard {
  const { description: _d, vatRate: _v, stock: _s, images: _i, category: _c, breadcrumbs: _b, ...rest } = p;
  return rest;
}

function findCategory(slug: string, nodes = TREE, trail: CategoryNode[] = []): { node: CategoryNode; trail: CategoryNode[] } | null {
  for (const node of nodes) {
    if (node.slug === slug) return { node, trail: [...trail, node] };
    const found = findCategory(slug, node.children, [...trail, node]);
    if (found) return found;
  }
  return null;
}

const fold = (s: string) => s.toLocaleLowerCase("tr-TR");

const catalog: CatalogReader = {
  async categoryTree() {
    return TREE;
  },
  async home() {
    return {
      featured: PRODUCTS.slice(0, 10).map(card),
      discounted: PRODUCTS.filter((p) => p.discountPercent > 0)
        .slice(0, 10)
        .map(card),
      newArrivals: PRODUCTS.slice(20, 30).map(card),
      bestSellers: PRODUCTS.slice(30, 40).map(card),
    };
  },
  async list(query: ProductQuery) {
    let items = PRODUCTS;
    let category = null;
    if (query.category) {
      const found = findCategory(query.category);
      if (!found) return { items: [], total: 0, page: 1, perPage: query.perPage ?? 24, category: null };
      const slugs = new Set([found.node.slug, ...found.node.children.map((c) => c.slug)]);
      items = items.filter((p) => p.breadcrumbs.some((b) => slugs.has(b.slug)));
      category = { ...found.node, breadcrumbs: found.trail.map((c) => ({ slug: c.slug, name: c.name })) };
    }
    if (query.search) items = items.filter((p) => fold(`${p.title} ${p.brand}`).includes(fold(query.search ?? "")));
    if (query.inStock) items = items.filter((p) => p.inStock);
    if (query.discounted) items = items.filter((p) => p.discountPercent > 0);
    if (query.sort === "price-asc") items = [...items].sort((a, b) => a.price - b.price);
    if (query.sort === "price-desc") items = [...items].sort((a, b) => b.price - a.price);
    const perPage = query.perPage ?? 24;
    const page = query.page ?? 1;
    return { items: items.slice((page - 1) * perPage, page * perPage).map(card), total: items.length, page, perPage, category };
  },
  async product(slug: string) {
    return PRODUCTS.find((p) => p.slug === slug) ?? null;
  },
};

const MAILS: MailDetail[] = Array.from({ length: 7 }, (_, i) => ({
  id: `m-${i}`,
  to: [`musteri${i}@example.com`],
  subject: [`Siparişiniz alındı #10${i}`, "E-posta adresinizi doğrulayın", "Şifre sıfırlama bağlantınız"][i % 3] as string,
  text: "Merhaba,\n\nSiparişiniz alındı. Teşekkür ederiz.\n\nKervan Demo Mağaza",
  html:
    i % 2 === 0
      ? "<h1 style='font-family:sans-serif;color:#0f766e'>Siparişiniz alındı</h1><p>Teşekkür ederiz.</p><script>alert(1)</script>"
      : null,
  status: ["sent", "queued", "failed"][i % 3] as string,
  createdAt: new Date(Date.UTC(2025, 0, 10 + i, 9, 30)).toISOString(),
}));

const admin: AdminReader = {
  async dashboard() {
    return {
      products: PRODUCTS.length,
      activeProducts: PRODUCTS.length - 2,
      outOfStock: PRODUCTS.filter((p) => !p.inStock).length,
      categories: 26,
      mailMessages: MAILS.length,
    };
  },
  mail: {
    async list(page: number) {
      return { items: MAILS.slice((page - 1) * 20, page * 20), total: MAILS.length };
    },
    async get(id: string) {
      return MAILS.find((m) => m.id === id) ?? null;
    },
  },
};

const port = Number(process.argv[2] ?? 5199);
const app = Fastify({ logger: false });
app.get("/media/fake/:file", async (request, reply) => {
  const file = (request.params as { file: string }).file;
  const [i, n] = file.replace(".svg", "").split("-").map(Number) as [number, number];
  const hue = HUES[i % HUES.length] ?? 180;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% ${88 - n * 6}%)"/><stop offset="1" stop-color="hsl(${hue + 30} 55% ${72 - n * 6}%)"/></linearGradient></defs><rect width="800" height="800" fill="url(#g)"/><circle cx="400" cy="380" r="${180 + n * 20}" fill="hsl(${hue} 45% 40% / .55)"/><rect x="250" y="600" width="300" height="36" rx="18" fill="hsl(${hue} 40% 30% / .35)"/></svg>`;
  return reply.type("image/svg+xml").header("cache-control", "public, max-age=3600").send(svg);
});
app.get("/api/health", async () => ({ ok: true }));
const { build, clientDir } = await importServerBuild(path.join(root, "build"));
await app.register(webPlugin, {
  build,
  clientDir,
  getContext: async (request): Promise<WebContextInput> => {
    const staff = (request.query as { staff?: string }).staff === "1" || /(?:^|;\s*)fake_staff=1/.test(request.headers.cookie ?? "");
    return {
      tenant: {
        id: "t1",
        name: "Kervan Demo",
        slug: "demo",
        currency: "TRY",
        profile: {
          legalName: "Kervan Demo Ticaret A.Ş.",
          email: "destek@kervan.test",
          phone: "0 (212) 555 01 23",
          address: "Levent Mah. Büyükdere Cad. No: 1, 34330 Beşiktaş / İstanbul",
          taxOffice: "Beşiktaş",
          taxNumber: "1234567890",
          mersisNo: "0123456789000015",
          kepAddress: "kervandemo@hs01.kep.tr",
          social: { instagram: "https://instagram.com/kervan", x: "https://x.com/kervan" },
        },
      },
      user: staff ? { id: "u1", name: "Ayşe Yılmaz", email: "admin@kervan.test", role: "admin" } : null,
      publicUrl: `http://${request.host}`,
      catalog,
      admin: staff ? admin : null,
    };
  },
});
app.addHook("onSend", async (request, reply) => {
  const q = (request.query as { staff?: string } | undefined)?.staff;
  if (q === "1") reply.header("set-cookie", "fake_staff=1; Path=/");
  if (q === "0") reply.header("set-cookie", "fake_staff=0; Path=/");
});
app.setNotFoundHandler((request, reply) => reply.code(404).send({ title: "Not Found", path: request.url }));
await app.listen({ port, host: "127.0.0.1" });
console.log(`harness on http://127.0.0.1:${port}`);
