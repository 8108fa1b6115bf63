// Large generated catalogs for demos and load tests: tens of thousands of believable Turkish
// products built from name parts, inserted in big batches.
//
// SHARED PICTURES: generated products do not get pictures of their own. About fifty pictures are
// rendered once per tenant under `tenants/<tenantId>/demo-pool/` and every generated product's
// `product_images.variants` points at those shared keys. Whatever deletes a product's files must
// therefore only delete keys under `tenants/<tenantId>/products/<productId>/` (for example with
// `storage.deletePrefix` on that folder) and never the keys listed in `variants` blindly, or one
// deletion would break the pictures of thousands of other products. Deleting the whole tenant
// (`deletePrefix("tenants/<tenantId>/")`) removes the pool as well.

import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { Storage } from "../../platform/storage/types.ts";
import { slugify } from "../../platform/text.ts";
import { projectNow } from "../catalog/projection.ts";
import { categories, type ImageVariant, products } from "../catalog/schema.ts";
import { DEMO_CATEGORIES, type DemoCategory, demoCategoryIndex } from "./data.ts";
import { type ImageKind, type ImageSpec, mapLimit, renderConcurrency, storeRenderedImage, type ThemeName } from "./images.ts";
import { BOOK_WORDS, LEAF_PARTS, type LeafParts, type PartType, POOL_COLORS } from "./parts.ts";
import { type DemoAsset, type DemoMedia, type DemoProductRow, insertDemoCatalog } from "./rows.ts";

/** Progress messages: a plain function, or any logger with `info(message)` (pino, console). */
export type DemoLog = ((message: string) => void) | { info(message: string): void };

export function toLogFn(log: DemoLog | undefined): (message: string) => void {
  if (!log) return () => {};
  if (typeof log === "function") return log;
  return (message) => log.info(message);
}

export interface GenerateCatalogOptions {
  db: Db;
  storage: Storage;
  tenantId: string;
  /** How many products to add. */
  count: number;
  log?: DemoLog;
  /** PRNG seed; the same seed on the same catalog size gives the same products. */
  seed?: number;
  /** Products per INSERT statement (default 5,000). */
  batchSize?: number;
  /** Pictures rendered per product kind for the shared pool (default 2). */
  poolPerKind?: number;
  now?: Date;
}

export interface GenerateCatalogResult {
  products: number;
  images: number;
  /** Pictures rendered for the pool in this run (0 when the pool already existed). */
  poolRendered: number;
  ms: number;
}

/** mulberry32: tiny, fast, good enough for demo data, and deterministic. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/**
 * A shop-like price in kuruş from a lira range: under 1.000 ₺ it ends in 9,90 (349,90),
 * under 10.000 ₺ in 99,00 or 99,90 (1.299,90), above that in 999,00 (12.999,00).
 */
export function charmPrice(random: () => number, [min, max]: [number, number]): number {
  const lira = between(random, min, max);
  if (lira < 1000) return (Math.floor(lira / 10) * 10 + 9) * 100 + 90;
  if (lira < 10000) return (Math.floor(lira / 100) * 100 + 99) * 100 + (random() < 0.5 ? 90 : 0);
  return (Math.floor(lira / 1000) * 1000 + 999) * 100;
}

/** A former price `pct`% above the price, rounded up to end in ,90 (kuruş; integer maths only). */
export function compareAtFor(price: number, pct: number): number {
  const raw = Math.ceil((price * 100) / (100 - pct));
  const rounded = Math.ceil((raw + 10) / 1000) * 1000 - 10;
  return rounded > price ? rounded : price + 1000;
}

interface PoolEntry {
  kind: ImageKind;
  variants: ImageVariant[];
}

function themeForLeaf(leafSlug: string): ThemeName {
  return demoCategoryIndex().get(leafSlug)?.theme ?? "home";
}

/** Renders (or finds) the shared pictures for the given kinds. Keys are stable, so reruns reuse them. */
async function ensurePool(
  storage: Storage,
  tenantId: string,
  kinds: Map<ImageKind, ThemeName>,
  perKind: number,
  log: (message: string) => void,
): Promise<{ pool: Map<ImageKind, PoolEntry[]>; rendered: number }> {
  const jobs: Array<{ kind: ImageKind; n: number; spec: ImageSpec; prefix: string }> = [];
  let k = 0;
  for (const [kind, theme] of kinds) {
    for (let n = 1; n <= perKind; n++) {
      const color = POOL_COLORS[(k * 3 + n * 5) % POOL_COLORS.length] as string;
      jobs.push({
        kind,
        n,
        spec: { kind, theme, color, layout: n % 2 === 1 ? 0 : 2, label: kind === "jar" ? "Doğal" : undefined },
        prefix: `tenants/${tenantId}/demo-pool/v1-${kind}-${n}`,
      });
    }
    k++;
  }
  let rendered = 0;
  const entries = await mapLimit(jobs, renderConcurrency(), async (job) => {
    const widths = [800, 400];
    const stats = await Promise.all(widths.map((w) => storage.stat(`${job.prefix}-${w}.webp`)));
    if (stats.every((s) => s !== null)) {
      const variants: ImageVariant[] = widths.map((w, i) => ({
        key: `${job.prefix}-${w}.webp`,
        format: "webp",
        width: w,
        height: w,
        bytes: stats[i]?.bytes ?? 0,
      }));
      return { kind: job.kind, variants };
    }
    rendered++;
    return { kind: job.kind, variants: await storeRenderedImage(storage, job.prefix, job.spec) };
  });
  if (rendered > 0) log(`rendered ${rendered} shared pictures`);
  const pool = new Map<ImageKind, PoolEntry[]>();
  for (const e of entries) {
    const list = pool.get(e.kind) ?? [];
    list.push(e);
    pool.set(e.kind, list);
  }
  return { pool, rendered };
}

/** Inserts the demo category tree for a tenant where its slugs are missing (used when a tenant has none). */
export async function ensureDemoCategories(db: Db, tenantId: string): Promise<void> {
  const existing = await db.select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.tenantId, tenantId));
  const ids = new Map(existing.map((c) => [c.slug, c.id]));
  const insert = async (node: DemoCategory, parentId: string | null, position: number) => {
    let id = ids.get(node.slug);
    if (!id) {
      const [row] = await db
        .insert(categories)
        .values({ tenantId, parentId, slug: node.slug, name: node.name, translations: { en: { name: node.en } }, position })
        .returning({ id: categories.id });
      id = row?.id as string;
      ids.set(node.slug, id);
    }
    let i = 0;
    for (const child of node.children ?? []) await insert(child, id, i++);
  };
  let i = 0;
  for (const root of DEMO_CATEGORIES) await insert(root, null, i++);
}

interface Leaf {
  id: string;
  slug: string;
  parts: LeafParts;
  theme: ThemeName;
}

function buildTitle(random: () => number, leaf: Leaf, type: PartType): { tr: string; en: string; brand: string } {
  const brand = pick(random, leaf.parts.brands);
  const [vTr, vEn] = pick(random, type.variants ?? leaf.parts.variants);
  if (type.kind === "book") {
    const [aTr, aEn] = pick(random, BOOK_WORDS.adjectives);
    const [nTr, nEn] = pick(random, BOOK_WORDS.nouns);
    return { tr: `${aTr} ${nTr} (${vTr})`, en: `The ${aEn} ${nEn} (${vEn})`, brand };
  }
  let line = leaf.parts.lines.length > 0 ? pick(random, leaf.parts.lines) : "";
  if (line && leaf.parts.numbered) line = `${line} ${between(random, 2, 15)}`;
  const middle = line ? `${line} ` : "";
  return { tr: `${brand} ${middle}${type.tr} ${vTr}`, en: `${brand} ${middle}${type.en} ${vEn}`, brand };
}

const EXTRA_SENTENCES: Array<[string, string]> = [
  ["Kutusundan çıktığı gibi kullanıma hazırdır.", "Ready to use straight out of the box."],
  ["Aynı gün kargo ve 14 gün içinde ücretsiz iade imkânıyla.", "Ships the same day, with free returns within 14 days."],
  ["Türkiye garantilidir.", "Comes with a Turkish warranty."],
  ["Kaliteli malzemesi sayesinde uzun yıllar kullanılır.", "Quality materials make it last for years."],
  ["Hediye paketi seçeneğiyle sevdiklerinize gönderebilirsiniz.", "Can be gift-wrapped and sent to someone you love."],
  ["Kullanıcılarımızın en çok tercih ettiği modellerden biridir.", "One of our customers' favourite models."],
];

/**
 * Adds `count` active products to a tenant, spread over its leaf categories (the demo tree is
 * created when the tenant has none of the known leaves). Each product gets one or two of the
 * shared pool pictures. Runs in one transaction: either every product is added or none.
 */
export async function generateCatalog(options: GenerateCatalogOptions): Promise<GenerateCatalogResult> {
  const started = performance.now();
  const { db, storage, tenantId } = options;
  const log = toLogFn(options.log);
  const count = options.count;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a whole number ≥ 0, got ${String(count)}`);
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 5000, 20000));
  const now = (options.now ?? new Date()).getTime();

  let rows = await db
    .select({ id: categories.id, slug: categories.slug, parentId: categories.parentId })
    .from(categories)
    .where(eq(categories.tenantId, tenantId));
  if (!rows.some((r) => LEAF_PARTS[r.slug])) {
    log("tenant has no demo categories: creating them");
    await ensureDemoCategories(db, tenantId);
    rows = await db
      .select({ id: categories.id, slug: categories.slug, parentId: categories.parentId })
      .from(categories)
      .where(eq(categories.tenantId, tenantId));
  }
  const leaves: Leaf[] = rows.flatMap((r) => {
    const parts = LEAF_PARTS[r.slug];
    return parts ? [{ id: r.id, slug: r.slug, parts, theme: themeForLeaf(r.slug) }] : [];
  });
  if (count === 0) return { products: 0, images: 0, poolRendered: 0, ms: Math.round(performance.now() - started) };

  const kinds = new Map<ImageKind, ThemeName>();
  for (const leaf of leaves) for (const t of leaf.parts.types) if (!kinds.has(t.kind)) kinds.set(t.kind, leaf.theme);
  const { pool, rendered } = await ensurePool(storage, tenantId, kinds, options.poolPerKind ?? 2, log);

  const [{ existing } = { existing: 0 }] = await db
    .select({ existing: sql<number>`count(*)::int` })
    .from(products)
    .where(eq(products.tenantId, tenantId));
  const random = createRandom(options.seed ?? 20240601 + existing);
  // Slugs end in a per-run token plus the running number, so runs never collide with each other.
  const token = randomBytes(3).readUIntBE(0, 3).toString(36).padStart(4, "0").slice(-4);

  // One library asset per pool picture, shared by the products that show it.
  const assetOf = new Map<string, string>();
  for (const entries of pool.values())
    for (const entry of entries) {
      const key = entry.variants.reduce((x, y) => (y.width > x.width ? y : x)).key;
      const [found] = (
        (await db.execute(sql`select id from media_assets where tenant_id = ${tenantId} and original_key = ${key} limit 1`)) as unknown as {
          rows: { id: string }[];
        }
      ).rows;
      assetOf.set(key, found?.id ?? "");
    }

  let images = 0;
  const counter = { next: existing * 3 + 1 };
  await db.transaction(async (tx) => {
    const newAssets: DemoAsset[] = [];
    for (const entries of pool.values())
      for (const entry of entries) {
        const key = entry.variants.reduce((x, y) => (y.width > x.width ? y : x)).key;
        if (assetOf.get(key)) continue;
        const id = randomUUID();
        assetOf.set(key, id);
        newAssets.push({ id, alt: "", variants: entry.variants });
      }
    let assetsPending = newAssets;
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      const batch: DemoProductRow[] = [];
      const media: DemoMedia[] = [];
      for (let i = 0; i < size; i++) {
        const n = start + i;
        const leaf = leaves[Math.floor(random() * leaves.length)] as Leaf;
        const type = pick(random, leaf.parts.types);
        const title = buildTitle(random, leaf, type);
        const [extraTr, extraEn] = pick(random, EXTRA_SENTENCES);
        const id = randomUUID();
        const price = charmPrice(random, type.lira);
        const discounted = random() < 0.3;
        batch.push({
          id,
          slug: `${slugify(title.tr, { maxLength: 70 }) || "urun"}-${token}${n.toString(36)}`,
          title: title.tr,
          description: `${type.about[0]} ${extraTr}`,
          translations: JSON.stringify({ en: { title: title.en, description: `<p>${type.about[1]} ${extraEn}</p>` } }),
          brand: title.brand,
          categoryId: leaf.id,
          price,
          compareAt: discounted ? compareAtFor(price, between(random, 10, 40)) : null,
          vat: leaf.parts.vat,
          stock: random() < 0.07 ? 0 : 1 + Math.floor(random() ** 2 * 250),
          featured: random() < 0.015,
          sold: Math.floor(random() ** 3 * 3000),
          createdAt: new Date(now - Math.floor(random() * 365 * 86_400_000)).toISOString(),
          kind: type.kind,
        });
        const choices = pool.get(type.kind) ?? [];
        const pictures = choices.length > 1 && random() < 0.3 ? 2 : Math.min(1, choices.length);
        const first = Math.floor(random() * choices.length);
        for (let k = 0; k < pictures; k++) {
          const entry = choices[(first + k) % choices.length] as PoolEntry;
          const key = entry.variants.reduce((x, y) => (y.width > x.width ? y : x)).key;
          media.push({ productId: id, assetId: assetOf.get(key) as string, position: k, alt: title.tr });
        }
      }
      await insertDemoCatalog(tx, tenantId, batch, assetsPending, media, counter);
      assetsPending = [];
      images += media.length;
      log(`generated ${start + size}/${count} products`);
    }
  });
  // Fresh statistics, so the planner uses the listing indexes at once rather than after autovacuum.
  await db.execute(sql`analyze products`);
  await db.execute(sql`analyze product_variants`);
  const projectStarted = performance.now();
  await projectNow(db, tenantId, "all");
  await db.execute(sql`analyze product_listings`);
  log(`projected the read model in ${Math.round(performance.now() - projectStarted)} ms`);
  return { products: count, images, poolRendered: rendered, ms: Math.round(performance.now() - started) };
}
