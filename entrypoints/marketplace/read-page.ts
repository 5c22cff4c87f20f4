import { askRuntimeFromNowOn, browser } from './extension-api';
import { mayHaveBecomeWorthReading } from '../../lib/marketplaces/detect';
import { showsNoSign } from '../../lib/marketplaces/first-glance';
import type { Rules } from '../../lib/marketplaces/rules';
import type { ExtractResult } from '../../lib/marketplaces/types';
import { chooseAmong, NEWER_RULES_MARK, RULES_KEY, type RulesCache } from '../shared/rules-choice';
import { loadLazy } from '../shared/lazy-script';
import type { Reader } from '../reader';
import type { PageRead } from './feature';
import { firstLook, needsExtension, worthReading } from './needs-extension';

/** The bundled rules' detection part (lib/marketplaces/detection-rules.ts), built into the script. */
const bundled: Rules = __DETECTION_RULES__;

/**
 * What the page needs from the extension's storage, in one call: the collector's rules as the background last stored
 * them, and `keys` (a product page's shop, for the buyer's note). Nothing when the extension cannot answer (it was
 * updated or removed).
 */
async function fromStorage(keys: string[]): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get([RULES_KEY, ...keys]);
  } catch {
    askRuntimeFromNowOn();
    return {};
  }
}

/**
 * Reads the page as it is now: first the cheap detector with the bundled detection rules; on a page that needs the
 * extension (`needsExtension`), the collector's rules are then fetched from storage once (as fresh as when the page
 * first needed them; only where they were newer than the bundled ones when the page loaded, or on a product page),
 * with what `shopKeys` lists for a product page's shop in the same call (`shopStored`), and chosen
 * against the bundled ones, the page detected again with them where they differ, and
 * the reader loaded for pages worth reading. Product pages are not read: the extension records orders. Given the
 * previous reading, a page that was no order and kept its address is read again only if it may have become one
 * (then the previous reading comes back, `unchanged`).
 * `ms` is the main-thread time from `since` (when the caller asked): detector, asking for the stored rules and choosing
 * them, starting the reader's load, reading; not the waits for the storage answer and for the reader. The caller
 * records it with `recordReading` once it has handed the reading on.
 */
export function pageReader(shopKeys: (shopKey: string) => string[]): (previous?: PageRead, since?: number) => Promise<PageRead> {
  let rules = bundled;
  let stored: RulesCache | undefined;
  let storedTaken = false;
  let reader: Reader | undefined;
  // Apart from the glance below, so that a page with no sign does not compile it.
  const detectAndRead = async (url: string, start: number): Promise<PageRead> => {
    let { found, shopKey } = firstLook(document, url, rules);
    let ms = 0;
    let shopStored: Record<string, unknown> | undefined;
    // Storage is asked for a product page's shop, and for the collector's rules only where they are newer than the
    // bundled ones (the mark entrypoints/newer-rules.ts leaves): an order page most often needs nothing from it.
    if (!storedTaken && needsExtension({ found, shopKey }) && (shopKey || NEWER_RULES_MARK in globalThis)) {
      storedTaken = true;
      // Asked before the clock stops: taking the extension API (Chromium builds its bindings then) and sending the
      // request are this page's main-thread time too; only the wait for the answer is not.
      const askedFor = shopKey;
      const asked = fromStorage(shopKey ? shopKeys(shopKey) : []);
      ms += performance.now() - start;
      const answer = await asked;
      start = performance.now();
      stored = answer[RULES_KEY] as RulesCache | undefined;
      const chosen = chooseAmong(bundled, stored);
      // The collector's copy of this site's rules is newer: the page is detected again with it.
      if (found.site && !chosen.sites.includes(found.site)) ({ found, shopKey } = firstLook(document, url, chosen));
      rules = chosen;
      // The shop's entry as asked, unless the newer rules read another shop on the page.
      if (shopKey === askedFor) shopStored = answer;
    }
    let result: ExtractResult = { marketplace: found.marketplace, pageType: found.page?.type ?? 'other', orders: [], product: null, rulesVersion: found.site?.version ?? null };

    const readIt = worthReading(found);
    if (readIt) {
      // The page may have changed while the reader was loading: then it is detected afresh.
      const detected = reader ? found : undefined;
      if (!reader) {
        // Starting its load is main-thread work (the request): counted; the wait is not, and its compile and
        // evaluation are counted from a trace (bench/reader-load.ts).
        const loading = loadLazy<Reader>('reader');
        ms += performance.now() - start;
        reader = await loading;
        start = performance.now();
      }
      result = reader.readPage(document, url, stored, detected);
    }
    ms += performance.now() - start;
    return { url, result, ms, worthReading: readIt, watchContent: readIt || found.mayBecomeOrder, shopKey, shopStored };
  };
  return async (previous?: PageRead, since = performance.now()) => {
    const url = document.URL;
    // A page that is no order, changed in place at the same address: unless it may have become one, the previous
    // reading stands (a busy home page costs a few regular expressions per change, not a reading).
    if (previous && !previous.worthReading && previous.url === url && !mayHaveBecomeWorthReading(document, url, rules))
      return { ...previous, ms: performance.now() - since, unchanged: true };
    // Most pages show no sign at all: a glance with the bundled rules says so, and nothing more is done. At a new
    // address only: at the same one the detection keeps what the first heading said (detect.ts), the glance does not.
    const none = rules === bundled && previous?.url !== url ? showsNoSign(document, url, __FIRST_GLANCE__) : null;
    if (!none) return detectAndRead(url, since);
    const result: ExtractResult = { marketplace: none.marketplace, pageType: 'other', orders: [], product: null, rulesVersion: none.version };
    return { url, result, ms: performance.now() - since, worthReading: false, watchContent: false, shopKey: null };
  };
}

/**
 * The performance measure "nongsan-so:read" of a reading, its page type in `detail` (the bench and the tests read
 * it). Recorded by the caller inside its own measured time, so that the recording is counted too.
 */
export function recordReading({ ms, result, unchanged }: PageRead) {
  performance.measure('nongsan-so:read', { start: 0, duration: ms, detail: unchanged ? { pageType: result.pageType, unchanged } : { pageType: result.pageType } });
}
