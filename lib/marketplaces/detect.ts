// The cheap first step on every marketplace page: which site, which page rule, and whether the page is worth
// reading at all. A few regular expressions and at most a handful of selector queries; no text is read.
// Small on purpose: a content script can run this first and load the reader only when `worthReading`.
import { foldVietnamese } from '../text';
import { query } from './dom';
import { marketplaceOfHost, type Marketplace } from './hosts';
import type { PageRule, Rules, SiteRules } from './rules';
import { matchPageRules, orderRuleFor } from './site-rules';

// Signs that a page no rule knows may still hold an order or a product, in its path (any case). Plain words, not
// regular expressions: the content script looks for them on every marketplace page, and in a page's new renderer
// process the first regular expression it runs costs it about 0,1 ms to set up (docs/extraction.md).
const COMMERCE_PATH_WORDS = ['donhang', 'don-hang', 'hoadon', 'hoa-don', 'dathang', 'dat-hang', 'giohang', 'gio-hang', 'thanhtoan', 'thanh-toan', 'order', 'checkout', 'cart', 'invoice'];
// What a page no rule knows says about itself, in its title and first headings (diacritics folded).
const COMMERCE_WORDS = ['don hang', 'dat hang', 'mua hang', 'don mua', 'thanh toan', 'gio hang', 'hoa don'];
// Looked for in <head> only, so that a page that is no order costs next to nothing.
export const COMMERCE_HEAD =
  'script[type="application/ld+json"], meta[property="og:type"][content="product"], meta[property="product:price:amount"]';

export interface Detection {
  marketplace: Marketplace | null;
  site: SiteRules | null;
  /** The site rule for this page, when one matches its URL and detect selector. */
  page: PageRule | null;
  /** False on pages that are certainly no order or product (most pages): stop there. */
  worthReading: boolean;
  /**
   * The page may still turn into an order where it is (its content is worth watching): a rule for an order, checkout
   * or cart page is written for its address (the rule's detect selector may render late), or its title speaks of
   * orders. Asked in the same pass as the rest, so the first reading of a page parses its address once.
   */
  mayBecomeOrder: boolean;
}

// Finding the first heading walks the whole document when there is none (0,4 ms on voso's home page in
// Chromium), so it is done once per document and URL; the title is read every time.
const headingSaid = new WeakMap<Document, { url: string; says: boolean }>();

/**
 * `text` holds (`includes`), starts with or ends with one of `parts`. One function for the three, with the string
 * method named: the first reading of a page in a new renderer process compiles each function it calls (the first glance
 * calls all three), and a callback would be one more.
 */
export function anyOf(text: string, how: 'includes' | 'startsWith' | 'endsWith', parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (text[how](parts[i])) return true;
  return false;
}

/** The text (a title, a heading) speaks of orders, checkout or cart. */
export const saysCommerce = (text: string | null | undefined) => anyOf(foldVietnamese(text ?? ''), 'includes', COMMERCE_WORDS);

/** The path of an address speaks of orders, invoices, checkout or cart. */
export const pathSaysCommerce = (pathname: string) => anyOf(pathname.toLowerCase(), 'includes', COMMERCE_PATH_WORDS);

/** The title speaks of orders, checkout or cart. */
const titleSaysCommerce = (doc: Document) => saysCommerce(doc.title);

/** The first h1/h2 speaks of orders, checkout or cart (no other page text is read). */
function headingSaysCommerce(doc: Document, url: string): boolean {
  const known = headingSaid.get(doc);
  if (known?.url === url) return known.says;
  const h = query(doc, 'h1, h2');
  const says = saysCommerce(h?.textContent?.slice(0, 200));
  headingSaid.set(doc, { url, says });
  return says;
}

function siteOf(rules: Rules, marketplace: Marketplace, u: URL): SiteRules | null {
  const host = u.hostname.toLowerCase();
  for (const s of rules.sites) if (s.marketplace === marketplace && s.hosts.includes(host)) return s;
  return null;
}

export function detectPage(doc: Document, url: string, rules: Rules): Detection {
  let marketplace: Marketplace | null = null;
  try {
    const u = new URL(url);
    marketplace = marketplaceOfHost(u.hostname);
    if (!marketplace) return { marketplace, site: null, page: null, worthReading: false, mayBecomeOrder: false };
    const site = siteOf(rules, marketplace, u);
    const { page, orderRule } = site ? matchPageRules(site, doc, u.pathname + u.search) : { page: null, orderRule: false };
    let titled: boolean | undefined;
    const worthReading =
      !!page ||
      pathSaysCommerce(u.pathname) ||
      !!(doc.head && query(doc.head, COMMERCE_HEAD)) ||
      (titled = titleSaysCommerce(doc)) ||
      headingSaysCommerce(doc, url);
    return { marketplace, site, page, worthReading, mayBecomeOrder: orderRule || (titled ?? titleSaysCommerce(doc)) };
  } catch {
    return { marketplace, site: null, page: null, worthReading: false, mayBecomeOrder: false };
  }
}

/**
 * Whether a page found not worth reading may have become so while its address stayed the same: a rule for an order,
 * checkout or cart page is written for its address (the rule's detect selector may render late), or its title now
 * speaks of orders. Regular expressions only, no DOM query: the content script asks it at each change of a busy
 * page that is no order (carousels, counters, chat), and reads the page again only when it says yes. A new
 * address is always read again.
 */
export function mayHaveBecomeWorthReading(doc: Document, url: string, rules: Rules): boolean {
  try {
    const u = new URL(url);
    const marketplace = marketplaceOfHost(u.hostname);
    if (!marketplace) return false;
    const site = siteOf(rules, marketplace, u);
    return (!!site && orderRuleFor(site, u.pathname + u.search)) || titleSaysCommerce(doc);
  } catch {
    return false;
  }
}
