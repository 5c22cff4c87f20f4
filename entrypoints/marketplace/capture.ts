import { browser } from './extension-api';
import type { Message, PageReadAnswer } from '../shared/messages';
import type { ExtractResult } from '../../lib/marketplaces/types';
import type { Feature } from './feature';
import { showRecorded } from './notice';

/** The reading last sent, and its JSON once a later reading was compared with it. */
let lastSent: ExtractResult | undefined;
let lastSentJson: string | undefined;

/**
 * Sends what the page holds (a cart, a checkout, an order) to the background, which records it and answers with the
 * orders it has just recorded: the notice shows them (notice.ts). The page is read again as it changes: the same
 * reading is sent once (recording is idempotent anyway; this saves the work). The first reading is sent without
 * comparing: there is nothing to compare it with.
 */
export const capture: Feature = {
  name: 'capture',
  read({ ctx, page }) {
    const { result } = page;
    if (result.pageType === 'other' || result.pageType === 'product' || (!result.orders.length && result.pageType !== 'order-confirmation')) return;
    if (lastSent) {
      const json = JSON.stringify(result);
      if (json === (lastSentJson ??= JSON.stringify(lastSent))) return;
      lastSentJson = json;
    }
    lastSent = result;
    const message: Message = { type: 'page-read', url: page.url, result };
    void browser.runtime
      .sendMessage(message)
      .then((answer: PageReadAnswer | undefined) => {
        // The mark says the background has stored it (tests wait for it before leaving the page).
        performance.mark('nongsan-so:recorded');
        showRecorded(ctx, answer?.recorded ?? []);
      })
      .catch(() => {});
  },
};
