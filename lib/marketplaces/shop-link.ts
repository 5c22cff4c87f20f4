// Which shop a product page belongs to, as a key the registry of verified households is matched on
// (lib/quality/badge.ts). Site knowledge is data: the product rule's `shopLink` and the site's `shopKey`.
import { query } from './dom';
import type { PageRule, SiteRules } from './rules';

/** "voso:41235" for any link to voso's shop 41235 ("https://langson.voso.vn/na-nha-hang-s41235", "/x-s41235"); null otherwise. */
export function shopKeyOf(site: SiteRules, link: string | null | undefined, base?: string): string | null {
  if (!site.shopKey || !link) return null;
  try {
    const id = new URL(link, base).pathname.match(new RegExp(site.shopKey))?.[1];
    return id ? `${site.marketplace}:${decodeURIComponent(id).toLowerCase()}` : null;
  } catch {
    return null;
  }
}

/** The shop key of a product page, from the first of its `shopLink` fields found; null on other pages. */
export function shopKeyOnPage(doc: Document, url: string, site: SiteRules | null, page: PageRule | null): string | null {
  for (const f of (site && page?.product?.shopLink) || []) {
    const spec = typeof f === 'string' ? { sel: f } : f;
    const key = shopKeyOf(site!, query(doc, spec.sel)?.getAttribute(spec.attr ?? 'href'), url);
    if (key) return key;
  }
  return null;
}
