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
 * is read again only if it may have become one (then the previous reading comes back, `unchanged`).
 * `ms` is the main-thread time from `since` (when the caller asked), detector and reader, not the wait for loading
 * the reader; the caller records it with `recordReading` once it has handed the reading on.
 */
export async function pageReader(): Promise<(previous?: PageRead, since?: number) => Promise<PageRead>> {
  const stored = (await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined;
  // Detection only: the reader reads with the full rules, chosen the same way. Chosen at the first reading, so that
  // its time is counted with it.
  let rules: Rules | undefined;
  let reader: Reader | undefined;
  return async (previous?: PageRead, since = performance.now()) => {
    rules ??= chooseAmong(__DETECTION_RULES__, stored);
    const url = location.href;
    let start = since;
    // A page that is no order, changed in place at the same address: unless it may have become one, the previous
    // reading stands (a busy home page costs a few regular expressions per change, not a reading).
    if (previous && !previous.worthReading && previous.url === url && !mayHaveBecomeWorthReading(document, url, rules))
      return { ...previous, ms: performance.now() - start, unchanged: true };
    const found = detectPage(document, url, rules);
    let result: ExtractResult = { marketplace: found.marketplace, pageType: found.page?.type ?? 'other', orders: [], product: null, rulesVersion: found.site?.version ?? null };
    // A product page's shop link, for the buyer's note (badge.ts): one selector query.
    const shopKey = found.page?.type === 'product' ? shopKeyOnPage(document, url, found.site, found.page) : null;
    const worthReading = found.worthReading && found.page?.type !== 'product';
    let ms = performance.now() - start;
    if (worthReading) {
      // The page may have changed while the reader was loading: then it is detected afresh.
      const detected = reader ? found : undefined;
      reader ??= await loadLazy<Reader>('reader');
      start = performance.now();
      result = reader.readPage(document, url, stored, detected);
      ms += performance.now() - start;
    }
    return { url, result, ms, worthReading, watchContent: worthReading || found.mayBecomeOrder, shopKey };
  };
}

/**
 * The performance measure "nongsan-so:read" of a reading, its page type in `detail` (the bench and the tests read
 * it). Recorded by the caller inside its own measured time, so that the recording is counted too.
 */
export function recordReading({ ms, result, unchanged }: PageRead) {
  performance.measure('nongsan-so:read', { start: 0, duration: ms, detail: unchanged ? { pageType: result.pageType, unchanged } : { pageType: result.pageType } });
}
