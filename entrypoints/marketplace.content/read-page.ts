import { browser } from 'wxt/browser';
import { extractPage } from '../../lib/marketplaces/extract';
import { chooseRules, RULES_KEY, type RulesCache } from '../shared/rules-choice';
import type { PageRead } from './feature';

/**
 * Reads the page with the freshest rules the background kept. The extraction is measured with
 * performance marks ("nongsan-so:read") so the bench can tell its main-thread cost on real pages.
 */
export async function readPage(): Promise<PageRead> {
  const stored = (await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined;
  const url = location.href;
  const start = performance.now();
  const result = extractPage(document, url, chooseRules(stored));
  const ms = performance.now() - start;
  performance.measure('nongsan-so:read', { start, end: start + ms, detail: { pageType: result.pageType } });
  return { url, result, ms };
}
