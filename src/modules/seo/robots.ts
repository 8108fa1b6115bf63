// robots.txt: crawl the storefront, not the private or endless parts of it.

/** Paths crawlers are kept out of: admin, account, cart, checkout-like steps, sign-in pages and the API. */
export const DISALLOWED_PATHS = [
  "/admin",
  "/hesap",
  "/sepet",
  "/api/",
  "/giris",
  "/uye-ol",
  "/sifremi-unuttum",
  "/sifre-sifirla",
  "/cikis",
  "/davet",
  "/tercih",
  // search results with a query: infinite combinations with no content of their own
  "/ara?",
  // sorted and filtered listings repeat the category page (its canonical URL stays crawlable)
  "/*?*sirala=",
  "/*?*stokta=",
  "/*?*indirimli=",
] as const;

/**
 * The robots.txt of a store. With `indexing` off (any environment but production, unless
 * SEARCH_INDEXING says otherwise) everything is disallowed so that staging and demo copies stay
 * out of search results.
 */
export function robotsTxt(options: { origin: string; indexing: boolean }): string {
  if (!options.indexing) return "# Indexing is turned off for this installation (SEARCH_INDEXING=false).\nUser-agent: *\nDisallow: /\n";
  return [
    "User-agent: *",
    "Allow: /",
    ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${options.origin}/sitemap.xml`,
    "",
  ].join("\n");
}
