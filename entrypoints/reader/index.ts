// The page reader (lib/marketplaces readPage) and the page-structure stripper, loaded by the content script
// only on pages the cheap detector says are worth reading, or when the person reports a broken page.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage } from '../../lib/marketplaces/read-page';
import { pageStructure } from '../../lib/page-structure';
import { provide } from '../shared/lazy-script';

export interface Reader {
  readPage: typeof readPage;
  pageStructure: typeof pageStructure;
}

export default defineUnlistedScript(() => {
  provide('reader', { readPage, pageStructure } satisfies Reader);
});
