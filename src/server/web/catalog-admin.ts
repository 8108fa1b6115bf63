import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import { auditContext } from "../../modules/audit/service.ts";
import {
  activeBanners,
  createBanner,
  deleteBanner,
  getBanner,
  listBanners,
  moveBanner,
  updateBanner,
} from "../../modules/catalog/banners.ts";
import {
  createBrand,
  createCategory,
  deleteBrand,
  deleteCategory,
  listBrandsWithCounts,
  listCategories,
  moveCategory,
  updateBrand,
  updateCategory,
} from "../../modules/catalog/taxonomy.ts";
import {
  bulkUpdateProducts,
  type CatalogWriteContext,
  createProduct,
  deleteProduct,
  getProductForEdit,
  LOW_STOCK,
  listAdminProducts,
  updateProduct,
} from "../../modules/catalog/write.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Locale } from "../../web/context.ts";
import {
  type BannerInput,
  type CatalogAdmin,
  type CatalogResult,
  type CategoryInput,
  PRODUCTS_PER_PAGE,
  type StorefrontBanners,
} from "../../web/services/catalog-admin.ts";
import type { Kernel } from "../kernel.ts";
import { change as changeResult } from "./attempt.ts";
import { requirePermission } from "./guard.ts";

const change = <T extends object>(fn: () => Promise<T>): Promise<CatalogResult<T>> => changeResult(fn);

const BANNERS_TTL_MS = 30_000;

/** A banner form's fields as the banner service takes them (English text in `translations`). */
function bannerBody(input: Partial<BannerInput>) {
  const { titleEn, subtitleEn, ...rest } = input;
  const en = titleEn !== undefined || subtitleEn !== undefined ? { en: { title: titleEn ?? "", subtitle: subtitleEn ?? "" } } : undefined;
  return { ...rest, ...(en ? { translations: en } : {}) };
}

function categoryBody(input: Partial<CategoryInput>) {
  const { nameEn, ...rest } = input;
  return { ...rest, ...(nameEn !== undefined ? { translations: { en: { name: nameEn } } } : {}) };
}

/** Implements CatalogAdmin for one request (the page loaders check the permission first). */
export function catalogAdminWeb(kernel: Kernel, request: FastifyRequest): CatalogAdmin {
  const { db, jobs, cache, mediaUrl } = kernel;
  const tenantId = request.tenant.id;
  const read = { db, tenantId };

  /** The write context, with the permission checked again here (defence in depth). */
  async function writer(permission: Permission = "catalog:write"): Promise<CatalogWriteContext> {
    await requirePermission(kernel, request, permission);
    return {
      db,
      tenantId,
      jobs,
      cache,
      actor: auditContext(request),
      limits: { maxImages: kernel.config.media.maxImages, maxVideos: kernel.config.media.maxVideos },
    };
  }

  return {
    products: {
      async list(query) {
        const perPage = query.perPage ?? PRODUCTS_PER_PAGE;
        const result = await listAdminProducts({ ...read, mediaUrl, cache }, { ...query, perPage });
        return { ...result, page: query.page, perPage, lowStock: LOW_STOCK };
      },
      get: (id) => (isUuid(id) ? getProductForEdit(read, id) : Promise.resolve(null)),
      create: (input) => change(async () => createProduct(await writer(), input)),
      update: (id, input) => change(async () => updateProduct(await writer(), id, input)),
      remove: (id) =>
        change(async () => {
          await deleteProduct(await writer(), id);
          return {};
        }),
      bulk: (ids, bulk) => change(async () => bulkUpdateProducts(await writer(), ids.filter(isUuid), bulk)),
    },
    categories: {
      list: (options) => listCategories(db, tenantId, options),
      create: (input) => change(async () => ({ category: await createCategory(await writer(), categoryBody(input) as CategoryInput) })),
      update: (id, input) => change(async () => ({ category: await updateCategory(await writer(), id, categoryBody(input)) })),
      move: (id, direction) =>
        change(async () => {
          await moveCategory(await writer(), id, direction);
          return {};
        }),
      remove: (id) =>
        change(async () => {
          await deleteCategory(await writer(), id);
          return {};
        }),
    },
    brands: {
      list: (options) => listBrandsWithCounts(db, tenantId, options),
      create: (input) => change(async () => ({ brand: await createBrand(await writer(), input) })),
      update: (id, input) => change(async () => ({ brand: await updateBrand(await writer(), id, input) })),
      remove: (id) =>
        change(async () => {
          await deleteBrand(await writer(), id);
          return {};
        }),
    },
    banners: {
      list: () => listBanners(db, tenantId, mediaUrl),
      get: (id) => getBanner(db, tenantId, id, mediaUrl),
      create: (input) =>
        change(async () => ({
          banner: await createBanner(await writer(), bannerBody(input) as Parameters<typeof createBanner>[1], mediaUrl),
        })),
      update: (id, input) => change(async () => ({ banner: await updateBanner(await writer(), id, bannerBody(input), mediaUrl) })),
      move: (id, direction) =>
        change(async () => {
          await moveBanner(await writer(), id, direction, mediaUrl);
          return {};
        }),
      remove: (id) =>
        change(async () => {
          await deleteBanner(await writer(), id);
          return {};
        }),
    },
  };
}

/**
 * The storefront's banners for one request, cached per store and language for 30 s (dropped at
 * once by `invalidateCatalog` after any change), so the home page stays one statement.
 */
export function storefrontBannersWeb(kernel: Kernel, tenantId: string, locale: Locale): StorefrontBanners {
  const { db, cache, mediaUrl } = kernel;
  const key = (...parts: string[]) => `tenant:${tenantId}:catalog:banners:${locale}:${parts.join(":")}`;
  return {
    home: () => cache.get(key("home"), BANNERS_TTL_MS, () => activeBanners(db, tenantId, "home-hero", locale, mediaUrl)),
    category: (categoryId) =>
      isUuid(categoryId)
        ? cache.get(key("category", categoryId), BANNERS_TTL_MS, () =>
            activeBanners(db, tenantId, "category", locale, mediaUrl, categoryId),
          )
        : Promise.resolve([]),
  };
}
