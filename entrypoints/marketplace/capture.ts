import { browser } from './extension-api';
import type { Message } from '../shared/messages';
import type { Feature } from './feature';

let lastSent = '';

/**
 * Sends what the page holds (a cart, a checkout, an order) to the background, which records it. The page is
 * read again as it changes: the same reading is sent once (recording is idempotent anyway; this saves the work).
 */
export const capture: Feature = {
  name: 'capture',
  read({ page }) {
    const { result } = page;
    if (result.pageType === 'other' || result.pageType === 'product' || (!result.orders.length && result.pageType !== 'order-confirmation')) return;
    const same = JSON.stringify(result);
    if (same === lastSent) return;
    lastSent = same;
    const message: Message = { type: 'page-read', url: page.url, result };
    // The mark says the background has stored it (tests wait for it before leaving the page).
    void browser.runtime
      .sendMessage(message)
      .then(() => performance.mark('nongsan-so:recorded'))
      .catch(() => {});
  },
};
