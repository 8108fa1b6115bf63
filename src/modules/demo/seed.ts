// The demo store: the default tenant "Kervan Demo Mağaza" with its domains, category tree,
// ~70 hand-written products and their pictures.
//
// Order of work, chosen so that a failure never leaves a half-seeded database behind:
//   1. If a default tenant exists, stop: seeding is idempotent.
//   2. Pick the ids up front and render + store every picture under `tenants/<newTenantId>/`.
//      Nothing is in the database yet, so a crash here leaves only unreferenced files.
//   3. Insert tenant, domains, categories, products and image rows in ONE transaction.
//   4. If that transaction fails, delete the stored pictures again; if it failed because another
//      process seeded at the same time (unique default tenant), report that store instead.
// A crash between 2 and 3 leaves orphaned files under a tenant folder no row refers to; the next
// run uses a new tenant id, so they never collide and can be removed by any prefix sweep.

import { randomUUID } from "node:crypto";
import { eq, inArray, like } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { Storage } from "../../platform/storage/types.ts";
import { slugify } from "../../platform/text.ts";
import { projectNow } from "../catalog/projection.ts";
import { banners, categories, type ImageVariant } from "../catalog/schema.ts";
import { tenantDomains, tenants } from "../tenants/schema.ts";
import { DEMO_CATEGORIES, DEMO_HOSTS, DEMO_PRODUCTS, DEMO_PROFILE, DEMO_TENANT, type DemoProduct, demoCategoryIndex } from "./data.ts";
import { type DemoLog, toLogFn } from "./generate.ts";
import { mapLimit, type RenderOptions, renderConcurrency, storeRenderedImage } from "./images.ts";
import { type DemoProductRow, insertDemoCatalog } from "./rows.ts";

export type { DemoLog } from "./generate.ts";
export { type GenerateCatalogOptions, type GenerateCatalogResult, generateCatalog } from "./generate.ts";

export interface SeedDemoOptions {
  db: Db;
  storage: Storage;
  log?: DemoLog;
  /** Domains of the demo store; the first is primary. Default `localhost`, `127.0.0.1`. Hosts owned by another tenant are skipped. */
  hosts?: readonly string[];
  /** Also store AVIF at 400 px (about 5× slower to encode than WebP). Default false. */
  avif?: boolean;
  /** "Now" for the products' creation dates (tests). */
  now?: Date;
  /** Folder caching rendered pictures between runs (default in the OS temp folder); false renders every time. */
  renderCache?: string | false;
}

export interface SeedDemoResult {
  created: boolean;
  tenantId: string;
  products: number;
  images: number;
  ms: number;
}

const DAY = 86_400_000;

const DEMO_BANNERS = [
  {
    title: "Yaz fırsatları başladı",
    subtitle: "Modada seçili ürünlerde %25'e varan indirim",
    link: "/kategori/moda?indirimli=1",
    en: { title: "Summer deals are here", subtitle: "Up to 25% off selected fashion" },
  },
  {
    title: "Kablosuz özgürlük",
    subtitle: "Yeni sezon kulaklık ve hoparlörler",
    link: "/ara?q=kulakl%C4%B1k",
    en: { title: "Go wireless", subtitle: "This season's headphones and speakers" },
  },
  {
    title: "Kitap haftası",
    subtitle: "Roman, çocuk ve kişisel gelişimde yeni çıkanlar",
    link: "/kategori/kitap",
    en: { title: "Book week", subtitle: "New in fiction, children's books and self-help" },
  },
];

async function findDefaultTenant(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.isDefault, true)).limit(1);
  return row?.id ?? null;
}

/** "demo", or "demo-2", "demo-3"... when a non-default tenant already uses the slug. */
async function freeTenantSlug(db: Db, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: tenants.slug })
        .from(tenants)
        .where(like(tenants.slug, `${wanted}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

async function removeFiles(storage: Storage, prefix: string, log: (message: string) => void): Promise<void> {
  try {
    await storage.deletePrefix(prefix);
  } catch (error) {
    log(`demo store: could not remove the pictures under ${prefix}: ${(error as Error).message}`);
  }
}

interface PlannedImage {
  productId: string;
  position: number;
  alt: string;
  variants: ImageVariant[];
}

/** Creates the demo store as the default tenant, unless a default tenant already exists. */
export async function seedDemoStore(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now();
  const { db, storage } = options;
  const log = toLogFn(options.log);
  const elapsed = () => Math.round(performance.now() - started);

  const existing = await findDefaultTenant(db);
  if (existing) {
    log("demo store: a default tenant already exists, nothing to do");
    return { created: false, tenantId: existing, products: 0, images: 0, ms: elapsed() };
  }

  const now = (options.now ?? new Date()).getTime();
  const tenantId = randomUUID();
  const index = demoCategoryIndex();

  // Categories with ids chosen here so products can point at them inside one transaction.
  const categoryRows: (typeof categories.$inferInsert)[] = [];
  const categoryIds = new Map<string, string>();
  DEMO_CATEGORIES.forEach((root, position) => {
    const rootId = randomUUID();
    categoryIds.set(root.slug, rootId);
    categoryRows.push({
      id: rootId,
      tenantId,
      parentId: null,
      slug: root.slug,
      name: root.name,
      translations: { en: { name: root.en } },
      position,
    });
    (root.children ?? []).forEach((child, childPosition) => {
      const id = randomUUID();
      categoryIds.set(child.slug, id);
      categoryRows.push({
        id,
        tenantId,
        parentId: rootId,
        slug: child.slug,
        name: child.name,
        translations: { en: { name: child.en } },
        position: childPosition,
      });
    });
  });

  const usedSlugs = new Set<string>();
  const productRows: DemoProductRow[] = DEMO_PRODUCTS.map((p: DemoProduct, i) => {
    const categoryId = categoryIds.get(p.category);
    if (!categoryId || !index.has(p.category)) throw new Error(`demo product "${p.title}" names unknown category "${p.category}"`);
    let slug = slugify(p.title);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(p.title)}-${n}`;
    usedSlugs.add(slug);
    const createdAt = new Date(now - ((i * 37) % 60) * DAY - ((i * 7) % 24) * 3_600_000).toISOString();
    return {
      id: randomUUID(),
      slug,
      title: p.title,
      description: p.description,
      translations: JSON.stringify({ en: { title: p.en.title, description: `<p>${p.en.description}</p>` } }),
      brand: p.brand,
      categoryId,
      price: p.price,
      compareAt: p.compareAt ?? null,
      vat: p.vat ?? 20,
      stock: p.stock,
      featured: p.featured ?? false,
      sold: p.sold,
      createdAt,
      kind: p.kind,
    };
  });

  const tenantPrefix = `tenants/${tenantId}/`;
  const renderOptions: RenderOptions & { cacheDir?: string | false } = {
    widths: [800, 400],
    avifWidths: options.avif ? [400] : [],
    cacheDir: options.renderCache,
  };
  const jobs = DEMO_PRODUCTS.flatMap((p, i) => {
    const row = productRows[i] as (typeof productRows)[number];
    const theme = index.get(p.category)?.theme ?? "home";
    return p.colors.slice(0, 3).map((color, n) => ({
      productId: row.id,
      position: n,
      alt: p.title,
      prefix: `${tenantPrefix}products/${row.id}/${n + 1}`,
      spec: { kind: p.kind, theme, color, accent: p.accent, brand: p.brand, label: p.label, layout: n },
    }));
  });
  let imageRows: PlannedImage[];
  try {
    const renderStarted = performance.now();
    imageRows = await mapLimit(jobs, renderConcurrency(), async (job) => ({
      productId: job.productId,
      position: job.position,
      alt: job.alt,
      variants: await storeRenderedImage(storage, job.prefix, job.spec, renderOptions),
    }));
    log(`demo store: rendered ${imageRows.length} pictures in ${Math.round(performance.now() - renderStarted)} ms`);
  } catch (error) {
    await removeFiles(storage, tenantPrefix, log);
    throw error;
  }

  // 3. Everything in the database at once.
  const hosts = [...new Set((options.hosts ?? DEMO_HOSTS).map((h) => h.trim().toLowerCase()).filter(Boolean))];
  try {
    const slug = await freeTenantSlug(db, DEMO_TENANT.slug);
    await db.transaction(async (tx) => {
      await tx.insert(tenants).values({
        id: tenantId,
        slug,
        name: DEMO_TENANT.name,
        defaultLocale: DEMO_TENANT.defaultLocale,
        currency: DEMO_TENANT.currency,
        isDefault: true,
        profile: DEMO_PROFILE,
      });
      const taken =
        hosts.length > 0
          ? new Set(
              (await tx.select({ host: tenantDomains.host }).from(tenantDomains).where(inArray(tenantDomains.host, hosts))).map(
                (r) => r.host,
              ),
            )
          : new Set<string>();
      const free = hosts.filter((h) => !taken.has(h));
      for (const h of taken) log(`demo store: host ${h} belongs to another store, skipped`);
      if (free.length > 0) await tx.insert(tenantDomains).values(free.map((host, i) => ({ host, tenantId, isPrimary: i === 0 })));
      await tx.insert(categories).values(categoryRows);
      // Home carousel slides (text on the brand gradient; merchants add pictures in the admin).
      await tx.insert(banners).values(
        DEMO_BANNERS.map((b, position) => ({
          tenantId,
          placement: "home-hero" as const,
          title: b.title,
          subtitle: b.subtitle,
          linkUrl: b.link,
          translations: { en: { title: b.en.title, subtitle: b.en.subtitle } },
          position,
        })),
      );
      const assets = imageRows.map((img) => ({ id: randomUUID(), alt: img.alt, variants: img.variants }));
      await insertDemoCatalog(
        tx,
        tenantId,
        productRows,
        assets,
        imageRows.map((img, i) => ({
          productId: img.productId,
          assetId: (assets[i] as { id: string }).id,
          position: img.position,
          alt: img.alt,
        })),
        { next: 1 },
      );
    });
  } catch (error) {
    await removeFiles(storage, tenantPrefix, log);
    const winner = await findDefaultTenant(db).catch(() => null);
    if (winner) {
      log("demo store: another process created the default tenant first");
      return { created: false, tenantId: winner, products: 0, images: 0, ms: elapsed() };
    }
    throw error;
  }
  await projectNow(db, tenantId, "all");
  log(`demo store: created ${productRows.length} products with ${imageRows.length} pictures in ${elapsed()} ms`);
  return { created: true, tenantId, products: productRows.length, images: imageRows.length, ms: elapsed() };
}

/** The default tenant's id, or null. */
export async function defaultTenantId(db: Db): Promise<string | null> {
  return findDefaultTenant(db);
}
