import { browser } from 'wxt/browser';
import { extractPage } from '../../lib/marketplaces/extract';
import { marketplaceOf } from '../../lib/marketplaces/hosts';
import type { Rules } from '../../lib/marketplaces/rules';
import type { ExtractResult } from '../../lib/marketplaces/types';
import { chooseRules, RULES_KEY, type RulesCache } from '../shared/rules-choice';
import type { PageRead } from './feature';

/**
 * A product page, by the site rules' own URL patterns. The extension records orders, not products, so it
 * does not spend the person's time reading what it would throw away (product pages are the most read).
 */
function isProductPage(rules: Rules, url: URL): boolean {
  const site = rules.sites.find((s) => s.hosts.includes(url.hostname));
  return !!site?.pages.some((p) => p.type === 'product' && new RegExp(p.url).test(url.pathname + url.search));
}

/**
 * Reads the page with the freshest rules the background kept. The reading is measured with a performance
 * measure ("nongsan-so:read", its page type in `detail`) so the bench can tell its main-thread cost.
 */
export async function readPage(): Promise<PageRead> {
  const stored = (await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined;
  const url = location.href;
  const start = performance.now();
  const rules = chooseRules(stored);
  let result: ExtractResult;
  try {
    result = isProductPage(rules, new URL(url))
      ? { marketplace: marketplaceOf(url), pageType: 'product', orders: [], product: null }
      : extractPage(document, url, rules);
  } catch {
    result = { marketplace: marketplaceOf(url), pageType: 'other', orders: [], product: null };
  }
  const ms = performance.now() - start;
  performance.measure('nongsan-so:read', { start, end: start + ms, detail: { pageType: result.pageType } });
  return { url, result, ms };
}
