/**
 * The marketplaces the campaign counts, and the only pages the extension may read. This is the one list: the
 * manifest (wxt.config.ts), the collector's checks, the API schemas and every screen that names a marketplace.
 */
export const marketplaces = ['voso', 'postmart'] as const;

export type Marketplace = (typeof marketplaces)[number];

/** Each marketplace's Lạng Sơn storefront host, as people see it. */
export const marketplaceHostOf: Record<Marketplace, string> = {
  voso: 'langson.voso.vn',
  postmart: 'langson.postmart.vn',
};

/** Short names for tables. */
export const marketplaceLabels: Record<Marketplace, string> = { voso: 'Voso', postmart: 'Postmart' };

export const marketplaceHosts: Record<string, Marketplace> = Object.fromEntries(marketplaces.map((m) => [marketplaceHostOf[m], m]));

export const marketplaceMatches = Object.keys(marketplaceHosts).map((host) => `*://${host}/*`);

/** "langson.voso.vn, langson.postmart.vn", for messages that list the sites. */
export const marketplaceHostList = marketplaces.map((m) => marketplaceHostOf[m]).join(', ');

export const isMarketplace = (v: unknown): v is Marketplace => (marketplaces as readonly unknown[]).includes(v);

/** Which marketplace a URL belongs to, or null for any other site. */
export function marketplaceOf(url: string): Marketplace | null {
  try {
    return marketplaceHosts[new URL(url).hostname.toLowerCase()] ?? null;
  } catch {
    return null;
  }
}
