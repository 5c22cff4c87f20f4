// The page reader (lib/marketplaces readPage) and the page-structure stripper, loaded by the content script
// only on pages the cheap detector says are worth reading, or when the person reports a broken page.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage as readWithRules } from '../../lib/marketplaces/read-page';
import { withFullRules } from '../../lib/marketplaces/detection-rules';
import type { Detection } from '../../lib/marketplaces/detect';
import type { ExtractResult } from '../../lib/marketplaces/types';
import { pageStructure } from '../../lib/page-structure';
import { provide } from '../shared/lazy-script-provide';
import { chooseRules, type RulesCache } from '../shared/rules-choice';

/**
 * Reads the page with the full rules: the same choice between the collector's copy (`stored`) and the bundled one
 * as the content script made for its detection part. `detected`: the content script's detection on this page.
 */
function readPage(doc: Document, url: string, stored: RulesCache | undefined, detected?: Detection): ExtractResult {
  const rules = chooseRules(stored);
  return readWithRules(doc, url, rules, detected && withFullRules(detected, rules));
}

export interface Reader {
  readPage: typeof readPage;
  pageStructure: typeof pageStructure;
}

export default defineUnlistedScript(() => {
  provide('reader', { readPage, pageStructure } satisfies Reader);
});
