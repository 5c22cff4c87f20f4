/** The marketplaces the campaign counts, and the only pages the extension may read. */
export type Marketplace = 'voso' | 'postmart';

export const marketplaceHosts: Record<string, Marketplace> = {
  'langson.voso.vn': 'voso',
  'langson.postmart.vn': 'postmart',
};

export const marketplaceMatches = Object.keys(marketplaceHosts).map((host) => `*://${host}/*`);

/** Which marketplace a URL belongs to, or null for any other site. */
export function marketplaceOf(url: string): Marketplace | null {
  try {
    return marketplaceHosts[new URL(url).hostname.toLowerCase()] ?? null;
  } catch {
    return null;
  }
}
