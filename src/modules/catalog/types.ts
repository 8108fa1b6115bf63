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

export interface ProductDetail extends ProductCard {
  description: string;
  vatRate: number;
  stock: number;
  images: ImageSource[];
  category: { slug: string; name: string } | null;
  breadcrumbs: Crumb[];
}

export type ProductSort = "newest" | "price-asc" | "price-desc" | "best-selling";

export interface ProductQuery {
  /** Category slug; includes the category's descendants. */
  category?: string;
  search?: string;
  sort?: ProductSort;
  page?: number;
  perPage?: number;
  inStock?: boolean;
  discounted?: boolean;
}

export interface ProductPage {
  items: ProductCard[];
  total: number;
  page: number;
  perPage: number;
  category: (CategoryNode & { breadcrumbs: Crumb[] }) | null;
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
