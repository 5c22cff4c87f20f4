// The content script on langson.voso.vn and langson.postmart.vn. Each behaviour is a small module listed
// here (after Refined GitHub's features): it reads the page once and hands the result to each of them.
// Kept small and cheap: on a page that is no order, it reads and stops.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { marketplaceMatches } from '../../lib/marketplaces/hosts';
import { readPage } from './read-page';
import { capture } from './capture';
import { notice } from './notice';
import { reportBrokenPage } from './report-broken-page';
import type { Feature } from './feature';

const features: Feature[] = [capture, notice, reportBrokenPage];

export default defineContentScript({
  matches: marketplaceMatches,
  runAt: 'document_idle',
  async main(ctx) {
    const page = await readPage();
    const start = performance.now();
    for (const feature of features) {
      try {
        feature.run({ ctx, page });
      } catch {
        // One behaviour failing must not stop the others, nor break the marketplace page.
      }
    }
    // With "nongsan-so:read", the main-thread time this script takes on the page (bench/extension.ts).
    performance.measure('nongsan-so:features', { start, end: performance.now() });
  },
});
