// The cheap first step on every marketplace page: which site, which page rule, and whether the page is worth
// reading at all. One regular expression per site and at most a handful of selector queries; no page text is read
// (commerce-signs.ts says what a page no rule knows is about from its address, title and first heading).
// Small on purpose: a content script can run this first and load the reader only when `worthReading`.
import { pageSaysCommerce, textSaysCommerce } from './commerce-signs';
import { marketplaceOfHost, type Marketplace } from './hosts';
import type { PageRule, Rules, SiteRules } from './rules';
import { findPageRule, orderRuleFor } from './site-rules';

/**
 * A page's address: the content script passes `location` (already parsed by the browser: parsing it again costs a
 * first use of the URL parser on every page), everything else a URL string.
 */
export type PageAddress = Pick<URL, 'href' | 'hostname' | 'pathname' | 'search'>;

export interface Detection {
  marketplace: Marketplace | null;
  site: SiteRules | null;
  /** The site rule for this page, when one matches its URL and detect selector. */
  page: PageRule | null;
  /** False on pages that are certainly no order or product (most pages): stop there. */
  worthReading: boolean;
}

const siteOf = (rules: Rules, marketplace: Marketplace, hostname: string) =>
  rules.sites.find((s) => s.marketplace === marketplace && s.hosts.includes(hostname.toLowerCase())) ?? null;

/** The address and its marketplace; null off the marketplaces or for an address that is no URL. */
function marketplacePage(url: string | PageAddress): { u: PageAddress; marketplace: Marketplace } | null {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    const marketplace = marketplaceOfHost(u.hostname);
    return marketplace && { u, marketplace };
  } catch {
    return null;
  }
}

export function detectPage(doc: Document, url: string | PageAddress, rules: Rules): Detection {
  const at = marketplacePage(url);
  if (!at) return { marketplace: null, site: null, page: null, worthReading: false };
  const { u, marketplace } = at;
  try {
    const site = siteOf(rules, marketplace, u.hostname);
    const page = site ? findPageRule(site, doc, u.pathname + u.search) : null;
    return { marketplace, site, page, worthReading: !!page || pageSaysCommerce(doc, u) };
  } catch {
    return { marketplace, site: null, page: null, worthReading: false };
  }
}

/**
 * Whether a page found not worth reading may have become so while its address stayed the same: a rule for an order,
 * checkout or cart page is written for its address (the rule's detect selector may render late), or its title now
 * speaks of orders. No DOM query: the content script asks it at each change of a busy page that is no order
 * (carousels, counters, chat), and reads the page again only when it says yes. A new address is always read again.
 */
export function mayHaveBecomeWorthReading(doc: Document, url: string | PageAddress, rules: Rules): boolean {
  const at = marketplacePage(url);
  if (!at) return false;
  const site = siteOf(rules, at.marketplace, at.u.hostname);
  return (!!site && orderRuleFor(site, at.u.pathname + at.u.search)) || textSaysCommerce(doc.title ?? '');
}
