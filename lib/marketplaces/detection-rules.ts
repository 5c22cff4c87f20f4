// The part of the site rules the content script uses on every page: which site, which page rule (its address
// pattern and detect selector), and the product page's shop link. The selectors that read an order or a product
// are the reader's (loaded only on pages worth reading), so the copy bundled into the content script drops them
// (wxt.config.ts makes it at build time): half of the content script's size otherwise.
import type { Detection } from './detect';
import type { PageRule, Rules, SiteRules } from './rules';

function detectionPage({ type, url, detect, detectText, product }: PageRule): PageRule {
  return {
    type,
    url,
    ...(detect !== undefined && { detect }),
    ...(detectText !== undefined && { detectText }),
    // `name` is what a product rule must have; the detector and the shop link do not read it.
    ...(product?.shopLink && { product: { name: [], shopLink: product.shopLink } }),
  };
}

/** The rules with only what detectPage, mayHaveBecomeWorthReading and shopKeyOnPage read; sites and pages in order. */
export function detectionRules(rules: Rules): Rules {
  return {
    version: rules.version,
    sites: rules.sites.map(
      (s): SiteRules => ({
        marketplace: s.marketplace,
        version: s.version,
        hosts: s.hosts,
        ...(s.shopKey !== undefined && { shopKey: s.shopKey }),
        pages: s.pages.map(detectionPage),
      }),
    ),
  };
}

/**
 * A detection made with the detection part, as made with the full rules the reader holds: the same site and the
 * same page rule by position (both copies keep the order), so the page is not detected twice. Undefined when the
 * two do not correspond (then the reader detects afresh).
 */
export function withFullRules(found: Detection, rules: Rules): Detection | undefined {
  if (!found.site) return found;
  const { marketplace, version, pages } = found.site;
  const site = rules.sites.find((s) => s.marketplace === marketplace && s.version === version);
  const page = site && found.page ? site.pages[pages.indexOf(found.page)] : null;
  if (!site || page === undefined || (page && (page.type !== found.page!.type || page.url !== found.page!.url))) return undefined;
  return { ...found, site, page };
}
