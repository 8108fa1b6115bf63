// Admin of the catalog: products (list, editor, bulk changes), categories, brands and banners.
// Types only (plus constants): the server implements CatalogAdmin in src/server/web/catalog-admin.ts
// and passes it through the request context (see ../context.ts). Money is in minor units (kuruş),
// dates are ISO strings.

import type { AdminBanner, BannerSlide } from "../../modules/catalog/banners.ts";
import type { ProductStatus } from "../../modules/catalog/schema.ts";
import type { AdminBrand, AdminCategory } from "../../modules/catalog/taxonomy.ts";
import type { ProductInputRaw } from "../../modules/catalog/validators.ts";
import type { AdminProductQuery, AdminProductRow, BulkChange, EditableProduct } from "../../modules/catalog/write.ts";

export type { AdminBanner, AdminBrand, AdminCategory, AdminProductRow, BannerSlide, EditableProduct, ProductInputRaw, ProductStatus };

export const PRODUCT_STATUSES: readonly ProductStatus[] = ["active", "draft", "archived"];
export const PRODUCTS_PER_PAGE = 25;
export const PRODUCT_PAGE_SIZES = [25, 50, 100] as const;
export type AdminProductSort = NonNullable<AdminProductQuery["sort"]>;
export const PRODUCT_SORTS: readonly AdminProductSort[] = ["updated", "title", "price-asc", "price-desc", "stock"];

/** A field the server refused, by its path in the product input (`variants.0.price`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The outcome of a change: `code` names the refusal (e.g. `category-has-products`). */
export type CatalogResult<T extends object = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; status: number; code: string; message: string; errors: FieldError[] };

export interface ProductListQuery {
  q?: string;
  status?: ProductStatus;
  categoryId?: string;
  brandId?: string;
  stock?: "in" | "out" | "low";
  sort?: AdminProductSort;
  page: number;
  perPage?: number;
}

export interface ProductListPage {
  items: AdminProductRow[];
  total: number;
  page: number;
  perPage: number;
  /** Stock at or below this (and above 0) counts as low. */
  lowStock: number;
}

export interface CategoryInput {
  name: string;
  nameEn?: string;
  slug?: string;
  parentId?: string | null;
}

export interface BannerInput {
  placement: "home-hero" | "category";
  categoryId?: string | null;
  title: string;
  subtitle?: string;
  titleEn?: string;
  subtitleEn?: string;
  linkUrl?: string | null;
  assetId?: string | null;
  active: boolean;
  /** ISO 8601 with offset, or null. */
  startsAt?: string | null;
  endsAt?: string | null;
}

export interface CatalogAdmin {
  products: {
    list(query: ProductListQuery): Promise<ProductListPage>;
    get(id: string): Promise<EditableProduct | null>;
    create(input: ProductInputRaw): Promise<CatalogResult<{ id: string; slug: string }>>;
    update(id: string, input: ProductInputRaw): Promise<CatalogResult<{ id: string; slug: string }>>;
    remove(id: string): Promise<CatalogResult>;
    bulk(ids: string[], change: BulkChange): Promise<CatalogResult<{ updated: number }>>;
  };
  categories: {
    /** Tree order: every parent before its children. `counts: false` leaves product counts at 0 (cheaper, for pickers). */
    list(options?: { counts?: boolean }): Promise<AdminCategory[]>;
    create(input: CategoryInput): Promise<CatalogResult<{ category: AdminCategory }>>;
    update(id: string, input: Partial<CategoryInput>): Promise<CatalogResult<{ category: AdminCategory }>>;
    move(id: string, direction: "up" | "down"): Promise<CatalogResult>;
    remove(id: string): Promise<CatalogResult>;
  };
  brands: {
    /** `counts: false` leaves product counts at 0 (cheaper, for pickers). */
    list(options?: { counts?: boolean }): Promise<AdminBrand[]>;
    create(input: { name: string; slug?: string }): Promise<CatalogResult<{ brand: AdminBrand }>>;
    update(id: string, input: { name?: string; slug?: string }): Promise<CatalogResult<{ brand: AdminBrand }>>;
    remove(id: string): Promise<CatalogResult>;
  };
  banners: {
    list(): Promise<AdminBanner[]>;
    get(id: string): Promise<AdminBanner | null>;
    create(input: BannerInput): Promise<CatalogResult<{ banner: AdminBanner }>>;
    update(id: string, input: Partial<BannerInput>): Promise<CatalogResult<{ banner: AdminBanner }>>;
    move(id: string, direction: "up" | "down"): Promise<CatalogResult>;
    remove(id: string): Promise<CatalogResult>;
  };
}

/** Storefront banners, for every visitor. */
export interface StorefrontBanners {
  /** The home carousel's slides now showing. */
  home(): Promise<BannerSlide[]>;
  /** A category page's banners now showing. */
  category(categoryId: string): Promise<BannerSlide[]>;
}
