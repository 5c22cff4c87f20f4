import { browser } from 'wxt/browser';
import { detectPage, mayHaveBecomeWorthReading } from '../../lib/marketplaces/detect';
import { shopKeyOnPage } from '../../lib/marketplaces/shop-link';
import type { Rules } from '../../lib/marketplaces/rules';
import type { ExtractResult } from '../../lib/marketplaces/types';
import { chooseAmong, RULES_KEY, type RulesCache } from '../shared/rules-choice';
import { loadLazy } from '../shared/lazy-script';
import type { Reader } from '../reader';
import type { PageRead } from './feature';

/**
 * Reads the page as it is now with the freshest rules the background kept (fetched from storage once per page; the
 * detection part of the bundled ones, see lib/marketplaces/detection-rules.ts):
 * first the cheap detector; the reader is loaded only for pages worth reading. Product pages are not read
 * either: the extension records orders. Given the previous reading, a page that was no order and kept its address
 * is read again only if it may have become one. Main-thread time (detector + reader, not the wait for loading) goes
 * into the performance measure "nongsan-so:read", its page type in `detail`, for the bench.
 */
export async function pageReader(): Promise<(previous?: PageRead) => Promise<PageRead>> {
  const stored = (await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined;
  // Detection only: the reader reads with the full rules, chosen the same way.
  const rules: Rules = chooseAmong(__DETECTION_RULES__, stored);
  let reader: Reader | undefined;
  return async (previous?: PageRead) => {
    const url = location.href;
    let start = performance.now();
    // A page that is no order, changed in place at the same address: unless it may have become one, the previous
    // reading stands (a busy home page costs a few regular expressions per change, not a reading).
    if (previous && !previous.worthReading && previous.url === url && !mayHaveBecomeWorthReading(document, url, rules)) {
      performance.measure('nongsan-so:read', { start: 0, duration: performance.now() - start, detail: { pageType: previous.result.pageType, unchanged: true } });
      return previous;
    }
    const found = detectPage(document, url, rules);
    let result: ExtractResult = { marketplace: found.marketplace, pageType: found.page?.type ?? 'other', orders: [], product: null, rulesVersion: found.site?.version ?? null };
    // A product page's shop link, for the buyer's note (badge.ts): one selector query.
    const shopKey = found.page?.type === 'product' ? shopKeyOnPage(document, url, found.site, found.page) : null;
    let ms = performance.now() - start;
    const worthReading = found.worthReading && found.page?.type !== 'product';
    if (worthReading) {
      // The page may have changed while the reader was loading: then it is detected afresh.
      const detected = reader ? found : undefined;
      reader ??= await loadLazy<Reader>('reader');
      start = performance.now();
      result = reader.readPage(document, url, stored, detected);
      ms += performance.now() - start;
    }
    performance.measure('nongsan-so:read', { start: 0, duration: ms, detail: { pageType: result.pageType } });
    return { url, result, ms, worthReading, watchContent: worthReading || mayHaveBecomeWorthReading(document, url, rules), shopKey };
  };
}
