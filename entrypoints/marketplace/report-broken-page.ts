import { browser } from './extension-api';
import { loadLazy } from '../shared/lazy-script';
import type { Reader } from '../reader';
import type { Message, TabMessage } from '../shared/messages';
import type { Feature } from './feature';

/**
 * "Báo trang lỗi": when the person asks from the popup, sends this page's structure — personal data
 * stripped here, before anything leaves the page — for the province to fix the rules.
 */
export const reportBrokenPage: Feature = {
  name: 'report-broken-page',
  start({ latest }) {
    browser.runtime.onMessage.addListener((m: TabMessage, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || m?.type !== 'report-broken-page') return;
      // Through sendResponse, not a returned promise, which Chromium answers with only from 144 on (background.ts).
      void loadLazy<Reader>('reader').then((reader) => {
        const page = latest();
        const message: Message = {
          type: 'report-page',
          url: page.url,
          pageType: page.result.pageType,
          structure: reader.pageStructure(document, page.url),
          rulesVersion: page.result.rulesVersion ?? null,
          note: m.note,
        };
        return browser.runtime.sendMessage(message);
      }).then(sendResponse, () => sendResponse(undefined));
      return true;
    });
  },
};
