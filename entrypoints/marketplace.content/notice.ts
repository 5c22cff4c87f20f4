import { browser } from 'wxt/browser';
import type { TabMessage } from '../shared/messages';
import { loadLazy } from '../shared/lazy-script';
import type { InPageUi } from '../notice';
import type { Feature } from './feature';

/**
 * After an order is recorded, a small notice on the page says what was recorded, with "Không tính đơn này".
 * Its UI (the in-page UI script, a shadow root) is loaded only then, keeping this script small on every other page.
 */
export const notice: Feature = {
  name: 'notice',
  start({ ctx }) {
    browser.runtime.onMessage.addListener((m: TabMessage, sender) => {
      if (sender.id !== browser.runtime.id || m?.type !== 'orders-recorded') return;
      void loadLazy<InPageUi>('notice').then((ui) => ui.showNotice(ctx, m.orders));
    });
  },
};
