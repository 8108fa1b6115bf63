// Test helper: a product with a hand-written listing row, for search tests that do not need the
// catalog's projector.
import type { Db } from "../../platform/db/index.ts";
import { type ListingCard, productListings, products } from "../catalog/schema.ts";
import { type SearchFields, searchVectorSql, titleSortKey } from "./document.ts";

export type ListingFixture = Partial<SearchFields> & {
  title: string;
  slug: string;
  price?: number;
  categoryId?: string;
  soldCount?: number;
  image?: ListingCard["image"];
};

export async function addListedProduct(db: Db, tenantId: string, f: ListingFixture): Promise<string> {
  const [row] = await db
    .insert(products)
    .values({ tenantId, slug: f.slug, title: f.title, price: f.price ?? 1000, status: "active", categoryId: f.categoryId })
    .returning({ id: products.id });
  const id = (row as { id: string }).id;
  await writeListing(db, tenantId, id, f);
  return id;
}

export async function writeListing(db: Db, tenantId: string, productId: string, f: ListingFixture): Promise<void> {
  const fields: SearchFields = { categories: [], tags: [], specs: [], skus: [], ...f };
  const values = {
    productId,
    tenantId,
    slug: f.slug,
    price: f.price ?? 1000,
    categoryId: f.categoryId ?? null,
    categoryPath: f.categoryId ? [f.categoryId] : [],
    inStock: true,
    soldCount: f.soldCount ?? 0,
    createdAt: new Date(),
    titleKey: titleSortKey(f.title),
    card: {
      title: { tr: f.title, ...(f.titleEn ? { en: f.titleEn } : {}) },
      brand: f.brand ?? null,
      image: f.image ?? null,
      kind: "physical" as const,
      variantCount: 1,
    },
    // drizzle takes an SQL expression as a column value
    search: searchVectorSql(fields) as unknown as string,
  };
  await db
    .insert(productListings)
    .values(values)
    .onConflictDoUpdate({
      target: productListings.productId,
      set: { slug: values.slug, titleKey: values.titleKey, card: values.card, search: values.search, soldCount: values.soldCount },
    });
}
