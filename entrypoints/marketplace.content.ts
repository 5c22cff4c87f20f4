import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { marketplaceMatches } from '../lib/marketplaces/hosts';
import { extractPage } from '../lib/marketplaces/extract';

// Runs only on langson.voso.vn and langson.postmart.vn (see wxt.config.ts host permissions).
export default defineContentScript({
  matches: marketplaceMatches,
  runAt: 'document_idle',
  main() {
    const result = extractPage(document, location.href);
    if (result.pageType === 'other') return;
    void browser.runtime.sendMessage({ type: 'page-read', url: location.href, result });
  },
});
