/**
 * The marketplaces the campaign counts, and the only pages the extension may read. This is the one list: the
 * manifest (wxt.config.ts), the collector's checks, the API schemas and every screen that names a marketplace.
 * Written host → marketplace because that is what the content script needs; the rest is derived (and dropped
 * from bundles that do not use it).
 */
export const marketplaceHosts = {
  'langson.voso.vn': 'voso',
  'langson.postmart.vn': 'postmart',
} as const;

export type Marketplace = (typeof marketplaceHosts)[keyof typeof marketplaceHosts];

/**
 * The manifest's match patterns: these hosts and no other, over `https://` only. On plain HTTP anyone on the
 * network path could write the page the content script reads (and the order it records).
 */
export const marketplaceMatches = /* @__PURE__ */ Object.keys(marketplaceHosts).map((host) => `https://${host}/*`);

/** Which marketplace a URL belongs to, or null for any other site. */
export function marketplaceOf(url: string): Marketplace | null {
  try {
    return marketplaceOfHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** Which marketplace a host name belongs to ("langson.voso.vn" → "voso"), or null for any other. */
export const marketplaceOfHost = (hostname: string): Marketplace | null =>
  (marketplaceHosts as Record<string, Marketplace>)[hostname.toLowerCase()] ?? null;

/** The marketplaces in list order. */
export const marketplaces = /* @__PURE__ */ Object.values(marketplaceHosts) as readonly Marketplace[];

/** Each marketplace's Lạng Sơn storefront host, as people see it. */
export const marketplaceHostOf = /* @__PURE__ */ hostOfEach();

function hostOfEach() {
  return Object.fromEntries(Object.entries(marketplaceHosts).map(([host, m]) => [m, host])) as Record<Marketplace, string>;
}

/** Short names for tables. */
export const marketplaceLabels: Record<Marketplace, string> = { voso: 'Voso', postmart: 'Postmart' };

/** The hosts in list order, joined by `separator` ("langson.voso.vn, langson.postmart.vn"), for messages. */
export function hostsJoined(separator: string): string {
  return Object.keys(marketplaceHosts).join(separator);
}

export const marketplaceHostList = /* @__PURE__ */ hostsJoined(', ');

export const isMarketplace = (v: unknown): v is Marketplace => marketplaces.includes(v as Marketplace);
