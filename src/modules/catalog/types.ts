// Read shapes the storefront and the REST API share. Money is integer kuruş, KDV included.

export interface ImageSource {
  /** Default (largest WebP) URL. */
  src: string;
  /** `url 400w, url 800w` for responsive images. */
  srcSet: string;
  width: number;
  height: number;
  alt: string;
}

export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  price: number;
  compareAtPrice: number | null;
  /** Whole percent off compareAtPrice, 0 when not discounted. */
  discountPercent: number;
  currency: string;
  inStock: boolean;
  image: ImageSource | null;
}

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  children: CategoryNode[];
}

export interface Crumb {
  slug: string;
  name: string;
}

/** A responsive image in every stored format: AVIF and WebP `<source>`s plus a JPEG (or WebP) fallback. */
export interface Picture extends ImageSource {
  /** `srcSet` per format, best first (`image/avif`, `image/webp`, `image/jpeg`), for `<picture>`. */
  sources: { type: string; srcSet: string }[];
}

/** The product video as a gallery slide. */
export interface VideoSource {
  /** HLS master playlist (hls.js or native HLS); null while processing or without ffmpeg. */
  hls: string | null;
  /** Browser-safe MP4 (H.264), or the original upload when it could not be converted. */
  mp4: string;
  /** Type of `mp4` (`video/mp4`, or the original's type). */
  type: string;
  poster: Picture | null;
  width: number | null;
  height: number | null;
  alt: string;
}

export interface VariantDetail {
  id: string;
  /** `{ Beden: "M", Renk: "Siyah" }`; `{}` for a product without options. */
  options: Record<string, string>;
  sku: string | null;
  barcode: string | null;
  price: number;
  compareAtPrice: number | null;
  discountPercent: number;
  stock: number;
  inStock: boolean;
  /** Index into `ProductDetail.images` shown for this variant, or null. */
  imageIndex: number | null;
}

export interface ProductDetail extends ProductCard {
  description: string;
  /** Sanitised HTML of the description (safe to render as is). */
  descriptionHtml: string;
  vatRate: number;
  stock: number;
  kind: "physical" | "external";
  /** For external products: the tracked redirect path (`/urun/<slug>/git`). */
  externalPath: string | null;
  images: Picture[];
  video: VideoSource | null;
  options: { name: string; values: string[] }[];
  variants: VariantDetail[];
  specs: { name: string; value: string }[];
  tags: string[];
  brandSlug: string | null;
  seo: { title: string | null; description: string | null };
  category: { slug: string; name: string } | null;
  breadcrumbs: Crumb[];
  /** The category's id and its ancestors' (coupon scopes match on them). */
  categoryPath: string[];
  /** Orders beyond stock are taken as backorder / pre-order (they wait for review). */
  saleMode: "normal" | "backorder" | "preorder";
  /** Weight and volumetric weight of the cheapest variant, for delivery info. */
  shipping: { weightGrams: number | null; desi: number | null };
}

export const productSorts = ["relevance", "newest", "price-asc", "price-desc", "best-selling", "name-asc"] as const;
export type ProductSort = (typeof productSorts)[number];

export interface ProductQuery {
  /** Category slug; includes the category's descendants. */
  category?: string;
  search?: string;
  sort?: ProductSort;
  page?: number;
  perPage?: number;
  inStock?: boolean;
  discounted?: boolean;
  /** Brand slugs (any of them). */
  brands?: string[];
  /** Folded `name:value` keys; values of one name are OR-ed, names AND-ed. */
  attrs?: string[];
  /** Price bounds in kuruş, inclusive. */
  minPrice?: number;
  maxPrice?: number;
  /** Also compute facet counts for these filters. */
  facets?: boolean;
}

export interface Facets {
  brands: { slug: string; name: string; count: number; selected: boolean }[];
  attributes: { name: string; key: string; values: { value: string; key: string; count: number; selected: boolean }[] }[];
  /** Price span of the matches, ignoring the price filter; null when nothing matches. */
  price: { min: number; max: number } | null;
  inStock: number;
  discounted: number;
}

export interface ProductPage {
  items: ProductCard[];
  total: number;
  /** `total` is a lower bound: a search without facets stops counting at 1,000 matches. */
  totalCapped: boolean;
  page: number;
  perPage: number;
  category: (CategoryNode & { breadcrumbs: Crumb[] }) | null;
  facets: Facets | null;
  /** The search text after typo correction, when it was corrected. */
  corrected: string | null;
}

export interface HomeSections {
  featured: ProductCard[];
  discounted: ProductCard[];
  newArrivals: ProductCard[];
  bestSellers: ProductCard[];
}

/** Catalog reads bound to one tenant and locale, as handed to web loaders. */
export interface CatalogReader {
  categoryTree(): Promise<CategoryNode[]>;
  home(): Promise<HomeSections>;
  list(query: ProductQuery): Promise<ProductPage>;
  product(slug: string): Promise<ProductDetail | null>;
}
