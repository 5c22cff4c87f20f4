import { browser } from './extension-api';
import type { TabMessage } from '../shared/messages';
import { loadLazy } from '../shared/lazy-script';
import type { InPageUi } from '../notice';
import type { Feature } from './feature';

let listening = false;

/**
 * After an order is recorded, a small notice on the page says what was recorded, with "Không tính đơn này".
 * Its UI (the in-page UI script, a shadow root) is loaded only then, keeping this script small on every other page.
 * The background says so only after this page sent it a reading, which only a page worth reading does: the notice
 * listens from the first such reading, and a page that is no order costs it nothing.
 */
export const notice: Feature = {
  name: 'notice',
  read({ ctx, page }) {
    if (listening || !page.worthReading) return;
    listening = true;
    browser.runtime.onMessage.addListener((m: TabMessage, sender) => {
      if (sender.id !== browser.runtime.id || m?.type !== 'orders-recorded') return;
      void loadLazy<InPageUi>('notice').then((ui) => ui.showNotice(ctx, m.orders));
    });
  },
};
