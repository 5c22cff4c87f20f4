// Whether a marketplace page needs the extension at all, decided in the page with the rules built into the content
// script. Most pages (home, categories, search, product pages) do not, and the content script then touches no
// extension API: Chromium builds an isolated world's extension bindings on first use, the largest part of what the
// script used to cost on every page.
import { detectPage, type Detection } from '../../lib/marketplaces/detect';
import { shopKeyOnPage } from '../../lib/marketplaces/shop-link';
import type { Rules } from '../../lib/marketplaces/rules';

export interface FirstLook {
  found: Detection;
  /** A product page's shop as the registry is keyed ("voso:41235"), for the buyer's note; null elsewhere. */
  shopKey: string | null;
}

/** The cheap detector, and on a product page its shop link: a few regular expressions and selector queries. */
export function firstLook(doc: Document, url: string, rules: Rules): FirstLook {
  const found = detectPage(doc, url, rules);
  return { found, shopKey: found.page?.type === 'product' ? shopKeyOnPage(doc, url, found.site, found.page) : null };
}

/**
 * The page shows signs of an order, a cart or a checkout (a page rule, a commerce path, structured data in its head,
 * commerce words in its title or first heading), or a shop link for the buyer's note. Asked with the bundled detection
 * rules (read-page.ts): the collector's copy is in the extension's storage, which only a page that needs the extension
 * reads.
 *
 * So what a rule update from the collector (shared/rules-cache.ts) can change: everything about a page this says yes
 * to (which page rule it is, its detect selectors, how its orders and product are read, its shop link and key), and
 * every later page of a single-page app from the first address that says yes. What it cannot change: a page this says
 * no to, one with no commerce word in its path, title or first heading, no product data in its head, no bundled rule
 * for its address and no shop link the bundled rules find. Reading a new kind of such a page needs a release. The
 * content signs keep that gap small: the unseen pages of issue 12 (an order history at a path no rule knows, laid out
 * as a table; a confirmation in a mobile card layout; a checkout with the cart's markup at another path; a redesigned
 * confirmation "Cảm ơn bạn đã đặt hàng") all speak of "đơn hàng", "đặt hàng", "mua hàng" or "thanh toán" in their
 * title or first heading (needs-extension.test.ts).
 */
export const needsExtension = ({ found, shopKey }: FirstLook): boolean => worthReading(found) || shopKey !== null;

/** Worth the reader: signs of an order, a cart or a checkout. Not a product page: the extension records orders. */
export const worthReading = (found: Detection): boolean => found.worthReading && found.page?.type !== 'product';
