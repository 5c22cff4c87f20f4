import { browser } from 'wxt/browser';
import type { TabMessage } from '../shared/messages';
import { NOTICE_ENTRY, NOTICE_SCRIPT, type ShowNotice } from '../shared/notice-entry';
import type { Feature } from './feature';

/**
 * After an order is recorded, a small notice on the page says what was recorded, with "Không tính đơn này".
 * Its UI (Preact, shadow root) is loaded only then, keeping this script small on every other page.
 */
export const notice: Feature = {
  name: 'notice',
  run({ ctx }) {
    browser.runtime.onMessage.addListener((m: TabMessage, sender) => {
      if (sender.id !== browser.runtime.id || m?.type !== 'orders-recorded') return;
      void (async () => {
        // WXT types getURL by the paths it generates; this one is ours (wxt.config.ts web_accessible_resources).
        await import(/* @vite-ignore */ (browser.runtime as unknown as { getURL(path: string): string }).getURL(NOTICE_SCRIPT));
        await ((globalThis as Record<string, unknown>)[NOTICE_ENTRY] as ShowNotice)(ctx, m.orders);
      })();
    });
  },
};
